// Internal helpers of the OFAC parsers (legacy CSV and sdnList XML share the
// remarks language and its date wording).
#ifndef VIGIL_LISTS_OFAC_REMARKS_H_
#define VIGIL_LISTS_OFAC_REMARKS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

// FtM properties the OFAC remarks fill that have no prop:: constant (yet).
namespace ofac_prop {
inline constexpr std::string_view kIncorporationDate = "incorporationDate";
inline constexpr std::string_view kSector = "sector";
inline constexpr std::string_view kModel = "model";
inline constexpr std::string_view kSerialNumber = "serialNumber";
inline constexpr std::string_view kPastFlags = "pastFlags";
}  // namespace ofac_prop

// Identifier kind of a digital currency address (Identifier::detail holds the
// currency code, e.g. "XBT").
inline constexpr std::string_view kOfacCryptoWalletKind = "cryptoWallet";

// CountryCode() that also reads OFAC's inverted names ("Virgin Islands,
// British", "North Macedonia, The Republic of", "Region: Gaza") and "and" for
// ICU's "&" ("Trinidad and Tobago"). Bare two-letter codes are not accepted:
// in OFAC text "(a)" or "(vi)" is an enumeration, never a country.
std::optional<std::string> OfacCountryCode(std::string_view text);

// OFAC date wording to a PartialDate string: "25 Mar 1977" -> "1977-03-25",
// "Mar 1977" -> "1977-03", "circa 1947" -> "~1947", "1960 to 1962" ->
// "1960/1962", "circa 1979-1982" -> "~1979/1982". Empty when not a date.
std::string OfacDateToIso(std::string_view text);

// Splits remarks into clauses on ';' and glues back an alias whose quotes were
// split by a ';' inside the name.
std::vector<std::string> SplitOfacRemarks(std::string_view remarks);

}  // namespace vigil

#endif  // VIGIL_LISTS_OFAC_REMARKS_H_
