#include "lists/xlsx_reader.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <map>

#include "core/io.h"
#include "test_util.h"

namespace vigil {
namespace {

// Writes a zip with the given parts (name -> content) and returns its bytes.
std::string MakeZip(const std::map<std::string, std::string>& parts) {
  std::string path = JoinPath(testing::TempDir(), "book.xlsx");
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(z, nullptr);
  if (z == nullptr) return {};
  for (const auto& [name, content] : parts) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    EXPECT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  auto bytes = ReadFile(path);
  EXPECT_TRUE(bytes.ok());
  return bytes.ok() ? *bytes : std::string();
}

constexpr std::string_view kNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

std::string Workbook() {
  return std::string("<workbook xmlns=\"") + std::string(kNs) +
         "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
         "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>";
}

std::string Rels(std::string_view sheet_target) {
  return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/worksheet\" Target=\"" +
         std::string(sheet_target) +
         "\"/><Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/"
         "officeDocument/2006/relationships/sharedStrings\" Target=\"strings.xml\"/>"
         "</Relationships>";
}

std::string Sheet(std::string_view rows) {
  return std::string("<worksheet xmlns=\"") + std::string(kNs) + "\"><sheetData>" +
         std::string(rows) + "</sheetData></worksheet>";
}

TEST(XlsxReaderTest, ColumnIndex) {
  EXPECT_EQ(XlsxColumnIndex("A1"), 0);
  EXPECT_EQ(XlsxColumnIndex("Z9"), 25);
  EXPECT_EQ(XlsxColumnIndex("AA1"), 26);
  EXPECT_EQ(XlsxColumnIndex("AJ18798"), 35);
  EXPECT_EQ(XlsxColumnIndex("XFD1"), 16383);
  EXPECT_EQ(XlsxColumnIndex("1"), -1);
  EXPECT_EQ(XlsxColumnIndex("ABCD1"), -1);
}

TEST(XlsxReaderTest, CellTypesAndSparseRows) {
  std::string strings = std::string("<sst xmlns=\"") + std::string(kNs) +
                        "\"><si><t>Group ID</t></si>"
                        "<si><r><t>Rich </t></r><r><t>text</t></r><rPh><t>ignored</t></rPh></si>"
                        "<si><t>line_x000D_break</t></si></sst>";
  std::string sheet = Sheet(
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"D2\" t=\"s\"><v>1</v></c></row>"
      "<row r=\"5\"><c r=\"B5\" t=\"inlineStr\"><is><t>inline</t></is></c>"
      "<c r=\"C5\" t=\"str\"><f>A1</f><v>formula</v></c><c r=\"E5\"><v>1962</v></c>"
      "<c t=\"b\"><v>1</v></c><c r=\"G5\" t=\"s\"><v>2</v></c></row>"
      "<row><c><v>7</v></c></row>"
      "<row r=\"9\"><c r=\"A9\" s=\"1\"/></row>");
  std::string bytes = MakeZip({{"xl/workbook.xml", Workbook()},
                               {"xl/_rels/workbook.xml.rels", Rels("worksheets/data.xml")},
                               {"xl/strings.xml", strings},
                               {"xl/worksheets/data.xml", sheet}});
  auto r = ReadXlsxFirstSheet(bytes, "t.xlsx");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->name, "Data");
  // Row 9 has only an empty cell and is left out.
  ASSERT_EQ(r->rows.size(), 3u);
  EXPECT_EQ(r->rows[0].number, 2u);
  EXPECT_EQ(r->rows[0].cells, (std::vector<std::string>{"Group ID", "", "", "Rich text"}));
  EXPECT_EQ(r->rows[1].number, 5u);
  EXPECT_EQ(r->rows[1].cells,
            (std::vector<std::string>{"", "inline", "formula", "", "1962", "TRUE", "line\rbreak"}));
  // A row without r= follows the previous one; a cell without r= is column A.
  EXPECT_EQ(r->rows[2].number, 6u);
  EXPECT_EQ(r->rows[2].cells, std::vector<std::string>{"7"});
}

TEST(XlsxReaderTest, DefaultPartsWithoutRelationships) {
  std::string bytes =
      MakeZip({{"xl/worksheets/sheet1.xml",
                Sheet("<row r=\"1\"><c r=\"B1\" t=\"inlineStr\"><is><t>x</t></is></c></row>")}});
  auto r = ReadXlsxFirstSheet(bytes, "t.xlsx");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->rows.size(), 1u);
  EXPECT_EQ(r->rows[0].cells, (std::vector<std::string>{"", "x"}));
}

TEST(XlsxReaderTest, ErrorsNameThePart) {
  auto not_zip = ReadXlsxFirstSheet("hello", "a.xlsx");
  ASSERT_FALSE(not_zip.ok());
  EXPECT_EQ(not_zip.status().code(), Status::Code::kParseError);
  EXPECT_NE(not_zip.status().message().find("a.xlsx"), std::string::npos);

  auto no_sheet = ReadXlsxFirstSheet(MakeZip({{"readme.txt", "x"}}), "b.xlsx");
  ASSERT_FALSE(no_sheet.ok());
  EXPECT_NE(no_sheet.status().message().find("b.xlsx"), std::string::npos);

  auto bad_xml = ReadXlsxFirstSheet(
      MakeZip({{"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>"}}), "c.xlsx");
  ASSERT_FALSE(bad_xml.ok());
  EXPECT_NE(bad_xml.status().message().find("c.xlsx: xl/worksheets/sheet1.xml"), std::string::npos);

  auto bad_index =
      ReadXlsxFirstSheet(MakeZip({{"xl/worksheets/sheet1.xml",
                                   Sheet("<row r=\"3\"><c r=\"C3\" t=\"s\"><v>4</v></c></row>")}}),
                         "d.xlsx");
  ASSERT_FALSE(bad_index.ok());
  EXPECT_NE(bad_index.status().message().find("row 3 cell C3"), std::string::npos);

  auto bad_ref = ReadXlsxFirstSheet(
      MakeZip({{"xl/worksheets/sheet1.xml", Sheet("<row r=\"1\"><c r=\"7\"><v>4</v></c></row>")}}),
      "e.xlsx");
  ASSERT_FALSE(bad_ref.ok());
  EXPECT_NE(bad_ref.status().message().find("bad cell reference"), std::string::npos);
}

TEST(XlsxReaderTest, RealOfsiWorkbook) {
  auto bytes = ReadFile(testing::SharedData("lists/gb_uk/UK_Sanctions_List-2025-04-10.xlsx"));
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto r = ReadXlsxFirstSheet(*bytes, "uk.xlsx");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->name, "Data");
  ASSERT_EQ(r->rows.size(), 18798u);
  EXPECT_EQ(r->rows[0].cells, (std::vector<std::string>{"Last Updated", "10/04/2025"}));
  const auto& header = r->rows[1].cells;
  ASSERT_EQ(header.size(), 36u);
  EXPECT_EQ(header[0], "Name 6");
  EXPECT_EQ(header[7], "Name Non-Latin Script");
  EXPECT_EQ(header[35], "Group ID");
  EXPECT_EQ(r->rows.back().number, 18798u);
}

}  // namespace
}  // namespace vigil
