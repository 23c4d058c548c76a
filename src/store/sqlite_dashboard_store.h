// SqliteDashboardStore: DashboardStore (dashboard_store.h) over a migrated SQLite Database
// (0002_cases, 0003_letters_payments and the indexes of 0007_dashboard and
// 0011_case_state_indexes). It borrows the Database, which must outlive it, and follows its
// thread rules: one thread. Read-only.
#pragma once

#include <map>
#include <memory>

#include "store/dashboard_store.h"
#include "store/database.h"

namespace hh {

class SqliteDashboardStore final : public DashboardStore {
 public:
  explicit SqliteDashboardStore(Database& db) : db_(&db), cache_(db) {}

  Result<DashboardFigures> Figures(LocalDate today, Instant day_start, Instant day_end) override;
  Result<std::vector<ZoneDayCount>> ViolationsPerDay(LocalDate from, LocalDate to) override;
  Result<std::vector<DayActivity>> ActivityPerDay(LocalDate from, LocalDate to) override;

 private:
  Result<CachedStatement> Stmt(std::string_view sql);

  Database* db_;
  StatementCache cache_;
};

}  // namespace hh
