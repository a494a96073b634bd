// The JSON shapes of screening, compatible with yente's /match API:
// a query is {"id", "schema", "properties": {name: [...], birthDate: [...], …}}
// and a result {"id", "score", "match", "caption", "schema", "datasets",
// "explanation"}.
#ifndef VIGIL_MATCH_QUERY_JSON_H_
#define VIGIL_MATCH_QUERY_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "vigil/matcher.h"

namespace vigil {

// Reads a query object. Errors name the offending field; `where` prefixes
// messages (e.g. "queries.jsonl:12").
Result<Query> QueryFromJson(const nlohmann::json& j, std::string_view where);
// The same from a JSON text.
Result<Query> QueryFromJsonText(std::string_view text, std::string_view where);
// A query back as yente-shaped JSON (for echoing and audit records).
nlohmann::json QueryToJson(const Query& query);
nlohmann::json ResultToJson(const MatchResult& result, bool with_explanation = true);
// One output line of `vigil screen --input`: {"id", "results", "catalog"}.
nlohmann::json ResponseToJson(const Query& query, const std::vector<MatchResult>& results,
                              const std::string& catalog_version);
// Serialises without ever throwing on invalid UTF-8 (replaced by U+FFFD).
std::string DumpJson(const nlohmann::json& j, int indent = -1);

}  // namespace vigil

#endif  // VIGIL_MATCH_QUERY_JSON_H_
