#include "store/migrations.h"

#include <fmt/core.h>

#include <cassert>
#include <cstdint>

#include "store/sql_queries.h"  // generated from sql/queries/*.sql

namespace hh {
namespace {

struct Recorded {
  int64_t version = 0;
  std::string name;
};

Result<std::vector<Recorded>> ReadRecorded(Database& db) {
  Result<Statement> list = db.Prepare(sql::kSchemaMigrationsList);
  if (!list.ok()) return list.status();
  std::vector<Recorded> out;
  for (;;) {
    Result<bool> row = list->Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back({list->ColumnInt64(0), list->ColumnText(1)});
  }
}

std::string RecordedLabel(const Recorded& r) {
  return r.version >= 0 && r.version <= 9999 ? fmt::format("{:04d}_{}", r.version, r.name)
                                             : fmt::format("{}_{}", r.version, r.name);
}

// OK when `recorded` is a prefix of `migrations`; else the first difference.
Status CheckPrefix(const Database& db, const std::vector<Recorded>& recorded,
                   std::span<const Migration> migrations) {
  for (size_t i = 0; i < recorded.size(); ++i) {
    const Recorded& r = recorded[i];
    if (i >= migrations.size()) {
      return FailedPrecondition(fmt::format(
          "{}: the database records migration {}, which this program does not know "
          "(its last is {}): it was made by a newer version of handhaving",
          db.path(), RecordedLabel(r), migrations.empty() ? "none" : migrations.back().Label()));
    }
    const Migration& m = migrations[i];
    if (r.version != m.number || r.name != m.name) {
      return FailedPrecondition(
          fmt::format("{}: the database records migration {} where this program has {}: the "
                      "database does not belong to this version of handhaving",
                      db.path(), RecordedLabel(r), m.Label()));
    }
  }
  return Status::Ok();
}

Status Record(Database& db, const Migration& m, Instant now) {
  Result<Statement> insert = db.Prepare(sql::kSchemaMigrationsInsert);
  if (!insert.ok()) return insert.status();
  insert->BindInt64(1, m.number);
  insert->BindText(2, m.name);
  insert->BindText(3, now.ToUtcString());
  return insert->Run();
}

}  // namespace

std::string Migration::Label() const { return fmt::format("{:04d}_{}", number, name); }

Result<MigrationReport> ApplyMigrations(Database& db, std::span<const Migration> migrations,
                                        Instant now) {
  for (size_t i = 0; i < migrations.size(); ++i) {
    assert(migrations[i].number == static_cast<int>(i) + 1 && "migrations must be 1, 2, ...");
  }
  if (db.InTransaction()) {
    return Internal(db.path() + ": migrations cannot run inside an open transaction");
  }
  Status created = db.Execute(sql::kSchemaMigrationsCreate);
  if (!created.ok()) return created;

  MigrationReport report;
  for (;;) {
    // One migration per transaction. Holding the write lock while reading what is recorded
    // means a concurrent run cannot apply the same migration in between.
    Result<Transaction> tx = Transaction::Begin(db);
    if (!tx.ok()) return tx.status();
    Result<std::vector<Recorded>> recorded = ReadRecorded(db);
    if (!recorded.ok()) return recorded.status();
    Status prefix = CheckPrefix(db, *recorded, migrations);
    if (!prefix.ok()) return prefix;
    report.schema_version = static_cast<int>(recorded->size());
    if (recorded->size() == migrations.size()) return report;  // up to date; tx rolls back

    const Migration& next = migrations[recorded->size()];
    Status applied = db.Execute(next.sql);
    if (!applied.ok()) {
      return Status(applied.code(), "migration " + next.Label() + ": " + applied.message());
    }
    Status recorded_ok = Record(db, next, now);
    if (!recorded_ok.ok()) return recorded_ok;
    Status committed = tx->Commit();
    if (!committed.ok()) return committed;
    report.applied.push_back(next);
  }
}

Result<MigrationReport> ApplyMigrations(Database& db, Instant now) {
  return ApplyMigrations(db, EmbeddedMigrations(), now);
}

}  // namespace hh
