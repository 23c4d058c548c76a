// Calendar arithmetic the GAS rules need and core/instant.h does not offer yet: a LocalDate
// built at compile time (so the law tables can be constexpr), the length of a month, and the
// same day n months later with the end-of-month clamp. Pure functions on values; thread-safe.
#pragma once

#include <cstdint>

#include "core/instant.h"

namespace hh {

inline constexpr int kMonthsPerYear = 12;

constexpr bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Days in month m (1..12) of year y (proleptic Gregorian).
constexpr int DaysInMonth(int y, int m) {
  constexpr int kDays[kMonthsPerYear] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && IsLeapYear(y)) ? kDays[1] + 1 : kDays[m - 1];
}

// The LocalDate of y-m-d, usable in constant expressions. The caller passes a real date (the
// tables do); for run-time input use LocalDate::FromYmd or LocalDate::Parse, which check it.
// Algorithm: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil; the
// constants below are that algorithm's (a 400-year era has 146097 days; 719468 days separate
// 0000-03-01 from 1970-01-01).
constexpr LocalDate CivilDate(int y, int m, int d) {
  constexpr int kDaysPerEra = 146097;
  constexpr int kYearsPerEra = 400;
  constexpr int kEpochShift = 719468;
  const int ys = m <= 2 ? y - 1 : y;
  const int era = (ys >= 0 ? ys : ys - (kYearsPerEra - 1)) / kYearsPerEra;
  const int yoe = ys - era * kYearsPerEra;                          // [0, 399]
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return LocalDate::FromDays(static_cast<int32_t>(era * kDaysPerEra + doe - kEpochShift));
}

// The day with the same day-of-month `months` calendar months after (or, when negative,
// before) d; when the target month is shorter, its last day (2026-01-31 + 1 = 2026-02-28,
// 2028-01-31 + 1 = 2028-02-29, 2028-02-29 - 24 = 2026-02-28).
inline LocalDate ShiftMonthsClamped(LocalDate d, int months) {
  const int index = d.year() * kMonthsPerYear + (d.month() - 1) + months;
  // Floor division so that a negative shift across January lands in the previous year.
  const int y =
      index >= 0 ? index / kMonthsPerYear : -((-index + kMonthsPerYear - 1) / kMonthsPerYear);
  const int m = index - y * kMonthsPerYear + 1;
  const int last = DaysInMonth(y, m);
  return CivilDate(y, m, d.day() <= last ? d.day() : last);
}

}  // namespace hh
