// PLACEHOLDER: being written; replaced by the real parser.
#include "vigil/lists.h"
namespace vigil {
Result<ParsedSource> ParseOfacCsv(const std::string& path, std::string_view) {
  return Status::Unsupported(path + ": parser not written yet");
}
}  // namespace vigil
namespace vigil {
Result<ParsedSource> ParseOfacCsvFiles(const OfacCsvFiles& files, std::string_view) {
  return Status::Unsupported(files.primary + ": parser not written yet");
}
}  // namespace vigil
