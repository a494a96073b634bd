// Prometheus metrics of the server: counters and a latency histogram per
// route, kept with atomics so that recording never takes a lock on the
// request path (except to add a new label set, once).
#ifndef VIGIL_SERVER_METRICS_H_
#define VIGIL_SERVER_METRICS_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace vigil::server {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};
  // One finished request: route label ("match", "search" …) and status.
  void ObserveRequest(const std::string& route, int status, double seconds);
  void AddScreenings(uint64_t n) { screenings_ += n; }
  void AddAlerts(uint64_t n) { alerts_ += n; }
  void AddSuppressed(uint64_t n) { suppressed_ += n; }
  void CatalogSwapped() { swaps_++; }
  void CatalogLoadFailed() { load_failures_++; }
  void RateLimited() { rate_limited_++; }
  void AuthFailed() { auth_failures_++; }
  void AuditFailed() { audit_failures_++; }
  std::atomic<int64_t>& in_flight() { return in_flight_; }

  // The exposition text; `catalog_version` and `entities` describe the
  // catalog serving now.
  std::string Render(const std::string& catalog_version, uint64_t entities,
                     double catalog_age_seconds) const;

 private:
  struct Series {
    std::atomic<uint64_t> count{0};
    std::array<std::atomic<uint64_t>, kBuckets.size()> buckets{};
    std::atomic<uint64_t> sum_micros{0};
  };
  struct Counter {
    std::atomic<uint64_t> n{0};
  };
  mutable std::mutex mu_;  // guards the maps' shape, not the values
  std::map<std::string, std::unique_ptr<Series>> latency_;                    // by route
  std::map<std::pair<std::string, int>, std::unique_ptr<Counter>> requests_;  // route, status
  std::atomic<uint64_t> screenings_{0}, alerts_{0}, suppressed_{0}, swaps_{0}, load_failures_{0},
      rate_limited_{0}, auth_failures_{0}, audit_failures_{0};
  std::atomic<int64_t> in_flight_{0};
};

// A token bucket per caller.
class RateLimiter {
 public:
  // True when the caller may proceed; else *retry_after_seconds says when.
  // rate <= 0 means unlimited.
  bool Allow(const std::string& caller, double rate, double burst, double* retry_after_seconds);

 private:
  struct Bucket {
    double tokens = 0;
    int64_t last_ns = 0;
  };
  std::mutex mu_;
  std::map<std::string, Bucket> buckets_;
};

}  // namespace vigil::server

#endif  // VIGIL_SERVER_METRICS_H_
