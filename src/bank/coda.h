// Reader for CODA 2.x (Febelfin "gecodeerde berichtgeving"): 128-character records, one or
// more statements per file (GAS.md 4.3). Pure: bytes in, statements out.
#pragma once

#include <string_view>
#include <vector>

#include "bank/statement.h"
#include "core/status.h"

namespace hh {

// Whether `bytes` looks like CODA (its first record is a 128-character header record '0'
// with a version CODA 2 readers know or not): used by auto-detection.
bool LooksLikeCoda(std::string_view bytes);

// Parses every statement in `bytes` (records separated by LF or CRLF). `file` names the file
// in messages. InvalidArgument (naming file, line and field) for a file that is not CODA, a
// version other than 2, a record of the wrong length or type, a bad amount or date. What does
// not add up (trailer counts and totals, balances) is a warning on the statement.
Result<std::vector<BankStatement>> ReadCoda(std::string_view bytes, std::string_view file);

}  // namespace hh
