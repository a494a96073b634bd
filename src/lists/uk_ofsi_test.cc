#include <gtest/gtest.h>

#include <algorithm>

#include "core/io.h"
#include "test_util.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

constexpr std::string_view kDataset = "gb_hmt_sanctions";
constexpr std::string_view kDprkRegime = "Democratic People's Republic of Korea";

bool Contains(const std::vector<std::string>& values, std::string_view v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

const Entity* FindEntity(const ParsedSource& parsed, std::string_view id) {
  for (const auto& e : parsed.entities)
    if (e.id() == id) return &e;
  return nullptr;
}

class UkOfsiXlsxTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r =
        ParseUkOfsi(testing::SharedData("lists/gb_uk/UK_Sanctions_List-2025-04-10.xlsx"), kDataset);
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
ParsedSource* UkOfsiXlsxTest::parsed_ = nullptr;

TEST_F(UkOfsiXlsxTest, OneEntityPerGroup) {
  EXPECT_EQ(parsed().entities.size(), 4686u);
  EXPECT_TRUE(parsed().warnings.empty()) << parsed().warnings.front().ToString();
  EXPECT_EQ(parsed().publication_date, "2025-04-10");
  size_t persons = 0, orgs = 0, vessels = 0;
  for (const auto& e : parsed().entities) {
    EXPECT_TRUE(e.Has(prop::kName)) << e.id();
    persons += e.schema() == schema::kPerson;
    orgs += e.schema() == schema::kOrganization;
    vessels += e.schema() == schema::kVessel;
  }
  EXPECT_EQ(persons, 3662u);
  EXPECT_EQ(orgs, 1009u);
  EXPECT_EQ(vessels, 15u);
}

TEST_F(UkOfsiXlsxTest, DprkRegimeCount) {
  size_t dprk = 0;
  for (const auto& e : parsed().entities) dprk += Contains(e.Get(prop::kProgram), kDprkRegime);
  EXPECT_EQ(dprk, 239u);
}

TEST_F(UkOfsiXlsxTest, DprkIndividualFieldByField) {
  // KIM Tong-myong, President of Tanchon Commercial Bank: 16 rows in the sheet
  // (8 name variants x 2 dates of birth).
  const Entity* e = FindEntity(parsed(), "gb_hmt_sanctions:12441");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema(), schema::kPerson);
  EXPECT_EQ(e->Get(prop::kName), std::vector<std::string>{"KIM TONG MY'ONG"});
  EXPECT_EQ(e->First(prop::kFirstName), "KIM");
  EXPECT_EQ(e->First(prop::kLastName), "TONG MY'ONG");
  const auto& aliases = e->Get(prop::kAlias);
  EXPECT_EQ(aliases.size(), 7u);
  for (std::string_view a : {"Kim CHIN-SO'K", "Kim HYOK CHOL", "Kim HYOK-CHOL", "Kim JIN-SOK",
                             "Kim TONG MYONG", "Kim TONG-MYO’NG", "Kim TONG-MYONG"})
    EXPECT_TRUE(Contains(aliases, a)) << a;
  EXPECT_EQ(e->Get(prop::kBirthDate), (std::vector<std::string>{"1964", "1962-08-28"}));
  EXPECT_EQ(e->Get(prop::kNationality), std::vector<std::string>{"kp"});
  EXPECT_EQ(e->First(prop::kPosition), "President of Tanchon Commercial Bank");
  EXPECT_EQ(e->Get(prop::kProgram), std::vector<std::string>{std::string(kDprkRegime)});
  EXPECT_EQ(e->First(prop::kListingDate), "2011-12-21");
  EXPECT_EQ(e->First(prop::kModifiedAt), "2022-08-02");
  EXPECT_EQ(e->First(prop::kSourceId), "DPR0239");
  EXPECT_EQ(e->Get(prop::kPassportNumber), std::vector<std::string>{"290320764"});
  ASSERT_EQ(e->identifiers().size(), 1u);
  const Identifier& passport = e->identifiers()[0];
  EXPECT_EQ(passport.kind, prop::kPassportNumber);
  EXPECT_EQ(passport.value, "290320764");
  EXPECT_EQ(passport.country, "kp");
  EXPECT_EQ(passport.detail, "Issued by the Democratic People's Republic of Korea");
  bool has_un_ref = false;
  for (const auto& n : e->Get(prop::kNotes))
    has_un_ref |= n.find("(UN Ref):KPi.023") != std::string::npos;
  EXPECT_TRUE(has_un_ref);
  EXPECT_TRUE(Contains(e->Get(prop::kNotes), "UK Sanctions List date designated: 2016-03-02"));
  EXPECT_EQ(e->datasets(), std::vector<std::string>{"gb_hmt_sanctions"});
  EXPECT_EQ(e->topics(), std::vector<std::string>{"sanction"});
}

