// Linking workers into clusters: what links, and the look-alikes that must not.
#include <gtest/gtest.h>

#include <set>

#include "workforce/test_helpers.h"

namespace vigil::workforce {
namespace {

using testing::Builder;
using testing::Points;
using testing::ScanOrDie;
using testing::T;

std::set<std::string> EdgeKinds(const ScanResult& r, uint32_t a, uint32_t b) {
  std::set<std::string> kinds;
  if (r.workers[a].cluster < 0) return kinds;
  for (const auto& e : r.clusters[static_cast<size_t>(r.workers[a].cluster)].edges)
    if ((e.a == a && e.b == b) || (e.a == b && e.b == a))
      for (const auto& ev : e.evidence) kinds.insert(ev.kind);
  return kinds;
}

TEST(WorkforceLink, CoworkingOfficeIsLinkedButNotRisky) {
  Builder b;
  std::vector<uint32_t> desk;
  const char* names[] = {"Lukas Weber", "Anna Schulz", "Felix Koch", "Marie Wolf"};
  for (int i = 0; i < 4; ++i) {
    desk.push_back(b.Worker("W" + std::to_string(i), names[i], "de",
                            std::to_string(i + 1) + " Hauptstrasse, Berlin", "Europe/Berlin"));
    b.DailyLogins(desk.back(), "2024-02-05", 10, 8, "84.1.2.3", "de", Network::kBusiness);
  }
  auto r = ScanOrDie(b.data());
  ASSERT_GE(r.workers[desk[0]].cluster, 0);
  EXPECT_EQ(r.workers[desk[0]].cluster, r.workers[desk[3]].cluster);
  EXPECT_EQ(EdgeKinds(r, desk[0], desk[1]), std::set<std::string>{"ip_day"});
  for (uint32_t w : desk) {
    EXPECT_EQ(r.workers[w].level, "low") << r.workers[w].score;
    EXPECT_EQ(Points(r, w, "CLUSTER_MEMBER_RISK"), 0);
    EXPECT_EQ(Points(r, w, "N2_CLUSTER_SHARED_HOME_IP"), 0);  // an office, not a home
  }
}

TEST(WorkforceLink, SharedInfrastructureUsedByManyIsNotALink) {
  Builder b;
  std::vector<uint32_t> many;
  for (int i = 0; i < 15; ++i) {
    many.push_back(b.Worker("W" + std::to_string(i), "Person" + std::to_string(i) + " Many", "ph",
                            std::to_string(i) + " Rizal Ave, Manila"));
    b.DailyLogins(many.back(), "2024-02-05", 5, 2, "185.5.5.5", "sg", Network::kVpn, "nordvpn");
    b.MonthlyPay(many.back(), 3, "AGENCY-PH-0001", "Manila Outsourcing Solutions Inc");
  }
  auto r = ScanOrDie(b.data());
  for (uint32_t w : many) {
    EXPECT_EQ(r.workers[w].cluster, -1);
    EXPECT_EQ(Points(r, w, "P3_SHARED_PAYOUT_ACCOUNT"), 0);
  }
  bool noted = false;
  for (const auto& n : r.notes)
    noted = noted || n.find("shared infrastructure") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(WorkforceLink, NamesakesAreNotOnePerson) {
  Builder b;
  uint32_t a = b.Worker("A", "Diego Torres", "mx");
  b.W(a).email = "diego.torres@gmail.com";
  uint32_t c = b.Worker("B", "Diego Torres", "es");
  b.W(c).email = "diegotorres53@hotmail.com";
  auto r = ScanOrDie(b.data());
  EXPECT_EQ(r.workers[a].cluster, -1);
  EXPECT_EQ(r.workers[c].cluster, -1);
}

TEST(WorkforceLink, PersonaMailboxesWithOtherNamesAddUp) {
  Builder b;
  uint32_t a = b.Worker("A", "Ethan Miller", "us", "1 Oak St, Austin");
  b.W(a).email = "ethan.miller07@gmail.com";
  uint32_t c = b.Worker("B", "Robert Jones", "us", "2 Elm St, Dallas");
  b.W(c).email = "ethanmiller43@gmail.com";
  uint32_t d = b.Worker("C", "Laura Chen", "us", "3 Pine St, Boston");
  b.W(d).email = "ethan.miller.dev@gmail.com";
  // One shared day on an IP is not enough with the e-mail likeness; two are.
  b.Login(a, T("2024-02-05T02:00:00Z"), "45.9.9.9", "us", Network::kVpn, "astrill vpn");
  b.Login(c, T("2024-02-05T02:30:00Z"), "45.9.9.9", "us", Network::kVpn, "astrill vpn");
  b.Login(a, T("2024-02-06T02:00:00Z"), "45.9.9.9", "us", Network::kVpn, "astrill vpn");
  b.Login(c, T("2024-02-06T02:40:00Z"), "45.9.9.9", "us", Network::kVpn, "astrill vpn");
  auto r = ScanOrDie(b.data());
  ASSERT_GE(r.workers[a].cluster, 0);
  EXPECT_EQ(r.workers[a].cluster, r.workers[c].cluster);
  EXPECT_EQ(EdgeKinds(r, a, c), (std::set<std::string>{"similar_email", "ip_day"}));
  EXPECT_EQ(r.workers[d].cluster, -1);  // e-mail likeness alone is weak
}

TEST(WorkforceLink, ExactIdentifiersAfterNormalization) {
  Builder b;
  uint32_t a = b.Worker("A", "John Smith", "us");
  b.W(a).email = "John.Smith+jobs@gmail.com";
  uint32_t c = b.Worker("B", "Jon Smyth", "ca");
  b.W(c).email = "johnsmith@googlemail.com";
  uint32_t d = b.Worker("C", "Kim Lee", "us");
  b.W(d).document_number = "X1234567";
  uint32_t e = b.Worker("D", "Lee Kim", "ca");
  b.W(e).document_number = "x-1234567";
  uint32_t f = b.Worker("E", "Ann Poe", "us");
  b.MonthlyPay(f, 2, "**** **** **** 4242", "Ann Poe", "", "", PayMethod::kCard);
  uint32_t g = b.Worker("F", "Bo Day", "us");
  b.MonthlyPay(g, 2, "**** **** **** 4242", "Bo Day", "", "", PayMethod::kCard);
  auto r = ScanOrDie(b.data());
  EXPECT_TRUE(EdgeKinds(r, a, c).count("email"));
  EXPECT_TRUE(EdgeKinds(r, d, e).count("document"));
  EXPECT_EQ(r.workers[f].cluster, -1);  // masked card numbers are not identifiers
  EXPECT_EQ(r.workers[g].cluster, -1);
}

}  // namespace
}  // namespace vigil::workforce
