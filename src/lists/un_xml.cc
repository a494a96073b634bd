// UN Security Council consolidated list (CONSOLIDATED_LIST XML, sc-sanctions.xsd).
//
// INDIVIDUALS/INDIVIDUAL become Person entities and ENTITIES/ENTITY become
// Organization entities; REFERENCE_NUMBER (e.g. "KPi.033") is the stable id.
#include "core/io.h"
#include "core/strings.h"
#include "lists/xml_util.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

using xml::Child;
using xml::ChildText;
using xml::ForEachChild;

// The UN's own line breaks fall mid-sentence; notes read better without them.
std::string Flowed(std::string_view text) { return CollapseSpaces(text); }

std::string_view AliasProperty(std::string_view quality) {
  if (IEquals(quality, "Low")) return prop::kWeakAlias;
  if (IEquals(quality, "f.k.a.")) return prop::kPreviousName;
  return prop::kAlias;  // "Good", "a.k.a.", or not stated
}

void ApplyAlias(pugi::xml_node alias, Entity& e) {
  std::string name = ChildText(alias, "ALIAS_NAME");
  if (name.empty()) return;
  e.Add(AliasProperty(ChildText(alias, "QUALITY")), name);
  // Iraq-regime aliases carry the birth data that goes with that identity.
  std::string dob = xml::IsoDate(ChildText(alias, "DATE_OF_BIRTH"));
  e.Add(prop::kBirthDate, dob);
  e.Add(prop::kBirthPlace,
        xml::JoinNonEmpty({ChildText(alias, "CITY_OF_BIRTH"), ChildText(alias, "COUNTRY_OF_BIRTH")},
                          ", "));
  std::string note = ChildText(alias, "NOTE");
  if (!note.empty()) e.Add(prop::kNotes, "Alias " + name + ": " + Flowed(note));
}

void ApplyAddress(pugi::xml_node a, Entity& e) {
  std::string country = ChildText(a, "COUNTRY");
  std::string address =
      xml::JoinNonEmpty({ChildText(a, "STREET"), ChildText(a, "CITY"),
                         ChildText(a, "STATE_PROVINCE"), ChildText(a, "ZIP_CODE"), country},
                        ", ");
  e.Add(prop::kAddress, address);
  xml::AddCountry(e, prop::kCountry, country);
  // Notes qualify one address ("as of early 2016"), so they name it.
  std::string note = ChildText(a, "NOTE");
  if (!note.empty())
    e.Add(prop::kNotes, xml::JoinNonEmpty({"Address", address}, " ") + ": " + Flowed(note));
}

// INDIVIDUAL_DATE_OF_BIRTH as a PartialDate string; empty when absent/unreadable.
std::string BirthDate(pugi::xml_node dob) {
  std::string type = ChildText(dob, "TYPE_OF_DATE");
  std::string date = ChildText(dob, "DATE");
  std::string year = ChildText(dob, "YEAR");
  std::string single = xml::IsoDate(date.empty() ? year : date);
  if (IEquals(type, "BETWEEN")) {
    std::string from = ChildText(dob, "FROM_YEAR"), to = ChildText(dob, "TO_YEAR");
    if (from.empty() || to.empty()) return single;
    return xml::IsoDate(from + "/" + to);
  }
  if (single.empty()) return {};
  if (IEquals(type, "APPROXIMATELY")) return "~" + single;
  return single;
}

std::string_view DocumentKind(std::string_view type) {
  // The list also writes the type in Spanish and French.
  if (IFind(type, "passport") != std::string_view::npos ||
      IFind(type, "pasaporte") != std::string_view::npos ||
      IFind(type, "passeport") != std::string_view::npos)
    return prop::kPassportNumber;
  return prop::kIdNumber;
}

