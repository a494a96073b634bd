// Country names to ISO 3166-1 alpha-2 codes. English names come from ICU's
// locale data; the lists' own spellings ("Korea, North", "Burma") are added
// here because no standard table carries them.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <mutex>
#include <unordered_map>

#include "core/strings.h"
#include "vigil/entity.h"

namespace vigil {
namespace {

std::string Key(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == '\'' || c == '.') {
      // "People's" == "Peoples"; "U.S." == "US"
    } else {
      space = true;
    }
  }
  return out;
}

struct Tables {
  std::unordered_map<std::string, std::string> by_name;
  std::unordered_map<std::string, std::string> name_of;
};

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables();
    icu::Locale en("en");
    for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) {
      std::string code = AsciiLower(*c);
      icu::Locale loc("", *c);
      icu::UnicodeString name;
      loc.getDisplayCountry(en, name);
      std::string utf8;
      name.toUTF8String(utf8);
      t->by_name[Key(utf8)] = code;
      t->by_name[code] = code;
      t->name_of[code] = utf8;
    }
    // Spellings used by OFAC, UN, UK, EU and trade.gov that ICU does not give.
    static const char* kAliases[][2] = {
        {"korea north", "kp"},
        {"north korea", "kp"},
        {"dprk", "kp"},
        {"democratic peoples republic of korea", "kp"},
        {"korea dprk", "kp"},
        {"korea democratic peoples republic of", "kp"},
        {"korea (north)", "kp"},
        {"korea south", "kr"},
        {"south korea", "kr"},
        {"republic of korea", "kr"},
        {"korea republic of", "kr"},
        {"burma", "mm"},
        {"myanmar burma", "mm"},
        {"russia", "ru"},
        {"russian federation", "ru"},
        {"iran", "ir"},
        {"iran islamic republic of", "ir"},
        {"islamic republic of iran", "ir"},
        {"syria", "sy"},
        {"syrian arab republic", "sy"},
        {"venezuela", "ve"},
        {"venezuela bolivarian republic of", "ve"},
        {"bolivia", "bo"},
        {"laos", "la"},
        {"lao peoples democratic republic", "la"},
        {"vietnam", "vn"},
        {"viet nam", "vn"},
        {"tanzania", "tz"},
        {"united republic of tanzania", "tz"},
        {"moldova", "md"},
        {"republic of moldova", "md"},
        {"the gambia", "gm"},
        {"gambia the", "gm"},
        {"bahamas the", "bs"},
        {"the bahamas", "bs"},
        {"congo democratic republic of the", "cd"},
        {"democratic republic of the congo", "cd"},
        {"congo kinshasa", "cd"},
        {"drc", "cd"},
        {"congo republic of the", "cg"},
        {"republic of the congo", "cg"},
        {"congo brazzaville", "cg"},
        {"congo", "cg"},
        {"cote divoire", "ci"},
        {"ivory coast", "ci"},
        {"united states", "us"},
        {"united states of america", "us"},
        {"usa", "us"},
        {"us", "us"},
        {"united kingdom", "gb"},
        {"uk", "gb"},
        {"great britain", "gb"},
        {"united kingdom of great britain and northern ireland", "gb"},
        {"uae", "ae"},
        {"united arab emirates", "ae"},
        {"turkey", "tr"},
        {"turkiye", "tr"},
        {"czech republic", "cz"},
        {"czechia", "cz"},
        {"macedonia", "mk"},
        {"north macedonia", "mk"},
        {"the former yugoslav republic of macedonia", "mk"},
        {"palestinian", "ps"},
        {"palestine", "ps"},
        {"west bank", "ps"},
        {"gaza", "ps"},
        {"state of palestine", "ps"},
        {"taiwan", "tw"},
        {"china", "cn"},
        {"peoples republic of china", "cn"},
        {"prc", "cn"},
        {"hong kong", "hk"},
        {"macau", "mo"},
        {"macao", "mo"},
        {"kosovo", "xk"},
        {"region kosovo", "xk"},
        {"crimea", "ua"},
        {"region crimea", "ua"},
        {"holy see", "va"},
        {"vatican", "va"},
        {"brunei", "bn"},
        {"cape verde", "cv"},
        {"cabo verde", "cv"},
        {"swaziland", "sz"},
        {"eswatini", "sz"},
        {"east timor", "tl"},
        {"timor leste", "tl"},
        {"micronesia federated states of", "fm"},
        {"saint kitts and nevis", "kn"},
        {"st kitts and nevis", "kn"},
        {"saint lucia", "lc"},
        {"st lucia", "lc"},
        {"saint vincent and the grenadines", "vc"},
        {"st vincent and the grenadines", "vc"},
        {"bosnia and herzegovina", "ba"},
        {"bosnia", "ba"},
        {"netherlands antilles", "an"},
        {"curacao", "cw"},
        {"sint maarten", "sx"},
        {"yemen", "ye"},
        {"libya", "ly"},
        {"sudan", "sd"},
        {"south sudan", "ss"},
        {"belarus", "by"},
        {"iraq", "iq"},
        {"afghanistan", "af"},
        {"lebanon", "lb"},
        {"cuba", "cu"},
        {"nicaragua", "ni"},
    };
    for (const auto& a : kAliases) t->by_name[Key(a[0])] = a[1];
    t->name_of["kp"] = "North Korea";
    t->name_of["kr"] = "South Korea";
    t->name_of["xk"] = "Kosovo";
    return t;
  }();
  return *tables;
}

}  // namespace

std::optional<std::string> CountryCode(std::string_view name_or_code) {
  std::string k = Key(name_or_code);
  if (k.empty()) return std::nullopt;
  const auto& t = GetTables();
  auto it = t.by_name.find(k);
  if (it != t.by_name.end()) return it->second;
  // "Pyongyang, North Korea" style: try the part after the last comma.
  size_t comma = name_or_code.rfind(',');
  if (comma != std::string_view::npos && comma + 1 < name_or_code.size()) {
    std::string tail = Key(name_or_code.substr(comma + 1));
    it = t.by_name.find(tail);
    if (it != t.by_name.end() && tail.size() > 2) return it->second;
  }
  return std::nullopt;
}

std::string CountryName(std::string_view code) {
  const auto& t = GetTables();
  auto it = t.name_of.find(AsciiLower(code));
  return it == t.name_of.end() ? std::string() : it->second;
}

}  // namespace vigil
