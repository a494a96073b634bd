// Subcommand groups of the vigil CLI that live in their own files. Each
// Register function adds its subcommands to `app`; a subcommand's callback
// stores its exit code in *exit_code (CLI11 runs callbacks during parse).
#ifndef VIGIL_APPS_VIGIL_COMMANDS_H_
#define VIGIL_APPS_VIGIL_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace vigil::cli {

// serve, audit, cases, monitor (src/server, src/store, src/monitor).
void RegisterServiceCommands(CLI::App& app, int* exit_code);
// update: download the official lists into a new catalog (src/update).
void RegisterUpdateCommands(CLI::App& app, int* exit_code);
// workforce scan / generate (src/workforce).
void RegisterWorkforceCommands(CLI::App& app, int* exit_code);

}  // namespace vigil::cli

#endif  // VIGIL_APPS_VIGIL_COMMANDS_H_
