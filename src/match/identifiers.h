// Exact identifier matching: passports, registration numbers, SWIFT/BIC, IMO,
// crypto wallets, e-mail, phone, website. An exact identifier hit decides a
// match on its own, whatever the names say.
#ifndef VIGIL_MATCH_IDENTIFIERS_H_
#define VIGIL_MATCH_IDENTIFIERS_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "vigil/entity.h"

namespace vigil::match {

// The comparable form of an identifier: "group|value" where group joins the
// kinds that may be compared with each other (documents, wallet, email …).
// Empty when the value is too short or too vague to decide anything.
std::string IdentifierKey(std::string_view kind, std::string_view value);

struct IdentifierHit {
  uint32_t entity;
  std::string kind;   // the listed identifier's kind
  std::string value;  // as listed
};

class IdentifierIndex {
 public:
  void Add(const Entity& entity, uint32_t entity_index);
  std::vector<IdentifierHit> Lookup(const std::vector<Identifier>& query) const;
  size_t size() const { return map_.size(); }

 private:
  std::unordered_map<std::string, std::vector<IdentifierHit>> map_;
};

}  // namespace vigil::match

#endif  // VIGIL_MATCH_IDENTIFIERS_H_
