// trade.gov Consolidated Screening List (CSL) CSV: one row per listing of one
// US list (SDN, Entity List, DPL, …). Multi-valued columns are "; "-separated;
// "ids" holds documents as "[COUNTRY, ][DATE, [DATE, ]]NUMBER, TYPE". A party on
// several lists has one row per list with the same _id: those rows are merged.
#include <optional>
#include <unordered_map>

#include "core/csv.h"
#include "core/io.h"
#include "core/strings.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

constexpr std::string_view kListSeparator = "; ";

bool IsCountryCodeToken(std::string_view s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

bool IsIsoDate(std::string_view s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && PartialDate::Parse(s).has_value();
}

// "1973-03-25", "1966", "circa 1966", "1966 to 1968".
std::optional<std::string> CslDate(std::string_view text) {
  text = Trim(text);
  std::string candidate;
  if (IStartsWith(text, "circa ")) {
    candidate = "~" + std::string(Trim(text.substr(6)));
  } else if (size_t to = text.find(" to "); to != std::string_view::npos) {
    candidate =
        std::string(Trim(text.substr(0, to))) + "/" + std::string(Trim(text.substr(to + 4)));
  } else {
    candidate = std::string(text);
  }
  auto d = PartialDate::Parse(candidate);
  if (!d) return std::nullopt;
  return d->ToString();
}

std::string_view SchemaOfType(std::string_view type) {
  if (IEquals(type, "Individual")) return schema::kPerson;
  if (IEquals(type, "Entity")) return schema::kOrganization;
  if (IEquals(type, "Vessel")) return schema::kVessel;
  if (IEquals(type, "Aircraft")) return schema::kAirplane;
  return schema::kLegalEntity;
}

// Export-control and debarment lists are not sanctions; screening users filter
// on this.
std::string_view TopicOfSource(std::string_view source) {
  if (IFind(source, "Entity List") != std::string_view::npos ||
      IFind(source, "Denied Persons") != std::string_view::npos ||
      IFind(source, "Unverified List") != std::string_view::npos ||
      IFind(source, "Military End User") != std::string_view::npos)
    return "export.control";
  if (IFind(source, "Debarred") != std::string_view::npos) return "debarment";
  return "sanction";
}

// What an "ids" TYPE means: an identifier kind, a property, or nothing (kept
// in notes).
struct IdType {
  std::string_view type;      // as trade.gov writes it, compared case-insensitively
  std::string_view kind;      // Identifier kind / FtM property; "" = notes only
  std::string_view property;  // a plain property instead of an identifier
};

constexpr IdType kIdTypes[] = {
    {"Passport", prop::kPassportNumber, {}},
    {"Diplomatic Passport", prop::kPassportNumber, {}},
    {"National ID No.", prop::kIdNumber, {}},
    {"Identification Number", prop::kIdNumber, {}},
    {"Cedula No.", prop::kIdNumber, {}},
    {"C.U.R.P.", prop::kIdNumber, {}},
    {"D.N.I.", prop::kIdNumber, {}},
    {"Personal ID Card", prop::kIdNumber, {}},
    {"National Foreign ID Number", prop::kIdNumber, {}},
    {"Electoral Registry No.", prop::kIdNumber, {}},
    {"Credencial electoral", prop::kIdNumber, {}},
    {"Driver's License No.", prop::kIdNumber, {}},
    {"Residency Number", prop::kIdNumber, {}},
    {"SSN", prop::kIdNumber, {}},
    {"Tax ID No.", prop::kTaxNumber, {}},
    {"NIT #", prop::kTaxNumber, {}},
    {"R.F.C.", prop::kTaxNumber, {}},
    {"RFC", prop::kTaxNumber, {}},
    {"V.A.T. Number", prop::kTaxNumber, {}},
    {"Italian Fiscal Code", prop::kTaxNumber, {}},
    {"US FEIN", prop::kTaxNumber, {}},
    {"RUC #", prop::kTaxNumber, {}},
    {"RIF #", prop::kTaxNumber, {}},
    {"C.U.I.", prop::kTaxNumber, {}},
    {"C.U.I.T.", prop::kTaxNumber, {}},
    {"Registration Number", prop::kRegistrationNumber, {}},
    {"Registration ID", prop::kRegistrationNumber, {}},
    {"Company Number", prop::kRegistrationNumber, {}},
    {"Commercial Registry Number", prop::kRegistrationNumber, {}},
    {"Business Registration Number", prop::kRegistrationNumber, {}},
    {"Business Registration Document #", prop::kRegistrationNumber, {}},
    {"Unified Social Credit Code (USCC)", prop::kRegistrationNumber, {}},
    {"Chamber of Commerce Number", prop::kRegistrationNumber, {}},
    {"Folio Mercantil No.", prop::kRegistrationNumber, {}},
    {"Matricula Mercantil No", prop::kRegistrationNumber, {}},
    {"Trade License No.", prop::kRegistrationNumber, {}},
    {"Public Registration Number", prop::kRegistrationNumber, {}},
    {"Government Gazette Number", prop::kRegistrationNumber, {}},
    {"C.R. No.", prop::kRegistrationNumber, {}},
    {"D-U-N-S Number", prop::kRegistrationNumber, {}},
    {"Legal Entity Number", prop::kRegistrationNumber, {}},
    {"Certificate of Incorporation Number", prop::kRegistrationNumber, {}},
    {"Aircraft Tail Number", prop::kRegistrationNumber, {}},
    {"SWIFT/BIC", prop::kSwiftBic, {}},
    {"Website", prop::kWebsite, {}},
    {"Email Address", prop::kEmail, {}},
    {"Phone Number", prop::kPhone, {}},
    {"Vessel Registration Identification", prop::kImoNumber, {}},
    {"MMSI", prop::kMmsi, {}},
    {"Gender", {}, prop::kGender},
    {"Nationality of Registration", {}, prop::kFlag},
};

constexpr std::string_view kWalletPrefix = "Digital Currency Address - ";
constexpr std::string_view kCryptoWallet = "cryptoWallet";

const IdType* FindIdType(std::string_view type) {
  for (const auto& t : kIdTypes)
    if (IEquals(t.type, type)) return &t;
  return nullptr;
}

class CslTable {
 public:
  CslTable(std::string_view dataset, std::string_view name) : dataset_(dataset), name_(name) {}

  Status SetHeader(const std::vector<std::string>& fields, const std::string& where) {
    header_ = CsvHeader(fields);
    for (std::string_view required : {"_id", "name", "source"}) {
      if (header_.Index(required) < 0) {
        return Status::ParseError(where + ": header has no '" + std::string(required) +
                                  "' column (not a trade.gov CSL file?)");
      }
    }
    return Status::Ok();
  }

  void AddRow(const std::vector<std::string>& row, const std::string& where) {
    std::string_view source_id = Get(row, "_id");
    std::string_view name = Get(row, "name");
    if (source_id.empty()) {
      Warn(where, "row without _id skipped");
      return;
    }
    if (name.empty()) {
      Warn(where, "row " + std::string(source_id) + " has no name; skipped");
      return;
    }
    std::string_view schema_name = SchemaOfType(Get(row, "type"));
    auto [it, inserted] = by_id_.emplace(std::string(source_id), out_.entities.size());
    if (inserted) {
      out_.entities.emplace_back(dataset_ + ":" + std::string(source_id), schema_name);
      out_.entities.back().AddDataset(dataset_);
    }
    Entity& e = out_.entities[it->second];
    if (e.schema() != schema_name && schema_name != schema::kLegalEntity) {
      if (e.schema() == schema::kLegalEntity) {
        e.set_schema(schema_name);
      } else {
        Warn(where, std::string(source_id) + " is both " + e.schema() + " and " +
                        std::string(schema_name) + "; kept " + e.schema());
      }
    }

    e.Add(prop::kName, name);
    for (const auto& alias : SplitTrimmed(Get(row, "alt_names"), kListSeparator))
      e.Add(prop::kAlias, alias);
    std::string_view source = Get(row, "source");
    e.AddTopic(TopicOfSource(source));
    for (const auto& program : SplitTrimmed(Get(row, "programs"), kListSeparator))
      e.Add(prop::kProgram, program);
    e.Add(prop::kProgram, source);
    e.Add(prop::kSourceId, Get(row, "entity_number"));
    e.Add(prop::kPosition, Get(row, "title"));

    for (const auto& address : SplitTrimmed(Get(row, "addresses"), kListSeparator))
      AddAddress(e, address);
    for (const auto& date : SplitTrimmed(Get(row, "dates_of_birth"), kListSeparator)) {
      if (auto d = CslDate(date)) {
        e.Add(prop::kBirthDate, *d);
      } else {
        Warn(where, "unreadable date of birth '" + date + "' kept in notes");
        e.Add(prop::kNotes, "Date of birth: " + date);
      }
    }
    for (const auto& place : SplitTrimmed(Get(row, "places_of_birth"), kListSeparator))
      e.Add(prop::kBirthPlace, place);
    AddCountries(e, prop::kCitizenship, Get(row, "citizenships"), "Citizenship");
    AddCountries(e, prop::kNationality, Get(row, "nationalities"), "Nationality");

    if (auto d = CslDate(Get(row, "start_date"))) e.Add(prop::kListingDate, *d);
    AddNote(e, "End date", Get(row, "end_date"));
    AddNote(e, "Federal Register notice", Get(row, "federal_register_notice"));
    AddNote(e, "Standard order", Get(row, "standard_order"));
    AddNote(e, "License requirement", Get(row, "license_requirement"));
    AddNote(e, "License policy", Get(row, "license_policy"));

    if (std::string_view call_sign = Get(row, "call_sign"); !call_sign.empty()) {
      e.Add(prop::kCallSign, call_sign);
      e.AddIdentifier({std::string(prop::kCallSign), std::string(call_sign), "", "Call sign"});
    }
    e.Add(prop::kType, Get(row, "vessel_type"));
    AddNote(e, "Gross tonnage", Get(row, "gross_tonnage"));
    AddNote(e, "Gross registered tonnage", Get(row, "gross_registered_tonnage"));
    AddCountries(e, prop::kFlag, Get(row, "vessel_flag"), "Vessel flag");
    if (std::string_view owner = Get(row, "vessel_owner"); !owner.empty())
      e.AddRelation({"ownedBy", "", std::string(owner), "Vessel owner: " + std::string(owner)});

    std::string_view remarks = Get(row, "remarks");
    e.Add(prop::kNotes, remarks);
    AddLinks(e, remarks);
    e.Add(prop::kSourceUrl, Get(row, "source_list_url"));
    e.Add(prop::kSourceUrl, Get(row, "source_information_url"));
    for (const auto& id : SplitTrimmed(Get(row, "ids"), kListSeparator)) AddId(e, id, where);
  }

  ParsedSource Finish() { return std::move(out_); }

 private:
  std::string_view Get(const std::vector<std::string>& row, std::string_view column) const {
    return header_.Get(row, column);
  }

  void Warn(const std::string& where, std::string message) {
    out_.warnings.push_back({where, std::move(message)});
  }

  static void AddNote(Entity& e, std::string_view label, std::string_view value) {
    if (!Trim(value).empty()) e.Add(prop::kNotes, std::string(label) + ": " + std::string(value));
  }

  static void AddCountries(Entity& e, std::string_view property, std::string_view text,
                           std::string_view label) {
    for (const auto& item : SplitTrimmed(text, kListSeparator)) {
      if (auto code = CountryCode(item)) {
        e.Add(property, *code);
      } else {
        e.Add(prop::kNotes, std::string(label) + ": " + item);
      }
    }
  }

  // "Basrah, IQ": the trailing ISO code is the country; an address that is only
  // a code says nothing but the country.
  static void AddAddress(Entity& e, std::string_view address) {
    size_t comma = address.rfind(", ");
    std::string_view tail = comma == std::string_view::npos ? address : address.substr(comma + 2);
    if (IsCountryCodeToken(tail)) {
      if (auto code = CountryCode(tail)) e.Add(prop::kCountry, *code);
    }
    if (!IsCountryCodeToken(address)) e.Add(prop::kAddress, address);
  }

  // "(Linked To: ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE)".
  static void AddLinks(Entity& e, std::string_view remarks) {
    constexpr std::string_view kMarker = "Linked To:";
    for (size_t pos = IFind(remarks, kMarker); pos != std::string_view::npos;
         pos = IFind(remarks, kMarker, pos + kMarker.size())) {
      size_t start = pos + kMarker.size();
      size_t end = start;
      int depth = 0;
      for (; end < remarks.size(); ++end) {
        char c = remarks[end];
        if (c == '(') ++depth;
        if (c == ')' && depth-- == 0) break;
        if (c == ';' && depth == 0) break;
      }
      std::string_view target = Trim(remarks.substr(start, end - start));
      while (!target.empty() && target.back() == '.')
        target = Trim(target.substr(0, target.size() - 1));
      if (target.empty()) continue;
      e.AddRelation(
          {"linkedTo", "", std::string(target), std::string(kMarker) + " " + std::string(target)});
    }
  }

  void AddId(Entity& e, std::string_view text, const std::string& where) {
    std::vector<std::string> parts = SplitTrimmed(text, ", ");
    if (parts.size() < 2) {
      e.Add(prop::kNotes, text);
      return;
    }
    std::string type = parts.back();
    parts.pop_back();
    std::string country;
    if (parts.size() >= 2 && IsCountryCodeToken(parts.front())) {
      if (auto code = CountryCode(parts.front())) {
        country = *code;
        parts.erase(parts.begin());
      }
    }
    std::vector<std::string> dates;
    while (parts.size() >= 2 && IsIsoDate(parts.front())) {
      dates.push_back(parts.front());
      parts.erase(parts.begin());
    }
    std::string value = Join(parts, ", ");
    std::string label = type;
    // "Secondary sanctions risk:", "Additional Sanctions Information -".
    while (!label.empty() && (label.back() == ':' || label.back() == '-' || label.back() == ' '))
      label.pop_back();
    std::string_view label_view = Trim(label);

    if (StartsWith(label_view, kWalletPrefix)) {
      std::string currency(Trim(label_view.substr(kWalletPrefix.size())));
      e.AddIdentifier({std::string(kCryptoWallet), value, "", currency});
      return;
    }
    const IdType* known = FindIdType(label_view);
    if (known == nullptr || value.empty()) {
      AddNote(e, label_view, value);
      return;
    }
    if (!known->property.empty()) {
      if (known->property == prop::kGender) {
        e.Add(prop::kGender, AsciiLower(value));
      } else if (auto code = CountryCode(value)) {
        e.Add(known->property, *code);
      } else {
        AddNote(e, label_view, value);
      }
      return;
    }
    if (known->kind == prop::kImoNumber && IStartsWith(value, "IMO ")) value = value.substr(4);
    // Two dates are expiry then issue; one is not labelled by the source.
    std::string detail(label_view);
    if (dates.size() == 2) {
      detail += "; issued " + dates[1] + "; expires " + dates[0];
    } else if (dates.size() == 1) {
      detail += "; " + dates[0];
    } else if (dates.size() > 2) {
      Warn(where, "identifier '" + std::string(text) + "' has more dates than expected");
    }
    e.Add(known->kind, value);
    e.AddIdentifier({std::string(known->kind), value, country, detail});
  }

  std::string dataset_;
  std::string name_;
  CsvHeader header_{std::vector<std::string>{}};
  std::unordered_map<std::string, size_t> by_id_;
  ParsedSource out_;
};

}  // namespace

Result<ParsedSource> ParseTradeCslText(std::string_view csv, std::string_view dataset,
                                       std::string_view name) {
  CsvReader reader(csv, name);
  std::vector<std::string> fields;
  if (!reader.Next(&fields)) {
    VIGIL_RETURN_IF_ERROR(reader.status());
    return Status::ParseError(std::string(name) + ": empty file (no CSL header)");
  }
  CslTable table(dataset, name);
  VIGIL_RETURN_IF_ERROR(table.SetHeader(fields, reader.Where()));
  while (reader.Next(&fields)) table.AddRow(fields, reader.Where());
  VIGIL_RETURN_IF_ERROR(reader.status());
  return table.Finish();
}

Result<ParsedSource> ParseTradeCsl(const std::string& path, std::string_view dataset) {
  VIGIL_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseTradeCslText(text, dataset, path);
}

}  // namespace vigil
