#include "lists/ofac_remarks.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "vigil/entity.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

using Strings = std::vector<std::string>;

Entity Apply(std::string_view remarks, std::string_view schema = schema::kPerson,
             std::vector<Diagnostic>* warnings = nullptr) {
  Entity e("t:1", schema);
  ApplyOfacRemarks(remarks, e, warnings, "sdn.csv:7");
  return e;
}

const Identifier* FindId(const Entity& e, std::string_view kind, std::string_view value) {
  for (const auto& i : e.identifiers())
    if (i.kind == kind && i.value == value) return &i;
  return nullptr;
}

TEST(OfacRemarksDateTest, Forms) {
  EXPECT_EQ(OfacDateToIso("25 Mar 1977"), "1977-03-25");
  EXPECT_EQ(OfacDateToIso("05 Jun 1960."), "1960-06-05");
  EXPECT_EQ(OfacDateToIso("Mar 1977"), "1977-03");
  EXPECT_EQ(OfacDateToIso("1977"), "1977");
  EXPECT_EQ(OfacDateToIso("circa 1947"), "~1947");
  EXPECT_EQ(OfacDateToIso("circa 07 Jul 1966"), "~1966-07-07");
  EXPECT_EQ(OfacDateToIso("1960 to 1962"), "1960/1962");
  EXPECT_EQ(OfacDateToIso("01 Jan 1961 to 31 Dec 1963"), "1961/1963");
  EXPECT_EQ(OfacDateToIso("01 Jan 1973 to 31 Dec 1973"), "1973");
  EXPECT_EQ(OfacDateToIso("01 Mar 1973 to 31 Mar 1973"), "1973-03");
  EXPECT_EQ(OfacDateToIso("Mar 1962 to Feb 1963"), "1962/1963");
  EXPECT_EQ(OfacDateToIso("circa 1979-1982"), "~1979/1982");
  EXPECT_EQ(OfacDateToIso("1977-03-25"), "1977-03-25");
  EXPECT_EQ(OfacDateToIso("25-Mar-1977"), "1977-03-25");
  EXPECT_EQ(OfacDateToIso("September 1970"), "1970-09");
}

TEST(OfacRemarksDateTest, RejectsNonDates) {
  EXPECT_EQ(OfacDateToIso(""), "");
  EXPECT_EQ(OfacDateToIso("circa"), "");
  EXPECT_EQ(OfacDateToIso("32 Mar 1977"), "");
  EXPECT_EQ(OfacDateToIso("25 Foo 1977"), "");
  EXPECT_EQ(OfacDateToIso("1962 to 1960"), "");
  EXPECT_EQ(OfacDateToIso("77"), "");
  EXPECT_EQ(OfacDateToIso("unknown"), "");
}

TEST(OfacRemarksTest, BirthDatesAndPlaces) {
  Entity e = Apply(
      "DOB circa 1947; alt. DOB circa 1946; alt. DOB 1960 to 1962; alt. DOB Mar 1977; "
      "POB Wuhan City, Hubei, China; Gender Male.");
  EXPECT_EQ(e.Get(prop::kBirthDate), (Strings{"~1947", "~1946", "1960/1962", "1977-03"}));
  EXPECT_EQ(e.Get(prop::kBirthPlace), (Strings{"Wuhan City, Hubei, China"}));
  EXPECT_EQ(e.Get(prop::kGender), (Strings{"male"}));
  EXPECT_FALSE(e.Has(prop::kNotes));
}

TEST(OfacRemarksTest, NationalityAndCitizenship) {
  Entity e = Apply("nationality Iran; alt. nationality Korea, North; citizen China; Gender Female");
  EXPECT_EQ(e.Get(prop::kNationality), (Strings{"ir", "kp"}));
  EXPECT_EQ(e.Get(prop::kCitizenship), (Strings{"cn"}));
  EXPECT_EQ(e.Get(prop::kGender), (Strings{"female"}));
}

TEST(OfacRemarksTest, UnknownCountryStaysInNotes) {
  Entity e = Apply("nationality possibly Palestinian; citizen Atlantis.");
  EXPECT_FALSE(e.Has(prop::kNationality));
  EXPECT_FALSE(e.Has(prop::kCitizenship));
  EXPECT_EQ(e.Get(prop::kNotes), (Strings{"nationality possibly Palestinian", "citizen Atlantis"}));
}

