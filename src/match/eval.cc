#include "match/eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/csv.h"
#include "core/io.h"
#include "core/strings.h"
#include "vigil/catalog.h"
#include "vigil/matcher.h"

namespace vigil {

Result<std::vector<PairCase>> LoadNomenklaturaPairs(const std::string& path) {
  VIGIL_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  CsvReader reader(text, path);
  std::vector<std::string> row;
  if (!reader.Next(&row)) return Status::ParseError(path + ": empty file");
  CsvHeader header(row);
  for (const char* col : {"schema", "name1", "name2", "is_match"})
    if (header.Index(col) < 0)
      return Status::ParseError(path + ":1: missing column \"" + std::string(col) + "\"");
  std::vector<PairCase> out;
  while (reader.Next(&row)) {
    PairCase c;
    c.group = std::string(header.Get(row, "case_group"));
    c.schema = std::string(header.Get(row, "schema"));
    c.query = std::string(header.Get(row, "name1"));
    c.listed = std::string(header.Get(row, "name2"));
    std::string m = AsciiLower(header.Get(row, "is_match"));
    if (m != "true" && m != "false")
      return Status::ParseError(reader.Where() + ": is_match must be true or false");
    c.is_match = m == "true";
    if (c.query.empty() || c.listed.empty()) continue;
    out.push_back(std::move(c));
  }
  if (!reader.status().ok()) return reader.status();
  return out;
}

Result<std::vector<PairCase>> LoadCrossScriptPairs(const std::string& path) {
  VIGIL_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  std::vector<PairCase> out;
  size_t line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    auto parts = Split(line, ',');
    if (parts.size() < 3)
      return Status::ParseError(path + ":" + std::to_string(line_no) +
                                ": expected Query,Expected,Min Score");
    PairCase c;
    c.group = "cross-script";
    c.query = std::string(Trim(parts[0]));
    c.listed = std::string(Trim(parts[1]));
    c.is_match = true;
    try {
      c.min_score = std::stod(std::string(Trim(parts[2])));
    } catch (...) {
      return Status::ParseError(path + ":" + std::to_string(line_no) + ": bad score");
    }
    if (parts.size() > 3) c.group = "cross-script: " + std::string(Trim(parts[3]));
    out.push_back(std::move(c));
  }
  return out;
}

Result<EvalReport> EvaluatePairs(const std::vector<PairCase>& pairs, double threshold) {
  std::vector<Entity> entities;
  for (size_t i = 0; i < pairs.size(); ++i) {
    std::string schema_name = pairs[i].schema.empty() ? "LegalEntity" : pairs[i].schema;
    Entity e("eval:" + std::to_string(i), schema_name);
    e.Add(prop::kName, pairs[i].listed);
    entities.push_back(std::move(e));
  }
  auto catalog = Catalog::Create({}, std::move(entities), "2000-01-01T00:00:00Z");
  auto matcher = Matcher::Create(catalog);
  EvalReport report;
  report.threshold = threshold;
  MatchOptions options;
  options.threshold = threshold;
  for (size_t i = 0; i < pairs.size(); ++i) {
    const PairCase& c = pairs[i];
    Query q;
    q.id = std::to_string(i);
    q.schema = c.schema.empty() ? "LegalEntity" : c.schema;
    q.names = {c.query};
    VIGIL_ASSIGN_OR_RETURN(MatchResult r,
                           matcher->ScoreEntity(q, "eval:" + std::to_string(i), options));
    bool predicted = r.score >= threshold;
    auto count = [&](Confusion& m) {
      if (predicted && c.is_match)
        m.tp++;
      else if (predicted)
        m.fp++;
      else if (c.is_match)
        m.fn++;
      else
        m.tn++;
    };
    count(report.overall);
    count(report.by_group[c.group]);
    report.outcomes.push_back({c, r.score});
  }
  return report;
}

