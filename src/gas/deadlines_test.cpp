#include "gas/deadlines.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

LocalDate D(std::string_view s) { return *LocalDate::Parse(s); }

constexpr WeekendRule kShift = WeekendRule::kShiftToNextWorkingDay;
constexpr WeekendRule kNoShift = WeekendRule::kNoShift;

TEST(TermOfMonths, MonthEndsAndLeapYears) {
  // Ger.W. art. 54: 15 Jan + 1 month ends 15 Feb.
  EXPECT_EQ(TermOfMonths(D("2026-01-15"), 1, kNoShift).last_day, D("2026-02-15"));
  // 31 January + 1 month: the last day of February, 28 or 29.
  EXPECT_EQ(TermOfMonths(D("2026-01-31"), 1, kNoShift).last_day, D("2026-02-28"));
  EXPECT_EQ(TermOfMonths(D("2028-01-31"), 1, kNoShift).last_day, D("2028-02-29"));
  EXPECT_EQ(TermOfMonths(D("2026-01-30"), 1, kNoShift).last_day, D("2026-02-28"));
  EXPECT_EQ(TermOfMonths(D("2026-01-29"), 1, kNoShift).last_day, D("2026-02-28"));
  EXPECT_EQ(TermOfMonths(D("2028-01-29"), 1, kNoShift).last_day, D("2028-02-29"));
  EXPECT_EQ(TermOfMonths(D("2026-01-27"), 1, kNoShift).last_day, D("2026-02-27"));
  // An event on a month's last day: the term starts on the 1st and ends on a month's last day.
  EXPECT_EQ(TermOfMonths(D("2026-02-28"), 1, kNoShift).last_day, D("2026-03-31"));
  EXPECT_EQ(TermOfMonths(D("2028-02-29"), 1, kNoShift).last_day, D("2028-03-31"));
  EXPECT_EQ(TermOfMonths(D("2028-02-28"), 1, kNoShift).last_day, D("2028-03-28"));
  EXPECT_EQ(TermOfMonths(D("2026-04-30"), 1, kNoShift).last_day, D("2026-05-31"));
  EXPECT_EQ(TermOfMonths(D("2026-03-31"), 1, kNoShift).last_day, D("2026-04-30"));
  // Across a year end.
  EXPECT_EQ(TermOfMonths(D("2026-12-31"), 1, kNoShift).last_day, D("2027-01-31"));
  EXPECT_EQ(TermOfMonths(D("2026-11-30"), 1, kNoShift).last_day, D("2026-12-31"));
  EXPECT_EQ(TermOfMonths(D("2026-08-31"), 6, kNoShift).last_day, D("2027-02-28"));
  EXPECT_EQ(TermOfMonths(D("2027-08-31"), 6, kNoShift).last_day, D("2028-02-29"));
  EXPECT_EQ(TermOfMonths(D("2026-04-07"), 0, kNoShift).last_day, D("2026-04-07"));
}

TEST(TermOfDays, DayOfTheEventIsNotCounted) {
  Deadline d = TermOfDays(D("2026-04-08"), 15, kShift);
  EXPECT_EQ(d.last_day, D("2026-04-23"));  // a Thursday
  EXPECT_FALSE(d.shifted());
  EXPECT_TRUE(d.InTime(D("2026-04-23")));
  EXPECT_FALSE(d.InTime(D("2026-04-24")));
}

TEST(TermOfDays, WeekendAndHolidayShift) {
  // Saturday 28 February 2026 -> Monday 2 March.
  Deadline d = TermOfMonths(D("2026-01-31"), 1, kShift);
  EXPECT_EQ(d.nominal_last_day, D("2026-02-28"));
  EXPECT_EQ(d.last_day, D("2026-03-02"));
  EXPECT_TRUE(d.shifted());
  // Sunday 15 February 2026 -> Monday 16 February.
  EXPECT_EQ(TermOfMonths(D("2026-01-15"), 1, kShift).last_day, D("2026-02-16"));
  // Without the shift the nominal day stands.
  d = TermOfMonths(D("2026-01-31"), 1, kNoShift);
  EXPECT_EQ(d.last_day, D("2026-02-28"));
  EXPECT_FALSE(d.shifted());
}

TEST(Deadlines, DeemedNotificationThirdWorkingDayOverEaster) {
  GasSettings s;
  // Posted Thursday 2 April 2026: Fri 3 (1), [Sat, Sun, Easter Monday 6], Tue 7 (2), Wed 8 (3).
  EXPECT_EQ(DeemedNotification(D("2026-04-02"), s), D("2026-04-08"));
  // Posted Friday 3 April: Tue 7, Wed 8, Thu 9.
  EXPECT_EQ(DeemedNotification(D("2026-04-03"), s), D("2026-04-09"));
  // Posted Monday 30 March: Tue 31, Wed 1, Thu 2 (no holiday in between).
  EXPECT_EQ(DeemedNotification(D("2026-03-30"), s), D("2026-04-02"));
  // Posted Wednesday 23 December 2026: Thu 24, [Christmas Fri 25, weekend], Mon 28, Tue 29.
  EXPECT_EQ(DeemedNotification(D("2026-12-23"), s), D("2026-12-29"));
  s.deemed_notification_working_days = 1;
  EXPECT_EQ(DeemedNotification(D("2026-04-03"), s), D("2026-04-07"));
  // The defence then runs 15 days from that notification.
  EXPECT_EQ(OverlastDefenceDeadline(DeemedNotification(D("2026-04-02"), GasSettings{}), s).last_day,
            D("2026-04-23"));
}

