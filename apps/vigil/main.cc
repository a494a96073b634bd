// vigil — the command-line front end. It only parses arguments and calls the
// library; everything it prints comes from library functions.
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "catalog/report.h"
#include "commands.h"
#include "core/strings.h"
#include "match/batch.h"
#include "match/eval.h"
#include "match/query_json.h"
#include "vigil/catalog.h"
#include "vigil/lists.h"
#include "vigil/matcher.h"

namespace {

using vigil::Result;
using vigil::Status;

constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

int Fail(const Status& status) {
  std::cerr << "vigil: " << status.ToString() << "\n";
  return status.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitError;
}

std::string Dump(const nlohmann::json& j, int indent = -1) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// "DATASET=PATH" or "DATASET=PATH:FORMAT".
Result<vigil::SourceSpec> ParseSourceArg(const std::string& arg) {
  size_t eq = arg.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size())
    return Status::InvalidArgument("--source expects DATASET=PATH[:FORMAT], got '" + arg + "'");
  vigil::SourceSpec spec;
  spec.dataset = arg.substr(0, eq);
  spec.path = arg.substr(eq + 1);
  size_t colon = spec.path.rfind(':');
  if (colon != std::string::npos) {
    auto format = vigil::ParseListFormatName(spec.path.substr(colon + 1));
    if (format.ok()) {
      spec.format = *format;
      spec.path.resize(colon);
    }
  }
  return spec;
}

struct CatalogBuildArgs {
  std::vector<std::string> sources;
  std::string manifest;
  std::string output = "vigil-catalog.vcat";
  bool lenient = false;
  bool quiet = false;
};

int RunCatalogBuild(const CatalogBuildArgs& args) {
  auto start = std::chrono::steady_clock::now();
  vigil::BuildOptions options;
  if (!args.manifest.empty()) {
    auto m = vigil::LoadManifest(args.manifest);
    if (!m.ok()) return Fail(m.status());
    options = std::move(*m);
  }
  for (const auto& s : args.sources) {
    auto spec = ParseSourceArg(s);
    if (!spec.ok()) return Fail(spec.status());
    options.sources.push_back(std::move(*spec));
  }
  if (options.sources.empty()) {
    auto d = vigil::DefaultCatalogOptions(vigil::DefaultDataDir());
    if (!d.ok()) return Fail(d.status());
    options = std::move(*d);
  }
  options.strict = !args.lenient;
  vigil::BuildReport report;
  auto catalog = vigil::BuildCatalog(options, &report);
  for (const auto& e : report.errors) std::cerr << "error: " << e << "\n";
  if (!catalog.ok()) return Fail(catalog.status());
  Status st = (*catalog)->Save(args.output);
  if (!st.ok()) return Fail(st);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!args.quiet) {
    std::cout << vigil::FormatCatalogInfo(**catalog);
    std::cout << fmt::format("\n{} warnings while parsing", report.warnings.size());
    if (!report.warnings.empty()) std::cout << " (first: " << report.warnings[0].ToString() << ")";
    std::cout << fmt::format("\nwrote {} in {:.2f} s\n", args.output, secs);
  }
  return report.errors.empty() ? 0 : kExitError;
}

Result<std::shared_ptr<const vigil::Catalog>> OpenCatalog(const std::string& path) {
  if (path.empty()) return vigil::LoadDefaultCatalog();
  return vigil::OpenCatalogOrList(path);
}

struct ScreenArgs {
  std::vector<std::string> names;
  std::string schema = "LegalEntity";
  std::vector<std::string> birth_dates, countries, identifiers;
  std::string gender;
  std::string input, output;
  std::string catalog;
  double threshold = 0.80;
  double cutoff = 0.50;
  size_t limit = 10;
  int jobs = 1;
  bool json = false, explain = false, brute_force = false, no_progress = false;
  std::vector<std::string> include_datasets, exclude_datasets;
};

