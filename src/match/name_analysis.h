// Turns a raw name in any script into the Latin token forms the scorer
// compares: romanized (several renderings where one is not enough), folded,
// tokenized, with legal forms and generic organisation words recognised, and
// secondary keys that make romanization variants collide.
#ifndef VIGIL_MATCH_NAME_ANALYSIS_H_
#define VIGIL_MATCH_NAME_ANALYSIS_H_

#include <string>
#include <string_view>
#include <vector>

#include "text/normalize.h"
#include "text/org_terms.h"

namespace vigil::match {

enum class NameKind : uint8_t { kPerson, kOrganization, kAny };

struct AnalyzedToken {
  std::string text;  // folded Latin, or a canonical symbol ("#ltd", "~trading")
  text::TermClass cls = text::TermClass::kName;
};

struct AnalyzedForm {
  std::vector<AnalyzedToken> tokens;
  // The script of the name this form came from, and whether the form keeps
  // that script (a "native" form) instead of romanizing it. Two names in the
  // same non-Latin script are compared natively only: 김종은 and 김정은 share a
  // romanization but are different names.
  text::Script script = text::Script::kLatin;
  bool native = false;
  std::string Text() const;  // tokens joined by spaces
};

// At most kMaxForms forms, the most standard first, without duplicates.
// `query_side` adds the query-only variants (adjacent tokens glued).
std::vector<AnalyzedForm> AnalyzeName(std::string_view raw, NameKind kind, bool query_side);

// Secondary keys of one token; empty when not applicable.
struct TokenKeys {
  std::string korean;    // KoreanSyllableKey
  std::string surname;   // KoreanSurnameKey
  std::string skeleton;  // ConsonantSkeleton, for tokens of 5+ letters
};
TokenKeys KeysOf(std::string_view token);

inline constexpr size_t kMaxForms = 16;

// Russian, Ukrainian and Turkic patronymics ("viktorovich", "ogly").
bool IsPatronymic(std::string_view token);

// True when forms of these two kinds may be compared (see AnalyzedForm).
inline bool FormsComparable(text::Script qs, bool qn, text::Script rs, bool rn) {
  bool same_foreign = qs == rs && qs != text::Script::kLatin && qs != text::Script::kUnknown;
  if (same_foreign) return qn && rn;
  return !qn && !rn;
}

}  // namespace vigil::match

#endif  // VIGIL_MATCH_NAME_ANALYSIS_H_
