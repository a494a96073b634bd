// UK OFSI consolidated list, as the spreadsheet (.xlsx) or CSV that OFSI
// publishes. Both carry the same columns ("Name 6", "Name 1".."Name 5", …,
// "Group ID"), one row per name variant of a designated person, entity or ship;
// rows sharing a Group ID are merged into one entity "<dataset>:<Group ID>".
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "core/csv.h"
#include "core/io.h"
#include "core/strings.h"
#include "lists/xlsx_reader.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

constexpr std::string_view kSanctionTopic = "sanction";
// The header row is near the top; looking further only wastes time on files
// that are not OFSI lists at all.
constexpr size_t kMaxRowsBeforeHeader = 50;

// OFSI writes several values in one cell as "(1) A (2) B (3) C"; "-" marks an
// empty slot. With `keep_empty_slots` the result has one (maybe empty) string
// per number, for pairing two such cells (passport numbers with details).
std::vector<std::string> SplitNumbered(std::string_view text, bool keep_empty_slots = false) {
  text = Trim(text);
  std::vector<std::string> out;
  auto keep = [&out, keep_empty_slots](std::string_view item) {
    item = Trim(item);
    if (item.empty() || item == "-" || item == "- ." || item == "-.") {
      if (keep_empty_slots) out.emplace_back();
      return;
    }
    out.emplace_back(item);
  };
  if (text.empty()) return out;
  if (!StartsWith(text, "(1)")) {
    keep(text);
    return out;
  }
  size_t start = 3;
  for (int k = 2;; ++k) {
    std::string marker = "(" + std::to_string(k) + ")";
    size_t next = text.find(marker, start);
    if (next == std::string_view::npos) {
      keep(text.substr(start));
      break;
    }
    keep(text.substr(start, next - start));
    start = next + marker.size();
  }
  return out;
}

// "28/08/1962", "00/00/1962" (unknown day and month), "08/1962", "1962".
std::optional<std::string> OfsiDate(std::string_view text) {
  text = Trim(text);
  auto parts = Split(text, '/');
  PartialDate d;
  uint64_t v = 0;
  auto num = [&v](std::string_view s, size_t width) {
    return s.size() == width && ParseUint(s, &v);
  };
  if (parts.size() == 3) {
    if (!num(parts[2], 4)) return std::nullopt;
    d.year = static_cast<int>(v);
    if (!num(parts[1], 2)) return std::nullopt;
    d.month = static_cast<int>(v);
    if (!num(parts[0], 2)) return std::nullopt;
    d.day = static_cast<int>(v);
  } else if (parts.size() == 2) {
    if (!num(parts[1], 4)) return std::nullopt;
    d.year = static_cast<int>(v);
    if (!num(parts[0], 2)) return std::nullopt;
    d.month = static_cast<int>(v);
  } else if (parts.size() == 1) {
    if (!num(parts[0], 4)) return std::nullopt;
    d.year = static_cast<int>(v);
  } else {
    return std::nullopt;
  }
  // A zero month leaves the day meaningless.
  if (d.month == 0) d.day = 0;
  if (d.year < 1000 || d.month > 12 || d.day > 31) return std::nullopt;
  std::string iso = d.ToString();
  // Round-trip through the shared parser so only valid PartialDates escape.
  if (!PartialDate::Parse(iso)) return std::nullopt;
  return iso;
}

// The issuing country of a passport or ID from OFSI's free-text details:
// "Issued by the Democratic People's Republic of Korea", "Syrian Arab Republic
// number", "Afghanistan number, issued on …". Empty when not recognisable.
std::string IssuerCountry(std::string_view details) {
  std::string_view s = Trim(details);
  size_t cut = s.find_first_of(",.;(");
  if (cut != std::string_view::npos) s = Trim(s.substr(0, cut));
  for (std::string_view prefix : {"issued by ", "issued in ", "the "}) {
    if (IStartsWith(s, prefix)) s = Trim(s.substr(prefix.size()));
  }
  for (std::string_view suffix : {" passport number", " passport no", " passport", " number",
                                  " national identity card", " national id"}) {
    if (s.size() > suffix.size() && IEquals(s.substr(s.size() - suffix.size()), suffix))
      s = Trim(s.substr(0, s.size() - suffix.size()));
  }
  if (s.empty()) return {};
  auto code = CountryCode(s);
  return code ? *code : std::string();
}

