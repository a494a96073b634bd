// The OFAC remarks language: "DOB 25 Mar 1977; POB Wuhan City, Hubei, China;
// Passport T14553558 (Iran) issued 28 Oct 2008; a.k.a. 'ZHOU, William';
// Linked To: LAZARUS GROUP." Each clause is a label followed by a value. Known
// labels fill properties, identifiers and relations; everything else is kept
// verbatim in notes so that no listed fact is lost.
//
// In the legacy CSV files the strong aliases are in alt.csv and the remarks
// carry only OFAC's "weak" a.k.a.s (the sdnList XML marks the same names
// <category>weak</category>), hence a.k.a. here fills weakAlias.
#include "lists/ofac_remarks.h"

#include <algorithm>
#include <array>
#include <optional>

#include "core/strings.h"
#include "vigil/entity.h"
#include "vigil/lists.h"

namespace vigil {
namespace {

// ---------------------------------------------------------------- dates

int MonthNumber(std::string_view token) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (!token.empty() && token.back() == '.') token.remove_suffix(1);
  if (token.size() < 3) return 0;
  std::string lower = AsciiLower(token);
  if (lower == "sept") return 9;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (lower == kMonths[i] || (lower.size() == 3 && kMonths[i].substr(0, 3) == lower))
      return static_cast<int>(i) + 1;
  }
  return 0;
}

bool ParseYear(std::string_view token, int* year) {
  uint64_t v = 0;
  if (token.size() != 4 || !ParseUint(token, &v) || v < 1000) return false;
  *year = static_cast<int>(v);
  return true;
}

// "25 Mar 1977", "Mar 1977", "1977", "1977-03-25" or "25-Mar-1977".
std::optional<PartialDate> ParseSingleDate(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  bool has_letter = std::any_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
  if (!has_letter && text.find(' ') == std::string_view::npos) {
    auto iso = PartialDate::Parse(text);
    if (iso && !iso->circa && iso->year_to == 0 && text.find('/') == std::string_view::npos &&
        text.find('T') == std::string_view::npos)
      return iso;
    return std::nullopt;
  }
  std::vector<std::string_view> tokens;
  for (auto t : Split(text, has_letter && text.find(' ') == std::string_view::npos ? '-' : ' '))
    if (!Trim(t).empty()) tokens.push_back(Trim(t));
  PartialDate d;
  uint64_t day = 0;
  switch (tokens.size()) {
    case 2:
      d.month = MonthNumber(tokens[0]);
      if (d.month == 0 || !ParseYear(tokens[1], &d.year)) return std::nullopt;
      return d;
    case 3:
      d.month = MonthNumber(tokens[1]);
      if (tokens[0].size() > 2 || !ParseUint(tokens[0], &day) || day < 1 || day > 31 ||
          d.month == 0 || !ParseYear(tokens[2], &d.year))
        return std::nullopt;
      d.day = static_cast<int>(day);
      return d;
    default:
      return std::nullopt;
  }
}

// ---------------------------------------------------------------- countries

std::string ReplaceAll(std::string_view s, std::string_view from, std::string_view to) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t at = s.find(from, pos);
    if (at == std::string_view::npos) break;
    out.append(s.substr(pos, at - pos));
    out.append(to);
    pos = at + from.size();
  }
  out.append(s.substr(pos));
  return out;
}

// ---------------------------------------------------------------- clauses

enum class Action {
  kDob,
  kPob,
  kNationality,
  kCitizen,
  kGender,
  kAlias,  // kind = the name property
  kLinkedTo,
  kDocument,  // kind = identifier kind; "value (Country) issued … expires …"
  kContact,   // kind = identifier kind; the whole rest is the value
  kCrypto,
  kDate,     // kind = date property
  kText,     // kind = text property
  kCountry,  // kind = country property
};

struct Label {
  std::string_view text;
  Action action;
  std::string_view kind;
};

