// Sanctions exposure: every worker's identifiers and counterparties screened
// against the catalog.
#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/strings.h"
#include "vigil/matcher.h"
#include "workforce/scan_internal.h"
#include "workforce/text_util.h"

namespace vigil::workforce {
namespace {

// Hosts where a profile URL's host says nothing about its owner.
bool IsSharedPlatformHost(std::string_view host) {
  static const std::unordered_set<std::string_view> kShared = {
      "github.com",   "gitlab.com",        "linkedin.com", "bitbucket.org",  "behance.net",
      "dribbble.com", "medium.com",        "upwork.com",   "freelancer.com", "fiverr.com",
      "toptal.com",   "stackoverflow.com", "twitter.com",  "x.com",          "facebook.com",
      "t.me",         "telegram.me",       "vercel.app",   "netlify.app",    "github.io",
      "google.com",   "sites.google.com",  "wix.com",      "wordpress.com",  "blogspot.com"};
  return kShared.count(host) > 0;
}

struct CatalogIdentifiers {
  std::unordered_map<std::string, uint32_t> wallets;  // normalized -> entity index
  std::unordered_map<std::string, uint32_t> emails;
  std::unordered_map<std::string, uint32_t> domains;  // of listed e-mails and websites
  std::unordered_map<std::string, uint32_t> url_keys;

  explicit CatalogIdentifiers(const Catalog& catalog) {
    const auto& entities = catalog.entities();
    for (uint32_t i = 0; i < entities.size(); ++i) {
      const Entity& e = entities[i];
      auto add_email = [&](std::string_view v) {
        std::string n = NormEmail(v);
        if (n.find('@') == std::string::npos) return;
        emails.emplace(n, i);
        std::string domain(EmailDomain(n));
        if (!domain.empty() && !IsFreeMailDomain(domain)) domains.emplace(domain, i);
      };
      auto add_website = [&](std::string_view v) {
        std::string host = UrlHost(v);
        if (host.empty()) return;
        if (!IsSharedPlatformHost(host)) domains.emplace(host, i);
        url_keys.emplace(UrlKey(v), i);
      };
      for (const auto& id : e.identifiers()) {
        if (id.kind == "cryptoWallet")
          wallets.emplace(NormWallet(id.value), i);
        else if (id.kind == "email")
          add_email(id.value);
        else if (id.kind == "website")
          add_website(id.value);
      }
      for (const auto& v : e.Get("email")) add_email(v);
      for (const auto& v : e.Get("website")) add_website(v);
      for (const auto& v : e.Get("cryptoWallet")) wallets.emplace(NormWallet(v), i);
      if (e.schema() == schema::kCryptoWallet)
        for (const auto& v : e.Get("publicKey")) wallets.emplace(NormWallet(v), i);
    }
  }
};

ExposureHit MakeHit(uint32_t worker, std::string field, std::string value, const Entity& e,
                    double score, bool corroborated) {
  ExposureHit h;
  h.worker = worker;
  h.field = std::move(field);
  h.value = std::move(value);
  h.entity_id = e.id();
  h.entity_caption = e.caption();
  h.entity_schema = e.schema();
  h.datasets = e.datasets();
  h.score = score;
  h.corroborated = corroborated;
  return h;
}

bool Corroborated(const MatchResult& r) {
  for (const auto& f : r.explanation.features)
    if ((f.name == "birthDate" && f.delta > 0) || StartsWith(f.name, "identifier:")) return true;
  return false;
}

// Screens queries on a few threads (the matcher is thread-safe); keeps the
// results flagged as matches.
std::vector<std::vector<MatchResult>> MatchAll(const Matcher& matcher,
                                               const std::vector<Query>& queries,
                                               const MatchOptions& options) {
  std::vector<std::vector<MatchResult>> out(queries.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < queries.size();) {
      try {
        auto results = matcher.Match(queries[i], options);
        if (!results.ok()) continue;
        for (auto& r : *results)
          if (r.entity && r.match) out[i].push_back(std::move(r));
      } catch (const std::exception&) {
        // A query the matcher cannot handle screens as no match.
      }
    }
  };
  size_t threads = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8);
  threads = std::min(threads, std::max<size_t>(1, queries.size() / 64));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return out;
}

}  // namespace

