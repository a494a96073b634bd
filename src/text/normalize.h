// Script detection and Latin folding: the first step every name goes through
// before it is indexed or matched. All functions are thread-safe and never
// fail: invalid UTF-8 is read as U+FFFD and then dropped like any symbol.
#ifndef VIGIL_TEXT_NORMALIZE_H_
#define VIGIL_TEXT_NORMALIZE_H_

#include <unicode/translit.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::text {

enum class Script : uint8_t {
  kUnknown,  // no letters at all
  kLatin,
  kCyrillic,
  kGreek,
  kArabic,
  kHebrew,
  kHan,
  kHangul,
  kKana,
  kThai,
  kGeorgian,
  kArmenian,
  kDevanagari,
  kOther,
};

std::string_view ScriptName(Script s);

// The script of most letters (digits, punctuation and marks do not count).
// Japanese mixes Han and Kana, so any Kana in a Han/Kana string makes it kKana.
Script DominantScript(std::string_view utf8);

// The script of one code point; kUnknown for digits, punctuation, symbols,
// combining marks and anything else that belongs to no particular script.
Script ScriptOf(char32_t c);

// NFKC, full case folding, Latin diacritics folded to ASCII (ü→u, ß→ss, ø→o,
// ł→l, æ→ae, ı→i), apostrophes deleted inside words (O'Brien → obrien), any
// other punctuation or symbol → space, decimal digits of any script → ASCII,
// whitespace collapsed and trimmed. Letters of other scripts pass through
// case-folded (Arabic tatweel and vowel points are dropped: they are optional
// and lists disagree on them). Non-Latin letters are NOT transliterated: that
// is Romanize's job.
std::string FoldLatin(std::string_view utf8);

// Splits folded text on spaces; no empty tokens.
std::vector<std::string> Tokenize(std::string_view folded);

// A consonant skeleton of a Latin token of Arabic (or Persian/Turkic) origin,
// so that spelling variants collide: muhammad, mohammed, mohamad → "mhmd".
// Rules, applied to the ASCII letters of the token in this order:
//  1. digraphs: kh→k, gh→g, sh/ch/sch→s, th→t, dh→d, ph→f, dj→j; then
//     q,c→k, v→w (Persian and Turkish write vav as v), x→ks;
//  2. runs of the same letter collapse (mm→m, ss→s);
//  3. vowels a e i o u are dropped; y and w are dropped except as the first
//     letter (they are vowel carriers inside words: husayn = hussein);
//  4. a final h after a vowel is dropped (ta marbuta: fatimah = fatima,
//     abdullah = abdulla).
// Keys of separate tokens can be concatenated to compare with a fused token:
// "abdulrahman" → "bdlrhmn" = "bd" + "l" + "rhmn" (abd al rahman).
// Used as a secondary key; it collides deliberately (hasan = husayn).
std::string ConsonantSkeleton(std::string_view latin_token);

// Helpers shared by the text pipeline. Invalid UTF-8 decodes to U+FFFD.
std::u32string DecodeUtf8(std::string_view utf8);
std::string EncodeUtf8(std::u32string_view text);
void AppendUtf8(char32_t c, std::string* out);
// Like DecodeUtf8 but drops malformed sequences instead of replacing them.
std::u32string DecodeUtf8Dropping(std::string_view utf8);
// NFKC with full case folding, apostrophes (see FoldLatin) removed.
std::u32string NfkcCasefold(std::string_view utf8);

// This thread's instance of an ICU transliterator (e.g. "Han-Latin/Names;
// Latin-ASCII"), created on first use: creating one parses its rules
// (milliseconds), and an instance must not be used by two threads at once.
// nullptr when ICU does not know the id.
icu::Transliterator* ThreadTransliterator(const char* id);

}  // namespace vigil::text

#endif  // VIGIL_TEXT_NORMALIZE_H_
