// Reads an organization's workforce data: the CSV files of the format and
// FollowTheMoney JSON lines (docs/workforce.md).
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/csv.h"
#include "core/io.h"
#include "core/strings.h"
#include "vigil/entity.h"
#include "vigil/workforce.h"
#include "workforce/text_util.h"

namespace vigil::workforce {
namespace {

// --- columns --------------------------------------------------------------

struct ColumnSpec {
  std::string_view name;  // canonical (docs/workforce.md)
  std::vector<std::string_view> aliases;
};

const std::vector<ColumnSpec>& ColumnsOf(FileKind kind) {
  static const std::vector<ColumnSpec> kWorkers = {
      {"id", {"worker_id", "worker", "employee_id", "contractor_id", "user_id"}},
      {"name", {"full_name", "worker_name", "legal_name"}},
      {"email", {"e_mail", "email_address", "mail"}},
      {"phone", {"phone_number", "mobile", "telephone"}},
      {"country", {"claimed_country", "country_of_residence", "location_country"}},
      {"city", {"claimed_city", "location_city"}},
      {"timezone", {"time_zone", "tz", "claimed_timezone", "claimed_time_zone"}},
      {"address", {"address_of_record", "home_address", "postal_address"}},
      {"birth_date", {"dob", "date_of_birth", "birthdate"}},
      {"document_number", {"id_number", "document_id", "passport_number", "id_document_number"}},
      {"document_country", {"id_country", "document_issuer", "issuing_country"}},
      {"photo_hash", {"profile_photo_hash", "photo", "avatar_hash"}},
      {"github", {"github_url"}},
      {"linkedin", {"linkedin_url"}},
      {"portfolio", {"portfolio_url", "website", "homepage"}},
      {"hire_date", {"hired", "start_date", "hired_at"}},
      {"platform", {"source", "channel", "hiring_platform"}},
      {"ban_date", {"banned_at", "banned_date", "closed_date", "account_closed", "ban_time"}},
  };
  static const std::vector<ColumnSpec> kPayments = {
      {"id", {"payment_id", "transaction_id"}},
      {"worker_id", {"worker", "employee_id", "contractor_id", "payee_id"}},
      {"date", {"time", "paid_at", "payment_date", "timestamp"}},
      {"amount", {"value"}},
      {"currency", {"ccy"}},
      {"method", {"payment_method", "type"}},
      {"account",
       {"destination", "destination_account", "wallet", "iban", "account_number",
        "wallet_address"}},
      {"holder", {"account_holder", "holder_name", "beneficiary_name", "account_name"}},
      {"bank", {"bank_name"}},
      {"bank_country", {"account_country"}},
      {"swift", {"bic", "swift_bic", "swift_code"}},
  };
  static const std::vector<ColumnSpec> kLogins = {
      {"worker_id", {"worker", "employee_id", "user_id", "contractor_id"}},
      {"time", {"timestamp", "date", "login_time", "datetime"}},
      {"ip", {"ip_address", "source_ip"}},
      {"ip_country", {"country", "geo_country"}},
      {"network", {"network_type", "ip_type", "connection_type", "asn_type"}},
      {"vpn_provider", {"provider", "vpn", "proxy_provider"}},
      {"device_id", {"device"}},
      {"mfa_device_id", {"mfa_device", "mfa", "authenticator_id"}},
      {"remote_tool", {"remote_access_tool", "remote_access", "rat"}},
  };
  static const std::vector<ColumnSpec> kShipments = {
      {"worker_id", {"worker", "employee_id", "contractor_id"}},
      {"date", {"time", "shipped_at", "ship_date"}},
      {"item", {"asset", "description", "equipment"}},
      {"address", {"ship_to", "ship_to_address", "destination", "delivery_address"}},
  };
  switch (kind) {
    case FileKind::kWorkers:
      return kWorkers;
    case FileKind::kPayments:
      return kPayments;
    case FileKind::kLogins:
      return kLogins;
    case FileKind::kShipments:
      return kShipments;
  }
  return kWorkers;
}

std::string HeaderKey(std::string_view h) {
  std::string k;
  for (char c : Trim(h)) {
    if (c >= 'A' && c <= 'Z')
      k.push_back(static_cast<char>(c + 32));
    else if (c == ' ' || c == '-' || c == '.')
      k.push_back('_');
    else
      k.push_back(c);
  }
  return k;
}

// Column positions of one file, by canonical name (-1 when absent).
class Columns {
 public:
  Columns(FileKind kind, const std::vector<std::string>& header) {
    std::vector<std::string> keys;
    for (const auto& h : header) keys.push_back(HeaderKey(h));
    if (!keys.empty() && StartsWith(keys[0], "\xEF\xBB\xBF")) keys[0] = keys[0].substr(3);
    for (const auto& spec : ColumnsOf(kind)) {
      int found = -1;
      for (size_t i = 0; i < keys.size() && found < 0; ++i)
        if (keys[i] == spec.name) found = static_cast<int>(i);
      for (auto alias : spec.aliases)
        for (size_t i = 0; i < keys.size() && found < 0; ++i)
          if (keys[i] == alias) found = static_cast<int>(i);
      index_.emplace(spec.name, found);
      if (found >= 0) present_.emplace_back(spec.name);
    }
  }
  std::string_view Get(const std::vector<std::string>& row, std::string_view name) const {
    auto it = index_.find(name);
    if (it == index_.end() || it->second < 0 || static_cast<size_t>(it->second) >= row.size())
      return {};
    std::string_view v = Trim(row[static_cast<size_t>(it->second)]);
    return IsPlaceholder(v) ? std::string_view() : v;
  }
  bool Has(std::string_view name) const {
    auto it = index_.find(name);
    return it != index_.end() && it->second >= 0;
  }
  const std::vector<std::string>& present() const { return present_; }

