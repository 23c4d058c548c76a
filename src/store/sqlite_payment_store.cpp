#include "store/sqlite_payment_store.h"

#include <fmt/core.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/row_batch.h"
#include "store/sql_queries.h"  // generated from sql/queries/*.sql
#include "store/sqlite_values.h"

namespace hh {
namespace {

// Instants are whole seconds, as the case tables' created_at: no query orders by them.
std::optional<std::string> Utc(const std::optional<Instant>& t) {
  if (!t) return std::nullopt;
  return t->ToUtcString();
}

bool IsUnique(const Status& s) {
  return !s.ok() && s.message().find("UNIQUE") != std::string::npos;
}
bool IsForeignKey(const Status& s) {
  return !s.ok() && s.message().find("FOREIGN KEY") != std::string::npos;
}

std::optional<RequestStatus> ParseRequestStatus(std::string_view name) {
  for (RequestStatus s : {RequestStatus::kOpen, RequestStatus::kPartial, RequestStatus::kPaid,
                          RequestStatus::kCancelled}) {
    if (RequestStatusName(s) == name) return s;
  }
  return std::nullopt;
}

// Refund status names, as the CHECK of refunds.status has them.
constexpr std::string_view kRefundOpen = "open";
constexpr std::string_view kRefundDone = "done";

// Row readers, one per table, for the column lists of the *_get.sql queries (the other SELECTs
// of a table list the same columns in the same order).

// payment_requests_get.sql: id, case_id, ogm, amount_cents, paid_cents, due_on, status,
// created_at.
Result<PaymentRequest> ReadRequest(const Statement& st) {
  PaymentRequest r;
  r.id = st.ColumnInt64(0);
  r.case_id = CaseId{st.ColumnInt64(1)};
  r.ogm = st.ColumnText(2);
  r.amount = Money::FromCents(st.ColumnInt64(3));
  r.paid = Money::FromCents(st.ColumnInt64(4));
  auto due = OptDayAt(st, 5, "payment_requests.due_on");
  if (!due.ok()) return due.status();
  r.due_on = *due;
  auto status = ParseRequestStatus(st.ColumnText(6));
  if (!status) return Internal("store: payment_requests.status holds an unknown status");
  r.status = *status;
  auto created = InstantAt(st, 7, "payment_requests.created_at");
  if (!created.ok()) return created.status();
  r.created_at = *created;
  return r;
}

// letter_queue_all.sql: id, case_id, kind, posted_on, requested_by, created_at.
Result<QueuedLetter> ReadQueuedLetter(const Statement& st) {
  QueuedLetter q;
  q.id = st.ColumnInt64(0);
  q.case_id = CaseId{st.ColumnInt64(1)};
  q.kind = st.ColumnText(2);
  auto posted = DayAt(st, 3, "letter_queue.posted_on");
  if (!posted.ok()) return posted.status();
  q.posted_on = *posted;
  q.requested_by = st.ColumnText(4);
  auto created = InstantAt(st, 5, "letter_queue.created_at");
  if (!created.ok()) return created.status();
  q.created_at = *created;
  return q;
}

// letters_get.sql: id, case_id, run_id, kind, language, recipient, request_id, amount_cents,
// registered, registered_number, posted_on, sha256, pages, created_at.
Result<LetterRecord> ReadLetter(const Statement& st) {
  LetterRecord l;
  l.id = st.ColumnInt64(0);
  l.case_id = CaseId{st.ColumnInt64(1)};
  l.run_id = OptInt(st, 2);
  l.kind = st.ColumnText(3);
  l.language = st.ColumnText(4);
  l.recipient = st.ColumnText(5);
  l.request_id = OptInt(st, 6);
  if (auto cents = OptInt(st, 7)) l.amount = Money::FromCents(*cents);
  l.registered = st.ColumnInt64(8) != 0;
  l.registered_number = OptText(st, 9);
  auto posted = DayAt(st, 10, "letters.posted_on");
  if (!posted.ok()) return posted.status();
  l.posted_on = *posted;
  l.sha256 = st.ColumnText(11);
  l.pages = static_cast<int>(st.ColumnInt64(12));
  auto created = InstantAt(st, 13, "letters.created_at");
  if (!created.ok()) return created.status();
  l.created_at = *created;
  return l;
}

// payments_get.sql: id, statement_id, amount_cents, booking_date, value_date, bank_reference,
// ogm, communication, counterparty_name, counterparty_account, request_id, outcome,
// assigned_by, assigned_at.
Result<PaymentRecord> ReadPayment(const Statement& st) {
  PaymentRecord p;
  p.id = st.ColumnInt64(0);
  p.statement_id = st.ColumnInt64(1);
  p.amount = Money::FromCents(st.ColumnInt64(2));
  auto booking = DayAt(st, 3, "payments.booking_date");
  if (!booking.ok()) return booking.status();
  p.booking_date = *booking;
  auto value = OptDayAt(st, 4, "payments.value_date");
  if (!value.ok()) return value.status();
  p.value_date = *value;
  p.bank_reference = st.ColumnText(5);
  p.ogm = OptText(st, 6);
  p.communication = st.ColumnText(7);
  p.counterparty_name = st.ColumnText(8);
  p.counterparty_account = st.ColumnText(9);
  p.request_id = OptInt(st, 10);
  auto outcome = ParsePaymentOutcome(st.ColumnText(11));
  if (!outcome) return Internal("store: payments.outcome holds an unknown outcome");
  p.outcome = *outcome;
  p.assigned_by = OptText(st, 12);
  auto assigned = OptInstantAt(st, 13, "payments.assigned_at");
  if (!assigned.ok()) return assigned.status();
  p.assigned_at = *assigned;
  return p;
}

// refunds_open.sql: id, payment_id, case_id, amount_cents, reason, status, created_at,
// done_at, done_by.
Result<Refund> ReadRefund(const Statement& st) {
  Refund r;
  r.id = st.ColumnInt64(0);
  r.payment_id = st.ColumnInt64(1);
  if (auto c = OptInt(st, 2)) r.case_id = CaseId{*c};
  r.amount = Money::FromCents(st.ColumnInt64(3));
  r.reason = st.ColumnText(4);
  r.done = st.ColumnText(5) == kRefundDone;
  auto created = InstantAt(st, 6, "refunds.created_at");
  if (!created.ok()) return created.status();
  r.created_at = *created;
  auto done_at = OptInstantAt(st, 7, "refunds.done_at");
  if (!done_at.ok()) return done_at.status();
  r.done_at = *done_at;
  r.done_by = OptText(st, 8);
  return r;
}

// A read never leaves its statement running: a statement stopped on a row keeps the
// connection's read snapshot open (it would not see other connections' commits) and makes
// DDL on the connection fail. So the readers below Reset() a statement they stop before its
// end.

// Runs `st` (bound) and collects its rows with read(st), in the query's order.
template <typename T, typename Read>
Result<std::vector<T>> AllRows(Statement* st, Read read) {
  std::vector<T> out;
  Status rows = EachRow(st, [&]() -> Status {
    Result<T> v = read(*st);
    if (!v.ok()) return v.status();
    out.push_back(std::move(*v));
    return Status::Ok();
  });
  if (!rows.ok()) {
    st->Reset();
    return rows;
  }
  return out;
}

// Runs `st` (bound) and reads its first row with read(st), or nothing when there is none.
template <typename T, typename Read>
Result<std::optional<T>> FirstRow(Statement* st, Read read) {
  auto row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<T>();
  Result<T> v = read(*st);
  st->Reset();
  if (!v.ok()) return v.status();
  return std::optional<T>(std::move(*v));
}

// Runs `st` (bound): whether it gives a row.
Result<bool> HasRow(Statement* st) {
  Result<bool> row = st->Step();
  st->Reset();
  return row;
}

}  // namespace

// What HoldWrites keeps. A second update of a request already held flushes first (one row per
// request in the batch).
struct SqlitePaymentStore::Held {
  int64_t next_payment_id = 0;
  RowBatch payments{14};  // payments_insert_rows.sql
  RowBatch refunds{8};    // refunds_insert_rows.sql
  RowBatch requests{4};   // payment_requests_update_rows.sql
  std::unordered_set<int64_t> updated;
};

SqlitePaymentStore::SqlitePaymentStore(Database& db) : db_(&db), cache_(db) {}
SqlitePaymentStore::~SqlitePaymentStore() = default;

Status SqlitePaymentStore::HoldWrites() {
  if (!db_->InTransaction()) return Internal("store: HoldWrites outside a transaction");
  if (held_) return Status::Ok();
  auto max = FirstInt(cache_, sql::kPaymentsMaxId);
  if (!max.ok()) return max.status();
  auto held = std::make_unique<Held>();
  held->next_payment_id = *max + 1;
  held_ = std::move(held);
  return Status::Ok();
}

void SqlitePaymentStore::StopHolding() { held_.reset(); }

Status SqlitePaymentStore::FlushWrites() {
  if (!held_) return Status::Ok();
  Held& h = *held_;
  // Payments before the refunds that refer to them.
  auto paid = WriteRows(cache_, *db_, sql::kPaymentsInsertRows, h.payments);
  if (!paid.ok()) return paid.status();
  auto refunds = WriteRows(cache_, *db_, sql::kRefundsInsertRows, h.refunds);
  if (!refunds.ok()) return refunds.status();
  const auto held = static_cast<int64_t>(h.requests.rows());
  auto updated = WriteRows(cache_, *db_, sql::kPaymentRequestsUpdateRows, h.requests);
  if (!updated.ok()) return updated.status();
  if (*updated != held) {
    return NotFound(fmt::format("of {} payment requests updated together, {} do not exist", held,
                                held - *updated));
  }
  h.updated.clear();
  return Status::Ok();
}

Result<CachedStatement> SqlitePaymentStore::Stmt(std::string_view sql) { return cache_.Get(sql); }

// --- Payment requests.

Result<int64_t> SqlitePaymentStore::NextRequestId() {
  auto s = Stmt(sql::kPaymentRequestsNextId);
  if (!s.ok()) return s.status();
  auto row = (*s)->Step();
  if (!row.ok()) return row.status();
  const int64_t id = (*s)->ColumnInt64(0);  // an aggregate always gives one row
  (*s)->Reset();
  return id;
}

Status SqlitePaymentStore::InsertRequest(const PaymentRequest& r) {
  if (r.id <= 0) {
    return InvalidArgument("payment request id " + std::to_string(r.id) +
                           " must be positive (take it from NextRequestId)");
  }
  auto s = Stmt(sql::kPaymentRequestsInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, r.id);
  st->BindInt64(2, r.case_id.value);
  st->BindText(3, r.ogm);
  st->BindInt64(4, r.amount.cents());
  st->BindInt64(5, r.paid.cents());
  BindOptText(st, 6, Day(r.due_on));
  st->BindText(7, RequestStatusName(r.status));
  st->BindText(8, r.created_at.ToUtcString());
  Status run = st->Run();
  if (IsUnique(run)) {
    if (run.message().find("payment_requests.ogm") != std::string::npos) {
      return AlreadyExists("a payment request with structured reference " + r.ogm +
                           " exists already");
    }
    return AlreadyExists("payment request " + std::to_string(r.id) + " exists already");
  }
  return run;
}

Status SqlitePaymentStore::UpdateRequest(const PaymentRequest& r) {
  if (held_) {
    if (held_->updated.count(r.id) > 0) HH_TRY(FlushWrites());
    RowBatch& b = held_->requests;
    b.Int(r.id);
    b.Int(r.paid.cents());
    b.Text(RequestStatusName(r.status));
    b.OptText(Day(r.due_on));
    held_->updated.insert(r.id);
    return Status::Ok();
  }
  auto s = Stmt(sql::kPaymentRequestsUpdate);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, r.id);
  st->BindInt64(2, r.paid.cents());
  st->BindText(3, RequestStatusName(r.status));
  BindOptText(st, 4, Day(r.due_on));
  HH_TRY(st->Run());
  if (db_->Changes() != 1) {
    return NotFound("payment request " + std::to_string(r.id) + " does not exist");
  }
  return Status::Ok();
}

