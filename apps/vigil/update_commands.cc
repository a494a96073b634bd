// vigil update: refresh the lists from their official addresses into a new
// catalog (src/update).
#include <iostream>
#include <memory>

#include "commands.h"
#include "core/io.h"
#include "vigil/update.h"

namespace vigil::cli {
namespace {

struct UpdateArgs {
  UpdateOptions options;
  bool force = false;
  bool quiet = false;
};

int RunUpdate(UpdateArgs args) {
  if (args.force) args.options.min_kept_fraction = 0;
  if (!args.quiet)
    args.options.progress = [](const std::string& message) { std::cerr << message << "\n"; };
  bool existed = PathExists(args.options.output);
  auto result = UpdateCatalog(args.options);
  if (!result.ok()) {
    const Status& st = result.status();
    std::cerr << "vigil: " << st.ToString() << "\n";
    std::cerr << "vigil: update failed; "
              << (existed ? args.options.output + " was left unchanged" : "nothing was written")
              << "\n";
    return st.code() == Status::Code::kInvalidArgument ? 2 : 1;
  }
  if (!args.quiet) std::cout << FormatUpdateSummary(*result);
  return 0;
}

}  // namespace

void RegisterUpdateCommands(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<UpdateArgs>();
  auto* cmd = app.add_subcommand(
      "update",
      "Download the current lists from their official addresses and build a new catalog "
      "(the old one stays untouched unless every list downloads and parses)");
  cmd->add_option("--sources", args->options.sources_path,
                  "Sources file naming the official addresses (default: data/sources.json)");
  cmd->add_option("--base-url", args->options.base_url,
                  "Replace scheme and host of every address (a mirror, or a test server)");
  cmd->add_option("-o,--output", args->options.output, "Catalog file to write")
      ->capture_default_str();
  cmd->add_option("--keep-downloads", args->options.keep_downloads,
                  "Download into this folder and keep the files");
  cmd->add_option("--timeout", args->options.read_timeout_seconds,
                  "Seconds of silence before a download is abandoned")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  cmd->add_option("--attempts", args->options.attempts, "Attempts per file")
      ->capture_default_str()
      ->check(CLI::Range(1, 10));
  cmd->add_flag("--force", args->force,
                "Accept a list that lost more than half of its entities since the previous "
                "catalog");
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing on success");
  cmd->callback([args, exit_code] { *exit_code = RunUpdate(*args); });
}

}  // namespace vigil::cli
