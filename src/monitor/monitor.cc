// Continuous monitoring: delta re-screening of registered counterparties.
#include "vigil/monitor.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/csv.h"
#include "core/io.h"
#include "core/strings.h"
#include "match/batch.h"
#include "match/query_json.h"
#include "store/db.h"
#include "vigil/audit.h"

namespace vigil {
namespace {

constexpr const char* kMonitorSchema = R"sql(
CREATE TABLE IF NOT EXISTS counterparties(
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  query TEXT NOT NULL,
  query_hash TEXT NOT NULL,
  added_at TEXT NOT NULL,
  screened_version TEXT);
CREATE TABLE IF NOT EXISTS monitor_entities(
  entity_id TEXT PRIMARY KEY,
  entity_hash TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS monitor_state(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  catalog_version TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS monitor_runs(
  id INTEGER PRIMARY KEY,
  old_version TEXT NOT NULL,
  new_version TEXT NOT NULL,
  status TEXT NOT NULL,
  cursor INTEGER NOT NULL DEFAULT 0,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  added INTEGER NOT NULL DEFAULT 0,
  changed INTEGER NOT NULL DEFAULT 0,
  removed INTEGER NOT NULL DEFAULT 0,
  screened_full INTEGER NOT NULL DEFAULT 0,
  screened_delta INTEGER NOT NULL DEFAULT 0,
  alerts INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  suppressed INTEGER NOT NULL DEFAULT 0,
  resolved INTEGER NOT NULL DEFAULT 0,
  threshold REAL NOT NULL);
CREATE TABLE IF NOT EXISTS monitor_alerts(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL,
  audit_seq INTEGER NOT NULL DEFAULT 0,
  counterparty_id TEXT NOT NULL,
  query_hash TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  entity_hash TEXT NOT NULL,
  caption TEXT NOT NULL,
  score REAL NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL,
  resolution TEXT NOT NULL DEFAULT '',
  catalog_version TEXT NOT NULL,
  created_at TEXT NOT NULL,
  resolved_at TEXT);
CREATE INDEX IF NOT EXISTS monitor_alerts_entity ON monitor_alerts(entity_id, status);
-- One open alert per counterparty data, entity and version of the entry; a
-- resolved one does not block a new alert (an entity listed again).
CREATE UNIQUE INDEX IF NOT EXISTS monitor_alerts_open ON monitor_alerts(
  counterparty_id, query_hash, entity_id, entity_hash) WHERE status = 'open';
CREATE INDEX IF NOT EXISTS monitor_alerts_counterparty ON monitor_alerts(counterparty_id, entity_id);
)sql";

// Delta candidates are found on a tiny catalog whose token weights differ
// from the full one's, then re-scored on the full catalog: retrieve generously.
constexpr double kDeltaRetrievalMargin = 0.25;
constexpr size_t kDeltaRetrievalLimit = 25;
constexpr size_t kRescoreLimit = 200;

// Test hook: SIGKILL ourselves in the middle of the chunk after this many
// committed chunks, to prove that a killed run resumes exactly once.
int KillAfterChunks() {
  const char* v = std::getenv("VIGIL_MONITOR_KILL_AFTER_CHUNKS");
  return v ? std::atoi(v) : -1;
}

class RunLock {
 public:
  explicit RunLock(const std::string& path) {
    fd_ = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
    if (fd_ < 0) {
      status_ = Status::IOError(path + ": cannot create the monitor lock file");
      return;
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0)
      status_ = Status::Unsupported("another monitoring run is in progress (" + path + ")");
  }
  ~RunLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
  }
  const Status& status() const { return status_; }

 private:
  int fd_ = -1;
  Status status_;
};

struct Row {
  int64_t seq = 0;
  std::string id;
  std::string query_json;
  std::string query_hash;
  bool never_screened = false;
};

struct Hit {
  size_t row = 0;
  MatchResult result;
  std::string entity_hash;
  std::string reason;
};

}  // namespace

struct Monitor::Impl {
  std::unique_ptr<store::Db> db;
  std::string path;

