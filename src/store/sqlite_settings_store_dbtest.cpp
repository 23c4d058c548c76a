// SqliteSettingsStore on a fresh, migrated SQLite file, used through the SettingsStore interface
// as domain code will use it.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "store/migrations.h"
#include "store/sqlite_settings_store.h"
#include "store/test_db.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

const Instant kMonday = Instant::FromUnix(1'700'000'000);  // 2023-11-14T22:13:20Z
const Instant kLater = Instant::FromUnix(1'700'003'600);   // an hour later

class SettingsStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDb(dir_, kMonday);
    ASSERT_NE(db_, nullptr);
    store_ = std::make_unique<SqliteSettingsStore>(*db_);
  }

  // The stored row of `key` as "value|source|updated_at|updated_by", or "" when there is none.
  std::string Row(const std::string& key) {
    Result<Statement> s = db_->Prepare(
        "SELECT value || '|' || source || '|' || updated_at || '|' || updated_by FROM settings "
        "WHERE key = ?1");
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    if (!s.ok()) return "";
    s->BindText(1, key);
    Result<bool> row = s->Step();
    return row.ok() && *row ? s->ColumnText(0) : "";
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SettingsStore> store_;
};

TEST_F(SettingsStoreTest, UnsetKeyIsNullopt) {
  Result<std::optional<std::string>> v = store_->Get("gas.minimum_age");
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_FALSE(v->has_value());
}

TEST_F(SettingsStoreTest, PutThenGetRoundTripsAndUpdateReplaces) {
  ASSERT_TRUE(store_->Put("gas.minimum_age", "16", "[UNVERIFIED] default", "system", kMonday).ok());
  ASSERT_TRUE(store_->Put("other", "", "test", "system", kMonday).ok());
  Result<std::optional<std::string>> v = store_->Get("gas.minimum_age");
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(*v, std::optional<std::string>("16"));
  EXPECT_EQ(Row("gas.minimum_age"), "16|[UNVERIFIED] default|2023-11-14T22:13:20Z|system");

  Status s =
      store_->Put("gas.minimum_age", "14", "Gemeenteraad 2024-03-25, art. 3", "officer.a", kLater);
  ASSERT_TRUE(s.ok()) << s.ToString();
  v = store_->Get("gas.minimum_age");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, std::optional<std::string>("14"));
  EXPECT_EQ(Row("gas.minimum_age"),
            "14|Gemeenteraad 2024-03-25, art. 3|2023-11-14T23:13:20Z|officer.a");
  EXPECT_EQ(*store_->Get("other"), std::optional<std::string>(""));
  EXPECT_EQ(store_->Get("Gas.Minimum_Age")->has_value(), false) << "keys are case-sensitive";
}

TEST_F(SettingsStoreTest, PutNeedsKeySourceAndUser) {
  EXPECT_EQ(store_->Put("", "1", "src", "user", kMonday).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->Put("k", "1", "", "user", kMonday).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->Put("k", "1", "src", "", kMonday).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Row("k"), "");
}

TEST_F(SettingsStoreTest, PutJoinsTheCallersTransaction) {
  {
    Result<Transaction> tx = Transaction::Begin(*db_);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(store_->Put("k", "rolled back", "src", "user", kMonday).ok());
    EXPECT_EQ(*store_->Get("k"), std::optional<std::string>("rolled back"));
  }
  EXPECT_FALSE(store_->Get("k")->has_value());
  {
    Result<Transaction> tx = Transaction::Begin(*db_);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(store_->Put("k", "kept", "src", "user", kMonday).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_EQ(*store_->Get("k"), std::optional<std::string>("kept"));
}

}  // namespace
}  // namespace hh
