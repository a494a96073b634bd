#include "match/eval.h"

#include <fmt/format.h>

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
