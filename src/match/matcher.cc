// The indexed matcher. Retrieval works on a dictionary of every distinct token
// of every indexed name form:
//   1. each query token finds its similar dictionary tokens through exact
//      lookup, romanization/skeleton keys and a padded-bigram count filter
//      (the q-gram lemma bounds how few bigrams a token within the edit budget
//      can share, so the filter loses nothing the scorer would accept);
//   2. postings from those tokens to name forms accumulate a weighted vote;
//   3. forms with enough vote are scored exactly with the same ScoreNames the
//      brute-force mode runs over every form.
#include "vigil/matcher.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "core/strings.h"
#include "match/identifiers.h"
#include "match/name_analysis.h"
#include "match/qualifiers.h"
#include "match/similarity.h"
#include "text/normalize.h"
#include "text/org_terms.h"

namespace vigil {
namespace {

using match::AnalyzedForm;
using match::NameKind;
using match::TokenKeys;

NameKind KindFor(std::string_view schema_name) {
  switch (KindOfSchema(schema_name)) {
    case SchemaKind::kPerson:
      return NameKind::kPerson;
    case SchemaKind::kOrganization:
      return schema_name == schema::kLegalEntity ? NameKind::kAny : NameKind::kOrganization;
    case SchemaKind::kVessel:
    case SchemaKind::kAirplane:
      return NameKind::kOrganization;
    default:
      return NameKind::kAny;
  }
}

text::TermClass ClassOfText(std::string_view t) {
  if (t.empty()) return text::TermClass::kName;
  if (t[0] == '#') return text::TermClass::kLegalForm;
  if (t[0] == '~') return text::TermClass::kGeneric;
  if (IsAsciiDigits(t)) return text::TermClass::kNumber;
  if (t.size() == 1) return text::TermClass::kInitial;
  return text::TermClass::kName;
}

// How much a token class counts relative to a name token of the same rarity.
float ClassFactor(text::TermClass cls) {
  switch (cls) {
    case text::TermClass::kLegalForm:
      return 0.15f;
    case text::TermClass::kGeneric:
      return 0.35f;
    case text::TermClass::kStopword:
      return 0.1f;
    case text::TermClass::kInitial:
      return 0.4f;
    case text::TermClass::kNumber:
      return 1.0f;
    case text::TermClass::kName:
      return 1.0f;
  }
  return 1.0f;
}

// Patronymics (…ovich, …evna) are often left out by one side: a missing one
// costs little, two different ones still tell people apart.
float TokenFactor(std::string_view text, text::TermClass cls) {
  return ClassFactor(cls) * (match::IsPatronymic(text) ? 0.5f : 1.0f);
}

// A name made only of generic words ("Korea Trading Bank") has nothing else
// to tell it apart: there the generic words weigh as names do.
float FormTokenWeight(float weight, float base_weight, text::TermClass cls, uint32_t distinctive) {
  if (distinctive != 0) return weight;
  if (cls == text::TermClass::kGeneric || cls == text::TermClass::kLegalForm) return base_weight;
  return weight;
}

uint32_t LetterMask(std::string_view t) {
  uint32_t m = 0;
  for (char c : t)
    if (c >= 'a' && c <= 'z') m |= 1u << (c - 'a');
  return m;
}

uint32_t BigramKey(unsigned char a, unsigned char b) { return (static_cast<uint32_t>(a) << 8) | b; }

void Bigrams(std::string_view t, std::vector<uint32_t>* out) {
  out->clear();
  unsigned char prev = '^';
  for (char c : t) {
    out->push_back(BigramKey(prev, static_cast<unsigned char>(c)));
    prev = static_cast<unsigned char>(c);
  }
  out->push_back(BigramKey(prev, '$'));
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

struct DictToken {
  std::string text;
  TokenKeys keys;
  text::TermClass cls;
  float weight = 1;
  float base_weight = 1;  // rarity only, without the class factor
  uint32_t df = 0;
  uint8_t grams = 0;     // distinct padded bigrams (capped at 255)
  uint32_t letters = 0;  // which of a-z occur: a free lower bound on edits
};

struct FormRec {
  uint32_t entity;
  uint32_t token_begin;
  uint16_t token_count;
  uint16_t name_index;  // index into the entity's AllNames()
  text::Script script;
  bool native;
  uint32_t distinctive;  // bit per token, see ScoreNames
};

// A compressed sparse row map from a dense key to a list of uint32.
struct Csr {
  std::vector<uint32_t> offsets{0};
  std::vector<uint32_t> values;
  std::pair<const uint32_t*, const uint32_t*> Get(uint32_t key) const {
    if (key + 1 >= offsets.size()) return {nullptr, nullptr};
    return {values.data() + offsets[key], values.data() + offsets[key + 1]};
  }
};

struct QueryToken {
  std::string text;
  TokenKeys keys;
  text::TermClass cls;
  float weight;
  float base_weight = 1;
  bool unseen = false;  // not in the dictionary
  // Similar dictionary tokens, sorted by id.
  std::vector<std::pair<uint32_t, float>> similar;
  float SimTo(uint32_t dict_id) const {
    auto it = std::lower_bound(similar.begin(), similar.end(), dict_id,
                               [](const auto& p, uint32_t id) { return p.first < id; });
    return (it != similar.end() && it->first == dict_id) ? it->second : 0.f;
  }
};

struct QueryForm {
  size_t name_index;  // which query name
  text::Script script = text::Script::kLatin;
  bool native = false;
  uint32_t distinctive = 0;
  std::vector<uint32_t> tokens;  // indexes into the query token table
  std::vector<float> weights;
};

struct PreparedQuery {
  std::vector<QueryToken> tokens;
  std::vector<QueryForm> forms;
  std::vector<std::string> names;
};

struct Scratch {
  // Similar-token lists of tokens seen before on this thread, for the
  // matcher `owner` (names are Zipfian: "mohammed" is looked up once).
  uint64_t owner = 0;
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, float>>> similar_cache;
  std::vector<float> acc;
  std::vector<uint32_t> touched;
  std::vector<uint16_t> gram_count;
  std::vector<uint32_t> gram_touched;
};

std::atomic<uint64_t> g_matcher_generation{0};
constexpr size_t kSimilarCacheMax = 200000;

class MatcherImpl final : public Matcher {
 public:
  explicit MatcherImpl(std::shared_ptr<const Catalog> catalog)
      : catalog_(std::move(catalog)), generation_(++g_matcher_generation) {
    Build();
  }

  Result<std::vector<MatchResult>> Match(const Query& query,
                                         const MatchOptions& options) const override;
  const Catalog& catalog() const override { return *catalog_; }
  std::shared_ptr<const Catalog> catalog_ptr() const override { return catalog_; }
  size_t indexed_forms() const override { return forms_.size(); }
  size_t memory_bytes() const override;

 private:
  void Build();
  uint32_t Intern(const std::string& text, text::TermClass cls);
  void FindSimilar(QueryToken* qt, bool brute_force, Scratch* scratch) const;
  PreparedQuery Prepare(const Query& query, bool brute_force, Scratch* scratch) const;
  Result<MatchResult> ScoreEntity(const Query& query, std::string_view entity_id,
                                  const MatchOptions& options) const override;
  void Explain(const PreparedQuery& pq, uint32_t form, uint32_t qform, MatchResult* r) const;
  float WeightOf(std::string_view text, text::TermClass cls) const;
  float BaseWeightOf(std::string_view text) const;
  std::string RepairOrgWords(std::string_view raw) const;

  std::shared_ptr<const Catalog> catalog_;
  const uint64_t generation_;  // tells thread-local caches which matcher they hold
  std::vector<DictToken> dict_;
  std::unordered_map<std::string, uint32_t> dict_ids_;
  std::vector<FormRec> forms_;
  // Forms are appended entity by entity: entity i owns forms
  // [entity_forms_[i], entity_forms_[i + 1]).
  std::vector<uint32_t> entity_forms_;
  std::vector<uint32_t> form_tokens_;
  std::vector<float> form_token_weights_;
  Csr token_forms_;                                                    // dict id -> forms
  std::unordered_map<uint32_t, std::vector<uint32_t>> gram_tokens_;    // bigram -> dict ids
  std::unordered_map<std::string, std::vector<uint32_t>> key_tokens_;  // key -> dict ids
  std::vector<std::vector<std::string>> entity_names_;
  match::IdentifierIndex identifiers_;
};

uint32_t MatcherImpl::Intern(const std::string& text, text::TermClass cls) {
  auto it = dict_ids_.find(text);
  if (it != dict_ids_.end()) {
    // A word that is a stopword in one name and a name in another counts as
    // a name: the class must not depend on which name came first.
    if (cls == text::TermClass::kName) dict_[it->second].cls = cls;
    return it->second;
  }
  uint32_t id = static_cast<uint32_t>(dict_.size());
  DictToken t;
  t.text = text;
  t.cls = cls;
  t.keys = match::KeysOf(text);
  dict_.push_back(std::move(t));
  dict_ids_.emplace(text, id);
  return id;
}

void MatcherImpl::Build() {
  const auto& entities = catalog_->entities();
  entity_names_.resize(entities.size());
  std::vector<uint32_t> last_entity_of_token;
  entity_forms_.reserve(entities.size() + 1);
  for (uint32_t ei = 0; ei < entities.size(); ++ei) {
    entity_forms_.push_back(static_cast<uint32_t>(forms_.size()));
    const Entity& e = entities[ei];
    NameKind kind = KindFor(e.schema());
    entity_names_[ei] = e.AllNames();
    const auto& names = entity_names_[ei];
    for (size_t ni = 0; ni < names.size() && ni < 0xffff; ++ni) {
      for (const AnalyzedForm& form : match::AnalyzeName(names[ni], kind, /*query_side=*/true)) {
        FormRec rec{ei,
                    static_cast<uint32_t>(form_tokens_.size()),
                    static_cast<uint16_t>(std::min<size_t>(form.tokens.size(), 24)),
                    static_cast<uint16_t>(ni),
                    form.script,
                    form.native,
                    0};
        for (size_t k = 0; k < rec.token_count; ++k)
          if (form.tokens[k].cls == text::TermClass::kName) rec.distinctive |= 1u << k;
        for (size_t k = 0; k < rec.token_count; ++k) {
          uint32_t id = Intern(form.tokens[k].text, form.tokens[k].cls);
          form_tokens_.push_back(id);
          if (last_entity_of_token.size() <= id) last_entity_of_token.resize(id + 1, UINT32_MAX);
          if (last_entity_of_token[id] != ei) {
            last_entity_of_token[id] = ei;
            dict_[id].df++;
          }
        }
        forms_.push_back(rec);
      }
    }
    identifiers_.Add(e, ei);
  }
  entity_forms_.push_back(static_cast<uint32_t>(forms_.size()));
  // Rare tokens count more than "kim" or "trading": an IDF over entities,
  // squeezed into [0.35, 1] so that no token counts for nothing.
  double n = static_cast<double>(std::max<size_t>(entities.size(), 2));
  for (auto& t : dict_) {
    double idf = std::log((n + 1) / (t.df + 0.5)) / std::log(n + 1);
    idf = std::clamp(idf, 0.0, 1.0);
    t.base_weight = static_cast<float>(0.35 + 0.65 * idf);
    t.weight = t.base_weight * TokenFactor(t.text, t.cls);
  }
  form_token_weights_.resize(form_tokens_.size());
  for (const FormRec& r : forms_) {
    for (uint32_t k = 0; k < r.token_count; ++k) {
      const DictToken& t = dict_[form_tokens_[r.token_begin + k]];
      form_token_weights_[r.token_begin + k] =
          FormTokenWeight(t.weight, t.base_weight, t.cls, r.distinctive);
    }
  }
  // Postings dict token -> forms.
  std::vector<uint32_t> counts(dict_.size() + 1, 0);
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    const auto& r = forms_[f];
    uint32_t prev = UINT32_MAX;
    for (uint32_t k = 0; k < r.token_count; ++k) {
      uint32_t id = form_tokens_[r.token_begin + k];
      if (id != prev) counts[id]++;
      prev = id;
    }
  }
  token_forms_.offsets.assign(dict_.size() + 1, 0);
  for (size_t i = 0; i < dict_.size(); ++i)
    token_forms_.offsets[i + 1] = token_forms_.offsets[i] + counts[i];
  token_forms_.values.resize(token_forms_.offsets.back());
  std::vector<uint32_t> fill(token_forms_.offsets.begin(), token_forms_.offsets.end() - 1);
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    const auto& r = forms_[f];
    uint32_t prev = UINT32_MAX;
    for (uint32_t k = 0; k < r.token_count; ++k) {
      uint32_t id = form_tokens_[r.token_begin + k];
      if (id != prev) token_forms_.values[fill[id]++] = f;
      prev = id;
    }
  }
  // Bigram and key postings over the dictionary; bigram postings are sorted
  // by token length so a query scans only the lengths its budget allows.
  std::vector<uint32_t> grams;
  for (uint32_t id = 0; id < dict_.size(); ++id) {
    const DictToken& t = dict_[id];
    if (t.cls == text::TermClass::kNumber || t.cls == text::TermClass::kLegalForm) continue;
    Bigrams(t.text, &grams);
    dict_[id].grams = static_cast<uint8_t>(std::min<size_t>(grams.size(), 255));
    dict_[id].letters = LetterMask(t.text);
    for (uint32_t g : grams) gram_tokens_[g].push_back(id);
    if (!t.keys.korean.empty()) key_tokens_["k:" + t.keys.korean].push_back(id);
    if (!t.keys.surname.empty()) key_tokens_["s:" + t.keys.surname].push_back(id);
    if (!t.keys.skeleton.empty()) key_tokens_["c:" + t.keys.skeleton].push_back(id);
  }
  for (auto& [g, ids] : gram_tokens_)
    std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
      return dict_[a].text.size() < dict_[b].text.size();
    });
}

