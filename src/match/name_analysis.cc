#include "match/name_analysis.h"

#include <algorithm>

#include "text/chinese.h"
#include "text/korean.h"
#include "text/normalize.h"
#include "text/romanize.h"
#include "vigil/entity.h"

namespace vigil::match {
namespace {

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A name with a Korean surname token is treated as Korean: its merged given
// names are split into syllables, on both sides, so "Jongun", "Jong-un" and
// "Jong Un" become the same tokens.
bool LooksKorean(const std::vector<std::string>& tokens) {
  if (tokens.size() < 2 || tokens.size() > 5) return false;
  // Letters and vowel pairs no Korean romanization writes, but pinyin does:
  // Wu Weihua and Wang Xiaoming are Chinese even with a surname Korea shares.
  for (const auto& t : tokens) {
    if (t.find_first_of("xqzfv") != std::string::npos) return false;
    for (std::string_view pair : {"ua", "uo", "ao", "ou", "ei", "iu", "ia"})
      if (t.find(pair) != std::string::npos) return false;
  }
  return !text::KoreanSurnameKey(tokens.front()).empty() ||
         !text::KoreanSurnameKey(tokens.back()).empty();
}

std::vector<std::string> SplitKoreanSyllables(const std::vector<std::string>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) {
    std::vector<std::string> parts;
    if (t.size() >= 4 && text::KoreanSurnameKey(t).empty()) parts = text::SegmentKoreanSyllables(t);
    bool all_long =
        std::all_of(parts.begin(), parts.end(), [](const std::string& p) { return p.size() >= 2; });
    if (parts.size() >= 2 && parts.size() <= 3 && all_long) {
      out.insert(out.end(), parts.begin(), parts.end());
    } else {
      out.push_back(t);
    }
  }
  return out;
}

// Titles and honorifics say nothing about who a person is.
bool IsPersonTitle(std::string_view t) {
  static const std::string_view kTitles[] = {
      "mr",      "mrs",      "ms",        "miss",    "dr",       "prof",       "professor",
      "sir",     "dame",     "lord",      "lady",    "sheikh",   "shaikh",     "shaykh",
      "sheik",   "haji",     "hajji",     "mullah",  "mulla",    "maulana",    "maulvi",
      "mawlawi", "imam",     "president", "general", "gen",      "colonel",    "col",
      "major",   "captain",  "capt",      "admiral", "minister", "ambassador", "judge",
      "senator", "monsieur", "madame",    "mme",     "herr",     "frau",       "don",
      "dona",    "senor",    "senora",    "prince",  "princess", "king",       "emir",
      "amir",    "sayyid",   "sayed",     "syed"};
  for (auto k : kTitles)
    if (t == k) return true;
  return false;
}

}  // namespace

bool IsPatronymic(std::string_view t) {
  if (t.size() < 7) return false;
  for (std::string_view suffix :
       {"ovich", "evich", "ovna", "evna", "ichna", "ogly", "oglu", "kyzy", "ovych", "ivna"})
    if (t.size() > suffix.size() + 2 && t.substr(t.size() - suffix.size()) == suffix) return true;
  return false;
}

namespace {

// Countries and nationality words ("Korea", "Chinese", "Emirates").
bool IsLocationWord(std::string_view t) {
  static const std::string_view kWords[] = {
      "korea",      "korean",   "chinese",   "russian",    "iranian",  "syrian",     "arab",
      "arabian",    "emirates", "american",  "british",    "german",   "french",     "japanese",
      "turkish",    "iraqi",    "libyan",    "lebanese",   "cuban",    "venezuelan", "belarusian",
      "ukrainian",  "afghan",   "pakistani", "indian",     "european", "asian",      "african",
      "asia",       "africa",   "europe",    "democratic", "peoples",  "republic",   "islamic",
      "federation", "national", "state",     "foreign"};
  for (auto w : kWords)
    if (t == w) return true;
  return t.size() >= 4 && CountryCode(t).has_value();
}

AnalyzedForm Classify(const std::vector<std::string>& tokens, NameKind kind) {
  AnalyzedForm form;
  if (kind == NameKind::kPerson) {
    for (const auto& t : tokens) {
      text::TermClass cls = text::TermClass::kName;
      if (IsDigits(t))
        cls = text::TermClass::kNumber;
      else if (t.size() == 1)
        cls = text::TermClass::kInitial;
      else if (IsPersonTitle(t) && tokens.size() > 1)
        cls = text::TermClass::kStopword;
      if (cls == text::TermClass::kStopword) continue;  // dropped, not just down-weighted
      form.tokens.push_back({t, cls});
    }
    return form;
  }
  for (auto& c : text::CanonicalizeOrgTokens(tokens)) {
    // Country words in organisation names ("Korea", "China") locate, they do
    // not identify: they weigh like generic words, yet still compare by spelling.
    if (c.cls == text::TermClass::kName && IsLocationWord(c.text))
      c.cls = text::TermClass::kGeneric;
    form.tokens.push_back({std::move(c.text), c.cls});
  }
  return form;
}

void AddForm(AnalyzedForm form, std::vector<AnalyzedForm>* out) {
  if (form.tokens.empty() || out->size() >= kMaxForms) return;
  std::string text = form.Text();
  for (const auto& f : *out)
    if (f.native == form.native && f.Text() == text) return;
  out->push_back(std::move(form));
}

}  // namespace

