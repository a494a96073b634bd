#include "workforce/geo.h"

#include <algorithm>
#include <cmath>

#include "vigil/workforce.h"

namespace vigil::workforce {
namespace {

// Centroids are rounded country centroids; offsets the standard time of the
// most populous zone.
constexpr CountryGeo kCountries[] = {
    {"ae", 23.4, 53.8, 240, "971"},   {"am", 40.1, 45.0, 240, "374"},
    {"ar", -38.4, -63.6, -180, "54"}, {"at", 47.5, 14.6, 60, "43"},
    {"au", -25.3, 133.8, 600, "61"},  {"az", 40.1, 47.6, 240, "994"},
    {"bd", 23.7, 90.4, 360, "880"},   {"be", 50.5, 4.5, 60, "32"},
    {"bg", 42.7, 25.5, 120, "359"},   {"br", -14.2, -51.9, -180, "55"},
    {"by", 53.7, 27.9, 180, "375"},   {"ca", 56.1, -106.3, -300, "1"},
    {"ch", 46.8, 8.2, 60, "41"},      {"cl", -35.7, -71.5, -240, "56"},
    {"cn", 35.9, 104.2, 480, "86"},   {"co", 4.6, -74.3, -300, "57"},
    {"cz", 49.8, 15.5, 60, "420"},    {"de", 51.2, 10.5, 60, "49"},
    {"dk", 56.3, 9.5, 60, "45"},      {"ee", 58.6, 25.0, 120, "372"},
    {"eg", 26.8, 30.8, 120, "20"},    {"es", 40.5, -3.7, 60, "34"},
    {"fi", 61.9, 25.7, 120, "358"},   {"fr", 46.2, 2.2, 60, "33"},
    {"gb", 55.4, -3.4, 0, "44"},      {"ge", 42.3, 43.4, 240, "995"},
    {"gr", 39.1, 21.8, 120, "30"},    {"hk", 22.3, 114.2, 480, "852"},
    {"hr", 45.1, 15.2, 60, "385"},    {"hu", 47.2, 19.5, 60, "36"},
    {"id", -0.8, 113.9, 420, "62"},   {"ie", 53.4, -8.2, 0, "353"},
    {"il", 31.0, 34.9, 120, "972"},   {"in", 20.6, 78.9, 330, "91"},
    {"it", 41.9, 12.6, 60, "39"},     {"jp", 36.2, 138.3, 540, "81"},
    {"ke", -0.0, 37.9, 180, "254"},   {"kh", 12.6, 105.0, 420, "855"},
    {"kp", 40.3, 127.5, 540, "850"},  {"kr", 35.9, 127.8, 540, "82"},
    {"kz", 48.0, 66.9, 300, "7"},     {"la", 19.9, 102.5, 420, "856"},
    {"lk", 7.9, 80.8, 330, "94"},     {"lt", 55.2, 23.9, 120, "370"},
    {"lv", 56.9, 24.6, 120, "371"},   {"ma", 31.8, -7.1, 60, "212"},
    {"mm", 21.9, 95.9, 390, "95"},    {"mn", 46.9, 103.8, 480, "976"},
    {"mx", 23.6, -102.5, -360, "52"}, {"my", 4.2, 102.0, 480, "60"},
    {"ng", 9.1, 8.7, 60, "234"},      {"nl", 52.1, 5.3, 60, "31"},
    {"no", 60.5, 8.5, 60, "47"},      {"np", 28.4, 84.1, 345, "977"},
    {"nz", -40.9, 174.9, 720, "64"},  {"pe", -9.2, -75.0, -300, "51"},
    {"ph", 12.9, 121.8, 480, "63"},   {"pk", 30.4, 69.3, 300, "92"},
    {"pl", 51.9, 19.1, 60, "48"},     {"pt", 39.4, -8.2, 0, "351"},
    {"ro", 45.9, 25.0, 120, "40"},    {"rs", 44.0, 21.0, 60, "381"},
    {"ru", 55.8, 37.6, 180, "7"},     {"sa", 23.9, 45.1, 180, "966"},
    {"se", 60.1, 18.6, 60, "46"},     {"sg", 1.35, 103.8, 480, "65"},
    {"si", 46.2, 15.0, 60, "386"},    {"sk", 48.7, 19.7, 60, "421"},
    {"th", 15.9, 101.0, 420, "66"},   {"tr", 38.9, 35.2, 180, "90"},
    {"tw", 23.7, 121.0, 480, "886"},  {"ua", 48.4, 31.2, 120, "380"},
    {"us", 39.8, -98.6, -300, "1"},   {"uz", 41.4, 64.6, 300, "998"},
    {"ve", 6.4, -66.6, -240, "58"},   {"vn", 14.1, 108.3, 420, "84"},
    {"za", -30.6, 22.9, 120, "27"},
};

struct Zone {
  std::string_view name;
  int32_t offset;
};

constexpr Zone kZones[] = {
    {"africa/cairo", 120},
    {"africa/casablanca", 60},
    {"africa/johannesburg", 120},
    {"africa/lagos", 60},
    {"africa/nairobi", 180},
    {"america/anchorage", -540},
    {"america/argentina/buenos_aires", -180},
    {"america/bogota", -300},
    {"america/buenos_aires", -180},
    {"america/caracas", -240},
    {"america/chicago", -360},
    {"america/denver", -420},
    {"america/detroit", -300},
    {"america/edmonton", -420},
    {"america/halifax", -240},
    {"america/lima", -300},
    {"america/los_angeles", -480},
    {"america/mexico_city", -360},
    {"america/montreal", -300},
    {"america/new_york", -300},
    {"america/phoenix", -420},
    {"america/santiago", -240},
    {"america/sao_paulo", -180},
    {"america/toronto", -300},
    {"america/vancouver", -480},
    {"america/winnipeg", -360},
    {"asia/almaty", 300},
    {"asia/baku", 240},
    {"asia/bangkok", 420},
    {"asia/calcutta", 330},
    {"asia/colombo", 330},
    {"asia/dhaka", 360},
    {"asia/dubai", 240},
    {"asia/harbin", 480},
    {"asia/ho_chi_minh", 420},
    {"asia/hong_kong", 480},
    {"asia/irkutsk", 480},
    {"asia/jakarta", 420},
    {"asia/jerusalem", 120},
    {"asia/karachi", 300},
    {"asia/kathmandu", 345},
    {"asia/kolkata", 330},
    {"asia/kuala_lumpur", 480},
    {"asia/manila", 480},
    {"asia/novosibirsk", 420},
    {"asia/phnom_penh", 420},
    {"asia/pyongyang", 540},
    {"asia/riyadh", 180},
    {"asia/saigon", 420},
    {"asia/seoul", 540},
    {"asia/shanghai", 480},
    {"asia/singapore", 480},
    {"asia/taipei", 480},
    {"asia/tashkent", 300},
    {"asia/tbilisi", 240},
    {"asia/tel_aviv", 120},
    {"asia/tokyo", 540},
    {"asia/ulaanbaatar", 480},
    {"asia/vientiane", 420},
    {"asia/vladivostok", 600},
    {"asia/yangon", 390},
    {"asia/yekaterinburg", 300},
    {"asia/yerevan", 240},
    {"australia/adelaide", 570},
    {"australia/brisbane", 600},
    {"australia/melbourne", 600},
    {"australia/perth", 480},
    {"australia/sydney", 600},
    {"etc/utc", 0},
    {"europe/amsterdam", 60},
    {"europe/athens", 120},
    {"europe/belgrade", 60},
    {"europe/berlin", 60},
    {"europe/brussels", 60},
    {"europe/bucharest", 120},
    {"europe/budapest", 60},
    {"europe/copenhagen", 60},
    {"europe/dublin", 0},
    {"europe/helsinki", 120},
    {"europe/istanbul", 180},
    {"europe/kiev", 120},
    {"europe/kyiv", 120},
    {"europe/lisbon", 0},
    {"europe/london", 0},
    {"europe/madrid", 60},
    {"europe/minsk", 180},
    {"europe/moscow", 180},
    {"europe/oslo", 60},
    {"europe/paris", 60},
    {"europe/prague", 60},
    {"europe/riga", 120},
    {"europe/rome", 60},
    {"europe/sofia", 120},
    {"europe/stockholm", 60},
    {"europe/tallinn", 120},
    {"europe/vienna", 60},
    {"europe/vilnius", 120},
    {"europe/warsaw", 60},
    {"europe/zagreb", 60},
    {"europe/zurich", 60},
    {"pacific/auckland", 720},
    {"pacific/honolulu", -600},
    {"utc", 0},
};

}  // namespace

const CountryGeo* FindCountryGeo(std::string_view code) {
  if (code.size() != 2) return nullptr;
  char c[2] = {static_cast<char>(code[0] | 0x20), static_cast<char>(code[1] | 0x20)};
  std::string_view key(c, 2);
  auto it = std::lower_bound(std::begin(kCountries), std::end(kCountries), key,
                             [](const CountryGeo& g, std::string_view k) { return g.code < k; });
  if (it == std::end(kCountries) || it->code != key) return nullptr;
  return &*it;
}

const CountryGeo* FindCountryGeo(uint16_t packed) {
  if (packed == 0) return nullptr;
  char c[2] = {static_cast<char>(packed >> 8), static_cast<char>(packed & 0xFF)};
  return FindCountryGeo(std::string_view(c, 2));
}

double DistanceKm(const CountryGeo& a, const CountryGeo& b) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlat = (b.lat - a.lat) * kRad;
  double dlon = (b.lon - a.lon) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(a.lat * kRad) *
                                                           std::cos(b.lat * kRad) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

std::string_view CountryOfPhone(std::string_view phone) {
  size_t i = 0;
  while (i < phone.size() && (phone[i] == ' ' || phone[i] == '(')) ++i;
  if (i < phone.size() && phone[i] == '+') {
    ++i;
  } else if (i + 1 < phone.size() && phone[i] == '0' && phone[i + 1] == '0') {
    i += 2;
  } else {
    return {};
  }
  std::string digits;
  for (; i < phone.size() && digits.size() < 3; ++i) {
    if (phone[i] >= '0' && phone[i] <= '9') digits.push_back(phone[i]);
  }
  // Calling codes are prefix-free, so the first length that matches is it;
  // "7" is Russia and Kazakhstan both: the table order gives Russia.
  for (size_t len = 1; len <= digits.size(); ++len) {
    std::string_view prefix(digits.data(), len);
    const CountryGeo* first = nullptr;
    for (const auto& c : kCountries) {
      if (c.calling == prefix &&
          (!first || (prefix == "7" && c.code == "ru") || (prefix == "1" && c.code == "us")))
        first = &c;
    }
    if (first) return first->code;
  }
  return {};
}

bool IanaOffset(std::string_view zone, int32_t* minutes) {
  std::string key;
  key.reserve(zone.size());
  for (char c : zone) key.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  auto it = std::lower_bound(std::begin(kZones), std::end(kZones), key,
                             [](const Zone& z, const std::string& k) { return z.name < k; });
  if (it == std::end(kZones) || it->name != key) return false;
  *minutes = it->offset;
  return true;
}

}  // namespace vigil::workforce