  Result<std::string> StateVersion() {
    VIGIL_ASSIGN_OR_RETURN(store::Stmt s,
                           db->Prepare("SELECT catalog_version FROM monitor_state WHERE id = 1"));
    std::string v;
    if (s.Step()) v = s.Text(0);
    VIGIL_RETURN_IF_ERROR(s.status());
    return v;
  }
  Result<int64_t> Count(std::string_view sql) {
    VIGIL_ASSIGN_OR_RETURN(store::Stmt s, db->Prepare(sql));
    int64_t n = 0;
    if (s.Step()) n = s.Int(0);
    VIGIL_RETURN_IF_ERROR(s.status());
    return n;
  }
};

Monitor::Monitor() : impl_(std::make_unique<Impl>()) {}
Monitor::~Monitor() = default;

Result<std::unique_ptr<Monitor>> Monitor::Open(const std::string& db_path) {
  // The store creates the audit and decision tables the monitor writes to.
  VIGIL_RETURN_IF_ERROR(Store::Open(db_path).status());
  VIGIL_ASSIGN_OR_RETURN(auto db, store::Db::Open(db_path));
  VIGIL_RETURN_IF_ERROR(db->Exec(kMonitorSchema));
  std::unique_ptr<Monitor> m(new Monitor());
  m->impl_->db = std::move(db);
  m->impl_->path = db_path;
  return m;
}

Result<std::vector<Counterparty>> ParseCounterparties(std::string_view text, std::string_view name,
                                                      bool csv, const std::string& default_kind) {
  std::vector<Counterparty> out;
  std::string n(name);
  if (!csv) {
    size_t line_no = 0;
    for (std::string_view line : Split(text, '\n')) {
      ++line_no;
      line = Trim(line);
      if (line.empty()) continue;
      std::string where = fmt::format("{}:{}", n, line_no);
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) return Status::ParseError(where + ": malformed JSON");
      VIGIL_ASSIGN_OR_RETURN(Query q, QueryFromJson(j, where));
      if (q.id.empty()) return Status::ParseError(where + ": a counterparty needs an \"id\"");
      Counterparty c;
      c.id = q.id;
      c.kind = default_kind;
      if (auto it = j.find("kind"); it != j.end()) {
        if (!it->is_string()) return Status::ParseError(where + ": \"kind\" must be a string");
        c.kind = it->get<std::string>();
      }
      c.query = std::move(q);
      out.push_back(std::move(c));
    }
    return out;
  }
  // CSV: the query columns are read as `vigil screen --input` reads them; ids
  // and kinds come from a second pass over the same records.
  VIGIL_ASSIGN_OR_RETURN(std::vector<Query> queries, ParseQueriesCsv(text, name));
  CsvReader reader(text, name);
  std::vector<std::string> row;
  if (!reader.Next(&row)) return Status::ParseError(n + ": empty file");
  CsvHeader header(row);
  if (header.Index("id") < 0)
    return Status::ParseError(n + ":1: missing column \"id\" (counterparties need ids)");
  size_t i = 0;
  while (reader.Next(&row)) {
    if (i >= queries.size()) return Status::Internal(reader.Where() + ": record count differs");
    std::string id(Trim(header.Get(row, "id")));
    if (id.empty()) return Status::ParseError(reader.Where() + ": empty id");
    Counterparty c;
    c.id = id;
    std::string kind(Trim(header.Get(row, "kind")));
    c.kind = kind.empty() ? default_kind : kind;
    c.query = std::move(queries[i++]);
    c.query.id = id;
    out.push_back(std::move(c));
  }
  VIGIL_RETURN_IF_ERROR(reader.status());
  return out;
}

Result<MonitorAddReport> Monitor::AddFile(const std::string& path,
                                          const std::string& default_kind) {
  VIGIL_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  std::string lower = AsciiLower(path);
  bool csv = EndsWith(lower, ".csv") || EndsWith(lower, ".csv.gz");
  VIGIL_ASSIGN_OR_RETURN(auto cps, ParseCounterparties(text, path, csv, default_kind));
  return Add(cps);
}

