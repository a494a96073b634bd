#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "core/io.h"
#include "lists/ofac_remarks.h"
#include "test_util.h"
#include "vigil/entity.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

using ::vigil::testing::SharedData;
using ::vigil::testing::SourcePath;
using ::vigil::testing::TempDir;
using Strings = std::vector<std::string>;

const Entity* Find(const ParsedSource& s, std::string_view id) {
  for (const auto& e : s.entities)
    if (e.id() == id) return &e;
  return nullptr;
}

size_t CountWarnings(const ParsedSource& s, std::string_view where_part,
                     std::string_view message_part) {
  return static_cast<size_t>(
      std::count_if(s.warnings.begin(), s.warnings.end(), [&](const auto& w) {
        return w.where.find(where_part) != std::string::npos &&
               w.message.find(message_part) != std::string::npos;
      }));
}

std::string Sdn(const std::string& name) { return SharedData("lists/us_ofac_sdn/" + name); }

// The 2024 primary file joined with the 2025-12 alias, address and comments
// files, as the default catalog does. Parsed once for the suite.
class OfacCsvSdn2024Test : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = ParseOfacCsvFiles({Sdn("sdn-2024-05-03.csv"), Sdn("2025-12/alt.csv"),
                                Sdn("2025-12/add.csv"), Sdn("2025-12/sdn_comments.csv")},
                               "us_ofac_sdn");
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    source_ = new ParsedSource(std::move(r).value());
  }
  static void TearDownTestSuite() {
    delete source_;
    source_ = nullptr;
  }
  static const Entity& Get(std::string_view id) {
    const Entity* e = Find(*source_, id);
    EXPECT_NE(e, nullptr) << id;
    static const Entity kMissing;
    return e ? *e : kMissing;
  }
  static ParsedSource* source_;
};
ParsedSource* OfacCsvSdn2024Test::source_ = nullptr;

TEST_F(OfacCsvSdn2024Test, CountsSchemasAndIds) {
  ASSERT_EQ(source_->entities.size(), 14965u);
  EXPECT_EQ(source_->publication_date, "2024-05-03");
  std::map<std::string, int> schemas;
  std::set<std::string> ids;
  for (const auto& e : source_->entities) {
    ++schemas[e.schema()];
    ids.insert(e.id());
    ASSERT_EQ(e.id().rfind("us_ofac_sdn:", 0), 0u) << e.id();
    EXPECT_EQ(e.topics(), (Strings{"sanction"}));
    EXPECT_EQ(e.datasets(), (Strings{"us_ofac_sdn"}));
    EXPECT_TRUE(e.Has(prop::kName)) << e.id();
  }
  EXPECT_EQ(ids.size(), 14965u);
  EXPECT_EQ(schemas[std::string(schema::kPerson)], 6854);
  EXPECT_EQ(schemas[std::string(schema::kOrganization)], 6884);
  EXPECT_EQ(schemas[std::string(schema::kVessel)], 851);
  EXPECT_EQ(schemas[std::string(schema::kAirplane)], 376);
  // The README counts 484 DPRK-program rows (DPRK, DPRK2, DPRK3, DPRK4 ...).
  int dprk = 0;
  for (const auto& e : source_->entities) {
    const auto& p = e.Get(prop::kProgram);
    if (std::any_of(p.begin(), p.end(),
                    [](const std::string& v) { return v.rfind("DPRK", 0) == 0; }))
      ++dprk;
  }
  EXPECT_EQ(dprk, 484);
}

TEST_F(OfacCsvSdn2024Test, NewerAuxFilesGiveOrphanWarnings) {
  // alt.csv and add.csv of 2025-12 name entities designated after 2024-05-03.
  size_t alias_orphans = CountWarnings(*source_, "2025-12/alt.csv:", "alias row for entity");
  size_t address_orphans = CountWarnings(*source_, "2025-12/add.csv:", "address row for entity");
  EXPECT_EQ(alias_orphans, 2460u);
  EXPECT_EQ(address_orphans, 4893u);
  // Comment rows continue only remarks that OFAC cut at 1,000 characters.
  EXPECT_GT(CountWarnings(*source_, "sdn_comments.csv:", "not in"), 0u);
  EXPECT_GT(CountWarnings(*source_, "sdn_comments.csv:", "complete"), 0u);
  // Nothing else goes wrong: every remark date is readable.
  EXPECT_EQ(CountWarnings(*source_, "", "unreadable date"), 0u);
}

