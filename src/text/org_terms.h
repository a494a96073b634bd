// Organisation terms: legal forms (LLC, ООО, 有限公司) and generic words
// (trading, maoyi, 무역) mapped to shared symbols, so the matcher can
// down-weight them instead of letting "CO LTD" decide a match.
//
// Symbols: legal forms start with '#' ("#ltd", "#llc", "#jsc", "#gmbh" …),
// generic concepts with '~' ("~trading", "~industrial" …). Variants of one
// form share a symbol across languages and scripts: co ltd = company limited =
// youxian gongsi = 有限公司 = "#ltd"; llc = ooo = "#llc". East Asian stock
// companies (株式会社 kabushiki kaisha, 주식회사 jusik hoesa, 股份有限公司 gufen
// youxian gongsi) are "#ltd" because their English names say "Co., Ltd.".
#ifndef VIGIL_TEXT_ORG_TERMS_H_
#define VIGIL_TEXT_ORG_TERMS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::text {

enum class TermClass : uint8_t { kName, kLegalForm, kGeneric, kStopword, kNumber, kInitial };

std::string_view TermClassName(TermClass c);

struct CanonicalToken {
  std::string text;  // the symbol for kLegalForm/kGeneric, else the token
  TermClass cls;

  bool operator==(const CanonicalToken& o) const { return text == o.text && cls == o.cls; }
};

// Input: folded Latin tokens (FoldLatin + Tokenize). Phrases of several tokens
// are matched longest-first ("limited liability company" before "company").
// Legal forms → kLegalForm symbol, generic words → kGeneric symbol (a phrase
// may give two: "zonggongsi" → ~general #corp), stopwords (of, the, and, de …)
// → kStopword, pure digits → kNumber, single letters → kInitial, the rest
// kName. Name particles such as "al", "el", "bin", "van" stay kName.
std::vector<CanonicalToken> CanonicalizeOrgTokens(const std::vector<std::string>& tokens);

// Han- or Hangul-script organisation names: splits off the generic words and
// legal forms written in Han (有限公司, 贸易, 实业 …; simplified and
// traditional) and Hangul (주식회사, (주), 무역, 은행 …) before romanisation.
// Returns the generic parts as canonical symbols and the rest as kName tokens
// of the original Han/Hangul text, for the caller to romanise:
// 丹东鸿祥实业发展有限公司 → ["丹东鸿祥", "~industrial", "~development", "#ltd"].
// Latin, digits and other scripts in the input are folded and canonicalised
// with CanonicalizeOrgTokens; spaces and punctuation separate tokens.
std::vector<CanonicalToken> SplitCjkOrgName(std::string_view utf8);

// Every single Latin word of the legal-form and generic-word tables ("company",
// "limited", "trading", "obshchestvo" …), sorted. Used to repair misspelt or
// merged organisation words in queries.
const std::vector<std::string>& OrgVocabulary();

}  // namespace vigil::text

#endif  // VIGIL_TEXT_ORG_TERMS_H_
