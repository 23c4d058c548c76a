// GAS settings through the settings store: defaults, stored values, validation.
#include <gtest/gtest.h>

#include <memory>

#include "store/gas_settings_store.h"
#include "store/migrations.h"
#include "store/sqlite_settings_store.h"
#include "store/test_temp_dir.h"

namespace hh {
namespace {

const Instant kNow = Instant::FromUnix(1'774'000'000);

TEST(GasSettingsStore, DefaultsThenStoredValuesThenValidation) {
  TempDir dir;
  auto db = Database::Open(dir.File("hh.db"));
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(ApplyMigrations(**db, kNow).ok());
  SqliteSettingsStore store(**db);
  auto s = LoadGasSettings(store);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->minimum_age, 16);
  EXPECT_TRUE(s->traffic_decision_limit);

  ASSERT_TRUE(
      SetGasSetting(store, "gas.minimum_age", "14", "council 2026-01-26", "admin", kNow).ok());
  ASSERT_TRUE(
      SetGasSetting(store, "gas.foreign_agreements", "nl,fr,de", "council", "admin", kNow).ok());
  ASSERT_TRUE(
      SetGasSetting(store, "gas.citizen_deadline_weekend_rule", "no_shift", "lawyer", "admin", kNow)
          .ok());
  s = LoadGasSettings(store);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->minimum_age, 14);
  EXPECT_EQ(s->foreign_agreements, "NL,FR,DE");
  EXPECT_EQ(s->citizen_deadline_weekend_rule, WeekendRule::kNoShift);
  EXPECT_EQ(*GasSettingValue(store, "gas.minimum_age"), "14");

  // 15 is not a legal minimum age; "sixteen" is not a number; nothing is stored for either.
  EXPECT_EQ(SetGasSetting(store, "gas.minimum_age", "15", "x", "admin", kNow).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SetGasSetting(store, "gas.minimum_age", "sixteen", "x", "admin", kNow).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SetGasSetting(store, "gas.no_such", "1", "x", "admin", kNow).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(LoadGasSettings(store)->minimum_age, 14);
  // A value damaged in the database is named by key.
  ASSERT_TRUE(store.Put("gas.read_memory_days", "many", "hand", "dba", kNow).ok());
  auto bad = LoadGasSettings(store);
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("gas.read_memory_days"), std::string::npos);
  EXPECT_GE(GasSettingCatalogue().size(), 16u);
}

}  // namespace
}  // namespace hh
