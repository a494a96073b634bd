#include "text/normalize.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vigil::text {
namespace {

TEST(TextFoldLatinTest, FoldsDiacriticsToAscii) {
  EXPECT_EQ(FoldLatin("Müller"), "muller");
  EXPECT_EQ(FoldLatin("Łódź"), "lodz");
  EXPECT_EQ(FoldLatin("Øresund"), "oresund");
  EXPECT_EQ(FoldLatin("Nguyễn Tấn Dũng"), "nguyen tan dung");
  EXPECT_EQ(FoldLatin("Đặng Þór"), "dang thor");
  EXPECT_EQ(FoldLatin("Ilham Əliyev"), "ilham aliyev");
  EXPECT_EQ(FoldLatin("ḤASAN ʿALĪ"), "hasan ali");
}

TEST(TextFoldLatinTest, ExpandsLigaturesAndSharpS) {
  EXPECT_EQ(FoldLatin("Straße"), "strasse");
  EXPECT_EQ(FoldLatin("STRASSE"), "strasse");
  EXPECT_EQ(FoldLatin("GROẞ"), "gross");
  EXPECT_EQ(FoldLatin("Æsir"), "aesir");
  EXPECT_EQ(FoldLatin("Œuvre"), "oeuvre");
  EXPECT_EQ(FoldLatin("ﬁnance"), "finance");
  EXPECT_EQ(FoldLatin("Ĳssel"), "ijssel");
}

TEST(TextFoldLatinTest, TurkishDottedAndDotlessI) {
  EXPECT_EQ(FoldLatin("İstanbul"), "istanbul");
  EXPECT_EQ(FoldLatin("Isparta ılgın"), "isparta ilgin");
}

TEST(TextFoldLatinTest, RemovesApostrophesInsideWords) {
  EXPECT_EQ(FoldLatin("O'Brien"), "obrien");
  EXPECT_EQ(FoldLatin("O’Brien"), "obrien");
  EXPECT_EQ(FoldLatin("RI'YONG"), "riyong");
  EXPECT_EQ(FoldLatin("L´Oréal"), "loreal");
  EXPECT_EQ(FoldLatin("AL-QA'IDA"), "al qaida");
  EXPECT_EQ(FoldLatin("Oʻzbekiston"), "ozbekiston");
  EXPECT_EQ(FoldLatin("Il'ich"), "ilich");
}

TEST(TextFoldLatinTest, PunctuationBecomesSpace) {
  EXPECT_EQ(FoldLatin("Jong-un"), "jong un");
  EXPECT_EQ(FoldLatin("KIM, Jong Un"), "kim jong un");
  EXPECT_EQ(FoldLatin("ANGLO-CARIBBEAN CO., LTD."), "anglo caribbean co ltd");
  EXPECT_EQ(FoldLatin("\"Alpha\" & Omega (HK) Ltd."), "alpha omega hk ltd");
  EXPECT_EQ(FoldLatin("  a --  b\t\n"), "a b");
  EXPECT_EQ(FoldLatin("..."), "");
  EXPECT_EQ(FoldLatin(""), "");
}

TEST(TextFoldLatinTest, FullWidthAndMixedCase) {
  EXPECT_EQ(FoldLatin("ＡＢＣ　Ｔｒａｄｉｎｇ"), "abc trading");
  EXPECT_EQ(FoldLatin("McDONALD"), "mcdonald");
  EXPECT_EQ(FoldLatin("Ｎｏ．１２"), "no 12");
}

TEST(TextFoldLatinTest, DigitsOfAnyScriptBecomeAscii) {
  EXPECT_EQ(FoldLatin("رقم ١٢٣"), "رقم 123");
  EXPECT_EQ(FoldLatin("Unit ۴۵"), "unit 45");
}

TEST(TextFoldLatinTest, OtherScriptsPassThroughCaseFolded) {
  EXPECT_EQ(FoldLatin("ЮЛИЯ Тимошенко"), "юлия тимошенко");
  EXPECT_EQ(FoldLatin("ΟΔΥΣΣΕΑΣ"), "οδυσσεασ");  // final sigma folds to σ
  EXPECT_EQ(FoldLatin("김정은"), "김정은");
  EXPECT_EQ(FoldLatin("丹东鸿祥"), "丹东鸿祥");
  // Vowel signs are part of Devanagari letters and stay.
  EXPECT_EQ(FoldLatin("नरेंद्र"), "नरेंद्र");
}

TEST(TextFoldLatinTest, DropsArabicAndHebrewVowelPoints) {
  EXPECT_EQ(FoldLatin("مُحَمَّد"), "محمد");
  EXPECT_EQ(FoldLatin("محـــمد"), "محمد");  // tatweel
  EXPECT_EQ(FoldLatin("שָׁלוֹם"), "שלום");
}

TEST(TextFoldLatinTest, InvalidUtf8IsDropped) {
  EXPECT_EQ(FoldLatin(std::string("ab\xff\xfe"
                                  "cd")),
            "ab cd");
  EXPECT_EQ(FoldLatin(std::string("\xc3")), "");
}

TEST(TextFoldLatinTest, IsIdempotent) {
  for (const char* s : {"Müller-Lüdenscheidt", "O'Brien", "ЮЛИЯ", "ＡＢＣ", "Straße"}) {
    std::string once = FoldLatin(s);
    EXPECT_EQ(FoldLatin(once), once) << s;
  }
}

TEST(TextTokenizeTest, SplitsOnSpaces) {
  EXPECT_EQ(Tokenize("kim jong un"), (std::vector<std::string>{"kim", "jong", "un"}));
  EXPECT_EQ(Tokenize("  a  b "), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(Tokenize("").empty());
  EXPECT_TRUE(Tokenize("   ").empty());
}

TEST(TextScriptTest, DominantScriptOfEachScript) {
  EXPECT_EQ(DominantScript("Vladimir Putin"), Script::kLatin);
  EXPECT_EQ(DominantScript("Владимир Путин"), Script::kCyrillic);
  EXPECT_EQ(DominantScript("Νικόλαος"), Script::kGreek);
  EXPECT_EQ(DominantScript("محمد علي"), Script::kArabic);
  EXPECT_EQ(DominantScript("رحمت الله کاکا زاده"), Script::kArabic);  // Persian letters
  EXPECT_EQ(DominantScript("משה"), Script::kHebrew);
  EXPECT_EQ(DominantScript("习近平"), Script::kHan);
  EXPECT_EQ(DominantScript("김정은"), Script::kHangul);
  EXPECT_EQ(DominantScript("やまだ"), Script::kKana);
  EXPECT_EQ(DominantScript("สมชาย"), Script::kThai);
  EXPECT_EQ(DominantScript("ნინო"), Script::kGeorgian);
  EXPECT_EQ(DominantScript("Արմեն"), Script::kArmenian);
  EXPECT_EQ(DominantScript("नरेंद्र मोदी"), Script::kDevanagari);
  EXPECT_EQ(DominantScript("ሰላም"), Script::kOther);  // Ethiopic
  EXPECT_EQ(DominantScript("123 - ()"), Script::kUnknown);
  EXPECT_EQ(DominantScript(""), Script::kUnknown);
}

TEST(TextScriptTest, DigitsAndPunctuationDoNotCount) {
  EXPECT_EQ(DominantScript("ООО \"Ромашка\" LLC 2024"), Script::kCyrillic);
  EXPECT_EQ(DominantScript("1234567 Юлия"), Script::kCyrillic);
}

TEST(TextScriptTest, JapaneseHanWithKanaIsKana) {
  // Four Han letters, two Kana: still Japanese.
  EXPECT_EQ(DominantScript("山田太郎さん"), Script::kKana);
  EXPECT_EQ(DominantScript("三菱商事株式会社"), Script::kHan);
}

TEST(TextScriptTest, ScriptNames) {
  EXPECT_EQ(ScriptName(Script::kCyrillic), "Cyrillic");
  EXPECT_EQ(ScriptName(Script::kHangul), "Hangul");
  EXPECT_EQ(ScriptName(Script::kUnknown), "Unknown");
}

TEST(TextSkeletonTest, ArabicNameVariantsCollide) {
  for (const char* s : {"muhammad", "mohammed", "mohamad", "muhammed", "mohamed", "MUHAMMAD"}) {
    EXPECT_EQ(ConsonantSkeleton(s), "mhmd") << s;
  }
  for (const char* s : {"husayn", "hussein", "hussain", "hossein", "husain"}) {
    EXPECT_EQ(ConsonantSkeleton(s), "hsn") << s;
  }
  for (const char* s : {"yusuf", "youssef", "yousef", "yousif"}) {
    EXPECT_EQ(ConsonantSkeleton(s), "ysf") << s;
  }
  for (const char* s : {"khalid", "khaled"}) EXPECT_EQ(ConsonantSkeleton(s), "kld") << s;
  for (const char* s : {"shaikh", "sheikh", "shaykh", "cheikh"}) {
    EXPECT_EQ(ConsonantSkeleton(s), "sk") << s;
  }
  EXPECT_EQ(ConsonantSkeleton("fatimah"), ConsonantSkeleton("fatima"));
  EXPECT_EQ(ConsonantSkeleton("osama"), ConsonantSkeleton("usamah"));
  EXPECT_EQ(ConsonantSkeleton("mustapha"), ConsonantSkeleton("mustafa"));
  EXPECT_EQ(ConsonantSkeleton("qasim"), ConsonantSkeleton("kassem"));
  EXPECT_EQ(ConsonantSkeleton("djamel"), ConsonantSkeleton("jamal"));
  EXPECT_EQ(ConsonantSkeleton("vahid"), ConsonantSkeleton("wahid"));
}

TEST(TextSkeletonTest, FusedAndSplitFormsConcatenate) {
  std::string split =
      ConsonantSkeleton("abd") + ConsonantSkeleton("al") + ConsonantSkeleton("rahman");
  EXPECT_EQ(ConsonantSkeleton("abdulrahman"), split);
  EXPECT_EQ(ConsonantSkeleton("abdelrahman"), split);
  EXPECT_EQ(split, "bdlrhmn");
  EXPECT_EQ(ConsonantSkeleton("abdullah"), ConsonantSkeleton("abd") + ConsonantSkeleton("allah"));
}

TEST(TextSkeletonTest, KeepsWordInitialSemivowelAndDistinctConsonants) {
  EXPECT_EQ(ConsonantSkeleton("walid"), "wld");
  EXPECT_EQ(ConsonantSkeleton("yasin"), "ysn");
  EXPECT_EQ(ConsonantSkeleton("dawud"), "dd");
  EXPECT_NE(ConsonantSkeleton("ahmad"), ConsonantSkeleton("mahmud"));
  EXPECT_EQ(ConsonantSkeleton(""), "");
  EXPECT_EQ(ConsonantSkeleton("123"), "");
}

}  // namespace
}  // namespace vigil::text
