// Sanctions exposure: identifiers compared exactly with the catalog, names
// through the matcher.
#include <gtest/gtest.h>

#include "test_util.h"
#include "vigil/lists.h"
#include "vigil/matcher.h"
#include "workforce/test_helpers.h"

namespace vigil::workforce {
namespace {

using testing::Builder;
using testing::Points;

std::shared_ptr<const Catalog> HandMadeCatalog() {
  Entity front("test:front", schema::kCompany);
  front.Add(prop::kName, "YANBIAN SILVERSTAR NETWORK TECHNOLOGY CO., LTD.");
  front.Add(prop::kCountry, "cn");
  front.AddIdentifier({"website", "http://silverstar-dev.example", "", ""});
  front.AddIdentifier({"email", "hr@silverstar-dev.example", "", ""});
  front.AddDataset("test");
  Entity handler("test:handler", schema::kPerson);
  handler.Add(prop::kName, "KIM Sang Man");
  handler.Add(prop::kBirthDate, "1965-04-25");
  handler.AddIdentifier({"cryptoWallet", "0x97b1043abd9e6fc31681635166d430a458d14f9c", "", "ETH"});
  handler.AddIdentifier({"cryptoWallet", "1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ", "", "XBT"});
  handler.AddIdentifier({"email", "kimsangman@gmail.com", "", ""});
  handler.AddDataset("test");
  return Catalog::Create({}, {front, handler});
}

struct Case {
  Dataset data;
  uint32_t wallet_eth, wallet_btc, wallet_case, email, domain, website, holder, clean, namesake,
      agency;
};

Case MakeCase() {
  Builder b;
  Case c;
  c.wallet_eth = b.Worker("W1", "Ethan Miller", "us");
  b.MonthlyPay(c.wallet_eth, 2, "0x97B1043ABD9E6FC31681635166D430A458D14F9C", "", "", "",
               PayMethod::kCrypto);
  c.wallet_btc = b.Worker("W2", "Robert Jones", "us");
  b.MonthlyPay(c.wallet_btc, 2, "1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ", "", "", "",
               PayMethod::kCrypto);
  // Bitcoin addresses are case-sensitive: another case is another address.
  c.wallet_case = b.Worker("W3", "Laura Chen", "us");
  b.MonthlyPay(c.wallet_case, 2, "1d6gg9ikehpittcwrjiniuj1jym2hneafj", "", "", "",
               PayMethod::kCrypto);
  c.email = b.Worker("W4", "Mark Lee", "us");
  b.W(c.email).email = "Kim.Sang.Man+cv@gmail.com";
  c.domain = b.Worker("W5", "Ann Park", "us");
  b.W(c.domain).email = "ann@silverstar-dev.example";
  c.website = b.Worker("W6", "Joe Bloggs", "us");
  b.W(c.website).portfolio = "https://www.silverstar-dev.example/team";
  c.holder = b.Worker("W7", "Sam Hill", "us");
  b.MonthlyPay(c.holder, 2, "6222000011112222", "Yanbian Silverstar Network Technology Co Ltd",
               "Bank of China", "cn");
  c.clean = b.Worker("W8", "Jane Doe", "us");
  b.W(c.clean).email = "jane@gmail.com";
  b.MonthlyPay(c.clean, 2, "DE89370400440532013000", "Jane Doe", "N26", "de");
  c.namesake = b.Worker("W9", "Kim Sang Man", "kr");
  b.W(c.namesake).birth_date = "1990-01-01";
  c.agency = b.Worker("W10", "Lin Hua", "cn");
  b.W(c.agency).platform = "Yanbian Silverstar Network Technology Co., Ltd.";
  c.data = std::move(b.data());
  return c;
}

TEST(WorkforceExposure, IdentifiersMatchExactlyWithoutAMatcher) {
  Case c = MakeCase();
  ScanOptions options;
  options.rules = &testing::DefaultPack();
  options.catalog = HandMadeCatalog();
  auto r = Scan(c.data, options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_DOUBLE_EQ(Points(*r, c.wallet_eth, "P6_SANCTIONED_WALLET"), 100);  // hex: any case
  EXPECT_DOUBLE_EQ(Points(*r, c.wallet_btc, "P6_SANCTIONED_WALLET"), 100);
  EXPECT_EQ(Points(*r, c.wallet_case, "P6_SANCTIONED_WALLET"), 0);
  EXPECT_DOUBLE_EQ(Points(*r, c.email, "P6_SANCTIONED_EMAIL"), 100);  // gmail dots and +tag
  EXPECT_DOUBLE_EQ(Points(*r, c.domain, "P6_SANCTIONED_DOMAIN"), 60);
  EXPECT_DOUBLE_EQ(Points(*r, c.website, "P6_SANCTIONED_DOMAIN"), 60);
  // A listed gmail address does not make every gmail user exposed.
  EXPECT_EQ(Points(*r, c.clean, "P6_SANCTIONED_DOMAIN"), 0);
  EXPECT_EQ(r->workers[c.wallet_eth].level, "high");
  EXPECT_EQ(r->workers[c.wallet_eth].pattern, "sanctioned_payout");
  EXPECT_EQ(r->workers[c.clean].level, "low");
  // Names need the matcher; the summary says they were not screened.
  EXPECT_EQ(Points(*r, c.holder, "P6_SANCTIONED_COUNTERPARTY"), 0);
  bool noted = false;
  for (const auto& n : r->notes) noted = noted || n.find("no matcher") != std::string::npos;
  EXPECT_TRUE(noted);
  size_t wallets = 0;
  for (const auto& h : r->exposure)
    if (h.field == "wallet") {
      ++wallets;
      EXPECT_EQ(h.entity_id, "test:handler");
      EXPECT_TRUE(h.corroborated);
    }
  EXPECT_EQ(wallets, 2u);
}

TEST(WorkforceExposure, NamesHoldersAndBanksThroughTheMatcher) {
  Case c = MakeCase();
  auto catalog = HandMadeCatalog();
  auto matcher = Matcher::Create(catalog);
  ScanOptions options;
  options.rules = &testing::DefaultPack();
  options.catalog = catalog;
  options.matcher = matcher.get();
  auto r = Scan(c.data, options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // The front company as account holder.
  EXPECT_GT(Points(*r, c.holder, "P6_SANCTIONED_COUNTERPARTY"), 70);
  EXPECT_EQ(r->workers[c.holder].level, "high");
  // A namesake of a listed person with another birth date: a name-only match
  // at most, which stays below "high".
  EXPECT_LT(Points(*r, c.namesake, "P6_SANCTIONED_NAME"), 60);
  EXPECT_NE(r->workers[c.namesake].level, "high");
  EXPECT_EQ(Points(*r, c.clean, "P6_SANCTIONED_COUNTERPARTY"), 0);
  EXPECT_EQ(Points(*r, c.clean, "P6_SANCTIONED_NAME"), 0);
  // The front company as the agency the worker came through.
  EXPECT_GT(Points(*r, c.agency, "P6_SANCTIONED_COUNTERPARTY"), 70);
  bool holder_hit = false;
  for (const auto& h : r->exposure)
    holder_hit = holder_hit || (h.field == "account_holder" && h.entity_id == "test:front");
  EXPECT_TRUE(holder_hit);
}

TEST(WorkforceExposure, RealSdnWalletsAreRecognised) {
  auto sdn = ParseOfacCsv(::vigil::testing::SharedData("lists/us_ofac_sdn/sdn-2024-05-03.csv"),
                          "us_ofac_sdn");
  ASSERT_TRUE(sdn.ok()) << sdn.status().ToString();
  auto catalog = Catalog::Create({}, std::move(sdn->entities));
  Builder b;
  uint32_t w = b.Worker("W1", "Ethan Miller", "us");
  b.MonthlyPay(w, 2, "0xb6f5ec1a0a9cd1526536d3f0426c429529471f40", "", "", "", PayMethod::kCrypto);
  uint32_t clean = b.Worker("W2", "Jane Doe", "us");
  b.MonthlyPay(clean, 2, "0x0000000000000000000000000000000000000001", "", "", "",
               PayMethod::kCrypto);
  ScanOptions options;
  options.rules = &testing::DefaultPack();
  options.catalog = catalog;
  auto r = Scan(b.data(), options);
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(Points(*r, w, "P6_SANCTIONED_WALLET"), 100);
  EXPECT_EQ(Points(*r, clean, "P6_SANCTIONED_WALLET"), 0);
  ASSERT_FALSE(r->exposure.empty());
  EXPECT_EQ(r->exposure[0].entity_id, "us_ofac_sdn:43377");
  EXPECT_EQ(r->exposure[0].entity_caption, "KIM, Sang Man");
}

}  // namespace
}  // namespace vigil::workforce