constexpr std::string_view kPass = prop::kPassportNumber;
constexpr std::string_view kId = prop::kIdNumber;
constexpr std::string_view kTax = prop::kTaxNumber;
constexpr std::string_view kReg = prop::kRegistrationNumber;

// Labels as OFAC writes them (matched case-insensitively, longest first).
constexpr Label kLabels[] = {
    {"DOB", Action::kDob, ""},
    {"POB", Action::kPob, ""},
    {"nationality", Action::kNationality, ""},
    {"citizen", Action::kCitizen, ""},
    {"Gender", Action::kGender, ""},
    {"a.k.a.", Action::kAlias, prop::kWeakAlias},
    {"f.k.a.", Action::kAlias, prop::kPreviousName},
    {"n.k.a.", Action::kAlias, prop::kWeakAlias},
    {"Linked To", Action::kLinkedTo, ""},
    // Travel documents.
    {"Passport", Action::kDocument, kPass},
    {"Diplomatic Passport", Action::kDocument, kPass},
    {"Official Passport", Action::kDocument, kPass},
    {"Service Passport", Action::kDocument, kPass},
    {"Passport Booklet", Action::kDocument, kPass},
    {"British National Overseas Passport", Action::kDocument, kPass},
    {"Stateless Person Passport", Action::kDocument, kPass},
    // Personal identity documents.
    {"National ID No.", Action::kDocument, kId},
    {"National ID Number", Action::kDocument, kId},
    {"Identification Number", Action::kDocument, kId},
    {"Identity Number", Action::kDocument, kId},
    {"Cedula No.", Action::kDocument, kId},
    {"C.U.R.P.", Action::kDocument, kId},
    {"C.U.R.P. #", Action::kDocument, kId},
    {"CURP #", Action::kDocument, kId},
    {"D.N.I.", Action::kDocument, kId},
    {"Electoral Registry No.", Action::kDocument, kId},
    {"Driver's License No.", Action::kDocument, kId},
    {"Credencial electoral", Action::kDocument, kId},
    {"National Foreign ID Number", Action::kDocument, kId},
    {"Cartilla de Servicio Militar Nacional", Action::kDocument, kId},
    {"Residency Number", Action::kDocument, kId},
    {"Birth Certificate Number", Action::kDocument, kId},
    {"I.F.E.", Action::kDocument, kId},
    {"SSN", Action::kDocument, kId},
    {"Personal ID Card", Action::kDocument, kId},
    {"C.U.I.", Action::kDocument, kId},
    {"C.U.I.P.", Action::kDocument, kId},
    {"Turkish Identification Number", Action::kDocument, kId},
    {"Numero de Identidad", Action::kDocument, kId},
    {"Citizen's Card Number", Action::kDocument, kId},
    {"Travel Document Number", Action::kDocument, kId},
    {"VisaNumberID", Action::kDocument, kId},
    {"Tazkira National ID Card", Action::kDocument, kId},
    {"Immigration No.", Action::kDocument, kId},
    {"Refugee ID Card", Action::kDocument, kId},
    {"Moroccan Personal ID No.", Action::kDocument, kId},
    {"N.I.E.", Action::kDocument, kId},
    {"Kenyan ID No.", Action::kDocument, kId},
    {"Stateless Person ID Card", Action::kDocument, kId},
    {"CNP (Personal Numerical Code)", Action::kDocument, kId},
    {"Romanian Permanent Resident CAN", Action::kDocument, kId},
    {"Pilot License Number", Action::kDocument, kId},
    {"Seafarer's Identification Document", Action::kDocument, kId},
    {"Military Registration Number", Action::kDocument, kId},
    {"UAE Identification", Action::kDocument, kId},
    {"SRE Permit No.", Action::kDocument, kId},
    {"Tarjeta Profesional", Action::kDocument, kId},
    // Tax numbers.
    {"Tax ID No.", Action::kDocument, kTax},
    {"Tax ID Number", Action::kDocument, kTax},
    {"R.F.C.", Action::kDocument, kTax},
    {"R.F.C. #", Action::kDocument, kTax},
    {"RFC", Action::kDocument, kTax},
    {"NIT #", Action::kDocument, kTax},
    {"RUC #", Action::kDocument, kTax},
    {"V.A.T. Number", Action::kDocument, kTax},
    {"RIF #", Action::kDocument, kTax},
    {"C.U.I.T.", Action::kDocument, kTax},
    {"US FEIN", Action::kDocument, kTax},
    {"RTN", Action::kDocument, kTax},
    {"Economic Register Number (CBLS)", Action::kDocument, kTax},
    {"Numero Unico de Identificacao Tributaria (NUIT)", Action::kDocument, kTax},
    {"C.I.F.", Action::kDocument, kTax},
    {"N.I.F.", Action::kDocument, kTax},
    {"Romanian Tax Registration", Action::kDocument, kTax},
    {"Fiscal Code", Action::kDocument, kTax},
    {"Paraguayan tax identification number", Action::kDocument, kTax},
    {"RSIN", Action::kDocument, kTax},
    // Company and other registrations.
    {"Registration Number", Action::kDocument, kReg},
    {"Registration ID", Action::kDocument, kReg},
    {"Government Gazette Number", Action::kDocument, kReg},
    {"Business Registration Number", Action::kDocument, kReg},
    {"Business Registration Document #", Action::kDocument, kReg},
    {"Commercial Registry Number", Action::kDocument, kReg},
    {"Company Number", Action::kDocument, kReg},
    {"UK Company Number", Action::kDocument, kReg},
    {"Folio Mercantil No.", Action::kDocument, kReg},
    {"Matricula Mercantil No", Action::kDocument, kReg},
    {"Unified Social Credit Code (USCC)", Action::kDocument, kReg},
    {"United Social Credit Code Certificate (USCCC)", Action::kDocument, kReg},
    {"Legal Entity Number", Action::kDocument, kReg},
    {"C.R. No.", Action::kDocument, kReg},
    {"Chamber of Commerce Number", Action::kDocument, kReg},
    {"Trade License No.", Action::kDocument, kReg},
    {"Central Registration System Number", Action::kDocument, kReg},
    {"Istanbul Chamber of Comm. No.", Action::kDocument, kReg},
    {"Dubai Chamber of Commerce Membership No.", Action::kDocument, kReg},
    {"Business Number", Action::kDocument, kReg},
    {"Enterprise Number", Action::kDocument, kReg},
    {"Public Registration Number", Action::kDocument, kReg},
    {"Branch Unit Number", Action::kDocument, kReg},
    {"LE Number", Action::kDocument, kReg},
    {"Certificate of Incorporation Number", Action::kDocument, kReg},
    {"Registered Charity No.", Action::kDocument, kReg},
    {"Registration Certificate Number (Dubai)", Action::kDocument, kReg},
    {"Romanian C.R.", Action::kDocument, kReg},
    {"Organization Code", Action::kDocument, kReg},
    {"Tourism License No.", Action::kDocument, kReg},
    {"D-U-N-S Number", Action::kDocument, kReg},
    {"License", Action::kDocument, kReg},
    {"Permit Number", Action::kDocument, kReg},
    {"Afghan Money Service Provider License Number", Action::kDocument, kReg},
    {"MSB Registration Number", Action::kDocument, kReg},
    {"C.I.N.", Action::kDocument, kReg},
    {"BIK (RU)", Action::kDocument, kReg},
    {"SWIFT/BIC", Action::kDocument, prop::kSwiftBic},
    // Vessels and aircraft.
    {"Vessel Registration Identification IMO", Action::kDocument, prop::kImoNumber},
    {"Vessel Registration Identification", Action::kDocument, kReg},
    {"Identification Number IMO", Action::kDocument, prop::kImoNumber},
    {"Company Number IMO", Action::kDocument, prop::kImoNumber},
    {"IMO", Action::kDocument, prop::kImoNumber},
    {"MMSI", Action::kDocument, prop::kMmsi},
    {"Vessel Year of Build", Action::kDate, prop::kBuildDate},
    {"Former Vessel Flag", Action::kCountry, ofac_prop::kPastFlags},
    {"Other Vessel Flag", Action::kCountry, prop::kFlag},
    {"Other Vessel Call Sign", Action::kText, prop::kCallSign},
    {"Other Vessel Type", Action::kText, prop::kType},
    {"Aircraft Manufacturer's Serial Number (MSN)", Action::kDocument, ofac_prop::kSerialNumber},
    {"Aircraft Construction Number (also called L/N or S/N or F/N)", Action::kDocument,
     ofac_prop::kSerialNumber},
    {"Aircraft Construction Number", Action::kDocument, ofac_prop::kSerialNumber},
    {"Aircraft Serial Identification", Action::kDocument, ofac_prop::kSerialNumber},
    {"Aircraft Tail Number", Action::kDocument, kReg},
    {"Aircraft Manufacture Date", Action::kDate, prop::kBuildDate},
    {"Aircraft Model", Action::kText, ofac_prop::kModel},
    // Contacts.
    {"Email Address", Action::kContact, prop::kEmail},
    {"Email", Action::kContact, prop::kEmail},
    {"E-mail", Action::kContact, prop::kEmail},
    {"Website", Action::kContact, prop::kWebsite},
    {"Phone Number", Action::kContact, prop::kPhone},
    {"Phone No.", Action::kContact, prop::kPhone},
    {"Phone", Action::kContact, prop::kPhone},
    {"Telephone Number", Action::kContact, prop::kPhone},
    {"Telephone No.", Action::kContact, prop::kPhone},
    {"Telephone", Action::kContact, prop::kPhone},
    {"Fax No.", Action::kContact, prop::kPhone},
    {"Fax", Action::kContact, prop::kPhone},
    {"Digital Currency Address", Action::kCrypto, kOfacCryptoWalletKind},
    // Organizations.
    {"Organization Established Date", Action::kDate, ofac_prop::kIncorporationDate},
    {"Organization Type", Action::kText, ofac_prop::kSector},
    {"Nationality of Registration", Action::kCountry, prop::kJurisdiction},
    {"Position", Action::kText, prop::kPosition},
};

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
char LowerChar(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Labels bucketed by their first letter, longest first, so that "Passport
// Booklet" wins over "Passport" and a clause is checked against a handful.
const std::array<std::vector<const Label*>, 128>& LabelIndex() {
  static const auto* index = [] {
    auto* idx = new std::array<std::vector<const Label*>, 128>();
    for (const auto& l : kLabels)
      (*idx)[static_cast<unsigned char>(LowerChar(l.text[0]))].push_back(&l);
    for (auto& bucket : *idx)
      std::stable_sort(bucket.begin(), bucket.end(), [](const Label* a, const Label* b) {
        return a->text.size() > b->text.size();
      });
    return idx;
  }();
  return *index;
}

const Label* FindLabel(std::string_view clause) {
  if (clause.empty()) return nullptr;
  unsigned char first = static_cast<unsigned char>(LowerChar(clause[0]));
  if (first >= 128) return nullptr;
  for (const Label* l : LabelIndex()[first]) {
    if (!IStartsWith(clause, l->text)) continue;
    // The label must end at a word boundary: "citizen" is not "Citizen's Card".
    if (clause.size() == l->text.size() || !IsAlnum(l->text.back())) return l;
    char next = clause[l->text.size()];
    if (next == ' ' || next == ':' || next == '\t') return l;
  }
  return nullptr;
}

std::string_view StripTrailingDot(std::string_view s) {
  s = Trim(s);
  while (!s.empty() && s.back() == '.') s = Trim(s.substr(0, s.size() - 1));
  return s;
}

std::string_view StripLeading(std::string_view s, std::string_view chars) {
  size_t i = 0;
  while (i < s.size() && chars.find(s[i]) != std::string_view::npos) ++i;
  return s.substr(i);
}

// True when `word` (without its final dot) is an abbreviation whose dot
// belongs to the name ("S.A.", "LTD.", "CO.").
bool KeepsDot(std::string_view word) {
  if (word.empty()) return false;
  if (word.size() == 1 || word.find('.') != std::string_view::npos) return true;
  static constexpr std::string_view kAbbreviations[] = {
      "ltd", "inc", "co", "corp", "cia",  "lda", "bhd",  "pte", "pvt", "ltda", "jr",
      "sr",  "st",  "no", "dr",   "bros", "mfg", "intl", "ste", "cie", "gen"};
  std::string lower = AsciiLower(word);
  for (auto a : kAbbreviations)
    if (lower == a) return true;
  return false;
}

// A name at the end of remarks shares its dot with the sentence: "Linked To:
// HIZBALLAH." loses it, "Linked To: KPD S.A." keeps it.
std::string_view StripSentenceDot(std::string_view name, bool* stripped) {
  name = Trim(name);
  *stripped = false;
  if (name.empty() || name.back() != '.') return name;
  std::string_view body = name.substr(0, name.size() - 1);
  size_t space = body.find_last_of(' ');
  std::string_view last = space == std::string_view::npos ? body : body.substr(space + 1);
  if (KeepsDot(last)) return name;
  *stripped = true;
  return Trim(body);
}

// "'BNC'" -> BNC; "''FUPI''" -> FUPI (a nickname in quotes); "''ABD-AL-'IZ'"
// -> 'ABD-AL-'IZ (the inner quotes are letters).
std::string Unquote(std::string_view s) {
  s = Trim(s);
  if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') {
    s = Trim(s.substr(1, s.size() - 2));
    if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') s = Trim(s.substr(1, s.size() - 2));
  } else if (!s.empty() && s.front() == '\'') {
    s = Trim(s.substr(1));  // never closed
  }
  return std::string(s);
}

