// `vigil update` against an in-process HTTP server on 127.0.0.1 that serves the
// real list files of ../shared/data under their official paths.
#include "vigil/update.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/io.h"
#include "lists/xlsx_reader.h"
#include "test_util.h"
#include "update/httplib_config.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kOfac = "/api/PublicationPreview/exports/";
constexpr std::string_view kUnPath = "/resources/xml/en/consolidated.xml";
constexpr std::string_view kUkPath = "/publishlive/2022format/ConList.csv";

std::string Read(const std::string& path) {
  auto r = ReadFile(path);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : std::string();
}

std::string CsvField(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// OFSI publishes the list as ConList.csv; the shared data holds the same
// columns as a spreadsheet, so the server gets a CSV made from it.
std::string UkCsvFromXlsx() {
  std::string bytes = Read(testing::SharedData("lists/gb_uk/UK_Sanctions_List-2025-04-10.xlsx"));
  auto sheet = ReadXlsxFirstSheet(bytes, "UK_Sanctions_List-2025-04-10.xlsx");
  EXPECT_TRUE(sheet.ok()) << sheet.status().ToString();
  if (!sheet.ok()) return "";
  size_t width = 0;
  for (const auto& row : sheet->rows) width = std::max(width, row.cells.size());
  std::string csv;
  for (const auto& row : sheet->rows) {
    for (size_t i = 0; i < width; ++i) {
      if (i) csv += ',';
      if (i < row.cells.size()) csv += CsvField(row.cells[i]);
    }
    csv += "\r\n";
  }
  return csv;
}

using FileMap = std::map<std::string, std::string>;

// The official paths and what the shared data holds for each.
const FileMap& OfficialFiles() {
  static const FileMap* files = [] {
    auto* m = new FileMap();
    std::string o(kOfac);
    (*m)[o + "SDN.CSV"] = Read(testing::SharedData("lists/us_ofac_sdn/sdn-2024-05-03.csv"));
    (*m)[o + "ALT.CSV"] = Read(testing::SharedData("lists/us_ofac_sdn/2025-12/alt.csv"));
    (*m)[o + "ADD.CSV"] = Read(testing::SharedData("lists/us_ofac_sdn/2025-12/add.csv"));
    (*m)[o + "SDN_COMMENTS.CSV"] =
        Read(testing::SharedData("lists/us_ofac_sdn/2025-12/sdn_comments.csv"));
    (*m)[o + "CONS_PRIM.CSV"] =
        Read(testing::SharedData("lists/us_ofac_cons/2025-12/cons_prim.csv"));
    (*m)[o + "CONS_ALT.CSV"] = Read(testing::SharedData("lists/us_ofac_cons/2025-12/cons_alt.csv"));
    (*m)[o + "CONS_ADD.CSV"] = Read(testing::SharedData("lists/us_ofac_cons/2025-12/cons_add.csv"));
    (*m)[o + "CONS_COMMENTS.CSV"] =
        Read(testing::SharedData("lists/us_ofac_cons/2025-12/cons_comments.csv"));
    (*m)[std::string(kUnPath)] =
        Read(testing::SharedData("lists/un_sc/consolidated-2026-02-27.xml"));
    (*m)[std::string(kUkPath)] = UkCsvFromXlsx();
    return m;
  }();
  return *files;
}

// Serves a FileMap on 127.0.0.1 (ephemeral port); unknown paths are 404.
// `fail_first[path] = n` answers the first n requests for path with HTTP 503.
class ListServer {
 public:
  explicit ListServer(FileMap files, std::map<std::string, int> fail_first = {})
      : files_(std::move(files)), fail_first_(std::move(fail_first)) {
    server_.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mu_);
      ++requests_[req.path];
      if (auto f = fail_first_.find(req.path); f != fail_first_.end() && f->second > 0) {
        --f->second;
        res.status = 503;
        res.set_content("busy", "text/plain");
        return;
      }
      auto it = files_.find(req.path);
      if (it == files_.end()) {
        res.status = 404;
        res.set_content("not found", "text/plain");
        return;
      }
      res.set_content(it->second, "application/octet-stream");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    // bind_to_any_port also listens, so requests queue until the loop runs.
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // stop() does nothing until the accept loop runs, so wait for it.
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~ListServer() { Stop(); }
  void Stop() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  int port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int requests(const std::string& path) {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_[path];
  }

 private:
  httplib::Server server_;
  FileMap files_;
  std::map<std::string, int> fail_first_;
  std::map<std::string, int> requests_;
  std::mutex mu_;
  std::thread thread_;
  int port_ = -1;
};

std::string SourcesFile() { return testing::SourcePath("data/sources.json"); }

// A sources file with only some datasets of data/sources.json (local paths
// made absolute so that the file can live elsewhere).
std::string SubsetSources(const std::string& dir, const std::vector<std::string>& datasets) {
  nlohmann::json j = nlohmann::json::parse(Read(SourcesFile()));
  nlohmann::json kept = nlohmann::json::array();
  for (auto s : j["sources"]) {
    if (std::find(datasets.begin(), datasets.end(), s["dataset"]) == datasets.end()) continue;
    if (s.contains("path")) s["path"] = testing::SourcePath("data/" + s["path"].get<std::string>());
    kept.push_back(s);
  }
  j["sources"] = kept;
  std::string path = JoinPath(dir, "sources.json");
  EXPECT_TRUE(WriteFileAtomic(path, j.dump(2)).ok());
  return path;
}

class UpdateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    output_ = JoinPath(dir_, "catalog.vcat");
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  // An older catalog at the output path: the UN list of 2025-11-18.
  void WriteOldCatalog() {
    auto old = OpenCatalogOrList(testing::SharedData("lists/un_sc/consolidated-2025-11-18.xml"));
    ASSERT_TRUE(old.ok()) << old.status().ToString();
    ASSERT_EQ((*old)->size(), 1000u);
    ASSERT_TRUE((*old)->Save(output_).ok());
    old_bytes_ = Read(output_);
  }
  UpdateOptions Options(const ListServer& server, std::string sources = "") const {
    UpdateOptions o;
    o.sources_path = sources.empty() ? SourcesFile() : sources;
    o.base_url = server.base_url();
    o.output = output_;
    o.connect_timeout_seconds = 5;
    o.read_timeout_seconds = 10;
    o.attempts = 2;
    o.retry_delay_ms = 1;
    return o;
  }
  void ExpectOldCatalogUntouched() {
    ASSERT_TRUE(PathExists(output_));
    EXPECT_EQ(Read(output_), old_bytes_);
    // No temporary file is left beside it either.
    size_t files = 0;
    for (const auto& e : fs::directory_iterator(dir_)) files += e.path().extension() != ".json";
    EXPECT_EQ(files, 1u);
  }

  std::string dir_, output_, old_bytes_;
};

