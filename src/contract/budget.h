// The contract's budget (issue 6, part 5): spending recorded per rubric and day, read from a
// CSV file (date,rubric,description,amount,supplier,document), and set against the rubrics'
// amounts for a year. Pure functions over values; safe from any thread. The store
// (store/contract_store.h) keeps the spending.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "contract/contract.h"
#include "core/instant.h"
#include "core/money.h"
#include "core/status.h"

namespace hh {

// One expense charged to a rubric. `amount` may be negative (a credit note), never zero.
struct Spending {
  LocalDate date;
  std::string rubric;  // "I", "II", "III"
  std::string description;
  Money amount;
  std::string supplier;  // may be empty
  std::string document;  // an invoice or booking reference; may be empty
  int line = 0;          // the CSV line it was read from (0 when entered by hand)
  friend bool operator==(const Spending&, const Spending&) = default;
};

// The CSV columns, in this order, as the header must name them.
inline constexpr const char* kBudgetCsvHeader = "date,rubric,description,amount,supplier,document";

// Reads a budget CSV: a header naming the columns above, then one row per expense: date
// YYYY-MM-DD or dd/mm/jjjj within the contract's period (when the contract has one), rubric one
// of the contract's rubric numbers, description not empty, amount as Money::ParseWritten reads it
// ("1234.56", "1234,56", "€ 1.234,56"), not zero. The fields are separated by ',' or, when the
// header line holds a ';', by ';' (what Belgian Excel saves). All or nothing: when any row is bad
// the result is InvalidArgument, its message naming every bad row (up to 20) by file, line and
// field, one a line
// (`budget.csv: line 4, field rubric: "IV" is not a rubric of the contract (I, II, III)`).
Result<std::vector<Spending>> ReadBudgetCsv(std::string_view bytes, std::string_view file_name,
                                            const Contract& contract);

// A rubric's budget for a year against what was spent on it.
struct BudgetLine {
  std::string rubric;
  Money budget;     // the rubric's amount for the year (0 outside the contract's years)
  Money spent;      // the sum of the year's spending on the rubric
  Money remaining;  // budget - spent; negative when overspent
  bool overspent = false;
};

// One line per rubric of the contract, in the contract's order, then one per rubric that was
// spent on but is not in the contract (budget 0). The budget of a year is the rubric's amount
// for that year, or its annual amount when the year is within the period and the rubric lists
// no years.
std::vector<BudgetLine> BudgetOfYear(const Contract& contract, const std::vector<Spending>& spent,
                                     int year);

}  // namespace hh
