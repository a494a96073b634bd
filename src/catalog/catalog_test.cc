// The catalog snapshot (Serialize/Deserialize, Save/Load), its version, the
// merging of records that share an id and the resolution of relations, on the
// real lists.
#include "vigil/catalog.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "catalog/snapshot_codec.h"
#include "core/io.h"
#include "test_util.h"

namespace vigil {
namespace {

constexpr size_t kChecksumSize = 64;

void ExpectSameSources(const std::vector<SourceInfo>& a, const std::vector<SourceInfo>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].dataset, b[i].dataset);
    EXPECT_EQ(a[i].path, b[i].path);
    EXPECT_EQ(a[i].format, b[i].format);
    EXPECT_EQ(a[i].publication_date, b[i].publication_date);
    EXPECT_EQ(a[i].sha256, b[i].sha256);
    EXPECT_EQ(a[i].entity_count, b[i].entity_count);
    EXPECT_EQ(a[i].warning_count, b[i].warning_count);
  }
}

void ExpectSameCatalog(const Catalog& a, const Catalog& b) {
  EXPECT_EQ(a.version(), b.version());
  EXPECT_EQ(a.created_at(), b.created_at());
  ExpectSameSources(a.sources(), b.sources());
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a.entities()[i], b.entities()[i]) << "entity " << i << " " << a.entities()[i].id();
    EXPECT_EQ(b.IndexOf(a.entities()[i].id()), static_cast<int64_t>(i));
  }
}

// The default catalog (all shipped lists), built once for the suite.
class CatalogSnapshotTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto options = DefaultCatalogOptions(testing::SourcePath("data"));
    ASSERT_TRUE(options.ok()) << options.status().ToString();
    auto built = BuildCatalog(*options);
    ASSERT_TRUE(built.ok()) << built.status().ToString();
    catalog_ = new std::shared_ptr<const Catalog>(*built);
    bytes_ = new std::string((*catalog_)->Serialize());
  }
  static void TearDownTestSuite() {
    delete catalog_;
    delete bytes_;
  }
  static const Catalog& catalog() { return **catalog_; }
  static const std::string& bytes() { return *bytes_; }

 private:
  static std::shared_ptr<const Catalog>* catalog_;
  static std::string* bytes_;
};
std::shared_ptr<const Catalog>* CatalogSnapshotTest::catalog_ = nullptr;
std::string* CatalogSnapshotTest::bytes_ = nullptr;

TEST_F(CatalogSnapshotTest, SerializeDeserializeRoundTrip) {
  ASSERT_EQ(catalog().size(), 21102u);
  EXPECT_EQ(bytes().substr(0, 8), "VIGILCAT");
  auto back = Catalog::Deserialize(bytes(), "memory");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSameCatalog(catalog(), **back);
  // Serializing again gives the same bytes: nothing is lost or reordered.
  EXPECT_EQ((*back)->Serialize(), bytes());
  const Entity* kim = (*back)->Find("us_ofac_sdn:20157");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->caption(), "KIM, Jong Un");
  EXPECT_EQ(kim->schema(), "Person");
  EXPECT_EQ((*back)->Find("no_such:id"), nullptr);
  EXPECT_EQ((*back)->IndexOf("no_such:id"), -1);
}

TEST_F(CatalogSnapshotTest, SaveAndLoadThroughAFile) {
  std::string dir = testing::TempDir();
  std::string path = JoinPath(dir, "default.vcat");
  ASSERT_TRUE(catalog().Save(path).ok());
  EXPECT_TRUE(IsCatalogFile(path));
  EXPECT_EQ(*ReadRawFile(path), bytes());
  auto loaded = Catalog::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ExpectSameCatalog(catalog(), **loaded);
  // Save leaves no temporary file behind.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir),
                          std::filesystem::directory_iterator()),
            1);
  // A gzip-compressed snapshot loads too (ReadFile inflates it).
  ASSERT_TRUE(WriteFileAtomic(path + ".gz", *Gzip(bytes())).ok());
  auto gz = Catalog::Load(path + ".gz");
  ASSERT_TRUE(gz.ok()) << gz.status().ToString();
  EXPECT_EQ((*gz)->version(), catalog().version());
  std::filesystem::remove_all(dir);
}

TEST_F(CatalogSnapshotTest, LoadOfAMissingFileIsAnError) {
  auto r = Catalog::Load("/nonexistent/catalog.vcat");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/catalog.vcat"), std::string::npos);
}

