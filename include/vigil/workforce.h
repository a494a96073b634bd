// Workforce screening: finds North Korean IT-worker schemes in the data an
// employer or a hiring platform already holds (workers, payments, logins,
// equipment shipments).
//
//   auto data = workforce::LoadDataset("export/");            // CSV or FtM JSON lines
//   auto rules = workforce::LoadDefaultRulePack();            // data/rules/dprk-itw-rules.json
//   workforce::ScanOptions options{.rules = &*rules, .catalog = catalog, .matcher = matcher.get()};
//   auto result = workforce::Scan(*data, options);
//   workforce::WriteReport(*data, *result, "report/");        // JSON lines + HTML
//
// The input format is documented (and versioned) in docs/workforce.md. Missing
// files or columns only reduce what can be checked; malformed rows are skipped
// and listed in Dataset::problems with file and line. The red-flag rules are
// data (a rule pack), each tied to an indicator of the public advisories; see
// /work/shared/docs/dprk-it-worker-indicators.md for the indicator ids.
//
// Thread-safety: all functions are reentrant; a Dataset, RulePack or
// ScanResult may be read from many threads once built.
#ifndef VIGIL_WORKFORCE_H_
#define VIGIL_WORKFORCE_H_

#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vigil/catalog.h"
#include "vigil/lists.h"
#include "vigil/status.h"

namespace vigil {

class Matcher;

namespace workforce {

// The input format version this build reads and writes (docs/workforce.md).
inline constexpr int kFormatVersion = 1;
// "No time known" for optional timestamps.
inline constexpr int64_t kNoTime = std::numeric_limits<int64_t>::min();

// ---------------------------------------------------------------------------
// Data model. Logins and payments are the bulk of the data (millions of rows
// for a large workforce), so they are compact structs whose text values are
// interned in the dataset's pools; workers are few and keep plain strings.

// Interns strings; id 0 is always the empty string. Views returned by Get()
// stay valid for the life of the pool (the pool never moves its strings).
class StringPool {
 public:
  StringPool();
  uint32_t Intern(std::string_view s);
  // 0 when the string was never interned (or is empty).
  uint32_t Find(std::string_view s) const;
  std::string_view Get(uint32_t id) const {
    return id < strings_.size() ? std::string_view(strings_[id]) : std::string_view();
  }
  size_t size() const { return strings_.size(); }
  size_t memory_bytes() const;