Result<std::optional<PaymentRequest>> SqlitePaymentStore::RequestByOgm(std::string_view ogm) {
  auto s = Stmt(sql::kPaymentRequestsByOgm);
  if (!s.ok()) return s.status();
  (*s)->BindText(1, ogm);
  return FirstRow<PaymentRequest>(*s, ReadRequest);
}

Result<std::vector<PaymentRequest>> SqlitePaymentStore::RequestsByOgms(
    std::span<const std::string> ogms) {
  std::string json = "[";
  for (const std::string& ogm : ogms) {
    if (ogm.size() != 12 || ogm.find_first_not_of("0123456789") != std::string::npos) {
      return InvalidArgument("a structured reference is 12 digits");
    }
    if (json.size() > 1) json += ',';
    json += '"';
    json += ogm;
    json += '"';
  }
  json += ']';
  auto s = Stmt(sql::kPaymentRequestsByOgms);
  if (!s.ok()) return s.status();
  (*s)->BindText(1, json);
  return AllRows<PaymentRequest>(*s, ReadRequest);
}

Result<std::optional<PaymentRequest>> SqlitePaymentStore::GetRequest(int64_t id) {
  auto s = Stmt(sql::kPaymentRequestsGet);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, id);
  return FirstRow<PaymentRequest>(*s, ReadRequest);
}

