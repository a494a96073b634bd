// PLACEHOLDER: being written; replaced by the real parser.
#include "vigil/lists.h"
namespace vigil {
Result<ParsedSource> ParseOfacXml(const std::string& path, std::string_view) {
  return Status::Unsupported(path + ": parser not written yet");
}
}  // namespace vigil
