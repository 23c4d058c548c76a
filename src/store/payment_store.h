// PaymentStore: what issue 4 keeps beside the cases (migration 0003_letters_payments): payment
// requests under their structured reference, payment plans, the letters owed and the letters
// sent (each PDF exactly as posted), bank statements and the payments read from them, refunds.
// An interface, like CaseStore, so the domain never knows which database holds it. It shares
// its Database with the case store: CaseStore::Transact groups writes of both into one
// transaction. Thread rules: one thread, like the connection under it. The store owns the
// rows; callers get copies.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/instant.h"
#include "core/money.h"
#include "core/status.h"
#include "gas/case.h"

namespace hh {

enum class RequestStatus : uint8_t { kOpen, kPartial, kPaid, kCancelled };
std::string_view RequestStatusName(RequestStatus s);  // "open", "partial", "paid", "cancelled"

struct PaymentRequest {
  int64_t id = 0;
  CaseId case_id;
  std::string ogm;  // the 12 digits of its StructuredReference
  Money amount;
  Money paid;
  std::optional<LocalDate> due_on;
  RequestStatus status = RequestStatus::kOpen;
  Instant created_at;
};

struct Instalment {
  int64_t id = 0;
  int64_t request_id = 0;
  LocalDate due_on;
  Money amount;
};

// A letter an action owes (the action counted its deadline from `posted_on`).
struct QueuedLetter {
  int64_t id = 0;
  CaseId case_id;
  std::string kind;  // a letters/letter_template.h kind name
  LocalDate posted_on;
  std::string requested_by;
  Instant created_at;
};

struct LetterRecord {
  int64_t id = 0;
  CaseId case_id;
  std::optional<int64_t> run_id;
  std::string kind;
  std::string language;
  std::string recipient;  // the addressee's name as printed
  std::optional<int64_t> request_id;
  std::optional<Money> amount;
  bool registered = false;
  std::string registered_number;  // empty until recorded
  LocalDate posted_on;
  std::string sha256;  // hex of the PDF
  int pages = 0;
  Instant created_at;
};

// One letter run: when, by whom, how many letters, the hash of its combined print file.
struct LetterRunRecord {
  int64_t id = 0;
  Instant at;
  std::string user_login;
  int64_t letters = 0;
  std::string print_sha256;
};

struct StatementRecord {
  int64_t id = 0;
  std::string file_sha256;
  std::string file_name;
  std::string format;
  std::string account;
  std::string number;
  std::optional<LocalDate> closing_date;
  int64_t transactions = 0;
  std::string warnings;  // joined by "; "
  Instant imported_at;
  std::string imported_by;
};

// What reconciliation made of a credit (GAS.md 6.6).
enum class PaymentOutcome : uint8_t {
  kExact,       // the request's balance, paid in full
  kPartial,     // less than the balance: the rest stays due
  kOverpaid,    // more than the balance: the excess is refunded
  kDuplicate,   // the request was already paid: refunded
  kAfterClose,  // the case was closed (annulled, dismissed, ...): refunded
  kUnmatched,   // no valid or known reference: the manual queue
};
std::string_view PaymentOutcomeName(PaymentOutcome o);  // "exact", "partial", ...
std::optional<PaymentOutcome> ParsePaymentOutcome(std::string_view name);

struct PaymentRecord {
  int64_t id = 0;
  int64_t statement_id = 0;
  Money amount;
  LocalDate booking_date;
  std::optional<LocalDate> value_date;
  std::string bank_reference;
  std::string ogm;  // 12 digits or empty
  std::string communication;
  std::string counterparty_name;
  std::string counterparty_account;
  std::optional<int64_t> request_id;
  PaymentOutcome outcome = PaymentOutcome::kUnmatched;
  std::string assigned_by;  // the login that assigned it by hand, if any
  std::optional<Instant> assigned_at;
};

struct Refund {
  int64_t id = 0;
  int64_t payment_id = 0;
  std::optional<CaseId> case_id;
  Money amount;
  std::string reason;
  bool done = false;
  Instant created_at;
  std::optional<Instant> done_at;
  std::string done_by;
};

class PaymentStore {
 public:
  virtual ~PaymentStore() = default;

