// What people add to an imported contract (issue 6): indicators bound to measures, evidence for
// existence indicators, and answers to what the importer was unsure of. Kept apart from the
// imported contract and named by keys that survive a re-import (the store's ids do not):
//   an indicator's key is "RUBRIC[.SECTOR].STRATEGIC.N": its rubric, its activity sector when
//   the rubric has them, its strategic objective's number and its 1-based position in that
//   objective's indicators ("II.1.4.2", "I.2.1"). The indicator's text is kept beside the key:
//   after a re-import that changed the text at the key, the binding follows the same text
//   within the same objective, or is reported as lost (never applied to another indicator).
// Plain value types and pure functions; safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contract/contract.h"
#include "core/instant.h"

namespace hh {

// An indicator of a contract with its key; the pointers point into the contract it came from.
struct IndicatorRef {
  std::string key;
  const ObjectiveGroup* group = nullptr;
  const StrategicObjective* objective = nullptr;
  const Indicator* indicator = nullptr;
};

// "II.1.4.2": the key of indicator `index` (0-based) of `so` in `g`.
std::string IndicatorKey(const ObjectiveGroup& g, const StrategicObjective& so, size_t index);
// Every indicator of `c`, in the contract's order.
std::vector<IndicatorRef> ListIndicators(const Contract& c);
// The indicator of `c` with key `key`; nullopt when there is none.
std::optional<IndicatorRef> FindIndicator(const Contract& c, std::string_view key);

struct IndicatorBinding {
  std::string key;
  std::string text;     // the indicator's text when it was bound
  std::string measure;  // a name of the measure registry
  Instant bound_at;
  std::string bound_by;  // the login
};

// A piece of evidence for an indicator and a year. The file's bytes stay in the store.
struct IndicatorEvidence {
  int64_t id = 0;
  std::string key;
  std::string text;  // the indicator's text when the evidence was added
  int year = 0;
  std::string note;
  std::string file_name;  // empty when the evidence is a note alone
  std::string content_type;
  std::string sha256;  // hex, of the file
  int64_t size = 0;
  Instant added_at;
  std::string added_by;
};

// A person's answer to an uncertain item (contract.h UncertainItem), matched by `what` and
// `original`: confirmed as the importer read it, or corrected to `value`.
struct Resolution {
  std::string what;
  std::string original;
  bool confirmed = true;
  std::string value;
  Instant at;
  std::string by;
};

// Where `binding` applies in `c` now: the indicator at its key when the text there is the same,
// else the one indicator of the same objective with that text; nullopt when lost.
std::optional<IndicatorRef> ResolveKeyed(const Contract& c, std::string_view key,
                                         std::string_view text);

// True when the item's texts name a person (an abstaining councillor): screens, reports and the
// CLI withhold them and point to the decision's line instead.
bool NamesAPerson(const UncertainItem& item);

// The resolution of `item`, if any.
const Resolution* FindResolution(const std::vector<Resolution>& all, const UncertainItem& item);

}  // namespace hh
