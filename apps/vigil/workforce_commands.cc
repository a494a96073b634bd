// vigil workforce scan / generate: unmasking DPRK IT-worker schemes in an
// organisation's workforce and payment data (src/workforce).
#include <iostream>
#include <memory>

#include "commands.h"
#include "vigil/workforce.h"

namespace vigil::cli {
namespace {

int Report(const Result<std::string>& r) {
  if (!r.ok()) {
    std::cerr << "vigil: " << r.status().ToString() << "\n";
    return r.status().code() == Status::Code::kInvalidArgument ? 2 : 1;
  }
  std::cout << *r;
  if (!r->empty() && r->back() != '\n') std::cout << "\n";
  return 0;
}

}  // namespace

void RegisterWorkforceCommands(CLI::App& app, int* exit_code) {
  auto* workforce =
      app.add_subcommand("workforce", "Find DPRK IT-worker schemes in workforce data");
  workforce->require_subcommand(1);

  auto scan_cmd = std::make_shared<workforce::ScanCommand>();
  auto* scan =
      workforce->add_subcommand("scan", "Scan a folder of workers/payments/logins/shipments files");
  scan->add_option("dir", scan_cmd->input_dir, "Input folder (docs/workforce.md)")->required();
  scan->add_option("--report", scan_cmd->report_dir, "Output folder for JSON lines and report.html")
      ->required();
  scan->add_option("--catalog", scan_cmd->catalog_path, "Catalog snapshot or list file");
  scan->add_flag("--no-catalog", scan_cmd->no_catalog, "Skip sanctions exposure");
  scan->add_option("--rules", scan_cmd->rules_path,
                   "Rule pack (default data/rules/dprk-itw-rules.json)");
  auto no_names_ptr = std::make_shared<bool>(false);
  scan->add_flag("--no-name-screening", *no_names_ptr, "Do not screen worker names");
  scan->callback([scan_cmd, no_names_ptr, exit_code] {
    scan_cmd->screen_worker_names = !*no_names_ptr;
    *exit_code = Report(workforce::RunScanCommand(*scan_cmd));
  });

  auto gen_cmd = std::make_shared<workforce::GenerateCommand>();
  auto* gen = workforce->add_subcommand(
      "generate", "Generate a labelled synthetic workforce with planted schemes");
  gen->add_option("--workers", gen_cmd->options.workers, "Number of workers")
      ->capture_default_str();
  gen->add_option("--seed", gen_cmd->options.seed, "Random seed")->capture_default_str();
  gen->add_option("--start", gen_cmd->options.start_date, "First day (YYYY-MM-DD)")
      ->capture_default_str();
  gen->add_option("--days", gen_cmd->options.days, "Days of activity")->capture_default_str();
  gen->add_option("--sessions-per-week", gen_cmd->options.sessions_per_week,
                  "Login sessions per worker per week")
      ->capture_default_str();
  gen->add_option("--workers-per-scheme", gen_cmd->options.workers_per_scheme,
                  "One planted group of each scheme per this many workers")
      ->capture_default_str();
  gen->add_option("-o,--output", gen_cmd->output_dir, "Output folder")->required();
  gen->callback(
      [gen_cmd, exit_code] { *exit_code = Report(workforce::RunGenerateCommand(*gen_cmd)); });
}

}  // namespace vigil::cli
