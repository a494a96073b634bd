#include "lists/ftm_writer.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace vigil {
namespace {

// FtM properties whose values identify a thing by a code or address rather
// than describe it.
constexpr std::string_view kIdentifierProperties[] = {
    "passportNumber", "idNumber", "taxNumber",     "vatCode",   "registrationNumber",
    "innCode",        "ogrnCode", "okpoCode",      "leiCode",   "dunsCode",
    "uniqueEntityId", "npiCode",  "permId",        "bikCode",   "swiftBic",
    "imoNumber",      "mmsi",     "callSign",      "email",     "phone",
    "website",        "iban",     "accountNumber", "publicKey", "icaoCode",
    "serialNumber",   "isinCode", "ticker",
};

constexpr std::string_view kTopicsProperty = "topics";

}  // namespace

bool IsFtmIdentifierProperty(std::string_view property) {
  return std::find(std::begin(kIdentifierProperties), std::end(kIdentifierProperties), property) !=
         std::end(kIdentifierProperties);
}

std::string EntityToFtmJson(const Entity& entity) {
  using Json = nlohmann::ordered_json;
  Json properties = Json::object();
  for (const auto& [name, values] : entity.properties()) properties[name] = values;
  for (const auto& id : entity.identifiers()) {
    if (!IsFtmIdentifierProperty(id.kind)) continue;
    Json& values = properties[id.kind];
    if (values.is_null()) values = Json::array();
    if (std::find(values.begin(), values.end(), id.value) == values.end())
      values.push_back(id.value);
  }
  if (!entity.topics().empty()) properties[std::string(kTopicsProperty)] = entity.topics();

  Json out = Json::object();
  out["id"] = entity.id();
  out["schema"] = entity.schema();
  out["caption"] = entity.caption();
  out["properties"] = std::move(properties);
  out["datasets"] = entity.datasets();
  if (!entity.relations().empty()) {
    Json relations = Json::array();
    for (const auto& r : entity.relations()) {
      relations.push_back({{"kind", r.kind},
                           {"target_id", r.target_id},
                           {"target_name", r.target_name},
                           {"wording", r.wording}});
    }
    out["relations"] = std::move(relations);
  }
  // Written even when empty: a reader that finds no "identifiers" derives
  // them from the properties, which would not give back this entity.
  Json identifiers = Json::array();
  for (const auto& i : entity.identifiers()) {
    identifiers.push_back(
        {{"kind", i.kind}, {"value", i.value}, {"country", i.country}, {"detail", i.detail}});
  }
  out["identifiers"] = std::move(identifiers);
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace vigil
