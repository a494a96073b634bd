// Placeholder until the workforce commands land: registers nothing.
#include "commands.h"

namespace vigil::cli {
void RegisterWorkforceCommands(CLI::App&, int*) {}
}  // namespace vigil::cli
