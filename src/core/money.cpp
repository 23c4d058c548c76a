#include "core/money.h"

#include <limits>

namespace hh {

Result<Money> Money::Parse(std::string_view t) {
  bool negative = false;
  size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) {
    negative = t[i] == '-';
    ++i;
  }
  int64_t units = 0;
  size_t int_digits = 0;
  constexpr int64_t kMaxUnits = std::numeric_limits<int64_t>::max() / 1000;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
    units = units * 10 + (t[i] - '0');
    if (units > kMaxUnits) return InvalidArgument("amount too large");
    ++i;
    ++int_digits;
  }
  int64_t cents = 0;
  size_t frac_digits = 0;
  if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
      if (++frac_digits > 2) return InvalidArgument("more than two decimals in an amount");
      cents = cents * 10 + (t[i] - '0');
      ++i;
    }
    if (frac_digits == 0) return InvalidArgument("decimal separator without decimals");
    if (frac_digits == 1) cents *= 10;
  }
  if (int_digits == 0 || i != t.size()) return InvalidArgument("not an amount");
  int64_t total = units * 100 + cents;
  return Money(negative ? -total : total);
}

std::string Money::ToDecimalString() const {
  uint64_t a = cents_ < 0 ? -static_cast<uint64_t>(cents_) : static_cast<uint64_t>(cents_);
  std::string s = cents_ < 0 ? "-" : "";
  s += std::to_string(a / 100);
  s += '.';
  s += static_cast<char>('0' + a % 100 / 10);
  s += static_cast<char>('0' + a % 10);
  return s;
}

std::string Money::ToDutchString() const {
  uint64_t a = cents_ < 0 ? -static_cast<uint64_t>(cents_) : static_cast<uint64_t>(cents_);
  std::string units = std::to_string(a / 100);
  std::string grouped;
  for (size_t i = 0; i < units.size(); ++i) {
    if (i > 0 && (units.size() - i) % 3 == 0) grouped += '.';
    grouped += units[i];
  }
  std::string s = cents_ < 0 ? "-€ " : "€ ";
  s += grouped;
  s += ',';
  s += static_cast<char>('0' + a % 100 / 10);
  s += static_cast<char>('0' + a % 10);
  return s;
}

}  // namespace hh
