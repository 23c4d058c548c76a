// The security and society contract (veiligheids- en samenlevingscontract) as data: the parties,
// the period, the council decision that approved it, the rubrics with their annual amounts, the
// objectives tree with its indicators, the approval procedure, and what the importer warned about
// or was unsure of (issue 6). Plain value types: copy them freely, share them read-only between
// threads. The store (store/contract_store.h) owns the stored copy.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/instant.h"
#include "core/money.h"

namespace hh {

// A piece of text read from the decision: `text` as the program uses it (OCR words corrected
// where that was without doubt), `original` as the OCR gave it (after whitespace normalisation
// and the removal of stray bullets), and the source line where it starts (1-based; 0 when the
// text was not read from a file, e.g. entered by a person).
struct ContractText {
  std::string text;
  std::string original;
  int line = 0;

  bool corrected() const { return text != original; }
  friend bool operator==(const ContractText&, const ContractText&) = default;
};

struct ContractParty {
  std::string role;  // "enerzijds" (the State) or "anderzijds" (the city), as the contract says
  ContractText name;
  friend bool operator==(const ContractParty&, const ContractParty&) = default;
};

// The council's vote on the decision. Names are personal data: never print or log them.
struct CouncilDecision {
  std::optional<LocalDate> date;
  int votes_for = 0;
  int votes_against = 0;
  int abstentions = 0;
  std::vector<std::string> abstainers;  // as the OCR gave them; may be empty
  friend bool operator==(const CouncilDecision&, const CouncilDecision&) = default;
};

struct RubricYear {
  int year = 0;
  Money amount;
  friend bool operator==(const RubricYear&, const RubricYear&) = default;
};

// A rubric (I, II, III) of the subsidy: its title and its annual amount, and that amount per
// working year of the contract period when the decision says the amount is yearly.
struct Rubric {
  std::string number;  // "I", "II", "III" as the decision writes them
  ContractText title;
  Money annual_amount;
  std::vector<RubricYear> years;
  friend bool operator==(const Rubric&, const Rubric&) = default;
};

enum class IndicatorKind {
  kExistence,  // a document or a fact, proven by evidence (a file and a note)
  kCount,      // a measure over a period
  kThreshold,  // a count with a target, such as "at least 6 meetings a year"
};

// "existence", "count", "threshold": the names the JSON export and the store use.
const char* IndicatorKindName(IndicatorKind kind);
// The kind named `name`; nullopt for any other text.
std::optional<IndicatorKind> IndicatorKindFromName(const std::string& name);

struct Threshold {
  int64_t min = 0;
  // "year", "quarter", "month", or "contract" when the text names no period (then over the
  // whole contract period; the importer lists such a threshold as uncertain).
  std::string per;
  friend bool operator==(const Threshold&, const Threshold&) = default;
};

struct Indicator {
  ContractText text;
  IndicatorKind kind = IndicatorKind::kExistence;
  std::optional<Threshold> threshold;  // set exactly when kind is kThreshold
  friend bool operator==(const Indicator&, const Indicator&) = default;
};

struct StrategicObjective {
  int number = 0;  // as the decision numbers it (rubric I's only one is number 2)
  ContractText title;
  std::vector<ContractText> operational;
  std::vector<ContractText> expected_results;
  std::vector<Indicator> indicators;
  friend bool operator==(const StrategicObjective&, const StrategicObjective&) = default;
};

// The objectives of one rubric, or of one activity sector of a rubric.
struct ObjectiveGroup {
  std::string rubric;         // "I", "II", "III"
  std::optional<int> sector;  // the activity sector (activiteitssector), if the rubric has them
  ContractText general;       // the general objective; empty text when the decision has none
  std::vector<StrategicObjective> strategic;
  friend bool operator==(const ObjectiveGroup&, const ObjectiveGroup&) = default;
};

struct ProcedureStep {
  ContractText step;
  std::optional<LocalDate> deadline;
  friend bool operator==(const ProcedureStep&, const ProcedureStep&) = default;
};

// Something the importer could not be sure of, for a person to confirm or correct: what it is,
// the line it was read from, the text as read, and what the importer made of it.
struct UncertainItem {
  std::string what;
  int line = 0;
  std::string original;
  std::string corrected;
  friend bool operator==(const UncertainItem&, const UncertainItem&) = default;
};

// A yearly total the decision states ("totale subsidie ... euro", "wordt een jaarlijks bedrag
// van ... toegekend"), as read: kept so that its check against the rubrics' sum can be redone
// when a rubric's amount is amended (TotalWarnings).
struct StatedTotal {
  int line = 0;  // in the decision text
  Money amount;  // as read (a malformed amount is read as best it can be)
  std::string as_written;
  bool well_formed = true;
  friend bool operator==(const StatedTotal&, const StatedTotal&) = default;
};

struct Contract {
  std::string source_file;  // the file name the text was imported from
  std::vector<ContractParty> parties;
  std::optional<LocalDate> period_from;
  std::optional<LocalDate> period_to;
  CouncilDecision decision;
  std::vector<Rubric> rubrics;
  std::vector<ObjectiveGroup> objectives;
  std::vector<ProcedureStep> procedure;
  std::vector<StatedTotal> totals;
  std::vector<std::string> warnings;  // checks that failed, for people (no personal data)
  std::vector<UncertainItem> uncertain;
  friend bool operator==(const Contract&, const Contract&) = default;
};

// The check of each stated total against the sum of the rubrics' annual amounts, as warnings in
// the order of `c.totals`: one for a total that is malformed or is not the sum, none for one
// that is. The importer adds them to the contract's warnings; reading the contract amended
// (contract/amend.h) replaces them with those of the amended amounts.
std::vector<std::string> TotalWarnings(const Contract& c);

}  // namespace hh
