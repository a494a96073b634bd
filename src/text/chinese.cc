#include "text/chinese.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/strings.h"
#include "text/normalize.h"

namespace vigil::text {
namespace {

std::u32string Decode(std::string_view s) { return DecodeUtf8Dropping(s); }

// ICU transliterators: creating one parses its rules (milliseconds) and an
// instance must not be shared between threads, so each thread keeps its own.
icu::Transliterator* Transliterator(const char* id) { return ThreadTransliterator(id); }

constexpr const char* kPinyin = "Han-Latin; Latin-ASCII";
constexpr const char* kPinyinNames = "Han-Latin/Names; Latin-ASCII";

// Transliterates Han characters and returns the lowercase ASCII tokens. With
// `spaced`, one syllable per character: spaces between them keep ICU from
// fusing words (泽东 → zedong). Without, ICU sees the characters together,
// which Han-Latin/Names needs to read compound surnames (万俟 → mo qi, not
// wan qi). A character ICU cannot read gives no syllable.
std::vector<std::string> PinyinSyllables(std::u32string_view han, const char* id,
                                         bool spaced = true) {
  std::vector<std::string> out;
  if (han.empty()) return out;
  icu::Transliterator* t = Transliterator(id);
  if (t == nullptr) return out;
  icu::UnicodeString text;
  for (size_t i = 0; i < han.size(); ++i) {
    if (i > 0 && spaced) text.append(static_cast<UChar32>(' '));
    text.append(static_cast<UChar32>(han[i]));
  }
  t->transliterate(text);
  std::string utf8;
  text.toUTF8String(utf8);
  std::string cur;
  bool clean = true;
  auto flush = [&] {
    if (!cur.empty() && clean) out.push_back(cur);
    cur.clear();
    clean = true;
  };
  for (char c : utf8) {
    if (c == ' ') {
      flush();
    } else if (c >= 'a' && c <= 'z') {
      cur.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      cur.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      clean = false;  // an unread character or a stray mark
      cur.push_back(c);
    }
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------
// Surnames: simplified and traditional forms, then the customary spellings
// other than pinyin and Wade-Giles (both are generated): Cantonese (Hong Kong,
// Macau), Hokkien and Teochew (Singapore, Malaysia, the Philippines), and
// older or personal spellings. Common surnames first.

struct ChineseSurnameEntry {
  const char* simplified;
  const char* traditional;
  const char* spellings;
};

constexpr ChineseSurnameEntry kChineseSurnames[] = {
    {"王", "王", "wong ong heng"},
    {"李", "李", "lee lei"},
    {"张", "張", "cheung teo chong"},
    {"刘", "劉", "lau liew low"},
    {"陈", "陳", "chan tan chin"},
    {"杨", "楊", "yeung yeo yong"},
    {"黄", "黃", "wong ng wee oei"},
    {"赵", "趙", "chiu teo chew"},
    {"吴", "吳", "ng goh woo"},
    {"周", "周", "chow chau chew"},
    {"徐", "徐", "tsui chui chee"},
    {"孙", "孫", "suen soon"},
    {"马", "馬", "ma mah beh"},
    {"朱", "朱", "chu chue choo"},
    {"胡", "胡", "wu woo foo"},
    {"郭", "郭", "kwok quek kuek"},
    {"何", "何", "ho hoh"},
    {"高", "高", "ko koh"},
    {"林", "林", "lam lim"},
    {"罗", "羅", "law lo loh"},
    {"郑", "鄭", "cheng tay teh cheang"},
    {"梁", "梁", "leung leong neo"},
    {"谢", "謝", "tse chia seah"},
    {"宋", "宋", "sung soong"},
    {"唐", "唐", "tong"},
    {"许", "許", "hui koh khoo"},
    {"韩", "韓", "hon"},
    {"冯", "馮", "fung foong"},
    {"邓", "鄧", "tang teng"},
    {"曹", "曹", "tso cho"},
    {"彭", "彭", "pang phang"},
    {"曾", "曾", "tsang chan"},
    {"肖", "蕭", "siu seow hsiao"},
    {"萧", "蕭", "siu seow"},
    {"田", "田", "tin"},
    {"董", "董", "tung"},
    {"袁", "袁", "yuen"},
    {"潘", "潘", "poon pun phua"},
    {"于", "於", "yu yue"},
    {"蒋", "蔣", "cheung"},
    {"蔡", "蔡", "choi tsoi chua"},
    {"余", "余", "yu yue yee"},
    {"杜", "杜", "to"},
    {"叶", "葉", "yip yap ip"},
    {"程", "程", "ching"},
    {"苏", "蘇", "so soh"},
    {"魏", "魏", "ngai gwee"},
    {"吕", "呂", "lui lyu lv"},
    {"丁", "丁", "ting"},
    {"任", "任", "yam"},
    {"沈", "沈", "shum sham sim"},
    {"姚", "姚", "yiu"},
    {"卢", "盧", "lo lou loh"},
    {"姜", "姜", "keung"},
    {"崔", "崔", "tsui chui"},
    {"钟", "鍾", "chung chong"},
    {"谭", "譚", "tam"},
    {"陆", "陸", "luk"},
    {"汪", "汪", "wong ong"},
    {"范", "范", "fan"},
    {"金", "金", "kam kim"},
    {"石", "石", "shek"},
    {"廖", "廖", "liu leow liew"},
    {"贾", "賈", "ka"},
    {"夏", "夏", "ha"},
    {"韦", "韋", "wai"},
    {"付", "付", "foo"},
    {"傅", "傅", "foo poh"},
    {"方", "方", "fong png"},
    {"白", "白", "pak peh"},
    {"邹", "鄒", "chau chow"},
    {"孟", "孟", "mang"},
    {"熊", "熊", "hung"},
    {"秦", "秦", "chun"},
    {"邱", "邱", "yau khoo"},
    {"江", "江", "kong kang"},
    {"尹", "尹", "wan"},
    {"薛", "薛", "sit"},
    {"闫", "閆", "yim"},
    {"段", "段", "tuen"},
    {"雷", "雷", "lui"},
    {"侯", "侯", "hau"},
    {"龙", "龍", "lung loong"},
    {"史", "史", "sze"},
    {"陶", "陶", "to"},
    {"黎", "黎", "lai"},
    {"贺", "賀", "ho"},
    {"顾", "顧", "koo"},
    {"毛", "毛", "mo"},
    {"郝", "郝", "kok"},
    {"龚", "龔", "kung"},
    {"邵", "邵", "shiu"},
    {"万", "萬", "man"},
    {"钱", "錢", "chin"},
    {"严", "嚴", "yim"},
    {"覃", "覃", "tam chin"},
    {"武", "武", "mo"},
    {"戴", "戴", "tai"},
    {"莫", "莫", "mok"},
    {"孔", "孔", "hung"},
    {"向", "向", "heung"},
    {"汤", "湯", "tong"},
    {"常", "常", "sheung"},
    {"温", "溫", "wan"},
    {"康", "康", "hong"},
    {"施", "施", "sze see"},
    {"文", "文", "man boon"},
    {"牛", "牛", "ngau"},
    {"樊", "樊", "fan"},
    {"葛", "葛", "kot"},
    {"邢", "邢", "ying"},
    {"安", "安", "on"},
    {"齐", "齊", "chai"},
    {"易", "易", "yik"},
    {"乔", "喬", "kiu"},
    {"伍", "伍", "ng"},
    {"庞", "龐", "pong"},
    {"颜", "顏", "ngan gan"},
    {"倪", "倪", "ngai"},
    {"庄", "莊", "chong chng"},
    {"聂", "聶", "nip"},
    {"章", "章", "cheung"},
    {"鲁", "魯", "lo"},
    {"岳", "岳", "ngok"},
    {"翟", "翟", "chak"},
    {"殷", "殷", "yan"},
    {"詹", "詹", "chim"},
    {"申", "申", "san"},
    {"欧", "歐", "au"},
    {"耿", "耿", "kang"},
    {"关", "關", "kwan"},
    {"兰", "蘭", "lan"},
    {"焦", "焦", "chiu"},
    {"俞", "俞", "yu"},
    {"左", "左", "cho"},
    {"柳", "柳", "lau"},
    {"甘", "甘", "kam"},
    {"祝", "祝", "chuk"},
    {"包", "包", "pau"},
    {"宁", "寧", "ning"},
    {"尚", "尚", "sheung"},
    {"舒", "舒", "shu"},
    {"阮", "阮", "yuen"},
    {"柯", "柯", "kua"},
    {"纪", "紀", "kei"},
    {"梅", "梅", "mui"},
    {"童", "童", "tung"},
    {"凌", "凌", "ling"},
    {"毕", "畢", "pat"},
    {"单", "單", "sin"},
    {"季", "季", "kwai"},
    {"裴", "裴", "pui"},
    {"霍", "霍", "fok"},
    {"涂", "涂", "tou"},
    {"成", "成", "shing"},
    {"苗", "苗", "miu"},
    {"盛", "盛", "shing"},
    {"翁", "翁", "yung"},
    {"骆", "駱", "lok"},
    {"蓝", "藍", "lam"},
    {"游", "游", "yau"},
    {"辛", "辛", "san"},
    {"管", "管", "kun"},
    {"柴", "柴", "chai"},
    {"鲍", "鮑", "pau"},
    {"华", "華", "wah"},
    {"卓", "卓", "cheuk"},
    {"古", "古", "koo"},
    {"简", "簡", "kan"},
    {"连", "連", "lin"},
    {"麦", "麥", "mak"},
    {"戚", "戚", "chik"},
    {"岑", "岑", "sham"},
    {"邝", "鄺", "kwong"},
    {"冼", "冼", "sin"},
    {"区", "區", "au"},
    {"植", "植", "chik"},
    {"欧阳", "歐陽", "auyeung"},
    {"司徒", "司徒", "szeto seto"},
    {"司马", "司馬", "szema"},
    {"上官", "上官", "sheungkwun"},
    {"诸葛", "諸葛", "chukot"},
    {"东方", "東方", "tungfong"},
    {"皇甫", "皇甫", "wongpo"},
    {"尉迟", "尉遲", "watchi"},
    {"公孙", "公孫", "kungsuen"},
    {"慕容", "慕容", "moyung"},
    {"令狐", "令狐", "lingwu"},
    {"长孙", "長孫", "cheungsuen"},
    {"夏侯", "夏侯", "hahau"},
    {"轩辕", "軒轅", "hinyuen"},
    {"端木", "端木", "tuenmuk"},
    {"西门", "西門", "saimun"},
    {"南宫", "南宮", "namkung"},
    {"独孤", "獨孤", "dukgu"},
    {"钟离", "鍾離", "chunglei"},
    {"宇文", "宇文", "yuman"},
    {"万俟", "萬俟", "mokei"},
    {"申屠", "申屠", "santo"},
    {"闻人", "聞人", "manyan"},
    {"呼延", "呼延", "fuyin"},
    {"澹台", "澹臺", "tamtoi"},
    {"公羊", "公羊", "kungyeung"},
    {"濮阳", "濮陽", "pokyeung"},
    {"淳于", "淳于", "shunyu"},
    {"赫连", "赫連", "haklin"},
    {"拓跋", "拓跋", "tokbat"},
};

struct ChineseSurnames {
  std::unordered_map<std::u32string, const ChineseSurnameEntry*> by_han;
};

const ChineseSurnames& SurnameTable() {
  static const ChineseSurnames* table = [] {
    auto* t = new ChineseSurnames;
    for (const ChineseSurnameEntry& e : kChineseSurnames) {
      t->by_han.emplace(Decode(e.simplified), &e);
      t->by_han.emplace(Decode(e.traditional), &e);
    }
    return t;
  }();
  return *table;
}

bool IsCompoundSurname(std::u32string_view two) {
  if (two.size() != 2) return false;
  const auto& t = SurnameTable().by_han;
  return t.find(std::u32string(two)) != t.end();
}

bool IsNameDot(char32_t c) {
  return c == 0x00B7 || c == 0x30FB || c == 0x2027 || c == 0x2022 || c == 0xFF65 || c == 0x318D ||
         c == 0x2219 || c == 0x22C5;
}

}  // namespace

bool IsHanCharacter(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) ||    // CJK Unified Ideographs
         (c >= 0x3400 && c <= 0x4DBF) ||    // Extension A
         (c >= 0x20000 && c <= 0x2EBEF) ||  // Extensions B-F
         (c >= 0x30000 && c <= 0x3134F) ||  // Extension G
         (c >= 0xF900 && c <= 0xFAFF) ||    // Compatibility Ideographs
         (c >= 0x2F800 && c <= 0x2FA1F) ||  // Compatibility Supplement
         c == 0x3007;                       // 〇
}

std::string PinyinToWadeGiles(std::string_view pinyin_syllable) {
  std::string s;
  for (char c : pinyin_syllable) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return std::string(pinyin_syllable);
    s.push_back(c == 'v' ? 'u' : c);  // v is the keyboard ü
  }
  static const std::unordered_map<std::string_view, std::string_view> kWhole = {
      {"zhi", "chih"}, {"chi", "chih"}, {"shi", "shih"}, {"ri", "jih"}, {"zi", "tzu"},
      {"ci", "tzu"},   {"si", "ssu"},   {"er", "erh"},   {"you", "yu"}, {"yue", "yueh"},
      {"ye", "yeh"},   {"yan", "yen"},  {"yi", "i"},     {"e", "o"},
  };
  if (auto it = kWhole.find(s); it != kWhole.end()) return std::string(it->second);
  static constexpr std::string_view kInitials[] = {"zh", "ch", "sh", "b", "p", "m", "f", "d",
                                                   "t",  "n",  "l",  "g", "k", "h", "j", "q",
                                                   "x",  "r",  "z",  "c", "s", "y", "w"};
  std::string_view initial;
  for (std::string_view ini : kInitials) {
    if (s.size() > ini.size() && std::string_view(s).substr(0, ini.size()) == ini) {
      initial = ini;
      break;
    }
  }
  std::string fin = s.substr(initial.size());
  std::string wg_initial(initial);
  if (initial == "b")
    wg_initial = "p";
  else if (initial == "d")
    wg_initial = "t";
  else if (initial == "g")
    wg_initial = "k";
  else if (initial == "j" || initial == "q" || initial == "zh")
    wg_initial = "ch";
  else if (initial == "x")
    wg_initial = "hs";
  else if (initial == "r")
    wg_initial = "j";
  else if (initial == "z" || initial == "c")
    wg_initial = "ts";