size_t MatcherImpl::memory_bytes() const {
  size_t b = forms_.capacity() * sizeof(FormRec) + form_tokens_.capacity() * 4 +
             form_token_weights_.capacity() * 4 + token_forms_.values.capacity() * 4 +
             token_forms_.offsets.capacity() * 4;
  for (const auto& t : dict_)
    b += sizeof(DictToken) + t.text.capacity() + t.keys.korean.capacity() +
         t.keys.surname.capacity() + t.keys.skeleton.capacity() + 48;
  for (const auto& [g, v] : gram_tokens_) b += v.capacity() * 4 + 48;
  for (const auto& [k, v] : key_tokens_) b += k.capacity() + v.capacity() * 4 + 64;
  return b;
}

float MatcherImpl::WeightOf(std::string_view t, text::TermClass cls) const {
  auto it = dict_ids_.find(std::string(t));
  if (it != dict_ids_.end()) return dict_[it->second].weight;
  return TokenFactor(t, cls);  // unseen tokens are as rare as can be
}

float MatcherImpl::BaseWeightOf(std::string_view t) const {
  auto it = dict_ids_.find(std::string(t));
  return it != dict_ids_.end() ? dict_[it->second].base_weight : 1.0f;
}

// Queries misspell or run together the generic words of organisation names
// ("Limted Liabilty Co", "jointstock company"); their legal form then goes
// unrecognised and the misspelt word counts as a rare name. Words the catalog
// does not know are repaired towards the legal-form and generic vocabulary.
std::string MatcherImpl::RepairOrgWords(std::string_view raw) const {
  const auto& vocabulary = text::OrgVocabulary();
  auto is_word = [&](std::string_view w) {
    return std::binary_search(vocabulary.begin(), vocabulary.end(), w) ||
           dict_ids_.count(std::string(w)) > 0;
  };
  std::vector<std::string> tokens = text::Tokenize(text::FoldLatin(raw));
  bool changed = false;
  for (auto& t : tokens) {
    if (t.size() < 5 || dict_ids_.count(t) ||
        std::binary_search(vocabulary.begin(), vocabulary.end(), t))
      continue;
    // A misspelt vocabulary word: the single closest within the edit budget.
    std::string best;
    double best_d = 1e9;
    const uint32_t t_letters = LetterMask(t);
    for (const auto& v : vocabulary) {
      // Insertions and deletions cost 1.0 and the budget here is at most
      // 1.6: the lengths differ by one at most.
      if (v.size() < 5 || v.size() + 1 < t.size() || t.size() + 1 < v.size()) continue;
      size_t len = std::max(v.size(), t.size());
      double budget = std::min(match::EditBudget(len), 1.6);
      if (0.5 * match::kConfusableCost * __builtin_popcount(t_letters ^ LetterMask(v)) > budget)
        continue;
      if (match::LetterCountBound(t, v) > budget) continue;
      double d = match::WeightedEditDistance(t, v, budget);
      if (d > budget) continue;
      // On a tie prefer the longer word: typing drops letters more often
      // than it adds them.
      if (d < best_d || (d == best_d && v.size() > best.size())) {
        best_d = d;
        best = v;
      }
    }
    if (!best.empty()) {
      t = best;
      changed = true;
      continue;
    }
    // Two words run together, at least one of them a vocabulary word.
    for (size_t cut = 2; cut + 2 <= t.size(); ++cut) {
      std::string_view a = std::string_view(t).substr(0, cut), b = std::string_view(t).substr(cut);
      bool a_vocab = std::binary_search(vocabulary.begin(), vocabulary.end(), a);
      bool b_vocab = std::binary_search(vocabulary.begin(), vocabulary.end(), b);
      if ((a_vocab || b_vocab) && is_word(a) && is_word(b)) {
        t = std::string(a) + " " + std::string(b);
        changed = true;
        break;
      }
    }
  }
  if (!changed) return "";
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

void MatcherImpl::FindSimilar(QueryToken* qt, bool brute_force, Scratch* scratch) const {
  qt->similar.clear();
  match::TokenInfo qi{qt->text, qt->cls, &qt->keys, qt->unseen};
  auto consider = [&](uint32_t id) {
    const DictToken& d = dict_[id];
    double s = match::TokenSimilarity(qi, {d.text, d.cls, &d.keys});
    if (s > 0) qt->similar.emplace_back(id, static_cast<float>(s));
  };
  if (brute_force) {
    for (uint32_t id = 0; id < dict_.size(); ++id) consider(id);
    return;
  }
  std::vector<uint32_t> ids;
  if (auto it = dict_ids_.find(qt->text); it != dict_ids_.end()) ids.push_back(it->second);
  for (const auto& [prefix, key] :
       {std::pair<std::string_view, const std::string*>{"k:", &qt->keys.korean},
        {"s:", &qt->keys.surname},
        {"c:", &qt->keys.skeleton}}) {
    if (key->empty()) continue;
    auto it = key_tokens_.find(std::string(prefix) + *key);
    if (it != key_tokens_.end()) ids.insert(ids.end(), it->second.begin(), it->second.end());
  }
  if (qt->cls == text::TermClass::kName || qt->cls == text::TermClass::kInitial) {
    size_t len = qt->text.size();
    if (len == 1) {
      // An initial: every dictionary token with that first letter.
      auto it = gram_tokens_.find(BigramKey('^', static_cast<unsigned char>(qt->text[0])));
      if (it != gram_tokens_.end()) ids.insert(ids.end(), it->second.begin(), it->second.end());
    } else if (len >= 4 || (len == 3 && qt->unseen)) {
      // q-gram lemma: edits within the budget change at most D padded
      // bigrams, so a pair within the budget shares at least
      // max(distinct bigrams of either side) - D, where D grows with the
      // longer token.
      std::vector<uint32_t> grams;
      Bigrams(qt->text, &grams);
      const int qgrams = static_cast<int>(grams.size());
      // Prefix filter: a candidate must share at least qgrams - D bigrams,
      // so it shares one of any D + 1 of them: scan only the rarest D + 1
      // posting lists, then count exactly for the candidates they give.
      const int max_ops = match::MaxEditOps(len + 4, qt->unseen);
      const int destroy =
          match::MaxDestroyedBigrams(len + static_cast<size_t>(max_ops), qt->unseen);
      std::vector<std::pair<size_t, uint32_t>> by_rarity;
      for (uint32_t g : grams) {
        auto it = gram_tokens_.find(g);
        by_rarity.emplace_back(it == gram_tokens_.end() ? 0 : it->second.size(), g);
      }
      std::sort(by_rarity.begin(), by_rarity.end());
      size_t scan = qgrams - destroy >= 1 ? static_cast<size_t>(destroy + 1) : by_rarity.size();
      scan = std::min(scan, by_rarity.size());
      auto& mark = scratch->gram_count;
      auto& touched = scratch->gram_touched;
      if (mark.size() < dict_.size()) mark.assign(dict_.size(), 0);
      touched.clear();
      // Insertions and deletions cost 1.0 each: lengths further apart than
      // the largest budget in reach cannot be within it.
      const size_t max_diff = static_cast<size_t>(match::EditBudget(len + 3, qt->unseen));
      // (+1: generic symbols carry a '~' before their word.)
      const size_t min_len = len > max_diff ? len - max_diff : 0, max_len = len + max_diff + 1;
      auto length_of = [&](uint32_t id) { return dict_[id].text.size(); };
      for (size_t r = 0; r < scan; ++r) {
        auto it = gram_tokens_.find(by_rarity[r].second);
        if (it == gram_tokens_.end()) continue;
        const auto& postings = it->second;
        auto first = std::partition_point(postings.begin(), postings.end(),
                                          [&](uint32_t id) { return length_of(id) < min_len; });
        for (auto p = first; p != postings.end() && length_of(*p) <= max_len; ++p) {
          uint32_t id = *p;
          if (!mark[id]) {
            mark[id] = 1;
            touched.push_back(id);
          }
        }
      }
      const uint32_t qletters = LetterMask(qt->text);
      std::vector<uint32_t> cand_grams;
      for (uint32_t id : touched) {
        mark[id] = 0;
        const DictToken& d = dict_[id];
        size_t dl = d.text.size();
        size_t longer = std::max(dl, len);
        size_t diff = dl > len ? dl - len : len - dl;
        const bool symbol = !d.text.empty() && d.text[0] == '~';
        if (symbol) {
          ids.push_back(id);  // compared by its English word; few of them
          continue;
        }
        if (static_cast<int>(diff) > match::MaxEditOps(longer, qt->unseen)) continue;
        // Keys and exact hits were collected above; here only spelling can
        // connect the two, so the letter-count bound may reject early.
        const double budget = match::EditBudget(longer, qt->unseen);
        // Each letter only one side has needs at least half a substitution.
        if (0.5 * match::kConfusableCost * __builtin_popcount(qletters ^ d.letters) > budget)
          continue;
        if (match::LetterCountBound(qt->text, d.text) > budget) continue;
        int need = std::max(qgrams, static_cast<int>(d.grams)) -
                   match::MaxDestroyedBigrams(longer, qt->unseen);
        if (need > 1) {
          Bigrams(d.text, &cand_grams);
          int shared = 0;
          size_t a = 0, b = 0;
          while (a < grams.size() && b < cand_grams.size()) {
            if (grams[a] < cand_grams[b])
              ++a;
            else if (grams[a] > cand_grams[b])
              ++b;
            else {
              ++shared;
              ++a;
              ++b;
            }
          }
          if (shared < need) continue;
        }
        ids.push_back(id);
      }
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (uint32_t id : ids) consider(id);
}

PreparedQuery MatcherImpl::Prepare(const Query& query, bool brute_force, Scratch* scratch) const {
  PreparedQuery pq;
  auto& qtokens = pq.tokens;
  auto& qforms = pq.forms;
  auto& query_names = pq.names;
  NameKind kind = KindFor(query.schema);

  std::unordered_map<std::string, uint32_t> qtoken_ids;
  std::vector<std::string> names;
  for (const auto& raw : query.names) {
    if (Trim(raw).empty()) continue;
    names.push_back(raw);
    if (kind != NameKind::kPerson && text::DominantScript(raw) == text::Script::kLatin) {
      std::string repaired = RepairOrgWords(raw);
      if (!repaired.empty()) names.push_back(std::move(repaired));
    }
  }
  for (const auto& raw : names) {
    size_t name_index = query_names.size();
    query_names.push_back(raw);
    for (const auto& form : match::AnalyzeName(raw, kind, /*query_side=*/true)) {
      QueryForm qf;
      qf.name_index = name_index;
      qf.script = form.script;
      qf.native = form.native;
      for (const auto& t : form.tokens) {
        if (qf.tokens.size() >= 24) break;
        auto [it, inserted] = qtoken_ids.emplace(t.text, static_cast<uint32_t>(qtokens.size()));
        if (inserted) {
          QueryToken qt;
          qt.text = t.text;
          qt.cls = t.cls;
          qt.keys = match::KeysOf(t.text);
          qt.weight = WeightOf(t.text, t.cls);
          qt.base_weight = BaseWeightOf(t.text);
          qtokens.push_back(std::move(qt));
        }
        qf.tokens.push_back(it->second);
        qf.weights.push_back(qtokens[it->second].weight);
      }
      if (!qf.tokens.empty()) qforms.push_back(std::move(qf));
    }
  }
  // A merged query token the dictionary lacks ("sergeilavrov") may be two
  // listed tokens: add a form with it split where both halves are known.
  size_t base_forms = qforms.size();
  for (size_t f = 0; f < base_forms && qforms.size() < 2 * match::kMaxForms; ++f) {
    if (qforms[f].native) continue;
    for (size_t k = 0; k < qforms[f].tokens.size(); ++k) {
      const std::string t = qtokens[qforms[f].tokens[k]].text;
      if (t.size() < 6 || qtokens[qforms[f].tokens[k]].cls != text::TermClass::kName ||
          dict_ids_.count(t))
        continue;
      size_t best_cut = 0, best_min = 0;
      for (size_t cut = 2; cut + 2 <= t.size(); ++cut) {
        auto a = dict_ids_.find(t.substr(0, cut));
        auto b = dict_ids_.find(t.substr(cut));
        if (a == dict_ids_.end() || b == dict_ids_.end()) continue;
        if (dict_[a->second].cls != text::TermClass::kName ||
            dict_[b->second].cls != text::TermClass::kName)
          continue;
        size_t m = std::min(cut, t.size() - cut);
        if (m > best_min) {
          best_min = m;
          best_cut = cut;
        }
      }
      if (!best_cut) continue;
      QueryForm split = qforms[f];
      split.tokens.erase(split.tokens.begin() + static_cast<long>(k));
      split.weights.erase(split.weights.begin() + static_cast<long>(k));
      for (const std::string& part : {t.substr(best_cut), t.substr(0, best_cut)}) {
        auto [it, inserted] = qtoken_ids.emplace(part, static_cast<uint32_t>(qtokens.size()));
        if (inserted) {
          QueryToken qt;
          qt.text = part;
          qt.cls = text::TermClass::kName;
          qt.keys = match::KeysOf(part);
          qt.weight = WeightOf(part, ClassOfText(part));
          qt.base_weight = BaseWeightOf(part);
          qtokens.push_back(std::move(qt));
        }
        split.tokens.insert(split.tokens.begin() + static_cast<long>(k), it->second);
        split.weights.insert(split.weights.begin() + static_cast<long>(k),
                             qtokens[it->second].weight);
      }
      qforms.push_back(std::move(split));
      break;
    }
  }
  for (auto& qf : qforms) {
    qf.distinctive = 0;
    for (size_t k = 0; k < qf.tokens.size(); ++k)
      if (qtokens[qf.tokens[k]].cls == text::TermClass::kName) qf.distinctive |= 1u << k;
    for (size_t k = 0; k < qf.tokens.size(); ++k) {
      const QueryToken& qt = qtokens[qf.tokens[k]];
      qf.weights[k] = FormTokenWeight(qt.weight, qt.base_weight, qt.cls, qf.distinctive);
    }
  }
  if (scratch->owner != generation_ || scratch->similar_cache.size() > kSimilarCacheMax) {
    scratch->similar_cache.clear();
    scratch->owner = generation_;
  }
  for (auto& qt : qtokens) {
    qt.unseen = qt.cls == text::TermClass::kName && !dict_ids_.count(qt.text);
    if (brute_force) {
      FindSimilar(&qt, true, scratch);
      continue;
    }
    // The class changes what a token may match, so it is part of the key.
    std::string key = qt.text;
    key += static_cast<char>('0' + static_cast<int>(qt.cls));
    auto it = scratch->similar_cache.find(key);
    if (it != scratch->similar_cache.end()) {
      qt.similar = it->second;
    } else {
      FindSimilar(&qt, false, scratch);
      scratch->similar_cache.emplace(std::move(key), qt.similar);
    }
  }

  return pq;
}

void MatcherImpl::Explain(const PreparedQuery& pq, uint32_t form, uint32_t qform,
                          MatchResult* r) const {
  const auto& qtokens = pq.tokens;
  const FormRec& fr = forms_[form];
  const QueryForm& qf = pq.forms[qform];
  uint32_t ei = fr.entity;
  const uint32_t* rt = &form_tokens_[fr.token_begin];
  match::NameScoreDetail detail;
  match::ScoreNames(
      qf.tokens.size(), qf.weights.data(), fr.token_count, &form_token_weights_[fr.token_begin],
      [&](size_t i, size_t j) { return qtokens[qf.tokens[i]].SimTo(rt[j]); }, &detail,
      qf.distinctive, fr.distinctive);
  Explanation& ex = r->explanation;
  ex.query_name = pq.names[qf.name_index];
  ex.matched_name = entity_names_[ei][fr.name_index];
  std::string form_text;
  for (uint32_t k = 0; k < fr.token_count; ++k) {
    if (k) form_text += ' ';
    form_text += dict_[rt[k]].text;
  }
  ex.matched_form = std::move(form_text);
  ex.tokens.clear();
  for (const auto& p : detail.pairs) {
    TokenPair tp;
    if (p.query >= 0) tp.query_token = qtokens[qf.tokens[static_cast<size_t>(p.query)]].text;
    if (p.result >= 0) tp.result_token = dict_[rt[p.result]].text;
    tp.similarity = p.similarity;
    tp.weight =
        (p.query >= 0 ? qf.weights[static_cast<size_t>(p.query)] : 0) +
        (p.result >= 0 ? form_token_weights_[fr.token_begin + static_cast<size_t>(p.result)] : 0);
    ex.tokens.push_back(std::move(tp));
  }
}

Result<MatchResult> MatcherImpl::ScoreEntity(const Query& query, std::string_view entity_id,
                                             const MatchOptions& options) const {
  int64_t idx = catalog_->IndexOf(entity_id);
  if (idx < 0) return Status::NotFound("no entity with id " + std::string(entity_id));
  thread_local Scratch scratch;
  PreparedQuery pq = Prepare(query, /*brute_force=*/true, &scratch);
  uint32_t ei = static_cast<uint32_t>(idx);
  MatchResult r;
  r.entity = &catalog_->entities()[ei];
  double best = -1;
  uint32_t best_form = UINT32_MAX, best_qform = 0;
  for (uint32_t f = entity_forms_[ei]; f < entity_forms_[ei + 1]; ++f) {
    const FormRec& fr = forms_[f];
    const uint32_t* rt = &form_tokens_[fr.token_begin];
    for (uint32_t qfi = 0; qfi < pq.forms.size(); ++qfi) {
      const QueryForm& qf = pq.forms[qfi];
      if (!match::FormsComparable(qf.script, qf.native, fr.script, fr.native)) continue;
      double s = match::ScoreNames(
          qf.tokens.size(), qf.weights.data(), fr.token_count, &form_token_weights_[fr.token_begin],
          [&](size_t i, size_t j) { return pq.tokens[qf.tokens[i]].SimTo(rt[j]); }, nullptr,
          qf.distinctive, fr.distinctive);
      if (s > best) {
        best = s;
        best_form = f;
        best_qform = qfi;
      }
    }
  }
  r.score = std::max(0.0, best);
  r.explanation.name_score = r.score;
  for (const auto& hit : identifiers_.Lookup(query.identifiers))
    if (hit.entity == ei)
      r.explanation.features.push_back({"identifier:" + hit.kind, 0, hit.value});
  match::ApplyQualifiers(query, *r.entity, &r);
  r.match = r.score >= options.threshold;
  if (best_form != UINT32_MAX) Explain(pq, best_form, best_qform, &r);
  return r;
}

Result<std::vector<MatchResult>> MatcherImpl::Match(const Query& query,
                                                    const MatchOptions& options) const {
  bool has_name = std::any_of(query.names.begin(), query.names.end(),
                              [](const std::string& n) { return !Trim(n).empty(); });
  if (!has_name && query.identifiers.empty())
    return Status::InvalidArgument("query " + query.id + " has no name and no identifier");
  thread_local Scratch scratch;
  PreparedQuery pq = Prepare(query, options.brute_force, &scratch);
  auto& qtokens = pq.tokens;
  auto& qforms = pq.forms;

  const auto& entities = catalog_->entities();
  auto entity_allowed = [&](uint32_t ei) {
    const Entity& e = entities[ei];
    if (!SchemasCompatible(query.schema, e.schema())) return false;
    if (!options.include_datasets.empty() &&
        std::none_of(e.datasets().begin(), e.datasets().end(), [&](const std::string& d) {
          return std::find(options.include_datasets.begin(), options.include_datasets.end(), d) !=
                 options.include_datasets.end();
        }))
      return false;
    for (const auto& d : e.datasets())
      if (std::find(options.exclude_datasets.begin(), options.exclude_datasets.end(), d) !=
          options.exclude_datasets.end())
        return false;
    if (!options.exclude_entity_ids.empty() &&
        std::find(options.exclude_entity_ids.begin(), options.exclude_entity_ids.end(), e.id()) !=
            options.exclude_entity_ids.end())
      return false;
    return true;
  };

  struct Best {
    double name_score = 0;
    uint32_t form = UINT32_MAX;
    uint32_t qform = 0;
  };
  std::unordered_map<uint32_t, Best> best;
  auto score_form = [&](uint32_t f, uint32_t qfi) {
    const FormRec& r = forms_[f];
    const QueryForm& qf = qforms[qfi];
    if (!match::FormsComparable(qf.script, qf.native, r.script, r.native)) return;
    const uint32_t* rt = &form_tokens_[r.token_begin];
    double s = match::ScoreNames(
        qf.tokens.size(), qf.weights.data(), r.token_count, &form_token_weights_[r.token_begin],
        [&](size_t i, size_t j) { return qtokens[qf.tokens[i]].SimTo(rt[j]); }, nullptr,
        qf.distinctive, r.distinctive);
    Best& b = best[r.entity];
    if (s > b.name_score || b.form == UINT32_MAX) b = {s, f, qfi};
  };

  // Name matching can raise a score by at most this through qualifiers, so
  // forms below cutoff - bonus cannot reach the cutoff.
  const double floor_score = options.cutoff - match::kMaxQualifierBonus;
  if (options.brute_force) {
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      if (!entity_allowed(forms_[f].entity)) continue;
      for (uint32_t qfi = 0; qfi < qforms.size(); ++qfi) score_form(f, qfi);
    }
  } else {
    auto& acc = scratch.acc;
    auto& touched = scratch.touched;
    if (acc.size() < forms_.size()) acc.assign(forms_.size(), 0.f);
    for (uint32_t qfi = 0; qfi < qforms.size(); ++qfi) {
      const QueryForm& qf = qforms[qfi];
      touched.clear();
      float total = 0;
      for (size_t i = 0; i < qf.tokens.size(); ++i) {
        total += qf.weights[i];
        for (const auto& [id, sim] : qtokens[qf.tokens[i]].similar) {
          auto [b, e] = token_forms_.Get(id);
          float vote = qf.weights[i] * sim;
          for (const uint32_t* p = b; p != e; ++p) {
            if (acc[*p] == 0.f) touched.push_back(*p);
            acc[*p] += vote;
          }
        }
      }
      // A form can only reach floor_score if the query tokens it matches
      // carry a share of the query's weight: matched weight w gives at most
      // w / (w + unmatched) against a perfect partner.
      float need = static_cast<float>(std::max(0.0, floor_score) * 0.5) * total;
      for (uint32_t f : touched) {
        if (acc[f] >= need && entity_allowed(forms_[f].entity)) score_form(f, qfi);
        acc[f] = 0.f;
      }
    }
  }

  std::vector<MatchResult> results;
  for (const auto& [ei, b] : best) {
    if (b.name_score < floor_score) continue;
    MatchResult r;
    r.entity = &entities[ei];
    r.explanation.name_score = b.name_score;
    r.score = b.name_score;
    results.push_back(std::move(r));
  }
  // Identifiers decide on their own when exact.
  for (const auto& hit : identifiers_.Lookup(query.identifiers)) {
    if (!entity_allowed(hit.entity)) continue;
    auto it = std::find_if(results.begin(), results.end(),
                           [&](const MatchResult& r) { return r.entity == &entities[hit.entity]; });
    if (it == results.end()) {
      MatchResult r;
      r.entity = &entities[hit.entity];
      results.push_back(std::move(r));
      it = results.end() - 1;
    }
    it->explanation.features.push_back({"identifier:" + hit.kind, 0, hit.value});
  }
  for (auto& r : results) match::ApplyQualifiers(query, *r.entity, &r);
  std::erase_if(results, [&](const MatchResult& r) { return r.score < options.cutoff; });
  std::sort(results.begin(), results.end(), [](const MatchResult& a, const MatchResult& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.entity->id() < b.entity->id();
  });
  if (results.size() > options.limit) results.resize(options.limit);
  // Explanations only for what is returned.
  for (auto& r : results) {
    r.match = r.score >= options.threshold;
    uint32_t ei = static_cast<uint32_t>(r.entity - entities.data());
    auto it = best.find(ei);
    if (it == best.end() || it->second.form == UINT32_MAX) continue;
    Explain(pq, it->second.form, it->second.qform, &r);
  }
  return results;
}

}  // namespace

std::unique_ptr<Matcher> Matcher::Create(std::shared_ptr<const Catalog> catalog) {
  return std::make_unique<MatcherImpl>(std::move(catalog));
}

}  // namespace vigil
