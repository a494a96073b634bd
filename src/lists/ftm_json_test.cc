#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "lists/ftm_writer.h"
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

std::string WriteAll(const std::vector<Entity>& entities) {
  std::string out;
  for (const auto& e : entities) out += EntityToFtmJson(e) + "\n";
  return out;
}

// parse -> write -> parse must give back the same entities.
void ExpectRoundTrip(const ParsedSource& first, std::string_view dataset) {
  std::string text = WriteAll(first.entities);
  auto second = ParseFtmJsonText(text, dataset, "written.json");
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_TRUE(second->warnings.empty());
  ASSERT_EQ(second->entities.size(), first.entities.size());
  for (size_t i = 0; i < first.entities.size(); ++i)
    ASSERT_EQ(second->entities[i], first.entities[i]) << first.entities[i].id();
}

TEST(FtmJsonTest, ZalaEntities) {
  auto r = ParseFtmJson(testing::SharedData("lists/ftm/zala-entities.ftm.json"), "zala");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 91u);
  EXPECT_TRUE(r->warnings.empty());
  EXPECT_TRUE(r->deleted_ids.empty());
  std::map<std::string, int> schemas;
  for (const auto& e : r->entities) ++schemas[e.schema()];
  EXPECT_EQ(schemas, (std::map<std::string, int>{{"Address", 11},
                                                 {"Company", 11},
                                                 {"Directorship", 3},
                                                 {"Family", 4},
                                                 {"Ownership", 14},
                                                 {"Passport", 1},
                                                 {"Person", 6},
                                                 {"Sanction", 41}}));

  const Entity* person = FindEntity(*r, "NK-aU5ybkbRFJucf8YMwsJvDw");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->schema(), schema::kPerson);
  EXPECT_EQ(person->caption(), "Aleksandr Vyacheslavovich Zakharov");
  EXPECT_EQ(person->Get(prop::kName).size(), 11u);
  EXPECT_TRUE(Contains(person->Get(prop::kAlias), "Александр Вячеславович ЗАХАРОВ"));
  EXPECT_EQ(person->Get(prop::kBirthDate), std::vector<std::string>{"1965-09-21"});
  EXPECT_EQ(person->Get(prop::kNationality), std::vector<std::string>{"ru"});
  EXPECT_EQ(person->First("innCode"), "183111242406");
  // Topics move out of the properties.
  EXPECT_FALSE(person->Has("topics"));
  EXPECT_EQ(person->topics(), (std::vector<std::string>{"debarment", "corp.disqual", "sanction"}));
  // The dataset argument comes first, then the entity's own datasets.
  ASSERT_EQ(person->datasets().size(), 15u);
  EXPECT_EQ(person->datasets()[0], "zala");
  EXPECT_TRUE(Contains(person->datasets(), "us_ofac_sdn"));
  EXPECT_EQ(person->identifiers()[0], (Identifier{"innCode", "183111242406", "ru", ""}));
  EXPECT_EQ(person->identifiers().size(), 4u);

  // Relationship entities become relations on both ends: 8 Ownership and 2
  // Directorship entities name him first, 4 Family entities second.
  ASSERT_EQ(person->relations().size(), 14u);
  EXPECT_EQ(person->relations()[0], (Relation{"family", "NK-JseaPJctnK9o8wrmz8xmoT",
                                              "Zakharov Nikita", "Family: Family member of"}));
  const Entity* company = FindEntity(*r, "NK-abdzbEBkqyT29GyREbiURZ");
  ASSERT_NE(company, nullptr);
  EXPECT_EQ(company->relations()[0], (Relation{"ownedBy", "NK-nR5AXM9AVPq4pQaSPSaVam",
                                               "JSC NPO IZHMASH", "Ownership: subsidiary of"}));
  bool director = false;
  for (const auto& rel : company->relations())
    director |= rel.kind == "hasDirector" && rel.target_id == person->id();
  EXPECT_TRUE(director);
  // Internet addresses carry no issuing country; company numbers do.
  for (const auto& id : company->identifiers()) {
    if (id.kind == prop::kEmail || id.kind == prop::kWebsite) {
      EXPECT_EQ(id.country, "") << id.value;
    } else {
      EXPECT_EQ(id.country, "ru") << id.kind;
    }
  }
  ExpectRoundTrip(*r, "zala");
}