TEST(Deadlines, OverlastDefenceAcrossEasterWeekend) {
  GasSettings s;
  // Notified Friday 20 March 2026 + 15 = Saturday 4 April; Sunday 5 and Easter Monday 6 April
  // are no working days either: Tuesday 7 April.
  Deadline d = OverlastDefenceDeadline(D("2026-03-20"), s);
  EXPECT_EQ(d.nominal_last_day, D("2026-04-04"));
  EXPECT_EQ(d.last_day, D("2026-04-07"));
  s.citizen_deadline_weekend_rule = WeekendRule::kNoShift;
  EXPECT_EQ(OverlastDefenceDeadline(D("2026-03-20"), s).last_day, D("2026-04-04"));
}

TEST(Deadlines, TrafficThirtyDaysLandingOnEasterSunday) {
  GasSettings s;
  // Notified Friday 6 March 2026 + 30 = Easter Sunday 5 April -> Tuesday 7 April.
  EXPECT_EQ(TrafficPaymentDeadline(D("2026-03-06"), s).last_day, D("2026-04-07"));
  EXPECT_EQ(TrafficReminderDeadline(D("2026-03-06"), s).last_day, D("2026-04-07"));
  EXPECT_EQ(TrafficNewInvitationDeadline(D("2026-03-06"), s).last_day, D("2026-04-07"));
  // Notified Thursday 5 March + 30 = Saturday 4 April -> Tuesday 7 April too.
  EXPECT_EQ(TrafficPaymentDeadline(D("2026-03-05"), s).last_day, D("2026-04-07"));
  // Notified Wednesday 4 March + 30 = Friday 3 April: no shift.
  Deadline d = TrafficPaymentDeadline(D("2026-03-04"), s);
  EXPECT_EQ(d.last_day, D("2026-04-03"));
  EXPECT_FALSE(d.shifted());
}

TEST(Deadlines, ChristmasAndNewYear) {
  GasSettings s;
  // Notified Thursday 10 December 2026 + 15 = Christmas, Friday 25 -> Monday 28 December.
  EXPECT_EQ(OverlastDefenceDeadline(D("2026-12-10"), s).last_day, D("2026-12-28"));
  // Notified Wednesday 2 December + 30 = New Year, Friday 1 January 2027 -> Monday 4 January.
  EXPECT_EQ(TrafficPaymentDeadline(D("2026-12-02"), s).last_day, D("2027-01-04"));
  // Appeal: decision notified 1 December 2026 -> 1 January 2027 (holiday) -> 4 January.
  EXPECT_EQ(AppealDeadline(D("2026-12-01"), s).last_day, D("2027-01-04"));
}

TEST(Deadlines, DriverIdentificationCountsFromSending) {
  GasSettings s;
  // Sent Thursday 10 December 2026 + 15 = Christmas -> Monday 28 December.
  EXPECT_EQ(DriverIdentificationDeadline(D("2026-12-10"), s).last_day, D("2026-12-28"));
  // Sent Wednesday 8 April 2026 + 15 = Thursday 23 April.
  EXPECT_EQ(DriverIdentificationDeadline(D("2026-04-08"), s).last_day, D("2026-04-23"));
}

TEST(Deadlines, AppealAndPaymentOneMonth) {
  GasSettings s;
  // Notified Friday 30 January 2026: 1 month ends Saturday 28 February -> Monday 2 March.
  EXPECT_EQ(AppealDeadline(D("2026-01-30"), s).last_day, D("2026-03-02"));
  // Notified Thursday 30 April 2026: ends Sunday 31 May -> Monday 1 June.
  Deadline d = AppealDeadline(D("2026-04-30"), s);
  EXPECT_EQ(d.nominal_last_day, D("2026-05-31"));
  EXPECT_EQ(d.last_day, D("2026-06-01"));
  // Notified 2 March 2026: ends Thursday 2 April (before Easter; no shift).
  EXPECT_EQ(AppealDeadline(D("2026-03-02"), s).last_day, D("2026-04-02"));
  // Notified 6 March 2026 -> Monday 6 April is Easter Monday -> Tuesday 7 April.
  EXPECT_EQ(AppealDeadline(D("2026-03-06"), s).last_day, D("2026-04-07"));
  EXPECT_EQ(OverlastPaymentDeadline(D("2026-03-06"), s).last_day, D("2026-04-07"));
  s.overlast_payment_months = 2;
  EXPECT_EQ(OverlastPaymentDeadline(D("2026-03-06"), s).last_day, D("2026-05-06"));
}

