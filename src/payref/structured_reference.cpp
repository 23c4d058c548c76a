// The Belgian structured communication (GAS.md 4.1): construction, parsing of the written forms
// and the search in a payment's free communication.
#include "payref/structured_reference.h"

namespace hh {
namespace {

// Febelfin: the check digits are the ten-digit base mod 97, with a remainder of 0 written 97.
constexpr uint64_t kCheckModulus = 97;
// The written form groups the twelve digits 3/4/5: "090/9337/55493".
constexpr size_t kFirstSlash = 3;
constexpr size_t kSecondSlash = 8;  // in "090/9337/55493", after the first slash
// The longest run between delimiters FindInText considers: twelve digits, two slashes and some
// spaces. Longer runs cannot be a reference and would only make the search slow.
constexpr size_t kMaxDelimitedRun = 40;

uint64_t CheckOf(uint64_t base) {
  uint64_t r = base % kCheckModulus;
  return r == 0 ? kCheckModulus : r;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The delimiter ("+++" or "***") that opens `s` at `pos`, or an empty view.
std::string_view DelimiterAt(std::string_view s, size_t pos) {
  if (pos + 3 > s.size()) return {};
  std::string_view d = s.substr(pos, 3);
  return d == "+++" || d == "***" ? d : std::string_view{};
}

}  // namespace

Result<StructuredReference> StructuredReference::FromBase(uint64_t base) {
  if (base > kMaxBase) {
    return InvalidArgument("structured reference: base " + std::to_string(base) +
                           " has more than ten digits");
  }
  std::string digits = std::to_string(base);
  digits.insert(0, 10 - digits.size(), '0');
  uint64_t check = CheckOf(base);
  digits += static_cast<char>('0' + check / 10);
  digits += static_cast<char>('0' + check % 10);
  return StructuredReference(std::move(digits));
}

Result<StructuredReference> StructuredReference::FromDigits(std::string_view twelve) {
  if (twelve.size() != 12) {
    return InvalidArgument("structured reference: expected 12 digits, found " +
                           std::to_string(twelve.size()) + " characters");
  }
  uint64_t base = 0;
  for (size_t i = 0; i < twelve.size(); ++i) {
    if (!IsDigit(twelve[i])) {
      return InvalidArgument("structured reference: character " + std::to_string(i + 1) +
                             " is not a digit");
    }
    if (i < 10) base = base * 10 + static_cast<uint64_t>(twelve[i] - '0');
  }
  uint64_t check = static_cast<uint64_t>(twelve[10] - '0') * 10 + (twelve[11] - '0');
  uint64_t expected = CheckOf(base);
  if (check != expected) {
    return InvalidArgument("structured reference: check digits " + std::string(twelve.substr(10)) +
                           " do not match the first ten digits (expected " +
                           std::to_string(expected / 10) + std::to_string(expected % 10) + ")");
  }
  return StructuredReference(std::string(twelve));
}

Result<StructuredReference> StructuredReference::Parse(std::string_view text) {
  std::string_view s = Trim(text);
  std::string_view open = DelimiterAt(s, 0);
  if (!open.empty()) {
    if (s.size() < 6 || s.substr(s.size() - 3) != open) {
      return InvalidArgument("structured reference: opened with " + std::string(open) +
                             " but not closed with it");
    }
    s = s.substr(3, s.size() - 6);
  }
  // Without spaces: "090933755493" or "090/9337/55493".
  std::string compact;
  for (char c : s) {
    if (IsSpace(c)) continue;
    if (!IsDigit(c) && c != '/') {
      return InvalidArgument(
          "structured reference: only digits, '/' and spaces may stand between the delimiters");
    }
    compact += c;
  }
  if (compact.find('/') != std::string::npos) {
    if (compact.size() != 14 || compact[kFirstSlash] != '/' || compact[kSecondSlash] != '/') {
      return InvalidArgument("structured reference: expected the form 123/4567/89012");
    }
    compact.erase(kSecondSlash, 1);
    compact.erase(kFirstSlash, 1);
  }
  return FromDigits(compact);
}

std::optional<StructuredReference> StructuredReference::FindInText(std::string_view text) {
  for (size_t i = 0; i + 6 <= text.size(); ++i) {
    std::string_view open = DelimiterAt(text, i);
    if (open.empty()) continue;
    size_t end = i + 3;
    while (end < text.size() && end - (i + 3) < kMaxDelimitedRun &&
           (IsDigit(text[end]) || text[end] == '/' || IsSpace(text[end]))) {
      ++end;
    }
    if (end == i + 3 || DelimiterAt(text, end) != open) continue;
    auto ref = Parse(text.substr(i, end + 3 - i));
    if (ref.ok()) return std::move(ref).value();
  }
  return std::nullopt;
}

uint64_t StructuredReference::base() const {
  uint64_t base = 0;
  for (size_t i = 0; i < 10; ++i) base = base * 10 + static_cast<uint64_t>(digits_[i] - '0');
  return base;
}

std::string StructuredReference::Printed() const {
  return "+++" + digits_.substr(0, 3) + "/" + digits_.substr(3, 4) + "/" + digits_.substr(7) +
         "+++";
}

}  // namespace hh
