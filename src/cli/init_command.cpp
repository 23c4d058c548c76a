// handhaving init --db PATH: creates the database file if it does not exist (not its folder) and
// applies the migrations it lacks (store/migrations.h), then prints what it applied and the
// schema version. Running it again applies nothing and says so.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/session.h"
#include "core/instant.h"
#include "store/database.h"
#include "store/migrations.h"

namespace hh {
namespace {

struct InitArgs {
  std::string db;
};

Status RunInit(const InitArgs& a) {
  Result<std::unique_ptr<Database>> db = Database::Open(a.db);
  if (!db.ok()) return db.status();
  // The edge of the system: the clock is read here (cli/session.h) and passed in.
  Result<Instant> now = Now();
  if (!now.ok()) return now.status();
  Result<MigrationReport> report = ApplyMigrations(**db, *now);
  if (!report.ok()) return report.status();

  std::string applied;
  for (const Migration& m : report->applied) {
    if (!applied.empty()) applied += ", ";
    applied += m.Label();
  }
  fmt::print("database: {}\napplied: {}\nschema_version: {}\n", a.db,
             applied.empty() ? "none (already up to date)" : applied, report->schema_version);
  return Status::Ok();
}

}  // namespace

void RegisterInitCommand(CLI::App& app, CommandFn* run) {
  auto args = std::make_shared<InitArgs>();
  CLI::App* cmd = app.add_subcommand(
      "init", "Create the database if needed and bring its schema up to date (idempotent)");
  cmd->add_option("--db", args->db, "the SQLite database file (created if missing)")->required();
  cmd->callback([args, run] { *run = [args] { return RunInit(*args); }; });
}

}  // namespace hh
