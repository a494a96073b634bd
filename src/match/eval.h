// Measuring matching quality on labelled name pairs: precision and recall per
// group, at a threshold, so that quality is a number CI can hold a floor on.
#ifndef VIGIL_MATCH_EVAL_H_
#define VIGIL_MATCH_EVAL_H_

#include <map>
#include <string>
#include <vector>

#include "vigil/status.h"

namespace vigil {

struct PairCase {
  std::string group;
  std::string schema;  // Person, Company … ("" = LegalEntity)
  std::string query;   // the name screened
  std::string listed;  // the name on the list
  bool is_match = false;
  double min_score = 0;  // cross-script sets give a minimum expected score
};

// nomenklatura layout: case_group,schema,name1,name2,is_match,quality,...
Result<std::vector<PairCase>> LoadNomenklaturaPairs(const std::string& path);
// watchman cross-script layout: Query,Expected Match,Min Score,Description
// (comment lines start with #). All pairs are matches.
Result<std::vector<PairCase>> LoadCrossScriptPairs(const std::string& path);

struct Confusion {
  int tp = 0, fp = 0, tn = 0, fn = 0;
  double Precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0; }
  double Recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  int total() const { return tp + fp + tn + fn; }
};

struct PairOutcome {
  PairCase pair;
  double score = 0;
};

struct EvalReport {
  double threshold = 0;
  Confusion overall;
  std::map<std::string, Confusion> by_group;
  std::vector<PairOutcome> outcomes;  // every pair with its score
};

// Scores every pair: the listed names form a catalog (so token weights come
// from a realistic vocabulary) and each query is scored against its partner.
Result<EvalReport> EvaluatePairs(const std::vector<PairCase>& pairs, double threshold);
// A table of groups with precision, recall, F1 and counts; then the errors.
std::string FormatEvalReport(const EvalReport& report, bool list_errors);

}  // namespace vigil

namespace vigil {

class Matcher;

// A held-out-style check on a real catalog: listed names with one variation
// (typo, reordering, punctuation, Korean romanization variant) must still be
// found as matches, and ordinary names (combinations of common given and
// family names of several cultures that no list carries verbatim) must not
// alert. Deterministic for a seed.
struct VariantReport {
  std::map<std::string, Confusion> by_kind;  // positives: tp/fn; negatives: tn/fp
  Confusion overall;
  std::vector<std::string> misses;        // "kind: query -> expected id"
  std::vector<std::string> false_alerts;  // "query -> id (score)"
};
VariantReport EvaluateVariants(const Matcher& matcher, size_t positives, size_t negatives,
                               uint64_t seed, double threshold);
std::string FormatVariantReport(const VariantReport& report, size_t max_listed);

}  // namespace vigil

#endif  // VIGIL_MATCH_EVAL_H_
