#include "contract/tracking.h"

#include <fmt/core.h>

namespace hh {

std::string IndicatorKey(const ObjectiveGroup& g, const StrategicObjective& so, size_t index) {
  if (g.sector) return fmt::format("{}.{}.{}.{}", g.rubric, *g.sector, so.number, index + 1);
  return fmt::format("{}.{}.{}", g.rubric, so.number, index + 1);
}

std::vector<IndicatorRef> ListIndicators(const Contract& c) {
  std::vector<IndicatorRef> out;
  for (const ObjectiveGroup& g : c.objectives) {
    for (const StrategicObjective& so : g.strategic) {
      for (size_t i = 0; i < so.indicators.size(); ++i) {
        out.push_back({IndicatorKey(g, so, i), &g, &so, &so.indicators[i]});
      }
    }
  }
  return out;
}

std::optional<IndicatorRef> FindIndicator(const Contract& c, std::string_view key) {
  for (IndicatorRef& r : ListIndicators(c)) {
    if (r.key == key) return r;
  }
  return std::nullopt;
}

std::optional<IndicatorRef> ResolveKeyed(const Contract& c, std::string_view key,
                                         std::string_view text) {
  std::optional<IndicatorRef> at = FindIndicator(c, key);
  if (!at) return std::nullopt;
  if (at->indicator->text.text == text) return at;
  const StrategicObjective& so = *at->objective;
  std::optional<IndicatorRef> found;
  for (size_t i = 0; i < so.indicators.size(); ++i) {
    if (so.indicators[i].text.text != text) continue;
    if (found) return std::nullopt;  // the same text twice: no way to tell
    found = IndicatorRef{IndicatorKey(*at->group, so, i), at->group, &so, &so.indicators[i]};
  }
  return found;
}

bool NamesAPerson(const UncertainItem& item) { return item.what.rfind("abstainer", 0) == 0; }

const Resolution* FindResolution(const std::vector<Resolution>& all, const UncertainItem& item) {
  for (const Resolution& r : all) {
    if (r.what == item.what && r.original == item.original) return &r;
  }
  return nullptr;
}

}  // namespace hh