TEST(OfacRemarksTest, InvertedCountryNames) {
  Entity e = Apply(
      "Passport B0518816 (North Macedonia, The Republic of); Company Number 394678 (Virgin "
      "Islands, British); National ID No. 980335608 (Region: Gaza); nationality Trinidad and "
      "Tobago",
      schema::kPerson);
  EXPECT_EQ(FindId(e, prop::kPassportNumber, "B0518816")->country, "mk");
  EXPECT_EQ(FindId(e, prop::kRegistrationNumber, "394678")->country, "vg");
  EXPECT_EQ(FindId(e, prop::kIdNumber, "980335608")->country, "ps");
  EXPECT_EQ(e.Get(prop::kNationality), (Strings{"tt"}));
}

TEST(OfacRemarksTest, PassportWithCountryAndDates) {
  Entity e = Apply(
      "Passport T14553558 (Iran) issued 28 Oct 2008 expires 29 Oct 2013; alt. Passport "
      "G 649385 issued 08 Sep 2006 expires 17 Jul 2011; Diplomatic Passport 008827 (Iran) "
      "issued 1999.");
  const Identifier* p = FindId(e, prop::kPassportNumber, "T14553558");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country, "ir");
  EXPECT_EQ(p->detail, "Passport issued 28 Oct 2008 expires 29 Oct 2013");
  const Identifier* g = FindId(e, prop::kPassportNumber, "G 649385");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->country, "");
  const Identifier* d = FindId(e, prop::kPassportNumber, "008827");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->detail, "Diplomatic Passport issued 1999");
  // The values are also properties, for FtM export.
  EXPECT_EQ(e.Get(prop::kPassportNumber), (Strings{"T14553558", "G 649385", "008827"}));
}

TEST(OfacRemarksTest, IdentityAndTaxDocuments) {
  Entity e = Apply(
      "National ID No. 216040 (Yemen); Citizen's Card Number 421002197703250019 (China); "
      "Cedula No. 6068015 (Colombia); C.U.R.P. AIMO680718HCHRRS09 (Mexico); "
      "Tax ID No. 7744001497 (Russia); NIT # 800018928-0 (Colombia).");
  EXPECT_EQ(FindId(e, prop::kIdNumber, "216040")->country, "ye");
  const Identifier* card = FindId(e, prop::kIdNumber, "421002197703250019");
  ASSERT_NE(card, nullptr);
  EXPECT_EQ(card->country, "cn");
  EXPECT_EQ(card->detail, "Citizen's Card Number");
  EXPECT_EQ(FindId(e, prop::kIdNumber, "6068015")->country, "co");
  EXPECT_NE(FindId(e, prop::kIdNumber, "AIMO680718HCHRRS09"), nullptr);
  EXPECT_EQ(FindId(e, prop::kTaxNumber, "7744001497")->country, "ru");
  EXPECT_EQ(FindId(e, prop::kTaxNumber, "800018928-0")->country, "co");
  EXPECT_EQ(e.Get(prop::kTaxNumber), (Strings{"7744001497", "800018928-0"}));
}

TEST(OfacRemarksTest, CompanyRegistrations) {
  Entity e = Apply(
      "Organization Established Date 16 Nov 2004; Organization Type: Passenger air transport; "
      "Registration Number 1027700167110 (Russia); Legal Entity Number 253400WSS48YWMBUA688; "
      "Company Number 01074897 (United Kingdom); Unified Social Credit Code (USCC) "
      "9113100033607322XK (China); Registration Number HRA 738077 (Stuttgart) (Germany); "
      "SWIFT/BIC SABRRUMM; Nationality of Registration Korea, North; Target Type Financial "
      "Institution.",
      schema::kOrganization);
  EXPECT_EQ(e.Get(ofac_prop::kIncorporationDate), (Strings{"2004-11-16"}));
  EXPECT_EQ(e.Get(ofac_prop::kSector), (Strings{"Passenger air transport"}));
  EXPECT_EQ(FindId(e, prop::kRegistrationNumber, "1027700167110")->country, "ru");
  EXPECT_NE(FindId(e, prop::kRegistrationNumber, "253400WSS48YWMBUA688"), nullptr);
  EXPECT_EQ(FindId(e, prop::kRegistrationNumber, "01074897")->country, "gb");
  EXPECT_EQ(FindId(e, prop::kRegistrationNumber, "9113100033607322XK")->detail,
            "Unified Social Credit Code (USCC)");
  // A non-country parenthesis stays in the value; the country after it counts.
  EXPECT_EQ(FindId(e, prop::kRegistrationNumber, "HRA 738077 (Stuttgart)")->country, "de");
  const Identifier* bic = FindId(e, prop::kSwiftBic, "SABRRUMM");
  ASSERT_NE(bic, nullptr);
  EXPECT_EQ(bic->country, "ru");  // letters 5-6 of a BIC
  EXPECT_EQ(e.Get(prop::kSwiftBic), (Strings{"SABRRUMM"}));
  EXPECT_EQ(e.Get(prop::kJurisdiction), (Strings{"kp"}));
  EXPECT_EQ(e.Get(prop::kNotes), (Strings{"Target Type Financial Institution"}));
}

