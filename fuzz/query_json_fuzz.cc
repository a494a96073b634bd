// Fuzzes the request parsers of the screening service: a yente query object
// (QueryFromJsonText), a whole /match body with URL parameters
// (ParseMatchRequest), and counterparty files for monitoring.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "match/query_json.h"
#include "vigil/monitor.h"
#include "vigil/server.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)vigil::QueryFromJsonText(text, "fuzz");

  vigil::ServerOptions limits;
  limits.max_batch = 8;
  limits.max_query_chars = 200;
  // The first line, when short, doubles as URL parameters name=value.
  vigil::QueryParams params;
  size_t nl = text.find('\n');
  if (nl != std::string_view::npos && nl < 64) {
    std::string_view line = text.substr(0, nl);
    size_t eq = line.find('=');
    if (eq != std::string_view::npos)
      params.values.emplace_back(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)));
  }
  vigil::MatchRequest request;
  vigil::RequestError error;
  if (vigil::ParseMatchRequest(text, params, limits, &request, &error)) {
    if (request.queries.empty() || request.queries.size() > limits.max_batch) __builtin_trap();
  } else if (error.http_status < 400 || error.http_status > 499 || error.detail.empty()) {
    __builtin_trap();
  }

  (void)vigil::ParseCounterparties(text, "fuzz.jsonl", false, "customer");
  (void)vigil::ParseCounterparties(text, "fuzz.csv", true, "customer");
  return 0;
}
