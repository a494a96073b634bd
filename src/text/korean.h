// Korean names across scripts and romanization systems.
//
// A North Korean name reaches a screening engine as Hangul (김정은), as the
// DPRK's own romanization (Kim Jong Un), as South Korean Revised Romanization
// (Gim Jeong-eun), as McCune-Reischauer with its breves dropped (Kim Chong-un)
// or as the spelling a person chose (Kim Jung Eun). Edit distance cannot tell
// that these are one name while "Jong Un" and "Jong Nam" are two, so this file
// works with syllables: Hangul is romanized syllable by syllable in every
// system, Latin tokens are cut into syllables, and each Latin syllable gets a
// phonetic key shared by the spellings of one Hangul syllable.
//
// All tables are built into the code; nothing is read at run time. All
// functions are thread-safe, never fail and accept arbitrary bytes (invalid
// UTF-8 is skipped).
#ifndef VIGIL_TEXT_KOREAN_H_
#define VIGIL_TEXT_KOREAN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::text {

// U+AC00..U+D7A3, the precomposed Hangul syllables.
bool IsHangulSyllable(char32_t c);

// Romanizations of a Hangul name as folded Latin (lowercase ASCII, one space
// between tokens, every syllable its own token), most standard first, at most
// kMaxKoreanRomanizations:
//   1. the usual South Korean spelling (Lee Seo Jun, Kim Jung Eun),
//   2. Revised Romanization (I Seo Jun, Gim Jeong Eun),
//   3. the DPRK system (Ri So Jun, Kim Jong Un: ㄹ as r, ㅓ as o, ㅌ as th),
//   4. McCune-Reischauer without breves and apostrophes (Kim Chong Un),
// then each of the four most usual spellings of the surname in a built-in
// table (Lee, Yi, I, Rhee; Park, Pak, Bak; Choi, Choe; Jung, Jeong, Chung,
// Jong) with the southern and the northern given name, then the remaining
// surname × given-name combinations (given names also in a second southern
// spelling: Ki, Joo, Shi), fewest steps from the usual spellings first.
// The first syllable is the surname, or the first two when they are one of
// the two-syllable surnames (남궁, 선우, 제갈, 황보, 독고, 사공, 서문, 동방 ...);
// those are two tokens too ("nam goong min"), so that Namgoong Min and
// Nam Goong Min both align after joining. When the input has spaces, its
// first word is the surname. A single syllable is read as a surname and gets
// all its spellings (박 → park, pak, bak, bahk, pahk). Longer text (more than
// 6 syllables) is not read as a name: it gets the four systems only.
// Conjoining jamo are composed first. ASCII letters and digits in the input
// are kept, lowercased, as tokens after the name; any other character is
// dropped. Input without Hangul gives {}.
std::vector<std::string> RomanizeKoreanName(std::string_view hangul_utf8);

inline constexpr size_t kMaxKoreanRomanizations = 12;

// The romanization systems, for one syllable at a time.
enum class KoreanSystem {
  kPopular,  // the conventional South Korean spelling (Young, Hyun, Woo, Hee)
  kRevised,  // Revised Romanization of Korean (2000)
  kDprk,     // the DPRK's official system as used in its names (Jong, Ryong, Thae)
  kMcCune,   // McCune-Reischauer, breves and apostrophes dropped (Chong, Kwon)
};

// One Hangul syllable in one system, lowercase ASCII. `word_initial` matters
// to McCune-Reischauer and the DPRK system, which voice ㄱ ㄷ ㅂ ㅈ inside a
// word (Son Gwon) and not at its start (Kwon); `after_sonorant` says whether
// the previous syllable of the word ends in a vowel, ㄴ, ㄹ, ㅁ or ㅇ.
// "" for a character that is not a Hangul syllable.
std::string RomanizeHangulSyllable(char32_t syllable, KoreanSystem system, bool word_initial = true,
                                   bool after_sonorant = false);

// A key for one romanized Korean syllable, such that the spellings of the same
// Hangul syllable in all systems share it: jong, jeong, chong, cheong, jung,
// chung (정) → one key; eun, un (은) → one key; nam ≠ un. It is a phonetic
// normalisation "I:V:F":
//   I, the initial: k (g k kh kk gh), t (d t th tt dh), p (b p ph pp bh),
//     j (j ch jj tch jh), s (s sh ss), n (n nh), m (m mh), h (h, wh),
//     r (r l rh), - (none);
//   V, the vowel class: a (a aa); e (ae e ai ea ei); o (eo o u oo eu ou: ㅓ ㅗ
//     ㅜ ㅡ merge because ㅓ is o in the DPRK system and u in popular spellings,
//     and ㅡ is u in both northern systems); i (i ee ui yi ie: ㅢ is hui/hee);
//     ya; yo (yeo yo yu you yoo: ㅕ ㅛ ㅠ); ye (ye yae); wa; wo (wo weo);
//     we (oe oi wae we: Choe = Choi); wi; and woo/wu belong to o;
//   F, the final: k (k g ck), n, ng, m, l, p (p b), t, or none; a silent h or
//     r after the vowel is skipped (Ahn, Noh, Hur, Park).
// So some syllables share a key by construction: 정 종 중 증 (jong), 은 운 온
// 언 (un), 연 윤 (yon), and plain/aspirated pairs such as 자 차 (ja, cha),
// because McCune-Reischauer without apostrophes writes both as ch. Returns
// "" for a string that is not a plausible romanized Korean syllable. Case,
// apostrophes and diacritics (ŏ ŭ) are ignored.
std::string KoreanSyllableKey(std::string_view latin_syllable);

// Splits a Latin token into romanized Korean syllables: "jongun" →
// {"jong","un"}, "kimjongun" → {"kim","jong","un"}; a token that is one
// syllable comes back alone. A syllable is any string KoreanSyllableKey
// accepts. Among the segmentations, the rule is:
//   1. fewest syllables;
//   2. the highest sum of name-commonness weights (2 for spellings of the
//      most common given-name syllables, e.g. jong, un, min, chol; 1 for
//      other name syllables, e.g. jon, gun; 0 for the rest) — so "jongun" is
//      jong+un, not jon+gun;
//   3. the earliest boundaries (onset-maximising): "yuna" = yu+na.
// Lowercase output. Returns {} when the token cannot be fully segmented, has
// a character other than an ASCII letter or apostrophe, or would need more
// than 4 syllables.
std::vector<std::string> SegmentKoreanSyllables(std::string_view latin_token);

// The key of the Korean surname that a Latin token spells, else "". Spellings
// of one surname share the key, including the northern and southern Hangul
// forms of one clan name (이/리: lee, yi, i, rhee, ri, li → "lee"; 임/림: lim,
// im, rim; 노/로: roh, noh, no, ro; 류/유; 양/량; 나/라 ...). A spelling used by
// two surnames goes to the more common one (song → 송, not 성; jong → 정, not
// the rare 종). Spellings not in the table are matched by
// KoreanSyllableKey against the surnames' spellings (Kahn → 간). The key is
// the usual spelling of the surname ("lee", "kim", "park", "jung").
std::string KoreanSurnameKey(std::string_view latin_token);

// The same key for a surname written in Hangul (김 → "kim", 리 → "lee"), or ""
// when it is not in the table.
std::string KoreanSurnameKeyForHangul(std::string_view hangul_utf8);

}  // namespace vigil::text

#endif  // VIGIL_TEXT_KOREAN_H_
