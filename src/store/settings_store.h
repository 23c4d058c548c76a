// SettingsStore: the city's settings (policy values such as the minimum age for a GAS sanction,
// each with the source it comes from) as domain code sees them: an interface, so that the domain
// never knows which database holds them. The store owns the rows; callers get copies.
// Thread rules: an implementation belongs to one thread, like the connection under it.
// Transactions: each call is atomic; when the caller has a transaction open on the same
// connection, the call is part of it (and is undone if that transaction rolls back).
//
// Back ends: SqliteSettingsStore (sqlite_settings_store.h) is the one today. A PostgreSQL back end
// would be a PostgresSettingsStore in src/store/postgres/ over libpqxx (Debian libpqxx-dev, server
// postgresql-15), with its migrations in PostgreSQL's dialect beside it; the program picks the
// back end where it opens its store (src/cli, later src/web), and domain code does not change.
// The case store follows this pattern.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/instant.h"
#include "core/status.h"

namespace hh {

class SettingsStore {
 public:
  virtual ~SettingsStore() = default;

  // The value of `key`; nullopt when it was never set. Unavailable when the store cannot be read.
  virtual Result<std::optional<std::string>> Get(std::string_view key) = 0;

  // Sets `key` to `value` (which may be empty), replacing any earlier value, and records where
  // the value comes from (`source`: a council decision, a regulation article, "[UNVERIFIED]
  // default"), who set it (`user`) and when (`at`). InvalidArgument when key, source or user is
  // empty; Unavailable when the store cannot be written.
  virtual Status Put(std::string_view key, std::string_view value, std::string_view source,
                     std::string_view user, Instant at) = 0;
};

}  // namespace hh