TEST(OfacRemarksTest, UnknownDocumentLabelWithCountry) {
  Entity person = Apply("Seafarer's Book 12345 (Panama); Zorgo Card Number ZX-991 (Latvia)");
  const Identifier* id = FindId(person, prop::kIdNumber, "ZX-991");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->country, "lv");
  EXPECT_EQ(id->detail, "Zorgo Card Number");
  EXPECT_NE(FindId(person, prop::kIdNumber, "12345"), nullptr);
  Entity org = Apply("Chamber Filing 88-1 (Malta)", schema::kOrganization);
  EXPECT_NE(FindId(org, prop::kRegistrationNumber, "88-1"), nullptr);
  // Prose with a number and an enumeration in brackets is no document.
  Entity prose = Apply("Executive Order 13846 information: IMPORT SANCTIONS.  Sec. 5(a)(vi)");
  EXPECT_TRUE(prose.identifiers().empty());
  EXPECT_EQ(prose.Get(prop::kNotes).size(), 1u);
}

TEST(OfacRemarksTest, ContactsAndWebsites) {
  Entity e = Apply(
      "Email Address a@b.com; alt. Email Address info@arrai.tv; Email:adelb@shabakah.net.sa; "
      "Website www.x.com; alt. Website http://waatasemu.org.ly; Phone Number 982188526300; "
      "Telephone: 0097282851500; Telephone (98)(21)(66153220); Fax: 0097282858208.",
      schema::kOrganization);
  EXPECT_EQ(e.Get(prop::kEmail), (Strings{"a@b.com", "info@arrai.tv", "adelb@shabakah.net.sa"}));
  EXPECT_EQ(e.Get(prop::kWebsite), (Strings{"www.x.com", "http://waatasemu.org.ly"}));
  EXPECT_EQ(e.Get(prop::kPhone),
            (Strings{"982188526300", "0097282851500", "(98)(21)(66153220)", "0097282858208"}));
  EXPECT_EQ(FindId(e, prop::kPhone, "0097282858208")->detail, "Fax");
  EXPECT_EQ(FindId(e, prop::kEmail, "a@b.com")->detail, "Email Address");
  EXPECT_FALSE(e.Has(prop::kNotes));
}

TEST(OfacRemarksTest, DigitalCurrencyAddresses) {
  Entity e = Apply(
      "Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h; alt. Digital "
      "Currency Address - ETH 0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c; Digital Currency "
      "Address - USDT TE3mCcPULjPUE7ykX7RArDPAhyahoy3d2j; Digital Currency Address - XMR "
      "4AbC; Digital Currency Address - ZEC t1Zz; Digital Currency Address - DASH Xy; Digital "
      "Currency Address - BSV 12sj; Digital Currency Address - TRX TQ1; Digital Currency "
      "Address - SOL So1; Digital Currency Address - LTC LWnb.");
  Strings currencies;
  for (const auto& i : e.identifiers()) {
    EXPECT_EQ(i.kind, kOfacCryptoWalletKind);
    currencies.push_back(i.detail);
  }
  EXPECT_EQ(currencies,
            (Strings{"XBT", "ETH", "USDT", "XMR", "ZEC", "DASH", "BSV", "TRX", "SOL", "LTC"}));
  EXPECT_NE(FindId(e, kOfacCryptoWalletKind, "0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c"),
            nullptr);
  EXPECT_NE(FindId(e, kOfacCryptoWalletKind, "LWnb"), nullptr);  // closing dot dropped
  // A currency without an address is kept as a note, not as a wallet.
  Entity bad = Apply("Digital Currency Address - XBT");
  EXPECT_TRUE(bad.identifiers().empty());
  EXPECT_EQ(bad.Get(prop::kNotes), (Strings{"Digital Currency Address - XBT"}));
}

