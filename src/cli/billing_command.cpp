// handhaving statement show, payments import|unmatched|assign|refunds|refund-done|plan|bailiff:
// bank statements and what the finance desk does with them (src/bank, src/billing). Thin: each
// parses its options, calls the library, prints the answer.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <utility>

#include "bank/statement_file.h"
#include "billing/collection.h"
#include "billing/digest.h"
#include "billing/letter_run.h"
#include "billing/payment_requests.h"
#include "billing/reconcile.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "core/local_time.h"
#include "core/phase_timer.h"
#include "handling/process.h"

namespace hh {
namespace {

struct BillingArgs {
  std::string db;
  std::string file;
  std::string user;
  int64_t payment = 0;
  int64_t case_id = 0;
  int64_t refund = 0;
  int instalments = 0;
  std::string first;
  std::string out;
  int limit = 50;
  std::string as_of;
  std::string posted;
  int64_t letter = 0;
  std::string number;
};

// The letter templates: the city's folder (letters.templates_dir) or the ones shipped with
// the program.
std::string TemplatesDir(const GasSettings& s) {
  return s.letter_templates_dir.empty() ? std::string(HH_TEMPLATES_DIR) : s.letter_templates_dir;
}

Result<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Unavailable(path + ": cannot be read");
  const std::streamoff size = in.tellg();
  if (size < 0) return Unavailable(path + ": cannot be read");
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return Unavailable(path + ": cannot be read");
  return bytes;
}

// The named user, or the system when none is given (imports run unattended).
Result<Actor> ActorOrSystem(Session& s, const std::string& login) {
  if (login.empty()) return SystemActor();
  return s.User(login);
}

Status RunStatementShow(const BillingArgs& a) {
  auto st = ReadStatementFile(a.file);
  if (!st.ok()) return st.status();
  fmt::print("{}\n", StatementsJson(*st));
  return Status::Ok();
}

Status RunPaymentsImport(const BillingArgs& a) {
  PhaseTimer timer;
  auto bytes = ReadAll(a.file);
  if (!bytes.ok()) return bytes.status();
  timer.Mark("file read");
  // The file's hash (the import's identity) on the second core while the first parses it.
  std::string sha256;
  std::thread hashing([&] { sha256 = Sha256Hex(*bytes); });
  auto statements = ReadStatementBytes(*bytes, a.file);
  hashing.join();
  if (!statements.ok()) return statements.status();
  timer.Mark("parsed and hashed");
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  auto actor = ActorOrSystem(s, a.user);
  if (!actor.ok()) return actor.status();
  timer.Mark("store opened");
  StatementSource src{a.file, std::move(sha256), s.gas.city_iban};
  auto r =
      ImportPayments(*s.cases, *s.payments, s.gas, *statements, src, *actor, s.now, s.Reader());
  if (!r.ok()) return r.status();
  timer.Mark("reconciled, committed");
  fmt::print(
      "imported: {}\nstatements: {}\ncredits: {}\ndebits: {}\nexact: {}\npartial: {}\n"
      "overpaid: {}\nduplicate: {}\nafter_close: {}\nunmatched: {}\nmatched: {}\nrefunds: {}\n",
      a.file, r->statements, r->credits, r->debits, r->exact, r->partial, r->overpaid, r->duplicate,
      r->after_close, r->unmatched, r->matched.ToDutchString(), r->refunds.ToDutchString());
  for (const std::string& w : r->warnings) fmt::print(stderr, "warning: {}\n", w);
  return Status::Ok();
}

Status RunUnmatched(const BillingArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  auto queue = s.payments->UnmatchedPayments(a.limit);
  if (!queue.ok()) return queue.status();
  for (const PaymentRecord& p : *queue) {
    fmt::print("betaling {}  {}  {}  {}  \"{}\"\n", p.id, p.booking_date.ToDutchString(),
               p.amount.ToDutchString(), p.counterparty_name, p.communication);
    auto sug = SuggestCases(*s.cases, *s.payments, p, 5);
    if (!sug.ok()) return sug.status();
    for (const Suggestion& g : *sug) {
      fmt::print("    dossier {} ({})  saldo {}  op {}\n", g.case_id.value, g.case_number,
                 g.balance.ToDutchString(), g.why);
    }
  }
  fmt::print("unmatched: {}\n", queue->size());
  return Status::Ok();
}

Status RunAssign(const BillingArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  auto actor = s.User(a.user);
  if (!actor.ok()) return actor.status();
  if (actor->role != Role::kFinance && actor->role != Role::kSanctioningOfficer) {
    return PermissionDenied(actor->login + " (" + std::string(RoleName(actor->role)) +
                            ") may not assign payments: finance or the sanctioning officer");
  }
  auto o = AssignPayment(*s.cases, *s.payments, s.gas, a.payment, CaseId{a.case_id}, *actor, s.now);
  if (!o.ok()) return o.status();
  fmt::print("payment {} assigned to case {}: {}\n", a.payment, a.case_id, PaymentOutcomeName(*o));
  return Status::Ok();
}

Status RunRefunds(const BillingArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  auto open = (*session)->payments->OpenRefunds();
  if (!open.ok()) return open.status();
  for (const Refund& r : *open) {
    fmt::print("terugbetaling {}  {}  dossier {}  betaling {}  {}\n", r.id,
               r.amount.ToDutchString(), r.case_id ? std::to_string(r.case_id->value) : "-",
               r.payment_id, r.reason);
  }
  fmt::print("open_refunds: {}\n", open->size());
  return Status::Ok();
}

Status RunRefundDone(const BillingArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  auto actor = s.User(a.user);
  if (!actor.ok()) return actor.status();
  if (actor->role != Role::kFinance) {
    return PermissionDenied(actor->login + " may not close refunds: finance only");
  }
  Status r =
      s.cases->Transact([&] { return s.payments->CloseRefund(a.refund, actor->login, s.now); });
  if (!r.ok()) return r;
  fmt::print("refund {} done\n", a.refund);
  return Status::Ok();
}

Status RunPlan(const BillingArgs& a) {
  auto first = LocalDate::Parse(a.first);
  if (!first.ok())
    return InvalidArgument("--first \"" + a.first + "\": " + first.status().message());
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  auto actor = s.User(a.user);
  if (!actor.ok()) return actor.status();
  if (actor->role != Role::kFinance && actor->role != Role::kSanctioningOfficer) {
    return PermissionDenied(actor->login + " may not grant payment plans");
  }
  Status r = CreatePaymentPlan(*s.cases, *s.payments, s.gas, CaseId{a.case_id}, a.instalments,
                               *first, *actor, s.now);
  if (!r.ok()) return r;
  auto req = CurrentRequest(*s.payments, CaseId{a.case_id});
  if (!req.ok()) return req.status();
  auto plan = s.payments->InstalmentsOf((*req)->id);
  if (!plan.ok()) return plan.status();
  for (const Instalment& i : *plan) {
    fmt::print("{}  {}\n", i.due_on.ToDutchString(), i.amount.ToDutchString());
  }
  return Status::Ok();
}

Status RunBailiff(const BillingArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  auto actor = s.User(a.user);
  if (!actor.ok()) return actor.status();
  auto e = ExportToBailiff(*s.cases, *s.payments, s.gas, *actor, s.now);
  if (!e.ok()) return e.status();
  // Written to a temporary name and renamed, so a half-written export is never seen.
  const std::string tmp = a.out + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Unavailable(a.out + ": cannot be written");
    out << e->csv;
    if (!out.flush()) return Unavailable(a.out + ": cannot be written");
  }
  if (std::rename(tmp.c_str(), a.out.c_str()) != 0)
    return Unavailable(a.out + ": cannot be written");
  fmt::print("written: {}\ncases: {}\ntotal: {}\n", a.out, e->cases, e->total.ToDutchString());
  return Status::Ok();
}

