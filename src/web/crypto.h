// The web application's secrets, over libsodium: argon2id password hashes (crypto_pwhash_str),
// random tokens for sessions and CSRF, SHA-256 of a token for storage, and constant-time
// comparison. Pure functions; thread-safe once libsodium is initialised (each call makes sure).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace hh {

// The argon2id work factor. Interactive() is libsodium's crypto_pwhash_OPSLIMIT_INTERACTIVE /
// MEMLIMIT_INTERACTIVE (2 passes over 64 MiB, about 0.1 s here), above OWASP's minimum for
// argon2id (19 MiB, 2 passes; Password Storage Cheat Sheet); ForTests() is libsodium's minimum,
// so that tests hash in microseconds. The parameters are stored in each hash, so a later change
// keeps old hashes verifiable.
struct PasswordCost {
  uint64_t ops = 0;
  size_t mem_bytes = 0;
  static PasswordCost Interactive();
  static PasswordCost ForTests();
};

// Shortest and longest password accepted. 12: NIST SP 800-63B 5.1.1 asks for at least 8 and
// recommends longer passphrases; these accounts reach personal data. 1024 bytes bounds the work
// an attacker can make a login do.
inline constexpr size_t kMinPasswordLength = 12;
inline constexpr size_t kMaxPasswordLength = 1024;

// InvalidArgument (without echoing the password) when it is shorter or longer than the limits.
Status CheckPasswordPolicy(std::string_view password);

// Logins appear in the audit log and the timeline: plain lower-case names only, at most 100
// characters a-z, 0-9, '.', '_' and '-'. InvalidArgument otherwise (also for an empty login).
Status CheckLoginName(std::string_view login);

// The crypto_pwhash_str text ("$argon2id$v=19$m=...") of `password`. Internal when libsodium
// fails (out of memory).
Result<std::string> HashPassword(std::string_view password, const PasswordCost& cost);
// Whether `password` matches `hash`; false for an empty or malformed hash.
bool VerifyPassword(std::string_view hash, std::string_view password);

// `bytes` random bytes from the system's CSPRNG, as lower-case hex (2 * bytes characters).
std::string RandomHex(size_t bytes);
// SHA-256 of `text` (a session token), lower-case hex (64 characters).
std::string TokenDigest(std::string_view text);
// Compares in time that depends on the lengths only.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace hh