Result<std::vector<PaymentRequest>> SqlitePaymentStore::RequestsOfCase(CaseId id) {
  auto s = Stmt(sql::kPaymentRequestsOfCase);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, id.value);
  return AllRows<PaymentRequest>(*s, ReadRequest);
}

Result<std::vector<PaymentRequest>> SqlitePaymentStore::OpenRequestsWithBalance(Money balance,
                                                                                int limit) {
  if (limit < 1) return std::vector<PaymentRequest>();
  auto s = Stmt(sql::kPaymentRequestsOpenWithBalance);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, balance.cents());
  (*s)->BindInt64(2, limit);
  return AllRows<PaymentRequest>(*s, ReadRequest);
}

Status SqlitePaymentStore::AddInstalment(const Instalment& i) {
  auto s = Stmt(sql::kInstalmentsInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, i.request_id);
  st->BindText(2, i.due_on.ToIsoString());
  st->BindInt64(3, i.amount.cents());
  return st->Run();
}

Result<std::vector<Instalment>> SqlitePaymentStore::InstalmentsOf(int64_t request_id) {
  auto s = Stmt(sql::kInstalmentsOfRequest);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, request_id);
  return AllRows<Instalment>(*s, [](const Statement& st) -> Result<Instalment> {
    Instalment i;
    i.id = st.ColumnInt64(0);
    i.request_id = st.ColumnInt64(1);
    auto due = DayAt(st, 2, "instalments.due_on");
    if (!due.ok()) return due.status();
    i.due_on = *due;
    i.amount = Money::FromCents(st.ColumnInt64(3));
    return i;
  });
}