TEST_F(OfacCsvSdn2024Test, KimYongChol) {
  const Entity& e = Get("us_ofac_sdn:12211");
  // 12211,"KIM, Yong Chol","individual","DPRK",…,"DOB circa 1947; alt. DOB circa
  // 1946; POB Pyongan-Pukto, North Korea; Secondary sanctions risk: …"
  EXPECT_EQ(e.schema(), schema::kPerson);
  EXPECT_EQ(e.Get(prop::kName), (Strings{"KIM, Yong Chol"}));
  EXPECT_EQ(e.Get(prop::kLastName), (Strings{"KIM"}));
  EXPECT_EQ(e.Get(prop::kFirstName), (Strings{"Yong Chol"}));
  EXPECT_EQ(e.Get(prop::kBirthDate), (Strings{"~1947", "~1946"}));
  EXPECT_EQ(e.Get(prop::kBirthPlace), (Strings{"Pyongan-Pukto, North Korea"}));
  EXPECT_EQ(e.Get(prop::kProgram), (Strings{"DPRK"}));
  EXPECT_EQ(e.Get(prop::kSourceId), (Strings{"12211"}));
  // Aliases from the 2025-12 alt.csv.
  EXPECT_EQ(e.Get(prop::kAlias),
            (Strings{"KIM, Yong-Chol", "KIM, Young-Chol", "KIM, Young-Cheol", "KIM, Young-Chul"}));
  EXPECT_EQ(e.Get(prop::kNotes).size(), 2u);
}

TEST_F(OfacCsvSdn2024Test, ChinyongIsInThe2024File) {
  const Entity& e = Get("us_ofac_sdn:43379");
  EXPECT_EQ(e.schema(), schema::kOrganization);
  EXPECT_EQ(e.Get(prop::kName), (Strings{"CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY"}));
  EXPECT_EQ(e.Get(prop::kProgram), (Strings{"DPRK2"}));
  EXPECT_EQ(e.Get(ofac_prop::kSector),
            (Strings{"Other information technology and computer service activities"}));
  EXPECT_EQ(e.Get(prop::kAlias), (Strings{"JINYONG IT COOPERATION COMPANY"}));
  EXPECT_EQ(e.Get(prop::kCountry), (Strings{"kp"}));
  EXPECT_EQ(e.Get(prop::kAddress), (Strings{"Korea, North"}));
}

TEST_F(OfacCsvSdn2024Test, MultipleProgramsAreSplit) {
  // 28264 LI, Jiadong: "DPRK3] [CYBER2"; its remarks run on in the comments file.
  const Entity& e = Get("us_ofac_sdn:28264");
  EXPECT_EQ(e.Get(prop::kProgram), (Strings{"DPRK3", "CYBER2"}));
  // "…; P" + "hone Number 8613314257947; …" joined across the files.
  EXPECT_EQ(e.Get(prop::kPhone), (Strings{"8613314257947", "8618004121000"}));
  EXPECT_EQ(e.Get(prop::kWeakAlias), (Strings{"blackjack1987", "khaleesi"}));
  ASSERT_EQ(e.relations().size(), 1u);
  EXPECT_EQ(e.relations()[0].target_name, "LAZARUS GROUP");
  EXPECT_EQ(e.relations()[0].target_id, "us_ofac_sdn:27307");
}