TEST_F(CatalogSnapshotTest, FlippedBytesAreCorruption) {
  // Header, metadata, the first entity, the middle, the last entity byte and
  // the checksum itself.
  for (size_t pos : {size_t{0}, size_t{8}, size_t{12}, size_t{200}, bytes().size() / 2,
                     bytes().size() - kChecksumSize - 1, bytes().size() - 1}) {
    std::string damaged = bytes();
    damaged[pos] = static_cast<char>(damaged[pos] ^ 0x20);
    auto r = Catalog::Deserialize(damaged, "damaged.vcat");
    ASSERT_FALSE(r.ok()) << "flipped byte " << pos;
    EXPECT_EQ(r.status().code(), Status::Code::kCorruption) << pos;
    EXPECT_TRUE(r.status().message().starts_with("damaged.vcat: not a valid vigil catalog"))
        << r.status().message();
  }
}

TEST_F(CatalogSnapshotTest, TruncatedOrExtendedBytesAreCorruption) {
  for (size_t size : {size_t{0}, size_t{7}, size_t{8}, size_t{71}, size_t{72}, size_t{1000},
                      bytes().size() / 2, bytes().size() - 1}) {
    auto r = Catalog::Deserialize(std::string_view(bytes()).substr(0, size), "cut.vcat");
    ASSERT_FALSE(r.ok()) << "truncated to " << size;
    EXPECT_EQ(r.status().code(), Status::Code::kCorruption) << size;
  }
  auto r = Catalog::Deserialize(bytes() + "x", "long.vcat");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  // A damaged file on disk: Load names the file.
  std::string dir = testing::TempDir();
  std::string path = JoinPath(dir, "cut.vcat");
  ASSERT_TRUE(WriteFileAtomic(path, bytes().substr(0, bytes().size() / 3)).ok());
  auto loaded = Catalog::Load(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), Status::Code::kCorruption);
  EXPECT_NE(loaded.status().message().find(path), std::string::npos);
  std::filesystem::remove_all(dir);
}

// The checksum is not the only defence: a body with a valid checksum but
// impossible contents is refused too.
TEST(CatalogSnapshot, ValidChecksumOverBadContentIsCorruption) {
  auto with_checksum = [](std::string body) { return body + Sha256Hex(body); };
  ByteWriter w;
  w.Raw("VIGILCAT");
  w.Varint(1);
  w.String("v");
  w.String("2026-01-01T00:00:00Z");
  w.Varint(uint64_t{1} << 40);  // a source count no file can hold
  auto r = Catalog::Deserialize(with_checksum(w.bytes()), "crafted.vcat");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  EXPECT_NE(r.status().message().find("bad metadata"), std::string::npos) << r.status().message();

  ByteWriter e;
  e.Raw("VIGILCAT");
  e.Varint(1);
  e.String("v");
  e.String("2026-01-01T00:00:00Z");
  e.Varint(0);  // no sources
  e.Varint(1);  // one entity …
  e.String("x:1");
  e.String("Person");
  e.Varint(5);  // … with five properties that are not there
  r = Catalog::Deserialize(with_checksum(e.bytes()), "crafted.vcat");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  EXPECT_NE(r.status().message().find("bad entity"), std::string::npos) << r.status().message();
}

TEST_F(CatalogSnapshotTest, NewerFormatIsUnsupportedNotCorrupt) {
  std::string body = bytes().substr(0, bytes().size() - kChecksumSize);
  ASSERT_EQ(body[8], 1);  // the format version varint follows the magic
  body[8] = 2;
  auto r = Catalog::Deserialize(body + Sha256Hex(body), "future.vcat");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(r.status().message().find("catalog format 2"), std::string::npos);
}

TEST_F(CatalogSnapshotTest, EveryResolvedRelationPointsIntoTheCatalog) {
  size_t relations = 0, resolved = 0;
  for (const auto& e : catalog().entities())
    for (const auto& rel : e.relations()) {
      ++relations;
      if (rel.target_id.empty()) continue;
      ++resolved;
      EXPECT_NE(catalog().Find(rel.target_id), nullptr) << e.id() << " -> " << rel.target_id;
      EXPECT_NE(rel.target_id, e.id());
    }
  EXPECT_GT(relations, 6000u);
  EXPECT_GT(resolved, relations * 9 / 10);
}