Result<MonitorAddReport> Monitor::Add(const std::vector<Counterparty>& cps) {
  store::Db* db = impl_->db.get();
  store::Transaction tx(db);
  VIGIL_RETURN_IF_ERROR(tx.status());
  VIGIL_ASSIGN_OR_RETURN(store::Stmt find,
                         db->Prepare("SELECT query_hash, kind FROM counterparties WHERE id = ?"));
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt ins,
      db->Prepare("INSERT INTO counterparties(id, kind, query, query_hash, added_at) "
                  "VALUES(?,?,?,?,?)"));
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt upd,
      db->Prepare("UPDATE counterparties SET kind = ?, query = ?, query_hash = ?, "
                  "screened_version = CASE WHEN query_hash = ?3 THEN screened_version END "
                  "WHERE id = ?"));
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt resolve,
      db->Prepare("UPDATE monitor_alerts SET status = 'resolved', resolution = 'counterparty "
                  "data changed', resolved_at = ? WHERE counterparty_id = ? AND status = 'open'"));
  MonitorAddReport report;
  std::string now = store::NowIso();
  std::unordered_set<std::string> seen;
  for (const auto& c : cps) {
    if (c.id.empty()) return Status::InvalidArgument("a counterparty needs an id");
    if (!seen.insert(c.id).second)
      return Status::InvalidArgument(fmt::format("counterparty id \"{}\" appears twice", c.id));
    Query q = c.query;
    q.id = c.id;
    std::string json = DumpJson(QueryToJson(q));
    std::string hash = QueryFingerprint(q);
    find.Bind(1, c.id);
    bool exists = find.Step();
    std::string old_hash = exists ? find.Text(0) : "";
    std::string old_kind = exists ? find.Text(1) : "";
    VIGIL_RETURN_IF_ERROR(find.status());
    find.Reset();
    if (!exists) {
      ins.Bind(1, c.id).Bind(2, c.kind).Bind(3, json).Bind(4, hash).Bind(5, now);
      VIGIL_RETURN_IF_ERROR(ins.Run());
      ++report.added;
    } else if (old_hash != hash || old_kind != c.kind) {
      upd.Bind(1, c.kind).Bind(2, json).Bind(3, hash).Bind(4, c.id);
      VIGIL_RETURN_IF_ERROR(upd.Run());
      if (old_hash != hash) {
        // Alerts on the old data no longer describe this counterparty; the
        // next run screens the new data in full.
        resolve.Bind(1, now).Bind(2, c.id);
        VIGIL_RETURN_IF_ERROR(resolve.Run());
      }
      ++report.updated;
    } else {
      ++report.unchanged;
    }
  }
  VIGIL_RETURN_IF_ERROR(tx.Commit());
  return report;
}

Status Monitor::Remove(const std::string& id) {
  store::Db* db = impl_->db.get();
  store::Transaction tx(db);
  VIGIL_RETURN_IF_ERROR(tx.status());
  VIGIL_ASSIGN_OR_RETURN(store::Stmt del, db->Prepare("DELETE FROM counterparties WHERE id = ?"));
  del.Bind(1, id);
  VIGIL_RETURN_IF_ERROR(del.Run());
  if (db->Changes() == 0) return Status::NotFound(fmt::format("no counterparty \"{}\"", id));
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt res,
      db->Prepare("UPDATE monitor_alerts SET status = 'resolved', resolution = 'counterparty "
                  "removed', resolved_at = ? WHERE counterparty_id = ? AND status = 'open'"));
  res.Bind(1, store::NowIso()).Bind(2, id);
  VIGIL_RETURN_IF_ERROR(res.Run());
  return tx.Commit();
}

