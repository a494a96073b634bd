#include "text/romanize.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>

#include "text/normalize.h"

// Hook for the dedicated Korean and Chinese romanizers (text/korean.h,
// text/chinese.h): Hangul and Han runs go to RomanizeKoreanName and
// RomanizeChineseName. Build with -DVIGIL_TEXT_KOREAN_ROMANIZER=0 or
// -DVIGIL_TEXT_CHINESE_ROMANIZER=0 to fall back to ICU's Hangul-Latin and
// Han-Latin/Names (RomanizeHangulWord / RomanizeHanWord below).
#ifndef VIGIL_TEXT_KOREAN_ROMANIZER
#define VIGIL_TEXT_KOREAN_ROMANIZER 1
#endif
#ifndef VIGIL_TEXT_CHINESE_ROMANIZER
#define VIGIL_TEXT_CHINESE_ROMANIZER 1
#endif
#if VIGIL_TEXT_KOREAN_ROMANIZER
#include "text/korean.h"
#endif
#if VIGIL_TEXT_CHINESE_ROMANIZER
#include "text/chinese.h"
#endif

namespace vigil::text {
namespace {

// ---------------------------------------------------------------------------
// ICU transliterators. Creating one parses its rules (milliseconds), and an
// instance must not be used by two threads at once, so each thread keeps its
// own, created on first use.

icu::Transliterator* CachedTransliterator(const char* id) { return ThreadTransliterator(id); }

// Transliterates with ICU; on a missing transform returns the input unchanged
// (FoldLatin then keeps the letters, which still match the same script).
std::string IcuTransliterate(const char* id, std::u32string_view run) {
  std::string utf8 = EncodeUtf8(run);
  icu::Transliterator* t = CachedTransliterator(id);
  if (t == nullptr) return utf8;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
  t->transliterate(s);
  std::string out;
  s.toUTF8String(out);
  return out;
}

// ---------------------------------------------------------------------------
// Cyrillic. Table-driven rather than ICU: the systems differ in a dozen
// letters, and the tables also cover Ukrainian, Belarusian, Serbian and
// Kazakh letters that Russian-Latin/BGN leaves untouched.

// Defaults: BGN/PCGN.
struct CyrillicSystem {
  const char* zh = "zh";           // ж
  const char* y_short = "y";       // й
  const char* kh = "kh";           // х
  const char* ts = "ts";           // ц
  const char* ch = "ch";           // ч
  const char* sh = "sh";           // ш
  const char* shch = "shch";       // щ
  const char* hard = "";           // ъ
  const char* yery = "y";          // ы
  const char* e_iotated = "ye";    // е at word start or after a vowel, ъ or ь
  const char* yo = "e";            // ё after a consonant
  const char* yo_iotated = "ye";   // ё at word start or after a vowel
  const char* yu = "yu";           // ю after a consonant
  const char* yu_iotated = "yu";   // ю at word start or after a vowel
  const char* ya = "ya";           // я after a consonant
  const char* ya_iotated = "ya";   // я at word start or after a vowel
  const char* g = "g";             // г
  const char* i = "i";             // и
  const char* iy_final = nullptr;  // ий / ый at word end (nullptr: letter by letter)
  bool ks_as_x = false;            // кс → x (Alexander)
  bool dzh_as_j = false;           // дж → j (John, Jamal)
  const char* v = "v";             // в
  const char* z = "z";             // з
};

// BGN/PCGN 1947 (Russian-Latin/BGN without its diacritics).
constexpr CyrillicSystem kBgn = {};
// ISO 9 (ICU Cyrillic-Latin) with the diacritics folded: ž→z, č→c, û→u, â→a.
constexpr CyrillicSystem kIso9 = {.zh = "z",
                                  .y_short = "j",
                                  .kh = "h",
                                  .ts = "c",
                                  .ch = "c",
                                  .sh = "s",
                                  .shch = "s",
                                  .e_iotated = "e",
                                  .yo_iotated = "e",
                                  .yu = "u",
                                  .yu_iotated = "u",
                                  .ya = "a",
                                  .ya_iotated = "a"};
// Russian passports since 2013 (ICAO 9303): Юлия → iuliia.
constexpr CyrillicSystem kIcao = {.y_short = "i",
                                  .hard = "ie",
                                  .e_iotated = "e",
                                  .yo_iotated = "e",
                                  .yu = "iu",
                                  .yu_iotated = "iu",
                                  .ya = "ia",
                                  .ya_iotated = "ia"};
// The conventional English press spelling: Alexander, Fyodor, Dmitry, Yury.
constexpr CyrillicSystem kEnglish = {
    .yo = "yo", .yo_iotated = "yo", .iy_final = "y", .ks_as_x = true};
// Foreign names written in Russian read back (х for h, й for i/y): Hawking,
// Yoshiyuki.
constexpr CyrillicSystem kForeign = {.y_short = "i",
                                     .kh = "h",
                                     .e_iotated = "e",
                                     .yo = "yo",
                                     .yo_iotated = "yo",
                                     .ks_as_x = true,
                                     .dzh_as_j = true};
// German transcription (Jewgeni Prigoschin, Chodorkowski): chosen as the 6th
// system by measured recall on Wikidata tokens (+2.9 points within 1 edit).
constexpr CyrillicSystem kGerman = {.zh = "sch",
                                    .y_short = "j",
                                    .kh = "ch",
                                    .ts = "z",
                                    .ch = "tsch",
                                    .sh = "sch",
                                    .shch = "schtsch",
                                    .e_iotated = "je",
                                    .yo = "jo",
                                    .yo_iotated = "jo",
                                    .yu = "ju",
                                    .yu_iotated = "ju",
                                    .ya = "ja",
                                    .ya_iotated = "ja",
                                    .iy_final = "i",
                                    .ks_as_x = true,
                                    .v = "w",
                                    .z = "s"};
// Ukrainian national system (2010): г→h, и→y, є→ie/ye, ї→i/yi.
constexpr CyrillicSystem kUkrainian = {
    .yo_iotated = "yo", .yu = "iu", .ya = "ia", .g = "h", .i = "y"};

bool IsCyrillicVowel(char32_t c) {
  switch (c) {
    case U'а':
    case U'е':
    case U'ё':
    case U'и':
    case U'о':
    case U'у':
    case U'ы':
    case U'э':
    case U'ю':
    case U'я':
    case U'і':
    case U'ї':
    case U'є':
      return true;
    default:
      return false;
  }
}

bool IsCyrillicLetter(char32_t c) { return (c >= 0x0400 && c <= 0x052F); }

bool HasUkrainianLetters(std::u32string_view run) {
  return std::any_of(run.begin(), run.end(),
                     [](char32_t c) { return c == U'і' || c == U'ї' || c == U'є' || c == U'ґ'; });
}

std::string RomanizeCyrillic(std::u32string_view run, const CyrillicSystem& sys) {
  std::string out;
  out.reserve(run.size() * 2);
  for (size_t i = 0; i < run.size(); ++i) {
    char32_t c = run[i];
    char32_t prev = i > 0 ? run[i - 1] : U' ';
    char32_t next = i + 1 < run.size() ? run[i + 1] : U' ';
    bool word_end = !IsCyrillicLetter(next);
    bool iotated = !IsCyrillicLetter(prev) || IsCyrillicVowel(prev) || prev == U'ъ' ||
                   prev == U'ь' || prev == U'й';
    if (sys.iy_final != nullptr && (c == U'и' || c == U'ы') && next == U'й' &&
        (i + 2 >= run.size() || !IsCyrillicLetter(run[i + 2])) && IsCyrillicLetter(prev)) {
      out += sys.iy_final;
      ++i;
      continue;
    }
    if (sys.dzh_as_j && c == U'д' && next == U'ж') {
      out += 'j';
      ++i;
      continue;
    }
    if (sys.ks_as_x && c == U'к' && next == U'с') {
      out += 'x';
      ++i;
      continue;
    }
    const char* s = nullptr;
    switch (c) {
      case U'а':
        s = "a";
        break;
      case U'б':
        s = "b";
        break;
      case U'в':
        s = sys.v;
        break;
      case U'г':
        s = sys.g;
        break;
      case U'ґ':
        s = "g";
        break;
      case U'д':
        s = "d";
        break;
      case U'е':
        s = iotated ? sys.e_iotated : "e";
        break;
      case U'ё': {
        s = iotated ? sys.yo_iotated : sys.yo;
        // After ж ч ш щ the iotation is silent: Хрущёв → Khrushchov, Chruschtschow.
        bool sibilant = prev == U'ж' || prev == U'ч' || prev == U'ш' || prev == U'щ';
        if (!iotated && sibilant && (s[0] == 'y' || s[0] == 'j') && s[1] != '\0') ++s;
        break;
      }
      case U'є':
        s = iotated ? "ye" : "ie";
        break;
      case U'ж':
        s = sys.zh;
        break;
      case U'з':
        s = sys.z;
        break;
      case U'и':
        s = sys.i;
        break;
      case U'і':
        s = "i";
        break;
      case U'ї':
        s = iotated ? "yi" : "i";
        break;
      case U'й':
        // Systems that write й as i still write it y at the start of a word
        // (Йошкар-Ола → Yoshkar).
        s = (sys.y_short[0] == 'i' && !IsCyrillicLetter(prev)) ? "y" : sys.y_short;
        break;
      case U'к':
        s = "k";
        break;
      case U'л':
        s = "l";
        break;
      case U'м':
        s = "m";
        break;
      case U'н':
        s = "n";
        break;
      case U'о':
        s = "o";
        break;
      case U'п':
        s = "p";
        break;
      case U'р':
        s = "r";
        break;
      case U'с':
        s = "s";
        break;
      case U'т':
        s = "t";
        break;
      case U'у':
        s = "u";
        break;
      case U'ф':
        s = "f";
        break;
      case U'х':
        s = sys.kh;
        break;
      case U'ц':
        s = sys.ts;
        break;
      case U'ч':
        s = sys.ch;
        break;
      case U'ш':
        s = sys.sh;
        break;
      case U'щ':
        s = sys.shch;
        break;
      case U'ъ':
        s = word_end ? "" : sys.hard;
        break;
      case U'ы':
        s = sys.yery;
        break;
      case U'ь':
        s = "";
        break;
      case U'э':
        s = "e";
        break;
      case U'ю':
        s = iotated ? sys.yu_iotated : sys.yu;
        break;
      case U'я':
        s = iotated ? sys.ya_iotated : sys.ya;
        break;
      // Belarusian, Serbian, Macedonian.
      case U'ў':
        s = "w";
        break;
      case U'ђ':
        s = "dj";
        break;
      case U'ј':
        s = "j";
        break;
      case U'љ':
        s = "lj";
        break;
      case U'њ':
        s = "nj";
        break;
      case U'ћ':
        s = "c";
        break;
      case U'џ':
        s = "dz";
        break;
      case U'ѓ':
        s = "gj";
        break;
      case U'ќ':
        s = "kj";
        break;
      case U'ѕ':
        s = "dz";
        break;
      // Kazakh, Kyrgyz, Tatar, Mongolian.
      case U'ә':
        s = "a";
        break;
      case U'ғ':
        s = "gh";
        break;
      case U'қ':
        s = "q";
        break;
      case U'ң':
        s = "ng";
        break;
      case U'ө':
        s = "o";
        break;
      case U'ұ':
      case U'ү':
        s = "u";
        break;
      case U'һ':
        s = "h";
        break;
      case U'ҳ':
        s = "h";
        break;
      case U'ҷ':
        s = "j";
        break;
      default:
        break;
    }
    if (s != nullptr) {
      out += s;
    } else if (IsCyrillicLetter(c)) {
      // A rare letter: ICU knows them all.
      out += IcuTransliterate("Cyrillic-Latin", std::u32string_view(&run[i], 1));
    } else {
      AppendUtf8(c, &out);
    }
  }
  return out;
}

std::vector<std::string> RomanizeCyrillicRun(std::u32string_view run) {
  std::vector<std::string> out;
  if (HasUkrainianLetters(run)) out.push_back(RomanizeCyrillic(run, kUkrainian));
  for (const CyrillicSystem* sys : {&kBgn, &kIso9, &kIcao, &kEnglish, &kForeign, &kGerman}) {
    out.push_back(RomanizeCyrillic(run, *sys));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Arabic script (Arabic, Persian, Urdu, Pashto letters). Names are written
// without short vowels, so the first reading is the consonant skeleton that
// ICU's Arabic-Latin gives (محمد → mhmd; compare with ConsonantSkeleton); the
// others read the long-vowel letters as vowels the way foreign names and
// Western spellings of Arabic names do.

// Defaults: the consonant skeleton.
struct ArabicSystem {
  const char* waw_initial = "w";          // و at word start
  const char* waw = "w";                  // و after a consonant
  const char* yeh_initial = "y";          // ي at word start or between vowels
  const char* yeh = "y";                  // ي after a consonant
  const char* yeh_final = "y";            // ي at word end
  const char* alef_waw = "aw";            // او / أو opening a word (Omar, Oussama)
  const char* alef_yeh = "ay";            // اي / إي opening a word
  const char* teh_marbuta = "ah";         // ة
  const char* jeem = "j";                 // ج
  const char* qaf = "q";                  // ق
  const char* kaf = "k";                  // ك
  const char* feh = "f";                  // ف
  const char* beh = "b";                  // ب
  const char* theh = "th";                // ث
  const char* thal = "dh";                // ذ
  const char* ghain = "gh";               // غ
  const char* ain = "";                   // ع
  const char* shin = "sh";                // ش
  const char* khah = "kh";                // خ
  const char* alef_hamza_below = "i";     // إ
  const char* ain_before_consonant = "";  // ع before a consonant (ʿAbd → Abd)
  const char* article = "al ";            // ال opening a word, with its separator
  const char* abd_al = "abd al ";         // عبد ال… (Abd al-, Abdul, Abdel)
  const char* abdullah = "abd allah";     // عبدالله
  const char* bin = "bn";                 // بن
  const char* bint = "bnt";               // بنت
  const char* abu = "abw";                // أبو
  bool tsh_as_ch = false;                 // تش → ch (foreign names: Chapman)
};

// ICU Arabic-Latin with its diacritics folded: the consonants, and ا/و/ي as
// a/w/y. ة is "ah" so that ConsonantSkeleton drops it like the final h of
// Osamah.
constexpr ArabicSystem kArabicSkeleton = {};
// English spellings of Arabic names: و → u, ي → i (Yusuf, Mahmud, Walid).
constexpr ArabicSystem kArabicEnglish = {.waw = "u",
                                         .yeh = "i",
                                         .yeh_final = "i",
                                         .alef_waw = "u",
                                         .alef_yeh = "i",
                                         .teh_marbuta = "a",
                                         .ain_before_consonant = "a",
                                         .abd_al = "abdul ",
                                         .abdullah = "abdullah",
                                         .bin = "bin",
                                         .bint = "bint",
                                         .abu = "abu"};
// European spellings of foreign names: و → o, ج → g, ق → k, تش → ch.
constexpr ArabicSystem kArabicEuropean = {.waw_initial = "o",
                                          .waw = "o",
                                          .yeh = "i",
                                          .yeh_final = "i",
                                          .alef_waw = "o",
                                          .alef_yeh = "e",
                                          .teh_marbuta = "a",
                                          .jeem = "g",
                                          .qaf = "k",
                                          .theh = "t",
                                          .thal = "d",
                                          .ghain = "g",
                                          .alef_hamza_below = "e",
                                          .ain_before_consonant = "a",
                                          .article = "el ",
                                          .abd_al = "abdel ",
                                          .abdullah = "abdallah",
                                          .bin = "ben",
                                          .bint = "bent",
                                          .abu = "abou",
                                          .tsh_as_ch = true};
// The same with the letters Arabic lacks restored: ب → p, ف → v, ك → c, ي → e.
constexpr ArabicSystem kArabicEuropean2 = {.waw_initial = "u",
                                           .waw = "u",
                                           .yeh = "e",
                                           .alef_waw = "o",
                                           .alef_yeh = "i",
                                           .teh_marbuta = "a",
                                           .qaf = "k",
                                           .kaf = "c",
                                           .feh = "v",
                                           .beh = "p",
                                           .theh = "s",
                                           .thal = "z",
                                           .ghain = "g",
                                           .ain = "a",
                                           .khah = "h",
                                           .alef_hamza_below = "e",
                                           .ain_before_consonant = "a",
                                           .article = "",
                                           .abd_al = "abdul",
                                           .abdullah = "abdulla",
                                           .bin = "ben",
                                           .bint = "bint",
                                           .abu = "abu",
                                           .tsh_as_ch = true};
// French spellings of Maghreb names: و → ou, ج → dj, ش → ch (Djamel, Chérif).
constexpr ArabicSystem kArabicFrench = {.waw_initial = "ou",
                                        .waw = "ou",
                                        .yeh = "i",
                                        .yeh_final = "i",
                                        .alef_waw = "ou",
                                        .alef_yeh = "i",
                                        .teh_marbuta = "a",
                                        .jeem = "dj",
                                        .qaf = "k",
                                        .theh = "t",
                                        .thal = "d",
                                        .shin = "ch",
                                        .ain_before_consonant = "a",
                                        .article = "el ",
                                        .abd_al = "abdel ",
                                        .abdullah = "abdellah",
                                        .bin = "ben",
                                        .bint = "bent",
                                        .abu = "abou",
                                        .tsh_as_ch = true};

bool IsArabicLetter(char32_t c) {
  return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) ||
         (c >= 0x06FA && c <= 0x06FC) || (c >= 0x0750 && c <= 0x077F);
}

bool IsArabicLongVowel(char32_t c) {
  return c == U'ا' || c == U'و' || c == U'ي' || c == U'ى' || c == U'ی' || c == U'آ';
}

bool IsAlef(char32_t c) { return c == U'ا' || c == U'أ' || c == U'إ' || c == U'آ'; }

bool IsArabicMark(char32_t c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670; }

// One letter of a word, with the vowel points written on it.
struct ArabicLetter {
  char32_t letter;
  std::u32string marks;
};

// Romanizes a word letter by letter; the article and the particles are
// handled by RomanizeArabicWord.
std::string RomanizeArabicLetters(const std::vector<ArabicLetter>& word, const ArabicSystem& sys) {
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    char32_t c = word[i].letter;
    char32_t prev = i > 0 ? word[i - 1].letter : U' ';
    char32_t next = i + 1 < word.size() ? word[i + 1].letter : U' ';
    bool word_start = i == 0;
    bool word_end = i + 1 == word.size();
    size_t letter_begin = out.size();
    if (word_start && IsAlef(c) && i + 2 < word.size()) {
      if (next == U'و') {
        out += sys.alef_waw;
        ++i;
        continue;
      }
      if (next == U'ي' || next == U'ی') {
        out += sys.alef_yeh;
        ++i;
        continue;
      }
    }
    if (sys.tsh_as_ch && c == U'ت' && next == U'ش') {
      out += "ch";
      ++i;
      continue;
    }
    if (i > 0 && word[i].marks.empty()) {
      // A long vowel after its own short vowel point was written already.
      const std::u32string& pm = word[i - 1].marks;
      if ((c == U'ا' && pm.find(char32_t{0x064E}) != std::u32string::npos) ||
          (c == U'و' && pm.find(char32_t{0x064F}) != std::u32string::npos) ||
          (c == U'ي' && pm.find(char32_t{0x0650}) != std::u32string::npos)) {
        continue;
      }
    }
    if (c == U'ع' && !word_end && !IsArabicLongVowel(next)) {
      // ʿAbd, ʿAli: an ayn before a consonant carries a vowel.
      out += sys.ain_before_consonant;
      continue;
    }
    const char* s = nullptr;
    switch (c) {
      case U'ا':
      case U'آ':
      case U'ٱ':
      case U'أ':
        s = "a";
        break;
      case U'إ':
        s = sys.alef_hamza_below;
        break;
      case U'ء':
      case U'ئ':
      case U'ؤ':
        s = "";
        break;
      case U'ب':
        s = sys.beh;
        break;
      case U'پ':
        s = "p";
        break;
      case U'ت':
        s = "t";
        break;
      case U'ث':
        s = sys.theh;
        break;
      case U'ج':
        s = sys.jeem;
        break;
      case U'چ':
        s = "ch";
        break;
      case U'ح':
        s = "h";
        break;
      case U'خ':
        s = sys.khah;
        break;
      case U'د':
        s = "d";
        break;
      case U'ذ':
        s = sys.thal;
        break;
      case U'ر':
        s = "r";
        break;
      case U'ز':
        s = "z";
        break;
      case U'ژ':
        s = "zh";
        break;
      case U'س':
        s = "s";
        break;
      case U'ش':
        s = sys.shin;
        break;
      case U'ص':
        s = "s";
        break;
      case U'ض':
        s = "d";
        break;
      case U'ط':
        s = "t";
        break;
      case U'ظ':
        s = "z";
        break;
      case U'ع':
        s = sys.ain;
        break;
      case U'غ':
        s = sys.ghain;
        break;
      case U'ف':
        s = sys.feh;
        break;
      case U'ڤ':
        s = "v";
        break;
      case U'ق':
        s = sys.qaf;
        break;
      case U'ك':
      case U'ک':
        s = sys.kaf;
        break;
      case U'گ':
        s = "g";
        break;
      case U'ل':
        s = "l";
        break;
      case U'م':
        s = "m";
        break;
      case U'ن':
        s = "n";
        break;
      case U'ه':
      case U'ھ':
      case U'ۀ':
        s = "h";
        break;
      case U'ة':
        s = sys.teh_marbuta;
        break;
      case U'و':
        s = word_start ? sys.waw_initial : (IsArabicLongVowel(prev) ? "w" : sys.waw);
        break;
      case U'ي':
      case U'ی':
      case U'ى':
        if (c == U'ى' && word_end) {
          s = "a";
        } else if (word_start || (IsArabicLongVowel(prev) && prev != U'و' && !word_end)) {
          s = sys.yeh_initial;
        } else {
          s = word_end ? sys.yeh_final : sys.yeh;
        }
        break;
      case U'ٹ':
        s = "t";
        break;
      case U'ڈ':
        s = "d";
        break;
      case U'ڑ':
        s = "r";
        break;
      case U'ں':
        s = "n";
        break;
      case U'ے':
        s = "e";
        break;
      default:
        break;
    }
    if (s != nullptr) {
      out += s;
    } else {
      out += IcuTransliterate("Arabic-Latin", std::u32string_view(&word[i].letter, 1));
    }
    bool consonant = !IsArabicLongVowel(c) && out.size() > letter_begin;
    // Shadda doubles the consonant; it sorts after the vowel point in NFC,
    // so it is applied first.
    if (consonant && word[i].marks.find(char32_t{0x0651}) != std::u32string::npos) {
      out += out.substr(letter_begin);
    }
    for (char32_t m : word[i].marks) {
      switch (m) {
        case 0x064E:  // fatha
        case 0x0670:  // superscript alef
          out += 'a';
          break;
        case 0x064F:  // damma
          out += 'u';
          break;
        case 0x0650:  // kasra
          out += 'i';
          break;
        default:  // shadda (done), tanwin, sukun: nothing more to pronounce
          break;
      }
    }
  }
  return out;
}

std::string RomanizeArabicWord(const std::vector<ArabicLetter>& word, const ArabicSystem& sys) {
  std::u32string letters;
  for (const ArabicLetter& l : word)
    letters.push_back(l.letter == U'أ' || l.letter == U'إ' ? U'ا' : l.letter);
  if (letters == U"بن") return sys.bin;
  if (letters == U"ابن") return "ibn";
  if (letters == U"بنت") return sys.bint;
  if (letters == U"ابو") return sys.abu;
  if (letters == U"الله") return "allah";
  if (letters == U"عبد") return "abd";
  auto tail = [&word](size_t from) {
    return std::vector<ArabicLetter>(word.begin() + static_cast<std::ptrdiff_t>(from), word.end());
  };
  std::u32string_view view(letters);
  if (view.size() > 3 && view.substr(0, 3) == U"عبد") {
    // Abd + a divine name, fused or not: Abdullah, Abdel Rahman, Abd al-Karim.
    std::u32string_view rest = view.substr(3);
    if (rest == U"الله") return sys.abdullah;
    if (rest.size() > 2 && rest.substr(0, 2) == U"ال") {
      return std::string(sys.abd_al) + RomanizeArabicLetters(tail(5), sys);
    }
    return "abd " + RomanizeArabicLetters(tail(3), sys);
  }
  if (view.size() > 3 && view.substr(0, 2) == U"ال") {
    return std::string(sys.article) + RomanizeArabicLetters(tail(2), sys);
  }
  return RomanizeArabicLetters(word, sys);
}

std::string RomanizeArabic(std::u32string_view run, const ArabicSystem& sys) {
  std::string out;
  out.reserve(run.size() * 2);
  std::vector<ArabicLetter> word;
  auto flush = [&] {
    if (!word.empty()) out += RomanizeArabicWord(word, sys);
    word.clear();
  };
  for (char32_t c : run) {
    if (IsArabicLetter(c)) {
      word.push_back({c, {}});
    } else if (IsArabicMark(c)) {
      if (!word.empty()) word.back().marks.push_back(c);
    } else if (c == 0x0640) {
      // tatweel only stretches the line
    } else {
      flush();
      AppendUtf8(c, &out);
    }
  }
  flush();
  return out;
}

std::vector<std::string> RomanizeArabicRun(std::u32string_view run) {
  std::vector<std::string> out;
  for (const ArabicSystem* sys :
       {&kArabicSkeleton, &kArabicEnglish, &kArabicEuropean, &kArabicEuropean2, &kArabicFrench}) {
    out.push_back(RomanizeArabic(run, *sys));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Hebrew: ICU's Hebrew-Latin gives the bare consonants (משה → msh); a second
// reading follows Israeli English spellings (ו → o/v, י → i/y, final ה → e,
// ב/כ/פ spirantised after the first letter: Avraham, Mordechai, Yosef).

bool IsHebrewLetter(char32_t c) { return c >= 0x05D0 && c <= 0x05EA; }

std::string RomanizeHebrewEnglish(std::u32string_view run) {
  std::string out;
  for (size_t i = 0; i < run.size(); ++i) {
    char32_t c = run[i];
    bool word_start = i == 0 || !IsHebrewLetter(run[i - 1]);
    bool word_end = i + 1 == run.size() || !IsHebrewLetter(run[i + 1]);
    char32_t next = word_end ? U' ' : run[i + 1];
    const char* s = nullptr;
    switch (c) {
      case U'א':
      case U'ע':
        s = word_start ? "a" : "";
        break;
      case U'ב':
        s = word_start ? "b" : "v";
        break;
      case U'ג':
        s = "g";
        break;
      case U'ד':
        s = "d";
        break;
      case U'ה':
        s = word_end && !word_start ? "e" : "h";
        break;
      case U'ו':
        if (next == U'ו') {
          s = "v";
          ++i;
        } else {
          s = word_start ? "v" : "o";
        }
        break;
      case U'ז':
        s = "z";
        break;
      case U'ח':
        s = "ch";
        break;
      case U'ט':
      case U'ת':
        s = "t";
        break;
      case U'י':
        s = word_start ? "y" : "i";
        break;
      case U'כ':
      case U'ך':
        s = word_start ? "k" : "ch";
        break;
      case U'ל':
        s = "l";
        break;
      case U'מ':
      case U'ם':
        s = "m";
        break;
      case U'נ':
      case U'ן':
        s = "n";
        break;
      case U'ס':
        s = "s";
        break;
      case U'פ':
      case U'ף':
        s = word_start ? "p" : "f";
        break;
      case U'צ':
      case U'ץ':
        s = "tz";
        break;
      case U'ק':
        s = "k";
        break;
      case U'ר':
        s = "r";
        break;
      case U'ש':
        s = "sh";
        break;
      default:
        break;
    }
    if (s != nullptr) {
      out += s;
    } else if (!(c >= 0x0591 && c <= 0x05C7)) {  // points are dropped
      AppendUtf8(c, &out);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Greek: ELOT 743 / UNGEGN is what Greek passports use; the classical reading
// (Euangelos) and BGN (Konstandinos) follow.

std::vector<std::string> RomanizeGreekRun(std::u32string_view run) {
  return {IcuTransliterate("Greek-Latin/UNGEGN", run), IcuTransliterate("Greek-Latin", run),
          IcuTransliterate("Greek-Latin/BGN", run)};
}

// ---------------------------------------------------------------------------
// Hangul and Han.

// Splits the romanized syllables of a name as family name + given name
// ("gim jeongeun") and one by one ("gim jeong eun").
std::vector<std::string> SyllableForms(const std::vector<std::string>& syllables) {
  std::string separate;
  std::string family_given;
  for (size_t i = 0; i < syllables.size(); ++i) {
    if (i > 0) separate += ' ';
    separate += syllables[i];
    if (i == 1) family_given += ' ';
    family_given += syllables[i];
  }
  // Long runs are not person names: a joined form matches "dandong" better.
  if (syllables.size() > 4) {
    std::string joined;
    for (const std::string& s : syllables) joined += s;
    return {separate, joined};
  }
  return {family_given, separate};
}

// Romanizes each word (maximal sequence of letters and marks) of a run with
// `word_forms`, keeping what lies between words, and joins the words' variants
// position by position.
template <typename WordForms>
std::vector<std::string> ForEachWord(std::u32string_view run, WordForms word_forms) {
  std::vector<std::string> out = {""};
  size_t i = 0;
  while (i < run.size()) {
    size_t j = i;
    bool word = ScriptOf(run[i]) != Script::kUnknown;
    while (j < run.size() && (ScriptOf(run[j]) != Script::kUnknown) == word) ++j;
    std::u32string_view part = run.substr(i, j - i);
    if (word) {
      std::vector<std::string> forms = word_forms(part);
      if (forms.empty()) forms.push_back(EncodeUtf8(part));
      size_t n = std::max(out.size(), forms.size());
      std::vector<std::string> joined;
      for (size_t v = 0; v < n; ++v) {
        joined.push_back(out[std::min(v, out.size() - 1)] + forms[std::min(v, forms.size() - 1)]);
      }
      out = std::move(joined);
    } else {
      std::string sep = EncodeUtf8(part);
      for (std::string& o : out) o += sep;
    }
    i = j;
  }
  return out;
}

// ICU fallback for Hangul until text/korean.h is enabled.
std::vector<std::string> RomanizeHangulWord(std::u32string_view word) {
  // Syllable by syllable: ICU on the whole word merges across syllables.
  std::vector<std::string> syllables;
  for (char32_t c : word) {
    std::string s = FoldLatin(IcuTransliterate("Hangul-Latin", std::u32string_view(&c, 1)));
    if (!s.empty()) syllables.push_back(std::move(s));
  }
  return SyllableForms(syllables);
}

// ICU fallback for Han until text/chinese.h is enabled.
std::vector<std::string> RomanizeHanWord(std::u32string_view word, bool japanese) {
  if (japanese) return {IcuTransliterate("Han-Latin", word)};
  // Han-Latin/Names reads the first character as a family name (曾 → zeng).
  return SyllableForms(Tokenize(FoldLatin(IcuTransliterate("Han-Latin/Names", word))));
}

// ---------------------------------------------------------------------------

std::vector<std::string> RomanizeRun(Script script, std::u32string_view run, bool japanese) {
  switch (script) {
    case Script::kUnknown:
    case Script::kLatin:
      return {EncodeUtf8(run)};
    case Script::kCyrillic:
      return RomanizeCyrillicRun(run);
    case Script::kArabic:
      return RomanizeArabicRun(run);
    case Script::kGreek:
      return RomanizeGreekRun(run);
    case Script::kHangul: {
#if VIGIL_TEXT_KOREAN_ROMANIZER
      std::vector<std::string> forms = RomanizeKoreanName(EncodeUtf8(run));
      if (!forms.empty()) return forms;
#endif
      return ForEachWord(run, RomanizeHangulWord);
    }
    case Script::kHan: {
#if VIGIL_TEXT_CHINESE_ROMANIZER
      if (!japanese) {
        std::vector<std::string> forms = RomanizeChineseName(EncodeUtf8(run));
        if (!forms.empty()) return forms;
      }
#endif
      return ForEachWord(
          run, [japanese](std::u32string_view w) { return RomanizeHanWord(w, japanese); });
    }
    case Script::kHebrew:
      return {IcuTransliterate("Hebrew-Latin", run), RomanizeHebrewEnglish(run)};
    case Script::kGeorgian:
      return {IcuTransliterate("Georgian-Latin", run)};
    case Script::kArmenian:
      return {IcuTransliterate("Armenian-Latin", run)};
    case Script::kThai:
      return {IcuTransliterate("Thai-Latin", run)};
    case Script::kDevanagari:
      return {IcuTransliterate("Devanagari-Latin", run)};
    case Script::kKana:
    case Script::kOther:
      return {IcuTransliterate("Any-Latin", run)};
  }
  return {EncodeUtf8(run)};
}

}  // namespace

std::vector<std::string> Romanize(std::string_view utf8) {
  if (std::all_of(utf8.begin(), utf8.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string folded = FoldLatin(utf8);
    if (folded.empty()) return {};
    return {std::move(folded)};
  }
  std::u32string text = NfkcCasefold(utf8);
  // Runs of one script; characters of no script (spaces, digits, marks) stay
  // with the run they follow so that vowel signs reach their letters.
  struct Run {
    Script script;
    size_t begin;
    size_t end;
  };
  std::vector<Run> runs;
  bool japanese = false;
  for (size_t i = 0; i < text.size(); ++i) {
    Script s = ScriptOf(text[i]);
    if (s == Script::kKana) japanese = true;
    if (runs.empty()) {
      runs.push_back({s, i, i + 1});
    } else if (s == Script::kUnknown || s == runs.back().script) {
      runs.back().end = i + 1;
    } else if (runs.back().script == Script::kUnknown) {
      runs.back().script = s;
      runs.back().end = i + 1;
    } else {
      runs.push_back({s, i, i + 1});
    }
  }
  std::vector<std::vector<std::string>> run_forms;
  size_t variants = 1;
  for (const Run& r : runs) {
    run_forms.push_back(RomanizeRun(
        r.script, std::u32string_view(text).substr(r.begin, r.end - r.begin), japanese));
    variants = std::max(variants, run_forms.back().size());
  }
  std::vector<std::string> out;
  for (size_t v = 0; v < variants && out.size() < kMaxRomanizations; ++v) {
    std::string joined;
    for (const auto& forms : run_forms) {
      if (forms.empty()) continue;
      const std::string& f = forms[std::min(v, forms.size() - 1)];
      // A run boundary between two scripts is a word boundary only if the
      // text says so; FoldLatin will collapse any doubled space.
      joined += f;
    }
    std::string folded = FoldLatin(joined);
    if (folded.empty() && !out.empty()) continue;
    if (std::find(out.begin(), out.end(), folded) == out.end()) out.push_back(std::move(folded));
  }
  if (out.size() == 1 && out[0].empty()) out.clear();
  return out;
}

}  // namespace vigil::text
