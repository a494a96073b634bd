#include <gtest/gtest.h>

#include <string>

#include "test_util.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

const ParsedSource& Sample() {
  static const ParsedSource* parsed = [] {
    auto r = ParseEuFsf(vigil::testing::SourcePath("tests/fixtures/eu_fsf_sample.xml"), "eu_fsf");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new ParsedSource(r.ok() ? std::move(r).value() : ParsedSource{});
  }();
  return *parsed;
}

const Entity* Find(std::string_view id) {
  for (const auto& e : Sample().entities)
    if (e.id() == id) return &e;
  return nullptr;
}

using Values = std::vector<std::string>;

TEST(EuFsf, ReadsTheSample) {
  const ParsedSource& src = Sample();
  EXPECT_EQ(src.entities.size(), 4u);
  EXPECT_EQ(src.publication_date, "2025-03-14");
  EXPECT_TRUE(src.warnings.empty()) << src.warnings.front().ToString();
  for (const auto& e : src.entities) {
    EXPECT_EQ(e.datasets(), Values{"eu_fsf"});
    EXPECT_EQ(e.topics(), Values{"sanction"});
  }
}

TEST(EuFsf, DprkPersonWithHangulAliasCircaYearAndPassport) {
  const Entity* e = Find("eu_fsf:930001");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema(), schema::kPerson);
  EXPECT_EQ(e->Get(prop::kName), Values{"Pak Chol Min"});
  EXPECT_EQ(e->Get(prop::kFirstName), Values{"Chol Min"});
  EXPECT_EQ(e->Get(prop::kLastName), Values{"Pak"});
  EXPECT_FALSE(e->Has(prop::kMiddleName));
  EXPECT_EQ(e->Get(prop::kAlias), Values{"박철민"});
  EXPECT_FALSE(e->Has(prop::kWeakAlias));
  EXPECT_EQ(e->Get(prop::kGender), Values{"male"});
  EXPECT_EQ(e->Get(prop::kPosition),
            Values{"Representative of Chosun Sinhung Trading Corporation in Dandong"});
  EXPECT_EQ(e->Get(prop::kCitizenship), Values{"kp"});
  EXPECT_EQ(e->Get(prop::kBirthDate), Values{"~1966"});
  EXPECT_EQ(e->Get(prop::kBirthPlace), Values{"Pyongyang, North Korea"});
  EXPECT_EQ(e->Get(prop::kPassportNumber), Values{"836410273"});
  ASSERT_EQ(e->identifiers().size(), 1u);
  EXPECT_EQ(e->identifiers()[0], (Identifier{"passportNumber", "836410273", "kp",
                                             "National passport; valid until 2026-05-03"}));
  EXPECT_EQ(e->Get(prop::kAddress), Values{"Dandong, Liaoning, China"});
  EXPECT_EQ(e->Get(prop::kCountry), Values{"cn"});
  EXPECT_EQ(e->Get(prop::kProgram), Values{"PRK"});
  EXPECT_EQ(e->Get(prop::kListingDate), Values{"2017-10-16"});
  EXPECT_EQ(e->Get(prop::kSourceId), Values{"EU.9101.42"});
  EXPECT_EQ(e->Get(prop::kNotes),
            (Values{"Representative abroad of a designated DPRK trading company.",
                    "Listed for facilitating the DPRK's procurement of dual-use goods."}));
}

TEST(EuFsf, EnterpriseWithStrongAndWeakAliases) {
  const Entity* e = Find("eu_fsf:930002");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->schema(), schema::kOrganization);
  EXPECT_EQ(e->Get(prop::kName), Values{"Cholsan Maritime Trading Corporation"});
  EXPECT_EQ(e->Get(prop::kAlias), Values{"Cholsan Shipping Company"});
  EXPECT_EQ(e->Get(prop::kWeakAlias), Values{"CMTC"});
  EXPECT_FALSE(e->Has(prop::kFirstName));
  EXPECT_FALSE(e->Has(prop::kGender));
  EXPECT_EQ(e->Get(prop::kRegistrationNumber), Values{"5710394"});
  EXPECT_EQ(e->Get(prop::kAddress),
            Values{"Haeun-dong, Pyongchon District, Pyongyang, North Korea"});
  EXPECT_EQ(e->Get(prop::kCountry), Values{"kp"});
}