 private:
  std::unordered_map<std::string_view, int> index_;
  std::vector<std::string> present_;
};

std::string Where(std::string_view name, size_t line) {
  return std::string(name) + ":" + std::to_string(line);
}

std::string Quote(std::string_view v) {
  std::string s = SanitizeUtf8(v.substr(0, 60));
  return "'" + s + (v.size() > 60 ? "…'" : "'");
}

std::string CountryOrEmpty(std::string_view text) {
  if (text.empty()) return {};
  auto code = CountryCode(text);
  return code ? *code : std::string();
}

bool ParseAmount(std::string_view text, double* out) {
  std::string t;
  for (char c : text) {
    if (c == ',' || c == ' ' || c == '$' || c == '_') continue;
    t.push_back(c);
  }
  if (t.empty()) return false;
  const char* first = t.data();
  if (*first == '+') ++first;
  auto [ptr, ec] = std::from_chars(first, t.data() + t.size(), *out);
  return ec == std::errc() && ptr == t.data() + t.size() && *out == *out;
}

bool LooksLikeWallet(std::string_view a) {
  if (a.size() == 42 && a[0] == '0' && (a[1] == 'x' || a[1] == 'X')) return true;
  if (StartsWith(a, "bc1") && a.size() >= 40 && a.size() <= 64) return true;
  if ((a[0] == '1' || a[0] == '3' || a[0] == 'T') && a.size() >= 26 && a.size() <= 35) {
    // Base58: letters and digits without 0, O, I and l.
    for (char c : a) {
      bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!alnum || c == '0' || c == 'O' || c == 'I' || c == 'l') return false;
    }
    return true;
  }
  return false;
}

class Loader {
 public:
  Loader(Dataset* data, std::string_view name) : data_(data), name_(name) {}

