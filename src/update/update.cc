// `vigil update`: download, parse everything, and only then replace the catalog.
#include "vigil/update.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "core/io.h"
#include "core/strings.h"
#include "update/httplib_config.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kOfacRoles[] = {"primary", "aliases", "addresses", "comments"};
constexpr std::string_view kSingleFileRole = "list";

struct UrlParts {
  std::string scheme;     // "http" or "https"
  std::string authority;  // host[:port]
  std::string target;     // path and query, at least "/"
};

Result<UrlParts> SplitUrl(std::string_view url) {
  auto bad = [&](std::string_view why) {
    return Status::InvalidArgument("'" + std::string(url) + "' is not a usable address (" +
                                   std::string(why) + ")");
  };
  size_t sep = url.find("://");
  if (sep == std::string_view::npos) return bad("expected http:// or https://");
  UrlParts parts;
  parts.scheme = AsciiLower(url.substr(0, sep));
  if (parts.scheme != "http" && parts.scheme != "https") return bad("expected http:// or https://");
  std::string_view rest = url.substr(sep + 3);
  size_t end = rest.find_first_of("/?#");
  parts.authority = std::string(rest.substr(0, end));
  if (parts.authority.empty()) return bad("no host");
  // Credentials in addresses end up in logs and error messages.
  if (parts.authority.find('@') != std::string::npos) return bad("user names are not supported");
  for (char c : url)
    if (static_cast<unsigned char>(c) <= ' ') return bad("contains spaces or control characters");
  std::string_view target = end == std::string_view::npos ? "" : rest.substr(end);
  target = target.substr(0, target.find('#'));
  parts.target = std::string(target);
  if (parts.target.empty() || parts.target[0] != '/') parts.target.insert(0, "/");
  return parts;
}

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  if (from.empty()) return text;
  for (size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
  return text;
}

// The same kind of error with another message.
Status Restate(const Status& status, std::string message) {
  switch (status.code()) {
    case Status::Code::kInvalidArgument:
      return Status::InvalidArgument(std::move(message));
    case Status::Code::kNotFound:
      return Status::NotFound(std::move(message));
    case Status::Code::kIOError:
      return Status::IOError(std::move(message));
    case Status::Code::kParseError:
      return Status::ParseError(std::move(message));
    case Status::Code::kCorruption:
      return Status::Corruption(std::move(message));
    case Status::Code::kUnsupported:
      return Status::Unsupported(std::move(message));
    case Status::Code::kOk:
    case Status::Code::kInternal:
      break;
  }
  return Status::Internal(std::move(message));
}

std::string TodayUtc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof(buf), "%Y-%m-%d", &tm);
  return buf;
}

// "Wed, 21 Oct 2015 07:28:00 GMT" -> "2015-10-21"; empty when unreadable.
std::string HttpDateToIso(const std::string& text) {
  std::tm tm{};
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S", &tm);
  if (!end) return "";
  char buf[16];
  std::strftime(buf, sizeof(buf), "%Y-%m-%d", &tm);
  return buf;
}

