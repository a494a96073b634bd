// OFAC legacy CSV: the SDN list (sdn.csv, alt.csv, add.csv, sdn_comments.csv)
// and the non-SDN consolidated list (cons_prim.csv, cons_alt.csv, cons_add.csv,
// cons_comments.csv). The files have no header; "-0-" (often with a trailing
// space) marks an empty field; the files end with a DOS 0x1A byte.
//
// Primary columns: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,
// Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks.
// alt: ent_num, alt_num, alt_type, alt_name, alt_remarks.
// add: ent_num, add_num, address, city/state/postal, country, add_remarks.
// comments: ent_num, remarks continuation (OFAC cuts remarks at 1,000
// characters, mid-word, and carries on in the comments file).
#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>

#include "core/csv.h"
#include "core/io.h"
#include "core/strings.h"
#include "lists/ofac_remarks.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

constexpr size_t kPrimaryColumns = 12;
// Where OFAC cuts the remarks column; the rest is in the comments file.
constexpr size_t kRemarksLimit = 1000;
constexpr std::string_view kSanctionTopic = "sanction";

std::string_view Field(const std::vector<std::string>& row, size_t i) {
  if (i >= row.size()) return {};
  std::string_view v = Trim(row[i]);
  if (v == "-0-") return {};
  return v;
}

// ------------------------------------------------------------- encoding

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Older OFAC files are Windows-1252; vigil works in UTF-8. Returns `text`
// itself when it already is UTF-8 (the usual case: the files are ASCII).
std::string_view EnsureUtf8(std::string_view text, std::string* storage) {
  bool ascii = std::all_of(text.begin(), text.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii || SanitizeUtf8(text) == text) return text;
  static constexpr std::array<uint16_t, 32> kCp1252 = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  storage->clear();
  storage->reserve(text.size() + text.size() / 8);
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 && c < 0xA0)
      AppendUtf8(kCp1252[c - 0x80], storage);
    else
      AppendUtf8(c, storage);
  }
  return *storage;
}

// ------------------------------------------------------------- records

std::string_view SchemaFor(std::string_view type) {
  if (IEquals(type, "individual")) return schema::kPerson;
  if (IEquals(type, "vessel")) return schema::kVessel;
  if (IEquals(type, "aircraft")) return schema::kAirplane;
  return schema::kOrganization;
}

// "KIM, Yong Chol" is LAST, First; "DELOS REYES, Feliciano Semborio, Jr."
// keeps the suffix only in the full name.
void AddPersonNameParts(std::string_view name, Entity& entity) {
  size_t comma = name.find(',');
  if (comma == std::string_view::npos) return;
  std::string_view last = Trim(name.substr(0, comma));
  std::string_view first = Trim(name.substr(comma + 1));
  size_t suffix = first.find(',');
  if (suffix != std::string_view::npos) first = Trim(first.substr(0, suffix));
  if (last.empty() || first.empty()) return;
  entity.Add(prop::kLastName, last);
  entity.Add(prop::kFirstName, first);
}

// "DPRK2] [CYBER2" -> DPRK2, CYBER2.
void AddPrograms(std::string_view programs, Entity& entity) {
  for (const auto& p : SplitTrimmed(programs, "] [")) {
    std::string_view v = p;
    while (!v.empty() && (v.front() == '[' || v.front() == ' ')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ']' || v.back() == ' ')) v.remove_suffix(1);
    entity.Add(prop::kProgram, v);
  }
}

struct Part {
  std::string_view text;
  std::string name;
};

struct Record {
  std::string remarks;  // raw: a cut may fall just after a space
  size_t line = 0;
  bool continued = false;
};

class OfacCsvParser {
 public:
  explicit OfacCsvParser(std::string_view dataset) : dataset_(dataset) {}