TEST(EuFsf, CyrillicAliasTaxAndRegistrationNumbersAndFirstListing) {
  const Entity* e = Find("eu_fsf:930003");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->Get(prop::kName), Values{"Joint Stock Company Volzhsky Precision Instruments"});
  EXPECT_EQ(e->Get(prop::kAlias), Values{"Акционерное общество «Волжские точные приборы»"});
  EXPECT_EQ(e->Get(prop::kWeakAlias), Values{"AO VTP"});
  ASSERT_EQ(e->identifiers().size(), 2u);
  EXPECT_EQ(e->identifiers()[0], (Identifier{"taxNumber", "6316098841", "ru", "Fiscal Code; INN"}));
  EXPECT_EQ(e->identifiers()[1],
            (Identifier{"registrationNumber", "1046300581735", "ru", "Registration Number; OGRN"}));
  EXPECT_EQ(e->Get(prop::kAddress),
            Values{"ul. Zavodskoe shosse 11, Samara, Samara Oblast, 443009, Russia"});
  EXPECT_EQ(e->Get(prop::kProgram), (Values{"RUS", "UKR"}));
  // The earliest regulation is the listing, whatever the element order.
  EXPECT_EQ(e->Get(prop::kListingDate), Values{"2022-04-08"});
}

TEST(EuFsf, FullBirthDateUnknownCitizenshipAndUnReference) {
  const Entity* e = Find("eu_fsf:930004");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->Get(prop::kName), Values{"Samira Adel Haddad"});
  EXPECT_EQ(e->Get(prop::kMiddleName), Values{"Adel"});
  EXPECT_EQ(e->Get(prop::kWeakAlias), Values{"Umm Adel"});
  EXPECT_EQ(e->Get(prop::kGender), Values{"female"});
  EXPECT_EQ(e->Get(prop::kTitle), Values{"Dr."});
  EXPECT_EQ(e->Get(prop::kBirthDate), Values{"1962-06-10"});
  EXPECT_EQ(e->Get(prop::kBirthPlace), Values{"Aleppo, Syria"});
  EXPECT_FALSE(e->Has(prop::kCitizenship));  // countryIso2Code="00"
  EXPECT_EQ(e->Get(prop::kNotes), Values{"UN reference QDi.901"});
  ASSERT_EQ(e->identifiers().size(), 1u);
  EXPECT_EQ(e->identifiers()[0], (Identifier{"idNumber", "02-1107-5581", "sy",
                                             "National identification card; known expired"}));
}

TEST(EuFsf, RecordWithoutLogicalIdIsSkipped) {
  std::string xml =
      "<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\" generationDate=\"2025-01-02\">\n"
      "  <sanctionEntity euReferenceNumber=\"EU.1.1\">\n"
      "    <subjectType code=\"person\"/><nameAlias wholeName=\"Lost Record\" strong=\"true\"/>\n"
      "  </sanctionEntity>\n"
      "  <sanctionEntity logicalId=\"7\">\n"
      "    <subjectType code=\"vessel\"/><nameAlias wholeName=\"ONLY WEAK\" strong=\"false\"/>\n"
      "  </sanctionEntity>\n"
      "</export>\n";
  auto r = ParseEuFsfText(xml, "eu_fsf", "fsf.xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 1u);
  const Entity& e = r->entities[0];
  EXPECT_EQ(e.id(), "eu_fsf:7");
  EXPECT_EQ(e.schema(), schema::kLegalEntity);
  // Weak names are all there is, so one stands in as the name.
  EXPECT_EQ(e.Get(prop::kName), Values{"ONLY WEAK"});
  ASSERT_EQ(r->warnings.size(), 2u);
  EXPECT_EQ(r->warnings[0].where, "fsf.xml:/export/sanctionEntity[1]");
  EXPECT_EQ(r->warnings[0].message, "sanctionEntity without logicalId; record skipped (line 2)");
  EXPECT_EQ(r->warnings[1].where, "fsf.xml:/export/sanctionEntity[2]");
}

TEST(EuFsf, MalformedXmlNamesFileAndLine) {
  // An unquoted attribute value on line 3.
  auto r = ParseEuFsfText(
      "<export>\n<sanctionEntity logicalId=\"1\">\n<nameAlias wholeName=\"x\" strong=true/>\n"
      "</sanctionEntity>\n</export>",
      "eu_fsf", "fsf.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kParseError);
  EXPECT_TRUE(r.status().message().starts_with("fsf.xml:3: malformed XML")) << r.status().message();
  auto missing = ParseEuFsf("/nonexistent/fsf.xml", "eu_fsf");
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace vigil
