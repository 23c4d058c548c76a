#include "gas/deadlines.h"

#include <cassert>

#include "core/calendar.h"
#include "gas/civil_date.h"

namespace hh {
namespace {

// GAS.md 1.4.2 and 6.2 (desdalex.be, politie.be): written defence "within 15 days".
constexpr int kOverlastDefenceDays = 15;
// GAS.md 2.2.2-3 and 6.3 (turnhout.be, diepenbeek.be): pay, or defend, within 30 days.
constexpr int kTrafficPaymentDays = 30;
// GAS.md 2.2.4 and 6.3: a rejected defence brings a new 30-day invitation to pay.
constexpr int kTrafficNewInvitationDays = 30;
// GAS.md 2.2.5 and 6.3: the reminder gives another 30 days.
constexpr int kTrafficReminderDays = 30;
// Wegverkeerswet art. 67ter (GAS.md 2.3): the driver's identity within 15 days of sending.
constexpr int kDriverIdentificationDays = 15;
// GAS.md 1.4.7 and 6.2 (hooglede.be, maaseik.be): appeal within 1 month of notification.
constexpr int kAppealMonths = 1;
// GAS.md 1.4.6 and 6.2 (knokke-heist.be, maaseik.be, politie.be): decision within 6 months.
constexpr int kDecisionLimitMonths = 6;
// GAS.md 6.2: "alert at 4 and 5 months".
constexpr int kDecisionFirstAlarmMonths = 4;
constexpr int kDecisionSecondAlarmMonths = 5;

// Ger.W. art. 54 (see deadlines.h): from S = event + 1 to the day before S's day-of-month
// `months` later; the last day of that month when it has no such day.
LocalDate LastDayOfMonthsTerm(LocalDate event, int months) {
  const LocalDate start = event.AddDays(1);
  // The first day of the month `months` after S's month, to find its length.
  const LocalDate target_month =
      ShiftMonthsClamped(CivilDate(start.year(), start.month(), 1), months);
  const int length = DaysInMonth(target_month.year(), target_month.month());
  if (start.day() > length) return target_month.AddDays(length - 1);
  return target_month.AddDays(start.day() - 1).AddDays(-1);
}

Deadline Apply(LocalDate nominal, WeekendRule rule) {
  if (rule == WeekendRule::kNoShift) return {nominal, nominal};
  return {nominal, WorkingDayCalendar::Belgium().OnOrNextWorkingDay(nominal)};
}

}  // namespace

Deadline TermOfDays(LocalDate event, int days, WeekendRule rule) {
  assert(days >= 0);
  return Apply(event.AddDays(days), rule);
}

Deadline TermOfMonths(LocalDate event, int months, WeekendRule rule) {
  assert(months >= 0);
  return Apply(months == 0 ? event : LastDayOfMonthsTerm(event, months), rule);
}

Instant DeadlineEnd(const Deadline& deadline, const LocalTime& brussels) {
  return brussels.FromLocal(deadline.last_day.AddDays(1), 0);
}

LocalDate DeemedNotification(LocalDate posted, const GasSettings& settings) {
  return WorkingDayCalendar::Belgium().AddWorkingDays(posted,
                                                      settings.deemed_notification_working_days);
}

Deadline OverlastDefenceDeadline(LocalDate notified, const GasSettings& settings) {
  return TermOfDays(notified, kOverlastDefenceDays, settings.citizen_deadline_weekend_rule);
}

Deadline TrafficPaymentDeadline(LocalDate notified, const GasSettings& settings) {
  return TermOfDays(notified, kTrafficPaymentDays, settings.citizen_deadline_weekend_rule);
}

Deadline TrafficNewInvitationDeadline(LocalDate notified, const GasSettings& settings) {
  return TermOfDays(notified, kTrafficNewInvitationDays, settings.citizen_deadline_weekend_rule);
}

Deadline TrafficReminderDeadline(LocalDate notified, const GasSettings& settings) {
  return TermOfDays(notified, kTrafficReminderDays, settings.citizen_deadline_weekend_rule);
}

Deadline DriverIdentificationDeadline(LocalDate request_sent, const GasSettings& settings) {
  return TermOfDays(request_sent, kDriverIdentificationDays,
                    settings.citizen_deadline_weekend_rule);
}

Deadline AppealDeadline(LocalDate decision_notified, const GasSettings& settings) {
  return TermOfMonths(decision_notified, kAppealMonths, settings.citizen_deadline_weekend_rule);
}

Deadline OverlastPaymentDeadline(LocalDate decision_notified, const GasSettings& settings) {
  return TermOfMonths(decision_notified, settings.overlast_payment_months,
                      settings.citizen_deadline_weekend_rule);
}

DecisionLimitStage DecisionLimit::StageOn(LocalDate today) const {
  if (today > limit.last_day) return DecisionLimitStage::kExpired;
  if (today >= second_alarm) return DecisionLimitStage::kSecondAlarm;
  if (today >= first_alarm) return DecisionLimitStage::kFirstAlarm;
  return DecisionLimitStage::kRunning;
}

DecisionLimit OverlastDecisionLimit(LocalDate facts, LocalDate received,
                                    const GasSettings& settings) {
  const LocalDate start =
      settings.decision_limit_start == DecisionLimitStart::kDateOfReceipt ? received : facts;
  return DecisionLimit{
      start,
      LastDayOfMonthsTerm(start, kDecisionFirstAlarmMonths),
      LastDayOfMonthsTerm(start, kDecisionSecondAlarmMonths),
      TermOfMonths(start, kDecisionLimitMonths, settings.decision_limit_weekend_rule),
  };
}

std::vector<LawPeriod> LawPeriods() {
  return {
      {"overlast_defence", kOverlastDefenceDays, 0, "GAS.md 1.4.2, 6.2"},
      {"traffic_payment", kTrafficPaymentDays, 0, "GAS.md 2.2.2-3, 6.3"},
      {"traffic_new_invitation", kTrafficNewInvitationDays, 0, "GAS.md 2.2.4, 6.3"},
      {"traffic_reminder", kTrafficReminderDays, 0, "GAS.md 2.2.5, 6.3"},
      {"driver_identification", kDriverIdentificationDays, 0, "Wegverkeerswet art. 67ter"},
      {"appeal", 0, kAppealMonths, "GAS.md 1.4.7, 6.2"},
      {"decision_limit", 0, kDecisionLimitMonths, "GAS.md 1.4.6, 6.2"},
      {"decision_first_alarm", 0, kDecisionFirstAlarmMonths, "GAS.md 6.2"},
      {"decision_second_alarm", 0, kDecisionSecondAlarmMonths, "GAS.md 6.2"},
  };
}

}  // namespace hh