// A file name for a download: the last path segment of its address, reduced
// to characters that are safe in a file name.
std::string DownloadName(const UrlParts& url, std::string_view fallback) {
  std::string_view path = url.target;
  path = path.substr(0, path.find('?'));
  std::string name(path.substr(path.find_last_of('/') + 1));
  for (char& c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')) c = '_';
  if (name.empty() || name == "." || name == "..") return std::string(fallback);
  return name;
}

std::string DescribeError(httplib::Error error) {
  switch (error) {
    case httplib::Error::Connection:
      return "could not connect";
    case httplib::Error::ConnectionTimeout:
      return "connection timed out";
    case httplib::Error::Read:
      return "the connection broke or went silent while reading";
    case httplib::Error::Write:
      return "the connection broke while sending the request";
    case httplib::Error::ExceedRedirectCount:
      return "too many redirects";
    case httplib::Error::SSLConnection:
      return "the TLS (https) handshake failed";
    case httplib::Error::SSLLoadingCerts:
      return "could not load the trusted CA certificates for https (install ca-certificates "
             "or set SSL_CERT_FILE)";
    case httplib::Error::SSLServerVerification:
      return "the server's TLS certificate could not be verified";
    case httplib::Error::Compression:
      return "could not decompress the response";
    default:
      break;
  }
  return "request failed (" + httplib::to_string(error) + ")";
}

bool IsRetryable(httplib::Error error) {
  switch (error) {
    case httplib::Error::Connection:
    case httplib::Error::ConnectionTimeout:
    case httplib::Error::Read:
    case httplib::Error::Write:
    case httplib::Error::SSLConnection:
      return true;
    default:
      return false;
  }
}

struct FetchOutcome {
  Status status;
  bool retryable = false;
  uint64_t bytes = 0;
  std::string last_modified;
};

// One GET of `url` into `dest`, at most `limit` bytes.
FetchOutcome FetchOnce(const std::string& url, const UrlParts& parts, const std::string& dest,
                       const UpdateOptions& options, uint64_t limit) {
  FetchOutcome out;
  auto fail = [&](std::string what, bool retryable) {
    out.status = Status::IOError(url + ": " + what);
    out.retryable = retryable;
    return out;
  };
  httplib::Client client(parts.scheme + "://" + parts.authority);
  if (!client.is_valid()) {
    if (parts.scheme == "https")
      return fail("https is not available (cpp-httplib could not set up TLS)", false);
    return fail("cannot open an HTTP client for " + parts.authority, false);
  }
  client.set_connection_timeout(options.connect_timeout_seconds, 0);
  client.set_read_timeout(options.read_timeout_seconds, 0);
  client.set_write_timeout(options.connect_timeout_seconds, 0);
  client.set_follow_location(true);
  client.set_keep_alive(false);

  std::ofstream file(dest, std::ios::binary | std::ios::trunc);
  if (!file) {
    out.status = Status::IOError(dest + ": cannot create the download file");
    return out;
  }
  int http_status = 0;
  std::string reason;
  bool too_big = false, too_slow = false, write_failed = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.max_file_seconds);
  httplib::Headers headers = {{"User-Agent", std::string("vigil/") + VIGIL_VERSION_STRING}};
  auto result = client.Get(
      parts.target, headers,
      [&](const httplib::Response& response) {
        http_status = response.status;
        reason = response.reason;
        out.last_modified = response.get_header_value("Last-Modified");
        if (response.status != 200) return false;
        // Refuse an announced oversize body before reading any of it.
        uint64_t announced = 0;
        if (ParseUint(response.get_header_value("Content-Length"), &announced) &&
            announced > limit) {
          too_big = true;
          return false;
        }
        return true;
      },
      [&](const char* data, size_t size) {
        out.bytes += size;
        if (out.bytes > limit) {
          too_big = true;
          return false;
        }
        if (std::chrono::steady_clock::now() > deadline) {
          too_slow = true;
          return false;
        }
        file.write(data, static_cast<std::streamsize>(size));
        if (!file) {
          write_failed = true;
          return false;
        }
        return true;
      });
  file.close();
  if (too_big) return fail(fmt::format("larger than the limit of {} bytes", limit), false);
  if (too_slow) return fail(fmt::format("not complete after {} s", options.max_file_seconds), true);
  if (write_failed || !file) {
    out.status = Status::IOError(dest + ": cannot write the download (disk full?)");
    return out;
  }
  if (http_status != 0 && http_status != 200) {
    bool retryable = http_status == 429 || http_status >= 500;
    return fail(fmt::format("HTTP {}{}{}", http_status, reason.empty() ? "" : " ", reason),
                retryable);
  }
  if (!result) return fail(DescribeError(result.error()), IsRetryable(result.error()));
  if (result->status != 200) return fail(fmt::format("HTTP {}", result->status), false);
  if (out.bytes == 0) return fail("the server sent an empty file", true);
  return out;
}

struct Download {
  const UpdateSource* source = nullptr;
  RemoteFile remote;
  std::string path;
  uint64_t bytes = 0;
  std::string sha256;
  std::string last_modified;
  int attempts = 0;
};

Status DownloadWithRetries(const UpdateOptions& options, uint64_t limit, Download* d) {
  VIGIL_ASSIGN_OR_RETURN(UrlParts parts, SplitUrl(d->remote.url));
  int delay_ms = std::max(0, options.retry_delay_ms);
  int attempts = std::max(1, options.attempts);
  FetchOutcome outcome;
  for (d->attempts = 1;; ++d->attempts) {
    outcome = FetchOnce(d->remote.url, parts, d->path, options, limit);
    if (outcome.status.ok() || !outcome.retryable || d->attempts >= attempts) break;
    if (options.progress)
      options.progress(fmt::format("  retrying in {} ms: {}", delay_ms, outcome.status.message()));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    delay_ms *= 2;
  }
  if (!outcome.status.ok()) {
    std::error_code ec;
    fs::remove(d->path, ec);
    if (d->attempts > 1)
      return Restate(outcome.status,
                     fmt::format("{} (after {} attempts)", outcome.status.message(), d->attempts));
    return outcome.status;
  }
  d->bytes = outcome.bytes;
  d->last_modified = outcome.last_modified;
  VIGIL_ASSIGN_OR_RETURN(std::string bytes, ReadRawFile(d->path));
  d->sha256 = Sha256Hex(bytes);
  return Status::Ok();
}

