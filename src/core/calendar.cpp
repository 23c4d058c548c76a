#include "core/calendar.h"

#include <algorithm>
#include <array>

namespace hh {
namespace {

// A holiday is either a fixed month/day or a number of days after Easter Sunday.
struct HolidayRule {
  int month;  // 0 for an Easter-relative rule
  int day;    // day of month, or days after Easter Sunday
  std::string_view name_nl;
};

// Belgian legal public holidays. Source: Wet van 4 januari 1974 betreffende de feestdagen,
// art. 1, and KB van 18 april 1974 (the ten days on which work is forbidden). The same list is
// given in shared/anpr/SCREENING.md rule 7. Valid from 1974; no change since.
constexpr std::array<HolidayRule, 10> kBelgianHolidays = {{
    {1, 1, "Nieuwjaar"},
    {0, 1, "Paasmaandag"},
    {5, 1, "Feest van de Arbeid"},
    {0, 39, "Onze-Lieve-Heer-Hemelvaart"},
    {0, 50, "Pinkstermaandag"},
    {7, 21, "Nationale feestdag"},
    {8, 15, "Onze-Lieve-Vrouw-Hemelvaart"},
    {11, 1, "Allerheiligen"},
    {11, 11, "Wapenstilstand"},
    {12, 25, "Kerstmis"},
}};

}  // namespace

LocalDate EasterSunday(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  LocalDate out;
  LocalDate::FromYmd(y, month, day, &out);
  return out;
}

const WorkingDayCalendar& WorkingDayCalendar::Belgium() {
  static const WorkingDayCalendar kCalendar;
  return kCalendar;
}

std::vector<Holiday> WorkingDayCalendar::HolidaysIn(int year) const {
  std::vector<Holiday> out;
  LocalDate easter = EasterSunday(year);
  for (const HolidayRule& r : kBelgianHolidays) {
    LocalDate d;
    if (r.month == 0) {
      d = easter.AddDays(r.day);
    } else {
      LocalDate::FromYmd(year, r.month, r.day, &d);
    }
    out.push_back({d, r.name_nl});
  }
  std::sort(out.begin(), out.end(),
            [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return out;
}

bool WorkingDayCalendar::IsHoliday(LocalDate d) const {
  int y = d.year();
  for (const HolidayRule& r : kBelgianHolidays) {
    if (r.month == 0) {
      if (EasterSunday(y).AddDays(r.day) == d) return true;
    } else if (d.month() == r.month && d.day() == r.day) {
      return true;
    }
  }
  return false;
}

bool WorkingDayCalendar::IsWorkingDay(LocalDate d) const {
  return d.iso_weekday() <= 5 && !IsHoliday(d);
}

LocalDate WorkingDayCalendar::NextWorkingDayAfter(LocalDate d) const {
  return OnOrNextWorkingDay(d.AddDays(1));
}

LocalDate WorkingDayCalendar::OnOrNextWorkingDay(LocalDate d) const {
  while (!IsWorkingDay(d)) d = d.AddDays(1);
  return d;
}

LocalDate WorkingDayCalendar::AddWorkingDays(LocalDate d, int n) const {
  for (int i = 0; i < n; ++i) d = NextWorkingDayAfter(d);
  return d;
}

}  // namespace hh
