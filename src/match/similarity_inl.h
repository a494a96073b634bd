// Template part of similarity.h.
#ifndef VIGIL_MATCH_SIMILARITY_INL_H_
#define VIGIL_MATCH_SIMILARITY_INL_H_

#include <algorithm>
#include <array>

namespace vigil::match {

template <typename SimFn>
double ScoreNames(size_t nq, const float* wq, size_t nr, const float* wr, SimFn&& sim,
                  NameScoreDetail* detail, uint32_t dq, uint32_t dr) {
  constexpr size_t kMax = 24;
  nq = std::min(nq, kMax);
  nr = std::min(nr, kMax);
  struct Cand {
    float key;
    float sim;
    uint8_t i, j;
  };
  std::array<Cand, kMax * kMax> cands;
  size_t n = 0;
  for (size_t i = 0; i < nq; ++i)
    for (size_t j = 0; j < nr; ++j) {
      double s = sim(i, j);
      if (s > 0)
        cands[n++] = {static_cast<float>(s * (wq[i] + wr[j])), static_cast<float>(s),
                      static_cast<uint8_t>(i), static_cast<uint8_t>(j)};
    }
  std::sort(cands.begin(), cands.begin() + static_cast<long>(n), [](const Cand& a, const Cand& b) {
    if (a.key != b.key) return a.key > b.key;
    if (a.i != b.i) return a.i < b.i;
    return a.j < b.j;
  });
  std::array<bool, kMax> used_q{}, used_r{};
  double num = 0, den = 0;
  bool distinctive_matched = false;
  if (detail) detail->pairs.clear();
  for (size_t k = 0; k < n; ++k) {
    const Cand& c = cands[k];
    if (used_q[c.i] || used_r[c.j]) continue;
    used_q[c.i] = used_r[c.j] = true;
    double w = (wq[c.i] + wr[c.j]) / 2.0;
    num += c.sim * w;
    den += w;
    if ((dq >> c.i & 1u) && (dr >> c.j & 1u)) distinctive_matched = true;
    if (detail) detail->pairs.push_back({c.i, c.j, c.sim});
  }
  for (size_t i = 0; i < nq; ++i)
    if (!used_q[i]) {
      den += kUnmatchedQueryFactor * wq[i];
      if (detail) detail->pairs.push_back({static_cast<int>(i), -1, 0});
    }
  for (size_t j = 0; j < nr; ++j)
    if (!used_r[j]) {
      den += kUnmatchedResultFactor * wr[j];
      if (detail) detail->pairs.push_back({-1, static_cast<int>(j), 0});
    }
  double score = den > 0 ? num / den : 0;
  uint32_t q_mask = nq >= 32 ? ~0u : ((1u << nq) - 1), r_mask = nr >= 32 ? ~0u : ((1u << nr) - 1);
  if (((dq & q_mask) || (dr & r_mask)) && !distinctive_matched)
    score = std::min(score, kNoDistinctiveCap);
  if (detail) detail->score = score;
  return score;
}

}  // namespace vigil::match

#endif  // VIGIL_MATCH_SIMILARITY_INL_H_
