#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "core/io.h"
#include "test_util.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

const Entity* Find(const ParsedSource& src, std::string_view id) {
  for (const auto& e : src.entities)
    if (e.id() == id) return &e;
  return nullptr;
}

bool HasValue(const Entity& e, std::string_view property, std::string_view value) {
  const auto& v = e.Get(property);
  return std::find(v.begin(), v.end(), value) != v.end();
}

const ParsedSource& Consolidated() {
  static const ParsedSource* parsed = [] {
    auto r =
        ParseOfacXml(vigil::testing::SharedData("lists/us_ofac_cons/consolidated-2023-11-14.xml"),
                     "us_ofac_cons");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new ParsedSource(r.ok() ? std::move(r).value() : ParsedSource{});
  }();
  return *parsed;
}

TEST(OfacXml, ReadsEveryEntryOfTheConsolidatedList) {
  const ParsedSource& src = Consolidated();
  ASSERT_EQ(src.entities.size(), 445u);  // Record_Count in the file
  EXPECT_EQ(src.publication_date, "2023-11-14");
  EXPECT_TRUE(src.warnings.empty()) << src.warnings.front().ToString();
  int persons = 0, organizations = 0;
  for (const auto& e : src.entities) {
    EXPECT_TRUE(e.id().starts_with("us_ofac_cons:")) << e.id();
    EXPECT_TRUE(e.Has(prop::kName)) << e.id();
    EXPECT_TRUE(e.Has(prop::kProgram)) << e.id();
    EXPECT_EQ(e.topics(), std::vector<std::string>{"sanction"});
    EXPECT_EQ(e.datasets(), std::vector<std::string>{"us_ofac_cons"});
    if (e.schema() == schema::kPerson) ++persons;
    if (e.schema() == schema::kOrganization) ++organizations;
  }
  EXPECT_EQ(persons, 79);
  EXPECT_EQ(organizations, 366);
}

TEST(OfacXml, IndividualWithAliasesBirthDateAndPlace) {
  const Entity* e = Find(Consolidated(), "us_ofac_cons:9639");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema(), schema::kPerson);
  EXPECT_EQ(e->Get(prop::kName), std::vector<std::string>{"HANIYA, Ismail Abdul Salah"});
  EXPECT_EQ(e->First(prop::kFirstName), "Ismail Abdul Salah");
  EXPECT_EQ(e->First(prop::kLastName), "HANIYA");
  EXPECT_EQ(e->Get(prop::kAlias), (std::vector<std::string>{"HANIYA, Ismail", "HANIYYA, Ismaeel"}));
  EXPECT_EQ(e->Get(prop::kBirthDate), std::vector<std::string>{"1962"});
  EXPECT_EQ(e->Get(prop::kBirthPlace), std::vector<std::string>{"Shati"});
  EXPECT_EQ(e->Get(prop::kProgram), std::vector<std::string>{"NS-PLC"});
  EXPECT_EQ(e->First(prop::kSourceId), "9639");
}

TEST(OfacXml, PassportGenderCitizenshipAndFullBirthDate) {
  const Entity* e = Find(Consolidated(), "us_ofac_cons:26182");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->caption(), "KAYAKIRAN, Evren");
  EXPECT_EQ(e->Get(prop::kBirthDate), std::vector<std::string>{"1980-02-08"});  // "08 Feb 1980"
  EXPECT_EQ(e->Get(prop::kGender), std::vector<std::string>{"male"});
  EXPECT_EQ(e->Get(prop::kCitizenship), std::vector<std::string>{"tr"});
  EXPECT_EQ(e->Get(prop::kPassportNumber), std::vector<std::string>{"U00242309"});
  ASSERT_EQ(e->identifiers().size(), 1u);
  EXPECT_EQ(e->identifiers()[0], (Identifier{"passportNumber", "U00242309", "tr", ""}));
}

TEST(OfacXml, WeakAliasesNationalityAndLinkedParty) {
  const Entity* e = Find(Consolidated(), "us_ofac_cons:9647");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->Get(prop::kAlias), std::vector<std::string>{"AL ZAHAR, Mahmoud Khaled"});
  EXPECT_EQ(e->Get(prop::kWeakAlias),
            (std::vector<std::string>{"ZAHAR, Mahmoud", "AL-ZAHAR, Mahmoud"}));
  EXPECT_EQ(e->Get(prop::kNationality), std::vector<std::string>{"ps"});
  EXPECT_EQ(e->Get(prop::kProgram), (std::vector<std::string>{"NS-PLC", "SDGT"}));
  // "Secondary sanctions risk:" sits in idList but is no identifier.
  EXPECT_TRUE(e->identifiers().empty());
  EXPECT_TRUE(HasValue(*e, prop::kNotes,
                       "Secondary sanctions risk: section 1(b) of Executive Order 13224, as "
                       "amended by Executive Order 13886"));
  ASSERT_EQ(e->relations().size(), 1u);
  EXPECT_EQ(e->relations()[0].kind, "linkedTo");
  EXPECT_EQ(e->relations()[0].target_name, "HAMAS");
}

