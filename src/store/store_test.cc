#include <gtest/gtest.h>
#include <sqlite3.h>

#include <sstream>
#include <thread>

#include "core/csv.h"
#include "core/io.h"
#include "match/query_json.h"
#include "store/batch_audit.h"
#include "test_util.h"
#include "vigil/audit.h"
#include "vigil/catalog.h"

namespace vigil {
namespace {

AuditRecord Screening(int i) {
  AuditRecord r;
  r.kind = "screening";
  r.caller = "onboarding";
  r.catalog_version = "20260227-test";
  r.query = R"({"id":"q)" + std::to_string(i) +
            R"(","schema":"Person","properties":{"name":["Kim, \"Jong\" Un"]}})";
  r.results = R"({"query_hash":"abc","total":0,"results":[]})";
  r.decision = i % 2 ? "alert" : "clear";
  return r;
}

// Tampering as an attacker with file access would: raw SQL, triggers dropped.
void RawSql(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
  std::string msg = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(h);
  ASSERT_EQ(rc, SQLITE_OK) << msg;
}

int RawSqlCode(const std::string& db, const std::string& sql, std::string* msg) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  char* err = nullptr;
  int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
  *msg = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(h);
  return rc;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = vigil::testing::TempDir() + "/store.db";
    auto s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
    for (int i = 1; i <= 6; ++i) ASSERT_TRUE(store_->Append(Screening(i)).ok());
  }
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, ChainIsIntactAndLinked) {
  auto report = store_->Verify();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->ok());
  EXPECT_EQ(report->records, 6u);
  EXPECT_EQ(report->last_seq, 6);
  auto r3 = store_->Get(3), r4 = store_->Get(4);
  ASSERT_TRUE(r3.ok() && r4.ok());
  EXPECT_EQ(r4->prev_hash, r3->hash);
  EXPECT_EQ(r3->hash.size(), 64u);
  EXPECT_EQ(report->head_hash, store_->Get(6)->hash);
  EXPECT_EQ(store_->Get(1)->prev_hash, std::string(64, '0'));
}

TEST_F(StoreTest, TriggersRefuseEditsThroughSql) {
  std::string msg;
  EXPECT_NE(RawSqlCode(path_, "UPDATE audit_log SET decision = 'clear' WHERE seq = 3", &msg),
            SQLITE_OK);
  EXPECT_NE(msg.find("append-only"), std::string::npos) << msg;
  EXPECT_NE(RawSqlCode(path_, "DELETE FROM audit_log WHERE seq = 3", &msg), SQLITE_OK);
  EXPECT_TRUE(store_->Verify()->ok());
}

TEST_F(StoreTest, VerifyDetectsAnUpdate) {
  RawSql(path_,
         "DROP TRIGGER audit_log_no_update; "
         "UPDATE audit_log SET decision = 'clear' WHERE seq = 3");
  auto report = store_->Verify();
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_NE(report->problems[0].find("record 3"), std::string::npos) << report->problems[0];
  EXPECT_NE(report->problems[0].find("hash mismatch"), std::string::npos);
}

TEST_F(StoreTest, VerifyDetectsAReplacedHash) {
  // A forger who rewrites record 3's hash breaks the link from record 4.
  RawSql(path_, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET hash = '" +
                    std::string(64, 'f') + "' WHERE seq = 3");
  auto report = store_->Verify();
  ASSERT_FALSE(report->ok());
  bool saw_link = false;
  for (const auto& p : report->problems) saw_link |= p.find("record 4: does not link") == 0;
  EXPECT_TRUE(saw_link);
}

