#include "match/query_json.h"

#include <cmath>

#include "core/strings.h"

namespace vigil {
namespace {

// FtM properties that carry identifiers, and the kind vigil files them under.
constexpr std::pair<std::string_view, std::string_view> kIdentifierProps[] = {
    {"passportNumber", "passportNumber"},
    {"idNumber", "idNumber"},
    {"taxNumber", "taxNumber"},
    {"registrationNumber", "registrationNumber"},
    {"innCode", "taxNumber"},
    {"ogrnCode", "registrationNumber"},
    {"leiCode", "registrationNumber"},
    {"swiftBic", "swiftBic"},
    {"imoNumber", "imoNumber"},
    {"mmsi", "mmsi"},
    {"email", "email"},
    {"phone", "phone"},
    {"website", "website"},
    {"cryptoWallet", "cryptoWallet"},
    {"publicKey", "cryptoWallet"},
    {"accountNumber", "idNumber"},
    {"iban", "idNumber"},
    {"callSign", "callSign"},
};

double Round4(double v) { return std::round(v * 10000.0) / 10000.0; }

}  // namespace

std::string DumpJson(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<Query> QueryFromJson(const nlohmann::json& j, std::string_view where) {
  std::string w(where);
  if (!j.is_object()) return Status::InvalidArgument(w + ": a query must be a JSON object");
  Query q;
  if (auto it = j.find("id"); it != j.end()) {
    if (it->is_string())
      q.id = it->get<std::string>();
    else if (it->is_number_integer())
      q.id = std::to_string(it->get<long long>());
    else
      return Status::InvalidArgument(w + ": field \"id\" must be a string");
  }
  if (auto it = j.find("schema"); it != j.end()) {
    if (!it->is_string()) return Status::InvalidArgument(w + ": field \"schema\" must be a string");
    q.schema = it->get<std::string>();
    if (q.schema.empty()) q.schema = "LegalEntity";
  }
  auto props = j.find("properties");
  if (props == j.end()) return Status::InvalidArgument(w + ": missing field \"properties\"");
  if (!props->is_object())
    return Status::InvalidArgument(w + ": field \"properties\" must be an object");
  for (auto it = props->begin(); it != props->end(); ++it) {
    std::vector<std::string> values;
    auto take = [&](const nlohmann::json& v) -> Status {
      if (v.is_string())
        values.push_back(SanitizeUtf8(v.get<std::string>()));
      else if (v.is_number())
        values.push_back(v.dump());
      else if (!v.is_null())
        return Status::InvalidArgument(w + ": properties." + it.key() + " must hold strings");
      return Status::Ok();
    };
    if (it->is_array()) {
      for (const auto& v : *it) VIGIL_RETURN_IF_ERROR(take(v));
    } else {
      VIGIL_RETURN_IF_ERROR(take(*it));
    }
    const std::string& key = it.key();
    if (IsNameProperty(key) || key == "firstName" || key == "lastName" || key == "middleName") {
      if (IsNameProperty(key))
        for (auto& v : values) q.names.push_back(std::move(v));
    } else if (key == "birthDate") {
      for (auto& v : values) {
        if (!PartialDate::Parse(v))
          return Status::InvalidArgument(w + ": properties.birthDate value '" + v +
                                         "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        q.birth_dates.push_back(std::move(v));
      }
    } else if (key == "nationality" || key == "country" || key == "citizenship" ||
               key == "jurisdiction") {
      for (auto& v : values) {
        auto code = CountryCode(v);
        if (!code)
          return Status::InvalidArgument(w + ": properties." + key + " value '" + v +
                                         "' is not a country");
        q.countries.push_back(*code);
      }
    } else if (key == "gender") {
      if (!values.empty()) q.gender = AsciiLower(values.front());
    } else {
      for (const auto& [prop_name, kind] : kIdentifierProps)
        if (key == prop_name)
          for (auto& v : values) q.identifiers.push_back({std::string(kind), v, "", ""});
    }
  }
  // firstName + lastName without a name: join them, as FtM does for captions.
  if (q.names.empty()) {
    auto part = [&](const char* k) -> std::string {
      auto it = props->find(k);
      if (it == props->end()) return "";
      if (it->is_string()) return it->get<std::string>();
      if (it->is_array() && !it->empty() && (*it)[0].is_string())
        return (*it)[0].get<std::string>();
      return "";
    };
    std::string full = Join({part("firstName"), part("middleName"), part("lastName")}, " ");
    full = CollapseSpaces(full);
    if (!full.empty()) q.names.push_back(SanitizeUtf8(full));
  }
  if (q.names.empty() && q.identifiers.empty())
    return Status::InvalidArgument(w + ": the query has no name and no identifier");
  return q;
}

Result<Query> QueryFromJsonText(std::string_view text, std::string_view where) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument(std::string(where) + ": malformed JSON");
  return QueryFromJson(j, where);
}

nlohmann::json QueryToJson(const Query& q) {
  nlohmann::json props = nlohmann::json::object();
  if (!q.names.empty()) props["name"] = q.names;
  if (!q.birth_dates.empty()) props["birthDate"] = q.birth_dates;
  if (!q.countries.empty()) props["country"] = q.countries;
  if (!q.gender.empty()) props["gender"] = {q.gender};
  for (const auto& i : q.identifiers) props[i.kind].push_back(i.value);
  return {{"id", q.id}, {"schema", q.schema}, {"properties", props}};
}

nlohmann::json ResultToJson(const MatchResult& r, bool with_explanation) {
  nlohmann::json j;
  j["id"] = r.entity->id();
  j["score"] = Round4(r.score);
  j["match"] = r.match;
  j["caption"] = r.entity->caption();
  j["schema"] = r.entity->schema();
  j["datasets"] = r.entity->datasets();
  if (with_explanation) {
    const Explanation& e = r.explanation;
    nlohmann::json tokens = nlohmann::json::array();
    for (const auto& t : e.tokens)
      tokens.push_back({{"query", t.query_token},
                        {"result", t.result_token},
                        {"similarity", Round4(t.similarity)},
                        {"weight", Round4(t.weight)}});
    nlohmann::json features = nlohmann::json::array();
    for (const auto& f : e.features)
      features.push_back({{"name", f.name}, {"delta", Round4(f.delta)}, {"detail", f.detail}});
    j["explanation"] = {{"query_name", e.query_name},
                        {"matched_name", e.matched_name},
                        {"matched_form", e.matched_form},
                        {"name_score", Round4(e.name_score)},
                        {"tokens", tokens},
                        {"features", features}};
  }
  return j;
}

nlohmann::json ResponseToJson(const Query& query, const std::vector<MatchResult>& results,
                              const std::string& catalog_version) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& r : results) arr.push_back(ResultToJson(r));
  return {{"id", query.id}, {"results", arr}, {"catalog", catalog_version}};
}

}  // namespace vigil
