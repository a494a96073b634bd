// Token and name similarity: the scoring core shared by the indexed matcher and
// its brute-force reference, so both produce identical scores.
#ifndef VIGIL_MATCH_SIMILARITY_H_
#define VIGIL_MATCH_SIMILARITY_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "match/name_analysis.h"

namespace vigil::match {

// Weighted edit distance (Levenshtein with adjacent transpositions): letters
// that romanizations confuse (c/k, s/z, i/y, u/o, v/w, j/z …) cost 0.7, a
// transposition 0.8, a digit 1.5, anything else 1.0. Stops early and returns
// a value > max_cost once the distance must exceed max_cost.
double WeightedEditDistance(std::string_view a, std::string_view b, double max_cost);
// A cheap lower bound of WeightedEditDistance from letter counts alone.
double LetterCountBound(std::string_view a, std::string_view b);

// The edit budget for a token pair whose longer side has `len` letters: none
// for short tokens (1–3 letters must match exactly or by key), then growing
// slowly. Past the budget similarity drops to zero, not gradually.
// `unseen`: one side is a query token no listed name contains — most likely a
// typo — and gets one edit even at three letters ("Jong-uun" for "Jong-un").
double EditBudget(size_t len, bool unseen = false);
// Similarity of two tokens within the budget: 1 - kEditDecay * distance / length.
// Steeper than 1 - d/len, so one letter in a short name (Mary / Mark) weighs more
// than one letter in a long one.
inline constexpr double kEditDecay = 1.4;
// Substituting letters that romanizations confuse costs this much.
inline constexpr double kConfusableCost = 0.7;
// Most edit operations a budget allows (for the length filter of the index).
int MaxEditOps(size_t len, bool unseen = false);
// Most padded bigrams that edits within the budget can change: a pair within
// the budget shares at least (distinct bigrams of either side) minus this.
int MaxDestroyedBigrams(size_t len, bool unseen = false);

struct TokenInfo {
  std::string_view text;
  text::TermClass cls;
  const TokenKeys* keys;  // may be null: no keys
  bool unseen = false;    // a query token absent from the catalog's vocabulary
};

// Similarity of two tokens in [0, 1]. Symmetric.
double TokenSimilarity(const TokenInfo& a, const TokenInfo& b);

// One aligned pair: query token index, result token index, similarity.
struct Alignment {
  int query = -1;
  int result = -1;
  double similarity = 0;
};

struct NameScoreDetail {
  double score = 0;
  std::vector<Alignment> pairs;  // matched pairs and unmatched tokens (index -1)
};

// Extra tokens of the listed name weigh this much relative to a missing query
// token: a list name often carries a middle or father's name the query lacks.
inline constexpr double kUnmatchedResultFactor = 0.5;
// A query token with no partner: the list does not know that part of the name.
inline constexpr double kUnmatchedQueryFactor = 0.8;

// Scores a query form against a result form by one-to-one greedy alignment of
// tokens. sim(i, j) gives the similarity of query token i and result token j;
// weights are the tokens' weights.
// An organisation name whose distinctive words ("Sobaeksu") found no partner
// is not the same organisation however many generic words ("Korea", "Trading",
// "Co Ltd") agree: its score stays below this.
inline constexpr double kNoDistinctiveCap = 0.70;

// dq / dr: bit i set when token i is distinctive (a name word, not a legal
// form, generic word, country or initial).
template <typename SimFn>
double ScoreNames(size_t nq, const float* wq, size_t nr, const float* wr, SimFn&& sim,
                  NameScoreDetail* detail, uint32_t dq = ~0u, uint32_t dr = ~0u);

}  // namespace vigil::match

#include "match/similarity_inl.h"

#endif  // VIGIL_MATCH_SIMILARITY_H_