std::string_view WithoutAlt(std::string_view clause) {
  if (IStartsWith(clause, "alt.")) return Trim(clause.substr(4));
  return clause;
}

bool IsAliasLabel(std::string_view clause) {
  clause = WithoutAlt(clause);
  return IStartsWith(clause, "a.k.a.") || IStartsWith(clause, "f.k.a.") ||
         IStartsWith(clause, "n.k.a.");
}

// "a.k.a. 'ABC" — an alias whose closing quote is in a later piece.
bool OpensUnclosedAlias(std::string_view clause) {
  if (!IsAliasLabel(clause)) return false;
  std::string_view body = Trim(WithoutAlt(clause).substr(6));
  if (body.empty() || body.front() != '\'') return false;
  body = StripTrailingDot(body);
  return body.size() < 2 || body.back() != '\'';
}

bool ClosesAlias(std::string_view piece) {
  if (IsAliasLabel(piece) || FindLabel(WithoutAlt(piece)) != nullptr) return false;
  piece = StripTrailingDot(piece);
  return !piece.empty() && piece.back() == '\'';
}

struct DocumentParts {
  std::string value;
  std::string country;
  std::string tail;  // "issued 28 Oct 2008 expires 29 Oct 2013"
};

// "T14553558 (Iran) issued 28 Oct 2008 expires 29 Oct 2013".
DocumentParts ParseDocument(std::string_view rest) {
  DocumentParts out;
  rest = StripTrailingDot(rest);
  size_t cut = std::string_view::npos;
  for (std::string_view word : {" issued", " expires", " expired"}) {
    size_t at = IFind(rest, word);
    while (at != std::string_view::npos && at + word.size() < rest.size() &&
           rest[at + word.size()] != ' ')
      at = IFind(rest, word, at + 1);
    if (at != std::string_view::npos) cut = std::min(cut, at);
  }
  std::string_view head = Trim(rest.substr(0, cut));
  if (cut != std::string_view::npos) out.tail = std::string(Trim(rest.substr(cut)));
  // Trailing parentheses naming a country; other parentheses are part of the
  // value ("HRA 738077 (Stuttgart)").
  while (!head.empty() && head.back() == ')' && out.country.empty()) {
    size_t open = head.rfind('(');
    if (open == std::string_view::npos) break;
    auto code = OfacCountryCode(head.substr(open + 1, head.size() - open - 2));
    if (!code) break;
    out.country = *code;
    head = Trim(head.substr(0, open));
  }
  out.value = std::string(head);
  return out;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class RemarksApplier {
 public:
  RemarksApplier(Entity& entity, std::vector<Diagnostic>* warnings, std::string_view where)
      : entity_(entity), warnings_(warnings), where_(where) {
    is_person_ = entity.schema() == schema::kPerson;
  }

  // `last`: the clause ends the remarks, so its final dot may be the
  // sentence's rather than the value's.
  void Apply(const std::string& clause_text, bool last) {
    last_ = last;
    std::string_view clause = Trim(clause_text);
    if (clause.empty() || clause == "-0-") return;
    std::string_view body = WithoutAlt(clause);
    const Label* label = FindLabel(body);
    if (label == nullptr) {
      if (!TryGenericDocument(body)) Note(clause);
      return;
    }
    std::string_view source_label = body.substr(0, label->text.size());
    std::string_view rest = Trim(StripLeading(body.substr(label->text.size()), ": \t"));
    switch (label->action) {
      case Action::kDob:
        AddDate(prop::kBirthDate, rest, clause);
        break;
      case Action::kPob:
        if (!AddText(prop::kBirthPlace, StripTrailingDot(rest))) Note(clause);
        break;
      case Action::kNationality:
      case Action::kCitizen: {
        auto code = OfacCountryCode(StripTrailingDot(rest));
        if (!code) {
          Note(clause);
        } else if (!is_person_) {
          entity_.Add(prop::kCountry, *code);
        } else {
          entity_.Add(
              label->action == Action::kNationality ? prop::kNationality : prop::kCitizenship,
              *code);
        }
        break;
      }
      case Action::kGender: {
        std::string g = AsciiLower(StripTrailingDot(rest));
        if (g == "male" || g == "female")
          entity_.Add(prop::kGender, g);
        else
          Note(clause);
        break;
      }
      case Action::kAlias: {
        std::string name = Unquote(StripTrailingDot(StripLeading(rest, ", ")));
        if (name.empty())
          Note(clause);
        else
          entity_.Add(label->kind, name);
        break;
      }
      case Action::kLinkedTo: {
        bool stripped = false;
        std::string_view name = StripSentenceDot(rest, &stripped);
        if (name.empty()) {
          Note(clause);
          break;
        }
        std::string_view wording = clause;
        if (stripped && !wording.empty() && wording.back() == '.') wording.remove_suffix(1);
        entity_.AddRelation({"linkedTo", "", std::string(name), std::string(Trim(wording))});
        break;
      }
      case Action::kDocument:
        AddDocument(label->kind, source_label, rest, clause);
        break;
      case Action::kContact: {
        std::string_view value = StripTrailingDot(rest);
        if (value.empty()) {
          Note(clause);
          break;
        }
        entity_.AddIdentifier(
            {std::string(label->kind), std::string(value), "", std::string(source_label)});
        entity_.Add(label->kind, value);
        break;
      }
      case Action::kCrypto: {
        // "Digital Currency Address - XBT 12QtD5BF…"
        std::string_view r = Trim(StripLeading(rest, "-: \t"));
        size_t space = r.find(' ');
        std::string_view address = space == std::string_view::npos
                                       ? std::string_view()
                                       : StripTrailingDot(r.substr(space));
        if (address.empty()) {
          Note(clause);
          break;
        }
        entity_.AddIdentifier({std::string(kOfacCryptoWalletKind), std::string(address), "",
                               AsciiUpper(r.substr(0, space))});
        break;
      }
      case Action::kDate:
        AddDate(label->kind, rest, clause);
        break;
      case Action::kText:
        if (!AddText(label->kind, StripTrailingDot(rest))) Note(clause);
        break;
      case Action::kCountry: {
        auto code = OfacCountryCode(StripTrailingDot(rest));
        if (code)
          entity_.Add(label->kind, *code);
        else
          Note(clause);
        break;
      }
    }
  }

 private:
  void Note(std::string_view clause) {
    bool stripped = false;
    entity_.Add(prop::kNotes, last_ ? StripSentenceDot(clause, &stripped) : clause);
  }

  void Warn(std::string message) {
    if (warnings_ != nullptr) warnings_->push_back({std::string(where_), std::move(message)});
  }

  bool AddText(std::string_view property, std::string_view value) {
    if (Trim(value).empty()) return false;
    entity_.Add(property, value);
    return true;
  }

  void AddDate(std::string_view property, std::string_view text, std::string_view clause) {
    std::string iso = OfacDateToIso(text);
    if (iso.empty()) {
      Note(clause);
      Warn("unreadable date in remarks: '" + std::string(clause) + "'");
      return;
    }
    entity_.Add(property, iso);
  }

  void AddDocument(std::string_view kind, std::string_view source_label, std::string_view rest,
                   std::string_view clause) {
    DocumentParts parts = ParseDocument(rest);
    if (parts.value.empty()) {
      Note(clause);
      return;
    }
    // A BIC carries its country in letters 5-6.
    if (kind == prop::kSwiftBic && parts.country.empty() &&
        (parts.value.size() == 8 || parts.value.size() == 11)) {
      std::string cc = AsciiLower(std::string_view(parts.value).substr(4, 2));
      if (!CountryName(cc).empty()) parts.country = cc;
    }
    std::string detail(source_label);
    if (!parts.tail.empty()) detail += " " + parts.tail;
    entity_.Add(kind, parts.value);
    entity_.AddIdentifier(
        {std::string(kind), std::move(parts.value), std::move(parts.country), std::move(detail)});
  }

  // OFAC keeps adding document types; any "<Label> <value with digits>
  // (<Country>)" clause is one, even when its label is new.
  bool TryGenericDocument(std::string_view body) {
    DocumentParts parts = ParseDocument(body);
    if (parts.country.empty()) return false;
    std::string_view head = parts.value;
    size_t pos = 0;
    size_t value_start = std::string_view::npos;
    while (pos < head.size()) {
      size_t end = head.find(' ', pos);
      if (end == std::string_view::npos) end = head.size();
      if (HasDigit(head.substr(pos, end - pos))) {
        value_start = pos;
        break;
      }
      pos = end + 1;
    }
    if (value_start == std::string_view::npos || value_start == 0) return false;
    std::string_view label = Trim(head.substr(0, value_start));
    std::string_view value = Trim(head.substr(value_start));
    // Prose with a number in it is a sentence, not a document.
    if (std::count(label.begin(), label.end(), ' ') > 6 ||
        label.find(':') != std::string_view::npos || value.find(": ") != std::string_view::npos)
      return false;
    std::string_view kind = is_person_ ? prop::kIdNumber : prop::kRegistrationNumber;
    std::string detail(label);
    if (!parts.tail.empty()) detail += " " + parts.tail;
    entity_.Add(kind, value);
    entity_.AddIdentifier({std::string(kind), std::string(value), parts.country, detail});
    return true;
  }

  Entity& entity_;
  std::vector<Diagnostic>* warnings_;
  std::string_view where_;
  bool is_person_ = false;
  bool last_ = false;
};

}  // namespace

