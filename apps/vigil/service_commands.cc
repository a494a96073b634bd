// Placeholder until the service commands land: registers nothing.
#include "commands.h"

namespace vigil::cli {
void RegisterServiceCommands(CLI::App&, int*) {}
}  // namespace vigil::cli