TEST(DecisionLimit, SixMonthsFromTheFactsWithAlarms) {
  GasSettings s;
  DecisionLimit l = OverlastDecisionLimit(D("2026-01-31"), D("2026-02-20"), s);
  EXPECT_EQ(l.start, D("2026-01-31"));
  EXPECT_EQ(l.first_alarm, D("2026-05-31"));
  EXPECT_EQ(l.second_alarm, D("2026-06-30"));
  EXPECT_EQ(l.limit.last_day, D("2026-07-31"));
  EXPECT_EQ(l.StageOn(D("2026-02-01")), DecisionLimitStage::kRunning);
  EXPECT_EQ(l.StageOn(D("2026-05-30")), DecisionLimitStage::kRunning);
  EXPECT_EQ(l.StageOn(D("2026-05-31")), DecisionLimitStage::kFirstAlarm);
  EXPECT_EQ(l.StageOn(D("2026-06-29")), DecisionLimitStage::kFirstAlarm);
  EXPECT_EQ(l.StageOn(D("2026-06-30")), DecisionLimitStage::kSecondAlarm);
  EXPECT_EQ(l.StageOn(D("2026-07-31")), DecisionLimitStage::kSecondAlarm);
  EXPECT_EQ(l.StageOn(D("2026-08-01")), DecisionLimitStage::kExpired);

  l = OverlastDecisionLimit(D("2026-01-15"), D("2026-01-20"), s);
  EXPECT_EQ(l.first_alarm, D("2026-05-15"));
  EXPECT_EQ(l.second_alarm, D("2026-06-15"));
  EXPECT_EQ(l.limit.last_day, D("2026-07-15"));
}

TEST(DecisionLimit, NeverShiftedByDefault) {
  GasSettings s;
  // Facts 31 August 2026: the limit ends Sunday 28 February 2027 and stays there.
  DecisionLimit l = OverlastDecisionLimit(D("2026-08-31"), D("2026-09-02"), s);
  EXPECT_EQ(l.limit.last_day, D("2027-02-28"));
  EXPECT_EQ(l.StageOn(D("2027-03-01")), DecisionLimitStage::kExpired);
  // Leap year: facts 31 August 2027 -> 29 February 2028 (a Tuesday).
  EXPECT_EQ(OverlastDecisionLimit(D("2027-08-31"), D("2027-08-31"), s).limit.last_day,
            D("2028-02-29"));
  s.decision_limit_weekend_rule = WeekendRule::kShiftToNextWorkingDay;
  l = OverlastDecisionLimit(D("2026-08-31"), D("2026-09-02"), s);
  EXPECT_EQ(l.limit.nominal_last_day, D("2027-02-28"));
  EXPECT_EQ(l.limit.last_day, D("2027-03-01"));
  EXPECT_EQ(l.StageOn(D("2027-03-01")), DecisionLimitStage::kSecondAlarm);
}

TEST(DecisionLimit, FromReceiptWhenTheSettingSaysSo) {
  GasSettings s;
  s.decision_limit_start = DecisionLimitStart::kDateOfReceipt;
  DecisionLimit l = OverlastDecisionLimit(D("2026-01-31"), D("2026-02-20"), s);
  EXPECT_EQ(l.start, D("2026-02-20"));
  EXPECT_EQ(l.first_alarm, D("2026-06-20"));
  EXPECT_EQ(l.limit.last_day, D("2026-08-20"));
}

TEST(DeadlineEnd, MidnightBrusselsAcrossClockChanges) {
  const LocalTime brussels = LocalTime::Brussels();
  auto end = [&](std::string_view day) {
    return DeadlineEnd(TermOfDays(D(day), 0, kNoShift), brussels).ToUtcString();
  };
  EXPECT_EQ(end("2026-01-15"), "2026-01-15T23:00:00Z");  // CET
  EXPECT_EQ(end("2026-03-28"), "2026-03-28T23:00:00Z");  // before the spring change
  EXPECT_EQ(end("2026-03-29"), "2026-03-29T22:00:00Z");  // the day of the change: CEST after
  EXPECT_EQ(end("2026-10-24"), "2026-10-24T22:00:00Z");  // CEST
  EXPECT_EQ(end("2026-10-25"), "2026-10-25T23:00:00Z");  // the day of the autumn change
  // The shifted defence deadline over Easter ends at midnight starting 8 April (CEST).
  EXPECT_EQ(
      DeadlineEnd(OverlastDefenceDeadline(D("2026-03-20"), GasSettings{}), brussels).ToUtcString(),
      "2026-04-07T22:00:00Z");
}

}  // namespace
}  // namespace hh
