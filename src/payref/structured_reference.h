// The Belgian structured communication (OGM/VCS, "gestructureerde mededeling"): ten free digits
// and two check digits, (first ten as a number) mod 97 with 0 written as 97 (Febelfin; GAS.md
// 4.1). One per payment request; it is how a bank payment finds its case. A value type: every
// instance is valid, so code that holds one never checks it again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/status.h"

namespace hh {

class StructuredReference {
 public:
  // The largest base: ten digits.
  static constexpr uint64_t kMaxBase = 9'999'999'999;

  // The reference with `base` (0..kMaxBase) as its ten digits and its check digits computed.
  // InvalidArgument when base > kMaxBase.
  static Result<StructuredReference> FromBase(uint64_t base);
  // Exactly twelve ASCII digits whose last two are the check digits of the first ten.
  // InvalidArgument naming what is wrong (length, a non-digit, the check) otherwise.
  static Result<StructuredReference> FromDigits(std::string_view twelve);
  // A reference as people and banks write it: "+++090/9337/55493+++", "***090/9337/55493***",
  // "090/9337/55493", "090933755493", with spaces around or inside the groups tolerated.
  // Anything else, or a failed check, is InvalidArgument.
  static Result<StructuredReference> Parse(std::string_view text);
  // The first valid reference written between +++ / *** delimiters (slashes and spaces
  // optional) in free text such as a payment's communication, or nullopt. Twelve bare digits in
  // free text are not taken (too easily a phone or account number).
  static std::optional<StructuredReference> FindInText(std::string_view text);

  const std::string& digits() const { return digits_; }  // "090933755493"
  uint64_t base() const;                                 // 909337554
  std::string Printed() const;                           // "+++090/9337/55493+++"

  friend bool operator==(const StructuredReference&, const StructuredReference&) = default;

 private:
  explicit StructuredReference(std::string digits) : digits_(std::move(digits)) {}
  std::string digits_;
};

}  // namespace hh
