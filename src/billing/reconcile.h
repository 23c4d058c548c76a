// Reconciliation: bank credits matched to payment requests by their structured reference
// (GAS.md 6.6). Exact -> the case is paid; less -> partly paid, the rest stays due (the reminder
// asks for it); more, twice, or after the case closed -> a refund task; no or unknown reference
// -> the manual queue, with suggestions, until a person assigns it. A statement is imported
// once. Same thread and transaction rules as the stores.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "bank/statement.h"
#include "cases/case_actions.h"
#include "core/instant.h"
#include "core/status.h"
#include "gas/settings.h"
#include "store/case_store.h"
#include "store/payment_store.h"

namespace hh {

struct ReconcileReport {
  int statements = 0;
  int credits = 0;
  int debits = 0;  // not payments to the city: counted, not kept
  int exact = 0;
  int partial = 0;
  int overpaid = 0;
  int duplicate = 0;
  int after_close = 0;
  int unmatched = 0;
  Money matched;                      // credited to requests
  Money refunds;                      // refund tasks opened
  std::vector<std::string> warnings;  // the statements' own, prefixed with their number
};

struct StatementSource {
  std::string file_name;
  std::string file_sha256;
  // The city's collection account (letters.iban); a statement of another account is refused.
  // Empty: any account.
  std::string city_account;
};

// A second pair of stores over another connection to the same database file, for reading
// only: ImportPayments then reads what the next credits need on a thread of its own while it
// writes the payments before them (the two overlap). The reader sees the database as it was
// when the import began (WAL: the writer's transaction is not committed yet), and the import
// only ever keeps what it read for requests and cases it has not touched yet, so the outcome
// is the same as without it.
struct ReconcileReader {
  CaseStore* cases = nullptr;
  PaymentStore* payments = nullptr;
  size_t run = 4096;  // credits read (and then written) at a time
};

// Imports every statement of one file and reconciles its credits, all in one transaction:
// AlreadyExists (nothing imported) when the file or any of its statements was imported before;
// InvalidArgument when a statement is of another account or currency than the city's.
// `reader` (optional): see ReconcileReader; nullptr reads on the calling thread.
[[nodiscard]] Result<ReconcileReport> ImportPayments(CaseStore& cases, PaymentStore& payments,
                                                     const GasSettings& settings,
                                                     const std::vector<BankStatement>& statements,
                                                     const StatementSource& source,
                                                     const Actor& actor, Instant now,
                                                     const ReconcileReader* reader = nullptr);

// A person assigns an unmatched payment to a case's current request; it is then reconciled as
// if its reference had been right (exact, partial, overpaid, ...). NotFound for an unknown
// payment or a case without a request; FailedPrecondition when the payment is not in the queue.
[[nodiscard]] Result<PaymentOutcome> AssignPayment(CaseStore& cases, PaymentStore& payments,
                                                   const GasSettings& settings, int64_t payment_id,
                                                   CaseId case_id, const Actor& actor, Instant now);

// Why a case may be the one an unmatched payment is for.
struct Suggestion {
  CaseId case_id;
  std::string case_number;
  std::string why;  // "bedrag", "nummerplaat", "naam" (joined by ", " when several)
  Money balance;
};

// Suggestions for an unmatched payment, best first: cases whose open balance equals the
// amount, whose plate appears in the communication, whose addressee's name matches the
// payer's. At most `limit`.
[[nodiscard]] Result<std::vector<Suggestion>> SuggestCases(CaseStore& cases, PaymentStore& payments,
                                                           const PaymentRecord& p, int limit);

}  // namespace hh