  // The worker a row refers to; creates it when the dataset has no worker
  // file at all.
  bool ResolveWorker(std::string_view id, size_t line, uint32_t* out) {
    if (id.empty()) {
      data_->AddProblem(Where(name_, line), "row skipped: no worker id");
      return false;
    }
    int64_t index = data_->WorkerIndex(id);
    if (index >= 0) {
      *out = static_cast<uint32_t>(index);
      return true;
    }
    auto ftm = data_->columns.find("ftm");
    bool ftm_people =
        ftm != data_->columns.end() &&
        std::find(ftm->second.begin(), ftm->second.end(), "Person") != ftm->second.end();
    if (data_->columns.count("workers") == 0 && !ftm_people) {
      Worker w;
      w.id = std::string(id);
      w.where = Where(name_, line);
      *out = data_->AddWorker(std::move(w));
      return true;
    }
    data_->AddProblem(Where(name_, line), "row skipped: unknown worker id " + Quote(id));
    return false;
  }

  void Warn(size_t line, std::string message) {
    data_->AddProblem(Where(name_, line), "value ignored: " + std::move(message));
  }
  void Skip(size_t line, std::string message) {
    data_->AddProblem(Where(name_, line), "row skipped: " + std::move(message));
  }

  void ReadWorker(const Columns& c, const std::vector<std::string>& row, size_t line) {
    std::string_view id = c.Get(row, "id");
    if (id.empty()) return Skip(line, "no worker id");
    if (data_->WorkerIndex(id) >= 0) return Skip(line, "duplicate worker id " + Quote(id));
    workforce::Worker w;
    w.id = std::string(id);
    w.where = Where(name_, line);
    w.name = std::string(c.Get(row, "name"));
    w.email = std::string(c.Get(row, "email"));
    w.phone = std::string(c.Get(row, "phone"));
    std::string_view country = c.Get(row, "country");
    w.country = CountryOrEmpty(country);
    if (!country.empty() && w.country.empty()) Warn(line, "unknown country " + Quote(country));
    w.city = std::string(c.Get(row, "city"));
    w.timezone = std::string(c.Get(row, "timezone"));
    int32_t offset = 0;
    if (!w.timezone.empty()) {
      if (ParseUtcOffset(w.timezone, &offset)) {
        w.utc_offset_known = true;
        w.utc_offset_minutes = offset;
      } else {
        Warn(line, "unknown time zone " + Quote(w.timezone));
      }
    }
    w.address = std::string(c.Get(row, "address"));
    w.birth_date = std::string(c.Get(row, "birth_date"));
    w.document_number = std::string(c.Get(row, "document_number"));
    std::string_view doc_country = c.Get(row, "document_country");
    w.document_country = CountryOrEmpty(doc_country);
    if (!doc_country.empty() && w.document_country.empty())
      Warn(line, "unknown document country " + Quote(doc_country));
    w.photo_hash = std::string(c.Get(row, "photo_hash"));
    w.github = std::string(c.Get(row, "github"));
    w.linkedin = std::string(c.Get(row, "linkedin"));
    w.portfolio = std::string(c.Get(row, "portfolio"));
    w.platform = std::string(c.Get(row, "platform"));
    for (auto [column, target] :
         {std::pair{"hire_date", &w.hire_time}, {"ban_date", &w.ban_time}}) {
      std::string_view v = c.Get(row, column);
      if (v.empty()) continue;
      if (!ParseTime(v, target)) Warn(line, std::string("bad ") + column + " " + Quote(v));
    }
    data_->AddWorker(std::move(w));
  }

  void ReadPayment(const Columns& c, const std::vector<std::string>& row, size_t line) {
    uint32_t worker;
    if (!ResolveWorker(c.Get(row, "worker_id"), line, &worker)) return;
    workforce::Payment p;
    p.worker = worker;
    p.line = static_cast<uint32_t>(line);
    std::string_view date = c.Get(row, "date");
    if (!date.empty() && !ParseTime(date, &p.time)) return Skip(line, "bad date " + Quote(date));
    std::string_view amount = c.Get(row, "amount");
    if (!amount.empty() && !ParseAmount(amount, &p.amount))
      return Skip(line, "bad amount " + Quote(amount));
    StringPool& s = data_->strings;
    p.id = s.Intern(c.Get(row, "id"));
    p.currency = s.Intern(AsciiUpper(c.Get(row, "currency")));
    std::string_view account = c.Get(row, "account");
    p.account = s.Intern(account);
    p.holder = s.Intern(c.Get(row, "holder"));
    p.bank = s.Intern(c.Get(row, "bank"));
    std::string_view swift = c.Get(row, "swift");
    p.swift = s.Intern(swift);
    std::string_view method = c.Get(row, "method");
    p.method = ParsePayMethod(method);
    if (p.method == PayMethod::kUnknown && !account.empty() && LooksLikeWallet(account))
      p.method = PayMethod::kCrypto;
    std::string_view bank_country = c.Get(row, "bank_country");
    std::string country = CountryOrEmpty(bank_country);
    if (!bank_country.empty() && country.empty())
      Warn(line, "unknown bank country " + Quote(bank_country));
    if (country.empty() && !swift.empty()) country = CountryOfBic(swift);
    if (country.empty() && !account.empty() && p.method != PayMethod::kCrypto)
      country = CountryOfIban(account);
    p.bank_country = PackCountry(country);
    data_->payments.push_back(p);
  }

