// Romanization: Latin renderings of a name written in any script, so that a
// name listed as "Юлия Тимошенко" can be found by "Yulia Tymoshenko".
#ifndef VIGIL_TEXT_ROMANIZE_H_
#define VIGIL_TEXT_ROMANIZE_H_

#include <string>
#include <string_view>
#include <vector>

namespace vigil::text {

// Latin renderings of a name in any script, each folded with FoldLatin,
// deduplicated, the most standard first, at most kMaxRomanizations.
//  - Latin (or no letters): {FoldLatin(input)} (empty when that is empty).
//  - Cyrillic: BGN/PCGN, then ISO 9 without diacritics (Юлия → yuliya, ulia),
//    then the spellings measured to add recall (passport iu/ia, English x/yo,
//    h for х). Ukrainian letters select the Ukrainian national system first.
//  - Greek: ELOT/UNGEGN, then the classical and BGN readings.
//  - Arabic: the ICU consonant skeleton (محمد → mhmd), then readings of the
//    vowel letters (و → u/o, ي → i/e) that match foreign names.
//  - Hangul, Han: RomanizeKoreanName (text/korean.h) and RomanizeChineseName
//    (text/chinese.h); ICU Hangul-Latin / Han-Latin/Names when those are
//    switched off (see the hook at the top of romanize.cc). Han in a string
//    with Kana is read with ICU Han-Latin.
//  - Hebrew, Georgian, Armenian, Thai, Devanagari, Kana, others: Any-Latin.
// Mixed-script strings are romanized run by run. Thread-safe; ICU
// transliterators are cached per thread.
std::vector<std::string> Romanize(std::string_view utf8);

inline constexpr size_t kMaxRomanizations = 6;

}  // namespace vigil::text

#endif  // VIGIL_TEXT_ROMANIZE_H_
