// Fuzzes the workforce readers: the four CSV files and FtM JSON lines. The
// first byte picks the reader; the rest is the file. A worker file is loaded
// first so that the other readers have workers to refer to. The scan then runs
// on whatever was read, so malformed values reach the rules too.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vigil/workforce.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vigil::workforce;
  if (size < 1) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  Dataset d;
  ParseCsvText(FileKind::kWorkers,
               "id,name,country,timezone,address,email\n"
               "W1,Ann Lee,us,America/Chicago,1 Oak St,ann@example.com\n"
               "W2,Bo Chen,cn,Asia/Shanghai,2 Elm St,bo@example.com\n",
               "workers.csv", &d);
  switch (data[0] % 5) {
    case 0:
      ParseCsvText(FileKind::kWorkers, text, "fuzz.csv", &d);
      break;
    case 1:
      ParseCsvText(FileKind::kPayments, text, "fuzz.csv", &d);
      break;
    case 2:
      ParseCsvText(FileKind::kLogins, text, "fuzz.csv", &d);
      break;
    case 3:
      ParseCsvText(FileKind::kShipments, text, "fuzz.csv", &d);
      break;
    default:
      ParseFtmText(text, "fuzz.json", &d);
      break;
  }
  static const RulePack* pack = [] {
    auto p = LoadDefaultRulePack();
    return p.ok() ? new RulePack(std::move(*p)) : nullptr;
  }();
  if (pack) {
    ScanOptions options;
    options.rules = pack;
    auto r = Scan(d, options);
    if (r.ok()) (void)RenderHtmlReport(d, *r);
  }
  return 0;
}
