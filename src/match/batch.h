// Batch screening: a file of queries in, one JSON line of results per query
// out, in input order, screened on several threads.
#ifndef VIGIL_MATCH_BATCH_H_
#define VIGIL_MATCH_BATCH_H_

#include <functional>
#include <string>
#include <vector>

#include "vigil/matcher.h"

namespace vigil {

// Reads queries from JSON lines (yente /match query objects) or CSV (header
// with name and optional id, schema, alias, birth_date, country, nationality,
// gender, passport, id_number, registration_number, email, wallet, …); the
// format follows the file name (.csv or not). The first bad record fails the
// whole read with its file and line: nothing is screened from a broken file.
Result<std::vector<Query>> ReadQueries(const std::string& path);
Result<std::vector<Query>> ParseQueriesJsonl(std::string_view text, std::string_view name);
Result<std::vector<Query>> ParseQueriesCsv(std::string_view text, std::string_view name);

struct BatchOptions {
  MatchOptions match;
  int jobs = 1;
  // Called now and then with (done, total); may be empty.
  std::function<void(size_t, size_t)> progress;
};

// Screens all queries; result i belongs to query i.
Result<std::vector<std::vector<MatchResult>>> ScreenAll(const Matcher& matcher,
                                                        const std::vector<Query>& queries,
                                                        const BatchOptions& options);

// The whole job: read, screen, write JSON lines to `output_path` atomically
// ("-" = standard output).
Status ScreenFile(const Matcher& matcher, const std::string& input_path,
                  const std::string& output_path, const BatchOptions& options);

// A readable table of results for the terminal.
std::string FormatResultsTable(const Query& query, const std::vector<MatchResult>& results,
                               bool explain);

}  // namespace vigil

#endif  // VIGIL_MATCH_BATCH_H_
