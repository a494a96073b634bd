// Fuzzes the OFAC remarks language on a person and on an organization.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "lists/ofac_remarks.h"
#include "vigil/entity.h"
#include "vigil/lists.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view remarks(reinterpret_cast<const char*>(data), size);
  std::vector<vigil::Diagnostic> warnings;
  for (auto schema : {vigil::schema::kPerson, vigil::schema::kOrganization}) {
    vigil::Entity e("fuzz:1", schema);
    vigil::ApplyOfacRemarks(remarks, e, &warnings, "fuzz:1");
    // Every value the remarks produce is trimmed and non-empty.
    for (const auto& [property, values] : e.properties())
      for (const auto& v : values)
        if (v.empty()) __builtin_trap();
    for (const auto& i : e.identifiers())
      if (i.value.empty() || i.kind.empty()) __builtin_trap();
  }
  std::string iso = vigil::OfacDateToIso(remarks);
  if (!iso.empty() && !vigil::PartialDate::Parse(iso)) __builtin_trap();
  return 0;
}
