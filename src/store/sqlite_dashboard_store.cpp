#include "store/sqlite_dashboard_store.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/sql_queries.h"  // generated from sql/queries/*.sql

namespace hh {
namespace {

Result<LocalDate> DayAt(const Statement& s, int col, const char* name) {
  auto d = LocalDate::Parse(s.ColumnText(col));
  if (!d.ok()) return Internal(std::string("store: column ") + name + " holds a bad day");
  return *d;
}

// A stored day that may be NULL; nullopt for NULL (a bad day is Internal).
Result<std::optional<LocalDate>> OptDayAt(const Statement& s, int col, const char* name) {
  if (s.Type(col) == ColumnType::kNull) return std::optional<LocalDate>();
  auto d = DayAt(s, col, name);
  if (!d.ok()) return d.status();
  return std::optional<LocalDate>(*d);
}

bool InRange(const std::optional<LocalDate>& d, LocalDate from, LocalDate to) {
  return d && from <= *d && *d <= to;
}

// The states in which the citizen's defence period runs (gas/procedure.h): traffic invited or
// reinvited (pay or defend within 30 days), OVERLAST procedure started (defence within 15 days).
bool DefencePeriod(CaseState s) {
  return s == CaseState::kInvited || s == CaseState::kReinvited ||
         s == CaseState::kProcedureStarted;
}

}  // namespace

Result<CachedStatement> SqliteDashboardStore::Stmt(std::string_view sql) { return cache_.Get(sql); }

Result<DashboardFigures> SqliteDashboardStore::Figures(LocalDate today, Instant day_start,
                                                       Instant day_end) {
  DashboardFigures f;
  {
    auto s = Stmt(sql::kDashboardIntake);
    if (!s.ok()) return s.status();
    Statement* st = *s;
    st->BindText(1, day_start.ToUtcString());
    st->BindText(2, day_end.ToUtcString());
    for (;;) {
      auto row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      auto track = ParseTrack(st->ColumnText(0));
      if (!track.ok()) return Internal("store: a case has an unknown track");
      f.opened_today[static_cast<int>(*track)] = st->ColumnInt64(1);
    }
  }
  for (auto [sql, out] : {std::pair{sql::kDashboardReviewWaiting, &f.review_waiting},
                          std::pair{sql::kDashboardUnmatchedPayments, &f.payments_to_match}}) {
    auto s = Stmt(sql);
    if (!s.ok()) return s.status();
    auto row = (*s)->Step();
    if (!row.ok()) return row.status();
    *out = *row ? (*s)->ColumnInt64(0) : 0;
  }
  {
    const LocalDate limit_to = today.AddDays(kDecisionLimitHorizonDays);
    const LocalDate defence_to = today.AddDays(kDefenceHorizonDays);
    auto s = Stmt(sql::kDashboardDueSoon);
    if (!s.ok()) return s.status();
    Statement* st = *s;
    st->BindText(1, today.ToIsoString());
    st->BindText(2, limit_to.ToIsoString());
    for (;;) {
      auto row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      auto track = ParseTrack(st->ColumnText(0));
      auto state = ParseCaseState(st->ColumnText(1));
      if (!track.ok() || !state.ok()) {
        return Internal("store: a case has an unknown track or state");
      }
      auto limit = OptDayAt(*st, 2, "cases.limit_day");
      if (!limit.ok()) return limit.status();
      auto deadline = OptDayAt(*st, 3, "cases.state_deadline");
      if (!deadline.ok()) return deadline.status();
      if (BeforeDecision(*track, *state) && InRange(*limit, today, limit_to)) {
        ++f.decision_limit_soon;
      }
      if (DefencePeriod(*state) && InRange(*deadline, today, defence_to)) {
        ++f.defence_ending_soon;
      }
    }
  }
  return f;
}

Result<std::vector<ZoneDayCount>> SqliteDashboardStore::ViolationsPerDay(LocalDate from,
                                                                         LocalDate to) {
  auto s = Stmt(sql::kDashboardViolations);
  if (!s.ok()) return s.status();
  Statement* st = *s;
  st->BindText(1, from.ToIsoString());
  st->BindText(2, to.ToIsoString());
  std::vector<ZoneDayCount> out;
  for (;;) {
    auto row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    auto day = DayAt(*st, 0, "cases.facts_day");
    if (!day.ok()) return day.status();
    out.push_back({*day, st->ColumnText(1), st->ColumnInt64(2)});
  }
  return out;
}

Result<std::vector<DayActivity>> SqliteDashboardStore::ActivityPerDay(LocalDate from,
                                                                      LocalDate to) {
  std::map<int32_t, DayActivity> days;
  auto at = [&](LocalDate d) -> DayActivity& {
    DayActivity& a = days[d.days()];
    a.day = d;
    return a;
  };
  {
    auto s = Stmt(sql::kDashboardLettersPerDay);
    if (!s.ok()) return s.status();
    Statement* st = *s;
    st->BindText(1, from.ToIsoString());
    st->BindText(2, to.ToIsoString());
    for (;;) {
      auto row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      auto day = DayAt(*st, 0, "letters.posted_on");
      if (!day.ok()) return day.status();
      at(*day).letters = st->ColumnInt64(1);
    }
  }
  {
    auto s = Stmt(sql::kDashboardPaymentsPerDay);
    if (!s.ok()) return s.status();
    Statement* st = *s;
    st->BindText(1, from.ToIsoString());
    st->BindText(2, to.ToIsoString());
    for (;;) {
      auto row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      auto day = DayAt(*st, 0, "payments.booking_date");
      if (!day.ok()) return day.status();
      DayActivity& a = at(*day);
      a.payments = st->ColumnInt64(1);
      a.received = Money::FromCents(st->ColumnInt64(2));
    }
  }
  std::vector<DayActivity> out;
  out.reserve(days.size());
  for (auto& [k, v] : days) out.push_back(v);
  return out;
}

}  // namespace hh
