#include "lists/xlsx_reader.h"

#include <zip.h>

#include <memory>
#include <pugixml.hpp>

#include "core/strings.h"

namespace vigil {
namespace {

// A zip entry is read whole into memory; this bounds what a damaged or hostile
// file (a "zip bomb") can make us allocate. The OFSI sheet is ~13 MB.
constexpr zip_uint64_t kMaxPartBytes = 256u << 20;
// Sparse rows are stored densely by column; this bounds the padding a sheet
// with far-apart cell references can make us allocate.
constexpr size_t kMaxCellSlots = 8u << 20;
constexpr int kMaxColumns = 16384;  // XFD, the format's own limit
constexpr uint64_t kMaxRow = 1048576;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

class ZipArchive {
 public:
  static Result<ZipArchive> Open(std::string_view bytes, std::string_view name) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
      std::string msg = zip_error_strerror(&error);
      zip_error_fini(&error);
      return Status::Internal(std::string(name) + ": cannot read zip data: " + msg);
    }
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (archive == nullptr) {
      zip_source_free(source);
      std::string msg = zip_error_strerror(&error);
      zip_error_fini(&error);
      return Status::ParseError(std::string(name) + ": not an xlsx workbook (zip: " + msg + ")");
    }
    zip_error_fini(&error);
    ZipArchive z;
    z.archive_.reset(archive);
    z.name_ = name;
    return z;
  }

  bool Has(const std::string& part) const {
    return zip_name_locate(archive_.get(), part.c_str(), 0) >= 0;
  }

  Result<std::string> Read(const std::string& part) const {
    zip_int64_t index = zip_name_locate(archive_.get(), part.c_str(), 0);
    if (index < 0) return Status::ParseError(name_ + ": xlsx part " + part + " is missing");
    std::unique_ptr<zip_file_t, ZipFileCloser> file(
        zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0));
    if (!file) {
      return Status::ParseError(name_ + ": cannot open xlsx part " + part + ": " +
                                zip_strerror(archive_.get()));
    }
    std::string out;
    char buf[1 << 16];
    while (true) {
      zip_int64_t n = zip_fread(file.get(), buf, sizeof(buf));
      if (n < 0) {
        return Status::ParseError(name_ + ": damaged xlsx part " + part + ": " +
                                  zip_file_strerror(file.get()));
      }
      if (n == 0) break;
      if (out.size() + static_cast<zip_uint64_t>(n) > kMaxPartBytes)
        return Status::ParseError(name_ + ": xlsx part " + part + " is larger than 256 MiB");
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }

 private:
  ZipArchive() = default;
  std::unique_ptr<zip_t, ZipCloser> archive_;
  std::string name_;
};

// Element names without a namespace prefix: most writers use the default
// namespace ("sheetData"), some a prefix ("x:sheetData").
std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view n = node.name();
  size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && LocalName(c) == local) return c;
  return {};
}

// Attribute by local name ("r:id" matches "id" only when asked for "r:id"
// literally or by its local part).
std::string_view Attr(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view n = a.name();
    size_t colon = n.find(':');
    if ((colon == std::string_view::npos ? n : n.substr(colon + 1)) == local) return a.value();
  }
  return {};
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// OOXML writes characters XML cannot hold as "_xHHHH_" (e.g. "_x000D_").
std::string DecodeOoxmlEscapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      int v = 0;
      bool ok = true;
      for (size_t k = i + 2; k < i + 6; ++k) {
        int h = HexValue(s[k]);
        if (h < 0) ok = false;
        v = v * 16 + (h < 0 ? 0 : h);
      }
      if (ok && v < 0x80) {
        out += static_cast<char>(v);
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// Text of a shared string item or inline string: plain <t>, or the runs
// <r><t>…</t></r>; phonetic guides (<rPh>) are not part of the text.
std::string RichText(const pugi::xml_node& node) {
  std::string out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view n = LocalName(c);
    if (n == "t") {
      out += c.text().get();
    } else if (n == "r") {
      pugi::xml_node t = Child(c, "t");
      if (t) out += t.text().get();
    }
  }
  return DecodeOoxmlEscapes(out);
}

constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

Status LoadXml(pugi::xml_document& doc, const std::string& text, std::string_view name,
               const std::string& part) {
  pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(), kParseOptions);
  if (!r) {
    return Status::ParseError(std::string(name) + ": " + part + " offset " +
                              std::to_string(r.offset) + ": malformed XML (" + r.description() +
                              ")");
  }
  return Status::Ok();
}

// Resolves a relationship target ("worksheets/sheet1.xml", "/xl/…",
// "../x.xml") to a zip part path; targets are relative to the xl/ folder.
std::string PartPath(std::string_view target) {
  std::string_view full = target;
  std::string joined;
  if (!StartsWith(target, "/")) {
    joined = "xl/" + std::string(target);
    full = joined;
  }
  std::vector<std::string_view> segments;
  for (std::string_view seg : Split(full, '/')) {
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
      continue;
    }
    segments.push_back(seg);
  }
  std::string out;
  for (std::string_view seg : segments) {
    if (!out.empty()) out += '/';
    out += seg;
  }
  return out;
}

struct WorkbookParts {
  std::string sheet_name;
  std::string sheet_path;
  std::string shared_strings_path;
};

Result<WorkbookParts> FindParts(const ZipArchive& zip, std::string_view name) {
  WorkbookParts parts;
  parts.sheet_path = "xl/worksheets/sheet1.xml";
  parts.shared_strings_path = "xl/sharedStrings.xml";
  std::string sheet_rid;
  if (zip.Has("xl/workbook.xml")) {
    VIGIL_ASSIGN_OR_RETURN(std::string text, zip.Read("xl/workbook.xml"));
    pugi::xml_document doc;
    VIGIL_RETURN_IF_ERROR(LoadXml(doc, text, name, "xl/workbook.xml"));
    pugi::xml_node sheets = Child(Child(doc, "workbook"), "sheets");
    pugi::xml_node first = Child(sheets, "sheet");
    if (first) {
      parts.sheet_name = Attr(first, "name");
      sheet_rid = Attr(first, "id");
    }
  } else if (!zip.Has(parts.sheet_path)) {
    return Status::ParseError(std::string(name) + ": not an xlsx workbook (no xl/workbook.xml)");
  }
  if (zip.Has("xl/_rels/workbook.xml.rels")) {
    VIGIL_ASSIGN_OR_RETURN(std::string text, zip.Read("xl/_rels/workbook.xml.rels"));
    pugi::xml_document doc;
    VIGIL_RETURN_IF_ERROR(LoadXml(doc, text, name, "xl/_rels/workbook.xml.rels"));
    for (pugi::xml_node rel = Child(doc, "Relationships").first_child(); rel;
         rel = rel.next_sibling()) {
      if (rel.type() != pugi::node_element || LocalName(rel) != "Relationship") continue;
      std::string_view type = Attr(rel, "Type");
      std::string_view target = Attr(rel, "Target");
      if (target.empty()) continue;
      if (!sheet_rid.empty() && Attr(rel, "Id") == sheet_rid) parts.sheet_path = PartPath(target);
      if (EndsWith(type, "/sharedStrings")) parts.shared_strings_path = PartPath(target);
    }
  }
  return parts;
}

}  // namespace

