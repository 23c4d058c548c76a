// The subcommands of the handhaving executable. Each Register* adds its options to the CLI11 app
// and sets *run to the function that executes it; main.cpp turns the returned Status into the
// exit code (exit_codes.h) and prints the message. Commands write results to stdout and
// diagnostics to stderr.
#pragma once

#include <functional>

#include "core/status.h"

namespace CLI {
class App;
}

namespace hh {

using CommandFn = std::function<Status()>;

void RegisterScreenCommand(CLI::App& app, CommandFn* run);
void RegisterInitCommand(CLI::App& app, CommandFn* run);
void RegisterImportCommands(CLI::App& app, CommandFn* run);
void RegisterCaseCommands(CLI::App& app, CommandFn* run);
void RegisterAdminCommands(CLI::App& app, CommandFn* run);
void RegisterBillingCommands(CLI::App& app, CommandFn* run);
void RegisterContractCommands(CLI::App& app, CommandFn* run);
void RegisterUsersCommands(CLI::App& app, CommandFn* run);
void RegisterServeCommand(CLI::App& app, CommandFn* run);

}  // namespace hh
