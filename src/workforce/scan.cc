// The workforce scan: rules per worker, clusters, scores.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/strings.h"
#include "vigil/workforce.h"
#include "workforce/geo.h"
#include "workforce/rules_internal.h"
#include "workforce/scan_internal.h"
#include "workforce/text_util.h"

namespace vigil::workforce {
namespace {

struct ActiveRule {
  const Rule* rule;
  const CheckSpec* spec;
  RuleParams params;
};

struct Finding {
  double strength = 0;  // 0..1; 0 = the rule does not apply
  std::string detail;
};

double NoisyOr(const std::vector<double>& points) {
  double keep = 1;
  for (double p : points) keep *= 1 - std::clamp(p, 0.0, 100.0) / 100;
  return 100 * (1 - keep);
}

bool Anonymized(Network n) {
  return n == Network::kVpn || n == Network::kHosting || n == Network::kTor;
}

std::string Pct(double share) { return fmt::format("{:.0f}%", share * 100); }

std::string OffsetText(int32_t minutes) {
  int32_t a = std::abs(minutes);
  if (a % 60 == 0) return fmt::format("UTC{}{}", minutes < 0 ? '-' : '+', a / 60);
  return fmt::format("UTC{}{}:{:02}", minutes < 0 ? '-' : '+', a / 60, a % 60);
}

bool ItemMatches(std::string_view item, const std::vector<std::string>& keywords) {
  if (keywords.empty()) return true;
  for (const auto& k : keywords)
    if (IFind(item, k) != std::string_view::npos) return true;
  return false;
}

// "cn 30, ru 4" from country counts.
std::string CountryCounts(const std::map<uint16_t, int>& counts, size_t limit = 4) {
  std::vector<std::pair<int, uint16_t>> v;
  for (auto [c, n] : counts) v.emplace_back(-n, c);
  std::sort(v.begin(), v.end());
  std::vector<std::string> parts;
  for (size_t i = 0; i < v.size() && i < limit; ++i)
    parts.push_back(UnpackCountry(v[i].second) + " " + std::to_string(-v[i].first));
  return Join(parts, ", ");
}

// "cn, ru" from country counts, most frequent first.
std::string CountryList(const std::map<uint16_t, int>& counts) {
  std::vector<std::pair<int, uint16_t>> v;
  for (auto [c, n] : counts) v.emplace_back(-n, c);
  std::sort(v.begin(), v.end());
  std::vector<std::string> parts;
  for (const auto& [n, c] : v) parts.push_back(UnpackCountry(c));
  return Join(parts, ", ");
}

std::string MaskAccount(std::string_view account) {
  if (account.size() <= 8) return std::string(account);
  return std::string(account.substr(0, 4)) + "…" + std::string(account.substr(account.size() - 4));
}

class Scanner {
 public:
  Scanner(const Dataset& data, const ScanOptions& options)
      : data_(data), options_(options), start_(std::chrono::steady_clock::now()), index_(data) {}

  Result<ScanResult> Run() {
    auto start = start_;
    const RulePack& pack = *options_.rules;
    for (const auto& r : pack.rules) {
      if (!r.enabled) continue;
      auto params = ParseRuleParams(r);
      if (!params.ok()) return params.status();
      rules_.push_back({&r, FindCheck(r.check), std::move(*params)});
    }
    result_.rule_pack = pack.id + "@" + pack.version;
    if (options_.catalog) result_.catalog_version = options_.catalog->version();
    auto lap = [this, last = start](const char* phase) mutable {
      auto now = std::chrono::steady_clock::now();
      result_.phase_seconds[phase] = std::chrono::duration<double>(now - last).count();
      last = now;
    };
    lap("index");
    NoteMissingData();
    Exposure();
    lap("exposure");
    Precompute();
    link_ = LinkWorkers(index_, pack.linking);
    lap("link");
    result_.workers.resize(data_.workers.size());
    for (uint32_t w = 0; w < data_.workers.size(); ++w) WorkerRules(w);
    ClusterRules();
    lap("rules");
    Score();
    lap("score");
    result_.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return std::move(result_);
  }

 private:
  // --- what cannot be checked ---------------------------------------------

