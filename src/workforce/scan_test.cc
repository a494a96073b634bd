// End to end on generated data: planted schemes found, benign look-alikes
// spared. The floors are what the default rule pack achieves on this seed
// (docs/workforce.md has the numbers for larger workforces).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "core/io.h"
#include "test_util.h"
#include "vigil/lists.h"
#include "vigil/matcher.h"
#include "workforce/test_helpers.h"

namespace vigil::workforce {
namespace {

const Generated& Data() {
  static const Generated* g = [] {
    GeneratorOptions o;
    o.workers = 4000;
    o.seed = 2024;
    return new Generated(GenerateWorkforce(o));
  }();
  return *g;
}

std::map<std::string, SchemeQuality> ByScheme(const Evaluation& ev) {
  std::map<std::string, SchemeQuality> m;
  for (const auto& q : ev.schemes) m[q.scheme] = q;
  return m;
}

TEST(WorkforceScanGenerated, FindsPlantedSchemesAndSparesLookalikes) {
  const Generated& g = Data();
  ScanResult r = testing::ScanOrDie(g.data);
  Evaluation ev = Evaluate(g.data, r, g.labels);
  SCOPED_TRACE(ev.ToText());
  auto q = ByScheme(ev);
  for (const char* s : {"operator", "laptop_farm", "facilitator_account", "ban_evasion"}) {
    EXPECT_GE(q[s].planted, 2u) << s;
    EXPECT_DOUBLE_EQ(q[s].recall(), 1.0) << s;
    EXPECT_EQ(q[s].groups_detected, q[s].groups) << s;
  }
  EXPECT_GE(q["remote_asia"].recall(), 0.5);
  // Operators' personas end up in one cluster each.
  EXPECT_EQ(q["operator"].groups_clustered, q["operator"].groups);
  EXPECT_EQ(q["laptop_farm"].groups_clustered, q["laptop_farm"].groups);
  // Without a catalog, listed wallets cannot be recognised (those paid to
  // them may still be found through their other traits).
  EXPECT_TRUE(r.exposure.empty());
  for (const auto& w : r.workers)
    for (const auto& reason : w.reasons) EXPECT_NE(reason.rule_id.rfind("P6_", 0), 0u);
  EXPECT_GE(ev.recall(), 0.9);
  EXPECT_GE(ev.precision(), 0.95);
  for (const auto& l : ev.lookalikes) EXPECT_EQ(l.high, 0u) << l.tag;
  // The patterns name the scheme.
  EXPECT_GE(q["operator"].predicted, 3u);
  EXPECT_EQ(q["laptop_farm"].predicted, q["laptop_farm"].planted);
}

// A small catalog of real designations: Kim Sang Man (SDN, with his
// digital currency addresses) and the 2025 IT-worker designations.
std::shared_ptr<const Catalog> DprkCatalog() {
  std::vector<Entity> entities;
  auto sdn = ParseOfacCsv(::vigil::testing::SharedData("lists/us_ofac_sdn/sdn-2024-05-03.csv"),
                          "us_ofac_sdn");
  EXPECT_TRUE(sdn.ok()) << sdn.status().ToString();
  if (sdn.ok())
    for (auto& e : sdn->entities)
      if (e.id() == "us_ofac_sdn:43377" || e.id() == "us_ofac_sdn:43379") entities.push_back(e);
  EXPECT_EQ(entities.size(), 2u);
  auto curated = ParseFtmJson(
      ::vigil::testing::SharedData("lists/curated/dprk-it-workers-2025.ftm.json"), "curated");
  EXPECT_TRUE(curated.ok()) << curated.status().ToString();
  if (curated.ok())
    for (auto& e : curated->entities) entities.push_back(e);
  return Catalog::Create({}, std::move(entities));
}

TEST(WorkforceScanGenerated, WithACatalogListedPayoutsAreFound) {
  const Generated& g = Data();
  auto catalog = DprkCatalog();
  auto matcher = Matcher::Create(catalog);
  ScanOptions options;
  options.rules = &testing::DefaultPack();
  options.catalog = catalog;
  options.matcher = matcher.get();
  auto r = Scan(g.data, options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  Evaluation ev = Evaluate(g.data, *r, g.labels);
  SCOPED_TRACE(ev.ToText());
  auto q = ByScheme(ev);
  EXPECT_GE(q["sanctioned_payout"].planted, 1u);
  EXPECT_DOUBLE_EQ(q["sanctioned_payout"].recall(), 1.0);
  EXPECT_EQ(q["sanctioned_payout"].predicted_true, q["sanctioned_payout"].predicted);
  EXPECT_GE(ev.recall(), 0.95);
  EXPECT_GE(ev.precision(), 0.95);
  // Every hit is a planted payout, to Kim Sang Man's addresses or to the
  // Shenyang front company.
  ASSERT_FALSE(r->exposure.empty());
  for (const auto& h : r->exposure) {
    EXPECT_EQ(g.labels[h.worker].scheme, "sanctioned_payout") << h.value;
    EXPECT_TRUE((h.field == "wallet" && h.entity_id == "us_ofac_sdn:43377") ||
                (h.field == "account_holder" && h.entity_id == "curated_dprk_itw:ofac-55062"))
        << h.field << " " << h.entity_id;
  }
  EXPECT_FALSE(r->catalog_version.empty());
}

TEST(WorkforceScanGenerated, CommandsWriteTheReportAndEvaluate) {
  std::string dir = ::vigil::testing::TempDir();
  GenerateCommand gen;
  gen.options.workers = 700;
  gen.options.seed = 9;
  gen.output_dir = dir + "/in";
  auto written = RunGenerateCommand(gen);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_NE(written->find("700 workers"), std::string::npos);
  ScanCommand scan;
  scan.input_dir = dir + "/in";
  scan.report_dir = dir + "/out";
  scan.no_catalog = true;
  auto out = RunScanCommand(scan);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_NE(out->find("against labels.csv"), std::string::npos) << *out;
  EXPECT_NE(out->find("no catalog"), std::string::npos) << *out;
  for (const char* f : {"workers.jsonl", "clusters.jsonl", "exposure.jsonl", "problems.jsonl",
                        "summary.json", "report.html"})
    EXPECT_TRUE(PathExists(dir + "/out/" + f)) << f;
  ScanCommand missing = scan;
  missing.input_dir = dir + "/nowhere";
  EXPECT_EQ(RunScanCommand(missing).status().code(), Status::Code::kNotFound);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace vigil::workforce