// The labelled parts of "Other Information": "(UK Sanctions List Ref):DPR0239.
// (UN Ref):KPi.023. … (Gender):Male". Only labels OFSI is known to use are
// split out, because free text holds parentheses too ("(2022):").
constexpr std::string_view kOtherInfoLabels[] = {"UK Sanctions List Ref",
                                                 "UK Statement of Reasons",
                                                 "UN Ref",
                                                 "Gender",
                                                 "Phone number",
                                                 "Email address",
                                                 "Type of entity",
                                                 "Website",
                                                 "Parent company",
                                                 "Business Reg No",
                                                 "Subsidiaries",
                                                 "IMO number",
                                                 "Flag of ship",
                                                 "Type of ship",
                                                 "Tonnage of ship",
                                                 "Length of ship",
                                                 "Year built",
                                                 "Current owners",
                                                 "Previous flags",
                                                 "Fax"};

std::vector<std::pair<std::string_view, std::string_view>> OtherInfoParts(std::string_view text) {
  std::vector<std::pair<size_t, std::string_view>> found;  // position, label
  for (std::string_view label : kOtherInfoLabels) {
    std::string marker = "(" + std::string(label) + "):";
    for (size_t pos = text.find(marker); pos != std::string_view::npos;
         pos = text.find(marker, pos + 1))
      found.emplace_back(pos, label);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (size_t i = 0; i < found.size(); ++i) {
    size_t begin = found[i].first + found[i].second.size() + 3;
    size_t end = i + 1 < found.size() ? found[i + 1].first : text.size();
    if (begin > end) continue;
    std::string_view value = Trim(text.substr(begin, end - begin));
    while (!value.empty() && value.back() == '.') value = Trim(value.substr(0, value.size() - 1));
    out.emplace_back(found[i].second, value);
  }
  return out;
}

bool IsTokenChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' ||
         c == '/';
}

// The first token of an item that looks like a number ("UK Company no.
// 06527449" -> "06527449"); empty when none has five digits.
std::string FirstNumberToken(std::string_view item) {
  size_t i = 0;
  while (i < item.size()) {
    while (i < item.size() && !IsTokenChar(item[i])) ++i;
    size_t start = i;
    int digits = 0;
    while (i < item.size() && IsTokenChar(item[i])) {
      if (item[i] >= '0' && item[i] <= '9') ++digits;
      ++i;
    }
    if (digits >= 5) return std::string(item.substr(start, i - start));
  }
  return {};
}

// Splits free text into words separated by spaces, commas and semicolons.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == ';' ||
                               text[i] == '\n' || text[i] == '\t'))
      ++i;
    size_t start = i;
    while (i < text.size() && !(text[i] == ' ' || text[i] == ',' || text[i] == ';' ||
                                text[i] == '\n' || text[i] == '\t'))
      ++i;
    std::string_view w = text.substr(start, i - start);
    while (!w.empty() && (w.back() == '.' || w.back() == ')')) w.remove_suffix(1);
    while (!w.empty() && w.front() == '(') w.remove_prefix(1);
    if (!w.empty()) out.emplace_back(w);
  }
  return out;
}

// A UK Sanctions List reference: three capitals and four digits ("DPR0239").
bool IsUkRef(std::string_view w) {
  if (w.size() != 7) return false;
  for (size_t i = 0; i < 3; ++i)
    if (w[i] < 'A' || w[i] > 'Z') return false;
  return IsAsciiDigits(w.substr(3));
}

