// The store: audit chain, case decisions and API keys in one SQLite file.
#include <fmt/format.h>
#include <openssl/rand.h>

#include <mutex>
#include <nlohmann/json.hpp>

#include "core/io.h"
#include "lists/ftm_writer.h"
#include "match/query_json.h"
#include "store/db.h"
#include "vigil/audit.h"

namespace vigil {
namespace {

constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

constexpr const char* kAuditSchema = R"sql(
CREATE TABLE IF NOT EXISTS audit_log(
  seq INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  kind TEXT NOT NULL,
  caller TEXT NOT NULL,
  catalog_version TEXT NOT NULL,
  query TEXT NOT NULL,
  results TEXT NOT NULL,
  decision TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit_head(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)sql";

constexpr const char* kStoreSchema = R"sql(
CREATE TABLE IF NOT EXISTS case_decisions(
  id INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  analyst TEXT NOT NULL,
  query_hash TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  entity_hash TEXT NOT NULL,
  verdict TEXT NOT NULL,
  reason TEXT NOT NULL,
  catalog_version TEXT NOT NULL,
  audit_seq INTEGER NOT NULL,
  decision_seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS case_decisions_pair ON case_decisions(query_hash, entity_id);
CREATE TABLE IF NOT EXISTS api_keys(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  key_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  role TEXT NOT NULL,
  rate_per_second REAL NOT NULL,
  burst REAL NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT);
)sql";

std::string ChainHash(const AuditRecord& r) {
  Sha256 h;
  // Length-prefixed fields: no two different records hash the same text.
  auto field = [&h](std::string_view v) {
    h.Update(std::to_string(v.size()));
    h.Update(":");
    h.Update(v);
  };
  field(r.prev_hash);
  field(std::to_string(r.seq));
  field(r.time);
  field(r.kind);
  field(r.caller);
  field(r.catalog_version);
  field(r.query);
  field(r.results);
  field(r.decision);
  return h.HexDigest();
}

AuditRecord RecordFromRow(const store::Stmt& s) {
  AuditRecord r;
  r.seq = s.Int(0);
  r.time = s.Text(1);
  r.kind = s.Text(2);
  r.caller = s.Text(3);
  r.catalog_version = s.Text(4);
  r.query = s.Text(5);
  r.results = s.Text(6);
  r.decision = s.Text(7);
  r.prev_hash = s.Text(8);
  r.hash = s.Text(9);
  return r;
}

constexpr const char* kRecordColumns =
    "seq, time, kind, caller, catalog_version, query, results, decision, prev_hash, hash";

std::string CsvField(std::string_view v) {
  if (v.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

CaseDecision DecisionFromRow(const store::Stmt& s) {
  CaseDecision d;
  d.id = s.Int(0);
  d.time = s.Text(1);
  d.analyst = s.Text(2);
  d.query_hash = s.Text(3);
  d.entity_id = s.Text(4);
  d.entity_hash = s.Text(5);
  d.verdict = s.Text(6) == "true_match" ? CaseDecision::Verdict::kTrueMatch
                                        : CaseDecision::Verdict::kFalsePositive;
  d.reason = s.Text(7);
  d.catalog_version = s.Text(8);
  d.audit_seq = s.Int(9);
  d.decision_seq = s.Int(10);
  return d;
}

constexpr const char* kDecisionColumns =
    "id, time, analyst, query_hash, entity_id, entity_hash, verdict, reason, catalog_version, "
    "audit_seq, decision_seq";

ApiKey KeyFromRow(const store::Stmt& s) {
  ApiKey k;
  k.id = s.Int(0);
  k.name = s.Text(1);
  k.prefix = s.Text(2);
  k.role = s.Text(3);
  k.rate_per_second = s.Double(4);
  k.burst = s.Double(5);
  k.created_at = s.Text(6);
  k.revoked_at = s.IsNull(7) ? "" : s.Text(7);
  return k;
}

constexpr const char* kKeyColumns =
    "id, name, prefix, role, rate_per_second, burst, created_at, revoked_at";

}  // namespace

std::string_view VerdictName(CaseDecision::Verdict v) {
  return v == CaseDecision::Verdict::kTrueMatch ? "true_match" : "false_positive";
}

Result<CaseDecision::Verdict> ParseVerdict(std::string_view text) {
  if (text == "true_match" || text == "match" || text == "true-match")
    return CaseDecision::Verdict::kTrueMatch;
  if (text == "false_positive" || text == "false-positive" || text == "fp")
    return CaseDecision::Verdict::kFalsePositive;
  return Status::InvalidArgument(
      fmt::format("verdict must be \"true_match\" or \"false_positive\", got \"{}\"", text));
}

std::string QueryFingerprint(const Query& query) {
  nlohmann::json j = QueryToJson(query);
  j.erase("id");
  return Sha256Hex(DumpJson(j)).substr(0, 32);
}

std::string EntityFingerprint(const Entity& entity) {
  return Sha256Hex(EntityToFtmJson(entity)).substr(0, 32);
}

std::string AuditResultsJson(const std::string& query_hash, const std::vector<MatchResult>& results,
                             const std::vector<std::string>& entity_hashes,
                             const std::vector<bool>& suppressed) {
  nlohmann::json arr = nlohmann::json::array();
  for (size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    nlohmann::json j = {{"id", r.entity->id()},
                        {"caption", r.entity->caption()},
                        {"schema", r.entity->schema()},
                        {"score", std::round(r.score * 10000.0) / 10000.0},
                        {"match", r.match}};
    if (i < entity_hashes.size()) j["entity_hash"] = entity_hashes[i];
    if (i < suppressed.size() && suppressed[i]) j["suppressed"] = true;
    arr.push_back(std::move(j));
  }
  return DumpJson(
      {{"query_hash", query_hash}, {"total", results.size()}, {"results", std::move(arr)}});
}

std::string ScreeningDecision(const std::vector<MatchResult>& results,
                              const std::vector<bool>& suppressed) {
  for (size_t i = 0; i < results.size(); ++i)
    if (results[i].match && !(i < suppressed.size() && suppressed[i])) return "alert";
  return "clear";
}

namespace store {

Status CreateAuditSchema(Db* db) { return db->Exec(kAuditSchema); }

Result<int64_t> AppendInTransaction(Db* db, AuditRecord* r) {
  VIGIL_ASSIGN_OR_RETURN(Stmt head, db->Prepare("SELECT seq, hash FROM audit_head WHERE id = 1"));
  int64_t last_seq = 0;
  std::string last_hash(kGenesisHash);
  if (head.Step()) {
    last_seq = head.Int(0);
    last_hash = head.Text(1);
  }
  VIGIL_RETURN_IF_ERROR(head.status());
  r->seq = last_seq + 1;
  if (r->time.empty()) r->time = NowIso();
  r->prev_hash = last_hash;
  r->hash = ChainHash(*r);
  VIGIL_ASSIGN_OR_RETURN(
      Stmt ins, db->Prepare("INSERT INTO audit_log(seq, time, kind, caller, catalog_version, "
                            "query, results, decision, prev_hash, hash) "
                            "VALUES(?,?,?,?,?,?,?,?,?,?)"));
  ins.Bind(1, r->seq)
      .Bind(2, r->time)
      .Bind(3, r->kind)
      .Bind(4, r->caller)
      .Bind(5, r->catalog_version)
      .Bind(6, r->query)
      .Bind(7, r->results)
      .Bind(8, r->decision)
      .Bind(9, r->prev_hash)
      .Bind(10, r->hash);
  VIGIL_RETURN_IF_ERROR(ins.Run());
  VIGIL_ASSIGN_OR_RETURN(Stmt up, db->Prepare("INSERT INTO audit_head(id, seq, hash) VALUES(1,?,?) "
                                              "ON CONFLICT(id) DO UPDATE SET seq=excluded.seq, "
                                              "hash=excluded.hash"));
  up.Bind(1, r->seq).Bind(2, r->hash);
  VIGIL_RETURN_IF_ERROR(up.Run());
  return r->seq;
}

}  // namespace store

struct Store::Impl {
  std::mutex mu;
  std::unique_ptr<store::Db> db;
};

Store::Store() : impl_(std::make_unique<Impl>()) {}
Store::~Store() = default;

const std::string& Store::path() const { return impl_->db->path(); }

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  VIGIL_ASSIGN_OR_RETURN(auto db, store::Db::Open(path));
  VIGIL_RETURN_IF_ERROR(store::CreateAuditSchema(db.get()));
  VIGIL_RETURN_IF_ERROR(db->Exec(kStoreSchema));
  std::unique_ptr<Store> s(new Store());
  s->impl_->db = std::move(db);
  return s;
}

Result<int64_t> Store::Append(AuditRecord record) {
  std::vector<AuditRecord> v;
  v.push_back(std::move(record));
  VIGIL_ASSIGN_OR_RETURN(auto seqs, AppendAll(std::move(v)));
  return seqs.front();
}

Result<std::vector<int64_t>> Store::AppendAll(std::vector<AuditRecord> records) {
  std::lock_guard lock(impl_->mu);
  store::Transaction tx(impl_->db.get());
  VIGIL_RETURN_IF_ERROR(tx.status());
  std::vector<int64_t> seqs;
  for (auto& r : records) {
    VIGIL_ASSIGN_OR_RETURN(int64_t seq, store::AppendInTransaction(impl_->db.get(), &r));
    seqs.push_back(seq);
  }
  VIGIL_RETURN_IF_ERROR(tx.Commit());
  return seqs;
}

Result<AuditRecord> Store::Get(int64_t seq) {
  std::lock_guard lock(impl_->mu);
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt s,
      impl_->db->Prepare(fmt::format("SELECT {} FROM audit_log WHERE seq = ?", kRecordColumns)));
  s.Bind(1, seq);
  if (!s.Step()) {
    VIGIL_RETURN_IF_ERROR(s.status());
    return Status::NotFound(fmt::format("no audit record {}", seq));
  }
  return RecordFromRow(s);
}

Result<AuditVerifyReport> Store::Verify(const std::string& expect_head) {
  std::lock_guard lock(impl_->mu);
  AuditVerifyReport report;
  // One read transaction: a consistent view even while others append.
  VIGIL_RETURN_IF_ERROR(impl_->db->Exec("BEGIN"));
  struct EndRead {
    store::Db* db;
    ~EndRead() { (void)db->Exec("COMMIT"); }
  } end_read{impl_->db.get()};
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt s,
      impl_->db->Prepare(fmt::format("SELECT {} FROM audit_log ORDER BY seq", kRecordColumns)));
  std::string prev(kGenesisHash);
  int64_t expected = 1;
  bool saw_expected_head = expect_head.empty();
  while (s.Step()) {
    AuditRecord r = RecordFromRow(s);
    ++report.records;
    if (r.seq != expected) {
      report.problems.push_back(
          r.seq > expected
              ? (r.seq == expected + 1
                     ? fmt::format("record {} is missing (deleted)", expected)
                     : fmt::format("records {}..{} are missing (deleted)", expected, r.seq - 1))
              : fmt::format("record {} is out of order", r.seq));
    } else if (r.prev_hash != prev) {
      report.problems.push_back(fmt::format(
          "record {}: does not link to record {} (prev_hash differs)", r.seq, r.seq - 1));
    }
    if (ChainHash(r) != r.hash)
      report.problems.push_back(
          fmt::format("record {} ({} at {}): content changed after it was written (hash mismatch)",
                      r.seq, r.kind, r.time));
    if (!saw_expected_head && r.hash == expect_head) saw_expected_head = true;
    prev = r.hash;
    expected = r.seq + 1;
    report.last_seq = r.seq;
  }
  VIGIL_RETURN_IF_ERROR(s.status());
  report.head_hash = report.records ? prev : "";
  VIGIL_ASSIGN_OR_RETURN(store::Stmt h,
                         impl_->db->Prepare("SELECT seq, hash FROM audit_head WHERE id = 1"));
  if (h.Step()) {
    int64_t head_seq = h.Int(0);
    std::string head_hash = h.Text(1);
    if (head_seq > report.last_seq)
      report.problems.push_back(
          head_seq == report.last_seq + 1
              ? fmt::format("record {} is missing at the end of the log (deleted)", head_seq)
              : fmt::format("records {}..{} are missing at the end of the log (deleted)",
                            report.last_seq + 1, head_seq));
    else if (head_seq < report.last_seq)
      report.problems.push_back(
          fmt::format("records {}..{} were added outside the chain (head is {})", head_seq + 1,
                      report.last_seq, head_seq));
    else if (head_hash != report.head_hash)
      report.problems.push_back(
          fmt::format("the head hash does not match record {} (log rewritten)", head_seq));
  } else if (report.records > 0) {
    report.problems.push_back("the head record is missing (audit_head table emptied)");
  }
  VIGIL_RETURN_IF_ERROR(h.status());
  if (!saw_expected_head)
    report.problems.push_back(
        fmt::format("no record has the expected head hash {} (the log was rewritten or truncated)",
                    expect_head));
  return report;
}

Result<uint64_t> Store::Export(const AuditExportOptions& o, std::ostream& out) {
  std::lock_guard lock(impl_->mu);
  std::string sql =
      fmt::format("SELECT {} FROM audit_log WHERE seq >= ? AND seq <= ?", kRecordColumns);
  if (!o.since.empty()) sql += " AND time >= ?3";
  if (!o.until.empty()) sql += " AND substr(time, 1, length(?4)) <= ?4";
  if (!o.kind.empty()) sql += " AND kind = ?5";
  sql += " ORDER BY seq";
  VIGIL_ASSIGN_OR_RETURN(store::Stmt s, impl_->db->Prepare(sql));
  s.Bind(1, o.from_seq).Bind(2, o.to_seq);
  if (!o.since.empty()) s.Bind(3, o.since);
  if (!o.until.empty()) s.Bind(4, o.until);
  if (!o.kind.empty()) s.Bind(5, o.kind);
  uint64_t n = 0;
  if (o.format == AuditExportOptions::Format::kCsv)
    out << "seq,time,kind,caller,catalog_version,decision,query,results,prev_hash,hash\n";
  while (s.Step()) {
    AuditRecord r = RecordFromRow(s);
    if (o.format == AuditExportOptions::Format::kCsv) {
      out << r.seq << ',' << CsvField(r.time) << ',' << CsvField(r.kind) << ','
          << CsvField(r.caller) << ',' << CsvField(r.catalog_version) << ',' << CsvField(r.decision)
          << ',' << CsvField(r.query) << ',' << CsvField(r.results) << ',' << r.prev_hash << ','
          << r.hash << '\n';
    } else {
      auto parse = [](const std::string& text) {
        nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
        return j.is_discarded() ? nlohmann::json(text) : j;
      };
      nlohmann::json j = {{"seq", r.seq},
                          {"time", r.time},
                          {"kind", r.kind},
                          {"caller", r.caller},
                          {"catalog_version", r.catalog_version},
                          {"decision", r.decision},
                          {"query", parse(r.query)},
                          {"results", parse(r.results)},
                          {"prev_hash", r.prev_hash},
                          {"hash", r.hash}};
      out << DumpJson(j) << '\n';
    }
    ++n;
  }
  VIGIL_RETURN_IF_ERROR(s.status());
  if (!out) return Status::IOError("cannot write the export");
  return n;
}

Result<CaseDecision> Store::RecordDecision(CaseDecision d) {
  if (d.query_hash.empty() || d.entity_id.empty())
    return Status::InvalidArgument("a decision needs a query hash and an entity id");
  if (d.reason.empty()) return Status::InvalidArgument("a decision needs a reason");
  if (d.analyst.empty()) return Status::InvalidArgument("a decision needs an analyst");
  std::lock_guard lock(impl_->mu);
  store::Db* db = impl_->db.get();
  store::Transaction tx(db);
  VIGIL_RETURN_IF_ERROR(tx.status());
  d.time = store::NowIso();
  AuditRecord rec;
  rec.time = d.time;
  rec.kind = std::string(audit_kind::kDecision);
  rec.caller = d.analyst;
  rec.catalog_version = d.catalog_version;
  rec.query = DumpJson({{"query_hash", d.query_hash}, {"entity_id", d.entity_id}});
  rec.results =
      DumpJson({{"entity_hash", d.entity_hash}, {"audit_seq", d.audit_seq}, {"reason", d.reason}});
  rec.decision = std::string(VerdictName(d.verdict));
  VIGIL_ASSIGN_OR_RETURN(d.decision_seq, store::AppendInTransaction(db, &rec));
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt ins,
      db->Prepare("INSERT INTO case_decisions(time, analyst, query_hash, entity_id, entity_hash, "
                  "verdict, reason, catalog_version, audit_seq, decision_seq) "
                  "VALUES(?,?,?,?,?,?,?,?,?,?)"));
  ins.Bind(1, d.time)
      .Bind(2, d.analyst)
      .Bind(3, d.query_hash)
      .Bind(4, d.entity_id)
      .Bind(5, d.entity_hash)
      .Bind(6, VerdictName(d.verdict))
      .Bind(7, d.reason)
      .Bind(8, d.catalog_version)
      .Bind(9, d.audit_seq)
      .Bind(10, d.decision_seq);
  VIGIL_RETURN_IF_ERROR(ins.Run());
  d.id = db->LastInsertId();
  VIGIL_RETURN_IF_ERROR(tx.Commit());
  return d;
}

