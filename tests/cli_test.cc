// End-to-end tests of the built `vigil` binary: catalog build/info/diff,
// screening single names and batch files, usage errors, and `vigil update`
// against an in-process HTTP server on 127.0.0.1. Every run gets its own
// VIGIL_CACHE_DIR so that nothing outside the temporary folder is touched.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "core/io.h"
#include "test_util.h"
#include "update/httplib_config.h"
#include "vigil/catalog.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::string UnOld() { return testing::SharedData("lists/un_sc/consolidated-2025-11-18.xml"); }
std::string UnNew() { return testing::SharedData("lists/un_sc/consolidated-2026-02-27.xml"); }

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

// Runs vigil with `args` (already quoted) and VIGIL_CACHE_DIR=<dir>/cache;
// stdout to *out, stderr to *err (or into *out when err is null).
int RunVigil(const std::string& dir, const std::string& args, std::string* out, std::string* err) {
  std::string err_file = JoinPath(dir, "stderr.txt");
  std::string command = "VIGIL_CACHE_DIR=" + Quote(JoinPath(dir, "cache")) + " " +
                        Quote(testing::VigilBinary()) + " " + args +
                        (err ? " 2>" + Quote(err_file) : " 2>&1");
  int rc = testing::RunCommand(command, out);
  if (err) {
    auto text = ReadRawFile(err_file);
    *err = text.ok() ? *text : "";
  }
  return rc;
}

// One temporary folder (and one default catalog built by `vigil catalog
// build`) for the whole suite.
class CliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(testing::TempDir());
    fs::create_directories(JoinPath(*dir_, "cache"));
    catalog_ = new std::string(JoinPath(*dir_, "default.vcat"));
    build_output_ = new std::string();
    build_rc_ = Vigil("catalog build -o " + Quote(*catalog_), build_output_, nullptr);
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(*dir_, ec);
    delete dir_;
    delete catalog_;
    delete build_output_;
  }

  static int Vigil(const std::string& args, std::string* out, std::string* err) {
    return RunVigil(*dir_, args, out, err);
  }
  static std::string Path(const std::string& name) { return JoinPath(*dir_, name); }
  static std::string Write(const std::string& name, const std::string& text) {
    std::string p = Path(name);
    EXPECT_TRUE(WriteFileAtomic(p, text).ok());
    return p;
  }

  static std::string* dir_;
  static std::string* catalog_;
  static std::string* build_output_;
  static int build_rc_;
};
std::string* CliTest::dir_ = nullptr;
std::string* CliTest::catalog_ = nullptr;
std::string* CliTest::build_output_ = nullptr;
int CliTest::build_rc_ = -1;

TEST_F(CliTest, CatalogBuildWritesTheDefaultCatalog) {
  ASSERT_EQ(build_rc_, 0) << *build_output_;
  auto c = Catalog::Load(*catalog_);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ((*c)->size(), 21102u);
  EXPECT_NE(build_output_->find("catalog " + (*c)->version()), std::string::npos);
  EXPECT_NE(build_output_->find("entities 21102"), std::string::npos) << *build_output_;
  EXPECT_NE(build_output_->find("wrote " + *catalog_), std::string::npos) << *build_output_;
}

TEST_F(CliTest, CatalogInfo) {
  ASSERT_EQ(build_rc_, 0);
  std::string out;
  ASSERT_EQ(Vigil("catalog info " + Quote(*catalog_), &out, nullptr), 0) << out;
  auto c = Catalog::Load(*catalog_);
  ASSERT_TRUE(c.ok());
  EXPECT_NE(out.find((*c)->version()), std::string::npos) << out;
  for (const char* dataset :
       {"us_ofac_sdn", "us_ofac_cons", "un_sc_sanctions", "gb_hmt_sanctions", "curated_dprk_itw"})
    EXPECT_NE(out.find(dataset), std::string::npos) << dataset;
  EXPECT_NE(out.find("14965"), std::string::npos);
}

