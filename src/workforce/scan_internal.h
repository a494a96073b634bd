// Shared state of one scan: indexes over the dataset that several parts of
// the analysis read (linking, rules, exposure, report).
#ifndef VIGIL_WORKFORCE_SCAN_INTERNAL_H_
#define VIGIL_WORKFORCE_SCAN_INTERNAL_H_

#include <span>
#include <string>
#include <vector>

#include "vigil/workforce.h"

namespace vigil::workforce {

class ScanIndex {
 public:
  explicit ScanIndex(const Dataset& data);

  const Dataset& data() const { return data_; }
  // A worker's logins, payments and shipments in time order.
  std::span<const uint32_t> Logins(uint32_t w) const {
    return Range(login_order_, login_start_, w);
  }
  std::span<const uint32_t> Payments(uint32_t w) const {
    return Range(payment_order_, payment_start_, w);
  }
  std::span<const uint32_t> Shipments(uint32_t w) const {
    return Range(shipment_order_, shipment_start_, w);
  }
  // Normalized address of record ("" when none).
  const std::string& Address(uint32_t w) const { return address_[w]; }
  bool SameHousehold(uint32_t a, uint32_t b) const;
  // Normalized key of a payout account (wallets keep their case rules).
  std::string AccountKey(const Payment& p) const;

 private:
  static std::span<const uint32_t> Range(const std::vector<uint32_t>& order,
                                         const std::vector<uint32_t>& start, uint32_t w) {
    return std::span<const uint32_t>(order.data() + start[w], start[w + 1] - start[w]);
  }
  const Dataset& data_;
  std::vector<uint32_t> login_order_, login_start_;
  std::vector<uint32_t> payment_order_, payment_start_;
  std::vector<uint32_t> shipment_order_, shipment_start_;
  std::vector<std::string> address_;
  std::vector<std::vector<std::string>> address_tokens_;  // sorted
};

struct LinkResult {
  std::vector<std::vector<uint32_t>> clusters;  // members sorted; size >= 2
  std::vector<int32_t> cluster_of;              // per worker, -1 when alone
  std::vector<std::vector<Edge>> edges;         // per cluster
  size_t hub_values = 0;  // identifier values skipped as shared infrastructure
};

LinkResult LinkWorkers(const ScanIndex& index, const LinkSettings& settings);

struct ExposureOptions {
  const Catalog* catalog = nullptr;
  const Matcher* matcher = nullptr;
  bool screen_worker_names = true;
  bool screen_counterparties = true;
  double min_score = 0.85;  // for names through the matcher
};

// Sanctions exposure of every worker: wallets and e-mails exactly against the
// catalog's identifiers, names/holders/banks through the matcher. Hits are
// sorted by worker, then field.
std::vector<ExposureHit> ScreenExposure(const ScanIndex& index, const ExposureOptions& options,
                                        std::vector<std::string>* notes);

}  // namespace vigil::workforce

#endif  // VIGIL_WORKFORCE_SCAN_INTERNAL_H_
