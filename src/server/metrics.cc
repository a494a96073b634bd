#include "server/metrics.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>

namespace vigil::server {

void Metrics::ObserveRequest(const std::string& route, int status, double seconds) {
  Series* series;
  Counter* counter;
  {
    std::lock_guard lock(mu_);
    auto& s = latency_[route];
    if (!s) s = std::make_unique<Series>();
    series = s.get();
    auto& c = requests_[{route, status}];
    if (!c) c = std::make_unique<Counter>();
    counter = c.get();
  }
  counter->n++;
  series->count++;
  series->sum_micros += static_cast<uint64_t>(std::max(0.0, seconds) * 1e6);
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) series->buckets[i]++;
}

std::string Metrics::Render(const std::string& version, uint64_t entities,
                            double age_seconds) const {
  std::string out;
  out += "# HELP vigil_http_requests_total HTTP requests by route and status.\n";
  out += "# TYPE vigil_http_requests_total counter\n";
  std::lock_guard lock(mu_);
  for (const auto& [key, c] : requests_)
    out += fmt::format("vigil_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", key.first,
                       key.second, c->n.load());
  out += "# HELP vigil_http_request_duration_seconds Time to answer a request.\n";
  out += "# TYPE vigil_http_request_duration_seconds histogram\n";
  for (const auto& [route, s] : latency_) {
    for (size_t i = 0; i < kBuckets.size(); ++i)
      out +=
          fmt::format("vigil_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                      route, kBuckets[i], s->buckets[i].load());
    out +=
        fmt::format("vigil_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
                    route, s->count.load());
    out += fmt::format("vigil_http_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n", route,
                       static_cast<double>(s->sum_micros.load()) / 1e6);
    out += fmt::format("vigil_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route,
                       s->count.load());
  }
  auto counter = [&out](const char* name, const char* help, uint64_t v) {
    out += fmt::format("# HELP {} {}\n# TYPE {} counter\n{} {}\n", name, help, name, name, v);
  };
  counter("vigil_screenings_total", "Queries screened (match and search).", screenings_.load());
  counter("vigil_alerts_total", "Screenings that raised an alert.", alerts_.load());
  counter("vigil_suppressed_results_total", "Matches hidden by a false-positive decision.",
          suppressed_.load());
  counter("vigil_catalog_swaps_total", "Catalogs swapped in.", swaps_.load());
  counter("vigil_catalog_load_failures_total", "Catalog loads that failed (old kept).",
          load_failures_.load());
  counter("vigil_rate_limited_total", "Requests refused by a rate limit.", rate_limited_.load());
  counter("vigil_auth_failures_total", "Requests refused for a missing or bad API key.",
          auth_failures_.load());
  counter("vigil_audit_failures_total", "Screenings refused because the audit write failed.",
          audit_failures_.load());
  out += "# HELP vigil_requests_in_flight Requests being answered.\n";
  out += "# TYPE vigil_requests_in_flight gauge\n";
  out += fmt::format("vigil_requests_in_flight {}\n", in_flight_.load());
  out += "# HELP vigil_catalog_entities Entities in the catalog serving now.\n";
  out += "# TYPE vigil_catalog_entities gauge\n";
  out += fmt::format("vigil_catalog_entities {}\n", entities);
  out += "# HELP vigil_catalog_age_seconds Time since the serving catalog was swapped in.\n";
  out += "# TYPE vigil_catalog_age_seconds gauge\n";
  out += fmt::format("vigil_catalog_age_seconds {:.3f}\n", age_seconds);
  out += "# HELP vigil_catalog_info The catalog version serving now.\n";
  out += "# TYPE vigil_catalog_info gauge\n";
  out += fmt::format("vigil_catalog_info{{version=\"{}\"}} 1\n", version);
  return out;
}

bool RateLimiter::Allow(const std::string& caller, double rate, double burst, double* retry) {
  if (rate <= 0) return true;
  burst = std::max(1.0, burst);
  int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::steady_clock::now().time_since_epoch())
                    .count();
  std::lock_guard lock(mu_);
  // Many distinct callers (anonymous loopback addresses): forget full buckets.
  if (buckets_.size() > 100000) buckets_.clear();
  auto [it, inserted] = buckets_.try_emplace(caller);
  Bucket& b = it->second;
  if (inserted) {
    b.tokens = burst;
    b.last_ns = now;
  }
  b.tokens = std::min(burst, b.tokens + static_cast<double>(now - b.last_ns) / 1e9 * rate);
  b.last_ns = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return true;
  }
  *retry = (1 - b.tokens) / rate;
  return false;
}

}  // namespace vigil::server
