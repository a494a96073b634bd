// The HTTP screening service (see include/vigil/server.h).
#include "vigil/server.h"

#include <fmt/format.h>
#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <iostream>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "catalog/report.h"
#include "core/strings.h"
#include "lists/ftm_writer.h"
#include "match/query_json.h"
#include "server/http.h"
#include "server/metrics.h"
#include "server/openapi.h"
#include "server/request_util.h"
#include "store/db.h"
#include "vigil/audit.h"

namespace vigil {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

// The unit of a swap: a catalog with everything derived from it.
struct Snapshot {
  std::shared_ptr<const Catalog> catalog;
  std::unique_ptr<Matcher> matcher;
  std::vector<std::string> entity_hashes;  // EntityFingerprint by entity index
  std::unordered_set<std::string> datasets;
  std::string loaded_at;
  Clock::time_point loaded;
};

std::shared_ptr<const Snapshot> BuildSnapshot(std::shared_ptr<const Catalog> catalog) {
  auto s = std::make_shared<Snapshot>();
  s->matcher = Matcher::Create(catalog);
  s->entity_hashes.reserve(catalog->size());
  for (const auto& e : catalog->entities()) {
    s->entity_hashes.push_back(EntityFingerprint(e));
    for (const auto& d : e.datasets()) s->datasets.insert(d);
  }
  for (const auto& src : catalog->sources()) s->datasets.insert(src.dataset);
  s->catalog = std::move(catalog);
  s->loaded_at = store::NowIso();
  s->loaded = Clock::now();
  return s;
}

bool IsLoopback(const std::string& addr) {
  return StartsWith(addr, "127.") || addr == "::1" || addr == "::ffff:127.0.0.1" ||
         addr == "localhost";
}

struct FileStamp {
  int64_t mtime_ns = 0;
  int64_t size = -1;
  uint64_t inode = 0;
  bool operator==(const FileStamp&) const = default;
};

std::optional<FileStamp> StampOf(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  FileStamp f;
  f.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  f.size = st.st_size;
  f.inode = st.st_ino;
  return f;
}

void SendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(DumpJson(body), "application/json");
}

void SendError(httplib::Response& res, int status, const std::string& detail) {
  SendJson(res, status, {{"status", status}, {"detail", detail}});
}

// What a request is allowed to do.
enum class Access { kOpen, kScreen, kAdmin };

struct Caller {
  std::string name;  // key name, or "anonymous@ADDR"
  double rate = 0;
  double burst = 0;
};

thread_local Clock::time_point g_request_start;

// Debian's library listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG is
// compiled in): a burst of new connections then waits for SYN retransmits,
// seconds each. Calling listen() again on the bound socket raises it.
class HttpServer : public httplib::Server {
 public:
  void RaiseBacklog(int backlog) {
    socket_t fd = svr_sock_;
    if (fd != INVALID_SOCKET) ::listen(fd, backlog);
  }
};
constexpr int kListenBacklog = 1024;

std::string RouteOf(const std::string& path) {
  for (const char* r : {"/match/", "/search/", "/entities/", "/cases/", "/admin/"})
    if (StartsWith(path, r)) return std::string(r + 1, std::strlen(r) - 2);
  for (const char* r : {"/catalog", "/healthz", "/readyz", "/metrics", "/openapi.json"})
    if (path == r) return r + 1;
  return "other";
}

class ServerImpl : public Server {
 public:
  ServerImpl(ServerOptions options, std::unique_ptr<Store> store,
             std::shared_ptr<const Snapshot> snapshot)
      : opts_(std::move(options)), store_(std::move(store)), snap_(std::move(snapshot)) {
    if (!opts_.catalog_path.empty()) stamp_ = StampOf(opts_.catalog_path);
  }
  ~ServerImpl() override { Stop(); }

  Status Init();
  Status Start() override;
  int port() const override { return port_; }
  void Stop() override;
  void Wait() override {
    std::unique_lock lock(stop_mu_);
    stop_cv_.wait(lock, [&] { return stopped_; });
  }
  Status Reload() override;
  Status SwapCatalog(std::shared_ptr<const Catalog> catalog) override;
  void RequestReload() override { reload_requested_.store(true); }
  std::string catalog_version() const override { return Current()->catalog->version(); }