  Result<ParsedSource> Parse(const Part& primary, const Part& aliases, const Part& addresses,
                             const Part& comments) {
    primary_name_ = primary.name;
    VIGIL_RETURN_IF_ERROR(ParsePrimary(primary));
    if (!comments.text.empty()) VIGIL_RETURN_IF_ERROR(ParseComments(comments));
    for (size_t i = 0; i < out_.entities.size(); ++i) {
      const Record& rec = records_[i];
      std::string where = primary.name + ":" + std::to_string(rec.line);
      if (rec.remarks.size() >= kRemarksLimit && !rec.continued)
        Warn(where, "remarks cut at " + std::to_string(kRemarksLimit) +
                        " characters and not continued in a comments file");
      ApplyOfacRemarks(rec.remarks, out_.entities[i], &out_.warnings, where);
    }
    if (!aliases.text.empty()) VIGIL_RETURN_IF_ERROR(ParseAliases(aliases));
    if (!addresses.text.empty()) VIGIL_RETURN_IF_ERROR(ParseAddresses(addresses));
    ResolveLinks();
    return std::move(out_);
  }

 private:
  void Warn(std::string where, std::string message) {
    out_.warnings.push_back({std::move(where), std::move(message)});
  }

  // The entity of an aux row, or null (with a warning) when it is an orphan.
  Entity* Owner(const CsvReader& reader, std::string_view ent_num, std::string_view what) {
    uint64_t num = 0;
    if (!ParseUint(ent_num, &num)) {
      Warn(reader.Where(), std::string(what) + " row with a bad entity number '" +
                               std::string(ent_num) + "'; skipped");
      return nullptr;
    }
    auto it = index_.find(num);
    if (it == index_.end()) {
      Warn(reader.Where(), std::string(what) + " row for entity " + std::string(ent_num) +
                               ", which is not in " + primary_name_ + "; skipped");
      return nullptr;
    }
    return &out_.entities[it->second];
  }

  Status ParsePrimary(const Part& part) {
    std::string storage;
    CsvReader reader(EnsureUtf8(part.text, &storage), part.name);
    std::vector<std::string> row;
    bool first = true;
    while (reader.Next(&row)) {
      std::string_view num = Trim(row[0]);
      if (first) {
        first = false;
        if (IEquals(num, "ent_num")) continue;  // a header some mirrors add
        if (row.size() != kPrimaryColumns || !IsAsciiDigits(num)) {
          return Status::ParseError(reader.Where() + ": not an OFAC primary file (" +
                                    std::to_string(row.size()) + " columns, expected " +
                                    std::to_string(kPrimaryColumns) +
                                    " starting with an entity number)");
        }
      }
      if (row.size() != kPrimaryColumns) {
        Warn(reader.Where(), "record with " + std::to_string(row.size()) + " columns, expected " +
                                 std::to_string(kPrimaryColumns) + "; skipped");
        continue;
      }
      uint64_t ent = 0;
      if (!ParseUint(num, &ent)) {
        Warn(reader.Where(), "bad entity number '" + std::string(num) + "'; record skipped");
        continue;
      }
      std::string_view name = Field(row, 1);
      if (name.empty()) {
        Warn(reader.Where(), "entity " + std::string(num) + " has no name; skipped");
        continue;
      }
      if (!index_.emplace(ent, out_.entities.size()).second) {
        Warn(reader.Where(), "duplicate entity number " + std::string(num) + "; record skipped");
        continue;
      }
      out_.entities.push_back(MakeEntity(row, num, name));
      std::string_view remarks = row[11];
      records_.push_back(
          {Trim(remarks) == "-0-" ? std::string() : std::string(remarks), reader.line(), false});
    }
    if (!reader.status().ok()) return reader.status();
    if (out_.entities.empty()) return Status::ParseError(part.name + ": no OFAC records");
    return Status::Ok();
  }

  Entity MakeEntity(const std::vector<std::string>& row, std::string_view num,
                    std::string_view name) {
    std::string_view schema = SchemaFor(Field(row, 2));
    Entity e(std::string(dataset_) + ":" + std::string(num), schema);
    e.Add(prop::kName, name);
    e.Add(prop::kSourceId, num);
    if (schema == schema::kPerson) AddPersonNameParts(name, e);
    AddPrograms(Field(row, 3), e);
    e.Add(prop::kPosition, Field(row, 4));
    e.Add(prop::kCallSign, Field(row, 5));
    e.Add(prop::kType, Field(row, 6));
    if (!Field(row, 7).empty()) e.Add(prop::kNotes, "Tonnage " + std::string(Field(row, 7)));
    if (!Field(row, 8).empty()) e.Add(prop::kNotes, "GRT " + std::string(Field(row, 8)));
    std::string_view flag = Field(row, 9);
    if (!flag.empty()) {
      auto code = OfacCountryCode(flag);
      if (code)
        e.Add(prop::kFlag, *code);
      else
        e.Add(prop::kNotes, "Vessel flag " + std::string(flag));
    }
    if (!Field(row, 10).empty()) e.Add(prop::kNotes, "Vessel owner " + std::string(Field(row, 10)));
    e.AddTopic(kSanctionTopic);
    e.AddDataset(dataset_);
    return e;
  }

