#include <gtest/gtest.h>

#include <algorithm>

#include "test_util.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

constexpr std::string_view kSdn = "Specially Designated Nationals (SDN) - Treasury Department";

bool Contains(const std::vector<std::string>& values, std::string_view v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

const Entity* FindEntity(const ParsedSource& parsed, std::string_view id) {
  for (const auto& e : parsed.entities)
    if (e.id() == id) return &e;
  return nullptr;
}

class TradeCslTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = ParseTradeCsl(testing::SharedData("lists/us_trade_csl/consolidated-2022.csv.gz"),
                           "us_trade_csl");
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    parsed_ = new ParsedSource(std::move(r).value());
  }
  static void TearDownTestSuite() {
    delete parsed_;
    parsed_ = nullptr;
  }
  static const ParsedSource& parsed() { return *parsed_; }

 private:
  static ParsedSource* parsed_;
};
ParsedSource* TradeCslTest::parsed_ = nullptr;

TEST_F(TradeCslTest, Counts) {
  // 14,160 rows; 71 parties are on two or three lists under one _id.
  EXPECT_EQ(parsed().entities.size(), 14048u);
  EXPECT_TRUE(parsed().warnings.empty()) << parsed().warnings.front().ToString();
  size_t persons = 0, orgs = 0, vessels = 0, airplanes = 0, legal = 0;
  size_t north_koreans = 0, dprk_program = 0, xbt_wallets = 0, export_control = 0;
  for (const auto& e : parsed().entities) {
    persons += e.schema() == schema::kPerson;
    orgs += e.schema() == schema::kOrganization;
    vessels += e.schema() == schema::kVessel;
    airplanes += e.schema() == schema::kAirplane;
    legal += e.schema() == schema::kLegalEntity;
    north_koreans += Contains(e.Get(prop::kNationality), "kp");
    bool dprk = false;
    for (const auto& p : e.Get(prop::kProgram)) dprk |= p.rfind("DPRK", 0) == 0;
    dprk_program += dprk;
    for (const auto& id : e.identifiers())
      xbt_wallets += id.kind == "cryptoWallet" && id.detail == "XBT";
    export_control +=
        std::find(e.topics().begin(), e.topics().end(), "export.control") != e.topics().end();
  }
  EXPECT_EQ(persons, 5284u);
  EXPECT_EQ(orgs, 4423u);
  EXPECT_EQ(vessels, 433u);
  EXPECT_EQ(airplanes, 283u);
  EXPECT_EQ(legal, 3625u);
  EXPECT_EQ(north_koreans, 77u);
  EXPECT_EQ(dprk_program, 428u);
  // 278 XBT entries in the file; an address that a party lists twice (once
  // also as USDT or BSV …) is one identifier, with the first currency given.
  EXPECT_EQ(xbt_wallets, 274u);
  EXPECT_GE(export_control, 2001u);  // every Entity List row, plus DPL, UVL, MEU
}

TEST_F(TradeCslTest, DprkIndividual) {
  const Entity* e = FindEntity(parsed(), "us_trade_csl:23012");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema(), schema::kPerson);
  EXPECT_EQ(e->Get(prop::kName), std::vector<std::string>{"CHA, Sung Jun"});
  EXPECT_EQ(e->Get(prop::kAlias), std::vector<std::string>{"CH'A, Su'ng-chun"});
  EXPECT_EQ(e->Get(prop::kBirthDate), std::vector<std::string>{"1966-06-04"});
  EXPECT_EQ(e->Get(prop::kNationality), std::vector<std::string>{"kp"});
  EXPECT_EQ(e->Get(prop::kAddress), std::vector<std::string>{"Beijing, CN"});
  EXPECT_EQ(e->Get(prop::kCountry), std::vector<std::string>{"cn"});
  EXPECT_EQ(e->Get(prop::kProgram), (std::vector<std::string>{"DPRK4", std::string(kSdn)}));
  EXPECT_EQ(e->First(prop::kSourceId), "23012");
  EXPECT_EQ(e->Get(prop::kPassportNumber), std::vector<std::string>{"472434355"});
  ASSERT_EQ(e->identifiers().size(), 1u);
  EXPECT_EQ(e->identifiers()[0], (Identifier{"passportNumber", "472434355", "", "Passport"}));
  EXPECT_TRUE(Contains(e->Get(prop::kNotes),
                       "Secondary sanctions risk: North Korea Sanctions Regulations, sections "
                       "510.201 and 510.210"));
  EXPECT_EQ(e->topics(), std::vector<std::string>{"sanction"});
  EXPECT_EQ(e->datasets(), std::vector<std::string>{"us_trade_csl"});
}

TEST_F(TradeCslTest, IdsWithCountryDatesAndWallets) {
  const Entity* e = FindEntity(parsed(), "us_trade_csl:29703");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->First(prop::kName), "ANDREYEV, Anton Nikolaeyvich");
  EXPECT_EQ(e->First(prop::kGender), "male");
  EXPECT_EQ(e->Get(prop::kEmail), std::vector<std::string>{"antonandreyv@gmail.com"});
  EXPECT_EQ(e->Get(prop::kBirthPlace), std::vector<std::string>{"Saint Petersburg, Russia"});
  size_t wallets = 0;
  bool eth = false;
  for (const auto& id : e->identifiers()) {
    if (id.kind != "cryptoWallet") continue;
    ++wallets;
    eth |= id.detail == "ETH" && id.value == "0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c";
  }
  EXPECT_EQ(wallets, 17u);
  EXPECT_TRUE(eth);
  EXPECT_EQ(e->identifiers()[0], (Identifier{"passportNumber", "4005504207", "ru", "Passport"}));

  // "JO, 2014-08-30, 2009-08-31, K475336, Passport": expiry, then issue date.
  bool found = false;
  for (const auto& ent : parsed().entities)
    for (const auto& id : ent.identifiers())
      if (id.value == "K475336") {
        found = true;
        EXPECT_EQ(id.country, "jo");
        EXPECT_EQ(id.detail, "Passport; issued 2009-08-31; expires 2014-08-30");
      }
  EXPECT_TRUE(found);
}

