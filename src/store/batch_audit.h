// Batch screening with an audit trail: what `vigil screen --input` does, plus
// one audit record per query and false-positive suppression, so that batch
// runs are as accountable as API calls.
#ifndef VIGIL_STORE_BATCH_AUDIT_H_
#define VIGIL_STORE_BATCH_AUDIT_H_

#include <string>
#include <vector>

#include "match/batch.h"
#include "vigil/audit.h"

namespace vigil {

struct AuditedScreening {
  std::vector<MatchResult> results;
  std::vector<bool> suppressed;  // by result: a reviewed false positive (match reported false)
  std::string decision;          // "alert" or "clear"
  int64_t audit_seq = 0;
};

// Screens every query (options.jobs threads), applies the store's decisions
// and appends the audit records (kind "screening", `caller`) in transactions
// of up to 1000 records. Nothing is returned unless everything was recorded.
Result<std::vector<AuditedScreening>> ScreenAndRecord(Store& store, const Matcher& matcher,
                                                      const std::vector<Query>& queries,
                                                      const BatchOptions& options,
                                                      const std::string& caller);

}  // namespace vigil

#endif  // VIGIL_STORE_BATCH_AUDIT_H_
