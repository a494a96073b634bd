// The catalog: an immutable, versioned snapshot of all listed entities, built
// from a manifest of sources. Screening always runs against one catalog, and
// every result names the catalog version it came from.
//
// A Catalog is immutable once built; share it as std::shared_ptr<const Catalog>
// and read it from any number of threads.
#ifndef VIGIL_CATALOG_H_
#define VIGIL_CATALOG_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vigil/entity.h"
#include "vigil/lists.h"
#include "vigil/status.h"

namespace vigil {

// What went into a catalog, one row per source.
struct SourceInfo {
  std::string dataset;
  std::string path;              // as given at build time (informational)
  std::string format;            // ListFormatName
  std::string publication_date;  // ISO date, may be empty
  std::string sha256;            // of the source bytes (all files of a folder, in order)
  uint64_t entity_count = 0;
  uint64_t warning_count = 0;
};

class Catalog {
 public:
  // Builds a catalog from entities; `sources` describe where they came from.
  // Entities with the same id are merged. The version is derived from the
  // content (a hash of the sources and entities), so the same inputs always
  // give the same version.
  static std::shared_ptr<const Catalog> Create(std::vector<SourceInfo> sources,
                                               std::vector<Entity> entities,
                                               std::string created_at = "");

  const std::string& version() const { return version_; }
  const std::string& created_at() const { return created_at_; }
  const std::vector<SourceInfo>& sources() const { return sources_; }
  const std::vector<Entity>& entities() const { return entities_; }
  size_t size() const { return entities_.size(); }
  // nullptr when no entity has that id.
  const Entity* Find(std::string_view id) const;
  // Index of the entity in entities(), or -1.
  int64_t IndexOf(std::string_view id) const;

  // Writes the binary snapshot (format documented in src/catalog/README.md).
  // Writes to a temporary file and renames, so a reader never sees half a file.
  Status Save(const std::string& path) const;
  static Result<std::shared_ptr<const Catalog>> Load(const std::string& path);
  // The snapshot bytes (Save writes exactly these).
  std::string Serialize() const;
  static Result<std::shared_ptr<const Catalog>> Deserialize(std::string_view bytes,
                                                            std::string_view name);

 private:
  Catalog() = default;
  void BuildIdIndex();

  std::string version_;
  std::string created_at_;
  std::vector<SourceInfo> sources_;
  std::vector<Entity> entities_;
  std::unordered_map<std::string_view, uint32_t> by_id_;
};

// Build options for a catalog made of several sources.
struct BuildOptions {
  std::vector<SourceSpec> sources;
  // Fail on the first source that cannot be parsed (default). When false, a
  // failed source is skipped and reported in BuildReport::errors.
  bool strict = true;
};

struct BuildReport {
  std::vector<Diagnostic> warnings;
  std::vector<std::string> errors;
};

Result<std::shared_ptr<const Catalog>> BuildCatalog(const BuildOptions& options,
                                                    BuildReport* report = nullptr);

// Reads a manifest: a JSON file {"sources":[{"dataset","path","format",
// "publication_date","sha256"}]} with paths relative to the manifest's folder.
// When a source names a sha256, the build refuses a file that does not match.
Result<BuildOptions> LoadManifest(const std::string& manifest_path);
// The default catalog: the lists the project ships under data/ (see
// data/README.md and data/manifest.json). `data_dir` is that folder.
Result<BuildOptions> DefaultCatalogOptions(const std::string& data_dir);
// The default catalog, from a cached snapshot when one matches the shipped
// manifest, else built from data/ and cached ($VIGIL_CACHE_DIR, else
// $XDG_CACHE_HOME/vigil, else ~/.cache/vigil; caching failures are ignored).
Result<std::shared_ptr<const Catalog>> LoadDefaultCatalog();
// Where the shipped data lives: $VIGIL_DATA_DIR, else the folder compiled in.
std::string DefaultDataDir();

// Opens a catalog snapshot, or builds a one-source catalog from a raw list file
// or folder (format detected; ids use the format's usual dataset name, e.g.
// un_sc_sanctions). Lets `vigil catalog diff` compare two list files directly.
Result<std::shared_ptr<const Catalog>> OpenCatalogOrList(const std::string& path);
// The dataset name a list format usually carries ("un_sc_sanctions" for UN XML).
std::string_view DefaultDatasetName(ListFormat format);
bool IsCatalogFile(const std::string& path);

// Differences between two catalogs, by entity id.
struct FieldChange {
  std::string field;                 // property name, "schema", "identifiers" …
  std::vector<std::string> removed;  // values only in the old entity
  std::vector<std::string> added;    // values only in the new entity
};
struct EntityChange {
  std::string id;
  std::string caption;
  std::vector<FieldChange> fields;
};
struct CatalogDiff {
  std::vector<std::string> added;    // ids only in the new catalog
  std::vector<std::string> removed;  // ids only in the old catalog
  std::vector<EntityChange> changed;
};
CatalogDiff DiffCatalogs(const Catalog& old_catalog, const Catalog& new_catalog);
// Field-by-field differences between two records of one entity.
std::vector<FieldChange> DiffEntities(const Entity& old_entity, const Entity& new_entity);

}  // namespace vigil

#endif  // VIGIL_CATALOG_H_
