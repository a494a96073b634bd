// EU Financial Sanctions File (FSF) XML, "xmlFullSanctionsList_1_1": root
// <export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate=…>, one
// <sanctionEntity logicalId=…> per listing. Almost everything is in attributes.
#include "core/io.h"
#include "core/strings.h"
#include "lists/xml_util.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

using xml::Attr;
using xml::ForEachChild;

bool IsTrue(std::string_view text) { return IEquals(text, "true") || text == "1"; }

// The FSF writes "00" (countryDescription "UNKNOWN") when it has no country.
std::string FsfCountry(pugi::xml_node node) {
  std::string code = Attr(node, "countryIso2Code");
  if (!code.empty() && code != "00") {
    std::string c = xml::CountryOrEmpty(code);
    if (!c.empty()) return c;
  }
  std::string description = Attr(node, "countryDescription");
  if (IEquals(description, "UNKNOWN")) return {};
  return xml::CountryOrEmpty(description);
}

// Country for display in an address or place: a readable name when known.
std::string FsfCountryText(pugi::xml_node node) {
  std::string code = FsfCountry(node);
  if (!code.empty()) {
    std::string name = CountryName(code);
    if (!name.empty()) return name;
  }
  std::string description = Attr(node, "countryDescription");
  return IEquals(description, "UNKNOWN") ? std::string() : description;
}

std::string AliasName(pugi::xml_node alias) {
  std::string whole = Attr(alias, "wholeName");
  if (!whole.empty()) return whole;
  return xml::JoinNonEmpty(
      {Attr(alias, "firstName"), Attr(alias, "middleName"), Attr(alias, "lastName")}, " ");
}

std::string BirthDate(pugi::xml_node b) {
  std::string date = xml::IsoDate(Attr(b, "birthdate"));
  if (date.empty()) {
    std::string from = Attr(b, "yearRangeFrom"), to = Attr(b, "yearRangeTo");
    if (!from.empty() && !to.empty()) date = xml::IsoDate(from + "/" + to);
  }
  if (date.empty()) {
    std::string year = Attr(b, "year");
    uint64_t month = 0, day = 0;
    if (!year.empty() && ParseUint(Attr(b, "monthOfYear"), &month) && month >= 1 && month <= 12) {
      year += (month < 10 ? "-0" : "-") + std::to_string(month);
      if (ParseUint(Attr(b, "dayOfMonth"), &day) && day >= 1 && day <= 31)
        year += (day < 10 ? "-0" : "-") + std::to_string(day);
    }
    date = xml::IsoDate(year);
  }
  if (date.empty() || date[0] == '~') return date;
  return IsTrue(Attr(b, "circa")) ? "~" + date : date;
}

std::string_view IdentifierKind(std::string_view code, std::string_view description) {
  if (IEquals(code, "passport")) return prop::kPassportNumber;
  if (IEquals(code, "fiscalcode") || IFind(code, "tax") != std::string_view::npos)
    return prop::kTaxNumber;
  if (IEquals(code, "regnumber")) return prop::kRegistrationNumber;
  if (IEquals(code, "swiftbic")) return prop::kSwiftBic;
  if (IEquals(code, "imo") || IStartsWith(description, "IMO")) return prop::kImoNumber;
  return prop::kIdNumber;
}

