// vigil — the command-line front end. It only parses arguments and calls the
// library; everything it prints comes from library functions.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "catalog/report.h"
#include "core/strings.h"
#include "vigil/catalog.h"
#include "vigil/lists.h"

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
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
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

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

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
  return kExitUsage;
}
