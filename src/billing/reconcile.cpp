#include "billing/reconcile.h"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <span>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "billing/collection.h"
#include "billing/payment_requests.h"
#include "core/phase_timer.h"
#include "core/plate.h"

namespace hh {
namespace {

// Writes the payment row with its outcome (or, for a manual assignment, records it on the row
// that was queued) and returns its id.
using RecordPayment = std::function<Result<int64_t>(PaymentOutcome)>;

// Records `amount` on `c`, the case of `req`, and says what it was; `record` writes the payment
// row once the outcome is known, before the refunds that refer to it. Updates `req` and `c` as
// stored. `facts`: what Move would read for the sanctions register, when the caller has it.
Result<PaymentOutcome> Apply(CaseStore& cases, PaymentStore& payments, const GasSettings& settings,
                             PaymentRequest& req, Case& c_ref, const MoveFacts* facts, Money amount,
                             const RecordPayment& record, const Actor& actor, Instant now,
                             Money* refunded) {
  Case* c = &c_ref;
  // The outcome first, so the payment row is written once, with it.
  const Money balance = Balance(req);
  PaymentOutcome decided = PaymentOutcome::kExact;
  if (req.status == RequestStatus::kPaid) {
    decided = PaymentOutcome::kDuplicate;
  } else if (IsFinal(c->state) || req.status == RequestStatus::kCancelled) {
    decided = PaymentOutcome::kAfterClose;
  } else if (amount < balance) {
    decided = PaymentOutcome::kPartial;
  } else if (amount > balance) {
    decided = PaymentOutcome::kOverpaid;
  }
  auto recorded = record(decided);
  if (!recorded.ok()) return recorded.status();
  const int64_t payment_id = *recorded;
  auto refund = [&](Money m, const std::string& why) -> Status {
    Refund r;
    r.payment_id = payment_id;
    r.case_id = req.case_id;
    r.amount = m;
    r.reason = why;
    r.created_at = now;
    *refunded += m;
    return payments.InsertRefund(r);
  };
  auto event = [&](const std::string& action, const std::string& detail) {
    return cases.AppendEvent(c->id, CaseEvent{now, actor.login, actor.name, actor.role, action,
                                              std::nullopt, std::nullopt, "", detail});
  };
  if (decided == PaymentOutcome::kDuplicate) {
    Status s = refund(amount, "betaling voor een reeds betaald verzoek");
    if (!s.ok()) return s;
    s = event("payment_duplicate",
              fmt::format("Dubbele betaling {}: terug te betalen", amount.ToDutchString()));
    if (!s.ok()) return s;
    return PaymentOutcome::kDuplicate;
  }
  if (decided == PaymentOutcome::kAfterClose) {
    Status s = refund(amount, fmt::format("betaling na afsluiting van het dossier ({})",
                                          CaseStateLabelNl(c->state)));
    if (!s.ok()) return s;
    s = event("payment_after_close",
              fmt::format("Betaling {} na afsluiting: terug te betalen", amount.ToDutchString()));
    if (!s.ok()) return s;
    return PaymentOutcome::kAfterClose;
  }
  if (decided == PaymentOutcome::kPartial) {
    req.paid += amount;
    req.status = RequestStatus::kPartial;
    Status s = payments.UpdateRequest(req);
    if (!s.ok()) return s;
    // Under a payment plan the deadline is the next instalment not yet covered (collection.h).
    std::string next;
    auto plan = payments.InstalmentsOf(req.id);
    if (!plan.ok()) return plan.status();
    if (!plan->empty()) {
      const std::optional<LocalDate> due = NextInstalmentDue(req, *plan);
      if (due && due != c->state_deadline) {
        const CaseState state = c->state;
        c->state_deadline = due;
        c->updated_at = now;
        s = cases.UpdateCaseProgress(*c, state, WakeOn(*c, settings));
        if (!s.ok()) return s;
      }
      if (due) next = "; volgende afbetaling uiterlijk " + due->ToDutchString();
    }
    // GAS.md 6.6: a partial payment is a suspension event on the case.
    s = event("payment_partial",
              fmt::format("Gedeeltelijke betaling {}; saldo {}{}", amount.ToDutchString(),
                          Balance(req).ToDutchString(), next));
    if (!s.ok()) return s;
    return PaymentOutcome::kPartial;
  }
  const PaymentOutcome outcome = decided;
  req.paid = req.amount;
  req.status = RequestStatus::kPaid;
  Status s = payments.UpdateRequest(req);
  if (!s.ok()) return s;
  if (outcome == PaymentOutcome::kOverpaid) {
    s = refund(amount - balance, "te veel betaald");
    if (!s.ok()) return s;
  }
  auto t = FindTransition(c->track, c->state, "record_payment");
  if (t.ok()) {
    ActInput in;
    in.detail =
        fmt::format("{} ontvangen{}", amount.ToDutchString(),
                    outcome == PaymentOutcome::kOverpaid
                        ? fmt::format(", {} terug te betalen", (amount - balance).ToDutchString())
                        : std::string());
    Status m = Move(cases, settings, *c, **t, actor, in, now, CaseWrite::kProgress, facts);
    if (!m.ok()) return m;
    return outcome;
  }
  // Paid in a state the payment does not end (an appeal before the court): the officer sees it.
  s = event("payment_received", fmt::format("Volledig betaald ({}) in de toestand {}",
                                            amount.ToDutchString(), CaseStateLabelNl(c->state)));
  if (!s.ok()) return s;
  return outcome;
}

void Count(ReconcileReport& r, PaymentOutcome o) {
  switch (o) {
    case PaymentOutcome::kExact:
      ++r.exact;
      break;
    case PaymentOutcome::kPartial:
      ++r.partial;
      break;
    case PaymentOutcome::kOverpaid:
      ++r.overpaid;
      break;
    case PaymentOutcome::kDuplicate:
      ++r.duplicate;
      break;
    case PaymentOutcome::kAfterClose:
      ++r.after_close;
      break;
    case PaymentOutcome::kUnmatched:
      ++r.unmatched;
      break;
  }
}

// A credit of the file, in file order, with the statement row it was booked on.
struct Credit {
  int64_t statement_id;
  const BankTransaction* transaction;
};

// A case as reconciliation keeps it while it works through a file: as stored, updated as the
// file's payments move it, with what Move needs for the sanctions register.
struct OpenCase {
  Case c;
  MoveFacts facts;
};

// What Load read for a run of credits: the requests their references name (by reference) and
// those requests' cases (by id), with Move's facts.
struct Loaded {
  std::unordered_map<std::string, PaymentRequest> requests;
  std::unordered_map<int64_t, OpenCase> cases;
};

// Reads what `credits` need, skipping the references in `asked` (read before; added to it).
Status Load(CaseStore& cases, PaymentStore& payments, std::span<const Credit> credits,
            std::unordered_set<std::string>& asked, Loaded& out) {
  std::vector<std::string> ogms;
  ogms.reserve(credits.size());
  for (const Credit& c : credits) {
    if (!c.transaction->ogm) continue;
    std::string digits = c.transaction->ogm->digits();
    if (asked.insert(digits).second) ogms.push_back(std::move(digits));
  }
  if (ogms.empty()) return Status::Ok();
  std::sort(ogms.begin(), ogms.end());
  auto requests = payments.RequestsByOgms(ogms);
  if (!requests.ok()) return requests.status();
  std::vector<CaseId> ids;
  ids.reserve(requests->size());
  out.requests.reserve(requests->size());
  for (PaymentRequest& r : *requests) {
    ids.push_back(r.case_id);
    std::string ogm = r.ogm;
    out.requests.emplace(std::move(ogm), std::move(r));
  }
  std::sort(ids.begin(), ids.end(), [](CaseId a, CaseId b) { return a.value < b.value; });
  ids.erase(
      std::unique(ids.begin(), ids.end(), [](CaseId a, CaseId b) { return a.value == b.value; }),
      ids.end());
  auto loaded = cases.GetCases(ids);
  if (!loaded.ok()) return loaded.status();
  auto parties = cases.GetPartiesOf(ids);
  if (!parties.ok()) return parties.status();
  auto reminded = cases.CasesWithEvent(ids, "deadline_reminder");
  if (!reminded.ok()) return reminded.status();
  out.cases.reserve(loaded->size());
  for (Case& c : *loaded) {
    OpenCase open{std::move(c), {}};
    auto it = parties->find(open.c.id.value);
    if (it != parties->end()) {
      for (const Party& p : it->second) {
        if (p.addressee) open.facts.offender_key = OffenderKey(p);
      }
    }
    open.facts.reminded = reminded->count(open.c.id.value) > 0;
    const int64_t id = open.c.id.value;
    out.cases.emplace(id, std::move(open));
  }
  return Status::Ok();
}

// The requests the file's references name (by reference) and their cases (by id), updated as
// the payments are applied so that a second payment of the same request sees the first. The
// runs stay where Load put them (a map's elements keep their place when the map moves); the
// maps point into them.
struct Working {
  std::deque<Loaded> runs;
  std::unordered_map<std::string_view, PaymentRequest*> requests;
  std::unordered_map<int64_t, OpenCase*> cases;
};

// Adds what was read to what the import works on. A case read again (a second request of it)
// keeps the working copy: the payments before may have moved it.
void Merge(Loaded&& from, Working& work) {
  Loaded& kept = work.runs.emplace_back(std::move(from));
  for (auto& [ogm, r] : kept.requests) work.requests.try_emplace(ogm, &r);
  for (auto& [id, c] : kept.cases) work.cases.try_emplace(id, &c);
}

// Credits are read and applied in runs (ReconcileReader::run; all at once without a reader):
// the reader thread reads run k + 1 while run k is written.

// Reads the runs of `credits` in order on a thread of its own, over the reader's stores; Next()
// hands them over one by one. Without a reader, Next() reads on the caller's thread.
class Prefetch {
 public:
  Prefetch(const ReconcileReader* reader, CaseStore& cases, PaymentStore& payments,
           const std::vector<Credit>& credits)
      : reader_(reader),
        cases_(cases),
        payments_(payments),
        credits_(credits),
        run_(reader != nullptr ? std::max<size_t>(1, reader->run)
                               : std::max<size_t>(1, credits.size())) {
    runs_ = (credits.size() + run_ - 1) / run_;
    if (reader_ != nullptr && runs_ > 1) {
      thread_ = std::thread([this] { ReadAll(); });
    }
  }
  ~Prefetch() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    ready_.notify_all();
    if (thread_.joinable()) thread_.join();
  }
  Prefetch(const Prefetch&) = delete;
  Prefetch& operator=(const Prefetch&) = delete;

