// The clock (issue 3, item 2): `handhaving process [--as-of INSTANT]` takes every transition
// that runs by itself because time passed, and nothing else: camera reads whose
// regularisation window closed are decided, deadlines that passed move their cases (unpaid ->
// reminder due, reminder unanswered -> enforceable, defence period over -> decision due, ...),
// cases past their decision limit expire, the 4- and 5-month alarms are raised, and the GAS
// register forgets decisions past its retention period. It never
// decides a sanction. Idempotent for a given as-of. Each case is one transaction of the store.
#pragma once

#include <cstdint>

#include "core/instant.h"
#include "core/status.h"
#include "gas/settings.h"
#include "store/case_store.h"

namespace hh {

struct ProcessReport {
  uint64_t pending_decided = 0;  // camera reads whose regularisation deadline passed
  uint64_t pending_exempt = 0;   // of which a permit registered since covers
  uint64_t new_cases = 0;        // cases those reads opened
  uint64_t joined_reads = 0;
  uint64_t moved = 0;            // deadline transitions taken
  uint64_t expired = 0;          // cases past their decision limit
  uint64_t alarms = 0;           // 4- and 5-month alarms raised
  uint64_t register_purged = 0;  // sanctions past the register's retention, forgotten
};

// `as_of` is the process's "now": deadlines are compared with its Brussels day (a deadline's
// last day still counts: a case moves on the day after it). `now` stamps the events.
[[nodiscard]] Result<ProcessReport> Process(CaseStore& store, const GasSettings& settings,
                                            Instant as_of, Instant now);

}  // namespace hh