// Removes the temporary download folder however UpdateCatalog returns.
class TempDirGuard {
 public:
  explicit TempDirGuard(std::string dir) : dir_(std::move(dir)) {}
  ~TempDirGuard() {
    if (dir_.empty()) return;
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  TempDirGuard(const TempDirGuard&) = delete;
  TempDirGuard& operator=(const TempDirGuard&) = delete;

 private:
  std::string dir_;
};

Result<std::string> MakeTempDir() {
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / "vigil-update-XXXXXX").string();
  if (!mkdtemp(pattern.data()))
    return Status::IOError(pattern + ": cannot create a temporary folder");
  return pattern;
}

// Warnings and errors name the downloaded copies (by path or by file name);
// people need the addresses.
std::string NameUrls(std::string text, const std::vector<const Download*>& files) {
  for (const Download* d : files) text = ReplaceAll(std::move(text), d->path, d->remote.url);
  for (const Download* d : files) {
    std::string name = BaseName(d->path) + ":";
    if (StartsWith(text, name)) return d->remote.url + text.substr(name.size() - 1);
  }
  return text;
}

Result<ParsedSource> ParseDownloads(const UpdateSource& source,
                                    const std::vector<const Download*>& files) {
  Result<ParsedSource> parsed = Status::Internal("no files");
  if (source.format == ListFormat::kOfacCsv) {
    OfacCsvFiles set;
    for (const Download* d : files) {
      if (d->remote.role == "primary") set.primary = d->path;
      if (d->remote.role == "aliases") set.aliases = d->path;
      if (d->remote.role == "addresses") set.addresses = d->path;
      if (d->remote.role == "comments") set.comments = d->path;
    }
    parsed = ParseOfacCsvFiles(set, source.dataset);
  } else {
    SourceSpec spec;
    spec.dataset = source.dataset;
    spec.path = files.front()->path;
    spec.format = source.format;
    parsed = ParseSource(spec);
  }
  if (!parsed.ok()) {
    std::string message = NameUrls(parsed.status().message(), files);
    bool named = std::any_of(files.begin(), files.end(), [&](const Download* d) {
      return message.find(d->remote.url) != std::string::npos;
    });
    if (!named) message = files.front()->remote.url + ": " + message;
    return Restate(parsed.status(), std::move(message));
  }
  for (auto& w : parsed->warnings) {
    w.where = NameUrls(std::move(w.where), files);
    w.message = NameUrls(std::move(w.message), files);
  }
  return parsed;
}

// The sha256 recorded for a source: of the file, or for several files of the
// "sha256  name" lines sorted by name (as for a folder in a manifest).
std::string FilesSha256(const std::vector<const Download*>& files) {
  if (files.size() == 1) return files[0]->sha256;
  std::map<std::string, std::string> sums;
  for (const Download* d : files) sums[BaseName(d->path)] = d->sha256;
  std::string lines;
  for (const auto& [name, sum] : sums) lines += sum + "  " + name + "\n";
  return Sha256Hex(lines);
}

std::string DatasetOf(const Catalog& catalog, const std::string& id) {
  const Entity* e = catalog.Find(id);
  if (e && !e->datasets().empty()) return e->datasets().front();
  return id.substr(0, id.find(':'));
}

}  // namespace

Result<std::string> RebaseUrl(std::string_view url, std::string_view base_url) {
  VIGIL_ASSIGN_OR_RETURN(UrlParts parts, SplitUrl(url));
  VIGIL_ASSIGN_OR_RETURN(UrlParts base, SplitUrl(base_url));
  if (base.target.find('?') != std::string::npos)
    return Status::InvalidArgument("base address '" + std::string(base_url) +
                                   "' must not have a query");
  std::string prefix = base.target;
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  return base.scheme + "://" + base.authority + prefix + parts.target;
}