TEST_F(OfacCsvSdn2024Test, YanXiaobingWallets) {
  const Entity& e = Get("us_ofac_sdn:25308");
  EXPECT_EQ(e.Get(prop::kName), (Strings{"YAN, Xiaobing"}));
  EXPECT_EQ(e.Get(prop::kProgram), (Strings{"SDNTK"}));
  EXPECT_EQ(e.Get(prop::kBirthDate), (Strings{"1977-03-25"}));
  EXPECT_EQ(e.Get(prop::kBirthPlace), (Strings{"Wuhan City, Hubei, China"}));
  EXPECT_EQ(e.Get(prop::kCitizenship), (Strings{"cn"}));
  EXPECT_EQ(e.Get(prop::kGender), (Strings{"male"}));
  Strings wallets;
  for (const auto& i : e.identifiers()) {
    if (i.kind != kOfacCryptoWalletKind) continue;
    EXPECT_EQ(i.detail, "XBT");
    wallets.push_back(i.value);
  }
  EXPECT_EQ(wallets,
            (Strings{"12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", "1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo",
                     "13f59kUM5FU8MfTG7DCEugYarDhSD7XCoC", "1P3ZfGFLezzYGg9k5SVzQmnjyh7nrUmF2y",
                     "1EpMiZkQVekM5ij12nMiEwttFPcDK9XhX6", "1JREJdZupiFhE7ZzQPtASuMCvvpXC7wRsC"}));
  auto card = std::find_if(e.identifiers().begin(), e.identifiers().end(),
                           [](const Identifier& i) { return i.kind == prop::kIdNumber; });
  ASSERT_NE(card, e.identifiers().end());
  EXPECT_EQ(card->value, "421002197703250019");
  EXPECT_EQ(card->country, "cn");
  EXPECT_EQ(card->detail, "Citizen's Card Number");
  EXPECT_EQ(e.Get(prop::kWeakAlias), (Strings{"ZHOU, William", "YAN, Steven"}));
  EXPECT_EQ(e.Get(prop::kNotes), (Strings{"Chinese Commercial Code 7346 2556 0365"}));
  EXPECT_EQ(e.Get(prop::kAddress), (Strings{"Wuhan, Hubei, China"}));
}

TEST_F(OfacCsvSdn2024Test, VesselWithImo) {
  // 15036,"ARTAVIL","vessel","IRAN",-0- ,"T2EU4","Crude/Oil Products Tanker","99,144",
  // "56,068","Iran",-0- ,"Former Vessel Flag Malta; … IMO 9187629; MMSI 572469210; …"
  const Entity& e = Get("us_ofac_sdn:15036");
  EXPECT_EQ(e.schema(), schema::kVessel);
  EXPECT_EQ(e.Get(prop::kImoNumber), (Strings{"9187629"}));
  EXPECT_EQ(e.Get(prop::kMmsi), (Strings{"572469210"}));
  EXPECT_EQ(e.Get(prop::kCallSign), (Strings{"T2EU4"}));
  EXPECT_EQ(e.Get(prop::kType), (Strings{"Crude/Oil Products Tanker"}));
  EXPECT_EQ(e.Get(prop::kFlag), (Strings{"ir"}));
  EXPECT_EQ(e.Get(ofac_prop::kPastFlags), (Strings{"mt", "tv", "tz"}));
  // f.k.a. 'ALPHA' in the remarks; fka ABADAN and SHONA in the 2025-12 alt.csv.
  EXPECT_EQ(e.Get(prop::kPreviousName), (Strings{"ALPHA", "ABADAN", "SHONA"}));
  const auto& notes = e.Get(prop::kNotes);
  EXPECT_NE(std::find(notes.begin(), notes.end(), "Tonnage 99,144"), notes.end());
  EXPECT_NE(std::find(notes.begin(), notes.end(), "GRT 56,068"), notes.end());
  ASSERT_EQ(e.relations().size(), 1u);
  EXPECT_EQ(e.relations()[0].target_id, "us_ofac_sdn:15117");
  EXPECT_EQ(e.relations()[0].target_name, "NATIONAL IRANIAN TANKER COMPANY");
}

TEST_F(OfacCsvSdn2024Test, AircraftDetails) {
  const Entity& e = Get("us_ofac_sdn:15431");
  EXPECT_EQ(e.schema(), schema::kAirplane);
  EXPECT_EQ(e.Get(prop::kName), (Strings{"EP-GOM"}));
  EXPECT_EQ(e.Get(ofac_prop::kModel), (Strings{"IL76-TD"}));
  EXPECT_EQ(e.Get(prop::kBuildDate), (Strings{"1992"}));
  EXPECT_EQ(e.Get(ofac_prop::kSerialNumber), (Strings{"8401", "1023409321"}));
}

