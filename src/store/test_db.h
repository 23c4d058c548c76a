// OpenMigratedDb, for database tests: a fresh SQLite file in a TempDir with every migration
// applied, which is how nearly every test of a store or of the code above it starts.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <utility>

#include "core/instant.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/test_temp_dir.h"

namespace hh {

// The file "hh.db" in `dir`, opened and migrated as of `now`; a test failure, and nullptr, when
// either step fails (the caller asserts on the pointer).
inline std::unique_ptr<Database> OpenMigratedDb(const TempDir& dir, Instant now) {
  auto db = Database::Open(dir.File("hh.db"));
  if (!db.ok()) {
    ADD_FAILURE() << db.status().ToString();
    return nullptr;
  }
  auto migrated = ApplyMigrations(**db, now);
  if (!migrated.ok()) {
    ADD_FAILURE() << migrated.status().ToString();
    return nullptr;
  }
  return std::move(*db);
}

}  // namespace hh
