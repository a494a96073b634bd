#include "match/similarity.h"

#include <gtest/gtest.h>

namespace vigil::match {
namespace {

double Sim(std::string_view a, std::string_view b) {
  TokenKeys ka = KeysOf(a), kb = KeysOf(b);
  return TokenSimilarity({a, text::TermClass::kName, &ka}, {b, text::TermClass::kName, &kb});
}

TEST(WeightedEditDistance, CostsFollowConfusability) {
  EXPECT_DOUBLE_EQ(WeightedEditDistance("smith", "smith", 3), 0);
  EXPECT_DOUBLE_EQ(WeightedEditDistance("smith", "smyth", 3), 0.7);  // i/y confusable
  EXPECT_DOUBLE_EQ(WeightedEditDistance("smith", "smoth", 3), 1.0);  // i/o is not
  EXPECT_DOUBLE_EQ(WeightedEditDistance("smith", "simth", 3), 0.8);  // transposition
  EXPECT_DOUBLE_EQ(WeightedEditDistance("12345", "12346", 3), 1.5);  // digits are dear
  EXPECT_DOUBLE_EQ(WeightedEditDistance("abc", "", 5), 3);
  // Early exit reports "more than the budget".
  EXPECT_GT(WeightedEditDistance("alexander", "bartholomew", 2), 2);
}

TEST(TokenSimilarity, ShortTokensMustMatchExactlyOrByKey) {
  EXPECT_EQ(Sim("un", "nam"), 0);
  EXPECT_EQ(Sim("un", "man"), 0);
  EXPECT_EQ(Sim("ali", "aly"), 0);  // 3 letters: no edit budget
  EXPECT_EQ(Sim("kim", "kim"), 1);
}

TEST(TokenSimilarity, DropsSharplyPastTheBudget) {
  EXPECT_NEAR(Sim("scholz", "scholze"), 1.0 - kEditDecay / 7, 1e-9);
  EXPECT_EQ(Sim("scholz", "schulze"), Sim("schulze", "scholz"));  // symmetric
  EXPECT_EQ(Sim("octavian", "olaf"), 0);
  EXPECT_EQ(Sim("angelo", "angela"), Sim("angela", "angelo"));
}

TEST(TokenSimilarity, KoreanRomanizationsOfOneSyllableAgree) {
  EXPECT_GE(Sim("jong", "jeong"), 0.9);
  EXPECT_GE(Sim("choe", "choi"), 0.9);
  EXPECT_GE(Sim("ri", "lee"), 0.9);
  EXPECT_EQ(Sim("jong", "nam"), 0);
}

TEST(TokenSimilarity, SymbolsAndNumbersOnlyExact) {
  TokenKeys none;
  EXPECT_EQ(TokenSimilarity({"#ltd", text::TermClass::kLegalForm, &none},
                            {"#llc", text::TermClass::kLegalForm, &none}),
            0);
  EXPECT_EQ(TokenSimilarity({"1234", text::TermClass::kNumber, &none},
                            {"1235", text::TermClass::kNumber, &none}),
            0);
}

TEST(ScoreNames, RewardsCoverageAndPenalisesMissingTokens) {
  float w3[] = {1, 1, 1};
  auto exact = [](size_t i, size_t j) { return i == j ? 1.0 : 0.0; };
  EXPECT_DOUBLE_EQ(ScoreNames(3, w3, 3, w3, exact, nullptr), 1.0);
  // The query has a token the list name lacks: a strong penalty.
  double missing_in_list = ScoreNames(3, w3, 2, w3, exact, nullptr);
  // The list name has a token the query lacks (a middle name): a milder one.
  double missing_in_query = ScoreNames(2, w3, 3, w3, exact, nullptr);
  EXPECT_LT(missing_in_list, missing_in_query);
  EXPECT_LT(missing_in_query, 1.0);
  NameScoreDetail detail;
  ScoreNames(2, w3, 3, w3, exact, &detail);
  EXPECT_EQ(detail.pairs.size(), 3u);
}

TEST(ScoreNames, AlignsOneToOneIgnoringOrder) {
  float w[] = {1, 1};
  // Query "b a" against list "a b".
  auto crossed = [](size_t i, size_t j) { return i != j ? 1.0 : 0.0; };
  EXPECT_DOUBLE_EQ(ScoreNames(2, w, 2, w, crossed, nullptr), 1.0);
  // Both query tokens resemble the same list token: only one may use it.
  auto both_first = [](size_t, size_t j) { return j == 0 ? 1.0 : 0.0; };
  EXPECT_LT(ScoreNames(2, w, 2, w, both_first, nullptr), 0.6);
}

}  // namespace
}  // namespace vigil::match
