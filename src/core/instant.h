// Instant: a point on the UTC time line, to the nanosecond, and LocalDate: a calendar day.
// Instants are parsed strictly as RFC 3339 section 5.6 date-times; conversion to local time
// lives in local_time.h. Both are small immutable values, safe to share between threads.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace hh {

// A calendar day (proleptic Gregorian), counted in days since 1970-01-01. Which time zone's
// day it is depends on who made it: LocalTime::LocalDay gives the Europe/Brussels day.
class LocalDate {
 public:
  constexpr LocalDate() = default;
  static constexpr LocalDate FromDays(int32_t days_since_epoch) {
    return LocalDate(days_since_epoch);
  }
  // Returns false (and leaves *out alone) when y-m-d is not a real date.
  static bool FromYmd(int y, int m, int d, LocalDate* out);
  // Strict "YYYY-MM-DD".
  static Result<LocalDate> Parse(std::string_view text);

  constexpr int32_t days() const { return days_; }
  int year() const;
  int month() const;        // 1..12
  int day() const;          // 1..31
  int iso_weekday() const;  // 1 = Monday .. 7 = Sunday

  LocalDate AddDays(int32_t n) const { return LocalDate(days_ + n); }
  std::string ToIsoString() const;    // YYYY-MM-DD
  std::string ToDutchString() const;  // dd/mm/jjjj, as the UI and letters show a date
  void AppendIso(std::string& out) const;

  friend constexpr auto operator<=>(LocalDate, LocalDate) = default;

 private:
  constexpr explicit LocalDate(int32_t d) : days_(d) {}
  int32_t days_ = 0;
};

class Instant {
 public:
  constexpr Instant() = default;  // 1970-01-01T00:00:00Z
  // nanos is normalised into [0, 1e9).
  static constexpr Instant FromUnix(int64_t seconds, int64_t nanos = 0) {
    seconds += nanos / 1'000'000'000;
    nanos %= 1'000'000'000;
    if (nanos < 0) {
      nanos += 1'000'000'000;
      seconds -= 1;
    }
    return Instant(seconds, static_cast<int32_t>(nanos));
  }

  // Parses an RFC 3339 section 5.6 date-time: YYYY-MM-DD, 'T' or 't', hh:mm:ss, an optional
  // fraction of any length, and 'Z', 'z' or an offset +hh:mm / -hh:mm. Rejects anything that
  // is not a real instant (30 February, hour 24, minute 60, a missing offset, a space for 'T').
  // Fraction digits past the ninth are accepted and truncated (nanosecond resolution). A leap
  // second (ss = 60) is accepted only where one was inserted (23:59:60 UTC on the dates IERS
  // announced) and is held as 23:59:59.999999999.
  static Result<Instant> Parse(std::string_view text);
  // The same without allocating: on failure returns false and points *why at a static reason.
  static bool TryParse(std::string_view text, Instant* out, const char** why);

  constexpr int64_t unix_seconds() const { return seconds_; }
  constexpr int32_t nanos() const { return nanos_; }

  // The UTC day this instant falls on.
  LocalDate UtcDate() const;
  // "YYYY-MM-DDTHH:MM:SSZ": the fraction is dropped (truncated), as the screening outputs want.
  std::string ToUtcString() const;
  void AppendUtc(std::string& out) const;
  // "YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ" when there is a fraction, else as ToUtcString.
  std::string ToRfc3339() const;

  constexpr Instant PlusSeconds(int64_t s) const { return Instant(seconds_ + s, nanos_); }

  friend constexpr auto operator<=>(const Instant&, const Instant&) = default;

 private:
  constexpr Instant(int64_t s, int32_t n) : seconds_(s), nanos_(n) {}
  int64_t seconds_ = 0;
  int32_t nanos_ = 0;
};

}  // namespace hh
