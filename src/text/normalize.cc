#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <map>
#include <memory>
#include <unordered_map>

namespace vigil::text {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Characters written for an apostrophe, an ayn/hamza or a soft/hard sign in
// romanised names. Deleted rather than spaced: O'Brien is one word.
bool IsApostrophe(char32_t c) {
  switch (c) {
    case U'\'':
    case U'`':
    case 0x00B4:  // acute accent; NFKC would turn it into space + U+0301
    case 0x02B9:  // modifier prime (BGN soft sign)
    case 0x02BA:  // modifier double prime (BGN hard sign)
    case 0x02BB:  // ʻokina, Uzbek oʻ
    case 0x02BC:  // modifier apostrophe
    case 0x02BD:
    case 0x02BE:  // ʾ hamza
    case 0x02BF:  // ʿ ayn
    case 0x02C8:  // primary stress
    case 0x055A:  // Armenian apostrophe
    case 0x05F3:  // Hebrew geresh
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x2032:  // prime
    case 0xFF07:  // full-width apostrophe
    case 0xFF40:  // full-width grave
      return true;
    default:
      return false;
  }
}

// Optional vowel points and the kashida stretch: lists write the same Arabic
// or Hebrew name with and without them.
bool IsDroppedPoint(char32_t c) {
  return c == 0x0640 || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06ED && c != 0x06E5 && c != 0x06E6) ||
         (c >= 0x0591 && c <= 0x05C7 && u_charType(c) == U_NON_SPACING_MARK);
}

// Latin letters beyond ASCII → their ASCII spelling, computed once from ICU's
// Latin-ASCII rules (complete, unlike a hand table) plus the few letters those
// rules leave alone. Only lowercase keys are needed: input is case-folded first.
class LatinAsciiTable {
 public:
  static const LatinAsciiTable& Get() {
    static const LatinAsciiTable table;
    return table;
  }
  // nullptr when the letter has no ASCII spelling.
  const std::string* Find(char32_t c) const {
    auto it = map_.find(c);
    return it == map_.end() ? nullptr : &it->second;
  }

 private:
  LatinAsciiTable() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> latin_ascii(
        icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
    constexpr std::array<std::pair<char32_t, char32_t>, 6> kRanges = {{
        {0x00C0, 0x02AF},  // Latin-1 Supplement, Extended-A/B, IPA
        {0x1D00, 0x1DBF},  // phonetic extensions
        {0x1E00, 0x1EFF},  // Latin Extended Additional (Vietnamese, ṭ ḥ)
        {0x2C60, 0x2C7F},  // Extended-C
        {0xA720, 0xA7FF},  // Extended-D
        {0xAB30, 0xAB6F},  // Extended-E
    }};
    for (auto [lo, hi] : kRanges) {
      for (char32_t c = lo; c <= hi; ++c) {
        UErrorCode err = U_ZERO_ERROR;
        if (!u_isalpha(static_cast<UChar32>(c)) ||
            uscript_getScript(static_cast<UChar32>(c), &err) != USCRIPT_LATIN) {
          continue;
        }
        icu::UnicodeString s(static_cast<UChar32>(c));
        if (latin_ascii != nullptr && U_SUCCESS(status)) latin_ascii->transliterate(s);
        std::string ascii;
        bool ok = s.length() > 0;
        for (int32_t i = 0; i < s.length() && ok; ++i) {
          char16_t u = s.charAt(i);
          if (u >= 0x80 || !IsAsciiAlnum(static_cast<char>(u))) {
            ok = false;
          } else {
            ascii += static_cast<char>(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u);
          }
        }
        if (ok) map_.emplace(c, std::move(ascii));
      }
    }
    // Azerbaijani schwa is written "a" in English (Əliyev → Aliyev); open
    // vowels of African orthographies.
    for (char32_t c : {U'ə', U'ǝ', U'Ə', U'Ǝ'}) map_[c] = "a";
    for (char32_t c : {U'ɔ', U'Ɔ'}) map_[c] = "o";
    for (char32_t c : {U'ɛ', U'Ɛ'}) map_[c] = "e";
  }
  std::unordered_map<char32_t, std::string> map_;
};

const icu::Normalizer2* NfkcCasefoldNormalizer() {
  static const icu::Normalizer2* n = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* inst = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? inst : nullptr;
  }();
  return n;
}

// Appends a space unless the output is empty or already ends in one.
void AppendSpace(std::string* out) {
  if (!out->empty() && out->back() != ' ') out->push_back(' ');
}

void TrimTrailingSpace(std::string* out) {
  if (!out->empty() && out->back() == ' ') out->pop_back();
}