TEST(UpdateSources, ShippedSourcesNameTheOfficialAddresses) {
  auto sources = LoadUpdateSources(SourcesFile());
  ASSERT_TRUE(sources.ok()) << sources.status().ToString();
  ASSERT_EQ(sources->size(), 5u);
  const auto& sdn = (*sources)[0];
  EXPECT_EQ(sdn.dataset, "us_ofac_sdn");
  EXPECT_EQ(sdn.format, ListFormat::kOfacCsv);
  ASSERT_EQ(sdn.files.size(), 4u);
  EXPECT_EQ(sdn.files[0].role, "primary");
  EXPECT_EQ(sdn.files[0].url,
            "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV");
  EXPECT_EQ(sdn.files[3].url,
            "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
            "SDN_COMMENTS.CSV");
  const auto& cons = (*sources)[1];
  EXPECT_EQ(cons.dataset, "us_ofac_cons");
  ASSERT_EQ(cons.files.size(), 4u);
  EXPECT_EQ(cons.files[0].url,
            "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
            "CONS_PRIM.CSV");
  const auto& un = (*sources)[2];
  EXPECT_EQ(un.format, ListFormat::kUnXml);
  ASSERT_EQ(un.files.size(), 1u);
  EXPECT_EQ(un.files[0].url, "https://scsanctions.un.org/resources/xml/en/consolidated.xml");
  const auto& uk = (*sources)[3];
  EXPECT_EQ(uk.format, ListFormat::kUkOfsi);
  EXPECT_EQ(uk.files[0].url,
            "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv");
  const auto& curated = (*sources)[4];
  EXPECT_TRUE(curated.files.empty());
  EXPECT_TRUE(PathExists(curated.path)) << curated.path;
  EXPECT_EQ(curated.sha256, Sha256Hex(*ReadRawFile(curated.path)));
}