Result<CaseDecision> Store::DecideOnRecord(int64_t audit_seq, const std::string& entity_id,
                                           CaseDecision::Verdict verdict, const std::string& reason,
                                           const std::string& analyst) {
  VIGIL_ASSIGN_OR_RETURN(AuditRecord rec, Get(audit_seq));
  if (rec.kind != audit_kind::kScreening && rec.kind != audit_kind::kSearch &&
      rec.kind != audit_kind::kMonitorAlert)
    return Status::InvalidArgument(fmt::format(
        "audit record {} is a {} record, not a screening or alert", audit_seq, rec.kind));
  nlohmann::json results = nlohmann::json::parse(rec.results, nullptr, false);
  if (results.is_discarded() || !results.is_object() || !results.contains("results"))
    return Status::Corruption(fmt::format("audit record {}: results are not readable", audit_seq));
  CaseDecision d;
  d.query_hash = results.value("query_hash", "");
  for (const auto& r : results["results"]) {
    if (r.is_object() && r.value("id", "") == entity_id) {
      d.entity_hash = r.value("entity_hash", "");
      break;
    }
  }
  if (d.entity_hash.empty())
    return Status::NotFound(
        fmt::format("audit record {} has no alert on entity {}", audit_seq, entity_id));
  d.entity_id = entity_id;
  d.verdict = verdict;
  d.reason = reason;
  d.analyst = analyst;
  d.catalog_version = rec.catalog_version;
  d.audit_seq = audit_seq;
  return RecordDecision(std::move(d));
}