TEST(FtmJsonTest, DeltaFile) {
  auto r = ParseFtmJson(testing::SharedData("lists/ftm/t2-entities.delta.json"), "t2");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 2u);
  EXPECT_TRUE(r->deleted_ids.empty());
  const Entity* aqi = FindEntity(*r, "NK-2T3S8Hu29ktYnKSTgQp2wL");
  ASSERT_NE(aqi, nullptr);
  EXPECT_EQ(aqi->schema(), schema::kOrganization);
  EXPECT_TRUE(Contains(aqi->Get(prop::kName), "AL-QAIDA IN IRAQ"));
  EXPECT_TRUE(Contains(aqi->Get(prop::kAlias), "Islamic State in Iraq and the Levant"));
  ASSERT_EQ(aqi->datasets().size(), 23u);
  EXPECT_EQ(aqi->datasets()[0], "t2");
  EXPECT_TRUE(Contains(aqi->datasets(), "un_sc_sanctions"));
  ExpectRoundTrip(*r, "t2");
}

TEST(FtmJsonTest, CuratedWatchlist) {
  auto r = ParseFtmJson(testing::SharedData("lists/curated/dprk-it-workers-2025.ftm.json"),
                        "curated_dprk_itw");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 6u);
  const Entity* kim = FindEntity(*r, "curated_dprk_itw:ofac-54763");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->schema(), schema::kPerson);
  EXPECT_EQ(kim->Get(prop::kName), std::vector<std::string>{"KIM Se Un"});
  EXPECT_EQ(kim->Get(prop::kAlias), std::vector<std::string>{"KIM, Se-u'n"});
  EXPECT_EQ(kim->Get(prop::kNationality), std::vector<std::string>{"kp"});
  EXPECT_EQ(kim->First(prop::kListingDate), "2025-07-24");
  EXPECT_EQ(kim->First(prop::kSourceId), "us_ofac_sdn:54763");
  EXPECT_EQ(kim->topics(), std::vector<std::string>{"sanction"});
  EXPECT_EQ(kim->datasets(), std::vector<std::string>{"curated_dprk_itw"});
  ExpectRoundTrip(*r, "curated_dprk_itw");
}

TEST(FtmJsonTest, DeltaOperationsInOrder) {
  std::string text =
      R"({"op":"ADD","entity":{"id":"a","schema":"Person","properties":{"name":["A One"]}}})"
      "\n"
      R"({"op":"ADD","entity":{"id":"b","schema":"Company","properties":{"name":["B Co"]}}})"
      "\r\n\n"
      R"({"op":"MOD","entity":{"id":"a","schema":"Person","properties":{"name":["A Two"]}}})"
      "\n"
      R"({"op":"DEL","entity":{"id":"b"}})"
      "\n"
      R"({"op":"DEL","entity":{"id":"gone-before"}})"
      "\n"
      R"({"op":"ADD","entity":{"id":"gone-before","schema":"Person","properties":{"name":["Back"]}}})"
      "\n"
      R"({"op":"RENAME","entity":{"id":"a"}})"
      "\n";
  auto r = ParseFtmJsonText(text, "d", "delta.json");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 2u);
  EXPECT_EQ(r->entities[0].Get(prop::kName), std::vector<std::string>{"A Two"});
  EXPECT_EQ(r->entities[1].id(), "gone-before");
  EXPECT_EQ(r->deleted_ids, std::vector<std::string>{"b"});
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].where, "delta.json:8");
  EXPECT_NE(r->warnings[0].message.find("RENAME"), std::string::npos);
}

TEST(FtmJsonTest, FragmentsMergeAndOddValues) {
  std::string text =
      R"({"id":"x","schema":"Person","properties":{"name":["X"],"passportNumber":["P1"],"country":["kp"]}})"
      "\n"
      R"({"id":"x","schema":"Person","properties":{"alias":["Ex"],"weight":[72, true]},"datasets":["src"]})"
      "\n"
      R"(["not", "an", "object"])"
      "\n"
      R"({"caption":"no id or schema"})"
      "\n"
      R"({"id":"y","schema":"Thing","properties":"bad"})"
      "\n";
  auto r = ParseFtmJsonText(text, "f", "frag.json");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 1u);
  const Entity& x = r->entities[0];
  EXPECT_EQ(x.Get(prop::kAlias), std::vector<std::string>{"Ex"});
  EXPECT_EQ(x.Get("weight"), (std::vector<std::string>{"72", "true"}));
  EXPECT_EQ(x.datasets(), (std::vector<std::string>{"f", "src"}));
  EXPECT_EQ(x.identifiers(),
            std::vector<Identifier>{(Identifier{"passportNumber", "P1", "kp", ""})});
  ASSERT_EQ(r->warnings.size(), 3u);
  EXPECT_EQ(r->warnings[0].where, "frag.json:3");
  EXPECT_EQ(r->warnings[1].where, "frag.json:4");
  EXPECT_EQ(r->warnings[2].where, "frag.json:5");
}

