#include "core/csv.h"

#include "core/strings.h"

namespace vigil {

CsvReader::CsvReader(std::string_view text, std::string_view name, char delimiter)
    : text_(text), name_(name), delim_(delimiter) {
  // A UTF-8 byte order mark is not part of the first field.
  if (StartsWith(text_, "\xEF\xBB\xBF")) pos_ = 3;
}

std::string CsvReader::Where() const { return name_ + ":" + std::to_string(record_line_); }

bool CsvReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  if (!status_.ok()) return false;
  // Skip blank lines and a DOS end-of-file marker.
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (c == '\n') {
      ++line_;
      ++pos_;
    } else if (c == '\r' || c == '\x1a') {
      ++pos_;
    } else {
      break;
    }
  }
  if (pos_ >= text_.size()) return false;
  record_line_ = line_;
  std::string field;
  bool in_quotes = false;
  bool was_quoted = false;
  while (pos_ < text_.size()) {
    char c = text_[pos_];
    if (in_quotes) {
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field += '"';
          pos_ += 2;
          continue;
        }
        in_quotes = false;
        ++pos_;
        continue;
      }
      if (c == '\n') ++line_;
      field += c;
      ++pos_;
      continue;
    }
    if (c == delim_) {
      fields->push_back(std::move(field));
      field.clear();
      was_quoted = false;
      ++pos_;
      continue;
    }
    if (c == '\n' || c == '\r') {
      // End of record; consume one line break.
      if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
      ++pos_;
      ++line_;
      fields->push_back(std::move(field));
      return true;
    }
    if (c == '"' && !was_quoted && Trim(field).empty()) {
      // Opening quote (spaces before it are dropped).
      field.clear();
      in_quotes = true;
      was_quoted = true;
      ++pos_;
      continue;
    }
    if (c == '\x1a' && pos_ + 1 >= text_.size()) {
      ++pos_;
      continue;
    }
    field += c;
    ++pos_;
  }
  if (in_quotes) {
    status_ = Status::ParseError(name_ + ":" + std::to_string(record_line_) +
                                 ": unterminated quoted field");
    return false;
  }
  fields->push_back(std::move(field));
  return true;
}

CsvHeader::CsvHeader(const std::vector<std::string>& names) {
  for (const auto& n : names) names_.push_back(AsciiLower(Trim(n)));
}

int CsvHeader::Index(std::string_view name) const {
  std::string key = AsciiLower(name);
  for (size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == key) return static_cast<int>(i);
  return -1;
}

std::string_view CsvHeader::Get(const std::vector<std::string>& row, std::string_view name) const {
  int i = Index(name);
  if (i < 0 || static_cast<size_t>(i) >= row.size()) return {};
  return Trim(row[static_cast<size_t>(i)]);
}

}  // namespace vigil
