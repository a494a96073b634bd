#include "vigil/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "core/io.h"
#include "match/query_json.h"
#include "server/http.h"
#include "test_util.h"
#include "vigil/audit.h"

namespace vigil {
namespace {

using nlohmann::json;

constexpr char kDagalo[] = "un_sc_sanctions:SDi.008";  // listed in the 2026-02-27 file only

std::string UnPath(const char* date) {
  return vigil::testing::SharedData(std::string("lists/un_sc/consolidated-") + date + ".xml");
}

std::string MatchBody(const std::string& name, const std::string& extra = "") {
  return R"({"queries":{"q1":{"schema":"Person","properties":{"name":[")" + name + R"("])" + extra +
         "}}}}";
}

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto nov = OpenCatalogOrList(UnPath("2025-11-18"));
    auto feb = OpenCatalogOrList(UnPath("2026-02-27"));
    ASSERT_TRUE(nov.ok() && feb.ok());
    nov_ = new std::shared_ptr<const Catalog>(*nov);
    feb_ = new std::shared_ptr<const Catalog>(*feb);
  }

  void SetUp() override {
    dir_ = vigil::testing::TempDir();
    options_.port = 0;
    options_.db_path = dir_ + "/vigil.db";
    options_.watch = false;
    options_.log = [this](const std::string& line) {
      std::lock_guard lock(log_mu_);
      log_.push_back(line);
    };
  }
  void TearDown() override {
    if (server_) server_->Stop();
  }

  void StartServer(std::shared_ptr<const Catalog> catalog = nullptr) {
    auto s = catalog ? Server::Create(options_, catalog) : Server::Create(options_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    server_ = std::move(*s);
    ASSERT_TRUE(server_->Start().ok());
    ASSERT_GT(server_->port(), 0);
  }
  httplib::Client Client(const std::string& key = "") {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(30);
    if (!key.empty()) c.set_default_headers({{"Authorization", "Bearer " + key}});
    return c;
  }
  static json Body(const httplib::Result& r) {
    EXPECT_TRUE(r) << "request failed";
    if (!r) return json();
    return json::parse(r->body, nullptr, false);
  }

  static std::shared_ptr<const Catalog>* nov_;
  static std::shared_ptr<const Catalog>* feb_;
  std::string dir_;
  ServerOptions options_;
  std::unique_ptr<Server> server_;
  std::mutex log_mu_;
  std::vector<std::string> log_;
};
std::shared_ptr<const Catalog>* ServerTest::nov_ = nullptr;
std::shared_ptr<const Catalog>* ServerTest::feb_ = nullptr;

TEST_F(ServerTest, MatchAnswersInYenteShapeAndNamesTheCatalog) {
  StartServer(*feb_);
  auto c = Client();
  auto r = c.Post("/match/default",
                  R"({"queries":{
                       "q1":{"schema":"Person","properties":{"name":["Abdul Rahim Hamdan Dagalo"],"nationality":["Sudan"]}},
                       "q2":{"schema":"Company","properties":{"name":["Brilliant Amazing Widgets Limited"]}}}})",
                  "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("X-Vigil-Catalog"), (*feb_)->version());
  json j = json::parse(r->body);
  EXPECT_EQ(j["catalog"], (*feb_)->version());
  EXPECT_EQ(j["limit"], 10);
  const json& q1 = j["responses"]["q1"];
  EXPECT_EQ(q1["status"], 200);
  ASSERT_FALSE(q1["results"].empty());
  EXPECT_EQ(q1["results"][0]["id"], kDagalo);
  EXPECT_EQ(q1["results"][0]["match"], true);
  EXPECT_EQ(q1["results"][0]["caption"], "ABDUL RAHIM HAMDAN DAGALO");
  EXPECT_EQ(q1["results"][0]["properties"]["birthDate"][0], "1972-01-01");
  EXPECT_TRUE(q1["results"][0].contains("explanation"));
  EXPECT_EQ(q1["total"]["value"], q1["results"].size());
  EXPECT_EQ(q1["total"]["relation"], "eq");
  EXPECT_EQ(q1["query"]["properties"]["country"][0], "sd");
  EXPECT_EQ(q1["decision"], "alert");
  EXPECT_EQ(j["responses"]["q2"]["decision"], "clear");

  // Per-request options: yente's URL parameters.
  r = c.Post("/match/default?threshold=0.99&limit=1&exclude_entity_ids=" + std::string(kDagalo),
             MatchBody("Abdul Rahim Hamdan Dagalo"), "application/json");
  j = Body(r);
  EXPECT_EQ(j["limit"], 1);
  for (const auto& res : j["responses"]["q1"]["results"]) EXPECT_NE(res["id"], kDagalo);
  // A source dataset answers too; an unknown one is a 404.
  j = Body(
      c.Post("/match/un_sc_sanctions", MatchBody("Abdul Rahim Hamdan Dagalo"), "application/json"));
  EXPECT_EQ(j["responses"]["q1"]["results"][0]["id"], kDagalo);
  r = c.Post("/match/us_ofac_sdn", MatchBody("Abdul Rahim Hamdan Dagalo"), "application/json");
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(Body(r)["detail"].get<std::string>().find("us_ofac_sdn"), std::string::npos);
  // The same filter through the body (include_dataset of another dataset: nothing).
  j = Body(c.Post(
      "/match/default",
      R"({"include_dataset":["gb_hmt_sanctions"],"queries":{"q1":{"schema":"Person","properties":{"name":["Abdul Rahim Hamdan Dagalo"]}}}})",
      "application/json"));
  EXPECT_TRUE(j["responses"]["q1"]["results"].empty());
}