TEST_F(CliTest, CatalogInfoJsonParses) {
  ASSERT_EQ(build_rc_, 0);
  std::string out, err;
  ASSERT_EQ(Vigil("catalog info --json " + Quote(*catalog_), &out, &err), 0) << err;
  nlohmann::json j = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << out;
  auto c = Catalog::Load(*catalog_);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(j["version"], (*c)->version());
  EXPECT_EQ(j["entities"], 21102);
  ASSERT_EQ(j["sources"].size(), 5u);
  EXPECT_EQ(j["sources"][2]["dataset"], "un_sc_sanctions");
  EXPECT_EQ(j["sources"][2]["entities"], 1003);
  EXPECT_EQ(j["counts"]["un_sc_sanctions"]["Person"], 730);
  EXPECT_EQ(j["counts"]["un_sc_sanctions"]["Organization"], 273);
}

TEST_F(CliTest, CatalogDiffOfTwoRawUnFiles) {
  std::string out, err;
  ASSERT_EQ(Vigil("catalog diff " + Quote(UnOld()) + " " + Quote(UnNew()), &out, &err), 0) << err;
  EXPECT_NE(out.find("4 added, 1 removed, 2 changed"), std::string::npos) << out;
  for (const char* line :
       {"+ un_sc_sanctions:SDi.007", "+ un_sc_sanctions:SDi.010", "- un_sc_sanctions:IQi.074",
        "~ un_sc_sanctions:HTi.006", "~ un_sc_sanctions:SOi.022"})
    EXPECT_NE(out.find(line), std::string::npos) << line << "\n" << out;

  ASSERT_EQ(Vigil("catalog diff --json " + Quote(UnOld()) + " " + Quote(UnNew()), &out, &err), 0)
      << err;
  nlohmann::json j = nlohmann::json::parse(out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << out;
  EXPECT_EQ(j["added"],
            (std::vector<std::string>{"un_sc_sanctions:SDi.007", "un_sc_sanctions:SDi.008",
                                      "un_sc_sanctions:SDi.009", "un_sc_sanctions:SDi.010"}));
  EXPECT_EQ(j["removed"], std::vector<std::string>{"un_sc_sanctions:IQi.074"});
  ASSERT_EQ(j["changed"].size(), 2u);
  EXPECT_EQ(j["changed"][0]["fields"][0]["field"], "notes");
}

// No --catalog: the default catalog, built from data/ and cached in
// VIGIL_CACHE_DIR.
TEST_F(CliTest, ScreenKimJongUnWithTheDefaultCatalog) {
  std::string out, err;
  ASSERT_EQ(Vigil("screen 'Kim Jong Un' --schema Person", &out, &err), 0) << err;
  std::vector<std::string> lines = Lines(out);
  ASSERT_GE(lines.size(), 3u) << out;
  // The best result is the SDN entry, a certain match.
  EXPECT_NE(lines[2].find("us_ofac_sdn:20157"), std::string::npos) << out;
  EXPECT_NE(lines[2].find("1.000  yes"), std::string::npos) << out;
  EXPECT_NE(lines[2].find("KIM, Jong Un"), std::string::npos) << out;
  size_t cached = 0;
  for (const auto& e : fs::directory_iterator(Path("cache")))
    cached += e.path().extension() == ".vcat";
  EXPECT_EQ(cached, 1u);
}

void ExpectResultShape(const nlohmann::json& r) {
  ASSERT_TRUE(r.is_object()) << r.dump();
  EXPECT_TRUE(r["id"].is_string()) << r.dump();
  EXPECT_TRUE(r["score"].is_number()) << r.dump();
  EXPECT_TRUE(r["match"].is_boolean()) << r.dump();
  EXPECT_TRUE(r["caption"].is_string()) << r.dump();
  EXPECT_TRUE(r["schema"].is_string()) << r.dump();
  EXPECT_TRUE(r["datasets"].is_array()) << r.dump();
  EXPECT_TRUE(r["explanation"].is_object()) << r.dump();
}

TEST_F(CliTest, ScreenJsonlInputWritesOneLinePerQuery) {
  ASSERT_EQ(build_rc_, 0);
  std::string input = Write(
      "queries.jsonl",
      R"({"id":"q-kim","schema":"Person","properties":{"name":["Kim Jong Un"],"birthDate":["1984-01-08"]}})"
      "\n"
      R"({"id":"q-org","schema":"Organization","properties":{"name":["Korea Mining Development Trading Corporation"]}})"
      "\n"
      R"({"id":"q-none","schema":"Person","properties":{"name":["Zyxwv Qoppa"]}})"
      "\n");
  std::string output = Path("results.jsonl");
  std::string out, err;
  ASSERT_EQ(Vigil("screen --no-progress --input " + Quote(input) + " -o " + Quote(output) +
                      " --catalog " + Quote(*catalog_),
                  &out, &err),
            0)
      << err;
  auto text = ReadRawFile(output);
  ASSERT_TRUE(text.ok());
  std::vector<std::string> lines = Lines(*text);
  ASSERT_EQ(lines.size(), 3u) << *text;
  auto c = Catalog::Load(*catalog_);
  ASSERT_TRUE(c.ok());
  std::vector<std::string> ids;
  for (const auto& line : lines) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << line;
    ids.push_back(j["id"]);
    EXPECT_EQ(j["catalog"], (*c)->version());
    ASSERT_TRUE(j["results"].is_array());
    for (const auto& r : j["results"]) ExpectResultShape(r);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"q-kim", "q-org", "q-none"}));
  nlohmann::json kim = nlohmann::json::parse(lines[0]);
  ASSERT_FALSE(kim["results"].empty());
  EXPECT_EQ(kim["results"][0]["id"], "us_ofac_sdn:20157");
  EXPECT_EQ(kim["results"][0]["match"], true);
  EXPECT_EQ(kim["results"][0]["datasets"], std::vector<std::string>{"us_ofac_sdn"});
  nlohmann::json org = nlohmann::json::parse(lines[1]);
  ASSERT_FALSE(org["results"].empty());
  EXPECT_EQ(org["results"][0]["match"], true);
  EXPECT_EQ(org["results"][0]["schema"], "Organization");
  nlohmann::json none = nlohmann::json::parse(lines[2]);
  for (const auto& r : none["results"]) EXPECT_EQ(r["match"], false) << r.dump();
}

