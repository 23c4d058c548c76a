// Fuzz target for the bank statement readers (src/bank): CODA 2.x, camt.053/054 XML and zip
// archives of them, through the same detection `payments import` uses. Bank files come from
// outside the city, so they are untrusted input. Properties checked (each abort() is a finding):
//  - reading never crashes, reads out of bounds (ASan), overflows (UBSan) or loops;
//  - a refusal names the file (its message starts with the file name);
//  - an accepted file's statements render as JSON (no exception), and every transaction's
//    structured reference, when there is one, has twelve digits.
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "bank/statement_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto r = hh::ReadStatementBytes(bytes, "fuzz.stm");
  if (!r.ok()) {
    if (r.status().message().rfind("fuzz.stm", 0) != 0) std::abort();
    return 0;
  }
  for (const hh::BankStatement& s : *r) {
    for (const hh::BankTransaction& t : s.transactions) {
      if (t.ogm && t.ogm->digits().size() != 12) std::abort();
    }
  }
  try {
    const std::string json = hh::StatementsJson(*r);
    if (json.empty()) std::abort();
  } catch (const std::exception&) {
    std::abort();
  }
  return 0;
}