 private:
  std::shared_ptr<const Snapshot> Current() const {
    std::lock_guard lock(snap_mu_);
    return snap_;
  }
  void Log(const std::string& line) const {
    if (opts_.log)
      opts_.log(line);
    else
      std::cerr << line << std::endl;
  }
  void SetReloadError(std::string e) {
    std::lock_guard lock(status_mu_);
    last_reload_error_ = std::move(e);
  }
  std::string ReloadError() const {
    std::lock_guard lock(status_mu_);
    return last_reload_error_;
  }

  void Routes();
  void WatchLoop();
  Status RefreshCaches(bool force);
  // Checks the key and the rate limit; answers and returns nullopt on refusal.
  std::optional<Caller> Authorize(const httplib::Request& req, httplib::Response& res,
                                  Access access);
  bool Suppressed(const std::string& query_hash, const std::string& entity_id,
                  const std::string& entity_hash, CaseDecision* decision) const;
  json ResultJson(const Snapshot& snap, const MatchResult& r, bool suppressed,
                  const CaseDecision* review) const;

  void HandleMatch(const httplib::Request& req, httplib::Response& res);
  void HandleSearch(const httplib::Request& req, httplib::Response& res);
  void HandleEntity(const httplib::Request& req, httplib::Response& res);
  void HandleCatalog(const httplib::Request& req, httplib::Response& res);
  void HandleDecide(const httplib::Request& req, httplib::Response& res);
  void HandleListDecisions(const httplib::Request& req, httplib::Response& res);
  void HandleReload(const httplib::Request& req, httplib::Response& res);

  // Screens queries on one snapshot and writes their audit records.
  struct Screened {
    std::vector<MatchResult> results;
    std::vector<bool> suppressed;
    std::vector<std::optional<CaseDecision>> reviews;
    std::string decision;
    int64_t audit_seq = 0;
  };
  Status ScreenAndAudit(const Snapshot& snap, const std::vector<Query>& queries,
                        const MatchOptions& options, std::string_view kind,
                        const std::string& caller, std::vector<Screened>* out);

  ServerOptions opts_;
  std::unique_ptr<Store> store_;
  HttpServer http_;
  int port_ = 0;

  mutable std::mutex snap_mu_;
  std::shared_ptr<const Snapshot> snap_;
  std::mutex reload_mu_;  // one load at a time
  std::optional<FileStamp> stamp_;
  std::atomic<bool> reload_requested_{false};

  mutable std::mutex status_mu_;
  std::string last_reload_error_;

  std::thread listen_thread_, watch_thread_;
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool started_ = false;
  bool stopped_ = false;

  // Caches of the store, refreshed when its generation changes.
  mutable std::mutex cache_mu_;
  std::string generation_;
  bool have_keys_ = false;
  std::unordered_map<std::string, std::optional<ApiKey>> key_cache_;  // by secret hash
  std::unordered_map<std::string, CaseDecision> decisions_;  // by query hash + '\n' + entity id

  server::Metrics metrics_;
  server::RateLimiter limiter_;
};

Status ServerImpl::Init() {
  VIGIL_RETURN_IF_ERROR(RefreshCaches(true));
  bool loopback = IsLoopback(opts_.host);
  if (opts_.auth != "auto" && opts_.auth != "required" && opts_.auth != "off")
    return Status::InvalidArgument(
        fmt::format("auth must be auto, required or off, got \"{}\"", opts_.auth));
  if (!loopback && (opts_.auth == "off" || (opts_.auth == "auto" && !have_keys_)))
    return Status::InvalidArgument(fmt::format(
        "refusing to serve {} without API keys: create one with `vigil keys create --db {}` or "
        "listen on 127.0.0.1",
        opts_.host, opts_.db_path));
  Routes();
  return Status::Ok();
}

Status ServerImpl::RefreshCaches(bool force) {
  VIGIL_ASSIGN_OR_RETURN(std::string gen, store_->Generation());
  {
    std::lock_guard lock(cache_mu_);
    if (!force && gen == generation_) return Status::Ok();
  }
  VIGIL_ASSIGN_OR_RETURN(auto keys, store_->ListApiKeys());
  VIGIL_ASSIGN_OR_RETURN(auto decisions, store_->ListDecisions());
  std::unordered_map<std::string, CaseDecision> latest;
  for (auto& d : decisions) latest[d.query_hash + '\n' + d.entity_id] = std::move(d);
  bool any_key = false;
  for (const auto& k : keys) any_key |= !k.revoked();
  std::lock_guard lock(cache_mu_);
  generation_ = gen;
  // "auto" keeps requiring keys once one existed, even if all are revoked.
  have_keys_ = have_keys_ || any_key || !keys.empty();
  key_cache_.clear();
  decisions_ = std::move(latest);
  return Status::Ok();
}

