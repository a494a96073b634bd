#include "vigil/catalog.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <unordered_map>

#include "catalog/snapshot_codec.h"
#include "core/io.h"
#include "core/strings.h"

namespace vigil {
namespace {

constexpr std::string_view kMagic = "VIGILCAT";
constexpr uint64_t kFormatVersion = 1;
// Upper bound on element counts read from a snapshot: a corrupt count must
// fail cleanly instead of reserving absurd memory.
constexpr uint64_t kMaxCount = 1ull << 28;

std::string NowUtc() {
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void WriteEntity(ByteWriter& w, const Entity& e) {
  w.String(e.id());
  w.String(e.schema());
  w.Varint(e.properties().size());
  for (const auto& [name, values] : e.properties()) {
    w.String(name);
    w.Varint(values.size());
    for (const auto& v : values) w.String(v);
  }
  w.Varint(e.identifiers().size());
  for (const auto& i : e.identifiers()) {
    w.String(i.kind);
    w.String(i.value);
    w.String(i.country);
    w.String(i.detail);
  }
  w.Varint(e.relations().size());
  for (const auto& r : e.relations()) {
    w.String(r.kind);
    w.String(r.target_id);
    w.String(r.target_name);
    w.String(r.wording);
  }
  w.Varint(e.datasets().size());
  for (const auto& d : e.datasets()) w.String(d);
  w.Varint(e.topics().size());
  for (const auto& t : e.topics()) w.String(t);
}

bool ReadCount(ByteReader& r, uint64_t* n) {
  return r.Varint(n) && *n <= kMaxCount && *n <= r.remaining();
}

bool ReadEntity(ByteReader& r, Entity* e) {
  std::string id, schema_name;
  if (!r.String(&id) || !r.String(&schema_name)) return false;
  *e = Entity(std::move(id), schema_name);
  uint64_t n;
  if (!ReadCount(r, &n)) return false;
  std::string name, value;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t m;
    if (!r.String(&name) || !ReadCount(r, &m)) return false;
    for (uint64_t j = 0; j < m; ++j) {
      if (!r.String(&value)) return false;
      e->Add(name, value);
    }
  }
  if (!ReadCount(r, &n)) return false;
  for (uint64_t i = 0; i < n; ++i) {
    Identifier id_value;
    if (!r.String(&id_value.kind) || !r.String(&id_value.value) || !r.String(&id_value.country) ||
        !r.String(&id_value.detail))
      return false;
    e->AddIdentifier(std::move(id_value));
  }
  if (!ReadCount(r, &n)) return false;
  for (uint64_t i = 0; i < n; ++i) {
    Relation rel;
    if (!r.String(&rel.kind) || !r.String(&rel.target_id) || !r.String(&rel.target_name) ||
        !r.String(&rel.wording))
      return false;
    e->AddRelation(std::move(rel));
  }
  if (!ReadCount(r, &n)) return false;
  for (uint64_t i = 0; i < n; ++i) {
    if (!r.String(&value)) return false;
    e->AddDataset(value);
  }
  if (!ReadCount(r, &n)) return false;
  for (uint64_t i = 0; i < n; ++i) {
    if (!r.String(&value)) return false;
    e->AddTopic(value);
  }
  return true;
}

std::string NameKey(std::string_view name) { return AsciiUpper(CollapseSpaces(name)); }

// Resolves "Linked To: NAME" style relations to ids, preferring an entity of
// the same dataset.
void ResolveRelations(std::vector<Entity>& entities) {
  std::unordered_map<std::string, std::vector<uint32_t>> by_name;
  for (uint32_t i = 0; i < entities.size(); ++i)
    for (const auto& n : entities[i].AllNames()) by_name[NameKey(n)].push_back(i);
  for (auto& e : entities) {
    for (auto& rel : e.mutable_relations()) {
      if (!rel.target_id.empty() || rel.target_name.empty()) continue;
      auto it = by_name.find(NameKey(rel.target_name));
      if (it == by_name.end()) continue;
      const Entity* best = nullptr;
      for (uint32_t idx : it->second) {
        const Entity& cand = entities[idx];
        if (cand.id() == e.id()) continue;
        bool same_dataset = !cand.datasets().empty() && !e.datasets().empty() &&
                            cand.datasets().front() == e.datasets().front();
        if (!best || same_dataset) best = &cand;
        if (same_dataset) break;
      }
      if (best) rel.target_id = best->id();
    }
  }
}

}  // namespace

std::shared_ptr<const Catalog> Catalog::Create(std::vector<SourceInfo> sources,
                                               std::vector<Entity> entities,
                                               std::string created_at) {
  // Merge records that share an id, keeping the first one's position.
  std::vector<Entity> merged;
  merged.reserve(entities.size());
  std::unordered_map<std::string, size_t> pos;
  for (auto& e : entities) {
    auto it = pos.find(e.id());
    if (it == pos.end()) {
      pos.emplace(e.id(), merged.size());
      merged.push_back(std::move(e));
    } else {
      merged[it->second].Merge(e);
    }
  }
  ResolveRelations(merged);
  std::shared_ptr<Catalog> c(new Catalog());
  c->sources_ = std::move(sources);
  c->entities_ = std::move(merged);
  c->created_at_ = created_at.empty() ? NowUtc() : std::move(created_at);
  // The version depends only on content, so rebuilding from the same files
  // gives the same version and a changed list gives a new one.
  ByteWriter w;
  for (const auto& s : c->sources_) {
    w.String(s.dataset);
    w.String(s.sha256);
  }
  for (const auto& e : c->entities_) WriteEntity(w, e);
  std::string date = c->created_at_.substr(0, 10);
  date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
  c->version_ = date + "-" + Sha256Hex(w.bytes()).substr(0, 12);
  c->BuildIdIndex();
  return c;
}

void Catalog::BuildIdIndex() {
  by_id_.clear();
  by_id_.reserve(entities_.size());
  for (uint32_t i = 0; i < entities_.size(); ++i) by_id_.emplace(entities_[i].id(), i);
}

const Entity* Catalog::Find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &entities_[it->second];
}