Status RunLetters(const BillingArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  auto actor = s.User(a.user);
  if (!actor.ok()) return actor.status();
  Instant as_of = s.now;
  if (!a.as_of.empty()) {
    auto t = Instant::Parse(a.as_of);
    if (!t.ok()) return InvalidArgument("--as-of \"" + a.as_of + "\": " + t.status().message());
    as_of = *t;
    // Letters due as of then: the deadlines that passed by then are taken first.
    auto p = Process(*s.cases, s.gas, as_of, s.now);
    if (!p.ok()) return p.status();
  }
  LetterRunOptions o;
  o.out_dir = a.out;
  o.templates_dir = TemplatesDir(s.gas);
  o.posted = LocalTime::Brussels().LocalDay(as_of);
  if (!a.posted.empty()) {
    auto d = LocalDate::Parse(a.posted);
    if (!d.ok()) return InvalidArgument("--posted \"" + a.posted + "\": " + d.status().message());
    o.posted = *d;
  }
  auto r = RunLetters(*s.cases, *s.payments, s.gas, *actor, o, s.now);
  if (!r.ok()) return r.status();
  fmt::print(
      "letters: {}\npages: {}\ninvitations: {}\nwarnings: {}\nreminders: {}\n"
      "driver_requests: {}\nqueued: {}\nrequested: {}\nposted: {}\n",
      r->letters, r->pages, r->invitations, r->warnings, r->reminders, r->driver_requests,
      r->queued, r->requested.ToDutchString(), o.posted.ToDutchString());
  if (r->letters > 0) fmt::print("written: {}, {}\n", r->print_file, r->manifest);
  for (const std::string& k : r->skipped) fmt::print(stderr, "skipped: {}\n", k);
  return Status::Ok();
}

