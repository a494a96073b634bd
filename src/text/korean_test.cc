#include "text/korean.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/io.h"
#include "core/strings.h"
#include "test_util.h"

namespace vigil::text {
namespace {

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string Lower(std::string_view s) { return AsciiLower(Trim(s)); }

// Reads a shared CSV with a header; rows come back keyed by column name.
std::vector<std::map<std::string, std::string>> ReadCsv(const std::string& relative) {
  const std::string path = vigil::testing::SharedData(relative);
  Result<std::string> text = ReadFile(path);
  EXPECT_TRUE(text.ok()) << text.status().ToString();
  std::vector<std::map<std::string, std::string>> rows;
  if (!text.ok()) return rows;
  CsvReader reader(*text, path);
  std::vector<std::string> header;
  std::vector<std::string> fields;
  if (!reader.Next(&header)) return rows;
  while (reader.Next(&fields)) {
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size() && i < fields.size(); ++i) {
      row[std::string(Trim(header[i]))] = std::string(Trim(fields[i]));
    }
    rows.push_back(std::move(row));
  }
  EXPECT_TRUE(reader.status().ok()) << reader.status().ToString();
  return rows;
}

std::u32string Utf32(std::string_view utf8) {
  // Hangul only needs the three-byte form.
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {
      out.push_back(b);
      ++i;
    } else if ((b & 0xF0) == 0xE0 && i + 2 < utf8.size()) {
      out.push_back(((b & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F));
      i += 3;
    } else {
      ++i;
    }
  }
  return out;
}

TEST(KoreanTest, HangulSyllableRange) {
  EXPECT_TRUE(IsHangulSyllable(U'가'));
  EXPECT_TRUE(IsHangulSyllable(U'힣'));
  EXPECT_TRUE(IsHangulSyllable(U'김'));
  EXPECT_FALSE(IsHangulSyllable(U'ㄱ'));  // compatibility jamo
  EXPECT_FALSE(IsHangulSyllable(U'金'));
  EXPECT_FALSE(IsHangulSyllable(U'a'));
}

TEST(KoreanTest, SyllableSystems) {
  EXPECT_EQ(RomanizeHangulSyllable(U'정', KoreanSystem::kRevised), "jeong");
  EXPECT_EQ(RomanizeHangulSyllable(U'정', KoreanSystem::kDprk), "jong");
  EXPECT_EQ(RomanizeHangulSyllable(U'정', KoreanSystem::kMcCune), "chong");
  EXPECT_EQ(RomanizeHangulSyllable(U'정', KoreanSystem::kPopular), "jung");
  EXPECT_EQ(RomanizeHangulSyllable(U'은', KoreanSystem::kRevised), "eun");
  EXPECT_EQ(RomanizeHangulSyllable(U'은', KoreanSystem::kDprk), "un");
  EXPECT_EQ(RomanizeHangulSyllable(U'룡', KoreanSystem::kDprk), "ryong");
  EXPECT_EQ(RomanizeHangulSyllable(U'철', KoreanSystem::kDprk), "chol");
  EXPECT_EQ(RomanizeHangulSyllable(U'영', KoreanSystem::kPopular), "young");
  EXPECT_EQ(RomanizeHangulSyllable(U'희', KoreanSystem::kPopular), "hee");
  EXPECT_EQ(RomanizeHangulSyllable(U'우', KoreanSystem::kPopular), "woo");
  EXPECT_EQ(RomanizeHangulSyllable(U'현', KoreanSystem::kPopular), "hyun");
  EXPECT_EQ(RomanizeHangulSyllable(U'시', KoreanSystem::kMcCune), "shi");
  // Voicing inside a word in the northern systems, not at its start.
  EXPECT_EQ(RomanizeHangulSyllable(U'권', KoreanSystem::kDprk, true), "kwon");
  EXPECT_EQ(RomanizeHangulSyllable(U'권', KoreanSystem::kDprk, false, true), "gwon");
  EXPECT_EQ(RomanizeHangulSyllable(U'권', KoreanSystem::kDprk, false, false), "kwon");
  EXPECT_EQ(RomanizeHangulSyllable(U'택', KoreanSystem::kDprk), "thaek");
  EXPECT_EQ(RomanizeHangulSyllable(U'a', KoreanSystem::kRevised), "");
}

TEST(KoreanTest, KimJongUn) {
  const std::vector<std::string> forms = RomanizeKoreanName("김정은");
  ASSERT_FALSE(forms.empty());
  EXPECT_LE(forms.size(), kMaxKoreanRomanizations);
  EXPECT_EQ(forms[0], "kim jung eun");
  EXPECT_EQ(forms[1], "gim jeong eun");
  EXPECT_EQ(forms[2], "kim jong un");
  EXPECT_EQ(forms[3], "kim chong un");
  // Spaces and decomposed jamo make no difference.
  EXPECT_EQ(RomanizeKoreanName("김 정은"), forms);
  EXPECT_EQ(RomanizeKoreanName("\u1100\u1175\u11B7\u110C\u1165\u11BC\u110B\u1173\u11AB"), forms);
  // A different given name stays different.
  for (const std::string& f : RomanizeKoreanName("김정남")) EXPECT_FALSE(Contains(forms, f)) << f;
}

TEST(KoreanTest, NorthKoreanOfficials) {
  EXPECT_TRUE(Contains(RomanizeKoreanName("최룡해"), "choe ryong hae"));
  EXPECT_TRUE(Contains(RomanizeKoreanName("최룡해"), "choi ryong hae"));
  const std::vector<std::string> ri = RomanizeKoreanName("리선권");
  EXPECT_EQ(ri[0], "ri sun kwon");
  EXPECT_TRUE(Contains(ri, "ri son gwon"));
  EXPECT_TRUE(Contains(ri, "lee seon gwon"));
  EXPECT_TRUE(Contains(ri, "ri seon gwon"));
  EXPECT_TRUE(Contains(RomanizeKoreanName("장성택"), "jang song thaek"));
  EXPECT_TRUE(Contains(RomanizeKoreanName("박봉주"), "pak pong ju"));
  EXPECT_TRUE(Contains(RomanizeKoreanName("김영철"), "kim yong chol"));
  EXPECT_TRUE(Contains(RomanizeKoreanName("김여정"), "kim yo jong"));
  EXPECT_TRUE(Contains(RomanizeKoreanName("현송월"), "hyon song wol"));
  EXPECT_TRUE(Contains(RomanizeKoreanName("김계관"), "kim kye gwan"));
  EXPECT_TRUE(Contains(RomanizeKoreanName("태종수"), "thae jong su"));
}

TEST(KoreanTest, SurnameAloneAndCompoundSurnames) {
  const std::vector<std::string> pak = RomanizeKoreanName("박");
  EXPECT_EQ(pak[0], "park");
  EXPECT_TRUE(Contains(pak, "pak"));
  EXPECT_TRUE(Contains(pak, "bak"));
  const std::vector<std::string> lee = RomanizeKoreanName("이");
  for (const char* s : {"lee", "yi", "i", "rhee", "ri"}) EXPECT_TRUE(Contains(lee, s)) << s;
  // Two-syllable surnames: one token per syllable like every other syllable.
  EXPECT_EQ(RomanizeKoreanName("남궁민")[0], "nam goong min");
  EXPECT_TRUE(Contains(RomanizeKoreanName("남궁민"), "nam gung min"));
  EXPECT_EQ(RomanizeKoreanName("선우용녀")[0], "sun woo yong nyeo");
}

TEST(KoreanTest, OtherInput) {
  EXPECT_TRUE(RomanizeKoreanName("").empty());
  EXPECT_TRUE(RomanizeKoreanName("Kim Jong Un").empty());
  EXPECT_TRUE(RomanizeKoreanName("金正恩").empty());
  EXPECT_TRUE(RomanizeKoreanName("\xff\xfe\xed").empty());
  // ASCII kept after the name; punctuation dropped.
  EXPECT_EQ(RomanizeKoreanName("김정은 (KJU)")[0], "kim jung eun kju");
  // Long text is not read as a name: the four systems only.
  const std::vector<std::string> long_text = RomanizeKoreanName("조선민주주의인민공화국");
  EXPECT_LE(long_text.size(), 4u);
  EXPECT_EQ(long_text[1], "jo seon min ju ju ui in min gong hwa guk");
}

// The conventional (South Korean) romanization of 918 full names: how often it
// is among the forms, surname and given name as given, syllables split.
TEST(KoreanTest, FullNamePairsRecall) {
  const auto rows = ReadCsv("eval/transliteration/korean-fullname-pairs.csv");
  ASSERT_EQ(rows.size(), 918u);
  size_t hits = 0;
  size_t korean_given = 0;  // given names that are Korean, one token a syllable
  size_t korean_hits = 0;
  for (const auto& row : rows) {
    std::string family;
    for (char c : Lower(row.at("family_latin"))) {
      if (c != ' ' && c != '-') family.push_back(c);
    }
    std::string given = Lower(row.at("given_latin"));
    std::replace(given.begin(), given.end(), '-', ' ');
    std::vector<std::string> forms = RomanizeKoreanName(row.at("hangul"));
    // Two-syllable surnames come as two tokens; compare them joined.
    for (std::string& f : forms) {
      const std::u32string fam = Utf32(row.at("family_hangul"));
      if (fam.size() == 2) {
        const size_t first_space = f.find(' ');
        if (first_space != std::string::npos) f.erase(first_space, 1);
      }
    }
    const bool hit = Contains(forms, family + " " + given);
    hits += hit;
    if (Split(given, ' ').size() == Utf32(row.at("given_hangul")).size()) {
      ++korean_given;
      korean_hits += hit;
    }
  }
  const double recall = static_cast<double>(hits) / rows.size();
  std::printf("[measure] full names: %zu of %zu; with Korean given names: %zu of %zu\n", hits,
              rows.size(), korean_hits, korean_given);
  // Measured: 821 of 918 (0.894). Most misses are stage names (Felix, Qri)
  // and rows whose surname is in Chinese pinyin (Zhou for 주, Chen for 진).
  EXPECT_GE(recall, 0.89) << hits << " of " << rows.size();
  EXPECT_GE(static_cast<double>(korean_hits) / korean_given, 0.93)
      << korean_hits << " of " << korean_given;
}

TEST(KoreanTest, SurnameVariantsRecognised) {
  const auto rows = ReadCsv("eval/transliteration/korean-surname-variants.csv");
  ASSERT_EQ(rows.size(), 943u);
  size_t hits = 0;
  size_t known = 0;
  std::set<std::string> surnames;
  for (const auto& row : rows) {
    surnames.insert(row.at("hangul"));
    const std::string want = KoreanSurnameKeyForHangul(row.at("hangul"));
    if (want.empty()) continue;
    ++known;
    hits += KoreanSurnameKey(row.at("variant")) == want;
  }
  std::printf("[measure] surname variants: %zu of %zu (surname in table: %zu)\n", hits, rows.size(),
              known);
  EXPECT_EQ(surnames.size(), 191u);
  // Measured: 932 of 943 rows have their surname in the built-in table, and
  // 665 of 943 variants (0.705) get its key; most of the rest are spellings
  // of another surname (Kang for 감, Koo for 고) or English-looking forms
  // (Sea, Bean, Key) that a key on sound cannot reach.
  EXPECT_GE(known, 930u);
  EXPECT_GE(static_cast<double>(hits) / rows.size(), 0.70) << hits << " of " << rows.size();
}

TEST(KoreanTest, SurnameKeys) {
  for (const char* s : {"lee", "Rhee", "yi", "ri", "li", "i", "LEE"}) {
    EXPECT_EQ(KoreanSurnameKey(s), "lee") << s;
  }
  for (const char* s : {"park", "pak", "bak", "bahk"}) EXPECT_EQ(KoreanSurnameKey(s), "park") << s;
  for (const char* s : {"choi", "choe", "chwe"}) EXPECT_EQ(KoreanSurnameKey(s), "choi") << s;
  for (const char* s : {"jung", "jeong", "chung", "jong", "chong", "Chŏng"}) {
    EXPECT_EQ(KoreanSurnameKey(s), "jung") << s;
  }
  for (const char* s : {"roh", "noh", "no", "ro"}) EXPECT_EQ(KoreanSurnameKey(s), "noh") << s;
  for (const char* s : {"lim", "im", "rim", "yim"}) EXPECT_EQ(KoreanSurnameKey(s), "lim") << s;
  for (const char* s : {"yang", "ryang"}) EXPECT_EQ(KoreanSurnameKey(s), "yang") << s;
  for (const char* s : {"ryu", "yu", "yoo"}) EXPECT_EQ(KoreanSurnameKey(s), "yoo") << s;
  EXPECT_EQ(KoreanSurnameKey("kim"), "kim");
  EXPECT_EQ(KoreanSurnameKey("gim"), "kim");
  // A spelling that two surnames use goes to the one it is first for.
  EXPECT_EQ(KoreanSurnameKey("song"), "song");
  EXPECT_EQ(KoreanSurnameKey("sung"), "sung");
  EXPECT_EQ(KoreanSurnameKey("son"), "son");
  // Not in the table but spelled like a listed surname.
  EXPECT_EQ(KoreanSurnameKey("kahn"), "kan");
  EXPECT_EQ(KoreanSurnameKey("namgung"), "namgoong");
  EXPECT_EQ(KoreanSurnameKey("Nam-koong"), "namgoong");
  EXPECT_EQ(KoreanSurnameKey("smith"), "");
  EXPECT_EQ(KoreanSurnameKey(""), "");
  EXPECT_EQ(KoreanSurnameKeyForHangul("리"), "lee");
  EXPECT_EQ(KoreanSurnameKeyForHangul("이"), "lee");
  EXPECT_EQ(KoreanSurnameKeyForHangul("남궁"), "namgoong");
  EXPECT_EQ(KoreanSurnameKeyForHangul("뷁"), "");
}

TEST(KoreanTest, SyllableKeys) {
  const std::string jong = KoreanSyllableKey("jong");
  ASSERT_FALSE(jong.empty());
  for (const char* s : {"jeong", "chong", "cheong", "jung", "chung", "Ch'ŏng", "JONG"}) {
    EXPECT_EQ(KoreanSyllableKey(s), jong) << s;
  }
  for (const char* s : {"eun", "woon", "ŭn"})
    EXPECT_EQ(KoreanSyllableKey(s), KoreanSyllableKey("un"));
  EXPECT_NE(KoreanSyllableKey("un"), KoreanSyllableKey("nam"));
  EXPECT_NE(KoreanSyllableKey("jong"), KoreanSyllableKey("jin"));
  EXPECT_NE(KoreanSyllableKey("eun"), KoreanSyllableKey("yun"));
  EXPECT_NE(KoreanSyllableKey("won"), KoreanSyllableKey("un"));
  EXPECT_EQ(KoreanSyllableKey("young"), KoreanSyllableKey("yeong"));
  EXPECT_EQ(KoreanSyllableKey("hee"), KoreanSyllableKey("hui"));
  EXPECT_EQ(KoreanSyllableKey("choi"), KoreanSyllableKey("choe"));
  EXPECT_EQ(KoreanSyllableKey("kwon"), KoreanSyllableKey("gwon"));
  EXPECT_EQ(KoreanSyllableKey("thaek"), KoreanSyllableKey("taek"));
  EXPECT_EQ(KoreanSyllableKey("whang"), KoreanSyllableKey("hwang"));
  EXPECT_EQ(KoreanSyllableKey("ahn"), KoreanSyllableKey("an"));
  EXPECT_EQ(KoreanSyllableKey("park"), KoreanSyllableKey("bak"));
  for (const char* s : {"", "smith", "x", "qi", "street", "jong un", "12"}) {
    EXPECT_EQ(KoreanSyllableKey(s), "") << s;
  }
}

// Keys measured on the syllables of korean-fullname-pairs: how often the
// conventional spelling of a syllable has the key of its Revised Romanization,
// and how many pairs of different syllables share a key.
TEST(KoreanTest, SyllableKeyMeasured) {
  const auto rows = ReadCsv("eval/transliteration/korean-fullname-pairs.csv");
  size_t n = 0;
  size_t same = 0;
  std::set<char32_t> syllables;
  for (const auto& row : rows) {
    const std::u32string family = Utf32(row.at("family_hangul"));
    const std::u32string given = Utf32(row.at("given_hangul"));
    std::string given_latin = Lower(row.at("given_latin"));
    std::replace(given_latin.begin(), given_latin.end(), '-', ' ');
    const std::vector<std::string_view> tokens = Split(given_latin, ' ');
    std::vector<std::pair<char32_t, std::string>> pairs;
    if (family.size() == 1) pairs.emplace_back(family[0], Lower(row.at("family_latin")));
    if (tokens.size() == given.size()) {
      for (size_t i = 0; i < given.size(); ++i)
        pairs.emplace_back(given[i], std::string(tokens[i]));
    }
    for (const auto& [hangul, latin] : pairs) {
      syllables.insert(hangul);
      ++n;
      same += KoreanSyllableKey(latin) ==
              KoreanSyllableKey(RomanizeHangulSyllable(hangul, KoreanSystem::kRevised));
    }
  }
  std::printf("[measure] syllable keys: %zu of %zu\n", same, n);
  // Measured: 2574 of 2652 (0.971); the misses are mostly another Hangul
  // form of the surname (Lee for 이, Rim for 임, Ro for 노) and rows in
  // Chinese pinyin.
  EXPECT_EQ(n, 2652u);
  EXPECT_GE(static_cast<double>(same) / n, 0.97) << same << " of " << n;

  std::map<std::string, int> per_key;
  for (char32_t s : syllables) {
    ++per_key[KoreanSyllableKey(RomanizeHangulSyllable(s, KoreanSystem::kRevised))];
  }
  size_t colliding = 0;
  for (const auto& [key, count] : per_key) colliding += count * (count - 1) / 2;
  const size_t all_pairs = syllables.size() * (syllables.size() - 1) / 2;
  std::printf("[measure] %zu syllables, %zu keys, %zu of %zu pairs collide\n", syllables.size(),
              per_key.size(), colliding, all_pairs);
  // Measured: 191 syllables, 141 keys, 64 colliding pairs of 18145 (0.35%):
  // ㅓ ㅗ ㅜ ㅡ share a class (jeong/jong/jung), so do plain and aspirated
  // initials (ja/cha, dae/tae) and ㅕ ㅛ ㅠ (yeon/yun).
  EXPECT_EQ(syllables.size(), 191u);
  EXPECT_LE(colliding, 64u);
  EXPECT_LT(static_cast<double>(colliding) / all_pairs, 0.004);
}

TEST(KoreanTest, Segmentation) {
  using V = std::vector<std::string>;
  EXPECT_EQ(SegmentKoreanSyllables("jongun"), (V{"jong", "un"}));
  EXPECT_EQ(SegmentKoreanSyllables("Jong'un"), (V{"jong", "un"}));
  EXPECT_EQ(SegmentKoreanSyllables("kimjongun"), (V{"kim", "jong", "un"}));
  EXPECT_EQ(SegmentKoreanSyllables("KIMJONGUN"), (V{"kim", "jong", "un"}));
  EXPECT_EQ(SegmentKoreanSyllables("yongchol"), (V{"yong", "chol"}));
  EXPECT_EQ(SegmentKoreanSyllables("songgwon"), (V{"song", "gwon"}));
  EXPECT_EQ(SegmentKoreanSyllables("jeongeun"), (V{"jeong", "eun"}));
  EXPECT_EQ(SegmentKoreanSyllables("kimjongil"), (V{"kim", "jong", "il"}));
  EXPECT_EQ(SegmentKoreanSyllables("ryonghae"), (V{"ryong", "hae"}));
  EXPECT_EQ(SegmentKoreanSyllables("seojun"), (V{"seo", "jun"}));
  // Ties go to the earlier boundary (onset-maximising).
  EXPECT_EQ(SegmentKoreanSyllables("yuna"), (V{"yu", "na"}));
  EXPECT_EQ(SegmentKoreanSyllables("haneul"), (V{"ha", "neul"}));
  EXPECT_EQ(SegmentKoreanSyllables("min"), (V{"min"}));
  EXPECT_TRUE(SegmentKoreanSyllables("").empty());
  EXPECT_TRUE(SegmentKoreanSyllables("smith").empty());
  EXPECT_TRUE(SegmentKoreanSyllables("jong un").empty());
  EXPECT_TRUE(SegmentKoreanSyllables("kimjongunkimjongun").empty());  // > 4 syllables
  EXPECT_TRUE(SegmentKoreanSyllables(std::string(1000, 'a')).empty());
}

// Hangul transcriptions of foreign names (Wikidata): these are not Korean
// names, so exact recall is low; a similarity measure shows how close the
// romanization comes for the matcher's fuzzy stage.
TEST(KoreanTest, WikidataForeignNames) {
  const std::string path =
      vigil::testing::SharedData("eval/transliteration/wd_korean_20_tokens.tsv");
  Result<std::string> text = ReadFile(path);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  size_t n = 0;
  size_t exact = 0;
  for (std::string_view line : Split(*text, '\n')) {
    const std::vector<std::string_view> f = Split(line, '\t');
    if (f.size() < 3) continue;
    std::string hangul;
    for (char c : f[1]) {
      if (c != ' ') hangul.push_back(c);
    }
    const std::string latin = AsciiLower(f[0]);
    ++n;
    for (const std::string& form : RomanizeKoreanName(hangul)) {
      std::string joined;
      for (char c : form) {
        if (c != ' ') joined.push_back(c);
      }
      if (joined == latin) {
        ++exact;
        break;
      }
    }
  }
  std::printf("[measure] wikidata korean: %zu of %zu exact\n", exact, n);
  // Measured: 742 of 8251 (0.090), e.g. 리 → lee, 김 → kim, 민 → min.
  EXPECT_EQ(n, 8251u);
  EXPECT_GE(static_cast<double>(exact) / n, 0.089) << exact << " of " << n;
}

}  // namespace
}  // namespace vigil::text
