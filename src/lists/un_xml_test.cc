#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "test_util.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

constexpr std::string_view kDataset = "un_sc_sanctions";

const Entity* Find(const ParsedSource& src, std::string_view id) {
  for (const auto& e : src.entities)
    if (e.id() == id) return &e;
  return nullptr;
}

bool HasValue(const Entity& e, std::string_view property, std::string_view value) {
  const auto& v = e.Get(property);
  return std::find(v.begin(), v.end(), value) != v.end();
}

ParsedSource* Load(const std::string& file) {
  auto r = ParseUnXml(vigil::testing::SharedData("lists/un_sc/" + file), kDataset);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return new ParsedSource(r.ok() ? std::move(r).value() : ParsedSource{});
}

const ParsedSource& Feb2026() {
  static const ParsedSource* parsed = Load("consolidated-2026-02-27.xml");
  return *parsed;
}

const ParsedSource& Nov2025() {
  static const ParsedSource* parsed = Load("consolidated-2025-11-18.xml");
  return *parsed;
}

TEST(UnXml, ReadsEveryIndividualAndEntity) {
  const ParsedSource& src = Feb2026();
  EXPECT_EQ(src.entities.size(), 1003u);
  EXPECT_EQ(src.publication_date, "2026-02-27");
  EXPECT_TRUE(src.warnings.empty()) << src.warnings.front().ToString();
  int persons = 0, organizations = 0, dprk = 0;
  for (const auto& e : src.entities) {
    EXPECT_TRUE(e.Has(prop::kName)) << e.id();
    EXPECT_EQ(e.topics(), std::vector<std::string>{"sanction"});
    if (e.schema() == schema::kPerson) ++persons;
    if (e.schema() == schema::kOrganization) ++organizations;
    if (HasValue(e, prop::kProgram, "DPRK")) ++dprk;
  }
  EXPECT_EQ(persons, 730);
  EXPECT_EQ(organizations, 273);
  EXPECT_EQ(dprk, 155);
}

TEST(UnXml, DprkIndividualFieldByField) {
  const Entity* e = Find(Feb2026(), "un_sc_sanctions:KPi.001");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema(), schema::kPerson);
  EXPECT_EQ(e->datasets(), std::vector<std::string>{"un_sc_sanctions"});
  EXPECT_EQ(e->Get(prop::kName), std::vector<std::string>{"YUN HO-JIN"});
  EXPECT_EQ(e->Get(prop::kFirstName), std::vector<std::string>{"YUN"});
  EXPECT_EQ(e->Get(prop::kLastName), std::vector<std::string>{"HO-JIN"});
  EXPECT_EQ(e->Get(prop::kAlias), std::vector<std::string>{"Yun Ho-chin"});
  EXPECT_EQ(e->Get(prop::kBirthDate), std::vector<std::string>{"1944-10-13"});
  EXPECT_EQ(e->Get(prop::kNationality), std::vector<std::string>{"kp"});
  EXPECT_EQ(e->Get(prop::kAddress),
            std::vector<std::string>{"Pyongyang, Democratic People's Republic of Korea"});
  EXPECT_EQ(e->Get(prop::kCountry), std::vector<std::string>{"kp"});
  EXPECT_EQ(e->Get(prop::kPosition),
            std::vector<std::string>{"Director of Namchongang Trading Corporation"});
  EXPECT_EQ(e->Get(prop::kProgram), std::vector<std::string>{"DPRK"});
  EXPECT_EQ(e->Get(prop::kListingDate), std::vector<std::string>{"2009-07-16"});
  EXPECT_EQ(e->Get(prop::kModifiedAt), std::vector<std::string>{"2022-07-26"});
  EXPECT_EQ(e->Get(prop::kSourceId), std::vector<std::string>{"KPi.001"});
  // The UN breaks COMMENTS1 mid-sentence; the note reads as one line.
  EXPECT_EQ(e->Get(prop::kNotes),
            std::vector<std::string>{"Director of Namchongang Trading Corporation; oversees the "
                                     "import of items needed for the uranium enrichment program."});
  EXPECT_TRUE(e->identifiers().empty());
}

TEST(UnXml, PassportsAndNationalIds) {
  const Entity* ri = Find(Feb2026(), "un_sc_sanctions:KPi.033");
  ASSERT_NE(ri, nullptr);
  EXPECT_EQ(ri->caption(), "RI WON HO");
  EXPECT_EQ(ri->Get(prop::kBirthDate), std::vector<std::string>{"1964-07-17"});
  EXPECT_EQ(ri->Get(prop::kPassportNumber), std::vector<std::string>{"381310014"});
  ASSERT_EQ(ri->identifiers().size(), 1u);
  EXPECT_EQ(ri->identifiers()[0], (Identifier{"passportNumber", "381310014", "", "Passport"}));

  const Entity* njabu = Find(Feb2026(), "un_sc_sanctions:CDi.021");
  ASSERT_NE(njabu, nullptr);
  ASSERT_EQ(njabu->identifiers().size(), 1u);
  EXPECT_EQ(njabu->identifiers()[0],
            (Identifier{"passportNumber", "OB 0243318", "cd", "Passport"}));

  int passports = 0, national_ids = 0;
  for (const auto& e : Feb2026().entities) {
    for (const auto& id : e.identifiers()) {
      if (id.kind == "passportNumber") ++passports;
      if (id.kind == "idNumber") ++national_ids;
    }
  }
  // 314 passport rows (three spelled in Spanish, three in French) and 154 national ids in the
  // file, less the rows without a NUMBER and repeats within one record.
  EXPECT_GT(passports, 250);
  EXPECT_GT(national_ids, 100);
}

