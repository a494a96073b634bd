// libFuzzer target for ParseEuFsfText: any bytes must give entities or an error,
// never a crash, and every entity must carry the dataset's id prefix.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vigil/lists.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = vigil::ParseEuFsfText(text, "fuzz", "fuzz.xml");
  if (!result.ok()) return 0;
  for (const auto& entity : result->entities) {
    if (entity.id().rfind("fuzz:", 0) != 0 || entity.id().size() <= 5) __builtin_trap();
    (void)entity.AllNames();
  }
  for (const auto& warning : result->warnings) (void)warning.ToString();
  return 0;
}
