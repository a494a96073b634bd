// serve, keys, audit, cases and monitor: the service side of the CLI. Each
// callback parses its arguments and calls the library (src/server,
// src/store, src/monitor); nothing here decides anything.
#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "commands.h"
#include "core/io.h"
#include "core/strings.h"
#include "match/query_json.h"
#include "vigil/audit.h"
#include "vigil/catalog.h"
#include "vigil/monitor.h"
#include "vigil/server.h"

namespace vigil::cli {
namespace {

constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

int Fail(const Status& status) {
  std::cerr << "vigil: " << status.ToString() << "\n";
  return status.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitError;
}

std::string CliUser() {
  const char* u = std::getenv("USER");
  return std::string("cli:") + (u && *u ? u : "unknown");
}

Result<std::shared_ptr<const Catalog>> OpenCatalog(const std::string& path) {
  if (path.empty()) return LoadDefaultCatalog();
  return OpenCatalogOrList(path);
}

// "HOST:PORT", ":PORT" or "PORT"; "[::1]:8000" for IPv6.
Status ParseListen(const std::string& text, ServerOptions* o) {
  std::string host = o->host, port = text;
  if (!text.empty() && text[0] == '[') {
    size_t close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':')
      return Status::InvalidArgument("--listen expects [ADDR]:PORT for IPv6, got '" + text + "'");
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else if (size_t colon = text.rfind(':'); colon != std::string::npos) {
    if (colon > 0) host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  uint64_t p = 0;
  if (!ParseUint(port, &p) || p > 65535)
    return Status::InvalidArgument("--listen expects HOST:PORT, got '" + text + "'");
  o->host = host;
  o->port = static_cast<int>(p);
  return Status::Ok();
}

void AddDbOption(CLI::App* cmd, std::string* db) {
  cmd->add_option("--db", *db, "Store file (audit trail, decisions, keys, monitoring)")
      ->envname("VIGIL_DB")
      ->capture_default_str();
}

struct ServeArgs {
  std::string listen = "127.0.0.1:8000";
  ServerOptions options;
  bool no_watch = false;
};

int RunServe(ServeArgs& a) {
  Status st = ParseListen(a.listen, &a.options);
  if (!st.ok()) return Fail(st);
  a.options.watch = !a.no_watch;
  st = RunServer(a.options);
  return st.ok() ? 0 : Fail(st);
}

std::string FormatAlerts(const std::vector<MonitorAlert>& alerts) {
  std::string out =
      fmt::format("{:>6}  {:>6}  {:<20}  {:<32}  {:>5}  {:<16}  {:<10}  {}\n", "alert", "audit",
                  "counterparty", "entity", "score", "reason", "status", "caption");
  for (const auto& a : alerts)
    out += fmt::format("{:>6}  {:>6}  {:<20}  {:<32}  {:>5.3f}  {:<16}  {:<10}  {}{}\n", a.id,
                       a.audit_seq, a.counterparty_id, a.entity_id, a.score, a.reason, a.status,
                       a.caption, a.review.empty() ? "" : "  [" + a.review + "]");
  out += fmt::format("{} alerts\n", alerts.size());
  return out;
}

nlohmann::json AlertJson(const MonitorAlert& a) {
  return {{"id", a.id},
          {"run_id", a.run_id},
          {"audit_seq", a.audit_seq},
          {"counterparty_id", a.counterparty_id},
          {"counterparty_kind", a.counterparty_kind},
          {"entity_id", a.entity_id},
          {"entity_hash", a.entity_hash},
          {"caption", a.caption},
          {"score", a.score},
          {"reason", a.reason},
          {"status", a.status},
          {"resolution", a.resolution},
          {"review", a.review},
          {"catalog_version", a.catalog_version},
          {"created_at", a.created_at}};
}

nlohmann::json RunReportJson(const MonitorRunReport& r) {
  return {{"run_id", r.run_id},
          {"resumed", r.resumed},
          {"up_to_date", r.up_to_date},
          {"old_version", r.old_version},
          {"new_version", r.new_version},
          {"entities_added", r.entities_added},
          {"entities_changed", r.entities_changed},
          {"entities_removed", r.entities_removed},
          {"screened_full", r.screened_full},
          {"screened_delta", r.screened_delta},
          {"new_alerts", r.new_alerts},
          {"updated_alerts", r.updated_alerts},
          {"suppressed", r.suppressed},
          {"resolved_alerts", r.resolved_alerts},
          {"seconds", r.seconds}};
}

}  // namespace

void RegisterServiceCommands(CLI::App& app, int* exit_code) {
  // --- serve ---
  auto serve_args = std::make_shared<ServeArgs>();
  ServerOptions& so = serve_args->options;
  auto* serve = app.add_subcommand("serve", "Run the screening HTTP API (yente-compatible)");
  serve->add_option("--listen", serve_args->listen, "HOST:PORT to listen on (loopback by default)")
      ->capture_default_str();
  serve->add_option(
      "--catalog", so.catalog_path,
      "Catalog snapshot or list file, watched for changes (default: default catalog)");
  serve->add_flag("--no-watch", serve_args->no_watch, "Do not watch the catalog file");
  serve->add_option("--watch-interval", so.watch_interval_ms, "Milliseconds between file checks")
      ->capture_default_str()
      ->check(CLI::Range(100, 3600000));
  AddDbOption(serve, &so.db_path);
  serve
      ->add_option("--auth", so.auth,
                   "auto (keys once any exists), required, or off (loopback only)")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "required", "off"}));
  serve->add_option("--rate", so.rate_per_second, "Requests per second per key (0: unlimited)")
      ->capture_default_str();
  serve->add_option("--burst", so.burst, "Burst per key")->capture_default_str();
  serve->add_option("--max-body", so.max_body_bytes, "Largest request body in bytes")
      ->capture_default_str();
  serve->add_option("--max-batch", so.max_batch, "Most queries in one /match request")
      ->capture_default_str();
  serve->add_option("--max-query-chars", so.max_query_chars, "Most characters in one query")
      ->capture_default_str();
  serve->add_option("--threads", so.threads, "Connection threads")
      ->capture_default_str()
      ->check(CLI::Range(2, 4096));
  serve->add_option("--threshold", so.match.threshold, "Default match threshold")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  serve->add_option("--cutoff", so.match.cutoff, "Default lowest score returned")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  serve->add_option("--limit", so.match.limit, "Default results per query")->capture_default_str();
  serve->callback([serve_args, exit_code] { *exit_code = RunServe(*serve_args); });

  // --- keys ---
  auto db = std::make_shared<std::string>("vigil.db");
  auto* keys = app.add_subcommand("keys", "Manage API keys of the service");
  keys->require_subcommand(1);
  struct KeyArgs {
    std::string name, role = "screen";
    double rate = 0, burst = 0;
  };
  auto key_args = std::make_shared<KeyArgs>();
  auto* key_create = keys->add_subcommand("create", "Create a key (its secret is shown once)");
  key_create->add_option("name", key_args->name, "Name of the caller (e.g. onboarding)")
      ->required();
  key_create->add_option("--role", key_args->role, "screen or admin")
      ->capture_default_str()
      ->check(CLI::IsMember({"screen", "admin"}));
  key_create->add_option("--rate", key_args->rate, "Requests per second (0: server default)");
  key_create->add_option("--burst", key_args->burst, "Burst (0: server default)");
  AddDbOption(key_create, db.get());
  key_create->callback([db, key_args, exit_code] {
    auto store = Store::Open(*db);
    if (!store.ok()) return void(*exit_code = Fail(store.status()));
    auto secret =
        (*store)->CreateApiKey(key_args->name, key_args->role, key_args->rate, key_args->burst);
    if (!secret.ok()) return void(*exit_code = Fail(secret.status()));
    std::cout << *secret << "\n";
    std::cerr << fmt::format("created {} key \"{}\"; store the secret now, it is not kept\n",
                             key_args->role, key_args->name);
    *exit_code = 0;
  });
  auto* key_revoke = keys->add_subcommand("revoke", "Revoke a key (takes effect within 1 s)");
  key_revoke->add_option("name", key_args->name, "Name of the key")->required();
  AddDbOption(key_revoke, db.get());
  key_revoke->callback([db, key_args, exit_code] {
    auto store = Store::Open(*db);
    if (!store.ok()) return void(*exit_code = Fail(store.status()));
    Status st = (*store)->RevokeApiKey(key_args->name);
    *exit_code = st.ok() ? 0 : Fail(st);
  });
  auto* key_list = keys->add_subcommand("list", "List keys (names, roles, never secrets)");
  AddDbOption(key_list, db.get());
  key_list->callback([db, exit_code] {
    auto store = Store::Open(*db);
    if (!store.ok()) return void(*exit_code = Fail(store.status()));
    auto list = (*store)->ListApiKeys();
    if (!list.ok()) return void(*exit_code = Fail(list.status()));
    std::cout << fmt::format("{:<20} {:<7} {:<12} {:>7} {:>7}  {:<24}  {}\n", "name", "role",
                             "prefix", "rate", "burst", "created", "revoked");
    for (const auto& k : *list)
      std::cout << fmt::format("{:<20} {:<7} {:<12} {:>7} {:>7}  {:<24}  {}\n", k.name, k.role,
                               k.prefix, k.rate_per_second, k.burst, k.created_at,
                               k.revoked_at.empty() ? "-" : k.revoked_at);
    *exit_code = 0;
  });

  // --- audit ---
  auto* audit = app.add_subcommand("audit", "Verify and export the audit trail");
  audit->require_subcommand(1);
  auto expect_head = std::make_shared<std::string>();
  auto* verify = audit->add_subcommand("verify", "Check the hash chain (exit 1 when broken)");
  AddDbOption(verify, db.get());
  verify->add_option("--expect-head", *expect_head,
                     "A head hash noted earlier: the chain must still contain it");
  verify->callback([db, expect_head, exit_code] {
    if (!PathExists(*db)) return void(*exit_code = Fail(Status::NotFound(*db + ": no such store")));
    auto store = Store::Open(*db);
    if (!store.ok()) return void(*exit_code = Fail(store.status()));
    auto report = (*store)->Verify(*expect_head);
    if (!report.ok()) return void(*exit_code = Fail(report.status()));
    for (const auto& p : report->problems) std::cout << "BROKEN: " << p << "\n";
    std::cout << fmt::format("{} records, last {}, head {}: {}\n", report->records,
                             report->last_seq, report->head_hash.empty() ? "-" : report->head_hash,
                             report->ok() ? "chain intact" : "chain BROKEN");
    *exit_code = report->ok() ? 0 : kExitError;
  });
  auto export_opts = std::make_shared<AuditExportOptions>();
  auto export_format = std::make_shared<std::string>("jsonl");
  auto export_out = std::make_shared<std::string>("-");
  auto* exp = audit->add_subcommand("export", "Write audit records as CSV or JSON lines");
  AddDbOption(exp, db.get());
  exp->add_option("--format", *export_format, "csv or jsonl")
      ->capture_default_str()
      ->check(CLI::IsMember({"csv", "jsonl"}));
  exp->add_option("-o,--output", *export_out, "File to write (- for standard output)")
      ->capture_default_str();
  exp->add_option("--since", export_opts->since, "Only records at or after this UTC time");
  exp->add_option("--until", export_opts->until, "Only records up to this UTC time (prefix)");
  exp->add_option("--kind", export_opts->kind,
                  "Only this kind (screening, search, decision, monitor_alert, monitor_run …)");
  exp->add_option("--from-seq", export_opts->from_seq, "First record");
  exp->add_option("--to-seq", export_opts->to_seq, "Last record");
  exp->callback([db, export_opts, export_format, export_out, exit_code] {
    if (!PathExists(*db)) return void(*exit_code = Fail(Status::NotFound(*db + ": no such store")));
    auto store = Store::Open(*db);
    if (!store.ok()) return void(*exit_code = Fail(store.status()));
    export_opts->format = *export_format == "csv" ? AuditExportOptions::Format::kCsv
                                                  : AuditExportOptions::Format::kJsonl;
    Result<uint64_t> n = uint64_t{0};
    if (*export_out == "-") {
      n = (*store)->Export(*export_opts, std::cout);
    } else {
      std::string tmp = *export_out + ".tmp";
      {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) return void(*exit_code = Fail(Status::IOError(tmp + ": cannot write")));
        n = (*store)->Export(*export_opts, f);
        f.flush();
        if (n.ok() && !f) n = Status::IOError(tmp + ": write failed");
      }
      if (n.ok() && std::rename(tmp.c_str(), export_out->c_str()) != 0)
        n = Status::IOError(*export_out + ": cannot rename the export into place");
      if (!n.ok()) std::remove(tmp.c_str());
    }
    if (!n.ok()) return void(*exit_code = Fail(n.status()));
    std::cerr << fmt::format("exported {} records\n", *n);
    *exit_code = 0;
  });

  // --- cases ---
  auto* cases = app.add_subcommand("cases", "Analysts' decisions on alerts");
  cases->require_subcommand(1);
  struct DecideArgs {
    int64_t audit_seq = 0;
    std::string entity, verdict, reason, analyst;
    bool json = false;
  };
  auto decide_args = std::make_shared<DecideArgs>();
  auto* decide = cases->add_subcommand(
      "decide",
      "Record a verdict on an alert (a screening's or a monitoring alert's audit record)");
  AddDbOption(decide, db.get());
  decide
      ->add_option("--audit-seq", decide_args->audit_seq,
                   "The audit record of the screening or alert")
      ->required();
  decide->add_option("--entity", decide_args->entity, "The listed entity id decided on")
      ->required();
  decide->add_option("--verdict", decide_args->verdict, "true_match or false_positive")
      ->required()
      ->check(CLI::IsMember({"true_match", "false_positive"}));
  decide->add_option("--reason", decide_args->reason, "Why (kept in the audit trail)")->required();
  decide->add_option("--analyst", decide_args->analyst, "Who decides (default: cli:$USER)");
  decide->callback([db, decide_args, exit_code] {
    auto store = Store::Open(*db);
    if (!store.ok()) return void(*exit_code = Fail(store.status()));
    auto verdict = ParseVerdict(decide_args->verdict);
    if (!verdict.ok()) return void(*exit_code = Fail(verdict.status()));
    auto d = (*store)->DecideOnRecord(
        decide_args->audit_seq, decide_args->entity, *verdict, decide_args->reason,
        decide_args->analyst.empty() ? CliUser() : decide_args->analyst);
    if (!d.ok()) return void(*exit_code = Fail(d.status()));
    std::cout << fmt::format("decision {} recorded (audit record {}): {} on {} for query {}\n",
                             d->id, d->decision_seq, VerdictName(d->verdict), d->entity_id,
                             d->query_hash);
    *exit_code = 0;
  });
  auto* cases_list = cases->add_subcommand("list", "List decisions");
  AddDbOption(cases_list, db.get());
  cases_list->add_option("--entity", decide_args->entity, "Only decisions on this entity");
  cases_list->add_flag("--json", decide_args->json, "JSON lines");
  cases_list->callback([db, decide_args, exit_code] {
    auto store = Store::Open(*db);
    if (!store.ok()) return void(*exit_code = Fail(store.status()));
    auto list = (*store)->ListDecisions(decide_args->entity);
    if (!list.ok()) return void(*exit_code = Fail(list.status()));
    for (const auto& d : *list) {
      if (decide_args->json)
        std::cout << DumpJson({{"id", d.id},
                               {"time", d.time},
                               {"analyst", d.analyst},
                               {"query_hash", d.query_hash},
                               {"entity_id", d.entity_id},
                               {"entity_hash", d.entity_hash},
                               {"verdict", VerdictName(d.verdict)},
                               {"reason", d.reason},
                               {"audit_seq", d.audit_seq}})
                  << "\n";
      else
        std::cout << fmt::format("{:>5}  {}  {:<16}  {:<30}  {:<14}  {}\n", d.id, d.time, d.analyst,
                                 d.entity_id, VerdictName(d.verdict), d.reason);
    }
    *exit_code = 0;
  });

  // --- monitor ---
  auto* monitor = app.add_subcommand("monitor", "Continuous monitoring of counterparties");
  monitor->require_subcommand(1);
  struct MonitorArgs {
    std::string file, kind = "customer", catalog, status, counterparty;
    int64_t run = 0;
    MonitorRunOptions run_options;
    bool json = false, quiet = false;
  };
  auto margs = std::make_shared<MonitorArgs>();
  auto* madd = monitor->add_subcommand("add", "Register counterparties from CSV or JSON lines");
  madd->add_option("file", margs->file,
                   "CSV (id,name,… as for vigil screen; optional kind) or JSON lines "
                   "({id,schema,properties,kind})")
      ->required();
  madd->add_option("--kind", margs->kind, "Kind where the file gives none")->capture_default_str();
  AddDbOption(madd, db.get());
  madd->callback([db, margs, exit_code] {
    auto m = Monitor::Open(*db);
    if (!m.ok()) return void(*exit_code = Fail(m.status()));
    auto r = (*m)->AddFile(margs->file, margs->kind);
    if (!r.ok()) return void(*exit_code = Fail(r.status()));
    std::cout << fmt::format("{} added, {} updated, {} unchanged\n", r->added, r->updated,
                             r->unchanged);
    *exit_code = 0;
  });
  auto* mrun = monitor->add_subcommand(
      "run",
      "Re-screen what a list change can affect, and new counterparties; resumes a killed run");
  mrun->add_option("--catalog", margs->catalog,
                   "The new catalog snapshot or list file (default: the default catalog)");
  mrun->add_option("--threshold", margs->run_options.match.threshold, "Alert threshold")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  mrun->add_option("-j,--jobs", margs->run_options.jobs, "Threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  mrun->add_option("--chunk-size", margs->run_options.chunk_size,
                   "Counterparties per committed chunk")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  mrun->add_flag("--json", margs->json, "Print the run report as JSON");
  mrun->add_flag("-q,--quiet", margs->quiet, "No progress");
  AddDbOption(mrun, db.get());
  mrun->callback([db, margs, exit_code] {
    auto m = Monitor::Open(*db);
    if (!m.ok()) return void(*exit_code = Fail(m.status()));
    auto catalog = OpenCatalog(margs->catalog);
    if (!catalog.ok()) return void(*exit_code = Fail(catalog.status()));
    MonitorRunOptions options = margs->run_options;
    options.match.cutoff = std::min(options.match.cutoff, options.match.threshold);
    if (!margs->quiet && isatty(fileno(stderr)))
      options.progress = [](uint64_t done, uint64_t total) {
        std::fprintf(stderr, "\r%llu/%llu counterparties", static_cast<unsigned long long>(done),
                     static_cast<unsigned long long>(total));
        if (done >= total) std::fprintf(stderr, "\n");
      };
    auto r = (*m)->Run(*catalog, options);
    if (!r.ok()) return void(*exit_code = Fail(r.status()));
    if (margs->json) {
      std::cout << DumpJson(RunReportJson(*r)) << "\n";
    } else if (r->up_to_date) {
      std::cout << fmt::format("up to date with catalog {}: nothing to screen\n", r->new_version);
    } else {
      std::cout << fmt::format(
          "run {}{}: {} -> {}\n  list change: {} added, {} changed, {} removed\n  screened: {} "
          "against the delta, {} new counterparties in full\n  {} new alerts, {} carried over to "
          "changed entries, {} suppressed by decisions, {} resolved  ({:.2f} s)\n",
          r->run_id, r->resumed ? " (resumed)" : "",
          r->old_version.empty() ? "(first run)" : r->old_version, r->new_version,
          r->entities_added, r->entities_changed, r->entities_removed, r->screened_delta,
          r->screened_full, r->new_alerts, r->updated_alerts, r->suppressed, r->resolved_alerts,
          r->seconds);
    }
    *exit_code = 0;
  });
  auto* malerts = monitor->add_subcommand("alerts", "List monitoring alerts");
  malerts->add_option("--run", margs->run, "Only alerts of this run");
  malerts->add_option("--status", margs->status, "open or resolved");
  malerts->add_option("--counterparty", margs->counterparty, "Only this counterparty");
  malerts->add_flag("--json", margs->json, "JSON lines");
  AddDbOption(malerts, db.get());
  malerts->callback([db, margs, exit_code] {
    auto m = Monitor::Open(*db);
    if (!m.ok()) return void(*exit_code = Fail(m.status()));
    MonitorAlertFilter f;
    f.run_id = margs->run;
    f.status = margs->status;
    f.counterparty_id = margs->counterparty;
    auto alerts = (*m)->Alerts(f);
    if (!alerts.ok()) return void(*exit_code = Fail(alerts.status()));
    if (margs->json)
      for (const auto& a : *alerts) std::cout << DumpJson(AlertJson(a)) << "\n";
    else
      std::cout << FormatAlerts(*alerts);
    *exit_code = 0;
  });
  auto* mstatus = monitor->add_subcommand("status", "Counterparties, last catalog, open alerts");
  AddDbOption(mstatus, db.get());
  mstatus->callback([db, exit_code] {
    auto m = Monitor::Open(*db);
    if (!m.ok()) return void(*exit_code = Fail(m.status()));
    auto s = (*m)->GetStatus();
    if (!s.ok()) return void(*exit_code = Fail(s.status()));
    std::cout << fmt::format(
        "{} counterparties ({} not yet screened), last catalog {}, {} open alerts{}\n",
        s->counterparties, s->never_screened,
        s->catalog_version.empty() ? "(none)" : s->catalog_version, s->open_alerts,
        s->unfinished_run
            ? fmt::format(", run {} unfinished (monitor run resumes it)", s->unfinished_run)
            : "");
    *exit_code = 0;
  });
  auto* mremove = monitor->add_subcommand("remove", "Stop monitoring a counterparty");
  mremove->add_option("id", margs->counterparty, "Counterparty id")->required();
  AddDbOption(mremove, db.get());
  mremove->callback([db, margs, exit_code] {
    auto m = Monitor::Open(*db);
    if (!m.ok()) return void(*exit_code = Fail(m.status()));
    Status st = (*m)->Remove(margs->counterparty);
    *exit_code = st.ok() ? 0 : Fail(st);
  });
}

}  // namespace vigil::cli
