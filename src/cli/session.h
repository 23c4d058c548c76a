// What every command on a database needs: the connection (migrated to this program's schema
// at start), the case, payment and settings stores over it, the GAS settings as stored, and
// the clock. One per command run; single-threaded.
#pragma once

#include <memory>
#include <string>

#include "billing/reconcile.h"
#include "cases/case_actions.h"
#include "core/instant.h"
#include "core/status.h"
#include "gas/settings.h"
#include "store/database.h"
#include "store/sqlite_case_store.h"
#include "store/sqlite_payment_store.h"
#include "store/sqlite_settings_store.h"

namespace hh {

// The wall clock, read at the edge of the system. The environment variable HANDHAVING_NOW (an
// RFC 3339 instant) replaces it, for reproducible demos and tests; a bad value is an error.
[[nodiscard]] Result<Instant> Now();

struct Session {
  std::unique_ptr<Database> db;
  std::unique_ptr<SqliteCaseStore> cases;
  std::unique_ptr<SqlitePaymentStore> payments;
  std::unique_ptr<SqliteSettingsStore> settings;
  GasSettings gas;
  Instant now;

  // The acting user by login (cli --user), as an Actor.
  [[nodiscard]] Result<Actor> User(const std::string& login);

  // A second connection to the same database with its stores, for a reader thread of a bulk
  // command (ReconcileReader); opened on first use, nullptr when it cannot be opened (the
  // command then reads on its own thread).
  ReconcileReader* Reader();

 private:
  std::unique_ptr<Database> reader_db_;
  std::unique_ptr<SqliteCaseStore> reader_cases_;
  std::unique_ptr<SqlitePaymentStore> reader_payments_;
  std::unique_ptr<ReconcileReader> reader_;
};

// Opens (creating if needed) and migrates the database at `path` and loads the settings.
[[nodiscard]] Result<std::unique_ptr<Session>> OpenSession(const std::string& path);

}  // namespace hh
