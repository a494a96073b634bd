// Fuzzes Catalog::Deserialize. Random bytes almost never carry a valid
// checksum, so each input is tried twice: as a whole snapshot, and as a
// snapshot body with its checksum appended, which reaches the record decoder.
// A snapshot that decodes must survive Serialize -> Deserialize unchanged.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/io.h"
#include "vigil/catalog.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)vigil::Catalog::Deserialize(bytes, "fuzz");

  std::string with_checksum(bytes);
  with_checksum += vigil::Sha256Hex(bytes);
  auto catalog = vigil::Catalog::Deserialize(with_checksum, "fuzz");
  if (!catalog.ok()) return 0;
  const vigil::Catalog& c = **catalog;
  for (const auto& e : c.entities())
    if (!c.Find(e.id())) __builtin_trap();
  std::string again = c.Serialize();
  auto reread = vigil::Catalog::Deserialize(again, "fuzz-reserialized");
  if (!reread.ok()) __builtin_trap();
  if ((*reread)->size() != c.size() || (*reread)->version() != c.version() ||
      (*reread)->Serialize() != again)
    __builtin_trap();
  for (size_t i = 0; i < c.size(); ++i)
    if (!((*reread)->entities()[i] == c.entities()[i])) __builtin_trap();
  return 0;
}
