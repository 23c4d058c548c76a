// handhaving contract import|export|budget: the security and society contract (src/contract)
// read from the OCR text of the council decision into the database, exported as JSON, and its
// budget: spending imported from CSV and shown per rubric against its amount, indicators bound
// to measures with their live status, evidence, answers to the importer's uncertain items,
// amendments of any part (contract/amend.h; every command that shows the contract shows it
// amended), and the evaluation report as PDF (issue 6).
// Thin: each parses its options, calls the library, prints the answer. The summary and the
// warnings carry no personal data (the abstainers' names stay in the database).
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <filesystem>
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
#include "contract/contract_service.h"
#include "contract/gas_measures.h"
#include "contract/report_pdf.h"
#include "core/local_time.h"
#include "store/sqlite_contract_store.h"
#include "store/sqlite_user_store.h"

namespace hh {
namespace {

struct ContractArgs {
  std::string db;
  std::string file;
  std::string wordlist;
  std::string format = "json";
  int year = 0;
  std::string user;
  std::string indicator;
  std::string measure;
  std::string note;
  std::string out;
  std::string value;
  std::string path;
  bool undo = false;
  bool as_imported = false;
  int number = 0;
};

// The acting user, who must be an administrator or a sanctioning officer (they keep the
// contract; every other role only reads it).
Result<Actor> ContractEditor(Session& session, const std::string& login) {
  Result<Actor> a = session.User(login);
  if (!a.ok()) return a.status();
  if (a->role != Role::kAdministrator && a->role != Role::kSanctioningOfficer) {
    return PermissionDenied("--user " + login +
                            ": only an administrator or a sanctioning officer edits the contract");
  }
  return a;
}

Status CheckYear(int year) {
  if (year < 1900 || year > 9999) {
    return InvalidArgument("--year: " + std::to_string(year) + " must be a year such as 2019");
  }
  return Status::Ok();
}

// Today in Brussels.
Result<LocalDate> Today(Session& session) {
  LocalTime brussels = LocalTime::Brussels();
  return brussels.ToLocal(session.now).date;
}

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
  // People read the contract with their amendments; --as-imported gives it as the decision
  // was read.
  auto c = a.as_imported ? store.LoadContract() : LoadAmendedContract(store);
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
  auto contract = LoadAmendedContract(store);
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
  auto contract = LoadAmendedContract(store);
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

Status RunBind(const ContractArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  auto who = ContractEditor(**session, a.user);
  if (!who.ok()) return who.status();
  SqliteContractStore store(*(*session)->db);
  SqliteGasMeasures gas(*(*session)->db);
  if (a.measure.empty()) {
    if (Status s = store.Unbind(a.indicator); !s.ok()) return s;
    fmt::print("unbound: {}\n", a.indicator);
    return Status::Ok();
  }
  if (Status s = BindIndicator(store, gas, a.indicator, a.measure, who->login, (*session)->now);
      !s.ok()) {
    return s;
  }
  fmt::print("bound: {} -> {}\n", a.indicator, a.measure);
  return Status::Ok();
}

Status RunMeasures(const ContractArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  SqliteGasMeasures gas(*(*session)->db);
  MeasureRegistry registry;
  if (Status s = RegisterGasMeasures(registry, gas); !s.ok()) return s;
  for (const MeasureInfo& m : registry.List()) fmt::print("{}\t{}\n", m.name, m.label_nl);
  return Status::Ok();
}

Result<ContractReport> ReportFor(Session& session, int year) {
  if (Status s = CheckYear(year); !s.ok()) return s;
  auto today = Today(session);
  if (!today.ok()) return today.status();
  SqliteContractStore store(*session.db);
  SqliteGasMeasures gas(*session.db);
  return ContractReportOf(store, gas, year, *today);
}

// One line per indicator: key, status, value (or "-"), kind, measure or evidence count, text.
Status RunIndicators(const ContractArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  auto r = ReportFor(**session, a.year);
  if (!r.ok()) return r.status();
  fmt::print("indicators {} (on {})\n", r->year, r->today.ToDutchString());
  for (const ReportRubric& rb : r->rubrics) {
    for (const ReportGroup& g : rb.groups) {
      for (const ReportObjective& o : g.objectives) {
        for (const ReportIndicator& i : o.indicators) {
          std::string how = i.measure.empty() ? "-" : i.measure;
          if (!i.evidence.empty()) how = fmt::format("evidence:{}", i.evidence.size());
          fmt::print("{:<10} {:<9} {:>7} {:<9} {:<28} {}\n", i.key, IndicatorStatusName(i.status),
                     i.value ? std::to_string(*i.value) : "-", IndicatorKindName(i.kind), how,
                     i.text);
        }
      }
    }
  }
  fmt::print("met: {}\non_track: {}\nat_risk: {}\nnot_met: {}\nno_data: {}\n", r->counts[0],
             r->counts[1], r->counts[2], r->counts[3], r->counts[4]);
  for (const std::string& w : r->warnings) fmt::print(stderr, "warning: {}\n", w);
  return Status::Ok();
}

Status RunUncertain(const ContractArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  SqliteContractStore store(*(*session)->db);
  auto c = LoadAmendedContract(store);
  if (!c.ok()) return c.status();
  auto res = store.Resolutions();
  if (!res.ok()) return res.status();
  for (size_t n = 0; n < c->uncertain.size(); ++n) {
    const UncertainItem& u = c->uncertain[n];
    const Resolution* r = FindResolution(*res, u);
    std::string state = "open";
    if (r != nullptr) state = r->confirmed ? "confirmed" : "corrected: " + r->value;
    // A councillor's name is not printed (personal data): the line points to it.
    const std::string texts = NamesAPerson(u)
                                  ? std::string("(withheld: personal data)")
                                  : fmt::format("\"{}\" -> \"{}\"", u.original, u.corrected);
    if (r != nullptr && !r->confirmed && NamesAPerson(u)) state = "corrected";
    fmt::print("{}\tline {}\t{}\t{}\t{}\n", n + 1, u.line, u.what, texts, state);
  }
  return Status::Ok();
}

Status RunResolve(const ContractArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  auto who = ContractEditor(**session, a.user);
  if (!who.ok()) return who.status();
  SqliteContractStore store(*(*session)->db);
  if (Status s = ResolveUncertain(store, a.number, a.value, who->login, (*session)->now); !s.ok()) {
    return s;
  }
  fmt::print("{}: {}\n", a.value.empty() ? "confirmed" : "corrected", a.number);
  return Status::Ok();
}

Status RunAmend(const ContractArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  auto who = ContractEditor(**session, a.user);
  if (!who.ok()) return who.status();
  SqliteContractStore store(*(*session)->db);
  SqliteUserStore users(*(*session)->db);
  const Instant now = (*session)->now;
  if (a.undo) {
    if (Status s = UndoAmendment(store, a.path); !s.ok()) return s;
    if (Status s = users.Audit(
            {0, now, who->login, "cli", "contract_amend_undo", "contract:" + a.path, ""});
        !s.ok()) {
      return s;
    }
    auto now_value = LoadAmendedContract(store);
    if (!now_value.ok()) return now_value.status();
    auto v = PartValue(*now_value, a.path);
    fmt::print("undone: {}\nvalue: {}\n", a.path, v.ok() ? *v : std::string("-"));
    return Status::Ok();
  }
  auto amended = AmendContract(store, a.path, a.value, who->login, now);
  if (!amended.ok()) return amended.status();
  if (Status s =
          users.Audit({0, now, who->login, "cli", "contract_amend", "contract:" + a.path, a.value});
      !s.ok()) {
    return s;
  }
  fmt::print("amended: {}\nvalue: {}\nas_imported: {}\n", a.path, a.value, amended->original);
  return Status::Ok();
}

// One line per amendment: path, the value as imported, the value, who, when.
Status RunAmendments(const ContractArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  SqliteContractStore store(*(*session)->db);
  auto imported = store.LoadContract();
  if (!imported.ok()) return imported.status();
  auto all = store.Amendments();
  if (!all.ok()) return all.status();
  for (const Amendment& m : *all) {
    fmt::print("{}\t{}\t{}\t{}\t{}\n", m.path, m.original, m.value, m.by, m.at.ToUtcString());
  }
  for (const std::string& w : ApplyAmendments(*imported, *all).warnings) {
    fmt::print(stderr, "warning: {}\n", w);
  }
  return Status::Ok();
}

Status RunEvidenceAdd(const ContractArgs& a) {
  std::string content;
  std::string name;
  if (!a.file.empty()) {
    auto bytes = ReadText(a.file);
    if (!bytes.ok()) return bytes.status();
    content = std::move(*bytes);
    name = std::filesystem::path(a.file).filename().string();
  }
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  auto who = ContractEditor(**session, a.user);
  if (!who.ok()) return who.status();
  SqliteContractStore store(*(*session)->db);
  auto id = AddIndicatorEvidence(store, a.indicator, a.year, a.note, name, "", content, who->login,
                                 (*session)->now);
  if (!id.ok()) return id.status();
  fmt::print("evidence: {}\nindicator: {}\nyear: {}\n", *id, a.indicator, a.year);
  if (!name.empty()) fmt::print("sha256: {}\n", Sha256Hex(content));
  return Status::Ok();
}

Status RunReport(const ContractArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  auto r = ReportFor(**session, a.year);
  if (!r.ok()) return r.status();
  auto pdf = ContractReportPdf(*r);
  if (!pdf.ok()) return pdf.status();
  std::ofstream out(a.out, std::ios::binary | std::ios::trunc);
  out << *pdf;
  out.close();
  if (!out) return Unavailable(a.out + ": cannot be written");
  fmt::print("report: {}\nyear: {}\nbytes: {}\n", a.out, a.year, pdf->size());
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
    c->add_flag("--as-imported", a->as_imported,
                "the contract as the decision was read, without the amendments");
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
  {
    CLI::App* c = contract->add_subcommand(
        "bind",
        "Bind an indicator (by key, see `contract indicators`) to a measure (see `contract "
        "measures`), so that its status follows the data; without --measure, unbind it");
    c->add_option("--indicator", a->indicator, "the indicator's key, such as II.1.4.2")->required();
    c->add_option("--measure", a->measure, "the measure's name, such as gas.cases.autoluw");
    c->add_option("--db", a->db, "the database file")->required();
    c->add_option("--user", a->user, "an administrator's or sanctioning officer's login")
        ->required();
    c->callback([a, run] { *run = [a] { return RunBind(*a); }; });
  }
  {
    CLI::App* c = contract->add_subcommand("measures", "The measures an indicator can be bound to");
    c->add_option("--db", a->db, "the database file")->required();
    c->callback([a, run] { *run = [a] { return RunMeasures(*a); }; });
  }
  {
    CLI::App* c = contract->add_subcommand(
        "indicators", "Every indicator with its key, and its value and status for a year, live");
    c->add_option("--db", a->db, "the database file")->required();
    c->add_option("--year", a->year, "the working year, such as 2019")->required();
    c->callback([a, run] { *run = [a] { return RunIndicators(*a); }; });
  }
  {
    CLI::App* c = contract->add_subcommand(
        "uncertain", "What the importer was unsure of, numbered, and whether it was answered");
    c->add_option("--db", a->db, "the database file")->required();
    c->callback([a, run] { *run = [a] { return RunUncertain(*a); }; });
  }
  {
    CLI::App* c = contract->add_subcommand("confirm", "Confirm an uncertain item as it was read");
    c->add_option("ITEM", a->number, "the item's number (contract uncertain)")->required();
    c->add_option("--db", a->db, "the database file")->required();
    c->add_option("--user", a->user, "an administrator's or sanctioning officer's login")
        ->required();
    c->callback([a, run] {
      a->value.clear();
      *run = [a] { return RunResolve(*a); };
    });
  }
  {
    CLI::App* c = contract->add_subcommand("correct", "Correct an uncertain item: what it says");
    c->add_option("ITEM", a->number, "the item's number (contract uncertain)")->required();
    c->add_option("VALUE", a->value, "the correct reading")->required();
    c->add_option("--db", a->db, "the database file")->required();
    c->add_option("--user", a->user, "an administrator's or sanctioning officer's login")
        ->required();
    c->callback([a, run] { *run = [a] { return RunResolve(*a); }; });
  }
  {
    CLI::App* c = contract->add_subcommand(
        "amend",
        "Correct any part of the imported contract, named by its path (period.from, "
        "rubric.II.annual_amount, objective.II.1.4.title, indicator.II.1.4.2.threshold, ...: see "
        "`contract amendments` and src/contract/amend.h); amending a part again replaces the "
        "value, --undo removes it");
    c->add_option("PATH", a->path, "the part, such as indicator.II.1.4.2.text")->required();
    c->add_option("VALUE", a->value, "its new value");
    c->add_flag("--undo", a->undo, "remove the amendment: the part is again as imported");
    c->add_option("--db", a->db, "the database file")->required();
    c->add_option("--user", a->user, "an administrator's or sanctioning officer's login")
        ->required();
    c->callback([a, c, run] {
      if (a->undo && c->count("VALUE") > 0) {
        throw CLI::ValidationError("contract amend", "--undo takes no VALUE");
      }
      if (!a->undo && c->count("VALUE") == 0) {
        throw CLI::ValidationError("contract amend", "needs VALUE (or --undo)");
      }
      *run = [a] { return RunAmend(*a); };
    });
  }
  {
    CLI::App* c = contract->add_subcommand(
        "amendments", "The amended parts: path, value as imported, value, who, when (UTC)");
    c->add_option("--db", a->db, "the database file")->required();
    c->callback([a, run] { *run = [a] { return RunAmendments(*a); }; });
  }
  {
    CLI::App* e = contract->add_subcommand("evidence", "Evidence for an indicator and a year");
    e->require_subcommand(1);
    CLI::App* c = e->add_subcommand(
        "add", "Add a note, and optionally a file (kept in the database with its SHA-256)");
    c->add_option("--indicator", a->indicator, "the indicator's key, such as I.2.1")->required();
    c->add_option("--year", a->year, "the working year")->required();
    c->add_option("--note", a->note, "what proves the indicator")->required();
    c->add_option("--file", a->file, "the document");
    c->add_option("--db", a->db, "the database file")->required();
    c->add_option("--user", a->user, "an administrator's or sanctioning officer's login")
        ->required();
    c->callback([a, run] { *run = [a] { return RunEvidenceAdd(*a); }; });
  }
  {
    CLI::App* c =
        contract->add_subcommand("report", "The evaluation report of a year as an A4 PDF (Dutch)");
    c->add_option("--db", a->db, "the database file")->required();
    c->add_option("--year", a->year, "the working year, such as 2019")->required();
    c->add_option("--out", a->out, "the PDF file to write")->required();
    c->callback([a, run] { *run = [a] { return RunReport(*a); }; });
  }
}

}  // namespace hh
