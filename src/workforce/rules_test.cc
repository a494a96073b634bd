// Each rule of the default pack on small hand-made cases: one that must fire
// and the look-alike that must not.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "core/io.h"
#include "test_util.h"
#include "workforce/test_helpers.h"

namespace vigil::workforce {
namespace {

using testing::Builder;
using testing::FindReason;
using testing::Points;
using testing::ScanOrDie;
using testing::T;

TEST(WorkforceRules, DefaultPackIsValidAndTraceable) {
  auto pack = LoadDefaultRulePack();
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  EXPECT_EQ(pack->id, "dprk-itw");
  EXPECT_GE(pack->rules.size(), 25u);
  // Every rule names indicators of the shared research notes and a source.
  auto doc = ReadFile(::vigil::testing::SharedData("../docs/dprk-it-worker-indicators.md"));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  std::set<std::string> checks;
  for (const auto& r : pack->rules) {
    EXPECT_FALSE(r.indicators.empty()) << r.id;
    EXPECT_FALSE(r.advisory.empty()) << r.id;
    EXPECT_GT(r.weight, 0) << r.id;
    for (const auto& i : r.indicators)
      EXPECT_NE(doc->find("- " + i + " "), std::string::npos) << r.id << " cites " << i;
    checks.insert(r.check);
  }
  // The issue's minimum list of red flags is covered.
  for (const char* c :
       {"login_country_mismatch", "anonymized_network", "login_from_countries", "impossible_travel",
        "work_hours_offset", "remote_access_tool", "ship_address_mismatch", "ship_shared_address",
        "holder_mismatch", "bank_country", "crypto_payout", "account_after_ban",
        "shared_payout_account", "sanctions_wallet"})
    EXPECT_TRUE(checks.count(c)) << c;
  // Single flags stay below "high" (sanctions and DPRK address space excepted).
  for (const auto& r : pack->rules) {
    if (r.category == "sanctions" || r.category == "cluster" || r.id == "N5_LOGIN_NORTH_KOREA")
      continue;
    EXPECT_LT(r.weight, pack->high_threshold) << r.id;
  }
}

TEST(WorkforceRules, PackValidationNamesTheRule) {
  auto bad_check = ParseRulePack(
      R"({"rules":[{"id":"X1","check":"telepathy","weight":10,"description":"d","advisory":"a"}]})",
      "pack.json");
  ASSERT_FALSE(bad_check.ok());
  EXPECT_NE(bad_check.status().message().find("rule X1: unknown check 'telepathy'"),
            std::string::npos);
  auto bad_param = ParseRulePack(
      R"({"rules":[{"id":"X2","check":"crypto_payout","weight":10,"description":"d","advisory":"a","params":{"share":1}}]})",
      "pack.json");
  ASSERT_FALSE(bad_param.ok());
  EXPECT_NE(bad_param.status().message().find("has no parameter 'share'"), std::string::npos);
  auto bad_type = ParseRulePack(
      R"({"rules":[{"id":"X3","check":"crypto_payout","weight":10,"description":"d","advisory":"a","params":{"min_share":"half"}}]})",
      "pack.json");
  ASSERT_FALSE(bad_type.ok());
  auto bad_weight = ParseRulePack(
      R"({"rules":[{"id":"X4","check":"crypto_payout","weight":150,"description":"d","advisory":"a"}]})",
      "pack.json");
  ASSERT_FALSE(bad_weight.ok());
  auto no_advisory = ParseRulePack(
      R"({"rules":[{"id":"X5","check":"crypto_payout","weight":10,"description":"d"}]})",
      "pack.json");
  ASSERT_FALSE(no_advisory.ok());
  auto duplicate = ParseRulePack(
      R"({"rules":[{"id":"X","check":"crypto_payout","weight":1,"description":"d","advisory":"a"},{"id":"X","check":"crypto_payout","weight":1,"description":"d","advisory":"a"}]})",
      "pack.json");
  ASSERT_FALSE(duplicate.ok());
  EXPECT_FALSE(ParseRulePack("{not json", "pack.json").ok());
  auto ok = ParseRulePack(
      R"({"id":"p","version":"1","rules":[{"id":"X","check":"crypto_payout","weight":1,"description":"d","advisory":"a","params":{"min_share":0.2}}],"linking":{"max_group":5}})",
      "pack.json");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->linking.max_group, 5);
}

TEST(WorkforceRules, LoginCountryMismatchIgnoresVpnExitsAndShortTrips) {
  Builder b;
  uint32_t away = b.Worker("A", "Ann Lee", "us");
  b.DailyLogins(away, "2024-02-01", 10, 15, "93.1.1.1", "ua");
  uint32_t trip = b.Worker("B", "Bob Ray", "us");
  b.DailyLogins(trip, "2024-02-01", 18, 15, "73.1.1.1", "us");
  b.DailyLogins(trip, "2024-03-01", 2, 15, "90.1.1.1", "fr");
  uint32_t vpn = b.Worker("C", "Cy Dee", "us");
  b.DailyLogins(vpn, "2024-02-01", 10, 15, "185.1.1.1", "nl", Network::kVpn, "nordvpn");
  auto r = ScanOrDie(b.data());
  EXPECT_GT(Points(r, away, "N1_LOGIN_COUNTRY_MISMATCH"), 20);
  EXPECT_NE(FindReason(r, away, "N1_LOGIN_COUNTRY_MISMATCH")->detail.find("ua 10"),
            std::string::npos);
  EXPECT_EQ(Points(r, trip, "N1_LOGIN_COUNTRY_MISMATCH"), 0);
  EXPECT_EQ(Points(r, vpn, "N1_LOGIN_COUNTRY_MISMATCH"), 0);
  EXPECT_GT(Points(r, vpn, "N5_ANONYMIZED_NETWORK"), 0);
  EXPECT_EQ(Points(r, trip, "N5_ANONYMIZED_NETWORK"), 0);
}

TEST(WorkforceRules, ImpossibleTravel) {
  Builder b;
  uint32_t w = b.Worker("A", "Ann Lee", "us");
  b.Login(w, T("2024-02-01T15:00:00Z"), "73.1.1.1", "us");
  b.Login(w, T("2024-02-01T16:00:00Z"), "36.1.1.1", "cn");
  uint32_t flyer = b.Worker("B", "Bob Ray", "us");
  b.Login(flyer, T("2024-02-01T15:00:00Z"), "73.1.1.2", "us");
  b.Login(flyer, T("2024-02-02T11:00:00Z"), "90.1.1.2", "fr");
  auto r = ScanOrDie(b.data());
  EXPECT_GT(Points(r, w, "N1_IMPOSSIBLE_TRAVEL"), 0);
  EXPECT_EQ(Points(r, flyer, "N1_IMPOSSIBLE_TRAVEL"), 0);
}

TEST(WorkforceRules, AstrillAndDprkNetworks) {
  Builder b;
  uint32_t astrill = b.Worker("A", "Ann Lee", "us");
  b.DailyLogins(astrill, "2024-02-01", 6, 15, "45.1.1.1", "us", Network::kVpn, "astrill vpn");
  uint32_t nord = b.Worker("B", "Bob Ray", "us");
  b.DailyLogins(nord, "2024-02-01", 6, 15, "185.1.1.1", "us", Network::kVpn, "nordvpn");
  uint32_t kp = b.Worker("C", "Cy Dee", "us");
  b.Login(kp, T("2024-02-01T01:00:00Z"), "175.45.176.9", "kp", Network::kVpn, "astrill vpn");
  auto r = ScanOrDie(b.data());
  EXPECT_DOUBLE_EQ(Points(r, astrill, "N5_ASTRILL_VPN"), 20);
  EXPECT_EQ(Points(r, nord, "N5_ASTRILL_VPN"), 0);
  EXPECT_DOUBLE_EQ(Points(r, kp, "N5_LOGIN_NORTH_KOREA"), 80);
  EXPECT_EQ(r.workers[kp].level, "high");
}

TEST(WorkforceRules, RecurringLoginsFromChinaWeighMoreThanOneTrip) {
  Builder b;
  uint32_t slips = b.Worker("A", "Ann Lee", "us");
  for (int week = 0; week < 4; ++week)
    b.Login(slips, T("2024-02-01T02:00:00Z") + week * 7 * 86400, "36.1.1.1", "cn");
  uint32_t trip = b.Worker("B", "Bob Ray", "us");
  b.DailyLogins(trip, "2024-02-01", 6, 2, "36.2.2.2", "cn");
  uint32_t local = b.Worker("C", "Chen Bo", "cn");
  b.DailyLogins(local, "2024-02-01", 6, 2, "36.3.3.3", "cn");
  uint32_t vpn = b.Worker("D", "Dee Ann", "us");
  b.DailyLogins(vpn, "2024-02-01", 6, 2, "45.1.1.1", "cn", Network::kVpn, "nordvpn");
  auto r = ScanOrDie(b.data());
  EXPECT_DOUBLE_EQ(Points(r, slips, "N5_LOGIN_CHINA_RUSSIA"), 35);
  double one_trip = Points(r, trip, "N5_LOGIN_CHINA_RUSSIA");
  EXPECT_GT(one_trip, 0);
  EXPECT_LT(one_trip, 25);
  EXPECT_EQ(Points(r, local, "N5_LOGIN_CHINA_RUSSIA"), 0);  // lives there
  EXPECT_EQ(Points(r, vpn, "N5_LOGIN_CHINA_RUSSIA"), 0);    // exit, not location
}

TEST(WorkforceRules, WorkHoursOfKoreaBehindAnAmericanZone) {
  Builder b;
  // 01:00 UTC is 10:00 in Seoul and 20:00 the day before in New York.
  uint32_t asia = b.Worker("A", "Ann Lee", "us", "", "America/New_York");
  b.DailyLogins(asia, "2024-02-01", 30, 1, "73.1.1.1", "us");
  uint32_t office = b.Worker("B", "Bob Ray", "us", "", "America/New_York");
  b.DailyLogins(office, "2024-02-01", 30, 14, "73.1.1.2", "us");
  uint32_t seoul = b.Worker("C", "Kim Min-jun", "kr", "", "Asia/Seoul");
  b.DailyLogins(seoul, "2024-02-01", 30, 1, "121.1.1.1", "kr");
  uint32_t few = b.Worker("D", "Dee Ann", "us", "", "America/New_York");
  b.DailyLogins(few, "2024-02-01", 5, 1, "73.1.1.3", "us");
  auto r = ScanOrDie(b.data());
  const Reason* reason = FindReason(r, asia, "B2_WORK_HOURS_UTC8_9");
  ASSERT_NE(reason, nullptr);
  EXPECT_NE(reason->detail.find("UTC-5"), std::string::npos) << reason->detail;
  EXPECT_EQ(Points(r, office, "B2_WORK_HOURS_UTC8_9"), 0);
  EXPECT_EQ(Points(r, seoul, "B2_WORK_HOURS_UTC8_9"), 0);
  EXPECT_EQ(Points(r, few, "B2_WORK_HOURS_UTC8_9"), 0);  // too few logins to judge
  // Without a time zone, the claimed country's usual one is used.
  Builder c;
  uint32_t no_tz = c.Worker("E", "Eve Moe", "us");
  c.DailyLogins(no_tz, "2024-02-01", 30, 1, "73.1.1.4", "us");
  EXPECT_GT(Points(ScanOrDie(c.data()), no_tz, "B2_WORK_HOURS_UTC8_9"), 0);
}

TEST(WorkforceRules, RoundTheClock) {
  Builder b;
  uint32_t w = b.Worker("A", "Ann Lee", "us");
  for (int i = 0; i < 72; ++i)
    b.Login(w, T("2024-02-01T00:30:00Z") + i * 3600 + (i / 24) * 60, "73.1.1.1", "us");
  uint32_t normal = b.Worker("B", "Bob Ray", "us");
  b.DailyLogins(normal, "2024-02-01", 72, 14, "73.1.1.2", "us");
  auto r = ScanOrDie(b.data());
  EXPECT_GT(Points(r, w, "B2_ROUND_THE_CLOCK"), 0);
  EXPECT_EQ(Points(r, normal, "B2_ROUND_THE_CLOCK"), 0);
}

TEST(WorkforceRules, RemoteAccessSoftwareAndIpKvm) {
  Builder b;
  uint32_t anydesk = b.Worker("A", "Ann Lee", "us");
  b.DailyLogins(anydesk, "2024-02-01", 15, 15, "73.1.1.1", "us");
  b.DailyLogins(anydesk, "2024-03-01", 5, 15, "73.1.1.1", "us", Network::kResidential, "", "", "",
                "AnyDesk");
  uint32_t kvm = b.Worker("B", "Bob Ray", "us");
  b.DailyLogins(kvm, "2024-02-01", 5, 15, "73.1.1.2", "us", Network::kResidential, "", "", "",
                "PiKVM");
  uint32_t once = b.Worker("C", "Cy Dee", "us");
  b.DailyLogins(once, "2024-02-01", 40, 15, "73.1.1.3", "us");
  b.Login(once, T("2024-04-01T15:00:00Z"), "73.1.1.3", "us", Network::kResidential, "", "", "",
          "TeamViewer");
  auto r = ScanOrDie(b.data());
  EXPECT_DOUBLE_EQ(Points(r, anydesk, "N3_REMOTE_ACCESS_TOOL"), 15);
  EXPECT_EQ(Points(r, anydesk, "N3_IP_KVM"), 0);
  EXPECT_DOUBLE_EQ(Points(r, kvm, "N3_IP_KVM"), 35);
  EXPECT_EQ(Points(r, kvm, "N3_REMOTE_ACCESS_TOOL"), 0);
  // One support session among 40 is a small part of the rule's weight.
  EXPECT_GT(Points(r, once, "N3_REMOTE_ACCESS_TOOL"), 0);
  EXPECT_LT(Points(r, once, "N3_REMOTE_ACCESS_TOOL"), 6);
}

TEST(WorkforceRules, LaptopsShippedElsewhereAndLaptopFarms) {
  Builder b;
  uint32_t home = b.Worker("A", "Ann Lee", "us", "12 Oak Street, Austin, TX 78701");
  b.Ship(home, "2024-01-05", "12 Oak St, Austin TX 78701");
  uint32_t away = b.Worker("B", "Bob Ray", "us", "5 Elm Ave, Denver, CO 80202");
  b.Ship(away, "2024-01-05", "900 Pine Rd, Phoenix, AZ 85001");
  const std::string farm = "1187 Quail Run Dr, Scottsdale, AZ 85255";
  std::vector<uint32_t> farmed;
  for (int i = 0; i < 3; ++i) {
    farmed.push_back(b.Worker("F" + std::to_string(i), "Farm Worker" + std::to_string(i), "us",
                              std::to_string(10 + i) + " Main St, Town" + std::to_string(i)));
    b.Ship(farmed.back(), "2024-01-05", farm);
  }
  // A family of three with laptops at their shared home is no farm.
  const std::string house = "7 Birch Ln, Columbus, OH 43004";
  std::vector<uint32_t> family;
  for (int i = 0; i < 3; ++i) {
    family.push_back(
        b.Worker("H" + std::to_string(i), "Kid Smith" + std::to_string(i), "us", house));
    b.Ship(family.back(), "2024-01-05", house);
  }
  auto r = ScanOrDie(b.data());
  EXPECT_EQ(Points(r, home, "N4_SHIP_ADDRESS_MISMATCH"), 0);
  EXPECT_DOUBLE_EQ(Points(r, away, "N4_SHIP_ADDRESS_MISMATCH"), 15);
  EXPECT_EQ(Points(r, away, "N4_LAPTOP_FARM"), 0);
  for (uint32_t f : farmed) {
    EXPECT_DOUBLE_EQ(Points(r, f, "N4_LAPTOP_FARM"), 40);
    EXPECT_GE(r.workers[f].cluster, 0);  // linked through the ship-to address
  }
  EXPECT_EQ(r.workers[farmed[0]].cluster, r.workers[farmed[2]].cluster);
  for (uint32_t f : family) {
    EXPECT_EQ(Points(r, f, "N4_LAPTOP_FARM"), 0);
    EXPECT_EQ(Points(r, f, "N4_SHIP_ADDRESS_MISMATCH"), 0);
  }
}

TEST(WorkforceRules, AccountHolders) {
  Builder b;
  uint32_t own = b.Worker("A", "John Smith", "us");
  b.MonthlyPay(own, 3, "111111111", "SMITH, JOHN A");
  uint32_t other = b.Worker("B", "Ethan Miller", "us");
  b.MonthlyPay(other, 3, "222222222", "Li Wei");
  uint32_t spouse = b.Worker("C", "Mary Jones", "us");
  b.MonthlyPay(spouse, 3, "333333333", "Peter Jones");
  uint32_t agency = b.Worker("D", "Ana Diaz", "mx");
  b.MonthlyPay(agency, 3, "444444444", "Northwind Talent Ltd");
  auto r = ScanOrDie(b.data());
  EXPECT_EQ(Points(r, own, "P4_HOLDER_MISMATCH"), 0);
  EXPECT_DOUBLE_EQ(Points(r, other, "P4_HOLDER_MISMATCH"), 25);
  EXPECT_DOUBLE_EQ(Points(r, spouse, "P4_HOLDER_MISMATCH"), 10);
  EXPECT_EQ(Points(r, agency, "P4_HOLDER_MISMATCH"), 0);
}

TEST(WorkforceRules, HighRiskBankCountriesAndCrypto) {
  Builder b;
  uint32_t routed = b.Worker("A", "Ann Lee", "us");
  b.MonthlyPay(routed, 4, "62220000", "Ann Lee", "Bank of China", "cn");
  uint32_t local = b.Worker("B", "Chen Bo", "cn");
  b.MonthlyPay(local, 4, "62230000", "Chen Bo", "Bank of China", "cn");
  uint32_t german = b.Worker("C", "Cy Dee", "us");
  b.MonthlyPay(german, 4, "DE89370400440532013000", "Cy Dee", "N26", "de");
  uint32_t crypto = b.Worker("D", "Dee Ann", "us");
  b.MonthlyPay(crypto, 4, "0xabc0000000000000000000000000000000000001", "Dee Ann", "", "",
               PayMethod::kCrypto);
  uint32_t some = b.Worker("E", "Eve Moe", "us");
  b.MonthlyPay(some, 3, "555555555", "Eve Moe");
  b.Pay(some, T("2024-06-02"), "0xabc0000000000000000000000000000000000002", "Eve Moe", "", "",
        PayMethod::kCrypto);
  auto r = ScanOrDie(b.data());
  EXPECT_DOUBLE_EQ(Points(r, routed, "P2_HIGH_RISK_BANK_COUNTRY"), 30);
  EXPECT_EQ(Points(r, local, "P2_HIGH_RISK_BANK_COUNTRY"), 0);
  EXPECT_EQ(Points(r, german, "P2_HIGH_RISK_BANK_COUNTRY"), 0);
  EXPECT_DOUBLE_EQ(Points(r, crypto, "P1_CRYPTO_PAYOUT"), 10);
  EXPECT_EQ(Points(r, some, "P1_CRYPTO_PAYOUT"), 0);
}

TEST(WorkforceRules, NewAccountAfterBan) {
  Builder b;
  uint32_t switched = b.Worker("A", "Ann Lee", "us");
  b.W(switched).ban_time = T("2024-05-01");
  b.MonthlyPay(switched, 4, "111111111", "Ann Lee");
  b.Pay(switched, T("2024-05-20"), "999999999", "Zhang Min");
  uint32_t same = b.Worker("B", "Bob Ray", "us");
  b.W(same).ban_time = T("2024-05-01");
  b.MonthlyPay(same, 6, "222222222", "Bob Ray");
  uint32_t never = b.Worker("C", "Cy Dee", "us");
  b.W(never).ban_time = T("2024-01-01");
  b.MonthlyPay(never, 2, "333333333", "Cy Dee");
  auto r = ScanOrDie(b.data());
  EXPECT_DOUBLE_EQ(Points(r, switched, "I5_ACCOUNT_AFTER_BAN"), 50);
  EXPECT_EQ(Points(r, same, "I5_ACCOUNT_AFTER_BAN"), 0);
  EXPECT_EQ(Points(r, never, "I5_ACCOUNT_AFTER_BAN"), 0);  // nothing before to switch from
}

TEST(WorkforceRules, SharedPayoutAccounts) {
  Builder b;
  uint32_t p1 = b.Worker("A", "Ann Lee", "us", "1 Oak St, Austin");
  uint32_t p2 = b.Worker("B", "Bob Ray", "ca", "2 Elm St, Toronto");
  b.MonthlyPay(p1, 3, "777777777", "Jack Doe");
  b.MonthlyPay(p2, 3, "777777777", "Jack Doe");
  std::vector<uint32_t> contractors;
  for (int i = 0; i < 3; ++i) {
    contractors.push_back(b.Worker("C" + std::to_string(i), "Contractor " + std::to_string(i), "ph",
                                   std::to_string(i) + " Rizal Ave, Manila"));
    b.MonthlyPay(contractors.back(), 3, "AGENCY-1", "Manila Outsourcing Solutions Inc");
  }
  uint32_t h1 = b.Worker("H1", "Mary Jones", "us", "7 Birch Ln, Columbus");
  uint32_t h2 = b.Worker("H2", "Peter Jones", "us", "7 Birch Ln, Columbus");
  b.MonthlyPay(h1, 3, "888888888", "Peter Jones");
  b.MonthlyPay(h2, 3, "888888888", "Peter Jones");
  auto r = ScanOrDie(b.data());
  EXPECT_DOUBLE_EQ(Points(r, p1, "P3_SHARED_PAYOUT_ACCOUNT"), 30);
  EXPECT_DOUBLE_EQ(Points(r, p2, "P3_SHARED_PAYOUT_ACCOUNT"), 30);
  EXPECT_EQ(r.workers[p1].cluster, r.workers[p2].cluster);
  EXPECT_GE(r.workers[p1].cluster, 0);
  for (uint32_t c : contractors) EXPECT_EQ(Points(r, c, "P3_SHARED_PAYOUT_ACCOUNT"), 0);
  EXPECT_DOUBLE_EQ(Points(r, h1, "P3_SHARED_PAYOUT_ACCOUNT"), 9);  // household
  EXPECT_EQ(r.workers[h1].cluster, -1);  // a joint account alone does not link a household
}

TEST(WorkforceRules, AccountChurnAndProfileMismatches) {
  Builder b;
  uint32_t churn = b.Worker("A", "Ann Lee", "us");
  for (int i = 0; i < 4; ++i)
    b.Pay(churn, T("2024-02-02") + i * 30 * 86400, "ACCT-00" + std::to_string(i), "Ann Lee");
  uint32_t phone = b.Worker("B", "Bob Ray", "gb");
  b.W(phone).phone = "+1 415 555 0100";
  b.W(phone).document_country = "cn";
  uint32_t canada = b.Worker("C", "Cy Dee", "ca");
  b.W(canada).phone = "+1 416 555 0100";
  b.W(canada).github.clear();
  auto r = ScanOrDie(b.data());
  EXPECT_DOUBLE_EQ(Points(r, churn, "B3_PAYOUT_ACCOUNT_CHURN"), 10);
  EXPECT_DOUBLE_EQ(Points(r, phone, "I1_PHONE_COUNTRY_MISMATCH"), 8);
  EXPECT_DOUBLE_EQ(Points(r, phone, "I1_DOCUMENT_COUNTRY_MISMATCH"), 5);
  EXPECT_EQ(Points(r, canada, "I1_PHONE_COUNTRY_MISMATCH"), 0);  // +1 is Canada too
  EXPECT_DOUBLE_EQ(Points(r, canada, "I6_THIN_PROFILE"), 5);
  EXPECT_EQ(Points(r, phone, "I6_THIN_PROFILE"), 0);
}

TEST(WorkforceRules, SharedDevicesLinkPersonasAndRiskIsInherited) {
  Builder b;
  // A persona working from China through Astrill, sharing laptop and MFA
  // phone with a persona that looks clean on its own.
  uint32_t loud = b.Worker("A", "Ann Lee", "us", "1 Oak St, Austin", "America/Chicago");
  b.DailyLogins(loud, "2024-02-01", 30, 2, "45.1.1.1", "us", Network::kVpn, "astrill vpn",
                "LAPTOP-1", "MFA-1");
  for (int week = 0; week < 4; ++week)
    b.Login(loud, T("2024-03-05T03:00:00Z") + week * 7 * 86400, "36.1.1.1", "cn",
            Network::kResidential, "", "LAPTOP-1", "MFA-1");
  uint32_t quiet = b.Worker("B", "Bob Ray", "us", "9 Elm St, Dallas", "America/Chicago");
  b.DailyLogins(quiet, "2024-02-01", 30, 15, "73.9.9.9", "us", Network::kResidential, "",
                "LAPTOP-1", "MFA-1");
  uint32_t alone = b.Worker("C", "Cy Dee", "us", "3 Pine St, Boston", "America/New_York");
  b.DailyLogins(alone, "2024-02-01", 30, 15, "73.8.8.8", "us", Network::kResidential, "",
                "LAPTOP-2", "MFA-2");
  auto r = ScanOrDie(b.data());
  ASSERT_GE(r.workers[loud].cluster, 0);
  EXPECT_EQ(r.workers[loud].cluster, r.workers[quiet].cluster);
  EXPECT_EQ(r.workers[alone].cluster, -1);
  EXPECT_DOUBLE_EQ(Points(r, quiet, "N2_CLUSTER_SHARED_DEVICE"), 50);  // device and MFA
  EXPECT_GT(Points(r, quiet, "CLUSTER_MEMBER_RISK"), 30);
  EXPECT_EQ(r.workers[loud].level, "high");
  EXPECT_EQ(r.workers[quiet].level, "high");
  EXPECT_EQ(r.workers[quiet].pattern, "operator");
  EXPECT_EQ(r.workers[alone].level, "low");
  const Cluster& c = r.clusters[static_cast<size_t>(r.workers[loud].cluster)];
  ASSERT_EQ(c.edges.size(), 1u);
  std::set<std::string> kinds;
  for (const auto& e : c.edges[0].evidence) kinds.insert(e.kind);
  EXPECT_TRUE(kinds.count("device"));
  EXPECT_TRUE(kinds.count("mfa"));
  EXPECT_EQ(c.level, "high");
}

TEST(WorkforceRules, SharedIdentityAndBanEvasion) {
  Builder b;
  uint32_t banned = b.Worker("A", "Ann Lee", "us");
  b.W(banned).ban_time = T("2024-04-01");
  b.W(banned).photo_hash = "ab12cd34ef56";
  b.W(banned).phone = "+1 206 555 0199";
  uint32_t reborn = b.Worker("B", "Anna Leigh", "us");
  b.W(reborn).hire_time = T("2024-04-20");
  b.W(reborn).photo_hash = "AB12CD34EF56";
  b.W(reborn).phone = "(206) 555-0199";
  auto r = ScanOrDie(b.data());
  EXPECT_EQ(r.workers[banned].cluster, r.workers[reborn].cluster);
  EXPECT_DOUBLE_EQ(Points(r, reborn, "I2_CLUSTER_SHARED_IDENTITY"), 45);  // photo and phone
  EXPECT_DOUBLE_EQ(Points(r, reborn, "I5_CLUSTER_BANNED_MEMBER"), 40);
  EXPECT_DOUBLE_EQ(Points(r, banned, "I5_CLUSTER_BANNED_MEMBER"), 40);
  EXPECT_EQ(r.workers[reborn].pattern, "ban_evasion");
}

TEST(WorkforceRules, ResidentialIpSharedAcrossAddressesIsALaptopFarm) {
  Builder b;
  std::vector<uint32_t> farm, family;
  for (int i = 0; i < 3; ++i) {
    farm.push_back(b.Worker("F" + std::to_string(i), "Worker" + std::to_string(i) + " Farm", "us",
                            std::to_string(i) + " Main St, Town" + std::to_string(i)));
    b.DailyLogins(farm.back(), "2024-02-01", 5, 15, "68.10.10.10", "us");
  }
  for (int i = 0; i < 2; ++i) {
    family.push_back(b.Worker("H" + std::to_string(i), "Kid" + std::to_string(i) + " Jones", "us",
                              "7 Birch Ln, Columbus"));
    b.DailyLogins(family.back(), "2024-02-01", 5, 15, "68.20.20.20", "us");
  }
  auto r = ScanOrDie(b.data());
  EXPECT_DOUBLE_EQ(Points(r, farm[0], "N2_CLUSTER_SHARED_HOME_IP"), 35);
  EXPECT_EQ(r.workers[farm[0]].cluster, r.workers[farm[2]].cluster);
  for (uint32_t h : family) {
    EXPECT_EQ(Points(r, h, "N2_CLUSTER_SHARED_HOME_IP"), 0);
    EXPECT_EQ(r.workers[h].cluster, -1);
  }
}

TEST(WorkforceRules, ScoresCombineIndependentEvidence) {
  Builder b;
  uint32_t w = b.Worker("A", "Ann Lee", "us", "1 Oak St, Austin", "America/Chicago");
  b.DailyLogins(w, "2024-02-01", 30, 2, "45.1.1.1", "us", Network::kVpn, "astrill vpn");
  b.MonthlyPay(w, 3, "62220000", "Li Wei", "Bank of China", "cn");
  auto r = ScanOrDie(b.data());
  const WorkerRisk& risk = r.workers[w];
  double keep = 1;
  for (const auto& reason : risk.reasons) keep *= 1 - reason.points / 100;
  EXPECT_NEAR(risk.score, 100 * (1 - keep), 1e-9);
  EXPECT_EQ(risk.level, "high");
  // Reasons are ordered strongest first and every one names a rule of the pack.
  for (size_t i = 1; i < risk.reasons.size(); ++i)
    EXPECT_GE(risk.reasons[i - 1].points, risk.reasons[i].points);
  for (const auto& reason : risk.reasons)
    EXPECT_NE(testing::DefaultPack().Find(reason.rule_id), nullptr) << reason.rule_id;
}

TEST(WorkforceRules, DisabledRulesAndMissingDataAreExplained) {
  RulePack pack = testing::DefaultPack();
  for (auto& rule : pack.rules)
    if (rule.id == "P4_HOLDER_MISMATCH") rule.enabled = false;
  Builder b;
  uint32_t w = b.Worker("A", "Ethan Miller", "us");
  b.MonthlyPay(w, 3, "222222222", "Li Wei");
  auto r = ScanOrDie(b.data(), pack);
  EXPECT_EQ(Points(r, w, "P4_HOLDER_MISMATCH"), 0);
  bool logins_note = false, catalog_note = false;
  for (const auto& n : r.notes) {
    logins_note = logins_note || n.find("no logins") != std::string::npos;
    catalog_note = catalog_note || n.find("no catalog") != std::string::npos;
  }
  EXPECT_TRUE(logins_note);
  EXPECT_TRUE(catalog_note);
}

}  // namespace
}  // namespace vigil::workforce