  void NoteMissingData() {
    auto has = [&](FileKind k) { return data_.columns.count(std::string(FileKindName(k))) > 0; };
    bool ftm = data_.columns.count("ftm") > 0;
    if (!has(FileKind::kWorkers) && !ftm)
      result_.notes.push_back(
          "no workers file: claimed identities unknown; workers known only "
          "by the ids other files use");
    if (data_.logins.empty())
      result_.notes.push_back(
          "no logins: location, network, work-hours, remote-access, device "
          "and shared-IP checks skipped");
    if (data_.payments.empty())
      result_.notes.push_back("no payments: payment checks and shared-account links skipped");
    if (data_.shipments.empty())
      result_.notes.push_back("no shipments: equipment-address checks skipped");
    if (!data_.logins.empty()) {
      for (auto [column, what] : {std::pair{"ip_country", "login countries"},
                                  {"network", "network types"},
                                  {"device_id", "shared devices"},
                                  {"mfa_device_id", "shared MFA devices"},
                                  {"remote_tool", "remote-access tools"},
                                  {"ip", "shared IPs"}})
        if (has(FileKind::kLogins) && !data_.HasColumn(FileKind::kLogins, column))
          result_.notes.push_back(std::string("logins have no ") + column + " column: " + what +
                                  " not checked");
    }
    if (!data_.payments.empty() && has(FileKind::kPayments)) {
      for (auto [column, what] : {std::pair{"holder", "account holders"},
                                  {"account", "shared accounts and wallets"},
                                  {"method", "payment methods (crypto inferred from wallets)"}})
        if (!data_.HasColumn(FileKind::kPayments, column))
          result_.notes.push_back(std::string("payments have no ") + column + " column: " + what +
                                  " not checked");
    }
    if (!options_.catalog) result_.notes.push_back("no catalog: sanctions exposure not screened");
  }

  // --- exposure -------------------------------------------------------------

  void Exposure() {
    ExposureOptions eo;
    eo.catalog = options_.catalog.get();
    eo.matcher = options_.matcher;
    eo.screen_worker_names = false;
    eo.screen_counterparties = false;
    double min_score = 1;
    for (const auto& r : rules_) {
      if (r.rule->check == "sanctions_name") {
        eo.screen_worker_names = options_.screen_worker_names;
        min_score = std::min(min_score, r.params.Num("min_score"));
      }
      if (r.rule->check == "sanctions_counterparty") {
        eo.screen_counterparties = true;
        min_score = std::min(min_score, r.params.Num("min_score"));
      }
    }
    eo.min_score = min_score;
    result_.exposure = ScreenExposure(index_, eo, &result_.notes);
    exposure_start_.assign(data_.workers.size() + 1, 0);
    for (const auto& h : result_.exposure) ++exposure_start_[h.worker + 1];
    for (size_t i = 1; i < exposure_start_.size(); ++i)
      exposure_start_[i] += exposure_start_[i - 1];
  }

  // --- shared precomputation -------------------------------------------------

  void Precompute() {
    // Distinct workers per payout account.
    for (const auto& p : data_.payments) {
      std::string key = index_.AccountKey(p);
      if (key.empty()) continue;
      auto& ws = account_workers_[key];
      if (ws.empty() || ws.back() != p.worker) ws.push_back(p.worker);
    }
    for (auto& [key, ws] : account_workers_) {
      std::sort(ws.begin(), ws.end());
      ws.erase(std::unique(ws.begin(), ws.end()), ws.end());
    }
    ship_address_.resize(data_.shipments.size());
    for (size_t i = 0; i < data_.shipments.size(); ++i)
      ship_address_[i] = NormAddress(data_.strings.Get(data_.shipments[i].address));
  }

  // Workers whose equipment went to each address that is not their own, for
  // shipments whose item matches `items`.
  const std::unordered_map<std::string, std::set<uint32_t>>& ForeignShipTo(
      const std::vector<std::string>& items) {
    std::string key = Join(items, "|");
    auto it = foreign_ship_to_.find(key);
    if (it != foreign_ship_to_.end()) return it->second;
    auto& map = foreign_ship_to_[key];
    for (size_t i = 0; i < data_.shipments.size(); ++i) {
      const Shipment& s = data_.shipments[i];
      if (ship_address_[i].empty() || SameAddress(ship_address_[i], index_.Address(s.worker)))
        continue;
      if (!ItemMatches(data_.strings.Get(s.item), items)) continue;
      map[ship_address_[i]].insert(s.worker);
    }
    return map;
  }

  // Holder names repeat across thousands of payments: classify each once.
  bool IsOrganization(uint32_t holder) {
    if (holder >= org_cache_.size()) org_cache_.resize(data_.strings.size(), -1);
    int8_t& v = org_cache_[holder];
    if (v < 0) v = LooksLikeOrganization(data_.strings.Get(holder)) ? 1 : 0;
    return v == 1;
  }

  uint16_t Claimed(const Worker& w) const { return PackCountry(w.country); }

  bool ClaimedOffset(const Worker& w, int32_t* minutes) const {
    if (w.utc_offset_known) {
      *minutes = w.utc_offset_minutes;
      return true;
    }
    const CountryGeo* g = FindCountryGeo(w.country);
    if (!g) return false;
    *minutes = g->offset_minutes;
    return true;
  }

  // --- worker rules -----------------------------------------------------------

  void WorkerRules(uint32_t w) {
    WorkerRisk& risk = result_.workers[w];
    risk.worker = w;
    for (const auto& r : rules_) {
      if (r.spec->level != CheckLevel::kWorker) continue;
      Finding f = Check(r, w);
      if (f.strength <= 0) continue;
      double points = r.rule->weight * std::min(1.0, f.strength);
      if (points <= 0) continue;
      risk.reasons.push_back({r.rule->id, points, std::move(f.detail)});
    }
  }

