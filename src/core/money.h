// Money: an amount in euro held as integer cents, never as floating point. Parsing accepts the
// forms that reach us in files ("58", "58.00", "58,00", "-3044.45"); formatting gives the
// Belgian form for people ("€ 58,00", "€ 1.118.172,73") and the plain decimal for machines.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace hh {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money FromCents(int64_t cents) { return Money(cents); }
  static constexpr Money FromEuro(int64_t euro) { return Money(euro * 100); }
  // A decimal amount with '.' or ',' as the decimal separator and at most two decimals; an
  // optional leading '-' or '+'. No thousands separators. InvalidArgument otherwise.
  static Result<Money> Parse(std::string_view text);
  // An amount as people write it in Belgium, for what a person typed or a spreadsheet holds:
  // Parse's forms, plus spaces, "€", "EUR" or "euro" before or after the number, a closing
  // ",-", and thousands grouped by '.' ("1.234,56", "€ 1.118.172", "268.172,73,- euro"). A
  // '-' before the number or the currency ("-€ 5,00", as ToDutchString writes it, or
  // "€ -5,00") makes it negative. A ',' is always the decimal separator here, so "1,234.56" is
  // refused rather than guessed at. InvalidArgument otherwise.
  static Result<Money> ParseWritten(std::string_view text);

  constexpr int64_t cents() const { return cents_; }
  // "58.00", "-3044.45": for JSON, CSV for machines and payment QR codes.
  std::string ToDecimalString() const;
  // "€ 58,00", "€ 1.118.172,73", "-€ 5,00": for letters and screens.
  std::string ToDutchString() const;

  constexpr Money operator+(Money o) const { return Money(cents_ + o.cents_); }
  constexpr Money operator-(Money o) const { return Money(cents_ - o.cents_); }
  constexpr Money operator-() const { return Money(-cents_); }
  Money& operator+=(Money o) {
    cents_ += o.cents_;
    return *this;
  }
  friend constexpr auto operator<=>(Money, Money) = default;

 private:
  constexpr explicit Money(int64_t c) : cents_(c) {}
  int64_t cents_ = 0;
};

}  // namespace hh
