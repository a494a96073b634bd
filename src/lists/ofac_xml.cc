// OFAC sdnList XML (sdn.xml and consolidated.xml, schema sdnList.xsd).
//
// The XML carries the same records as the legacy CSV files, but with the
// remarks already split into elements: aliases, addresses, the idList (which
// mixes identity documents with sanction "features" such as directive dates),
// dates and places of birth, nationalities and vessel details.
#include <array>
#include <cstdio>
#include <initializer_list>
#include <optional>

#include "core/io.h"
#include "core/strings.h"
#include "lists/xml_util.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

using xml::Child;
using xml::ChildText;
using xml::ForEachChild;

// "11/14/2023" -> "2023-11-14"; empty when the text is not such a date.
std::string UsDateToIso(std::string_view text) {
  auto parts = Split(Trim(text), '/');
  uint64_t m, d, y;
  if (parts.size() != 3 || !ParseUint(parts[0], &m) || !ParseUint(parts[1], &d) ||
      !ParseUint(parts[2], &y) || parts[2].size() != 4)
    return {};
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04u-%02u-%02u", static_cast<unsigned>(y),
                static_cast<unsigned>(m % 100), static_cast<unsigned>(d % 100));
  return xml::IsoDate(buf);
}

int MonthOfName(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (IStartsWith(name, kMonths[i])) return static_cast<int>(i) + 1;
  }
  return 0;
}

// One OFAC date without qualifiers: "25 Mar 1977", "Mar 1977", "1977",
// "1977-03-25" or "03/25/1977".
std::optional<PartialDate> ParseOfacSingleDate(std::string_view text) {
  text = Trim(text);
  if (text.find('/') != std::string_view::npos) {
    std::string iso = UsDateToIso(text);
    return iso.empty() ? std::nullopt : PartialDate::Parse(iso);
  }
  if (text.find('-') != std::string_view::npos) return PartialDate::Parse(text);
  std::vector<std::string> tokens = SplitTrimmed(text, " ");
  PartialDate d;
  uint64_t v;
  if (tokens.empty() || tokens.size() > 3) return std::nullopt;
  if (!ParseUint(tokens.back(), &v) || tokens.back().size() != 4 || v < 1000) return std::nullopt;
  d.year = static_cast<int>(v);
  if (tokens.size() >= 2) {
    d.month = MonthOfName(tokens[tokens.size() - 2]);
    if (d.month == 0) return std::nullopt;
  }
  if (tokens.size() == 3) {
    if (!ParseUint(tokens[0], &v) || v < 1 || v > 31) return std::nullopt;
    d.day = static_cast<int>(v);
  }
  return d;
}

// An OFAC date of birth as a PartialDate string: "25 Mar 1977" ->
// "1977-03-25", "circa 1947" -> "~1947", "1960 to 1962" -> "1960/1962".
// Empty when the text is not a date.
std::string OfacDate(std::string_view text) {
  text = Trim(text);
  bool circa = false;
  if (IStartsWith(text, "circa")) {
    circa = true;
    text = Trim(text.substr(5));
  } else if (IStartsWith(text, "ca.")) {
    circa = true;
    text = Trim(text.substr(3));
  }
  size_t to = IFind(text, " to ");
  std::optional<PartialDate> d;
  if (to != std::string_view::npos) {
    auto from = ParseOfacSingleDate(text.substr(0, to));
    auto until = ParseOfacSingleDate(text.substr(to + 4));
    if (!from || !until) return {};
    d = PartialDate::Parse(from->ToString() + "/" + until->ToString());
  } else {
    d = ParseOfacSingleDate(text);
  }
  if (!d) return {};
  d->circa = d->circa || circa;
  return d->ToString();
}

std::string_view SchemaOfSdnType(std::string_view type) {
  if (IEquals(type, "Individual")) return schema::kPerson;
  if (IEquals(type, "Entity")) return schema::kOrganization;
  if (IEquals(type, "Vessel")) return schema::kVessel;
  if (IEquals(type, "Aircraft")) return schema::kAirplane;
  return {};
}

// What an idList row is. OFAC uses idList both for identity documents and for
// facts about the designation ("Secondary sanctions risk:", directive dates);
// only the former may become identifiers, or screening would match on them.
enum class IdRole { kIdentifier, kNote, kGender, kCountry, kFlag, kCallSign, kBuildDate };
struct IdClass {
  IdRole role = IdRole::kNote;
  std::string_view kind;    // for kIdentifier
  bool keep_detail = true;  // false when the type says no more than the kind
};

bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> needles) {
  for (auto n : needles) {
    if (IFind(text, n) != std::string_view::npos) return true;
  }
  return false;
}

IdClass ClassifyIdType(std::string_view type) {
  auto ident = [](std::string_view kind, bool keep_detail) {
    return IdClass{IdRole::kIdentifier, kind, keep_detail};
  };
  auto other = [](IdRole role) { return IdClass{role, {}, false}; };
  if (IStartsWith(type, "Digital Currency Address")) return ident("cryptoWallet", true);
  if (ContainsAny(type, {"email"})) return ident(prop::kEmail, false);
  if (ContainsAny(type, {"website"})) return ident(prop::kWebsite, false);
  if (ContainsAny(type, {"phone"})) return ident(prop::kPhone, false);
  if (IStartsWith(type, "SWIFT")) return ident(prop::kSwiftBic, false);
  if (ContainsAny(type, {"Vessel Registration Identification"}))
    return ident(prop::kImoNumber, false);
  if (ContainsAny(type, {"MMSI"})) return ident(prop::kMmsi, false);
  if (IEquals(type, "Gender")) return other(IdRole::kGender);
  if (ContainsAny(type, {"Nationality of Registration"})) return other(IdRole::kCountry);
  if (ContainsAny(type, {"Vessel Flag"})) return other(IdRole::kFlag);
  if (ContainsAny(type, {"Call Sign"})) return other(IdRole::kCallSign);
  if (ContainsAny(type, {"Year of Build", "Aircraft Manufacture Date"}))
    return other(IdRole::kBuildDate);
  if (ContainsAny(type, {"passport"}))
    return ident(prop::kPassportNumber, !IEquals(type, "Passport"));
  if (ContainsAny(type,
                  {"date", "directive", "sanction", "information", "executive order", "caatsa",
                   "target type", "organization type", "issuer name", "equity ticker",
                   "aircraft model", "aircraft operator", "prohibited", "determination"}) ||
      EndsWith(type, ":") || EndsWith(type, "-"))
    return other(IdRole::kNote);
  if (ContainsAny(type, {"tax id", "v.a.t.", "vat number", "fiscal", "nit #", "r.f.c", "rfc",
                         "r.u.c", "ruc #", "employer identification", "taxpayer"}) ||
      IStartsWith(type, "INN"))
    return ident(prop::kTaxNumber, !IEquals(type, "Tax ID No."));
  if (ContainsAny(
          type, {"registration", "company number", "c.r. no", "commercial regist", "incorporation",
                 "unified social credit code", "legal entity number", "government gazette",
                 "trade license", "matricula mercantil", "folio mercantil", "chamber of commerce",
                 "tail number", "registered charity"}))
    return ident(prop::kRegistrationNumber, !IEquals(type, "Registration Number"));
  return ident(prop::kIdNumber, true);
}

// Properties FtM has for identifier kinds; cryptoWallet has none (FtM keeps
// wallets as their own entities), so it lives only in identifiers().
bool KindIsProperty(std::string_view kind) { return kind != "cryptoWallet"; }

void ApplyId(pugi::xml_node id, Entity& e) {
  std::string type = ChildText(id, "idType");
  std::string number = ChildText(id, "idNumber");
  std::string country = ChildText(id, "idCountry");
  if (number.empty()) return;
  IdClass c = ClassifyIdType(type);
  switch (c.role) {
    case IdRole::kGender: {
      std::string g = xml::Gender(number);
      e.Add(g.empty() ? prop::kNotes : prop::kGender, g.empty() ? type + " " + number : g);
      return;
    }
    case IdRole::kCountry:
      xml::AddCountry(e, prop::kCountry, number);
      return;
    case IdRole::kFlag:
      xml::AddCountry(e, prop::kFlag, number);
      return;
    case IdRole::kCallSign:
      e.Add(prop::kCallSign, number);
      return;
    case IdRole::kBuildDate: {
      std::string d = OfacDate(number);
      e.Add(d.empty() ? prop::kNotes : prop::kBuildDate, d.empty() ? type + " " + number : d);
      return;
    }
    case IdRole::kNote:
      e.Add(prop::kNotes, type.empty() ? number : type + " " + number);
      return;
    case IdRole::kIdentifier:
      break;
  }
  Identifier ident;
  ident.kind = std::string(c.kind);
  ident.value = number;
  ident.country = xml::CountryOrEmpty(country);
  if (c.kind == "cryptoWallet") {
    // "Digital Currency Address - XBT" -> the currency.
    size_t dash = type.rfind('-');
    ident.detail = dash == std::string::npos ? type : std::string(Trim(type.substr(dash + 1)));
  } else if (c.keep_detail) {
    ident.detail = type;
  }
  if (ident.country.empty() && !country.empty()) {
    ident.detail = xml::JoinNonEmpty({ident.detail, "issued by " + country}, "; ");
  }
  if (KindIsProperty(c.kind)) e.Add(c.kind, number);
  e.AddIdentifier(std::move(ident));
}