TEST_F(TradeCslTest, VesselWithOwnerAndLink) {
  const Entity* e = FindEntity(parsed(), "us_trade_csl:15903");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema(), schema::kVessel);
  EXPECT_EQ(e->First(prop::kName), "DANIEL");
  EXPECT_EQ(e->Get(prop::kAlias), std::vector<std::string>{"DEMOS"});
  EXPECT_EQ(e->Get(prop::kImoNumber), std::vector<std::string>{"9569683"});
  EXPECT_EQ(e->First(prop::kCallSign), "5IM656");
  EXPECT_EQ(e->Get(prop::kFlag), std::vector<std::string>{"pa"});
  EXPECT_EQ(e->First(prop::kType), "Crude Oil Tanker");
  ASSERT_EQ(e->relations().size(), 2u);
  EXPECT_EQ(e->relations()[0], (Relation{"ownedBy", "", "NITC", "Vessel owner: NITC"}));
  EXPECT_EQ(e->relations()[1].kind, "linkedTo");
  EXPECT_EQ(e->relations()[1].target_name, "NATIONAL IRANIAN TANKER COMPANY");
}

TEST_F(TradeCslTest, PartyOnSeveralListsIsOneEntity) {
  const Entity* e = FindEntity(parsed(), "us_trade_csl:18725");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->First(prop::kName), "BANCO VTB AFRICA SA");
  const auto& programs = e->Get(prop::kProgram);
  EXPECT_TRUE(Contains(programs, "Capta List (CAP) - Treasury Department"));
  EXPECT_TRUE(Contains(programs, kSdn));
  EXPECT_TRUE(Contains(programs,
                       "Sectoral Sanctions Identifications List (SSI) - Treasury "
                       "Department"));
  EXPECT_EQ(e->Get(prop::kSwiftBic), std::vector<std::string>{"VTBLAOLU"});
  EXPECT_EQ(e->Get(prop::kWebsite), std::vector<std::string>{"www.vtb.ao"});
  EXPECT_EQ(e->Get(prop::kCountry), std::vector<std::string>{"ao"});
  ASSERT_EQ(e->relations().size(), 1u);
  EXPECT_EQ(e->relations()[0].target_name, "VTB BANK PUBLIC JOINT STOCK COMPANY");
}

TEST_F(TradeCslTest, CircaDateAndExportControlTopic) {
  const Entity* e = FindEntity(parsed(), "us_trade_csl:8183");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->Get(prop::kBirthDate), std::vector<std::string>{"~1967"});
  // A Denied Persons List row: no type, no programs.
  const Entity* dpl = FindEntity(parsed(), "us_trade_csl:deb7a1d5743a85c354ca1a2c7f2664e2104b32d7");
  ASSERT_NE(dpl, nullptr);
  EXPECT_EQ(dpl->schema(), schema::kLegalEntity);
  EXPECT_EQ(dpl->First(prop::kName), "I. ASH");
  EXPECT_EQ(
      dpl->Get(prop::kProgram),
      std::vector<std::string>{"Denied Persons List (DPL) - Bureau of Industry and Security"});
  EXPECT_EQ(dpl->topics(), std::vector<std::string>{"export.control"});
  EXPECT_EQ(dpl->First(prop::kListingDate), "2003-06-19");
  EXPECT_TRUE(Contains(dpl->Get(prop::kNotes), "End date: 2056-06-29"));
}

TEST(TradeCslTextTest, BadRowsAndBadFiles) {
  std::string csv =
      "_id,source,type,name,dates_of_birth,ids\n"
      "1,SDN,Individual,Good Person,1970-01-01,\"AB, 123, Passport\"\n"
      ",SDN,Individual,No Id,,\n"
      "3,SDN,Individual,,,\n"
      "4,SDN,Individual,Odd Date,sometime,\n";
  auto r = ParseTradeCslText(csv, "t", "mem.csv");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 2u);
  EXPECT_EQ(r->entities[0].id(), "t:1");
  // "AB" is no ISO country: it stays part of the number.
  EXPECT_EQ(r->entities[0].identifiers()[0].value, "AB, 123");
  ASSERT_EQ(r->warnings.size(), 3u);
  EXPECT_EQ(r->warnings[0].where, "mem.csv:3");
  EXPECT_EQ(r->warnings[1].where, "mem.csv:4");
  EXPECT_EQ(r->warnings[2].where, "mem.csv:5");
  EXPECT_TRUE(Contains(r->entities[1].Get(prop::kNotes), "Date of birth: sometime"));

  auto no_header = ParseTradeCslText("a,b\n1,2\n", "t", "x.csv");
  ASSERT_FALSE(no_header.ok());
  EXPECT_NE(no_header.status().message().find("x.csv:1"), std::string::npos);
  auto empty = ParseTradeCslText("", "t", "empty.csv");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("empty.csv"), std::string::npos);
  auto unterminated = ParseTradeCslText("_id,source,name\n1,SDN,\"X\n", "t", "u.csv");
  ASSERT_FALSE(unterminated.ok());
  EXPECT_NE(unterminated.status().message().find("u.csv:2"), std::string::npos);
}

}  // namespace
}  // namespace vigil
