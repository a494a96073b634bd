#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "core/io.h"
#include "test_util.h"
#include "vigil/workforce.h"

namespace vigil::workforce {
namespace {

std::string Hash(const std::string& path) {
  auto bytes = ReadFile(path);
  EXPECT_TRUE(bytes.ok()) << path;
  return bytes.ok() ? Sha256Hex(*bytes) : "";
}

TEST(WorkforceGenerate, SameSeedSameBytes) {
  GeneratorOptions o;
  o.workers = 400;
  o.seed = 7;
  std::string a = testing::TempDir(), b = testing::TempDir(), c = testing::TempDir();
  ASSERT_TRUE(WriteDatasetCsv(GenerateWorkforce(o).data, a).ok());
  ASSERT_TRUE(WriteDatasetCsv(GenerateWorkforce(o).data, b).ok());
  o.seed = 8;
  ASSERT_TRUE(WriteDatasetCsv(GenerateWorkforce(o).data, c).ok());
  for (const char* f : {"workers.csv", "payments.csv", "logins.csv", "shipments.csv"}) {
    EXPECT_EQ(Hash(a + "/" + f), Hash(b + "/" + f)) << f;
    EXPECT_NE(Hash(a + "/" + f), Hash(c + "/" + f)) << f;
  }
  for (const auto& d : {a, b, c}) std::filesystem::remove_all(d);
}

// The generator uses only exactly specified arithmetic (mt19937_64, additions,
// multiplications, rounding), so these bytes are the same on every platform.
// A deliberate change to the generator updates them (and docs/workforce.md's
// measured numbers).
TEST(WorkforceGenerate, BytesArePinned) {
  GeneratorOptions o;
  o.workers = 200;
  o.seed = 1;
  std::string dir = testing::TempDir();
  ASSERT_TRUE(WriteDatasetCsv(GenerateWorkforce(o).data, dir).ok());
  EXPECT_EQ(Hash(dir + "/workers.csv"),
            "f950bb45bcb6fb70f7cb8fb58bb0b6b9120f098427b9e95a963527ccf4ec88bb");
  EXPECT_EQ(Hash(dir + "/logins.csv"),
            "a90bfbb478076032e194571c3f7e7e907b175caef6bbf80661479182de84afd0");
  EXPECT_EQ(Hash(dir + "/payments.csv"),
            "12ddfd73783381df7a274211ceb134f6273ec4b4201c3c80480a278e80bbc91c");
  std::filesystem::remove_all(dir);
}

TEST(WorkforceGenerate, WrittenFilesLoadBackUnchanged) {
  GeneratorOptions o;
  o.workers = 600;
  o.seed = 3;
  Generated g = GenerateWorkforce(o);
  ASSERT_EQ(g.data.workers.size(), 600u);
  ASSERT_EQ(g.labels.size(), 600u);
  std::string dir = testing::TempDir();
  ASSERT_TRUE(WriteDatasetCsv(g.data, dir).ok());
  ASSERT_TRUE(WriteLabels(g.labels, dir + "/labels.csv").ok());
  auto d = LoadDataset(dir);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->problem_count, 0u) << (d->problems.empty() ? "" : d->problems[0].ToString());
  ASSERT_EQ(d->workers.size(), g.data.workers.size());
  EXPECT_EQ(d->logins.size(), g.data.logins.size());
  EXPECT_EQ(d->payments.size(), g.data.payments.size());
  EXPECT_EQ(d->shipments.size(), g.data.shipments.size());
  for (size_t i = 0; i < d->workers.size(); i += 37) {
    const Worker& x = d->workers[i];
    const Worker& y = g.data.workers[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.address, y.address);
    EXPECT_EQ(x.utc_offset_minutes, y.utc_offset_minutes);
    EXPECT_EQ(FormatDate(x.hire_time), FormatDate(y.hire_time));
    EXPECT_EQ(x.ban_time == kNoTime, y.ban_time == kNoTime);
  }
  // Logins are written in time order; compare the multiset of a few fields.
  std::multiset<std::string> written, read;
  for (const auto& l : g.data.logins)
    written.insert(
        g.data.workers[l.worker].id + FormatTime(l.time) + std::string(NetworkName(l.network)) +
        std::string(g.data.labels.Get(l.vpn_provider)) + std::string(g.data.strings.Get(l.device)));
  for (const auto& l : d->logins)
    read.insert(d->workers[l.worker].id + FormatTime(l.time) + std::string(NetworkName(l.network)) +
                std::string(d->labels.Get(l.vpn_provider)) + std::string(d->strings.Get(l.device)));
  EXPECT_TRUE(written == read);
  auto labels = LoadLabels(dir + "/labels.csv");
  ASSERT_TRUE(labels.ok());
  ASSERT_EQ(labels->size(), g.labels.size());
  for (size_t i = 0; i < labels->size(); ++i) {
    EXPECT_EQ((*labels)[i].scheme, g.labels[i].scheme);
    EXPECT_EQ((*labels)[i].tags, g.labels[i].tags);
  }
  std::filesystem::remove_all(dir);
}

TEST(WorkforceGenerate, PlantsEverySchemeAmongRealisticNoise) {
  GeneratorOptions o;
  o.workers = 3000;
  o.seed = 5;
  Generated g = GenerateWorkforce(o);
  std::map<std::string, size_t> schemes, tags;
  std::map<std::string, std::set<std::string>> groups;
  for (const auto& l : g.labels) {
    if (!l.scheme.empty()) {
      ++schemes[l.scheme];
      groups[l.scheme].insert(l.group);
    }
    for (const auto& t : l.tags) ++tags[t];
  }
  for (const char* s : {"operator", "laptop_farm", "facilitator_account", "sanctioned_payout",
                        "ban_evasion", "remote_asia"})
    EXPECT_GE(schemes[s], 1u) << s;
  EXPECT_GE(groups["operator"].size(), 2u);
  EXPECT_GE(schemes["operator"], 6u);  // several personas per operator
  size_t planted = 0;
  for (const auto& [s, n] : schemes) planted += n;
  EXPECT_LT(planted, 100u);  // a rare event among thousands
  for (const char* t : {"family", "joint_account", "agency", "coworking", "vpn_user", "traveller",
                        "traveller_vpn", "night_owl", "cn_dev", "kr_dev", "crypto_payee",
                        "remote_support", "ship_elsewhere", "banned"})
    EXPECT_GE(tags[t], 5u) << t;
  // A year of activity: about sessions_per_week logins per week and monthly pay.
  double per_worker = static_cast<double>(g.data.logins.size()) / g.data.workers.size();
  EXPECT_GT(per_worker, 80);
  EXPECT_LT(per_worker, 260);
  EXPECT_GT(g.data.payments.size(), g.data.workers.size() * 6);
  std::set<std::string> countries;
  for (const auto& w : g.data.workers) countries.insert(w.country);
  EXPECT_GE(countries.size(), 20u);
  // E-mail addresses are unique, as mailboxes are.
  std::set<std::string> emails;
  for (const auto& w : g.data.workers) emails.insert(w.email);
  EXPECT_EQ(emails.size(), g.data.workers.size());
}

}  // namespace
}  // namespace vigil::workforce