Result<MonitorRunReport> Monitor::Run(std::shared_ptr<const Catalog> catalog,
                                      const MonitorRunOptions& options) {
  auto start = std::chrono::steady_clock::now();
  RunLock lock(impl_->path + ".monitor-lock");
  VIGIL_RETURN_IF_ERROR(lock.status());
  store::Db* db = impl_->db.get();
  const Catalog& cat = *catalog;
  MonitorRunReport report;
  report.new_version = cat.version();
  const int jobs = std::max(1, options.jobs);

  // Fingerprints of the new catalog, in entity order.
  std::vector<std::string> hashes(cat.size());
  {
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next.fetch_add(1); i < cat.size(); i = next.fetch_add(1))
        hashes[i] = EntityFingerprint(cat.entities()[i]);
    };
    std::vector<std::thread> threads;
    for (int t = 1; t < jobs; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
  }

  // What the previous run saw.
  VIGIL_ASSIGN_OR_RETURN(report.old_version, impl_->StateVersion());
  std::unordered_map<std::string, std::string> old_hashes;
  {
    VIGIL_ASSIGN_OR_RETURN(store::Stmt s,
                           db->Prepare("SELECT entity_id, entity_hash FROM monitor_entities"));
    while (s.Step()) old_hashes.emplace(s.Text(0), s.Text(1));
    VIGIL_RETURN_IF_ERROR(s.status());
  }
  std::vector<Entity> delta_entities;
  std::unordered_set<std::string> added_ids;
  std::vector<std::string> changed_ids, removed_ids;
  for (size_t i = 0; i < cat.size(); ++i) {
    const Entity& e = cat.entities()[i];
    auto it = old_hashes.find(e.id());
    if (it == old_hashes.end()) {
      added_ids.insert(e.id());
    } else if (it->second != hashes[i]) {
      changed_ids.push_back(e.id());
    } else {
      continue;
    }
    if (!report.old_version.empty()) delta_entities.push_back(e);
  }
  for (const auto& [id, h] : old_hashes)
    if (cat.IndexOf(id) < 0) removed_ids.push_back(id);
  report.entities_added = report.old_version.empty() ? 0 : added_ids.size();
  report.entities_changed = changed_ids.size();
  report.entities_removed = removed_ids.size();
  const bool have_delta = !delta_entities.empty();

  // An interrupted run on the same catalog is resumed; one on another catalog
  // is abandoned (the alerts it committed stay, and are not written twice).
  int64_t cursor = 0;
  {
    VIGIL_ASSIGN_OR_RETURN(store::Stmt s,
                           db->Prepare("SELECT id, new_version, cursor FROM monitor_runs WHERE "
                                       "status = 'running' ORDER BY id DESC LIMIT 1"));
    if (s.Step()) {
      if (s.Text(1) == cat.version()) {
        report.run_id = s.Int(0);
        cursor = s.Int(2);
        report.resumed = true;
      } else {
        VIGIL_ASSIGN_OR_RETURN(
            store::Stmt ab,
            db->Prepare(
                "UPDATE monitor_runs SET status = 'abandoned', finished_at = ? WHERE id = ?"));
        ab.Bind(1, store::NowIso()).Bind(2, s.Int(0));
        VIGIL_RETURN_IF_ERROR(ab.Run());
      }
    }
    VIGIL_RETURN_IF_ERROR(s.status());
  }
  VIGIL_ASSIGN_OR_RETURN(int64_t never_screened,
                         impl_->Count("SELECT COUNT(*) FROM counterparties WHERE "
                                      "screened_version IS NULL"));
  if (!report.resumed) {
    if (!have_delta && removed_ids.empty() && never_screened == 0 &&
        report.old_version == cat.version()) {
      report.up_to_date = true;
      report.seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      return report;
    }
    VIGIL_ASSIGN_OR_RETURN(
        store::Stmt ins,
        db->Prepare("INSERT INTO monitor_runs(old_version, new_version, status, started_at, "
                    "added, changed, removed, threshold) VALUES(?,?,'running',?,?,?,?,?)"));
    ins.Bind(1, report.old_version)
        .Bind(2, cat.version())
        .Bind(3, store::NowIso())
        .Bind(4, static_cast<int64_t>(report.entities_added))
        .Bind(5, static_cast<int64_t>(report.entities_changed))
        .Bind(6, static_cast<int64_t>(report.entities_removed))
        .Bind(7, options.match.threshold);
    VIGIL_RETURN_IF_ERROR(ins.Run());
    report.run_id = db->LastInsertId();
  }

  // Matchers: the full catalog (new counterparties, re-scoring) and the delta.
  std::unique_ptr<Matcher> full = Matcher::Create(catalog);
  std::unique_ptr<Matcher> delta;
  if (have_delta) {
    auto delta_catalog =
        Catalog::Create(cat.sources(), std::move(delta_entities), cat.created_at());
    delta = Matcher::Create(delta_catalog);
  }
  MatchOptions full_opts = options.match;
  full_opts.cutoff = std::min(full_opts.cutoff, full_opts.threshold);
  MatchOptions delta_opts = full_opts;
  delta_opts.cutoff = std::max(0.0, full_opts.threshold - kDeltaRetrievalMargin);
  delta_opts.limit = std::max(kDeltaRetrievalLimit, full_opts.limit);
  // Every full-catalog result at or above the threshold, so that a delta
  // entity is found among them however many other entities also match.
  MatchOptions rescore_opts = full_opts;
  rescore_opts.cutoff = full_opts.threshold;
  rescore_opts.limit = kRescoreLimit;

  VIGIL_ASSIGN_OR_RETURN(int64_t total_rows, impl_->Count("SELECT COUNT(*) FROM counterparties"));
  uint64_t total = static_cast<uint64_t>(have_delta ? total_rows : never_screened);
  uint64_t done = 0;
  if (cursor > 0) {
    VIGIL_ASSIGN_OR_RETURN(
        store::Stmt c, db->Prepare(have_delta ? "SELECT COUNT(*) FROM counterparties WHERE seq <= ?"
                                              : "SELECT 0"));
    if (have_delta) c.Bind(1, cursor);
    if (c.Step()) done = static_cast<uint64_t>(c.Int(0));
    VIGIL_RETURN_IF_ERROR(c.status());
  }

  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt select,
      db->Prepare(have_delta
                      ? "SELECT seq, id, query, query_hash, screened_version IS NULL FROM "
                        "counterparties WHERE seq > ? ORDER BY seq LIMIT ?"
                      : "SELECT seq, id, query, query_hash, 1 FROM counterparties WHERE seq > ? "
                        "AND screened_version IS NULL ORDER BY seq LIMIT ?"));
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt decision,
      db->Prepare("SELECT verdict, entity_hash FROM case_decisions WHERE query_hash = ? AND "
                  "entity_id = ? ORDER BY id DESC LIMIT 1"));
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt insert_alert,
      db->Prepare("INSERT OR IGNORE INTO monitor_alerts(run_id, counterparty_id, query_hash, "
                  "entity_id, entity_hash, caption, score, reason, status, catalog_version, "
                  "created_at) VALUES(?,?,?,?,?,?,?,?,'open',?,?)"));
  VIGIL_ASSIGN_OR_RETURN(store::Stmt set_audit,
                         db->Prepare("UPDATE monitor_alerts SET audit_seq = ? WHERE id = ?"));
  // An open alert on an older version of the same entry is carried over to
  // the new version (one alert per pair, not a new one per list edit).
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt find_open,
      db->Prepare("SELECT id FROM monitor_alerts WHERE counterparty_id = ? AND entity_id = ? AND "
                  "entity_hash != ? AND status = 'open' ORDER BY id DESC LIMIT 1"));
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt carry_over,
      db->Prepare("UPDATE monitor_alerts SET entity_hash = ?, caption = ?, score = ?, reason = ?, "
                  "run_id = ?, catalog_version = ?, audit_seq = ? WHERE id = ?"));
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt mark_screened,
      db->Prepare("UPDATE counterparties SET screened_version = ? WHERE seq = ?"));
  VIGIL_ASSIGN_OR_RETURN(
      store::Stmt advance,
      db->Prepare(
          "UPDATE monitor_runs SET cursor = ?, screened_full = screened_full + ?, "
          "screened_delta = screened_delta + ?, alerts = alerts + ?, updated = updated + ?, "
          "suppressed = suppressed + ? WHERE id = ?"));

  const int kill_after = KillAfterChunks();
  int chunks = 0;
  const size_t chunk_size = std::max<size_t>(1, options.chunk_size);
  while (true) {
    std::vector<Row> rows;
    select.Bind(1, cursor).Bind(2, static_cast<int64_t>(chunk_size));
    while (select.Step()) {
      Row r;
      r.seq = select.Int(0);
      r.id = select.Text(1);
      r.query_json = select.Text(2);
      r.query_hash = select.Text(3);
      r.never_screened = select.Int(4) != 0;
      rows.push_back(std::move(r));
    }
    VIGIL_RETURN_IF_ERROR(select.status());
    select.Reset();
    if (rows.empty()) break;

    // Screen the chunk on `jobs` threads.
    std::vector<std::vector<Hit>> hits(rows.size());
    std::vector<Query> queries(rows.size());
    std::vector<Status> errors(rows.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next.fetch_add(1); i < rows.size(); i = next.fetch_add(1)) {
        const Row& row = rows[i];
        auto q = QueryFromJsonText(row.query_json, "counterparty " + row.id);
        if (!q.ok()) {
          errors[i] = q.status();
          continue;
        }
        queries[i] = std::move(*q);
        const Query& query = queries[i];
        if (row.never_screened) {
          auto rs = full->Match(query, full_opts);
          if (!rs.ok()) {
            errors[i] = rs.status();
            continue;
          }
          for (auto& r : *rs)
            if (r.match)
              hits[i].push_back({i, r, hashes[static_cast<size_t>(cat.IndexOf(r.entity->id()))],
                                 "new counterparty"});
        } else {
          auto rs = delta->Match(query, delta_opts);
          if (!rs.ok()) {
            errors[i] = rs.status();
            continue;
          }
          if (rs->empty()) continue;  // the common case: the change is unrelated
          // Re-score on the full catalog (indexed Match, not ScoreEntity,
          // which compares against every token of the catalog).
          auto full_rs = full->Match(query, rescore_opts);
          if (!full_rs.ok()) {
            errors[i] = full_rs.status();
            continue;
          }
          for (const auto& candidate : *rs) {
            const std::string& id = candidate.entity->id();
            for (const auto& r : *full_rs) {
              if (r.entity->id() != id || !r.match) continue;
              hits[i].push_back({i, r, hashes[static_cast<size_t>(cat.IndexOf(id))],
                                 added_ids.count(id) ? "entity added" : "entity changed"});
              break;
            }
          }
        }
      }
    };
    std::vector<std::thread> threads;
    for (int t = 1; t < jobs; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    for (size_t i = 0; i < rows.size(); ++i)
      if (!errors[i].ok()) return errors[i].WithContext("monitoring run");

    if (kill_after >= 0 && chunks == kill_after) std::raise(SIGKILL);

    store::Transaction tx(db);
    VIGIL_RETURN_IF_ERROR(tx.status());
    std::string now = store::NowIso();
    int64_t full_n = 0, delta_n = 0, alerts_n = 0, updated_n = 0, suppressed_n = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      const Row& row = rows[i];
      (row.never_screened ? full_n : delta_n)++;
      for (const Hit& h : hits[i]) {
        const std::string& entity_id = h.result.entity->id();
        decision.Bind(1, row.query_hash).Bind(2, entity_id);
        bool fp = decision.Step() && decision.Text(0) == "false_positive" &&
                  decision.Text(1) == h.entity_hash;
        VIGIL_RETURN_IF_ERROR(decision.status());
        decision.Reset();
        if (fp) {
          ++suppressed_n;
          continue;
        }
        find_open.Bind(1, row.id).Bind(2, entity_id).Bind(3, h.entity_hash);
        int64_t open_id = find_open.Step() ? find_open.Int(0) : 0;
        VIGIL_RETURN_IF_ERROR(find_open.status());
        find_open.Reset();
        int64_t alert_id = open_id;
        if (!open_id) {
          insert_alert.Bind(1, report.run_id)
              .Bind(2, row.id)
              .Bind(3, row.query_hash)
              .Bind(4, entity_id)
              .Bind(5, h.entity_hash)
              .Bind(6, h.result.entity->caption())
              .Bind(7, h.result.score)
              .Bind(8, h.reason)
              .Bind(9, cat.version())
              .Bind(10, now);
          VIGIL_RETURN_IF_ERROR(insert_alert.Run());
          if (db->Changes() == 0) continue;  // alerted before on this very entry
          alert_id = db->LastInsertId();
        }
        AuditRecord rec;
        rec.time = now;
        rec.kind = std::string(audit_kind::kMonitorAlert);
        rec.caller = "monitor";
        rec.catalog_version = cat.version();
        rec.query = row.query_json;
        rec.results = AuditResultsJson(row.query_hash, {h.result}, {h.entity_hash}, {});
        rec.decision = open_id ? "alert_updated" : "alert";
        VIGIL_ASSIGN_OR_RETURN(int64_t seq, store::AppendInTransaction(db, &rec));
        if (open_id) {
          carry_over.Bind(1, h.entity_hash)
              .Bind(2, h.result.entity->caption())
              .Bind(3, h.result.score)
              .Bind(4, h.reason)
              .Bind(5, report.run_id)
              .Bind(6, cat.version())
              .Bind(7, seq)
              .Bind(8, open_id);
          VIGIL_RETURN_IF_ERROR(carry_over.Run());
          ++updated_n;
        } else {
          set_audit.Bind(1, seq).Bind(2, alert_id);
          VIGIL_RETURN_IF_ERROR(set_audit.Run());
          ++alerts_n;
        }
      }
      if (row.never_screened) {
        mark_screened.Bind(1, cat.version()).Bind(2, row.seq);
        VIGIL_RETURN_IF_ERROR(mark_screened.Run());
      }
    }
    cursor = rows.back().seq;
    advance.Bind(1, cursor)
        .Bind(2, full_n)
        .Bind(3, delta_n)
        .Bind(4, alerts_n)
        .Bind(5, updated_n)
        .Bind(6, suppressed_n)
        .Bind(7, report.run_id);
    VIGIL_RETURN_IF_ERROR(advance.Run());
    VIGIL_RETURN_IF_ERROR(tx.Commit());
    ++chunks;
    done += rows.size();
    if (options.progress) options.progress(done, total);
  }

  // Finish: resolve alerts the change made obsolete, remember what this run
  // saw, and close the run, all at once.
  store::Transaction tx(db);
  VIGIL_RETURN_IF_ERROR(tx.status());
  std::string now = store::NowIso();
  int64_t resolved = 0;
  {
    VIGIL_ASSIGN_OR_RETURN(
        store::Stmt res,
        db->Prepare("UPDATE monitor_alerts SET status = 'resolved', resolution = ?, resolved_at "
                    "= ? WHERE entity_id = ? AND status = 'open' AND entity_hash != ?"));
    for (const auto& id : removed_ids) {
      res.Bind(1, "entity removed from the list in " + cat.version())
          .Bind(2, now)
          .Bind(3, id)
          .Bind(4, "");
      VIGIL_RETURN_IF_ERROR(res.Run());
      resolved += db->Changes();
    }
    for (const auto& id : changed_ids) {
      res.Bind(1, "no longer a match after the entity changed in " + cat.version())
          .Bind(2, now)
          .Bind(3, id)
          .Bind(4, hashes[static_cast<size_t>(cat.IndexOf(id))]);
      VIGIL_RETURN_IF_ERROR(res.Run());
      resolved += db->Changes();
    }
    VIGIL_ASSIGN_OR_RETURN(store::Stmt del,
                           db->Prepare("DELETE FROM monitor_entities WHERE entity_id = ?"));
    for (const auto& id : removed_ids) {
      del.Bind(1, id);
      VIGIL_RETURN_IF_ERROR(del.Run());
    }
    VIGIL_ASSIGN_OR_RETURN(store::Stmt up,
                           db->Prepare("INSERT INTO monitor_entities(entity_id, entity_hash) "
                                       "VALUES(?,?) ON CONFLICT(entity_id) DO UPDATE SET "
                                       "entity_hash = excluded.entity_hash"));
    for (size_t i = 0; i < cat.size(); ++i) {
      const std::string& id = cat.entities()[i].id();
      auto it = old_hashes.find(id);
      if (it != old_hashes.end() && it->second == hashes[i]) continue;
      up.Bind(1, id).Bind(2, hashes[i]);
      VIGIL_RETURN_IF_ERROR(up.Run());
    }
    VIGIL_ASSIGN_OR_RETURN(
        store::Stmt st,
        db->Prepare("INSERT INTO monitor_state(id, catalog_version) VALUES(1, ?) ON "
                    "CONFLICT(id) DO UPDATE SET catalog_version = excluded.catalog_version"));
    st.Bind(1, cat.version());
    VIGIL_RETURN_IF_ERROR(st.Run());
    VIGIL_ASSIGN_OR_RETURN(
        store::Stmt fin,
        db->Prepare("UPDATE monitor_runs SET status = 'done', finished_at = ?, resolved = ? "
                    "WHERE id = ?"));
    fin.Bind(1, now).Bind(2, resolved).Bind(3, report.run_id);
    VIGIL_RETURN_IF_ERROR(fin.Run());
    VIGIL_ASSIGN_OR_RETURN(
        store::Stmt counts,
        db->Prepare(
            "SELECT screened_full, screened_delta, alerts, suppressed, updated FROM monitor_runs "
            "WHERE id = ?"));
    counts.Bind(1, report.run_id);
    if (counts.Step()) {
      report.screened_full = static_cast<uint64_t>(counts.Int(0));
      report.screened_delta = static_cast<uint64_t>(counts.Int(1));
      report.new_alerts = static_cast<uint64_t>(counts.Int(2));
      report.suppressed = static_cast<uint64_t>(counts.Int(3));
      report.updated_alerts = static_cast<uint64_t>(counts.Int(4));
    }
    VIGIL_RETURN_IF_ERROR(counts.status());
    report.resolved_alerts = static_cast<uint64_t>(resolved);
    AuditRecord rec;
    rec.time = now;
    rec.kind = std::string(audit_kind::kMonitorRun);
    rec.caller = "monitor";
    rec.catalog_version = cat.version();
    rec.query = DumpJson({{"run_id", report.run_id},
                          {"old_version", report.old_version},
                          {"threshold", options.match.threshold}});
    rec.results = DumpJson({{"entities_added", report.entities_added},
                            {"entities_changed", report.entities_changed},
                            {"entities_removed", report.entities_removed},
                            {"screened_full", report.screened_full},
                            {"screened_delta", report.screened_delta},
                            {"new_alerts", report.new_alerts},
                            {"updated_alerts", report.updated_alerts},
                            {"suppressed", report.suppressed},
                            {"resolved_alerts", report.resolved_alerts}});
    rec.decision = report.new_alerts ? "alert" : "clear";
    VIGIL_RETURN_IF_ERROR(store::AppendInTransaction(db, &rec).status());
  }
  VIGIL_RETURN_IF_ERROR(tx.Commit());
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