Status RunLettersList(const BillingArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  auto list = (*session)->payments->LettersOfCase(CaseId{a.case_id});
  if (!list.ok()) return list.status();
  for (const LetterRecord& l : *list) {
    fmt::print("brief {}  {}  {}  verstuurd {}  {} blz.  {}{}  sha256 {}\n", l.id, l.kind,
               l.language, l.posted_on.ToDutchString(), l.pages,
               l.amount ? l.amount->ToDutchString() : "-",
               l.registered ? (l.registered_number.empty() ? "  aangetekend"
                                                           : "  aangetekend " + l.registered_number)
                            : "",
               l.sha256);
  }
  return Status::Ok();
}

Status RunLetterPdf(const BillingArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  auto pdf = (*session)->payments->LetterPdf(a.letter);
  if (!pdf.ok()) return pdf.status();
  std::ofstream out(a.out, std::ios::binary | std::ios::trunc);
  if (!out) return Unavailable(a.out + ": cannot be written");
  out << *pdf;
  if (!out.flush()) return Unavailable(a.out + ": cannot be written");
  fmt::print("written: {} (sha256 {})\n", a.out, Sha256Hex(*pdf));
  return Status::Ok();
}

Status RunRegistered(const BillingArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  auto actor = s.User(a.user);
  if (!actor.ok()) return actor.status();
  if (actor->role == Role::kViewer) return PermissionDenied(actor->login + " may only read");
  Status r = s.cases->Transact([&]() -> Status {
    auto l = s.payments->GetLetter(a.letter);
    if (!l.ok()) return l.status();
    if (!*l) return NotFound("no letter " + std::to_string(a.letter));
    if (!(*l)->registered)
      return FailedPrecondition("letter " + std::to_string(a.letter) +
                                " is not a registered letter");
    Status set = s.payments->SetRegisteredNumber(a.letter, a.number);
    if (!set.ok()) return set;
    return s.cases->AppendEvent(
        (*l)->case_id,
        CaseEvent{s.now, actor->login, actor->name, actor->role, "registered_number", std::nullopt,
                  std::nullopt, "",
                  "brief " + std::to_string(a.letter) + ": aangetekend " + a.number});
  });
  if (!r.ok()) return r;
  fmt::print("letter {}: registered {}\n", a.letter, a.number);
  return Status::Ok();
}

Status RunRegisterStats(const BillingArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  auto stats = (*session)->cases->RegisterStatistics();
  if (!stats.ok()) return stats.status();
  // `;`-separated, for Belgian Excel.
  fmt::print("jaar;soort;artikel;beslissingen;bedrag\n");
  for (const RegisterStatistic& r : *stats) {
    fmt::print("{};{};{};{};{}\n", r.year, r.kind, r.article, r.decisions,
               r.amount.ToDutchString());
  }
  return Status::Ok();
}

}  // namespace