 private:
  std::deque<std::string> strings_;
  std::unordered_map<std::string_view, uint32_t> index_;
};

enum class Network : uint8_t {
  kUnknown,
  kResidential,
  kMobile,
  kBusiness,  // office, co-working, university
  kHosting,   // data centre, cloud, VPS
  kVpn,       // commercial VPN or proxy service
  kTor,
};
enum class RemoteKind : uint8_t {
  kNone,
  kSoftware,  // AnyDesk, TeamViewer, Chrome Remote Desktop, RDP, VNC …
  kIpKvm,     // PiKVM, TinyPilot and other IP-KVM hardware
};
enum class PayMethod : uint8_t { kUnknown, kBank, kCard, kCrypto, kService };

std::string_view NetworkName(Network n);
std::string_view RemoteKindName(RemoteKind k);
std::string_view PayMethodName(PayMethod m);
// Lenient readings of the free-text columns ("VPN (Astrill)", "datacenter",
// "Chrome Remote Desktop", "wire", "USDT" …). Unknown text gives kUnknown/kNone.
Network ParseNetwork(std::string_view text);
RemoteKind ParseRemoteKind(std::string_view text);
PayMethod ParsePayMethod(std::string_view text);

// ISO alpha-2 codes packed in 16 bits ("cn" -> 'c' << 8 | 'n'); 0 = unknown.
uint16_t PackCountry(std::string_view code);
std::string UnpackCountry(uint16_t packed);

struct Worker {
  std::string id;
  std::string name;
  std::string email;
  std::string phone;
  std::string country;  // claimed country, ISO alpha-2 lower case; empty = unknown
  std::string city;
  std::string timezone;  // as given ("America/Chicago", "UTC-6", "+05:30")
  bool utc_offset_known = false;
  int32_t utc_offset_minutes = 0;  // of `timezone`, else of the claimed country
  std::string address;             // address of record
  std::string birth_date;
  std::string document_number;
  std::string document_country;
  std::string photo_hash;
  std::string github;
  std::string linkedin;
  std::string portfolio;
  std::string platform;
  int64_t hire_time = kNoTime;
  int64_t ban_time = kNoTime;  // when the platform banned or closed the account
  std::string where;           // "workers.csv:12", for messages
};

struct Payment {
  int64_t time = kNoTime;
  double amount = 0;
  uint32_t worker = 0;
  uint32_t id = 0;  // pool ids from here on
  uint32_t currency = 0;
  uint32_t account = 0;  // account number, IBAN or wallet address as given
  uint32_t holder = 0;   // account holder name
  uint32_t bank = 0;
  uint32_t swift = 0;
  uint32_t line = 0;          // line in its file
  uint16_t bank_country = 0;  // packed; from SWIFT/BIC or IBAN when not given
  PayMethod method = PayMethod::kUnknown;
};

struct Login {
  int64_t time = 0;  // seconds since 1970 UTC
  uint32_t worker = 0;
  uint32_t ip = 0;  // pool ids
  uint32_t device = 0;
  uint32_t mfa = 0;
  uint16_t vpn_provider = 0;  // label ids (Dataset::labels)
  uint16_t remote_tool = 0;
  uint16_t country = 0;  // packed
  Network network = Network::kUnknown;
  RemoteKind remote = RemoteKind::kNone;
};

struct Shipment {
  int64_t time = kNoTime;
  uint32_t worker = 0;
  uint32_t item = 0;  // pool ids
  uint32_t address = 0;
  uint32_t line = 0;
};

// Short labels (VPN providers, tool names) in 16-bit ids; when full, new labels
// map to kLabelOverflow ("other").
class LabelPool {
 public:
  static constexpr uint16_t kLabelOverflow = 0xFFFF;
  LabelPool();
  uint16_t Intern(std::string_view s);
  std::string_view Get(uint16_t id) const;

 private:
  std::vector<std::string> labels_;
  std::unordered_map<std::string, uint16_t> index_;
};

enum class FileKind { kWorkers, kPayments, kLogins, kShipments };
std::string_view FileKindName(FileKind kind);  // "workers" …

struct Dataset {
  std::vector<Worker> workers;
  std::vector<Payment> payments;
  std::vector<Login> logins;
  std::vector<Shipment> shipments;
  StringPool strings;
  LabelPool labels;

  // Malformed rows that were skipped ("payments.csv:17: bad amount 'x'").
  // At most kMaxProblems are kept; problem_count counts them all.
  static constexpr size_t kMaxProblems = 10000;
  std::vector<Diagnostic> problems;
  size_t problem_count = 0;
  // Files read and the recognised columns of each ("logins" -> {"time","ip"}).
  std::map<std::string, std::vector<std::string>> columns;
  int format_version = kFormatVersion;

  // Index of a worker by id, -1 when unknown.
  int64_t WorkerIndex(std::string_view id) const;
  // Adds a worker (its id must be new) and returns its index.
  uint32_t AddWorker(Worker w);
  void AddProblem(std::string where, std::string message);
  bool HasColumn(FileKind kind, std::string_view column) const;
  size_t memory_bytes() const;