Result<std::vector<CaseDecision>> Store::ListDecisions(const std::string& entity_id) {
  std::lock_guard lock(impl_->mu);
  std::string sql = fmt::format("SELECT {} FROM case_decisions", kDecisionColumns);
  if (!entity_id.empty()) sql += " WHERE entity_id = ?";
  sql += " ORDER BY id";
  VIGIL_ASSIGN_OR_RETURN(store::Stmt s, impl_->db->Prepare(sql));
  if (!entity_id.empty()) s.Bind(1, entity_id);
  std::vector<CaseDecision> out;
  while (s.Step()) out.push_back(DecisionFromRow(s));
  VIGIL_RETURN_IF_ERROR(s.status());
  return out;
}

Result<std::optional<CaseDecision>> Store::ActiveDecision(const std::string& query_hash,
                                                          const std::string& entity_id,
                                                          const std::string& entity_hash) {
  std::lock_guard lock(impl_->mu);
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt s,
      impl_->db->Prepare(fmt::format("SELECT {} FROM case_decisions WHERE query_hash = ? AND "
                                     "entity_id = ? ORDER BY id DESC LIMIT 1",
                                     kDecisionColumns)));
  s.Bind(1, query_hash).Bind(2, entity_id);
  std::optional<CaseDecision> out;
  if (s.Step()) {
    CaseDecision d = DecisionFromRow(s);
    if (d.entity_hash == entity_hash) out = std::move(d);
  }
  VIGIL_RETURN_IF_ERROR(s.status());
  return out;
}