TEST(OfacRemarksTest, VesselsAndAircraft) {
  Entity v = Apply(
      "Former Vessel Flag Malta; alt. Former Vessel Flag Tuvalu; alt. Former Vessel Flag None "
      "Identified; Vessel Registration Identification IMO 9187629; MMSI 572469210; Vessel Year "
      "of Build 1999; Other Vessel Call Sign UBMQ; Other Vessel Flag Tanzania",
      schema::kVessel);
  EXPECT_EQ(v.Get(prop::kImoNumber), (Strings{"9187629"}));
  EXPECT_EQ(v.Get(prop::kMmsi), (Strings{"572469210"}));
  EXPECT_NE(FindId(v, prop::kImoNumber, "9187629"), nullptr);
  EXPECT_EQ(v.Get(ofac_prop::kPastFlags), (Strings{"mt", "tv"}));
  EXPECT_EQ(v.Get(prop::kBuildDate), (Strings{"1999"}));
  EXPECT_EQ(v.Get(prop::kCallSign), (Strings{"UBMQ"}));
  EXPECT_EQ(v.Get(prop::kFlag), (Strings{"tz"}));
  EXPECT_EQ(v.Get(prop::kNotes), (Strings{"alt. Former Vessel Flag None Identified"}));

  Entity a = Apply(
      "Aircraft Construction Number (also called L/N or S/N or F/N) 8401; Aircraft Manufacture "
      "Date 1992; Aircraft Model IL76-TD; Aircraft Operator YAS AIR; Aircraft Manufacturer's "
      "Serial Number (MSN) 1023409321; Aircraft Tail Number EP-GOM.",
      schema::kAirplane);
  EXPECT_EQ(a.Get(ofac_prop::kSerialNumber), (Strings{"8401", "1023409321"}));
  EXPECT_EQ(a.Get(prop::kBuildDate), (Strings{"1992"}));
  EXPECT_EQ(a.Get(ofac_prop::kModel), (Strings{"IL76-TD"}));
  EXPECT_EQ(a.Get(prop::kRegistrationNumber), (Strings{"EP-GOM"}));
  EXPECT_EQ(a.Get(prop::kNotes), (Strings{"Aircraft Operator YAS AIR"}));
}

TEST(OfacRemarksTest, CompanyImoNumbers) {
  Entity e = Apply("Company Number IMO 5055293; Identification Number IMO 5342883.",
                   schema::kOrganization);
  EXPECT_EQ(e.Get(prop::kImoNumber), (Strings{"5055293", "5342883"}));
  EXPECT_FALSE(e.Has(prop::kRegistrationNumber));
}

TEST(OfacRemarksTest, AliasesAreWeakAndKeepApostrophes) {
  Entity e = Apply(
      "a.k.a. 'ZHOU, William'; a.k.a. 'ABU-'UMAR'; a.k.a. ''ABD-AL-'IZ'; a.k.a. ''FUPI''; "
      "f.k.a. 'ANA I'; n.k.a. 'NEW NAME'; a.k.a. 'ABBAS, Rim'.");
  EXPECT_EQ(e.Get(prop::kWeakAlias), (Strings{"ZHOU, William", "ABU-'UMAR", "'ABD-AL-'IZ", "FUPI",
                                              "NEW NAME", "ABBAS, Rim"}));
  EXPECT_EQ(e.Get(prop::kPreviousName), (Strings{"ANA I"}));
  EXPECT_FALSE(e.Has(prop::kNotes));
}

TEST(OfacRemarksTest, SemicolonInsideAQuotedAlias) {
  std::vector<Diagnostic> warnings;
  Entity e =
      Apply("a.k.a. 'AL-NOOR; TRADING'; DOB 1960; a.k.a. 'CLOSED'", schema::kPerson, &warnings);
  EXPECT_EQ(e.Get(prop::kWeakAlias), (Strings{"AL-NOOR; TRADING", "CLOSED"}));
  EXPECT_EQ(e.Get(prop::kBirthDate), (Strings{"1960"}));
  EXPECT_TRUE(warnings.empty());
  // Never closed: the name is kept and the problem reported.
  Entity open = Apply("a.k.a. 'NEVER CLOSED; DOB 1960", schema::kPerson, &warnings);
  EXPECT_EQ(open.Get(prop::kWeakAlias), (Strings{"NEVER CLOSED"}));
  EXPECT_EQ(open.Get(prop::kBirthDate), (Strings{"1960"}));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].where, "sdn.csv:7");
}

