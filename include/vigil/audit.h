// The audit trail, case decisions and API keys: what was screened, by whom,
// against which catalog version, with which results, and what analysts decided.
//
// Everything lives in one SQLite file (the "store"). The audit log is
// append-only and hash-chained: record n carries the SHA-256 of its own
// fields and of record n-1's hash, and a one-row head table names the last
// record. Store::Verify recomputes the chain, so an edited record (UPDATE),
// a removed record (DELETE, anywhere including the end) or a reordered one is
// reported. SQLite triggers also refuse UPDATE and DELETE on the log; the
// chain is what catches someone who drops them first. Someone who rewrites
// the whole chain and its head can only be caught against a head hash kept
// elsewhere: Verify accepts one (`vigil audit verify --expect-head`).
//
// Thread safety: a Store may be used from any number of threads (it holds one
// connection behind a mutex). Several processes may open the same file; SQLite
// write locks serialise appends, so the chain stays linear across processes.
#ifndef VIGIL_AUDIT_H_
#define VIGIL_AUDIT_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "vigil/entity.h"
#include "vigil/matcher.h"
#include "vigil/status.h"

namespace vigil {

namespace store {
class Db;
}  // namespace store

// Kinds of audit records.
namespace audit_kind {
inline constexpr std::string_view kScreening = "screening";         // /match, batch
inline constexpr std::string_view kSearch = "search";               // /search
inline constexpr std::string_view kDecision = "decision";           // an analyst's verdict
inline constexpr std::string_view kMonitorAlert = "monitor_alert";  // a new monitoring alert
inline constexpr std::string_view kMonitorRun = "monitor_run";      // a finished monitoring run
inline constexpr std::string_view kApiKey = "api_key";              // key created or revoked
inline constexpr std::string_view kCatalog = "catalog";             // the server swapped catalogs
}  // namespace audit_kind

struct AuditRecord {
  int64_t seq = 0;              // 1, 2, 3 …; assigned by Append
  std::string time;             // UTC ISO 8601; assigned by Append when empty
  std::string kind;             // one of audit_kind
  std::string caller;           // API key name, "cli:USER", "monitor" …
  std::string catalog_version;  // the catalog the screening ran against
  std::string query;            // JSON text (yente-shaped query)
  std::string results;          // JSON text: {"query_hash", "total", "results":[…]}
  std::string decision;         // "alert", "clear", "false_positive", "true_match" …
  std::string prev_hash;        // hash of record seq-1 (64 zeros for the first)
  std::string hash;             // SHA-256 over prev_hash and every field above
};

struct AuditVerifyReport {
  uint64_t records = 0;
  int64_t last_seq = 0;
  std::string head_hash;              // hash of the last record
  std::vector<std::string> problems;  // empty when the chain is intact
  bool ok() const { return problems.empty(); }
};

struct AuditExportOptions {
  enum class Format { kCsv, kJsonl };
  Format format = Format::kJsonl;
  int64_t from_seq = 1;
  int64_t to_seq = std::numeric_limits<int64_t>::max();
  std::string since;  // ISO time prefix bounds, inclusive; empty: unbounded
  std::string until;
  std::string kind;  // only this kind; empty: all
};

// An analyst's verdict on one result (alert): the query that was screened,
// the entity it matched, and the entity's content at the time (its hash).
struct CaseDecision {
  enum class Verdict { kTrueMatch, kFalsePositive };
  int64_t id = 0;
  std::string time;
  std::string analyst;
  std::string query_hash;  // QueryFingerprint of the screened query
  std::string entity_id;
  std::string entity_hash;  // EntityFingerprint when the decision was taken
  Verdict verdict = Verdict::kFalsePositive;
  std::string reason;
  std::string catalog_version;
  int64_t audit_seq = 0;     // the screening/alert record decided on (0: none)
  int64_t decision_seq = 0;  // the audit record of the decision itself
};
std::string_view VerdictName(CaseDecision::Verdict verdict);
Result<CaseDecision::Verdict> ParseVerdict(std::string_view text);

struct ApiKey {
  int64_t id = 0;
  std::string name;             // unique, shown as the caller in the audit log
  std::string role = "screen";  // "screen" (matching, search, decisions) or "admin"
  std::string prefix;           // first characters of the key, to recognise it
  double rate_per_second = 0;   // 0: the server's default
  double burst = 0;             // 0: the server's default
  std::string created_at;
  std::string revoked_at;  // empty while active
  bool revoked() const { return !revoked_at.empty(); }
};

// A stable hash of what a query asks (schema and properties; not its id), so
// that "the same query" can be recognised across requests and runs.
std::string QueryFingerprint(const Query& query);
// A stable hash of an entity's content: changes whenever the list changes the
// entry (names, dates, identifiers, notes …).
std::string EntityFingerprint(const Entity& entity);
// The compact results JSON stored in audit records.
std::string AuditResultsJson(const std::string& query_hash, const std::vector<MatchResult>& results,
                             const std::vector<std::string>& entity_hashes,
                             const std::vector<bool>& suppressed);
// "alert" when any result matches and is not suppressed, else "clear".
std::string ScreeningDecision(const std::vector<MatchResult>& results,
                              const std::vector<bool>& suppressed);

class Store {
 public:
  // Opens or creates the store file, creating tables as needed.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const;

