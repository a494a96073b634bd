#include "lists/xml_util.h"

#include <algorithm>
#include <cstring>
#include <exception>

#include "core/strings.h"

namespace vigil::xml {

std::string_view LocalName(pugi::xml_node node) {
  std::string_view name = node.name();
  size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool HasLocalName(pugi::xml_node node, std::string_view local) {
  // Child lookups dominate parsing time, so compare without measuring the
  // name first: most names are unprefixed and differ in their first byte.
  const char* name = node.name();
  size_t i = 0;
  while (i < local.size() && name[i] == local[i]) ++i;
  bool match = i == local.size() && name[i] == '\0';
  if (!match) {
    const char* colon = std::strrchr(name, ':');
    match = colon != nullptr && std::string_view(colon + 1) == local;
  }
  return match && node.type() == pugi::node_element;
}

pugi::xml_node Child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (HasLocalName(c, local)) return c;
  }
  return {};
}

std::string Text(pugi::xml_node node) {
  if (!node) return {};
  // child_value() is the first text child; CDATA or mixed content is rare in
  // these lists, so gather every direct text piece.
  pugi::xml_node first = node.first_child();
  if (first && !first.next_sibling() && first.type() == pugi::node_pcdata)
    return SanitizeUtf8(Trim(first.value()));
  std::string text;
  for (pugi::xml_node c = first; c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) text += c.value();
  }
  return SanitizeUtf8(Trim(text));
}

std::string ChildText(pugi::xml_node node, std::string_view local) {
  return Text(Child(node, local));
}

std::string Attr(pugi::xml_node node, const char* name) {
  pugi::xml_attribute a = node.attribute(name);
  if (!a) return {};
  return SanitizeUtf8(Trim(a.value()));
}

std::string JoinNonEmpty(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

Result<Document> Document::Parse(std::string_view text, std::string_view name) {
  Document d;
  d.name_ = std::string(name);
  for (const char* p = text.data(); p < text.data() + text.size();) {
    const void* nl = std::memchr(p, '\n', static_cast<size_t>(text.data() + text.size() - p));
    if (!nl) break;
    const char* at = static_cast<const char*>(nl);
    d.newlines_.push_back(static_cast<size_t>(at - text.data()));
    p = at + 1;
  }
  try {
    d.doc_ = std::make_unique<pugi::xml_document>();
    pugi::xml_parse_result r = d.doc_->load_buffer(text.data(), text.size());
    if (!r) {
      size_t offset = r.offset < 0 ? 0 : static_cast<size_t>(r.offset);
      return Status::ParseError(d.name_ + ":" + std::to_string(d.LineOfOffset(offset)) +
                                ": malformed XML: " + r.description() + " (byte " +
                                std::to_string(offset) + ")");
    }
  } catch (const std::exception& e) {
    // pugixml only throws std::bad_alloc; keep it inside the parser boundary.
    return Status::ParseError(d.name_ + ": cannot parse XML: " + e.what());
  }
  if (!d.root()) return Status::ParseError(d.name_ + ":1: no root element");
  return d;
}

Result<Document> Document::ParseWithRoot(std::string_view text, std::string_view name,
                                         std::string_view root) {
  VIGIL_ASSIGN_OR_RETURN(Document d, Parse(text, name));
  if (LocalName(d.root()) != root) {
    return Status::ParseError(d.name_ + ":" + std::to_string(d.LineOf(d.root())) +
                              ": expected root element <" + std::string(root) + ">, found <" +
                              SanitizeUtf8(d.root().name()) + ">");
  }
  return d;
}

int Document::LineOfOffset(size_t offset) const {
  auto it = std::lower_bound(newlines_.begin(), newlines_.end(), offset);
  return static_cast<int>(it - newlines_.begin()) + 1;
}

int Document::LineOf(pugi::xml_node node) const {
  ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return 0;
  return LineOfOffset(static_cast<size_t>(offset));
}

std::string Document::Where(pugi::xml_node node) const {
  std::vector<std::string> steps;
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    std::string step(LocalName(n));
    if (n.parent() && n.parent().type() == pugi::node_element) {
      int index = 1;
      for (pugi::xml_node s = n.previous_sibling(); s; s = s.previous_sibling()) {
        if (s.type() == pugi::node_element && LocalName(s) == LocalName(n)) ++index;
      }
      step += "[" + std::to_string(index) + "]";
    }
    steps.push_back(SanitizeUtf8(step));
  }
  std::string path;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) path += "/" + *it;
  return name_ + ":" + path;
}

Diagnostic Document::Warning(pugi::xml_node node, std::string_view message) const {
  std::string msg(message);
  int line = LineOf(node);
  if (line > 0) msg += " (line " + std::to_string(line) + ")";
  return Diagnostic{Where(node), std::move(msg)};
}

void EntitySink::Add(Entity entity, pugi::xml_node node) {
  auto [it, inserted] = index_.emplace(entity.id(), out_.entities.size());
  if (inserted) {
    out_.entities.push_back(std::move(entity));
    return;
  }
  out_.warnings.push_back(
      doc_.Warning(node, "repeated record id " + entity.id() + "; merged into the first one"));
  out_.entities[it->second].Merge(entity);
}

std::string CountryOrEmpty(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return {};
  auto code = CountryCode(text);
  if (!code) {
    // Lists invert names to sort them ("Virgin Islands, British").
    size_t comma = text.rfind(", ");
    if (comma != std::string_view::npos) {
      code = CountryCode(std::string(text.substr(comma + 2)) + " " +
                         std::string(text.substr(0, comma)));
    }
  }
  return code ? *code : std::string();
}

void AddCountry(Entity& entity, std::string_view property, std::string_view text) {
  text = Trim(text);
  if (text.empty()) return;
  std::string code = CountryOrEmpty(text);
  if (!code.empty()) {
    entity.Add(property, code);
  } else {
    entity.Add(prop::kNotes, std::string(property) + ": " + std::string(text));
  }
}

std::string IsoDate(std::string_view text) {
  auto d = PartialDate::Parse(text);
  return d ? d->ToString() : std::string();
}

std::string Gender(std::string_view text) {
  text = Trim(text);
  if (IEquals(text, "male") || IEquals(text, "m")) return "male";
  if (IEquals(text, "female") || IEquals(text, "f")) return "female";
  return {};
}

}  // namespace vigil::xml
