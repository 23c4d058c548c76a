// hh_reconcilebench: bank reconciliation at a city's scale (issue 4, "Must reach": a generated
// CODA file of 100,000 credit movements against 100,000 open cases reconciled in under 2 s).
// Makes a database with --cases open cases (PARKEREN and AUTOLUW, EUR 58, state invited, each
// with its addressee holder and its payment request) in one transaction (untimed, kept as
// setup.db), and a valid CODA 2 file of as many credits paying those requests: mostly exact,
// some partial, overpaid, twice, after the case closed, without an OGM, with the OGM in the
// free text or as type 102, with an unknown OGM, plus one bank cost a statement, in statements
// of 5,000 movements (CODA's sequence numbers have four digits). Then times, HH_BENCH_RUNS
// times (default 3) on a fresh copy of setup.db each: hh::ReadStatementFile (parse) and
// hh::ImportPayments (reconcile, its commit included) in-process; once `handhaving payments
// import FILE --db COPY` (--cli) as a whole process. Every report is checked against the counts
// the generator expects; exit status 1 when one differs or a step fails (a missed target is
// only reported). Synthetic data only: no real plate, person or account holder.
#include "billing/reconcile.h"

#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bank/statement_file.h"
#include "billing/payment_requests.h"
#include "cases/case_actions.h"
#include "core/instant.h"
#include "store/migrations.h"
#include "store/sqlite_case_store.h"
#include "store/sqlite_payment_store.h"

namespace hh {
namespace {

namespace fs = std::filesystem;

// Movements a statement: CODA numbers them 0001..9999 (record 2.1 positions 3-6).
constexpr int kPerStatement = 5000;
const char* const kSurnames[] = {"Peeters", "Janssens", "Maes",     "Jacobs",  "Mertens",
                                 "Willems", "Claes",    "Goossens", "Wouters", "De Smet"};
const char* const kFirst[] = {"Jan", "Marie", "Luc", "An", "Pieter", "Sofie", "Tom", "Els"};
const Money kFine = Money::FromEuro(58);

struct Options {
  std::string out = "build/bench-out/reconcile";
  std::string cli;  // build/handhaving; empty: the CLI is not timed
  int cases = 100'000;
  int runs = 3;
};

Instant At(std::string_view rfc3339) { return *Instant::Parse(std::string(rfc3339)); }
LocalDate Day(std::string_view iso) { return *LocalDate::Parse(std::string(iso)); }

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// A reconciliation report's counts: what the generator expects (counted one credit at a
// time), what ImportPayments returned, what the command printed.
struct Counts {
  int statements = 0;
  int credits = 0;
  int debits = 0;
  int exact = 0;
  int partial = 0;
  int overpaid = 0;
  int duplicate = 0;
  int after_close = 0;
  int unmatched = 0;
  Money matched;
  Money refunds;

