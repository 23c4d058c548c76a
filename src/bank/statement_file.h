// A statement file as a bank delivers it, format detected from its content: CODA, camt.053 /
// camt.054 XML, or a zip of any of these (each entry read in name order).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bank/statement.h"
#include "core/status.h"

namespace hh {

// Statements from in-memory bytes; `file` names it in messages. InvalidArgument when the content
// is none of the formats (naming the file) or a reader refuses it.
Result<std::vector<BankStatement>> ReadStatementBytes(std::string_view bytes,
                                                      std::string_view file);
// The same from a file on disk (Unavailable when it cannot be read).
Result<std::vector<BankStatement>> ReadStatementFile(const std::string& path);

// The statements as the JSON `handhaving statement show` prints (issue 4, item 4):
// amounts as signed decimal strings, dates YYYY-MM-DD, ogm the 12 digits or null.
std::string StatementsJson(const std::vector<BankStatement>& statements);

}  // namespace hh