Result<std::vector<UpdateSource>> LoadUpdateSources(const std::string& path) {
  VIGIL_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::ParseError(path + ": not a JSON object");
  auto list = j.find("sources");
  if (list == j.end() || !list->is_array() || list->empty())
    return Status::ParseError(path + ": missing or empty array \"sources\"");
  fs::path dir = fs::absolute(fs::path(path)).parent_path();
  std::vector<UpdateSource> sources;
  std::set<std::string> datasets;
  for (size_t i = 0; i < list->size(); ++i) {
    const nlohmann::json& s = (*list)[i];
    std::string where = fmt::format("{}: sources[{}]", path, i);
    if (!s.is_object()) return Status::ParseError(where + ": not an object");
    auto str = [&](const char* key, std::string* value) -> Status {
      auto it = s.find(key);
      if (it == s.end()) return Status::Ok();
      if (!it->is_string()) return Status::ParseError(where + ": \"" + key + "\" must be a string");
      *value = it->get<std::string>();
      return Status::Ok();
    };
    UpdateSource source;
    VIGIL_RETURN_IF_ERROR(str("dataset", &source.dataset));
    if (source.dataset.empty()) return Status::ParseError(where + ": missing \"dataset\"");
    where += " (" + source.dataset + ")";
    if (!datasets.insert(source.dataset).second)
      return Status::ParseError(where + ": dataset listed twice");
    std::string format;
    VIGIL_RETURN_IF_ERROR(str("format", &format));
    if (format.empty()) return Status::ParseError(where + ": missing \"format\"");
    auto parsed_format = ParseListFormatName(format);
    if (!parsed_format.ok() || *parsed_format == ListFormat::kAuto)
      return Status::ParseError(where + ": \"format\": unknown list format '" + format + "'");
    source.format = *parsed_format;

    std::string url, local;
    VIGIL_RETURN_IF_ERROR(str("url", &url));
    VIGIL_RETURN_IF_ERROR(str("path", &local));
    VIGIL_RETURN_IF_ERROR(str("publication_date", &source.publication_date));
    VIGIL_RETURN_IF_ERROR(str("sha256", &source.sha256));
    auto files = s.find("files");
    int kinds = !url.empty() + !local.empty() + (files != s.end());
    if (kinds != 1)
      return Status::ParseError(where + ": needs exactly one of \"url\", \"files\" or \"path\"");
    auto check_url = [&](const std::string& u, std::string_view field) -> Status {
      auto parts = SplitUrl(u);
      if (!parts.ok())
        return Status::ParseError(where + ": \"" + std::string(field) +
                                  "\": " + parts.status().message());
      return Status::Ok();
    };
    if (!url.empty()) {
      if (source.format == ListFormat::kOfacCsv)
        return Status::ParseError(where +
                                  ": ofac_csv needs \"files\" {\"primary\", \"aliases\", "
                                  "\"addresses\", \"comments\"}, not \"url\"");
      VIGIL_RETURN_IF_ERROR(check_url(url, "url"));
      source.files.push_back({std::string(kSingleFileRole), url});
    } else if (!local.empty()) {
      source.path = fs::path(local).is_absolute() ? local : (dir / local).string();
    } else {
      if (source.format != ListFormat::kOfacCsv)
        return Status::ParseError(where + ": \"files\" is for ofac_csv; use \"url\"");
      if (!files->is_object())
        return Status::ParseError(where + ": \"files\" must be an object of role: url");
      for (auto it = files->begin(); it != files->end(); ++it) {
        std::string field = "files." + it.key();
        if (std::find(std::begin(kOfacRoles), std::end(kOfacRoles), it.key()) ==
            std::end(kOfacRoles))
          return Status::ParseError(where + ": \"" + field +
                                    "\": unknown role (primary, aliases, addresses, comments)");
        if (!it->is_string() || it->get<std::string>().empty())
          return Status::ParseError(where + ": \"" + field + "\" must be an address");
        VIGIL_RETURN_IF_ERROR(check_url(it->get<std::string>(), field));
        source.files.push_back({it.key(), it->get<std::string>()});
      }
      if (std::none_of(source.files.begin(), source.files.end(),
                       [](const RemoteFile& f) { return f.role == "primary"; }))
        return Status::ParseError(where + ": missing \"files.primary\"");
      // Keep the publisher's order (primary first) whatever the JSON order.
      auto rank = [](const RemoteFile& f) {
        return std::find(std::begin(kOfacRoles), std::end(kOfacRoles), f.role) -
               std::begin(kOfacRoles);
      };
      std::sort(source.files.begin(), source.files.end(),
                [&](const RemoteFile& a, const RemoteFile& b) { return rank(a) < rank(b); });
    }
    sources.push_back(std::move(source));
  }
  return sources;
}