TEST_F(ServerTest, SearchEntitiesCatalogHealthMetricsOpenApi) {
  StartServer(*feb_);
  auto c = Client();
  json j = Body(c.Get("/search/default?q=Hamdan%20Dagalo&limit=3"));
  ASSERT_FALSE(j["results"].empty()) << j.dump();
  EXPECT_EQ(j["results"][0]["id"], kDagalo);
  EXPECT_EQ(j["catalog"], (*feb_)->version());
  EXPECT_EQ(c.Get("/search/default")->status, 400);

  j = Body(c.Get(std::string("/entities/") + kDagalo));
  EXPECT_EQ(j["id"], kDagalo);
  EXPECT_EQ(j["schema"], "Person");
  EXPECT_EQ(j["catalog"], (*feb_)->version());
  EXPECT_EQ(c.Get("/entities/un_sc_sanctions:NOPE")->status, 404);

  j = Body(c.Get("/catalog"));
  EXPECT_EQ(j["catalog"], (*feb_)->version());
  EXPECT_EQ(j["entities"], 1003);
  EXPECT_EQ(j["datasets"][0]["name"], "default");
  EXPECT_EQ(j["datasets"][1]["name"], "un_sc_sanctions");

  EXPECT_EQ(c.Get("/healthz")->status, 200);
  auto ready = c.Get("/readyz");
  EXPECT_EQ(ready->status, 200);
  EXPECT_EQ(Body(ready)["catalog"], (*feb_)->version());

  auto metrics = c.Get("/metrics");
  ASSERT_EQ(metrics->status, 200);
  EXPECT_NE(metrics->body.find("vigil_http_requests_total{route=\"search\",status=\"200\"} 1"),
            std::string::npos)
      << metrics->body;
  EXPECT_NE(metrics->body.find("vigil_catalog_info{version=\"" + (*feb_)->version() + "\"} 1"),
            std::string::npos);
  EXPECT_NE(metrics->body.find("vigil_catalog_entities 1003"), std::string::npos);
  EXPECT_NE(metrics->body.find("vigil_http_request_duration_seconds_bucket{route=\"entities\""),
            std::string::npos);

  j = Body(c.Get("/openapi.json"));
  EXPECT_EQ(j["openapi"], "3.0.3");
  EXPECT_TRUE(j["paths"].contains("/match/{dataset}"));
  EXPECT_TRUE(j["paths"].contains("/cases/decisions"));
  EXPECT_EQ(c.Get("/nowhere")->status, 404);
}

