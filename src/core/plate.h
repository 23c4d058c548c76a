// Plate: a licence plate normalised as SCREENING.md rule 1 says (ASCII letters upper-cased,
// every character other than A-Z and 0-9 dropped), so that "1-abc-123", "1 ABC 123" and
// "1ABC123" are one plate. A plate is personal data: it has no operator<< and is never logged.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace hh {

// Writes the normalised form of `raw` to out (which must hold raw.size() bytes) and returns its
// length. The hot-path form used by screening; Plate::Parse wraps it.
inline size_t NormalisePlateInto(std::string_view raw, char* out) {
  size_t n = 0;
  for (char ch : raw) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z') {
      out[n++] = static_cast<char>(c - ('a' - 'A'));
    } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      out[n++] = static_cast<char>(c);
    }
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