std::optional<Caller> ServerImpl::Authorize(const httplib::Request& req, httplib::Response& res,
                                            Access access) {
  if (access == Access::kOpen) return Caller{"anonymous", 0, 0};
  std::string secret;
  std::string auth = req.get_header_value("Authorization");
  if (IStartsWith(auth, "Bearer "))
    secret = std::string(Trim(auth.substr(7)));
  else if (IStartsWith(auth, "ApiKey "))
    secret = std::string(Trim(auth.substr(7)));
  if (secret.empty()) secret = std::string(Trim(req.get_header_value("X-API-Key")));
  bool need_key;
  {
    std::lock_guard lock(cache_mu_);
    need_key = opts_.auth == "required" || (opts_.auth == "auto" && have_keys_);
  }
  Caller caller;
  if (!need_key && secret.empty()) {
    if (!IsLoopback(req.remote_addr)) {
      metrics_.AuthFailed();
      SendError(res, 401, "an API key is required from " + req.remote_addr);
      return std::nullopt;
    }
    caller = {"anonymous@" + req.remote_addr, opts_.rate_per_second, opts_.burst};
  } else {
    if (secret.empty()) {
      metrics_.AuthFailed();
      res.set_header("WWW-Authenticate", "Bearer");
      SendError(res, 401,
                "missing API key: send \"Authorization: Bearer KEY\" or \"X-API-Key: KEY\"");
      return std::nullopt;
    }
    std::string hash = Store::HashSecret(secret);
    std::optional<ApiKey> key;
    bool cached = false;
    {
      std::lock_guard lock(cache_mu_);
      if (auto it = key_cache_.find(hash); it != key_cache_.end()) {
        key = it->second;
        cached = true;
      }
    }
    if (!cached) {
      auto found = store_->FindApiKey(secret);
      if (!found.ok()) {
        SendError(res, 503, "the key store is unavailable: " + found.status().message());
        return std::nullopt;
      }
      key = *found;
      std::lock_guard lock(cache_mu_);
      if (key_cache_.size() > 10000) key_cache_.clear();  // bounded against key guessing
      key_cache_[hash] = key;
    }
    if (!key) {
      metrics_.AuthFailed();
      res.set_header("WWW-Authenticate", "Bearer");
      SendError(res, 401, "invalid or revoked API key");
      return std::nullopt;
    }
    if (access == Access::kAdmin && key->role != "admin") {
      SendError(res, 403, fmt::format("API key \"{}\" is not an admin key", key->name));
      return std::nullopt;
    }
    caller = {key->name, key->rate_per_second > 0 ? key->rate_per_second : opts_.rate_per_second,
              key->burst > 0 ? key->burst : opts_.burst};
  }
  double retry = 0;
  if (!limiter_.Allow(caller.name, caller.rate, caller.burst, &retry)) {
    metrics_.RateLimited();
    res.set_header("Retry-After", std::to_string(static_cast<int>(std::ceil(retry))));
    SendError(res, 429,
              fmt::format("rate limit of {} requests per second exceeded for \"{}\"; retry in "
                          "{:.2f} s",
                          caller.rate, caller.name, retry));
    return std::nullopt;
  }
  return caller;
}

bool ServerImpl::Suppressed(const std::string& query_hash, const std::string& entity_id,
                            const std::string& entity_hash, CaseDecision* decision) const {
  std::lock_guard lock(cache_mu_);
  auto it = decisions_.find(query_hash + '\n' + entity_id);
  if (it == decisions_.end() || it->second.entity_hash != entity_hash) return false;
  *decision = it->second;
  return true;
}

json ServerImpl::ResultJson(const Snapshot&, const MatchResult& r, bool suppressed,
                            const CaseDecision* review) const {
  json j = ResultToJson(r);
  json props = json::object();
  for (const auto& [k, vs] : r.entity->properties()) props[k] = vs;
  j["properties"] = std::move(props);
  if (suppressed) {
    j["match"] = false;
    j["suppressed"] = true;
  }
  if (review)
    j["review"] = {{"verdict", VerdictName(review->verdict)},
                   {"reason", review->reason},
                   {"analyst", review->analyst},
                   {"time", review->time},
                   {"decision_id", review->id}};
  return j;
}

