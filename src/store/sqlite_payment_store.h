// SqlitePaymentStore: PaymentStore (payment_store.h) over the tables of migration
// 0003_letters_payments of a SQLite Database. It borrows the Database, which must outlive it and
// have been migrated (ApplyMigrations), and follows its thread rules: one thread. It opens no
// transaction of its own: group writes with CaseStore::Transact on the same Database. Prepared
// statements are made once and kept. Instants are stored as whole UTC seconds (ToUtcString,
// the fraction dropped), days as ISO dates, amounts as cents.
#pragma once

#include <map>
#include <memory>

#include "store/database.h"
#include "store/payment_store.h"

namespace hh {

class SqlitePaymentStore final : public PaymentStore {
 public:
  explicit SqlitePaymentStore(Database& db);
  ~SqlitePaymentStore() override;
  SqlitePaymentStore(const SqlitePaymentStore&) = delete;
  SqlitePaymentStore& operator=(const SqlitePaymentStore&) = delete;

  Status HoldWrites() override;
  Status FlushWrites() override;
  void StopHolding() override;

  // One more than the highest id used (1 on an empty table).
  Result<int64_t> NextRequestId() override;
  // r.id must be positive (from NextRequestId): InvalidArgument otherwise. AlreadyExists on a
  // used ogm or id; InvalidArgument (a constraint) for an unknown case or an amount <= 0.
  Status InsertRequest(const PaymentRequest& r) override;
  // Writes paid, status and due_on (NULL when absent) of request r.id; NotFound when absent.
  Status UpdateRequest(const PaymentRequest& r) override;
  Result<std::optional<PaymentRequest>> RequestByOgm(std::string_view ogm) override;
  Result<std::vector<PaymentRequest>> RequestsByOgms(std::span<const std::string> ogms) override;
  Result<std::optional<PaymentRequest>> GetRequest(int64_t id) override;
  Result<std::vector<PaymentRequest>> RequestsOfCase(CaseId id) override;  // in id order
  // In id order; a limit below 1 gives none.
  Result<std::vector<PaymentRequest>> OpenRequestsWithBalance(Money balance, int limit) override;

  Status AddInstalment(const Instalment& i) override;  // i.id is ignored (assigned)
  Result<std::vector<Instalment>> InstalmentsOf(int64_t request_id) override;  // by due_on

  Status QueueLetter(const QueuedLetter& q) override;  // q.id is ignored (assigned)
  Result<std::vector<QueuedLetter>> QueuedLetters() override;
  Status DeleteQueuedLetter(int64_t id) override;  // NotFound when absent
  Result<std::string> LetterRunPrintFile(int64_t run_id) override;
  Result<int64_t> InsertLetterRun(Instant at, std::string_view user, int64_t letters,
                                  std::string_view print_sha256,
                                  std::string_view print_pdf) override;
  // l.id is ignored; returns the new id. An empty registered_number is stored as NULL.
  Result<int64_t> InsertLetter(const LetterRecord& l, std::span<const uint8_t> pdf) override;
  Result<std::vector<LetterRecord>> LettersOfCase(CaseId id) override;  // in id order
  // A limit below 1 gives none.
  Result<std::vector<LetterRunRecord>> RecentLetterRuns(int limit) override;
  Result<std::vector<LetterRecord>> LettersOfRun(int64_t run_id) override;  // none: empty
  Result<std::optional<LetterRecord>> GetLetter(int64_t id) override;
  Result<std::string> LetterPdf(int64_t id) override;  // the bytes as inserted
  // NotFound when absent; an empty number clears it.
  Status SetRegisteredNumber(int64_t letter_id, std::string_view number) override;

  Result<bool> StatementFileSeen(std::string_view file_sha256) override;
  // A missing closing date matches only a statement stored without one.
  Result<bool> StatementSeen(std::string_view account, std::string_view format,
                             std::string_view number,
                             std::optional<LocalDate> closing_date) override;
  // s.id is ignored; returns the new id. AlreadyExists when StatementSeen would say true.
  Result<int64_t> InsertStatement(const StatementRecord& s) override;
  // p.id is ignored; returns the new id. An empty ogm or assigned_by is stored as NULL.
  Result<int64_t> InsertPayment(const PaymentRecord& p) override;
  Result<std::optional<PaymentRecord>> GetPayment(int64_t id) override;
  Result<std::vector<PaymentRecord>> PaymentsOfRequest(int64_t request_id) override;  // id order
  // Outcome unmatched, in id (import) order; a limit below 1 gives none.
  Result<std::vector<PaymentRecord>> UnmatchedPayments(int limit) override;
  // NotFound for an unknown payment or request. Any payment may be (re)assigned: whether it
  // should be is the caller's rule.
  Status AssignPayment(int64_t payment_id, int64_t request_id, PaymentOutcome outcome,
                       std::string_view by, Instant at) override;

  Status InsertRefund(const Refund& r) override;       // r.id is ignored (assigned)
  Result<std::vector<Refund>> OpenRefunds() override;  // in id order
  // NotFound for an unknown id, FailedPrecondition for a refund already done.
  Status CloseRefund(int64_t id, std::string_view by, Instant at) override;

 private:
  // The prepared statement for `sql` (one of the sql::k* constants), made on first use and
  // reset before it is returned.
  Result<CachedStatement> Stmt(std::string_view sql);

  struct Held;  // the writes kept between HoldWrites and FlushWrites

  Database* db_;
  StatementCache cache_;
  std::unique_ptr<Held> held_;  // null unless holding
};

}  // namespace hh