Result<vigil::Query> QueryFromArgs(const ScreenArgs& a) {
  nlohmann::json props = nlohmann::json::object();
  if (!a.names.empty()) props["name"] = a.names;
  if (!a.birth_dates.empty()) props["birthDate"] = a.birth_dates;
  if (!a.countries.empty()) props["country"] = a.countries;
  if (!a.gender.empty()) props["gender"] = {a.gender};
  for (const auto& id : a.identifiers) {
    size_t colon = id.find(':');
    if (colon == std::string::npos || colon == 0)
      return Status::InvalidArgument("--id expects KIND:VALUE (e.g. passportNumber:123), got '" +
                                     id + "'");
    props[id.substr(0, colon)].push_back(id.substr(colon + 1));
  }
  nlohmann::json j = {{"id", "cli"}, {"schema", a.schema}, {"properties", props}};
  return vigil::QueryFromJson(j, "command line");
}

vigil::MatchOptions MatchOptionsFrom(const ScreenArgs& a) {
  vigil::MatchOptions o;
  o.threshold = a.threshold;
  o.cutoff = std::min(a.cutoff, a.threshold);
  o.limit = a.limit;
  o.brute_force = a.brute_force;
  o.include_datasets = a.include_datasets;
  o.exclude_datasets = a.exclude_datasets;
  return o;
}

