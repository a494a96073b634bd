// The screening service: yente-compatible HTTP/JSON matching over the current
// catalog, with hot catalog swaps, API keys, rate limits and an audit record
// of every screening.
//
//   ServerOptions options;
//   options.port = 0;                        // any free port
//   auto server = Server::Create(options);   // loads the catalog, opens the store
//   (*server)->Start();                      // listens on its own threads
//   … (*server)->port() …
//   (*server)->Stop();
//
// Endpoints (see /openapi.json): POST /match/{dataset}, GET /search/{dataset},
// GET /entities/{id}, GET /catalog, GET /healthz, GET /readyz, GET /metrics,
// GET /openapi.json, POST /cases/decisions, GET /cases/decisions,
// POST /admin/reload. Every answer built from a catalog names its version
// (field "catalog" and header X-Vigil-Catalog).
//
// Catalog swaps: the catalog and its matcher are published together as one
// immutable snapshot behind a shared_ptr. Each request takes its own
// reference, so requests in flight finish on the snapshot they started with,
// and a swap never blocks or fails a request. A catalog that fails to load
// leaves the current one serving; the error is logged, counted in /metrics
// and shown by /catalog and /readyz.
//
// Thread safety: all methods may be called from any thread. Stop() must not
// be called from a request handler.
#ifndef VIGIL_SERVER_H_
#define VIGIL_SERVER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "vigil/catalog.h"
#include "vigil/matcher.h"
#include "vigil/status.h"

namespace vigil {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8000;  // 0: any free port (see Server::port)
  // A catalog snapshot or list file; empty: the default catalog. When `watch`
  // is set, a change of the file (size, time or inode) loads it again.
  std::string catalog_path;
  bool watch = true;
  int watch_interval_ms = 2000;
  // The store (audit trail, decisions, API keys): a SQLite file.
  std::string db_path = "vigil.db";
  // "auto": keys are required once any key exists in the store (a store
  // without keys serves loopback callers only); "required"; "off" (loopback
  // only).
  std::string auth = "auto";
  // Per-key token bucket, for keys that do not set their own.
  double rate_per_second = 100;
  double burst = 200;
  size_t max_body_bytes = 1 << 20;
  size_t max_batch = 100;         // queries per /match request
  size_t max_query_chars = 1000;  // characters of names and values in one query
  size_t max_limit = 100;         // results per query
  int threads = 128;              // connection threads (keep-alive pins one each)
  MatchOptions match;             // defaults for threshold, cutoff, limit
  // Where log lines go (one per call, no newline); empty: standard error.
  std::function<void(const std::string&)> log;
};

// The parsed body and parameters of a /match request (exposed for tests and
// the fuzz target).
struct MatchRequest {
  std::vector<std::pair<std::string, Query>> queries;  // sorted by name
  MatchOptions options;
};
struct RequestError {
  int http_status = 400;
  std::string detail;
};
struct QueryParams {
  // name → values, as in the URL query string (repeated names allowed)
  std::vector<std::pair<std::string, std::string>> values;
};
// Parses a yente /match body plus URL parameters (limit, threshold, cutoff,
// include_dataset, exclude_dataset, exclude_entity_ids; the body may carry
// the same fields). Errors name the offending field.
bool ParseMatchRequest(std::string_view body, const QueryParams& params,
                       const ServerOptions& limits, MatchRequest* out, RequestError* error);

class Server {
 public:
  // Loads the catalog (options.catalog_path or the default) and opens the
  // store. Does not listen yet.
  static Result<std::unique_ptr<Server>> Create(ServerOptions options);
  // The same with a catalog already in memory (tests, benchmarks).
  static Result<std::unique_ptr<Server>> Create(ServerOptions options,
                                                std::shared_ptr<const Catalog> catalog);
  virtual ~Server() = default;

  // Binds and starts serving on background threads.
  virtual Status Start() = 0;
  // The bound port (after Start).
  virtual int port() const = 0;
  // Stops accepting, lets requests in flight finish, joins threads.
  virtual void Stop() = 0;
  // Blocks until Stop() is called from elsewhere.
  virtual void Wait() = 0;

  // Loads options.catalog_path (or the default catalog) again and swaps it in.
  // On failure the current catalog keeps serving and the error is returned.
  virtual Status Reload() = 0;
  // Swaps in a catalog (builds its matcher first, outside any lock).
  virtual Status SwapCatalog(std::shared_ptr<const Catalog> catalog) = 0;
  // Asks the watcher thread to reload soon; safe from a signal handler.
  virtual void RequestReload() = 0;
  virtual std::string catalog_version() const = 0;
};

// Runs a server until SIGINT or SIGTERM; SIGHUP reloads the catalog.
Status RunServer(ServerOptions options);

}  // namespace vigil

#endif  // VIGIL_SERVER_H_
