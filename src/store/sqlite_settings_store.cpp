#include "store/sqlite_settings_store.h"

#include "store/sql_queries.h"  // generated from sql/queries/*.sql

namespace hh {

Result<std::optional<std::string>> SqliteSettingsStore::Get(std::string_view key) {
  Result<Statement> get = db_->Prepare(sql::kSettingsGet);
  if (!get.ok()) return get.status();
  get->BindText(1, key);
  Result<bool> row = get->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(get->ColumnText(0));
}

Status SqliteSettingsStore::Put(std::string_view key, std::string_view value,
                                std::string_view source, std::string_view user, Instant at) {
  if (key.empty()) return InvalidArgument("a setting needs a key");
  if (source.empty()) return InvalidArgument("setting \"" + std::string(key) + "\" needs a source");
  if (user.empty()) return InvalidArgument("setting \"" + std::string(key) + "\" needs a user");
  Result<Statement> put = db_->Prepare(sql::kSettingsPut);
  if (!put.ok()) return put.status();
  put->BindText(1, key);
  put->BindText(2, value);
  put->BindText(3, source);
  put->BindText(4, at.ToUtcString());
  put->BindText(5, user);
  return put->Run();
}

}  // namespace hh
