#include "text/romanize.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "core/csv.h"
#include "core/io.h"
#include "core/strings.h"
#include "test_util.h"
#include "text/normalize.h"

namespace vigil::text {
namespace {

bool Contains(const std::vector<std::string>& forms, const std::string& s) {
  return std::find(forms.begin(), forms.end(), s) != forms.end();
}

std::string WithoutSpaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1] ? 1 : 0)});
      diag = up;
    }
  }
  return row[b.size()];
}

TEST(TextRomanizeTest, LatinInputIsFoldedOnce) {
  EXPECT_EQ(Romanize("Vladimir PUTIN"), (std::vector<std::string>{"vladimir putin"}));
  EXPECT_EQ(Romanize("Müller-Lüdenscheidt"), (std::vector<std::string>{"muller ludenscheidt"}));
  EXPECT_TRUE(Romanize("").empty());
  EXPECT_TRUE(Romanize(" - ").empty());
  EXPECT_EQ(Romanize("123"), (std::vector<std::string>{"123"}));
}

TEST(TextRomanizeTest, CyrillicGivesBgnThenIsoAndOtherSpellings) {
  std::vector<std::string> yulia = Romanize("Юлия Тимошенко");
  ASSERT_FALSE(yulia.empty());
  EXPECT_EQ(yulia[0], "yuliya timoshenko");           // BGN/PCGN
  EXPECT_TRUE(Contains(yulia, "ulia timosenko"));     // ISO 9 without diacritics
  EXPECT_TRUE(Contains(yulia, "iuliia timoshenko"));  // Russian passports

  EXPECT_EQ(Romanize("Владимир Путин"),
            (std::vector<std::string>{"vladimir putin", "wladimir putin"}));  // German last
  EXPECT_TRUE(Contains(Romanize("Ходорковский"), "chodorkowski"));
  std::vector<std::string> dmitry = Romanize("Дмитрий Медведев");
  EXPECT_EQ(dmitry[0], "dmitriy medvedev");
  EXPECT_TRUE(Contains(dmitry, "dmitry medvedev"));
  EXPECT_TRUE(Contains(dmitry, "dmitrii medvedev"));
  EXPECT_TRUE(Contains(Romanize("Фёдор"), "fyodor"));
  EXPECT_TRUE(Contains(Romanize("Александр"), "alexandr"));
  EXPECT_EQ(Romanize("Евгений")[0], "yevgeniy");
  EXPECT_TRUE(Contains(Romanize("Евгений"), "evgenii"));
}

TEST(TextRomanizeTest, UkrainianLettersSelectTheUkrainianSystem) {
  std::vector<std::string> forms = Romanize("Григорій Євген");
  ASSERT_FALSE(forms.empty());
  EXPECT_EQ(forms[0], "hryhoriy yevhen");
  EXPECT_TRUE(Contains(forms, "grigoriy yevgen"));  // the Russian-style reading
}

TEST(TextRomanizeTest, MixedScriptsAreRomanizedRunByRun) {
  std::vector<std::string> forms = Romanize("ООО «Ромашка» LLC");
  ASSERT_FALSE(forms.empty());
  EXPECT_EQ(forms[0], "ooo romashka llc");
  EXPECT_TRUE(Contains(forms, "ooo romaska llc"));
  EXPECT_EQ(Romanize("Pavel Юрьевич")[0], "pavel yuryevich");
}

TEST(TextRomanizeTest, Greek) {
  std::vector<std::string> forms = Romanize("Κωνσταντίνος Παπαδόπουλος");
  ASSERT_FALSE(forms.empty());
  EXPECT_EQ(forms[0], "konstantinos papadopoulos");
  EXPECT_EQ(Romanize("Ευάγγελος")[0], "evangelos");
  EXPECT_EQ(Romanize("Νικόλαος")[0], "nikolaos");
  EXPECT_TRUE(Contains(Romanize("Χρήστος"), "christos"));
}