std::string_view SchemaOfGroupType(std::string_view group_type) {
  if (IEquals(group_type, "Individual")) return schema::kPerson;
  if (IEquals(group_type, "Entity")) return schema::kOrganization;
  if (IEquals(group_type, "Ship")) return schema::kVessel;
  return {};
}

// Turns the rows of the sheet or CSV into entities. The same code serves both
// forms so that they cannot drift apart.
class OfsiTable {
 public:
  OfsiTable(std::string_view dataset, std::string_view name) : dataset_(dataset), name_(name) {}

  // Returns an error only when the input cannot be an OFSI list at all.
  Status AddRow(const std::vector<std::string>& cells, size_t line) {
    if (!header_found_) return ReadPreamble(cells, line);
    AddRecord(cells, name_ + ":" + std::to_string(line));
    return Status::Ok();
  }

  Result<ParsedSource> Finish() {
    if (!header_found_) {
      return Status::ParseError(name_ +
                                ": no header row with 'Name 6' and 'Group ID' columns (not an "
                                "OFSI consolidated list?)");
    }
    for (size_t i = 0; i < entities_.size(); ++i) {
      Entity& e = entities_[i];
      if (!e.Has(prop::kName)) PromoteAlias(e);
      if (!e.Has(prop::kName)) {
        out_.warnings.push_back({first_where_[i], "group " + e.id() + " has no name; skipped"});
        continue;
      }
      out_.entities.push_back(std::move(e));
    }
    return std::move(out_);
  }

 private:
  Status ReadPreamble(const std::vector<std::string>& cells, size_t line) {
    if (++rows_seen_ > kMaxRowsBeforeHeader) {
      return Status::ParseError(name_ + ":" + std::to_string(line) +
                                ": no header row with 'Name 6' and 'Group ID' in the first " +
                                std::to_string(kMaxRowsBeforeHeader) + " rows");
    }
    bool has_name6 = false, has_group = false;
    for (const auto& c : cells) {
      has_name6 |= IEquals(Trim(c), "Name 6");
      has_group |= IEquals(Trim(c), "Group ID");
    }
    if (has_name6 && has_group) {
      for (size_t i = 0; i < cells.size(); ++i) {
        std::string key = AsciiLower(CollapseSpaces(cells[i]));
        if (!key.empty()) columns_.emplace(key, i);
      }
      header_found_ = true;
      return Status::Ok();
    }
    // "Last Updated,10/04/2025" above the header dates the publication.
    if (cells.size() >= 2 && IEquals(Trim(cells[0]), "Last Updated")) {
      if (auto d = OfsiDate(cells[1])) out_.publication_date = *d;
    }
    return Status::Ok();
  }

  std::string_view Cell(const std::vector<std::string>& cells, std::string_view column) const {
    auto it = columns_.find(std::string(column));
    if (it == columns_.end() || it->second >= cells.size()) return {};
    std::string_view v = Trim(cells[it->second]);
    return v == "-" ? std::string_view() : v;
  }

  void Warn(const std::string& where, std::string message) {
    out_.warnings.push_back({where, std::move(message)});
  }

  void AddCountry(Entity& e, std::string_view property, std::string_view text,
                  std::string_view label) {
    for (const auto& item : SplitNumbered(text)) {
      if (auto code = CountryCode(item)) {
        e.Add(property, *code);
      } else {
        e.Add(prop::kNotes, std::string(label) + ": " + item);
      }
    }
  }

  void AddDate(Entity& e, std::string_view property, std::string_view text, std::string_view label,
               const std::string& where) {
    for (const auto& item : SplitNumbered(text)) {
      if (auto d = OfsiDate(item)) {
        e.Add(property, *d);
      } else {
        Warn(where, "unreadable " + std::string(label) + " '" + item + "' kept in notes");
        e.Add(prop::kNotes, std::string(label) + ": " + item);
      }
    }
  }

