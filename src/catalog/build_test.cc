// Building catalogs from manifests: the shipped default catalog, manifest
// errors, sha256 checks, lenient builds and the default-catalog cache.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/io.h"
#include "test_util.h"
#include "vigil/catalog.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;

class TempFolder {
 public:
  TempFolder() : path_(testing::TempDir()) {}
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& text) const {
    std::string p = JoinPath(path_, name);
    EXPECT_TRUE(WriteFileAtomic(p, text).ok());
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string UnFile() { return testing::SharedData("lists/un_sc/consolidated-2026-02-27.xml"); }

TEST(BuildCatalog, ShippedManifestNamesFiveSources) {
  auto options = DefaultCatalogOptions(testing::SourcePath("data"));
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  ASSERT_EQ(options->sources.size(), 5u);
  EXPECT_TRUE(options->strict);
  const SourceSpec& sdn = options->sources[0];
  EXPECT_EQ(sdn.dataset, "us_ofac_sdn");
  EXPECT_EQ(sdn.path, testing::SourcePath("data/us_ofac_sdn"));
  EXPECT_EQ(sdn.format, ListFormat::kOfacCsv);
  EXPECT_EQ(sdn.sha256, "3a5ab1012324ea80cc67ed9df3f15506245fe2c9b7ab311a9c2a2665402728f7");
  EXPECT_EQ(options->sources[2].path,
            testing::SourcePath("data/un_sc_sanctions/consolidated-2026-02-27.xml.gz"));
  EXPECT_EQ(options->sources[2].format, ListFormat::kUnXml);
  EXPECT_EQ(options->sources[3].format, ListFormat::kUkOfsi);
  EXPECT_EQ(options->sources[4].format, ListFormat::kFtmJson);
  EXPECT_EQ(options->sources[4].publication_date, "2025-08-27");
}

// The number `vigil catalog build` prints for the shipped data: 21102.
TEST(BuildCatalog, DefaultCatalogFromTheShippedData) {
  auto options = DefaultCatalogOptions(testing::SourcePath("data"));
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  BuildReport report;
  auto catalog = BuildCatalog(*options, &report);
  ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
  const Catalog& c = **catalog;
  EXPECT_EQ(c.size(), 21102u);
  EXPECT_TRUE(report.errors.empty());
  // SDN aliases/addresses of 2025-12 whose entity is newer than the 2024
  // primary file are reported, not fatal.
  EXPECT_EQ(report.warnings.size(), 7365u);
  std::map<std::string, SourceInfo> by_dataset;
  for (const auto& s : c.sources()) by_dataset[s.dataset] = s;
  ASSERT_EQ(by_dataset.size(), 5u);
  EXPECT_EQ(by_dataset["us_ofac_sdn"].entity_count, 14965u);
  EXPECT_EQ(by_dataset["us_ofac_sdn"].warning_count, 7365u);
  EXPECT_EQ(by_dataset["us_ofac_cons"].entity_count, 442u);
  EXPECT_EQ(by_dataset["un_sc_sanctions"].entity_count, 1003u);
  EXPECT_EQ(by_dataset["gb_hmt_sanctions"].entity_count, 4686u);
  EXPECT_EQ(by_dataset["curated_dprk_itw"].entity_count, 6u);
  // Dates come from the files where they carry one, else from the manifest.
  EXPECT_EQ(by_dataset["un_sc_sanctions"].publication_date, "2026-02-27");
  EXPECT_EQ(by_dataset["gb_hmt_sanctions"].publication_date, "2025-04-10");
  EXPECT_EQ(by_dataset["us_ofac_cons"].publication_date, "2025-12-01");
  // The recorded hashes are the manifest's (the build checked them).
  for (size_t i = 0; i < options->sources.size(); ++i)
    EXPECT_EQ(c.sources()[i].sha256, options->sources[i].sha256) << c.sources()[i].dataset;
  // Every entity carries its dataset, and ids are prefixed with it.
  for (const auto& e : c.entities()) {
    ASSERT_FALSE(e.datasets().empty()) << e.id();
    EXPECT_TRUE(e.id().starts_with(e.datasets().front() + ":")) << e.id();
  }
  const Entity* kim = c.Find("us_ofac_sdn:20157");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->caption(), "KIM, Jong Un");
}