  Status ParseComments(const Part& part) {
    std::string storage;
    CsvReader reader(EnsureUtf8(part.text, &storage), part.name);
    std::vector<std::string> row;
    while (reader.Next(&row)) {
      if (row.size() < 2) {
        Warn(reader.Where(),
             "comments row with " + std::to_string(row.size()) + " column(s), expected 2; skipped");
        continue;
      }
      Entity* owner = Owner(reader, Trim(row[0]), "comments");
      if (owner == nullptr) continue;
      Record& rec = records_[static_cast<size_t>(owner - out_.entities.data())];
      std::string_view more = row[1];
      // Trim only the end: the cut may fall just before a space.
      while (!more.empty() && (more.back() == ' ' || more.back() == '\r')) more.remove_suffix(1);
      if (Trim(more).empty() || Trim(more) == "-0-") continue;
      bool cut = rec.remarks.size() >= kRemarksLimit || !EndsWith(Trim(rec.remarks), ".");
      if (!rec.continued && !cut) {
        // A comments file of another date than the primary file.
        Warn(reader.Where(), "comments row for entity " + std::string(Trim(row[0])) +
                                 " whose remarks are complete in " + primary_name_ +
                                 " (a comments file of another date?); " +
                                 std::to_string(Trim(more).size()) + " characters ignored");
        continue;
      }
      rec.remarks += more;
      rec.continued = true;
    }
    return reader.status();
  }

  Status ParseAliases(const Part& part) {
    std::string storage;
    CsvReader reader(EnsureUtf8(part.text, &storage), part.name);
    std::vector<std::string> row;
    while (reader.Next(&row)) {
      if (row.size() < 4) {
        Warn(reader.Where(),
             "alias row with " + std::to_string(row.size()) + " column(s), expected 5; skipped");
        continue;
      }
      Entity* owner = Owner(reader, Trim(row[0]), "alias");
      if (owner == nullptr) continue;
      std::string_view name = Field(row, 3);
      if (name.empty()) continue;
      std::string_view type = Field(row, 2);
      std::string_view remarks = Field(row, 4);
      std::string_view property = prop::kAlias;
      if (IEquals(type, "fka")) {
        property = prop::kPreviousName;
      } else if (IEquals(type, "aka") && IFind(remarks, "weak") != std::string_view::npos) {
        property = prop::kWeakAlias;
      } else if (!type.empty() && !IEquals(type, "aka") && !IEquals(type, "nka")) {
        Warn(reader.Where(), "unknown alias type '" + std::string(type) + "'; kept as alias");
      }
      owner->Add(property, name);
      if (!remarks.empty() && property != prop::kWeakAlias)
        owner->Add(prop::kNotes, "Alias " + std::string(name) + ": " + std::string(remarks));
    }
    return reader.status();
  }

  Status ParseAddresses(const Part& part) {
    std::string storage;
    CsvReader reader(EnsureUtf8(part.text, &storage), part.name);
    std::vector<std::string> row;
    while (reader.Next(&row)) {
      if (row.size() < 5) {
        Warn(reader.Where(),
             "address row with " + std::to_string(row.size()) + " column(s), expected 6; skipped");
        continue;
      }
      Entity* owner = Owner(reader, Trim(row[0]), "address");
      if (owner == nullptr) continue;
      std::vector<std::string> parts;
      for (size_t i : {2, 3, 4})
        if (!Field(row, i).empty()) parts.emplace_back(Field(row, i));
      // The full text stays in `address` even when the country is unknown
      // ("Region: Northern Mali").
      owner->Add(prop::kAddress, Join(parts, ", "));
      std::string_view country = Field(row, 4);
      if (!country.empty()) {
        auto code = OfacCountryCode(country);
        if (code) owner->Add(prop::kCountry, *code);
      }
      if (!Field(row, 5).empty())
        owner->Add(prop::kNotes, "Address remarks: " + std::string(Field(row, 5)));
    }
    return reader.status();
  }

