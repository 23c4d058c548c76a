// SqliteSettingsStore: SettingsStore (settings_store.h) over the `settings` table of a SQLite
// Database (migration 0001_settings). It borrows the Database, which must outlive it and have
// been migrated (ApplyMigrations), and follows its thread rules: one thread.
#pragma once

#include "store/database.h"
#include "store/settings_store.h"

namespace hh {

class SqliteSettingsStore final : public SettingsStore {
 public:
  explicit SqliteSettingsStore(Database& db) : db_(&db) {}

  Result<std::optional<std::string>> Get(std::string_view key) override;
  Status Put(std::string_view key, std::string_view value, std::string_view source,
             std::string_view user, Instant at) override;

 private:
  Database* db_;
};

}  // namespace hh