std::string FoldAscii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (IsAsciiAlnum(c)) {
      out.push_back(c);
    } else if (c == '\'' || c == '`') {
      continue;
    } else {
      AppendSpace(&out);
    }
  }
  TrimTrailingSpace(&out);
  return out;
}

}  // namespace

void AppendUtf8(char32_t c, std::string* out) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, static_cast<UChar32>(c), error);
  if (!error) out->append(buf, static_cast<size_t>(len));
}

std::u32string DecodeUtf8(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out.push_back(c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c));
  }
  return out;
}

std::u32string DecodeUtf8Dropping(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

icu::Transliterator* ThreadTransliterator(const char* id) {
  thread_local std::map<std::string, std::unique_ptr<icu::Transliterator>, std::less<>> cache;
  auto it = cache.find(std::string_view(id));
  if (it != cache.end()) return it->second.get();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
  if (U_FAILURE(status)) t.reset();
  icu::Transliterator* raw = t.get();
  cache.emplace(id, std::move(t));
  return raw;
}

std::string EncodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) AppendUtf8(c, &out);
  return out;
}

namespace {

icu::UnicodeString NfkcCasefoldUnicode(std::string_view utf8) {
  // Strip apostrophes first: NFKC rewrites some of them (´ → space + accent).
  icu::UnicodeString in;
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    if (!IsApostrophe(static_cast<char32_t>(c))) in.append(c);
  }
  const icu::Normalizer2* norm = NfkcCasefoldNormalizer();
  if (norm == nullptr) return in;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = norm->normalize(in, status);
  return U_SUCCESS(status) ? out : in;
}

}  // namespace

std::u32string NfkcCasefold(std::string_view utf8) {
  icu::UnicodeString s = NfkcCasefoldUnicode(utf8);
  std::u32string out;
  out.reserve(static_cast<size_t>(s.length()));
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

std::string_view ScriptName(Script s) {
  switch (s) {
    case Script::kUnknown:
      return "Unknown";
    case Script::kLatin:
      return "Latin";
    case Script::kCyrillic:
      return "Cyrillic";
    case Script::kGreek:
      return "Greek";
    case Script::kArabic:
      return "Arabic";
    case Script::kHebrew:
      return "Hebrew";
    case Script::kHan:
      return "Han";
    case Script::kHangul:
      return "Hangul";
    case Script::kKana:
      return "Kana";
    case Script::kThai:
      return "Thai";
    case Script::kGeorgian:
      return "Georgian";
    case Script::kArmenian:
      return "Armenian";
    case Script::kDevanagari:
      return "Devanagari";
    case Script::kOther:
      return "Other";
  }
  return "Unknown";
}

Script ScriptOf(char32_t c) {
  if (c < 0x80) {
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? Script::kLatin : Script::kUnknown;
  }
  auto uc = static_cast<UChar32>(c);
  if (!u_isalpha(uc)) return Script::kUnknown;
  UErrorCode err = U_ZERO_ERROR;
  switch (uscript_getScript(uc, &err)) {
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_CYRILLIC:
      return Script::kCyrillic;
    case USCRIPT_GREEK:
      return Script::kGreek;
    case USCRIPT_ARABIC:
      return Script::kArabic;
    case USCRIPT_HEBREW:
      return Script::kHebrew;
    case USCRIPT_HAN:
      return Script::kHan;
    case USCRIPT_HANGUL:
      return Script::kHangul;
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_KATAKANA_OR_HIRAGANA:
      return Script::kKana;
    case USCRIPT_THAI:
      return Script::kThai;
    case USCRIPT_GEORGIAN:
      return Script::kGeorgian;
    case USCRIPT_ARMENIAN:
      return Script::kArmenian;
    case USCRIPT_DEVANAGARI:
      return Script::kDevanagari;
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
      // The prolonged sound mark ー is Common but only ever Japanese.
      return c == 0x30FC ? Script::kKana : Script::kUnknown;
    default:
      return Script::kOther;
  }
}

Script DominantScript(std::string_view utf8) {
  constexpr size_t kCount = static_cast<size_t>(Script::kOther) + 1;
  std::array<size_t, kCount> counts{};
  std::array<size_t, kCount> first_seen{};
  size_t letters = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    Script s = ScriptOf(static_cast<char32_t>(c));
    if (s == Script::kUnknown) continue;
    auto k = static_cast<size_t>(s);
    if (counts[k]++ == 0) first_seen[k] = letters;
    ++letters;
  }
  if (letters == 0) return Script::kUnknown;
  size_t best = 0;
  for (size_t k = 1; k < kCount; ++k) {
    if (counts[k] == 0) continue;
    if (counts[best] == 0 || counts[k] > counts[best] ||
        (counts[k] == counts[best] && first_seen[k] < first_seen[best])) {
      best = k;
    }
  }
  auto dominant = static_cast<Script>(best);
  if ((dominant == Script::kHan || dominant == Script::kKana) &&
      counts[static_cast<size_t>(Script::kKana)] > 0) {
    return Script::kKana;
  }
  return dominant;
}