TEST(UpdateSources, ErrorsNameFileSourceAndField) {
  std::string dir = testing::TempDir();
  std::string path = JoinPath(dir, "bad-sources.json");
  auto load = [&](const std::string& json) {
    EXPECT_TRUE(WriteFileAtomic(path, json).ok());
    auto r = LoadUpdateSources(path);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kParseError);
    EXPECT_NE(r.status().message().find(path), std::string::npos) << r.status().message();
    return r.status().message();
  };
  EXPECT_NE(load("[1,2]").find("not a JSON object"), std::string::npos);
  EXPECT_NE(load(R"({"sources": []})").find("\"sources\""), std::string::npos);
  EXPECT_NE(load(R"({"sources": [{"format": "un_xml", "url": "https://a/b"}]})")
                .find("sources[0]: missing \"dataset\""),
            std::string::npos);
  EXPECT_NE(load(R"({"sources": [{"dataset": "un", "url": "https://a/b"}]})")
                .find("sources[0] (un): missing \"format\""),
            std::string::npos);
  std::string m =
      load(R"({"sources": [{"dataset": "un", "format": "un_pdf", "url": "https://a"}]})");
  EXPECT_NE(m.find("\"format\""), std::string::npos) << m;
  EXPECT_NE(m.find("un_pdf"), std::string::npos) << m;
  m = load(R"({"sources": [{"dataset": "un", "format": "un_xml", "url": "ftp://a/b"}]})");
  EXPECT_NE(m.find("\"url\""), std::string::npos) << m;
  EXPECT_NE(m.find("ftp://a/b"), std::string::npos) << m;
  m = load(R"({"sources": [{"dataset": "un", "format": "un_xml"}]})");
  EXPECT_NE(m.find("exactly one of"), std::string::npos) << m;
  m = load(R"({"sources": [{"dataset": "sdn", "format": "ofac_csv",
                "files": {"primary": "https://a/SDN.CSV", "aka": "https://a/ALT.CSV"}}]})");
  EXPECT_NE(m.find("\"files.aka\": unknown role"), std::string::npos) << m;
  m = load(R"({"sources": [{"dataset": "sdn", "format": "ofac_csv",
                "files": {"aliases": "https://a/ALT.CSV"}}]})");
  EXPECT_NE(m.find("missing \"files.primary\""), std::string::npos) << m;
  m = load(R"({"sources": [{"dataset": "un", "format": "un_xml", "url": "https://a/x"},
                           {"dataset": "un", "format": "un_xml", "url": "https://a/y"}]})");
  EXPECT_NE(m.find("sources[1] (un): dataset listed twice"), std::string::npos) << m;
  fs::remove_all(dir);
}

TEST(UpdateSources, RebaseUrlKeepsPathAndQuery) {
  auto r = RebaseUrl("https://scsanctions.un.org/resources/xml/en/consolidated.xml",
                     "http://127.0.0.1:8080");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, "http://127.0.0.1:8080/resources/xml/en/consolidated.xml");
  r = RebaseUrl("https://host.example/a/SDN.CSV?x=1#frag", "https://mirror.example/lists/");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "https://mirror.example/lists/a/SDN.CSV?x=1");
  EXPECT_FALSE(RebaseUrl("https://host/a", "mirror.example").ok());
  EXPECT_FALSE(RebaseUrl("https://host/a", "http://user@mirror/").ok());
  EXPECT_FALSE(RebaseUrl("https://host/a", "http://mirror/?q=1").ok());
}

