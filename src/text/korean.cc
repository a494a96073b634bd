#include "text/korean.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/normalize.h"

namespace vigil::text {
namespace {

// ---------------------------------------------------------------------------
// UTF-8 and Hangul structure.

constexpr char32_t kHangulBase = 0xAC00;
constexpr char32_t kHangulLast = 0xD7A3;
constexpr int kLeadCount = 19;
constexpr int kVowelCount = 21;
constexpr int kTailCount = 28;

std::u32string Decode(std::string_view s) { return DecodeUtf8Dropping(s); }

// Composes conjoining jamo (NFD Hangul: U+1100 leads, U+1161 vowels, U+11A8
// tails) into syllables, so decomposed input reads like precomposed input.
std::u32string ComposeJamo(const std::u32string& in) {
  std::u32string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    const char32_t c = in[i];
    if (c >= 0x1100 && c < 0x1100 + kLeadCount && i + 1 < in.size() && in[i + 1] >= 0x1161 &&
        in[i + 1] < 0x1161 + kVowelCount) {
      const int l = static_cast<int>(c - 0x1100);
      const int v = static_cast<int>(in[i + 1] - 0x1161);
      int t = 0;
      ++i;
      if (i + 1 < in.size() && in[i + 1] >= 0x11A8 && in[i + 1] < 0x11A8 + kTailCount - 1) {
        t = static_cast<int>(in[i + 1] - 0x11A7);
        ++i;
      }
      out.push_back(kHangulBase + static_cast<char32_t>((l * kVowelCount + v) * kTailCount + t));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

struct Jamo {
  int lead;
  int vowel;
  int tail;
};

Jamo Split(char32_t s) {
  const int index = static_cast<int>(s - kHangulBase);
  return {index / (kVowelCount * kTailCount), (index / kTailCount) % kVowelCount,
          index % kTailCount};
}

// Lead indices.
constexpr int kG = 0, kN = 2, kS = 9, kNull = 11, kJ = 12, kCh = 14, kH = 18;
// Vowel indices.
constexpr int kVA = 0, kVEo = 4, kVYeo = 6, kVO = 8, kVU = 13, kVWi = 16, kVYu = 17, kVUi = 19,
              kVI = 20;
// Tail indices.
constexpr int kTNone = 0, kTK = 1, kTN = 4, kTL = 8, kTM = 16, kTP = 17, kTNg = 21;

constexpr std::array<const char*, kLeadCount> kRrLead = {"g",  "kk", "n", "d",  "tt", "r", "m",
                                                         "b",  "pp", "s", "ss", "",   "j", "jj",
                                                         "ch", "k",  "t", "p",  "h"};
constexpr std::array<const char*, kLeadCount> kMrLeadVoiceless = {
    "k",  "kk", "n",  "t",   "tt", "r", "m", "p", "pp", "s",
    "ss", "",   "ch", "tch", "ch", "k", "t", "p", "h"};
constexpr std::array<const char*, kLeadCount> kMrLeadVoiced = {
    "g",  "kk", "n", "d",   "tt", "r", "m", "b", "pp", "s",
    "ss", "",   "j", "tch", "ch", "k", "t", "p", "h"};
constexpr std::array<const char*, kLeadCount> kDprkLeadVoiceless = {
    "k",  "kk", "n", "t",  "tt", "r",  "m",  "p",  "pp", "s",
    "ss", "",   "j", "jj", "ch", "kh", "th", "ph", "h"};
constexpr std::array<const char*, kLeadCount> kDprkLeadVoiced = {
    "g",  "kk", "n", "d",  "tt", "r",  "m",  "b",  "pp", "s",
    "ss", "",   "j", "jj", "ch", "kh", "th", "ph", "h"};
constexpr std::array<const char*, kVowelCount> kRrVowel = {
    "a",  "ae", "ya", "yae", "eo", "e",  "yeo", "ye", "o",  "wa", "wae",
    "oe", "yo", "u",  "wo",  "we", "wi", "yu",  "eu", "ui", "i"};
// McCune-Reischauer and the DPRK system agree on vowels once breves go:
// ŏ → o, ŭ → u.
constexpr std::array<const char*, kVowelCount> kMrVowel = {
    "a",  "ae", "ya", "yae", "o",  "e",  "yo", "ye", "o",  "wa", "wae",
    "oe", "yo", "u",  "wo",  "we", "wi", "yu", "u",  "ui", "i"};
// Every system writes the tail by its sound at the end of a syllable.
constexpr std::array<const char*, kTailCount> kTail = {
    "",  "k", "k", "k", "n", "n", "n", "t",  "l", "k", "m", "l", "l", "l",
    "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"};

bool SonorantTail(int tail) {
  switch (tail) {
    case 0:   // vowel
    case 4:   // ㄴ
    case 5:   // ㄵ
    case 6:   // ㄶ
    case 8:   // ㄹ
    case 10:  // ㄻ
    case 11:  // ㄼ
    case 12:  // ㄽ
    case 13:  // ㄾ
    case 15:  // ㅀ
    case 16:  // ㅁ
    case 21:  // ㅇ
      return true;
    default:
      return false;
  }
}

// ㅑ ㅒ ㅕ ㅖ ㅘ ㅙ ㅛ ㅝ ㅞ ㅟ ㅠ: vowels that start with y or w.
bool GlideVowel(int v) {
  static constexpr std::array<bool, kVowelCount> kGlide = {
      false, false, true,  true, false, false, true, true,  false, true, true,
      false, true,  false, true, true,  true,  true, false, false, false};
  return kGlide[v];
}

// The spelling South Koreans usually choose for a syllable of a name. These
// rules reproduce the common conventions (measured on korean-fullname-pairs):
// ㅓ before ㅇ ㄴ ㅁ ㅂ is u (Sung, Sun, Bum), ㅕ after a consonant before
// ㅇ ㄴ ㄱ ㄹ ㅂ is yu (Kyung, Hyun, Hyuk, Byul), ㅜ is oo except after ㅈ ㅊ ㄴ
// (Soo, Hoon, Moon but Jun, Ju), ㄱ before a glide is k (Kwon, Kyung), ㅢ after
// ㅎ is ee (Hee), and the whole syllables 아 오 우 영 윤 are Ah Oh Woo Young Yoon.
std::string PopularSyllable(const Jamo& j) {
  if (j.lead == kNull && j.tail == kTNone) {
    if (j.vowel == kVA) return "ah";
    if (j.vowel == kVO) return "oh";
  }
  if (j.lead == kNull && j.vowel == kVYeo && j.tail == kTNg) return "young";
  if (j.lead == kNull && j.vowel == kVYu && j.tail == kTN) return "yoon";
  std::string lead = kRrLead[j.lead];
  if (j.lead == kG && GlideVowel(j.vowel)) lead = "k";
  if (j.lead == kS && j.vowel == kVI && j.tail != kTNone) lead = "sh";
  std::string vowel = kRrVowel[j.vowel];
  switch (j.vowel) {
    case kVEo:
      if (j.tail == kTNg || j.tail == kTN || j.tail == kTM || j.tail == kTP) vowel = "u";
      break;
    case kVYeo:
      if (j.lead != kNull &&
          (j.tail == kTNg || j.tail == kTN || j.tail == kTK || j.tail == kTL || j.tail == kTP)) {
        vowel = "yu";
      }
      break;
    case kVU:
      if (j.lead == kNull) {
        vowel = "woo";
      } else if (j.lead != kJ && j.lead != kCh && j.lead != kN && j.tail != kTL) {
        vowel = "oo";
      }
      break;
    case kVUi:
      if (j.lead == kH) vowel = "ee";
      break;
    default:
      break;
  }
  return lead + vowel + kTail[j.tail];
}

// The second most usual spelling where it differs from the first: ㄱ as k
// throughout (Ki, Kun), ㅜ as oo throughout (Joo, Joon), ㅅ before ㅣ as sh
// (Shi), ㅕ before a final as yu even without an initial (Yup, Yul).
std::string PopularAltSyllable(const Jamo& j) {
  std::string s = PopularSyllable(j);
  if (j.lead == kG && s[0] == 'g') s[0] = 'k';
  if (j.lead == kS && j.vowel == kVI && j.tail == kTNone) s = "shi";
  if (j.vowel == kVU && j.lead != kNull && j.tail != kTL) {
    s = (j.lead == kG ? std::string("k") : std::string(kRrLead[j.lead])) + "oo" + kTail[j.tail];
  }
  if (j.lead == kNull && j.vowel == kVYeo && j.tail != kTNone && j.tail != kTNg) {
    s = std::string("yu") + kTail[j.tail];
  }
  return s;
}

std::string SyllableIn(char32_t syllable, KoreanSystem system, bool word_initial,
                       bool after_sonorant) {
  const Jamo j = Split(syllable);
  const bool voiced = !word_initial && after_sonorant;
  switch (system) {
    case KoreanSystem::kPopular:
      return PopularSyllable(j);
    case KoreanSystem::kRevised:
      return std::string(kRrLead[j.lead]) + kRrVowel[j.vowel] + kTail[j.tail];
    case KoreanSystem::kMcCune: {
      std::string lead = voiced ? kMrLeadVoiced[j.lead] : kMrLeadVoiceless[j.lead];
      if (j.lead == kS && (j.vowel == kVI || j.vowel == kVWi)) lead = "sh";
      return lead + kMrVowel[j.vowel] + kTail[j.tail];
    }
    case KoreanSystem::kDprk:
      return std::string(voiced ? kDprkLeadVoiced[j.lead] : kDprkLeadVoiceless[j.lead]) +
             kMrVowel[j.vowel] + kTail[j.tail];
  }
  return "";
}

// One word (a given name, or a two-syllable surname) in one system; syllables
// joined by `sep`. `alt` picks the second popular spelling.
std::string WordIn(std::u32string_view word, KoreanSystem system, std::string_view sep,
                   bool alt = false) {
  std::string out;
  bool after_sonorant = false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (i > 0) out += sep;
    out += alt ? PopularAltSyllable(Split(word[i]))
               : SyllableIn(word[i], system, i == 0, after_sonorant);
    after_sonorant = SonorantTail(Split(word[i]).tail);
  }
  return out;
}

constexpr std::array<KoreanSystem, 4> kSystems = {KoreanSystem::kPopular, KoreanSystem::kRevised,
                                                  KoreanSystem::kDprk, KoreanSystem::kMcCune};

// ---------------------------------------------------------------------------
// Surnames. Order is by population (2015 South Korean census, roughly); the
// first spelling is the usual one and the rest are the spellings seen in
// passports, lists and the press, South and North. The forms every system
// produces are added at start-up. Northern Hangul forms (리 림 류 로 량 라 려
// 렴 룡 련 륙 뢰) name the same clans as the southern ones after which they are
// listed, so they share their key.

struct SurnameEntry {
  const char* hangul;
  const char* same_as;  // the southern form this northern form belongs to
  const char* spellings;
};

constexpr SurnameEntry kSurnames[] = {
    {"김", nullptr, "kim gim"},
    {"이", nullptr, "lee yi i rhee ri li rhie ree yee"},
    {"박", nullptr, "park pak bak bahk pahk"},
    {"최", nullptr, "choi choe chwe choy"},
    {"정", nullptr, "jung jeong chung jong chong cheong joung"},
    {"강", nullptr, "kang gang kahng"},
    {"조", nullptr, "cho jo joe jho"},
    {"윤", nullptr, "yoon yun youn yune"},
    {"장", nullptr, "jang chang jhang"},
    {"임", nullptr, "lim im rim yim leem lym ihm"},
    {"한", nullptr, "han hahn"},
    {"오", nullptr, "oh o ohh"},
    {"서", nullptr, "seo suh so sur su seoh"},
    {"신", nullptr, "shin sin shinn"},
    {"권", nullptr, "kwon gwon kweon"},
    {"황", nullptr, "hwang whang hoang"},
    {"안", nullptr, "ahn an"},
    {"송", nullptr, "song soung"},
    {"전", nullptr, "jeon jun chun chon jon cheon"},
    {"홍", nullptr, "hong hung"},
    {"유", nullptr, "yoo yu you ryu yew"},
    {"고", nullptr, "ko go koh goh"},
    {"문", nullptr, "moon mun moun"},
    {"양", nullptr, "yang ryang"},
    {"손", nullptr, "son sohn shon"},
    {"배", nullptr, "bae pae bai bea"},
    {"백", nullptr, "baek paek paik baik back"},
    {"허", nullptr, "heo huh hur ho her hu"},
    {"남", nullptr, "nam nahm"},
    {"심", nullptr, "shim sim"},
    {"노", nullptr, "noh no roh ro rho"},
    {"하", nullptr, "ha hah"},
    {"곽", nullptr, "kwak gwak kwag"},
    {"성", nullptr, "sung seong song"},
    {"차", nullptr, "cha char"},
    {"주", nullptr, "joo ju chu choo jou"},
    {"우", nullptr, "woo u wu"},
    {"구", nullptr, "koo ku gu goo"},
    {"민", nullptr, "min"},
    {"류", "유", "ryu yu yoo ryoo rhyu lyu"},
    {"나", nullptr, "na ra nah"},
    {"진", nullptr, "jin chin jhin"},
    {"지", nullptr, "ji chi jee"},
    {"엄", nullptr, "eom um uhm om ohm"},
    {"채", nullptr, "chae chai che"},
    {"원", nullptr, "won weon"},
    {"천", nullptr, "cheon chun chon"},
    {"방", nullptr, "bang pang"},
    {"공", nullptr, "kong gong"},
    {"현", nullptr, "hyun hyeon hyon"},
    {"함", nullptr, "ham hahm"},
    {"변", nullptr, "byun byeon pyun pyon byon"},
    {"염", nullptr, "yeom yum youm yom"},
    {"여", nullptr, "yeo yuh yo yeoh"},
    {"추", nullptr, "choo chu"},
    {"도", nullptr, "do doh to"},
    {"소", nullptr, "so soh"},
    {"석", nullptr, "seok suk sok seuk"},
    {"선", nullptr, "sun seon son"},
    {"설", nullptr, "seol sul sol"},
    {"마", nullptr, "ma"},
    {"길", nullptr, "gil kil"},
    {"연", nullptr, "yeon yun youn yon"},
    {"위", nullptr, "wi wee we"},
    {"표", nullptr, "pyo pyoh"},
    {"명", nullptr, "myung myeong myong"},
    {"기", nullptr, "ki gi kee"},
    {"반", nullptr, "ban pan"},
    {"라", "나", "ra na"},
    {"왕", nullptr, "wang"},
    {"금", nullptr, "keum geum kum kuem"},
    {"옥", nullptr, "ok ock"},
    {"육", nullptr, "yuk yook"},
    {"인", nullptr, "in"},
    {"맹", nullptr, "maeng"},
    {"제", nullptr, "je jae che"},
    {"모", nullptr, "mo moh"},
    {"탁", nullptr, "tak tahk"},
    {"국", nullptr, "kook kuk guk"},
    {"어", nullptr, "eo uh"},
    {"은", nullptr, "eun un"},
    {"편", nullptr, "pyun pyeon pyon"},
    {"용", nullptr, "yong"},
    {"예", nullptr, "ye yeh"},
    {"경", nullptr, "kyung gyeong kyong"},
    {"봉", nullptr, "bong pong"},
    {"사", nullptr, "sa"},
    {"부", nullptr, "boo bu pu"},
    {"가", nullptr, "ka ga kah"},
    {"복", nullptr, "bok pok"},
    {"태", nullptr, "tae thae"},
    {"목", nullptr, "mok"},
    {"형", nullptr, "hyung hyeong hyong"},
    {"계", nullptr, "kye gye"},
    {"피", nullptr, "pi pee"},
    {"두", nullptr, "doo du tu"},
    {"감", nullptr, "kam gam"},
    {"음", nullptr, "eum um"},
    {"빈", nullptr, "bin pin"},
    {"동", nullptr, "dong tong"},
    {"온", nullptr, "on ohn"},
    {"호", nullptr, "ho"},
    {"범", nullptr, "bum beom pom"},
    {"좌", nullptr, "jwa chwa"},
    {"팽", nullptr, "paeng"},
    {"승", nullptr, "seung sung"},
    {"간", nullptr, "kan gan"},
    {"상", nullptr, "sang"},
    {"시", nullptr, "si shi see"},
    {"갈", nullptr, "kal gal"},
    {"단", nullptr, "dan tan"},
    {"견", nullptr, "kyun gyeon kyon"},
    {"당", nullptr, "dang tang"},
    {"화", nullptr, "hwa"},
    {"창", nullptr, "chang"},
    {"옹", nullptr, "ong"},
    {"순", nullptr, "soon sun"},
    {"빙", nullptr, "bing ping"},
    {"종", nullptr, "jong chong"},
    {"곡", nullptr, "gok kok"},
    {"근", nullptr, "geun keun kun"},
    {"묵", nullptr, "mook muk"},
    {"자", nullptr, "ja cha"},
    {"내", nullptr, "nae"},
    {"매", nullptr, "mae"},
    {"대", nullptr, "dae tae"},
    {"평", nullptr, "pyung pyeong pyong"},
    {"아", nullptr, "ah a"},
    {"개", nullptr, "gae kae"},
    {"초", nullptr, "cho"},
    {"판", nullptr, "pan"},
    {"후", nullptr, "hoo hu"},
    {"점", nullptr, "jeom jum chom"},
    {"엽", nullptr, "yeop yup"},
    {"탄", nullptr, "tan"},
    {"풍", nullptr, "poong pung"},
    {"필", nullptr, "pil"},
    {"학", nullptr, "hak"},
    {"해", nullptr, "hae"},
    {"미", nullptr, "mi"},
    {"만", nullptr, "man"},
    {"묘", nullptr, "myo"},
    {"무", nullptr, "moo mu"},
    {"번", nullptr, "beon bun"},
    {"보", nullptr, "bo po"},
    {"비", nullptr, "bi pi"},
    {"산", nullptr, "san"},
    {"삼", nullptr, "sam"},
    {"수", nullptr, "soo su"},
    {"애", nullptr, "ae"},
    {"야", nullptr, "ya"},
    {"영", nullptr, "young yeong yong"},
    {"완", nullptr, "wan"},
    {"요", nullptr, "yo"},
    {"운", nullptr, "woon un"},
    {"등", nullptr, "deung teung"},
    {"증", nullptr, "jeung jung"},
    {"총", nullptr, "chong"},
    {"탕", nullptr, "tang"},
    {"궁", nullptr, "goong gung kung"},
    {"궉", nullptr, "kwok gwok"},
    {"난", nullptr, "nan"},
    {"낭", nullptr, "nang"},
    {"뇌", nullptr, "noe roe"},
    {"다", nullptr, "da"},
    {"담", nullptr, "dam tam"},
    {"독", nullptr, "dok tok"},
    {"돈", nullptr, "don ton"},
    {"란", "난", "ran nan"},
    {"랑", "낭", "rang nang"},
    {"교", nullptr, "kyo gyo"},
    {"관", nullptr, "kwan gwan"},
    // Northern spellings of southern surnames.
    {"리", "이", "ri lee yi rhee li i"},
    {"림", "임", "rim lim im"},
    {"로", "노", "ro roh noh no"},
    {"량", "양", "ryang yang"},
    {"려", "여", "ryo ryeo yeo"},
    {"렴", "염", "ryom ryeom yeom"},
    {"룡", "용", "ryong yong"},
    {"련", "연", "ryon ryeon yeon"},
    {"륙", "육", "ryuk yuk"},
    {"뢰", "뇌", "roe noe"},
    // Two-syllable surnames.
    {"남궁", nullptr, "nam goong|nam gung|nam kung"},
    {"황보", nullptr, "hwang bo|hwang po"},
    {"제갈", nullptr, "je gal|che gal"},
    {"사공", nullptr, "sa gong|sa kong"},
    {"선우", nullptr, "sun woo|seon u|son u|sun u"},
    {"독고", nullptr, "dok go|tok ko|dok ko"},
    {"서문", nullptr, "seo mun|seo moon|so mun"},
    {"동방", nullptr, "dong bang|tong bang"},
    {"어금", nullptr, "eo geum|o gum"},
    {"망절", nullptr, "mang jeol|mang jol"},
};

struct Surname {
  std::u32string hangul;
  std::string key;                     // shared by the forms of one clan name
  std::vector<std::string> spellings;  // usual first, then the rest
  std::string revised, dprk, mccune;   // the system forms
  int rank = 0;
};

// Spellings are separated by spaces, or by '|' when they have spaces
// themselves (two-syllable surnames, one token per syllable).
std::vector<std::string> SplitSpellings(std::string_view s) {
  const char sep = s.find('|') != std::string_view::npos ? '|' : ' ';
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == sep) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != sep) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

void AddUnique(std::vector<std::string>* v, std::string s) {
  if (s.empty()) return;
  if (std::find(v->begin(), v->end(), s) == v->end()) v->push_back(std::move(s));
}

struct SurnameTable {
  std::vector<Surname> surnames;
  std::unordered_map<std::u32string, size_t> by_hangul;
  // spelling → surname index, resolved as documented in KoreanSurnameKey.
  std::unordered_map<std::string, size_t> by_spelling;
  // KoreanSyllableKey of a spelling → surname index (most common first);
  // for two-syllable surnames the keys of both syllables joined by '|'.
  std::unordered_map<std::string, size_t> by_syllable_key;
};

const SurnameTable& Surnames() {
  static const SurnameTable* table = [] {
    auto* t = new SurnameTable;
    for (const SurnameEntry& e : kSurnames) {
      Surname s;
      s.hangul = Decode(e.hangul);
      s.spellings = SplitSpellings(e.spellings);
      s.rank = static_cast<int>(t->surnames.size());
      t->by_hangul.emplace(s.hangul, t->surnames.size());
      t->surnames.push_back(std::move(s));
    }
    // Keys and system forms need the northern/southern links.
    std::unordered_map<std::u32string, std::u32string> north_of;
    for (const SurnameEntry& e : kSurnames) {
      if (e.same_as != nullptr) north_of.emplace(Decode(e.same_as), Decode(e.hangul));
    }
    for (size_t i = 0; i < t->surnames.size(); ++i) {
      Surname& s = t->surnames[i];
      const SurnameEntry& e = kSurnames[i];
      const std::u32string south = e.same_as ? Decode(e.same_as) : s.hangul;
      const auto south_it = t->by_hangul.find(south);
      const Surname& head = south_it != t->by_hangul.end() ? t->surnames[south_it->second] : s;
      s.key = WithoutSpaces(head.spellings.empty() ? WordIn(south, KoreanSystem::kRevised, "")
                                                   : head.spellings.front());
      // The DPRK writes the northern Hangul form.
      std::u32string north = s.hangul;
      if (auto it = north_of.find(s.hangul); it != north_of.end()) north = it->second;
      s.revised = WordIn(s.hangul, KoreanSystem::kRevised, " ");
      s.dprk = WordIn(north, KoreanSystem::kDprk, " ");
      s.mccune = WordIn(s.hangul, KoreanSystem::kMcCune, " ");
      AddUnique(&s.spellings, WordIn(s.hangul, KoreanSystem::kPopular, " "));
      AddUnique(&s.spellings, s.revised);
      AddUnique(&s.spellings, s.dprk);
      AddUnique(&s.spellings, s.mccune);
    }
    // A spelling shared by several surnames goes to the most common one:
    // Jong is 정 in the DPRK system before it is the rare surname 종.
    for (size_t i = 0; i < t->surnames.size(); ++i) {
      for (const std::string& sp : t->surnames[i].spellings) {
        t->by_spelling.emplace(WithoutSpaces(sp), i);
      }
    }
    for (size_t i = 0; i < t->surnames.size(); ++i) {
      for (const std::string& sp : t->surnames[i].spellings) {
        std::string key;
        for (const std::string& syllable : SplitSpellings(sp)) {
          const std::string k = KoreanSyllableKey(syllable);
          if (k.empty()) {
            key.clear();
            break;
          }
          if (!key.empty()) key += '|';
          key += k;
        }
        if (!key.empty()) t->by_syllable_key.emplace(std::move(key), i);
      }
    }
    return t;
  }();
  return *table;
}

constexpr const char32_t* kTwoSyllableSurnames[] = {U"남궁", U"선우", U"제갈", U"황보", U"독고",
                                                    U"사공", U"서문", U"동방", U"어금", U"망절"};

bool IsTwoSyllableSurname(std::u32string_view s) {
  for (const char32_t* c : kTwoSyllableSurnames) {
    if (s == c) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// The syllable key: a small grammar initial + vowel + [silent h/r] + final.

struct Piece {
  std::string_view text;
  std::string_view cls;
};

// Longer spellings first; every alternative is tried until the whole string
// parses.
constexpr Piece kInitials[] = {
    {"tch", "j"}, {"kk", "k"}, {"gg", "k"}, {"kh", "k"}, {"gh", "k"}, {"tt", "t"}, {"th", "t"},
    {"dd", "t"},  {"pp", "p"}, {"ph", "p"}, {"bb", "p"}, {"jj", "j"}, {"ch", "j"}, {"ss", "s"},
    {"sh", "s"},  {"rh", "r"}, {"dh", "t"}, {"bh", "p"}, {"jh", "j"}, {"mh", "m"}, {"nh", "n"},
    {"k", "k"},   {"g", "k"},  {"t", "t"},  {"d", "t"},  {"p", "p"},  {"b", "p"},  {"j", "j"},
    {"s", "s"},   {"n", "n"},  {"m", "m"},  {"h", "h"},  {"r", "r"},  {"l", "r"},  {"", "-"},
};

constexpr Piece kVowels[] = {
    {"yeou", "yo"}, {"eou", "o"},  {"yeu", "yo"}, {"yeo", "yo"}, {"you", "yo"}, {"yoo", "yo"},
    {"yae", "ye"},  {"wae", "we"}, {"woo", "o"},  {"weo", "wo"}, {"eui", "i"},  {"wee", "wi"},
    {"wei", "we"},  {"ya", "ya"},  {"yo", "yo"},  {"yu", "yo"},  {"ye", "ye"},  {"yi", "i"},
    {"wa", "wa"},   {"wo", "wo"},  {"we", "we"},  {"wi", "wi"},  {"wu", "o"},   {"oa", "wa"},
    {"oe", "we"},   {"oi", "we"},  {"oy", "we"},  {"ae", "e"},   {"ai", "e"},   {"ay", "e"},
    {"ea", "e"},    {"ei", "e"},   {"aa", "a"},   {"ie", "i"},   {"eo", "o"},   {"eu", "o"},
    {"oo", "o"},    {"ou", "o"},   {"ee", "i"},   {"ui", "i"},   {"a", "a"},    {"e", "e"},
    {"o", "o"},     {"u", "o"},    {"i", "i"},
};

constexpr Piece kFinals[] = {
    {"ng", "ng"}, {"nn", "n"}, {"n", "n"}, {"mm", "m"}, {"m", "m"},
    {"ck", "k"},  {"kk", "k"}, {"k", "k"}, {"g", "k"},  {"ll", "l"},
    {"l", "l"},   {"p", "p"},  {"b", "p"}, {"t", "t"},  {"", ""},
};

bool StartsWithAt(std::string_view s, size_t pos, std::string_view prefix) {
  return s.size() - pos >= prefix.size() && s.substr(pos, prefix.size()) == prefix;
}

// Parses one lowercase syllable; "" when it does not parse.
std::string ParseSyllable(std::string_view s) {
  if (s.empty() || s.size() > 8) return "";
  for (const Piece& ini : kInitials) {
    if (!StartsWithAt(s, 0, ini.text)) continue;
    const size_t p1 = ini.text.size();
    for (const Piece& vow : kVowels) {
      if (!StartsWithAt(s, p1, vow.text)) continue;
      const size_t p2 = p1 + vow.text.size();
      // A silent h or r may follow the vowel: Ahn, Noh, Hur, Park, Kahm.
      for (int silent = 0; silent < 2; ++silent) {
        size_t p3 = p2;
        if (silent == 1) {
          if (p2 >= s.size() || (s[p2] != 'h' && s[p2] != 'r')) continue;
          ++p3;
        }
        for (const Piece& fin : kFinals) {
          if (s.size() - p3 == fin.text.size() && StartsWithAt(s, p3, fin.text)) {
            std::string key;
            key.reserve(8);
            key.append(ini.cls).push_back(':');
            key.append(vow.cls).push_back(':');
            key.append(fin.cls);
            return key;
          }
        }
      }
    }
  }
  return "";
}

// The base letter of a Latin letter with a diacritic, lowercase; 0 if none.
char FoldLetter(char32_t c) {
  if (c >= 0xC0 && c <= 0xFF) {
    static constexpr char kLatin1[] =
        "aaaaaaaceeeeiiiidnooooo\0ouuuuyt\0aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
    const char f = kLatin1[c - 0xC0];
    return f == '\0' ? 0 : f;
  }
  switch (c) {
    case 0x014E:
    case 0x014F:
    case 0x014C:
    case 0x014D:
      return 'o';  // Ŏ ŏ Ō ō
    case 0x016C:
    case 0x016D:
    case 0x016A:
    case 0x016B:
      return 'u';  // Ŭ ŭ Ū ū
    case 0x0102:
    case 0x0103:
    case 0x0100:
    case 0x0101:
      return 'a';  // Ă ă Ā ā
    case 0x0114:
    case 0x0115:
    case 0x0112:
    case 0x0113:
      return 'e';  // Ĕ ĕ Ē ē
    case 0x012C:
    case 0x012D:
    case 0x012A:
    case 0x012B:
      return 'i';  // Ĭ ĭ Ī ī
    default:
      return 0;
  }
}

// Lowercases ASCII letters, folds the Latin letters with diacritics that
// romanizations use (ŏ ŭ of McCune-Reischauer, é, ü ...) and drops
// apostrophes; false on anything else.
bool CleanToken(std::string_view in, std::string* out) {
  out->clear();
  for (char32_t c : Decode(in)) {
    if (c >= 'a' && c <= 'z') {
      out->push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      out->push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x02BC) {
      continue;
    } else {
      const char folded = FoldLetter(c);
      if (folded == 0) return false;
      out->push_back(folded);
    }
  }
  return true;
}

// ---------------------------------------------------------------------------
// Segmentation.

// Syllables of given names by how common they are (weight 2, then 1), South
// and North. Their spellings in all systems weigh the segmentation.
constexpr const char32_t* kCommonNameSyllables =
    U"지민현은영우준연수진유성나정승태소원호하혜동아윤예재미서채리희석다가보빈경주선훈시혁한도찬린"
    U"효인라철일남광명용국상기종옥순숙자룡송길봉덕택식범환규세화창대신림해향금복실련란학";
constexpr const char32_t* kOtherNameSyllables =
    U"건근군전존곤간갑강개걸검겸계고공관교구권귀균김녀년노누늘단달담당두득람랑래려렬령례로록루류륜"
    U"률"
    U"마만말매면모목몽무묵문바박반방배백별병본부분비빛사산삼새설섬섭손숭슬심안애야양어억언엄업여역"
    U"열"
    U"염엽오온완왕요욱운웅월위육을음의이익임작장절점제조중집차춘충치칠탁토통특파판팔평포표필허헌협"
    U"형"
    U"호홍활황회후휘흥";

const std::unordered_map<std::string, int>& SpellingWeights() {
  static const auto* weights = [] {
    auto* w = new std::unordered_map<std::string, int>;
    auto add = [w](const char32_t* list, int weight) {
      for (const char32_t* p = list; *p != 0; ++p) {
        for (KoreanSystem sys : kSystems) {
          for (int voiced = 0; voiced < 2; ++voiced) {
            std::string s = SyllableIn(*p, sys, voiced == 0, voiced == 1);
            int& cur = (*w)[s];
            cur = std::max(cur, weight);
          }
        }
      }
    };
    add(kCommonNameSyllables, 2);
    add(kOtherNameSyllables, 1);
    return w;
  }();
  return *weights;
}

constexpr size_t kMaxSegments = 4;
constexpr size_t kMaxSyllableChars = 7;

struct Segmentation {
  bool ok = false;
  size_t count = 0;
  int weight = 0;
  std::vector<size_t> lengths;
};

// Best segmentation of s[pos..] (see SegmentKoreanSyllables for the order).
struct SegmentContext {
  size_t size = 0;
  // piece_weight[pos][len]: -1 when s[pos, pos+len) is not a syllable, else
  // its commonness weight.
  std::vector<std::array<int, kMaxSyllableChars + 1>> piece_weight;
  std::vector<std::array<Segmentation, kMaxSegments + 1>> memo;
  std::vector<std::array<bool, kMaxSegments + 1>> done;
};

// Best segmentation of the suffix from `pos` into at most `budget` syllables:
// fewest syllables, then highest weight, then earliest boundaries.
Segmentation BestFrom(SegmentContext* c, size_t pos, size_t budget) {
  if (pos == c->size) return Segmentation{true, 0, 0, {}};
  if (budget == 0) return Segmentation{};
  if (c->done[pos][budget]) return c->memo[pos][budget];
  Segmentation best;
  for (size_t len = 1; len <= kMaxSyllableChars && pos + len <= c->size; ++len) {
    const int piece = c->piece_weight[pos][len];
    if (piece < 0) continue;
    Segmentation rest = BestFrom(c, pos + len, budget - 1);
    if (!rest.ok) continue;
    const int w = rest.weight + piece;
    const size_t count = rest.count + 1;
    // Shorter first pieces come first, so a tie keeps the earlier boundary.
    if (!best.ok || count < best.count || (count == best.count && w > best.weight)) {
      best.ok = true;
      best.count = count;
      best.weight = w;
      best.lengths.clear();
      best.lengths.push_back(len);
      best.lengths.insert(best.lengths.end(), rest.lengths.begin(), rest.lengths.end());
    }
  }
  c->done[pos][budget] = true;
  c->memo[pos][budget] = best;
  return best;
}

}  // namespace

bool IsHangulSyllable(char32_t c) { return c >= kHangulBase && c <= kHangulLast; }

std::string RomanizeHangulSyllable(char32_t syllable, KoreanSystem system, bool word_initial,
                                   bool after_sonorant) {
  if (!IsHangulSyllable(syllable)) return "";
  return SyllableIn(syllable, system, word_initial, after_sonorant);
}

std::string KoreanSyllableKey(std::string_view latin_syllable) {
  // No syllable spelling is longer than 8 letters (bytes: 3 for breves).
  if (latin_syllable.size() > 32) return "";
  std::string s;
  if (!CleanToken(latin_syllable, &s) || s.empty()) return "";
  // Whang, Whan: the w belongs to the vowel.
  if (s.size() > 2 && s[0] == 'w' && s[1] == 'h') s = "hw" + s.substr(2);
  return ParseSyllable(s);
}

std::vector<std::string> SegmentKoreanSyllables(std::string_view latin_token) {
  std::string s;
  if (!CleanToken(latin_token, &s) || s.empty()) return {};
  if (s.size() > kMaxSegments * kMaxSyllableChars) return {};
  SegmentContext c;
  c.size = s.size();
  c.piece_weight.resize(s.size());
  c.memo.resize(s.size() + 1);
  c.done.resize(s.size() + 1);
  for (auto& d : c.done) d.fill(false);
  const auto& weights = SpellingWeights();
  std::string piece;
  for (size_t pos = 0; pos < s.size(); ++pos) {
    c.piece_weight[pos].fill(-1);
    for (size_t len = 1; len <= kMaxSyllableChars && pos + len <= s.size(); ++len) {
      piece.assign(s, pos, len);
      if (ParseSyllable(piece).empty()) continue;
      const auto it = weights.find(piece);
      c.piece_weight[pos][len] = it == weights.end() ? 0 : it->second;
    }
  }
  const Segmentation seg = BestFrom(&c, 0, kMaxSegments);
  if (!seg.ok) return {};
  std::vector<std::string> out;
  size_t pos = 0;
  for (size_t len : seg.lengths) {
    out.push_back(s.substr(pos, len));
    pos += len;
  }
  return out;
}

std::string KoreanSurnameKey(std::string_view latin_token) {
  // Two-syllable surnames may come split (Nam-gung, Nam Goong).
  std::string joined;
  for (char c : latin_token) {
    if (c != ' ' && c != '-') joined.push_back(c);
  }
  std::string s;
  if (joined.size() > 32 || !CleanToken(joined, &s) || s.empty()) return "";
  const SurnameTable& t = Surnames();
  if (auto it = t.by_spelling.find(s); it != t.by_spelling.end()) {
    return t.surnames[it->second].key;
  }
  // Unlisted spellings: by the keys of one syllable, or of two for the
  // two-syllable surnames (Namkoong = 남궁).
  if (const std::string key = KoreanSyllableKey(s); !key.empty()) {
    if (auto it = t.by_syllable_key.find(key); it != t.by_syllable_key.end()) {
      return t.surnames[it->second].key;
    }
  }
  for (size_t cut = 1; cut < s.size(); ++cut) {
    const std::string first = KoreanSyllableKey(std::string_view(s).substr(0, cut));
    if (first.empty()) continue;
    const std::string second = KoreanSyllableKey(std::string_view(s).substr(cut));
    if (second.empty()) continue;
    if (auto it = t.by_syllable_key.find(first + "|" + second); it != t.by_syllable_key.end()) {
      return t.surnames[it->second].key;
    }
  }
  return "";
}

std::string KoreanSurnameKeyForHangul(std::string_view hangul_utf8) {
  std::u32string text = ComposeJamo(Decode(hangul_utf8));
  std::u32string hangul;
  for (char32_t c : text) {
    if (IsHangulSyllable(c)) hangul.push_back(c);
  }
  const SurnameTable& t = Surnames();
  auto it = t.by_hangul.find(hangul);
  return it == t.by_hangul.end() ? "" : t.surnames[it->second].key;
}

std::vector<std::string> RomanizeKoreanName(std::string_view hangul_utf8) {
  const std::u32string text = ComposeJamo(Decode(hangul_utf8));
  // Words of Hangul, and ASCII words kept as they are.
  std::vector<std::u32string> words;
  std::vector<std::string> latin;
  std::u32string word;
  std::string ascii;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    if (!ascii.empty()) latin.push_back(std::move(ascii));
    word.clear();
    ascii.clear();
  };
  for (char32_t c : text) {
    if (IsHangulSyllable(c)) {
      if (!ascii.empty()) flush();
      word.push_back(c);
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
      if (!word.empty()) flush();
      ascii.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else {
      flush();
    }
  }
  flush();
  if (words.empty()) return {};

  std::string suffix;
  for (const std::string& l : latin) suffix += " " + l;

  std::u32string all;
  for (const auto& w : words) all += w;

  std::vector<std::string> out;
  auto push = [&out](std::string s) {
    if (out.size() < kMaxKoreanRomanizations && std::find(out.begin(), out.end(), s) == out.end()) {
      out.push_back(std::move(s));
    }
  };

  // Too long for a personal name: the systems only, syllable by syllable.
  constexpr size_t kMaxNameSyllables = 6;
  if (all.size() > kMaxNameSyllables) {
    for (KoreanSystem sys : kSystems) {
      std::string form;
      for (const auto& w : words) {
        if (!form.empty()) form += ' ';
        form += WordIn(w, sys, " ");
      }
      push(form + suffix);
    }
    return out;
  }

  std::u32string surname;
  std::u32string given;
  if (words.size() > 1 && words[0].size() <= 2) {
    surname = words[0];
    given = all.substr(surname.size());
  } else if (all.size() >= 3 && IsTwoSyllableSurname(all.substr(0, 2))) {
    surname = all.substr(0, 2);
    given = all.substr(2);
  } else {
    surname = all.substr(0, 1);
    given = all.substr(1);
  }

  // Surname spellings: the table's, or the systems' for an unknown surname.
  // With a given name, the four most usual surname spellings (the system
  // forms are added below whatever their rank).
  constexpr size_t kMaxSurnameSpellings = 4;
  std::vector<std::string> sur;
  std::string sur_revised;
  std::string sur_dprk;
  std::string sur_mccune;
  const SurnameTable& table = Surnames();
  if (auto it = table.by_hangul.find(surname); it != table.by_hangul.end()) {
    const Surname& s = table.surnames[it->second];
    const size_t limit = given.empty() ? s.spellings.size() : kMaxSurnameSpellings;
    for (size_t i = 0; i < s.spellings.size() && i < limit; ++i) {
      sur.push_back(s.spellings[i]);
    }
    sur_revised = s.revised;
    sur_dprk = s.dprk;
    sur_mccune = s.mccune;
  } else {
    for (KoreanSystem sys : kSystems) AddUnique(&sur, WordIn(surname, sys, " "));
    sur_revised = WordIn(surname, KoreanSystem::kRevised, " ");
    sur_dprk = WordIn(surname, KoreanSystem::kDprk, " ");
    sur_mccune = WordIn(surname, KoreanSystem::kMcCune, " ");
  }

  if (given.empty()) {
    for (const std::string& s : sur) push(s + suffix);
    push(sur_revised + suffix);
    push(sur_dprk + suffix);
    push(sur_mccune + suffix);
    return out;
  }

  const std::string g_popular = WordIn(given, KoreanSystem::kPopular, " ");
  const std::string g_revised = WordIn(given, KoreanSystem::kRevised, " ");
  const std::string g_dprk = WordIn(given, KoreanSystem::kDprk, " ");
  const std::string g_mccune = WordIn(given, KoreanSystem::kMcCune, " ");
  const std::string g_popular_alt = WordIn(given, KoreanSystem::kPopular, " ", true);
  // Given-name forms by how often lists use them with other surname
  // spellings: southern and northern first.
  std::vector<std::string> giv;
  AddUnique(&giv, g_popular);
  AddUnique(&giv, g_dprk);
  AddUnique(&giv, g_revised);
  AddUnique(&giv, g_popular_alt);
  AddUnique(&giv, g_mccune);

  // The four systems as written; then every surname spelling with the
  // southern and northern given name; then the other combinations, fewest
  // steps away from the usual spelling first (diagonals of surname × given).
  push(sur.front() + " " + g_popular + suffix);
  push(sur_revised + " " + g_revised + suffix);
  push(sur_dprk + " " + g_dprk + suffix);
  push(sur_mccune + " " + g_mccune + suffix);
  for (const std::string& s : sur) {
    push(s + " " + g_popular + suffix);
    push(s + " " + g_dprk + suffix);
  }
  for (size_t d = 0; d < sur.size() + giv.size(); ++d) {
    for (size_t i = 0; i <= d; ++i) {
      const size_t k = d - i;
      if (i < sur.size() && k < giv.size()) push(sur[i] + " " + giv[k] + suffix);
    }
  }
  return out;
}

}  // namespace vigil::text