  // Passport and national ID columns: numbered numbers paired with numbered
  // details when the counts agree.
  void AddDocuments(Entity& e, std::string_view kind, std::string_view numbers,
                    std::string_view details) {
    auto values = SplitNumbered(numbers, true);
    auto texts = SplitNumbered(details, true);
    for (size_t i = 0; i < values.size(); ++i) {
      if (values[i].empty()) continue;
      Identifier id;
      id.kind = std::string(kind);
      id.value = values[i];
      if (texts.size() == values.size()) {
        id.detail = texts[i];
      } else if (!texts.empty()) {
        id.detail = std::string(Trim(details));
      }
      id.country = IssuerCountry(id.detail);
      e.Add(kind, id.value);
      e.AddIdentifier(std::move(id));
    }
  }

  void AddContact(Entity& e, std::string_view kind, const std::string& value) {
    e.Add(kind, value);
    e.AddIdentifier({std::string(kind), value, "", ""});
  }

  void ApplyOtherInformation(Entity& e, std::string_view text) {
    for (const auto& [label, value] : OtherInfoParts(text)) {
      if (value.empty()) continue;
      if (label == "UK Sanctions List Ref") {
        // "DPR0239", "INU0082 and SYR0310", then possibly free text.
        for (const auto& w : Words(value))
          if (IsUkRef(w)) e.Add(prop::kSourceId, w);
      } else if (label == "Gender") {
        e.Add(prop::kGender, AsciiLower(value));
      } else if (label == "Email address") {
        for (const auto& w : Words(value))
          if (w.find('@') != std::string::npos) AddContact(e, prop::kEmail, w);
      } else if (label == "Website") {
        for (const auto& item : SplitNumbered(value))
          for (const auto& w : Words(item))
            if (w.find('.') != std::string::npos && w.find('@') == std::string::npos)
              AddContact(e, prop::kWebsite, w);
      } else if (label == "Phone number") {
        for (const auto& item : SplitNumbered(value)) AddContact(e, prop::kPhone, item);
      } else if (label == "Business Reg No") {
        for (const auto& item : SplitNumbered(value)) {
          std::string number = FirstNumberToken(item);
          if (number.empty()) continue;
          e.Add(prop::kRegistrationNumber, number);
          e.AddIdentifier({std::string(prop::kRegistrationNumber), number, "", item});
        }
      } else if (label == "IMO number") {
        std::string number = FirstNumberToken(value);
        if (!number.empty()) {
          e.Add(prop::kImoNumber, number);
          e.AddIdentifier({std::string(prop::kImoNumber), number, "", ""});
        }
      } else if (label == "Flag of ship") {
        AddCountry(e, prop::kFlag, value, "Flag of ship");
      } else if (label == "Type of ship") {
        e.Add(prop::kType, value);
      } else if (label == "Year built") {
        if (auto d = PartialDate::Parse(value)) e.Add(prop::kBuildDate, d->ToString());
      } else if (label == "Current owners" || label == "Parent company") {
        for (const auto& item : SplitNumbered(value)) {
          e.AddRelation({"ownedBy", "", item, std::string(label) + ": " + item});
        }
      }
    }
  }

  std::string RowName(const std::vector<std::string>& cells) const {
    std::string name;
    for (std::string_view col : {"name 1", "name 2", "name 3", "name 4", "name 5", "name 6"}) {
      std::string_view part = Cell(cells, col);
      if (part.empty()) continue;
      if (!name.empty()) name += ' ';
      name += part;
    }
    return CollapseSpaces(name);
  }