 private:
  std::unordered_map<std::string, uint32_t> worker_index_;
};

// ---------------------------------------------------------------------------
// Loading.

// Reads every file of the format in `dir`: workforce.json (format name and
// version), workers.csv, payments.csv, logins.csv, shipments.csv (each may be
// gzip-compressed: "logins.csv.gz") and FollowTheMoney JSON lines (*.ftm.json,
// *.jsonl, *.ftm.json.gz). NotFound when `dir` is not a folder; Unsupported
// when workforce.json names a newer format version. Everything else (missing
// files, unknown columns, bad rows) is reported in the dataset, not an error.
Result<Dataset> LoadDataset(const std::string& dir);

// The same readers over bytes in memory; `name` is used in messages. Workers
// must be parsed before the files that refer to them; rows naming an unknown
// worker are reported and skipped, unless the dataset has no worker file at
// all, in which case the worker is created from its id.
void ParseCsvText(FileKind kind, std::string_view text, std::string_view name, Dataset* data);
// FtM entities: Person, Address, Email, Phone, BankAccount, CryptoWallet,
// Ownership, Employment, Payment (mapping in docs/workforce.md).
void ParseFtmText(std::string_view jsonl, std::string_view name, Dataset* data);

// Parses "2024-03-05", "2024-03-05T10:20:30Z", "2024-03-05 10:20", with an
// optional "+09:00" offset, or a Unix time in seconds. False on anything else.
bool ParseTime(std::string_view text, int64_t* seconds);
std::string FormatTime(int64_t seconds);  // "2024-03-05T10:20:30Z"
std::string FormatDate(int64_t seconds);  // "2024-03-05"
// Minutes east of UTC for an IANA zone ("Asia/Seoul"), "UTC+9", "GMT-05:30",
// "+0530" or a common abbreviation ("EST"). Standard time: daylight saving is
// ignored (it moves hours by one; the checks look for shifts of many hours).
bool ParseUtcOffset(std::string_view zone, int32_t* minutes);

// ---------------------------------------------------------------------------
// Rules.

// One red-flag rule. `check` names the test the engine runs (see
// docs/workforce.md for the list and their params); the rest is data.
struct Rule {
  std::string id;                       // "N5_ASTRILL_VPN"
  std::string check;                    // "vpn_provider"
  std::string description;              // for people
  std::string category;                 // location, hours, remote_access, shipping, payment,
                                        // identity, sanctions, cluster
  double weight = 0;                    // points (0..100) when the evidence is full strength;
                                        // also the rule's cap
  std::vector<std::string> indicators;  // "N5", "P2" …
  std::string advisory;                 // the publication the indicator comes from
  std::string params_json = "{}";       // check parameters, a JSON object
  bool enabled = true;
};

// Which scheme a worker's strongest evidence resembles, for the report.
struct Pattern {
  std::string id;                  // "laptop_farm"
  std::string label;               // "Laptop farm"
  std::vector<std::string> rules;  // rule ids whose presence suggests it
  double min_points = 1;           // the rule must contribute at least this
};

// Parameters of the identity linking ("one operator, many personas").
struct LinkSettings {
  // Evidence strength per identifier kind; a pair of workers is linked when
  // the strengths of its evidence add up to 1.
  std::map<std::string, double, std::less<>> strength = {
      {"email", 1.0},         {"phone", 1.0},     {"account", 1.0}, {"wallet", 1.0},
      {"document", 1.0},      {"photo", 1.0},     {"device", 1.0},  {"mfa", 1.0},
      {"ship_to", 1.0},       {"home_ip", 0.35},  {"ip_day", 0.35}, {"similar_name", 0.5},
      {"similar_email", 0.5}, {"birth_date", 0.3}};
  // Identifier values held by more workers than this are shared
  // infrastructure (a VPN exit, a kiosk, an agency), not a personal link.
  int max_group = 12;
  // Logins from one IP by two workers within this many seconds count as one
  // co-occurrence (per day). "home_ip" counts residential IPs, "ip_day" any
  // other (offices, mobile carriers and VPN exits are shared by strangers).
  int64_t ip_window_seconds = 3600;
  // Strength multiplier for evidence between workers with the same address of
  // record (households share IPs, accounts and delivery addresses).
  double household_factor = 0.3;
  // Names (or e-mail local parts) at most this normalized edit distance apart
  // are near-duplicates.
  double name_distance = 0.15;
  double email_distance = 0.2;
  // Kinds that make a link strong: members linked by them inherit the rest of
  // the cluster's risk, and a re-registration after a ban is one of them.
  std::vector<std::string> strong_kinds = {"email", "phone",  "account", "wallet", "document",
                                           "photo", "device", "mfa",     "home_ip"};
};

struct RulePack {
  std::string id;
  std::string version;
  std::string description;
  double high_threshold = 60;  // worker/cluster score from which risk is "high"
  double medium_threshold = 30;
  std::vector<Rule> rules;
  std::vector<Pattern> patterns;  // in priority order
  LinkSettings linking;
  std::string source;  // file it was read from

