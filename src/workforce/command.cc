// The `vigil workforce` front-end helpers: everything the CLI prints comes
// from here. Kept apart from the scan so that programs using only the
// library's analysis do not link the matcher.
#include <fmt/format.h>

#include "core/io.h"
#include "vigil/catalog.h"
#include "vigil/matcher.h"
#include "vigil/workforce.h"

namespace vigil::workforce {

Result<std::string> RunScanCommand(const ScanCommand& command) {
  if (command.input_dir.empty()) return Status::InvalidArgument("workforce scan: no input folder");
  if (command.report_dir.empty())
    return Status::InvalidArgument("workforce scan: no --report folder");
  VIGIL_ASSIGN_OR_RETURN(Dataset data, LoadDataset(command.input_dir));
  VIGIL_ASSIGN_OR_RETURN(RulePack rules, command.rules_path.empty()
                                             ? LoadDefaultRulePack()
                                             : LoadRulePack(command.rules_path));
  ScanOptions options;
  options.rules = &rules;
  options.screen_worker_names = command.screen_worker_names;
  std::unique_ptr<Matcher> matcher;
  if (!command.no_catalog) {
    if (command.catalog_path.empty()) {
      VIGIL_ASSIGN_OR_RETURN(options.catalog, LoadDefaultCatalog());
    } else {
      VIGIL_ASSIGN_OR_RETURN(options.catalog, OpenCatalogOrList(command.catalog_path));
    }
    matcher = Matcher::Create(options.catalog);
    options.matcher = matcher.get();
  }
  VIGIL_ASSIGN_OR_RETURN(ScanResult result, Scan(data, options));
  VIGIL_RETURN_IF_ERROR(WriteReport(data, result, command.report_dir));

  size_t high = 0, medium = 0, high_clusters = 0;
  for (const auto& w : result.workers) {
    if (w.level == "high")
      ++high;
    else if (w.level == "medium")
      ++medium;
  }
  for (const auto& c : result.clusters)
    if (c.level == "high") ++high_clusters;
  std::string out = fmt::format(
      "{} workers, {} logins, {} payments, {} shipments ({} input problems)\n"
      "{} high-risk and {} medium-risk workers; {} clusters, {} high-risk; {} sanctions "
      "exposure hits\n",
      data.workers.size(), data.logins.size(), data.payments.size(), data.shipments.size(),
      data.problem_count, high, medium, result.clusters.size(), high_clusters,
      result.exposure.size());
  for (size_t i = 0; i < result.clusters.size() && i < 5; ++i) {
    const Cluster& c = result.clusters[i];
    if (c.level != "high") break;
    out += fmt::format("  {} score {:.0f} {} ({} workers)\n", c.id, c.score, c.pattern,
                       c.members.size());
  }
  for (const auto& n : result.notes) out += "note: " + n + "\n";
  out += fmt::format("report: {}\n", JoinPath(command.report_dir, "report.html"));
  std::string labels = JoinPath(command.input_dir, "labels.csv");
  if (PathExists(labels)) {
    auto l = LoadLabels(labels);
    if (l.ok()) out += "\nagainst labels.csv:\n" + Evaluate(data, result, *l).ToText();
  }
  return out;
}

Result<std::string> RunGenerateCommand(const GenerateCommand& command) {
  if (command.output_dir.empty())
    return Status::InvalidArgument("workforce generate: no -o folder");
  if (command.options.workers == 0)
    return Status::InvalidArgument("workforce generate: --workers must be positive");
  Generated g = GenerateWorkforce(command.options);
  VIGIL_RETURN_IF_ERROR(WriteDatasetCsv(g.data, command.output_dir));
  VIGIL_RETURN_IF_ERROR(WriteLabels(g.labels, JoinPath(command.output_dir, "labels.csv")));
  size_t planted = 0;
  for (const auto& l : g.labels)
    if (!l.scheme.empty()) ++planted;
  return fmt::format(
      "{} workers ({} in planted schemes), {} logins, {} payments, {} shipments "
      "written to {}\n",
      g.data.workers.size(), planted, g.data.logins.size(), g.data.payments.size(),
      g.data.shipments.size(), command.output_dir);
}

}  // namespace vigil::workforce
