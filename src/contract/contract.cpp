#include "contract/contract.h"

#include <fmt/core.h>

namespace hh {

const char* IndicatorKindName(IndicatorKind kind) {
  switch (kind) {
    case IndicatorKind::kExistence:
      return "existence";
    case IndicatorKind::kCount:
      return "count";
    case IndicatorKind::kThreshold:
      return "threshold";
  }
  return "existence";
}

std::optional<IndicatorKind> IndicatorKindFromName(const std::string& name) {
  if (name == "existence") return IndicatorKind::kExistence;
  if (name == "count") return IndicatorKind::kCount;
  if (name == "threshold") return IndicatorKind::kThreshold;
  return std::nullopt;
}

std::vector<std::string> TotalWarnings(const Contract& c) {
  std::vector<std::string> out;
  if (c.rubrics.empty()) return out;
  Money sum;
  for (const Rubric& r : c.rubrics) sum += r.annual_amount;
  for (const StatedTotal& t : c.totals) {
    if (!t.well_formed) {
      out.push_back(fmt::format(
          "line {}: the yearly total is written \"{}\", which is not a well-formed amount "
          "(read as {}), and is not the sum of the rubrics, {}",
          t.line, t.as_written, t.amount.ToDutchString(), sum.ToDutchString()));
    } else if (t.amount != sum) {
      out.push_back(fmt::format("line {}: the yearly total {} is not the sum of the rubrics, {}",
                                t.line, t.amount.ToDutchString(), sum.ToDutchString()));
    }
  }
  return out;
}

}  // namespace hh