  size_t runs() const { return runs_; }
  size_t run() const { return run_; }

  // What run `k` (0, 1, ... in order) needs.
  Status Next(size_t k, Loaded& out) {
    if (!thread_.joinable()) {
      return Load(cases_, payments_, Span(k), asked_, out);
    }
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return !queue_.empty() || !error_.ok(); });
    if (!error_.ok()) return error_;
    out = std::move(queue_.front());
    queue_.pop_front();
    ready_.notify_all();
    return Status::Ok();
  }

 private:
  std::span<const Credit> Span(size_t k) const {
    const size_t from = k * run_;
    return std::span<const Credit>(credits_).subspan(from, std::min(run_, credits_.size() - from));
  }

  void ReadAll() {
    // One read transaction for the whole file: every run sees the same committed state.
    Status s = reader_->cases->ReadSnapshot([&]() -> Status {
      for (size_t k = 0; k < runs_; ++k) {
        Loaded run;
        Status r = Load(*reader_->cases, *reader_->payments, Span(k), asked_, run);
        if (!r.ok()) return r;
        std::unique_lock<std::mutex> lock(mutex_);
        // At most two runs ahead of the writer, to bound memory.
        ready_.wait(lock, [&] { return queue_.size() < 2 || stop_; });
        if (stop_) return Status::Ok();
        queue_.push_back(std::move(run));
        ready_.notify_all();
      }
      return Status::Ok();
    });
    if (!s.ok()) {
      std::lock_guard<std::mutex> lock(mutex_);
      error_ = s;
      ready_.notify_all();
    }
  }

  const ReconcileReader* reader_;
  CaseStore& cases_;
  PaymentStore& payments_;
  const std::vector<Credit>& credits_;
  size_t run_;
  size_t runs_ = 0;
  std::unordered_set<std::string> asked_;  // the thread's own once it runs
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Loaded> queue_;
  Status error_ = Status::Ok();
  bool stop_ = false;
};