void ApplyDocument(pugi::xml_node d, const xml::Document& doc, Entity& e, ParsedSource& out) {
  std::string type = ChildText(d, "TYPE_OF_DOCUMENT");
  std::string type2 = ChildText(d, "TYPE_OF_DOCUMENT2");
  std::string number = ChildText(d, "NUMBER");
  std::string note = Flowed(ChildText(d, "NOTE"));
  if (number.empty()) {
    std::string text = xml::JoinNonEmpty({type, type2, note}, ": ");
    if (!text.empty()) e.Add(prop::kNotes, text);
    return;
  }
  std::string issuer = ChildText(d, "ISSUING_COUNTRY");
  if (issuer.empty()) issuer = ChildText(d, "COUNTRY_OF_ISSUE");
  Identifier id;
  id.kind = std::string(DocumentKind(type.empty() ? type2 : type));
  id.value = number;
  id.country = xml::CountryOrEmpty(issuer);
  std::string issued = ChildText(d, "DATE_OF_ISSUE");
  id.detail =
      xml::JoinNonEmpty({type, type2, issued.empty() ? "" : "issued " + issued,
                         ChildText(d, "CITY_OF_ISSUE"), id.country.empty() ? issuer : "", note},
                        "; ");
  if (type.empty() && type2.empty()) {
    out.warnings.push_back(
        doc.Warning(d, "document " + number + " without a type; kept as idNumber"));
  }
  e.Add(id.kind, number);
  e.AddIdentifier(std::move(id));
}

// Fields both record kinds share.
void ApplyCommon(pugi::xml_node rec, Entity& e) {
  e.Add(prop::kProgram, ChildText(rec, "UN_LIST_TYPE"));
  e.Add(prop::kListingDate, xml::IsoDate(ChildText(rec, "LISTED_ON")));
  e.Add(prop::kNotes, Flowed(ChildText(rec, "COMMENTS1")));
  e.Add(prop::kAlias, ChildText(rec, "NAME_ORIGINAL_SCRIPT"));
  // LAST_DAY_UPDATED lists every update; keep the latest.
  std::string latest;
  ForEachChild(Child(rec, "LAST_DAY_UPDATED"), "VALUE", [&](pugi::xml_node v) {
    std::string d = xml::IsoDate(xml::Text(v));
    if (d > latest) latest = d;
  });
  e.Add(prop::kModifiedAt, latest);
}

void ParseIndividual(pugi::xml_node rec, Entity& e, const xml::Document& doc, ParsedSource& out) {
  // The UN's name fields are ordinal, not given/family: FIRST_NAME is whatever
  // comes first in the UN's rendering (for Korean names, the family name).
  std::vector<std::string> parts = {ChildText(rec, "FIRST_NAME"), ChildText(rec, "SECOND_NAME"),
                                    ChildText(rec, "THIRD_NAME"), ChildText(rec, "FOURTH_NAME")};
  e.Add(prop::kName, xml::JoinNonEmpty(parts, " "));
  e.Add(prop::kFirstName, parts[0]);
  std::vector<std::string> rest;
  for (size_t i = 1; i < parts.size(); ++i) {
    if (!parts[i].empty()) rest.push_back(parts[i]);
  }
  if (!rest.empty()) {
    e.Add(prop::kLastName, rest.back());
    rest.pop_back();
    e.Add(prop::kMiddleName, xml::JoinNonEmpty(rest, " "));
  }
  std::string gender = xml::Gender(ChildText(rec, "GENDER"));
  if (gender.empty()) {
    // Newer DPRK listings state it only in the comments ("Gender: male").
    std::string comments = ChildText(rec, "COMMENTS1");
    size_t at = IFind(comments, "Gender:");
    if (at != std::string::npos) {
      std::string_view after = Trim(std::string_view(comments).substr(at + 7));
      gender = xml::Gender(after.substr(0, after.find_first_of(" .;,")));
    }
  }
  e.Add(prop::kGender, gender);
  ForEachChild(Child(rec, "TITLE"), "VALUE",
               [&](pugi::xml_node v) { e.Add(prop::kTitle, xml::Text(v)); });
  ForEachChild(Child(rec, "DESIGNATION"), "VALUE",
               [&](pugi::xml_node v) { e.Add(prop::kPosition, xml::Text(v)); });
  ForEachChild(Child(rec, "NATIONALITY"), "VALUE",
               [&](pugi::xml_node v) { xml::AddCountry(e, prop::kNationality, xml::Text(v)); });
  ForEachChild(rec, "INDIVIDUAL_ALIAS", [&](pugi::xml_node a) { ApplyAlias(a, e); });
  ForEachChild(rec, "INDIVIDUAL_ADDRESS", [&](pugi::xml_node a) { ApplyAddress(a, e); });
  ForEachChild(rec, "INDIVIDUAL_DATE_OF_BIRTH", [&](pugi::xml_node d) {
    std::string date = BirthDate(d);
    e.Add(prop::kBirthDate, date);
    std::string note = ChildText(d, "NOTE");
    if (!note.empty()) e.Add(prop::kNotes, "Date of birth: " + Flowed(note));
    if (date.empty() && (Child(d, "DATE") || Child(d, "YEAR") || Child(d, "FROM_YEAR"))) {
      std::string raw = xml::JoinNonEmpty({ChildText(d, "DATE"), ChildText(d, "YEAR"),
                                           ChildText(d, "FROM_YEAR"), ChildText(d, "TO_YEAR")},
                                          " ");
      if (!raw.empty()) {
        e.Add(prop::kNotes, "Date of birth: " + raw);
        out.warnings.push_back(doc.Warning(d, "unreadable date of birth '" + raw + "'"));
      }
    }
  });
  ForEachChild(rec, "INDIVIDUAL_PLACE_OF_BIRTH", [&](pugi::xml_node p) {
    e.Add(prop::kBirthPlace,
          xml::JoinNonEmpty({ChildText(p, "STREET"), ChildText(p, "CITY"),
                             ChildText(p, "STATE_PROVINCE"), ChildText(p, "COUNTRY")},
                            ", "));
    std::string note = ChildText(p, "NOTE");
    if (!note.empty()) e.Add(prop::kNotes, "Place of birth: " + Flowed(note));
  });
  ForEachChild(rec, "INDIVIDUAL_DOCUMENT",
               [&](pugi::xml_node d) { ApplyDocument(d, doc, e, out); });
}