// --- Letters owed and letters sent.

Status SqlitePaymentStore::QueueLetter(const QueuedLetter& q) {
  auto s = Stmt(sql::kLetterQueueInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, q.case_id.value);
  st->BindText(2, q.kind);
  st->BindText(3, q.posted_on.ToIsoString());
  st->BindText(4, q.requested_by);
  st->BindText(5, q.created_at.ToUtcString());
  return st->Run();
}

Result<std::vector<QueuedLetter>> SqlitePaymentStore::QueuedLetters() {
  auto s = Stmt(sql::kLetterQueueAll);
  if (!s.ok()) return s.status();
  return AllRows<QueuedLetter>(*s, ReadQueuedLetter);
}

Status SqlitePaymentStore::DeleteQueuedLetter(int64_t id) {
  auto s = Stmt(sql::kLetterQueueDelete);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, id);
  HH_TRY((*s)->Run());
  if (db_->Changes() != 1) {
    return NotFound("queued letter " + std::to_string(id) + " does not exist");
  }
  return Status::Ok();
}

Result<int64_t> SqlitePaymentStore::InsertLetterRun(Instant at, std::string_view user,
                                                    int64_t letters, std::string_view print_sha256,
                                                    std::string_view print_pdf) {
  auto s = Stmt(sql::kLetterRunsInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, at.ToUtcString());
  st->BindText(2, user);
  st->BindInt64(3, letters);
  st->BindText(4, print_sha256);
  st->BindBlob(5, std::as_bytes(std::span<const char>(print_pdf.data(), print_pdf.size())));
  HH_TRY(st->Run());
  return db_->LastInsertId();
}

