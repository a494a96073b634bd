// A deterministic generator of synthetic sanctions-like catalogs, for
// measuring the matcher at sizes the real lists do not reach (1M aliases).
// Names are built from syllable and word pools of several naming traditions
// (Korean, Chinese, Arabic, Russian, Western, company words) so that token
// frequencies resemble a real list: some tokens very common, most rare.
#ifndef VIGIL_BENCH_SYNTHETIC_CATALOG_H_
#define VIGIL_BENCH_SYNTHETIC_CATALOG_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "vigil/catalog.h"

namespace vigil::bench {

class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }

 private:
  uint64_t state_;
};

inline std::string Pick(SplitMix64& rng, const std::vector<std::string>& pool) {
  // Squaring a uniform draw skews towards the front: common names are common.
  double u = static_cast<double>(rng.Next() >> 11) / static_cast<double>(1ull << 53);
  return pool[static_cast<size_t>(u * u * static_cast<double>(pool.size()))];
}

inline std::string Syllables(SplitMix64& rng, const std::vector<std::string>& pool, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += pool[rng.Below(pool.size())];
  return out;
}

inline std::string Capitalize(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// One synthetic name of a random tradition.
inline std::string SyntheticName(SplitMix64& rng, bool* is_person) {
  static const std::vector<std::string> kKoreanSurnames = {
      "Kim", "Ri", "Pak", "Choe", "Jong", "Kang", "Han", "Ryu", "Jang", "O", "So", "Hwang"};
  static const std::vector<std::string> kKoreanSyl = {
      "yong",  "chol", "song", "il",  "hyok", "nam", "jin", "su",  "hak",  "myong",
      "gwang", "chun", "ho",   "sok", "un",   "dok", "ung", "sik", "hyon", "mun"};
  static const std::vector<std::string> kChineseSurnames = {
      "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun"};
  static const std::vector<std::string> kChineseSyl = {
      "wei",  "ming", "hua", "jun",  "li",  "qiang", "xiao", "hong",
      "jian", "ping", "yan", "fang", "lei", "tao",   "bin",  "hai"};
  static const std::vector<std::string> kArabicGiven = {
      "Mohammed", "Ahmed", "Ali",     "Hassan", "Hussein", "Omar",   "Khalid", "Abdullah",
      "Ibrahim",  "Yusuf", "Mahmoud", "Tariq",  "Samir",   "Nasser", "Faisal", "Walid"};
  static const std::vector<std::string> kArabicSyl = {"al", "ra", "ha", "ma", "di", "ka",
                                                      "zi", "ba", "su", "mi", "na", "fa",
                                                      "ja", "qa", "ri", "ta"};
  static const std::vector<std::string> kRussianGiven = {"Ivan",     "Sergei",  "Alexei", "Dmitry",
                                                         "Vladimir", "Mikhail", "Andrei", "Nikolai",
                                                         "Yuri",     "Oleg",    "Pavel",  "Igor"};
  static const std::vector<std::string> kRussianSyl = {"pe", "tro", "vo",  "ko",  "ze", "lo",
                                                       "ni", "ra",  "mi",  "sha", "go", "du",
                                                       "ba", "kov", "lev", "rin"};
  static const std::vector<std::string> kWesternGiven = {"John",    "Maria", "David",  "Anna",
                                                         "Michael", "Laura", "Peter",  "Sarah",
                                                         "James",   "Elena", "Thomas", "Julia"};
  static const std::vector<std::string> kWesternSyl = {
      "son", "ber",  "man", "ley", "ton", "well", "ford", "field",
      "er",  "wood", "sch", "mid", "tin", "ell",  "ham",  "ard"};
  static const std::vector<std::string> kOrgWords = {
      "Trading",   "Industrial",    "Development", "Technology", "International", "Shipping",
      "General",   "Import Export", "Investment",  "Holding",    "Group",         "Network",
      "Logistics", "Energy",        "Mining",      "Bank"};
  static const std::vector<std::string> kLegal = {"Co Ltd", "LLC",  "Company", "Corporation",
                                                  "JSC",    "GmbH", "Limited", "Inc",
                                                  "OOO",    "SA",   "FZE",     "Pte Ltd"};
  static const std::vector<std::string> kOrgSyl = {"ko",  "ryo", "sung", "dan", "tai", "pan",
                                                   "mar", "nor", "vel",  "zen", "tri", "star",
                                                   "lux", "ori", "bel",  "gan"};
  size_t kind = rng.Below(7);
  *is_person = kind < 5;
  switch (kind) {
    case 0:
      return Pick(rng, kKoreanSurnames) + " " + Capitalize(Pick(rng, kKoreanSyl)) + " " +
             Capitalize(Pick(rng, kKoreanSyl));
    case 1:
      return Pick(rng, kChineseSurnames) + " " + Capitalize(Syllables(rng, kChineseSyl, 2));
    case 2:
      return Pick(rng, kArabicGiven) + " " + Pick(rng, kArabicGiven) + " Al-" +
             Capitalize(Syllables(rng, kArabicSyl, 3));
    case 3:
      return Pick(rng, kRussianGiven) + " " + Capitalize(Syllables(rng, kRussianSyl, 3));
    case 4:
      return Pick(rng, kWesternGiven) + " " + Capitalize(Syllables(rng, kWesternSyl, 2));
    default: {
      std::string name = Capitalize(Syllables(rng, kOrgSyl, 2 + static_cast<int>(rng.Below(2))));
      int words = 1 + static_cast<int>(rng.Below(2));
      for (int i = 0; i < words; ++i) name += " " + Pick(rng, kOrgWords);
      return name + " " + Pick(rng, kLegal);
    }
  }
}

// `aliases` names spread over entities of 1–4 names each.
inline std::shared_ptr<const Catalog> SyntheticCatalog(size_t aliases, uint64_t seed) {
  SplitMix64 rng(seed);
  std::vector<Entity> entities;
  size_t made = 0;
  while (made < aliases) {
    bool person = true;
    std::string name = SyntheticName(rng, &person);
    Entity e("syn:" + std::to_string(entities.size()),
             person ? schema::kPerson : schema::kOrganization);
    e.Add(prop::kName, name);
    ++made;
    size_t extra = rng.Below(4);
    for (size_t k = 0; k < extra && made < aliases; ++k, ++made) {
      bool p2;
      std::string alias = SyntheticName(rng, &p2);
      e.Add(prop::kAlias, alias);
    }
    entities.push_back(std::move(e));
  }
  return Catalog::Create({}, std::move(entities), "2026-01-01T00:00:00Z");
}

}  // namespace vigil::bench

#endif  // VIGIL_BENCH_SYNTHETIC_CATALOG_H_