std::string Store::HashSecret(const std::string& secret) { return Sha256Hex(secret); }

Result<std::string> Store::CreateApiKey(const std::string& name, const std::string& role,
                                        double rate_per_second, double burst, ApiKey* info) {
  if (name.empty() || name.size() > 100)
    return Status::InvalidArgument("an API key needs a name (1 to 100 characters)");
  if (role != "screen" && role != "admin")
    return Status::InvalidArgument(
        fmt::format("role must be \"screen\" or \"admin\", got \"{}\"", role));
  if (rate_per_second < 0 || burst < 0)
    return Status::InvalidArgument("rate and burst must not be negative");
  unsigned char raw[20];
  if (RAND_bytes(raw, sizeof raw) != 1) return Status::Internal("no random bytes for the key");
  std::string secret = "vgl_";
  for (unsigned char c : raw) secret += fmt::format("{:02x}", c);
  ApiKey k;
  k.name = name;
  k.role = role;
  k.prefix = secret.substr(0, 10);
  k.rate_per_second = rate_per_second;
  k.burst = burst;
  k.created_at = store::NowIso();
  std::lock_guard lock(impl_->mu);
  store::Db* db = impl_->db.get();
  store::Transaction tx(db);
  VIGIL_RETURN_IF_ERROR(tx.status());
  {
    VIGIL_ASSIGN_OR_RETURN(store::Stmt exists,
                           db->Prepare("SELECT 1 FROM api_keys WHERE name = ?"));
    exists.Bind(1, name);
    if (exists.Step())
      return Status::InvalidArgument(fmt::format("an API key named \"{}\" exists already", name));
  }
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt ins,
      db->Prepare("INSERT INTO api_keys(name, key_hash, prefix, role, rate_per_second, burst, "
                  "created_at) VALUES(?,?,?,?,?,?,?)"));
  ins.Bind(1, name)
      .Bind(2, HashSecret(secret))
      .Bind(3, k.prefix)
      .Bind(4, role)
      .Bind(5, rate_per_second)
      .Bind(6, burst)
      .Bind(7, k.created_at);
  VIGIL_RETURN_IF_ERROR(ins.Run());
  k.id = db->LastInsertId();
  AuditRecord rec;
  rec.kind = std::string(audit_kind::kApiKey);
  rec.caller = "admin";
  rec.query = DumpJson({{"name", name}, {"role", role}, {"prefix", k.prefix}});
  rec.results = "{}";
  rec.decision = "created";
  VIGIL_RETURN_IF_ERROR(store::AppendInTransaction(db, &rec).status());
  VIGIL_RETURN_IF_ERROR(tx.Commit());
  if (info) *info = k;
  return secret;
}