TEST(LoadManifest, ErrorsNameTheManifestAndTheField) {
  TempFolder dir;
  auto load = [&](const std::string& json) {
    std::string path = dir.Write("manifest.json", json);
    auto r = LoadManifest(path);
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find(path), std::string::npos) << r.status().message();
    return r.status();
  };
  Status st = load("not json");
  EXPECT_EQ(st.code(), Status::Code::kParseError);
  EXPECT_NE(st.message().find("not a JSON object"), std::string::npos);
  st = load(R"({"name": "x"})");
  EXPECT_NE(st.message().find("missing array \"sources\""), std::string::npos) << st.message();
  st = load(R"({"sources": [{"path": "a.xml", "format": "un_xml"}]})");
  EXPECT_NE(st.message().find("sources[0]: missing \"dataset\""), std::string::npos)
      << st.message();
  st = load(R"({"sources": [{"dataset": "un", "path": "a.xml"}, {"dataset": "uk"}]})");
  EXPECT_NE(st.message().find("sources[1]: missing \"path\""), std::string::npos) << st.message();
  st = load(R"({"sources": [{"dataset": "un", "path": "a.xml", "format": "un_pdf"}]})");
  EXPECT_NE(st.message().find("sources[0]"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("unknown list format 'un_pdf'"), std::string::npos) << st.message();
  st = load(R"({"sources": [7]})");
  EXPECT_NE(st.message().find("sources[0]: not an object"), std::string::npos) << st.message();

  auto missing = LoadManifest(JoinPath(dir.path(), "absent.json"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("absent.json"), std::string::npos);
}

TEST(LoadManifest, PathsAreRelativeToTheManifest) {
  TempFolder dir;
  std::string path = dir.Write("m.json", R"({"sources": [
      {"dataset": "un", "path": "lists/un.xml", "format": "un_xml"},
      {"dataset": "abs", "path": "/data/x.csv"}]})");
  auto r = LoadManifest(path);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->sources[0].path, JoinPath(dir.path(), "lists/un.xml"));
  EXPECT_EQ(r->sources[1].path, "/data/x.csv");
  EXPECT_EQ(r->sources[1].format, ListFormat::kAuto);
}

TEST(BuildCatalog, Sha256MismatchIsRefused) {
  TempFolder dir;
  std::string wrong(64, 'a');
  nlohmann::json m = {{"sources",
                       {{{"dataset", "un_sc_sanctions"},
                         {"path", UnFile()},
                         {"format", "un_xml"},
                         {"sha256", wrong}}}}};
  auto options = LoadManifest(dir.Write("m.json", m.dump()));
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  BuildReport report;
  auto r = BuildCatalog(*options, &report);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  std::string actual = Sha256Hex(*ReadRawFile(UnFile()));
  EXPECT_EQ(r.status().message(),
            UnFile() + ": sha256 is " + actual + ", the manifest says " + wrong);
  ASSERT_EQ(report.errors.size(), 1u);

  // With the right hash the same manifest builds.
  m["sources"][0]["sha256"] = actual;
  options = LoadManifest(dir.Write("m.json", m.dump()));
  ASSERT_TRUE(options.ok());
  auto ok = BuildCatalog(*options);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ((*ok)->size(), 1003u);
  EXPECT_EQ((*ok)->sources()[0].sha256, actual);
}

