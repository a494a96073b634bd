// Fuzzes the trade.gov Consolidated Screening List CSV parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vigil/lists.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = vigil::ParseTradeCslText(text, "fuzz", "fuzz.csv");
  (void)r;
  return 0;
}
