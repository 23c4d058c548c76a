// SHA-256 as lower-case hex (libsodium): the fingerprint of a letter's PDF as sent and of a
// bank statement file imported. Pure; any thread.
#pragma once

#include <string>
#include <string_view>

namespace hh {

std::string Sha256Hex(std::string_view bytes);

}  // namespace hh