TEST(BuildCatalog, LenientBuildSkipsBrokenSources) {
  TempFolder dir;
  std::string broken = dir.Write("broken.xml", "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>");
  BuildOptions options;
  options.sources.push_back({"un_sc_sanctions", UnFile(), ListFormat::kUnXml, "", ""});
  options.sources.push_back({"broken", broken, ListFormat::kUnXml, "", ""});
  auto strict = BuildCatalog(options);
  ASSERT_FALSE(strict.ok());
  EXPECT_NE(strict.status().message().find("broken.xml"), std::string::npos)
      << strict.status().message();

  options.strict = false;
  BuildReport report;
  auto lenient = BuildCatalog(options, &report);
  ASSERT_TRUE(lenient.ok()) << lenient.status().ToString();
  EXPECT_EQ((*lenient)->size(), 1003u);
  ASSERT_EQ((*lenient)->sources().size(), 1u);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_NE(report.errors[0].find("broken.xml"), std::string::npos) << report.errors[0];

  BuildOptions none;
  EXPECT_EQ(BuildCatalog(none).status().code(), Status::Code::kInvalidArgument);
}

TEST(BuildCatalog, OpenCatalogOrListReadsBothKinds) {
  TempFolder dir;
  auto from_list = OpenCatalogOrList(UnFile());
  ASSERT_TRUE(from_list.ok()) << from_list.status().ToString();
  EXPECT_EQ((*from_list)->sources()[0].dataset, "un_sc_sanctions");
  EXPECT_FALSE(IsCatalogFile(UnFile()));
  std::string snapshot = JoinPath(dir.path(), "un.vcat");
  ASSERT_TRUE((*from_list)->Save(snapshot).ok());
  EXPECT_TRUE(IsCatalogFile(snapshot));
  auto from_snapshot = OpenCatalogOrList(snapshot);
  ASSERT_TRUE(from_snapshot.ok()) << from_snapshot.status().ToString();
  EXPECT_EQ((*from_snapshot)->version(), (*from_list)->version());
  auto missing = OpenCatalogOrList(JoinPath(dir.path(), "nothing.xml"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(DefaultDatasetName(ListFormat::kUkOfsi), "gb_hmt_sanctions");
}

// Sets an environment variable for one test and restores it afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(LoadDefaultCatalog, BuildsOnceThenReadsTheCache) {
  TempFolder cache;
  ScopedEnv env("VIGIL_CACHE_DIR", cache.path());
  ScopedEnv data("VIGIL_DATA_DIR", testing::SourcePath("data"));
  auto first = LoadDefaultCatalog();
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ((*first)->size(), 21102u);
  std::vector<std::string> cached;
  for (const auto& e : fs::directory_iterator(cache.path()))
    cached.push_back(e.path().filename().string());
  ASSERT_EQ(cached.size(), 1u);
  std::string manifest = *ReadRawFile(testing::SourcePath("data/manifest.json"));
  EXPECT_EQ(cached[0], "default-" + Sha256Hex(manifest).substr(0, 16) + ".vcat");
  std::string cache_file = JoinPath(cache.path(), cached[0]);
  auto snapshot = Catalog::Load(cache_file);
  ASSERT_TRUE(snapshot.ok()) << snapshot.status().ToString();
  EXPECT_EQ((*snapshot)->version(), (*first)->version());

  // Later calls read the cache: put another catalog there and it is returned.
  auto un = OpenCatalogOrList(UnFile());
  ASSERT_TRUE(un.ok());
  ASSERT_TRUE((*un)->Save(cache_file).ok());
  auto second = LoadDefaultCatalog();
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ((*second)->version(), (*un)->version());
  EXPECT_EQ((*second)->size(), 1003u);

  // A damaged cache file is rebuilt, not trusted.
  ASSERT_TRUE(WriteFileAtomic(cache_file, "VIGILCAT damaged").ok());
  auto third = LoadDefaultCatalog();
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_EQ((*third)->size(), 21102u);
  EXPECT_TRUE(Catalog::Load(cache_file).ok());
}

}  // namespace
}  // namespace vigil
