#include "contract/contract.h"

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

}  // namespace hh
