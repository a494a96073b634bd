// Qualifiers: what besides the name moves a score — birth dates, countries,
// gender, exact identifiers. Each adds a Feature to the explanation.
#ifndef VIGIL_MATCH_QUALIFIERS_H_
#define VIGIL_MATCH_QUALIFIERS_H_

#include "vigil/matcher.h"

namespace vigil::match {

// The most any qualifier can add to a name score (identifiers aside).
inline constexpr double kMaxQualifierBonus = 0.05;

// Penalties and bonuses, documented in src/match/README.md.
inline constexpr double kDobExactBonus = 0.05;
inline constexpr double kDobCompatibleBonus = 0.02;
inline constexpr double kDobMismatchPenalty = -0.25;
inline constexpr double kCountryMatchBonus = 0.02;
inline constexpr double kCountryMismatchPenalty = -0.10;
inline constexpr double kGenderMismatchPenalty = -0.25;

// Result of comparing two partial dates.
enum class DateFit { kUnknown, kMismatch, kCompatible, kExact };
DateFit CompareDates(const PartialDate& a, const PartialDate& b);

// Adjusts result->score (which holds the name score on entry) and appends the
// features. An identifier feature already present sets the score to 1.
void ApplyQualifiers(const Query& query, const Entity& entity, MatchResult* result);

}  // namespace vigil::match

#endif  // VIGIL_MATCH_QUALIFIERS_H_