  const Rule* Find(std::string_view id) const;
};

// Parses and validates a rule pack: every rule needs an id, a known check,
// a weight in [0,100] and params that check understands. Errors name the rule.
Result<RulePack> ParseRulePack(std::string_view json, std::string_view name);
Result<RulePack> LoadRulePack(const std::string& path);
// data/rules/dprk-itw-rules.json under DefaultDataDir().
Result<RulePack> LoadDefaultRulePack();
// The names of the checks the engine implements.
std::vector<std::string> KnownChecks();

// ---------------------------------------------------------------------------
// Scanning.

struct ScanOptions {
  const RulePack* rules = nullptr;  // required
  // Sanctions exposure: wallets and e-mails are compared exactly with the
  // catalog's identifiers; names, holders, banks and companies go through the
  // matcher when one is given. Both optional: without them the exposure rules
  // are skipped (and the summary says so).
  std::shared_ptr<const Catalog> catalog;
  const Matcher* matcher = nullptr;  // must outlive the scan
  // Screen every worker's name (the costliest part of a scan).
  bool screen_worker_names = true;
};

// One rule's contribution to a score.
struct Reason {
  std::string rule_id;
  double points = 0;   // 0..weight
  std::string detail;  // the evidence, for people ("7 of 40 logins from cn")
};

struct WorkerRisk {
  uint32_t worker = 0;
  double score = 0;             // 0..100
  double own_score = 0;         // before the cluster's risk is inherited
  std::string level;            // "high", "medium", "low"
  int32_t cluster = -1;         // index into ScanResult::clusters, -1 when alone
  std::string pattern;          // Pattern::id of the strongest evidence, may be empty
  std::vector<Reason> reasons;  // strongest first
};

// Why two workers are linked: one shared or similar identifier.
struct LinkEvidence {
  std::string kind;   // "device", "mfa", "account", "ip_day", "similar_name" …
  std::string value;  // the shared value, or "a ~ b" for near-duplicates
  double strength = 0;
};

struct Edge {
  uint32_t a = 0;  // worker indexes, a < b
  uint32_t b = 0;
  double strength = 0;  // sum of the evidence strengths (after household factor)
  std::vector<LinkEvidence> evidence;
};

struct Cluster {
  std::string id;                 // "C0001"
  std::vector<uint32_t> members;  // worker indexes, sorted
  std::vector<Edge> edges;        // every linked pair inside the cluster
  double score = 0;
  std::string level;
  std::string pattern;
  std::vector<Reason> reasons;
};

struct ExposureHit {
  uint32_t worker = 0;
  std::string field;  // "wallet", "email", "email_domain", "website", "name",
                      // "account_holder", "bank", "platform"
  std::string value;  // the worker's value
  std::string entity_id;
  std::string entity_caption;
  std::string entity_schema;
  std::vector<std::string> datasets;
  double score = 0;  // 1 for exact identifier matches
  // A birth date or an identifier agrees too (always true for exact
  // identifier matches): a name alone is weak evidence for common names.
  bool corroborated = false;
};

struct RuleStat {
  std::string rule_id;
  size_t workers = 0;  // workers with points from the rule
  size_t clusters = 0;
};

struct ScanResult {
  std::vector<WorkerRisk> workers;  // one per Dataset::workers entry, same order
  std::vector<Cluster> clusters;    // size >= 2, highest score first
  std::vector<ExposureHit> exposure;
  std::vector<RuleStat> rule_stats;
  // What could not be checked and why ("no logins.csv: location, hours …").
  std::vector<std::string> notes;
  std::string rule_pack;                        // id@version
  std::string catalog_version;                  // empty without a catalog
  double seconds = 0;                           // wall time of the scan
  std::map<std::string, double> phase_seconds;  // index, exposure, link, rules, score
};

Result<ScanResult> Scan(const Dataset& data, const ScanOptions& options);

// Writes workers.jsonl, clusters.jsonl, exposure.jsonl, problems.jsonl,
// summary.json and report.html into `dir` (created when missing).
Status WriteReport(const Dataset& data, const ScanResult& result, const std::string& dir);
// The self-contained HTML report (inline CSS and SVG, no scripts, every value
// escaped).
std::string RenderHtmlReport(const Dataset& data, const ScanResult& result);
// summary.json's content.
std::string SummaryJson(const Dataset& data, const ScanResult& result);

// ---------------------------------------------------------------------------
// Test data: a benign workforce with planted schemes, labelled.

struct GeneratorOptions {
  uint32_t workers = 1000;
  uint64_t seed = 1;
  std::string start_date = "2024-01-01";
  int days = 365;
  double sessions_per_week = 3;  // login sessions per worker per week
  // Planted scheme groups scale with the workforce: one group of each kind at
  // least, then one per this many workers (0 = no planted schemes).
  uint32_t workers_per_scheme = 1500;
};

// Ground truth for one generated worker.
struct Label {
  std::string worker_id;
  std::string scheme;             // empty for benign workers, else operator, laptop_farm,
                                  // facilitator_account, sanctioned_payout, ban_evasion,
                                  // remote_asia
  std::string group;              // one operator / farm / facilitator ("operator-3")
  std::vector<std::string> tags;  // benign look-alikes: family, traveller,
                                  // vpn_user, agency, coworking, night_owl,
                                  // cn_dev, kr_dev, crypto_payee, …
};

struct Generated {
  Dataset data;
  std::vector<Label> labels;  // same order as data.workers
};

// Deterministic for a given seed on every platform (own distributions over
// std::mt19937_64).
Generated GenerateWorkforce(const GeneratorOptions& options);
// Writes workforce.json and the four CSV files of the format.
Status WriteDatasetCsv(const Dataset& data, const std::string& dir);
// labels.csv: worker_id,scheme,group,tags (tags separated by ';').
Status WriteLabels(const std::vector<Label>& labels, const std::string& path);
Result<std::vector<Label>> LoadLabels(const std::string& path);

// Detection quality against labels (see docs/workforce.md for definitions).
struct SchemeQuality {
  std::string scheme;
  size_t planted = 0;           // labelled workers of the scheme
  size_t detected = 0;          // of those, scored "high"
  size_t groups = 0;            // labelled groups of the scheme
  size_t groups_detected = 0;   // groups with at least one member scored "high"
  size_t groups_clustered = 0;  // groups of 2+ whose members share one cluster
  size_t predicted = 0;         // high-risk workers whose pattern is this scheme
  size_t predicted_true = 0;    // of those, labelled with any scheme
  double recall() const { return planted ? double(detected) / planted : 1; }
  double precision() const { return predicted ? double(predicted_true) / predicted : 1; }
};
struct LookalikeQuality {
  std::string tag;
  size_t workers = 0;  // benign workers with the tag
  size_t high = 0;     // of those, scored "high"
  size_t medium = 0;
};
struct Evaluation {
  std::vector<SchemeQuality> schemes;
  std::vector<LookalikeQuality> lookalikes;
  size_t planted = 0, detected = 0;      // all schemes
  size_t flagged = 0, flagged_true = 0;  // all "high" workers
  double recall() const { return planted ? double(detected) / planted : 1; }
  double precision() const { return flagged ? double(flagged_true) / flagged : 1; }
  std::string ToText() const;  // a table for people
};
Evaluation Evaluate(const Dataset& data, const ScanResult& result,
                    const std::vector<Label>& labels);

// ---------------------------------------------------------------------------
// Front-end helpers for `vigil workforce …` (the CLI only parses arguments).

struct ScanCommand {
  std::string input_dir;
  std::string report_dir;
  std::string catalog_path;  // snapshot or list file; empty = the default catalog
  bool no_catalog = false;   // skip sanctions exposure entirely
  std::string rules_path;    // empty = the default rule pack
  bool screen_worker_names = true;
};
// Loads, scans, writes the report and returns a few lines for the terminal
// (counts, top clusters, where the report is; with labels.csv in the input
// folder, the evaluation table too).
Result<std::string> RunScanCommand(const ScanCommand& command);

struct GenerateCommand {
  GeneratorOptions options;
  std::string output_dir;
};
// Generates, writes the CSV files and labels.csv; returns a summary line.
Result<std::string> RunGenerateCommand(const GenerateCommand& command);

}  // namespace workforce
}  // namespace vigil

#endif  // VIGIL_WORKFORCE_H_