TEST_F(UkOfsiXlsxTest, KoreanNamesInHangul) {
  const Entity* e = FindEntity(parsed(), "gb_hmt_sanctions:16816");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->First(prop::kName), "KIM YONG BOK");
  EXPECT_TRUE(Contains(e->Get(prop::kAlias), "김영복"));
  EXPECT_EQ(e->First(prop::kTitle), "Colonel General");
  EXPECT_EQ(e->First(prop::kGender), "male");
  EXPECT_EQ(e->Get(prop::kProgram), std::vector<std::string>{"Russia"});

  // Every Hangul name in the sheet arrives as an alias: count entities with
  // an alias starting with a Hangul syllable (U+AC00..U+D7A3: EA..ED lead byte).
  size_t with_hangul = 0;
  for (const auto& ent : parsed().entities) {
    bool hangul = false;
    for (const auto& a : ent.Get(prop::kAlias)) {
      unsigned char c = static_cast<unsigned char>(a.empty() ? 0 : a[0]);
      hangul |= c >= 0xEA && c <= 0xED;
    }
    with_hangul += hangul;
  }
  EXPECT_EQ(with_hangul, 5u);
}

TEST_F(UkOfsiXlsxTest, ShipFromOtherInformation) {
  const Entity* e = FindEntity(parsed(), "gb_hmt_sanctions:13651");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema(), schema::kVessel);
  EXPECT_EQ(e->First(prop::kName), "SAM JONG 2");
  EXPECT_EQ(e->Get(prop::kAlias).size(), 8u);
  EXPECT_TRUE(Contains(e->Get(prop::kAlias), "YU_JONG_3"));
  EXPECT_EQ(e->Get(prop::kImoNumber), std::vector<std::string>{"7408873"});
  EXPECT_EQ(e->Get(prop::kFlag), std::vector<std::string>{"kp"});
  EXPECT_EQ(e->First(prop::kType), "Oil tanker");
  EXPECT_EQ(e->First(prop::kBuildDate), "1975");
  ASSERT_EQ(e->relations().size(), 1u);
  EXPECT_EQ(e->relations()[0].kind, "ownedBy");
  EXPECT_EQ(e->relations()[0].target_name, "Korea Samjong Shipping");
}

TEST_F(UkOfsiXlsxTest, GroupWithSeveralRegimesAndPrimaryNames) {
  const Entity* e = FindEntity(parsed(), "gb_hmt_sanctions:11241");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema(), schema::kOrganization);
  EXPECT_EQ(e->Get(prop::kName),
            (std::vector<std::string>{"ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC) QODS FORCE",
                                      "ISLAMIC REVOLUTIONARY GUARDS CORPS - QODS FORCE"}));
  EXPECT_TRUE(Contains(e->Get(prop::kProgram), "Syria"));
  EXPECT_TRUE(Contains(e->Get(prop::kProgram), "Iran (Nuclear)"));
  EXPECT_EQ(e->Get(prop::kSourceId), (std::vector<std::string>{"INU0082", "SYR0310"}));
  EXPECT_EQ(e->Get(prop::kCountry), std::vector<std::string>{"ir"});
}

