// Fuzzes the text pipeline on arbitrary bytes: FoldLatin, Romanize,
// Tokenize/CanonicalizeOrgTokens, SplitCjkOrgName and ConsonantSkeleton must
// never crash, and their outputs must keep their documented shape.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/normalize.h"
#include "text/org_terms.h"
#include "text/romanize.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

// Folded text: no leading, trailing or doubled spaces.
void CheckFolded(const std::string& s) {
  if (s.empty()) return;
  Check(s.front() != ' ' && s.back() != ' ');
  Check(s.find("  ") == std::string::npos);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vigil::text;
  std::string_view input(reinterpret_cast<const char*>(data), size);

  std::string folded = FoldLatin(input);
  CheckFolded(folded);
  Check(FoldLatin(folded) == folded);
  (void)DominantScript(input);

  std::vector<std::string> forms = Romanize(input);
  Check(forms.size() <= kMaxRomanizations);
  for (const std::string& form : forms) {
    CheckFolded(form);
    for (const std::string& token : Tokenize(form)) {
      Check(!token.empty());
      (void)ConsonantSkeleton(token);
    }
    (void)CanonicalizeOrgTokens(Tokenize(form));
  }
  for (const CanonicalToken& t : CanonicalizeOrgTokens(Tokenize(folded))) Check(!t.text.empty());
  for (const CanonicalToken& t : SplitCjkOrgName(input)) Check(!t.text.empty());
  return 0;
}