  void ReadLogin(const Columns& c, const std::vector<std::string>& row, size_t line) {
    std::string_view time = c.Get(row, "time");
    workforce::Login l;
    if (time.empty()) return Skip(line, "no time");
    if (!ParseTime(time, &l.time)) return Skip(line, "bad time " + Quote(time));
    uint32_t worker;
    if (!ResolveWorker(c.Get(row, "worker_id"), line, &worker)) return;
    l.worker = worker;
    StringPool& s = data_->strings;
    l.ip = s.Intern(c.Get(row, "ip"));
    std::string_view ip_country = c.Get(row, "ip_country");
    if (!ip_country.empty()) {
      l.country = PackCountry(ip_country);
      if (l.country == 0 || ip_country.size() != 2) {
        l.country = PackCountry(CountryOrEmpty(ip_country));
        if (l.country == 0) Warn(line, "unknown ip_country " + Quote(ip_country));
      }
    }
    std::string_view network = c.Get(row, "network");
    l.network = ParseNetwork(network);
    if (!network.empty() && l.network == Network::kUnknown)
      Warn(line, "unknown network type " + Quote(network));
    std::string_view provider = c.Get(row, "vpn_provider");
    std::string derived;
    if (provider.empty() && l.network == Network::kVpn) {
      // "VPN (Astrill)", "vpn:astrill": the provider inside the type.
      size_t pos = IFind(network, "vpn");
      derived = std::string(network.substr(0, pos)) + std::string(network.substr(pos + 3));
      for (char& ch : derived)
        if (ch == '(' || ch == ')' || ch == ':' || ch == '-' || ch == '/') ch = ' ';
      derived = CollapseSpaces(derived);
      provider = derived;
    }
    if (!provider.empty() && l.network == Network::kUnknown) l.network = Network::kVpn;
    l.vpn_provider = data_->labels.Intern(AsciiLower(provider));
    l.device = s.Intern(c.Get(row, "device_id"));
    l.mfa = s.Intern(c.Get(row, "mfa_device_id"));
    std::string_view tool = c.Get(row, "remote_tool");
    l.remote = ParseRemoteKind(tool);
    if (l.remote != RemoteKind::kNone) l.remote_tool = data_->labels.Intern(AsciiLower(tool));
    data_->logins.push_back(l);
  }

  void ReadShipment(const Columns& c, const std::vector<std::string>& row, size_t line) {
    workforce::Shipment sh;
    std::string_view date = c.Get(row, "date");
    if (!date.empty() && !ParseTime(date, &sh.time)) return Skip(line, "bad date " + Quote(date));
    std::string_view address = c.Get(row, "address");
    if (address.empty()) return Skip(line, "no ship-to address");
    uint32_t worker;
    if (!ResolveWorker(c.Get(row, "worker_id"), line, &worker)) return;
    sh.worker = worker;
    sh.line = static_cast<uint32_t>(line);
    sh.item = data_->strings.Intern(c.Get(row, "item"));
    sh.address = data_->strings.Intern(address);
    data_->shipments.push_back(sh);
  }

