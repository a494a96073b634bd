#include "test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>

namespace vigil::testing {

std::string SharedData(const std::string& relative) {
  const char* env = std::getenv("VIGIL_SHARED_DATA");
  std::string base = env ? env : VIGIL_SHARED_DATA_DIR;
  return base + "/" + relative;
}

std::string SourcePath(const std::string& relative) {
  return std::string(VIGIL_SOURCE_DIR) + "/" + relative;
}

std::string TempDir() {
  std::random_device rd;
  auto dir = std::filesystem::temp_directory_path() /
             ("vigil_test_" + std::to_string(getpid()) + "_" + std::to_string(rd()));
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string VigilBinary() { return VIGIL_BINARY; }

int RunCommand(const std::string& command, std::string* output) {
  output->clear();
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return -1;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) output->append(buf.data(), n);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace vigil::testing
