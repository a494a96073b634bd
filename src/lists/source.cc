// Chooses and runs the parser for a source.
#include <array>

#include "core/io.h"
#include "core/strings.h"
#include "vigil/lists.h"

namespace vigil {
namespace {
struct FormatName {
  ListFormat format;
  std::string_view name;
};
constexpr std::array<FormatName, 9> kFormats = {{
    {ListFormat::kAuto, "auto"},
    {ListFormat::kOfacCsv, "ofac_csv"},
    {ListFormat::kOfacXml, "ofac_xml"},
    {ListFormat::kUnXml, "un_xml"},
    {ListFormat::kUkOfsi, "uk_ofsi"},
    {ListFormat::kEuFsf, "eu_fsf"},
    {ListFormat::kTradeCsl, "trade_csl"},
    {ListFormat::kFtmJson, "ftm_json"},
    {ListFormat::kWatchlistCsv, "watchlist_csv"},
}};

std::string StripGz(std::string_view name) {
  std::string n = AsciiLower(name);
  if (EndsWith(n, ".gz")) n.resize(n.size() - 3);
  return n;
}
}  // namespace

std::string_view ListFormatName(ListFormat format) {
  for (const auto& f : kFormats)
    if (f.format == format) return f.name;
  return "unknown";
}

Result<ListFormat> ParseListFormatName(std::string_view name) {
  for (const auto& f : kFormats)
    if (f.name == name) return f.format;
  std::string known;
  for (const auto& f : kFormats) known += (known.empty() ? "" : ", ") + std::string(f.name);
  return Status::InvalidArgument("unknown list format '" + std::string(name) + "' (known: " + known +
                                 ")");
}

Result<ListFormat> DetectListFormat(const SourceSpec& spec) {
  if (spec.format != ListFormat::kAuto) return spec.format;
  if (!PathExists(spec.path)) return Status::NotFound(spec.path + ": no such file or folder");
  const std::string& d = spec.dataset;
  std::string file = StripGz(BaseName(spec.path));
  if (IsDirectory(spec.path)) {
    // A folder is an OFAC legacy CSV set (sdn.csv or cons_prim.csv with friends).
    return ListFormat::kOfacCsv;
  }
  if (EndsWith(file, ".json") || EndsWith(file, ".jsonl") || EndsWith(file, ".ndjson"))
    return ListFormat::kFtmJson;
  if (EndsWith(file, ".xlsx")) return ListFormat::kUkOfsi;
  if (EndsWith(file, ".xml")) {
    if (StartsWith(d, "un_")) return ListFormat::kUnXml;
    if (StartsWith(d, "eu_")) return ListFormat::kEuFsf;
    if (StartsWith(d, "us_ofac")) return ListFormat::kOfacXml;
    // Look at the root element.
    VIGIL_ASSIGN_OR_RETURN(std::string text, ReadFile(spec.path));
    std::string_view head = std::string_view(text).substr(0, 4096);
    if (head.find("<CONSOLIDATED_LIST") != std::string_view::npos) return ListFormat::kUnXml;
    if (head.find("<sdnList") != std::string_view::npos) return ListFormat::kOfacXml;
    if (head.find("<export") != std::string_view::npos) return ListFormat::kEuFsf;
    return Status::InvalidArgument(spec.path + ": unknown XML list (root element not recognised)");
  }
  if (EndsWith(file, ".csv") || EndsWith(file, ".txt")) {
    if (StartsWith(d, "us_ofac")) return ListFormat::kOfacCsv;
    if (StartsWith(d, "us_trade") || file.find("consolidated") != std::string::npos) {
      if (StartsWith(d, "gb_")) return ListFormat::kUkOfsi;
      return ListFormat::kTradeCsl;
    }
    if (StartsWith(d, "gb_")) return ListFormat::kUkOfsi;
    if (StartsWith(file, "sdn") || StartsWith(file, "cons_prim")) return ListFormat::kOfacCsv;
    return ListFormat::kWatchlistCsv;
  }
  return Status::InvalidArgument(spec.path + ": cannot tell the list format; name one with format=");
}

Result<ParsedSource> ParseSource(const SourceSpec& spec) {
  VIGIL_ASSIGN_OR_RETURN(ListFormat format, DetectListFormat(spec));
  switch (format) {
    case ListFormat::kOfacCsv: return ParseOfacCsv(spec.path, spec.dataset);
    case ListFormat::kOfacXml: return ParseOfacXml(spec.path, spec.dataset);
    case ListFormat::kUnXml: return ParseUnXml(spec.path, spec.dataset);
    case ListFormat::kUkOfsi: return ParseUkOfsi(spec.path, spec.dataset);
    case ListFormat::kEuFsf: return ParseEuFsf(spec.path, spec.dataset);
    case ListFormat::kTradeCsl: return ParseTradeCsl(spec.path, spec.dataset);
    case ListFormat::kFtmJson: return ParseFtmJson(spec.path, spec.dataset);
    case ListFormat::kWatchlistCsv: return ParseWatchlistCsv(spec.path, spec.dataset);
    case ListFormat::kAuto: break;
  }
  return Status::Internal("format detection returned auto");
}

}  // namespace vigil