 private:
  Dataset* data_;
  std::string_view name_;
};

// A read-only view of a file's bytes: mapped when plain (multi-gigabyte login
// exports stay out of the heap), inflated in memory when gzip.
class FileBytes {
 public:
  ~FileBytes() {
    if (map_) munmap(map_, size_);
  }
  Status Open(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status::IOError("cannot open " + path);
    struct stat st {};
    if (fstat(fd, &st) != 0) {
      ::close(fd);
      return Status::IOError("cannot stat " + path);
    }
    size_ = static_cast<size_t>(st.st_size);
    if (size_ > 0) {
      void* m = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
      if (m != MAP_FAILED) map_ = m;
    }
    ::close(fd);
    if (size_ > 0 && !map_) {
      auto content = ReadFile(path);
      if (!content.ok()) return content.status();
      owned_ = std::move(*content);
      view_ = owned_;
      return Status::Ok();
    }
    view_ = std::string_view(static_cast<const char*>(map_), size_);
    if (IsGzip(view_)) {
      auto inflated = Gunzip(view_, path);
      if (!inflated.ok()) return inflated.status();
      owned_ = std::move(*inflated);
      munmap(map_, size_);
      map_ = nullptr;
      view_ = owned_;
    }
    return Status::Ok();
  }
  std::string_view view() const { return view_; }

 private:
  void* map_ = nullptr;
  size_t size_ = 0;
  std::string owned_;
  std::string_view view_;
};

// --- FollowTheMoney --------------------------------------------------------

struct FtmEntity {
  std::string schema;
  std::map<std::string, std::vector<std::string>, std::less<>> props;
  size_t line = 0;
  std::string_view First(std::string_view p) const {
    auto it = props.find(p);
    return it == props.end() || it->second.empty() ? std::string_view() : it->second.front();
  }
};

}  // namespace

void ParseCsvText(FileKind kind, std::string_view text, std::string_view name, Dataset* data) {
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  CsvReader reader(text, name);
  std::vector<std::string> row;
  if (!reader.Next(&row)) {
    if (!reader.status().ok()) data->AddProblem(reader.Where(), reader.status().message());
    data->columns[std::string(FileKindName(kind))];
    return;
  }
  Columns columns(kind, row);
  data->columns[std::string(FileKindName(kind))] = columns.present();
  size_t width = row.size();
  Loader loader(data, name);
  if (kind == FileKind::kWorkers && !columns.Has("id")) {
    data->AddProblem(Where(name, reader.line()), "no id column: worker rows cannot be read");
    return;
  }
  if (kind != FileKind::kWorkers && !columns.Has("worker_id")) {
    data->AddProblem(Where(name, reader.line()),
                     "no worker_id column: rows cannot be tied to workers");
    return;
  }
  if (kind == FileKind::kLogins) data->logins.reserve(data->logins.size() + text.size() / 90);
  while (reader.Next(&row)) {
    size_t line = reader.line();
    if (row.size() == 1 && Trim(row[0]).empty()) continue;
    if (row.size() != width) {
      loader.Skip(line, "expected " + std::to_string(width) + " fields, found " +
                            std::to_string(row.size()));
      continue;
    }
    switch (kind) {
      case FileKind::kWorkers:
        loader.ReadWorker(columns, row, line);
        break;
      case FileKind::kPayments:
        loader.ReadPayment(columns, row, line);
        break;
      case FileKind::kLogins:
        loader.ReadLogin(columns, row, line);
        break;
      case FileKind::kShipments:
        loader.ReadShipment(columns, row, line);
        break;
    }
  }
  if (!reader.status().ok()) {
    data->AddProblem(reader.Where(), "rest of file skipped: " + reader.status().message());
  }
}

