#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/io.h"
#include "test_util.h"
#include "workforce/test_helpers.h"

namespace vigil::workforce {
namespace {

using testing::Builder;
using testing::T;

Dataset Hostile() {
  Builder b;
  const std::string evil = "<script>alert('x')</script> & \"Bob\"";
  uint32_t a = b.Worker("A<b>", evil, "us", "1 <i>Oak</i> St");
  uint32_t c = b.Worker("B", "Robert \"Bobby\" Tables", "us", "2 Elm St");
  b.DailyLogins(a, "2024-02-01", 5, 2, "45.1.1.1", "us", Network::kVpn, "astrill <vpn>",
                "<img src=x onerror=alert(1)>", "MFA-1");
  b.DailyLogins(c, "2024-02-01", 5, 3, "45.1.1.2", "us", Network::kVpn, "astrill <vpn>",
                "<img src=x onerror=alert(1)>", "MFA-1");
  b.data().AddProblem("workers.csv:9", "row skipped: unknown worker id '<svg onload=x>'");
  return std::move(b.data());
}

TEST(WorkforceReport, HtmlIsSelfContainedAndEscaped) {
  Dataset d = Hostile();
  ScanResult r = testing::ScanOrDie(d);
  ASSERT_EQ(r.clusters.size(), 1u);
  std::string html = RenderHtmlReport(d, r);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<svg onload"), std::string::npos);
  EXPECT_EQ(html.find("<i>Oak"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Bob&quot;"),
            std::string::npos);
  EXPECT_NE(html.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_NE(html.find("<line"), std::string::npos);  // the edge
  // The edge carries its evidence (device and MFA) as a label and tooltip.
  EXPECT_NE(html.find("device, mfa"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  // Nothing is loaded from elsewhere.
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
}

TEST(WorkforceReport, JsonLinesForMachines) {
  Dataset d = Hostile();
  ScanResult r = testing::ScanOrDie(d);
  std::string dir = ::vigil::testing::TempDir();
  ASSERT_TRUE(WriteReport(d, r, dir + "/report").ok());
  auto workers = ReadFile(dir + "/report/workers.jsonl");
  ASSERT_TRUE(workers.ok());
  std::istringstream lines(*workers);
  std::string line;
  size_t n = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    EXPECT_TRUE(j.contains("worker_id"));
    EXPECT_TRUE(j["reasons"].is_array());
    if (j["worker_id"] == "B") {
      EXPECT_EQ(j["cluster"], "C0001");
      bool device = false;
      for (const auto& reason : j["reasons"])
        device = device || reason["rule"] == "N2_CLUSTER_SHARED_DEVICE";
      EXPECT_TRUE(device);
    }
    ++n;
  }
  EXPECT_EQ(n, 2u);
  auto clusters = ReadFile(dir + "/report/clusters.jsonl");
  ASSERT_TRUE(clusters.ok());
  auto c = nlohmann::json::parse(clusters->substr(0, clusters->find('\n')));
  EXPECT_EQ(c["members"].size(), 2u);
  EXPECT_EQ(c["edges"][0]["evidence"][0]["kind"], "device");
  auto summary = nlohmann::json::parse(*ReadFile(dir + "/report/summary.json"));
  EXPECT_EQ(summary["workers"], 2);
  EXPECT_EQ(summary["clusters"], 1);
  EXPECT_EQ(summary["input_problems"], 1);
  EXPECT_EQ(summary["rule_pack"], "dprk-itw@" + testing::DefaultPack().version);
  auto problems = ReadFile(dir + "/report/problems.jsonl");
  ASSERT_TRUE(problems.ok());
  EXPECT_EQ(nlohmann::json::parse(*problems)["where"], "workers.csv:9");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace vigil::workforce