TEST(OfacXml, EntityIdentifiersAreTypedAndFeaturesAreNotes) {
  const Entity* e = Find(Consolidated(), "us_ofac_cons:17014");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema(), schema::kOrganization);
  EXPECT_EQ(e->caption(), "JOINT STOCK COMPANY RUSSIAN AGRICULTURAL BANK");
  EXPECT_TRUE(HasValue(*e, prop::kAlias, "ROSSELKHOZBANK"));
  EXPECT_EQ(e->Get(prop::kWeakAlias), std::vector<std::string>{"RUSAG"});
  EXPECT_TRUE(HasValue(*e, prop::kAddress, "3, Gagarinsky Pereulok, Moscow, 119034, Russia"));
  EXPECT_EQ(e->Get(prop::kCountry), std::vector<std::string>{"ru"});
  EXPECT_EQ(e->Get(prop::kSwiftBic), std::vector<std::string>{"RUAGRUMM"});
  EXPECT_EQ(e->Get(prop::kWebsite), std::vector<std::string>{"http://www.rshb.ru"});
  EXPECT_EQ(e->Get(prop::kRegistrationNumber),
            (std::vector<std::string>{"1027700342890", "52750822"}));
  const auto& ids = e->identifiers();
  ASSERT_EQ(ids.size(), 4u);
  EXPECT_EQ(ids[0], (Identifier{"registrationNumber", "1027700342890", "ru", ""}));
  EXPECT_EQ(ids[1],
            (Identifier{"registrationNumber", "52750822", "ru", "Government Gazette Number"}));
  EXPECT_EQ(ids[2], (Identifier{"swiftBic", "RUAGRUMM", "", ""}));
  EXPECT_EQ(ids[3], (Identifier{"website", "http://www.rshb.ru", "", ""}));
  EXPECT_TRUE(HasValue(*e, prop::kNotes, "Listing Date (EO 14024 Directive 3): 24 Feb 2022"));
}

TEST(OfacXml, FormerNamesAndTaxNumbers) {
  const Entity* e = Find(Consolidated(), "us_ofac_cons:18715");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(
      e->Get(prop::kPreviousName),
      std::vector<std::string>{"SBERBANK OF RUSSIA SUBSIDIARY BANK PRIVATE JOINT STOCK COMPANY"});
  EXPECT_EQ(e->Get(prop::kTaxNumber), std::vector<std::string>{"259597826652"});
  EXPECT_EQ(e->Get(prop::kWebsite), (std::vector<std::string>{"www.sberbank.ua", "sbrf.com.ua"}));
  ASSERT_EQ(e->relations().size(), 1u);
  EXPECT_EQ(e->relations()[0].target_name, "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA");
}

TEST(OfacXml, NoDirectiveOrDateBecomesAnIdentifier) {
  int isin = 0;
  for (const auto& e : Consolidated().entities) {
    for (const auto& id : e.identifiers()) {
      EXPECT_EQ(id.value.find("Subject to Directive"), std::string::npos) << e.id();
      EXPECT_EQ(id.detail.find("Date"), std::string::npos) << e.id() << " " << id.detail;
      if (id.detail == "ISIN") ++isin;
    }
  }
  // 165 ISIN rows, two of them repeated within one entry (uid 30926 lists HK0883013259 twice).
  EXPECT_EQ(isin, 163);
}

