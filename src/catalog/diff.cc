// Field-by-field differences between catalogs; the basis of delta re-screening.
#include <algorithm>
#include <set>

#include "vigil/catalog.h"

namespace vigil {
namespace {

void DiffValues(std::string field, const std::vector<std::string>& old_values,
                const std::vector<std::string>& new_values, std::vector<FieldChange>* out) {
  std::set<std::string> a(old_values.begin(), old_values.end());
  std::set<std::string> b(new_values.begin(), new_values.end());
  FieldChange change;
  change.field = std::move(field);
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(change.removed));
  std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(change.added));
  if (!change.removed.empty() || !change.added.empty()) out->push_back(std::move(change));
}

std::vector<std::string> IdentifierStrings(const Entity& e) {
  std::vector<std::string> out;
  for (const auto& i : e.identifiers()) {
    std::string s = i.kind + ":" + i.value;
    if (!i.country.empty()) s += " (" + i.country + ")";
    if (!i.detail.empty()) s += " [" + i.detail + "]";
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> RelationStrings(const Entity& e) {
  std::vector<std::string> out;
  for (const auto& r : e.relations())
    out.push_back(r.kind + " -> " + (r.target_id.empty() ? r.target_name : r.target_id));
  return out;
}

}  // namespace

std::vector<FieldChange> DiffEntities(const Entity& o, const Entity& n) {
  std::vector<FieldChange> out;
  if (o.schema() != n.schema()) out.push_back({"schema", {o.schema()}, {n.schema()}});
  std::set<std::string> props;
  for (const auto& [k, v] : o.properties()) props.insert(k);
  for (const auto& [k, v] : n.properties()) props.insert(k);
  for (const auto& p : props) DiffValues(p, o.Get(p), n.Get(p), &out);
  DiffValues("identifiers", IdentifierStrings(o), IdentifierStrings(n), &out);
  DiffValues("relations", RelationStrings(o), RelationStrings(n), &out);
  DiffValues("datasets", o.datasets(), n.datasets(), &out);
  DiffValues("topics", o.topics(), n.topics(), &out);
  return out;
}

CatalogDiff DiffCatalogs(const Catalog& old_catalog, const Catalog& new_catalog) {
  CatalogDiff diff;
  for (const auto& e : old_catalog.entities())
    if (!new_catalog.Find(e.id())) diff.removed.push_back(e.id());
  for (const auto& e : new_catalog.entities()) {
    const Entity* old_entity = old_catalog.Find(e.id());
    if (!old_entity) {
      diff.added.push_back(e.id());
      continue;
    }
    auto fields = DiffEntities(*old_entity, e);
    if (!fields.empty()) diff.changed.push_back({e.id(), e.caption(), std::move(fields)});
  }
  std::sort(diff.added.begin(), diff.added.end());
  std::sort(diff.removed.begin(), diff.removed.end());
  std::sort(diff.changed.begin(), diff.changed.end(),
            [](const EntityChange& a, const EntityChange& b) { return a.id < b.id; });
  return diff;
}

}  // namespace vigil
