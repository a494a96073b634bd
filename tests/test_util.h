// Helpers for tests: where the shared reference data and the project live.
#ifndef VIGIL_TESTS_TEST_UTIL_H_
#define VIGIL_TESTS_TEST_UTIL_H_

#include <string>

namespace vigil::testing {

// Path of a file under ../shared/data (or $VIGIL_SHARED_DATA).
std::string SharedData(const std::string& relative);
// Path of a file in the project source tree.
std::string SourcePath(const std::string& relative);
// A fresh empty temporary folder for one test.
std::string TempDir();
// Path of the built vigil command-line binary.
std::string VigilBinary();
// Runs a shell command, returns its exit code; stdout (and stderr if asked)
// go to *output.
int RunCommand(const std::string& command, std::string* output);

}  // namespace vigil::testing

#endif  // VIGIL_TESTS_TEST_UTIL_H_
