// ApplyMigrations on fresh SQLite files: the embedded migrations apply once and then never
// again, a failing migration leaves nothing of itself, and a database whose recorded migrations
// are not a prefix of the program's is refused.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/migrations.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

const Instant kFirstRun = Instant::FromUnix(1'700'000'000);  // 2023-11-14T22:13:20Z
const Instant kSecondRun = Instant::FromUnix(1'700'086'400);

class MigrationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Database>> db = Database::Open(dir_.File("hh.db"));
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
  }

  // Rows of `sql`, each as its columns' text joined by '|'.
  std::vector<std::string> Rows(std::string_view sql) {
    std::vector<std::string> out;
    Result<Statement> stmt = db_->Prepare(sql);
    EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
    if (!stmt.ok()) return out;
    for (;;) {
      Result<bool> row = stmt->Step();
      EXPECT_TRUE(row.ok()) << row.status().ToString();
      if (!row.ok() || !*row) return out;
      std::string line;
      for (int c = 0; c < stmt->ColumnCount(); ++c) {
        if (c > 0) line += '|';
        line += stmt->ColumnText(c);
      }
      out.push_back(line);
    }
  }

  std::vector<std::string> Recorded() {
    return Rows("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
  }
  std::vector<std::string> Tables() {
    return Rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST(EmbeddedMigrationsTest, AreNumberedFromOneWithoutGapsAndStartWithSettings) {
  std::span<const Migration> all = EmbeddedMigrations();
  ASSERT_FALSE(all.empty());
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].number, static_cast<int>(i) + 1);
    EXPECT_FALSE(all[i].name.empty());
    EXPECT_FALSE(all[i].sql.empty());
  }
  EXPECT_EQ(all[0].Label(), "0001_settings");
  EXPECT_NE(all[0].sql.find("CREATE TABLE settings"), std::string_view::npos) << all[0].sql;
}

TEST_F(MigrationsTest, ApplyOnceThenNothing) {
  const std::span<const Migration> all = EmbeddedMigrations();
  Result<MigrationReport> first = ApplyMigrations(*db_, kFirstRun);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_EQ(first->applied.size(), all.size());
  EXPECT_EQ(first->applied[0].Label(), "0001_settings");
  EXPECT_EQ(first->schema_version, static_cast<int>(all.size()));
  std::vector<std::string> expected;
  for (const Migration& m : all) {
    expected.push_back(std::to_string(m.number) + "|" + std::string(m.name) +
                       "|2023-11-14T22:13:20Z");
  }
  EXPECT_EQ(Recorded(), expected);
  EXPECT_EQ(Rows("SELECT name, type, \"notnull\", pk FROM pragma_table_info('settings') ORDER BY "
                 "cid"),
            (std::vector<std::string>{"key|TEXT|0|1", "value|TEXT|1|0", "source|TEXT|1|0",
                                      "updated_at|TEXT|1|0", "updated_by|TEXT|1|0"}));
  const std::vector<std::string> tables = Tables();

  Result<MigrationReport> second = ApplyMigrations(*db_, kSecondRun);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_TRUE(second->applied.empty());
  EXPECT_EQ(second->schema_version, first->schema_version);
  EXPECT_EQ(Recorded(), expected) << "the second run must not touch schema_migrations";
  EXPECT_EQ(Tables(), tables);
  EXPECT_FALSE(db_->InTransaction());
}

TEST_F(MigrationsTest, AppliesOnlyTheMissingOnes) {
  const Migration one[] = {{1, "a", "CREATE TABLE a (x INTEGER);"}};
  const Migration two[] = {one[0], {2, "b", "CREATE TABLE b (x INTEGER);"}};
  Result<MigrationReport> first = ApplyMigrations(*db_, one, kFirstRun);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->schema_version, 1);
  Result<MigrationReport> second = ApplyMigrations(*db_, two, kSecondRun);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  ASSERT_EQ(second->applied.size(), 1u);
  EXPECT_EQ(second->applied[0].Label(), "0002_b");
  EXPECT_EQ(second->schema_version, 2);
  EXPECT_EQ(Recorded(),
            (std::vector<std::string>{"1|a|2023-11-14T22:13:20Z", "2|b|2023-11-15T22:13:20Z"}));
}

TEST_F(MigrationsTest, FailingMigrationLeavesNothingOfItself) {
  const Migration migrations[] = {
      {1, "good", "CREATE TABLE good (x INTEGER);"},
      {2, "bad", "CREATE TABLE half (x INTEGER); INSERT INTO good (x) VALUES (1); SELEKT;"},
      {3, "never", "CREATE TABLE never (x INTEGER);"},
  };
  Result<MigrationReport> r = ApplyMigrations(*db_, migrations, kFirstRun);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal) << r.status().ToString();
  EXPECT_NE(r.status().message().find("migration 0002_bad"), std::string::npos)
      << r.status().message();
  EXPECT_EQ(Recorded(), (std::vector<std::string>{"1|good|2023-11-14T22:13:20Z"}));
  EXPECT_EQ(Tables(), (std::vector<std::string>{"good", "schema_migrations"}));
  EXPECT_EQ(Rows("SELECT count(*) FROM good"), (std::vector<std::string>{"0"}));
  EXPECT_FALSE(db_->InTransaction());
}

