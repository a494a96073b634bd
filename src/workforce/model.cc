// The workforce data model: pools, enum readings, time parsing.
#include <algorithm>
#include <cstdio>

#include "core/strings.h"
#include "vigil/workforce.h"
#include "workforce/geo.h"

namespace vigil::workforce {

StringPool::StringPool() {
  strings_.emplace_back();
  index_.emplace(std::string_view(strings_.front()), 0);
}

uint32_t StringPool::Intern(std::string_view s) {
  if (s.empty()) return 0;
  auto it = index_.find(s);
  if (it != index_.end()) return it->second;
  auto id = static_cast<uint32_t>(strings_.size());
  strings_.emplace_back(s);
  index_.emplace(std::string_view(strings_.back()), id);
  return id;
}

uint32_t StringPool::Find(std::string_view s) const {
  auto it = index_.find(s);
  return it == index_.end() ? 0 : it->second;
}

size_t StringPool::memory_bytes() const {
  size_t bytes = index_.size() * (sizeof(std::string_view) + sizeof(uint32_t) + 2 * sizeof(void*));
  for (const auto& s : strings_) bytes += sizeof(std::string) + (s.size() > 15 ? s.capacity() : 0);
  return bytes;
}

LabelPool::LabelPool() {
  labels_.emplace_back();
  index_.emplace("", 0);
}

uint16_t LabelPool::Intern(std::string_view s) {
  if (s.empty()) return 0;
  auto it = index_.find(std::string(s));
  if (it != index_.end()) return it->second;
  if (labels_.size() >= kLabelOverflow) return kLabelOverflow;
  auto id = static_cast<uint16_t>(labels_.size());
  labels_.emplace_back(s);
  index_.emplace(std::string(s), id);
  return id;
}

std::string_view LabelPool::Get(uint16_t id) const {
  if (id == kLabelOverflow) return "other";
  return id < labels_.size() ? std::string_view(labels_[id]) : std::string_view();
}

std::string_view NetworkName(Network n) {
  switch (n) {
    case Network::kResidential:
      return "residential";
    case Network::kMobile:
      return "mobile";
    case Network::kBusiness:
      return "business";
    case Network::kHosting:
      return "hosting";
    case Network::kVpn:
      return "vpn";
    case Network::kTor:
      return "tor";
    case Network::kUnknown:
      break;
  }
  return "unknown";
}

std::string_view RemoteKindName(RemoteKind k) {
  switch (k) {
    case RemoteKind::kSoftware:
      return "remote_access";
    case RemoteKind::kIpKvm:
      return "ip_kvm";
    case RemoteKind::kNone:
      break;
  }
  return "none";
}

std::string_view PayMethodName(PayMethod m) {
  switch (m) {
    case PayMethod::kBank:
      return "bank";
    case PayMethod::kCard:
      return "card";
    case PayMethod::kCrypto:
      return "crypto";
    case PayMethod::kService:
      return "payment_service";
    case PayMethod::kUnknown:
      break;
  }
  return "unknown";
}

namespace {

bool ContainsAnyWord(std::string_view text, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (IFind(text, w) != std::string_view::npos) return true;
  return false;
}

}  // namespace

Network ParseNetwork(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return Network::kUnknown;
  for (const auto& word : SplitTrimmed(AsciiLower(text), " "))
    if (word == "tor" || word == "tor:" || word == "(tor)") return Network::kTor;
  if (ContainsAnyWord(text, {"vpn", "proxy", "anonym", "relay"})) return Network::kVpn;
  if (ContainsAnyWord(text, {"hosting", "datacenter", "data center", "data centre", "datacentre",
                             "cloud", "vps", "server", "dch"}))
    return Network::kHosting;
  if (ContainsAnyWord(text, {"mobile", "cellular", "cell", "lte", "4g", "5g", "wireless"}))
    return Network::kMobile;
  if (ContainsAnyWord(text, {"business", "corporate", "office", "cowork", "co-work", "enterprise",
                             "education", "university", "edu"}))
    return Network::kBusiness;
  if (ContainsAnyWord(
          text, {"residential", "home", "broadband", "isp", "cable", "dsl", "fiber", "fibre"}))
    return Network::kResidential;
  return Network::kUnknown;
}

RemoteKind ParseRemoteKind(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return RemoteKind::kNone;
  std::string lower = AsciiLower(text);
  if (lower == "none" || lower == "no" || lower == "-" || lower == "n/a" || lower == "false" ||
      lower == "0")
    return RemoteKind::kNone;
  if (ContainsAnyWord(lower, {"kvm", "pikvm", "tinypilot", "blikvm", "jetkvm"}))
    return RemoteKind::kIpKvm;
  // Any other tool name counts: the column is "remote-access tool seen".
  return RemoteKind::kSoftware;
}

PayMethod ParsePayMethod(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return PayMethod::kUnknown;
  if (ContainsAnyWord(text, {"crypto", "usdt", "usdc", "btc", "bitcoin", "eth", "tether", "wallet",
                             "xbt", "trx", "tron", "stablecoin"}))
    return PayMethod::kCrypto;
  if (ContainsAnyWord(text, {"card", "visa", "mastercard"})) return PayMethod::kCard;
  if (ContainsAnyWord(text, {"service", "paypal", "payoneer", "wise", "transferwise", "revolut",
                             "skrill", "alipay", "wechat", "deel", "remote.com"}))
    return PayMethod::kService;
  if (ContainsAnyWord(text, {"bank", "wire", "ach", "sepa", "swift", "transfer", "iban",
                             "direct deposit", "faster payments"}))
    return PayMethod::kBank;
  return PayMethod::kUnknown;
}

uint16_t PackCountry(std::string_view code) {
  if (code.size() != 2) return 0;
  char a = static_cast<char>(code[0] | 0x20), b = static_cast<char>(code[1] | 0x20);
  if (a < 'a' || a > 'z' || b < 'a' || b > 'z') return 0;
  return static_cast<uint16_t>((static_cast<unsigned>(a) << 8) | static_cast<unsigned>(b));
}

std::string UnpackCountry(uint16_t packed) {
  if (packed == 0) return {};
  return std::string{static_cast<char>(packed >> 8), static_cast<char>(packed & 0xFF)};
}

std::string_view FileKindName(FileKind kind) {
  switch (kind) {
    case FileKind::kWorkers:
      return "workers";
    case FileKind::kPayments:
      return "payments";
    case FileKind::kLogins:
      return "logins";
    case FileKind::kShipments:
      return "shipments";
  }
  return "?";
}

int64_t Dataset::WorkerIndex(std::string_view id) const {
  auto it = worker_index_.find(std::string(id));
  return it == worker_index_.end() ? int64_t{-1} : int64_t{it->second};
}

uint32_t Dataset::AddWorker(Worker w) {
  auto index = static_cast<uint32_t>(workers.size());
  worker_index_.emplace(w.id, index);
  workers.push_back(std::move(w));
  return index;
}

void Dataset::AddProblem(std::string where, std::string message) {
  ++problem_count;
  if (problems.size() < kMaxProblems) problems.push_back({std::move(where), std::move(message)});
}

bool Dataset::HasColumn(FileKind kind, std::string_view column) const {
  auto it = columns.find(std::string(FileKindName(kind)));
  if (it == columns.end()) return false;
  return std::find(it->second.begin(), it->second.end(), column) != it->second.end();
}

size_t Dataset::memory_bytes() const {
  size_t bytes = workers.capacity() * sizeof(Worker) + payments.capacity() * sizeof(Payment) +
                 logins.capacity() * sizeof(Login) + shipments.capacity() * sizeof(Shipment);
  for (const auto& w : workers) {
    for (const std::string* s :
         {&w.id, &w.name, &w.email, &w.phone, &w.address, &w.github, &w.linkedin, &w.portfolio,
          &w.where, &w.timezone, &w.photo_hash, &w.document_number, &w.platform, &w.city})
      if (s->size() > 15) bytes += s->capacity();
  }
  bytes += worker_index_.size() * (sizeof(std::string) + 4 + 2 * sizeof(void*));
  return bytes + strings.memory_bytes();
}

// --- time -----------------------------------------------------------------

namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

// "+09:00", "+0900", "-5", "+5:30" -> minutes; false when malformed.
bool ParseOffsetText(std::string_view s, int32_t* minutes) {
  if (s.empty() || (s[0] != '+' && s[0] != '-')) return false;
  int sign = s[0] == '-' ? -1 : 1;
  s.remove_prefix(1);
  int h = 0, m = 0;
  size_t colon = s.find(':');
  if (colon != std::string_view::npos) {
    if (colon == 0 || colon > 2 || !Digits(s, 0, colon, &h) || s.size() != colon + 3 ||
        !Digits(s, colon + 1, 2, &m))
      return false;
  } else if (s.size() == 4) {
    if (!Digits(s, 0, 2, &h) || !Digits(s, 2, 2, &m)) return false;
  } else if (s.size() == 1 || s.size() == 2) {
    if (!Digits(s, 0, s.size(), &h)) return false;
  } else {
    return false;
  }
  if (h > 14 || m > 59) return false;
  *minutes = sign * (h * 60 + m);
  return true;
}

}  // namespace