// The whole default catalog, downloaded: the same lists as data/ gives the
// same counts as `vigil catalog build` (21102 entities).
TEST_F(UpdateTest, BuildsTheCatalogFromEveryOfficialFile) {
  WriteOldCatalog();
  ListServer server(OfficialFiles());
  UpdateOptions options = Options(server);
  std::vector<std::string> progress;
  options.progress = [&](const std::string& m) { progress.push_back(m); };
  auto result = UpdateCatalog(options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const Catalog& c = *result->catalog;
  EXPECT_EQ(c.size(), 21102u);
  ASSERT_EQ(c.sources().size(), 5u);
  std::map<std::string, uint64_t> counts;
  for (const auto& s : c.sources()) counts[s.dataset] = s.entity_count;
  EXPECT_EQ(counts["us_ofac_sdn"], 14965u);
  EXPECT_EQ(counts["us_ofac_cons"], 442u);
  EXPECT_EQ(counts["un_sc_sanctions"], 1003u);
  EXPECT_EQ(counts["gb_hmt_sanctions"], 4686u);
  EXPECT_EQ(counts["curated_dprk_itw"], 6u);
  EXPECT_EQ(c.sources()[2].publication_date, "2026-02-27");
  EXPECT_EQ(c.sources()[3].publication_date, "2025-04-10");
  EXPECT_EQ(c.sources()[2].path, server.base_url() + std::string(kUnPath));
  EXPECT_EQ(c.sources()[2].sha256, Sha256Hex(OfficialFiles().at(std::string(kUnPath))));
  // Every official file was fetched exactly once.
  ASSERT_EQ(result->downloads.size(), 10u);
  for (const auto& [path, bytes] : OfficialFiles()) EXPECT_EQ(server.requests(path), 1) << path;
  EXPECT_EQ(result->downloads[0].bytes, OfficialFiles().at(std::string(kOfac) + "SDN.CSV").size());
  EXPECT_EQ(progress.front(), "downloading " + server.base_url() + std::string(kOfac) + "SDN.CSV");

  // Records arrive as the parsers read them from the files.
  const Entity* kim = c.Find("us_ofac_sdn:20157");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->caption(), "KIM, Jong Un");
  EXPECT_NE(c.Find("un_sc_sanctions:SDi.010"), nullptr);
  EXPECT_NE(c.Find("gb_hmt_sanctions:12441"), nullptr);

  // The file on disk is the new catalog.
  auto saved = Catalog::Load(output_);
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ((*saved)->version(), c.version());
  EXPECT_EQ((*saved)->size(), 21102u);

  // Compared with the old UN-only catalog: one UN record delisted, four new
  // ones, two edited, and everything from the other lists is new.
  ASSERT_NE(result->previous, nullptr);
  EXPECT_EQ(result->diff.removed, std::vector<std::string>{"un_sc_sanctions:IQi.074"});
  EXPECT_EQ(result->diff.added.size(), 21102u - 999u);
  for (const char* id : {"un_sc_sanctions:SDi.007", "un_sc_sanctions:SDi.010"})
    EXPECT_TRUE(
        std::binary_search(result->diff.added.begin(), result->diff.added.end(), std::string(id)))
        << id;
  std::vector<std::string> changed;
  for (const auto& ch : result->diff.changed) changed.push_back(ch.id);
  EXPECT_EQ(changed,
            (std::vector<std::string>{"un_sc_sanctions:HTi.006", "un_sc_sanctions:SOi.022"}));

  std::string summary = FormatUpdateSummary(*result);
  EXPECT_NE(summary.find("catalog " + c.version() + " written to " + output_ +
                         ": 21102 entities from 5 sources"),
            std::string::npos)
      << summary;
  EXPECT_NE(summary.find("20103 added, 1 removed, 2 changed"), std::string::npos) << summary;
  EXPECT_NE(summary.find("un_sc_sanctions      +4 -1 ~2"), std::string::npos) << summary;
  EXPECT_NE(summary.find("us_ofac_sdn          +14965 -0 ~0"), std::string::npos) << summary;
  // The temporary download folder is gone.
  for (const auto& d : result->downloads) EXPECT_TRUE(d.file.empty());
}

TEST_F(UpdateTest, MissingFileLeavesTheOldCatalog) {
  WriteOldCatalog();
  FileMap files = OfficialFiles();
  files.erase(std::string(kOfac) + "ADD.CSV");
  ListServer server(files);
  auto result = UpdateCatalog(Options(server));
  ASSERT_FALSE(result.ok());
  const std::string& m = result.status().message();
  EXPECT_EQ(result.status().code(), Status::Code::kIOError);
  EXPECT_NE(m.find(server.base_url() + std::string(kOfac) + "ADD.CSV: HTTP 404"), std::string::npos)
      << m;
  // A 404 is an answer, not a hiccup: no retry, and nothing after it is fetched.
  EXPECT_EQ(server.requests(std::string(kOfac) + "ADD.CSV"), 1);
  EXPECT_EQ(server.requests(std::string(kUnPath)), 0);
  ExpectOldCatalogUntouched();
}