TEST(FtmJsonTest, MalformedJsonNamesFileAndLine) {
  std::string text = R"({"id":"a","schema":"Person","properties":{"name":["A"]}})"
                     "\n"
                     R"({"id":"b","schema":)"
                     "\n";
  auto r = ParseFtmJsonText(text, "d", "broken.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kParseError);
  EXPECT_NE(r.status().message().find("broken.json:2"), std::string::npos);

  auto missing = ParseFtmJson("/nonexistent/vigil/x.json", "d");
  ASSERT_FALSE(missing.ok());
}

TEST(FtmWriterTest, WritesPlainFtmPlusVigilFields) {
  Entity e("ds:1", schema::kPerson);
  e.Add(prop::kName, "KIM Chol");
  e.Add(prop::kAlias, "Kim Cheol");
  e.Add(prop::kNationality, "kp");
  e.AddIdentifier({std::string(prop::kPassportNumber), "P123", "kp", "Diplomatic passport"});
  e.AddIdentifier({"cryptoWallet", "1ABC", "", "XBT"});
  e.AddRelation({"linkedTo", "ds:2", "KOREA MINING", "Linked To: KOREA MINING"});
  e.AddDataset("ds");
  e.AddTopic("sanction");
  e.Add(prop::kNotes, std::string("bad \xff byte"));

  std::string line = EntityToFtmJson(e);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  auto json = nlohmann::json::parse(line);
  EXPECT_EQ(json["id"], "ds:1");
  EXPECT_EQ(json["schema"], "Person");
  EXPECT_EQ(json["caption"], "KIM Chol");
  EXPECT_EQ(json["properties"]["passportNumber"], nlohmann::json::array({"P123"}));
  EXPECT_EQ(json["properties"]["topics"], nlohmann::json::array({"sanction"}));
  EXPECT_FALSE(json["properties"].contains("cryptoWallet"));
  EXPECT_EQ(json["properties"]["notes"][0], "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(json["datasets"], nlohmann::json::array({"ds"}));
  EXPECT_EQ(json["relations"][0]["target_name"], "KOREA MINING");
  EXPECT_EQ(json["identifiers"][1]["detail"], "XBT");

  // Identifier details and relations come back; the identifier value is now
  // a property as well.
  auto back = ParseFtmJsonText(line, "ds", "line.json");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->entities.size(), 1u);
  const Entity& b = back->entities[0];
  EXPECT_EQ(b.identifiers(), e.identifiers());
  EXPECT_EQ(b.relations(), e.relations());
  EXPECT_EQ(b.topics(), e.topics());
  EXPECT_EQ(b.Get(prop::kPassportNumber), std::vector<std::string>{"P123"});
}

TEST(FtmWriterTest, RoundTripsOtherParsersOutput) {
  // Entities from the CSL parser carry details, relations and wallets that
  // plain FtM cannot hold.
  auto csl = ParseTradeCsl(testing::SharedData("lists/us_trade_csl/consolidated-2022.csv.gz"),
                           "us_trade_csl");
  ASSERT_TRUE(csl.ok()) << csl.status().ToString();
  // Every fifth party keeps the test quick and still covers each kind of record.
  ParsedSource sample;
  for (size_t i = 0; i < csl->entities.size(); i += 5) sample.entities.push_back(csl->entities[i]);
  ExpectRoundTrip(sample, "us_trade_csl");
  auto uk = ParseUkOfsi(testing::SourcePath("tests/fixtures/uk_ofsi_sample.csv"), "gb");
  ASSERT_TRUE(uk.ok()) << uk.status().ToString();
  ExpectRoundTrip(*uk, "gb");
}

}  // namespace
}  // namespace vigil
