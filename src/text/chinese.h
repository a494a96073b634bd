// Chinese names and words in Latin letters.
//
// A Chinese person is listed as 习近平, as Xi Jinping, as XI Jin Ping, and,
// for names from Taiwan, Hong Kong or South-East Asia, in Wade-Giles (Hsi
// Chin-p'ing, Tsai Ing-wen) or with a Cantonese or Hokkien surname (Cheung,
// Chan, Tan). RomanizeChineseName gives the forms a list might use; pinyin
// comes from ICU's Han-Latin (Han-Latin/Names for the surname, which knows
// surname readings such as 曾 → zeng, 单 → shan), the rest from built-in
// tables. Thread-safe (ICU transliterators are cached per thread); never
// fails; arbitrary bytes are accepted (invalid UTF-8 is skipped).
#ifndef VIGIL_TEXT_CHINESE_H_
#define VIGIL_TEXT_CHINESE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::text {

// CJK Unified Ideographs (with extensions A-G), the compatibility ideographs
// and 〇.
bool IsHanCharacter(char32_t c);

// Latin forms of a Han person name, folded (lowercase ASCII, single spaces),
// surname first, at most kMaxChineseRomanizations:
//   1. pinyin, given name joined:            习近平 → "xi jinping"
//   2. pinyin, given name by syllable:       "xi jin ping"
//   3. Wade-Giles by syllable and joined:    "hsi chin ping", "hsi chinping"
//   4. the surname's Cantonese, Hokkien and other customary spellings from a
//      built-in table (张 → chang, cheung, teo) with the pinyin given name.
// The surname is the first character, or the first two when they form a
// compound surname (欧阳, 司马, 诸葛 ...; written as one token: "ouyang"); when
// the input has spaces, its first word is the surname. A lone character or
// compound surname gives the surname's forms alone. A name written with a
// middle dot (transliterated foreign names: 迈克尔·杰克逊) gives the pinyin of
// each part, joined and by syllable. Input without Han gives {}.
std::vector<std::string> RomanizeChineseName(std::string_view han_utf8);

inline constexpr size_t kMaxChineseRomanizations = 8;

// Toneless pinyin of each Han character, separated by spaces, for text that is
// not a person name: "丹东鸿祥" → "dan dong hong xiang". ASCII letters and
// digits are kept (lowercased) as their own tokens; anything else separates
// tokens. Characters ICU cannot read are dropped.
std::string HanToPinyin(std::string_view han_utf8);

// Wade-Giles of one toneless pinyin syllable, apostrophes and umlauts dropped
// (as lists write it): zhang → chang, xi → hsi, cai → tsai, zhou → chou,
// guo → kuo, luo → lo, ri → jih. A string that is not pinyin comes back as is.
std::string PinyinToWadeGiles(std::string_view pinyin_syllable);

}  // namespace vigil::text

#endif  // VIGIL_TEXT_CHINESE_H_