int XlsxColumnIndex(std::string_view ref) {
  int col = 0;
  size_t i = 0;
  while (i < ref.size() && i < 4) {
    char c = ref[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    col = col * 26 + (c - 'A' + 1);
    ++i;
  }
  if (i == 0 || i > 3) return -1;
  return col - 1;
}

Result<XlsxSheet> ReadXlsxFirstSheet(std::string_view bytes, std::string_view name) {
  VIGIL_ASSIGN_OR_RETURN(ZipArchive zip, ZipArchive::Open(bytes, name));
  VIGIL_ASSIGN_OR_RETURN(WorkbookParts parts, FindParts(zip, name));

  std::vector<std::string> shared;
  if (zip.Has(parts.shared_strings_path)) {
    VIGIL_ASSIGN_OR_RETURN(std::string text, zip.Read(parts.shared_strings_path));
    pugi::xml_document doc;
    VIGIL_RETURN_IF_ERROR(LoadXml(doc, text, name, parts.shared_strings_path));
    pugi::xml_node sst = Child(doc, "sst");
    for (pugi::xml_node si = sst.first_child(); si; si = si.next_sibling()) {
      if (si.type() == pugi::node_element && LocalName(si) == "si") shared.push_back(RichText(si));
    }
  }

  VIGIL_ASSIGN_OR_RETURN(std::string sheet_text, zip.Read(parts.sheet_path));
  pugi::xml_document doc;
  VIGIL_RETURN_IF_ERROR(LoadXml(doc, sheet_text, name, parts.sheet_path));
  sheet_text.clear();
  sheet_text.shrink_to_fit();

  pugi::xml_node data = Child(Child(doc, "worksheet"), "sheetData");
  if (!data) {
    return Status::ParseError(std::string(name) + ": " + parts.sheet_path +
                              ": no <worksheet><sheetData> element");
  }
  XlsxSheet sheet;
  sheet.name = parts.sheet_name;
  size_t slots = 0;
  uint64_t row_number = 0;
  for (pugi::xml_node row = data.first_child(); row; row = row.next_sibling()) {
    if (row.type() != pugi::node_element || LocalName(row) != "row") continue;
    std::string_view r = Attr(row, "r");
    uint64_t n = 0;
    if (!r.empty() && ParseUint(r, &n) && n > 0 && n <= kMaxRow) {
      row_number = n;
    } else {
      ++row_number;
    }
    std::string where =
        std::string(name) + ": " + parts.sheet_path + " row " + std::to_string(row_number);
    XlsxRow out;
    out.number = static_cast<uint32_t>(row_number);
    int col = -1;
    for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || LocalName(c) != "c") continue;
      std::string_view ref = Attr(c, "r");
      if (!ref.empty()) {
        int parsed = XlsxColumnIndex(ref);
        if (parsed < 0)
          return Status::ParseError(where + ": bad cell reference '" + std::string(ref) + "'");
        col = parsed;
      } else {
        ++col;
      }
      if (col >= kMaxColumns) return Status::ParseError(where + ": cell column beyond XFD");
      std::string_view type = Attr(c, "t");
      std::string value;
      if (type == "inlineStr") {
        value = RichText(Child(c, "is"));
      } else {
        std::string_view v = Child(c, "v").text().get();
        if (type == "s") {
          uint64_t index = 0;
          if (v.empty()) continue;
          if (!ParseUint(Trim(v), &index) || index >= shared.size()) {
            return Status::ParseError(
                where + " cell " + std::string(ref) + ": shared string index '" + std::string(v) +
                "' out of range (" + std::to_string(shared.size()) + " strings)");
          }
          value = shared[index];
        } else if (type == "b") {
          value = Trim(v) == "1" ? "TRUE" : "FALSE";
        } else {
          value = DecodeOoxmlEscapes(v);
        }
      }
      if (value.empty()) continue;
      size_t need = static_cast<size_t>(col) + 1;
      if (need > out.cells.size()) {
        slots += need - out.cells.size();
        if (slots > kMaxCellSlots)
          return Status::ParseError(where + ": sheet too large (over 8M cells)");
        out.cells.resize(need);
      }
      out.cells[static_cast<size_t>(col)] = std::move(value);
    }
    if (!out.cells.empty()) sheet.rows.push_back(std::move(out));
  }
  return sheet;
}

}  // namespace vigil
