#include <gtest/gtest.h>

#include <algorithm>

#include "test_util.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

bool Contains(const std::vector<std::string>& values, std::string_view v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

const Entity* FindEntity(const ParsedSource& parsed, std::string_view id) {
  for (const auto& e : parsed.entities)
    if (e.id() == id) return &e;
  return nullptr;
}

class WatchlistCsvSampleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = testing::SourcePath("tests/fixtures/watchlist_sample.csv");
    auto r = ParseWatchlistCsv(path_, "mylist");
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    parsed_ = std::move(r).value();
  }
  std::string path_;
  ParsedSource parsed_;
};

TEST_F(WatchlistCsvSampleTest, GoodRowsBecomeEntities) {
  ASSERT_EQ(parsed_.entities.size(), 7u);
  std::vector<std::string> ids;
  for (const auto& e : parsed_.entities) ids.push_back(e.id());
  EXPECT_EQ(ids, (std::vector<std::string>{"mylist:wl-001", "mylist:wl-002", "mylist:row-3",
                                           "mylist:wl-007", "mylist:wl-008", "mylist:wl-009",
                                           "mylist:wl-010"}));
  for (const auto& e : parsed_.entities) {
    EXPECT_EQ(e.datasets(), std::vector<std::string>{"mylist"});
    EXPECT_TRUE(e.topics().empty());
  }
}

TEST_F(WatchlistCsvSampleTest, PersonFieldByField) {
  const Entity* e = FindEntity(parsed_, "mylist:wl-002");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema(), schema::kPerson);
  EXPECT_EQ(e->Get(prop::kName), std::vector<std::string>{"PAK Chol Min"});
  // The second wl-002 row (line 9) adds an alias and a phone number.
  EXPECT_EQ(e->Get(prop::kAlias),
            (std::vector<std::string>{"PAK, Chol-min", "Park Cheol Min", "Pak Chol-Min"}));
  EXPECT_EQ(e->Get(prop::kCountry), (std::vector<std::string>{"kp", "cn"}));
  EXPECT_EQ(e->Get(prop::kBirthDate), std::vector<std::string>{"1985-03"});
  EXPECT_EQ(e->Get(prop::kPassportNumber), std::vector<std::string>{"836410277"});
  EXPECT_EQ(e->Get(prop::kEmail), std::vector<std::string>{"pak.cm@example.net"});
  EXPECT_EQ(e->Get(prop::kPhone), std::vector<std::string>{"+850-2-381-0000"});
  EXPECT_FALSE(e->Has("cryptoWallet"));
  EXPECT_EQ(e->identifiers(),
            (std::vector<Identifier>{{"passportNumber", "836410277", "kp", ""},
                                     {"email", "pak.cm@example.net", "", ""},
                                     {"cryptoWallet", "1ExampLeWaLLetAddr3ss5yZ9", "", "XBT"},
                                     {"phone", "+850-2-381-0000", "", ""}}));
  EXPECT_EQ(
      e->Get(prop::kNotes),
      (std::vector<std::string>{"Fictional test record: IT worker alias set", "analyst: asmith"}));
}

TEST_F(WatchlistCsvSampleTest, OtherTypesAndColumns) {
  const Entity* company = FindEntity(parsed_, "mylist:wl-001");
  ASSERT_NE(company, nullptr);
  EXPECT_EQ(company->schema(), schema::kCompany);
  EXPECT_EQ(company->Get(prop::kAlias).size(), 2u);
  EXPECT_EQ(company->Get(prop::kCountry), std::vector<std::string>{"kp"});
  EXPECT_TRUE(Contains(company->Get(prop::kNotes), "analyst: jdoe"));

  const Entity* org = FindEntity(parsed_, "mylist:row-3");
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(org->schema(), schema::kOrganization);
  EXPECT_EQ(org->Get(prop::kCountry), std::vector<std::string>{"hk"});
  EXPECT_EQ(org->identifiers(),
            (std::vector<Identifier>{{"website", "https://example-shipping.test", "", ""},
                                     {"registrationNumber", "HK-2041337", "hk", ""}}));

  const Entity* vessel = FindEntity(parsed_, "mylist:wl-007");
  ASSERT_NE(vessel, nullptr);
  EXPECT_EQ(vessel->schema(), schema::kVessel);
  EXPECT_EQ(vessel->Get(prop::kImoNumber), std::vector<std::string>{"9999991"});
  EXPECT_EQ(vessel->Get(prop::kMmsi), std::vector<std::string>{"355000001"});
  EXPECT_EQ(vessel->Get(prop::kCountry), std::vector<std::string>{"pa"});

  const Entity* trader = FindEntity(parsed_, "mylist:wl-009");
  ASSERT_NE(trader, nullptr);
  EXPECT_EQ(trader->Get(prop::kBirthDate), std::vector<std::string>{"~1970"});
  EXPECT_EQ(trader->Get("innCode"), std::vector<std::string>{"7707083893"});
  EXPECT_TRUE(Contains(trader->Get(prop::kNotes), "identifier: telegram:@sampletrader"));

  const Entity* group = FindEntity(parsed_, "mylist:wl-010");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->schema(), schema::kLegalEntity);
  EXPECT_EQ(group->Get(prop::kNotes),
            std::vector<std::string>{"Two-line note:\nkept as one value"});
}