const Relation* FindRelation(const Entity& e, std::string_view target_name) {
  for (const auto& r : e.relations())
    if (r.target_name == target_name) return &r;
  return nullptr;
}

// "Linked To: HIZBALLAH" in an SDN record's remarks becomes a relation to the
// SDN entry of that name.
TEST_F(CatalogSnapshotTest, LinkedToNamesAreResolvedToIds) {
  const Entity* e = catalog().Find("us_ofac_sdn:2686");
  ASSERT_NE(e, nullptr);
  const Relation* r = FindRelation(*e, "HIZBALLAH");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->kind, "linkedTo");
  EXPECT_EQ(r->wording, "Linked To: HIZBALLAH");
  EXPECT_EQ(r->target_id, "us_ofac_sdn:4697");
  EXPECT_EQ(catalog().Find("us_ofac_sdn:4697")->caption(), "HIZBALLAH");
}

// An SDN record linked to a company that is on the non-SDN list: the SDN file
// alone cannot resolve it; the catalog, holding both lists, does.
TEST_F(CatalogSnapshotTest, RelationsResolveAcrossLists) {
  auto sdn_only = ParseOfacCsvFiles(
      {testing::SourcePath("data/us_ofac_sdn/sdn-2024-05-03.csv.gz"), "", "", ""}, "us_ofac_sdn");
  ASSERT_TRUE(sdn_only.ok()) << sdn_only.status().ToString();
  const Entity* parsed = nullptr;
  for (const auto& e : sdn_only->entities)
    if (e.id() == "us_ofac_sdn:18299") parsed = &e;
  ASSERT_NE(parsed, nullptr);
  const Relation* before = FindRelation(*parsed, "OPEN JOINT-STOCK COMPANY ROSNEFT OIL COMPANY");
  ASSERT_NE(before, nullptr);
  EXPECT_EQ(before->target_id, "");

  const Entity* e = catalog().Find("us_ofac_sdn:18299");
  ASSERT_NE(e, nullptr);
  const Relation* after = FindRelation(*e, "OPEN JOINT-STOCK COMPANY ROSNEFT OIL COMPANY");
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(after->target_id, "us_ofac_cons:17022");
}

// Relations by name prefer an entity of the relation owner's own dataset.
TEST(CatalogCreate, ResolvesNamesPreferringTheSameDataset) {
  Entity owner("a:1", schema::kPerson);
  owner.Add(prop::kName, "Owner Person");
  owner.AddDataset("a");
  owner.AddRelation({"linkedTo", "", "acme  trading", "Linked To: ACME TRADING."});
  Entity other_list("b:7", schema::kCompany);
  other_list.Add(prop::kName, "ACME TRADING");
  other_list.AddDataset("b");
  Entity same_list("a:9", schema::kCompany);
  same_list.Add(prop::kName, "Acme Trading");
  same_list.AddDataset("a");
  Entity unknown("a:2", schema::kPerson);
  unknown.Add(prop::kName, "Someone");
  unknown.AddDataset("a");
  unknown.AddRelation({"linkedTo", "", "NOBODY KNOWN", "Linked To: NOBODY KNOWN."});

  auto c = Catalog::Create({}, {owner, other_list, same_list, unknown}, "2026-01-01T00:00:00Z");
  EXPECT_EQ(c->Find("a:1")->relations()[0].target_id, "a:9");
  EXPECT_EQ(c->Find("a:2")->relations()[0].target_id, "");

  // Without a same-dataset candidate, another list's entity is used.
  auto c2 = Catalog::Create({}, {owner, other_list}, "2026-01-01T00:00:00Z");
  EXPECT_EQ(c2->Find("a:1")->relations()[0].target_id, "b:7");
}

