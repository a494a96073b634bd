// FollowTheMoney JSON lines: one entity per line, or delta operations
// {"op":"ADD"|"MOD"|"DEL","entity":{…}} (the two may be mixed). Entities keep
// their own ids and schemas, including schemas vigil does not screen
// (Sanction, Ownership, Address …), so that FtM data passes through unchanged.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "core/io.h"
#include "core/strings.h"
#include "lists/ftm_writer.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kTopicsProperty = "topics";
constexpr std::string_view kPublicKeyProperty = "publicKey";

// FtM relationship schemas: the entity links two others. Their ends get a
// Relation each, so that a screening hit can say "owned by X".
struct LinkSchema {
  std::string_view schema;
  std::string_view from_property, to_property;
  std::string_view from_kind, to_kind;  // relation kind on the from / to entity
};
constexpr LinkSchema kLinkSchemas[] = {
    {"Ownership", "owner", "asset", "ownerOf", "ownedBy"},
    {"Directorship", "director", "organization", "directorOf", "hasDirector"},
    {"Family", "person", "relative", "family", "family"},
    {"Associate", "person", "associate", "associate", "associate"},
    {"Membership", "member", "organization", "memberOf", "hasMember"},
    {"Employment", "employee", "employer", "employeeOf", "employs"},
    {"Representation", "agent", "client", "agentOf", "representedBy"},
    {"UnknownLink", "subject", "object", "linkedTo", "linkedTo"},
};

// FtM values are strings; numbers and booleans are tolerated, and a nested
// entity (FtM's "nested" export form) stands for its id.
std::optional<std::string> ValueText(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number() || v.is_boolean()) return v.dump();
  if (v.is_object()) {
    auto it = v.find("id");
    if (it != v.end() && it->is_string()) return it->get<std::string>();
  }
  return std::nullopt;
}

std::vector<std::string> Values(const Json& v) {
  std::vector<std::string> out;
  if (v.is_array()) {
    for (const auto& item : v)
      if (auto s = ValueText(item)) out.push_back(std::move(*s));
  } else if (auto s = ValueText(v)) {
    out.push_back(std::move(*s));
  }
  return out;
}

