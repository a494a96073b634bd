// Screening: match a query (a person, company, vessel … with names and
// qualifiers) against a catalog.
//
// Usage follows the "cached scorer" pattern:
//   auto matcher = Matcher::Create(catalog);          // builds the index once
//   auto results = matcher->Match(query, options);    // many times, any thread
// A Matcher is immutable after Create and safe to use from many threads at
// once. It keeps the catalog alive (shared_ptr).
#ifndef VIGIL_MATCHER_H_
#define VIGIL_MATCHER_H_

#include <memory>
#include <string>
#include <vector>

#include "vigil/catalog.h"
#include "vigil/entity.h"
#include "vigil/status.h"

namespace vigil {

// What is screened. Shaped like yente's /match query: a schema and FtM
// properties; the fields below are the ones the scorer reads.
struct Query {
  std::string id;                        // caller's reference, echoed back
  std::string schema = "LegalEntity";    // Person, Organization, Company, Vessel …
  std::vector<std::string> names;        // name, alias … in any script
  std::vector<std::string> birth_dates;  // PartialDate text forms
  std::vector<std::string> countries;    // nationality/country/jurisdiction, ISO alpha-2
  std::string gender;                    // "male", "female" or empty
  std::vector<Identifier> identifiers;   // passport, registration, wallet, e-mail …
};

struct MatchOptions {
  // Results at or above this score are decisions "match": true.
  double threshold = 0.80;
  // Results below this score are not returned at all.
  double cutoff = 0.50;
  size_t limit = 10;
  // Score every alias of the catalog instead of using the index: the reference
  // the index is tested against. Orders of magnitude slower.
  bool brute_force = false;
  // Only entities of these datasets (empty: all), and none of these.
  std::vector<std::string> include_datasets;
  std::vector<std::string> exclude_datasets;
  std::vector<std::string> exclude_entity_ids;
};

// One aligned pair of tokens in the best name comparison.
struct TokenPair {
  std::string query_token;   // empty when the list token had no partner
  std::string result_token;  // empty when the query token had no partner
  double similarity = 0;
  double weight = 0;  // how much this pair counted (rare tokens count more)
};

// One contribution to the score besides the name ("birthDate", "country",
// "gender", "identifier:passportNumber" …), with the points it added/removed.
struct Feature {
  std::string name;
  double delta = 0;
  std::string detail;
};

struct Explanation {
  std::string query_name;    // the query's name that matched best
  std::string matched_name;  // the listed name (alias) that matched best
  std::string matched_form;  // its Latin rendering compared
  double name_score = 0;
  std::vector<TokenPair> tokens;
  std::vector<Feature> features;
};

struct MatchResult {
  const Entity* entity = nullptr;  // points into the matcher's catalog
  double score = 0;
  bool match = false;
  Explanation explanation;
};

class Matcher {
 public:
  virtual ~Matcher() = default;
  // Builds the retrieval index over every name of every entity.
  static std::unique_ptr<Matcher> Create(std::shared_ptr<const Catalog> catalog);

  // Results sorted by score (best first), at most options.limit, none below
  // options.cutoff. InvalidArgument for a query without names or identifiers.
  virtual Result<std::vector<MatchResult>> Match(const Query& query,
                                                 const MatchOptions& options) const = 0;
  // Scores the query against one entity, however low, with the explanation:
  // answers "why did (or didn't) this query match that entity?".
  virtual Result<MatchResult> ScoreEntity(const Query& query, std::string_view entity_id,
                                          const MatchOptions& options) const = 0;
  virtual const Catalog& catalog() const = 0;
  virtual std::shared_ptr<const Catalog> catalog_ptr() const = 0;
  // Number of name forms indexed (aliases × romanizations).
  virtual size_t indexed_forms() const = 0;
  virtual size_t memory_bytes() const = 0;
};

}  // namespace vigil

#endif  // VIGIL_MATCHER_H_