TEST_F(OfacCsvSdn2024Test, PassportWithCountryAndLinkWithAbbreviation) {
  // "DOB 27 Oct 1971; Cedula No. 43574795 (Colombia); Passport AK476053 (Colombia);
  // Linked To: COMERCIALIZADORA DE GANADO Y RENTAS DE CAPITAL S.A."
  const Entity& e = Get("us_ofac_sdn:12090");
  EXPECT_EQ(e.Get(prop::kPassportNumber), (Strings{"AK476053"}));
  EXPECT_EQ(e.Get(prop::kIdNumber), (Strings{"43574795"}));
  bool passport = false;
  for (const auto& i : e.identifiers())
    if (i.kind == prop::kPassportNumber && i.value == "AK476053" && i.country == "co")
      passport = true;
  EXPECT_TRUE(passport);
  ASSERT_EQ(e.relations().size(), 1u);
  EXPECT_EQ(e.relations()[0].kind, "linkedTo");
  EXPECT_EQ(e.relations()[0].target_name, "COMERCIALIZADORA DE GANADO Y RENTAS DE CAPITAL S.A.");
  EXPECT_EQ(e.relations()[0].target_id, "us_ofac_sdn:12101");
}

TEST_F(OfacCsvSdn2024Test, LinkedToResolvesToIdsInTheFile) {
  size_t total = 0, resolved = 0;
  std::set<std::string> ids;
  for (const auto& e : source_->entities) ids.insert(e.id());
  for (const auto& e : source_->entities) {
    for (const auto& r : e.relations()) {
      ASSERT_EQ(r.kind, "linkedTo");
      ++total;
      if (r.target_id.empty()) continue;
      ++resolved;
      EXPECT_TRUE(ids.count(r.target_id)) << r.target_id;
    }
  }
  // 6,375 "Linked To:" clauses in the primary file and 5 more in the joined
  // comments; a handful name parties that are not listed.
  EXPECT_EQ(total, 6380u);
  EXPECT_GE(resolved, 6360u) << resolved;
}

TEST_F(OfacCsvSdn2024Test, EveryIdentifierHasItsProperty) {
  size_t count = 0;
  for (const auto& e : source_->entities) {
    for (const auto& i : e.identifiers()) {
      ++count;
      if (i.kind == kOfacCryptoWalletKind) continue;
      const auto& values = e.Get(i.kind);
      EXPECT_NE(std::find(values.begin(), values.end(), i.value), values.end())
          << e.id() << " " << i.kind << " " << i.value;
    }
  }
  EXPECT_GT(count, 15000u);
}

TEST(OfacCsvTest, Consistent2021SetFromFolder) {
  auto r = ParseOfacCsv(Sdn("2021-07"), "us_ofac_sdn");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 8976u);
  EXPECT_TRUE(r->warnings.empty()) << r->warnings.front().ToString();
  EXPECT_EQ(r->publication_date, "");  // "sdn.csv" carries no date
  // 11,910 alt.csv rows: 11,523 aka + 18 nka (distinct per entity: 11,539) and 369 fka.
  size_t aliases = 0, previous = 0;
  for (const auto& e : r->entities) {
    aliases += e.Get(prop::kAlias).size();
    previous += e.Get(prop::kPreviousName).size();
  }
  EXPECT_EQ(aliases, 11539u);
  EXPECT_GE(previous, 369u);  // remarks add f.k.a.s of their own
  const Entity* bank = Find(*r, "us_ofac_sdn:306");
  ASSERT_NE(bank, nullptr);
  EXPECT_EQ(bank->Get(prop::kAlias), (Strings{"NATIONAL BANK OF CUBA"}));
  EXPECT_EQ(bank->Get(prop::kWeakAlias), (Strings{"BNC"}));
  EXPECT_EQ(bank->Get(prop::kAddress).size(), 4u);
  const Entity* kim = Find(*r, "us_ofac_sdn:12211");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->Get(prop::kAlias).size(), 4u);
  // 28263 TIAN, Yinyin: remarks cut in "a.k.a. 'snowsjo" and continued with
  // "hn'; Linked To: LAZARUS GROUP." in sdn_comments.csv.
  const Entity* tian = Find(*r, "us_ofac_sdn:28263");
  ASSERT_NE(tian, nullptr);
  const auto& weak = tian->Get(prop::kWeakAlias);
  EXPECT_NE(std::find(weak.begin(), weak.end(), "snowsjohn"), weak.end());
  ASSERT_FALSE(tian->relations().empty());
  EXPECT_EQ(tian->relations().back().target_name, "LAZARUS GROUP");
  // 12300: the last link of the continuation keeps its "S.A." dot.
  const Entity* cifuentes = Find(*r, "us_ofac_sdn:12300");
  ASSERT_NE(cifuentes, nullptr);
  EXPECT_EQ(cifuentes->relations().back().target_name.substr(0, 5), "R D I");
}