TEST_F(UkOfsiXlsxTest, GroupWithoutPrimaryNameIsNamedByItsFirstVariant) {
  const Entity* e = FindEntity(parsed(), "gb_hmt_sanctions:16789");
  ASSERT_NE(e, nullptr);
  // Its only row is a "Primary name variation".
  EXPECT_EQ(e->Get(prop::kName),
            std::vector<std::string>{"PREMERA (H.K.) INTERNATIONAL CO, LIMITED"});
}

TEST_F(UkOfsiXlsxTest, CsvAndXlsxGiveTheSameEntity) {
  // The fixture holds all four rows of group 16816, copied from the sheet.
  auto csv = ParseUkOfsi(testing::SourcePath("tests/fixtures/uk_ofsi_sample.csv"), kDataset);
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  const Entity* from_csv = FindEntity(*csv, "gb_hmt_sanctions:16816");
  const Entity* from_xlsx = FindEntity(parsed(), "gb_hmt_sanctions:16816");
  ASSERT_NE(from_csv, nullptr);
  ASSERT_NE(from_xlsx, nullptr);
  EXPECT_EQ(*from_csv, *from_xlsx);
}

TEST(UkOfsiCsvTest, SampleInOfsiLayout) {
  std::string path = testing::SourcePath("tests/fixtures/uk_ofsi_sample.csv");
  auto r = ParseUkOfsi(path, kDataset);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->publication_date, "2025-04-10");
  ASSERT_EQ(r->entities.size(), 4u);
  EXPECT_EQ(r->entities[0].id(), "gb_hmt_sanctions:12441");
  EXPECT_EQ(r->entities[1].id(), "gb_hmt_sanctions:16816");
  EXPECT_EQ(r->entities[2].id(), "gb_hmt_sanctions:13651");
  EXPECT_EQ(r->entities[3].id(), "gb_hmt_sanctions:11241");

  // Only four AKA rows of 12441 are in the sample: the first is promoted to name.
  const Entity& kim = r->entities[0];
  EXPECT_EQ(kim.Get(prop::kName), std::vector<std::string>{"Kim CHIN-SO'K"});
  EXPECT_EQ(kim.Get(prop::kAlias), std::vector<std::string>{"Kim HYOK CHOL"});
  EXPECT_EQ(kim.Get(prop::kBirthDate), (std::vector<std::string>{"1964", "1962-08-28"}));

  const Entity& ship = r->entities[2];
  EXPECT_EQ(ship.schema(), schema::kVessel);
  EXPECT_EQ(ship.Get(prop::kImoNumber), std::vector<std::string>{"7408873"});

  // The last record has no Group ID; it starts on line 24 because earlier
  // records hold line breaks inside quoted fields.
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].where, path + ":24");
  EXPECT_NE(r->warnings[0].message.find("Group ID"), std::string::npos);
}

TEST(UkOfsiCsvTest, DatesAndNumberedValues) {
  std::string csv =
      "Name 6,Name 1,Name 2,DOB,Nationality,Passport Number,Passport Details,Town of Birth,"
      "Country of Birth,Group Type,Alias Type,Alias Quality,Regime,Group ID\n"
      "DOE,John,Q,00/05/1970,(1) Iraq (2) Narnia,(1) A123 (2) B456,(1) Iraq number (2) -,"
      "(1) Mosul (2) Basra,(1) Iraq (2) Iraq,Individual,Primary name,,Iraq,1\n"
      "DOE,Johnny,,1971,,,,,,Individual,AKA,Low quality,Iraq,1\n"
      "DOE,Jon,,99/99/1970,,,,,,Individual,FKA,,Iraq,1\n"
      "ACME,,,,,,,,,Entity,Primary name,,Iraq,2\n";
  auto r = ParseUkOfsiCsvText(csv, "t", "mem.csv");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 2u);
  const Entity& doe = r->entities[0];
  EXPECT_EQ(doe.id(), "t:1");
  EXPECT_EQ(doe.Get(prop::kName), std::vector<std::string>{"John Q DOE"});
  EXPECT_EQ(doe.Get(prop::kMiddleName), std::vector<std::string>{"Q"});
  EXPECT_EQ(doe.Get(prop::kWeakAlias), std::vector<std::string>{"Johnny DOE"});
  EXPECT_EQ(doe.Get(prop::kPreviousName), std::vector<std::string>{"Jon DOE"});
  EXPECT_EQ(doe.Get(prop::kBirthDate), (std::vector<std::string>{"1970-05", "1971"}));
  EXPECT_EQ(doe.Get(prop::kNationality), std::vector<std::string>{"iq"});
  EXPECT_TRUE(Contains(doe.Get(prop::kNotes), "Nationality: Narnia"));
  EXPECT_EQ(doe.Get(prop::kBirthPlace), (std::vector<std::string>{"Mosul, Iraq", "Basra, Iraq"}));
  ASSERT_EQ(doe.identifiers().size(), 2u);
  EXPECT_EQ(doe.identifiers()[0].value, "A123");
  EXPECT_EQ(doe.identifiers()[0].country, "iq");
  EXPECT_EQ(doe.identifiers()[1].value, "B456");
  EXPECT_EQ(doe.identifiers()[1].country, "");
  // 99/99/1970 is no date: a warning naming the line, the text kept in notes.
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].where, "mem.csv:4");
  EXPECT_TRUE(Contains(doe.Get(prop::kNotes), "DOB: 99/99/1970"));
  EXPECT_EQ(r->entities[1].schema(), schema::kOrganization);
}

