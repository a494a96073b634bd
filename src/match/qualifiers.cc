#include "match/qualifiers.h"

#include <algorithm>
#include <cstdlib>

#include "core/strings.h"

namespace vigil::match {
namespace {

// The span of years a partial date may mean: circa widens it by two years.
std::pair<int, int> YearSpan(const PartialDate& d) {
  int lo = d.year, hi = d.year_to > d.year ? d.year_to : d.year;
  if (d.circa) {
    lo -= 2;
    hi += 2;
  }
  return {lo, hi};
}

}  // namespace

DateFit CompareDates(const PartialDate& a, const PartialDate& b) {
  if (a.year == 0 || b.year == 0) return DateFit::kUnknown;
  auto [alo, ahi] = YearSpan(a);
  auto [blo, bhi] = YearSpan(b);
  if (ahi < blo || bhi < alo) return DateFit::kMismatch;
  bool a_exact_year = !a.circa && a.year_to == 0, b_exact_year = !b.circa && b.year_to == 0;
  if (a_exact_year && b_exact_year && a.year == b.year && a.month && b.month) {
    if (a.day && b.day) {
      if (a.month == b.month && a.day == b.day) return DateFit::kExact;
      // Day and month swapped is a classic data-entry error, not a different person.
      if (a.month == b.day && a.day == b.month) return DateFit::kCompatible;
      return DateFit::kMismatch;
    }
    return a.month == b.month ? DateFit::kCompatible : DateFit::kMismatch;
  }
  return DateFit::kCompatible;
}

void ApplyQualifiers(const Query& query, const Entity& entity, MatchResult* result) {
  auto& features = result->explanation.features;
  bool identifier_hit = std::any_of(features.begin(), features.end(), [](const Feature& f) {
    return StartsWith(f.name, "identifier:");
  });
  double score = result->score;
  // Birth dates.
  const auto& dobs = entity.Get(prop::kBirthDate);
  if (!query.birth_dates.empty() && !dobs.empty()) {
    DateFit best = DateFit::kUnknown;
    std::string detail;
    for (const auto& q : query.birth_dates) {
      auto qd = PartialDate::Parse(q);
      if (!qd) continue;
      for (const auto& e : dobs) {
        auto ed = PartialDate::Parse(e);
        if (!ed) continue;
        DateFit fit = CompareDates(*qd, *ed);
        if (static_cast<int>(fit) > static_cast<int>(best)) {
          best = fit;
          detail = q + " vs " + e;
        }
      }
    }
    double d = best == DateFit::kExact        ? kDobExactBonus
               : best == DateFit::kCompatible ? kDobCompatibleBonus
               : best == DateFit::kMismatch   ? kDobMismatchPenalty
                                              : 0;
    if (best != DateFit::kUnknown) {
      features.push_back({"birthDate", d, detail});
      score += d;
    }
  }
  // Countries: nationality, citizenship, country, jurisdiction.
  if (!query.countries.empty()) {
    std::vector<std::string> listed;
    for (auto p : {prop::kNationality, prop::kCitizenship, prop::kCountry, prop::kJurisdiction})
      for (const auto& v : entity.Get(p)) listed.push_back(AsciiLower(v));
    if (!listed.empty()) {
      std::string hit;
      for (const auto& q : query.countries)
        if (std::find(listed.begin(), listed.end(), AsciiLower(q)) != listed.end()) hit = q;
      double d = hit.empty() ? kCountryMismatchPenalty : kCountryMatchBonus;
      features.push_back({"country", d, hit.empty() ? Join(listed, ",") : hit});
      score += d;
    }
  }
  // Gender.
  std::string qg = AsciiLower(query.gender);
  std::string eg = AsciiLower(entity.First(prop::kGender));
  if ((qg == "male" || qg == "female") && (eg == "male" || eg == "female") && qg != eg) {
    features.push_back({"gender", kGenderMismatchPenalty, qg + " vs " + eg});
    score += kGenderMismatchPenalty;
  }
  if (identifier_hit) {
    for (auto& f : features)
      if (StartsWith(f.name, "identifier:")) f.delta = 1.0 - result->score;
    score = 1.0;
  }
  result->score = std::clamp(score, 0.0, 1.0);
}

}  // namespace vigil::match