TEST(TextRomanizeTest, ArabicSkeletonFirstThenVowelReadings) {
  std::vector<std::string> forms = Romanize("محمد علي");
  ASSERT_FALSE(forms.empty());
  EXPECT_EQ(forms[0], "mhmd ly");
  EXPECT_TRUE(Contains(forms, "mhmd ali"));
  EXPECT_TRUE(Contains(Romanize("عبدالله"), "abdullah"));
  EXPECT_TRUE(Contains(Romanize("عبد الرحمن"), "abd al rhmn"));
  EXPECT_TRUE(Contains(Romanize("أسامة بن لادن"), "asama bin ladn"));
  // Vowel points, when written, are read.
  EXPECT_EQ(Romanize("مُحَمَّد")[0], "muhammad");
  // Persian letters.
  EXPECT_FALSE(Romanize("رحمت الله کاکا زاده").empty());
}

TEST(TextRomanizeTest, ArabicFormsMeetLatinSpellingsBySkeleton) {
  // The Romanize form and the list's Latin spelling share a consonant skeleton.
  EXPECT_EQ(ConsonantSkeleton(Romanize("محمد")[0]), ConsonantSkeleton("Mohammed"));
  EXPECT_EQ(ConsonantSkeleton(Romanize("حسين")[0]), ConsonantSkeleton("Hussein"));
  EXPECT_EQ(ConsonantSkeleton(Romanize("يوسف")[0]), ConsonantSkeleton("Youssef"));
  EXPECT_EQ(ConsonantSkeleton(Romanize("أسامة")[0]), ConsonantSkeleton("Osama"));
}

TEST(TextRomanizeTest, OtherScriptsGoThroughAnyLatin) {
  EXPECT_TRUE(Contains(Romanize("משה"), "mshe"));
  EXPECT_EQ(Romanize("ნინო")[0], "nino");
  EXPECT_EQ(Romanize("Արմեն")[0], "armen");
  EXPECT_EQ(Romanize("नरेंद्र मोदी")[0], "narendra modi");
  EXPECT_EQ(Romanize("やまだ")[0], "yamada");
  EXPECT_EQ(Romanize("สมชาย")[0], "smchay");
}

TEST(TextRomanizeTest, HanAndHangulGiveLatinForms) {
  std::vector<std::string> xi = Romanize("习近平");
  EXPECT_TRUE(std::any_of(xi.begin(), xi.end(),
                          [](const std::string& f) { return WithoutSpaces(f) == "xijinping"; }));
  std::vector<std::string> kim = Romanize("김정은");
  ASSERT_FALSE(kim.empty());
  for (const std::string& f : kim) {
    EXPECT_TRUE(std::all_of(f.begin(), f.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || c == ' ';
    })) << f;
  }
}

TEST(TextRomanizeTest, FormsAreFoldedUniqueAndBounded) {
  for (const char* s : {"Хорошо-Ёж Щукин", "عبدالرحمن محمود", "Κωνσταντίνος", "Юлия", "김정은",
                        "丹东鸿祥", "Pavel Юрьевич محمد"}) {
    std::vector<std::string> forms = Romanize(s);
    EXPECT_FALSE(forms.empty()) << s;
    EXPECT_LE(forms.size(), kMaxRomanizations) << s;
    for (size_t i = 0; i < forms.size(); ++i) {
      EXPECT_EQ(FoldLatin(forms[i]), forms[i]) << s;
      for (size_t j = 0; j < i; ++j) EXPECT_NE(forms[i], forms[j]) << s;
    }
  }
}

