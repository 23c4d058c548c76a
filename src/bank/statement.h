// Bank statements as the readers deliver them (GAS.md 4.3-4.4): one model for CODA 2.x and ISO
// 20022 camt.053 / camt.054, so reconciliation never knows which format a bank sent. Plain
// values; the readers own nothing after they return.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/instant.h"
#include "core/money.h"
#include "payref/structured_reference.h"

namespace hh {

// One booked movement on the account (for a globalised CODA booking or a camt batch entry:
// one per detail, never the batch total).
struct BankTransaction {
  Money amount;                         // signed: credits positive, debits negative
  LocalDate booking_date;               // CODA entry date; camt BookgDt
  std::optional<LocalDate> value_date;  // CODA value date; camt ValDt
  std::string bank_reference;           // CODA 2.1 positions 11-31 (trimmed); camt AcctSvcrRef
  // The Belgian structured reference when the payment carries a valid one: CODA
  // communication type 1 with 101/102, camt Strd/CdtrRefInf (SCOR, issuer BBA or a valid
  // 12-digit Ref), or a valid +++...+++ in the free text.
  std::optional<StructuredReference> ogm;
  std::string communication;         // the free or structured text as written (trimmed)
  std::string counterparty_name;     // CODA 2.3 positions 48-82; camt Dbtr/Cdtr Nm
  std::string counterparty_account;  // IBAN or other account number, no spaces
};

struct BankStatement {
  std::string format;                    // "coda", "camt.053", "camt.054"
  std::string account;                   // IBAN, no spaces (or the account as the file has it)
  std::string currency;                  // "EUR"
  std::string number;                    // CODA statement (paper) number; camt Stmt/Id or Ntfctn/Id
  std::optional<Money> opening_balance;  // signed
  std::optional<Money> closing_balance;
  std::optional<LocalDate> opening_date;
  std::optional<LocalDate> closing_date;
  std::vector<BankTransaction> transactions;
  // What did not add up, in English for the operator (a trailer count or total that differs,
  // old balance + movements != new balance, an entry without details): the statement is
  // still returned.
  std::vector<std::string> warnings;
};

}  // namespace hh
