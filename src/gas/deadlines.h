// GAS deadlines as pure functions over calendar days and the Belgian working-day calendar
// (core/calendar.h). The periods are constants in deadlines.cpp, each citing its rule; what the
// sources leave open is a GasSettings field. No clock is read here: the caller passes the dates.
// Every function is pure and thread-safe (LocalTime is passed in; give each thread its own).
//
// How a period is counted (Gerechtelijk Wetboek art. 52-54, the general rule for procedural
// terms, applied to every GAS period):
//  - art. 52: the day of the act or event that starts the term is not counted; the term runs
//    from midnight to midnight and includes its last day ("de vervaldag"). A term of N days
//    from day E therefore ends on E + N.
//  - art. 54: a term of months runs "van de zoveelste tot de dag voor de zoveelste": it starts
//    the day after the event, S = E + 1, and ends the day before the same day-of-month N months
//    later. When that month has no such day (S = 31 January, 1 month), it ends on the last day
//    of that month. So 15 Jan + 1 month = 15 Feb; 31 Jan + 1 month = 28 Feb (29 in a leap
//    year); 30 Jan + 1 month = 28 Feb; and an event on the last day of a month ends on the last
//    day of the target month (28 Feb 2026 + 1 month = 31 Mar; 30 Apr + 1 month = 31 May).
//  - art. 52 second paragraph and art. 53: when the last day is a Saturday, Sunday or legal
//    holiday it moves to the next working day. GAS.md is silent on this for every GAS term, so
//    it is a setting (GasSettings::citizen_deadline_weekend_rule, default: shift;
//    GasSettings::decision_limit_weekend_rule, default: no shift).
// A term ends at the end of its last local day: an act is in time when it happens before
// DeadlineEnd (midnight at the start of the next day, Europe/Brussels).
#pragma once

#include <string_view>
#include <vector>

#include "core/instant.h"
#include "core/local_time.h"
#include "gas/settings.h"

namespace hh {

struct Deadline {
  LocalDate nominal_last_day;  // the last day as counted, before any weekend/holiday shift
  LocalDate last_day;          // the last day on which the act is in time
  bool shifted() const { return last_day != nominal_last_day; }
  // In time when done on or before the last day (a date in Europe/Brussels).
  bool InTime(LocalDate act) const { return act <= last_day; }
};

// The general counting rules above, for any term. `days` and `months` are >= 0.
Deadline TermOfDays(LocalDate event, int days, WeekendRule rule);
Deadline TermOfMonths(LocalDate event, int months, WeekendRule rule);

// The first instant after the deadline: 00:00 Europe/Brussels on the day after last_day (a
// wall time that always exists, as the clock changes at 02:00/03:00). An act at instant t is in
// time when t < DeadlineEnd.
Instant DeadlineEnd(const Deadline& deadline, const LocalTime& brussels);

// The day a letter posted on `posted` is deemed notified: the Nth working day after posting,
// the posting day not counted (GasSettings::deemed_notification_working_days, default 3,
// [UNVERIFIED], the Ger.W. art. 53bis logic; GAS.md 1.4.8 and 6.2). Always a working day.
// Posted Thursday 2 April 2026 -> Wednesday 8 April 2026 (Easter Monday 6 April skipped). A
// proven actual notification date, when the case has one, replaces this.
LocalDate DeemedNotification(LocalDate posted, const GasSettings& settings);

// OVERLAST: the written defence within 15 days of the notification of the registered letter
// starting the procedure (GAS.md 1.4.2, 6.2).
Deadline OverlastDefenceDeadline(LocalDate notified, const GasSettings& settings);

// Traffic GAS (GAS-4, C3/F103): pay, or send a defence, within 30 days of the invitation
// (GAS.md 2.2.2-3, 6.3). `notified` is the invitation's notification day.
Deadline TrafficPaymentDeadline(LocalDate notified, const GasSettings& settings);

// Traffic GAS: after the defence is rejected, a new invitation to pay within 30 days of its
// notification (GAS.md 2.2.4, 6.3).
Deadline TrafficNewInvitationDeadline(LocalDate notified, const GasSettings& settings);

// Traffic GAS: the reminder gives another 30 days from its notification (GAS.md 2.2.5, 6.3).
Deadline TrafficReminderDeadline(LocalDate notified, const GasSettings& settings);

// A company holder names the driver within 15 days "te rekenen vanaf de datum waarop de vraag
// om inlichtingen ... werd verstuurd" (Wegverkeerswet art. 67ter second paragraph; GAS.md 2.3,
// 6.3): counted from the day the request is sent, not from its notification.
Deadline DriverIdentificationDeadline(LocalDate request_sent, const GasSettings& settings);

// Appeal to the politierechtbank (minors: jeugdrechtbank) within 1 month of the notification of
// the decision (GAS.md 1.4.7, 6.2).
Deadline AppealDeadline(LocalDate decision_notified, const GasSettings& settings);

// OVERLAST: the fine is payable within GasSettings::overlast_payment_months (default 1) of the
// notification of the decision (GAS.md 1.4.8, 6.2; municipal practice).
Deadline OverlastPaymentDeadline(LocalDate decision_notified, const GasSettings& settings);

// Where a running OVERLAST case stands against its 6-month decision limit.
enum class DecisionLimitStage {
  kRunning,      // before the 4-month alarm
  kFirstAlarm,   // from 4 months after the start
  kSecondAlarm,  // from 5 months after the start
  kExpired,      // after the last day: the case can only expire
};

struct DecisionLimit {
  LocalDate start;         // the event the limit counts from (see GasSettings)
  LocalDate first_alarm;   // start + 4 months (art. 54 counting, never shifted)
  LocalDate second_alarm;  // start + 5 months
  Deadline limit;          // start + 6 months: the decision must be taken and sent by then
  DecisionLimitStage StageOn(LocalDate today) const;
};

// OVERLAST hard stop: the decision is taken and sent within 6 months (GAS.md 1.4.6, 6.2), with
// alarms at 4 and 5 months (GAS.md 6.2). Counted from `facts` or from `received` (the day the
// finding reached the sanctioning officer) as GasSettings::decision_limit_start says (default
// the date of the facts, the conservative reading). The last day moves off a weekend/holiday
// only if GasSettings::decision_limit_weekend_rule says so (default: it does not).
// Facts 2026-01-31 -> alarms 2026-05-31 and 2026-06-30, last day 2026-07-31.
DecisionLimit OverlastDecisionLimit(LocalDate facts, LocalDate received,
                                    const GasSettings& settings);

// The fixed periods of this file as data, for the settings screen (read-only): a name
// ("overlast_defence", ...), the length in days or months, and the rule it cites.
struct LawPeriod {
  std::string_view name;
  int days = 0;    // a term of days, or
  int months = 0;  // a term of months
  std::string_view source;
};
std::vector<LawPeriod> LawPeriods();

}  // namespace hh