constexpr std::string_view kSynthetic = R"(<?xml version="1.0"?>
<s:sdnList xmlns:s="http://tempuri.org/sdnList.xsd">
  <s:publshInformation><s:Publish_Date>05/03/2024</s:Publish_Date></s:publshInformation>
  <s:sdnEntry>
    <s:uid>1</s:uid><s:lastName>OCEAN STAR</s:lastName><s:sdnType>Vessel</s:sdnType>
    <s:programList><s:program>DPRK3</s:program></s:programList>
    <s:idList>
      <s:id><s:idType>Vessel Registration Identification</s:idType><s:idNumber>IMO 8914934</s:idNumber></s:id>
      <s:id><s:idType>MMSI</s:idType><s:idNumber>445112000</s:idNumber></s:id>
      <s:id><s:idType>Vessel Year of Build</s:idType><s:idNumber>1990</s:idNumber></s:id>
    </s:idList>
    <s:vesselInfo>
      <s:callSign>HMYU</s:callSign><s:vesselType>Oil Products Tanker</s:vesselType>
      <s:vesselFlag>Korea, North</s:vesselFlag><s:tonnage>1,000</s:tonnage>
      <s:vesselOwner>KOREA ACHIM SHIPPING CO</s:vesselOwner>
    </s:vesselInfo>
  </s:sdnEntry>
  <s:sdnEntry>
    <s:uid>2</s:uid><s:firstName>Chol</s:firstName><s:lastName>KIM</s:lastName>
    <s:sdnType>Individual</s:sdnType><s:title>Trade representative</s:title>
    <s:akaList><s:aka><s:type>n.k.a.</s:type><s:category>strong</s:category>
      <s:lastName>KIM</s:lastName><s:firstName>Cheol</s:firstName></s:aka></s:akaList>
    <s:idList>
      <s:id><s:idType>Digital Currency Address - XBT</s:idType><s:idNumber>bc1qexample</s:idNumber></s:id>
      <s:id><s:idType>Passport</s:idType><s:idNumber>927220123</s:idNumber><s:idCountry>Korea, North</s:idCountry></s:id>
      <s:id><s:idType>Cedula No.</s:idType><s:idNumber>7788</s:idNumber><s:idCountry>Atlantis</s:idCountry></s:id>
      <s:id><s:idType>Email Address</s:idType><s:idNumber>kim@example.com</s:idNumber></s:id>
    </s:idList>
    <s:dateOfBirthList>
      <s:dateOfBirthItem><s:dateOfBirth>circa 1947</s:dateOfBirth></s:dateOfBirthItem>
      <s:dateOfBirthItem><s:dateOfBirth>25 Mar 1977</s:dateOfBirth></s:dateOfBirthItem>
      <s:dateOfBirthItem><s:dateOfBirth>1960 to 1962</s:dateOfBirth></s:dateOfBirthItem>
      <s:dateOfBirthItem><s:dateOfBirth>Feb 1958</s:dateOfBirth></s:dateOfBirthItem>
      <s:dateOfBirthItem><s:dateOfBirth>sometime</s:dateOfBirth></s:dateOfBirthItem>
    </s:dateOfBirthList>
  </s:sdnEntry>
  <s:sdnEntry><s:uid>3</s:uid><s:lastName>TU-204 RA-64504</s:lastName><s:sdnType>Aircraft</s:sdnType></s:sdnEntry>
</s:sdnList>)";