Status ServerImpl::ScreenAndAudit(const Snapshot& snap, const std::vector<Query>& queries,
                                  const MatchOptions& options, std::string_view kind,
                                  const std::string& caller, std::vector<Screened>* out) {
  out->assign(queries.size(), {});
  std::vector<AuditRecord> records(queries.size());
  const std::string& version = snap.catalog->version();
  for (size_t i = 0; i < queries.size(); ++i) {
    Screened& s = (*out)[i];
    VIGIL_ASSIGN_OR_RETURN(s.results, snap.matcher->Match(queries[i], options));
    std::string qhash = QueryFingerprint(queries[i]);
    std::vector<std::string> hashes;
    for (const auto& r : s.results) {
      int64_t idx = snap.catalog->IndexOf(r.entity->id());
      hashes.push_back(idx >= 0 ? snap.entity_hashes[static_cast<size_t>(idx)] : "");
      CaseDecision d;
      bool has = Suppressed(qhash, r.entity->id(), hashes.back(), &d);
      s.suppressed.push_back(has && d.verdict == CaseDecision::Verdict::kFalsePositive);
      s.reviews.push_back(has ? std::optional<CaseDecision>(d) : std::nullopt);
    }
    s.decision = ScreeningDecision(s.results, s.suppressed);
    AuditRecord& rec = records[i];
    rec.kind = std::string(kind);
    rec.caller = caller;
    rec.catalog_version = version;
    rec.query = DumpJson(QueryToJson(queries[i]));
    rec.results = AuditResultsJson(qhash, s.results, hashes, s.suppressed);
    rec.decision = s.decision;
  }
  auto seqs = store_->AppendAll(std::move(records));
  if (!seqs.ok()) {
    metrics_.AuditFailed();
    return seqs.status();
  }
  uint64_t alerts = 0, suppressed = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    (*out)[i].audit_seq = (*seqs)[i];
    alerts += (*out)[i].decision == "alert";
    for (bool b : (*out)[i].suppressed) suppressed += b;
  }
  metrics_.AddScreenings(queries.size());
  metrics_.AddAlerts(alerts);
  metrics_.AddSuppressed(suppressed);
  return Status::Ok();
}

void ServerImpl::HandleMatch(const httplib::Request& req, httplib::Response& res) {
  auto caller = Authorize(req, res, Access::kScreen);
  if (!caller) return;
  auto snap = Current();
  res.set_header("X-Vigil-Catalog", snap->catalog->version());
  std::string dataset = req.matches.size() > 1 ? req.matches[1].str() : "default";
  if (dataset != "default" && !snap->datasets.count(dataset))
    return SendError(res, 404,
                     fmt::format("unknown dataset \"{}\" (use \"default\" or a source dataset "
                                 "listed by /catalog)",
                                 dataset));
  QueryParams params;
  for (const auto& [k, v] : req.params) params.values.emplace_back(k, v);
  MatchRequest mr;
  RequestError err;
  if (!ParseMatchRequest(req.body, params, opts_, &mr, &err))
    return SendError(res, err.http_status, err.detail);
  MatchOptions options = mr.options;
  bool none = false;
  if (dataset != "default") {
    if (options.include_datasets.empty()) {
      options.include_datasets = {dataset};
    } else {
      bool has = std::find(options.include_datasets.begin(), options.include_datasets.end(),
                           dataset) != options.include_datasets.end();
      options.include_datasets = {dataset};
      none = !has;
    }
  }
  std::vector<Query> queries;
  for (const auto& [k, q] : mr.queries) queries.push_back(q);
  std::vector<Screened> screened;
  Status st =
      ScreenAndAudit(*snap, queries, options, audit_kind::kScreening, caller->name, &screened);
  if (!st.ok()) {
    if (st.code() == Status::Code::kInvalidArgument) return SendError(res, 422, st.message());
    return SendError(res, 503,
                     "screening not recorded in the audit trail, so not answered: " + st.message());
  }
  json responses = json::object();
  for (size_t i = 0; i < mr.queries.size(); ++i) {
    const Screened& s = screened[i];
    json results = json::array();
    if (!none)
      for (size_t k = 0; k < s.results.size(); ++k)
        results.push_back(ResultJson(*snap, s.results[k], s.suppressed[k],
                                     s.reviews[k] ? &*s.reviews[k] : nullptr));
    size_t total = results.size();
    responses[mr.queries[i].first] = {{"status", 200},
                                      {"results", std::move(results)},
                                      {"total", {{"value", total}, {"relation", "eq"}}},
                                      {"query", QueryToJson(mr.queries[i].second)},
                                      {"decision", none ? "clear" : s.decision},
                                      {"audit_seq", s.audit_seq}};
  }
  res.set_header("X-Batch-Size", std::to_string(mr.queries.size()));
  SendJson(res, 200,
           {{"responses", std::move(responses)},
            {"limit", options.limit},
            {"threshold", options.threshold},
            {"catalog", snap->catalog->version()},
            {"matcher", {{"name", "vigil"}, {"version", VIGIL_VERSION_STRING}}}});
}

