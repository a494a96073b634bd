#include "catalog/report.h"

#include <fmt/format.h>

#include <map>

namespace vigil {
namespace {
std::map<std::string, std::map<std::string, size_t>> CountsByDatasetAndSchema(const Catalog& c) {
  std::map<std::string, std::map<std::string, size_t>> counts;
  for (const auto& e : c.entities())
    for (const auto& d : e.datasets()) counts[d][e.schema()]++;
  return counts;
}
}  // namespace

std::string FormatCatalogInfo(const Catalog& c) {
  std::string out;
  out +=
      fmt::format("catalog {}  created {}  entities {}\n\n", c.version(), c.created_at(), c.size());
  out += fmt::format("{:<20} {:<10} {:<12} {:>9} {:>9}  {}\n", "dataset", "format", "published",
                     "entities", "warnings", "sha256");
  for (const auto& s : c.sources())
    out += fmt::format("{:<20} {:<10} {:<12} {:>9} {:>9}  {}\n", s.dataset, s.format,
                       s.publication_date.empty() ? "-" : s.publication_date, s.entity_count,
                       s.warning_count, s.sha256.substr(0, 16));
  out += "\nentities by dataset and schema\n";
  for (const auto& [dataset, schemas] : CountsByDatasetAndSchema(c)) {
    out += fmt::format("  {:<20}", dataset);
    for (const auto& [schema_name, n] : schemas) out += fmt::format(" {}={}", schema_name, n);
    out += "\n";
  }
  return out;
}

nlohmann::json CatalogInfoJson(const Catalog& c) {
  nlohmann::json j;
  j["version"] = c.version();
  j["created_at"] = c.created_at();
  j["entities"] = c.size();
  j["sources"] = nlohmann::json::array();
  for (const auto& s : c.sources())
    j["sources"].push_back({{"dataset", s.dataset},
                            {"path", s.path},
                            {"format", s.format},
                            {"publication_date", s.publication_date},
                            {"sha256", s.sha256},
                            {"entities", s.entity_count},
                            {"warnings", s.warning_count}});
  nlohmann::json counts = nlohmann::json::object();
  for (const auto& [dataset, schemas] : CountsByDatasetAndSchema(c))
    for (const auto& [schema_name, n] : schemas) counts[dataset][schema_name] = n;
  j["counts"] = counts;
  return j;
}

std::string FormatCatalogDiff(const CatalogDiff& diff, const Catalog& o, const Catalog& n,
                              size_t max_changed_shown) {
  std::string out =
      fmt::format("{} -> {}: {} added, {} removed, {} changed\n", o.version(), n.version(),
                  diff.added.size(), diff.removed.size(), diff.changed.size());
  for (const auto& id : diff.added) out += fmt::format("+ {}  {}\n", id, n.Find(id)->caption());
  for (const auto& id : diff.removed) out += fmt::format("- {}  {}\n", id, o.Find(id)->caption());
  size_t shown = 0;
  for (const auto& c : diff.changed) {
    if (shown++ == max_changed_shown) {
      out += fmt::format("… {} more changed entities (use --json for all)\n",
                         diff.changed.size() - max_changed_shown);
      break;
    }
    out += fmt::format("~ {}  {}\n", c.id, c.caption);
    for (const auto& f : c.fields) {
      for (const auto& v : f.removed) out += fmt::format("    {}: - {}\n", f.field, v);
      for (const auto& v : f.added) out += fmt::format("    {}: + {}\n", f.field, v);
    }
  }
  return out;
}

nlohmann::json CatalogDiffJson(const CatalogDiff& diff) {
  nlohmann::json j;
  j["added"] = diff.added;
  j["removed"] = diff.removed;
  j["changed"] = nlohmann::json::array();
  for (const auto& c : diff.changed) {
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& f : c.fields)
      fields.push_back({{"field", f.field}, {"removed", f.removed}, {"added", f.added}});
    j["changed"].push_back({{"id", c.id}, {"caption", c.caption}, {"fields", fields}});
  }
  return j;
}

}  // namespace vigil
