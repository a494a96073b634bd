#include "match/batch.h"

#include <fmt/format.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "core/csv.h"
#include "core/io.h"
#include "core/strings.h"
#include "match/query_json.h"

namespace vigil {

Result<std::vector<Query>> ParseQueriesJsonl(std::string_view text, std::string_view name) {
  std::vector<Query> out;
  size_t line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    line = Trim(line);
    if (line.empty()) continue;
    std::string where = std::string(name) + ":" + std::to_string(line_no);
    VIGIL_ASSIGN_OR_RETURN(Query q, QueryFromJsonText(line, where));
    if (q.id.empty()) q.id = std::to_string(line_no);
    out.push_back(std::move(q));
  }
  return out;
}

Result<std::vector<Query>> ParseQueriesCsv(std::string_view text, std::string_view name) {
  CsvReader reader(text, name);
  std::vector<std::string> row;
  if (!reader.Next(&row)) return Status::InvalidArgument(std::string(name) + ": empty file");
  CsvHeader header(row);
  if (header.Index("name") < 0)
    return Status::InvalidArgument(std::string(name) + ":1: missing column \"name\"");
  // Columns that map to FtM properties of the query.
  static const std::pair<const char*, const char*> kColumns[] = {
      {"name", "name"},
      {"alias", "alias"},
      {"birth_date", "birthDate"},
      {"birthdate", "birthDate"},
      {"country", "country"},
      {"nationality", "nationality"},
      {"gender", "gender"},
      {"passport", "passportNumber"},
      {"id_number", "idNumber"},
      {"registration_number", "registrationNumber"},
      {"tax_number", "taxNumber"},
      {"swift_bic", "swiftBic"},
      {"imo", "imoNumber"},
      {"email", "email"},
      {"phone", "phone"},
      {"website", "website"},
      {"wallet", "cryptoWallet"},
  };
  std::vector<Query> out;
  while (reader.Next(&row)) {
    nlohmann::json j;
    std::string id(header.Get(row, "id"));
    j["id"] = id.empty() ? std::to_string(reader.line()) : id;
    std::string schema_name(header.Get(row, "schema"));
    if (!schema_name.empty()) j["schema"] = schema_name;
    nlohmann::json props = nlohmann::json::object();
    for (const auto& [col, prop_name] : kColumns) {
      std::string_view v = header.Get(row, col);
      if (v.empty()) continue;
      // Several values in one cell are separated by '|'.
      for (const auto& part : SplitTrimmed(v, "|")) props[prop_name].push_back(part);
    }
    j["properties"] = props;
    VIGIL_ASSIGN_OR_RETURN(Query q, QueryFromJson(j, reader.Where()));
    out.push_back(std::move(q));
  }
  if (!reader.status().ok()) return reader.status();
  return out;
}

Result<std::vector<Query>> ReadQueries(const std::string& path) {
  VIGIL_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  std::string lower = AsciiLower(path);
  if (EndsWith(lower, ".csv") || EndsWith(lower, ".csv.gz")) return ParseQueriesCsv(text, path);
  return ParseQueriesJsonl(text, path);
}

Result<std::vector<std::vector<MatchResult>>> ScreenAll(const Matcher& matcher,
                                                        const std::vector<Query>& queries,
                                                        const BatchOptions& options) {
  std::vector<std::vector<MatchResult>> results(queries.size());
  std::vector<Status> errors(queries.size());
  std::atomic<size_t> next{0}, done{0};
  int jobs = std::max(1, options.jobs);
  auto worker = [&] {
    while (true) {
      size_t i = next.fetch_add(1);
      if (i >= queries.size()) return;
      auto r = matcher.Match(queries[i], options.match);
      if (r.ok())
        results[i] = std::move(*r);
      else
        errors[i] = r.status();
      done.fetch_add(1);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
  if (options.progress) {
    // The calling thread screens too, reporting between queries.
    while (true) {
      size_t i = next.fetch_add(1);
      if (i >= queries.size()) break;
      auto r = matcher.Match(queries[i], options.match);
      if (r.ok())
        results[i] = std::move(*r);
      else
        errors[i] = r.status();
      size_t d = done.fetch_add(1) + 1;
      if (d % 256 == 0) options.progress(d, queries.size());
    }
  } else {
    worker();
  }
  for (auto& t : threads) t.join();
  if (options.progress) options.progress(queries.size(), queries.size());
  for (size_t i = 0; i < errors.size(); ++i)
    if (!errors[i].ok()) return errors[i].WithContext("query " + queries[i].id);
  return results;
}

Status ScreenFile(const Matcher& matcher, const std::string& input_path,
                  const std::string& output_path, const BatchOptions& options) {
  VIGIL_ASSIGN_OR_RETURN(auto queries, ReadQueries(input_path));
  VIGIL_ASSIGN_OR_RETURN(auto results, ScreenAll(matcher, queries, options));
  std::string out;
  const std::string& version = matcher.catalog().version();
  for (size_t i = 0; i < queries.size(); ++i) {
    out += DumpJson(ResponseToJson(queries[i], results[i], version));
    out += '\n';
  }
  if (output_path.empty() || output_path == "-") {
    std::cout << out;
    std::cout.flush();
    return std::cout ? Status::Ok() : Status::IOError("cannot write to standard output");
  }
  return WriteFileAtomic(output_path, out);
}

std::string FormatResultsTable(const Query& query, const std::vector<MatchResult>& results,
                               bool explain) {
  std::vector<std::string> what = query.names;
  for (const auto& id : query.identifiers) what.push_back(id.kind + ":" + id.value);
  std::string out = fmt::format("query: {}", Join(what, " / "));
  if (query.schema != "LegalEntity") out += fmt::format("  [{}]", query.schema);
  out += "\n";
  if (results.empty()) return out + "  no results above the cutoff\n";
  out += fmt::format("  {:>5}  {:<5}  {:<28}  {:<12}  {}\n", "score", "match", "id", "schema",
                     "name (matched alias)");
  for (const auto& r : results) {
    std::string name = r.entity->caption();
    if (!r.explanation.matched_name.empty() && r.explanation.matched_name != name)
      name += "  (" + r.explanation.matched_name + ")";
    out += fmt::format("  {:>5.3f}  {:<5}  {:<28}  {:<12}  {}\n", r.score, r.match ? "yes" : "no",
                       r.entity->id(), r.entity->schema(), name);
    if (explain) {
      std::string pairs;
      for (const auto& t : r.explanation.tokens)
        pairs += fmt::format(" {}~{}:{:.2f}", t.query_token.empty() ? "-" : t.query_token,
                             t.result_token.empty() ? "-" : t.result_token, t.similarity);
      if (!r.explanation.matched_form.empty())
        out += fmt::format("         name {:.3f} via \"{}\":{}\n", r.explanation.name_score,
                           r.explanation.matched_form, pairs);
      for (const auto& f : r.explanation.features)
        out += fmt::format("         {} {:+.2f} ({})\n", f.name, f.delta, f.detail);
    }
  }
  return out;
}

}  // namespace vigil
