// Fuzzes the spreadsheet path of the UK OFSI parser: zip, XML and cell
// handling of the minimal XLSX reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vigil/lists.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto r = vigil::ParseUkOfsiXlsxBytes(bytes, "fuzz", "fuzz.xlsx");
  (void)r;
  return 0;
}