TEST(OfacCsvTest, ConsolidatedNonSdnSet) {
  auto r = ParseOfacCsv(SharedData("lists/us_ofac_cons/2025-12"), "us_ofac_cons");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 442u);
  EXPECT_TRUE(r->warnings.empty()) << r->warnings.front().ToString();
  const Entity* haniya = Find(*r, "us_ofac_cons:9639");
  ASSERT_NE(haniya, nullptr);
  EXPECT_EQ(haniya->schema(), schema::kPerson);
  EXPECT_EQ(haniya->Get(prop::kName), (Strings{"HANIYA, Ismail Abdul Salah"}));
  EXPECT_EQ(haniya->Get(prop::kProgram), (Strings{"NS-PLC"}));
  int persons = 0;
  for (const auto& e : r->entities) persons += e.schema() == schema::kPerson;
  EXPECT_EQ(persons, 79);
  // VTB BANK: SWIFT/BIC, websites and the remarks joined from cons_comments.csv.
  const Entity* vtb = Find(*r, "us_ofac_cons:17013");
  ASSERT_NE(vtb, nullptr);
  EXPECT_EQ(vtb->Get(prop::kSwiftBic), (Strings{"VTBRRUMM"}));
  EXPECT_EQ(vtb->Get(prop::kWebsite), (Strings{"www.vtb.com", "www.vtb.ru"}));
}

TEST(OfacCsvTest, DefaultCatalogFolderWithGzipFiles) {
  // data/us_ofac_sdn holds sdn-2024-05-03.csv.gz with the 2025-12 aux files.
  auto r = ParseOfacCsv(SourcePath("data/us_ofac_sdn"), "us_ofac_sdn");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 14965u);
  EXPECT_EQ(r->publication_date, "2024-05-03");
  EXPECT_GT(CountWarnings(*r, "alt.csv.gz:", "not in"), 0u);
  const Entity* kim = Find(*r, "us_ofac_sdn:12211");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->Get(prop::kAlias).size(), 4u);
}

TEST(OfacCsvTest, PrimaryFileAloneFindsNoAuxInItsFolder) {
  auto r = ParseOfacCsv(Sdn("sdn-2024-05-03.csv"), "us_ofac_sdn");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 14965u);
  EXPECT_EQ(r->publication_date, "2024-05-03");
  // 18 remarks are cut at 1,000 characters and nothing continues them here.
  EXPECT_EQ(CountWarnings(*r, "sdn-2024-05-03.csv:", "remarks cut"), 18u);
  EXPECT_EQ(r->warnings.size(),
            18u + CountWarnings(*r, "sdn-2024-05-03.csv:", "alias without closing quote"));
  EXPECT_FALSE(Find(*r, "us_ofac_sdn:12211")->Has(prop::kAlias));
}

TEST(OfacCsvTest, UnterminatedQuoteNamesFileAndLine) {
  std::string primary =
      "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
      "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. "
      "'BNC'.\"\r\n"
      "424,\"BOUTIQUE LA MAISON,-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'B'\r\n";
  auto r = ParseOfacCsvText(primary, "", "", "", "us_ofac_sdn", "bad_sdn.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kParseError);
  EXPECT_NE(r.status().message().find("bad_sdn.csv:3"), std::string::npos) << r.status().message();

  std::string dir = TempDir();
  std::string path = dir + "/sdn.csv";
  std::ofstream(path, std::ios::binary) << primary;
  auto f = ParseOfacCsv(dir, "us_ofac_sdn");
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find(path + ":3"), std::string::npos) << f.status().message();

  // The same in an alias file.
  std::string good = primary.substr(0, primary.find("424,"));
  auto a =
      ParseOfacCsvText(good, "36,12,\"aka\",\"AERO-CARIBBEAN,-0- \n", "", "", "us_ofac_sdn", "x");
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("x/alt.csv:1"), std::string::npos) << a.status().message();
}