int RunScreen(const ScreenArgs& a) {
  if (a.input.empty() && a.names.empty() && a.identifiers.empty())
    return Fail(Status::InvalidArgument("give a name or --id to screen, or --input FILE"));
  auto catalog = OpenCatalog(a.catalog);
  if (!catalog.ok()) return Fail(catalog.status());
  auto matcher = vigil::Matcher::Create(*catalog);
  if (!a.input.empty()) {
    vigil::BatchOptions options;
    options.match = MatchOptionsFrom(a);
    options.jobs = a.jobs;
    auto start = std::chrono::steady_clock::now();
    if (!a.no_progress && isatty(fileno(stderr))) {
      options.progress = [start](size_t done, size_t total) {
        double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        int width = 30;
        int filled = total ? static_cast<int>(width * done / total) : width;
        std::fprintf(stderr, "\r[%s%s] %zu/%zu  %.0f q/s ", std::string(filled, '#').c_str(),
                     std::string(width - filled, ' ').c_str(), done, total,
                     secs > 0 ? done / secs : 0.0);
        if (done == total) std::fprintf(stderr, "\n");
      };
    }
    Status st = vigil::ScreenFile(*matcher, a.input, a.output, options);
    if (!st.ok()) return Fail(st);
    return 0;
  }
  auto query = QueryFromArgs(a);
  if (!query.ok()) return Fail(query.status());
  auto results = matcher->Match(*query, MatchOptionsFrom(a));
  if (!results.ok()) return Fail(results.status());
  if (a.json)
    std::cout << vigil::DumpJson(
                     vigil::ResponseToJson(*query, *results, matcher->catalog().version()), 2)
              << "\n";
  else
    std::cout << vigil::FormatResultsTable(*query, *results, a.explain);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"vigil — sanctions screening and DPRK IT-worker detection"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("vigil ") + VIGIL_VERSION_STRING);

  auto* catalog_cmd = app.add_subcommand("catalog", "Build, inspect and compare catalogs");
  catalog_cmd->require_subcommand(1);

  CatalogBuildArgs build_args;
  auto* build = catalog_cmd->add_subcommand(
      "build", "Build a catalog snapshot (no sources: the default catalog from data/)");
  build->add_option("--source", build_args.sources,
                    "DATASET=PATH[:FORMAT]; PATH is a list file or a folder of a list's files");
  build->add_option("--manifest", build_args.manifest, "A manifest JSON naming the sources");
  build->add_option("-o,--output", build_args.output, "Snapshot file to write")
      ->capture_default_str();
  build->add_flag("--lenient", build_args.lenient, "Skip sources that fail instead of stopping");
  build->add_flag("-q,--quiet", build_args.quiet, "Print nothing on success");

  std::string info_path;
  bool info_json = false;
  auto* info = catalog_cmd->add_subcommand("info", "Sources, dates and counts of a catalog");
  info->add_option("file", info_path, "Catalog snapshot or list file (default: default catalog)");
  info->add_flag("--json", info_json, "Print JSON");

  std::string diff_old, diff_new;
  bool diff_json = false;
  size_t diff_max = 50;
  auto* diff = catalog_cmd->add_subcommand("diff", "Entities added, removed and changed");
  diff->add_option("old", diff_old, "Older catalog snapshot or list file")->required();
  diff->add_option("new", diff_new, "Newer catalog snapshot or list file")->required();
  diff->add_flag("--json", diff_json, "Print JSON");
  diff->add_option("--max-changed", diff_max, "Changed entities shown in text output")
      ->capture_default_str();

  ScreenArgs screen_args;
  auto* screen = app.add_subcommand("screen", "Screen names against a catalog");
  screen->add_option("names", screen_args.names, "Names to screen (one query, several names)");
  screen->add_option("--schema", screen_args.schema, "Person, Organization, Company, Vessel …")
      ->capture_default_str();
  screen->add_option("--birth-date", screen_args.birth_dates, "YYYY, YYYY-MM or YYYY-MM-DD");
  screen->add_option("--country", screen_args.countries,
                     "Nationality or country (name or ISO code)");
  screen->add_option("--gender", screen_args.gender, "male or female");
  screen->add_option("--id", screen_args.identifiers,
                     "KIND:VALUE, e.g. passportNumber:123456, cryptoWallet:1abc…");
  screen->add_option("-i,--input", screen_args.input,
                     "Batch: queries as JSON lines (yente shape) or CSV");
  screen->add_option("-o,--output", screen_args.output,
                     "Batch: results as JSON lines (default: stdout)");
  screen->add_option("--catalog", screen_args.catalog,
                     "Catalog snapshot or list file (default: the default catalog)");
  screen->add_option("--threshold", screen_args.threshold, "Score at which a result is a match")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  screen->add_option("--cutoff", screen_args.cutoff, "Lowest score reported")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  screen->add_option("--limit", screen_args.limit, "Results per query")->capture_default_str();
  screen->add_option("-j,--jobs", screen_args.jobs, "Threads for batch screening")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  screen->add_option("--dataset", screen_args.include_datasets, "Only these datasets");
  screen->add_option("--exclude-dataset", screen_args.exclude_datasets, "Not these datasets");
  screen->add_flag("--json", screen_args.json, "Print JSON");
  screen->add_flag("--explain", screen_args.explain, "Show token pairs and features");
  screen->add_flag("--brute-force", screen_args.brute_force, "Score every alias (reference mode)");
  screen->add_flag("--no-progress", screen_args.no_progress, "No progress bar");

  ScreenArgs explain_args;
  std::string explain_entity, explain_name;
  auto* explain = app.add_subcommand("explain", "Why does a name (not) match a listed entity?");
  explain->add_option("name", explain_name, "Name screened")->required();
  explain->add_option("entity", explain_entity, "Entity id, e.g. us_ofac_sdn:12211")->required();
  explain->add_option("--schema", explain_args.schema, "Schema of the query")
      ->capture_default_str();
  explain->add_option("--birth-date", explain_args.birth_dates, "YYYY, YYYY-MM or YYYY-MM-DD");
  explain->add_option("--country", explain_args.countries, "Nationality or country");
  explain->add_option("--catalog", explain_args.catalog, "Catalog snapshot or list file");

  std::string eval_pairs, eval_cross;
  double eval_threshold = 0.80;
  bool eval_errors = false;
  size_t eval_variants = 0;
  uint64_t eval_seed = 1;
  std::string eval_catalog;
  auto* eval = app.add_subcommand("eval", "Precision and recall on labelled name pairs");
  eval->add_option("--pairs", eval_pairs,
                   "nomenklatura-style CSV (case_group,schema,name1,name2,is_match)");
  eval->add_option("--cross-script", eval_cross, "watchman-style cross-script CSV");
  eval->add_option("--threshold", eval_threshold, "Decision threshold")->capture_default_str();
  eval->add_flag("--errors", eval_errors, "List misclassified pairs");
  eval->add_option("--variants", eval_variants,
                   "Held-out style check: N listed names with one variation, N ordinary names");
  eval->add_option("--seed", eval_seed, "Seed for --variants")->capture_default_str();
  eval->add_option("--catalog", eval_catalog,
                   "Catalog for --variants (default: the default catalog)");

  int registered_exit = -1;
  vigil::cli::RegisterServiceCommands(app, &registered_exit);
  vigil::cli::RegisterUpdateCommands(app, &registered_exit);
  vigil::cli::RegisterWorkforceCommands(app, &registered_exit);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints the message (or --help)
    return code == 0 ? 0 : kExitUsage;
  }

  if (registered_exit >= 0) return registered_exit;
  if (build->parsed()) return RunCatalogBuild(build_args);
  if (info->parsed()) {
    auto c = OpenCatalog(info_path);
    if (!c.ok()) return Fail(c.status());
    if (info_json)
      std::cout << Dump(vigil::CatalogInfoJson(**c), 2) << "\n";
    else
      std::cout << vigil::FormatCatalogInfo(**c);
    return 0;
  }
  if (diff->parsed()) {
    auto a = OpenCatalog(diff_old);
    if (!a.ok()) return Fail(a.status());
    auto b = OpenCatalog(diff_new);
    if (!b.ok()) return Fail(b.status());
    auto d = vigil::DiffCatalogs(**a, **b);
    if (diff_json)
      std::cout << Dump(vigil::CatalogDiffJson(d)) << "\n";
    else
      std::cout << vigil::FormatCatalogDiff(d, **a, **b, diff_max);
    return 0;
  }
  if (screen->parsed()) return RunScreen(screen_args);
  if (explain->parsed()) {
    explain_args.names = {explain_name};
    auto catalog = OpenCatalog(explain_args.catalog);
    if (!catalog.ok()) return Fail(catalog.status());
    auto matcher = vigil::Matcher::Create(*catalog);
    auto query = QueryFromArgs(explain_args);
    if (!query.ok()) return Fail(query.status());
    auto r = matcher->ScoreEntity(*query, explain_entity, MatchOptionsFrom(explain_args));
    if (!r.ok()) return Fail(r.status());
    std::cout << vigil::FormatResultsTable(*query, {*r}, /*explain=*/true);
    return 0;
  }
  if (eval->parsed()) {
    std::vector<vigil::PairCase> pairs;
    if (eval_variants > 0) {
      auto catalog = OpenCatalog(eval_catalog);
      if (!catalog.ok()) return Fail(catalog.status());
      auto matcher = vigil::Matcher::Create(*catalog);
      auto report = vigil::EvaluateVariants(*matcher, eval_variants, eval_variants, eval_seed,
                                            eval_threshold);
      std::cout << vigil::FormatVariantReport(report, eval_errors ? 1000 : 0);
      if (eval_pairs.empty() && eval_cross.empty()) return 0;
    }
    if (eval_pairs.empty() && eval_cross.empty())
      return Fail(
          Status::InvalidArgument("give --pairs FILE, --cross-script FILE or --variants N"));
    if (!eval_pairs.empty()) {
      auto p = vigil::LoadNomenklaturaPairs(eval_pairs);
      if (!p.ok()) return Fail(p.status());
      pairs.insert(pairs.end(), p->begin(), p->end());
    }
    if (!eval_cross.empty()) {
      auto p = vigil::LoadCrossScriptPairs(eval_cross);
      if (!p.ok()) return Fail(p.status());
      pairs.insert(pairs.end(), p->begin(), p->end());
    }
    auto report = vigil::EvaluatePairs(pairs, eval_threshold);
    if (!report.ok()) return Fail(report.status());
    std::cout << vigil::FormatEvalReport(*report, eval_errors);
    return 0;
  }
  return kExitUsage;
}