  Finding Check(const ActiveRule& r, uint32_t w) {
    const std::string& c = r.rule->check;
    const RuleParams& p = r.params;
    const Worker& worker = data_.workers[w];
    auto logins = index_.Logins(w);
    auto payments = index_.Payments(w);
    Finding f;

    if (c == "login_country_mismatch") {
      uint16_t claimed = Claimed(worker);
      if (!claimed) return f;
      size_t total = 0, away = 0;
      std::map<uint16_t, int> where;
      for (uint32_t i : logins) {
        const Login& l = data_.logins[i];
        if (!l.country || Anonymized(l.network)) continue;
        ++total;
        if (l.country != claimed) {
          ++away;
          ++where[l.country];
        }
      }
      if (total < p.Num("min_logins") || total == 0) return f;
      double share = static_cast<double>(away) / static_cast<double>(total);
      double min_share = p.Num("min_share");
      if (share < min_share || away == 0) return f;
      f.strength = 0.5 + 0.5 * (share - min_share) / std::max(1e-9, 1 - min_share);
      f.detail = fmt::format("{} of {} direct logins from outside the claimed country {} ({})",
                             away, total, worker.country, CountryCounts(where));
    } else if (c == "anonymized_network") {
      size_t total = 0, hidden = 0;
      std::map<std::string, int> kinds;
      for (uint32_t i : logins) {
        const Login& l = data_.logins[i];
        if (l.network == Network::kUnknown) continue;
        ++total;
        if (p.ListHas("networks", NetworkName(l.network))) {
          ++hidden;
          ++kinds[std::string(NetworkName(l.network))];
        }
      }
      if (total < p.Num("min_logins") || total == 0) return f;
      double share = static_cast<double>(hidden) / static_cast<double>(total);
      if (share < p.Num("min_share") || hidden == 0) return f;
      f.strength = share;
      std::vector<std::string> parts;
      for (const auto& [k, n] : kinds) parts.push_back(k + " " + std::to_string(n));
      f.detail = fmt::format("{} of {} logins through anonymizing networks ({})", hidden, total,
                             Join(parts, ", "));
    } else if (c == "vpn_provider") {
      std::map<std::string, int> seen;
      int count = 0;
      for (uint32_t i : logins) {
        const Login& l = data_.logins[i];
        if (!l.vpn_provider) continue;
        std::string_view name = data_.labels.Get(l.vpn_provider);
        for (const auto& want : p.List("providers")) {
          if (IFind(name, want) != std::string_view::npos) {
            ++count;
            ++seen[std::string(name)];
            break;
          }
        }
      }
      if (count == 0) return f;
      f.strength = std::min(1.0, count / std::max(1.0, p.Num("full_at")));
      std::vector<std::string> parts;
      for (const auto& [k, n] : seen) parts.push_back(k);
      f.detail = fmt::format("{} on {} of {} logins", Join(parts, ", "), count, logins.size());
    } else if (c == "login_from_countries") {
      uint16_t claimed = Claimed(worker);
      std::vector<uint16_t> wanted;
      for (const auto& cc : p.List("countries")) wanted.push_back(PackCountry(cc));
      if (p.Flag("exclude_claimed") &&
          std::find(wanted.begin(), wanted.end(), claimed) != wanted.end() && claimed)
        return f;
      std::map<uint16_t, int> where;
      int count = 0, episodes = 0;
      int64_t last = kNoTime;
      const int64_t gap = static_cast<int64_t>(p.Num("episode_gap_hours") * 3600);
      for (uint32_t i : logins) {
        const Login& l = data_.logins[i];
        if (!l.country || (Anonymized(l.network) && !p.Flag("include_anonymized"))) continue;
        if (std::find(wanted.begin(), wanted.end(), l.country) == wanted.end()) continue;
        ++count;
        ++where[l.country];
        // A trip is one stretch of days; slips of an operator's VPN recur
        // all year. Each stretch counts once.
        if (last == kNoTime || l.time - last > gap) ++episodes;
        last = l.time;
      }
      if (count == 0) return f;
      f.strength = 0.5 + 0.5 * std::min(1.0, episodes / std::max(1.0, p.Num("full_at")));
      f.detail = fmt::format("{} direct logins from {} on {} separate occasions{}", count,
                             CountryList(where), episodes,
                             worker.country.empty() ? "" : " (claims " + worker.country + ")");
    } else if (c == "impossible_travel") {
      const Login* prev = nullptr;
      const CountryGeo* prev_geo = nullptr;
      int events = 0;
      std::string first;
      for (uint32_t i : logins) {
        const Login& l = data_.logins[i];
        if (Anonymized(l.network)) continue;
        const CountryGeo* g = FindCountryGeo(l.country);
        if (!g) continue;
        if (prev && prev_geo != g) {
          double km = DistanceKm(*prev_geo, *g);
          double hours = std::max(1.0 / 60, static_cast<double>(l.time - prev->time) / 3600);
          if (km >= p.Num("min_distance_km") && km / hours > p.Num("max_speed_kmh")) {
            if (events == 0)
              first = fmt::format("{} → {} in {:.1f} h ({:.0f} km) on {}", prev_geo->code, g->code,
                                  hours, km, FormatDate(l.time));
            ++events;
          }
        }
        prev = &l;
        prev_geo = g;
      }
      if (events == 0) return f;
      f.strength = std::min(1.0, events / std::max(1.0, p.Num("full_at")));
      f.detail = fmt::format("{} impossible journeys, first {}", events, first);
    } else if (c == "work_hours_offset") {
      if (logins.size() < p.Num("min_logins") || logins.empty()) return f;
      int32_t claimed;
      if (!ClaimedOffset(worker, &claimed)) return f;
      std::array<int, 24 * 4> quarter{};  // logins per 15-minute slot, UTC
      for (uint32_t i : logins) {
        int64_t t = data_.logins[i].time;
        int64_t slot = ((t % 86400 + 86400) % 86400) / 900;
        ++quarter[static_cast<size_t>(slot)];
      }
      auto fit = [&](int32_t offset_minutes) {
        double start = p.Num("day_start_hour") * 60, end = p.Num("day_end_hour") * 60;
        int in = 0;
        for (int s = 0; s < 96; ++s) {
          int local = ((s * 15 + offset_minutes) % 1440 + 1440) % 1440;
          if (local >= start && local < end) in += quarter[static_cast<size_t>(s)];
        }
        return static_cast<double>(in) / static_cast<double>(logins.size());
      };
      double claimed_fit = fit(claimed);
      if (claimed_fit > p.Num("max_claimed_fit")) return f;
      double best = 0;
      int32_t best_offset = 0;
      for (const auto& o : p.List("offsets_hours")) {
        double hours = std::atof(o.c_str());
        auto minutes = static_cast<int32_t>(std::lround(hours * 60));
        int32_t gap = std::abs(minutes - claimed) % 1440;
        if (std::min(gap, 1440 - gap) < p.Num("min_gap_hours") * 60) return f;
        double v = fit(minutes);
        if (v > best) {
          best = v;
          best_offset = minutes;
        }
      }
      if (best < p.Num("min_fit") || best - claimed_fit < p.Num("min_margin")) return f;
      f.strength = std::min(1.0, 0.5 + (best - claimed_fit) / 2);
      f.detail = fmt::format(
          "{} of {} logins fall in {:02.0f}:00–{:02.0f}:00 at {}, {} in the claimed zone ({})",
          Pct(best), logins.size(), p.Num("day_start_hour"), p.Num("day_end_hour"),
          OffsetText(best_offset), Pct(claimed_fit), OffsetText(claimed));
    } else if (c == "round_the_clock") {
      if (logins.size() < p.Num("min_logins") || logins.empty()) return f;
      std::array<int, 24> hours{};
      for (uint32_t i : logins) {
        int64_t t = data_.logins[i].time;
        ++hours[static_cast<size_t>(((t % 86400 + 86400) % 86400) / 3600)];
      }
      int active = 0;
      for (int n : hours)
        if (n >= p.Num("hour_share") * static_cast<double>(logins.size())) ++active;
      if (active < p.Num("min_hours")) return f;
      f.strength = 1;
      f.detail =
          fmt::format("logins in {} of 24 hours of the day ({} logins)", active, logins.size());
    } else if (c == "remote_access_tool") {
      std::map<std::string, int> tools;
      int count = 0;
      for (uint32_t i : logins) {
        const Login& l = data_.logins[i];
        if (l.remote == RemoteKind::kNone || !p.ListHas("kinds", RemoteKindName(l.remote)))
          continue;
        std::string_view name = data_.labels.Get(l.remote_tool);
        if (!p.List("tools").empty()) {
          bool ok = false;
          for (const auto& t : p.List("tools")) ok = ok || IFind(name, t) != std::string_view::npos;
          if (!ok) continue;
        }
        ++count;
        ++tools[std::string(name)];
      }
      if (count == 0) return f;
      double full = std::max(p.Num("full_at_count"),
                             p.Num("full_at_share") * static_cast<double>(logins.size()));
      f.strength = std::min(1.0, count / std::max(1.0, full));
      std::vector<std::string> parts;
      for (const auto& [k, n] : tools) parts.push_back(k + " " + std::to_string(n));
      f.detail = fmt::format("{} of {} logins with {}", count, logins.size(), Join(parts, ", "));
    } else if (c == "ship_address_mismatch") {
      const std::string& home = index_.Address(w);
      if (home.empty()) return f;
      for (uint32_t si : index_.Shipments(w)) {
        const Shipment& s = data_.shipments[si];
        if (!ItemMatches(data_.strings.Get(s.item), p.List("items"))) continue;
        if (ship_address_[si].empty() || SameAddress(ship_address_[si], home)) continue;
        f.strength = 1;
        f.detail =
            fmt::format("{} shipped {} to \"{}\", not the address of record \"{}\"",
                        data_.strings.Get(s.item).empty() ? "equipment" : data_.strings.Get(s.item),
                        FormatDate(s.time), data_.strings.Get(s.address), worker.address);
        break;
      }
    } else if (c == "ship_shared_address") {
      const auto& foreign = ForeignShipTo(p.List("items"));
      for (uint32_t si : index_.Shipments(w)) {
        auto it = foreign.find(ship_address_[si]);
        if (it == foreign.end() || !it->second.count(w)) continue;
        if (it->second.size() < p.Num("min_workers")) continue;
        f.strength = 1;
        f.detail = fmt::format("\"{}\" received equipment for {} workers who do not live there",
                               data_.strings.Get(data_.shipments[si].address), it->second.size());
        break;
      }
    } else if (c == "holder_mismatch") {
      if (worker.name.empty()) return f;
      int with_holder = 0, mismatched = 0;
      bool all_family = true;
      std::string example;
      std::unordered_map<uint32_t, int> verdict;  // holder id -> 0 same, 1 family, 2 other
      for (uint32_t pi : payments) {
        const Payment& pay = data_.payments[pi];
        if (!pay.holder) continue;
        auto it = verdict.find(pay.holder);
        if (it == verdict.end()) {
          std::string_view holder = data_.strings.Get(pay.holder);
          int v = -1;
          if (p.Flag("exclude_organizations") && IsOrganization(pay.holder))
            v = -1;
          else if (SamePersonName(holder, worker.name))
            v = 0;
          else if (SharesNameToken(holder, worker.name))
            v = 1;
          else
            v = 2;
          it = verdict.emplace(pay.holder, v).first;
        }
        if (it->second < 0) continue;
        ++with_holder;
        if (it->second == 0) continue;
        ++mismatched;
        if (it->second == 2) all_family = false;
        if (example.empty()) example = std::string(data_.strings.Get(pay.holder));
      }
      if (mismatched == 0) return f;
      double share = static_cast<double>(mismatched) / with_holder;
      f.strength = all_family ? p.Num("family_strength") : 0.5 + 0.5 * share;
      f.detail = fmt::format("{} of {} payments to accounts held by \"{}\"{}", mismatched,
                             with_holder, example, all_family ? " (shares a family name)" : "");
    } else if (c == "bank_country") {
      uint16_t claimed = Claimed(worker);
      std::vector<uint16_t> risky;
      for (const auto& cc : p.List("countries")) risky.push_back(PackCountry(cc));
      int known = 0, hits = 0;
      std::map<uint16_t, int> where;
      std::string bank;
      for (uint32_t pi : payments) {
        const Payment& pay = data_.payments[pi];
        if (!pay.bank_country) continue;
        ++known;
        if (std::find(risky.begin(), risky.end(), pay.bank_country) == risky.end()) continue;
        if (p.Flag("exclude_claimed") && pay.bank_country == claimed) continue;
        ++hits;
        ++where[pay.bank_country];
        if (bank.empty()) bank = std::string(data_.strings.Get(pay.bank));
      }
      if (hits == 0) return f;
      f.strength = 0.5 + 0.5 * hits / known;
      f.detail = fmt::format("{} of {} payments to banks in {}{}{}", hits, known,
                             CountryList(where), bank.empty() ? "" : " (" + bank + ")",
                             worker.country.empty() ? "" : ", worker claims " + worker.country);
    } else if (c == "crypto_payout") {
      if (payments.empty()) return f;
      int crypto = 0;
      for (uint32_t pi : payments)
        if (data_.payments[pi].method == PayMethod::kCrypto) ++crypto;
      double share = static_cast<double>(crypto) / static_cast<double>(payments.size());
      if (crypto == 0 || share < p.Num("min_share")) return f;
      f.strength = share;
      f.detail = fmt::format("{} of {} payments in crypto", crypto, payments.size());
    } else if (c == "account_after_ban") {
      if (worker.ban_time == kNoTime) return f;
      std::set<std::string> before;
      for (uint32_t pi : payments) {
        const Payment& pay = data_.payments[pi];
        if (pay.time != kNoTime && pay.time < worker.ban_time)
          before.insert(index_.AccountKey(pay));
      }
      // Without pay before the ban there is no switch to see.
      if (before.empty()) return f;
      int after = 0;
      bool other_holder = false;
      std::string example;
      for (uint32_t pi : payments) {
        const Payment& pay = data_.payments[pi];
        if (pay.time == kNoTime || pay.time < worker.ban_time) continue;
        std::string key = index_.AccountKey(pay);
        if (key.empty() || before.count(key)) continue;
        ++after;
        std::string_view holder = data_.strings.Get(pay.holder);
        if (!holder.empty() && !worker.name.empty() && !SamePersonName(holder, worker.name))
          other_holder = true;
        if (example.empty())
          example = MaskAccount(data_.strings.Get(pay.account)) +
                    (holder.empty() ? "" : " held by \"" + std::string(holder) + "\"");
      }
      if (after == 0) return f;
      f.strength = other_holder ? 1.0 : p.Num("same_holder_strength");
      f.detail = fmt::format("{} payments after the ban of {} to a new account {}", after,
                             FormatDate(worker.ban_time), example);
    } else if (c == "shared_payout_account") {
      std::set<std::string> done;
      for (uint32_t pi : payments) {
        const Payment& pay = data_.payments[pi];
        std::string key = index_.AccountKey(pay);
        if (key.empty() || !done.insert(key).second) continue;
        auto it = account_workers_.find(key);
        if (it == account_workers_.end() || it->second.size() < p.Num("min_workers")) continue;
        std::string_view holder = data_.strings.Get(pay.holder);
        if (p.Flag("exclude_organizations") && IsOrganization(pay.holder)) continue;
        bool household = true;
        std::vector<std::string> others;
        for (uint32_t o : it->second) {
          if (o == w) continue;
          if (!index_.SameHousehold(o, w)) household = false;
          if (others.size() < 5) others.push_back(data_.workers[o].id);
        }
        double s = household ? p.Num("household_strength") : 1.0;
        if (s <= f.strength) continue;
        f.strength = s;
        f.detail = fmt::format(
            "account {}{} also pays {}{}{}", MaskAccount(data_.strings.Get(pay.account)),
            holder.empty() ? "" : " (holder \"" + std::string(holder) + "\")", Join(others, ", "),
            it->second.size() > 6 ? " …" : "", household ? " (same address of record)" : "");
      }
    } else if (c == "payout_account_churn") {
      std::set<std::string> accounts;
      for (uint32_t pi : payments) {
        std::string key = index_.AccountKey(data_.payments[pi]);
        if (!key.empty()) accounts.insert(key);
      }
      if (accounts.size() < p.Num("min_accounts") || accounts.empty()) return f;
      f.strength = 1;
      f.detail = fmt::format("paid into {} different accounts", accounts.size());
    } else if (c == "phone_country_mismatch") {
      std::string_view phone_country = CountryOfPhone(worker.phone);
      const CountryGeo* claimed = FindCountryGeo(worker.country);
      const CountryGeo* phone = FindCountryGeo(phone_country);
      if (!claimed || !phone || claimed->calling == phone->calling) return f;
      f.strength = 1;
      f.detail = fmt::format("phone {} is +{} ({}), worker claims {}", worker.phone, phone->calling,
                             phone->code, worker.country);
    } else if (c == "document_country_mismatch") {
      if (worker.document_country.empty() || worker.country.empty() ||
          worker.document_country == worker.country)
        return f;
      f.strength = 1;
      f.detail = fmt::format("identity document from {}, worker claims {}", worker.document_country,
                             worker.country);
    } else if (c == "thin_profile") {
      bool columns = data_.HasColumn(FileKind::kWorkers, "github") ||
                     data_.HasColumn(FileKind::kWorkers, "linkedin") ||
                     data_.HasColumn(FileKind::kWorkers, "portfolio");
      if (!columns) return f;
      if (!worker.github.empty() || !worker.linkedin.empty() || !worker.portfolio.empty()) return f;
      f.strength = 1;
      f.detail = "no code-hosting, LinkedIn or portfolio link";
    } else if (StartsWith(c, "sanctions_")) {
      for (size_t i = exposure_start_[w]; i < exposure_start_[w + 1]; ++i) {
        const ExposureHit& h = result_.exposure[i];
        bool wanted =
            (c == "sanctions_wallet" && h.field == "wallet") ||
            (c == "sanctions_email" && h.field == "email") ||
            (c == "sanctions_domain" && (h.field == "email_domain" || h.field == "website")) ||
            (c == "sanctions_name" && h.field == "name" && h.score >= p.Num("min_score")) ||
            (c == "sanctions_counterparty" && p.ListHas("fields", h.field) &&
             h.score >= p.Num("min_score"));
        if (!wanted) continue;
        double strength = h.score;
        // A person's name alone, without a birth date or identifier that
        // agrees, is what common names produce by the thousand.
        bool person = KindOfSchema(h.entity_schema) == SchemaKind::kPerson ||
                      h.entity_schema == schema::kLegalEntity;
        if (!h.corroborated && person && p.numbers.count("uncorroborated_factor"))
          strength *= p.Num("uncorroborated_factor");
        if (strength <= f.strength) continue;
        f.strength = strength;
        f.detail = fmt::format("{} \"{}\" matches {} \"{}\" ({}, score {:.2f}{})", h.field, h.value,
                               h.entity_id, h.entity_caption, Join(h.datasets, ", "), h.score,
                               h.corroborated ? ", corroborated" : ", name only");
      }
    }
    return f;
  }