void ServerImpl::HandleSearch(const httplib::Request& req, httplib::Response& res) {
  auto caller = Authorize(req, res, Access::kScreen);
  if (!caller) return;
  auto snap = Current();
  res.set_header("X-Vigil-Catalog", snap->catalog->version());
  std::string dataset = req.matches.size() > 1 ? req.matches[1].str() : "default";
  if (dataset != "default" && !snap->datasets.count(dataset))
    return SendError(res, 404, fmt::format("unknown dataset \"{}\"", dataset));
  std::string text(Trim(req.get_param_value("q")));
  if (text.empty()) return SendError(res, 400, "parameter q (the name to search) is required");
  Query q;
  q.id = "search";
  q.schema = req.has_param("schema") ? req.get_param_value("schema") : "Thing";
  q.names = {SanitizeUtf8(text)};
  RequestError err;
  if (!ValidateQuery(q, "q", opts_, &err)) return SendError(res, err.http_status, err.detail);
  QueryParams params;
  for (const auto& [k, v] : req.params)
    if (k == "limit" || k == "cutoff" || k == "threshold") params.values.emplace_back(k, v);
  // A search is for browsing: show weaker candidates than /match does.
  if (!req.has_param("cutoff")) params.values.emplace_back("cutoff", "0.3");
  // Reuse the /match option parser for limit/cutoff with a one-query body.
  MatchRequest mr;
  if (!ParseMatchRequest(R"({"queries":{"q":{"properties":{"name":["x"]}}}})", params, opts_, &mr,
                         &err))
    return SendError(res, err.http_status, err.detail);
  MatchOptions options = mr.options;
  if (dataset != "default") options.include_datasets = {dataset};
  std::vector<Screened> screened;
  Status st = ScreenAndAudit(*snap, {q}, options, audit_kind::kSearch, caller->name, &screened);
  if (!st.ok())
    return SendError(res, st.code() == Status::Code::kInvalidArgument ? 422 : 503, st.message());
  json results = json::array();
  const Screened& s = screened[0];
  for (size_t k = 0; k < s.results.size(); ++k)
    results.push_back(
        ResultJson(*snap, s.results[k], s.suppressed[k], s.reviews[k] ? &*s.reviews[k] : nullptr));
  size_t total = results.size();
  SendJson(res, 200,
           {{"results", std::move(results)},
            {"total", {{"value", total}, {"relation", "eq"}}},
            {"limit", options.limit},
            {"offset", 0},
            {"audit_seq", s.audit_seq},
            {"catalog", snap->catalog->version()}});
}

void ServerImpl::HandleEntity(const httplib::Request& req, httplib::Response& res) {
  if (!Authorize(req, res, Access::kScreen)) return;
  auto snap = Current();
  res.set_header("X-Vigil-Catalog", snap->catalog->version());
  std::string id = req.matches.size() > 1 ? req.matches[1].str() : "";
  const Entity* e = snap->catalog->Find(id);
  if (!e)
    return SendError(res, 404,
                     fmt::format("no entity \"{}\" in catalog {}", id, snap->catalog->version()));
  json j = json::parse(EntityToFtmJson(*e), nullptr, false);
  if (j.is_discarded()) return SendError(res, 500, "entity could not be serialised");
  j["catalog"] = snap->catalog->version();
  SendJson(res, 200, j);
}

void ServerImpl::HandleCatalog(const httplib::Request& req, httplib::Response& res) {
  if (!Authorize(req, res, Access::kScreen)) return;
  auto snap = Current();
  const Catalog& c = *snap->catalog;
  res.set_header("X-Vigil-Catalog", c.version());
  json j = CatalogInfoJson(c);
  json datasets = json::array();
  datasets.push_back({{"name", "default"},
                      {"title", "vigil catalog (all sources)"},
                      {"entity_count", c.size()},
                      {"version", c.version()}});
  for (const auto& s : c.sources())
    datasets.push_back({{"name", s.dataset},
                        {"title", s.dataset},
                        {"entity_count", s.entity_count},
                        {"version", s.publication_date}});
  j["datasets"] = std::move(datasets);
  j["catalog"] = c.version();
  j["loaded_at"] = snap->loaded_at;
  std::string err = ReloadError();
  j["last_reload_error"] = err.empty() ? json(nullptr) : json(err);
  SendJson(res, 200, j);
}

