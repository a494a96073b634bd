// One operator, many personas: links workers that share strong identifiers or
// look alike, and groups them with union-find.
#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/strings.h"
#include "workforce/scan_internal.h"
#include "workforce/text_util.h"

namespace vigil::workforce {
namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n), rank_(n, 0) {
    std::iota(parent_.begin(), parent_.end(), 0u);
  }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (rank_[a] < rank_[b]) std::swap(a, b);
    parent_[b] = a;
    if (rank_[a] == rank_[b]) ++rank_[a];
  }

 private:
  std::vector<uint32_t> parent_;
  std::vector<uint8_t> rank_;
};

uint64_t PairKey(uint32_t a, uint32_t b) {
  if (a > b) std::swap(a, b);
  return (uint64_t{a} << 32) | b;
}

class Linker {
 public:
  Linker(const ScanIndex& index, const LinkSettings& settings)
      : index_(index), data_(index.data()), settings_(settings) {}

  LinkResult Run() {
    CollectExactIdentifiers();
    CollectIpWindows();
    CollectSimilarEmails();
    CollectSimilarNames();
    AddBirthDates();
    ApplyHouseholds();
    return Build();
  }

 private:
  double Strength(std::string_view kind) const {
    auto it = settings_.strength.find(kind);
    return it == settings_.strength.end() ? 0 : it->second;
  }

  void Add(uint32_t a, uint32_t b, std::string_view kind, std::string value, double strength) {
    if (a == b || strength <= 0) return;
    if (a > b) std::swap(a, b);
    auto& ev = pairs_[PairKey(a, b)];
    for (const auto& e : ev)
      if (e.kind == kind && e.value == value) return;
    ev.push_back({std::string(kind), std::move(value), strength});
  }

  // Links every pair of workers holding the same value, unless so many hold
  // it that it is shared infrastructure.
  void LinkGroups(std::string_view kind,
                  std::unordered_map<std::string, std::vector<uint32_t>>& groups) {
    double strength = Strength(kind);
    if (strength <= 0) return;
    std::vector<std::pair<std::string, std::vector<uint32_t>>> sorted(groups.begin(), groups.end());
    std::sort(sorted.begin(), sorted.end());
    for (auto& [value, workers] : sorted) {
      std::sort(workers.begin(), workers.end());
      workers.erase(std::unique(workers.begin(), workers.end()), workers.end());
      if (workers.size() < 2) continue;
      if (workers.size() > static_cast<size_t>(settings_.max_group)) {
        ++hub_values_;
        continue;
      }
      for (size_t i = 0; i < workers.size(); ++i)
        for (size_t j = i + 1; j < workers.size(); ++j)
          Add(workers[i], workers[j], kind, value, strength);
    }
  }

  void CollectExactIdentifiers() {
    const auto& workers = data_.workers;
    std::unordered_map<std::string, std::vector<uint32_t>> email, phone, document, photo;
    for (uint32_t w = 0; w < workers.size(); ++w) {
      const Worker& x = workers[w];
      if (!IsPlaceholder(x.email) && x.email.find('@') != std::string::npos)
        email[NormEmail(x.email)].push_back(w);
      std::string p = NormPhone(x.phone);
      if (!p.empty()) phone[p].push_back(w);
      std::string d = NormAccount(x.document_number);
      if (d.size() >= 5 && !IsPlaceholder(x.document_number)) document[d].push_back(w);
      if (x.photo_hash.size() >= 6 && !IsPlaceholder(x.photo_hash))
        photo[AsciiLower(x.photo_hash)].push_back(w);
    }
    LinkGroups("email", email);
    LinkGroups("phone", phone);
    LinkGroups("document", document);
    LinkGroups("photo", photo);

    std::unordered_map<std::string, std::vector<uint32_t>> device, mfa;
    {
      // Pool ids first: millions of logins, few distinct devices per worker.
      std::unordered_map<uint32_t, std::vector<uint32_t>> dev_ids, mfa_ids;
      for (uint32_t w = 0; w < workers.size(); ++w) {
        uint32_t last_dev = 0, last_mfa = 0;
        for (uint32_t li : index_.Logins(w)) {
          const Login& l = data_.logins[li];
          if (l.device && l.device != last_dev) {
            dev_ids[l.device].push_back(w);
            last_dev = l.device;
          }
          if (l.mfa && l.mfa != last_mfa) {
            mfa_ids[l.mfa].push_back(w);
            last_mfa = l.mfa;
          }
        }
      }
      auto to_strings = [&](auto& ids, auto& out) {
        for (auto& [id, ws] : ids) {
          std::sort(ws.begin(), ws.end());
          ws.erase(std::unique(ws.begin(), ws.end()), ws.end());
          if (ws.size() < 2) continue;
          std::string_view v = data_.strings.Get(id);
          if (IsPlaceholder(v)) continue;
          out[std::string(v)] = std::move(ws);
        }
      };
      to_strings(dev_ids, device);
      to_strings(mfa_ids, mfa);
    }
    LinkGroups("device", device);
    LinkGroups("mfa", mfa);

    std::unordered_map<std::string, std::vector<uint32_t>> account, wallet;
    for (const auto& p : data_.payments) {
      std::string key = index_.AccountKey(p);
      if (key.empty()) continue;
      (p.method == PayMethod::kCrypto ? wallet : account)[key].push_back(p.worker);
    }
    LinkGroups("account", account);
    LinkGroups("wallet", wallet);

    // Equipment sent somewhere other than the worker's own address.
    std::unordered_map<std::string, std::vector<uint32_t>> ship_to;
    for (const auto& s : data_.shipments) {
      std::string addr = NormAddress(data_.strings.Get(s.address));
      if (addr.empty() || SameAddress(addr, index_.Address(s.worker))) continue;
      ship_to[addr].push_back(s.worker);
    }
    LinkGroups("ship_to", ship_to);
  }