TEST_F(CliTest, ScreenCsvInput) {
  std::string input = Write("queries.csv",
                            "id,name,schema,birth_date,country\n"
                            "c1,Kim Jong Sik,Person,,kp\n"
                            "c2,Korea Ryonbong General Corporation,Organization,,\n"
                            "c3,John Smith,Person,1970,us\n");
  std::string out, err;
  ASSERT_EQ(Vigil("screen --no-progress --input " + Quote(input) + " --catalog " + Quote(UnNew()),
                  &out, &err),
            0)
      << err;
  std::vector<std::string> lines = Lines(out);
  ASSERT_EQ(lines.size(), 3u) << out;
  std::vector<std::string> ids;
  for (const auto& line : lines) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << line;
    ids.push_back(j["id"]);
    for (const auto& r : j["results"]) ExpectResultShape(r);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"c1", "c2", "c3"}));
  nlohmann::json c1 = nlohmann::json::parse(lines[0]);
  ASSERT_FALSE(c1["results"].empty());
  EXPECT_EQ(c1["results"][0]["caption"], "KIM JONG SIK");
  EXPECT_EQ(c1["results"][0]["datasets"], std::vector<std::string>{"un_sc_sanctions"});
  nlohmann::json c2 = nlohmann::json::parse(lines[1]);
  ASSERT_FALSE(c2["results"].empty());
  EXPECT_EQ(c2["results"][0]["caption"], "KOREA RYONBONG GENERAL CORPORATION");
}

TEST_F(CliTest, MalformedJsonlLineFailsWithFileAndLine) {
  std::string input =
      Write("bad.jsonl", R"({"id":"q1","schema":"Person","properties":{"name":["Kim Jong Un"]}})"
                         "\n"
                         R"({"id":"q2","schema":)"
                         "\n");
  std::string output = Path("bad-results.jsonl");
  std::string out, err;
  int rc = Vigil("screen --no-progress --input " + Quote(input) + " -o " + Quote(output) +
                     " --catalog " + Quote(UnNew()),
                 &out, &err);
  EXPECT_NE(rc, 0);
  EXPECT_NE(err.find(input + ":2"), std::string::npos) << err;
  EXPECT_FALSE(PathExists(output));
}