std::string FormatEvalReport(const EvalReport& r, bool list_errors) {
  std::string out = fmt::format("threshold {:.2f}\n{:<44} {:>5} {:>9} {:>7} {:>6}  tp/fp/tn/fn\n",
                                r.threshold, "group", "pairs", "precision", "recall", "F1");
  auto line = [&](const std::string& name, const Confusion& m) {
    out += fmt::format("{:<44} {:>5} {:>9.3f} {:>7.3f} {:>6.3f}  {}/{}/{}/{}\n", name.substr(0, 44),
                       m.total(), m.Precision(), m.Recall(), m.F1(), m.tp, m.fp, m.tn, m.fn);
  };
  for (const auto& [g, m] : r.by_group) line(g.empty() ? "(no group)" : g, m);
  line("ALL", r.overall);
  if (list_errors) {
    out += "\nerrors (score, expected, query | listed)\n";
    for (const auto& o : r.outcomes) {
      bool predicted = o.score >= r.threshold;
      if (predicted == o.pair.is_match) continue;
      out += fmt::format("  {:.3f} {:<5} {} | {}\n", o.score, o.pair.is_match ? "match" : "no",
                         o.pair.query, o.pair.listed);
    }
  }
  return out;
}

}  // namespace vigil

namespace vigil {
namespace {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed * 0x9e3779b97f4a7c15ull + 1) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return n ? static_cast<size_t>(Next() % n) : 0; }

 private:
  uint64_t state_;
};

bool IsAsciiName(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return !s.empty();
}

