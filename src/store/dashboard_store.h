// DashboardStore: the figures and chart series of the web application's dashboard, each one
// indexed query (migrations 0007_dashboard and 0011_case_state_indexes), so that the page stays
// fast on a million cases. An interface like CaseStore: src/web never knows which database
// answers. Callers pass the days (the local calendar of Europe/Brussels); nothing here reads a
// clock. Thread rules: an implementation belongs to one thread, like the connection under it;
// each call is atomic.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/instant.h"
#include "core/money.h"
#include "core/status.h"
#include "gas/procedure.h"

namespace hh {

struct DashboardFigures {
  std::array<int64_t, kTrackCount> opened_today{};  // cases opened today, by Track
  int64_t review_waiting = 0;                       // cases awaiting review
  // Cases still waiting for their decision (BeforeDecision) whose decision limit's last day
  // is today or within the next 30 days.
  int64_t decision_limit_soon = 0;
  // Cases in a defence period (invited, reinvited, procedure started) whose state deadline is
  // today or within the next 7 days.
  int64_t defence_ending_soon = 0;
  int64_t payments_to_match = 0;  // payments whose outcome is unmatched
};

// How many days ahead each "soon" of DashboardFigures looks (the numbers).
inline constexpr int kDecisionLimitHorizonDays = 30;
inline constexpr int kDefenceHorizonDays = 7;

struct ZoneDayCount {
  LocalDate day;
  std::string zone_id;
  int64_t count = 0;
};

struct DayActivity {
  LocalDate day;
  int64_t letters = 0;   // letters posted that day
  int64_t payments = 0;  // credits booked that day
  Money received;        // their total
};

class DashboardStore {
 public:
  virtual ~DashboardStore() = default;

  // The figures for `today`; `day_start` and `day_end` are the UTC instants of today's local
  // midnight and the next one (a case is opened today when created_at is in [start, end)).
  virtual Result<DashboardFigures> Figures(LocalDate today, Instant day_start, Instant day_end) = 0;
  // Camera cases (those with a zone) by day of the facts and zone, days from..to inclusive,
  // without the ones review rejected or a permit covered; only pairs with cases, by day, zone.
  virtual Result<std::vector<ZoneDayCount>> ViolationsPerDay(LocalDate from, LocalDate to) = 0;
  // Letters posted and payments booked per day, from..to inclusive; only days with either.
  virtual Result<std::vector<DayActivity>> ActivityPerDay(LocalDate from, LocalDate to) = 0;
};

}  // namespace hh
