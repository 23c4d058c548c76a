// SqliteDashboardStore on a fresh, migrated SQLite file whose cases are written through the
// CaseStore: the violations per day and zone (all camera cases of a day and zone minus the
// rejected and permitted ones, dashboard_violations.sql) and the review queue across tracks.
// The web test (web/app_admin_dbtest.cpp) checks the same figures through the page.
#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "store/migrations.h"
#include "store/sqlite_case_store.h"
#include "store/sqlite_dashboard_store.h"
#include "store/test_db.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

const Instant kNow = Instant::FromUnix(1'774'000'000);  // 2026-03-20T09:46:40Z

LocalDate D(const char* iso) { return *LocalDate::Parse(iso); }

class DashboardStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, kNow);
    ASSERT_NE(db_, nullptr);
    cases_ = std::make_unique<SqliteCaseStore>(*db_);
    dashboard_ = std::make_unique<SqliteDashboardStore>(*db_);
  }

  // A case of `track` in `state` with facts on `day` in `zone` ("" for none).
  void Insert(Track track, CaseState state, const char* day, const std::string& zone) {
    Case c;
    c.track = track;
    c.state = state;
    c.facts_day = D(day);
    c.facts_at = kNow;
    c.zone_id = zone;
    c.plate = "1DSH" + std::to_string(100 + serial_++);
    c.country = "BE";
    c.offence_code = "C3";
    c.article = "KB 9 maart 2014 art. 3";
    c.created_at = c.updated_at = kNow;
    auto id = cases_->InsertCase(c, std::nullopt);
    ASSERT_TRUE(id.ok()) << id.status().ToString();
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqliteCaseStore> cases_;
  std::unique_ptr<SqliteDashboardStore> dashboard_;
  int serial_ = 0;
};

struct Row {
  std::string day;
  std::string zone;
  int64_t count;
  bool operator==(const Row&) const = default;
};

void PrintTo(const Row& r, std::ostream* os) { *os << r.day << " " << r.zone << " " << r.count; }

TEST_F(DashboardStoreTest, ViolationsLeaveOutRejectedAndPermittedCasesPerDayAndZone) {
  using S = CaseState;
  const Track kA = Track::kAutoluw;
  // Before the window: these do not count.
  Insert(kA, S::kInvited, "2026-03-09", "Z1");
  Insert(kA, S::kRejected, "2026-03-09", "Z1");
  // 10 March, Z1: three cases, one rejected -> 2.
  Insert(kA, S::kRejected, "2026-03-10", "Z1");
  Insert(kA, S::kAwaitingReview, "2026-03-10", "Z1");
  Insert(kA, S::kPaid, "2026-03-10", "Z1");
  // 10 March, Z2: one permitted and one invited -> 1.
  Insert(kA, S::kPermitted, "2026-03-10", "Z2");
  Insert(kA, S::kInvited, "2026-03-10", "Z2");
  // 11 March, Z1: only rejected and permitted -> no row at all.
  Insert(kA, S::kRejected, "2026-03-11", "Z1");
  Insert(kA, S::kPermitted, "2026-03-11", "Z1");
  // 11 March, Z3: only a permitted case -> no row, and no zone Z3.
  Insert(kA, S::kPermitted, "2026-03-11", "Z3");
  // 12 March: a parking case without a zone is no camera case; one with a zone counts.
  Insert(Track::kParkeren, S::kInvited, "2026-03-12", "");
  Insert(Track::kParkeren, S::kInvited, "2026-03-12", "Z2");
  // After the window (not counted), then two late cases of 12 March, one rejected.
  Insert(kA, S::kInvited, "2026-03-13", "Z1");
  Insert(kA, S::kPermitted, "2026-03-13", "Z1");
  Insert(kA, S::kInvited, "2026-03-12", "Z1");
  Insert(kA, S::kRejected, "2026-03-12", "Z1");

  auto got = dashboard_->ViolationsPerDay(D("2026-03-10"), D("2026-03-12"));
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  std::vector<Row> rows;
  for (const ZoneDayCount& z : *got) rows.push_back({z.day.ToIsoString(), z.zone_id, z.count});
  const std::vector<Row> want = {
      {"2026-03-10", "Z1", 2},
      {"2026-03-10", "Z2", 1},
      {"2026-03-12", "Z1", 1},
      {"2026-03-12", "Z2", 1},
  };
  EXPECT_EQ(rows, want);

  // A window of excluded cases only, and one without cases: nothing.
  auto only_excluded = dashboard_->ViolationsPerDay(D("2026-03-11"), D("2026-03-11"));
  ASSERT_TRUE(only_excluded.ok());
  EXPECT_TRUE(only_excluded->empty());
  auto empty = dashboard_->ViolationsPerDay(D("2026-04-01"), D("2026-04-30"));
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

TEST_F(DashboardStoreTest, ReviewQueueCountsEveryTrack) {
  Insert(Track::kAutoluw, CaseState::kAwaitingReview, "2026-03-10", "Z1");
  Insert(Track::kParkeren, CaseState::kAwaitingReview, "2026-03-10", "");
  Insert(Track::kOverlast, CaseState::kAwaitingReview, "2026-03-10", "");
  Insert(Track::kAutoluw, CaseState::kInvited, "2026-03-10", "Z1");
  auto f = dashboard_->Figures(D("2026-03-20"), kNow, kNow);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->review_waiting, 3);
}

}  // namespace
}  // namespace hh
