#include "core/calendar.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

LocalDate D(std::string_view s) { return *LocalDate::Parse(s); }

TEST(Calendar, EasterSundays) {
  EXPECT_EQ(EasterSunday(2024), D("2024-03-31"));
  EXPECT_EQ(EasterSunday(2025), D("2025-04-20"));
  EXPECT_EQ(EasterSunday(2026), D("2026-04-05"));
  EXPECT_EQ(EasterSunday(2027), D("2027-03-28"));
  EXPECT_EQ(EasterSunday(2038), D("2038-04-25"));  // latest possible
  EXPECT_EQ(EasterSunday(2285), D("2285-03-22"));  // earliest possible
}

TEST(Calendar, BelgianHolidays2026) {
  const auto& cal = WorkingDayCalendar::Belgium();
  std::vector<std::string> got;
  for (const Holiday& h : cal.HolidaysIn(2026)) got.push_back(h.date.ToIsoString());
  EXPECT_EQ(got, (std::vector<std::string>{"2026-01-01", "2026-04-06", "2026-05-01", "2026-05-14",
                                           "2026-05-25", "2026-07-21", "2026-08-15", "2026-11-01",
                                           "2026-11-11", "2026-12-25"}));
}

TEST(Calendar, WorkingDays) {
  const auto& cal = WorkingDayCalendar::Belgium();
  EXPECT_TRUE(cal.IsWorkingDay(D("2026-04-03")));   // Friday
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-04-04")));  // Saturday
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-04-06")));  // Easter Monday
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-05-14")));  // Ascension, a Thursday
  EXPECT_TRUE(cal.IsWorkingDay(D("2026-05-15")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-07-21")));                       // national day, a Tuesday
  EXPECT_EQ(cal.NextWorkingDayAfter(D("2026-04-03")), D("2026-04-07"));  // over Easter weekend
  EXPECT_EQ(cal.NextWorkingDayAfter(D("2026-04-02")), D("2026-04-03"));
  EXPECT_EQ(cal.NextWorkingDayAfter(D("2026-12-24")), D("2026-12-28"));  // Christmas Friday
  EXPECT_EQ(cal.NextWorkingDayAfter(D("2026-12-31")), D("2027-01-04"));  // New Year Friday
  EXPECT_EQ(cal.NextWorkingDayAfter(D("2026-05-13")), D("2026-05-15"));
  // Third working day after a Thursday posting, over a weekend and Easter Monday.
  EXPECT_EQ(cal.AddWorkingDays(D("2026-04-02"), 3), D("2026-04-08"));
  EXPECT_EQ(cal.AddWorkingDays(D("2026-04-02"), 0), D("2026-04-02"));
}

}  // namespace
}  // namespace hh