Result<UpdateResult> UpdateCatalog(const UpdateOptions& options) {
  auto say = [&](const std::string& message) {
    if (options.progress) options.progress(message);
  };
  std::string sources_path = options.sources_path.empty()
                                 ? JoinPath(DefaultDataDir(), "sources.json")
                                 : options.sources_path;
  VIGIL_ASSIGN_OR_RETURN(std::vector<UpdateSource> sources, LoadUpdateSources(sources_path));
  if (!options.base_url.empty()) {
    for (auto& s : sources)
      for (auto& f : s.files) {
        auto rebased = RebaseUrl(f.url, options.base_url);
        if (!rebased.ok()) return rebased.status().WithContext("--base-url");
        f.url = std::move(*rebased);
      }
  }

  UpdateResult result;
  result.output = options.output;
  if (options.output.empty()) return Status::InvalidArgument("no output file given");
  // Settle everything about the output before spending time on downloads.
  fs::path out_dir = fs::absolute(fs::path(options.output)).parent_path();
  if (!IsDirectory(out_dir.string()))
    return Status::NotFound(options.output + ": the folder " + out_dir.string() +
                            " does not exist");
  if (PathExists(options.output)) {
    if (IsDirectory(options.output))
      return Status::InvalidArgument(options.output + ": is a folder, not a catalog file");
    if (!IsCatalogFile(options.output))
      return Status::InvalidArgument(options.output +
                                     ": exists and is not a vigil catalog; refusing to replace it");
    auto previous = Catalog::Load(options.output);
    if (previous.ok())
      result.previous = *previous;
    else
      result.previous_note = previous.status().ToString();
  }

  std::string dir = options.keep_downloads;
  std::unique_ptr<TempDirGuard> cleanup;
  if (dir.empty()) {
    VIGIL_ASSIGN_OR_RETURN(dir, MakeTempDir());
    cleanup = std::make_unique<TempDirGuard>(dir);
  }

  // 1. Download every file; the first failure stops the update.
  std::vector<Download> downloads;
  for (const auto& s : sources)
    for (const auto& f : s.files) {
      Download d;
      d.source = &s;
      d.remote = f;
      downloads.push_back(std::move(d));
    }
  uint64_t total = 0;
  for (auto& d : downloads) {
    std::string folder = JoinPath(dir, d.source->dataset);
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) return Status::IOError(folder + ": cannot create folder: " + ec.message());
    VIGIL_ASSIGN_OR_RETURN(UrlParts parts, SplitUrl(d.remote.url));
    d.path = JoinPath(folder, DownloadName(parts, d.remote.role));
    if (options.max_total_bytes <= total)
      return Status::IOError(d.remote.url + ": the downloads exceed the limit of " +
                             std::to_string(options.max_total_bytes) + " bytes in total");
    uint64_t limit = std::min(options.max_file_bytes, options.max_total_bytes - total);
    say("downloading " + d.remote.url);
    VIGIL_RETURN_IF_ERROR(DownloadWithRetries(options, limit, &d));
    total += d.bytes;
  }

  // 2. Parse every source; the first that does not parse stops the update.
  std::map<std::string, uint64_t> previous_counts;
  if (result.previous)
    for (const auto& info : result.previous->sources())
      previous_counts[info.dataset] = info.entity_count;
  std::vector<SourceInfo> infos;
  std::vector<Entity> entities;
  for (const auto& s : sources) {
    std::vector<const Download*> files;
    for (const auto& d : downloads)
      if (d.source == &s) files.push_back(&d);
    SourceInfo info;
    info.dataset = s.dataset;
    info.format = std::string(ListFormatName(s.format));
    Result<ParsedSource> parsed = Status::Internal("not parsed");
    std::string where;
    if (files.empty()) {
      where = s.path;
      say("reading " + s.path);
      VIGIL_ASSIGN_OR_RETURN(std::string bytes, ReadRawFile(s.path));
      info.sha256 = Sha256Hex(bytes);
      if (!s.sha256.empty() && s.sha256 != info.sha256)
        return Status::Corruption(s.path + ": sha256 is " + info.sha256 + ", " + sources_path +
                                  " says " + s.sha256);
      SourceSpec spec;
      spec.dataset = s.dataset;
      spec.path = s.path;
      spec.format = s.format;
      parsed = ParseSource(spec);
      info.path = s.path;
    } else {
      where = files.front()->remote.url;
      say("parsing " + s.dataset);
      info.sha256 = FilesSha256(files);
      parsed = ParseDownloads(s, files);
      info.path = where;
    }
    if (!parsed.ok()) return parsed.status();
    if (parsed->entities.empty())
      return Status::ParseError(where + ": no entities in this " + info.format + " list");
    auto prev = previous_counts.find(s.dataset);
    if (options.min_kept_fraction > 0 && prev != previous_counts.end() &&
        static_cast<double>(parsed->entities.size()) <
            options.min_kept_fraction * static_cast<double>(prev->second))
      return Status::ParseError(fmt::format(
          "{}: only {} entities for {}, the previous catalog had {}; a list that loses more "
          "than {:.0f}% of its records at once is more likely broken than real (use --force to "
          "accept it)",
          where, parsed->entities.size(), s.dataset, prev->second,
          100 * (1 - options.min_kept_fraction)));
    info.publication_date = parsed->publication_date;
    if (info.publication_date.empty()) info.publication_date = s.publication_date;
    if (info.publication_date.empty() && !files.empty())
      info.publication_date = HttpDateToIso(files.front()->last_modified);
    if (info.publication_date.empty()) info.publication_date = TodayUtc();
    info.entity_count = parsed->entities.size();
    info.warning_count = parsed->warnings.size();
    result.warning_count += parsed->warnings.size();
    for (auto& e : parsed->entities) {
      e.AddDataset(s.dataset);
      entities.push_back(std::move(e));
    }
    infos.push_back(std::move(info));
  }

  // 3. Build and replace the catalog in one rename.
  result.catalog = Catalog::Create(std::move(infos), std::move(entities));
  VIGIL_RETURN_IF_ERROR(result.catalog->Save(options.output));
  if (result.previous) result.diff = DiffCatalogs(*result.previous, *result.catalog);
  for (const auto& d : downloads)
    result.downloads.push_back({d.source->dataset, d.remote.url,
                                options.keep_downloads.empty() ? "" : d.path, d.bytes, d.sha256,
                                d.attempts});
  return result;
}