void ServerImpl::HandleDecide(const httplib::Request& req, httplib::Response& res) {
  auto caller = Authorize(req, res, Access::kScreen);
  if (!caller) return;
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded()) return SendError(res, 400, "malformed JSON body");
  if (!body.is_object()) return SendError(res, 422, "the body must be a JSON object");
  auto str = [&](const char* k) {
    auto it = body.find(k);
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  auto seq_it = body.find("audit_seq");
  if (seq_it == body.end() || !seq_it->is_number_integer() || seq_it->get<int64_t>() <= 0)
    return SendError(res, 422, "field \"audit_seq\" (the screening's audit record) is required");
  std::string entity_id = str("entity_id");
  if (entity_id.empty()) return SendError(res, 422, "field \"entity_id\" is required");
  auto verdict = ParseVerdict(str("verdict"));
  if (!verdict.ok()) return SendError(res, 422, verdict.status().message());
  std::string reason = str("reason");
  if (reason.empty()) return SendError(res, 422, "field \"reason\" is required");
  std::string analyst = str("analyst");
  analyst = analyst.empty() ? caller->name : caller->name + "/" + analyst;
  auto d = store_->DecideOnRecord(seq_it->get<int64_t>(), entity_id, *verdict, reason, analyst);
  if (!d.ok()) {
    int code = d.status().code() == Status::Code::kNotFound          ? 404
               : d.status().code() == Status::Code::kInvalidArgument ? 422
                                                                     : 503;
    return SendError(res, code, d.status().message());
  }
  (void)RefreshCaches(true);
  SendJson(res, 201,
           {{"id", d->id},
            {"audit_seq", d->audit_seq},
            {"decision_seq", d->decision_seq},
            {"entity_id", d->entity_id},
            {"entity_hash", d->entity_hash},
            {"query_hash", d->query_hash},
            {"verdict", VerdictName(d->verdict)},
            {"reason", d->reason},
            {"analyst", d->analyst},
            {"time", d->time}});
}

void ServerImpl::HandleListDecisions(const httplib::Request& req, httplib::Response& res) {
  if (!Authorize(req, res, Access::kScreen)) return;
  auto list = store_->ListDecisions(req.get_param_value("entity_id"));
  if (!list.ok()) return SendError(res, 503, list.status().message());
  json arr = json::array();
  for (const auto& d : *list)
    arr.push_back({{"id", d.id},
                   {"time", d.time},
                   {"analyst", d.analyst},
                   {"query_hash", d.query_hash},
                   {"entity_id", d.entity_id},
                   {"entity_hash", d.entity_hash},
                   {"verdict", VerdictName(d.verdict)},
                   {"reason", d.reason},
                   {"catalog_version", d.catalog_version},
                   {"audit_seq", d.audit_seq}});
  SendJson(res, 200, {{"decisions", std::move(arr)}});
}

void ServerImpl::HandleReload(const httplib::Request& req, httplib::Response& res) {
  if (!Authorize(req, res, Access::kAdmin)) return;
  std::string before = catalog_version();
  Status st = Reload();
  std::string after = catalog_version();
  res.set_header("X-Vigil-Catalog", after);
  if (!st.ok())
    return SendJson(
        res, 422,
        {{"status", 422},
         {"detail", "catalog not swapped, still serving " + after + ": " + st.ToString()},
         {"catalog", after}});
  SendJson(res, 200, {{"previous", before}, {"catalog", after}});
}

