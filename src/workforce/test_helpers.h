// Hand-made datasets for the workforce tests (header-only; tests only).
#ifndef VIGIL_WORKFORCE_TEST_HELPERS_H_
#define VIGIL_WORKFORCE_TEST_HELPERS_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "vigil/workforce.h"

namespace vigil::workforce::testing {

inline int64_t T(const std::string& text) {
  int64_t t = 0;
  EXPECT_TRUE(ParseTime(text, &t)) << text;
  return t;
}

class Builder {
 public:
  Builder() { data_.columns["workers"] = {"id", "name", "country", "address", "github"}; }

  uint32_t Worker(const std::string& id, const std::string& name, const std::string& country,
                  const std::string& address = "", const std::string& tz = "") {
    workforce::Worker w;
    w.id = id;
    w.name = name;
    w.country = country;
    w.address = address;
    w.github = "https://github.com/" + id;
    if (!tz.empty()) {
      w.timezone = tz;
      int32_t minutes = 0;
      w.utc_offset_known = ParseUtcOffset(tz, &minutes);
      w.utc_offset_minutes = minutes;
    }
    return data_.AddWorker(std::move(w));
  }
  workforce::Worker& W(uint32_t index) { return data_.workers[index]; }

  void Login(uint32_t worker, int64_t time, const std::string& ip, const std::string& country,
             Network network = Network::kResidential, const std::string& provider = "",
             const std::string& device = "", const std::string& mfa = "",
             const std::string& tool = "") {
    workforce::Login l;
    l.worker = worker;
    l.time = time;
    l.ip = data_.strings.Intern(ip);
    l.country = PackCountry(country);
    l.network = network;
    l.vpn_provider = data_.labels.Intern(provider);
    l.device = data_.strings.Intern(device);
    l.mfa = data_.strings.Intern(mfa);
    l.remote = ParseRemoteKind(tool);
    l.remote_tool = data_.labels.Intern(tool);
    data_.logins.push_back(l);
    data_.columns["logins"] = {"worker_id",  "time",          "ip",
                               "ip_country", "network",       "vpn_provider",
                               "device_id",  "mfa_device_id", "remote_tool"};
  }
  // `count` daily logins from `first_day` at `hour_utc`.
  void DailyLogins(uint32_t worker, const std::string& first_day, int count, int hour_utc,
                   const std::string& ip, const std::string& country,
                   Network network = Network::kResidential, const std::string& provider = "",
                   const std::string& device = "", const std::string& mfa = "",
                   const std::string& tool = "") {
    int64_t start = T(first_day) + int64_t{hour_utc} * 3600;
    for (int i = 0; i < count; ++i)
      Login(worker, start + int64_t{i} * 86400, ip, country, network, provider, device, mfa, tool);
  }

  void Pay(uint32_t worker, int64_t time, const std::string& account, const std::string& holder,
           const std::string& bank = "", const std::string& bank_country = "",
           PayMethod method = PayMethod::kBank) {
    workforce::Payment p;
    p.worker = worker;
    p.time = time;
    p.amount = 5000;
    p.account = data_.strings.Intern(account);
    p.holder = data_.strings.Intern(holder);
    p.bank = data_.strings.Intern(bank);
    p.bank_country = PackCountry(bank_country);
    p.method = method;
    data_.payments.push_back(p);
    data_.columns["payments"] = {"worker_id", "date",         "account", "holder",
                                 "bank",      "bank_country", "method"};
  }
  void MonthlyPay(uint32_t worker, int months, const std::string& account,
                  const std::string& holder, const std::string& bank = "",
                  const std::string& bank_country = "", PayMethod method = PayMethod::kBank) {
    for (int m = 1; m <= months; ++m) {
      std::string date = std::string("2024-") + (m < 10 ? "0" : "") + std::to_string(m) + "-02";
      Pay(worker, T(date), account, holder, bank, bank_country, method);
    }
  }

  void Ship(uint32_t worker, const std::string& date, const std::string& address,
            const std::string& item = "Laptop") {
    workforce::Shipment s;
    s.worker = worker;
    s.time = T(date);
    s.item = data_.strings.Intern(item);
    s.address = data_.strings.Intern(address);
    data_.shipments.push_back(s);
    data_.columns["shipments"] = {"worker_id", "date", "item", "address"};
  }

  Dataset& data() { return data_; }

 private:
  Dataset data_;
};

inline const RulePack& DefaultPack() {
  static const RulePack* pack = [] {
    auto p = LoadDefaultRulePack();
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return new RulePack(p.ok() ? std::move(*p) : RulePack());
  }();
  return *pack;
}

inline ScanResult ScanOrDie(const Dataset& data, const RulePack& pack = DefaultPack()) {
  ScanOptions options;
  options.rules = &pack;
  auto r = Scan(data, options);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(*r) : ScanResult();
}

// Points a worker got from a rule (0 when the rule did not fire).
inline double Points(const ScanResult& r, uint32_t worker, const std::string& rule) {
  for (const auto& reason : r.workers[worker].reasons)
    if (reason.rule_id == rule) return reason.points;
  return 0;
}

inline const Reason* FindReason(const ScanResult& r, uint32_t worker, const std::string& rule) {
  for (const auto& reason : r.workers[worker].reasons)
    if (reason.rule_id == rule) return &reason;
  return nullptr;
}

}  // namespace vigil::workforce::testing

#endif  // VIGIL_WORKFORCE_TEST_HELPERS_H_
