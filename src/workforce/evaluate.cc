// Detection quality against the generator's labels.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "vigil/workforce.h"

namespace vigil::workforce {

Evaluation Evaluate(const Dataset& data, const ScanResult& result,
                    const std::vector<Label>& labels) {
  std::unordered_map<std::string, const Label*> by_id;
  for (const auto& l : labels) by_id[l.worker_id] = &l;
  std::map<std::string, SchemeQuality> schemes;
  std::map<std::string, LookalikeQuality> tags;
  // group -> cluster of each member (-1 alone), and whether any member is high.
  std::map<std::string, std::vector<int32_t>> group_clusters;
  std::map<std::string, bool> group_high;
  std::map<std::string, std::string> group_scheme;
  Evaluation ev;
  for (const auto& l : labels)
    if (!l.scheme.empty()) schemes[l.scheme].scheme = l.scheme;

  for (const auto& r : result.workers) {
    const Worker& w = data.workers[r.worker];
    auto it = by_id.find(w.id);
    const Label* label = it == by_id.end() ? nullptr : it->second;
    bool high = r.level == "high";
    bool planted = label && !label->scheme.empty();
    if (high) {
      ++ev.flagged;
      if (planted) ++ev.flagged_true;
      if (!r.pattern.empty()) {
        auto& q = schemes[r.pattern];
        q.scheme = r.pattern;
        ++q.predicted;
        if (planted) ++q.predicted_true;
      }
    }
    if (!label) continue;
    if (planted) {
      auto& q = schemes[label->scheme];
      ++q.planted;
      ++ev.planted;
      if (high) {
        ++q.detected;
        ++ev.detected;
      }
      group_clusters[label->group].push_back(r.cluster);
      group_high[label->group] = group_high[label->group] || high;
      group_scheme[label->group] = label->scheme;
    } else {
      for (const auto& t : label->tags) {
        auto& q = tags[t];
        q.tag = t;
        ++q.workers;
        if (high)
          ++q.high;
        else if (r.level == "medium")
          ++q.medium;
      }
    }
  }
  for (const auto& [group, clusters] : group_clusters) {
    auto& q = schemes[group_scheme[group]];
    ++q.groups;
    if (group_high[group]) ++q.groups_detected;
    int32_t first = clusters.front();
    if (clusters.size() >= 2 && first >= 0 &&
        std::all_of(clusters.begin(), clusters.end(), [first](int32_t c) { return c == first; }))
      ++q.groups_clustered;
  }
  for (auto& [k, q] : schemes) ev.schemes.push_back(q);
  for (auto& [k, q] : tags) ev.lookalikes.push_back(q);
  return ev;
}

std::string Evaluation::ToText() const {
  std::string out = fmt::format("{:<22} {:>7} {:>8} {:>7} {:>7} {:>9} {:>9} {:>9} {:>9}\n",
                                "scheme", "planted", "detected", "recall", "groups", "grp.found",
                                "clustered", "predicted", "precision");
  for (const auto& q : schemes)
    out += fmt::format("{:<22} {:>7} {:>8} {:>7.3f} {:>7} {:>9} {:>9} {:>9} {:>9}\n", q.scheme,
                       q.planted, q.detected, q.recall(), q.groups, q.groups_detected,
                       q.groups_clustered, q.predicted,
                       q.predicted ? fmt::format("{:.3f}", q.precision()) : "n/a");
  out += fmt::format("{:<22} {:>7} {:>8} {:>7.3f} {:>7} {:>9} {:>9} {:>9} {:>9.3f}\n", "all",
                     planted, detected, recall(), "", "", "", flagged, precision());
  out += fmt::format("\n{:<16} {:>8} {:>6} {:>7}\n", "benign tag", "workers", "high", "medium");
  for (const auto& t : lookalikes)
    out += fmt::format("{:<16} {:>8} {:>6} {:>7}\n", t.tag, t.workers, t.high, t.medium);
  return out;
}

}  // namespace vigil::workforce