constexpr std::string_view kTwoRecords =
    "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
    "12211,\"KIM, Yong Chol\",\"individual\",\"DPRK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB "
    "circa 1947; alt. DOB circa 1946.\"\r\n\x1a";

TEST(OfacCsvTest, OrphanAliasAndAddressRowsAreWarnings) {
  auto r = ParseOfacCsvText(kTwoRecords,
                            "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n"
                            "99999,13,\"aka\",\"NOBODY\",-0- \r\n",
                            "12211,18688,-0- ,\"Pyongyang\",\"Korea, North\",-0- \r\n"
                            "77777,1,\"Street 1\",\"Town\",\"Cuba\",-0- \r\n",
                            "", "us_ofac_sdn", "mem");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 2u);
  ASSERT_EQ(r->warnings.size(), 2u);
  EXPECT_EQ(r->warnings[0].where, "mem/alt.csv:2");
  EXPECT_NE(r->warnings[0].message.find("99999"), std::string::npos);
  EXPECT_EQ(r->warnings[1].where, "mem/add.csv:2");
  EXPECT_NE(r->warnings[1].message.find("77777"), std::string::npos);
  EXPECT_EQ(Find(*r, "us_ofac_sdn:36")->Get(prop::kAlias), (Strings{"AERO-CARIBBEAN"}));
  const Entity* kim = Find(*r, "us_ofac_sdn:12211");
  EXPECT_EQ(kim->Get(prop::kAddress), (Strings{"Pyongyang, Korea, North"}));
  EXPECT_EQ(kim->Get(prop::kCountry), (Strings{"kp"}));
  EXPECT_EQ(kim->Get(prop::kBirthDate), (Strings{"~1947", "~1946"}));
}

TEST(OfacCsvTest, AliasTypesAndWeakRemarks) {
  auto r = ParseOfacCsvText(kTwoRecords,
                            "36,1,\"aka\",\"A1\",-0- \n36,2,\"fka\",\"F1\",-0- \n"
                            "36,3,\"nka\",\"N1\",-0- \n36,4,\"aka\",\"W1\",\"weak\"\n",
                            "", "", "us_ofac_sdn", "mem");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Entity* e = Find(*r, "us_ofac_sdn:36");
  EXPECT_EQ(e->Get(prop::kAlias), (Strings{"A1", "N1"}));
  EXPECT_EQ(e->Get(prop::kPreviousName), (Strings{"F1"}));
  EXPECT_EQ(e->Get(prop::kWeakAlias), (Strings{"W1"}));
}

TEST(OfacCsvTest, CommentsContinueCutRemarksOnly) {
  // OFAC cuts remarks at 1,000 characters, even mid-word.
  std::string remarks = "DOB 1960; ";
  while (remarks.size() < 990) remarks += "Linked To: X; ";
  remarks.resize(990);
  remarks += "a.k.a. 'AB";
  ASSERT_EQ(remarks.size(), 1000u);
  std::string primary =
      "1,\"CUT, Name\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"" + remarks +
      "\"\n2,\"WHOLE\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
      "\"DOB 1970.\"\n";
  auto r = ParseOfacCsvText(primary, "", "", "1,\"CD'; Gender Male.\"\n2,\"; Gender Male.\"\n",
                            "us_ofac_sdn", "mem");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Entity* cut = Find(*r, "us_ofac_sdn:1");
  EXPECT_EQ(cut->Get(prop::kWeakAlias), (Strings{"ABCD"}));
  EXPECT_EQ(cut->Get(prop::kGender), (Strings{"male"}));
  const Entity* whole = Find(*r, "us_ofac_sdn:2");
  EXPECT_FALSE(whole->Has(prop::kGender));
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].where, "mem/comments.csv:2");
}

TEST(OfacCsvTest, ToleratesHeaderCrlfAndDosEof) {
  std::string text =
      "ent_num,SDN_Name,SDN_Type,Program,Title,Call_Sign,Vess_type,Tonnage,GRT,Vess_flag,"
      "Vess_owner,Remarks\r\n" +
      std::string(kTwoRecords);
  auto r = ParseOfacCsvText(text, "", "", "", "us_ofac_sdn", "mem");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 2u);
  EXPECT_TRUE(r->warnings.empty());
}