TEST_F(UpdateTest, TruncatedXmlIsAParseErrorNamingTheUrl) {
  WriteOldCatalog();
  FileMap files = OfficialFiles();
  std::string& un = files[std::string(kUnPath)];
  un.resize(un.size() / 2);
  ListServer server(files);
  auto result = UpdateCatalog(Options(server, SubsetSources(dir_, {"un_sc_sanctions"})));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kParseError);
  const std::string& m = result.status().message();
  EXPECT_TRUE(m.starts_with(server.base_url() + std::string(kUnPath) + ":")) << m;
  EXPECT_EQ(m.find("vigil-update-"), std::string::npos) << "names the temp file: " << m;
  ExpectOldCatalogUntouched();
}

TEST_F(UpdateTest, GarbledListIsRefused) {
  WriteOldCatalog();
  FileMap files = OfficialFiles();
  // What a proxy or maintenance page looks like: HTTP 200, but not the list.
  files[std::string(kUkPath)] = "<html><body>Service temporarily unavailable</body></html>\n";
  ListServer server(files);
  auto result =
      UpdateCatalog(Options(server, SubsetSources(dir_, {"un_sc_sanctions", "gb_hmt_sanctions"})));
  ASSERT_FALSE(result.ok());
  const std::string& m = result.status().message();
  EXPECT_NE(m.find(server.base_url() + std::string(kUkPath)), std::string::npos) << m;
  ExpectOldCatalogUntouched();
}

TEST_F(UpdateTest, ServerDownIsAnErrorAfterBoundedRetries) {
  WriteOldCatalog();
  ListServer server(OfficialFiles());
  std::string base = server.base_url();
  server.Stop();  // nothing listens on that port any more
  UpdateOptions options = Options(server);
  auto result = UpdateCatalog(options);
  ASSERT_FALSE(result.ok());
  const std::string& m = result.status().message();
  EXPECT_EQ(result.status().code(), Status::Code::kIOError);
  EXPECT_NE(m.find(base + std::string(kOfac) + "SDN.CSV: could not connect (after 2 attempts)"),
            std::string::npos)
      << m;
  ExpectOldCatalogUntouched();
}

TEST_F(UpdateTest, NothingIsWrittenWhenThereWasNoCatalog) {
  ListServer server(OfficialFiles());
  server.Stop();
  UpdateOptions options = Options(server, SubsetSources(dir_, {"un_sc_sanctions"}));
  options.attempts = 1;
  auto result = UpdateCatalog(options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(),
            server.base_url() + std::string(kUnPath) + ": could not connect");
  EXPECT_FALSE(PathExists(output_));
}

TEST_F(UpdateTest, ServerErrorsAreRetried) {
  ListServer server(OfficialFiles(), {{std::string(kUnPath), 1}});
  auto result = UpdateCatalog(Options(server, SubsetSources(dir_, {"un_sc_sanctions"})));
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(server.requests(std::string(kUnPath)), 2);
  ASSERT_EQ(result->downloads.size(), 1u);
  EXPECT_EQ(result->downloads[0].attempts, 2);
  EXPECT_EQ(result->catalog->size(), 1003u);
  EXPECT_EQ(result->previous, nullptr);
  EXPECT_NE(FormatUpdateSummary(*result).find("no previous catalog at " + output_),
            std::string::npos);
}

TEST_F(UpdateTest, RetriesAreBounded) {
  WriteOldCatalog();
  ListServer server(OfficialFiles(), {{std::string(kUnPath), 100}});
  UpdateOptions options = Options(server, SubsetSources(dir_, {"un_sc_sanctions"}));
  options.attempts = 3;
  auto result = UpdateCatalog(options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(), server.base_url() + std::string(kUnPath) +
                                           ": HTTP 503 Service Unavailable (after 3 attempts)");
  EXPECT_EQ(server.requests(std::string(kUnPath)), 3);
  ExpectOldCatalogUntouched();
}

