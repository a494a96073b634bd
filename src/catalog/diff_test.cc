// DiffCatalogs and DiffEntities, on two releases of the UN consolidated list.
#include <gtest/gtest.h>

#include "test_util.h"
#include "vigil/catalog.h"

namespace vigil {
namespace {

const FieldChange* FindField(const std::vector<FieldChange>& fields, std::string_view name) {
  for (const auto& f : fields)
    if (f.field == name) return &f;
  return nullptr;
}

class UnDiffTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto a = OpenCatalogOrList(testing::SharedData("lists/un_sc/consolidated-2025-11-18.xml"));
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    auto b = OpenCatalogOrList(testing::SharedData("lists/un_sc/consolidated-2026-02-27.xml"));
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    old_ = new std::shared_ptr<const Catalog>(*a);
    new_ = new std::shared_ptr<const Catalog>(*b);
  }
  static void TearDownTestSuite() {
    delete old_;
    delete new_;
  }
  static const Catalog& old_catalog() { return **old_; }
  static const Catalog& new_catalog() { return **new_; }

 private:
  static std::shared_ptr<const Catalog>* old_;
  static std::shared_ptr<const Catalog>* new_;
};
std::shared_ptr<const Catalog>* UnDiffTest::old_ = nullptr;
std::shared_ptr<const Catalog>* UnDiffTest::new_ = nullptr;

TEST_F(UnDiffTest, RawListFilesOpenAsOneSourceCatalogs) {
  EXPECT_EQ(old_catalog().size(), 1000u);
  EXPECT_EQ(new_catalog().size(), 1003u);
  ASSERT_EQ(new_catalog().sources().size(), 1u);
  EXPECT_EQ(new_catalog().sources()[0].dataset, "un_sc_sanctions");
  EXPECT_EQ(new_catalog().sources()[0].format, "un_xml");
  EXPECT_EQ(new_catalog().sources()[0].publication_date, "2026-02-27");
  EXPECT_EQ(old_catalog().sources()[0].publication_date, "2025-11-18");
}

TEST_F(UnDiffTest, AddedAndRemovedIds) {
  CatalogDiff d = DiffCatalogs(old_catalog(), new_catalog());
  EXPECT_EQ(d.added,
            (std::vector<std::string>{"un_sc_sanctions:SDi.007", "un_sc_sanctions:SDi.008",
                                      "un_sc_sanctions:SDi.009", "un_sc_sanctions:SDi.010"}));
  EXPECT_EQ(d.removed, std::vector<std::string>{"un_sc_sanctions:IQi.074"});
  // 1000 - 1 removed + 4 added = 1003.
  EXPECT_EQ(old_catalog().size() - d.removed.size() + d.added.size(), new_catalog().size());
  EXPECT_EQ(old_catalog().Find("un_sc_sanctions:IQi.074")->caption(), "MUNIR AL QUBAYSI");
  EXPECT_EQ(new_catalog().Find("un_sc_sanctions:SDi.010")->caption(),
            "TIJANI IBRAHIM MOUSSA MOHAMED");
}

// Two individuals lost the INTERPOL notice link from their comments.
TEST_F(UnDiffTest, ChangedEntitiesListTheirFieldChanges) {
  CatalogDiff d = DiffCatalogs(old_catalog(), new_catalog());
  ASSERT_EQ(d.changed.size(), 2u);
  EXPECT_EQ(d.changed[0].id, "un_sc_sanctions:HTi.006");
  EXPECT_EQ(d.changed[0].caption, "PROPHANE VICTOR");
  EXPECT_EQ(d.changed[1].id, "un_sc_sanctions:SOi.022");
  for (const auto& change : d.changed) {
    ASSERT_EQ(change.fields.size(), 1u) << change.id;
    const FieldChange& f = change.fields[0];
    EXPECT_EQ(f.field, "notes");
    EXPECT_EQ(f.removed, std::vector<std::string>{
                             "Gender: Male. INTERPOL-UN Security Council Special Notice web "
                             "link:https://www.interpol.int/en/How-we-work/Notices/"
                             "View-UN-Notices-Individuals"});
    EXPECT_EQ(f.added, std::vector<std::string>{"Gender: Male."});
  }
}

TEST_F(UnDiffTest, ReverseDiffSwapsAddedAndRemoved) {
  CatalogDiff forward = DiffCatalogs(old_catalog(), new_catalog());
  CatalogDiff back = DiffCatalogs(new_catalog(), old_catalog());
  EXPECT_EQ(back.added, forward.removed);
  EXPECT_EQ(back.removed, forward.added);
  ASSERT_EQ(back.changed.size(), forward.changed.size());
  for (size_t i = 0; i < back.changed.size(); ++i) {
    EXPECT_EQ(back.changed[i].id, forward.changed[i].id);
    EXPECT_EQ(back.changed[i].fields[0].added, forward.changed[i].fields[0].removed);
  }
}

TEST_F(UnDiffTest, SameCatalogHasNoDifferences) {
  CatalogDiff d = DiffCatalogs(new_catalog(), new_catalog());
  EXPECT_TRUE(d.added.empty());
  EXPECT_TRUE(d.removed.empty());
  EXPECT_TRUE(d.changed.empty());
}

TEST(DiffEntities, NamesEveryKindOfField) {
  Entity a("x:1", schema::kOrganization);
  a.Add(prop::kName, "ACME");
  a.Add(prop::kCountry, "kp");
  a.AddIdentifier({"imoNumber", "9123456", "", ""});
  a.AddRelation({"linkedTo", "x:2", "OTHER", "Linked To: OTHER."});
  a.AddDataset("list_a");
  a.AddTopic("sanction");
  Entity b("x:1", schema::kCompany);
  b.Add(prop::kName, "ACME");
  b.Add(prop::kCountry, "cn");
  b.AddIdentifier({"imoNumber", "9123456", "pa", ""});
  b.AddRelation({"linkedTo", "", "THIRD", "Linked To: THIRD."});
  b.AddDataset("list_a");
  b.AddDataset("list_b");
  b.AddTopic("sanction");

  auto fields = DiffEntities(a, b);
  const FieldChange* f = FindField(fields, "schema");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->removed, std::vector<std::string>{"Organization"});
  EXPECT_EQ(f->added, std::vector<std::string>{"Company"});
  f = FindField(fields, "country");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->removed, std::vector<std::string>{"kp"});
  EXPECT_EQ(f->added, std::vector<std::string>{"cn"});
  f = FindField(fields, "identifiers");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->removed, std::vector<std::string>{"imoNumber:9123456"});
  EXPECT_EQ(f->added, std::vector<std::string>{"imoNumber:9123456 (pa)"});
  f = FindField(fields, "relations");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->removed, std::vector<std::string>{"linkedTo -> x:2"});
  EXPECT_EQ(f->added, std::vector<std::string>{"linkedTo -> THIRD"});
  f = FindField(fields, "datasets");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->removed.empty());
  EXPECT_EQ(f->added, std::vector<std::string>{"list_b"});
  EXPECT_EQ(FindField(fields, "name"), nullptr);
  EXPECT_EQ(FindField(fields, "topics"), nullptr);
  EXPECT_EQ(fields.size(), 5u);
  EXPECT_TRUE(DiffEntities(a, a).empty());
}

}  // namespace
}  // namespace vigil
