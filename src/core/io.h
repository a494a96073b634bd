// File input/output used across vigil: whole-file reads with transparent gzip,
// atomic writes, hashing.
#ifndef VIGIL_CORE_IO_H_
#define VIGIL_CORE_IO_H_

#include <string>
#include <string_view>
#include <vector>

#include "vigil/status.h"

namespace vigil {

// Reads a whole file. Content that starts with the gzip magic is inflated.
Result<std::string> ReadFile(const std::string& path);
// Reads a whole file as stored (no decompression).
Result<std::string> ReadRawFile(const std::string& path);
// Inflates gzip data; `name` is used in error messages.
Result<std::string> Gunzip(std::string_view data, std::string_view name);
// Deflates into gzip format (level 9).
Result<std::string> Gzip(std::string_view data);
bool IsGzip(std::string_view data);
// Writes to path.tmp.<pid> then renames over `path`: readers see the old file or
// the new one, never a partial write.
Status WriteFileAtomic(const std::string& path, std::string_view data);
// Lower-case hex SHA-256.
std::string Sha256Hex(std::string_view data);
// Incremental SHA-256 for content spread over several buffers.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view data);
  std::string HexDigest();  // finishes; call once

 private:
  void* ctx_;
};
bool PathExists(const std::string& path);
bool IsDirectory(const std::string& path);
// Names (not paths) of the regular files in a folder, sorted.
Result<std::vector<std::string>> ListFiles(const std::string& dir);
std::string JoinPath(std::string_view dir, std::string_view name);
std::string BaseName(std::string_view path);

}  // namespace vigil

#endif  // VIGIL_CORE_IO_H_
