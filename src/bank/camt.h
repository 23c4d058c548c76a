// Reader for ISO 20022 bank-to-customer statements and notifications: camt.053 (BkToCstmrStmt)
// and camt.054 (BkToCstmrDbtCdtNtfctn), any .001.xx version (GAS.md 4.4). Pure: bytes in,
// statements out (pugixml).
#pragma once

#include <string_view>
#include <vector>

#include "bank/statement.h"
#include "core/status.h"

namespace hh {

// Whether `bytes` is an XML document whose root is an ISO 20022 camt.053 or camt.054 Document.
bool LooksLikeCamt(std::string_view bytes);

// Parses every Stmt / Ntfctn in the document. One entry with several TxDtls gives one
// transaction per TxDtls (amounts from TxDtls/AmtDtls or Amt when present, else the entry's when
// it has a single one). Only booked entries (Sts BOOK, or no status) count. A reversal (RvslInd
// true) keeps the sign its CdtDbtInd gives (ISO 20022: the indicator already states the
// reversal's direction); only its counterparty is the party of the booking undone. InvalidArgument
// naming file and element for a document that is not camt or misses a required element (account,
// amount, credit/debit indicator, booking date). Balances that do not add up are a warning.
Result<std::vector<BankStatement>> ReadCamt(std::string_view bytes, std::string_view file);

}  // namespace hh