std::optional<std::string> OfacCountryCode(std::string_view text) {
  text = Trim(text);
  if (text.size() <= 2) return std::nullopt;
  if (auto code = CountryCode(text)) return code;
  std::string name(text);
  if (IStartsWith(name, "Region:")) name = std::string(Trim(std::string_view(name).substr(7)));
  // "Virgin Islands, British" -> "British Virgin Islands"; "North Macedonia,
  // The Republic of" -> "North Macedonia".
  size_t comma = name.find(", ");
  if (comma != std::string::npos) {
    std::string head = name.substr(0, comma);
    std::string tail = name.substr(comma + 2);
    if (IStartsWith(tail, "The Republic of") || IStartsWith(tail, "Republic of")) {
      name = head;
    } else if (tail.find(',') == std::string::npos) {
      if (auto code = CountryCode(tail + " " + head)) return code;
    }
  }
  if (auto code = CountryCode(name)) return code;
  std::string amp = ReplaceAll(name, " and ", " & ");
  if (amp != name) return CountryCode(amp);
  return std::nullopt;
}

std::string OfacDateToIso(std::string_view text) {
  text = StripTrailingDot(text);
  PartialDate date;
  bool circa = false;
  for (std::string_view prefix : {"circa ", "approximately ", "approx. ", "about ", "ca. "}) {
    if (IStartsWith(text, prefix)) {
      circa = true;
      text = Trim(text.substr(prefix.size()));
      break;
    }
  }
  if (text.empty()) return "";
  std::string_view from_text = text, to_text;
  size_t to = IFind(text, " to ");
  if (to != std::string_view::npos) {
    from_text = Trim(text.substr(0, to));
    to_text = Trim(text.substr(to + 4));
  } else if (text.size() == 9 && text[4] == '-' && IsAsciiDigits(text.substr(0, 4)) &&
             IsAsciiDigits(text.substr(5))) {
    // "1979-1982" is a range of years, not a year and a month.
    from_text = text.substr(0, 4);
    to_text = text.substr(5);
  }
  auto from = ParseSingleDate(from_text);
  if (!from) return "";
  date = *from;
  if (!to_text.empty()) {
    auto until = ParseSingleDate(to_text);
    if (!until || until->year < from->year) return "";
    if (until->year > from->year) {
      date.year_to = until->year;
      date.month = 0;
      date.day = 0;
    } else if (until->month != from->month) {
      date.month = 0;
      date.day = 0;
    } else if (until->day != from->day) {
      date.day = 0;
    }
  }
  date.circa = circa;
  return date.ToString();
}

