#include "text/org_terms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/io.h"
#include "core/strings.h"
#include "test_util.h"
#include "text/normalize.h"
#include "text/romanize.h"

namespace vigil::text {
namespace {

std::vector<CanonicalToken> Canon(std::string_view name) {
  return CanonicalizeOrgTokens(Tokenize(FoldLatin(name)));
}

// The symbols of the legal forms and generic words, in order.
std::vector<std::string> Symbols(const std::vector<CanonicalToken>& tokens) {
  std::vector<std::string> out;
  for (const CanonicalToken& t : tokens) {
    if (t.cls == TermClass::kLegalForm || t.cls == TermClass::kGeneric) out.push_back(t.text);
  }
  return out;
}

std::vector<std::string> Names(const std::vector<CanonicalToken>& tokens) {
  std::vector<std::string> out;
  for (const CanonicalToken& t : tokens) {
    if (t.cls == TermClass::kName) out.push_back(t.text);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(TextOrgTermsTest, EnglishAndPinyinSpellingsShareSymbols) {
  auto english = Canon("Dandong Hongxiang Industrial Development Co., Ltd.");
  auto pinyin = Canon("DANDONG HONGXIANG SHIYE FAZHAN YOUXIAN GONGSI");
  EXPECT_EQ(Symbols(english), (Strings{"~industrial", "~development", "#ltd"}));
  EXPECT_EQ(english, pinyin);
  EXPECT_EQ(Names(english), (Strings{"dandong", "hongxiang"}));
}

TEST(TextOrgTermsTest, LegalFormVariantsShareASymbol) {
  for (const char* s :
       {"X Co., Ltd.", "X Company Limited", "X Limited", "X Youxian Gongsi", "X Pte. Ltd.",
        "X Sdn. Bhd.", "X Kabushiki Kaisha", "X Jusik Hoesa", "X Chusik Hoesa"}) {
    EXPECT_EQ(Symbols(Canon(s)), (Strings{"#ltd"})) << s;
  }
  for (const char* s : {"X LLC", "X L.L.C.", "X Limited Liability Company", "OOO X",
                        "Obshchestvo s Ogranichennoy Otvetstvennost'yu X",
                        "Obshchestvo s ogranichennoi otvetstvennostiu X", "TOO X", "X Sp. z o.o.",
                        "X s.r.o.", "X Youxian Zeren Gongsi"}) {
    EXPECT_EQ(Symbols(Canon(s)), (Strings{"#llc"})) << s;
  }
  EXPECT_EQ(Symbols(Canon("Siemens AG")), (Strings{"#ag"}));
  EXPECT_EQ(Symbols(Canon("X GmbH")), (Strings{"#gmbh"}));
  EXPECT_EQ(Symbols(Canon("X S.A.")), (Strings{"#sa"}));
  EXPECT_EQ(Symbols(Canon("X SARL")), (Strings{"#sarl"}));
  EXPECT_EQ(Symbols(Canon("X S.p.A.")), (Strings{"#spa"}));
  EXPECT_EQ(Symbols(Canon("X B.V.")), (Strings{"#bv"}));
  EXPECT_EQ(Symbols(Canon("X N.V.")), (Strings{"#nv"}));
  EXPECT_EQ(Symbols(Canon("X PLC")), (Strings{"#plc"}));
  EXPECT_EQ(Symbols(Canon("X Inc.")), Symbols(Canon("X Incorporated")));
  EXPECT_EQ(Symbols(Canon("X Corp.")), Symbols(Canon("X Corporation")));
  EXPECT_EQ(Symbols(Canon("JSC X")), (Strings{"#jsc"}));
  EXPECT_EQ(Symbols(Canon("Aktsionernoye Obshchestvo X")), (Strings{"#jsc"}));
  EXPECT_EQ(Symbols(Canon("OAO X")), Symbols(Canon("Open Joint Stock Company X")));
  EXPECT_EQ(Symbols(Canon("ZAO X")), Symbols(Canon("Closed Joint Stock Company X")));
  EXPECT_EQ(Symbols(Canon("PAO X")), Symbols(Canon("PJSC X")));
  EXPECT_EQ(Symbols(Canon("Publichnoye Aktsionernoye Obshchestvo X")), (Strings{"#pjsc"}));
}

TEST(TextOrgTermsTest, LongestPhraseWins) {
  EXPECT_EQ(Symbols(Canon("Limited Liability Company X")), (Strings{"#llc"}));
  EXPECT_EQ(Symbols(Canon("Public Limited Company X")), (Strings{"#plc"}));
  EXPECT_EQ(Symbols(Canon("ABC Import & Export Trading Co")),
            (Strings{"~import_export", "~trading", "~company"}));
  EXPECT_EQ(Symbols(Canon("Korea Ryonbong General Corporation")), (Strings{"~general", "#corp"}));
  EXPECT_EQ(Symbols(Canon("Ryonbong Chonghoesa")), (Strings{"~general", "#corp"}));
}

TEST(TextOrgTermsTest, GenericWordsAcrossLanguages) {
  EXPECT_EQ(Symbols(Canon("Maoyi")), Symbols(Canon("Trading")));
  EXPECT_EQ(Symbols(Canon("Muyeok")), Symbols(Canon("Trade")));
  EXPECT_EQ(Symbols(Canon("Torgovyy Dom")), (Strings{"~trading"}));
  EXPECT_EQ(Symbols(Canon("Keji")), Symbols(Canon("Technology")));
  EXPECT_EQ(Symbols(Canon("Wangluo")), Symbols(Canon("Network")));
  EXPECT_EQ(Symbols(Canon("Guoji")), Symbols(Canon("International")));
  EXPECT_EQ(Symbols(Canon("Intl")), Symbols(Canon("International")));
  EXPECT_EQ(Symbols(Canon("Jinchukou")), Symbols(Canon("Import and Export")));
  EXPECT_EQ(Symbols(Canon("Jituan")), Symbols(Canon("Group")));
  EXPECT_EQ(Symbols(Canon("Yinhang")), Symbols(Canon("Bank")));
  EXPECT_EQ(Symbols(Canon("Haiyun")), Symbols(Canon("Shipping")));
  EXPECT_EQ(Symbols(Canon("Touzi")), Symbols(Canon("Investment")));
  EXPECT_EQ(Symbols(Canon("Mezhdunarodnyy")), Symbols(Canon("International")));
  EXPECT_EQ(Symbols(Canon("Promyshlennaya")), Symbols(Canon("Industrial")));
  EXPECT_EQ(Symbols(Canon("Holdings")), Symbols(Canon("Holding")));
}

TEST(TextOrgTermsTest, StopwordsNumbersInitialsAndNames) {
  auto tokens = Canon("Bank of the J K Al Rashid 2");
  ASSERT_EQ(tokens.size(), 8u);
  EXPECT_EQ(tokens[0], (CanonicalToken{"~bank", TermClass::kGeneric}));
  EXPECT_EQ(tokens[1], (CanonicalToken{"of", TermClass::kStopword}));
  EXPECT_EQ(tokens[2], (CanonicalToken{"the", TermClass::kStopword}));
  EXPECT_EQ(tokens[3], (CanonicalToken{"j", TermClass::kInitial}));
  EXPECT_EQ(tokens[4], (CanonicalToken{"k", TermClass::kInitial}));
  EXPECT_EQ(tokens[5], (CanonicalToken{"al", TermClass::kName}));  // a name particle
  EXPECT_EQ(tokens[6], (CanonicalToken{"rashid", TermClass::kName}));
  EXPECT_EQ(tokens[7], (CanonicalToken{"2", TermClass::kNumber}));
  EXPECT_TRUE(CanonicalizeOrgTokens({}).empty());
}

TEST(TextOrgTermsTest, RomanizedCyrillicLegalFormsAreRecognised) {
  // Every Romanize form of a Russian company name carries the same symbol.
  for (const std::string& form : Romanize("ООО «Ромашка»")) {
    EXPECT_EQ(Symbols(CanonicalizeOrgTokens(Tokenize(form))), (Strings{"#llc"})) << form;
  }
  for (const std::string& form : Romanize("Публичное акционерное общество «Газпром»")) {
    EXPECT_EQ(Symbols(CanonicalizeOrgTokens(Tokenize(form))), (Strings{"#pjsc"})) << form;
  }
}

TEST(TextOrgTermsTest, SplitsHanOrganisationNames) {
  auto tokens = SplitCjkOrgName("丹东鸿祥实业发展有限公司");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0], (CanonicalToken{"丹东鸿祥", TermClass::kName}));
  EXPECT_EQ(tokens[1], (CanonicalToken{"~industrial", TermClass::kGeneric}));
  EXPECT_EQ(tokens[2], (CanonicalToken{"~development", TermClass::kGeneric}));
  EXPECT_EQ(tokens[3], (CanonicalToken{"#ltd", TermClass::kLegalForm}));
  // The Han name and its English and pinyin spellings agree on the symbols.
  EXPECT_EQ(Symbols(tokens), Symbols(Canon("Dandong Hongxiang Industrial Development Co., Ltd.")));

  EXPECT_EQ(Symbols(SplitCjkOrgName("京东方科技集团股份有限公司")),
            (Strings{"~technology", "~group", "#ltd"}));
  EXPECT_EQ(Names(SplitCjkOrgName("京东方科技集团股份有限公司")), (Strings{"京东方"}));
  EXPECT_EQ(Symbols(SplitCjkOrgName("中國銀行")), (Strings{"~bank"}));  // traditional
  EXPECT_EQ(Symbols(SplitCjkOrgName("华为技术有限公司")),
            Symbols(Canon("Huawei Technologies Co., Ltd.")));
  EXPECT_EQ(Symbols(SplitCjkOrgName("深圳市某某进出口贸易有限责任公司")),
            (Strings{"~import_export", "~trading", "#llc"}));
}

TEST(TextOrgTermsTest, SplitsHangulOrganisationNames) {
  auto ryonbong = SplitCjkOrgName("조선련봉총회사");
  EXPECT_EQ(Names(ryonbong), (Strings{"조선련봉"}));
  EXPECT_EQ(Symbols(ryonbong), Symbols(Canon("Korea Ryonbong General Corporation")));
  EXPECT_EQ(Symbols(SplitCjkOrgName("조선광선은행")), (Strings{"~bank"}));
  EXPECT_EQ(Symbols(SplitCjkOrgName("삼성전자 주식회사")), (Strings{"~electronics", "#ltd"}));
  // (주) and ㈜ abbreviate 주식회사.
  EXPECT_EQ(SplitCjkOrgName("(주)삼성전자"), SplitCjkOrgName("주식회사 삼성전자"));
  EXPECT_EQ(SplitCjkOrgName("㈜삼성전자"), SplitCjkOrgName("주식회사 삼성전자"));
  EXPECT_EQ(Symbols(SplitCjkOrgName("조선무역회사")), (Strings{"~trading", "~company"}));
}

TEST(TextOrgTermsTest, SplitCjkCanonicalisesLatinParts) {
  auto tokens = SplitCjkOrgName("ABC贸易有限公司 Co., Ltd. 2");
  EXPECT_EQ(Names(tokens), (Strings{"abc"}));
  EXPECT_EQ(Symbols(tokens), (Strings{"~trading", "#ltd", "#ltd"}));
  EXPECT_EQ(tokens.back(), (CanonicalToken{"2", TermClass::kNumber}));
  EXPECT_TRUE(SplitCjkOrgName("").empty());
  EXPECT_TRUE(SplitCjkOrgName(" ,. ").empty());
}

// On the real OFAC SDN list: most entity names (SDN type -0-) carry a legal
// form or a generic word, and almost all keep a distinctive token (a name,
// an initial or a number); the rest are names made only of generic words,
// such as "INDUSTRIAL BANK" or "GENERAL PETROLEUM CORPORATION".
TEST(TextOrgTermsTest, SdnEntityNames) {
  Result<std::string> text = ReadFile(testing::SharedData("lists/us_ofac_sdn/sdn-2024-05-03.csv"));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  CsvReader reader(*text, "sdn-2024-05-03.csv");
  std::vector<std::string> fields;
  size_t entities = 0, with_symbol = 0, with_name = 0;
  while (reader.Next(&fields)) {
    if (fields.size() < 3) continue;
    std::string type(Trim(fields[2]));
    if (type != "-0-") continue;
    ++entities;
    auto tokens = Canon(fields[1]);
    with_symbol += !Symbols(tokens).empty();
    with_name += std::any_of(tokens.begin(), tokens.end(), [](const CanonicalToken& t) {
      return t.cls == TermClass::kName || t.cls == TermClass::kInitial ||
             t.cls == TermClass::kNumber;
    });
  }
  ASSERT_GT(entities, 5000u);
  std::printf(
      "SDN entities: %zu, with a legal form or generic word %.1f%%, with a distinctive token "
      "%.1f%%\n",
      entities, 100.0 * with_symbol / entities, 100.0 * with_name / entities);
  // Measured: 86.9% and 99.0%.
  EXPECT_GE(100.0 * with_symbol / entities, 86.0);
  EXPECT_GE(100.0 * with_name / entities, 98.5);
}

}  // namespace
}  // namespace vigil::text
