// `vigil update`: fetches the current lists from their official addresses and
// builds a new catalog from them, failing safe.
//
// The sources come from a JSON file (data/sources.json). Every file is
// downloaded into a temporary folder first (bounded size, bounded time, HTTP
// status checked, bounded retries), then every source is parsed; only when all
// of them parse is the new catalog built and written, atomically, over the
// output file. On any failure the output file is left as it was and the error
// names the address and what went wrong.
#ifndef VIGIL_UPDATE_H_
#define VIGIL_UPDATE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/catalog.h"
#include "vigil/lists.h"
#include "vigil/status.h"

namespace vigil {

// One file of a remotely published source. `role` tells the parser what the
// file holds: for OFAC legacy CSV "primary", "aliases", "addresses" or
// "comments"; for single-file formats "list".
struct RemoteFile {
  std::string role;
  std::string url;
};

// One source of the catalog: either remote (`files`) or a local file under the
// sources file's folder (`path`), for sources without an official address.
struct UpdateSource {
  std::string dataset;
  ListFormat format = ListFormat::kAuto;
  std::vector<RemoteFile> files;
  std::string path;              // absolute after LoadUpdateSources
  std::string publication_date;  // local sources: used when the file has none
  std::string sha256;            // local sources: when set, the file must match
};

// Reads a sources file: {"sources":[{"dataset","format", and "url" (one file),
// "files" ({"primary": url, …} for ofac_csv) or "path" (local)}]}. Errors name
// the file and the offending source and field.
Result<std::vector<UpdateSource>> LoadUpdateSources(const std::string& path);

// Puts `base_url` ("http://127.0.0.1:8080", or with a path prefix for a
// mirror: "https://mirror.example/lists") in place of the scheme and host of
// `url`, keeping its path and query.
Result<std::string> RebaseUrl(std::string_view url, std::string_view base_url);

struct UpdateOptions {
  // Sources file; empty means <DefaultDataDir()>/sources.json.
  std::string sources_path;
  // Replaces scheme and host of every url when not empty.
  std::string base_url;
  // The catalog to write. An existing catalog there is the "previous" one the
  // summary compares against; it is replaced only by a complete new catalog.
  std::string output = "vigil-catalog.vcat";
  // Download into this folder and leave the files there (default: a temporary
  // folder, removed afterwards).
  std::string keep_downloads;
  int connect_timeout_seconds = 15;
  // Longest silence while reading a response.
  int read_timeout_seconds = 60;
  // Longest time for one file, however steadily it trickles in.
  int max_file_seconds = 900;
  // Attempts per file (connection failures, timeouts, HTTP 429 and 5xx are
  // retried; other HTTP errors are not). At least 1.
  int attempts = 3;
  // Pause before the second attempt, doubled before each further one.
  int retry_delay_ms = 1000;
  uint64_t max_file_bytes = 512ull << 20;
  uint64_t max_total_bytes = 2ull << 30;
  // A dataset that shrinks below this fraction of its entity count in the
  // previous catalog is refused (a list that lost most of its records is far
  // more likely a broken publication than real delistings). 0 disables.
  double min_kept_fraction = 0.5;
  // Progress messages ("downloading …"); may be empty.
  std::function<void(const std::string&)> progress;
};

struct DownloadRecord {
  std::string dataset;
  std::string url;
  std::string file;  // where it was stored (gone unless keep_downloads)
  uint64_t bytes = 0;
  std::string sha256;
  int attempts = 0;
};

struct UpdateResult {
  std::shared_ptr<const Catalog> catalog;
  std::string output;
  std::vector<DownloadRecord> downloads;
  uint64_t warning_count = 0;
  // The catalog that was at `output` before, if it could be read.
  std::shared_ptr<const Catalog> previous;
  CatalogDiff diff;  // previous -> catalog; empty without a previous catalog
  // Why there is no previous catalog when a file was there (unreadable).
  std::string previous_note;
};

// Downloads, parses, builds and writes. Nothing is written to options.output
// unless every step succeeded.
Result<UpdateResult> UpdateCatalog(const UpdateOptions& options);

// The summary `vigil update` prints: version, counts per dataset, downloads
// and the comparison with the previous catalog.
std::string FormatUpdateSummary(const UpdateResult& result);

}  // namespace vigil

#endif  // VIGIL_UPDATE_H_