TEST_F(CliTest, UsageErrorsExitWithTwo) {
  std::string out;
  EXPECT_EQ(Vigil("frobnicate", &out, nullptr), 2) << out;
  EXPECT_EQ(Vigil("catalog frobnicate", &out, nullptr), 2) << out;
  EXPECT_EQ(Vigil("screen --no-such-option 'Kim'", &out, nullptr), 2) << out;
  EXPECT_EQ(Vigil("screen", &out, nullptr), 2) << out;  // neither a name nor --input
  // Help is not an error.
  EXPECT_EQ(Vigil("--help", &out, nullptr), 0) << out;
}

// Serves the UN list under its official path, on 127.0.0.1.
class UnServer {
 public:
  explicit UnServer(bool serve_list) {
    std::string body = serve_list ? *ReadRawFile(UnNew()) : "";
    server_.Get("/resources/xml/en/consolidated.xml",
                [body](const httplib::Request&, httplib::Response& res) {
                  if (body.empty()) {
                    res.status = 404;
                    return;
                  }
                  res.set_content(body, "application/xml");
                });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~UnServer() {
    server_.stop();
    thread_.join();
  }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = -1;
};

class CliUpdateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    // `update --help` succeeds either way (CLI11 handles --help first), so
    // look for the subcommand in the list instead.
    std::string out;
    if (Vigil("--help", &out, nullptr) != 0 || out.find("\n  update ") == std::string::npos)
      GTEST_SKIP() << "`vigil update` is not registered in apps/vigil/main.cc yet";
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  int Vigil(const std::string& args, std::string* out, std::string* err) const {
    return RunVigil(dir_, args, out, err);
  }
  std::string Path(const std::string& name) const { return JoinPath(dir_, name); }
  std::string Write(const std::string& name, const std::string& text) const {
    std::string p = Path(name);
    EXPECT_TRUE(WriteFileAtomic(p, text).ok());
    return p;
  }

  std::string dir_;
};

TEST_F(CliUpdateTest, DownloadsBuildsAndThenFailsSafe) {
  std::string sources = Write("un-sources.json", R"({"sources": [{"dataset": "un_sc_sanctions",
      "format": "un_xml", "url": "https://scsanctions.un.org/resources/xml/en/consolidated.xml"}]})");
  std::string output = Path("updated.vcat");
  std::string url;
  std::string out, err;
  {
    UnServer server(/*serve_list=*/true);
    url = server.base_url() + "/resources/xml/en/consolidated.xml";
    ASSERT_EQ(Vigil("update --sources " + Quote(sources) + " --base-url " + server.base_url() +
                        " -o " + Quote(output),
                    &out, &err),
              0)
        << err;
  }
  auto c = Catalog::Load(output);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ((*c)->size(), 1003u);
  EXPECT_NE(out.find("catalog " + (*c)->version() + " written to " + output +
                     ": 1003 entities from 1 sources"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("no previous catalog"), std::string::npos) << out;
  EXPECT_NE(err.find("downloading " + url), std::string::npos) << err;
  std::string before = *ReadRawFile(output);

  // The list is gone from the server: the update fails and names the address.
  UnServer server(/*serve_list=*/false);
  url = server.base_url() + "/resources/xml/en/consolidated.xml";
  int rc = Vigil("update --attempts 1 --sources " + Quote(sources) + " --base-url " +
                     server.base_url() + " -o " + Quote(output),
                 &out, &err);
  EXPECT_EQ(rc, 1);
  EXPECT_NE(err.find(url + ": HTTP 404"), std::string::npos) << err;
  EXPECT_NE(err.find(output + " was left unchanged"), std::string::npos) << err;
  EXPECT_EQ(*ReadRawFile(output), before);
}

TEST_F(CliUpdateTest, ServerDownNamesTheFirstOfficialAddress) {
  int port;
  {
    UnServer server(false);
    port = std::stoi(server.base_url().substr(server.base_url().rfind(':') + 1));
  }
  std::string output = Path("never.vcat");
  std::string out, err;
  int rc = Vigil("update --attempts 1 --base-url http://127.0.0.1:" + std::to_string(port) +
                     " -o " + Quote(output),
                 &out, &err);
  EXPECT_EQ(rc, 1);
  EXPECT_NE(err.find("http://127.0.0.1:" + std::to_string(port) +
                     "/api/PublicationPreview/exports/SDN.CSV: could not connect"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("nothing was written"), std::string::npos) << err;
  EXPECT_FALSE(PathExists(output));
}

}  // namespace
}  // namespace vigil
