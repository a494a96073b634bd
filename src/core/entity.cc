#include "vigil/entity.h"

#include <algorithm>
#include <cstdio>

#include "core/strings.h"

namespace vigil {

SchemaKind KindOfSchema(std::string_view s) {
  if (s == schema::kPerson) return SchemaKind::kPerson;
  if (s == schema::kOrganization || s == schema::kCompany || s == "PublicBody" ||
      s == schema::kLegalEntity)
    return SchemaKind::kOrganization;
  if (s == schema::kVessel) return SchemaKind::kVessel;
  if (s == schema::kAirplane) return SchemaKind::kAirplane;
  if (s.empty() || s == schema::kThing) return SchemaKind::kUnknown;
  return SchemaKind::kOther;
}

bool SchemasCompatible(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.empty() || b.empty() || a == schema::kThing || b == schema::kThing) return true;
  // LegalEntity is the parent of both Person and Organization in FtM.
  if (a == schema::kLegalEntity || b == schema::kLegalEntity) {
    std::string_view other = a == schema::kLegalEntity ? b : a;
    auto k = KindOfSchema(other);
    return k == SchemaKind::kPerson || k == SchemaKind::kOrganization;
  }
  SchemaKind ka = KindOfSchema(a), kb = KindOfSchema(b);
  if (ka == SchemaKind::kOther || kb == SchemaKind::kOther) return false;
  return ka == kb;
}

bool IsNameProperty(std::string_view p) {
  return p == prop::kName || p == prop::kAlias || p == prop::kWeakAlias || p == prop::kPreviousName;
}

namespace {
bool ParseDatePart(std::string_view s, PartialDate* d) {
  // YYYY, YYYY-MM, YYYY-MM-DD
  auto num = [](std::string_view t, int* out) {
    uint64_t v;
    if (!ParseUint(t, &v) || v > 9999) return false;
    *out = static_cast<int>(v);
    return true;
  };
  auto parts = Split(s, '-');
  if (parts.empty() || parts.size() > 3 || parts[0].size() != 4) return false;
  if (!num(parts[0], &d->year) || d->year < 1000) return false;
  if (parts.size() >= 2) {
    if (parts[1].size() != 2 || !num(parts[1], &d->month) || d->month < 1 || d->month > 12)
      return false;
  }
  if (parts.size() == 3) {
    if (parts[2].size() != 2 || !num(parts[2], &d->day) || d->day < 1 || d->day > 31) return false;
  }
  return true;
}
}  // namespace

std::optional<PartialDate> PartialDate::Parse(std::string_view text) {
  text = Trim(text);
  PartialDate d;
  if (!text.empty() && text[0] == '~') {
    d.circa = true;
    text = Trim(text.substr(1));
  }
  size_t slash = text.find('/');
  if (slash != std::string_view::npos) {
    PartialDate to;
    if (!ParseDatePart(Trim(text.substr(0, slash)), &d)) return std::nullopt;
    if (!ParseDatePart(Trim(text.substr(slash + 1)), &to)) return std::nullopt;
    if (to.year < d.year) return std::nullopt;
    if (to.year > d.year) {
      d.year_to = to.year;
      d.month = 0;
      d.day = 0;
    }
    return d;
  }
  // Timestamps ("2021-02-24T10:00:00") keep the date part.
  size_t t = text.find('T');
  if (t != std::string_view::npos) text = text.substr(0, t);
  if (!ParseDatePart(text, &d)) return std::nullopt;
  return d;
}

std::string PartialDate::ToString() const {
  if (year == 0) return "";
  char buf[32];
  std::string out = circa ? "~" : "";
  std::snprintf(buf, sizeof(buf), "%04d", year);
  out += buf;
  if (year_to > year) {
    std::snprintf(buf, sizeof(buf), "/%04d", year_to);
    return out + buf;
  }
  if (month) {
    std::snprintf(buf, sizeof(buf), "-%02d", month);
    out += buf;
    if (day) {
      std::snprintf(buf, sizeof(buf), "-%02d", day);
      out += buf;
    }
  }
  return out;
}

const std::string& Entity::caption() const {
  const auto& names = Get(prop::kName);
  if (!names.empty()) return names.front();
  const auto& aliases = Get(prop::kAlias);
  if (!aliases.empty()) return aliases.front();
  return id_;
}

void Entity::Add(std::string_view property, std::string_view value) {
  value = Trim(value);
  if (value.empty() || property.empty()) return;
  auto it = properties_.find(property);
  if (it == properties_.end())
    it = properties_.emplace(std::string(property), std::vector<std::string>{}).first;
  auto& values = it->second;
  if (std::find(values.begin(), values.end(), value) == values.end()) values.emplace_back(value);
}

const std::vector<std::string>& Entity::Get(std::string_view property) const {
  static const std::vector<std::string> kEmpty;
  auto it = properties_.find(property);
  return it == properties_.end() ? kEmpty : it->second;
}

std::string_view Entity::First(std::string_view property) const {
  const auto& v = Get(property);
  return v.empty() ? std::string_view() : std::string_view(v.front());
}

std::vector<std::string> Entity::AllNames() const {
  std::vector<std::string> out;
  for (auto p : {prop::kName, prop::kAlias, prop::kPreviousName, prop::kWeakAlias}) {
    for (const auto& v : Get(p))
      if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

void Entity::AddIdentifier(Identifier identifier) {
  identifier.value = std::string(Trim(identifier.value));
  if (identifier.value.empty()) return;
  for (const auto& i : identifiers_)
    if (i.kind == identifier.kind && i.value == identifier.value && i.country == identifier.country)
      return;
  identifiers_.push_back(std::move(identifier));
}

void Entity::AddRelation(Relation relation) {
  if (std::find(relations_.begin(), relations_.end(), relation) != relations_.end()) return;
  relations_.push_back(std::move(relation));
}

void Entity::AddDataset(std::string_view dataset) {
  if (dataset.empty()) return;
  if (std::find(datasets_.begin(), datasets_.end(), dataset) == datasets_.end())
    datasets_.emplace_back(dataset);
}

void Entity::AddTopic(std::string_view topic) {
  topic = Trim(topic);
  if (topic.empty()) return;
  if (std::find(topics_.begin(), topics_.end(), topic) == topics_.end())
    topics_.emplace_back(topic);
}

void Entity::Merge(const Entity& other) {
  for (const auto& [p, values] : other.properties_)
    for (const auto& v : values) Add(p, v);
  for (const auto& i : other.identifiers_) AddIdentifier(i);
  for (const auto& r : other.relations_) AddRelation(r);
  for (const auto& d : other.datasets_) AddDataset(d);
  for (const auto& t : other.topics_) AddTopic(t);
}

}  // namespace vigil
