#include "match/similarity.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace vigil::match {
namespace {

bool Confusable(char a, char b) {
  if (a > b) std::swap(a, b);
  switch (a) {
    case 'c':
      return b == 'k' || b == 's' || b == 'q';
    case 'k':
      return b == 'q' || b == 'g';
    case 's':
      return b == 'z';
    case 'i':
      return b == 'y' || b == 'e' || b == 'j';
    case 'e':
      return b == 'a' || b == 'o';
    case 'o':
      return b == 'u';
    case 'v':
      return b == 'w';
    case 'b':
      return b == 'p' || b == 'v';
    case 'd':
      return b == 't';
    case 'f':
      return b == 'v';
    case 'g':
      return b == 'j';
    case 'j':
      return b == 'y' || b == 'z';
    case 'l':
      return b == 'r';
    case 'm':
      return b == 'n';
    default:
      return false;
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

double SubstitutionCost(char a, char b) {
  if (a == b) return 0;
  if (IsDigit(a) || IsDigit(b)) return 1.5;
  return Confusable(a, b) ? kConfusableCost : 1.0;
}

double IndelCost(char c) { return IsDigit(c) ? 1.5 : 1.0; }

}  // namespace

double WeightedEditDistance(std::string_view a, std::string_view b, double max_cost) {
  const size_t n = a.size(), m = b.size();
  if (n == 0 || m == 0) {
    double c = 0;
    for (char ch : a) c += IndelCost(ch);
    for (char ch : b) c += IndelCost(ch);
    return c;
  }
  if (std::fabs(static_cast<double>(n) - static_cast<double>(m)) > max_cost) return max_cost + 1;
  // Three rolling rows for the transposition case; on the stack for the
  // lengths names have, on the heap beyond.
  constexpr size_t kStack = 64;
  double stack_rows[3][kStack + 1];
  std::vector<double> heap_rows;
  double *prev2 = stack_rows[0], *prev = stack_rows[1], *cur = stack_rows[2];
  if (m + 1 > kStack + 1) {
    heap_rows.resize(3 * (m + 1));
    prev2 = heap_rows.data();
    prev = prev2 + (m + 1);
    cur = prev + (m + 1);
  }
  prev[0] = 0;
  for (size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + IndelCost(b[j - 1]);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = prev[0] + IndelCost(a[i - 1]);
    double row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      double v = std::min({prev[j] + IndelCost(a[i - 1]), cur[j - 1] + IndelCost(b[j - 1]),
                           prev[j - 1] + SubstitutionCost(a[i - 1], b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && a[i - 1] != b[j - 1])
        v = std::min(v, prev2[j - 2] + 0.8);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > max_cost) return max_cost + 1;
    double* t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

double LetterCountBound(std::string_view a, std::string_view b) {
  int counts[64] = {};
  for (char c : a) counts[static_cast<unsigned char>(c) & 63]++;
  for (char c : b) counts[static_cast<unsigned char>(c) & 63]--;
  int l1 = 0;
  for (int v : counts) l1 += v < 0 ? -v : v;
  // A substitution (>= kConfusableCost) moves two counts, an insertion or
  // deletion (1.0) one, a transposition none.
  return 0.5 * kConfusableCost * l1;
}

double EditBudget(size_t len, bool unseen) {
  if (len == 3 && unseen) return 1.0;
  if (len <= 3) return 0;
  if (len <= 5) return 1.0;
  if (len <= 8) return 1.6;
  if (len <= 12) return 2.4;
  return 3.0;
}

int MaxEditOps(size_t len, bool unseen) {
  return static_cast<int>(std::floor(EditBudget(len, unseen) / kConfusableCost + 1e-9));
}

namespace {
int ComputeMaxDestroyedBigrams(size_t len, bool unseen) {
  // A transposition (0.8) changes up to three padded bigrams, any other
  // operation (at least kConfusableCost) up to two: take the worst mix.
  double budget = EditBudget(len, unseen) + 1e-9;
  int best = 0;
  for (int t = 0; 0.8 * t <= budget; ++t) {
    int others = static_cast<int>(std::floor((budget - 0.8 * t) / kConfusableCost));
    best = std::max(best, 3 * t + 2 * others);
  }
  return best;
}
}  // namespace

int MaxDestroyedBigrams(size_t len, bool unseen) {
  static const auto table = [] {
    std::array<std::array<int, 2>, 64> t{};
    for (size_t l = 0; l < t.size(); ++l)
      for (int u = 0; u < 2; ++u)
        t[l][static_cast<size_t>(u)] = ComputeMaxDestroyedBigrams(l, u != 0);
    return t;
  }();
  if (len >= table.size()) return ComputeMaxDestroyedBigrams(len, unseen);
  return table[len][unseen ? 1 : 0];
}

double TokenSimilarity(const TokenInfo& a, const TokenInfo& b) {
  if (a.text == b.text) return 1.0;
  // Canonical symbols (legal forms, generic words) match each other only
  // exactly. A misspelt generic word ("informaton") is not recognised as one,
  // so a plain token may still meet a generic symbol by its English word.
  bool sym_a = !a.text.empty() && (a.text[0] == '#' || a.text[0] == '~');
  bool sym_b = !b.text.empty() && (b.text[0] == '#' || b.text[0] == '~');
  if (sym_a && sym_b) return 0;
  if (sym_a || sym_b) {
    const TokenInfo& sym = sym_a ? a : b;
    const TokenInfo& plain = sym_a ? b : a;
    if (sym.text[0] != '~' || plain.cls != text::TermClass::kName) return 0;
    std::string_view word = sym.text.substr(1);
    size_t len = std::max(word.size(), plain.text.size());
    if (len < 6) return 0;
    double budget = EditBudget(len);
    double d = WeightedEditDistance(word, plain.text, budget);
    return d <= budget ? std::max(0.0, 1.0 - kEditDecay * d / static_cast<double>(len)) : 0;
  }
  bool num_a = a.cls == text::TermClass::kNumber, num_b = b.cls == text::TermClass::kNumber;
  if (num_a || num_b) return 0;  // numbers are identifiers of a kind: exact only
  // An initial stands for any name with that first letter.
  if ((a.text.size() == 1 || b.text.size() == 1) && a.text[0] == b.text[0]) return 0.7;
  if (a.keys && b.keys && !a.keys->korean.empty() && !b.keys->korean.empty() &&
      a.keys->korean != b.keys->korean &&
      (a.keys->surname.empty() || a.keys->surname != b.keys->surname)) {
    // Two different Korean syllables are two different names even one letter
    // apart: Jong Un is not Tong Un, Jong Nam is not Jong Man.
    return 0;
  }
  double sim = 0;
  size_t len = std::max(a.text.size(), b.text.size());
  double budget = EditBudget(len, a.unseen || b.unseen);
  if (budget > 0 && LetterCountBound(a.text, b.text) <= budget) {
    double d = WeightedEditDistance(a.text, b.text, budget);
    if (d <= budget) sim = std::max(0.0, 1.0 - kEditDecay * d / static_cast<double>(len));
  }
  if (a.keys && b.keys) {
    const TokenKeys& ka = *a.keys;
    const TokenKeys& kb = *b.keys;
    // Romanizations of one Korean syllable or surname (Jong/Jeong/Chong,
    // Ri/Rhee/Lee) are the same name written differently.
    if (!ka.korean.empty() && ka.korean == kb.korean) sim = std::max(sim, 0.95);
    if (!ka.surname.empty() && ka.surname == kb.surname) sim = std::max(sim, 0.95);
    // Consonant skeletons (muhammad = mohammed) also need the same first and
    // a compatible last letter: ahmadi is not ahmed.
    auto soft = [](char c) {
      return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'h' || c == 'y';
    };
    char la = a.text.back(), lb = b.text.back();
    if (!ka.skeleton.empty() && ka.skeleton == kb.skeleton && a.text[0] == b.text[0] &&
        (la == lb || (soft(la) && soft(lb))))
      sim = std::max(sim, 0.85);
  }
  return sim;
}

}  // namespace vigil::match