TEST(UkOfsiCsvTest, ShipColumns) {
  std::string csv =
      "Name 6,Group Type,Alias Type,IMO number,Hull identification number (HIN),Flag of ship,"
      "Type of ship,Current owner/operator (s),Year Built,Group ID\n"
      "EXAMPLE STAR,Ship,Primary name,9123456,HIN-1,\"Korea, North\",Tanker,Example Shipping "
      "Co,1998,77\n";
  auto r = ParseUkOfsiCsvText(csv, "t", "ships.csv");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 1u);
  const Entity& ship = r->entities[0];
  EXPECT_EQ(ship.schema(), schema::kVessel);
  EXPECT_EQ(ship.Get(prop::kImoNumber), std::vector<std::string>{"9123456"});
  EXPECT_EQ(ship.Get(prop::kRegistrationNumber), std::vector<std::string>{"HIN-1"});
  EXPECT_EQ(ship.Get(prop::kFlag), std::vector<std::string>{"kp"});
  EXPECT_EQ(ship.First(prop::kType), "Tanker");
  EXPECT_EQ(ship.First(prop::kBuildDate), "1998");
  ASSERT_EQ(ship.relations().size(), 1u);
  EXPECT_EQ(ship.relations()[0].target_name, "Example Shipping Co");
  EXPECT_EQ(ship.identifiers().size(), 2u);
}

TEST(UkOfsiCsvTest, NotAnOfsiFileIsAnError) {
  auto r = ParseUkOfsiCsvText("a,b,c\n1,2,3\n", "t", "other.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kParseError);
  EXPECT_NE(r.status().message().find("other.csv"), std::string::npos);
  EXPECT_NE(r.status().message().find("Group ID"), std::string::npos);

  auto unterminated = ParseUkOfsiCsvText("Name 6,Group ID\n\"DOE,1\n", "t", "bad.csv");
  ASSERT_FALSE(unterminated.ok());
  EXPECT_NE(unterminated.status().message().find("bad.csv:2"), std::string::npos);
}

TEST(UkOfsiXlsxBytesTest, DamagedWorkbookIsAnError) {
  auto r = ParseUkOfsiXlsxBytes("PK\x03\x04 not really a zip", "t", "broken.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kParseError);
  EXPECT_NE(r.status().message().find("broken.xlsx"), std::string::npos);

  // A truncated copy of the real file.
  auto bytes = ReadFile(testing::SharedData("lists/gb_uk/UK_Sanctions_List-2025-04-10.xlsx"));
  ASSERT_TRUE(bytes.ok());
  auto truncated =
      ParseUkOfsiXlsxBytes(std::string_view(*bytes).substr(0, bytes->size() / 2), "t", "half.xlsx");
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("half.xlsx"), std::string::npos);
}

}  // namespace
}  // namespace vigil
