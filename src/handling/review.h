// Review (issue 3, item 5; GAS.md 6.4 "human verification queue"): a person checks each camera
// case (and each finding a rule flagged) against its evidence before anything else happens:
// accept it, correct the plate (the case is then screened again against the permits under the
// corrected plate, and a permitted vehicle leaves nothing behind), or reject it with a reason.
// Each call is one transaction of the store; same thread rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cases/case_actions.h"
#include "core/status.h"
#include "gas/case.h"
#include "gas/settings.h"
#include "store/case_store.h"

namespace hh {

// The next case waiting for review with id > after (0: from the start), with its evidence;
// nullopt when the queue is empty.
[[nodiscard]] Result<std::optional<CaseFile>> ReviewNext(CaseStore& store, CaseId after);

[[nodiscard]] Status ReviewAccept(CaseStore& store, const GasSettings& settings, CaseId id,
                                  const Actor& actor, Instant now);

enum class CorrectionOutcome {
  kCorrected,  // the corrected plate has no permit: the case goes on under it
  kPermitted,  // a permit covers the corrected plate: the case ends, its reads and plate erased
};

// Corrects the plate of a camera case. InvalidArgument when the plate is empty after
// normalisation or unchanged; FailedPrecondition when another camera case already has the
// corrected plate, zone and day (reject this one as its duplicate instead).
[[nodiscard]] Result<CorrectionOutcome> ReviewCorrect(CaseStore& store, const GasSettings& settings,
                                                      CaseId id, std::string_view plate,
                                                      const Actor& actor, Instant now);

// Rejects with a reason. A camera case's reads and plate are erased (the case, its reason and
// its timeline stay); a parking finding keeps its evidence.
[[nodiscard]] Status ReviewReject(CaseStore& store, const GasSettings& settings, CaseId id,
                                  std::string_view reason, const Actor& actor, Instant now);

}  // namespace hh