  void AddRecord(const std::vector<std::string>& cells, const std::string& where) {
    bool blank = std::all_of(cells.begin(), cells.end(),
                             [](const std::string& c) { return Trim(c).empty(); });
    if (blank) return;
    std::string_view group = Cell(cells, "group id");
    if (group.empty()) {
      Warn(where, "row without a Group ID skipped");
      return;
    }
    std::string_view group_type = Cell(cells, "group type");
    std::string_view schema_name = SchemaOfGroupType(group_type);
    if (schema_name.empty()) {
      Warn(where, "unknown Group Type '" + std::string(group_type) + "'; read as LegalEntity");
      schema_name = schema::kLegalEntity;
    }
    std::string id = dataset_ + ":" + std::string(group);
    auto [it, inserted] = by_group_.emplace(std::string(group), entities_.size());
    if (inserted) {
      entities_.emplace_back(id, schema_name);
      first_where_.push_back(where);
      entities_.back().AddDataset(dataset_);
      entities_.back().AddTopic(kSanctionTopic);
    }
    Entity& e = entities_[it->second];
    if (e.schema() != schema_name && schema_name != schema::kLegalEntity) {
      if (e.schema() == schema::kLegalEntity) {
        e.set_schema(schema_name);
      } else {
        Warn(where, "group " + std::string(group) + " is both " + e.schema() + " and " +
                        std::string(schema_name) + "; kept " + e.schema());
      }
    }
    const bool person = e.schema() == schema::kPerson;

    std::string name = RowName(cells);
    std::string_view alias_type = Cell(cells, "alias type");
    std::string_view quality = Cell(cells, "alias quality");
    if (name.empty()) {
      Warn(where, "row of group " + std::string(group) + " has no name");
    } else if (IEquals(alias_type, "Primary name")) {
      e.Add(prop::kName, name);
      if (person) {
        e.Add(prop::kFirstName, Cell(cells, "name 1"));
        for (std::string_view col : {"name 2", "name 3", "name 4", "name 5"})
          e.Add(prop::kMiddleName, Cell(cells, col));
        e.Add(prop::kLastName, Cell(cells, "name 6"));
      }
    } else if (IEquals(alias_type, "FKA")) {
      e.Add(prop::kPreviousName, name);
    } else if (IEquals(quality, "Low quality")) {
      e.Add(prop::kWeakAlias, name);
    } else {
      // "AKA", "Primary name variation", "Prime Alias" and anything new.
      e.Add(prop::kAlias, name);
    }
    for (const auto& n : SplitNumbered(Cell(cells, "name non-latin script")))
      e.Add(prop::kAlias, n);

    e.Add(prop::kTitle, Cell(cells, "title"));
    e.Add(prop::kPosition, Cell(cells, "position"));
    AddDate(e, prop::kBirthDate, Cell(cells, "dob"), "DOB", where);

    auto towns = SplitNumbered(Cell(cells, "town of birth"), true);
    auto birth_countries = SplitNumbered(Cell(cells, "country of birth"), true);
    if (!towns.empty() && towns.size() == birth_countries.size()) {
      for (size_t i = 0; i < towns.size(); ++i) {
        std::string place = towns[i];
        if (!place.empty() && !birth_countries[i].empty()) place += ", ";
        e.Add(prop::kBirthPlace, place + birth_countries[i]);
      }
    } else {
      for (const auto& t : towns) e.Add(prop::kBirthPlace, t);
      for (const auto& c : birth_countries) e.Add(prop::kBirthPlace, c);
    }

    AddCountry(e, prop::kNationality, Cell(cells, "nationality"), "Nationality");
    AddDocuments(e, prop::kPassportNumber, Cell(cells, "passport number"),
                 Cell(cells, "passport details"));
    AddDocuments(e, prop::kIdNumber, Cell(cells, "national identification number"),
                 Cell(cells, "national identification details"));

    std::vector<std::string> address;
    for (std::string_view col : {"address 1", "address 2", "address 3", "address 4", "address 5",
                                 "address 6", "post/zip code"}) {
      std::string_view part = Cell(cells, col);
      if (!part.empty()) address.emplace_back(part);
    }
    std::string_view country = Cell(cells, "country");
    if (!address.empty()) {
      if (!country.empty()) address.emplace_back(country);
      e.Add(prop::kAddress, Join(address, ", "));
    }
    AddCountry(e, prop::kCountry, country, "Country");

    std::string_view other = Cell(cells, "other information");
    if (!other.empty()) {
      e.Add(prop::kNotes, other);
      ApplyOtherInformation(e, other);
    }
    // Ship columns of the OFSI layout for ships, when the file has them.
    if (std::string_view imo = Cell(cells, "imo number"); !imo.empty()) {
      e.Add(prop::kImoNumber, imo);
      e.AddIdentifier({std::string(prop::kImoNumber), std::string(imo), "", ""});
    }
    if (std::string_view hull = Cell(cells, "hull identification number (hin)"); !hull.empty()) {
      e.Add(prop::kRegistrationNumber, hull);
      e.AddIdentifier({std::string(prop::kRegistrationNumber), std::string(hull), "",
                       "Hull identification number (HIN)"});
    }
    AddCountry(e, prop::kFlag, Cell(cells, "flag of ship"), "Flag of ship");
    e.Add(prop::kType, Cell(cells, "type of ship"));
    for (std::string_view col : {"current owner/operator (s)", "current owners"}) {
      for (const auto& owner : SplitNumbered(Cell(cells, col)))
        e.AddRelation({"ownedBy", "", owner, "Current owners: " + owner});
    }
    if (auto d = PartialDate::Parse(Cell(cells, "year built")))
      e.Add(prop::kBuildDate, d->ToString());

    for (const auto& regime : SplitNumbered(Cell(cells, "regime"))) e.Add(prop::kProgram, regime);
    AddDate(e, prop::kListingDate, Cell(cells, "listed on"), "Listed On", where);
    std::string_view designated = Cell(cells, "uk sanctions list date designated");
    if (auto d = OfsiDate(designated))
      e.Add(prop::kNotes, "UK Sanctions List date designated: " + *d);
    AddDate(e, prop::kModifiedAt, Cell(cells, "last updated"), "Last Updated", where);
  }