TEST_F(ServerTest, BadRequestsGet4xxWithMessagesNamingTheProblem) {
  options_.max_batch = 3;
  options_.max_query_chars = 200;
  options_.max_body_bytes = 64 * 1024;
  StartServer(*feb_);
  auto c = Client();
  struct Case {
    std::string path, body;
    int status;
    std::string detail_has;
  };
  std::string long_name(300, 'a');
  std::string four =
      R"({"queries":{"a":{"properties":{"name":["x"]}},"b":{"properties":{"name":["x"]}},"c":{"properties":{"name":["x"]}},"d":{"properties":{"name":["x"]}}}})";
  std::vector<Case> cases = {
      {"/match/default", R"({"queries":{"q1":{"schema":"Person",)", 400, "malformed JSON"},
      {"/match/default", "", 400, "malformed JSON"},
      {"/match/default", "[1,2]", 422, "JSON object"},
      {"/match/default", R"({"q1":{}})", 422, "missing field \"queries\""},
      {"/match/default", R"({"queries":[]})", 422, "\"queries\" must be an object"},
      {"/match/default", R"({"queries":{}})", 400, "no queries"},
      {"/match/default", four, 400, "too many queries in one batch: 4 (limit: 3)"},
      {"/match/default", R"({"queries":{"q1":{"schema":"Persn","properties":{"name":["x"]}}}})",
       422, "queries.q1: unknown schema \"Persn\""},
      {"/match/default", R"({"queries":{"q1":{"schema":"Person","properties":["x"]}}})", 422,
       "queries.q1: field \"properties\" must be an object"},
      {"/match/default",
       R"({"queries":{"q1":{"schema":"Person","properties":{"birthDate":["x"]}}}})", 422,
       "queries.q1"},
      {"/match/default",
       R"({"queries":{"q1":{"schema":"Person","properties":{"name":[{"a":1}]}}}})", 422,
       "properties.name must hold strings"},
      {"/match/default", R"({"queries":{"q1":{"schema":7,"properties":{"name":["x"]}}}})", 422,
       "\"schema\" must be a string"},
      {"/match/default", MatchBody(long_name), 422, "300 characters of values; the limit is 200"},
      {"/match/default?threshold=2", MatchBody("x"), 422, "threshold must be between 0 and 1"},
      {"/match/default?limit=abc", MatchBody("x"), 422, "parameter limit must be a number"},
      {"/match/default?limit=0", MatchBody("x"), 422, "limit must be between 1 and 100"},
      {"/match/default", R"({"threshold":"high","queries":{"q1":{"properties":{"name":["x"]}}}})",
       422, "field \"threshold\" must be a number"},
      {"/match/default", std::string(70 * 1024, ' '), 413, "too large"},
      {"/match/default", "{\"queries\":{\"q1\":{\"properties\":{\"name\":[\"\xff\xfe\"]}}}}", 400,
       "malformed JSON"},
  };
  for (const auto& k : cases) {
    auto r = c.Post(k.path, k.body, "application/json");
    ASSERT_TRUE(r) << k.body.substr(0, 80);
    EXPECT_EQ(r->status, k.status) << k.body.substr(0, 80) << " -> " << r->body;
    json j = json::parse(r->body, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r->body;
    EXPECT_EQ(j["status"], k.status);
    EXPECT_NE(j["detail"].get<std::string>().find(k.detail_has), std::string::npos)
        << "got: " << j["detail"] << " wanted: " << k.detail_has;
  }
  // Deeply nested JSON is an error, not a stack overflow.
  std::string deep = std::string(20000, '[') + std::string(20000, ']');
  auto r = c.Post("/match/default", deep, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422);
  // Still alive and answering.
  EXPECT_EQ(c.Get("/healthz")->status, 200);
  EXPECT_EQ(c.Post("/match/default", MatchBody("Dagalo"), "application/json")->status, 200);
}

TEST_F(ServerTest, ApiKeysAreRequiredOnceOneExistsAndCanBeRevoked) {
  std::string screen_key, admin_key, limited_key;
  {
    auto store = std::move(*Store::Open(options_.db_path));
    screen_key = *store->CreateApiKey("onboarding", "screen", 0, 0);
    admin_key = *store->CreateApiKey("ops", "admin", 0, 0);
    limited_key = *store->CreateApiKey("payments", "screen", 0.5, 2);
  }
  StartServer(*feb_);
  auto anon = Client();
  auto r = anon.Post("/match/default", MatchBody("Dagalo"), "application/json");
  EXPECT_EQ(r->status, 401);
  EXPECT_NE(r->body.find("missing API key"), std::string::npos);
  EXPECT_EQ(anon.Get("/healthz")->status, 200);  // probes stay open
  EXPECT_EQ(anon.Get("/metrics")->status, 200);
  r = Client("vgl_0000000000000000000000000000000000000000")
          .Post("/match/default", MatchBody("Dagalo"), "application/json");
  EXPECT_EQ(r->status, 401);
  EXPECT_NE(r->body.find("invalid or revoked"), std::string::npos);

  auto screen = Client(screen_key);
  r = screen.Post("/match/default", MatchBody("Abdul Rahim Hamdan Dagalo"), "application/json");
  ASSERT_EQ(r->status, 200);
  int64_t seq = json::parse(r->body)["responses"]["q1"]["audit_seq"];
  httplib::Client by_header("127.0.0.1", server_->port());
  by_header.set_default_headers({{"X-API-Key", screen_key}});
  EXPECT_EQ(by_header.Get("/catalog")->status, 200);
  // Roles: only an admin key may reload.
  EXPECT_EQ(screen.Post("/admin/reload", "", "application/json")->status, 403);

  // The audit record names the caller and the catalog.
  auto store = std::move(*Store::Open(options_.db_path));
  auto rec = store->Get(seq);
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(rec->caller, "onboarding");
  EXPECT_EQ(rec->kind, "screening");
  EXPECT_EQ(rec->catalog_version, (*feb_)->version());
  EXPECT_EQ(rec->decision, "alert");
  EXPECT_NE(rec->results.find(kDagalo), std::string::npos);

  // Rate limit: 2 requests of burst, then 429 with Retry-After.
  auto limited = Client(limited_key);
  EXPECT_EQ(limited.Get("/catalog")->status, 200);
  EXPECT_EQ(limited.Get("/catalog")->status, 200);
  r = limited.Get("/catalog");
  EXPECT_EQ(r->status, 429);
  EXPECT_FALSE(r->get_header_value("Retry-After").empty());
  EXPECT_NE(r->body.find("rate limit"), std::string::npos);
  EXPECT_EQ(screen.Get("/catalog")->status, 200);  // other keys are not affected

  // Revocation reaches the running server within its refresh interval.
  ASSERT_TRUE(store->RevokeApiKey("onboarding").ok());
  int status = 0;
  for (int i = 0; i < 50 && status != 401; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    status = screen.Get("/catalog")->status;
  }
  EXPECT_EQ(status, 401);
  EXPECT_EQ(Client(admin_key).Get("/catalog")->status, 200);
}

TEST_F(ServerTest, RefusesToServeAnotherAddressWithoutKeys) {
  options_.host = "0.0.0.0";
  auto s = Server::Create(options_, *feb_);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("without API keys"), std::string::npos);
}

