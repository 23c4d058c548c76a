// Live indicators (issue 6, part 4): a registry of named measures that the modules provide, each
// a count over a period of days, and the status of a contract indicator for a year from its
// measured value (or its evidence). The registry holds functions, not figures: an indicator
// bound to a measure follows the data as it is now, without a rebuild. A registry is filled at
// start and then only read; its measures run on the caller's thread and store connection.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contract/contract.h"
#include "core/instant.h"
#include "core/status.h"

namespace hh {

struct MeasureInfo {
  std::string name;      // "gas.cases.autoluw": module, then what it counts
  std::string label_nl;  // as the report and the screens show it
  std::string label_fr;
};

// Days from..to, both included.
struct Period {
  LocalDate from;
  LocalDate to;
  // The calendar year `year` (1 January to 31 December).
  static Period Year(int year);
};

class MeasureRegistry {
 public:
  using Count = std::function<Result<int64_t>(Period)>;

  // AlreadyExists when the name is taken; InvalidArgument for a name that is not lower-case
  // words joined by dots ("gas.letters_sent").
  Status Register(MeasureInfo info, Count count);
  // In the order registered.
  const std::vector<MeasureInfo>& List() const { return infos_; }
  const MeasureInfo* Find(std::string_view name) const;
  // NotFound for an unknown name; InvalidArgument when period.to < period.from.
  Result<int64_t> Value(std::string_view name, Period period) const;

 private:
  std::vector<MeasureInfo> infos_;
  std::vector<Count> counts_;
};

// IndicatorKind is the contract's (contract.h).
// The four statuses, and on track: a running year below its threshold but at the pace
// that reaches it (neither at risk nor met yet; without it such an indicator would show "no data"
// beside a value).
enum class IndicatorStatus : uint8_t { kMet, kOnTrack, kAtRisk, kNotMet, kNoData };

// "met", "on_track", "at_risk", "not_met", "no_data"
std::string_view IndicatorStatusName(IndicatorStatus s);
std::string_view IndicatorStatusLabelNl(IndicatorStatus s);  // "gehaald", "in gevaar", ...

struct IndicatorFacts {
  IndicatorKind kind = IndicatorKind::kCount;
  std::optional<int64_t> threshold_per_year;  // threshold indicators: "at least N a year"
  std::optional<int64_t> value;               // the bound measure's value for the year, if bound
  bool has_evidence = false;                  // a document or note recorded for the year
};

// The status of an indicator for `year`, on `today`:
// - existence: met with evidence for the year; without, not met once the year is over and no
//   data while it runs;
// - count: no data when no measure is bound, else met (a count is reported, not judged);
// - threshold: no data when unbound; met when the value reaches the threshold; below it, not
//   met once the year is over, and while it runs at risk when the value is behind the pace the
//   threshold needs by today (threshold x days elapsed / days in the year), on track otherwise.
//   A year not begun is no data.
IndicatorStatus EvaluateIndicator(const IndicatorFacts& facts, int year, LocalDate today);

}  // namespace hh
