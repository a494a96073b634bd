#include <algorithm>

#include "core/strings.h"
#include "workforce/scan_internal.h"
#include "workforce/text_util.h"

namespace vigil::workforce {
namespace {

// Counting sort by worker, then time order inside each worker's range.
template <typename Row>
void GroupByWorker(const std::vector<Row>& rows, size_t workers, std::vector<uint32_t>* order,
                   std::vector<uint32_t>* start) {
  start->assign(workers + 1, 0);
  for (const auto& r : rows) ++(*start)[r.worker + 1];
  for (size_t i = 1; i <= workers; ++i) (*start)[i] += (*start)[i - 1];
  order->resize(rows.size());
  std::vector<uint32_t> next(start->begin(), start->end() - 1);
  for (uint32_t i = 0; i < rows.size(); ++i) (*order)[next[rows[i].worker]++] = i;
  for (size_t w = 0; w < workers; ++w) {
    auto first = order->begin() + (*start)[w];
    auto last = order->begin() + (*start)[w + 1];
    std::stable_sort(first, last,
                     [&](uint32_t a, uint32_t b) { return rows[a].time < rows[b].time; });
  }
}

}  // namespace

ScanIndex::ScanIndex(const Dataset& data) : data_(data) {
  size_t n = data.workers.size();
  GroupByWorker(data.logins, n, &login_order_, &login_start_);
  GroupByWorker(data.payments, n, &payment_order_, &payment_start_);
  GroupByWorker(data.shipments, n, &shipment_order_, &shipment_start_);
  address_.resize(n);
  address_tokens_.resize(n);
  for (size_t w = 0; w < n; ++w) {
    if (data.workers[w].address.empty()) continue;
    address_[w] = NormAddress(data.workers[w].address);
    address_tokens_[w] = SplitTrimmed(address_[w], " ");
    std::sort(address_tokens_[w].begin(), address_tokens_[w].end());
  }
}

bool ScanIndex::SameHousehold(uint32_t a, uint32_t b) const {
  if (address_[a].empty() || address_[b].empty()) return false;
  return address_[a] == address_[b] || SameAddressTokens(address_tokens_[a], address_tokens_[b]);
}

std::string ScanIndex::AccountKey(const Payment& p) const {
  std::string_view account = data_.strings.Get(p.account);
  if (account.empty() || IsPlaceholder(account)) return {};
  // Masked numbers ("**** 1234", "xxxx1234") are shared by strangers.
  if (account.find('*') != std::string_view::npos || account.find("…") != std::string_view::npos ||
      IFind(account, "xxxx") != std::string_view::npos)
    return {};
  if (p.method == PayMethod::kCrypto) return NormWallet(account);
  std::string key = NormAccount(account);
  return key.size() >= 4 ? key : std::string();
}

}  // namespace vigil::workforce
