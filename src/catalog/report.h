// Human- and machine-readable reports about catalogs (used by the CLI and the
// HTTP server, so both print the same thing).
#ifndef VIGIL_CATALOG_REPORT_H_
#define VIGIL_CATALOG_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "vigil/catalog.h"

namespace vigil {

// Sources, dates, counts per dataset and schema.
std::string FormatCatalogInfo(const Catalog& catalog);
nlohmann::json CatalogInfoJson(const Catalog& catalog);
// Added, removed and changed entities with their changed fields.
std::string FormatCatalogDiff(const CatalogDiff& diff, const Catalog& old_catalog,
                              const Catalog& new_catalog, size_t max_changed_shown);
nlohmann::json CatalogDiffJson(const CatalogDiff& diff);

}  // namespace vigil

#endif  // VIGIL_CATALOG_REPORT_H_
