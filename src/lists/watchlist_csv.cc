// vigil's internal watchlist CSV (docs/watchlist-csv.md): a header row, then
// one row per entity with id, name, aliases, type, country, birth_date,
// identifiers and notes. Multi-valued cells use "|".
#include <optional>
#include <unordered_map>

#include "core/csv.h"
#include "core/io.h"
#include "core/strings.h"
#include "lists/ftm_writer.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

constexpr std::string_view kCryptoWallet = "cryptoWallet";

// Column names and the spellings accepted for them (compared lower-case).
enum class Column {
  kId,
  kName,
  kAliases,
  kType,
  kCountry,
  kNationality,
  kBirthDate,
  kIdentifiers,
  kAddress,
  kProgram,
  kTopics,
  kNotes,
  kOther
};
struct ColumnName {
  std::string_view name;
  Column column;
};
constexpr ColumnName kColumns[] = {
    {"id", Column::kId},
    {"name", Column::kName},
    {"aliases", Column::kAliases},
    {"alias", Column::kAliases},
    {"type", Column::kType},
    {"schema", Column::kType},
    {"country", Column::kCountry},
    {"countries", Column::kCountry},
    {"nationality", Column::kNationality},
    {"birth_date", Column::kBirthDate},
    {"dob", Column::kBirthDate},
    {"identifiers", Column::kIdentifiers},
    {"ids", Column::kIdentifiers},
    {"address", Column::kAddress},
    {"addresses", Column::kAddress},
    {"program", Column::kProgram},
    {"topics", Column::kTopics},
    {"notes", Column::kNotes},
    {"note", Column::kNotes},
};

struct TypeName {
  std::string_view name;
  std::string_view schema;
};
constexpr TypeName kTypes[] = {
    {"", schema::kLegalEntity},
    {"legalentity", schema::kLegalEntity},
    {"legal_entity", schema::kLegalEntity},
    {"entity", schema::kLegalEntity},
    {"person", schema::kPerson},
    {"individual", schema::kPerson},
    {"organization", schema::kOrganization},
    {"organisation", schema::kOrganization},
    {"org", schema::kOrganization},
    {"company", schema::kCompany},
    {"business", schema::kCompany},
    {"vessel", schema::kVessel},
    {"ship", schema::kVessel},
    {"aircraft", schema::kAirplane},
    {"airplane", schema::kAirplane},
    {"wallet", schema::kCryptoWallet},
    {"cryptowallet", schema::kCryptoWallet},
    {"thing", schema::kThing},
};

struct KindName {
  std::string_view name;
  std::string_view kind;
};
constexpr KindName kKinds[] = {
    {"passport", prop::kPassportNumber},
    {"passportnumber", prop::kPassportNumber},
    {"id", prop::kIdNumber},
    {"national_id", prop::kIdNumber},
    {"idnumber", prop::kIdNumber},
    {"tax", prop::kTaxNumber},
    {"taxnumber", prop::kTaxNumber},
    {"vat", prop::kTaxNumber},
    {"registration", prop::kRegistrationNumber},
    {"registrationnumber", prop::kRegistrationNumber},
    {"company_number", prop::kRegistrationNumber},
    {"swift", prop::kSwiftBic},
    {"bic", prop::kSwiftBic},
    {"swiftbic", prop::kSwiftBic},
    {"imo", prop::kImoNumber},
    {"imonumber", prop::kImoNumber},
    {"mmsi", prop::kMmsi},
    {"callsign", prop::kCallSign},
    {"email", prop::kEmail},
    {"phone", prop::kPhone},
    {"website", prop::kWebsite},
    {"url", prop::kWebsite},
    {"lei", "leiCode"},
    {"inn", "innCode"},
    {"ogrn", "ogrnCode"},
    {"iban", "iban"},
    {"wallet", kCryptoWallet},
    {"crypto", kCryptoWallet},
    {"cryptowallet", kCryptoWallet},
};

Column ColumnOf(std::string_view header) {
  std::string key = AsciiLower(Trim(header));
  for (const auto& c : kColumns)
    if (c.name == key) return c.column;
  return Column::kOther;
}