bool ParseTime(std::string_view text, int64_t* seconds) {
  text = Trim(text);
  if (text.empty()) return false;
  if (IsAsciiDigits(text)) {
    // Unix seconds (or milliseconds, which exports also use).
    if (text.size() < 9 || text.size() > 13) return false;
    uint64_t v = 0;
    if (!ParseUint(text, &v)) return false;
    if (text.size() == 13) v /= 1000;
    *seconds = static_cast<int64_t>(v);
    return true;
  }
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!Digits(text, 0, 4, &y) || text.size() < 10 || (text[4] != '-' && text[4] != '/') ||
      !Digits(text, 5, 2, &mo) || text[7] != text[4] || !Digits(text, 8, 2, &d))
    return false;
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  static constexpr int kMonthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kMonthDays[mo - 1] || (mo == 2 && d == 29 && !leap)) return false;
  size_t pos = 10;
  int32_t offset = 0;
  if (pos < text.size()) {
    if (text[pos] != 'T' && text[pos] != ' ' && text[pos] != 't') return false;
    ++pos;
    if (!Digits(text, pos, 2, &h) || pos + 2 >= text.size() || text[pos + 2] != ':' ||
        !Digits(text, pos + 3, 2, &mi))
      return false;
    pos += 5;
    if (pos < text.size() && text[pos] == ':') {
      if (!Digits(text, pos + 1, 2, &s)) return false;
      pos += 3;
      if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      }
    }
    if (h > 23 || mi > 59 || s > 60) return false;
    std::string_view rest = Trim(text.substr(pos));
    if (rest == "Z" || rest == "z" || rest == "UTC" || rest == "GMT" || rest.empty()) {
      offset = 0;
    } else if (!ParseOffsetText(rest, &offset)) {
      return false;
    }
  }
  int64_t days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  *seconds = days * 86400 + h * 3600 + mi * 60 + s - int64_t{offset} * 60;
  return true;
}