TEST_F(MigrationsTest, RefusesADatabaseWithAnUnknownNewerMigration) {
  std::vector<Migration> newer(EmbeddedMigrations().begin(), EmbeddedMigrations().end());
  const int future = static_cast<int>(newer.size()) + 1;
  newer.push_back({future, "from_the_future", "CREATE TABLE future (x INTEGER);"});
  ASSERT_TRUE(ApplyMigrations(*db_, newer, kFirstRun).ok());
  const std::vector<std::string> recorded = Recorded();
  const std::vector<std::string> tables = Tables();

  Result<MigrationReport> r = ApplyMigrations(*db_, kSecondRun);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition) << r.status().ToString();
  EXPECT_NE(r.status().message().find(newer.back().Label()), std::string::npos)
      << r.status().message();
  EXPECT_NE(r.status().message().find("newer version"), std::string::npos) << r.status().message();
  EXPECT_EQ(Recorded(), recorded);
  EXPECT_EQ(Tables(), tables);
  EXPECT_FALSE(db_->InTransaction());
}

TEST_F(MigrationsTest, RefusesADatabaseWithARenamedMigration) {
  ASSERT_TRUE(ApplyMigrations(*db_, kFirstRun).ok());
  ASSERT_TRUE(
      db_->Execute("UPDATE schema_migrations SET name = 'city_settings' WHERE version = 1").ok());
  Result<MigrationReport> r = ApplyMigrations(*db_, kSecondRun);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition) << r.status().ToString();
  EXPECT_NE(r.status().message().find("0001_city_settings"), std::string::npos)
      << r.status().message();
  EXPECT_NE(r.status().message().find("0001_settings"), std::string::npos) << r.status().message();
}

TEST_F(MigrationsTest, RefusesADatabaseMissingAnEarlierMigration) {
  const Migration migrations[] = {{1, "a", "CREATE TABLE a (x INTEGER);"},
                                  {2, "b", "CREATE TABLE b (x INTEGER);"}};
  ASSERT_TRUE(ApplyMigrations(*db_, migrations, kFirstRun).ok());
  ASSERT_TRUE(db_->Execute("DELETE FROM schema_migrations WHERE version = 1").ok());
  Result<MigrationReport> r = ApplyMigrations(*db_, migrations, kSecondRun);
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition) << r.status().ToString();
}

TEST_F(MigrationsTest, RefusesToRunInsideAnOpenTransaction) {
  Result<Transaction> tx = Transaction::Begin(*db_);
  ASSERT_TRUE(tx.ok());
  EXPECT_EQ(ApplyMigrations(*db_, kFirstRun).status().code(), StatusCode::kInternal);
}

// 0012_permits_by_plate keeps the permits a database already had, now in plate order, and the
// new key refuses a permit id twice for one plate.
TEST_F(MigrationsTest, PermitsByPlateKeepsTheStoredPermits) {
  const std::span<const Migration> all = EmbeddedMigrations();
  ASSERT_GE(all.size(), 12u);
  ASSERT_EQ(all[11].Label(), "0012_permits_by_plate");
  ASSERT_TRUE(ApplyMigrations(*db_, all.first(11), kFirstRun).ok());
  ASSERT_TRUE(db_->Execute("INSERT INTO permits (permit_id, plate, zone_id, valid_from, valid_to, "
                           "category) VALUES ('P2', '2BBB222', 'Z1', '2026-01-01T00:00:00Z', "
                           "'2027-01-01T00:00:00Z', 'resident'), ('P1', '1AAA111', '*', "
                           "'2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', 'delivery')")
                  .ok());
  Result<MigrationReport> r = ApplyMigrations(*db_, all, kSecondRun);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Rows("SELECT plate, permit_id, zone_id, valid_from, valid_to, category FROM permits"),
            (std::vector<std::string>{
                "1AAA111|P1|*|2026-02-01T00:00:00Z|2026-03-01T00:00:00Z|delivery",
                "2BBB222|P2|Z1|2026-01-01T00:00:00Z|2027-01-01T00:00:00Z|resident"}));
  EXPECT_FALSE(db_->Execute("INSERT INTO permits VALUES ('1AAA111', 'P1', 'Z1', '', '', '')").ok());
  EXPECT_EQ(Rows("SELECT count(*) FROM sqlite_schema WHERE name = 'permits_plate'"),
            std::vector<std::string>{"0"});
}

}  // namespace
}  // namespace hh