TEST_F(ServerTest, ReviewedFalsePositiveIsSuppressedForTheSameQueryAndEntity) {
  StartServer(*feb_);
  auto c = Client();
  std::string body = MatchBody("Abdul Rahim Hamdan Dagalo");
  json j = Body(c.Post("/match/default", body, "application/json"));
  int64_t seq = j["responses"]["q1"]["audit_seq"];
  ASSERT_EQ(j["responses"]["q1"]["results"][0]["id"], kDagalo);

  auto r =
      c.Post("/cases/decisions",
             json{{"audit_seq", seq}, {"entity_id", kDagalo}, {"verdict", "maybe"}, {"reason", "x"}}
                 .dump(),
             "application/json");
  EXPECT_EQ(r->status, 422);
  r = c.Post("/cases/decisions",
             json{{"audit_seq", 999999},
                  {"entity_id", kDagalo},
                  {"verdict", "false_positive"},
                  {"reason", "x"}}
                 .dump(),
             "application/json");
  EXPECT_EQ(r->status, 404);
  r = c.Post("/cases/decisions",
             json{{"audit_seq", seq},
                  {"entity_id", kDagalo},
                  {"verdict", "false_positive"},
                  {"reason", "our customer was born in 1990 in Kenya"},
                  {"analyst", "ana"}}
                 .dump(),
             "application/json");
  ASSERT_EQ(r->status, 201) << r->body;
  json decision = json::parse(r->body);
  EXPECT_EQ(decision["analyst"], "anonymous@127.0.0.1/ana");

  j = Body(c.Post("/match/default", body, "application/json"));
  const json& res = j["responses"]["q1"]["results"][0];
  EXPECT_EQ(res["id"], kDagalo);
  EXPECT_EQ(res["suppressed"], true);
  EXPECT_EQ(res["match"], false);
  EXPECT_EQ(res["review"]["verdict"], "false_positive");
  EXPECT_EQ(j["responses"]["q1"]["decision"], "clear");

  // A different query about the same entity is not suppressed.
  j = Body(c.Post("/match/default",
                  MatchBody("Abdul Rahim Hamdan Dagalo", R"(,"birthDate":["1972"])"),
                  "application/json"));
  EXPECT_FALSE(j["responses"]["q1"]["results"][0].contains("suppressed"));
  EXPECT_EQ(j["responses"]["q1"]["decision"], "alert");

  // The listed entity changes: the decision no longer applies.
  std::vector<Entity> entities = (*feb_)->entities();
  for (auto& e : entities)
    if (e.id() == kDagalo) e.Add(prop::kAlias, "Abdelrahim Hamdan Dagalo");
  ASSERT_TRUE(server_->SwapCatalog(Catalog::Create((*feb_)->sources(), std::move(entities))).ok());
  j = Body(c.Post("/match/default", body, "application/json"));
  EXPECT_FALSE(j["responses"]["q1"]["results"][0].contains("suppressed"));
  EXPECT_EQ(j["responses"]["q1"]["decision"], "alert");

  j = Body(c.Get("/cases/decisions?entity_id=" + std::string(kDagalo)));
  ASSERT_EQ(j["decisions"].size(), 1u);
  EXPECT_EQ(j["decisions"][0]["reason"], "our customer was born in 1990 in Kenya");
  auto store = std::move(*Store::Open(options_.db_path));
  EXPECT_TRUE(store->Verify()->ok());
}

