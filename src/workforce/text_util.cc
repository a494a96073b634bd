#include "workforce/text_util.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "core/strings.h"
#include "text/normalize.h"

namespace vigil::workforce {

bool IsPlaceholder(std::string_view value) {
  value = Trim(value);
  if (value.empty()) return true;
  static constexpr std::string_view kEmpty[] = {
      "n/a", "na",      "none", "null", "nil",           "-",        "--", "?",
      "0",   "unknown", "tbd",  "n.a.", "not available", "undefined"};
  for (auto e : kEmpty)
    if (IEquals(value, e)) return true;
  return false;
}

std::vector<std::string> NameTokens(std::string_view name) {
  return text::Tokenize(text::FoldLatin(name));
}

std::string NameKey(std::string_view name) {
  auto tokens = NameTokens(name);
  std::sort(tokens.begin(), tokens.end());
  return Join(tokens, " ");
}

size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > limit) return limit + 1;
  // Names and mailbox names are short: no allocation for them.
  std::array<size_t, 64> stack;
  std::vector<size_t> heap;
  size_t* row = stack.data();
  if (a.size() + 1 > stack.size()) {
    heap.resize(a.size() + 1);
    row = heap.data();
  }
  for (size_t i = 0; i <= a.size(); ++i) row[i] = i;
  for (size_t j = 1; j <= b.size(); ++j) {
    size_t diag = row[0];
    row[0] = j;
    size_t best = row[0];
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t up = row[i];
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[i] = std::min({row[i] + 1, row[i - 1] + 1, diag + cost});
      diag = up;
      best = std::min(best, row[i]);
    }
    if (best > limit) return limit + 1;
  }
  return std::min(row[a.size()], limit + 1);
}

bool WithinEditRatio(std::string_view a, std::string_view b, double ratio) {
  size_t longest = std::max(a.size(), b.size());
  if (longest == 0) return true;
  auto limit = static_cast<size_t>(ratio * static_cast<double>(longest) + 1e-9);
  return EditDistance(a, b, limit) <= limit;
}

double NormalizedEditDistance(std::string_view a, std::string_view b) {
  size_t longest = std::max(a.size(), b.size());
  if (longest == 0) return 0;
  return static_cast<double>(EditDistance(a, b, longest)) / static_cast<double>(longest);
}

namespace {

bool TokensAlike(std::string_view a, std::string_view b) {
  if (a == b) return true;
  size_t shorter = std::min(a.size(), b.size());
  if (shorter < 4) return false;
  size_t allowed = shorter >= 8 ? 2 : 1;
  return EditDistance(a, b, allowed) <= allowed;
}

}  // namespace

bool SamePersonName(std::string_view a, std::string_view b) {
  auto ta = NameTokens(a);
  auto tb = NameTokens(b);
  if (ta.empty() || tb.empty()) return false;
  if (ta.size() > tb.size()) std::swap(ta, tb);
  std::vector<bool> used(tb.size(), false);
  size_t full_matches = 0;
  for (const auto& t : ta) {
    bool found = false;
    for (size_t i = 0; i < tb.size() && !found; ++i) {
      if (used[i]) continue;
      const auto& u = tb[i];
      bool initial = (t.size() == 1 || u.size() == 1) && t[0] == u[0];
      if (initial || TokensAlike(t, u)) {
        used[i] = true;
        found = true;
        if (!initial) ++full_matches;
      }
    }
    if (!found) return false;
  }
  // Every token of the shorter name is accounted for; at least two real
  // words must agree unless both names are a single word.
  return full_matches >= 2 || (ta.size() == 1 && tb.size() == 1 && full_matches == 1);
}

bool SharesNameToken(std::string_view a, std::string_view b) {
  auto ta = NameTokens(a);
  auto tb = NameTokens(b);
  for (const auto& t : ta) {
    if (t.size() < 3) continue;
    for (const auto& u : tb)
      if (u.size() >= 3 && TokensAlike(t, u)) return true;
  }
  return false;
}

