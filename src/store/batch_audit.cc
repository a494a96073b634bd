#include "store/batch_audit.h"

#include <unordered_map>

#include "match/query_json.h"

namespace vigil {

Result<std::vector<AuditedScreening>> ScreenAndRecord(Store& store, const Matcher& matcher,
                                                      const std::vector<Query>& queries,
                                                      const BatchOptions& options,
                                                      const std::string& caller) {
  VIGIL_ASSIGN_OR_RETURN(auto all, ScreenAll(matcher, queries, options));
  VIGIL_ASSIGN_OR_RETURN(auto decisions, store.ListDecisions());
  std::unordered_map<std::string, CaseDecision> latest;
  for (auto& d : decisions) latest[d.query_hash + '\n' + d.entity_id] = std::move(d);
  std::vector<AuditedScreening> out(queries.size());
  std::vector<AuditRecord> records;
  const std::string& version = matcher.catalog().version();
  size_t flushed = 0;
  auto flush = [&]() -> Status {
    if (records.empty()) return Status::Ok();
    VIGIL_ASSIGN_OR_RETURN(auto seqs, store.AppendAll(std::move(records)));
    for (size_t k = 0; k < seqs.size(); ++k) out[flushed + k].audit_seq = seqs[k];
    flushed += seqs.size();
    records.clear();
    return Status::Ok();
  };
  for (size_t i = 0; i < queries.size(); ++i) {
    AuditedScreening& s = out[i];
    s.results = std::move(all[i]);
    std::string qhash = QueryFingerprint(queries[i]);
    std::vector<std::string> hashes;
    for (auto& r : s.results) {
      hashes.push_back(EntityFingerprint(*r.entity));
      auto it = latest.find(qhash + '\n' + r.entity->id());
      bool fp = it != latest.end() && it->second.entity_hash == hashes.back() &&
                it->second.verdict == CaseDecision::Verdict::kFalsePositive;
      s.suppressed.push_back(fp);
    }
    s.decision = ScreeningDecision(s.results, s.suppressed);
    AuditRecord rec;
    rec.kind = std::string(audit_kind::kScreening);
    rec.caller = caller;
    rec.catalog_version = version;
    rec.query = DumpJson(QueryToJson(queries[i]));
    rec.results = AuditResultsJson(qhash, s.results, hashes, s.suppressed);
    rec.decision = s.decision;
    records.push_back(std::move(rec));
    for (size_t k = 0; k < s.results.size(); ++k)
      if (s.suppressed[k]) s.results[k].match = false;
    if (records.size() == 1000) VIGIL_RETURN_IF_ERROR(flush());
  }
  VIGIL_RETURN_IF_ERROR(flush());
  return out;
}

}  // namespace vigil
