// The Belgian working-day calendar: Monday to Friday except the ten legal public holidays.
// The holidays are data (kBelgianHolidays in calendar.cpp, with their legal source); Easter is
// computed. A WorkingDayCalendar is immutable after construction and safe to share.
#pragma once

#include <string_view>
#include <vector>

#include "core/instant.h"

namespace hh {

// Gregorian Easter Sunday of year y (the anonymous Gregorian / Meeus-Jones-Butcher computation).
LocalDate EasterSunday(int year);

struct Holiday {
  LocalDate date;
  std::string_view name_nl;
};

class WorkingDayCalendar {
 public:
  // The Belgian legal public holidays (see calendar.cpp for the source).
  static const WorkingDayCalendar& Belgium();

  // All public holidays of a year, in date order.
  std::vector<Holiday> HolidaysIn(int year) const;
  bool IsHoliday(LocalDate d) const;
  bool IsWorkingDay(LocalDate d) const;
  // The first working day strictly after d.
  LocalDate NextWorkingDayAfter(LocalDate d) const;
  // The n-th working day after d, d itself not counted (n >= 1); d itself for n = 0.
  // "Deemed received on the third working day after posting" is AddWorkingDays(posted, 3).
  LocalDate AddWorkingDays(LocalDate d, int n) const;
  // If d is not a working day, the next working day; else d.
  LocalDate OnOrNextWorkingDay(LocalDate d) const;
};

}  // namespace hh