// Many requests in flight while the catalog is swapped back and forth: none
// fails, and each answer is consistent with the version it names.
TEST_F(ServerTest, SwapsUnderLoadFailNoRequestAndAnswersNameTheirVersion) {
  options_.threads = 16;
  options_.rate_per_second = 0;  // this test is about swaps, not rate limits
  StartServer(*nov_);
  const std::string nov = (*nov_)->version(), feb = (*feb_)->version();
  ASSERT_NE(nov, feb);
  std::atomic<int> failures{0}, done_clients{0}, inconsistent{0};
  std::mutex seen_mu;
  std::map<int64_t, std::string> seq_version;
  std::set<std::string> versions;
  constexpr int kClients = 6, kRequests = 40;
  std::vector<std::thread> clients;
  for (int t = 0; t < kClients; ++t) {
    clients.emplace_back([&] {
      auto c = Client();
      for (int i = 0; i < kRequests; ++i) {
        auto r =
            c.Post("/match/default", MatchBody("Abdul Rahim Hamdan Dagalo"), "application/json");
        if (!r || r->status != 200) {
          failures++;
          std::lock_guard lock(seen_mu);
          if (failures.load() < 4)
            ADD_FAILURE() << (r ? std::to_string(r->status) + " " + r->body
                                : httplib::to_string(r.error()));
          continue;
        }
        json j = json::parse(r->body);
        std::string v = j["catalog"];
        bool has_dagalo = false;
        for (const auto& res : j["responses"]["q1"]["results"]) has_dagalo |= res["id"] == kDagalo;
        // SDi.008 was added in February: only the February catalog knows it.
        if ((v == feb) != has_dagalo || (v != feb && v != nov)) inconsistent++;
        if (r->get_header_value("X-Vigil-Catalog") != v) inconsistent++;
        std::lock_guard lock(seen_mu);
        versions.insert(v);
        seq_version[j["responses"]["q1"]["audit_seq"]] = v;
      }
      done_clients++;
    });
  }
  int swaps = 0;
  while (done_clients.load() < kClients && swaps < 400) {
    ASSERT_TRUE(server_->SwapCatalog(swaps % 2 ? *nov_ : *feb_).ok());
    ++swaps;
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(inconsistent.load(), 0);
  EXPECT_GE(swaps, 1);
  EXPECT_EQ(seq_version.size(), static_cast<size_t>(kClients * kRequests));
  // The audit trail agrees with every answer on the version used.
  auto store = std::move(*Store::Open(options_.db_path));
  for (const auto& [seq, v] : seq_version) EXPECT_EQ(store->Get(seq)->catalog_version, v);
  EXPECT_TRUE(store->Verify()->ok());
}

TEST_F(ServerTest, BrokenCatalogKeepsTheOldOneServingAndSaysWhy) {
  std::string path = dir_ + "/un.xml";
  ASSERT_TRUE(WriteFileAtomic(path, *ReadFile(UnPath("2025-11-18"))).ok());
  options_.catalog_path = path;
  StartServer();
  std::string nov = server_->catalog_version();
  ASSERT_TRUE(WriteFileAtomic(path, "<CONSOLIDATED_LIST><INDIVIDUALS><INDI").ok());
  auto c = Client();
  auto r = c.Post("/admin/reload", "", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422);
  EXPECT_NE(r->body.find("still serving " + nov), std::string::npos) << r->body;
  EXPECT_EQ(server_->catalog_version(), nov);
  json j = Body(c.Get("/catalog"));
  EXPECT_EQ(j["catalog"], nov);
  EXPECT_TRUE(j["last_reload_error"].is_string());
  EXPECT_EQ(c.Get("/readyz")->status, 200);
  EXPECT_NE(c.Get("/metrics")->body.find("vigil_catalog_load_failures_total 1"), std::string::npos);
  EXPECT_EQ(c.Post("/match/default", MatchBody("Dagalo"), "application/json")->status, 200);

  ASSERT_TRUE(WriteFileAtomic(path, *ReadFile(UnPath("2026-02-27"))).ok());
  r = c.Post("/admin/reload", "", "application/json");
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["catalog"], (*feb_)->version());
  EXPECT_TRUE(Body(c.Get("/catalog"))["last_reload_error"].is_null());
}