std::string CompactAccount(std::string_view a) {
  std::string out;
  for (char ch : a) {
    if (ch != ' ') out += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  return out;
}

}  // namespace

Result<ReconcileReport> ImportPayments(CaseStore& cases, PaymentStore& payments,
                                       const GasSettings& settings,
                                       const std::vector<BankStatement>& statements,
                                       const StatementSource& source, const Actor& actor,
                                       Instant now, const ReconcileReader* reader) {
  ReconcileReport report;
  std::vector<Credit> credits;
  Working work;
  PhaseTimer timer;
  Status s = cases.Transact([&]() -> Status {
    auto seen = payments.StatementFileSeen(source.file_sha256);
    if (!seen.ok()) return seen.status();
    if (*seen) return AlreadyExists(source.file_name + ": this file was imported before");
    const std::string city = CompactAccount(source.city_account);
    for (const BankStatement& st : statements) {
      const std::string label =
          fmt::format("{}: statement {} of {}", source.file_name, st.number, st.account);
      if (!city.empty() && CompactAccount(st.account) != city) {
        return InvalidArgument(fmt::format("{} is not of the city's account {}", label, city));
      }
      if (st.currency != "EUR") {
        return InvalidArgument(label + " is in " + st.currency + ", not EUR");
      }
      auto dup = payments.StatementSeen(st.account, st.format, st.number, st.closing_date);
      if (!dup.ok()) return dup.status();
      if (*dup) return AlreadyExists(label + " was imported before");
      StatementRecord rec;
      rec.file_sha256 = source.file_sha256;
      rec.file_name = source.file_name;
      rec.format = st.format;
      rec.account = st.account;
      rec.number = st.number;
      rec.closing_date = st.closing_date;
      rec.transactions = static_cast<int64_t>(st.transactions.size());
      rec.warnings = fmt::format("{}", fmt::join(st.warnings, "; "));
      rec.imported_at = now;
      rec.imported_by = actor.login;
      auto sid = payments.InsertStatement(rec);
      if (!sid.ok()) return sid.status();
      ++report.statements;
      for (const std::string& w : st.warnings) {
        report.warnings.push_back(fmt::format("{}: {}", label, w));
      }
      for (const BankTransaction& t : st.transactions) {
        if (t.amount <= Money()) {
          ++report.debits;
          continue;
        }
        ++report.credits;
        credits.push_back(Credit{*sid, &t});
      }
    }
    // The payments, refunds, request updates, case moves, events and sanctions of a run are
    // held by the stores and written with one statement of each kind when the run ends
    // (HoldWrites): a statement per row would cost more than the rows do. Nothing in a run
    // reads them back: the working copies (Working) carry what a later payment needs.
    struct Holding {
      CaseStore& cases;
      PaymentStore& payments;
      ~Holding() {
        cases.StopHolding();
        payments.StopHolding();
      }
    } holding{cases, payments};
    Status held = cases.HoldWrites();
    if (held.ok()) held = payments.HoldWrites();
    if (!held.ok()) return held;
    work.requests.reserve(credits.size());
    work.cases.reserve(credits.size());
    // What the credits' references point at, read a run at a time (on the reader's thread
    // while the run before is written, when there is a reader): their requests, those
    // requests' cases, the addressees' offender keys and the cases already reminded (Move's
    // reads).
    Prefetch prefetch(reader, cases, payments, credits);
    for (size_t k = 0; k < prefetch.runs(); ++k) {
      Loaded run;
      Status loaded = prefetch.Next(k, run);
      if (!loaded.ok()) return loaded;
      Merge(std::move(run), work);
      const size_t end = std::min(credits.size(), (k + 1) * prefetch.run());
      for (size_t i = k * prefetch.run(); i < end; ++i) {
        const Credit& credit = credits[i];
        const BankTransaction& t = *credit.transaction;
        PaymentRecord p;
        p.statement_id = credit.statement_id;
        p.amount = t.amount;
        p.booking_date = t.booking_date;
        p.value_date = t.value_date;
        p.bank_reference = t.bank_reference;
        if (t.ogm) p.ogm = t.ogm->digits();
        p.communication = t.communication;
        p.counterparty_name = t.counterparty_name;
        p.counterparty_account = t.counterparty_account;
        PaymentRequest* req = nullptr;
        if (t.ogm) {
          auto found = work.requests.find(p.ogm);
          if (found != work.requests.end()) req = found->second;
        }
        auto open_case = req == nullptr ? work.cases.end() : work.cases.find(req->case_id.value);
        if (req != nullptr && open_case == work.cases.end()) {
          return Internal("store: payment request " + std::to_string(req->id) + " has no case");
        }
        if (req == nullptr) {
          p.outcome = PaymentOutcome::kUnmatched;
          auto pid = payments.InsertPayment(p);
          if (!pid.ok()) return pid.status();
          Count(report, p.outcome);
          continue;
        }
        p.request_id = req->id;
        const Money balance = Balance(*req);
        auto outcome = Apply(
            cases, payments, settings, *req, open_case->second->c, &open_case->second->facts,
            t.amount,
            [&](PaymentOutcome o) {
              p.outcome = o;
              return payments.InsertPayment(p);
            },
            actor, now, &report.refunds);
        if (!outcome.ok()) return outcome.status();
        if (*outcome != PaymentOutcome::kDuplicate && *outcome != PaymentOutcome::kAfterClose) {
          report.matched += std::min(t.amount, balance);
        }
        Count(report, *outcome);
      }
      Status flushed = payments.FlushWrites();
      if (flushed.ok()) flushed = cases.FlushWrites();
      if (!flushed.ok()) return flushed;
    }
    timer.Mark("credits applied");
    return Status::Ok();
  });
  if (!s.ok()) return s;
  timer.Mark("committed");
  return report;
}