void RegisterBillingCommands(CLI::App& app, CommandFn* run) {
  auto a = std::make_shared<BillingArgs>();
  CLI::App* statement = app.add_subcommand("statement", "Bank statements (CODA, camt.053/054)");
  statement->require_subcommand(1);
  {
    CLI::App* c = statement->add_subcommand("show", "Print the statements of a file as JSON");
    c->add_option("FILE", a->file, "a CODA, camt.053 or camt.054 file, or a zip of them")
        ->required();
    c->callback([a, run] { *run = [a] { return RunStatementShow(*a); }; });
  }
  CLI::App* letters = app.add_subcommand("letters", "Letters: run, list, stored PDFs");
  letters->require_subcommand(1);
  {
    CLI::App* c = letters->add_subcommand("run", "Write and record every letter due");
    c->add_option("--db", a->db, "the database file")->required();
    c->add_option("--out", a->out, "the folder for the PDFs, print.pdf and manifest.csv")
        ->required();
    c->add_option("--user", a->user, "the sanctioning officer who signs the letters")->required();
    c->add_option("--as-of", a->as_of, "take the deadlines passed by this instant first");
    c->add_option("--posted", a->posted, "the posting day, YYYY-MM-DD (default: today)");
    c->callback([a, run] { *run = [a] { return RunLetters(*a); }; });
  }
  {
    CLI::App* c = letters->add_subcommand("list", "The letters of a case");
    c->add_option("--db", a->db, "the database file")->required();
    c->add_option("--case", a->case_id, "the case's number")->required();
    c->callback([a, run] { *run = [a] { return RunLettersList(*a); }; });
  }
  {
    CLI::App* c = letters->add_subcommand("pdf", "Write a stored letter's PDF, exactly as sent");
    c->add_option("LETTER", a->letter, "the letter's number")->required();
    c->add_option("--db", a->db, "the database file")->required();
    c->add_option("--out", a->out, "the PDF file to write")->required();
    c->callback([a, run] { *run = [a] { return RunLetterPdf(*a); }; });
  }
  {
    CLI::App* c = letters->add_subcommand("registered", "Record a registered letter's number");
    c->add_option("LETTER", a->letter, "the letter's number")->required();
    c->add_option("--db", a->db, "the database file")->required();
    c->add_option("--number", a->number, "the registered-mail number")->required();
    c->add_option("--user", a->user, "who records it")->required();
    c->callback([a, run] { *run = [a] { return RunRegistered(*a); }; });
  }
  CLI::App* reg = app.add_subcommand("register", "The GAS register (sanction decisions)");
  reg->require_subcommand(1);
  {
    CLI::App* c = reg->add_subcommand("stats", "Decisions per year, kind and article (CSV)");
    c->add_option("--db", a->db, "the database file")->required();
    c->callback([a, run] { *run = [a] { return RunRegisterStats(*a); }; });
  }
  CLI::App* pay = app.add_subcommand("payments", "Payments: reconciliation, queue, refunds");
  pay->require_subcommand(1);
  auto db = [a](CLI::App* c) { c->add_option("--db", a->db, "the database file")->required(); };
  {
    CLI::App* c = pay->add_subcommand("import", "Import a bank statement and reconcile it");
    c->add_option("FILE", a->file, "a CODA, camt.053 or camt.054 file, or a zip of them")
        ->required();
    db(c);
    c->add_option("--user", a->user, "the login importing (default: the system)");
    c->callback([a, run] { *run = [a] { return RunPaymentsImport(*a); }; });
  }
  {
    CLI::App* c =
        pay->add_subcommand("unmatched", "The payments to assign by hand, with suggestions");
    db(c);
    c->add_option("--limit", a->limit, "at most this many (default 50)");
    c->callback([a, run] { *run = [a] { return RunUnmatched(*a); }; });
  }
  {
    CLI::App* c = pay->add_subcommand("assign", "Assign an unmatched payment to a case");
    c->add_option("PAYMENT", a->payment, "the payment's number")->required();
    db(c);
    c->add_option("--case", a->case_id, "the case's number")->required();
    c->add_option("--user", a->user, "the login of the finance desk")->required();
    c->callback([a, run] { *run = [a] { return RunAssign(*a); }; });
  }
  {
    CLI::App* c = pay->add_subcommand("refunds", "The refunds still to pay");
    db(c);
    c->callback([a, run] { *run = [a] { return RunRefunds(*a); }; });
  }
  {
    CLI::App* c = pay->add_subcommand("refund-done", "Record that a refund was paid");
    c->add_option("REFUND", a->refund, "the refund's number")->required();
    db(c);
    c->add_option("--user", a->user, "the login of the finance desk")->required();
    c->callback([a, run] { *run = [a] { return RunRefundDone(*a); }; });
  }
  {
    CLI::App* c = pay->add_subcommand("plan", "Grant a payment plan (monthly instalments)");
    db(c);
    c->add_option("--case", a->case_id, "the case's number")->required();
    c->add_option("--instalments", a->instalments, "2 to 24")->required();
    c->add_option("--first", a->first, "the first instalment's last day, YYYY-MM-DD")->required();
    c->add_option("--user", a->user, "finance or the sanctioning officer")->required();
    c->callback([a, run] { *run = [a] { return RunPlan(*a); }; });
  }
  {
    CLI::App* c = pay->add_subcommand("bailiff", "Export enforceable cases for the bailiff (CSV)");
    db(c);
    c->add_option("--out", a->out, "the CSV file to write")->required();
    c->add_option("--user", a->user, "finance or the sanctioning officer")->required();
    c->callback([a, run] { *run = [a] { return RunBailiff(*a); }; });
  }
}

}  // namespace hh