  // "Linked To: NAME" names another record of the same file; give the relation
  // its id. The remarks' closing dot may have been taken from, or left on, the
  // name ("… S.A." vs "… HIZBALLAH."), so both spellings are tried.
  void ResolveLinks() {
    constexpr size_t kAmbiguous = static_cast<size_t>(-1);
    std::unordered_map<std::string_view, size_t> by_name;
    by_name.reserve(out_.entities.size());
    for (size_t i = 0; i < out_.entities.size(); ++i) {
      auto [it, inserted] = by_name.emplace(out_.entities[i].First(prop::kName), i);
      if (!inserted) it->second = kAmbiguous;
    }
    for (auto& entity : out_.entities) {
      for (auto& rel : entity.mutable_relations()) {
        if (!rel.target_id.empty() || rel.target_name.empty()) continue;
        auto it = by_name.find(rel.target_name);
        if (it == by_name.end()) {
          std::string other = rel.target_name;
          if (other.back() == '.')
            other.pop_back();
          else
            other += '.';
          it = by_name.find(other);
        }
        if (it == by_name.end() || it->second == kAmbiguous) continue;
        const Entity& target = out_.entities[it->second];
        rel.target_id = target.id();
        rel.target_name = std::string(target.First(prop::kName));
      }
    }
  }

  std::string_view dataset_;
  std::string primary_name_;
  ParsedSource out_;
  std::vector<Record> records_;
  std::unordered_map<uint64_t, size_t> index_;
};

Result<ParsedSource> ParseParts(const Part& primary, const Part& aliases, const Part& addresses,
                                const Part& comments, std::string_view dataset) {
  if (Trim(dataset).empty()) return Status::InvalidArgument("OFAC CSV: empty dataset name");
  OfacCsvParser parser(dataset);
  return parser.Parse(primary, aliases, addresses, comments);
}

// ------------------------------------------------------------- files

struct Family {
  std::string_view primary, aliases, addresses, comments;
};
constexpr Family kSdnFamily = {"sdn", "alt", "add", "sdn_comments"};
constexpr Family kConsFamily = {"cons_prim", "cons_alt", "cons_add", "cons_comments"};

// True when `file` is "<stem>.csv", "<stem>-2024-05-03.csv" (optionally .gz).
// A date in the name goes to *date as YYYY-MM-DD.
bool MatchesStem(std::string_view file, std::string_view stem, std::string* date = nullptr) {
  std::string n = AsciiLower(file);
  if (EndsWith(n, ".gz")) n.resize(n.size() - 3);
  if (!EndsWith(n, ".csv")) return false;
  n.resize(n.size() - 4);
  if (n == stem) return true;
  if (!StartsWith(n, stem)) return false;
  std::string_view rest = std::string_view(n).substr(stem.size());
  if (rest.size() < 2 || (rest[0] != '-' && rest[0] != '_' && rest[0] != '.') || rest[1] < '0' ||
      rest[1] > '9')
    return false;
  rest.remove_prefix(1);
  std::string iso;
  if (rest.size() == 10 && rest[4] == '-' && rest[7] == '-') {
    iso = std::string(rest);
  } else if (rest.size() == 8 && IsAsciiDigits(rest)) {
    iso = std::string(rest.substr(0, 4)) + "-" + std::string(rest.substr(4, 2)) + "-" +
          std::string(rest.substr(6, 2));
  }
  if (date != nullptr && !iso.empty()) {
    auto d = PartialDate::Parse(iso);
    if (d && d->day != 0 && !d->circa) *date = d->ToString();
  }
  return true;
}

// The newest of the files that match `stem` (names sort by their date), one
// with the same date as the primary file first.
std::string PickFile(const std::vector<std::string>& names, std::string_view stem,
                     const std::string& date) {
  std::string best;
  for (const auto& n : names) {
    std::string d;
    if (!MatchesStem(n, stem, &d)) continue;
    if (!date.empty() && d == date) return n;
    best = n;
  }
  return best;
}