std::string StringField(const Json& obj, std::string_view key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

class FtmReader {
 public:
  FtmReader(std::string_view dataset, std::string_view name) : dataset_(dataset), name_(name) {}

  Status ReadLine(std::string_view line, size_t line_no) {
    std::string where = name_ + ":" + std::to_string(line_no);
    Json doc;
    try {
      doc = Json::parse(line);
    } catch (const Json::exception& e) {
      return Status::ParseError(where + ": malformed JSON (" + e.what() + ")");
    }
    if (!doc.is_object()) {
      Warn(where, "line is not a JSON object; skipped");
      return Status::Ok();
    }
    auto op_it = doc.find("op");
    if (op_it == doc.end()) {
      ReadEntity(doc, where, /*replace=*/false);
      return Status::Ok();
    }
    std::string op = op_it->is_string() ? op_it->get<std::string>() : std::string();
    auto entity_it = doc.find("entity");
    if (entity_it == doc.end() || !entity_it->is_object()) {
      Warn(where, "delta operation without an entity object; skipped");
      return Status::Ok();
    }
    if (op == "ADD" || op == "MOD") {
      ReadEntity(*entity_it, where, /*replace=*/true);
    } else if (op == "DEL") {
      std::string id = StringField(*entity_it, "id");
      if (id.empty()) {
        Warn(where, "DEL operation without an entity id; skipped");
      } else {
        Delete(id);
      }
    } else {
      Warn(where, "unknown delta op '" + op + "'; skipped");
    }
    return Status::Ok();
  }

  ParsedSource Finish() {
    ParsedSource out;
    out.warnings = std::move(warnings_);
    for (auto& slot : entities_)
      if (slot) out.entities.push_back(std::move(*slot));
    LinkRelations(out.entities);
    out.deleted_ids = std::move(deleted_);
    return out;
  }

 private:
  void Warn(const std::string& where, std::string message) {
    warnings_.push_back({where, std::move(message)});
  }

  void ReadEntity(const Json& obj, const std::string& where, bool replace) {
    std::string id = StringField(obj, "id");
    std::string schema_name = StringField(obj, "schema");
    if (id.empty() || schema_name.empty()) {
      Warn(where, "not an FtM entity (no id or schema); skipped");
      return;
    }
    Entity e(id, schema_name);
    e.AddDataset(dataset_);
    if (auto it = obj.find("datasets"); it != obj.end())
      for (const auto& d : Values(*it)) e.AddDataset(d);

    auto props_it = obj.find("properties");
    if (props_it != obj.end() && !props_it->is_object()) {
      Warn(where, "entity " + id + ": properties is not an object; skipped");
      return;
    }
    std::string country;
    if (props_it != obj.end()) {
      for (auto it = props_it->begin(); it != props_it->end(); ++it) {
        std::vector<std::string> values = Values(it.value());
        if (it.key() == kTopicsProperty) {
          for (const auto& t : values) e.AddTopic(t);
          continue;
        }
        for (const auto& v : values) e.Add(it.key(), v);
      }
      // Identifiers are issued by the entity's country (or, for companies,
      // their jurisdiction) when the data says nothing more precise.
      country = std::string(e.First(prop::kCountry));
      if (country.empty()) country = std::string(e.First(prop::kJurisdiction));
    }
    if (auto it = obj.find("topics"); it != obj.end())
      for (const auto& t : Values(*it)) e.AddTopic(t);

    auto ids_it = obj.find("identifiers");
    if (ids_it != obj.end() && ids_it->is_array()) {
      // Written by EntityToFtmJson: exact, with details the properties lack.
      for (const auto& i : *ids_it) {
        if (!i.is_object()) continue;
        e.AddIdentifier({StringField(i, "kind"), StringField(i, "value"), StringField(i, "country"),
                         StringField(i, "detail")});
      }
    } else {
      for (const auto& [property, values] : e.properties()) {
        if (!IsFtmIdentifierProperty(property)) continue;
        // Addresses on the internet are not issued by a country.
        bool global = property == prop::kEmail || property == prop::kWebsite ||
                      property == kPublicKeyProperty;
        for (const auto& v : values)
          e.AddIdentifier({property, v, global ? std::string() : country, ""});
      }
    }
    if (auto it = obj.find("relations"); it != obj.end() && it->is_array()) {
      for (const auto& r : *it) {
        if (!r.is_object()) continue;
        e.AddRelation({StringField(r, "kind"), StringField(r, "target_id"),
                       StringField(r, "target_name"), StringField(r, "wording")});
      }
    }
    Store(std::move(e), replace);
  }

  // Plain entity lines with the same id are fragments of one entity (FtM
  // exports write them so); a delta ADD/MOD replaces what came before.
  void Store(Entity e, bool replace) {
    auto it = index_.find(e.id());
    if (it != index_.end() && entities_[it->second]) {
      if (replace) {
        *entities_[it->second] = std::move(e);
      } else {
        entities_[it->second]->Merge(e);
      }
      return;
    }
    std::erase(deleted_, e.id());
    index_[e.id()] = entities_.size();
    entities_.emplace_back(std::move(e));
  }

  void Delete(const std::string& id) {
    auto it = index_.find(id);
    if (it != index_.end()) {
      entities_[it->second].reset();
      index_.erase(it);
    }
    if (std::find(deleted_.begin(), deleted_.end(), id) == deleted_.end()) deleted_.push_back(id);
  }

  static void LinkRelations(std::vector<Entity>& entities) {
    std::unordered_map<std::string, size_t> by_id;
    for (size_t i = 0; i < entities.size(); ++i) by_id.emplace(entities[i].id(), i);
    for (size_t i = 0; i < entities.size(); ++i) {
      const LinkSchema* link = nullptr;
      for (const auto& l : kLinkSchemas)
        if (entities[i].schema() == l.schema) link = &l;
      if (link == nullptr) continue;
      std::string wording(link->schema);
      std::string_view role = entities[i].First("role");
      if (role.empty()) role = entities[i].First("relationship");
      if (!role.empty()) wording += ": " + std::string(role);
      for (const auto& from_id : entities[i].Get(link->from_property)) {
        for (const auto& to_id : entities[i].Get(link->to_property)) {
          auto from = by_id.find(from_id);
          auto to = by_id.find(to_id);
          if (from == by_id.end() || to == by_id.end() || from->second == to->second) continue;
          Entity& a = entities[from->second];
          Entity& b = entities[to->second];
          a.AddRelation({std::string(link->from_kind), b.id(), b.caption(), wording});
          b.AddRelation({std::string(link->to_kind), a.id(), a.caption(), wording});
        }
      }
    }
  }

  std::string dataset_;
  std::string name_;
  std::vector<std::optional<Entity>> entities_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<std::string> deleted_;
  std::vector<Diagnostic> warnings_;
};

}  // namespace

Result<ParsedSource> ParseFtmJsonText(std::string_view jsonl, std::string_view dataset,
                                      std::string_view name) {
  if (StartsWith(jsonl, "\xEF\xBB\xBF")) jsonl.remove_prefix(3);
  FtmReader reader(dataset, name);
  size_t line_no = 0;
  size_t start = 0;
  while (start <= jsonl.size()) {
    size_t end = jsonl.find('\n', start);
    if (end == std::string_view::npos) end = jsonl.size();
    std::string_view line = jsonl.substr(start, end - start);
    ++line_no;
    start = end + 1;
    if (!Trim(line).empty()) VIGIL_RETURN_IF_ERROR(reader.ReadLine(line, line_no));
  }
  return reader.Finish();
}

Result<ParsedSource> ParseFtmJson(const std::string& path, std::string_view dataset) {
  VIGIL_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseFtmJsonText(text, dataset, path);
}

}  // namespace vigil
