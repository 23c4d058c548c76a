// Plate: a licence plate normalised as SCREENING.md rule 1 says (ASCII letters upper-cased,
// every character other than A-Z and 0-9 dropped), so that "1-abc-123", "1 ABC 123" and
// "1ABC123" are one plate. A plate is personal data: it has no operator<< and is never logged.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace hh {

// For each byte: its normalised form (A-Z, 0-9), or 0 when normalisation drops it.
inline constexpr std::array<char, 256> kPlateChar = [] {
  std::array<char, 256> t{};
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) t[c] = static_cast<char>(c - ('a' - 'A'));
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<char>(c);
  return t;
}();

// Writes the normalised form of `raw` to out (which must hold raw.size() bytes) and returns its
// length. The hot-path form used by screening (branch-free); Plate::Parse wraps it.
inline size_t NormalisePlateInto(std::string_view raw, char* out) {
  size_t n = 0;
  for (char ch : raw) {
    const char c = kPlateChar[static_cast<unsigned char>(ch)];
    out[n] = c;
    n += c != 0;
  }
  return n;
}

class Plate {
 public:
  // InvalidArgument when nothing is left after normalisation.
  static Result<Plate> Parse(std::string_view raw);
  const std::string& normalised() const { return text_; }

  friend bool operator==(const Plate&, const Plate&) = default;
  friend auto operator<=>(const Plate&, const Plate&) = default;

 private:
  explicit Plate(std::string t) : text_(std::move(t)) {}
  std::string text_;
};

}  // namespace hh