std::vector<std::string> SplitOfacRemarks(std::string_view remarks) {
  std::vector<std::string_view> pieces;
  for (auto piece : Split(remarks, ';')) {
    piece = Trim(piece);
    if (!piece.empty()) pieces.push_back(piece);
  }
  std::vector<std::string> out;
  out.reserve(pieces.size());
  for (size_t i = 0; i < pieces.size(); ++i) {
    std::string clause(pieces[i]);
    if (OpensUnclosedAlias(clause)) {
      for (size_t j = i + 1; j < pieces.size() && j <= i + 3; ++j) {
        if (IsAliasLabel(pieces[j])) break;
        if (!ClosesAlias(pieces[j])) continue;
        for (size_t k = i + 1; k <= j; ++k) {
          clause += "; ";
          clause += pieces[k];
        }
        i = j;
        break;
      }
    }
    out.push_back(std::move(clause));
  }
  return out;
}

void ApplyOfacRemarks(std::string_view remarks, Entity& entity, std::vector<Diagnostic>* warnings,
                      std::string_view where) {
  remarks = Trim(remarks);
  if (remarks.empty() || remarks == "-0-") return;
  RemarksApplier applier(entity, warnings, where);
  std::vector<std::string> clauses = SplitOfacRemarks(remarks);
  for (size_t i = 0; i < clauses.size(); ++i) applier.Apply(clauses[i], i + 1 == clauses.size());
  // An alias left open to the end is still a name; say so, it may be cut short.
  for (const auto& clause : clauses) {
    if (OpensUnclosedAlias(clause) && warnings != nullptr)
      warnings->push_back({std::string(where), "alias without closing quote: " + clause});
  }
}

}  // namespace vigil