std::string FoldLatin(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return FoldAscii(utf8);

  const LatinAsciiTable& table = LatinAsciiTable::Get();
  icu::UnicodeString folded = NfkcCasefoldUnicode(utf8);
  std::string out;
  out.reserve(utf8.size());
  bool after_latin = false;  // combining marks after a Latin letter are dropped
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (c < 0x80) {
      char a = static_cast<char>(c);
      if (IsAsciiAlnum(a)) {
        out.push_back(a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a);
        after_latin = a > '9';
      } else {
        AppendSpace(&out);
        after_latin = false;
      }
      continue;
    }
    auto cp = static_cast<char32_t>(c);
    int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
        type == U_COMBINING_SPACING_MARK) {
      if (!after_latin && !IsDroppedPoint(cp)) AppendUtf8(cp, &out);
      continue;
    }
    if (IsDroppedPoint(cp) || IsApostrophe(cp)) continue;
    if (type == U_DECIMAL_DIGIT_NUMBER) {
      int32_t v = u_charDigitValue(c);
      if (v >= 0 && v <= 9) out.push_back(static_cast<char>('0' + v));
      after_latin = false;
      continue;
    }
    if (u_isalpha(c)) {
      const std::string* ascii_form = table.Find(cp);
      if (ascii_form != nullptr) {
        out += *ascii_form;
        after_latin = true;
      } else {
        AppendUtf8(cp, &out);
        UErrorCode err = U_ZERO_ERROR;
        after_latin = uscript_getScript(c, &err) == USCRIPT_LATIN;
      }
      continue;
    }
    AppendSpace(&out);
    after_latin = false;
  }
  TrimTrailingSpace(&out);
  return out;
}

std::vector<std::string> Tokenize(std::string_view folded) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= folded.size(); ++i) {
    if (i == folded.size() || folded[i] == ' ') {
      if (i > start) out.emplace_back(folded.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string ConsonantSkeleton(std::string_view latin_token) {
  // Step 1: lowercase letters with the digraphs rewritten to one letter each.
  std::string s;
  s.reserve(latin_token.size());
  for (char c : latin_token) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z') s.push_back(c);
  }
  std::string letters;
  letters.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    char next = i + 1 < s.size() ? s[i + 1] : '\0';
    if (c == 's' && next == 'c' && i + 2 < s.size() && s[i + 2] == 'h') {
      letters.push_back('s');
      i += 2;
      continue;
    }
    if (next == 'h') {
      char mapped = '\0';
      switch (c) {
        case 'k':
          mapped = 'k';
          break;
        case 'g':
          mapped = 'g';
          break;
        case 's':
        case 'c':
          mapped = 's';
          break;
        case 't':
          mapped = 't';
          break;
        case 'd':
          mapped = 'd';
          break;
        case 'p':
          mapped = 'f';
          break;
        default:
          break;
      }
      if (mapped != '\0') {
        letters.push_back(mapped);
        ++i;
        continue;
      }
    }
    if (c == 'd' && next == 'j') {
      letters.push_back('j');
      ++i;
      continue;
    }
    switch (c) {
      case 'q':
      case 'c':
        letters.push_back('k');
        break;
      case 'v':
        letters.push_back('w');
        break;
      case 'x':
        letters += "ks";
        break;
      default:
        letters.push_back(c);
    }
  }
  // Step 2: collapse runs of one letter.
  std::string collapsed;
  collapsed.reserve(letters.size());
  for (char c : letters) {
    if (collapsed.empty() || collapsed.back() != c) collapsed.push_back(c);
  }
  auto is_vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  // Step 4 before 3 needs the vowels: a final h after a vowel is silent.
  if (collapsed.size() >= 2 && collapsed.back() == 'h' &&
      is_vowel(collapsed[collapsed.size() - 2])) {
    collapsed.pop_back();
  }
  // Step 3: drop vowels, and y/w except word-initially.
  std::string out;
  out.reserve(collapsed.size());
  for (size_t i = 0; i < collapsed.size(); ++i) {
    char c = collapsed[i];
    if (is_vowel(c)) continue;
    if ((c == 'y' || c == 'w') && i > 0) continue;
    // Dropping vowels can bring equal consonants together (dawud → dd): keep
    // them, they are two letters in the original.
    out.push_back(c);
  }
  return out;
}

}  // namespace vigil::text
