#include "match/identifiers.h"

#include <algorithm>

#include "core/strings.h"

namespace vigil::match {
namespace {

std::string AlnumUpper(std::string_view v) {
  std::string out;
  for (char c : v) {
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
      out += c;
    else if (c >= 'a' && c <= 'z')
      out += static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string_view Group(std::string_view kind) {
  if (kind == prop::kSwiftBic) return "bic";
  if (kind == prop::kImoNumber) return "imo";
  if (kind == prop::kMmsi) return "mmsi";
  if (kind == "cryptoWallet" || kind == "publicKey" || kind == "address_crypto") return "wallet";
  if (kind == prop::kEmail) return "email";
  if (kind == prop::kPhone) return "phone";
  if (kind == prop::kWebsite) return "web";
  if (kind == prop::kCallSign) return "callsign";
  return "doc";  // passports, national ids, tax and registration numbers …
}

}  // namespace

std::string IdentifierKey(std::string_view kind, std::string_view value) {
  std::string_view group = Group(kind);
  value = Trim(value);
  std::string v;
  if (group == "wallet") {
    // Base58 and hex addresses: case matters for base58, not for 0x hex.
    for (char c : value)
      if (c != ' ') v += c;
    if (StartsWith(v, "0x") || StartsWith(v, "0X")) v = AsciiLower(v);
    if (v.size() < 20) return "";
  } else if (group == "email") {
    v = AsciiLower(value);
    if (v.find('@') == std::string::npos || v.size() < 6) return "";
  } else if (group == "web") {
    v = AsciiLower(value);
    for (std::string_view p : {"https://", "http://"})
      if (StartsWith(v, p)) v = v.substr(p.size());
    if (StartsWith(v, "www.")) v = v.substr(4);
    while (!v.empty() && v.back() == '/') v.pop_back();
    if (v.find('.') == std::string::npos) return "";
  } else if (group == "phone") {
    for (char c : value)
      if (c >= '0' && c <= '9') v += c;
    if (v.size() < 8) return "";
    v = v.substr(v.size() - 8);  // country and trunk prefixes vary
  } else {
    v = AlnumUpper(value);
    if (group == "imo" && StartsWith(v, "IMO")) v = v.substr(3);
    if (group == "bic" && v.size() == 11 && EndsWith(v, "XXX")) v.resize(8);
    // Short numbers ("123") are not identifying.
    size_t min_len = group == "doc" ? 6 : 5;
    if (v.size() < min_len) return "";
  }
  return std::string(group) + "|" + v;
}

void IdentifierIndex::Add(const Entity& entity, uint32_t entity_index) {
  for (const auto& id : entity.identifiers()) {
    std::string key = IdentifierKey(id.kind, id.value);
    if (key.empty()) continue;
    auto& hits = map_[key];
    if (std::none_of(hits.begin(), hits.end(),
                     [&](const IdentifierHit& h) { return h.entity == entity_index; }))
      hits.push_back({entity_index, id.kind, id.value});
  }
}

std::vector<IdentifierHit> IdentifierIndex::Lookup(const std::vector<Identifier>& query) const {
  std::vector<IdentifierHit> out;
  for (const auto& q : query) {
    std::string key = IdentifierKey(q.kind, q.value);
    if (key.empty()) continue;
    auto it = map_.find(key);
    if (it == map_.end()) continue;
    out.insert(out.end(), it->second.begin(), it->second.end());
  }
  return out;
}

}  // namespace vigil::match