Result<std::string> SqlitePaymentStore::LetterRunPrintFile(int64_t run_id) {
  auto s = Stmt(sql::kLetterRunsPrint);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, run_id);
  auto row = (*s)->Step();
  if (!row.ok()) return row.status();
  if (!*row || (*s)->Type(0) == ColumnType::kNull) {
    (*s)->Reset();
    return NotFound("letter run " + std::to_string(run_id) + " has no stored print file");
  }
  const std::vector<std::byte> blob = (*s)->ColumnBlob(0);
  (*s)->Reset();
  std::string out(blob.size(), '\0');
  for (size_t i = 0; i < blob.size(); ++i) out[i] = static_cast<char>(blob[i]);
  return out;
}

Result<int64_t> SqlitePaymentStore::InsertLetter(const LetterRecord& l,
                                                 std::span<const uint8_t> pdf) {
  auto s = Stmt(sql::kLettersInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, l.case_id.value);
  BindOptInt(st, 2, l.run_id);
  st->BindText(3, l.kind);
  st->BindText(4, l.language);
  st->BindText(5, l.recipient);
  BindOptInt(st, 6, l.request_id);
  BindOptInt(st, 7, l.amount ? std::optional<int64_t>(l.amount->cents()) : std::nullopt);
  st->BindInt64(8, l.registered ? 1 : 0);
  BindOptText(st, 9, NonEmpty(l.registered_number));
  st->BindText(10, l.posted_on.ToIsoString());
  st->BindText(11, l.sha256);
  st->BindInt64(12, l.pages);
  st->BindText(13, l.created_at.ToUtcString());
  st->BindBlob(14, std::as_bytes(pdf));
  HH_TRY(st->Run());
  return db_->LastInsertId();
}

Result<std::vector<LetterRecord>> SqlitePaymentStore::LettersOfCase(CaseId id) {
  auto s = Stmt(sql::kLettersOfCase);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, id.value);
  return AllRows<LetterRecord>(*s, ReadLetter);
}

Result<std::vector<LetterRunRecord>> SqlitePaymentStore::RecentLetterRuns(int limit) {
  auto s = Stmt(sql::kLetterRunsRecent);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, limit < 1 ? 0 : limit);
  return AllRows<LetterRunRecord>(*s, [](const Statement& st) -> Result<LetterRunRecord> {
    LetterRunRecord r;
    r.id = st.ColumnInt64(0);
    auto at = InstantAt(st, 1, "letter_runs.at");
    if (!at.ok()) return at.status();
    r.at = *at;
    r.user_login = st.ColumnText(2);
    r.letters = st.ColumnInt64(3);
    r.print_sha256 = st.ColumnText(4);
    return r;
  });
}

Result<std::vector<LetterRecord>> SqlitePaymentStore::LettersOfRun(int64_t run_id) {
  auto s = Stmt(sql::kLettersOfRun);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, run_id);
  return AllRows<LetterRecord>(*s, ReadLetter);
}

Result<std::optional<LetterRecord>> SqlitePaymentStore::GetLetter(int64_t id) {
  auto s = Stmt(sql::kLettersGet);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, id);
  return FirstRow<LetterRecord>(*s, ReadLetter);
}

