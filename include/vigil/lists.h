// Parsers for the official sanctions list formats and for user watchlists.
//
// Every parser turns one source (a file, or a folder of a list's files) into
// entities with stable ids "<dataset>:<source id>". Parsers never crash on bad
// input: a malformed file yields a ParseError naming the file and line (or XML
// element); a damaged record that can be skipped becomes a warning in
// ParsedSource::warnings and the rest of the file is kept. All functions are
// thread-safe (no shared state).
#ifndef VIGIL_LISTS_H_
#define VIGIL_LISTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "vigil/entity.h"
#include "vigil/status.h"

namespace vigil {

// A problem in the input that did not stop the parse. `where` is
// "file:line" or "file:/XPATH".
struct Diagnostic {
  std::string where;
  std::string message;
  std::string ToString() const { return where + ": " + message; }
};

struct ParsedSource {
  std::vector<Entity> entities;
  std::vector<Diagnostic> warnings;
  std::string publication_date;  // ISO date found in the file, if any
  // FtM delta files: ids the source deletes (op "DEL").
  std::vector<std::string> deleted_ids;
};

// The list formats vigil reads.
enum class ListFormat {
  kAuto,          // choose from the dataset name and the file's content
  kOfacCsv,       // sdn.csv (+ alt.csv, add.csv, sdn_comments.csv) or cons_prim.csv set
  kOfacXml,       // sdnList XML (sdn.xml, consolidated.xml)
  kUnXml,         // UN Security Council CONSOLIDATED_LIST XML
  kUkOfsi,        // UK OFSI consolidated list, .xlsx or .csv
  kEuFsf,         // EU Financial Sanctions File XML
  kTradeCsl,      // trade.gov Consolidated Screening List CSV (optionally .gz)
  kFtmJson,       // FollowTheMoney JSON lines, entities or delta ops
  kWatchlistCsv,  // vigil's simple internal watchlist CSV (docs/watchlist-csv.md)
};
std::string_view ListFormatName(ListFormat format);
Result<ListFormat> ParseListFormatName(std::string_view name);

// Files may be gzip-compressed (".gz"); every parser reads them transparently.

// `path` is sdn.csv itself or a folder holding sdn.csv (or cons_prim.csv) with
// optional alt/add/comments files beside it (names as OFAC publishes them, with
// or without a date part: "sdn-2024-05-03.csv" is found too). Alias or address
// rows whose entity is missing become warnings. `dataset` prefixes ids.
Result<ParsedSource> ParseOfacCsv(const std::string& path, std::string_view dataset);
// Explicit file set, for callers that keep the files apart (e.g. the default
// catalog joins a 2024 primary file with 2025 alias files). Empty = absent.
struct OfacCsvFiles {
  std::string primary, aliases, addresses, comments;
};
Result<ParsedSource> ParseOfacCsvFiles(const OfacCsvFiles& files, std::string_view dataset);

Result<ParsedSource> ParseOfacXml(const std::string& path, std::string_view dataset);
Result<ParsedSource> ParseUnXml(const std::string& path, std::string_view dataset);
Result<ParsedSource> ParseUkOfsi(const std::string& path, std::string_view dataset);
Result<ParsedSource> ParseEuFsf(const std::string& path, std::string_view dataset);
Result<ParsedSource> ParseTradeCsl(const std::string& path, std::string_view dataset);
// FtM entity lines and delta lines ({"op":"ADD"|"DEL","entity":…}) may be mixed.
// Entities keep their own ids; `dataset` is added to their datasets.
Result<ParsedSource> ParseFtmJson(const std::string& path, std::string_view dataset);
Result<ParsedSource> ParseWatchlistCsv(const std::string& path, std::string_view dataset);

// The same parsers over bytes already in memory (used by fuzz targets and by
// `vigil update`). `name` is used in messages in place of a file name.
Result<ParsedSource> ParseOfacCsvText(std::string_view primary, std::string_view aliases,
                                      std::string_view addresses, std::string_view comments,
                                      std::string_view dataset, std::string_view name);
Result<ParsedSource> ParseOfacXmlText(std::string_view xml, std::string_view dataset,
                                      std::string_view name);
Result<ParsedSource> ParseUnXmlText(std::string_view xml, std::string_view dataset,
                                    std::string_view name);
Result<ParsedSource> ParseUkOfsiCsvText(std::string_view csv, std::string_view dataset,
                                        std::string_view name);
Result<ParsedSource> ParseUkOfsiXlsxBytes(std::string_view bytes, std::string_view dataset,
                                          std::string_view name);
Result<ParsedSource> ParseEuFsfText(std::string_view xml, std::string_view dataset,
                                    std::string_view name);
Result<ParsedSource> ParseTradeCslText(std::string_view csv, std::string_view dataset,
                                       std::string_view name);
Result<ParsedSource> ParseFtmJsonText(std::string_view jsonl, std::string_view dataset,
                                      std::string_view name);
Result<ParsedSource> ParseWatchlistCsvText(std::string_view csv, std::string_view dataset,
                                           std::string_view name);

// Parses the OFAC remarks language ("DOB circa 1947; POB Pyongyang; Passport
// 12345 (Korea, North); a.k.a. 'X'; Linked To: Y.") into `entity`. Unknown
// clauses are kept in notes. Exposed for tests and fuzzing.
void ApplyOfacRemarks(std::string_view remarks, Entity& entity, std::vector<Diagnostic>* warnings,
                      std::string_view where);

// One source of a catalog: which dataset, where, and in what format.
struct SourceSpec {
  std::string dataset;  // e.g. "us_ofac_sdn"
  std::string path;     // file or folder
  ListFormat format = ListFormat::kAuto;
  std::string publication_date;  // optional; the file's own date wins if it has one
  std::string sha256;            // optional; when set, the source bytes must match
};

// Chooses the format for a spec (dataset name first, then file name/content).
Result<ListFormat> DetectListFormat(const SourceSpec& spec);
// Parses a source with the right parser.
Result<ParsedSource> ParseSource(const SourceSpec& spec);

}  // namespace vigil

#endif  // VIGIL_LISTS_H_
