// Confidence: a camera's read confidence, a decimal in [0, 1], compared exactly (never through
// binary floating point, so "0.90" and "0.9" are the same and "0.8999999999999999999" is below
// 0.9). Held as a fixed-point fraction with 18 decimals plus a flag for any non-zero digit
// beyond the 18th.
#pragma once

#include <compare>
#include <cstdint>
#include <string_view>

namespace hh {

class Confidence {
 public:
  enum class ParseError { kNone, kNotANumber, kOutOfRange };

  constexpr Confidence() = default;
  // Accepts an optional sign, digits with an optional '.' and fraction ("0.93", "1", ".5",
  // "1.000"). No exponent, no spaces.
  static ParseError Parse(std::string_view text, Confidence* out);

  friend constexpr auto operator<=>(const Confidence&, const Confidence&) = default;

 private:
  uint64_t scaled_ = 0;  // value * 1e18, truncated
  bool sticky_ = false;  // digits beyond the 18th were not all zero
};

}  // namespace hh