void ParseFtmText(std::string_view jsonl, std::string_view name, Dataset* data) {
  std::unordered_map<std::string, FtmEntity> entities;
  std::vector<std::string> order;
  size_t line = 0;
  size_t pos = 0;
  while (pos < jsonl.size()) {
    size_t end = jsonl.find('\n', pos);
    if (end == std::string_view::npos) end = jsonl.size();
    std::string_view text = Trim(jsonl.substr(pos, end - pos));
    pos = end + 1;
    ++line;
    if (text.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      data->AddProblem(Where(name, line), "row skipped: not a JSON object");
      continue;
    }
    if (j.contains("entity") && j["entity"].is_object()) j = j["entity"];  // delta lines
    auto id_it = j.find("id");
    auto schema_it = j.find("schema");
    if (id_it == j.end() || !id_it->is_string() || schema_it == j.end() ||
        !schema_it->is_string()) {
      data->AddProblem(Where(name, line), "row skipped: entity without id or schema");
      continue;
    }
    FtmEntity e;
    e.schema = schema_it->get<std::string>();
    e.line = line;
    auto props = j.find("properties");
    if (props != j.end() && props->is_object()) {
      for (auto it = props->begin(); it != props->end(); ++it) {
        auto& values = e.props[it.key()];
        auto add = [&](const nlohmann::json& v) {
          if (v.is_string())
            values.push_back(v.get<std::string>());
          else if (v.is_number())
            values.push_back(v.dump());
          else if (v.is_object() && v.contains("id") && v["id"].is_string())
            values.push_back(v["id"].get<std::string>());
        };
        if (it->is_array()) {
          for (const auto& v : *it) add(v);
        } else {
          add(*it);
        }
      }
    }
    std::string id = id_it->get<std::string>();
    if (entities.count(id) == 0) order.push_back(id);
    entities[id] = std::move(e);
  }
  std::vector<std::string> schemas;
  for (const auto& [id, e] : entities)
    if (std::find(schemas.begin(), schemas.end(), e.schema) == schemas.end())
      schemas.push_back(e.schema);
  std::sort(schemas.begin(), schemas.end());
  auto& seen = data->columns["ftm"];
  for (auto& s : schemas)
    if (std::find(seen.begin(), seen.end(), s) == seen.end()) seen.push_back(s);

  auto caption = [&](std::string_view ref) -> std::string {
    auto it = entities.find(std::string(ref));
    if (it == entities.end()) return std::string(ref);
    std::string_view n = it->second.First("name");
    if (n.empty()) n = it->second.First("full");
    return std::string(n.empty() ? ref : n);
  };
  auto is = [](const FtmEntity& e, std::initializer_list<std::string_view> wanted) {
    for (auto s : wanted)
      if (e.schema == s) return true;
    return false;
  };

  // People first: everything else refers to them.
  for (const auto& id : order) {
    const FtmEntity& e = entities[id];
    if (!is(e, {"Person", "LegalEntity"})) continue;
    if (data->WorkerIndex(id) >= 0) {
      data->AddProblem(Where(name, e.line), "row skipped: duplicate worker id " + Quote(id));
      continue;
    }
    Worker w;
    w.id = id;
    w.where = Where(name, e.line);
    w.name = std::string(e.First("name"));
    if (w.name.empty()) {
      std::string full = std::string(e.First("firstName")) + " " + std::string(e.First("lastName"));
      w.name = std::string(Trim(full));
    }
    w.email = std::string(e.First("email"));
    w.phone = std::string(e.First("phone"));
    std::string_view country = e.First("country");
    if (country.empty()) country = e.First("nationality");
    w.country = CountryOrEmpty(country);
    w.birth_date = std::string(e.First("birthDate"));
    w.document_number = std::string(e.First("passportNumber"));
    if (w.document_number.empty()) w.document_number = std::string(e.First("idNumber"));
    w.document_country = CountryOrEmpty(e.First("nationality"));
    w.address = std::string(e.First("address"));
    std::string_view address_ref = e.First("addressEntity");
    if (!address_ref.empty()) {
      auto it = entities.find(std::string(address_ref));
      if (it != entities.end()) {
        std::string_view full = it->second.First("full");
        if (w.address.empty()) w.address = std::string(full);
        if (w.city.empty()) w.city = std::string(it->second.First("city"));
        if (w.country.empty()) w.country = CountryOrEmpty(it->second.First("country"));
      }
    }
    auto web = e.props.find("website");
    if (web != e.props.end()) {
      for (const auto& url : web->second) {
        std::string host = UrlHost(url);
        if (EndsWith(host, "github.com") && w.github.empty())
          w.github = url;
        else if (EndsWith(host, "linkedin.com") && w.linkedin.empty())
          w.linkedin = url;
        else if (w.portfolio.empty())
          w.portfolio = url;
      }
    }
    // vigil extensions (not FtM properties): see docs/workforce.md.
    w.timezone = std::string(e.First("timeZone"));
    int32_t offset;
    if (!w.timezone.empty() && ParseUtcOffset(w.timezone, &offset)) {
      w.utc_offset_known = true;
      w.utc_offset_minutes = offset;
    }
    w.photo_hash = std::string(e.First("photoHash"));
    data->AddWorker(std::move(w));
  }

  auto worker_of = [&](std::string_view ref, size_t at) -> int64_t {
    int64_t index = data->WorkerIndex(ref);
    if (index < 0)
      data->AddProblem(Where(name, at), "row skipped: unknown worker id " + Quote(ref));
    return index;
  };

  // Account holders from Ownership entities.
  std::unordered_map<std::string, std::string> holder_of;
  for (const auto& id : order) {
    const FtmEntity& e = entities[id];
    if (e.schema != "Ownership") continue;
    std::string_view asset = e.First("asset");
    std::string_view owner = e.First("owner");
    if (!asset.empty() && !owner.empty()) holder_of[std::string(asset)] = caption(owner);
  }

  for (const auto& id : order) {
    const FtmEntity& e = entities[id];
    if (e.schema == "Email" || e.schema == "Phone") {
      std::string_view owner = e.First("owner");
      for (auto p : {"holder", "person", "entity"})
        if (owner.empty()) owner = e.First(p);
      std::string_view value = e.First(e.schema == "Email" ? "email" : "number");
      if (value.empty()) value = e.First(e.schema == "Email" ? "address" : "phone");
      if (value.empty()) value = e.First("name");
      int64_t index = worker_of(owner, e.line);
      if (index < 0) continue;
      Worker& w = data->workers[static_cast<size_t>(index)];
      std::string& field = e.schema == "Email" ? w.email : w.phone;
      if (field.empty()) field = std::string(value);
    } else if (e.schema == "Employment") {
      int64_t index = worker_of(e.First("employee"), e.line);
      if (index < 0) continue;
      Worker& w = data->workers[static_cast<size_t>(index)];
      int64_t t;
      if (ParseTime(e.First("startDate"), &t)) w.hire_time = t;
      std::string_view employer = e.First("employer");
      if (!employer.empty()) w.platform = caption(employer);
      std::string status = std::string(e.First("status")) + " " + std::string(e.First("summary")) +
                           " " + std::string(e.First("description"));
      if ((IFind(status, "ban") != std::string::npos ||
           IFind(status, "clos") != std::string::npos ||
           IFind(status, "suspend") != std::string::npos) &&
          ParseTime(e.First("endDate"), &t))
        w.ban_time = t;
    } else if (e.schema == "Payment") {
      int64_t index = worker_of(e.First("beneficiary"), e.line);
      if (index < 0) continue;
      Payment p;
      p.worker = static_cast<uint32_t>(index);
      p.line = static_cast<uint32_t>(e.line);
      std::string_view date = e.First("date");
      if (!date.empty() && !ParseTime(date, &p.time)) {
        data->AddProblem(Where(name, e.line), "row skipped: bad date " + Quote(date));
        continue;
      }
      std::string_view amount = e.First("amount");
      if (!amount.empty() && !ParseAmount(amount, &p.amount)) {
        data->AddProblem(Where(name, e.line), "row skipped: bad amount " + Quote(amount));
        continue;
      }
      p.id = data->strings.Intern(id);
      p.currency = data->strings.Intern(AsciiUpper(e.First("currency")));
      std::string_view account_ref = e.First("beneficiaryAccount");
      auto acc = entities.find(std::string(account_ref));
      std::string country;
      if (acc != entities.end()) {
        const FtmEntity& a = acc->second;
        std::string_view number = a.First("iban");
        if (number.empty()) number = a.First("accountNumber");
        if (number.empty()) number = a.First("publicKey");
        p.account = data->strings.Intern(number);
        std::string holder;
        if (!a.First("holder").empty()) holder = caption(a.First("holder"));
        if (holder.empty() && holder_of.count(std::string(account_ref)))
          holder = holder_of[std::string(account_ref)];
        p.holder = data->strings.Intern(holder);
        p.bank = data->strings.Intern(a.First("bankName"));
        std::string_view bic = a.First("bic");
        if (bic.empty()) bic = a.First("swiftBic");
        p.swift = data->strings.Intern(bic);
        p.method = a.schema == "CryptoWallet" ? PayMethod::kCrypto : PayMethod::kBank;
        country = CountryOrEmpty(a.First("country"));
        if (country.empty() && !bic.empty()) country = CountryOfBic(bic);
        if (country.empty() && p.method == PayMethod::kBank) country = CountryOfIban(number);
      } else if (!account_ref.empty()) {
        p.account = data->strings.Intern(account_ref);
      }
      std::string_view method = e.First("method");
      if (!method.empty()) p.method = ParsePayMethod(method);
      p.bank_country = PackCountry(country);
      data->payments.push_back(p);
    }
  }
}

