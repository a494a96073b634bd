// Continuous monitoring: registered counterparties (customers, workers,
// vendors, payees) are re-screened whenever the lists change, and only
// against what changed.
//
// A run compares the new catalog with the entity fingerprints recorded by the
// previous run: entities added or changed are put in a small delta catalog,
// and every counterparty is screened against it (candidates are re-scored
// against the full catalog, so scores equal those of a full screening).
// Counterparties never screened before are screened against the whole
// catalog. Open alerts on entities removed from the lists are resolved.
//
// Runs are resumable: work is committed in chunks, each chunk's alerts and the
// run's cursor in one SQLite transaction. A run killed at any point is
// completed by the next `Run` with the same catalog, and each alert is written
// exactly once. New alerts are also appended to the audit trail (same
// transaction), and so is a summary of every finished run.
//
// Thread safety: a Monitor is not thread-safe; use one per thread. Runs are
// serialised across processes by a lock file beside the database.
#ifndef VIGIL_MONITOR_H_
#define VIGIL_MONITOR_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "vigil/catalog.h"
#include "vigil/matcher.h"
#include "vigil/status.h"

namespace vigil {

struct Counterparty {
  std::string id;                 // the caller's unique reference
  std::string kind = "customer";  // customer, worker, vendor, payee …
  Query query;
};

struct MonitorAddReport {
  uint64_t added = 0;
  uint64_t updated = 0;  // same id, different data: screened again fully
  uint64_t unchanged = 0;
};

struct MonitorRunOptions {
  MatchOptions match;        // threshold decides what is an alert
  int jobs = 2;              // screening threads
  size_t chunk_size = 5000;  // counterparties per committed chunk
  // Called after each committed chunk with (done, total); may be empty.
  std::function<void(uint64_t, uint64_t)> progress;
};

struct MonitorRunReport {
  int64_t run_id = 0;
  bool resumed = false;     // completed a run that had been interrupted
  bool up_to_date = false;  // nothing changed and nobody new: nothing to do
  std::string old_version;  // empty on the first run
  std::string new_version;
  uint64_t entities_added = 0;
  uint64_t entities_changed = 0;
  uint64_t entities_removed = 0;
  uint64_t screened_full = 0;   // new counterparties, against the whole catalog
  uint64_t screened_delta = 0;  // known counterparties, against the delta
  uint64_t new_alerts = 0;
  // Open alerts carried over to a changed entry (same pair, new entity hash;
  // an analyst's earlier verdict no longer applies to it).
  uint64_t updated_alerts = 0;
  uint64_t suppressed = 0;  // matches hidden by a false-positive decision
  uint64_t resolved_alerts = 0;
  double seconds = 0;
};

struct MonitorAlert {
  int64_t id = 0;
  int64_t run_id = 0;
  int64_t audit_seq = 0;  // the audit record; decide on it with `vigil cases decide`
  std::string counterparty_id;
  std::string counterparty_kind;
  std::string entity_id;
  std::string entity_hash;
  std::string caption;
  double score = 0;
  std::string reason;      // "new counterparty", "entity added", "entity changed"
  std::string status;      // open or resolved
  std::string resolution;  // why it was resolved
  std::string review;      // the latest analyst verdict, if any
  std::string catalog_version;
  std::string created_at;
};

struct MonitorAlertFilter {
  int64_t run_id = 0;  // 0: every run
  std::string status;  // "open", "resolved"; empty: any
  std::string counterparty_id;
};

struct MonitorStatus {
  uint64_t counterparties = 0;
  uint64_t never_screened = 0;
  std::string catalog_version;  // of the last finished run
  uint64_t open_alerts = 0;
  int64_t unfinished_run = 0;  // id of an interrupted run, 0 when none
};

class Monitor {
 public:
  // Opens (creating) the monitoring tables in the store database `db_path`.
  static Result<std::unique_ptr<Monitor>> Open(const std::string& db_path);
  ~Monitor();
  Monitor(const Monitor&) = delete;
  Monitor& operator=(const Monitor&) = delete;

  // Registers counterparties (one transaction). An id seen before with other
  // data is updated and screened again fully at the next run.
  Result<MonitorAddReport> Add(const std::vector<Counterparty>& counterparties);
  // Reads counterparties from CSV (id, name, … as `vigil screen --input`, plus
  // optional "kind") or JSON lines ({"id","schema","properties","kind"}).
  // Every record needs an id. `default_kind` applies where no kind is given.
  Result<MonitorAddReport> AddFile(const std::string& path, const std::string& default_kind);
  // Removes a counterparty and resolves its open alerts.
  Status Remove(const std::string& counterparty_id);

  // Brings every counterparty up to date with `catalog` (see the file comment).
  Result<MonitorRunReport> Run(std::shared_ptr<const Catalog> catalog,
                               const MonitorRunOptions& options);

  Result<std::vector<MonitorAlert>> Alerts(const MonitorAlertFilter& filter);
  Result<MonitorStatus> GetStatus();

 private:
  Monitor();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Counterparties from JSON lines or CSV text (`name` is used in messages).
Result<std::vector<Counterparty>> ParseCounterparties(std::string_view text, std::string_view name,
                                                      bool csv, const std::string& default_kind);

}  // namespace vigil

#endif  // VIGIL_MONITOR_H_
