// Migrations: the database schema as numbered SQL files (src/store/sql/NNNN_name.sql), compiled
// into the program at build time, and ApplyMigrations, which brings a database up to the
// program's schema and records each step in its schema_migrations table. The embedded migrations
// are static data, read-only and safe to share between threads; ApplyMigrations follows the
// thread rules of the Database it is given (database.h).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/instant.h"
#include "core/status.h"
#include "store/database.h"

namespace hh {

// One migration: the file sql/0001_settings.sql is {1, "settings", its text}.
struct Migration {
  int number = 0;
  std::string_view name;
  std::string_view sql;

  // "0001_settings": the file's name without ".sql", as messages and the CLI show it.
  std::string Label() const;
};

// The migrations compiled into this program, numbered 1, 2, ... without gaps (the build refuses
// files numbered otherwise). Never empty.
std::span<const Migration> EmbeddedMigrations();

struct MigrationReport {
  std::vector<Migration> applied;  // applied by this call, in order; empty when up to date
  int schema_version = 0;          // the number of the last migration the database now records
};

// Applies to `db`, in order, each of `migrations` that its schema_migrations table does not
// record yet (creating that table if needed), each in its own transaction together with its row
// (version, name, applied_at = `now` as "YYYY-MM-DDTHH:MM:SSZ"): a migration that fails leaves
// nothing of itself, and those before it stay applied. Idempotent: when all are recorded it
// changes nothing and returns an empty `applied`. Safe when another process migrates the same
// file at the same time (each step holds the write lock and re-reads what is recorded).
//
// `migrations` must be numbered 1, 2, ... in order (asserted). A migration's SQL must not open
// or end transactions itself.
//
// Errors: FailedPrecondition when the recorded migrations are not a prefix of `migrations` (the
// database was made by a newer program, or a migration was renamed or left out; the message
// names the first difference); the SQL error of a failing migration (Internal for bad SQL),
// prefixed with its label; Unavailable for locking and I/O; Internal when `db` has a transaction
// open.
Result<MigrationReport> ApplyMigrations(Database& db, std::span<const Migration> migrations,
                                        Instant now);

// The same with EmbeddedMigrations(): what the program does at start and `handhaving init` does.
Result<MigrationReport> ApplyMigrations(Database& db, Instant now);

}  // namespace hh