Result<std::string> SqlitePaymentStore::LetterPdf(int64_t id) {
  auto s = Stmt(sql::kLettersPdf);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, id);
  auto row = (*s)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return NotFound("letter " + std::to_string(id) + " does not exist");
  const std::vector<std::byte> blob = (*s)->ColumnBlob(0);
  (*s)->Reset();
  std::string out(blob.size(), '\0');
  for (size_t i = 0; i < blob.size(); ++i) out[i] = static_cast<char>(blob[i]);
  return out;
}

Status SqlitePaymentStore::SetRegisteredNumber(int64_t letter_id, std::string_view number) {
  auto s = Stmt(sql::kLettersSetRegisteredNumber);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, letter_id);
  BindOptText(*s, 2, NonEmpty(number));
  HH_TRY((*s)->Run());
  if (db_->Changes() != 1) {
    return NotFound("letter " + std::to_string(letter_id) + " does not exist");
  }
  return Status::Ok();
}

// --- Statements and payments.

Result<bool> SqlitePaymentStore::StatementFileSeen(std::string_view file_sha256) {
  auto s = Stmt(sql::kBankStatementsFileSeen);
  if (!s.ok()) return s.status();
  (*s)->BindText(1, file_sha256);
  return HasRow(*s);
}

Result<bool> SqlitePaymentStore::StatementSeen(std::string_view account, std::string_view format,
                                               std::string_view number,
                                               std::optional<LocalDate> closing_date) {
  auto s = Stmt(sql::kBankStatementsSeen);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, account);
  st->BindText(2, format);
  st->BindText(3, number);
  BindOptText(st, 4, Day(closing_date));
  return HasRow(st);
}

Result<int64_t> SqlitePaymentStore::InsertStatement(const StatementRecord& r) {
  auto s = Stmt(sql::kBankStatementsInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, r.file_sha256);
  st->BindText(2, r.file_name);
  st->BindText(3, r.format);
  st->BindText(4, r.account);
  st->BindText(5, r.number);
  BindOptText(st, 6, Day(r.closing_date));
  st->BindInt64(7, r.transactions);
  st->BindText(8, r.warnings);
  st->BindText(9, r.imported_at.ToUtcString());
  st->BindText(10, r.imported_by);
  Status run = st->Run();
  if (IsUnique(run)) {
    return AlreadyExists("statement " + r.number + " (" + r.format +
                         ") of this account was imported already");
  }
  HH_TRY(run);
  return db_->LastInsertId();
}

Result<int64_t> SqlitePaymentStore::InsertPayment(const PaymentRecord& p) {
  if (held_) {
    const int64_t id = held_->next_payment_id++;
    RowBatch& b = held_->payments;
    b.Int(id);
    b.Int(p.statement_id);
    b.Int(p.amount.cents());
    b.Text(p.booking_date.ToIsoString());
    b.OptText(Day(p.value_date));
    b.Text(p.bank_reference);
    b.OptText(NonEmpty(p.ogm));
    b.Text(p.communication);
    b.Text(p.counterparty_name);
    b.Text(p.counterparty_account);
    b.OptInt(p.request_id);
    b.Text(PaymentOutcomeName(p.outcome));
    b.OptText(NonEmpty(p.assigned_by));
    b.OptText(Utc(p.assigned_at));
    return id;
  }
  auto s = Stmt(sql::kPaymentsInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, p.statement_id);
  st->BindInt64(2, p.amount.cents());
  st->BindText(3, p.booking_date.ToIsoString());
  BindOptText(st, 4, Day(p.value_date));
  st->BindText(5, p.bank_reference);
  BindOptText(st, 6, NonEmpty(p.ogm));
  st->BindText(7, p.communication);
  st->BindText(8, p.counterparty_name);
  st->BindText(9, p.counterparty_account);
  BindOptInt(st, 10, p.request_id);
  st->BindText(11, PaymentOutcomeName(p.outcome));
  BindOptText(st, 12, NonEmpty(p.assigned_by));
  BindOptText(st, 13, Utc(p.assigned_at));
  HH_TRY(st->Run());
  return db_->LastInsertId();
}

