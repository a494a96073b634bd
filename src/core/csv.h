// A forgiving RFC 4180 CSV reader that knows line numbers, for error messages
// that point at the record. Quoted fields may hold delimiters, doubled quotes
// and newlines; a quote inside an unquoted field is kept as text (OFAC files
// have those); a trailing 0x1A (DOS end-of-file) byte is ignored.
#ifndef VIGIL_CORE_CSV_H_
#define VIGIL_CORE_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "vigil/status.h"

namespace vigil {

class CsvReader {
 public:
  // `text` must outlive the reader. `name` is used in messages.
  CsvReader(std::string_view text, std::string_view name, char delimiter = ',');
  // Reads the next record into `fields`. Returns false at end of input; on a
  // malformed record (an unterminated quote) returns false and sets status().
  bool Next(std::vector<std::string>* fields);
  // 1-based line where the last record returned by Next() started.
  size_t line() const { return record_line_; }
  const Status& status() const { return status_; }
  // "name:line" of the last record.
  std::string Where() const;

 private:
  std::string_view text_;
  std::string name_;
  char delim_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t record_line_ = 0;
  Status status_;
};

// Maps header names to column indexes (case-insensitive, trimmed).
class CsvHeader {
 public:
  explicit CsvHeader(const std::vector<std::string>& names);
  // -1 when absent.
  int Index(std::string_view name) const;
  // Field value for a column name from a row; empty when absent or out of range.
  std::string_view Get(const std::vector<std::string>& row, std::string_view name) const;
  size_t size() const { return names_.size(); }

 private:
  std::vector<std::string> names_;
};

}  // namespace vigil

#endif  // VIGIL_CORE_CSV_H_