Result<Dataset> LoadDataset(const std::string& dir) {
  if (!IsDirectory(dir)) return Status::NotFound("workforce data folder not found: " + dir);
  auto files = ListFiles(dir);
  if (!files.ok()) return files.status();
  Dataset data;
  for (const auto& f : *files) {
    if (AsciiLower(f) != "workforce.json") continue;
    auto text = ReadFile(JoinPath(dir, f));
    if (!text.ok()) return text.status();
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      data.AddProblem(f + ":1", "not a JSON object; format version 1 assumed");
      continue;
    }
    if (j.contains("version") && j["version"].is_number_integer()) {
      int version = j["version"].get<int>();
      if (version > kFormatVersion)
        return Status::Unsupported(f + ": format version " + std::to_string(version) +
                                   " is newer than this vigil reads (" +
                                   std::to_string(kFormatVersion) + ")");
      data.format_version = version;
    }
  }
  auto kind_of = [](const std::string& file, FileKind* kind) {
    std::string lower = AsciiLower(file);
    if (EndsWith(lower, ".gz")) lower.resize(lower.size() - 3);
    for (FileKind k :
         {FileKind::kWorkers, FileKind::kPayments, FileKind::kLogins, FileKind::kShipments}) {
      if (lower == std::string(FileKindName(k)) + ".csv") {
        *kind = k;
        return true;
      }
    }
    return false;
  };
  auto is_ftm = [](const std::string& file) {
    std::string lower = AsciiLower(file);
    if (EndsWith(lower, ".gz")) lower.resize(lower.size() - 3);
    return EndsWith(lower, ".ftm.json") || EndsWith(lower, ".jsonl") ||
           EndsWith(lower, ".ftm.jsonl");
  };
  // Workers (CSV, then FtM people) before the files that refer to them.
  for (int pass = 0; pass < 3; ++pass) {
    for (const auto& f : *files) {
      FileKind kind;
      bool csv = kind_of(f, &kind);
      bool wanted = (pass == 0 && csv && kind == FileKind::kWorkers) ||
                    (pass == 1 && !csv && is_ftm(f)) ||
                    (pass == 2 && csv && kind != FileKind::kWorkers);
      if (!wanted) continue;
      FileBytes bytes;
      Status st = bytes.Open(JoinPath(dir, f));
      if (!st.ok()) {
        data.AddProblem(f, "file skipped: " + st.message());
        continue;
      }
      if (csv)
        ParseCsvText(kind, bytes.view(), f, &data);
      else
        ParseFtmText(bytes.view(), f, &data);
    }
  }
  data.logins.shrink_to_fit();
  return data;
}

}  // namespace vigil::workforce