std::optional<std::string_view> SchemaOf(std::string_view type) {
  std::string key = AsciiLower(Trim(type));
  for (const auto& t : kTypes)
    if (t.name == key) return t.schema;
  return std::nullopt;
}

std::optional<std::string_view> KindOf(std::string_view name) {
  std::string key = AsciiLower(Trim(name));
  for (const auto& k : kKinds)
    if (k.name == key) return k.kind;
  return std::nullopt;
}

std::vector<std::string> SplitBars(std::string_view cell) { return SplitTrimmed(cell, "|"); }

class WatchlistTable {
 public:
  WatchlistTable(std::string_view dataset, std::string_view name)
      : dataset_(dataset), name_(name) {}

  Status SetHeader(const std::vector<std::string>& fields, const std::string& where) {
    bool has_name = false;
    for (const auto& f : fields) {
      Column c = ColumnOf(f);
      for (size_t i = 0; i < columns_.size(); ++i) {
        if (c != Column::kOther && columns_[i] == c) {
          return Status::ParseError(where + ": column '" + std::string(Trim(f)) +
                                    "' given twice in the header");
        }
      }
      columns_.push_back(c);
      headers_.emplace_back(Trim(f));
      has_name |= c == Column::kName;
    }
    if (!has_name) {
      return Status::ParseError(where +
                                ": header has no 'name' column (see docs/watchlist-csv.md)");
    }
    return Status::Ok();
  }

  void AddRow(const std::vector<std::string>& fields, const std::string& where) {
    ++row_number_;
    if (fields.size() == 1 && Trim(fields[0]).empty()) return;
    if (fields.size() > columns_.size()) {
      Warn(where, "row has " + std::to_string(fields.size()) + " fields but the header has " +
                      std::to_string(columns_.size()) + "; extra fields ignored");
    }
    std::string id, type;
    std::vector<std::pair<Column, std::string_view>> cells;
    for (size_t i = 0; i < fields.size() && i < columns_.size(); ++i) {
      std::string_view v = Trim(fields[i]);
      if (columns_[i] == Column::kId) id = v;
      if (columns_[i] == Column::kType) type = v;
      cells.emplace_back(columns_[i], v);
    }
    auto schema_name = SchemaOf(type);
    if (!schema_name) {
      Warn(where, "unknown type '" + type + "'; row skipped");
      return;
    }
    Entity e(dataset_ + ":" + (id.empty() ? "row-" + std::to_string(row_number_) : id),
             *schema_name);
    e.AddDataset(dataset_);
    for (size_t i = 0; i < cells.size(); ++i) {
      auto [column, v] = cells[i];
      if (v.empty()) continue;
      switch (column) {
        case Column::kId:
        case Column::kType:
          break;
        case Column::kName:
          e.Add(prop::kName, v);
          break;
        case Column::kAliases:
          for (const auto& a : SplitBars(v)) e.Add(prop::kAlias, a);
          break;
        case Column::kCountry:
          AddCountries(e, prop::kCountry, v, where);
          break;
        case Column::kNationality:
          AddCountries(e, prop::kNationality, v, where);
          break;
        case Column::kBirthDate:
          for (const auto& d : SplitBars(v)) {
            auto date = PartialDate::Parse(d);
            if (!date) {
              Warn(where, "bad birth_date '" + d +
                              "' (want YYYY, YYYY-MM or YYYY-MM-DD); row "
                              "skipped");
              return;
            }
            e.Add(prop::kBirthDate, date->ToString());
          }
          break;
        case Column::kIdentifiers:
          for (const auto& item : SplitBars(v)) AddIdentifier(e, item, where);
          break;
        case Column::kAddress:
          for (const auto& a : SplitBars(v)) e.Add(prop::kAddress, a);
          break;
        case Column::kProgram:
          for (const auto& p : SplitBars(v)) e.Add(prop::kProgram, p);
          break;
        case Column::kTopics:
          for (const auto& t : SplitBars(v)) e.AddTopic(t);
          break;
        case Column::kNotes:
          e.Add(prop::kNotes, v);
          break;
        case Column::kOther:
          e.Add(prop::kNotes, headers_[i] + ": " + std::string(v));
          break;
      }
    }
    if (!e.Has(prop::kName)) {
      Warn(where, "row has no name; skipped");
      return;
    }
    auto [it, inserted] = index_.emplace(e.id(), out_.entities.size());
    if (inserted) {
      out_.entities.push_back(std::move(e));
      return;
    }
    // Rows that share an id describe one entity (e.g. one row per alias).
    Entity& existing = out_.entities[it->second];
    if (existing.schema() != e.schema()) {
      Warn(where, "id '" + id + "' was " + existing.schema() + " on an earlier row, here " +
                      e.schema() + "; row skipped");
      return;
    }
    existing.Merge(e);
  }

