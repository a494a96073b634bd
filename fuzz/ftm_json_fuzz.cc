// Fuzzes the FtM JSON-lines parser and the writer: whatever parses must
// write and parse back to the same entities.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "lists/ftm_writer.h"
#include "vigil/lists.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto first = vigil::ParseFtmJsonText(text, "fuzz", "fuzz.json");
  if (!first.ok()) return 0;
  std::string written;
  for (const auto& e : first->entities) written += vigil::EntityToFtmJson(e) + "\n";
  auto second = vigil::ParseFtmJsonText(written, "fuzz", "written.json");
  if (!second.ok() || second->entities.size() != first->entities.size()) std::abort();
  return 0;
}