std::vector<std::string> Words(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : name) {
    if (c == ' ' || c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// One typing error inside a word of five or more letters.
std::string Typo(const std::string& name, Rng& rng) {
  auto words = Words(name);
  std::vector<size_t> long_words;
  for (size_t i = 0; i < words.size(); ++i)
    if (words[i].size() >= 5) long_words.push_back(i);
  if (long_words.empty()) return "";
  std::string& w = words[long_words[rng.Below(long_words.size())]];
  size_t pos = 1 + rng.Below(w.size() - 2);
  static const char kLetters[] = "abcdefghijklmnopqrstuvwxyz";
  switch (rng.Below(4)) {
    case 0:
      w.erase(pos, 1);
      break;
    case 1:
      w.insert(pos, 1, kLetters[rng.Below(26)]);
      break;
    case 2:
      w[pos] = kLetters[rng.Below(26)];
      break;
    default:
      std::swap(w[pos], w[pos - 1]);
      break;
  }
  return Join(words, " ");
}

std::string Reorder(const std::string& name) {
  // "KIM, Yong Chol" -> "Yong Chol KIM"; "A B C" -> "C A B".
  size_t comma = name.find(',');
  if (comma != std::string::npos)
    return std::string(Trim(name.substr(comma + 1))) + " " +
           std::string(Trim(name.substr(0, comma)));
  auto words = Words(name);
  if (words.size() < 2) return "";
  std::rotate(words.rbegin(), words.rbegin() + 1, words.rend());
  return Join(words, " ");
}

std::string Punctuation(const std::string& name) {
  // Hyphens and commas dropped or joined, case changed: "Jong-un" -> "Jongun".
  std::string out;
  bool changed = false;
  for (char c : name) {
    if (c == '-') {
      changed = true;
      continue;
    }
    if (c == ',') {
      changed = true;
      continue;
    }
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (!changed) {
    auto words = Words(out);
    if (words.size() < 3) return "";
    words[1] += words[2];  // given names written as one word
    words.erase(words.begin() + 2);
    out = Join(words, " ");
  }
  return out;
}

// Spelling variants of Korean name syllables across romanization systems.
std::string KoreanVariant(const std::string& name, Rng& rng) {
  static const std::pair<const char*, const char*> kSwaps[] = {
      {"jong", "jeong"},   {"chol", "cheol"},   {"ri", "lee"},     {"pak", "park"},
      {"choe", "choi"},    {"yong", "young"},   {"song", "seong"}, {"hyok", "hyeok"},
      {"myong", "myeong"}, {"kwang", "gwang"},  {"chun", "cheon"}, {"il", "ill"},
      {"kim", "gim"},      {"un", "eun"},       {"son", "seon"},   {"ho", "ho"},
      {"gon", "geon"},     {"ryong", "ryeong"}, {"nam", "nam"}};
  auto words = Words(name);
  bool changed = false;
  for (auto& w : words) {
    std::string lower = AsciiLower(w);
    std::vector<std::string> parts;
    for (auto p : Split(lower, '-')) parts.emplace_back(p);
    for (auto& p : parts)
      for (const auto& [from, to] : kSwaps)
        if (p == from && std::string(from) != to && rng.Below(2) == 0) {
          p = to;
          changed = true;
          break;
        }
    w = Join(parts, "-");
  }
  return changed ? Join(words, " ") : "";
}

}  // namespace

VariantReport EvaluateVariants(const Matcher& matcher, size_t positives, size_t negatives,
                               uint64_t seed, double threshold) {
  VariantReport report;
  Rng rng(seed);
  const auto& entities = matcher.catalog().entities();
  MatchOptions options;
  options.threshold = threshold;
  options.cutoff = threshold;
  options.limit = 50;
  auto is_korean = [](const Entity& e) {
    for (auto p : {prop::kNationality, prop::kCountry, prop::kCitizenship})
      for (const auto& v : e.Get(p))
        if (v == "kp" || v == "kr") return true;
    for (const auto& p : e.Get(prop::kProgram))
      if (p.find("DPRK") != std::string::npos || p.find("NK") != std::string::npos) return true;
    return false;
  };
  size_t attempts = 0;
  size_t made = 0;
  while (made < positives && attempts < positives * 50) {
    ++attempts;
    const Entity& e = entities[rng.Below(entities.size())];
    auto kind_of = KindOfSchema(e.schema());
    if (kind_of != SchemaKind::kPerson && kind_of != SchemaKind::kOrganization) continue;
    std::string name = e.caption();
    if (!IsAsciiName(name) || Words(name).size() < 2) continue;
    std::string kind, variant;
    switch (rng.Below(4)) {
      case 0:
        kind = "typo";
        variant = Typo(name, rng);
        break;
      case 1:
        kind = "reorder";
        variant = Reorder(name);
        break;
      case 2:
        kind = "punctuation";
        variant = Punctuation(name);
        break;
      default:
        if (kind_of != SchemaKind::kPerson || !is_korean(e)) continue;
        kind = "korean-romanization";
        variant = KoreanVariant(name, rng);
    }
    if (variant.empty() || variant == name) continue;
    ++made;
    Query q;
    q.schema = e.schema();
    q.names = {variant};
    auto results = matcher.Match(q, options);
    bool found = false;
    if (results.ok())
      for (const auto& r : *results) found |= r.match && r.entity == &e;
    Confusion& c = report.by_kind[kind];
    (found ? c.tp : c.fn)++;
    (found ? report.overall.tp : report.overall.fn)++;
    if (!found)
      report.misses.push_back(kind + ": " + variant + " -> " + e.id() + " (" + name + ")");
  }
  // Ordinary names: common given and family names of several cultures.
  static const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> kPools = {
      {{"John", "Mary", "David", "Sarah", "Michael", "Laura", "James", "Emma", "Robert", "Linda",
        "Daniel", "Anna"},
       {"Smith", "Johnson", "Williams", "Brown", "Miller", "Davis", "Wilson", "Taylor", "Anderson",
        "Thomas", "Moore", "Clark"}},
      {{"Maria", "Jose", "Carlos", "Ana", "Luis", "Carmen", "Juan", "Sofia", "Pedro", "Lucia"},
       {"Garcia", "Rodriguez", "Martinez", "Lopez", "Gonzalez", "Perez", "Sanchez", "Ramirez",
        "Torres", "Flores"}},
      {{"Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun", "Do-yoon", "Ji-woo", "Seo-jun", "Soo-ah",
        "Hyun-woo", "Ye-jin"},
       {"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim"}},
      {{"Wei", "Fang", "Lei", "Jing", "Yong", "Xiu", "Hao", "Min", "Tao", "Yan"},
       {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Wu"}},
      {{"Olga", "Ivan", "Elena", "Sergei", "Natalia", "Andrei", "Irina", "Pavel", "Tatiana",
        "Mikhail"},
       {"Smirnova", "Kuznetsov", "Popova", "Sokolov", "Lebedeva", "Kozlov", "Novikova", "Morozov",
        "Volkova", "Pavlov"}},
      {{"Priya", "Rahul", "Anjali", "Arjun", "Neha", "Vikram", "Pooja", "Amit", "Sneha", "Rohan"},
       {"Sharma", "Patel", "Singh", "Kumar", "Gupta", "Reddy", "Nair", "Iyer", "Mehta", "Joshi"}},
      {{"Lukas", "Sophie", "Jonas", "Lea", "Felix", "Mia", "Paul", "Hannah", "Leon", "Clara"},
       {"Muller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Hoffmann", "Koch"}},
  };
  // A combination that a listed name contains in full (Andrei Pavlov in
  // "PAVLOV, Andrei Ivanovich") is a rightful alert, not an ordinary name.
  std::set<std::pair<std::string, std::string>> listed_pairs;
  for (const auto& e : entities)
    for (const auto& n : e.AllNames()) {
      auto words = Words(AsciiLower(n));
      for (auto& w : words) w.erase(std::remove(w.begin(), w.end(), '-'), w.end());
      for (const auto& a : words)
        for (const auto& b : words)
          if (a != b) listed_pairs.insert({a, b});
    }
  for (size_t i = 0; i < negatives; ++i) {
    const auto& pool = kPools[rng.Below(kPools.size())];
    std::string name =
        pool.first[rng.Below(pool.first.size())] + " " + pool.second[rng.Below(pool.second.size())];
    auto parts = Words(AsciiLower(name));
    for (auto& w : parts) w.erase(std::remove(w.begin(), w.end(), '-'), w.end());
    if (listed_pairs.count({parts[0], parts[1]})) continue;
    Query q;
    q.schema = "Person";
    q.names = {name};
    auto results = matcher.Match(q, options);
    bool alert = false;
    std::string what;
    if (results.ok())
      for (const auto& r : *results)
        if (r.match) {
          alert = true;
          what = r.entity->id() + " " + r.entity->caption() + " (" + std::to_string(r.score) + ")";
          break;
        }
    Confusion& c = report.by_kind["ordinary-name"];
    (alert ? c.fp : c.tn)++;
    (alert ? report.overall.fp : report.overall.tn)++;
    if (alert) report.false_alerts.push_back(name + " -> " + what);
  }
  return report;
}

std::string FormatVariantReport(const VariantReport& r, size_t max_listed) {
  std::string out =
      fmt::format("{:<22} {:>6} {:>8} {:>12}\n", "kind", "cases", "recall", "false-alert");
  for (const auto& [kind, c] : r.by_kind) {
    if (kind == "ordinary-name")
      out += fmt::format("{:<22} {:>6} {:>8} {:>11.2f}%\n", kind, c.total(), "-",
                         c.total() ? 100.0 * c.fp / c.total() : 0.0);
    else
      out += fmt::format("{:<22} {:>6} {:>8.3f} {:>12}\n", kind, c.total(), c.Recall(), "-");
  }
  int pos = r.overall.tp + r.overall.fn, neg = r.overall.tn + r.overall.fp;
  out += fmt::format("{:<22} {:>6} {:>8.3f} {:>11.2f}%\n", "ALL", pos + neg, r.overall.Recall(),
                     neg ? 100.0 * r.overall.fp / neg : 0.0);
  for (size_t i = 0; i < r.misses.size() && i < max_listed; ++i)
    out += "  missed: " + r.misses[i] + "\n";
  for (size_t i = 0; i < r.false_alerts.size() && i < max_listed; ++i)
    out += "  false alert: " + r.false_alerts[i] + "\n";
  return out;
}

}  // namespace vigil
