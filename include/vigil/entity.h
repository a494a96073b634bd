// The entity model: one record of a sanctions list (or of a user's watchlist),
// shaped like FollowTheMoney (FtM) so that FtM data goes in and out without loss.
//
// An Entity is a plain value: copyable, movable, no hidden sharing. It is not
// thread-safe to mutate; a finished Entity inside a Catalog is immutable and can
// be read from any number of threads.
//
// Property values are strings in FtM's conventions:
//   - countries: ISO 3166-1 alpha-2, lower case ("kp", "cn"); unknown names are
//     kept verbatim in `notes` by parsers rather than guessed;
//   - dates: ISO prefixes "1947", "1947-05", "1947-05-03"; vigil extends them
//     with "~1947" (circa) and "1950/1955" (a range), see PartialDate;
//   - everything else: the source's text, trimmed.
#ifndef VIGIL_ENTITY_H_
#define VIGIL_ENTITY_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/status.h"

namespace vigil {

// FtM schema names used by vigil. Entities keep the schema as a string so that
// FtM schemas vigil does not know (e.g. "Airplane", "Security") survive a round
// trip; these constants are the ones the parsers produce.
namespace schema {
inline constexpr std::string_view kThing = "Thing";
inline constexpr std::string_view kLegalEntity = "LegalEntity";
inline constexpr std::string_view kPerson = "Person";
inline constexpr std::string_view kOrganization = "Organization";
inline constexpr std::string_view kCompany = "Company";
inline constexpr std::string_view kVessel = "Vessel";
inline constexpr std::string_view kAirplane = "Airplane";
inline constexpr std::string_view kCryptoWallet = "CryptoWallet";
inline constexpr std::string_view kBankAccount = "BankAccount";
inline constexpr std::string_view kAddress = "Address";
}  // namespace schema

// Broad kinds used when comparing a query with a listed entity.
enum class SchemaKind : uint8_t { kUnknown, kPerson, kOrganization, kVessel, kAirplane, kOther };
SchemaKind KindOfSchema(std::string_view schema);
// True when an entity of schema `a` may be the same thing as one of `b`
// (Company~Organization~LegalEntity, Person~LegalEntity, anything~Thing).
bool SchemasCompatible(std::string_view a, std::string_view b);

// Property names (FtM spelling). Parsers use these, never literals.
namespace prop {
inline constexpr std::string_view kName = "name";
inline constexpr std::string_view kAlias = "alias";
inline constexpr std::string_view kWeakAlias = "weakAlias";
inline constexpr std::string_view kPreviousName = "previousName";
inline constexpr std::string_view kFirstName = "firstName";
inline constexpr std::string_view kMiddleName = "middleName";
inline constexpr std::string_view kLastName = "lastName";
inline constexpr std::string_view kFatherName = "fatherName";
inline constexpr std::string_view kTitle = "title";
inline constexpr std::string_view kPosition = "position";
inline constexpr std::string_view kBirthDate = "birthDate";
inline constexpr std::string_view kBirthPlace = "birthPlace";
inline constexpr std::string_view kNationality = "nationality";
inline constexpr std::string_view kCitizenship = "citizenship";
inline constexpr std::string_view kCountry = "country";
inline constexpr std::string_view kJurisdiction = "jurisdiction";
inline constexpr std::string_view kGender = "gender";
inline constexpr std::string_view kIdNumber = "idNumber";
inline constexpr std::string_view kPassportNumber = "passportNumber";
inline constexpr std::string_view kTaxNumber = "taxNumber";
inline constexpr std::string_view kRegistrationNumber = "registrationNumber";
inline constexpr std::string_view kSwiftBic = "swiftBic";
inline constexpr std::string_view kImoNumber = "imoNumber";
inline constexpr std::string_view kMmsi = "mmsi";
inline constexpr std::string_view kCallSign = "callSign";
inline constexpr std::string_view kFlag = "flag";
inline constexpr std::string_view kBuildDate = "buildDate";
inline constexpr std::string_view kEmail = "email";
inline constexpr std::string_view kPhone = "phone";
inline constexpr std::string_view kWebsite = "website";
inline constexpr std::string_view kAddress = "address";
inline constexpr std::string_view kProgram = "program";
inline constexpr std::string_view kListingDate = "listingDate";
inline constexpr std::string_view kSourceUrl = "sourceUrl";
inline constexpr std::string_view kNotes = "notes";
inline constexpr std::string_view kSourceId = "sourceId";
inline constexpr std::string_view kModifiedAt = "modifiedAt";
inline constexpr std::string_view kType = "type";
}  // namespace prop

// Which properties hold names to match against (in order of authority).
bool IsNameProperty(std::string_view property);

// A date that may be known only to the year or month, approximately ("circa"),
// or as a range of years. Text forms: "1947", "1947-05", "1947-05-03",
// "~1947" (circa), "1950/1955" (range; each end may be a partial date).
struct PartialDate {
  int year = 0;   // 0 = unknown
  int month = 0;  // 1..12, 0 = unknown
  int day = 0;    // 1..31, 0 = unknown
  bool circa = false;
  int year_to = 0;  // > year for a range of years, else 0