int64_t Catalog::IndexOf(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? -1 : static_cast<int64_t>(it->second);
}

std::string Catalog::Serialize() const {
  ByteWriter w;
  w.Raw(kMagic);
  w.Varint(kFormatVersion);
  w.String(version_);
  w.String(created_at_);
  w.Varint(sources_.size());
  for (const auto& s : sources_) {
    w.String(s.dataset);
    w.String(s.path);
    w.String(s.format);
    w.String(s.publication_date);
    w.String(s.sha256);
    w.Varint(s.entity_count);
    w.Varint(s.warning_count);
  }
  w.Varint(entities_.size());
  for (const auto& e : entities_) WriteEntity(w, e);
  // A checksum of everything before it: a truncated or edited file is detected.
  std::string digest = Sha256Hex(w.bytes());
  w.Raw(digest);
  return std::move(w.bytes());
}

Result<std::shared_ptr<const Catalog>> Catalog::Deserialize(std::string_view bytes,
                                                            std::string_view name) {
  auto corrupt = [&](std::string_view what) {
    return Status::Corruption(std::string(name) + ": not a valid vigil catalog (" +
                              std::string(what) + ")");
  };
  if (bytes.size() < kMagic.size() + 64 || bytes.substr(0, kMagic.size()) != kMagic)
    return corrupt("bad header");
  std::string_view body = bytes.substr(0, bytes.size() - 64);
  if (Sha256Hex(body) != bytes.substr(bytes.size() - 64)) return corrupt("checksum mismatch");
  ByteReader r(body);
  std::string_view magic;
  r.Raw(kMagic.size(), &magic);
  uint64_t format;
  if (!r.Varint(&format)) return corrupt("bad format version");
  if (format != kFormatVersion)
    return Status::Unsupported(std::string(name) + ": catalog format " + std::to_string(format) +
                               " is not supported (this vigil reads " +
                               std::to_string(kFormatVersion) + ")");
  std::shared_ptr<Catalog> c(new Catalog());
  uint64_t n;
  if (!r.String(&c->version_) || !r.String(&c->created_at_) || !ReadCount(r, &n))
    return corrupt("bad metadata");
  for (uint64_t i = 0; i < n; ++i) {
    SourceInfo s;
    if (!r.String(&s.dataset) || !r.String(&s.path) || !r.String(&s.format) ||
        !r.String(&s.publication_date) || !r.String(&s.sha256) || !r.Varint(&s.entity_count) ||
        !r.Varint(&s.warning_count))
      return corrupt("bad source record");
    c->sources_.push_back(std::move(s));
  }
  if (!ReadCount(r, &n)) return corrupt("bad entity count");
  c->entities_.resize(n);
  for (uint64_t i = 0; i < n; ++i)
    if (!ReadEntity(r, &c->entities_[i])) return corrupt("bad entity record " + std::to_string(i));
  if (r.remaining() != 0) return corrupt("trailing bytes");
  c->BuildIdIndex();
  return std::shared_ptr<const Catalog>(std::move(c));
}

Status Catalog::Save(const std::string& path) const { return WriteFileAtomic(path, Serialize()); }

Result<std::shared_ptr<const Catalog>> Catalog::Load(const std::string& path) {
  VIGIL_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  return Deserialize(bytes, path);
}

}  // namespace vigil