Status Store::RevokeApiKey(const std::string& name) {
  std::lock_guard lock(impl_->mu);
  store::Db* db = impl_->db.get();
  store::Transaction tx(db);
  VIGIL_RETURN_IF_ERROR(tx.status());
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt up,
      db->Prepare("UPDATE api_keys SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL"));
  up.Bind(1, store::NowIso()).Bind(2, name);
  VIGIL_RETURN_IF_ERROR(up.Run());
  if (db->Changes() == 0)
    return Status::NotFound(fmt::format("no active API key named \"{}\"", name));
  AuditRecord rec;
  rec.kind = std::string(audit_kind::kApiKey);
  rec.caller = "admin";
  rec.query = DumpJson({{"name", name}});
  rec.results = "{}";
  rec.decision = "revoked";
  VIGIL_RETURN_IF_ERROR(store::AppendInTransaction(db, &rec).status());
  return tx.Commit();
}

Result<std::vector<ApiKey>> Store::ListApiKeys() {
  std::lock_guard lock(impl_->mu);
  VIGIL_ASSIGN_OR_RETURN(store::Stmt s, impl_->db->Prepare(fmt::format(
                                            "SELECT {} FROM api_keys ORDER BY id", kKeyColumns)));
  std::vector<ApiKey> out;
  while (s.Step()) out.push_back(KeyFromRow(s));
  VIGIL_RETURN_IF_ERROR(s.status());
  return out;
}

Result<std::optional<ApiKey>> Store::FindApiKey(const std::string& secret) {
  std::lock_guard lock(impl_->mu);
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt s,
      impl_->db->Prepare(fmt::format(
          "SELECT {} FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL", kKeyColumns)));
  s.Bind(1, HashSecret(secret));
  std::optional<ApiKey> out;
  if (s.Step()) out = KeyFromRow(s);
  VIGIL_RETURN_IF_ERROR(s.status());
  return out;
}

Result<std::string> Store::Generation() {
  std::lock_guard lock(impl_->mu);
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt s,
      impl_->db->Prepare(
          "SELECT (SELECT COALESCE(MAX(id), 0) FROM case_decisions), "
          "(SELECT COUNT(*) FROM api_keys), (SELECT COUNT(revoked_at) FROM api_keys)"));
  if (!s.Step()) return s.status().ok() ? Status::Internal("no generation row") : s.status();
  return fmt::format("{}/{}/{}", s.Int(0), s.Int(1), s.Int(2));
}

}  // namespace vigil