  // --- clusters ---------------------------------------------------------------

  void ClusterRules() {
    for (size_t ci = 0; ci < link_.clusters.size(); ++ci) {
      const auto& edges = link_.edges[ci];
      for (const auto& r : rules_) {
        if (r.spec->level != CheckLevel::kCluster) continue;
        if (r.rule->check == "cluster_shared_infrastructure") {
          // Per member: which of the kinds it shares, and with whom.
          std::map<uint32_t, std::map<std::string, std::set<std::string>>> shared;
          for (const auto& e : edges) {
            for (const auto& ev : e.evidence) {
              if (!r.params.ListHas("kinds", ev.kind) || ev.strength < 1 - 1e-9) continue;
              shared[e.a][ev.kind].insert(data_.workers[e.b].id);
              shared[e.b][ev.kind].insert(data_.workers[e.a].id);
            }
          }
          for (const auto& [w, kinds] : shared) {
            double s = kinds.size() >= 3   ? 1.0
                       : kinds.size() == 2 ? r.params.Num("strength_two")
                                           : r.params.Num("strength_one");
            std::vector<std::string> parts;
            for (const auto& [kind, with] : kinds) {
              std::vector<std::string> ids(with.begin(), with.end());
              if (ids.size() > 5) ids.resize(5), ids.push_back("…");
              parts.push_back(kind + " with " + Join(ids, ", "));
            }
            AddReason(w, *r.rule, s, "shares " + Join(parts, "; "));
          }
        } else if (r.rule->check == "cluster_banned_member") {
          // A banned worker and a worker directly linked to it by a strong
          // identifier who appeared only after the ban.
          const auto& strong = options_.rules->linking.strong_kinds;
          for (const auto& e : edges) {
            bool direct = false;
            for (const auto& ev : e.evidence)
              direct = direct || (ev.strength >= 1 - 1e-9 &&
                                  std::find(strong.begin(), strong.end(), ev.kind) != strong.end());
            if (!direct) continue;
            for (auto [b, w] : {std::pair{e.a, e.b}, std::pair{e.b, e.a}}) {
              const Worker& banned = data_.workers[b];
              if (banned.ban_time == kNoTime) continue;
              int64_t start = data_.workers[w].hire_time;
              if (start == kNoTime) {
                auto logins = index_.Logins(w);
                if (!logins.empty()) start = data_.logins[logins.front()].time;
              }
              if (start == kNoTime || start < banned.ban_time) continue;
              AddReason(w, *r.rule, 1,
                        fmt::format("linked to {}, banned {}, and active only since {}", banned.id,
                                    FormatDate(banned.ban_time), FormatDate(start)));
              AddReason(b, *r.rule, 1,
                        fmt::format("banned {}; linked {} appeared after the ban",
                                    FormatDate(banned.ban_time), data_.workers[w].id));
            }
          }
        }
      }
    }
  }