TEST_F(WatchlistCsvSampleTest, BadRowsAreWarningsWithLines) {
  ASSERT_EQ(parsed_.warnings.size(), 5u);
  auto at = [this](size_t i) { return parsed_.warnings[i].where; };
  EXPECT_EQ(at(0), path_ + ":5");
  EXPECT_NE(parsed_.warnings[0].message.find("no name"), std::string::npos);
  EXPECT_EQ(at(1), path_ + ":6");
  EXPECT_NE(parsed_.warnings[1].message.find("1985-13-40"), std::string::npos);
  EXPECT_EQ(at(2), path_ + ":7");
  EXPECT_NE(parsed_.warnings[2].message.find("spaceship"), std::string::npos);
  EXPECT_EQ(at(3), path_ + ":10");
  EXPECT_NE(parsed_.warnings[3].message.find("Atlantis"), std::string::npos);
  EXPECT_EQ(at(4), path_ + ":11");
  EXPECT_NE(parsed_.warnings[4].message.find("telegram"), std::string::npos);
  const Entity* atlantis = FindEntity(parsed_, "mylist:wl-008");
  ASSERT_NE(atlantis, nullptr);
  EXPECT_FALSE(atlantis->Has(prop::kCountry));
  EXPECT_TRUE(Contains(atlantis->Get(prop::kNotes), "country: Atlantis"));
}

TEST(WatchlistCsvTest, HeaderRules) {
  // Case and spaces in the header do not matter; columns may come in any order.
  auto ok = ParseWatchlistCsvText(" NAME ,Type,ID\nAcme Ltd,COMPANY,7\n", "w", "h.csv");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  ASSERT_EQ(ok->entities.size(), 1u);
  EXPECT_EQ(ok->entities[0].id(), "w:7");
  EXPECT_EQ(ok->entities[0].schema(), schema::kCompany);

  auto no_name = ParseWatchlistCsvText("id,aliases\n1,X\n", "w", "n.csv");
  ASSERT_FALSE(no_name.ok());
  EXPECT_EQ(no_name.status().code(), Status::Code::kParseError);
  EXPECT_NE(no_name.status().message().find("n.csv:1"), std::string::npos);

  auto twice = ParseWatchlistCsvText("name,id,Name\n", "w", "t.csv");
  ASSERT_FALSE(twice.ok());

  auto empty = ParseWatchlistCsvText("", "w", "e.csv");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("e.csv"), std::string::npos);

  auto unterminated = ParseWatchlistCsvText("name\n\"Open\n", "w", "u.csv");
  ASSERT_FALSE(unterminated.ok());
  EXPECT_NE(unterminated.status().message().find("u.csv:2"), std::string::npos);
}

TEST(WatchlistCsvTest, SchemaConflictAndExtraFields) {
  auto r =
      ParseWatchlistCsvText("id,name,type\n1,A,person\n1,A,vessel\n2,B,org,extra\n", "w", "c.csv");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->entities.size(), 2u);
  EXPECT_EQ(r->entities[0].schema(), schema::kPerson);
  ASSERT_EQ(r->warnings.size(), 2u);
  EXPECT_EQ(r->warnings[0].where, "c.csv:3");
  EXPECT_EQ(r->warnings[1].where, "c.csv:4");
}

}  // namespace
}  // namespace vigil