  // Bulk writing within one long transaction of the connection (reconciling a statement
  // file), as CaseStore::HoldWrites: after HoldWrites(), InsertPayment (which still returns
  // the id the row will have), InsertRefund and UpdateRequest are kept in memory, and
  // FlushWrites() writes what is held with one statement of each kind; the caller flushes
  // before it commits. Reads do not see held writes. A held UpdateRequest of an unknown id is
  // NotFound when it is flushed. StopHolding() drops whatever is still held and writes
  // directly again. HoldWrites is Internal outside a transaction.
  // After an error from FlushWrites, part of the batch may be written: the caller rolls its
  // transaction back.
  virtual Status HoldWrites() = 0;
  virtual Status FlushWrites() = 0;
  virtual void StopHolding() = 0;

  // --- Payment requests. The id comes first so the reference can be derived from it:
  // NextRequestId() then InsertRequest with that id, in one transaction.
  virtual Result<int64_t> NextRequestId() = 0;
  virtual Status InsertRequest(const PaymentRequest& r) = 0;  // AlreadyExists on a used ogm
  virtual Status UpdateRequest(const PaymentRequest& r) = 0;  // paid, status, due_on
  virtual Result<std::optional<PaymentRequest>> RequestByOgm(std::string_view ogm) = 0;
  // The requests of many references at once (a statement file's), in no order; references of
  // no request are left out. Each reference must be 12 digits.
  virtual Result<std::vector<PaymentRequest>> RequestsByOgms(std::span<const std::string> ogms) = 0;
  virtual Result<std::optional<PaymentRequest>> GetRequest(int64_t id) = 0;
  virtual Result<std::vector<PaymentRequest>> RequestsOfCase(CaseId id) = 0;
  // Open or partly paid requests whose balance equals `balance` (suggestions), at most `limit`.
  virtual Result<std::vector<PaymentRequest>> OpenRequestsWithBalance(Money balance, int limit) = 0;

  virtual Status AddInstalment(const Instalment& i) = 0;
  virtual Result<std::vector<Instalment>> InstalmentsOf(int64_t request_id) = 0;

  // --- Letters owed and letters sent.
  virtual Status QueueLetter(const QueuedLetter& q) = 0;
  virtual Result<std::vector<QueuedLetter>> QueuedLetters() = 0;  // in id order
  virtual Status DeleteQueuedLetter(int64_t id) = 0;
  // The run with its combined print file `print_pdf` (SHA-256 hex `print_sha256`).
  virtual Result<int64_t> InsertLetterRun(Instant at, std::string_view user, int64_t letters,
                                          std::string_view print_sha256,
                                          std::string_view print_pdf) = 0;
  // The combined print file of run `run_id`; NotFound for no such run, or a run stored before
  // the print files were kept (migration 0008).
  virtual Result<std::string> LetterRunPrintFile(int64_t run_id) = 0;
  virtual Result<int64_t> InsertLetter(const LetterRecord& l, std::span<const uint8_t> pdf) = 0;
  virtual Result<std::vector<LetterRunRecord>> RecentLetterRuns(int limit) = 0;  // newest first
  virtual Result<std::vector<LetterRecord>> LettersOfRun(int64_t run_id) = 0;    // in id order
  virtual Result<std::vector<LetterRecord>> LettersOfCase(CaseId id) = 0;
  virtual Result<std::optional<LetterRecord>> GetLetter(int64_t id) = 0;
  virtual Result<std::string> LetterPdf(int64_t id) = 0;  // NotFound when absent
  virtual Status SetRegisteredNumber(int64_t letter_id, std::string_view number) = 0;

  // --- Statements and payments.
  virtual Result<bool> StatementFileSeen(std::string_view file_sha256) = 0;
  virtual Result<bool> StatementSeen(std::string_view account, std::string_view format,
                                     std::string_view number,
                                     std::optional<LocalDate> closing_date) = 0;
  virtual Result<int64_t> InsertStatement(const StatementRecord& s) = 0;
  virtual Result<int64_t> InsertPayment(const PaymentRecord& p) = 0;
  virtual Result<std::optional<PaymentRecord>> GetPayment(int64_t id) = 0;
  virtual Result<std::vector<PaymentRecord>> PaymentsOfRequest(int64_t request_id) = 0;
  virtual Result<std::vector<PaymentRecord>> UnmatchedPayments(int limit) = 0;  // oldest first
  // Records a manual assignment: request, outcome, who and when.
  virtual Status AssignPayment(int64_t payment_id, int64_t request_id, PaymentOutcome outcome,
                               std::string_view by, Instant at) = 0;

  // --- Refunds.
  virtual Status InsertRefund(const Refund& r) = 0;
  virtual Result<std::vector<Refund>> OpenRefunds() = 0;
  virtual Status CloseRefund(int64_t id, std::string_view by, Instant at) = 0;  // NotFound
};

}  // namespace hh