  const bool velar = initial == "g" || initial == "k" || initial == "h";
  if (fin == "iong") {
    fin = "iung";
  } else if (fin == "ong") {
    fin = "ung";
  } else if (fin == "ian") {
    fin = "ien";
  } else if (fin == "ie") {
    fin = "ieh";
  } else if (fin == "ue") {
    fin = "ueh";
  } else if (fin == "ui") {
    if (initial == "g" || initial == "k") fin = "uei";
  } else if (fin == "uo") {
    if (!velar && initial != "sh") fin = "o";
  } else if (fin == "e") {
    if (velar) fin = "o";
  }
  return wg_initial + fin;
}

std::string HanToPinyin(std::string_view han_utf8) {
  const std::u32string text = Decode(han_utf8);
  std::vector<std::string> tokens;
  std::u32string han;
  std::string ascii;
  auto flush = [&] {
    if (!han.empty()) {
      for (std::string& s : PinyinSyllables(han, kPinyin)) tokens.push_back(std::move(s));
      han.clear();
    }
    if (!ascii.empty()) {
      tokens.push_back(std::move(ascii));
      ascii.clear();
    }
  };
  for (char32_t c : text) {
    if (IsHanCharacter(c)) {
      if (!ascii.empty()) flush();
      han.push_back(c);
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
      if (!han.empty()) flush();
      ascii.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else {
      flush();
    }
  }
  flush();
  return Join(tokens, " ");
}

std::vector<std::string> RomanizeChineseName(std::string_view han_utf8) {
  const std::u32string text = Decode(han_utf8);
  // Han words, split at anything else; a name dot splits too and is noted.
  std::vector<std::u32string> words;
  std::u32string word;
  bool dotted = false;
  for (char32_t c : text) {
    if (IsHanCharacter(c)) {
      word.push_back(c);
      continue;
    }
    if (IsNameDot(c)) dotted = true;
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  }
  if (!word.empty()) words.push_back(std::move(word));
  if (words.empty()) return {};

  std::vector<std::string> out;
  auto push = [&out](std::string s) {
    if (s.empty() || out.size() >= kMaxChineseRomanizations) return;
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  };

  std::u32string all;
  for (const auto& w : words) all += w;

  // A foreign name in characters, or text too long to be a Chinese personal
  // name: pinyin only, each word joined and by syllable.
  constexpr size_t kMaxNameChars = 4;
  if (dotted || all.size() > kMaxNameChars) {
    std::vector<std::string> joined;
    std::vector<std::string> split;
    for (const auto& w : words) {
      std::vector<std::string> syl = PinyinSyllables(w, kPinyin);
      if (syl.empty()) continue;
      joined.push_back(Join(syl, ""));
      split.push_back(Join(syl, " "));
    }
    if (dotted) push(Join(joined, " "));
    push(Join(split, " "));
    return out;
  }

  std::u32string surname;
  std::u32string given;
  if (words.size() > 1 && words[0].size() <= 2) {
    surname = words[0];
    given = all.substr(surname.size());
  } else if (all.size() >= 2 && IsCompoundSurname(all.substr(0, 2))) {
    surname = all.substr(0, 2);
    given = all.substr(2);
  } else {
    surname = all.substr(0, 1);
    given = all.substr(1);
  }

  const std::vector<std::string> sur_syl = PinyinSyllables(surname, kPinyinNames, false);
  const std::vector<std::string> giv_syl = PinyinSyllables(given, kPinyin);
  if (sur_syl.empty() && giv_syl.empty()) return {};
  const std::string py_sur = Join(sur_syl, "");
  std::string wg_sur;
  for (const std::string& s : sur_syl) wg_sur += PinyinToWadeGiles(s);
  std::vector<std::string> wg_giv;
  for (const std::string& s : giv_syl) wg_giv.push_back(PinyinToWadeGiles(s));

  // Customary surname spellings from the table.
  std::vector<std::string> sur_forms;
  auto add_sur = [&sur_forms](std::string s) {
    if (!s.empty() && std::find(sur_forms.begin(), sur_forms.end(), s) == sur_forms.end()) {
      sur_forms.push_back(std::move(s));
    }
  };
  add_sur(py_sur);
  add_sur(wg_sur);
  const auto& by_han = SurnameTable().by_han;
  if (auto it = by_han.find(surname); it != by_han.end()) {
    for (std::string& s : Tokenize(it->second->spellings)) add_sur(std::move(s));
  }

  auto with = [](const std::string& sur, const std::string& giv) {
    if (sur.empty()) return giv;
    if (giv.empty()) return sur;
    return sur + " " + giv;
  };
  const std::string py_joined = Join(giv_syl, "");
  const std::string py_split = Join(giv_syl, " ");
  push(with(py_sur, py_joined));
  push(with(py_sur, py_split));
  push(with(wg_sur, Join(wg_giv, " ")));
  push(with(wg_sur, Join(wg_giv, "")));
  for (const std::string& s : sur_forms) push(with(s, py_joined));
  for (const std::string& s : sur_forms) push(with(s, py_split));
  return out;
}

}  // namespace vigil::text