void ApplyIdentification(pugi::xml_node id, Entity& e) {
  std::string number = Attr(id, "number");
  std::string latin = Attr(id, "latinNumber");
  if (number.empty()) number = latin;
  if (number.empty()) return;
  std::string code = Attr(id, "identificationTypeCode");
  std::string description = Attr(id, "identificationTypeDescription");
  std::vector<std::string> detail = {description.empty() ? code : description};
  static constexpr const char* kFlags[][2] = {{"diplomatic", "diplomatic"},
                                              {"knownExpired", "known expired"},
                                              {"knownFalse", "known false"},
                                              {"reportedLost", "reported lost"},
                                              {"revokedByIssuer", "revoked by issuer"}};
  for (const auto& flag : kFlags) {
    if (IsTrue(Attr(id, flag[0]))) detail.emplace_back(flag[1]);
  }
  std::string issued_by = Attr(id, "issuedBy");
  if (!issued_by.empty()) detail.push_back("issued by " + issued_by);
  std::string holder = Attr(id, "nameOnDocument");
  if (!holder.empty()) detail.push_back("name on document: " + holder);
  ForEachChild(id, "remark", [&](pugi::xml_node r) { detail.push_back(xml::Text(r)); });
  Identifier ident;
  ident.kind = std::string(IdentifierKind(code, description));
  ident.value = number;
  ident.country = FsfCountry(id);
  ident.detail = xml::JoinNonEmpty(detail, "; ");
  e.Add(ident.kind, number);
  if (!latin.empty() && latin != number) {
    e.Add(ident.kind, latin);
    Identifier l = ident;
    l.value = latin;
    e.AddIdentifier(std::move(l));
  }
  e.AddIdentifier(std::move(ident));
}

void ApplyAddress(pugi::xml_node a, Entity& e) {
  e.Add(prop::kAddress,
        xml::JoinNonEmpty({Attr(a, "street"), Attr(a, "poBox"), Attr(a, "place"), Attr(a, "city"),
                           Attr(a, "region"), Attr(a, "zipCode"), FsfCountryText(a)},
                          ", "));
  e.Add(prop::kCountry, FsfCountry(a));
  // contactInfo: an attribute in older files, key/value children in newer ones.
  std::string contact = Attr(a, "contactInfo");
  if (!contact.empty()) e.Add(prop::kNotes, "Contact: " + contact);
  ForEachChild(a, "contactInfo", [&](pugi::xml_node c) {
    std::string key = Attr(c, "key"), value = Attr(c, "value");
    if (value.empty()) return;
    if (IFind(key, "mail") != std::string_view::npos) {
      e.Add(prop::kEmail, value);
    } else if (IFind(key, "phone") != std::string_view::npos) {
      e.Add(prop::kPhone, value);
    } else if (IFind(key, "web") != std::string_view::npos) {
      e.Add(prop::kWebsite, value);
    } else {
      e.Add(prop::kNotes, xml::JoinNonEmpty({key, value}, ": "));
    }
  });
}

void ApplyNameAliases(pugi::xml_node entity, bool person, Entity& e) {
  // The first strong alias is the name; FSF marks spellings it does not vouch
  // for as strong="false".
  bool have_name = false;
  ForEachChild(entity, "nameAlias", [&](pugi::xml_node alias) {
    std::string name = AliasName(alias);
    if (!name.empty()) {
      bool strong = !IEquals(Attr(alias, "strong"), "false");
      if (!strong) {
        e.Add(prop::kWeakAlias, name);
      } else if (!have_name) {
        have_name = true;
        e.Add(prop::kName, name);
        if (person) {
          e.Add(prop::kFirstName, Attr(alias, "firstName"));
          e.Add(prop::kMiddleName, Attr(alias, "middleName"));
          e.Add(prop::kLastName, Attr(alias, "lastName"));
        }
      } else {
        e.Add(prop::kAlias, name);
      }
    }
    if (person) e.Add(prop::kGender, xml::Gender(Attr(alias, "gender")));
    e.Add(prop::kTitle, Attr(alias, "title"));
    e.Add(prop::kPosition, Attr(alias, "function"));
  });
  // A listing with only weak aliases still needs a name to be screened by.
  if (!have_name && e.Has(prop::kWeakAlias)) e.Add(prop::kName, e.First(prop::kWeakAlias));
}