Result<PaymentOutcome> AssignPayment(CaseStore& cases, PaymentStore& payments,
                                     const GasSettings& settings, int64_t payment_id,
                                     CaseId case_id, const Actor& actor, Instant now) {
  PaymentOutcome result = PaymentOutcome::kUnmatched;
  Status s = cases.Transact([&]() -> Status {
    auto p = payments.GetPayment(payment_id);
    if (!p.ok()) return p.status();
    if (!*p) return NotFound(fmt::format("no payment {}", payment_id));
    if ((*p)->outcome != PaymentOutcome::kUnmatched) {
      return FailedPrecondition(fmt::format("payment {} is not in the unmatched queue (it is {})",
                                            payment_id, PaymentOutcomeName((*p)->outcome)));
    }
    auto req = CurrentRequest(payments, case_id);
    if (!req.ok()) return req.status();
    if (!*req) return NotFound(fmt::format("case {} has no payment request", case_id.value));
    Money refunded;
    const int64_t request_id = (*req)->id;
    auto c = cases.GetCase((*req)->case_id);
    if (!c.ok()) return c.status();
    auto outcome = Apply(
        cases, payments, settings, **req, *c, nullptr, (*p)->amount,
        [&](PaymentOutcome o) -> Result<int64_t> {
          Status a = payments.AssignPayment(payment_id, request_id, o, actor.login, now);
          if (!a.ok()) return a;
          return payment_id;
        },
        actor, now, &refunded);
    if (!outcome.ok()) return outcome.status();
    result = *outcome;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return result;
}

Result<std::vector<Suggestion>> SuggestCases(CaseStore& cases, PaymentStore& payments,
                                             const PaymentRecord& p, int limit) {
  std::map<int64_t, Suggestion> found;
  auto add = [&](CaseId id, const std::string& why, Money balance) -> Status {
    auto it = found.find(id.value);
    if (it != found.end()) {
      if (it->second.why.find(why) == std::string::npos) it->second.why += ", " + why;
      return Status::Ok();
    }
    auto c = cases.GetCase(id);
    if (!c.ok()) return c.status();
    found.emplace(id.value, Suggestion{id, CaseNumber(c->track, c->created_at.UtcDate().year(), id),
                                       why, balance});
    return Status::Ok();
  };
  // Cases that have a request open with this balance.
  auto by_amount = payments.OpenRequestsWithBalance(p.amount, limit);
  if (!by_amount.ok()) return by_amount.status();
  for (const PaymentRequest& r : *by_amount) {
    Status e = add(r.case_id, "bedrag", Balance(r));
    if (!e.ok()) return e;
  }
  // A plate in the communication: every word of 4 to 10 letters and digits with both.
  auto open_balance = [&](CaseId id) -> Result<std::optional<Money>> {
    auto r = CurrentRequest(payments, id);
    if (!r.ok()) return r.status();
    if (!*r || (*r)->status == RequestStatus::kPaid) return std::optional<Money>();
    return std::optional<Money>(Balance(**r));
  };
  std::string word;
  std::vector<std::string> words;
  for (char ch : p.communication + " ") {
    if (std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '-') {
      word += ch;
    } else {
      if (!word.empty()) words.push_back(word);
      word.clear();
    }
  }
  for (const std::string& w : words) {
    auto plate = Plate::Parse(w);
    if (!plate.ok()) continue;
    const std::string& n = plate->normalised();
    const bool digit = std::any_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool letter =
        std::any_of(n.begin(), n.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (n.size() < 4 || n.size() > 10 || !digit || !letter) continue;
    CaseFilter f;
    f.plate = n;
    f.limit = limit;
    auto page = cases.ListCases(f);
    if (!page.ok()) return page.status();
    for (const CaseSummary& cs : page->cases) {
      auto bal = open_balance(cs.id);
      if (!bal.ok()) return bal.status();
      if (!*bal) continue;
      Status e = add(cs.id, "nummerplaat", **bal);
      if (!e.ok()) return e;
    }
  }
  // The payer's name as the addressee's (either word order of the first two words).
  std::vector<std::string> names;
  {
    std::vector<std::string> parts;
    std::string cur;
    for (char ch : p.counterparty_name + " ") {
      if (ch == ' ') {
        if (!cur.empty()) parts.push_back(cur);
        cur.clear();
      } else {
        cur += ch;
      }
    }
    if (!parts.empty()) {
      std::string all;
      for (const std::string& part : parts) all += (all.empty() ? "" : " ") + part;
      names.push_back(all);
      if (parts.size() >= 2) names.push_back(parts[1] + " " + parts[0]);
    }
  }
  for (const std::string& n : names) {
    if (n.size() < 3) continue;
    CaseFilter f;
    f.name = n;
    f.limit = limit;
    auto page = cases.ListCases(f);
    if (!page.ok()) return page.status();
    for (const CaseSummary& cs : page->cases) {
      auto bal = open_balance(cs.id);
      if (!bal.ok()) return bal.status();
      if (!*bal) continue;
      Status e = add(cs.id, "naam", **bal);
      if (!e.ok()) return e;
    }
  }
  std::vector<Suggestion> out;
  out.reserve(found.size());
  for (auto& [id, sug] : found) out.push_back(sug);
  // More reasons first, then the oldest case.
  std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) {
    return std::count(a.why.begin(), a.why.end(), ',') >
           std::count(b.why.begin(), b.why.end(), ',');
  });
  if (out.size() > static_cast<size_t>(limit)) out.resize(static_cast<size_t>(limit));
  return out;
}

}  // namespace hh
