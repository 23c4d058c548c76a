#include "contract/measures.h"

#include <fmt/core.h>

#include <algorithm>
#include <cassert>

namespace hh {

Period Period::Year(int year) {
  Period p;
  const bool ok =
      LocalDate::FromYmd(year, 1, 1, &p.from) && LocalDate::FromYmd(year, 12, 31, &p.to);
  assert(ok);
  (void)ok;
  return p;
}

namespace {

bool ValidName(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.back() == '.') return false;
  char prev = '.';
  for (char c : name) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!word && c != '.') return false;
    if (c == '.' && prev == '.') return false;
    prev = c;
  }
  return true;
}

}  // namespace

Status MeasureRegistry::Register(MeasureInfo info, Count count) {
  if (!ValidName(info.name)) {
    return InvalidArgument(
        fmt::format("measure name \"{}\": lower-case words joined by dots", info.name));
  }
  if (Find(info.name) != nullptr) {
    return AlreadyExists(fmt::format("measure {} is registered already", info.name));
  }
  infos_.push_back(std::move(info));
  counts_.push_back(std::move(count));
  return Status::Ok();
}

const MeasureInfo* MeasureRegistry::Find(std::string_view name) const {
  auto it = std::find_if(infos_.begin(), infos_.end(),
                         [&](const MeasureInfo& m) { return m.name == name; });
  return it == infos_.end() ? nullptr : &*it;
}

Result<int64_t> MeasureRegistry::Value(std::string_view name, Period period) const {
  if (period.to < period.from) {
    return InvalidArgument(fmt::format("period {} to {} ends before it begins",
                                       period.from.ToIsoString(), period.to.ToIsoString()));
  }
  for (size_t i = 0; i < infos_.size(); ++i) {
    if (infos_[i].name == name) return counts_[i](period);
  }
  return NotFound(fmt::format("no measure {}", name));
}

std::string_view IndicatorStatusName(IndicatorStatus s) {
  switch (s) {
    case IndicatorStatus::kMet:
      return "met";
    case IndicatorStatus::kOnTrack:
      return "on_track";
    case IndicatorStatus::kAtRisk:
      return "at_risk";
    case IndicatorStatus::kNotMet:
      return "not_met";
    case IndicatorStatus::kNoData:
      return "no_data";
  }
  return "no_data";
}

std::string_view IndicatorStatusLabelNl(IndicatorStatus s) {
  switch (s) {
    case IndicatorStatus::kMet:
      return "gehaald";
    case IndicatorStatus::kOnTrack:
      return "op schema";
    case IndicatorStatus::kAtRisk:
      return "in gevaar";
    case IndicatorStatus::kNotMet:
      return "niet gehaald";
    case IndicatorStatus::kNoData:
      return "geen gegevens";
  }
  return "geen gegevens";
}

IndicatorStatus EvaluateIndicator(const IndicatorFacts& facts, int year, LocalDate today) {
  const Period y = Period::Year(year);
  if (today < y.from) return IndicatorStatus::kNoData;
  const bool over = today > y.to;
  switch (facts.kind) {
    case IndicatorKind::kExistence:
      if (facts.has_evidence) return IndicatorStatus::kMet;
      return over ? IndicatorStatus::kNotMet : IndicatorStatus::kNoData;
    case IndicatorKind::kCount:
      return facts.value ? IndicatorStatus::kMet : IndicatorStatus::kNoData;
    case IndicatorKind::kThreshold: {
      if (!facts.value || !facts.threshold_per_year) return IndicatorStatus::kNoData;
      const int64_t target = *facts.threshold_per_year;
      if (*facts.value >= target) return IndicatorStatus::kMet;
      if (over) return IndicatorStatus::kNotMet;
      // Behind pace: value / target < elapsed / days, in integers.
      const int64_t days = y.to.days() - y.from.days() + 1;
      const int64_t elapsed = today.days() - y.from.days() + 1;
      return *facts.value * days < target * elapsed ? IndicatorStatus::kAtRisk
                                                    : IndicatorStatus::kOnTrack;
    }
  }
  return IndicatorStatus::kNoData;
}

}  // namespace hh
