// The EPC QR code payload ("GiroCode", EPC069-12 v2.1; GAS.md 4.2): a SEPA credit transfer a
// banking app fills in from one scan. Builds the exact bytes; qr.h makes the symbol.
#pragma once

#include <optional>
#include <string>

#include "core/money.h"
#include "core/status.h"
#include "payref/structured_reference.h"

namespace hh {

// Where the Belgian structured reference goes. EPC069-12 defines field 10 for ISO 11649 (RF)
// references and says nothing of the OGM; which one Belgian apps read is not settled (GAS.md
// 4.2, an open point), so it is a city setting (`letters.qr_ogm_field`).
enum class OgmPlacement {
  kUnstructured,  // field 11, "+++090/9337/55493+++" (default: every app shows it to the payer)
  kStructured,    // field 10, the 12 digits
};

struct EpcTransfer {
  int version = 2;              // 1 or 2 ("001" needs a BIC)
  int charset = 1;              // 1 = UTF-8, 2 = ISO-8859-1 (the text is converted); 3..8 refused
  std::string bic;              // 8 or 11 capitals/digits, or empty (version 2 only)
  std::string name;             // beneficiary, 1..70 characters
  std::string iban;             // "BE68...": capitals and digits, no spaces, 5..34
  std::optional<Money> amount;  // 0.01 .. 999999999.99 euro; written "EUR58", "EUR12.3"
  // Write the amount with both decimals ("EUR58.00", as GAS.md 6.6 and issue 4 show it) instead
  // of the shortest form the EPC examples use ("EUR12.3"). Both are valid EPC069-12.
  bool amount_two_decimals = false;
  std::string purpose;      // empty or 4 capitals/digits ("GOVT")
  std::string reference;    // structured creditor reference, <= 35
  std::string text;         // unstructured remittance, <= 140 (never with reference)
  std::string information;  // beneficiary-to-originator information, <= 70
};

// The payload: fields joined by LF, trailing empty optional fields left out, no final LF.
// InvalidArgument naming the field for every rule above that is broken (the strings are UTF-8,
// lengths count characters, a line break in a field is refused), and when the result exceeds
// 331 bytes (field "payload"). A transfer with neither reference nor text is valid (EPC: both
// optional).
Result<std::string> EpcPayload(const EpcTransfer& t);

// The transfer for paying `amount` to the city with `ogm` where `placement` puts it: version
// 002, UTF-8, the amount with two decimals ("EUR58.00").
EpcTransfer PaymentTransfer(const std::string& bic, const std::string& name,
                            const std::string& iban, Money amount, const StructuredReference& ogm,
                            OgmPlacement placement);

}  // namespace hh