  // A group without a "Primary name" row is named by its first variant.
  static void PromoteAlias(Entity& e) {
    for (std::string_view property : {prop::kAlias, prop::kWeakAlias, prop::kPreviousName}) {
      std::vector<std::string> values = e.Get(property);
      if (values.empty()) continue;
      e.Add(prop::kName, values.front());
      e.Remove(property);
      for (size_t i = 1; i < values.size(); ++i) e.Add(property, values[i]);
      return;
    }
  }

  std::string dataset_;
  std::string name_;
  bool header_found_ = false;
  size_t rows_seen_ = 0;
  std::unordered_map<std::string, size_t> columns_;
  std::vector<Entity> entities_;
  std::vector<std::string> first_where_;
  std::unordered_map<std::string, size_t> by_group_;
  ParsedSource out_;
};

bool IsZip(std::string_view bytes) { return StartsWith(bytes, "PK\x03\x04"); }

}  // namespace

Result<ParsedSource> ParseUkOfsiCsvText(std::string_view csv, std::string_view dataset,
                                        std::string_view name) {
  OfsiTable table(dataset, name);
  CsvReader reader(csv, name);
  std::vector<std::string> fields;
  while (reader.Next(&fields)) VIGIL_RETURN_IF_ERROR(table.AddRow(fields, reader.line()));
  VIGIL_RETURN_IF_ERROR(reader.status());
  return table.Finish();
}

Result<ParsedSource> ParseUkOfsiXlsxBytes(std::string_view bytes, std::string_view dataset,
                                          std::string_view name) {
  VIGIL_ASSIGN_OR_RETURN(XlsxSheet sheet, ReadXlsxFirstSheet(bytes, name));
  OfsiTable table(dataset, name);
  for (const auto& row : sheet.rows) VIGIL_RETURN_IF_ERROR(table.AddRow(row.cells, row.number));
  return table.Finish();
}

Result<ParsedSource> ParseUkOfsi(const std::string& path, std::string_view dataset) {
  VIGIL_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  if (IsZip(bytes)) return ParseUkOfsiXlsxBytes(bytes, dataset, path);
  return ParseUkOfsiCsvText(bytes, dataset, path);
}

}  // namespace vigil