  // --- audit log ---
  // Appends one record (seq, time, hashes assigned) and returns its seq.
  Result<int64_t> Append(AuditRecord record);
  // Appends several records in one transaction; returns their seqs in order.
  Result<std::vector<int64_t>> AppendAll(std::vector<AuditRecord> records);
  Result<AuditRecord> Get(int64_t seq);
  // Walks the whole chain. `expect_head`, when not empty, is a head hash kept
  // elsewhere; the chain must contain it (a rewritten log would not).
  Result<AuditVerifyReport> Verify(const std::string& expect_head = "");
  // Writes records as CSV (header seq,time,kind,caller,catalog_version,
  // decision,query,results,prev_hash,hash) or JSON lines (query and results as
  // JSON values). Returns the number written.
  Result<uint64_t> Export(const AuditExportOptions& options, std::ostream& out);

  // --- case decisions ---
  // Records a decision (and its audit record) and returns it with ids set.
  Result<CaseDecision> RecordDecision(CaseDecision decision);
  // Decides on a result of an audit record: the query hash and the entity's
  // hash come from the record. NotFound when the record or the entity in its
  // results does not exist.
  Result<CaseDecision> DecideOnRecord(int64_t audit_seq, const std::string& entity_id,
                                      CaseDecision::Verdict verdict, const std::string& reason,
                                      const std::string& analyst);
  // Every decision, oldest first (entity_id filters when not empty).
  Result<std::vector<CaseDecision>> ListDecisions(const std::string& entity_id = "");
  // The latest decision on (query, entity) when it still applies: the entity
  // has the same hash as when decided. nullopt otherwise.
  Result<std::optional<CaseDecision>> ActiveDecision(const std::string& query_hash,
                                                     const std::string& entity_id,
                                                     const std::string& entity_hash);

  // --- API keys ---
  // Creates a key and returns its secret (shown once; only its SHA-256 is
  // stored). `info` receives the stored row.
  Result<std::string> CreateApiKey(const std::string& name, const std::string& role,
                                   double rate_per_second, double burst, ApiKey* info = nullptr);
  Status RevokeApiKey(const std::string& name);
  Result<std::vector<ApiKey>> ListApiKeys();
  // The active key with this secret; nullopt for an unknown or revoked key.
  Result<std::optional<ApiKey>> FindApiKey(const std::string& secret);
  // SHA-256 of a key secret as stored.
  static std::string HashSecret(const std::string& secret);

  // A value that changes whenever keys or decisions change (also by another
  // process): lets a server refresh its caches cheaply.
  Result<std::string> Generation();

 private:
  Store();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

namespace store {
// Creates the audit tables on an open database (used by Store and by the
// monitor, which appends alerts in its own transactions).
Status CreateAuditSchema(Db* db);
// Appends within the caller's open transaction (see Transaction in db.h).
Result<int64_t> AppendInTransaction(Db* db, AuditRecord* record);
}  // namespace store

}  // namespace vigil

#endif  // VIGIL_AUDIT_H_