  ParsedSource Finish() { return std::move(out_); }

 private:
  void Warn(const std::string& where, std::string message) {
    out_.warnings.push_back({where, std::move(message)});
  }

  void AddCountries(Entity& e, std::string_view property, std::string_view cell,
                    const std::string& where) {
    for (const auto& c : SplitBars(cell)) {
      if (auto code = CountryCode(c)) {
        e.Add(property, *code);
      } else {
        Warn(where, "unknown country '" + c + "' kept in notes");
        e.Add(prop::kNotes, std::string(property) + ": " + c);
      }
    }
  }

  // "passport:123456:kp", "email:x@y.com", "wallet:XBT:1abc…",
  // "website:https://example.com".
  void AddIdentifier(Entity& e, std::string_view item, const std::string& where) {
    size_t colon = item.find(':');
    std::optional<std::string_view> kind;
    if (colon != std::string_view::npos) kind = KindOf(item.substr(0, colon));
    if (!kind && colon != std::string_view::npos &&
        IsFtmIdentifierProperty(Trim(item.substr(0, colon))))
      kind = Trim(item.substr(0, colon));
    if (!kind) {
      Warn(where, "identifier '" + std::string(item) +
                      "' is not kind:value with a known kind; kept in notes");
      e.Add(prop::kNotes, "identifier: " + std::string(item));
      return;
    }
    std::string_view rest = Trim(item.substr(colon + 1));
    Identifier id;
    id.kind = std::string(*kind);
    if (id.kind == kCryptoWallet) {
      size_t c = rest.find(':');
      if (c != std::string_view::npos) {
        id.detail = AsciiUpper(Trim(rest.substr(0, c)));
        rest = Trim(rest.substr(c + 1));
      }
    } else if (id.kind != prop::kWebsite) {
      size_t c = rest.rfind(':');
      if (c != std::string_view::npos) {
        if (auto code = CountryCode(Trim(rest.substr(c + 1)))) {
          id.country = *code;
          rest = Trim(rest.substr(0, c));
        }
      }
    }
    id.value = std::string(rest);
    if (id.value.empty()) {
      Warn(where, "identifier '" + std::string(item) + "' has no value; ignored");
      return;
    }
    if (id.kind != kCryptoWallet) e.Add(id.kind, id.value);
    e.AddIdentifier(std::move(id));
  }

  std::string dataset_;
  std::string name_;
  std::vector<Column> columns_;
  std::vector<std::string> headers_;
  size_t row_number_ = 0;
  std::unordered_map<std::string, size_t> index_;
  ParsedSource out_;
};

}  // namespace

Result<ParsedSource> ParseWatchlistCsvText(std::string_view csv, std::string_view dataset,
                                           std::string_view name) {
  CsvReader reader(csv, name);
  std::vector<std::string> fields;
  if (!reader.Next(&fields)) {
    VIGIL_RETURN_IF_ERROR(reader.status());
    return Status::ParseError(std::string(name) + ":1: empty file (a header row is required)");
  }
  WatchlistTable table(dataset, name);
  VIGIL_RETURN_IF_ERROR(table.SetHeader(fields, reader.Where()));
  while (reader.Next(&fields)) table.AddRow(fields, reader.Where());
  VIGIL_RETURN_IF_ERROR(reader.status());
  return table.Finish();
}

Result<ParsedSource> ParseWatchlistCsv(const std::string& path, std::string_view dataset) {
  VIGIL_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseWatchlistCsvText(text, dataset, path);
}

}  // namespace vigil