Result<std::optional<PaymentRecord>> SqlitePaymentStore::GetPayment(int64_t id) {
  auto s = Stmt(sql::kPaymentsGet);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, id);
  return FirstRow<PaymentRecord>(*s, ReadPayment);
}

Result<std::vector<PaymentRecord>> SqlitePaymentStore::PaymentsOfRequest(int64_t request_id) {
  auto s = Stmt(sql::kPaymentsOfRequest);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, request_id);
  return AllRows<PaymentRecord>(*s, ReadPayment);
}

Result<std::vector<PaymentRecord>> SqlitePaymentStore::UnmatchedPayments(int limit) {
  if (limit < 1) return std::vector<PaymentRecord>();
  auto s = Stmt(sql::kPaymentsUnmatched);
  if (!s.ok()) return s.status();
  (*s)->BindInt64(1, limit);
  return AllRows<PaymentRecord>(*s, ReadPayment);
}

Status SqlitePaymentStore::AssignPayment(int64_t payment_id, int64_t request_id,
                                         PaymentOutcome outcome, std::string_view by, Instant at) {
  auto s = Stmt(sql::kPaymentsAssign);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, payment_id);
  st->BindInt64(2, request_id);
  st->BindText(3, PaymentOutcomeName(outcome));
  BindOptText(st, 4, NonEmpty(by));
  st->BindText(5, at.ToUtcString());
  Status run = st->Run();
  // The only reference the update sets is request_id.
  if (IsForeignKey(run)) {
    return NotFound("payment request " + std::to_string(request_id) + " does not exist");
  }
  HH_TRY(run);
  if (db_->Changes() != 1) {
    return NotFound("payment " + std::to_string(payment_id) + " does not exist");
  }
  return Status::Ok();
}

// --- Refunds.

Status SqlitePaymentStore::InsertRefund(const Refund& r) {
  if (held_) {
    RowBatch& b = held_->refunds;
    b.Int(r.payment_id);
    b.OptInt(r.case_id ? std::optional<int64_t>(r.case_id->value) : std::nullopt);
    b.Int(r.amount.cents());
    b.Text(r.reason);
    b.Text(r.done ? kRefundDone : kRefundOpen);
    b.Text(r.created_at.ToUtcString());
    b.OptText(Utc(r.done_at));
    b.OptText(NonEmpty(r.done_by));
    return Status::Ok();
  }
  auto s = Stmt(sql::kRefundsInsert);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, r.payment_id);
  BindOptInt(st, 2, r.case_id ? std::optional<int64_t>(r.case_id->value) : std::nullopt);
  st->BindInt64(3, r.amount.cents());
  st->BindText(4, r.reason);
  st->BindText(5, r.done ? kRefundDone : kRefundOpen);
  st->BindText(6, r.created_at.ToUtcString());
  BindOptText(st, 7, Utc(r.done_at));
  BindOptText(st, 8, NonEmpty(r.done_by));
  return st->Run();
}

Result<std::vector<Refund>> SqlitePaymentStore::OpenRefunds() {
  auto s = Stmt(sql::kRefundsOpen);
  if (!s.ok()) return s.status();
  return AllRows<Refund>(*s, ReadRefund);
}

Status SqlitePaymentStore::CloseRefund(int64_t id, std::string_view by, Instant at) {
  auto s = Stmt(sql::kRefundsClose);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindInt64(1, id);
  st->BindText(2, at.ToUtcString());
  BindOptText(st, 3, NonEmpty(by));
  HH_TRY(st->Run());
  if (db_->Changes() == 1) return Status::Ok();
  auto status = Stmt(sql::kRefundsStatus);
  if (!status.ok()) return status.status();
  (*status)->BindInt64(1, id);
  auto row = HasRow(*status);
  if (!row.ok()) return row.status();
  if (!*row) return NotFound("refund " + std::to_string(id) + " does not exist");
  return FailedPrecondition("refund " + std::to_string(id) + " is done already");
}

}  // namespace hh