TEST(UnXml, DprkEntityWithAliasesAndTrimmedReference) {
  const Entity* komid = Find(Feb2026(), "un_sc_sanctions:KPe.001");
  ASSERT_NE(komid, nullptr);
  EXPECT_EQ(komid->schema(), schema::kOrganization);
  EXPECT_EQ(komid->caption(), "KOREA MINING DEVELOPMENT TRADING CORPORATION");
  EXPECT_EQ(komid->Get(prop::kAlias),
            (std::vector<std::string>{
                "CHANGGWANG SINYONG CORPORATION", "EXTERNAL TECHNOLOGY GENERAL CORPORATION",
                "DPRKN MINING DEVELOPMENT TRADING COOPERATION", "\"KOMID\""}));
  EXPECT_EQ(komid->Get(prop::kAddress),
            std::vector<std::string>{
                "Central District, Pyongyang, Democratic People's Republic of Korea"});
  EXPECT_EQ(komid->Get(prop::kListingDate), std::vector<std::string>{"2009-04-24"});

  // The file writes "KPe.023 " with a trailing space.
  const Entity* dcb = Find(Feb2026(), "un_sc_sanctions:KPe.023");
  ASSERT_NE(dcb, nullptr);
  EXPECT_EQ(dcb->caption(), "DAEDONG CREDIT BANK (DCB)");
  EXPECT_TRUE(HasValue(*dcb, prop::kAlias, "Taedong Credit Bank"));
  EXPECT_EQ(dcb->Get(prop::kAddress).size(), 2u);
}

TEST(UnXml, OriginalScriptNamesAreAliases) {
  const Entity* saddam = Find(Feb2026(), "un_sc_sanctions:IQi.001");
  ASSERT_NE(saddam, nullptr);
  EXPECT_EQ(saddam->caption(), "SADDAM HUSSEIN AL-TIKRITI");
  EXPECT_EQ(saddam->First(prop::kMiddleName), "HUSSEIN");
  EXPECT_TRUE(HasValue(*saddam, prop::kAlias, "صدام حسين التكريتي"));
  EXPECT_EQ(saddam->Get(prop::kWeakAlias), std::vector<std::string>{"Abu Ali"});
  EXPECT_EQ(saddam->Get(prop::kBirthPlace), std::vector<std::string>{"al-Awja, near Tikrit, Iraq"});

  const Entity* qaida = Find(Feb2026(), "un_sc_sanctions:QDe.004");
  ASSERT_NE(qaida, nullptr);
  EXPECT_TRUE(HasValue(*qaida, prop::kAlias, "القاعدة"));
}

TEST(UnXml, ApproximateAndRangeBirthDates) {
  const Entity* mujyambere = Find(Feb2026(), "un_sc_sanctions:CDi.014");
  ASSERT_NE(mujyambere, nullptr);
  EXPECT_EQ(mujyambere->Get(prop::kBirthDate), (std::vector<std::string>{"1962-03-17", "~1966"}));
  EXPECT_EQ(mujyambere->Get(prop::kWeakAlias),
            (std::vector<std::string>{"Musenyeri", "Achille", "Frere Petrus Ibrahim"}));
  EXPECT_EQ(mujyambere->Get(prop::kGender), std::vector<std::string>{"male"});

  const Entity* kim = Find(Feb2026(), "un_sc_sanctions:KPi.066");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->Get(prop::kBirthDate), std::vector<std::string>{"1967/1969"});  // BETWEEN
  EXPECT_EQ(kim->Get(prop::kGender), std::vector<std::string>{"male"});          // from COMMENTS1
}

TEST(UnXml, FormerlyKnownAsIsPreviousName) {
  const Entity* adf = Find(Feb2026(), "un_sc_sanctions:CDe.001");
  ASSERT_NE(adf, nullptr);
  EXPECT_TRUE(HasValue(*adf, prop::kPreviousName, "ADF/NALU"));
  EXPECT_FALSE(HasValue(*adf, prop::kAlias, "ADF/NALU"));
}

