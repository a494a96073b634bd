// Small string helpers shared by the parsers and the CLI. ASCII only: text that
// needs Unicode awareness goes through src/text.
#ifndef VIGIL_CORE_STRINGS_H_
#define VIGIL_CORE_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace vigil {

std::string_view Trim(std::string_view s);
std::string AsciiLower(std::string_view s);
std::string AsciiUpper(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
bool IStartsWith(std::string_view s, std::string_view prefix);  // ASCII case-insensitive
bool IEquals(std::string_view a, std::string_view b);
// Case-insensitive find; npos when absent.
size_t IFind(std::string_view haystack, std::string_view needle, size_t from = 0);
// Splits on a delimiter, keeping empty fields.
std::vector<std::string_view> Split(std::string_view s, char delim);
// Splits on a delimiter string, trimming parts and dropping empty ones.
std::vector<std::string> SplitTrimmed(std::string_view s, std::string_view delim);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);
// Collapses runs of whitespace into one space and trims.
std::string CollapseSpaces(std::string_view s);
bool IsAsciiDigits(std::string_view s);
// Parses a non-negative decimal integer; false on any other text or overflow.
bool ParseUint(std::string_view s, uint64_t* out);
// Replaces invalid UTF-8 sequences with U+FFFD so that downstream code (JSON
// output, ICU) never sees broken text.
std::string SanitizeUtf8(std::string_view s);

}  // namespace vigil

#endif  // VIGIL_CORE_STRINGS_H_