Result<std::vector<MonitorAlert>> Monitor::Alerts(const MonitorAlertFilter& f) {
  std::string sql =
      "SELECT a.id, a.run_id, a.audit_seq, a.counterparty_id, COALESCE(c.kind, ''), a.entity_id, "
      "a.entity_hash, a.caption, a.score, a.reason, a.status, a.resolution, a.catalog_version, "
      "a.created_at, COALESCE((SELECT d.verdict FROM case_decisions d WHERE d.query_hash = "
      "c.query_hash AND d.entity_id = a.entity_id AND d.entity_hash = a.entity_hash ORDER BY "
      "d.id DESC LIMIT 1), '') FROM monitor_alerts a LEFT JOIN counterparties c ON c.id = "
      "a.counterparty_id WHERE 1 = 1";
  if (f.run_id > 0) sql += " AND a.run_id = ?1";
  if (!f.status.empty()) sql += " AND a.status = ?2";
  if (!f.counterparty_id.empty()) sql += " AND a.counterparty_id = ?3";
  sql += " ORDER BY a.id";
  VIGIL_ASSIGN_OR_RETURN(store::Stmt s, impl_->db->Prepare(sql));
  if (f.run_id > 0) s.Bind(1, f.run_id);
  if (!f.status.empty()) s.Bind(2, f.status);
  if (!f.counterparty_id.empty()) s.Bind(3, f.counterparty_id);
  std::vector<MonitorAlert> out;
  while (s.Step()) {
    MonitorAlert a;
    a.id = s.Int(0);
    a.run_id = s.Int(1);
    a.audit_seq = s.Int(2);
    a.counterparty_id = s.Text(3);
    a.counterparty_kind = s.Text(4);
    a.entity_id = s.Text(5);
    a.entity_hash = s.Text(6);
    a.caption = s.Text(7);
    a.score = s.Double(8);
    a.reason = s.Text(9);
    a.status = s.Text(10);
    a.resolution = s.Text(11);
    a.catalog_version = s.Text(12);
    a.created_at = s.Text(13);
    a.review = s.Text(14);
    out.push_back(std::move(a));
  }
  VIGIL_RETURN_IF_ERROR(s.status());
  return out;
}

Result<MonitorStatus> Monitor::GetStatus() {
  MonitorStatus st;
  VIGIL_ASSIGN_OR_RETURN(int64_t n, impl_->Count("SELECT COUNT(*) FROM counterparties"));
  st.counterparties = static_cast<uint64_t>(n);
  VIGIL_ASSIGN_OR_RETURN(
      n, impl_->Count("SELECT COUNT(*) FROM counterparties WHERE screened_version IS NULL"));
  st.never_screened = static_cast<uint64_t>(n);
  VIGIL_ASSIGN_OR_RETURN(n,
                         impl_->Count("SELECT COUNT(*) FROM monitor_alerts WHERE status = 'open'"));
  st.open_alerts = static_cast<uint64_t>(n);
  VIGIL_ASSIGN_OR_RETURN(st.unfinished_run,
                         impl_->Count("SELECT COALESCE(MAX(id), 0) FROM monitor_runs WHERE "
                                      "status = 'running'"));
  VIGIL_ASSIGN_OR_RETURN(st.catalog_version, impl_->StateVersion());
  return st;
}

}  // namespace vigil