TEST_F(UpdateTest, OversizeFileIsRefused) {
  WriteOldCatalog();
  ListServer server(OfficialFiles());
  UpdateOptions options = Options(server);
  options.max_file_bytes = 1 << 20;  // SDN.CSV is 3.9 MB
  auto result = UpdateCatalog(options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(), server.base_url() + std::string(kOfac) +
                                           "SDN.CSV: larger than the limit of 1048576 bytes");
  ExpectOldCatalogUntouched();
}

TEST_F(UpdateTest, ListThatLostMostRecordsNeedsForce) {
  WriteOldCatalog();
  // A well-formed UN list that holds only its first individual.
  FileMap files = OfficialFiles();
  std::string& un = files[std::string(kUnPath)];
  size_t end = un.find("</INDIVIDUAL>");
  ASSERT_NE(end, std::string::npos);
  un = un.substr(0, end) + "</INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>\n";
  ListServer server(files);
  UpdateOptions options = Options(server, SubsetSources(dir_, {"un_sc_sanctions"}));
  auto result = UpdateCatalog(options);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find(
                server.base_url() + std::string(kUnPath) +
                ": only 1 entities for un_sc_sanctions, the previous catalog had 1000"),
            std::string::npos)
      << result.status().message();
  ExpectOldCatalogUntouched();

  options.min_kept_fraction = 0;  // --force
  result = UpdateCatalog(options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->catalog->size(), 1u);
  EXPECT_EQ(result->diff.removed.size(), 999u);
}

TEST_F(UpdateTest, KeepDownloadsLeavesTheFiles) {
  ListServer server(OfficialFiles());
  UpdateOptions options = Options(server, SubsetSources(dir_, {"us_ofac_cons"}));
  options.keep_downloads = JoinPath(dir_, "downloads");
  auto result = UpdateCatalog(options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->catalog->size(), 442u);
  ASSERT_EQ(result->downloads.size(), 4u);
  for (const auto& d : result->downloads) {
    EXPECT_EQ(d.file, JoinPath(options.keep_downloads, "us_ofac_cons/" + BaseName(d.url)));
    auto bytes = ReadRawFile(d.file);
    ASSERT_TRUE(bytes.ok()) << d.file;
    EXPECT_EQ(Sha256Hex(*bytes), d.sha256);
    EXPECT_EQ(*bytes, OfficialFiles().at(std::string(kOfac) + BaseName(d.url)));
  }
}

TEST_F(UpdateTest, RefusesToReplaceAFileThatIsNotACatalog) {
  ASSERT_TRUE(WriteFileAtomic(output_, "my notes\n").ok());
  ListServer server(OfficialFiles());
  auto result = UpdateCatalog(Options(server, SubsetSources(dir_, {"un_sc_sanctions"})));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(result.status().message().find("is not a vigil catalog"), std::string::npos);
  EXPECT_EQ(server.requests(std::string(kUnPath)), 0);
  EXPECT_EQ(Read(output_), "my notes\n");
}

TEST_F(UpdateTest, TamperedLocalSourceIsRefused) {
  std::string sources = SubsetSources(dir_, {"curated_dprk_itw"});
  nlohmann::json j = nlohmann::json::parse(Read(sources));
  j["sources"][0]["sha256"] = std::string(64, '0');
  ASSERT_TRUE(WriteFileAtomic(sources, j.dump()).ok());
  ListServer server(OfficialFiles());
  auto result = UpdateCatalog(Options(server, sources));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kCorruption);
  EXPECT_NE(result.status().message().find("dprk-it-workers-2025.ftm.json: sha256 is"),
            std::string::npos)
      << result.status().message();
  EXPECT_FALSE(PathExists(output_));
}

// TLS is compiled in: an https address reaches the handshake, and a failure
// there is reported with the address (the test server speaks plain HTTP).
TEST_F(UpdateTest, HttpsFailureNamesTheUrl) {
  ListServer server(OfficialFiles());
  UpdateOptions options = Options(server, SubsetSources(dir_, {"un_sc_sanctions"}));
  options.base_url = "https://127.0.0.1:" + std::to_string(server.port());
  options.attempts = 1;
  auto result = UpdateCatalog(options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(),
            options.base_url + std::string(kUnPath) + ": the TLS (https) handshake failed");
  EXPECT_FALSE(PathExists(output_));
}

}  // namespace
}  // namespace vigil