  static std::optional<PartialDate> Parse(std::string_view text);
  std::string ToString() const;
  bool operator==(const PartialDate&) const = default;
};

// An identifying document or code, with what issued it.
struct Identifier {
  std::string kind;     // FtM property: passportNumber, idNumber, taxNumber,
                        // registrationNumber, swiftBic, imoNumber, mmsi,
                        // cryptoWallet, email, phone, website …
  std::string value;    // as the source writes it
  std::string country;  // issuing country, ISO alpha-2, may be empty
  std::string detail;   // the source's wording of the type ("Citizen's Card
                        // Number"), a wallet's currency ("XBT"), dates …
  bool operator==(const Identifier&) const = default;
};

// A link from this entity to another, with the source's own wording.
struct Relation {
  std::string kind;         // linkedTo, ownerOf, ownedBy, directorOf, associate …
  std::string target_id;    // a stable vigil id when resolvable, else empty
  std::string target_name;  // the source's name of the other side
  std::string wording;      // e.g. "Linked To: KOREA MINING DEVELOPMENT ..."
  bool operator==(const Relation&) const = default;
};

class Entity {
 public:
  using PropertyMap = std::map<std::string, std::vector<std::string>, std::less<>>;

  Entity() = default;
  Entity(std::string id, std::string_view schema) : id_(std::move(id)), schema_(schema) {}

  const std::string& id() const { return id_; }
  void set_id(std::string id) { id_ = std::move(id); }
  const std::string& schema() const { return schema_; }
  void set_schema(std::string_view schema) { schema_ = schema; }

  // The display name: the first "name" value, else the first alias, else id.
  const std::string& caption() const;

  // Adds a value (trimmed; empty and duplicate values are ignored).
  void Add(std::string_view property, std::string_view value);
  // All values of a property; an empty vector when absent.
  const std::vector<std::string>& Get(std::string_view property) const;
  bool Has(std::string_view property) const { return !Get(property).empty(); }
  // First value or empty.
  std::string_view First(std::string_view property) const;
  void Remove(std::string_view property) { properties_.erase(std::string(property)); }
  const PropertyMap& properties() const { return properties_; }

  // Every name the entity is known by: name, alias, previousName, weakAlias
  // (in that order), without duplicates.
  std::vector<std::string> AllNames() const;

  void AddIdentifier(Identifier identifier);
  const std::vector<Identifier>& identifiers() const { return identifiers_; }

  void AddRelation(Relation relation);
  const std::vector<Relation>& relations() const { return relations_; }
  std::vector<Relation>& mutable_relations() { return relations_; }

  void AddDataset(std::string_view dataset);
  const std::vector<std::string>& datasets() const { return datasets_; }
  void AddTopic(std::string_view topic);
  const std::vector<std::string>& topics() const { return topics_; }

  // Merges another record of the same real-world entity into this one (values,
  // identifiers, relations, datasets, topics). Ids and schema stay this one's.
  void Merge(const Entity& other);

  bool operator==(const Entity&) const = default;

 private:
  std::string id_;
  std::string schema_;
  PropertyMap properties_;
  std::vector<Identifier> identifiers_;
  std::vector<Relation> relations_;
  std::vector<std::string> datasets_;
  std::vector<std::string> topics_;
};

// Countries: maps names used by the lists ("Korea, North", "Democratic People's
// Republic of Korea", "Burma", "kp") to ISO alpha-2 codes in lower case.
// Returns nullopt when the text is not a country it knows. Thread-safe.
std::optional<std::string> CountryCode(std::string_view name_or_code);
// English short name for an alpha-2 code ("kp" -> "North Korea"); empty if unknown.
std::string CountryName(std::string_view code);

}  // namespace vigil

#endif  // VIGIL_ENTITY_H_
