#include "core/money.h"

#include <algorithm>
#include <cctype>
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

namespace {

bool ThreeDigits(std::string_view s, size_t at) {
  if (s.size() < at + 3) return false;
  return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(at),
                     s.begin() + static_cast<std::ptrdiff_t>(at + 3),
                     [](char c) { return c >= '0' && c <= '9'; });
}

bool StripPrefix(std::string& s, std::string_view p) {
  if (s.rfind(p, 0) != 0) return false;
  s.erase(0, p.size());
  return true;
}

bool StripSuffix(std::string& s, std::string_view p) {
  if (s.size() < p.size() || s.compare(s.size() - p.size(), p.size(), p) != 0) return false;
  s.erase(s.size() - p.size());
  return true;
}

}  // namespace

Result<Money> Money::ParseWritten(std::string_view text) {
  std::string s;
  s.reserve(text.size());
  for (char ch : text) {
    if (ch != ' ' && ch != '\t') {
      s += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
  }
  bool negative = false;
  const bool signed_before = !s.empty() && (s[0] == '-' || s[0] == '+');
  if (signed_before) {
    negative = s[0] == '-';
    s.erase(0, 1);
  }
  for (std::string_view p : {"€", "euro", "eur"}) {
    if (StripPrefix(s, p)) break;
  }
  for (std::string_view p : {"euro", "eur", "€"}) {
    if (StripSuffix(s, p)) break;
  }
  StripSuffix(s, ",-");
  // The sign may also follow the currency ("€ -5,00", as some spreadsheets write it), once.
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    if (signed_before) {
      return InvalidArgument("\"" + std::string(text) + "\" has its sign in two places");
    }
    negative = s[0] == '-';
    s.erase(0, 1);
  }
  // Thousands grouped by dots: "268.172" before a decimal comma, "1.118.172" alone, or one
  // group "1.234" (which Parse would refuse: three decimals).
  const size_t comma = s.find(',');
  std::string whole = s.substr(0, comma);
  const size_t dot = whole.find('.');
  if (dot != std::string::npos &&
      (comma != std::string::npos || std::count(whole.begin(), whole.end(), '.') > 1 ||
       whole.size() - dot == 4)) {
    bool grouped = dot >= 1 && dot <= 3;
    for (size_t i = dot; grouped && i < whole.size(); i += 4) {
      grouped = whole[i] == '.' && ThreeDigits(whole, i + 1);
    }
    if (!grouped) {
      return InvalidArgument("\"" + std::string(text) +
                             "\" is not an amount: dots must group thousands (1.234,56)");
    }
    std::erase(whole, '.');
    s = whole + (comma == std::string::npos ? "" : s.substr(comma));
  }
  Result<Money> m = Parse(s);
  if (!m.ok()) return InvalidArgument("\"" + std::string(text) + "\" is not an amount");
  return negative ? -*m : *m;
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
