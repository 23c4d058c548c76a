#include "contract/report.h"

#include <fmt/core.h>

#include <map>
#include <utility>

namespace hh {

int64_t ThresholdPerYear(const Threshold& t) {
  if (t.per == "quarter") return t.min * 4;
  if (t.per == "month") return t.min * 12;
  return t.min;
}

const char* BudgetStatusName(const BudgetLine& b) {
  if (b.overspent) return "over";
  return b.spent < b.budget ? "under" : "on_budget";
}

const char* BudgetStatusLabelNl(const BudgetLine& b) {
  if (b.overspent) return "overschreden";
  return b.spent < b.budget ? "onderbesteed" : "op budget";
}

std::string GroupHeadingNl(const std::string& rubric, const std::optional<int>& sector) {
  if (sector) return fmt::format("Rubriek {}, activiteitssector {}", rubric, *sector);
  return fmt::format("Rubriek {}", rubric);
}

Result<ContractReport> BuildContractReport(const ReportInputs& in, const MeasureRegistry& registry,
                                           int year, LocalDate today) {
  if (year < 1900 || year > 9999) {
    return InvalidArgument(fmt::format("year {}: must be a year such as 2019", year));
  }
  const Contract& c = *in.contract;
  ContractReport r;
  r.year = year;
  r.today = today;
  r.source_file = c.source_file;
  r.period_from = c.period_from;
  r.period_to = c.period_to;
  r.warnings = c.warnings;

  // Where bindings and evidence apply now, by the current key.
  std::map<std::string, const IndicatorBinding*> bound;
  for (const IndicatorBinding& b : in.bindings) {
    std::optional<IndicatorRef> at = ResolveKeyed(c, b.key, b.text);
    if (!at) {
      r.warnings.push_back(fmt::format(
          "binding of indicator {} to {}: the indicator is no longer in the contract (\"{}\"); "
          "bind it again",
          b.key, b.measure, b.text));
      continue;
    }
    bound[at->key] = &b;
  }
  std::map<std::string, std::vector<IndicatorEvidence>> evidence;
  for (const IndicatorEvidence& e : in.evidence) {
    std::optional<IndicatorRef> at = ResolveKeyed(c, e.key, e.text);
    if (!at) {
      r.warnings.push_back(
          fmt::format("evidence \"{}\" of indicator {}: the indicator is no longer in the contract",
                      e.note, e.key));
      continue;
    }
    evidence[at->key].push_back(e);
  }

  r.budget = BudgetOfYear(c, in.spending, year);
  r.budget_total = BudgetLine{"totaal", Money(), Money(), Money(), false};
  std::map<std::string, Money> amount_of;
  for (const BudgetLine& b : r.budget) {
    r.budget_total.budget += b.budget;
    r.budget_total.spent += b.spent;
    amount_of[b.rubric] = b.budget;
  }
  r.budget_total.remaining = r.budget_total.budget - r.budget_total.spent;
  r.budget_total.overspent = r.budget_total.spent > r.budget_total.budget;

  for (const Rubric& rb : c.rubrics) {
    ReportRubric rr;
    rr.number = rb.number;
    rr.title = rb.title.text;
    rr.amount = amount_of[rb.number];
    r.rubrics.push_back(std::move(rr));
  }
  auto rubric = [&](const std::string& number) -> ReportRubric& {
    for (ReportRubric& rr : r.rubrics) {
      if (rr.number == number) return rr;
    }
    r.rubrics.push_back(ReportRubric{number, "", Money(), {}});
    return r.rubrics.back();
  };
  for (const ObjectiveGroup& g : c.objectives) {
    ReportGroup rg;
    rg.sector = g.sector;
    rg.general = g.general.text;
    for (const StrategicObjective& so : g.strategic) {
      ReportObjective ro;
      ro.number = so.number;
      ro.title = so.title.text;
      for (size_t i = 0; i < so.indicators.size(); ++i) {
        const Indicator& ind = so.indicators[i];
        ReportIndicator ri;
        ri.key = IndicatorKey(g, so, i);
        ri.text = ind.text.text;
        ri.kind = ind.kind;
        ri.threshold = ind.threshold;
        if (ind.threshold) ri.target_per_year = ThresholdPerYear(*ind.threshold);
        if (auto it = bound.find(ri.key); it != bound.end()) {
          ri.measure = it->second->measure;
          const MeasureInfo* info = registry.Find(ri.measure);
          if (info == nullptr) {
            r.warnings.push_back(fmt::format("indicator {}: measure {} is not offered (any more)",
                                             ri.key, ri.measure));
          } else {
            ri.measure_label = info->label_nl;
            Result<int64_t> v = registry.Value(ri.measure, Period::Year(year));
            if (!v.ok()) return v.status();
            ri.value = *v;
          }
        }
        if (auto it = evidence.find(ri.key); it != evidence.end()) ri.evidence = it->second;
        IndicatorFacts facts{ind.kind, ri.target_per_year, ri.value, !ri.evidence.empty()};
        ri.status = EvaluateIndicator(facts, year, today);
        ++r.counts[static_cast<int>(ri.status)];
        ro.indicators.push_back(std::move(ri));
      }
      rg.objectives.push_back(std::move(ro));
    }
    rubric(g.rubric).groups.push_back(std::move(rg));
  }
  for (size_t n = 0; n < c.uncertain.size(); ++n) {
    ReportUncertain u;
    u.number = static_cast<int>(n + 1);
    u.item = c.uncertain[n];
    if (const Resolution* res = FindResolution(in.resolutions, u.item)) u.answer = *res;
    if (NamesAPerson(u.item)) {
      u.withheld = true;
      u.item.original.clear();
      u.item.corrected.clear();
      if (u.answer) u.answer->value.clear();
    }
    r.open_uncertain += u.answer ? 0 : 1;
    r.uncertain.push_back(std::move(u));
  }
  return r;
}

}  // namespace hh