bool LooksLikeOrganization(std::string_view name) {
  if (name.find("公司") != std::string_view::npos) return true;
  static const std::unordered_set<std::string> kWords = {"ltd",          "limited",
                                                         "llc",          "inc",
                                                         "incorporated", "corp",
                                                         "corporation",  "co",
                                                         "company",      "gmbh",
                                                         "ag",           "sa",
                                                         "sas",          "sarl",
                                                         "srl",          "spa",
                                                         "bv",           "nv",
                                                         "plc",          "pte",
                                                         "pty",          "pvt",
                                                         "oy",           "ab",
                                                         "aps",          "kft",
                                                         "sro",          "ooo",
                                                         "oao",          "zao",
                                                         "pao",          "jsc",
                                                         "ojsc",         "fze",
                                                         "fzco",         "fzc",
                                                         "fzllc",        "llp",
                                                         "lp",           "kk",
                                                         "ltda",         "sl",
                                                         "trading",      "technology",
                                                         "technologies", "network",
                                                         "networks",     "services",
                                                         "solutions",    "consulting",
                                                         "payroll",      "staffing",
                                                         "agency",       "group",
                                                         "holdings",     "partners",
                                                         "enterprises",  "international",
                                                         "bank",         "foundation",
                                                         "studio",       "labs",
                                                         "software",     "systems",
                                                         "talent",       "workforce",
                                                         "outsourcing",  "ооо",
                                                         "оао",          "зао",
                                                         "пао",          "ао"};
  for (const auto& t : NameTokens(name))
    if (kWords.count(t)) return true;
  return false;
}

std::string NormEmail(std::string_view email) {
  std::string e = AsciiLower(Trim(email));
  if (e.size() >= 2 && e.front() == '<' && e.back() == '>') e = e.substr(1, e.size() - 2);
  size_t at = e.rfind('@');
  if (at == std::string::npos || at == 0 || at + 1 == e.size()) return e;
  std::string local = e.substr(0, at);
  std::string domain = e.substr(at + 1);
  size_t plus = local.find('+');
  if (plus != std::string::npos && plus > 0) local.resize(plus);
  if (domain == "gmail.com" || domain == "googlemail.com") {
    local.erase(std::remove(local.begin(), local.end(), '.'), local.end());
    domain = "gmail.com";
  }
  return local + "@" + domain;
}

std::string_view EmailLocal(std::string_view e) {
  size_t at = e.rfind('@');
  return at == std::string_view::npos ? e : e.substr(0, at);
}

std::string_view EmailDomain(std::string_view e) {
  size_t at = e.rfind('@');
  return at == std::string_view::npos ? std::string_view() : e.substr(at + 1);
}

bool IsFreeMailDomain(std::string_view domain) {
  static const std::unordered_set<std::string_view> kFree = {
      "gmail.com",     "googlemail.com", "yahoo.com",    "yahoo.co.uk", "ymail.com",
      "outlook.com",   "hotmail.com",    "live.com",     "msn.com",     "aol.com",
      "icloud.com",    "me.com",         "mac.com",      "proton.me",   "protonmail.com",
      "pm.me",         "tutanota.com",   "tuta.io",      "gmx.com",     "gmx.de",
      "gmx.net",       "web.de",         "mail.com",     "zoho.com",    "yandex.ru",
      "yandex.com",    "mail.ru",        "inbox.ru",     "list.ru",     "bk.ru",
      "rambler.ru",    "qq.com",         "163.com",      "126.com",     "sina.com",
      "foxmail.com",   "naver.com",      "daum.net",     "hanmail.net", "rediffmail.com",
      "hotmail.co.uk", "outlook.fr",     "orange.fr",    "free.fr",     "libero.it",
      "seznam.cz",     "wp.pl",          "o2.pl",        "ukr.net",     "i.ua",
      "yopmail.com",   "fastmail.com",   "hushmail.com", "skiff.com",   "duck.com"};
  return kFree.count(domain) > 0;
}

std::string NormPhone(std::string_view phone) {
  std::string digits;
  for (char c : phone)
    if (c >= '0' && c <= '9') digits.push_back(c);
  if (digits.size() < 6) return {};
  if (digits.size() > 10) digits = digits.substr(digits.size() - 10);
  return digits;
}

std::string NormAccount(std::string_view account) {
  std::string out;
  out.reserve(account.size());
  for (char c : account) {
    if (c >= 'a' && c <= 'z')
      out.push_back(static_cast<char>(c - 32));
    else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
      out.push_back(c);
  }
  return out;
}