void ServerImpl::Routes() {
  http_.new_task_queue = [n = std::max(2, opts_.threads)] {
    return new httplib::ThreadPool(static_cast<size_t>(n));
  };
  http_.set_payload_max_length(opts_.max_body_bytes);
  http_.set_keep_alive_max_count(100000);
  http_.set_keep_alive_timeout(5);
  http_.set_read_timeout(10);
  http_.set_write_timeout(10);
  http_.set_tcp_nodelay(true);
  http_.set_pre_routing_handler([this](const httplib::Request&, httplib::Response&) {
    g_request_start = Clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    double secs = std::chrono::duration<double>(Clock::now() - g_request_start).count();
    metrics_.ObserveRequest(RouteOf(req.path), res.status, secs);
  });
  // Errors httplib raises itself (413, 404 of unknown paths …) get a JSON body.
  http_.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string detail = res.status == 413 ? "request body too large"
                         : res.status == 404
                             ? "no such endpoint: " + req.method + " " + SanitizeUtf8(req.path)
                             : fmt::format("HTTP error {}", res.status);
    SendError(res, res.status, detail);
  });
  http_.set_exception_handler(
      [this](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown error";
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        Log("vigil serve: internal error: " + what);
        SendError(res, 500, "internal error: " + what);
      });
  auto bind = [this](void (ServerImpl::*fn)(const httplib::Request&, httplib::Response&)) {
    return [this, fn](const httplib::Request& req, httplib::Response& res) {
      struct InFlight {
        std::atomic<int64_t>& n;
        explicit InFlight(std::atomic<int64_t>& c) : n(c) { n++; }
        ~InFlight() { n--; }
      } in_flight(metrics_.in_flight());
      (this->*fn)(req, res);
    };
  };
  http_.Post(R"(/match/([^/]+))", bind(&ServerImpl::HandleMatch));
  http_.Get(R"(/search/([^/]+))", bind(&ServerImpl::HandleSearch));
  http_.Get(R"(/entities/(.+))", bind(&ServerImpl::HandleEntity));
  http_.Get("/catalog", bind(&ServerImpl::HandleCatalog));
  http_.Post("/cases/decisions", bind(&ServerImpl::HandleDecide));
  http_.Get("/cases/decisions", bind(&ServerImpl::HandleListDecisions));
  http_.Post("/admin/reload", bind(&ServerImpl::HandleReload));
  http_.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    SendJson(res, 200, {{"status", "ok"}});
  });
  http_.Get("/readyz", [this](const httplib::Request&, httplib::Response& res) {
    auto snap = Current();
    std::string err = ReloadError();
    json j = {{"status", snap ? "ready" : "loading"},
              {"catalog", snap ? snap->catalog->version() : ""},
              {"last_reload_error", err.empty() ? json(nullptr) : json(err)}};
    SendJson(res, snap ? 200 : 503, j);
  });
  http_.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    auto snap = Current();
    double age = std::chrono::duration<double>(Clock::now() - snap->loaded).count();
    res.set_content(metrics_.Render(snap->catalog->version(), snap->catalog->size(), age),
                    "text/plain; version=0.0.4");
  });
  http_.Get("/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(server::OpenApiJson(), "application/json");
  });
}

Status ServerImpl::Start() {
  std::lock_guard lock(stop_mu_);
  if (started_) return Status::InvalidArgument("the server was started already");
  if (opts_.port == 0) {
    port_ = http_.bind_to_any_port(opts_.host);
    if (port_ <= 0) return Status::IOError("cannot bind " + opts_.host + " to any port");
  } else {
    if (!http_.bind_to_port(opts_.host, opts_.port))
      return Status::IOError(
          fmt::format("cannot listen on {}:{} (in use, or not an address "
                      "of this machine)",
                      opts_.host, opts_.port));
    port_ = opts_.port;
  }
  http_.RaiseBacklog(kListenBacklog);
  started_ = true;
  listen_thread_ = std::thread([this] { http_.listen_after_bind(); });
  watch_thread_ = std::thread([this] { WatchLoop(); });
  return Status::Ok();
}

void ServerImpl::Stop() {
  {
    std::lock_guard lock(stop_mu_);
    if (!started_ || stopped_) {
      stopped_ = true;
      stop_cv_.notify_all();
      return;
    }
    stopped_ = true;
  }
  stop_cv_.notify_all();
  http_.stop();
  if (listen_thread_.joinable()) listen_thread_.join();
  if (watch_thread_.joinable()) watch_thread_.join();
}

void ServerImpl::WatchLoop() {
  auto last_check = Clock::now();
  auto last_refresh = Clock::now();
  while (true) {
    {
      std::unique_lock lock(stop_mu_);
      if (stop_cv_.wait_for(lock, std::chrono::milliseconds(100), [&] { return stopped_; })) return;
    }
    bool reload = reload_requested_.exchange(false);
    auto now = Clock::now();
    if (opts_.watch && !opts_.catalog_path.empty() &&
        now - last_check >= std::chrono::milliseconds(opts_.watch_interval_ms)) {
      last_check = now;
      auto stamp = StampOf(opts_.catalog_path);
      std::lock_guard lock(reload_mu_);
      if (stamp && stamp != stamp_) {
        // Wait for the writer to finish: the file must be stable for a moment.
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        if (StampOf(opts_.catalog_path) == stamp) reload = true;
      }
    }
    if (reload) {
      Status st = Reload();
      if (!st.ok())
        Log("vigil serve: reload failed, still serving " + catalog_version() + ": " +
            st.ToString());
    }
    if (now - last_refresh >= std::chrono::seconds(1)) {
      last_refresh = now;
      Status st = RefreshCaches(false);
      if (!st.ok()) Log("vigil serve: cannot refresh keys and decisions: " + st.ToString());
    }
  }
}

