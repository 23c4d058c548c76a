// The contract's evaluation for a working year (issue 6): per rubric its objectives and their
// indicators with the value, the status and the evidence of the year, the budget table (the
// rubrics' amounts against the spending), and what is still open (the importer's warnings, the
// uncertain items nobody answered, bindings and evidence a re-import left without indicator).
// One data structure that the PDF (report_pdf.h), the web page and `contract indicators` all
// render, so they cannot disagree. Built from values and the measure registry, whose measures
// run on the caller's thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "contract/budget.h"
#include "contract/contract.h"
#include "contract/measures.h"
#include "contract/tracking.h"
#include "core/instant.h"
#include "core/status.h"

namespace hh {

struct ReportIndicator {
  std::string key;
  std::string text;
  IndicatorKind kind = IndicatorKind::kExistence;
  std::optional<Threshold> threshold;
  std::optional<int64_t> target_per_year;  // the threshold as a yearly minimum
  std::string measure;                     // bound measure's name; empty when unbound
  std::string measure_label;               // its Dutch label
  std::optional<int64_t> value;            // the measure's value for the year
  IndicatorStatus status = IndicatorStatus::kNoData;
  std::vector<IndicatorEvidence> evidence;  // of the year
};

struct ReportObjective {
  int number = 0;
  std::string title;
  std::vector<ReportIndicator> indicators;
};

struct ReportGroup {
  std::optional<int> sector;
  std::string general;
  std::vector<ReportObjective> objectives;
};

struct ReportRubric {
  std::string number;
  std::string title;
  Money amount;  // for the year (the budget line's)
  std::vector<ReportGroup> groups;
};

// An item the importer was unsure of, with its answer if a person gave one. When it names a
// person (NamesAPerson) its texts are withheld (empty, `withheld` set; the line points to it).
struct ReportUncertain {
  int number = 0;  // 1-based, in the importer's order (`contract confirm N`)
  UncertainItem item;
  bool withheld = false;
  std::optional<Resolution> answer;
};

struct ContractReport {
  int year = 0;
  LocalDate today;
  std::string source_file;
  std::optional<LocalDate> period_from;
  std::optional<LocalDate> period_to;
  std::vector<ReportRubric> rubrics;
  std::vector<BudgetLine> budget;
  BudgetLine budget_total;                 // rubric "totaal"
  int counts[5] = {};                      // indicators per IndicatorStatus
  std::vector<std::string> warnings;       // the importer's, and lost bindings and evidence
  std::vector<ReportUncertain> uncertain;  // as the importer listed them
  int open_uncertain = 0;                  // those without an answer
};

struct ReportInputs {
  const Contract* contract = nullptr;
  std::vector<IndicatorBinding> bindings;
  std::vector<IndicatorEvidence> evidence;  // the year's
  std::vector<Resolution> resolutions;
  std::vector<Spending> spending;  // the year's
};

// The threshold as a minimum per year: year min, quarter 4 x min, month 12 x min; a threshold
// over the whole contract ("contract") is taken as the year's minimum.
int64_t ThresholdPerYear(const Threshold& t);

// The report for `year` on `today`. InvalidArgument for a year outside 1900..9999; the error of
// a measure that fails (Unavailable) otherwise.
Result<ContractReport> BuildContractReport(const ReportInputs& in, const MeasureRegistry& registry,
                                           int year, LocalDate today);

// "over" (overschreden), "under" (onderbesteed) or "on_budget" for a line.
const char* BudgetStatusName(const BudgetLine& b);
const char* BudgetStatusLabelNl(const BudgetLine& b);
// "Rubriek II, activiteitssector 1": how the report heads a group.
std::string GroupHeadingNl(const std::string& rubric, const std::optional<int>& sector);

}  // namespace hh
