// Small geographic tables the workforce checks need: a country's centroid (for
// impossible travel), its usual UTC offset (when a worker names a country but
// no time zone) and its telephone calling code. Approximate on purpose: the
// checks compare countries continents apart and hours far apart.
#ifndef VIGIL_WORKFORCE_GEO_H_
#define VIGIL_WORKFORCE_GEO_H_

#include <cstdint>
#include <string_view>

namespace vigil::workforce {

struct CountryGeo {
  std::string_view code;  // ISO alpha-2, lower case
  double lat;
  double lon;
  int32_t offset_minutes;    // the zone most of the population lives in
  std::string_view calling;  // "1", "44", "86" …
};

// nullptr when the country is not in the table.
const CountryGeo* FindCountryGeo(std::string_view code);
const CountryGeo* FindCountryGeo(uint16_t packed);
// Great-circle distance in km.
double DistanceKm(const CountryGeo& a, const CountryGeo& b);
// The country of an international phone number ("+1 415 …" -> "us" is
// ambiguous with Canada: returns the calling code's first country). Empty
// when the number has no "+" or "00" prefix or the code is unknown.
std::string_view CountryOfPhone(std::string_view phone);
// Offset of an IANA zone name in the table, false when unknown.
bool IanaOffset(std::string_view zone, int32_t* minutes);

}  // namespace vigil::workforce

#endif  // VIGIL_WORKFORCE_GEO_H_