std::string AnalyzedForm::Text() const {
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.text;
  }
  return out;
}

TokenKeys KeysOf(std::string_view token) {
  TokenKeys keys;
  if (token.empty() || token[0] == '#' || token[0] == '~') return keys;
  if (token.size() <= 7) {
    keys.korean = text::KoreanSyllableKey(token);
    keys.surname = text::KoreanSurnameKey(token);
  }
  if (token.size() >= 5) {
    std::string skeleton = text::ConsonantSkeleton(token);
    if (skeleton.size() >= 3) keys.skeleton = std::move(skeleton);
  }
  return keys;
}

// The name in its own script: words as tokens, and for Hangul and Han every
// syllable or character a token (they carry one name element each).
AnalyzedForm NativeForm(std::string_view raw, text::Script script) {
  AnalyzedForm form;
  form.script = script;
  form.native = true;
  for (const auto& word : text::Tokenize(text::FoldLatin(raw))) {
    if (script == text::Script::kHangul || script == text::Script::kHan) {
      for (char32_t c : text::DecodeUtf8(word)) {
        std::string ch;
        text::AppendUtf8(c, &ch);
        form.tokens.push_back({std::move(ch), text::TermClass::kName});
      }
    } else {
      form.tokens.push_back({word, text::TermClass::kName});
    }
  }
  if (form.tokens.size() > 24) form.tokens.resize(24);
  return form;
}

std::vector<AnalyzedForm> AnalyzeName(std::string_view raw, NameKind kind, bool query_side) {
  std::vector<AnalyzedForm> out;
  text::Script script = text::DominantScript(raw);
  if (script != text::Script::kLatin && script != text::Script::kUnknown)
    AddForm(NativeForm(raw, script), &out);
  std::vector<std::string> renderings;
  if (script == text::Script::kHangul && kind != NameKind::kOrganization) {
    renderings = text::RomanizeKoreanName(raw);
  } else if (script == text::Script::kHan && kind != NameKind::kOrganization) {
    renderings = text::RomanizeChineseName(raw);
  } else if ((script == text::Script::kHan || script == text::Script::kHangul) &&
             kind == NameKind::kOrganization) {
    // Generic words and legal forms are cut off in Han/Hangul before the rest
    // is romanized, so that 有限公司 meets "Co., Ltd." as the same symbol.
    AnalyzedForm form;
    for (auto& part : text::SplitCjkOrgName(raw)) {
      if (part.cls != text::TermClass::kName) {
        form.tokens.push_back({std::move(part.text), part.cls});
        continue;
      }
      std::vector<std::string> romanized = text::Romanize(part.text);
      if (romanized.empty()) continue;
      for (auto& t : text::Tokenize(romanized.front()))
        form.tokens.push_back({std::move(t), text::TermClass::kName});
    }
    form.script = script;
    AddForm(std::move(form), &out);
    renderings = text::Romanize(raw);
  } else {
    renderings = text::Romanize(raw);
  }
  for (const auto& r : renderings) {
    std::vector<std::string> tokens = text::Tokenize(r);
    if (tokens.empty()) continue;
    AnalyzedForm form = Classify(tokens, kind);
    form.script = script;
    AddForm(std::move(form), &out);
    // The syllable-split form is added, not substituted: whether a name
    // looks Korean can depend on word order, and both sides must meet.
    if (kind != NameKind::kOrganization && LooksKorean(tokens)) {
      std::vector<std::string> split = SplitKoreanSyllables(tokens);
      if (split != tokens) {
        AnalyzedForm split_form = Classify(split, kind);
        split_form.script = script;
        AddForm(std::move(split_form), &out);
      }
    }
  }
  if (query_side && !out.empty()) {
    // Glued neighbours: "Al Rahman" also as "alrahman", "Jong Un" as "jongun",
    // so that a list writing the name as one word is found.
    size_t n = out.size();
    for (size_t f = 0; f < n && out.size() < kMaxForms; ++f) {
      if (out[f].native) continue;
      const std::vector<AnalyzedToken> tokens = out[f].tokens;  // a copy: AddForm grows `out`
      for (size_t i = 0; i + 1 < tokens.size() && out.size() < kMaxForms; ++i) {
        if (tokens[i].cls != text::TermClass::kName || tokens[i + 1].cls != text::TermClass::kName)
          continue;
        if (tokens[i].text.size() > 4 && tokens[i + 1].text.size() > 4) continue;
        // Korean syllables are compared one by one (they are split, never glued).
        if (!text::KoreanSyllableKey(tokens[i].text).empty() &&
            !text::KoreanSyllableKey(tokens[i + 1].text).empty())
          continue;
        AnalyzedForm glued;
        glued.script = out[f].script;
        for (size_t k = 0; k < tokens.size(); ++k) {
          if (k == i) {
            glued.tokens.push_back({tokens[i].text + tokens[i + 1].text, text::TermClass::kName});
            ++k;
          } else {
            glued.tokens.push_back(tokens[k]);
          }
        }
        AddForm(std::move(glued), &out);
      }
    }
  }
  return out;
}

}  // namespace vigil::match
