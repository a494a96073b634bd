// Helpers shared by the XML list parsers (OFAC sdnList, UN consolidated list,
// EU Financial Sanctions File): loading with errors that name the line,
// namespace-blind element lookup, element paths for warnings, and the small
// conversions every list needs (countries, dates, duplicate ids).
#ifndef VIGIL_LISTS_XML_UTIL_H_
#define VIGIL_LISTS_XML_UTIL_H_

#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vigil/entity.h"
#include "vigil/lists.h"
#include "vigil/status.h"

namespace vigil::xml {

// Element name without its namespace prefix ("ns:sdnEntry" -> "sdnEntry"):
// publishers change prefixes between releases, so parsers match local names.
std::string_view LocalName(pugi::xml_node node);
// True for an element whose local name is `local`.
bool HasLocalName(pugi::xml_node node, std::string_view local);
// First child element with the given local name; an empty node when absent.
pugi::xml_node Child(pugi::xml_node node, std::string_view local);
// Text content of an element, trimmed, with broken UTF-8 replaced (U+FFFD).
std::string Text(pugi::xml_node node);
// Text of the first child `local`; empty when absent.
std::string ChildText(pugi::xml_node node, std::string_view local);
// Attribute value, trimmed and UTF-8 safe; empty when absent.
std::string Attr(pugi::xml_node node, const char* name);

template <typename F>
void ForEachChild(pugi::xml_node node, std::string_view local, F&& f) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (HasLocalName(c, local)) f(c);
  }
}

// Joins the non-empty parts with `sep`.
std::string JoinNonEmpty(const std::vector<std::string>& parts, std::string_view sep);

// A parsed XML document that remembers its name and line starts, so that
// errors and warnings can say where they come from.
class Document {
 public:
  // Parses `text`. Malformed XML gives a ParseError "name:LINE: ...".
  static Result<Document> Parse(std::string_view text, std::string_view name);
  // Like Parse, then checks that the root element has the local name `root`.
  static Result<Document> ParseWithRoot(std::string_view text, std::string_view name,
                                        std::string_view root);

  pugi::xml_node root() const { return doc_->document_element(); }
  const std::string& name() const { return name_; }
  // 1-based line of a byte offset in the source text.
  int LineOfOffset(size_t offset) const;
  // 1-based line of an element; 0 when pugixml cannot tell.
  int LineOf(pugi::xml_node node) const;
  // "name:/sdnList/sdnEntry[12]", the `where` of a Diagnostic.
  std::string Where(pugi::xml_node node) const;
  // A warning about `node`; the message gets " (line N)" appended.
  Diagnostic Warning(pugi::xml_node node, std::string_view message) const;

 private:
  std::unique_ptr<pugi::xml_document> doc_;
  std::string name_;
  std::vector<size_t> newlines_;  // offsets of '\n' in the source text
};

// Collects parsed entities. A record whose id was already seen is merged into
// the first one (lists do repeat records) and reported as a warning.
class EntitySink {
 public:
  EntitySink(const Document& doc, ParsedSource& out) : doc_(doc), out_(out) {}
  void Add(Entity entity, pugi::xml_node node);

 private:
  const Document& doc_;
  ParsedSource& out_;
  std::unordered_map<std::string, size_t> index_;
};

// Adds the ISO code of `text` (a country name or code) to `property`. Unknown
// names are kept verbatim in notes ("nationality: Palestinian"), never guessed.
void AddCountry(Entity& entity, std::string_view property, std::string_view text);
// ISO code of a country name, or empty.
std::string CountryOrEmpty(std::string_view text);
// A date or timestamp ("2026-02-27T00:00:09.554Z") as an ISO date; empty when
// the text is not one.
std::string IsoDate(std::string_view text);
// "Male" -> "male", "F" -> "female"; empty when unknown.
std::string Gender(std::string_view text);

}  // namespace vigil::xml

#endif  // VIGIL_LISTS_XML_UTIL_H_