TEST_F(ServerTest, WatchesTheCatalogFileAndSwapsWhenItChanges) {
  std::string path = dir_ + "/un.xml";
  ASSERT_TRUE(WriteFileAtomic(path, *ReadFile(UnPath("2025-11-18"))).ok());
  options_.catalog_path = path;
  options_.watch = true;
  options_.watch_interval_ms = 100;
  StartServer();
  EXPECT_EQ(server_->catalog_version(), (*nov_)->version());
  ASSERT_TRUE(WriteFileAtomic(path, *ReadFile(UnPath("2026-02-27"))).ok());
  std::string v;
  for (int i = 0; i < 100 && v != (*feb_)->version(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    v = server_->catalog_version();
  }
  EXPECT_EQ(v, (*feb_)->version());
  // RequestReload (what SIGHUP does) reloads the same file again.
  server_->RequestReload();
  bool swapped_again = false;
  for (int i = 0; i < 100 && !swapped_again; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::lock_guard lock(log_mu_);
    int n = 0;
    for (const auto& l : log_)
      n += l.find("now serving catalog " + (*feb_)->version()) != std::string::npos;
    swapped_again = n >= 2;
  }
  EXPECT_TRUE(swapped_again);
}

TEST(ParseMatchRequest, ReadsOptionsFromUrlAndBody) {
  ServerOptions limits;
  QueryParams params;
  params.values = {{"threshold", "0.7"}, {"include_dataset", "a"}, {"include_dataset", "b"}};
  MatchRequest out;
  RequestError err;
  ASSERT_TRUE(ParseMatchRequest(
      R"({"limit":3,"exclude_entity_ids":["x"],"queries":{"z":{"properties":{"name":"Kim"}},"a":{"schema":"Vessel","properties":{"imoNumber":["9123456"]}}}})",
      params, limits, &out, &err))
      << err.detail;
  EXPECT_EQ(out.options.threshold, 0.7);
  EXPECT_EQ(out.options.cutoff, 0.5);
  EXPECT_EQ(out.options.limit, 3u);
  EXPECT_EQ(out.options.include_datasets, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(out.options.exclude_entity_ids, (std::vector<std::string>{"x"}));
  ASSERT_EQ(out.queries.size(), 2u);
  EXPECT_EQ(out.queries[0].first, "a");
  EXPECT_EQ(out.queries[0].second.identifiers[0].kind, "imoNumber");
  EXPECT_EQ(out.queries[1].second.id, "z");
  params.values = {{"threshold", "0.4"}};
  ASSERT_TRUE(ParseMatchRequest(R"({"queries":{"q":{"properties":{"name":["Kim"]}}}})", params,
                                limits, &out, &err));
  EXPECT_EQ(out.options.cutoff, 0.4);  // never above the threshold
}

}  // namespace
}  // namespace vigil