std::string FormatTime(int64_t seconds) {
  if (seconds == kNoTime) return "";
  int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  int64_t rem = seconds - days * 86400;
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02dZ", static_cast<long long>(y), m,
                d, static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                static_cast<int>(rem % 60));
  return buf;
}

std::string FormatDate(int64_t seconds) {
  std::string t = FormatTime(seconds);
  return t.size() >= 10 ? t.substr(0, 10) : t;
}

bool ParseUtcOffset(std::string_view zone, int32_t* minutes) {
  zone = Trim(zone);
  if (zone.empty()) return false;
  if (IanaOffset(zone, minutes)) return true;
  std::string upper = AsciiUpper(zone);
  std::string_view u = upper;
  for (std::string_view prefix : {"UTC", "GMT"}) {
    if (StartsWith(u, prefix)) {
      std::string_view rest = Trim(u.substr(prefix.size()));
      if (rest.empty()) {
        *minutes = 0;
        return true;
      }
      return ParseOffsetText(rest, minutes);
    }
  }
  if (u[0] == '+' || u[0] == '-') return ParseOffsetText(u, minutes);
  struct Abbrev {
    std::string_view name;
    int32_t offset;
  };
  // CST and IST are ambiguous; the US and Indian readings are the common ones
  // in the data this reads.
  static constexpr Abbrev kAbbrevs[] = {
      {"EST", -300}, {"EDT", -240}, {"CST", -360},  {"CDT", -300}, {"MST", -420}, {"MDT", -360},
      {"PST", -480}, {"PDT", -420}, {"AKST", -540}, {"HST", -600}, {"BST", 60},   {"CET", 60},
      {"CEST", 120}, {"WET", 0},    {"EET", 120},   {"EEST", 180}, {"MSK", 180},  {"IST", 330},
      {"PKT", 300},  {"ICT", 420},  {"WIB", 420},   {"HKT", 480},  {"SGT", 480},  {"PHT", 480},
      {"AWST", 480}, {"JST", 540},  {"KST", 540},   {"AEST", 600}, {"AEDT", 660}, {"NZST", 720},
  };
  for (const auto& a : kAbbrevs) {
    if (u == a.name) {
      *minutes = a.offset;
      return true;
    }
  }
  return false;
}

}  // namespace vigil::workforce