// "lastName, firstName" when both, like the legacy CSV form.
std::string OfacName(pugi::xml_node node) {
  return xml::JoinNonEmpty({ChildText(node, "lastName"), ChildText(node, "firstName")}, ", ");
}

// Drops a full stop that ends a sentence but keeps abbreviations ("LTD.").
std::string_view StripSentenceDot(std::string_view name) {
  if (!EndsWith(name, ".")) return name;
  size_t space = name.rfind(' ');
  std::string_view last = name.substr(space == std::string_view::npos ? 0 : space + 1);
  last.remove_suffix(1);
  if (last.size() > 3 && last.find('.') == std::string_view::npos) name.remove_suffix(1);
  return name;
}

// Remarks sometimes name a linked party: "(Linked To: HUAWEI ... LTD.)".
void ApplyRemarks(std::string_view remarks, Entity& e) {
  e.Add(prop::kNotes, remarks);
  static constexpr std::string_view kLinked = "Linked To:";
  for (size_t at = IFind(remarks, kLinked); at != std::string_view::npos;
       at = IFind(remarks, kLinked, at + kLinked.size())) {
    size_t start = at + kLinked.size();
    size_t end = remarks.find_first_of(";)", start);
    std::string_view target = Trim(remarks.substr(
        start, end == std::string_view::npos ? std::string_view::npos : end - start));
    target = StripSentenceDot(target);
    if (target.empty()) continue;
    e.AddRelation(
        Relation{"linkedTo", "", std::string(target),
                 std::string(remarks.substr(
                     at, end == std::string_view::npos ? std::string_view::npos : end - at))});
  }
}

void ApplyVesselInfo(pugi::xml_node info, Entity& e) {
  e.Add(prop::kCallSign, ChildText(info, "callSign"));
  e.Add(prop::kType, ChildText(info, "vesselType"));
  xml::AddCountry(e, prop::kFlag, ChildText(info, "vesselFlag"));
  std::string tonnage = ChildText(info, "tonnage");
  if (!tonnage.empty()) e.Add(prop::kNotes, "Tonnage " + tonnage);
  std::string grt = ChildText(info, "grossRegisteredTonnage");
  if (!grt.empty()) e.Add(prop::kNotes, "Gross registered tonnage " + grt);
  std::string owner = ChildText(info, "vesselOwner");
  if (!owner.empty()) e.AddRelation(Relation{"ownedBy", "", owner, "Vessel Owner: " + owner});
}

