// A minimal reader for the first worksheet of an Office Open XML spreadsheet
// (.xlsx), enough for list files published as spreadsheets (UK OFSI). It reads
// cell text only: no styles, formulas (their cached value is used) or dates
// (numbers come back as the stored number text).
#ifndef VIGIL_LISTS_XLSX_READER_H_
#define VIGIL_LISTS_XLSX_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/status.h"

namespace vigil {

struct XlsxRow {
  uint32_t number = 0;             // the sheet's 1-based row number
  std::vector<std::string> cells;  // by 0-based column; absent cells are ""
};

struct XlsxSheet {
  std::string name;           // the sheet's name in the workbook ("Data")
  std::vector<XlsxRow> rows;  // rows that have at least one cell, in sheet order
};

// Reads the first worksheet of the workbook held in `bytes`. `name` is used in
// messages. A file that is not a zip, lacks the workbook parts or holds
// malformed XML is a ParseError naming the part.
Result<XlsxSheet> ReadXlsxFirstSheet(std::string_view bytes, std::string_view name);

// 0-based column of a cell reference ("A1" -> 0, "AB12" -> 27); -1 when the
// reference does not start with 1-3 column letters.
int XlsxColumnIndex(std::string_view cell_ref);

}  // namespace vigil

#endif  // VIGIL_LISTS_XLSX_READER_H_