Status ServerImpl::Reload() {
  std::lock_guard lock(reload_mu_);
  auto stamp = opts_.catalog_path.empty() ? std::nullopt : StampOf(opts_.catalog_path);
  auto catalog =
      opts_.catalog_path.empty() ? LoadDefaultCatalog() : OpenCatalogOrList(opts_.catalog_path);
  // Remember the file either way: a broken file is not retried until it changes.
  stamp_ = stamp;
  if (!catalog.ok()) {
    metrics_.CatalogLoadFailed();
    SetReloadError(store::NowIso() + " " + catalog.status().ToString());
    return catalog.status();
  }
  return SwapCatalog(std::move(*catalog));
}

Status ServerImpl::SwapCatalog(std::shared_ptr<const Catalog> catalog) {
  if (!catalog) return Status::InvalidArgument("no catalog to swap in");
  if (catalog->size() == 0) {
    metrics_.CatalogLoadFailed();
    SetReloadError(store::NowIso() + " the new catalog has no entities; not swapped");
    return Status::InvalidArgument("the new catalog has no entities; not swapped");
  }
  auto next = BuildSnapshot(std::move(catalog));
  std::shared_ptr<const Snapshot> previous;
  {
    std::lock_guard lock(snap_mu_);
    previous = std::move(snap_);
    snap_ = next;
  }
  metrics_.CatalogSwapped();
  SetReloadError("");
  AuditRecord rec;
  rec.kind = std::string(audit_kind::kCatalog);
  rec.caller = "server";
  rec.catalog_version = next->catalog->version();
  rec.query = DumpJson({{"previous", previous ? previous->catalog->version() : ""}});
  rec.results = DumpJson({{"entities", next->catalog->size()}});
  rec.decision = "swapped";
  auto seq = store_->Append(std::move(rec));
  Log(fmt::format("vigil serve: now serving catalog {} ({} entities){}", next->catalog->version(),
                  next->catalog->size(),
                  seq.ok() ? "" : "; audit record failed: " + seq.status().ToString()));
  // `previous` is released here, or by the last request still using it.
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Server>> Server::Create(ServerOptions options) {
  auto catalog =
      options.catalog_path.empty() ? LoadDefaultCatalog() : OpenCatalogOrList(options.catalog_path);
  if (!catalog.ok()) return catalog.status().WithContext("loading the catalog");
  return Create(std::move(options), std::move(*catalog));
}

Result<std::unique_ptr<Server>> Server::Create(ServerOptions options,
                                               std::shared_ptr<const Catalog> catalog) {
  if (!catalog) return Status::InvalidArgument("no catalog");
  if (options.max_batch == 0 || options.max_query_chars == 0 || options.max_body_bytes == 0)
    return Status::InvalidArgument("limits must be positive");
  VIGIL_ASSIGN_OR_RETURN(auto store, Store::Open(options.db_path));
  auto impl = std::make_unique<ServerImpl>(std::move(options), std::move(store),
                                           BuildSnapshot(std::move(catalog)));
  VIGIL_RETURN_IF_ERROR(impl->Init());
  return std::unique_ptr<Server>(std::move(impl));
}

Status RunServer(ServerOptions options) {
  // Block the signals in every thread (they inherit the mask); this thread
  // then takes them synchronously with sigwait, so no handler runs async.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::string host = options.host;
  auto log = options.log;
  auto say = [&log](const std::string& s) {
    if (log)
      log(s);
    else
      std::cerr << s << std::endl;
  };
  VIGIL_ASSIGN_OR_RETURN(auto server, Server::Create(std::move(options)));
  VIGIL_RETURN_IF_ERROR(server->Start());
  say(fmt::format("vigil serve: listening on http://{}:{} with catalog {} (SIGHUP reloads)", host,
                  server->port(), server->catalog_version()));
  while (true) {
    int sig = 0;
    if (sigwait(&set, &sig) != 0) continue;
    if (sig == SIGHUP) {
      server->RequestReload();
      continue;
    }
    say(fmt::format("vigil serve: signal {}, stopping", sig));
    break;
  }
  server->Stop();
  return Status::Ok();
}

}  // namespace vigil
