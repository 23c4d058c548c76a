// The GAS measures on a fresh, migrated SQLite file whose rows are written by hand (the counts are
// what is tested here, not the procedures that make the rows), each count over a period whose
// edges include or leave out a row by one day.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "contract/gas_measures.h"
#include "store/migrations.h"
#include "store/test_db.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

LocalDate D(const char* iso) { return *LocalDate::Parse(iso); }

class GasMeasuresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, *Instant::Parse("2019-01-01T00:00:00Z"));
    ASSERT_NE(db_, nullptr);
    // Cases: two camera cases in 2019 (one paid), one parking case on 31/12/2019, one nuisance
    // case on 01/01/2020.
    Exec(
        "INSERT INTO cases (id, track, state, facts_at, facts_day, offence_code, article, "
        "created_at, updated_at) VALUES "
        "(1, 'autoluw', 'paid', '2019-03-01T10:00:00Z', '2019-03-01', 'C3', 'C3', 'x', 'x'), "
        "(2, 'autoluw', 'invited', '2019-06-01T10:00:00Z', '2019-06-01', 'C3', 'C3', 'x', 'x'), "
        "(3, 'parkeren', 'paid', '2019-12-31T10:00:00Z', '2019-12-31', 'P1', 'P1', 'x', 'x'), "
        "(4, 'overlast', 'decision_due', '2020-01-01T10:00:00Z', '2020-01-01', 'O', 'O', 'x', "
        "'x')");
    Exec(
        "INSERT INTO letters (case_id, kind, language, recipient, posted_on, sha256, pages, "
        "created_at, pdf) VALUES (1, 'payment_invitation', 'nl', 'x', '2019-03-04', 'h', 1, 'x', "
        "x''), (3, 'payment_invitation', 'nl', 'x', '2020-01-02', 'h', 1, 'x', x'')");
    Exec(
        "INSERT INTO bank_statements (id, file_sha256, file_name, format, account, number, "
        "closing_date, transactions, imported_at, imported_by) VALUES (1, 's', 'f', 'coda', "
        "'BE', '1', '2019-03-10', 3, 'x', 'fien')");
    Exec(
        "INSERT INTO payments (statement_id, amount_cents, booking_date, outcome) VALUES "
        "(1, 5800, '2019-03-10', 'exact'), (1, 1250, '2019-12-31', 'unmatched'), "
        "(1, 5800, '2020-01-01', 'exact')");
    Exec(
        "INSERT INTO sanctions (case_id, offender_key, article, decided_on, kind) VALUES "
        "(1, 'k', 'C3', '2019-03-10', 'traffic_fine'), (3, 'k', 'P1', '2020-01-05', "
        "'traffic_fine')");
    Exec(
        "INSERT INTO case_events (case_id, at, actor, actor_name, role, action) VALUES "
        "(1, '2019-03-02T08:00:00Z', 'r', 'R', 'reviewer', 'review_accept'), "
        "(2, '2019-06-02T08:00:00Z', 'r', 'R', 'reviewer', 'review_correct'), "
        "(2, '2019-06-03T08:00:00Z', 'o', 'O', 'sanctioning_officer', 'send_invitation'), "
        "(3, '2020-01-01T00:30:00Z', 'r', 'R', 'reviewer', 'review_reject')");
    gas_ = std::make_unique<SqliteGasMeasures>(*db_);
    ASSERT_TRUE(RegisterGasMeasures(registry_, *gas_).ok());
  }
  void Exec(const std::string& sql) {
    Status s = db_->Execute(sql);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  int64_t Value(const char* name, Period p) {
    auto v = registry_.Value(name, p);
    EXPECT_TRUE(v.ok()) << name << ": " << v.status().ToString();
    return v.ok() ? *v : -1;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqliteGasMeasures> gas_;
  MeasureRegistry registry_;
};

TEST_F(GasMeasuresTest, CountsTheRowsOfThePeriod) {
  const Period y2019 = Period::Year(2019);
  EXPECT_EQ(Value("gas.cases.autoluw", y2019), 2);
  EXPECT_EQ(Value("gas.cases.parkeren", y2019), 1);  // 31/12 is in
  EXPECT_EQ(Value("gas.cases.overlast", y2019), 0);  // 01/01/2020 is not
  EXPECT_EQ(Value("gas.cases.all", y2019), 3);
  EXPECT_EQ(Value("gas.cases.all", Period::Year(2020)), 1);
  EXPECT_EQ(Value("gas.cases.state.paid", y2019), 2);
  EXPECT_EQ(Value("gas.cases.state.paid", {D("2019-03-02"), D("2019-12-30")}), 0);
  EXPECT_EQ(Value("gas.letters_sent", y2019), 1);
  EXPECT_EQ(Value("gas.payments_received", y2019), 2);
  EXPECT_EQ(Value("gas.payments_received_eur", y2019), 70);  // 58.00 + 12.50, whole euros
  EXPECT_EQ(Value("gas.sanctions_decided", y2019), 1);
  EXPECT_EQ(Value("gas.reviews_done", y2019), 2);  // the invitation is no review
  EXPECT_EQ(Value("gas.reviews_done", {D("2020-01-01"), D("2020-01-01")}), 1);
}

TEST_F(GasMeasuresTest, RegistersEveryTrackAndState) {
  // 3 tracks, all, one per state, letters, payments (2), sanctions, reviews.
  EXPECT_EQ(registry_.List().size(), 3U + 1U + static_cast<size_t>(kCaseStateCount) + 5U);
  EXPECT_NE(registry_.Find("gas.cases.state.awaiting_review"), nullptr);
  EXPECT_EQ(registry_.Find("gas.cases.autoluw")->label_nl, "GAS-dossiers autoluwe zone (camera)");
}

}  // namespace
}  // namespace hh
