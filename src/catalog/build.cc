// Building a catalog from sources and manifests.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/io.h"
#include "core/strings.h"
#include "vigil/catalog.h"

namespace vigil {
namespace {

// The sha256 of a source: of the file's bytes as stored, or for a folder of
// the "sha256  name" lines of its files (the SHA256SUMS convention).
Result<std::string> SourceSha256(const std::string& path) {
  if (IsDirectory(path)) {
    VIGIL_ASSIGN_OR_RETURN(auto files, ListFiles(path));
    std::string sums;
    for (const auto& f : files) {
      VIGIL_ASSIGN_OR_RETURN(std::string bytes, ReadRawFile(JoinPath(path, f)));
      sums += Sha256Hex(bytes) + "  " + f + "\n";
    }
    return Sha256Hex(sums);
  }
  VIGIL_ASSIGN_OR_RETURN(std::string bytes, ReadRawFile(path));
  return Sha256Hex(bytes);
}

}  // namespace

std::string DefaultDataDir() {
  const char* env = std::getenv("VIGIL_DATA_DIR");
  if (env && *env) return env;
  return VIGIL_DEFAULT_DATA_DIR;
}

Result<BuildOptions> LoadManifest(const std::string& manifest_path) {
  VIGIL_ASSIGN_OR_RETURN(std::string text, ReadFile(manifest_path));
  std::string dir = manifest_path.substr(0, manifest_path.find_last_of('/') == std::string::npos
                                                ? 0
                                                : manifest_path.find_last_of('/'));
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return Status::ParseError(manifest_path + ": not a JSON object");
  auto sources = j.find("sources");
  if (sources == j.end() || !sources->is_array())
    return Status::ParseError(manifest_path + ": missing array \"sources\"");
  BuildOptions options;
  size_t index = 0;
  for (const auto& s : *sources) {
    std::string where = manifest_path + ": sources[" + std::to_string(index++) + "]";
    if (!s.is_object()) return Status::ParseError(where + ": not an object");
    auto str = [&](const char* key) -> std::string {
      auto it = s.find(key);
      return (it != s.end() && it->is_string()) ? it->get<std::string>() : std::string();
    };
    SourceSpec spec;
    spec.dataset = str("dataset");
    std::string path = str("path");
    if (spec.dataset.empty()) return Status::ParseError(where + ": missing \"dataset\"");
    if (path.empty()) return Status::ParseError(where + ": missing \"path\"");
    spec.path = (path[0] == '/' || dir.empty()) ? path : JoinPath(dir, path);
    std::string format = str("format");
    if (!format.empty()) {
      auto f = ParseListFormatName(format);
      if (!f.ok()) return f.status().WithContext(where);
      spec.format = *f;
    }
    spec.publication_date = str("publication_date");
    spec.sha256 = str("sha256");
    options.sources.push_back(std::move(spec));
  }
  return options;
}

Result<BuildOptions> DefaultCatalogOptions(const std::string& data_dir) {
  return LoadManifest(JoinPath(data_dir, "manifest.json"));
}

Result<std::shared_ptr<const Catalog>> BuildCatalog(const BuildOptions& options,
                                                    BuildReport* report) {
  if (options.sources.empty()) return Status::InvalidArgument("no sources to build a catalog from");
  std::vector<SourceInfo> infos;
  std::vector<Entity> entities;
  for (const auto& spec : options.sources) {
    auto fail = [&](const Status& st) -> Status {
      if (report) report->errors.push_back(st.ToString());
      return st;
    };
    auto sha = SourceSha256(spec.path);
    if (!sha.ok()) {
      if (options.strict) return fail(sha.status());
      fail(sha.status());
      continue;
    }
    if (!spec.sha256.empty() && spec.sha256 != *sha) {
      Status st = Status::Corruption(spec.path + ": sha256 is " + *sha + ", the manifest says " +
                                     spec.sha256);
      if (options.strict) return fail(st);
      fail(st);
      continue;
    }
    auto format = DetectListFormat(spec);
    auto parsed = format.ok() ? ParseSource(spec) : Result<ParsedSource>(format.status());
    if (!parsed.ok()) {
      if (options.strict) return fail(parsed.status());
      fail(parsed.status());
      continue;
    }
    SourceInfo info;
    info.dataset = spec.dataset;
    info.path = spec.path;
    info.format = std::string(ListFormatName(*format));
    info.publication_date =
        parsed->publication_date.empty() ? spec.publication_date : parsed->publication_date;
    info.sha256 = *sha;
    info.entity_count = parsed->entities.size();
    info.warning_count = parsed->warnings.size();
    if (report)
      report->warnings.insert(report->warnings.end(), parsed->warnings.begin(),
                              parsed->warnings.end());
    for (auto& e : parsed->entities) {
      e.AddDataset(spec.dataset);
      entities.push_back(std::move(e));
    }
    infos.push_back(std::move(info));
  }
  if (infos.empty()) return Status::InvalidArgument("no source could be read");
  return Catalog::Create(std::move(infos), std::move(entities));
}

std::string_view DefaultDatasetName(ListFormat format) {
  switch (format) {
    case ListFormat::kOfacCsv:
    case ListFormat::kOfacXml:
      return "us_ofac_sdn";
    case ListFormat::kUnXml:
      return "un_sc_sanctions";
    case ListFormat::kUkOfsi:
      return "gb_hmt_sanctions";
    case ListFormat::kEuFsf:
      return "eu_fsf";
    case ListFormat::kTradeCsl:
      return "us_trade_csl";
    case ListFormat::kFtmJson:
      return "ftm";
    case ListFormat::kWatchlistCsv:
      return "watchlist";
    case ListFormat::kAuto:
      break;
  }
  return "unknown";
}

Result<std::shared_ptr<const Catalog>> LoadDefaultCatalog() {
  std::string data_dir = DefaultDataDir();
  VIGIL_ASSIGN_OR_RETURN(std::string manifest, ReadRawFile(JoinPath(data_dir, "manifest.json")));
  std::string cache_dir;
  if (const char* v = std::getenv("VIGIL_CACHE_DIR"); v && *v) {
    cache_dir = v;
  } else if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) {
    cache_dir = JoinPath(x, "vigil");
  } else if (const char* h = std::getenv("HOME"); h && *h) {
    cache_dir = JoinPath(h, ".cache/vigil");
  }
  // The manifest holds every source's sha256, so its hash names the content.
  std::string cache_file =
      cache_dir.empty()
          ? ""
          : JoinPath(cache_dir, "default-" + Sha256Hex(manifest).substr(0, 16) + ".vcat");
  if (!cache_file.empty() && PathExists(cache_file)) {
    auto cached = Catalog::Load(cache_file);
    if (cached.ok()) return cached;
  }
  VIGIL_ASSIGN_OR_RETURN(BuildOptions options, DefaultCatalogOptions(data_dir));
  VIGIL_ASSIGN_OR_RETURN(auto catalog, BuildCatalog(options));
  if (!cache_file.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(cache_dir, ec);
    if (!ec) (void)catalog->Save(cache_file);
  }
  return catalog;
}

bool IsCatalogFile(const std::string& path) {
  if (IsDirectory(path)) return false;
  std::ifstream in(path, std::ios::binary);
  char magic[8] = {};
  in.read(magic, sizeof(magic));
  return in.gcount() == 8 && std::string_view(magic, 8) == "VIGILCAT";
}

Result<std::shared_ptr<const Catalog>> OpenCatalogOrList(const std::string& path) {
  if (!PathExists(path)) return Status::NotFound(path + ": no such file or folder");
  if (IsCatalogFile(path)) return Catalog::Load(path);
  SourceSpec spec;
  spec.path = path;
  // Detect once without a dataset to learn the format, then name the dataset.
  VIGIL_ASSIGN_OR_RETURN(ListFormat format, DetectListFormat(spec));
  spec.format = format;
  spec.dataset = std::string(DefaultDatasetName(format));
  BuildOptions options;
  options.sources.push_back(spec);
  return BuildCatalog(options);
}

}  // namespace vigil