TEST(UnXml, DifferenceBetweenTwoReleases) {
  const ParsedSource& older = Nov2025();
  const ParsedSource& newer = Feb2026();
  EXPECT_EQ(older.publication_date, "2025-11-18");
  EXPECT_EQ(older.entities.size(), 1000u);  // 727 individuals + 273 entities
  std::set<std::string> a, b;
  for (const auto& e : older.entities) a.insert(e.id());
  for (const auto& e : newer.entities) b.insert(e.id());
  std::vector<std::string> added, removed;
  std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(added));
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(removed));
  EXPECT_EQ(added,
            (std::vector<std::string>{"un_sc_sanctions:SDi.007", "un_sc_sanctions:SDi.008",
                                      "un_sc_sanctions:SDi.009", "un_sc_sanctions:SDi.010"}));
  EXPECT_EQ(removed, std::vector<std::string>{"un_sc_sanctions:IQi.074"});
  // Names of the new Sudan listings are trimmed of the file's stray spaces.
  const Entity* gedo = Find(newer, "un_sc_sanctions:SDi.007");
  ASSERT_NE(gedo, nullptr);
  EXPECT_EQ(gedo->First(prop::kFirstName), "GEDO");
  EXPECT_TRUE(gedo->caption().starts_with("GEDO HAMDAN")) << gedo->caption();
}

constexpr std::string_view kSynthetic = R"(<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-01-05T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <FIRST_NAME>NO</FIRST_NAME><SECOND_NAME>REFERENCE</SECOND_NAME>
    </INDIVIDUAL>
    <INDIVIDUAL>
      <FIRST_NAME>A</FIRST_NAME><SECOND_NAME>B</SECOND_NAME><THIRD_NAME>C</THIRD_NAME>
      <FOURTH_NAME>D</FOURTH_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER> KPi.900 </REFERENCE_NUMBER>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME/></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1950</YEAR></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>12 May 50</DATE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Numéro de passeport</TYPE_OF_DOCUMENT><NUMBER>P1</NUMBER>
        <COUNTRY_OF_ISSUE>Democratic People's Republic of Korea</COUNTRY_OF_ISSUE><DATE_OF_ISSUE>2015-01-02</DATE_OF_ISSUE></INDIVIDUAL_DOCUMENT>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY><FIRST_NAME>FIRST CO</FIRST_NAME><REFERENCE_NUMBER>KPe.900</REFERENCE_NUMBER></ENTITY>
    <ENTITY><FIRST_NAME>SAME CO</FIRST_NAME><REFERENCE_NUMBER>KPe.900</REFERENCE_NUMBER></ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>)";

TEST(UnXml, DamagedRecordsBecomeWarnings) {
  auto r = ParseUnXmlText(kSynthetic, kDataset, "un.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->publication_date, "2026-01-05");
  ASSERT_EQ(r->entities.size(), 2u);
  const Entity& p = r->entities[0];
  EXPECT_EQ(p.id(), "un_sc_sanctions:KPi.900");
  EXPECT_EQ(p.caption(), "A B C D");
  EXPECT_EQ(p.First(prop::kFirstName), "A");
  EXPECT_EQ(p.First(prop::kMiddleName), "B C");
  EXPECT_EQ(p.First(prop::kLastName), "D");
  EXPECT_FALSE(p.Has(prop::kWeakAlias));
  EXPECT_EQ(p.Get(prop::kBirthDate), std::vector<std::string>{"~1950"});
  EXPECT_TRUE(HasValue(p, prop::kNotes, "Date of birth: 12 May 50"));
  ASSERT_EQ(p.identifiers().size(), 1u);
  EXPECT_EQ(p.identifiers()[0],
            (Identifier{"passportNumber", "P1", "kp", "Numéro de passeport; issued 2015-01-02"}));
  EXPECT_EQ(r->entities[1].Get(prop::kName), (std::vector<std::string>{"FIRST CO", "SAME CO"}));

  ASSERT_EQ(r->warnings.size(), 3u);
  EXPECT_EQ(r->warnings[0].where, "un.xml:/CONSOLIDATED_LIST/INDIVIDUALS[1]/INDIVIDUAL[1]");
  EXPECT_EQ(r->warnings[0].message, "INDIVIDUAL without REFERENCE_NUMBER; record skipped (line 4)");
  EXPECT_EQ(r->warnings[1].where,
            "un.xml:/CONSOLIDATED_LIST/INDIVIDUALS[1]/INDIVIDUAL[2]/INDIVIDUAL_DATE_OF_BIRTH[2]");
  EXPECT_EQ(r->warnings[2].where, "un.xml:/CONSOLIDATED_LIST/ENTITIES[1]/ENTITY[2]");
  EXPECT_NE(r->warnings[2].message.find("repeated record id"), std::string::npos);
}

TEST(UnXml, MalformedXmlNamesFileAndLine) {
  std::string xml(kSynthetic);
  xml.replace(xml.find("</ENTITIES>"), 11, "</ENTITY>");
  auto r = ParseUnXmlText(xml, kDataset, "un.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kParseError);
  // The bad closing tag is on line 21.
  EXPECT_TRUE(r.status().message().starts_with("un.xml:21: malformed XML")) << r.status().message();
  auto wrong = ParseUnXmlText("<sdnList/>", kDataset, "x.xml");
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find("<CONSOLIDATED_LIST>"), std::string::npos);
}

}  // namespace
}  // namespace vigil
