// Fuzzes the OFAC legacy CSV parser. The input holds the four files of a set
// (primary, aliases, addresses, comments) separated by NUL bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vigil/lists.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view parts[4];
  for (int i = 0; i < 3; ++i) {
    size_t nul = input.find('\0');
    if (nul == std::string_view::npos) break;
    parts[i] = input.substr(0, nul);
    input.remove_prefix(nul + 1);
  }
  // Whatever follows the last separator is the next part in order.
  for (auto& p : parts) {
    if (p.empty()) {
      p = input;
      break;
    }
  }
  auto result =
      vigil::ParseOfacCsvText(parts[0], parts[1], parts[2], parts[3], "us_ofac_sdn", "fuzz.csv");
  if (result.ok()) {
    for (const auto& e : result->entities) {
      if (e.id().empty() || e.caption().empty()) __builtin_trap();
    }
  }
  return 0;
}