std::string FormatUpdateSummary(const UpdateResult& result) {
  const Catalog& c = *result.catalog;
  std::string out = fmt::format("catalog {} written to {}: {} entities from {} sources\n\n",
                                c.version(), result.output, c.size(), c.sources().size());
  out += fmt::format("{:<20} {:>9} {:>9}  {:<10}  {}\n", "dataset", "entities", "warnings",
                     "published", "from");
  for (const auto& s : c.sources()) {
    size_t files = std::count_if(result.downloads.begin(), result.downloads.end(),
                                 [&](const DownloadRecord& d) { return d.dataset == s.dataset; });
    std::string from = s.path;
    if (files > 1) from += fmt::format(" (+{} files)", files - 1);
    out += fmt::format("{:<20} {:>9} {:>9}  {:<10}  {}\n", s.dataset, s.entity_count,
                       s.warning_count, s.publication_date, from);
  }
  uint64_t bytes = 0;
  for (const auto& d : result.downloads) bytes += d.bytes;
  out +=
      fmt::format("\ndownloaded {} files, {:.1f} MB; {} warnings while parsing\n",
                  result.downloads.size(), static_cast<double>(bytes) / 1e6, result.warning_count);
  if (!result.downloads.empty() && !result.downloads.front().file.empty())
    out += "downloads kept in " +
           fs::path(result.downloads.front().file).parent_path().parent_path().string() + "\n";
  if (!result.previous) {
    out += result.previous_note.empty()
               ? "no previous catalog at " + result.output + "\n"
               : "the previous catalog could not be read (" + result.previous_note + ")\n";
    return out;
  }
  const CatalogDiff& d = result.diff;
  out += fmt::format(
      "\ncompared with the previous catalog {} ({} entities): {} added, {} "
      "removed, {} changed\n",
      result.previous->version(), result.previous->size(), d.added.size(), d.removed.size(),
      d.changed.size());
  // Per dataset, so that a surprising change points at its list.
  std::map<std::string, std::array<size_t, 3>> by_dataset;
  for (const auto& id : d.added) by_dataset[DatasetOf(c, id)][0]++;
  for (const auto& id : d.removed) by_dataset[DatasetOf(*result.previous, id)][1]++;
  for (const auto& ch : d.changed) by_dataset[DatasetOf(c, ch.id)][2]++;
  for (const auto& [dataset, n] : by_dataset)
    out += fmt::format("  {:<20} +{} -{} ~{}\n", dataset, n[0], n[1], n[2]);
  return out;
}

}  // namespace vigil