  void AddReason(uint32_t w, const Rule& rule, double strength, std::string detail) {
    double points = rule.weight * std::min(1.0, strength);
    if (points <= 0) return;
    auto& reasons = result_.workers[w].reasons;
    for (auto& existing : reasons) {
      if (existing.rule_id != rule.id) continue;
      if (points > existing.points) {
        existing.points = points;
        existing.detail = std::move(detail);
      }
      return;
    }
    reasons.push_back({rule.id, points, std::move(detail)});
  }

  // --- scores -------------------------------------------------------------------

  const Pattern* PatternOf(const std::vector<Reason>& reasons) const {
    for (const auto& pattern : options_.rules->patterns)
      for (const auto& reason : reasons)
        if (reason.points >= pattern.min_points &&
            std::find(pattern.rules.begin(), pattern.rules.end(), reason.rule_id) !=
                pattern.rules.end())
          return &pattern;
    return nullptr;
  }

  std::string Level(double score) const {
    if (score >= options_.rules->high_threshold) return "high";
    if (score >= options_.rules->medium_threshold) return "medium";
    return "low";
  }

  void Score() {
    std::unordered_map<std::string, CheckLevel> level_of;
    for (const auto& r : rules_) level_of[r.rule->id] = r.spec->level;
    auto points_of = [](const std::vector<Reason>& reasons) {
      std::vector<double> v;
      for (const auto& r : reasons) v.push_back(r.points);
      return v;
    };
    for (auto& wr : result_.workers) wr.own_score = NoisyOr(points_of(wr.reasons));

    const ActiveRule* inherit = nullptr;
    for (const auto& r : rules_)
      if (r.spec->level == CheckLevel::kInherit) inherit = &r;

    std::vector<Cluster> clusters(link_.clusters.size());
    for (size_t ci = 0; ci < clusters.size(); ++ci) {
      Cluster& cl = clusters[ci];
      cl.members = link_.clusters[ci];
      cl.edges = std::move(link_.edges[ci]);
      // Per rule, the strongest member evidence (a rule counts once).
      std::map<std::string, Reason> best;
      for (uint32_t m : cl.members)
        for (const auto& r : result_.workers[m].reasons) {
          auto it = best.find(r.rule_id);
          if (it == best.end() || r.points > it->second.points) {
            Reason copy = r;
            copy.detail = data_.workers[m].id + ": " + r.detail;
            best[r.rule_id] = std::move(copy);
          }
        }
      for (auto& [id, r] : best) cl.reasons.push_back(std::move(r));
      std::sort(cl.reasons.begin(), cl.reasons.end(),
                [](const Reason& a, const Reason& b) { return a.points > b.points; });
      cl.score = NoisyOr(points_of(cl.reasons));

      if (!inherit) continue;
      std::vector<std::string> kinds = inherit->params.List("kinds");
      if (kinds.empty()) kinds = options_.rules->linking.strong_kinds;
      std::set<uint32_t> heirs;
      for (const auto& e : cl.edges)
        for (const auto& ev : e.evidence)
          if (ev.strength >= 1 - 1e-9 &&
              std::find(kinds.begin(), kinds.end(), ev.kind) != kinds.end()) {
            heirs.insert(e.a);
            heirs.insert(e.b);
          }
      for (uint32_t w : heirs) {
        // The rest of the cluster's evidence, excluding this worker's own and
        // the cluster rules every member already carries.
        std::map<std::string, std::pair<double, uint32_t>> others;
        for (uint32_t m : cl.members) {
          if (m == w) continue;
          for (const auto& r : result_.workers[m].reasons) {
            auto lv = level_of.find(r.rule_id);
            if (lv != level_of.end() && lv->second != CheckLevel::kWorker) continue;
            auto& slot = others[r.rule_id];
            if (r.points > slot.first) slot = {r.points, m};
          }
        }
        std::vector<double> pts;
        std::set<std::string> from;
        for (const auto& [id, v] : others) {
          pts.push_back(v.first);
          from.insert(data_.workers[v.second].id);
        }
        double rest = NoisyOr(pts);
        if (rest <= 0) continue;
        std::vector<std::string> ids(from.begin(), from.end());
        if (ids.size() > 5) ids.resize(5), ids.push_back("…");
        AddReason(w, *inherit->rule, rest / 100,
                  fmt::format("linked by shared identifiers to workers scoring {:.0f} ({})", rest,
                              Join(ids, ", ")));
      }
    }

    for (auto& wr : result_.workers) {
      std::sort(wr.reasons.begin(), wr.reasons.end(), [](const Reason& a, const Reason& b) {
        return a.points != b.points ? a.points > b.points : a.rule_id < b.rule_id;
      });
      wr.score = NoisyOr(points_of(wr.reasons));
      wr.level = Level(wr.score);
    }
    for (auto& cl : clusters) {
      double best_member = 0;
      for (uint32_t m : cl.members) best_member = std::max(best_member, result_.workers[m].score);
      cl.score = std::max(cl.score, best_member);
      cl.level = Level(cl.score);
      const Pattern* pat = PatternOf(cl.reasons);
      cl.pattern = pat ? pat->id : "";
    }
    // Highest risk first; ids follow that order.
    std::vector<size_t> order(clusters.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      if (clusters[a].score != clusters[b].score) return clusters[a].score > clusters[b].score;
      return clusters[a].members.size() > clusters[b].members.size();
    });
    std::vector<int32_t> new_index(clusters.size());
    for (size_t i = 0; i < order.size(); ++i) {
      new_index[order[i]] = static_cast<int32_t>(i);
      result_.clusters.push_back(std::move(clusters[order[i]]));
      result_.clusters.back().id = fmt::format("C{:04}", i + 1);
    }
    for (uint32_t w = 0; w < result_.workers.size(); ++w) {
      WorkerRisk& wr = result_.workers[w];
      int32_t c = link_.cluster_of[w];
      wr.cluster = c < 0 ? -1 : new_index[static_cast<size_t>(c)];
      const Pattern* pat = PatternOf(wr.reasons);
      if (pat) {
        wr.pattern = pat->id;
      } else if (wr.cluster >= 0) {
        wr.pattern = result_.clusters[static_cast<size_t>(wr.cluster)].pattern;
      }
    }
    for (const auto& r : rules_) {
      RuleStat st;
      st.rule_id = r.rule->id;
      for (const auto& wr : result_.workers)
        for (const auto& reason : wr.reasons)
          if (reason.rule_id == r.rule->id) ++st.workers;
      for (const auto& cl : result_.clusters)
        for (const auto& reason : cl.reasons)
          if (reason.rule_id == r.rule->id) ++st.clusters;
      result_.rule_stats.push_back(st);
    }
    if (link_.hub_values > 0)
      result_.notes.push_back(fmt::format(
          "{} identifier values (IPs, accounts, devices …) were shared by more than {} workers "
          "and treated as shared infrastructure, not as links",
          link_.hub_values, options_.rules->linking.max_group));
  }

  const Dataset& data_;
  const ScanOptions& options_;
  std::chrono::steady_clock::time_point start_;
  ScanIndex index_;
  std::vector<ActiveRule> rules_;
  ScanResult result_;
  LinkResult link_;
  std::vector<size_t> exposure_start_;
  std::unordered_map<std::string, std::vector<uint32_t>> account_workers_;
  std::vector<std::string> ship_address_;
  std::vector<int8_t> org_cache_;
  std::unordered_map<std::string, std::unordered_map<std::string, std::set<uint32_t>>>
      foreign_ship_to_;
};

}  // namespace

Result<ScanResult> Scan(const Dataset& data, const ScanOptions& options) {
  if (!options.rules) return Status::InvalidArgument("workforce scan: no rule pack");
  try {
    return Scanner(data, options).Run();
  } catch (const std::exception& e) {
    return Status::Internal(std::string("workforce scan: ") + e.what());
  }
}

}  // namespace vigil::workforce