void ParseSanctionEntity(pugi::xml_node node, const xml::Document& doc, std::string_view dataset,
                         xml::EntitySink& sink, ParsedSource& out) {
  std::string logical_id = Attr(node, "logicalId");
  if (logical_id.empty()) {
    out.warnings.push_back(doc.Warning(node, "sanctionEntity without logicalId; record skipped"));
    return;
  }
  pugi::xml_node subject = xml::Child(node, "subjectType");
  std::string code = Attr(subject, "code");
  std::string classification = Attr(subject, "classificationCode");
  std::string_view schema;
  if (IEquals(code, "person") || IEquals(classification, "P")) {
    schema = schema::kPerson;
  } else if (IEquals(code, "enterprise") || IEquals(classification, "E")) {
    schema = schema::kOrganization;
  } else {
    out.warnings.push_back(doc.Warning(node, "sanctionEntity " + logical_id +
                                                 ": unknown subjectType '" + code +
                                                 "'; kept as LegalEntity"));
    schema = schema::kLegalEntity;
  }
  bool person = schema == schema::kPerson;
  Entity e(std::string(dataset) + ":" + logical_id, schema);
  e.AddDataset(dataset);
  e.AddTopic("sanction");
  e.Add(prop::kSourceId, Attr(node, "euReferenceNumber"));
  std::string un_id = Attr(node, "unitedNationId");
  if (!un_id.empty()) e.Add(prop::kNotes, "UN reference " + un_id);
  e.Add(prop::kNotes, Attr(node, "designationDetails"));
  ForEachChild(node, "remark", [&](pugi::xml_node r) { e.Add(prop::kNotes, xml::Text(r)); });

  std::string first_listed;
  ForEachChild(node, "regulation", [&](pugi::xml_node r) {
    e.Add(prop::kProgram, Attr(r, "programme"));
    std::string date = xml::IsoDate(Attr(r, "publicationDate"));
    if (!date.empty() && (first_listed.empty() || date < first_listed)) first_listed = date;
  });
  e.Add(prop::kListingDate, first_listed);

  ApplyNameAliases(node, person, e);
  if (!e.Has(prop::kName)) {
    out.warnings.push_back(doc.Warning(node, "sanctionEntity " + logical_id + " has no name"));
  }
  ForEachChild(node, "citizenship", [&](pugi::xml_node c) {
    std::string country = FsfCountry(c);
    if (!country.empty()) {
      e.Add(prop::kCitizenship, country);
    } else {
      std::string description = Attr(c, "countryDescription");
      if (!description.empty() && !IEquals(description, "UNKNOWN"))
        e.Add(prop::kNotes, "citizenship: " + description);
    }
  });
  ForEachChild(node, "birthdate", [&](pugi::xml_node b) {
    e.Add(prop::kBirthDate, BirthDate(b));
    e.Add(prop::kBirthPlace,
          xml::JoinNonEmpty(
              {Attr(b, "place"), Attr(b, "city"), Attr(b, "region"), FsfCountryText(b)}, ", "));
  });
  ForEachChild(node, "identification", [&](pugi::xml_node id) { ApplyIdentification(id, e); });
  ForEachChild(node, "address", [&](pugi::xml_node a) { ApplyAddress(a, e); });
  sink.Add(std::move(e), node);
}

}  // namespace

Result<ParsedSource> ParseEuFsfText(std::string_view text, std::string_view dataset,
                                    std::string_view name) {
  VIGIL_ASSIGN_OR_RETURN(xml::Document doc, xml::Document::ParseWithRoot(text, name, "export"));
  ParsedSource out;
  out.publication_date = xml::IsoDate(Attr(doc.root(), "generationDate"));
  xml::EntitySink sink(doc, out);
  ForEachChild(doc.root(), "sanctionEntity",
               [&](pugi::xml_node node) { ParseSanctionEntity(node, doc, dataset, sink, out); });
  return out;
}

Result<ParsedSource> ParseEuFsf(const std::string& path, std::string_view dataset) {
  VIGIL_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseEuFsfText(text, dataset, BaseName(path));
}

}  // namespace vigil