TEST(OfacXml, PrefixedElementsVesselsAircraftAndIdKinds) {
  auto r = ParseOfacXmlText(kSynthetic, "us_ofac_sdn", "synthetic.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->publication_date, "2024-05-03");
  ASSERT_EQ(r->entities.size(), 3u);

  const Entity& vessel = r->entities[0];
  EXPECT_EQ(vessel.id(), "us_ofac_sdn:1");
  EXPECT_EQ(vessel.schema(), schema::kVessel);
  EXPECT_EQ(vessel.Get(prop::kImoNumber), std::vector<std::string>{"IMO 8914934"});
  EXPECT_EQ(vessel.Get(prop::kMmsi), std::vector<std::string>{"445112000"});
  EXPECT_EQ(vessel.Get(prop::kBuildDate), std::vector<std::string>{"1990"});
  EXPECT_EQ(vessel.Get(prop::kCallSign), std::vector<std::string>{"HMYU"});
  EXPECT_EQ(vessel.Get(prop::kType), std::vector<std::string>{"Oil Products Tanker"});
  EXPECT_EQ(vessel.Get(prop::kFlag), std::vector<std::string>{"kp"});
  ASSERT_EQ(vessel.relations().size(), 1u);
  EXPECT_EQ(vessel.relations()[0].kind, "ownedBy");
  EXPECT_EQ(vessel.relations()[0].target_name, "KOREA ACHIM SHIPPING CO");

  const Entity& person = r->entities[1];
  EXPECT_EQ(person.caption(), "KIM, Chol");
  EXPECT_EQ(person.Get(prop::kAlias), std::vector<std::string>{"KIM, Cheol"});
  EXPECT_EQ(person.Get(prop::kPosition), std::vector<std::string>{"Trade representative"});
  EXPECT_EQ(person.Get(prop::kBirthDate),
            (std::vector<std::string>{"~1947", "1977-03-25", "1960/1962", "1958-02"}));
  EXPECT_TRUE(HasValue(person, prop::kNotes, "DOB sometime"));
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].message.find("sometime"), std::string::npos);
  EXPECT_EQ(r->warnings[0].where,
            "synthetic.xml:/sdnList/sdnEntry[2]/dateOfBirthList[1]/dateOfBirthItem[5]");

  const auto& ids = person.identifiers();
  ASSERT_EQ(ids.size(), 4u);
  EXPECT_EQ(ids[0], (Identifier{"cryptoWallet", "bc1qexample", "", "XBT"}));
  EXPECT_EQ(ids[1], (Identifier{"passportNumber", "927220123", "kp", ""}));
  EXPECT_EQ(ids[2], (Identifier{"idNumber", "7788", "", "Cedula No.; issued by Atlantis"}));
  EXPECT_EQ(ids[3], (Identifier{"email", "kim@example.com", "", ""}));
  EXPECT_EQ(person.Get(prop::kIdNumber), std::vector<std::string>{"7788"});
  EXPECT_EQ(person.Get(prop::kEmail), std::vector<std::string>{"kim@example.com"});
  EXPECT_FALSE(person.Has("cryptoWallet"));

  EXPECT_EQ(r->entities[2].schema(), schema::kAirplane);
}

TEST(OfacXml, MalformedXmlNamesFileAndLine) {
  std::string xml =
      "<?xml version=\"1.0\"?>\n<sdnList>\n  <sdnEntry>\n    <uid>1</uid>\n"
      "    <lastName>X</lastNam>\n  </sdnEntry>\n</sdnList>\n";
  auto r = ParseOfacXmlText(xml, "us_ofac_sdn", "broken.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kParseError);
  EXPECT_TRUE(r.status().message().starts_with("broken.xml:5: malformed XML"))
      << r.status().message();
}

TEST(OfacXml, WrongRootAndEmptyInputAreErrors) {
  auto wrong = ParseOfacXmlText("<CONSOLIDATED_LIST/>", "d", "un.xml");
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find("expected root element <sdnList>"), std::string::npos);
  auto empty = ParseOfacXmlText("", "d", "empty.xml");
  ASSERT_FALSE(empty.ok());
  EXPECT_TRUE(empty.status().message().starts_with("empty.xml:1:")) << empty.status().message();
}

TEST(OfacXml, EntryWithoutUidIsSkippedWithItsPath) {
  std::string xml =
      "<sdnList>\n<sdnEntry><uid>7</uid><lastName>A</lastName><sdnType>Entity</sdnType></"
      "sdnEntry>\n"
      "<sdnEntry><lastName>B</lastName><sdnType>Entity</sdnType></sdnEntry>\n"
      "<sdnEntry><uid>7</uid><lastName>A2</lastName><sdnType>Entity</sdnType></sdnEntry>\n"
      "</sdnList>";
  auto r = ParseOfacXmlText(xml, "d", "t.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(r->entities[0].Get(prop::kName), (std::vector<std::string>{"A", "A2"}));
  ASSERT_EQ(r->warnings.size(), 2u);
  EXPECT_EQ(r->warnings[0].where, "t.xml:/sdnList/sdnEntry[2]");
  EXPECT_EQ(r->warnings[0].message, "sdnEntry without uid; record skipped (line 3)");
  EXPECT_EQ(r->warnings[1].where, "t.xml:/sdnList/sdnEntry[3]");
}

TEST(OfacXml, ReadsGzippedFilesAndReportsMissingOnes) {
  auto text =
      ReadFile(vigil::testing::SharedData("lists/us_ofac_cons/consolidated-2023-11-14.xml"));
  ASSERT_TRUE(text.ok());
  auto gz = Gzip(*text);
  ASSERT_TRUE(gz.ok());
  std::string path = vigil::testing::TempDir() + "/consolidated.xml.gz";
  ASSERT_TRUE(WriteFileAtomic(path, *gz).ok());
  auto r = ParseOfacXml(path, "us_ofac_cons");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 445u);

  auto missing = ParseOfacXml(vigil::testing::TempDir() + "/nope.xml", "d");
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace vigil