TEST(CatalogCreate, MergesRecordsWithTheSameId) {
  Entity first("x:1", schema::kPerson);
  first.Add(prop::kName, "Kim Il");
  first.Add(prop::kBirthDate, "1950");
  first.AddDataset("list_a");
  Entity middle("x:2", schema::kPerson);
  middle.Add(prop::kName, "Other");
  Entity again("x:1", schema::kPerson);
  again.Add(prop::kName, "Kim Il");
  again.Add(prop::kAlias, "Kim Ill");
  again.AddIdentifier({"passportNumber", "123", "kp", ""});
  again.AddDataset("list_b");

  auto c = Catalog::Create({}, {first, middle, again}, "2026-01-01T00:00:00Z");
  ASSERT_EQ(c->size(), 2u);
  EXPECT_EQ(c->entities()[0].id(), "x:1");  // keeps the first record's place
  EXPECT_EQ(c->entities()[1].id(), "x:2");
  const Entity& merged = c->entities()[0];
  EXPECT_EQ(merged.Get(prop::kName), std::vector<std::string>{"Kim Il"});
  EXPECT_EQ(merged.Get(prop::kAlias), std::vector<std::string>{"Kim Ill"});
  EXPECT_EQ(merged.Get(prop::kBirthDate), std::vector<std::string>{"1950"});
  ASSERT_EQ(merged.identifiers().size(), 1u);
  EXPECT_EQ(merged.identifiers()[0].value, "123");
  EXPECT_EQ(merged.datasets(), (std::vector<std::string>{"list_a", "list_b"}));
}

// The same FtM file published under two dataset names: entities keep their
// FtM ids, so each appears once, carrying both datasets.
TEST(CatalogCreate, MergesTheSameEntitiesFromTwoSources) {
  std::string file = testing::SharedData("lists/ftm/zala-entities.ftm.json");
  BuildOptions options;
  options.sources.push_back({"list_a", file, ListFormat::kFtmJson, "", ""});
  options.sources.push_back({"list_b", file, ListFormat::kFtmJson, "", ""});
  auto c = BuildCatalog(options);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ((*c)->sources().size(), 2u);
  EXPECT_EQ((*c)->sources()[0].entity_count, 91u);
  EXPECT_EQ((*c)->sources()[1].entity_count, 91u);
  EXPECT_EQ((*c)->size(), 91u);
  for (const auto& e : (*c)->entities()) {
    EXPECT_NE(std::find(e.datasets().begin(), e.datasets().end(), "list_a"), e.datasets().end())
        << e.id();
    EXPECT_NE(std::find(e.datasets().begin(), e.datasets().end(), "list_b"), e.datasets().end())
        << e.id();
  }
}

class CatalogVersionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto parsed = ParseUnXml(testing::SharedData("lists/un_sc/consolidated-2026-02-27.xml"),
                             "un_sc_sanctions");
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    entities_ = new std::vector<Entity>(std::move(parsed->entities));
  }
  static void TearDownTestSuite() { delete entities_; }
  static std::vector<SourceInfo> Sources() {
    SourceInfo s;
    s.dataset = "un_sc_sanctions";
    s.sha256 = "abc";
    return {s};
  }
  static std::vector<Entity>* entities_;
};
std::vector<Entity>* CatalogVersionTest::entities_ = nullptr;

TEST_F(CatalogVersionTest, SameInputsGiveTheSameVersion) {
  auto a = Catalog::Create(Sources(), *entities_, "2026-02-28T08:00:00Z");
  auto b = Catalog::Create(Sources(), *entities_, "2026-02-28T17:30:00Z");
  EXPECT_EQ(a->size(), 1003u);
  EXPECT_EQ(a->version(), b->version());
  EXPECT_TRUE(a->version().starts_with("20260228-")) << a->version();
  EXPECT_EQ(a->version().size(), 8u + 1u + 12u);
  // Another day, same content: same content hash after the date.
  auto c = Catalog::Create(Sources(), *entities_, "2026-03-01T00:00:00Z");
  EXPECT_EQ(c->version().substr(9), a->version().substr(9));
  EXPECT_NE(c->version(), a->version());
}

TEST_F(CatalogVersionTest, ChangedEntityChangesTheVersion) {
  auto a = Catalog::Create(Sources(), *entities_, "2026-02-28T08:00:00Z");
  std::vector<Entity> edited = *entities_;
  edited[500].Add(prop::kAlias, "A NEW ALIAS");
  auto b = Catalog::Create(Sources(), edited, "2026-02-28T08:00:00Z");
  EXPECT_NE(a->version(), b->version());
  std::vector<Entity> fewer = *entities_;
  fewer.pop_back();
  auto c = Catalog::Create(Sources(), fewer, "2026-02-28T08:00:00Z");
  EXPECT_NE(a->version(), c->version());
  // A source with other bytes is another catalog even with equal entities.
  std::vector<SourceInfo> other = Sources();
  other[0].sha256 = "def";
  auto d = Catalog::Create(other, *entities_, "2026-02-28T08:00:00Z");
  EXPECT_NE(a->version(), d->version());
}

}  // namespace
}  // namespace vigil