void ParseEntityRecord(pugi::xml_node rec, Entity& e) {
  e.Add(prop::kName, ChildText(rec, "FIRST_NAME"));
  ForEachChild(rec, "ENTITY_ALIAS", [&](pugi::xml_node a) { ApplyAlias(a, e); });
  ForEachChild(rec, "ENTITY_ADDRESS", [&](pugi::xml_node a) { ApplyAddress(a, e); });
}

void ParseRecord(pugi::xml_node rec, bool individual, const xml::Document& doc,
                 std::string_view dataset, xml::EntitySink& sink, ParsedSource& out) {
  std::string ref = ChildText(rec, "REFERENCE_NUMBER");
  if (ref.empty()) {
    out.warnings.push_back(doc.Warning(
        rec, std::string(xml::LocalName(rec)) + " without REFERENCE_NUMBER; record skipped"));
    return;
  }
  Entity e(std::string(dataset) + ":" + ref, individual ? schema::kPerson : schema::kOrganization);
  e.AddDataset(dataset);
  e.AddTopic("sanction");
  e.Add(prop::kSourceId, ref);
  if (individual) {
    ParseIndividual(rec, e, doc, out);
  } else {
    ParseEntityRecord(rec, e);
  }
  ApplyCommon(rec, e);
  if (!e.Has(prop::kName)) {
    out.warnings.push_back(doc.Warning(rec, ref + " has no name"));
  }
  sink.Add(std::move(e), rec);
}

}  // namespace

Result<ParsedSource> ParseUnXmlText(std::string_view text, std::string_view dataset,
                                    std::string_view name) {
  VIGIL_ASSIGN_OR_RETURN(xml::Document doc,
                         xml::Document::ParseWithRoot(text, name, "CONSOLIDATED_LIST"));
  ParsedSource out;
  pugi::xml_node root = doc.root();
  out.publication_date = xml::IsoDate(xml::Attr(root, "dateGenerated"));
  xml::EntitySink sink(doc, out);
  ForEachChild(Child(root, "INDIVIDUALS"), "INDIVIDUAL",
               [&](pugi::xml_node rec) { ParseRecord(rec, true, doc, dataset, sink, out); });
  ForEachChild(Child(root, "ENTITIES"), "ENTITY",
               [&](pugi::xml_node rec) { ParseRecord(rec, false, doc, dataset, sink, out); });
  return out;
}

Result<ParsedSource> ParseUnXml(const std::string& path, std::string_view dataset) {
  VIGIL_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseUnXmlText(text, dataset, BaseName(path));
}

}  // namespace vigil