std::string NormWallet(std::string_view wallet) {
  std::string_view w = Trim(wallet);
  if (w.size() > 2 && w[0] == '0' && (w[1] == 'x' || w[1] == 'X')) return AsciiLower(w);
  return std::string(w);
}

std::string NormAddress(std::string_view address) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kAbbrev = {
      {"street", "st"},     {"str", "st"},         {"avenue", "ave"},     {"av", "ave"},
      {"road", "rd"},       {"drive", "dr"},       {"boulevard", "blvd"}, {"lane", "ln"},
      {"court", "ct"},      {"place", "pl"},       {"square", "sq"},      {"highway", "hwy"},
      {"apartment", "apt"}, {"apartments", "apt"}, {"suite", "ste"},      {"floor", "fl"},
      {"building", "bldg"}, {"north", "n"},        {"south", "s"},        {"east", "e"},
      {"west", "w"},        {"parkway", "pkwy"},   {"terrace", "ter"},    {"circle", "cir"}};
  auto tokens = text::Tokenize(text::FoldLatin(address));
  for (auto& t : tokens) {
    for (const auto& [from, to] : kAbbrev) {
      if (t == from) {
        t = std::string(to);
        break;
      }
    }
  }
  return Join(tokens, " ");
}

bool SameAddress(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  auto ta = SplitTrimmed(a, " ");
  auto tb = SplitTrimmed(b, " ");
  std::sort(ta.begin(), ta.end());
  std::sort(tb.begin(), tb.end());
  return SameAddressTokens(ta, tb);
}

bool SameAddressTokens(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return false;
  // Numbers (house, flat, postcode) must all agree: neighbours share the
  // rest of the address.
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i] < b[j])) {
      if (IsAsciiDigits(a[i])) return false;
      ++i;
    } else if (i == a.size() || b[j] < a[i]) {
      if (IsAsciiDigits(b[j])) return false;
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  size_t longest = std::max(a.size(), b.size());
  return common * 5 >= longest * 4;
}

std::string UrlHost(std::string_view url) {
  std::string u = AsciiLower(Trim(url));
  size_t scheme = u.find("://");
  if (scheme != std::string::npos) u = u.substr(scheme + 3);
  size_t end = u.find_first_of("/?#");
  if (end != std::string::npos) u.resize(end);
  size_t at = u.rfind('@');
  if (at != std::string::npos) u = u.substr(at + 1);
  size_t colon = u.find(':');
  if (colon != std::string::npos) u.resize(colon);
  if (StartsWith(u, "www.")) u = u.substr(4);
  while (!u.empty() && u.back() == '.') u.pop_back();
  if (u.find('.') == std::string::npos || u.find(' ') != std::string::npos) return {};
  return u;
}

std::string UrlKey(std::string_view url) {
  std::string host = UrlHost(url);
  if (host.empty()) return {};
  std::string u = AsciiLower(Trim(url));
  size_t scheme = u.find("://");
  size_t start = scheme == std::string::npos ? 0 : scheme + 3;
  size_t slash = u.find('/', start);
  if (slash == std::string::npos) return host;
  size_t end = u.find_first_of("/?#", slash + 1);
  std::string segment =
      u.substr(slash + 1, end == std::string::npos ? std::string::npos : end - slash - 1);
  return segment.empty() ? host : host + "/" + segment;
}

std::string CountryOfIban(std::string_view account) {
  std::string a = NormAccount(account);
  if (a.size() < 15 || a.size() > 34) return {};
  if (a[0] < 'A' || a[0] > 'Z' || a[1] < 'A' || a[1] > 'Z') return {};
  if (a[2] < '0' || a[2] > '9' || a[3] < '0' || a[3] > '9') return {};
  return AsciiLower(a.substr(0, 2));
}

std::string CountryOfBic(std::string_view bic) {
  std::string b = NormAccount(bic);
  if (b.size() != 8 && b.size() != 11) return {};
  for (size_t i = 0; i < 6; ++i)
    if (b[i] < 'A' || b[i] > 'Z') return {};
  return AsciiLower(b.substr(4, 2));
}

}  // namespace vigil::workforce
