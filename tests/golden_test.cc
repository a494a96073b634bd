// Runs the golden screening cases in tests/golden/screening.tsv against the
// default catalog.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/strings.h"
#include "match/query_json.h"
#include "test_util.h"
#include "vigil/catalog.h"
#include "vigil/matcher.h"

namespace vigil {
namespace {

const Matcher& DefaultMatcher() {
  static std::unique_ptr<Matcher> matcher = [] {
    auto catalog = LoadDefaultCatalog();
    EXPECT_TRUE(catalog.ok()) << catalog.status().ToString();
    return Matcher::Create(*catalog);
  }();
  return *matcher;
}

struct GoldenCase {
  int line = 0;
  std::string expect, entity, text;
  Query query;
};

std::vector<GoldenCase> LoadCases() {
  std::ifstream in(testing::SourcePath("tests/golden/screening.tsv"));
  std::vector<GoldenCase> out;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (Trim(line).empty() || line[0] == '#') continue;
    auto cells = Split(line, '\t');
    EXPECT_GE(cells.size(), 4u) << "screening.tsv:" << line_no;
    if (cells.size() < 4) continue;
    nlohmann::json props = nlohmann::json::object();
    if (cells[3] != "-") props["name"].push_back(std::string(cells[3]));
    for (size_t i = 4; i < cells.size(); ++i) {
      size_t eq = cells[i].find('=');
      if (eq == std::string_view::npos) continue;
      props[std::string(cells[i].substr(0, eq))].push_back(std::string(cells[i].substr(eq + 1)));
    }
    nlohmann::json j = {
        {"id", std::to_string(line_no)}, {"schema", std::string(cells[2])}, {"properties", props}};
    auto q = QueryFromJson(j, "screening.tsv:" + std::to_string(line_no));
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    if (!q.ok()) continue;
    out.push_back({line_no, std::string(cells[0]), std::string(cells[1]), line, *q});
  }
  return out;
}

TEST(GoldenScreening, AllCasesHold) {
  auto cases = LoadCases();
  ASSERT_GT(cases.size(), 30u);
  const Matcher& matcher = DefaultMatcher();
  MatchOptions options;
  options.limit = 20;
  int failures = 0;
  for (const auto& c : cases) {
    auto results = matcher.Match(c.query, options);
    ASSERT_TRUE(results.ok()) << results.status().ToString();
    std::string got;
    bool entity_matched = false;
    bool any_match = false;
    for (const auto& r : *results) {
      if (r.match) any_match = true;
      if (r.entity->id() == c.entity && r.match) entity_matched = true;
      got += "\n    " + r.entity->id() + " " + std::to_string(r.score) +
             (r.match ? " match " : " ") + r.entity->caption();
    }
    bool ok = c.expect == "match"      ? entity_matched
              : c.expect == "no-match" ? !entity_matched
              : c.expect == "clean"    ? !any_match
                                       : false;
    if (!ok) ++failures;
    EXPECT_TRUE(ok) << "screening.tsv:" << c.line << ": expected " << c.expect << " " << c.entity
                    << " for '" << Join(c.query.names, "/") << "'; got:" << got;
  }
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace vigil
