// Rule packs: parsing and validation.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/io.h"
#include "core/strings.h"
#include "vigil/catalog.h"
#include "vigil/workforce.h"
#include "workforce/rules_internal.h"

namespace vigil::workforce {

namespace {

using T = ParamType;

}  // namespace

const std::vector<CheckSpec>& CheckSpecs() {
  static const std::vector<CheckSpec> kSpecs = {
      {"login_country_mismatch",
       CheckLevel::kWorker,
       "logins.ip_country, workers.country",
       {{"min_logins", T::kNumber, 5}, {"min_share", T::kNumber, 0.3}}},
      {"anonymized_network",
       CheckLevel::kWorker,
       "logins.network",
       {{"min_logins", T::kNumber, 5},
        {"min_share", T::kNumber, 0.5},
        {"networks", T::kList, 0, {"vpn", "hosting", "tor"}}}},
      {"vpn_provider",
       CheckLevel::kWorker,
       "logins.vpn_provider",
       {{"providers", T::kList, 0, {"astrill"}}, {"full_at", T::kNumber, 5}}},
      {"login_from_countries",
       CheckLevel::kWorker,
       "logins.ip_country",
       {{"countries", T::kList, 0, {"cn", "ru"}},
        {"exclude_claimed", T::kBool, 1},
        {"include_anonymized", T::kBool, 0},
        {"full_at", T::kNumber, 4},
        {"episode_gap_hours", T::kNumber, 72}}},
      {"impossible_travel",
       CheckLevel::kWorker,
       "logins.time, logins.ip_country",
       {{"max_speed_kmh", T::kNumber, 1000},
        {"min_distance_km", T::kNumber, 800},
        {"full_at", T::kNumber, 3}}},
      {"work_hours_offset",
       CheckLevel::kWorker,
       "logins.time, workers.timezone or country",
       {{"offsets_hours", T::kList, 0, {"8", "9"}},
        {"min_logins", T::kNumber, 20},
        {"day_start_hour", T::kNumber, 8},
        {"day_end_hour", T::kNumber, 19},
        {"min_fit", T::kNumber, 0.7},
        {"max_claimed_fit", T::kNumber, 0.55},
        {"min_margin", T::kNumber, 0.25},
        {"min_gap_hours", T::kNumber, 4}}},
      {"round_the_clock",
       CheckLevel::kWorker,
       "logins.time",
       {{"min_logins", T::kNumber, 60},
        {"min_hours", T::kNumber, 20},
        {"hour_share", T::kNumber, 0.015}}},
      {"remote_access_tool",
       CheckLevel::kWorker,
       "logins.remote_tool",
       {{"kinds", T::kList, 0, {"remote_access", "ip_kvm"}},
        {"tools", T::kList, 0, {}},
        {"full_at_count", T::kNumber, 3},
        {"full_at_share", T::kNumber, 0.1}}},
      {"ship_address_mismatch",
       CheckLevel::kWorker,
       "shipments.address, workers.address",
       {{"items", T::kList, 0, {}}}},
      {"ship_shared_address",
       CheckLevel::kWorker,
       "shipments.address, workers.address",
       {{"min_workers", T::kNumber, 3}, {"items", T::kList, 0, {}}}},
      {"holder_mismatch",
       CheckLevel::kWorker,
       "payments.holder, workers.name",
       {{"family_strength", T::kNumber, 0.4}, {"exclude_organizations", T::kBool, 1}}},
      {"bank_country",
       CheckLevel::kWorker,
       "payments.bank_country or swift",
       {{"countries", T::kList, 0, {"cn", "ru", "ae", "la", "vn", "kp"}},
        {"exclude_claimed", T::kBool, 1}}},
      {"crypto_payout", CheckLevel::kWorker, "payments.method", {{"min_share", T::kNumber, 0.5}}},
      {"account_after_ban",
       CheckLevel::kWorker,
       "workers.ban_date, payments.account",
       {{"same_holder_strength", T::kNumber, 0.6}}},
      {"shared_payout_account",
       CheckLevel::kWorker,
       "payments.account",
       {{"min_workers", T::kNumber, 2},
        {"exclude_organizations", T::kBool, 1},
        {"household_strength", T::kNumber, 0.3}}},
      {"payout_account_churn",
       CheckLevel::kWorker,
       "payments.account",
       {{"min_accounts", T::kNumber, 4}}},
      {"phone_country_mismatch", CheckLevel::kWorker, "workers.phone, workers.country", {}},
      {"document_country_mismatch",
       CheckLevel::kWorker,
       "workers.document_country, workers.country",
       {}},
      {"thin_profile", CheckLevel::kWorker, "workers.github/linkedin/portfolio", {}},
      {"sanctions_wallet", CheckLevel::kWorker, "a catalog; payments.account", {}},
      {"sanctions_email", CheckLevel::kWorker, "a catalog; workers.email", {}},
      {"sanctions_domain", CheckLevel::kWorker, "a catalog; workers.email/portfolio", {}},
      {"sanctions_name",
       CheckLevel::kWorker,
       "a catalog and matcher; workers.name",
       {{"min_score", T::kNumber, 0.9}, {"uncorroborated_factor", T::kNumber, 0.5}}},
      {"sanctions_counterparty",
       CheckLevel::kWorker,
       "a catalog and matcher; payments.holder/bank",
       {{"min_score", T::kNumber, 0.9},
        {"uncorroborated_factor", T::kNumber, 0.5},
        {"fields", T::kList, 0, {"account_holder", "bank", "platform"}}}},
      {"cluster_shared_infrastructure",
       CheckLevel::kCluster,
       "linked workers",
       {{"kinds", T::kList, 0, {"device", "mfa"}},
        {"strength_one", T::kNumber, 0.7},
        {"strength_two", T::kNumber, 0.9}}},
      {"cluster_banned_member", CheckLevel::kCluster, "linked workers, workers.ban_date", {}},
      {"cluster_member_risk", CheckLevel::kInherit, "linked workers", {{"kinds", T::kList, 0, {}}}},
  };
  return kSpecs;
}

const CheckSpec* FindCheck(std::string_view name) {
  for (const auto& s : CheckSpecs())
    if (s.name == name) return &s;
  return nullptr;
}

std::vector<std::string> KnownChecks() {
  std::vector<std::string> names;
  for (const auto& s : CheckSpecs()) names.emplace_back(s.name);
  return names;
}

double RuleParams::Num(std::string_view name) const {
  auto it = numbers.find(name);
  return it == numbers.end() ? 0 : it->second;
}

const std::vector<std::string>& RuleParams::List(std::string_view name) const {
  static const std::vector<std::string> kEmpty;
  auto it = lists.find(name);
  return it == lists.end() ? kEmpty : it->second;
}

bool RuleParams::ListHas(std::string_view name, std::string_view value) const {
  for (const auto& v : List(name))
    if (IEquals(v, value)) return true;
  return false;
}

Result<RuleParams> ParseRuleParams(const Rule& rule) {
  const CheckSpec* spec = FindCheck(rule.check);
  std::string where = "rule " + rule.id;
  if (!spec) return Status::InvalidArgument(where + ": unknown check '" + rule.check + "'");
  RuleParams params;
  for (const auto& p : spec->params) {
    if (p.type == T::kList) {
      auto& l = params.lists[std::string(p.name)];
      for (auto v : p.list) l.emplace_back(v);
    } else {
      params.numbers[std::string(p.name)] = p.number;
    }
  }
  auto j =
      nlohmann::json::parse(rule.params_json.empty() ? "{}" : rule.params_json, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::InvalidArgument(where + ": params must be a JSON object");
  for (auto it = j.begin(); it != j.end(); ++it) {
    const ParamSpec* p = nullptr;
    for (const auto& candidate : spec->params)
      if (candidate.name == it.key()) p = &candidate;
    if (!p)
      return Status::InvalidArgument(where + ": check " + rule.check + " has no parameter '" +
                                     it.key() + "'");
    switch (p->type) {
      case T::kNumber:
        if (!it->is_number())
          return Status::InvalidArgument(where + ": parameter " + it.key() + " must be a number");
        params.numbers[it.key()] = it->get<double>();
        break;
      case T::kBool:
        if (!it->is_boolean())
          return Status::InvalidArgument(where + ": parameter " + it.key() +
                                         " must be true or false");
        params.numbers[it.key()] = it->get<bool>() ? 1 : 0;
        break;
      case T::kList: {
        if (!it->is_array())
          return Status::InvalidArgument(where + ": parameter " + it.key() + " must be a list");
        auto& l = params.lists[it.key()];
        l.clear();
        for (const auto& v : *it) {
          if (v.is_string())
            l.push_back(AsciiLower(v.get<std::string>()));
          else if (v.is_number())
            l.push_back(v.dump());
          else
            return Status::InvalidArgument(where + ": parameter " + it.key() +
                                           " must hold strings or numbers");
        }
        break;
      }
    }
  }
  return params;
}

const Rule* RulePack::Find(std::string_view id) const {
  for (const auto& r : rules)
    if (r.id == id) return &r;
  return nullptr;
}

namespace {

std::vector<std::string> StringList(const nlohmann::json& j) {
  std::vector<std::string> out;
  if (j.is_string()) out.push_back(j.get<std::string>());
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

}  // namespace

Result<RulePack> ParseRulePack(std::string_view json, std::string_view name) {
  auto fail = [&](const std::string& msg) {
    return Status::InvalidArgument(std::string(name) + ": " + msg);
  };
  auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded()) return Status::ParseError(std::string(name) + ": not valid JSON");
  if (!j.is_object()) return fail("a rule pack is a JSON object");
  RulePack pack;
  pack.source = std::string(name);
  try {
    pack.id = j.value("id", "");
    pack.version = j.value("version", "");
    pack.description = j.value("description", "");
    if (j.contains("thresholds")) {
      const auto& t = j["thresholds"];
      pack.high_threshold = t.value("high", pack.high_threshold);
      pack.medium_threshold = t.value("medium", pack.medium_threshold);
    }
    if (!(pack.medium_threshold > 0 && pack.medium_threshold <= pack.high_threshold &&
          pack.high_threshold <= 100))
      return fail("thresholds must satisfy 0 < medium <= high <= 100");
    if (!j.contains("rules") || !j["rules"].is_array()) return fail("no \"rules\" list");
    size_t index = 0;
    for (const auto& r : j["rules"]) {
      ++index;
      if (!r.is_object()) return fail("rule #" + std::to_string(index) + " is not an object");
      Rule rule;
      rule.id = r.value("id", "");
      if (rule.id.empty()) return fail("rule #" + std::to_string(index) + " has no id");
      if (pack.Find(rule.id)) return fail("duplicate rule id " + rule.id);
      rule.check = r.value("check", "");
      rule.description = r.value("description", "");
      rule.category = r.value("category", "");
      rule.weight = r.value("weight", -1.0);
      rule.advisory = r.value("advisory", "");
      rule.enabled = r.value("enabled", true);
      if (r.contains("indicators")) rule.indicators = StringList(r["indicators"]);
      if (r.contains("params")) rule.params_json = r["params"].dump();
      if (!(rule.weight >= 0 && rule.weight <= 100))
        return fail("rule " + rule.id + ": weight must be in [0, 100]");
      if (rule.description.empty()) return fail("rule " + rule.id + ": no description");
      if (rule.advisory.empty()) return fail("rule " + rule.id + ": no advisory");
      auto params = ParseRuleParams(rule);
      if (!params.ok()) return fail(params.status().message());
      pack.rules.push_back(std::move(rule));
    }
    if (j.contains("patterns")) {
      for (const auto& p : j["patterns"]) {
        Pattern pattern;
        pattern.id = p.value("id", "");
        pattern.label = p.value("label", pattern.id);
        pattern.min_points = p.value("min_points", 1.0);
        if (p.contains("rules")) pattern.rules = StringList(p["rules"]);
        if (pattern.id.empty()) return fail("a pattern has no id");
        for (const auto& rid : pattern.rules)
          if (!pack.Find(rid)) return fail("pattern " + pattern.id + " names unknown rule " + rid);
        pack.patterns.push_back(std::move(pattern));
      }
    }
    if (j.contains("linking")) {
      const auto& l = j["linking"];
      LinkSettings& s = pack.linking;
      if (l.contains("strength")) {
        for (auto it = l["strength"].begin(); it != l["strength"].end(); ++it) {
          if (!it->is_number()) return fail("linking.strength." + it.key() + " must be a number");
          if (!s.strength.count(it.key()))
            return fail("linking.strength: unknown identifier kind '" + it.key() + "'");
          s.strength[it.key()] = it->get<double>();
        }
      }
      s.max_group = l.value("max_group", s.max_group);
      s.ip_window_seconds = l.value("ip_window_seconds", s.ip_window_seconds);
      s.household_factor = l.value("household_factor", s.household_factor);
      s.name_distance = l.value("name_distance", s.name_distance);
      s.email_distance = l.value("email_distance", s.email_distance);
      if (l.contains("strong_kinds")) s.strong_kinds = StringList(l["strong_kinds"]);
      if (s.max_group < 2) return fail("linking.max_group must be at least 2");
      if (s.ip_window_seconds < 0) return fail("linking.ip_window_seconds must be >= 0");
    }
  } catch (const nlohmann::json::exception& e) {
    return fail(std::string("unexpected value type: ") + e.what());
  }
  return pack;
}

Result<RulePack> LoadRulePack(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseRulePack(*text, path);
}

Result<RulePack> LoadDefaultRulePack() {
  return LoadRulePack(JoinPath(DefaultDataDir(), "rules/dprk-itw-rules.json"));
}

}  // namespace vigil::workforce