std::vector<ExposureHit> ScreenExposure(const ScanIndex& index, const ExposureOptions& options,
                                        std::vector<std::string>* notes) {
  std::vector<ExposureHit> hits;
  if (!options.catalog) return hits;
  const Dataset& data = index.data();
  const Catalog& catalog = *options.catalog;
  CatalogIdentifiers ids(catalog);
  const auto& entities = catalog.entities();

  for (uint32_t w = 0; w < data.workers.size(); ++w) {
    const Worker& x = data.workers[w];
    if (!x.email.empty()) {
      std::string e = NormEmail(x.email);
      auto it = ids.emails.find(e);
      if (it != ids.emails.end()) {
        hits.push_back(MakeHit(w, "email", x.email, entities[it->second], 1, true));
      } else {
        std::string domain(EmailDomain(e));
        auto d = ids.domains.find(domain);
        if (!domain.empty() && d != ids.domains.end())
          hits.push_back(MakeHit(w, "email_domain", domain, entities[d->second], 1, true));
      }
    }
    for (const std::string* url : {&x.portfolio, &x.github, &x.linkedin}) {
      if (url->empty()) continue;
      auto k = ids.url_keys.find(UrlKey(*url));
      if (k != ids.url_keys.end()) {
        hits.push_back(MakeHit(w, "website", *url, entities[k->second], 1, true));
        continue;
      }
      std::string host = UrlHost(*url);
      auto d = ids.domains.find(host);
      if (!host.empty() && !IsSharedPlatformHost(host) && d != ids.domains.end())
        hits.push_back(MakeHit(w, "website", *url, entities[d->second], 1, true));
    }
    std::unordered_set<uint32_t> seen_accounts;
    for (uint32_t pi : index.Payments(w)) {
      const Payment& p = data.payments[pi];
      if (!p.account || !seen_accounts.insert(p.account).second) continue;
      std::string_view account = data.strings.Get(p.account);
      auto it = ids.wallets.find(NormWallet(account));
      if (it != ids.wallets.end())
        hits.push_back(MakeHit(w, "wallet", std::string(account), entities[it->second], 1, true));
    }
  }

  if (!options.matcher) {
    if (notes)
      notes->push_back(
          "names, account holders and banks were not screened: no matcher (wallets and "
          "e-mails were compared exactly)");
  } else {
    MatchOptions mo;
    mo.threshold = options.min_score;
    mo.cutoff = options.min_score;
    mo.limit = 3;
    // Every distinct query once: namesakes, and holders and banks that many
    // workers share.
    std::vector<Query> queries;
    std::unordered_map<std::string, size_t> query_of;
    auto add_query = [&](std::string key, Query q) {
      auto [it, inserted] = query_of.emplace(std::move(key), queries.size());
      if (inserted) queries.push_back(std::move(q));
      return it->second;
    };
    struct Use {
      uint32_t worker;
      const char* field;
      std::string value;
      size_t query;
    };
    std::vector<Use> uses;
    if (options.screen_worker_names) {
      for (uint32_t w = 0; w < data.workers.size(); ++w) {
        const Worker& x = data.workers[w];
        if (x.name.empty()) continue;
        Query q;
        q.id = x.id;
        q.schema = std::string(schema::kPerson);
        q.names = {x.name};
        bool dob = PartialDate::Parse(x.birth_date).has_value();
        if (dob) q.birth_dates = {x.birth_date};
        if (!x.document_number.empty())
          q.identifiers.push_back({"passportNumber", x.document_number, x.document_country, ""});
        std::string key = "n|" + x.name + "|" + (dob ? x.birth_date : "") + "|" + x.document_number;
        uses.push_back({w, "name", x.name, add_query(std::move(key), std::move(q))});
      }
    }
    if (options.screen_counterparties) {
      // The query is built only the first time a key is seen: holder and
      // bank names repeat across thousands of payments.
      auto use = [&](uint32_t w, const char* field, std::string key, const std::string& name,
                     auto make) {
        auto it = query_of.find(key);
        size_t q = it != query_of.end() ? it->second : add_query(std::move(key), make());
        uses.push_back({w, field, name, q});
      };
      for (uint32_t w = 0; w < data.workers.size(); ++w) {
        const std::string& platform = data.workers[w].platform;
        if (!platform.empty() && LooksLikeOrganization(platform)) {
          use(w, "platform", "c|" + platform, platform, [&] {
            Query q;
            q.names = {platform};
            q.schema = std::string(schema::kCompany);
            return q;
          });
        }
        std::unordered_set<uint32_t> done;
        for (uint32_t pi : index.Payments(w)) {
          const Payment& p = data.payments[pi];
          if (p.holder && done.insert(p.holder * 2).second) {
            std::string name(data.strings.Get(p.holder));
            // The worker's own account: screened above, with the birth date
            // and document that a holder name alone lacks.
            if (options.screen_worker_names && SamePersonName(name, data.workers[w].name)) continue;
            use(w, "account_holder", "h|" + name, name, [&] {
              Query q;
              q.names = {name};
              q.schema = LooksLikeOrganization(name) ? std::string(schema::kCompany)
                                                     : std::string(schema::kLegalEntity);
              return q;
            });
          }
          if (p.bank && done.insert(p.bank * 2 + 1).second) {
            std::string name(data.strings.Get(p.bank));
            std::string swift(data.strings.Get(p.swift));
            use(w, "bank", "b|" + name + "|" + swift, name, [&] {
              Query q;
              q.names = {name};
              q.schema = std::string(schema::kOrganization);
              if (!swift.empty()) q.identifiers.push_back({"swiftBic", swift, "", ""});
              return q;
            });
          }
        }
      }
    }
    auto results = MatchAll(*options.matcher, queries, mo);
    for (const auto& u : uses)
      for (const auto& r : results[u.query])
        hits.push_back(MakeHit(u.worker, u.field, u.value, *r.entity, r.score, Corroborated(r)));
  }
  std::stable_sort(hits.begin(), hits.end(), [](const ExposureHit& a, const ExposureHit& b) {
    return a.worker != b.worker ? a.worker < b.worker : a.field < b.field;
  });
  return hits;
}

}  // namespace vigil::workforce