  // Two workers online from one IP within the window, counted in distinct
  // days. Residential IPs ("home_ip") are kept apart from office, mobile and
  // VPN addresses ("ip_day"): strangers share those, not a home connection.
  void CollectIpWindows() {
    double per_day_home = Strength("home_ip"), per_day_other = Strength("ip_day");
    if ((per_day_home <= 0 && per_day_other <= 0) || data_.logins.empty()) return;
    std::vector<uint32_t> order;
    order.reserve(data_.logins.size());
    for (uint32_t i = 0; i < data_.logins.size(); ++i)
      if (data_.logins[i].ip) order.push_back(i);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      const Login& x = data_.logins[a];
      const Login& y = data_.logins[b];
      return x.ip != y.ip ? x.ip < y.ip : x.time < y.time;
    });
    struct PairDays {
      int64_t last_day = -1;
      uint32_t days = 0;
      uint32_t ip = 0;
    };
    // Key: pair, with the top bit of `a` marking a residential IP.
    std::unordered_map<uint64_t, PairDays> pairs;
    std::vector<uint32_t> distinct;
    for (size_t begin = 0; begin < order.size();) {
      uint32_t ip = data_.logins[order[begin]].ip;
      size_t end = begin;
      size_t residential = 0;
      while (end < order.size() && data_.logins[order[end]].ip == ip) {
        if (data_.logins[order[end]].network == Network::kResidential) ++residential;
        ++end;
      }
      bool home = residential * 2 > end - begin;
      distinct.clear();
      for (size_t i = begin; i < end; ++i) distinct.push_back(data_.logins[order[i]].worker);
      std::sort(distinct.begin(), distinct.end());
      distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
      if (distinct.size() > static_cast<size_t>(settings_.max_group)) {
        ++hub_values_;
      } else if (distinct.size() >= 2) {
        size_t window_start = begin;
        for (size_t i = begin; i < end; ++i) {
          const Login& li = data_.logins[order[i]];
          while (li.time - data_.logins[order[window_start]].time > settings_.ip_window_seconds)
            ++window_start;
          // A flood of logins from one IP in one hour (a script) must not
          // make this quadratic.
          size_t from = std::max(window_start, i >= 256 ? i - 256 : size_t{0});
          for (size_t j = from; j < i; ++j) {
            const Login& lj = data_.logins[order[j]];
            if (lj.worker == li.worker) continue;
            uint64_t key = PairKey(li.worker, lj.worker) | (home ? (1ULL << 63) : 0);
            auto& pd = pairs[key];
            int64_t day = li.time >= 0 ? li.time / 86400 : (li.time - 86399) / 86400;
            if (pd.last_day != day) {
              pd.last_day = day;
              ++pd.days;
              if (!pd.ip) pd.ip = ip;
            }
          }
        }
      }
      begin = end;
    }
    std::vector<std::pair<uint64_t, PairDays>> sorted(pairs.begin(), pairs.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [key, pd] : sorted) {
      bool home = (key >> 63) != 0;
      double per_day = home ? per_day_home : per_day_other;
      if (per_day <= 0) continue;
      std::string value = std::string(data_.strings.Get(pd.ip)) + " within " +
                          std::to_string(settings_.ip_window_seconds / 60) + " min on " +
                          std::to_string(pd.days) + (pd.days == 1 ? " day" : " days");
      uint64_t pair = key & ~(1ULL << 63);
      Add(static_cast<uint32_t>(pair >> 32), static_cast<uint32_t>(pair & 0xFFFFFFFF),
          home ? "home_ip" : "ip_day", std::move(value), std::min(1.0, per_day * pd.days));
    }
  }

  // Candidate pairs from blocks of similar keys; blocks too large to compare
  // (very common prefixes) are skipped. A pair in two blocks is compared
  // twice; Add() keeps its evidence once.
  template <typename Compare>
  void CompareBlocks(std::unordered_map<std::string, std::vector<uint32_t>>& blocks,
                     Compare compare) {
    constexpr size_t kMaxBlock = 400;
    std::vector<std::string> keys;
    for (const auto& [k, v] : blocks) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    for (const auto& k : keys) {
      auto& ws = blocks[k];
      if (ws.size() < 2 || ws.size() > kMaxBlock) continue;
      for (size_t i = 0; i < ws.size(); ++i)
        for (size_t j = i + 1; j < ws.size(); ++j) {
          if (ws[i] != ws[j]) compare(ws[i], ws[j]);
        }
    }
  }

  void CollectSimilarNames() {
    double strength = Strength("similar_name");
    if (strength <= 0) return;
    const auto& workers = data_.workers;
    if (strength < 1) {
      // Alike names alone cannot link a pair, and namesakes are legion in a
      // large workforce (a million pairs in 100k workers): only pairs with
      // other evidence are compared.
      std::vector<uint64_t> keys;
      keys.reserve(pairs_.size());
      for (const auto& [key, ev] : pairs_) keys.push_back(key);
      std::sort(keys.begin(), keys.end());
      std::unordered_map<uint32_t, std::string> name_keys;
      auto key_of = [&](uint32_t w) -> const std::string& {
        auto it = name_keys.find(w);
        if (it == name_keys.end()) it = name_keys.emplace(w, NameKey(workers[w].name)).first;
        return it->second;
      };
      for (uint64_t key : keys) {
        auto a = static_cast<uint32_t>(key >> 32), b = static_cast<uint32_t>(key & 0xFFFFFFFF);
        const std::string& ka = key_of(a);
        const std::string& kb = key_of(b);
        if (ka.find(' ') == std::string::npos || kb.find(' ') == std::string::npos) continue;
        if (WithinEditRatio(ka, kb, settings_.name_distance))
          Add(a, b, "similar_name", workers[a].name + " ~ " + workers[b].name, strength);
      }
      return;
    }
    std::vector<std::string> keys(workers.size());
    std::unordered_map<std::string, std::vector<uint32_t>> blocks;
    for (uint32_t w = 0; w < workers.size(); ++w) {
      auto tokens = NameTokens(workers[w].name);
      if (tokens.size() < 2) continue;
      std::sort(tokens.begin(), tokens.end());
      keys[w] = Join(tokens, " ");
      // Each token's first three letters with the other tokens' initials:
      // one typo leaves at least one of these blocks intact.
      for (size_t i = 0; i < tokens.size(); ++i) {
        std::string block = tokens[i].substr(0, 3) + "|";
        for (size_t j = 0; j < tokens.size(); ++j)
          if (j != i) block += tokens[j].substr(0, 1);
        blocks[block].push_back(w);
      }
    }
    CompareBlocks(blocks, [&](uint32_t a, uint32_t b) {
      if (WithinEditRatio(keys[a], keys[b], settings_.name_distance))
        Add(a, b, "similar_name", workers[a].name + " ~ " + workers[b].name, strength);
    });
  }

  void CollectSimilarEmails() {
    double strength = Strength("similar_email");
    if (strength <= 0) return;
    const auto& workers = data_.workers;
    std::vector<std::string> locals(workers.size()), emails(workers.size());
    std::unordered_map<std::string, std::vector<uint32_t>> blocks;
    for (uint32_t w = 0; w < workers.size(); ++w) {
      std::string e = NormEmail(workers[w].email);
      if (e.find('@') == std::string::npos) continue;
      emails[w] = e;
      std::string local;
      for (char c : EmailLocal(e))
        if (c != '.' && c != '_' && c != '-') local.push_back(c);
      if (local.size() < 6) continue;
      locals[w] = local;
      blocks["p" + local.substr(0, 5)].push_back(w);
      blocks["s" + local.substr(local.size() - 5)].push_back(w);
    }
    CompareBlocks(blocks, [&](uint32_t a, uint32_t b) {
      if (emails[a] == emails[b]) return;  // exact: "email"
      if (!WithinEditRatio(locals[a], locals[b], settings_.email_distance)) return;
      // Namesakes pick alike mailbox names ("diego.torres", "diegotorres53"):
      // that is the name's evidence again, not an independent one. Alike
      // mailboxes behind different names are the persona pattern.
      std::string ka = NameKey(workers[a].name), kb = NameKey(workers[b].name);
      if (!ka.empty() && !kb.empty() && WithinEditRatio(ka, kb, settings_.name_distance)) return;
      Add(a, b, "similar_email", workers[a].email + " ~ " + workers[b].email, strength);
    });
  }

  void AddBirthDates() {
    double strength = Strength("birth_date");
    if (strength <= 0) return;
    for (auto& [key, ev] : pairs_) {
      const Worker& a = data_.workers[key >> 32];
      const Worker& b = data_.workers[key & 0xFFFFFFFF];
      if (a.birth_date.size() >= 8 && a.birth_date == b.birth_date)
        ev.push_back({"birth_date", a.birth_date, strength});
    }
  }

  // People of one household share a home IP, an account, a delivery address
  // and often a family name: that evidence counts for less between them.
  void ApplyHouseholds() {
    static const std::set<std::string, std::less<>> kHousehold = {
        "ip_day",  "home_ip",      "account",       "wallet",
        "ship_to", "similar_name", "similar_email", "birth_date"};
    for (auto& [key, ev] : pairs_) {
      auto a = static_cast<uint32_t>(key >> 32), b = static_cast<uint32_t>(key & 0xFFFFFFFF);
      if (!index_.SameHousehold(a, b)) continue;
      for (auto& e : ev) {
        if (!kHousehold.count(e.kind)) continue;
        e.strength *= settings_.household_factor;
        e.value += " (same address of record)";
      }
    }
  }

  LinkResult Build() {
    size_t n = data_.workers.size();
    UnionFind uf(n);
    std::vector<std::pair<uint64_t, Edge>> edges;
    edges.reserve(pairs_.size());
    for (auto& [key, ev] : pairs_) {
      Edge e;
      e.a = static_cast<uint32_t>(key >> 32);
      e.b = static_cast<uint32_t>(key & 0xFFFFFFFF);
      for (const auto& x : ev) e.strength += x.strength;
      std::sort(ev.begin(), ev.end(), [](const LinkEvidence& x, const LinkEvidence& y) {
        return x.strength != y.strength ? x.strength > y.strength : x.kind < y.kind;
      });
      e.evidence = std::move(ev);
      if (e.strength >= 1.0 - 1e-9) uf.Union(e.a, e.b);
      edges.emplace_back(key, std::move(e));
    }
    pairs_.clear();
    std::sort(edges.begin(), edges.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });

    LinkResult result;
    result.hub_values = hub_values_;
    result.cluster_of.assign(n, -1);
    std::vector<uint32_t> size(n, 0);
    for (uint32_t w = 0; w < n; ++w) ++size[uf.Find(w)];
    std::unordered_map<uint32_t, int32_t> id_of_root;
    for (uint32_t w = 0; w < n; ++w) {
      uint32_t root = uf.Find(w);
      if (size[root] < 2) continue;
      auto [it, inserted] = id_of_root.emplace(root, static_cast<int32_t>(result.clusters.size()));
      if (inserted) result.clusters.emplace_back();
      result.clusters[static_cast<size_t>(it->second)].push_back(w);
      result.cluster_of[w] = it->second;
    }
    result.edges.resize(result.clusters.size());
    for (auto& [key, e] : edges) {
      int32_t ca = result.cluster_of[e.a];
      if (ca < 0 || ca != result.cluster_of[e.b]) continue;
      result.edges[static_cast<size_t>(ca)].push_back(std::move(e));
    }
    return result;
  }

  const ScanIndex& index_;
  const Dataset& data_;
  const LinkSettings& settings_;
  std::unordered_map<uint64_t, std::vector<LinkEvidence>> pairs_;
  size_t hub_values_ = 0;
};

}  // namespace

LinkResult LinkWorkers(const ScanIndex& index, const LinkSettings& settings) {
  return Linker(index, settings).Run();
}

}  // namespace vigil::workforce
