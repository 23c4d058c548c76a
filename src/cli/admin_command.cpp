// handhaving settings list|set: the city's GAS settings (store/gas_settings_store.h), each change
// recorded with its source. (The users commands are in users_command.cpp.)
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/session.h"
#include "store/gas_settings_store.h"

namespace hh {
namespace {

struct AdminArgs {
  std::string db;
  std::string key, value, source, user;
};

Status RunSettingsList(const AdminArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  for (const GasSettingInfo& info : GasSettingCatalogue()) {
    auto v = GasSettingValue(*(*session)->settings, info.key);
    if (!v.ok()) return v.status();
    fmt::print("{} = {}  (default {}; {})\n", info.key, *v, info.default_value, info.source);
  }
  return Status::Ok();
}

Status RunSettingsSet(const AdminArgs& a) {
  auto session = OpenSession(a.db);
  if (!session.ok()) return session.status();
  Session& s = **session;
  auto actor = s.User(a.user);
  if (!actor.ok()) return actor.status();
  if (actor->role != Role::kAdministrator) {
    return Status(StatusCode::kPermissionDenied, "only an administrator changes settings");
  }
  Status r = SetGasSetting(*s.settings, a.key, a.value, a.source, actor->login, s.now);
  if (!r.ok()) return r;
  fmt::print("{} = {}\n", a.key, *GasSettingValue(*s.settings, a.key));
  return Status::Ok();
}

}  // namespace

void RegisterAdminCommands(CLI::App& app, CommandFn* run) {
  CLI::App* settings = app.add_subcommand("settings", "The city's GAS settings");
  settings->require_subcommand(1);
  {
    auto a = std::make_shared<AdminArgs>();
    CLI::App* c = settings->add_subcommand("list", "Every setting, its value, default and source");
    c->add_option("--db", a->db, "the SQLite database")->required();
    c->callback([a, run] { *run = [a] { return RunSettingsList(*a); }; });
  }
  {
    auto a = std::make_shared<AdminArgs>();
    CLI::App* c = settings->add_subcommand("set", "Change a setting (administrators)");
    c->add_option("KEY", a->key, "e.g. gas.minimum_age")->required();
    c->add_option("VALUE", a->value, "the new value")->required();
    c->add_option("--db", a->db, "the SQLite database")->required();
    c->add_option("--user", a->user, "the administrator's login")->required();
    c->add_option("--source", a->source, "where the value comes from (a council decision, ...)")
        ->required();
    c->callback([a, run] { *run = [a] { return RunSettingsSet(*a); }; });
  }
}

}  // namespace hh