std::string DirName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

Result<std::string> ReadPart(const std::string& path) {
  if (path.empty()) return std::string();
  return ReadFile(path);
}

Result<ParsedSource> ParseFileSet(const OfacCsvFiles& files, std::string_view dataset) {
  if (files.primary.empty())
    return Status::InvalidArgument("OFAC CSV: no primary file (sdn.csv or cons_prim.csv) given");
  VIGIL_ASSIGN_OR_RETURN(std::string primary, ReadPart(files.primary));
  VIGIL_ASSIGN_OR_RETURN(std::string aliases, ReadPart(files.aliases));
  VIGIL_ASSIGN_OR_RETURN(std::string addresses, ReadPart(files.addresses));
  VIGIL_ASSIGN_OR_RETURN(std::string comments, ReadPart(files.comments));
  VIGIL_ASSIGN_OR_RETURN(
      ParsedSource out,
      ParseParts({primary, files.primary}, {aliases, files.aliases}, {addresses, files.addresses},
                 {comments, files.comments}, dataset));
  std::string date;
  std::string base = BaseName(files.primary);
  if (MatchesStem(base, kSdnFamily.primary, &date) || MatchesStem(base, kConsFamily.primary, &date))
    out.publication_date = date;
  return out;
}

}  // namespace

Result<ParsedSource> ParseOfacCsvText(std::string_view primary, std::string_view aliases,
                                      std::string_view addresses, std::string_view comments,
                                      std::string_view dataset, std::string_view name) {
  std::string n(name);
  return ParseParts({primary, n}, {aliases, n + "/alt.csv"}, {addresses, n + "/add.csv"},
                    {comments, n + "/comments.csv"}, dataset);
}

Result<ParsedSource> ParseOfacCsvFiles(const OfacCsvFiles& files, std::string_view dataset) {
  return ParseFileSet(files, dataset);
}

Result<ParsedSource> ParseOfacCsv(const std::string& path, std::string_view dataset) {
  if (!PathExists(path)) return Status::NotFound(path + ": no such file or folder");
  bool is_dir = IsDirectory(path);
  std::string dir = is_dir ? path : DirName(path);
  VIGIL_ASSIGN_OR_RETURN(std::vector<std::string> names, ListFiles(dir));
  bool prefer_cons = IFind(dataset, "cons") != std::string_view::npos;

  OfacCsvFiles files;
  const Family* family = nullptr;
  std::vector<Diagnostic> notes;
  if (is_dir) {
    std::string sdn = PickFile(names, kSdnFamily.primary, "");
    std::string cons = PickFile(names, kConsFamily.primary, "");
    if (sdn.empty() && cons.empty())
      return Status::NotFound(path + ": no OFAC primary file (sdn.csv or cons_prim.csv) in folder");
    bool use_cons = cons.empty() ? false : (sdn.empty() || prefer_cons);
    family = use_cons ? &kConsFamily : &kSdnFamily;
    files.primary = JoinPath(dir, use_cons ? cons : sdn);
    size_t primaries = 0;
    for (const auto& n : names)
      if (MatchesStem(n, family->primary)) ++primaries;
    if (primaries > 1)
      notes.push_back(
          {path, "several primary files in the folder; using " + BaseName(files.primary)});
  } else {
    files.primary = path;
    std::string base = BaseName(path);
    if (MatchesStem(base, kConsFamily.primary))
      family = &kConsFamily;
    else if (MatchesStem(base, kSdnFamily.primary))
      family = &kSdnFamily;
    else
      family = prefer_cons ? &kConsFamily : &kSdnFamily;
  }
  std::string date;
  MatchesStem(BaseName(files.primary), family->primary, &date);
  auto beside = [&](std::string_view stem) {
    std::string n = PickFile(names, stem, date);
    return n.empty() ? std::string() : JoinPath(dir, n);
  };
  files.aliases = beside(family->aliases);
  files.addresses = beside(family->addresses);
  files.comments = beside(family->comments);
  VIGIL_ASSIGN_OR_RETURN(ParsedSource out, ParseFileSet(files, dataset));
  out.warnings.insert(out.warnings.begin(), notes.begin(), notes.end());
  return out;
}

}  // namespace vigil
