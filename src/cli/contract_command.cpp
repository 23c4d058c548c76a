// handhaving contract import|export|budget: the security and society contract (src/contract)
// read from the OCR text of the council decision into the database, exported as JSON, and its
// budget: spending imported from CSV and shown per rubric against its amount (issue 6).
// Thin: each parses its options, calls the library, prints the answer. The summary and the
// warnings carry no personal data (the abstainers' names stay in the database).
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "billing/digest.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "contract/budget.h"
#include "contract/contract_import.h"
#include "contract/contract_json.h"
#include "store/sqlite_contract_store.h"

namespace hh {
namespace {

struct ContractArgs {
  std::string db;
  std::string file;
  std::string wordlist;
  std::string format = "json";
  int year = 0;
};

Result<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unavailable(path + ": cannot be read");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Status RunImport(const ContractArgs& a) {
  auto text = ReadText(a.file);
  if (!text.ok()) return text.status();
  Wordlist words;
  if (!a.wordlist.empty()) {
    auto loaded = Wordlist::Load(a.wordlist);
    if (!loaded.ok()) return loaded.status();
    words = std::move(*loaded);
  }
  auto contract = ImportDecisionText(*text, a.file, words);
  if (!contract.ok()) return contract.status();
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  SqliteContractStore store(*(*session)->db);
  if (Status s = store.ReplaceContract(*contract, (*session)->now); !s.ok()) return s;

  const Contract& c = *contract;
  size_t strategic = 0;
  size_t operational = 0;
  size_t expected = 0;
  size_t indicators = 0;
  size_t thresholds = 0;
  size_t corrected = 0;
  for (const ObjectiveGroup& g : c.objectives) {
    corrected += g.general.corrected() ? 1 : 0;
    for (const StrategicObjective& s : g.strategic) {
      ++strategic;
      operational += s.operational.size();
      expected += s.expected_results.size();
      indicators += s.indicators.size();
      corrected += s.title.corrected() ? 1 : 0;
      for (const auto* list : {&s.operational, &s.expected_results}) {
        for (const ContractText& t : *list) corrected += t.corrected() ? 1 : 0;
      }
      for (const Indicator& i : s.indicators) {
        thresholds += i.threshold ? 1 : 0;
        corrected += i.text.corrected() ? 1 : 0;
      }
    }
  }
  fmt::print(
      "imported: {}\nrubrics: {}\nobjective_groups: {}\nstrategic_objectives: {}\n"
      "operational_objectives: {}\nexpected_results: {}\nindicators: {}\nthresholds: {}\n"
      "procedure_steps: {}\ncorrected_texts: {}\nwarnings: {}\nuncertain: {}\n",
      a.file, c.rubrics.size(), c.objectives.size(), strategic, operational, expected, indicators,
      thresholds, c.procedure.size(), corrected, c.warnings.size(), c.uncertain.size());
  for (const std::string& w : c.warnings) fmt::print(stderr, "warning: {}\n", w);
  return Status::Ok();
}

Status RunExport(const ContractArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  SqliteContractStore store(*(*session)->db);
  auto c = store.LoadContract();
  if (!c.ok()) return c.status();
  fmt::print("{}", ContractJson(*c));
  return Status::Ok();
}

Status RunBudgetImport(const ContractArgs& a) {
  auto bytes = ReadText(a.file);
  if (!bytes.ok()) return bytes.status();
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  SqliteContractStore store(*(*session)->db);
  auto contract = store.LoadContract();
  if (!contract.ok()) return contract.status();
  auto rows = ReadBudgetCsv(*bytes, a.file, *contract);
  if (!rows.ok()) return rows.status();
  if (Status s = store.AddSpending(*rows, a.file, Sha256Hex(*bytes), (*session)->now); !s.ok()) {
    return s;
  }
  Money total;
  for (const Spending& r : *rows) total += r.amount;
  fmt::print("imported: {}\nrows: {}\ntotal: {}\n", a.file, rows->size(), total.ToDutchString());
  return Status::Ok();
}

// "overschreden" (over), "onderbesteed" (under) or "op budget".
const char* BudgetStatus(const BudgetLine& b) {
  if (b.overspent) return "overschreden";
  return b.spent < b.budget ? "onderbesteed" : "op budget";
}

Status RunBudget(const ContractArgs& a) {
  LocalDate from;
  LocalDate to;
  if (!LocalDate::FromYmd(a.year, 1, 1, &from) || !LocalDate::FromYmd(a.year, 12, 31, &to) ||
      a.year < 1900) {
    return InvalidArgument("--year: " + std::to_string(a.year) + " must be a year such as 2019");
  }
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  SqliteContractStore store(*(*session)->db);
  auto contract = store.LoadContract();
  if (!contract.ok()) return contract.status();
  auto spent = store.SpendingBetween(from, to);
  if (!spent.ok()) return spent.status();
  std::vector<BudgetLine> table = BudgetOfYear(*contract, *spent, a.year);
  fmt::print("budget {}\n", a.year);
  fmt::print("{:<8} {:>16} {:>16} {:>16} {:>6}  {}\n", "rubriek", "budget", "uitgegeven",
             "resterend", "%", "status");
  BudgetLine total{"totaal", Money(), Money(), Money(), false};
  auto row = [](const BudgetLine& b) {
    std::string pct =
        b.budget.cents() > 0 ? std::to_string(b.spent.cents() * 100 / b.budget.cents()) : "-";
    fmt::print("{:<8} {:>16} {:>16} {:>16} {:>6}  {}\n", b.rubric, b.budget.ToDutchString(),
               b.spent.ToDutchString(), b.remaining.ToDutchString(), pct, BudgetStatus(b));
  };
  for (const BudgetLine& b : table) {
    row(b);
    total.budget += b.budget;
    total.spent += b.spent;
  }
  total.remaining = total.budget - total.spent;
  total.overspent = total.spent > total.budget;
  row(total);
  return Status::Ok();
}

}  // namespace

void RegisterContractCommands(CLI::App& app, CommandFn* run) {
  CLI::App* contract =
      app.add_subcommand("contract", "The security and society contract (issue 6)");
  contract->require_subcommand(1);
  auto a = std::make_shared<ContractArgs>();
  {
    CLI::App* c = contract->add_subcommand(
        "import",
        "Read the council decision's text (OCR) into the database, replacing the "
        "contract stored before");
    c->add_option("FILE", a->file, "the decision as text")->required();
    c->add_option("--db", a->db, "the database file")->required();
    c->add_option("--wordlist", a->wordlist,
                  "a word list (one word a line) to correct OCR words with, such as "
                  "/usr/share/dict/nederlands; none by default");
    c->callback([a, run] { *run = [a] { return RunImport(*a); }; });
  }
  {
    CLI::App* c = contract->add_subcommand("export", "Print the stored contract");
    c->add_option("--db", a->db, "the database file")->required();
    c->add_option("--format", a->format, "the output format")
        ->check(CLI::IsMember({"json"}))
        ->capture_default_str();
    c->callback([a, run] { *run = [a] { return RunExport(*a); }; });
  }
  {
    CLI::App* b = contract->add_subcommand(
        "budget", "The year's spending per rubric against the rubric's amount");
    b->add_option("--db", a->db, "the database file");
    b->add_option("--year", a->year, "the working year, such as 2019");
    CLI::App* c = b->add_subcommand("import", "Add the spending in a CSV file (" +
                                                  std::string(kBudgetCsvHeader) +
                                                  "); a file with any bad row is refused whole");
    c->add_option("FILE", a->file, "the CSV file")->required();
    c->add_option("--db", a->db, "the database file")->required();
    c->callback([a, run] { *run = [a] { return RunBudgetImport(*a); }; });
    b->callback([a, b, run] {
      if (b->got_subcommand("import")) return;
      if (a->db.empty() || a->year == 0) {
        throw CLI::ValidationError("contract budget", "needs --db and --year");
      }
      *run = [a] { return RunBudget(*a); };
    });
  }
}

}  // namespace hh
