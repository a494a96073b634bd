// The checks the workforce engine implements, their parameters and defaults.
// A rule pack names a check per rule; everything else about a rule is data.
#ifndef VIGIL_WORKFORCE_RULES_INTERNAL_H_
#define VIGIL_WORKFORCE_RULES_INTERNAL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/status.h"
#include "vigil/workforce.h"

namespace vigil::workforce {

enum class ParamType { kNumber, kList, kBool };

struct ParamSpec {
  std::string_view name;
  ParamType type;
  double number = 0;                     // default for kNumber / kBool (0/1)
  std::vector<std::string_view> list{};  // default for kList
};

enum class CheckLevel { kWorker, kCluster, kInherit };

struct CheckSpec {
  std::string_view name;
  CheckLevel level;
  std::string_view needs;  // what data it reads, for "could not check" notes
  std::vector<ParamSpec> params;
};

const std::vector<CheckSpec>& CheckSpecs();
const CheckSpec* FindCheck(std::string_view name);

// A rule's params with the check's defaults filled in.
class RuleParams {
 public:
  double Num(std::string_view name) const;
  bool Flag(std::string_view name) const { return Num(name) != 0; }
  const std::vector<std::string>& List(std::string_view name) const;
  bool ListHas(std::string_view name, std::string_view value) const;

  std::map<std::string, double, std::less<>> numbers;
  std::map<std::string, std::vector<std::string>, std::less<>> lists;
};

// Validates a rule's params_json against its check; errors name the rule.
Result<RuleParams> ParseRuleParams(const Rule& rule);

}  // namespace vigil::workforce

#endif  // VIGIL_WORKFORCE_RULES_INTERNAL_H_