TEST_F(StoreTest, VerifyDetectsADeletionInTheMiddle) {
  RawSql(path_, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2");
  auto report = store_->Verify();
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_EQ(report->problems[0], "record 2 is missing (deleted)");
  EXPECT_EQ(report->records, 5u);
}

TEST_F(StoreTest, VerifyDetectsADeletionAtTheEnd) {
  RawSql(path_, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq >= 5");
  auto report = store_->Verify();
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_EQ(report->problems[0], "records 5..6 are missing at the end of the log (deleted)");
}

TEST_F(StoreTest, ExpectedHeadCatchesARewrittenLog) {
  std::string head = store_->Verify()->head_hash;
  EXPECT_TRUE(store_->Verify(head)->ok());
  // Truncate the log and the head consistently: only the noted head shows it.
  auto r4 = store_->Get(4);
  RawSql(path_,
         "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq >= 5; "
         "UPDATE audit_head SET seq = 4, hash = '" +
             r4->hash + "'");
  EXPECT_TRUE(store_->Verify()->ok());
  auto report = store_->Verify(head);
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_NE(report->problems[0].find("expected head"), std::string::npos);
}

TEST_F(StoreTest, AppendsFromSeveralConnectionsStayOneChain) {
  auto other = Store::Open(path_);
  ASSERT_TRUE(other.ok());
  std::thread a([&] {
    for (int i = 0; i < 40; ++i) ASSERT_TRUE(store_->Append(Screening(i)).ok());
  });
  std::thread b([&] {
    for (int i = 0; i < 40; ++i) ASSERT_TRUE((*other)->Append(Screening(i)).ok());
  });
  a.join();
  b.join();
  auto report = store_->Verify();
  EXPECT_TRUE(report->ok()) << (report->problems.empty() ? "" : report->problems[0]);
  EXPECT_EQ(report->records, 86u);
}

TEST_F(StoreTest, ExportsCsvAndJsonLines) {
  std::ostringstream csv;
  AuditExportOptions o;
  o.format = AuditExportOptions::Format::kCsv;
  o.from_seq = 2;
  o.to_seq = 5;
  auto n = store_->Export(o, csv);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 4u);
  std::string text = csv.str();
  CsvReader reader(text, "export.csv");
  std::vector<std::string> row;
  ASSERT_TRUE(reader.Next(&row));
  EXPECT_EQ(row[0], "seq");
  ASSERT_TRUE(reader.Next(&row));
  ASSERT_EQ(row.size(), 10u);
  EXPECT_EQ(row[0], "2");
  EXPECT_EQ(row[6], Screening(2).query);  // commas and quotes survive
  EXPECT_EQ(row[9], store_->Get(2)->hash);

  std::ostringstream jsonl;
  o = AuditExportOptions();
  o.kind = "screening";
  ASSERT_EQ(*store_->Export(o, jsonl), 6u);
  std::istringstream lines(jsonl.str());
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["kind"], "screening");
    EXPECT_EQ(j["query"]["properties"]["name"][0], "Kim, \"Jong\" Un");
    ++count;
  }
  EXPECT_EQ(count, 6);
}

TEST_F(StoreTest, ApiKeysAreStoredHashedAndCanBeRevoked) {
  ApiKey info;
  auto secret = store_->CreateApiKey("onboarding", "screen", 5, 10, &info);
  ASSERT_TRUE(secret.ok()) << secret.status().ToString();
  EXPECT_EQ(secret->rfind("vgl_", 0), 0u);
  EXPECT_EQ(secret->size(), 44u);
  EXPECT_EQ(info.prefix, secret->substr(0, 10));
  auto found = store_->FindApiKey(*secret);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->name, "onboarding");
  EXPECT_EQ((*found)->rate_per_second, 5);
  EXPECT_FALSE(store_->FindApiKey(*secret + "x")->has_value());
  EXPECT_FALSE(store_->CreateApiKey("onboarding", "screen", 0, 0).ok());  // names are unique
  EXPECT_FALSE(store_->CreateApiKey("x", "root", 0, 0).ok());
  // The secret itself is nowhere in the file.
  store_.reset();
  auto bytes = ReadFile(path_);
  std::string wal = ReadFile(path_ + "-wal").ok() ? *ReadFile(path_ + "-wal") : "";
  EXPECT_EQ(bytes->find(*secret), std::string::npos);
  EXPECT_EQ(wal.find(*secret), std::string::npos);
  store_ = std::move(*Store::Open(path_));
  ASSERT_TRUE(store_->RevokeApiKey("onboarding").ok());
  EXPECT_FALSE(store_->FindApiKey(*secret)->has_value());
  EXPECT_EQ(store_->RevokeApiKey("onboarding").code(), Status::Code::kNotFound);
  auto keys = store_->ListApiKeys();
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_TRUE((*keys)[0].revoked());
  EXPECT_TRUE(store_->Verify()->ok());  // key events are in the chain too
}

class BatchAuditTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c =
        OpenCatalogOrList(vigil::testing::SharedData("lists/un_sc/consolidated-2026-02-27.xml"));
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    catalog_ = new std::shared_ptr<const Catalog>(*c);
    matcher_ = Matcher::Create(*catalog_).release();
  }
  static std::shared_ptr<const Catalog>* catalog_;
  static Matcher* matcher_;
};
std::shared_ptr<const Catalog>* BatchAuditTest::catalog_ = nullptr;
Matcher* BatchAuditTest::matcher_ = nullptr;

TEST_F(BatchAuditTest, FalsePositiveIsSuppressedUntilQueryOrEntityChanges) {
  auto store = std::move(*Store::Open(vigil::testing::TempDir() + "/b.db"));
  auto queries = ParseQueriesJsonl(
      R"({"id":"a","schema":"Person","properties":{"name":["Abdul Rahim Hamdan Dagalo"]}}
{"id":"b","schema":"Person","properties":{"name":["Maria Example Nobody"]}})",
      "batch.jsonl");
  ASSERT_TRUE(queries.ok());
  BatchOptions opts;
  auto first = ScreenAndRecord(*store, *matcher_, *queries, opts, "batch:test");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_FALSE((*first)[0].results.empty());
  EXPECT_EQ((*first)[0].results[0].entity->id(), "un_sc_sanctions:SDi.008");
  EXPECT_EQ((*first)[0].decision, "alert");
  EXPECT_EQ((*first)[1].decision, "clear");
  EXPECT_EQ((*first)[0].audit_seq, 1);
  EXPECT_EQ((*first)[1].audit_seq, 2);

  auto d = store->DecideOnRecord((*first)[0].audit_seq, "un_sc_sanctions:SDi.008",
                                 CaseDecision::Verdict::kFalsePositive,
                                 "customer born 1990, different person", "analyst:ana");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->entity_hash, EntityFingerprint(*(*catalog_)->Find("un_sc_sanctions:SDi.008")));
  EXPECT_EQ(store
                ->DecideOnRecord(2, "un_sc_sanctions:SDi.008",
                                 CaseDecision::Verdict::kFalsePositive, "r", "a")
                .status()
                .code(),
            Status::Code::kNotFound);

  // Same query, same entity: suppressed, and the screening is clear.
  auto second = ScreenAndRecord(*store, *matcher_, *queries, opts, "batch:test");
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE((*second)[0].suppressed[0]);
  EXPECT_FALSE((*second)[0].results[0].match);
  EXPECT_EQ((*second)[0].decision, "clear");

  // The query changes (a birth date added): the decision does not apply.
  auto changed = ParseQueriesJsonl(
      R"({"id":"a","schema":"Person","properties":{"name":["Abdul Rahim Hamdan Dagalo"],"birthDate":["1972"]}})",
      "batch.jsonl");
  auto third = ScreenAndRecord(*store, *matcher_, *changed, opts, "batch:test");
  EXPECT_FALSE((*third)[0].suppressed[0]);
  EXPECT_EQ((*third)[0].decision, "alert");

  // The entity changes (a new alias on the list): the decision does not apply.
  std::vector<Entity> entities = (*catalog_)->entities();
  for (auto& e : entities)
    if (e.id() == "un_sc_sanctions:SDi.008") e.Add(prop::kAlias, "Abdelrahim Dagalo");
  auto edited = Catalog::Create((*catalog_)->sources(), std::move(entities));
  auto edited_matcher = Matcher::Create(edited);
  auto fourth = ScreenAndRecord(*store, *edited_matcher, *queries, opts, "batch:test");
  EXPECT_FALSE((*fourth)[0].suppressed[0]);
  EXPECT_EQ((*fourth)[0].decision, "alert");

  auto active = store->ActiveDecision(d->query_hash, "un_sc_sanctions:SDi.008", d->entity_hash);
  ASSERT_TRUE(active.ok() && active->has_value());
  EXPECT_EQ((*active)->reason, "customer born 1990, different person");
  EXPECT_FALSE(
      store->ActiveDecision(d->query_hash, "un_sc_sanctions:SDi.008", "other")->has_value());
  EXPECT_TRUE(store->Verify()->ok());
  EXPECT_EQ(store->Verify()->records, 2u + 1u + 2u + 1u + 2u);
}

}  // namespace
}  // namespace vigil