TEST(OfacRemarksTest, LinkedToKeepsAbbreviationDots) {
  Entity e = Apply(
      "Linked To: BIESTRA S.A.; Linked To: CHAPS INVESTMENT INC.; Linked To: HIZBALLAH; "
      "Linked To: LAZARUS GROUP.",
      schema::kOrganization);
  ASSERT_EQ(e.relations().size(), 4u);
  EXPECT_EQ(e.relations()[0].kind, "linkedTo");
  EXPECT_EQ(e.relations()[0].target_name, "BIESTRA S.A.");
  EXPECT_EQ(e.relations()[0].wording, "Linked To: BIESTRA S.A.");
  EXPECT_EQ(e.relations()[1].target_name, "CHAPS INVESTMENT INC.");
  EXPECT_EQ(e.relations()[2].target_name, "HIZBALLAH");
  EXPECT_EQ(e.relations()[3].target_name, "LAZARUS GROUP");
  EXPECT_EQ(e.relations()[3].wording, "Linked To: LAZARUS GROUP");
  EXPECT_TRUE(e.relations()[3].target_id.empty());  // resolved by the file parser
  Entity k = Apply("Linked To: KPD S.A.", schema::kOrganization);
  EXPECT_EQ(k.relations()[0].target_name, "KPD S.A.");
}

TEST(OfacRemarksTest, SanctionsInformationIsKeptAsNotes) {
  Entity e = Apply(
      "Additional Sanctions Information - Subject to Secondary Sanctions; Secondary sanctions "
      "risk: section 1(b) of Executive Order 13224, as amended by Executive Order 13886; ICTY "
      "indictee.");
  EXPECT_EQ(e.Get(prop::kNotes),
            (Strings{"Additional Sanctions Information - Subject to Secondary Sanctions",
                     "Secondary sanctions risk: section 1(b) of Executive Order 13224, as amended "
                     "by Executive Order 13886",
                     "ICTY indictee"}));
  EXPECT_TRUE(e.identifiers().empty());
}

TEST(OfacRemarksTest, UnreadableDateIsANoteAndAWarning) {
  std::vector<Diagnostic> warnings;
  Entity e = Apply("DOB sometime in the sixties; POB Pyongyang", schema::kPerson, &warnings);
  EXPECT_FALSE(e.Has(prop::kBirthDate));
  EXPECT_EQ(e.Get(prop::kNotes), (Strings{"DOB sometime in the sixties"}));
  EXPECT_EQ(e.Get(prop::kBirthPlace), (Strings{"Pyongyang"}));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].where, "sdn.csv:7");
  EXPECT_NE(warnings[0].message.find("DOB sometime"), std::string::npos);
}

TEST(OfacRemarksTest, LabelsNeedAWordBoundary) {
  // "citizen" must not eat "Citizen's Card Number", nor "Phone" "Phonetic".
  Entity e = Apply("Citizen's Card Number 211226197812154256 (China); Phonetic name KIM");
  EXPECT_FALSE(e.Has(prop::kCitizenship));
  EXPECT_FALSE(e.Has(prop::kPhone));
  EXPECT_NE(FindId(e, prop::kIdNumber, "211226197812154256"), nullptr);
  EXPECT_EQ(e.Get(prop::kNotes), (Strings{"Phonetic name KIM"}));
}

TEST(OfacRemarksTest, EmptyAndPlaceholderRemarks) {
  EXPECT_TRUE(Apply("").properties().empty());
  EXPECT_TRUE(Apply("-0- ").properties().empty());
  EXPECT_TRUE(Apply(" ; ;; ").properties().empty());
}

TEST(OfacRemarksTest, SplitKeepsEveryPiece) {
  EXPECT_EQ(SplitOfacRemarks("DOB 1960; POB X;arrested 2002"),
            (Strings{"DOB 1960", "POB X", "arrested 2002"}));
  EXPECT_EQ(SplitOfacRemarks("a.k.a. 'A; B'; a.k.a. 'C'"),
            (Strings{"a.k.a. 'A; B'", "a.k.a. 'C'"}));
}

}  // namespace
}  // namespace vigil
