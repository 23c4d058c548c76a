#include "anpr/confidence.h"

namespace hh {

Confidence::ParseError Confidence::Parse(std::string_view t, Confidence* out) {
  size_t i = 0;
  bool negative = false;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
    negative = t[i] == '-';
    ++i;
  }
  // Integer part: leading zeros allowed; anything above 1 is out of range.
  uint64_t integer = 0;
  size_t digits = 0;
  bool big = false;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
    if (integer > 1)
      big = true;
    else
      integer = integer * 10 + static_cast<uint64_t>(t[i] - '0');
    ++i;
    ++digits;
  }
  uint64_t frac = 0;
  uint64_t scale = 100'000'000'000'000'000ULL;  // 1e17: weight of the first fraction digit
  bool sticky = false;
  bool any_frac = false;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
      uint64_t d = static_cast<uint64_t>(t[i] - '0');
      if (scale > 0) {
        frac += d * scale;
        scale /= 10;
      } else if (d != 0) {
        sticky = true;
      }
      if (d != 0) any_frac = true;
      ++i;
      ++digits;
    }
  }
  if (digits == 0 || i != t.size()) return ParseError::kNotANumber;
  bool zero = !big && integer == 0 && !any_frac;
  if (negative && !zero) return ParseError::kOutOfRange;
  if (big || integer > 1 || (integer == 1 && any_frac)) return ParseError::kOutOfRange;
  out->scaled_ = integer * 1'000'000'000'000'000'000ULL + frac;
  out->sticky_ = sticky;
  return ParseError::kNone;
}

}  // namespace hh
