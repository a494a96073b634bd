// Normalization and similarity of the identifiers the workforce checks
// compare: names, e-mails, phones, accounts, addresses, URLs.
#ifndef VIGIL_WORKFORCE_TEXT_UTIL_H_
#define VIGIL_WORKFORCE_TEXT_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

namespace vigil::workforce {

// Values exports use for "nothing" ("n/a", "none", "-", "unknown" …).
bool IsPlaceholder(std::string_view value);

// Folded (ASCII where Latin), punctuation removed, tokens sorted: "SMITH,
// John" and "John Smith" give the same key.
std::string NameKey(std::string_view name);
std::vector<std::string> NameTokens(std::string_view name);
// Levenshtein distance over bytes; stops early and returns `limit` + 1 when
// the distance exceeds `limit`.
size_t EditDistance(std::string_view a, std::string_view b, size_t limit);
// Distance divided by the longer length, in [0, 1].
double NormalizedEditDistance(std::string_view a, std::string_view b);
// NormalizedEditDistance(a, b) <= ratio, stopping as soon as it cannot be.
bool WithinEditRatio(std::string_view a, std::string_view b, double ratio);
// True when the account holder's name is (a spelling of) the worker's name:
// tokens align allowing small typos, initials and any order.
bool SamePersonName(std::string_view a, std::string_view b);
// True when two names share a family-name-like token (3+ letters) without
// being the same person: spouses, parents, siblings.
bool SharesNameToken(std::string_view a, std::string_view b);
// Account holders that are companies: legal forms (Ltd, LLC, GmbH, OOO …) and
// words such as "payroll", "staffing", "technology".
bool LooksLikeOrganization(std::string_view name);

// Lower case, trimmed; "+tag" removed; dots of Gmail local parts removed.
std::string NormEmail(std::string_view email);
std::string_view EmailLocal(std::string_view normalized_email);
std::string_view EmailDomain(std::string_view normalized_email);
bool IsFreeMailDomain(std::string_view domain);
// The last 10 digits (all when fewer; empty when fewer than 6).
std::string NormPhone(std::string_view phone);
// Upper-case letters and digits only (IBANs and account numbers are written
// with and without spaces).
std::string NormAccount(std::string_view account);
// Wallet addresses: hex ("0x…") addresses are case-insensitive, others are not.
std::string NormWallet(std::string_view wallet);
// Folded tokens with street words abbreviated ("Street" -> "st").
std::string NormAddress(std::string_view address);
// Same place: equal normalized forms, or 80% of tokens shared with every
// number (house, flat, postcode) agreeing.
bool SameAddress(std::string_view norm_a, std::string_view norm_b);
// The same on sorted token lists of normalized addresses.
bool SameAddressTokens(const std::vector<std::string>& sorted_a,
                       const std::vector<std::string>& sorted_b);
// "https://www.Example.com/path" -> "example.com"; empty when not a URL/host.
std::string UrlHost(std::string_view url);
// "github.com/user" style key: host + first path segment, lower case.
std::string UrlKey(std::string_view url);
// Country code of an IBAN ("DE89…" -> "de") or a SWIFT/BIC ("BKCHCNBJ" ->
// "cn"); empty when the text is neither.
std::string CountryOfIban(std::string_view account);
std::string CountryOfBic(std::string_view bic);

}  // namespace vigil::workforce

#endif  // VIGIL_WORKFORCE_TEXT_UTIL_H_