void ParseEntry(pugi::xml_node entry, const xml::Document& doc, std::string_view dataset,
                xml::EntitySink& sink, ParsedSource& out) {
  std::string uid = ChildText(entry, "uid");
  if (uid.empty()) {
    out.warnings.push_back(doc.Warning(entry, "sdnEntry without uid; record skipped"));
    return;
  }
  std::string sdn_type = ChildText(entry, "sdnType");
  std::string_view schema = SchemaOfSdnType(sdn_type);
  if (schema.empty()) {
    out.warnings.push_back(doc.Warning(
        entry, "unknown sdnType '" + sdn_type + "' for uid " + uid + "; kept as LegalEntity"));
    schema = schema::kLegalEntity;
  }
  Entity e(std::string(dataset) + ":" + uid, schema);
  e.AddDataset(dataset);
  e.AddTopic("sanction");
  e.Add(prop::kSourceId, uid);
  std::string name = OfacName(entry);
  if (name.empty()) {
    out.warnings.push_back(doc.Warning(entry, "sdnEntry " + uid + " has no name"));
  }
  e.Add(prop::kName, name);
  if (schema == schema::kPerson) {
    e.Add(prop::kFirstName, ChildText(entry, "firstName"));
    e.Add(prop::kLastName, ChildText(entry, "lastName"));
  }
  e.Add(prop::kPosition, ChildText(entry, "title"));
  ForEachChild(Child(entry, "programList"), "program",
               [&](pugi::xml_node p) { e.Add(prop::kProgram, xml::Text(p)); });
  ForEachChild(Child(entry, "akaList"), "aka", [&](pugi::xml_node aka) {
    std::string type = ChildText(aka, "type");
    std::string category = ChildText(aka, "category");
    std::string_view property = prop::kAlias;
    if (IEquals(type, "f.k.a.")) {
      property = prop::kPreviousName;
    } else if (IEquals(category, "weak")) {
      property = prop::kWeakAlias;
    }
    e.Add(property, OfacName(aka));
  });
  ForEachChild(Child(entry, "addressList"), "address", [&](pugi::xml_node a) {
    std::string country = ChildText(a, "country");
    e.Add(prop::kAddress,
          xml::JoinNonEmpty({ChildText(a, "address1"), ChildText(a, "address2"),
                             ChildText(a, "address3"), ChildText(a, "city"),
                             ChildText(a, "stateOrProvince"), ChildText(a, "postalCode"), country},
                            ", "));
    xml::AddCountry(e, prop::kCountry, country);
  });
  ForEachChild(Child(entry, "idList"), "id", [&](pugi::xml_node id) { ApplyId(id, e); });
  ForEachChild(Child(entry, "dateOfBirthList"), "dateOfBirthItem", [&](pugi::xml_node item) {
    std::string text = ChildText(item, "dateOfBirth");
    if (text.empty()) return;
    std::string date = OfacDate(text);
    if (date.empty()) {
      e.Add(prop::kNotes, "DOB " + text);
      out.warnings.push_back(doc.Warning(item, "unreadable date of birth '" + text + "'"));
    } else {
      e.Add(prop::kBirthDate, date);
    }
  });
  ForEachChild(Child(entry, "placeOfBirthList"), "placeOfBirthItem", [&](pugi::xml_node item) {
    e.Add(prop::kBirthPlace, ChildText(item, "placeOfBirth"));
  });
  ForEachChild(Child(entry, "nationalityList"), "nationality", [&](pugi::xml_node n) {
    xml::AddCountry(e, prop::kNationality, ChildText(n, "country"));
  });
  ForEachChild(Child(entry, "citizenshipList"), "citizenship", [&](pugi::xml_node n) {
    xml::AddCountry(e, prop::kCitizenship, ChildText(n, "country"));
  });
  if (pugi::xml_node vessel = Child(entry, "vesselInfo")) ApplyVesselInfo(vessel, e);
  std::string remarks = ChildText(entry, "remarks");
  if (!remarks.empty()) ApplyRemarks(remarks, e);
  sink.Add(std::move(e), entry);
}

}  // namespace

Result<ParsedSource> ParseOfacXmlText(std::string_view text, std::string_view dataset,
                                      std::string_view name) {
  VIGIL_ASSIGN_OR_RETURN(xml::Document doc, xml::Document::ParseWithRoot(text, name, "sdnList"));
  ParsedSource out;
  pugi::xml_node root = doc.root();
  std::string published = ChildText(Child(root, "publshInformation"), "Publish_Date");
  if (!published.empty()) {
    out.publication_date = UsDateToIso(published);
    if (out.publication_date.empty()) {
      out.warnings.push_back(doc.Warning(Child(Child(root, "publshInformation"), "Publish_Date"),
                                         "unreadable Publish_Date '" + published + "'"));
    }
  }
  xml::EntitySink sink(doc, out);
  ForEachChild(root, "sdnEntry",
               [&](pugi::xml_node entry) { ParseEntry(entry, doc, dataset, sink, out); });
  return out;
}

Result<ParsedSource> ParseOfacXml(const std::string& path, std::string_view dataset) {
  VIGIL_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseOfacXmlText(text, dataset, BaseName(path));
}

}  // namespace vigil
