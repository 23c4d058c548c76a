// handhaving: the single executable. Thin: it parses the command line, runs one command, and
// maps the outcome to an exit code. All logic lives in the domain libraries.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "cli/commands.h"
#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  // The one place where exceptions (infrastructure failures and bugs) become an exit code.
  try {
    CLI::App app{"Handhaving: municipal administrative sanctions back-office"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "handhaving 0.1.0");
    hh::CommandFn run;
    hh::RegisterScreenCommand(app, &run);
    hh::RegisterInitCommand(app, &run);
    hh::RegisterImportCommands(app, &run);
    hh::RegisterCaseCommands(app, &run);
    hh::RegisterAdminCommands(app, &run);
    hh::RegisterBillingCommands(app, &run);
    hh::RegisterContractCommands(app, &run);
    hh::RegisterUsersCommands(app, &run);
    hh::RegisterServeCommand(app, &run);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      int code = app.exit(e);
      return code == 0 ? hh::kExitOk : hh::kExitUsage;
    }
    hh::Status s = run();
    if (!s.ok()) {
      fmt::print(stderr, "handhaving: {}\n", s.message());
      return hh::ExitCodeFor(s);
    }
    return hh::kExitOk;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "handhaving: internal error: %s\n", e.what());
    return hh::kExitInternal;
  } catch (...) {
    std::fprintf(stderr, "handhaving: internal error\n");
    return hh::kExitInternal;
  }
}