  static Counts Of(const ReconcileReport& r) {
    return {r.statements, r.credits,     r.debits,    r.exact,   r.partial, r.overpaid,
            r.duplicate,  r.after_close, r.unmatched, r.matched, r.refunds};
  }
};

// One 128-character CODA record, filled by 1-based position as the Febelfin tables give them.
class Record {
 public:
  explicit Record(std::string_view type) : text_(128, ' ') { Put(1, type); }
  Record& Put(size_t from, std::string_view value) {
    text_.replace(from - 1, std::min(value.size(), 129 - from), value.substr(0, 129 - from));
    return *this;
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

std::string Digits(int64_t v, int width) { return fmt::format("{:0{}d}", v, width); }
// 15 digits, 3 implied decimals (Money holds cents: the third decimal is 0).
std::string Amount(Money m) { return Digits((m.cents() < 0 ? -m.cents() : m.cents()) * 10, 15); }
std::string Ddmmyy(LocalDate d) {
  return fmt::format("{:02d}{:02d}{:02d}", d.day(), d.month(), d.year() % 100);
}

// The CODA file and the counts it must give.
class CodaWriter {
 public:
  CodaWriter(std::string account, std::string bic)
      : account_(std::move(account)), bic_(std::move(bic)) {}

  void Begin(int number, LocalDate day) {
    number_ = number;
    day_ = day;
    seq_ = 0;
    records_ = 0;
    debit_ = credit_ = Money();
    opening_ = balance_;
    Line(Record("0")
             .Put(2, "0000")
             .Put(6, Ddmmyy(day))
             .Put(12, "539")
             .Put(15, "05")
             .Put(25, fmt::format("HHB{:07d}", number))
             .Put(35, "STAD MECHELEN")
             .Put(61, bic_)
             .Put(72, "00207500123")
             .Put(84, "00000")
             .Put(128, "2"));
    // Old balance, account structure 2 (the IBAN of a Belgian account: 31 positions, extension
    // zone, currency).
    Line(Record("1")
             .Put(2, "2")
             .Put(3, Digits(number, 3))
             .Put(6, account_)
             .Put(40, "EUR")
             .Put(43, opening_ < Money() ? "1" : "0")
             .Put(44, Amount(opening_))
             .Put(59, Ddmmyy(day.AddDays(-1)))
             .Put(65, "STAD MECHELEN")
             .Put(91, "ONTVANGSTEN GAS")
             .Put(126, Digits(number, 3)));
    ++records_;
  }

  // One movement: `structured` puts `communication` (type + digits) as communication type 1.
  // A counterparty gives a record 2.3; a BIC a record 2.2 before it.
  void Movement(Money amount, bool structured, std::string_view communication,
                std::string_view counterparty_account, std::string_view counterparty_name,
                std::string_view counterparty_bic) {
    ++seq_;
    const bool r22 = !counterparty_bic.empty();
    const bool r23 = !counterparty_name.empty();
    Line(Record("2")
             .Put(2, "1")
             .Put(3, Digits(seq_, 4))
             .Put(7, "0000")
             .Put(11, fmt::format("HHB{:03d}{:05d}", number_, seq_))
             .Put(32, amount < Money() ? "1" : "0")
             .Put(33, Amount(amount))
             .Put(48, Ddmmyy(day_))
             .Put(54, amount < Money() ? "13700000" : "00150000")
             .Put(62, structured ? "1" : "0")
             .Put(63, communication)
             .Put(116, Ddmmyy(day_))
             .Put(122, Digits(number_, 3))
             .Put(125, "0")
             .Put(126, r22 || r23 ? "1" : "0")
             .Put(128, "0"));
    ++records_;
    if (r22) {
      Line(Record("2")
               .Put(2, "2")
               .Put(3, Digits(seq_, 4))
               .Put(7, "0000")
               .Put(99, counterparty_bic)
               .Put(126, r23 ? "1" : "0")
               .Put(128, "0"));
      ++records_;
    }
    if (r23) {
      Line(Record("2")
               .Put(2, "3")
               .Put(3, Digits(seq_, 4))
               .Put(7, "0000")
               .Put(11, counterparty_account)
               .Put(48, counterparty_name)
               .Put(126, "0")
               .Put(128, "0"));
      ++records_;
    }
    (amount < Money() ? debit_ : credit_) += amount < Money() ? -amount : amount;
    balance_ += amount;
  }

  void End() {
    Line(Record("8")
             .Put(2, Digits(number_, 3))
             .Put(5, account_)
             .Put(39, "EUR")
             .Put(42, balance_ < Money() ? "1" : "0")
             .Put(43, Amount(balance_))
             .Put(58, Ddmmyy(day_))
             .Put(128, "0"));
    ++records_;
    Line(Record("9")
             .Put(17, Digits(records_, 6))
             .Put(23, Amount(debit_))
             .Put(38, Amount(credit_))
             .Put(128, "2"));
  }

  const std::string& bytes() const { return bytes_; }
  int movements() const { return seq_; }

 private:
  void Line(const Record& r) {
    bytes_ += r.text();
    bytes_ += '\n';
  }

  std::string account_, bic_;
  std::string bytes_;
  int number_ = 0;
  LocalDate day_;
  int seq_ = 0;
  int64_t records_ = 0;  // records 1, 2.x, 3.x and 8: what the trailer counts
  Money debit_, credit_;
  Money opening_;
  Money balance_ = Money::FromEuro(1000);
};

// A synthetic Belgian counterparty IBAN for payer i: a 12-digit account number (ten digits and
// their mod-97 check, 0 written 97) with its IBAN check digits (ISO 13616).
std::string PayerIban(int i) {
  const int64_t base = 3'630'000'000LL + i;
  const int64_t check = base % 97 == 0 ? 97 : base % 97;
  const std::string bban = Digits(base, 10) + Digits(check, 2);
  int rest = 0;
  for (char ch : bban + "111400") rest = (rest * 10 + (ch - '0')) % 97;
  return fmt::format("BE{:02d}{}", 98 - rest, bban);
}

class Bench {
 public:
  explicit Bench(Options o) : o_(std::move(o)) {}

  int Run() {
    std::error_code ec;
    fs::create_directories(o_.out, ec);
    if (ec) return Fail(o_.out + ": " + ec.message());
    setup_db_ = (fs::path(o_.out) / "setup.db").string();
    coda_ = (fs::path(o_.out) / "payments-100k.cod").string();
    Status s = Setup();
    if (!s.ok()) return Fail("setup: " + s.ToString());
    s = WriteCoda();
    if (!s.ok()) return Fail("coda: " + s.ToString());
    std::vector<double> parse, reconcile, total;
    for (int r = 1; r <= o_.runs; ++r) {
      const std::string db = Copy("run.db");
      if (db.empty()) return Fail("cannot copy " + setup_db_);
      // The copy and the runs before leave dirty pages (the last run's WAL is 100 MB); written
      // out now, the kernel's writeback does not stall this run's commit.
      sync();
      double p = 0;
      double q = 0;
      s = TimedImport(db, &p, &q);
      if (!s.ok()) return Fail(fmt::format("run {}: {}", r, s.ToString()));
      parse.push_back(p);
      reconcile.push_back(q);
      total.push_back(p + q);
      fmt::print(stderr, "  run {}: parse {:.3f} s, reconcile {:.3f} s, total {:.3f} s\n", r, p, q,
                 p + q);
    }
    double cli = -1;
    if (!o_.cli.empty()) {
      s = TimedCli(&cli);
      if (!s.ok()) return Fail("cli: " + s.ToString());
    }
    const double med = Median(total);
    fmt::print("file:      {} ({:.1f} MB, {} statements, {} credits, {} debits)\n", coda_,
               static_cast<double>(fs::file_size(coda_)) / 1e6, want_.statements, want_.credits,
               want_.debits);
    fmt::print("cases:     {} open (invited, one request each; setup {:.1f} s, not timed)\n",
               o_.cases, setup_secs_);
    fmt::print(
        "report:    exact {}, partial {}, overpaid {}, duplicate {}, after_close {}, "
        "unmatched {}; matched {}, refunds {} (as generated)\n",
        want_.exact, want_.partial, want_.overpaid, want_.duplicate, want_.after_close,
        want_.unmatched, want_.matched.ToDutchString(), want_.refunds.ToDutchString());
    fmt::print("parse:     median {:.3f} s (hh::ReadStatementFile)\n", Median(parse));
    fmt::print(
        "reconcile: median {:.3f} s (hh::ImportPayments, one transaction, commit included)\n",
        Median(reconcile));
    fmt::print("total:     median {:.3f} s over {} runs (best {:.3f} s); {:.1f} us a credit\n", med,
               o_.runs, *std::min_element(total.begin(), total.end()), med * 1e6 / want_.credits);
    if (cli >= 0) {
      fmt::print(
          "cli:       {:.3f} s (handhaving payments import, one process: read, parse, "
          "reconcile)\n",
          cli);
    }
    fmt::print("target < 2 s (in-process total, median): {}\n", med < 2.0 ? "met" : "MISSED");
    if (cli >= 0) fmt::print("target < 2 s (cli): {}\n", cli < 2.0 ? "met" : "MISSED");
    return 0;
  }

 private:
  static int Fail(const std::string& why) {
    fmt::print(stderr, "hh_reconcilebench: {}\n", why);
    return 1;
  }

  static double Median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  // A fresh copy of setup.db named `name` in --out (its WAL and index files removed first).
  std::string Copy(const std::string& name) {
    const std::string to = (fs::path(o_.out) / name).string();
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(to + suffix, ec);
    fs::copy_file(setup_db_, to, ec);
    return ec ? std::string() : to;
  }

  Status Setup() {
    const auto t0 = std::chrono::steady_clock::now();
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(setup_db_ + suffix, ec);
    DatabaseOptions opt;
    opt.durable_commits = false;  // the setup only: the timed imports use a command's options
    auto db = Database::Open(setup_db_, opt);
    if (!db.ok()) return db.status();
    auto m = ApplyMigrations(**db, now_);
    if (!m.ok()) return m.status();
    Status s = Fill(**db);
    if (!s.ok()) return s;
    db->reset();  // closed: the WAL is checkpointed into setup.db, which is copied as it is
    setup_secs_ = Since(t0);
    fmt::print(stderr, "setup: {} cases with their requests in {:.1f} s\n", o_.cases, setup_secs_);
    return Status::Ok();
  }

  Status Fill(Database& db) {
    SqliteCaseStore cases(db);
    SqlitePaymentStore payments(db);
    Status s = cases.AddUser({0, "fien", "Fien Financien", Role::kFinance, true}, now_);
    if (!s.ok()) return s;
    ogm_.reserve(o_.cases);
    s = cases.Transact([&]() -> Status {
      for (int i = 0; i < o_.cases; ++i) {
        Case c;
        c.track = i % 2 == 0 ? Track::kParkeren : Track::kAutoluw;
        // One case in a hundred was dismissed after its invitation: a payment for it is
        // refunded (after_close).
        c.state = i % 100 == 96 ? CaseState::kDismissed : CaseState::kInvited;
        c.facts_day = Day("2026-01-15").AddDays(i % 40);
        c.facts_at = Instant::FromUnix(int64_t{c.facts_day.days()} * 86'400 + 36'000 + i % 20'000);
        c.offence_code = c.track == Track::kParkeren ? "P1" : "C3";
        c.article = c.track == Track::kParkeren ? "KB 1 december 1975 art. 22" : "C3";
        if (c.track == Track::kParkeren) c.category = TrafficCategory::kCategory1;
        if (c.track == Track::kAutoluw) c.zone_id = "Z1";
        c.amount = kFine;
        c.plate = fmt::format("{}R{}C{:03d}", 1 + (i / 26'000) % 9,
                              static_cast<char>('A' + (i / 1000) % 26), i % 1000);
        c.country = "BE";
        if (c.state == CaseState::kInvited) c.state_deadline = Day("2026-03-31");
        Party p;
        p.role = PartyRole::kHolder;
        p.name = fmt::format("{} {}", kSurnames[i % std::size(kSurnames)],
                             kFirst[(i / 10) % std::size(kFirst)]);
        p.birth_date = Day("1970-01-01").AddDays(i % 15'000);
        p.address = {"Teststraat", std::to_string(1 + i % 200), "2800", "Mechelen"};
        p.addressee = true;
        auto id = OpenCase(cases, settings_, c, {&p, 1}, {}, SystemActor(), now_, "bench");
        if (!id.ok()) return id.status();
        c.id = *id;
        auto r = OpenPaymentRequest(payments, c, kFine, c.state_deadline, now_);
        if (!r.ok()) return r.status();
        ogm_.push_back(r->ogm);
        names_.push_back(p.name);
      }
      return Status::Ok();
    });
    return s;
  }

  // Credit i pays case i's request, by i % 100: 0-87 exact (101 + OGM); 88-91 partial (EUR 20);
  // 92-94 overpaid (EUR 60); 95 the request of case i - 1 (overpaid, so paid) again: duplicate;
  // 96 a dismissed case: after_close; 97 no OGM (plate and name in free text): unmatched; 98
  // the OGM in the free text as +++...+++ or as type 102: exact; 99 a valid OGM of no request:
  // unmatched. Nine in ten name the payer (record 2.3), one in seven with a BIC (record 2.2).
  Status WriteCoda() {
    const auto t0 = std::chrono::steady_clock::now();
    CodaWriter w(settings_.city_iban, settings_.city_bic);
    int number = 0;
    for (int i = 0; i < o_.cases; ++i) {
      if (i % kPerStatement == 0) {
        if (i > 0) {
          w.Movement(Money::FromCents(-250), false, "KOSTEN REKENING", "", "", "");
          ++want_.debits;
          w.End();
        }
        ++number;
        ++want_.statements;
        w.Begin(number, Day("2026-03-01").AddDays(number));
      }
      const int kind = i % 100;
      Money amount = kFine;
      bool structured = true;
      std::string comm = "101" + ogm_[i];
      if (kind >= 88 && kind <= 91) amount = Money::FromEuro(20);
      if (kind >= 92 && kind <= 94) amount = Money::FromEuro(60);
      if (kind == 95) comm = "101" + ogm_[i - 1];
      if (kind == 97) {
        structured = false;
        comm = fmt::format("GAS BOETE {} {}", i, names_[i]);
      }
      if (kind == 98) {
        auto ogm = StructuredReference::FromDigits(ogm_[i]);
        if (!ogm.ok()) return ogm.status();
        structured = (i / 100) % 2 == 1;
        comm = structured ? "102" + ogm_[i] : "BETALING " + ogm->Printed() + " DANK U";
      }
      if (kind == 99) {
        auto unknown = RequestReference(Track::kParkeren, 900'000'000 + i);
        if (!unknown.ok()) return unknown.status();
        comm = "101" + unknown->digits();
      }
      const bool named = i % 10 != 3;
      w.Movement(amount, structured, comm, named ? PayerIban(i) : "", named ? names_[i] : "",
                 named && i % 7 == 0 ? "GEBABEBB" : "");
      ++want_.credits;
      if (kind <= 87 || kind == 98) {
        ++want_.exact;
        want_.matched += amount;
      } else if (kind <= 91) {
        ++want_.partial;
        want_.matched += amount;
      } else if (kind <= 94) {
        ++want_.overpaid;
        want_.matched += kFine;
        want_.refunds += amount - kFine;
      } else if (kind == 95) {
        ++want_.duplicate;
        want_.refunds += amount;
      } else if (kind == 96) {
        ++want_.after_close;
        want_.refunds += amount;
      } else {
        ++want_.unmatched;
      }
    }
    w.Movement(Money::FromCents(-250), false, "KOSTEN REKENING", "", "", "");
    ++want_.debits;
    w.End();
    std::ofstream out(coda_, std::ios::binary | std::ios::trunc);
    out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
    if (!out.flush()) return Unavailable(coda_ + ": cannot be written");
    fmt::print(stderr, "coda: {} ({} statements) written in {:.1f} s\n", coda_, want_.statements,
               Since(t0));
    return Status::Ok();
  }

  // "what: got 3, expected 4" for every count that differs from the generator's, or empty.
  std::string Differences(const Counts& r) const {
    std::string out;
    auto cmp = [&out](std::string_view what, const std::string& got, const std::string& want) {
      if (got == want) return;
      if (!out.empty()) out += "; ";
      out += fmt::format("{}: got {}, expected {}", what, got, want);
    };
    auto n = [](int v) { return std::to_string(v); };
    cmp("statements", n(r.statements), n(want_.statements));
    cmp("credits", n(r.credits), n(want_.credits));
    cmp("debits", n(r.debits), n(want_.debits));
    cmp("exact", n(r.exact), n(want_.exact));
    cmp("partial", n(r.partial), n(want_.partial));
    cmp("overpaid", n(r.overpaid), n(want_.overpaid));
    cmp("duplicate", n(r.duplicate), n(want_.duplicate));
    cmp("after_close", n(r.after_close), n(want_.after_close));
    cmp("unmatched", n(r.unmatched), n(want_.unmatched));
    cmp("matched", r.matched.ToDutchString(), want_.matched.ToDutchString());
    cmp("refunds", r.refunds.ToDutchString(), want_.refunds.ToDutchString());
    return out;
  }

  Status TimedImport(const std::string& path, double* parse_secs, double* reconcile_secs) {
    // The options a command gets (durable commits).
    auto db = Database::Open(path);
    if (!db.ok()) return db.status();
    SqliteCaseStore cases(**db);
    SqlitePaymentStore payments(**db);
    // The second connection a command opens for its reader thread (ReconcileReader).
    auto reader_db = Database::Open(path);
    if (!reader_db.ok()) return reader_db.status();
    SqliteCaseStore reader_cases(**reader_db);
    SqlitePaymentStore reader_payments(**reader_db);
    const ReconcileReader reader{&reader_cases, &reader_payments};
    auto actor = ActorFor(cases, "fien");
    if (!actor.ok()) return actor.status();
    const auto t0 = std::chrono::steady_clock::now();
    auto statements = ReadStatementFile(coda_);
    *parse_secs = Since(t0);
    if (!statements.ok()) return statements.status();
    const auto t1 = std::chrono::steady_clock::now();
    StatementSource src{coda_, "bench-" + std::to_string(o_.cases), settings_.city_iban};
    auto r = ImportPayments(cases, payments, settings_, *statements, src, *actor, now_,
                            std::getenv("HH_BENCH_NO_READER") ? nullptr : &reader);
    *reconcile_secs = Since(t1);
    if (!r.ok()) return r.status();
    std::string diff = Differences(Counts::Of(*r));
    // The file adds up (trailer counts and totals, balances): the reader warns of nothing.
    if (!r->warnings.empty()) diff += (diff.empty() ? "" : "; ") + ("warning: " + r->warnings[0]);
    if (!diff.empty()) return Internal("the report differs from what was generated: " + diff);
    return Status::Ok();
  }

  Status TimedCli(double* secs) {
    const std::string db = Copy("cli.db");
    if (db.empty()) return Unavailable("cannot copy " + setup_db_);
    sync();  // as before each run
    const std::string out = (fs::path(o_.out) / "cli.out").string();
    const std::string cmd =
        fmt::format("HANDHAVING_NOW={} '{}' payments import '{}' --db '{}' --user fien >'{}' 2>&1",
                    now_.ToRfc3339(), o_.cli, coda_, db, out);
    const auto t0 = std::chrono::steady_clock::now();
    const int rc = std::system(cmd.c_str());
    *secs = Since(t0);
    std::ifstream in(out);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (rc != 0) return Internal("the command failed: " + text);
    // The report as the command prints it ("exact: 89000", "matched: € 5.133.000,00").
    auto value = [&text](std::string_view key) {
      const std::string k = "\n" + std::string(key) + ": ";
      const std::string all = "\n" + text;
      const size_t at = all.find(k);
      if (at == std::string::npos) return std::string();
      const size_t from = at + k.size();
      return all.substr(from, all.find('\n', from) - from);
    };
    auto num = [&value](std::string_view key) {
      const std::string v = value(key);
      int n = -1;
      if (std::from_chars(v.data(), v.data() + v.size(), n).ec != std::errc()) n = -1;
      return n;
    };
    // Money::Parse reads "5133000,00"; the command groups thousands with '.' after "€ ".
    auto money = [&value](std::string_view key) {
      std::string v = value(key);
      std::string plain;
      for (char ch : v) {
        if ((ch >= '0' && ch <= '9') || ch == ',' || ch == '-') plain += ch;
      }
      auto m = Money::Parse(plain);
      return m.ok() ? *m : Money::FromCents(-1);
    };
    Counts got{num("statements"), num("credits"),   num("debits"),    num("exact"),
               num("partial"),    num("overpaid"),  num("duplicate"), num("after_close"),
               num("unmatched"),  money("matched"), money("refunds")};
    const std::string diff = Differences(got);
    if (!diff.empty()) return Internal("the command's report differs: " + diff);
    return Status::Ok();
  }

  Options o_;
  GasSettings settings_;
  Instant now_ = At("2026-04-01T08:00:00Z");
  std::string setup_db_, coda_;
  std::vector<std::string> ogm_;    // request i's 12 digits
  std::vector<std::string> names_;  // case i's addressee
  Counts want_;
  double setup_secs_ = 0;
};

}  // namespace
}  // namespace hh

int main(int argc, char** argv) {
  hh::Options o;
  if (const char* runs = std::getenv("HH_BENCH_RUNS")) {
    const std::string_view v = runs;
    if (std::from_chars(v.data(), v.data() + v.size(), o.runs).ec != std::errc() || o.runs < 1) {
      fmt::print(stderr, "hh_reconcilebench: HH_BENCH_RUNS must be a positive number\n");
      return 2;
    }
  }
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--out" && has_value) {
      o.out = argv[++i];
    } else if (arg == "--cli" && has_value) {
      o.cli = argv[++i];
    } else if (arg == "--cases" && has_value) {
      const std::string_view v = argv[++i];
      if (std::from_chars(v.data(), v.data() + v.size(), o.cases).ec != std::errc()) o.cases = 0;
    } else {
      fmt::print(stderr,
                 "usage: hh_reconcilebench [--out DIR] [--cli build/handhaving] [--cases N]\n");
      return 2;
    }
  }
  if (o.cases < 100) {
    fmt::print(stderr, "hh_reconcilebench: --cases must be at least 100\n");
    return 2;
  }
  return hh::Bench(std::move(o)).Run();
}