TEST(OfacCsvTest, DamagedRecordsAreSkippedWithWarnings) {
  std::string text = std::string(kTwoRecords.substr(0, kTwoRecords.size() - 1)) +
                     "abc,\"BAD NUMBER\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
                     "77,\"SHORT\",-0- \n"
                     "36,\"DUPLICATE\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
                     "78,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n";
  auto r = ParseOfacCsvText(text, "", "", "", "us_ofac_sdn", "mem");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities.size(), 2u);
  ASSERT_EQ(r->warnings.size(), 4u);
  EXPECT_EQ(r->warnings[0].where, "mem:3");
  EXPECT_EQ(r->warnings[1].where, "mem:4");
  EXPECT_NE(r->warnings[2].message.find("duplicate"), std::string::npos);
  EXPECT_NE(r->warnings[3].message.find("no name"), std::string::npos);
}

TEST(OfacCsvTest, RejectsFilesThatAreNotOfacLists) {
  auto r = ParseOfacCsvText("name,country\nKIM,kp\n", "", "", "", "us_ofac_sdn", "list.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kParseError);
  EXPECT_NE(r.status().message().find("list.csv:1"), std::string::npos);
  EXPECT_FALSE(ParseOfacCsvText("", "", "", "", "us_ofac_sdn", "empty.csv").ok());
  EXPECT_FALSE(ParseOfacCsvText(kTwoRecords, "", "", "", "", "x").ok());
  auto missing = ParseOfacCsv(TempDir(), "us_ofac_sdn");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(ParseOfacCsvFiles({}, "us_ofac_sdn").status().code(), Status::Code::kInvalidArgument);
}

TEST(OfacCsvTest, Windows1252TextBecomesUtf8) {
  std::string text =
      "1,\"CAF\xC9 NU\xD1"
      "EZ \x93X\x94\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n";
  auto r = ParseOfacCsvText(text, "", "", "", "us_ofac_sdn", "mem");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->entities[0].First(prop::kName), "CAF\u00C9 NU\u00D1EZ \u201CX\u201D");
}

TEST(OfacCsvTest, FolderPicksTheFamilyAndTheDatedPrimary) {
  std::string dir = TempDir();
  auto write = [&](const std::string& name, std::string_view text) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  };
  write("sdn-2023-01-02.csv", kTwoRecords);
  write("alt.csv", "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \n");
  write("cons_prim.csv",
        "9639,\"HANIYA, Ismail Abdul Salah\",\"individual\",\"NS-PLC\",-0- ,-0- ,-0- ,-0- ,-0- ,"
        "-0- ,-0- ,-0- \n");
  write("cons_alt.csv", "9639,1,\"aka\",\"HANIYEH, Ismail\",-0- \n");
  auto sdn = ParseOfacCsv(dir, "us_ofac_sdn");
  ASSERT_TRUE(sdn.ok()) << sdn.status().ToString();
  EXPECT_EQ(sdn->entities.size(), 2u);
  EXPECT_EQ(sdn->publication_date, "2023-01-02");
  EXPECT_EQ(Find(*sdn, "us_ofac_sdn:36")->Get(prop::kAlias), (Strings{"AERO-CARIBBEAN"}));
  auto cons = ParseOfacCsv(dir, "us_ofac_cons");
  ASSERT_TRUE(cons.ok()) << cons.status().ToString();
  ASSERT_EQ(cons->entities.size(), 1u);
  EXPECT_EQ(cons->entities[0].Get(prop::kAlias), (Strings{"HANIYEH, Ismail"}));
  // A gzipped primary is found and read the same way.
  auto gz = Gzip(kTwoRecords);
  ASSERT_TRUE(gz.ok());
  std::string gz_dir = TempDir();
  std::ofstream(gz_dir + "/sdn.csv.gz", std::ios::binary) << *gz;
  auto g = ParseOfacCsv(gz_dir, "us_ofac_sdn");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->entities.size(), 2u);
}

}  // namespace
}  // namespace vigil