// Transliterators are cached per thread: concurrent callers get the same
// answers as a single one.
TEST(TextRomanizeTest, ThreadsAgree) {
  const std::vector<std::string> names = {"Юлия Тимошенко", "محمد علي", "Κωνσταντίνος", "김정은",
                                          "习近平",         "משה",      "やまだ",       "Müller"};
  std::vector<std::vector<std::string>> expected;
  for (const std::string& n : names) expected.push_back(Romanize(n));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        for (size_t i = 0; i < names.size(); ++i) {
          if (Romanize(names[i]) != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

// The share of Wikidata name tokens (Latin spelling, native spelling) for
// which some Romanize form lies within edit distance 1 (and 0) of the folded
// Latin side. Many tokens are foreign names written in Cyrillic or Arabic
// (Japanese, Italian, Dutch …), whose spelling cannot be recovered: the
// ceiling is well below 100%.
struct Recall {
  size_t rows = 0;
  size_t exact = 0;
  size_t within1 = 0;
  size_t first_within1 = 0;  // with the first (most standard) form only
  size_t skeleton = 0;       // some form has the Latin side's ConsonantSkeleton
};

Recall MeasureRecall(const std::string& relative) {
  Recall r;
  Result<std::string> text = ReadFile(testing::SharedData(relative));
  EXPECT_TRUE(text.ok()) << text.status().ToString();
  if (!text.ok()) return r;
  CsvReader reader(*text, relative, '\t');
  std::vector<std::string> fields;
  while (reader.Next(&fields)) {
    if (fields.size() < 2) continue;
    std::string latin = WithoutSpaces(FoldLatin(fields[0]));
    std::string native = WithoutSpaces(fields[1]);
    if (latin.empty() || native.empty()) continue;
    ++r.rows;
    std::vector<std::string> forms = Romanize(native);
    bool exact = false, within1 = false, skeleton = false;
    std::string latin_skeleton = ConsonantSkeleton(latin);
    for (size_t i = 0; i < forms.size(); ++i) {
      std::string f = WithoutSpaces(forms[i]);
      size_t d = EditDistance(f, latin);
      exact |= d == 0;
      within1 |= d <= 1;
      if (i == 0 && d <= 1) ++r.first_within1;
      skeleton |= ConsonantSkeleton(f) == latin_skeleton;
    }
    r.exact += exact;
    r.within1 += within1;
    r.skeleton += skeleton;
  }
  EXPECT_TRUE(reader.status().ok()) << reader.status().ToString();
  std::printf(
      "%s: %zu tokens, exact %.1f%%, within 1 edit %.1f%% (first form %.1f%%), "
      "same consonant skeleton %.1f%%\n",
      relative.c_str(), r.rows, 100.0 * r.exact / r.rows, 100.0 * r.within1 / r.rows,
      100.0 * r.first_within1 / r.rows, 100.0 * r.skeleton / r.rows);
  return r;
}

TEST(TextRomanizeTest, RussianRecallOnWikidataTokens) {
  Recall r = MeasureRecall("eval/transliteration/wd_russian_20_tokens.tsv");
  ASSERT_GT(r.rows, 30000u);
  // Measured: exact 47.3%, within 1 edit 73.8%, BGN alone 60.7%.
  EXPECT_GE(100.0 * r.exact / r.rows, 47.0);
  EXPECT_GE(100.0 * r.within1 / r.rows, 73.5);
  EXPECT_GE(100.0 * r.first_within1 / r.rows, 60.0);
}

TEST(TextRomanizeTest, ArabicRecallOnWikidataTokens) {
  Recall r = MeasureRecall("eval/transliteration/wd_arabic_20_tokens.tsv");
  ASSERT_GT(r.rows, 12000u);
  // Measured: exact 17.7%, within 1 edit 51.7%, same skeleton 79.1%.
  EXPECT_GE(100.0 * r.exact / r.rows, 17.5);
  EXPECT_GE(100.0 * r.within1 / r.rows, 51.5);
  EXPECT_GE(100.0 * r.skeleton / r.rows, 78.5);
}

// Cross-script pairs of moov-io/watchman's test set: every Arabic and
// Cyrillic query has a Romanize form within one edit of the expected Latin
// name, or with the same consonant skeleton.
TEST(TextRomanizeTest, WatchmanCrossScriptPairs) {
  Result<std::string> text = ReadFile(testing::SharedData("eval/cross-script-pairs-watchman.csv"));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  CsvReader reader(*text, "cross-script-pairs-watchman.csv");
  std::vector<std::string> fields;
  size_t checked = 0;
  while (reader.Next(&fields)) {
    if (fields.size() < 2 || StartsWith(fields[0], "#")) continue;
    Script script = DominantScript(fields[0]);
    if (script != Script::kArabic && script != Script::kCyrillic) continue;
    ++checked;
    std::string latin = WithoutSpaces(FoldLatin(fields[1]));
    bool found = false;
    for (const std::string& form : Romanize(fields[0])) {
      std::string f = WithoutSpaces(form);
      found |= EditDistance(f, latin) <= 1 || ConsonantSkeleton(f) == ConsonantSkeleton(latin);
    }
    EXPECT_TRUE(found) << reader.Where() << ": " << fields[0] << " vs " << fields[1];
  }
  EXPECT_EQ(checked, 8u);
}

}  // namespace
}  // namespace vigil::text
