// Parsing and validation of /match requests: every problem becomes a 4xx
// with a message that names the field, never an exception or a crash.
#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/strings.h"
#include "match/query_json.h"
#include "server/request_util.h"
#include "vigil/server.h"

namespace vigil {
namespace {

// FtM schemas a query may name (yente rejects others too).
constexpr std::string_view kKnownSchemas[] = {
    "Thing",    "LegalEntity", "Person",       "Organization", "Company", "PublicBody", "Vessel",
    "Airplane", "Asset",       "CryptoWallet", "BankAccount",  "Address", "Security",   "Vehicle"};

bool Fail(RequestError* error, int status, std::string detail) {
  error->http_status = status;
  error->detail = std::move(detail);
  return false;
}

// Characters (UTF-8 code points), not bytes: a Hangul name is not 3x longer.
size_t Chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

size_t QueryChars(const Query& q) {
  size_t n = Chars(q.gender);
  for (const auto& s : q.names) n += Chars(s);
  for (const auto& s : q.birth_dates) n += Chars(s);
  for (const auto& s : q.countries) n += Chars(s);
  for (const auto& i : q.identifiers) n += Chars(i.value);
  return n;
}

// Reads one option that may come from the URL (text) or the body (JSON).
bool ReadNumber(const QueryParams& params, const nlohmann::json& body, std::string_view name,
                double lo, double hi, double* out, RequestError* error) {
  std::optional<double> value;
  for (const auto& [k, v] : params.values) {
    if (k != name) continue;
    char* end = nullptr;
    std::string s(Trim(v));
    double d = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(d))
      return Fail(error, 422, fmt::format("parameter {} must be a number, got \"{}\"", name, v));
    value = d;
  }
  if (body.is_object()) {
    if (auto it = body.find(name); it != body.end() && !it->is_null()) {
      if (!it->is_number())
        return Fail(error, 422, fmt::format("field \"{}\" must be a number", name));
      value = it->get<double>();
    }
  }
  if (!value) return true;
  if (*value < lo || *value > hi)
    return Fail(error, 422,
                fmt::format("{} must be between {} and {}, got {}", name, lo, hi, *value));
  *out = *value;
  return true;
}

bool ReadList(const QueryParams& params, const nlohmann::json& body, std::string_view name,
              std::vector<std::string>* out, RequestError* error) {
  for (const auto& [k, v] : params.values)
    if (k == name && !v.empty()) out->push_back(v);
  if (!body.is_object()) return true;
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return true;
  if (it->is_string()) {
    out->push_back(it->get<std::string>());
    return true;
  }
  if (!it->is_array())
    return Fail(error, 422, fmt::format("field \"{}\" must be a list of strings", name));
  for (const auto& v : *it) {
    if (!v.is_string())
      return Fail(error, 422, fmt::format("field \"{}\" must be a list of strings", name));
    out->push_back(v.get<std::string>());
  }
  return true;
}

}  // namespace

bool IsKnownSchema(std::string_view schema) {
  for (auto s : kKnownSchemas)
    if (s == schema) return true;
  return false;
}

bool ValidateQuery(const Query& q, std::string_view where, const ServerOptions& limits,
                   RequestError* error) {
  if (!IsKnownSchema(q.schema))
    return Fail(error, 422,
                fmt::format("{}: unknown schema \"{}\" (use Person, Organization, Company, "
                            "LegalEntity, Vessel, Airplane …)",
                            where, q.schema));
  size_t chars = QueryChars(q);
  if (chars > limits.max_query_chars)
    return Fail(error, 422,
                fmt::format("{}: the query has {} characters of values; the limit is {}", where,
                            chars, limits.max_query_chars));
  return true;
}

bool ParseMatchRequest(std::string_view body_text, const QueryParams& params,
                       const ServerOptions& limits, MatchRequest* out, RequestError* error) {
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(body_text);
  } catch (const nlohmann::json::exception& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 3: …"
    size_t p = what.find("] ");
    return Fail(error, 400,
                "malformed JSON body: " + (p == std::string::npos ? what : what.substr(p + 2)));
  }
  if (!body.is_object())
    return Fail(error, 422, "the body must be a JSON object {\"queries\": {…}}");
  auto qs = body.find("queries");
  if (qs == body.end()) return Fail(error, 422, "missing field \"queries\"");
  if (!qs->is_object())
    return Fail(error, 422, "field \"queries\" must be an object of named queries");
  if (qs->empty()) return Fail(error, 400, "no queries provided");
  if (qs->size() > limits.max_batch)
    return Fail(
        error, 400,
        fmt::format("too many queries in one batch: {} (limit: {})", qs->size(), limits.max_batch));
  MatchOptions o = limits.match;
  double limit = static_cast<double>(o.limit);
  if (!ReadNumber(params, body, "limit", 1, static_cast<double>(limits.max_limit), &limit, error))
    return false;
  if (limit != std::floor(limit)) return Fail(error, 422, "limit must be a whole number");
  o.limit = static_cast<size_t>(limit);
  if (!ReadNumber(params, body, "threshold", 0, 1, &o.threshold, error)) return false;
  bool cutoff_given = false;
  for (const auto& [k, v] : params.values) cutoff_given |= k == "cutoff";
  cutoff_given |= body.contains("cutoff");
  if (!ReadNumber(params, body, "cutoff", 0, 1, &o.cutoff, error)) return false;
  if (!cutoff_given) o.cutoff = std::min(limits.match.cutoff, o.threshold);
  o.cutoff = std::min(o.cutoff, o.threshold);
  if (!ReadList(params, body, "include_dataset", &o.include_datasets, error) ||
      !ReadList(params, body, "exclude_dataset", &o.exclude_datasets, error) ||
      !ReadList(params, body, "exclude_entity_ids", &o.exclude_entity_ids, error))
    return false;
  if (o.exclude_entity_ids.size() > 1000)
    return Fail(error, 422, "exclude_entity_ids holds more than 1000 ids");
  out->options = std::move(o);
  out->queries.clear();
  for (auto it = qs->begin(); it != qs->end(); ++it) {
    std::string where = "queries." + SanitizeUtf8(it.key());
    if (it.key().empty() || it.key().size() > 200)
      return Fail(error, 422, "query names must have 1 to 200 characters");
    auto q = QueryFromJson(it.value(), where);
    if (!q.ok()) return Fail(error, 422, q.status().message());
    if (!ValidateQuery(*q, where, limits, error)) return false;
    if (q->id.empty()) q->id = it.key();
    out->queries.emplace_back(it.key(), std::move(*q));
  }
  return true;
}

}  // namespace vigil
