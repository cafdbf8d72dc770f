// libxml2 tree helpers for the news XML parsers (private header). Elements are
// matched by local name so documents read the same with or without namespaces
// (and with undeclared prefixes such as a feed's "dc:creator").
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

namespace morgue::news {

// Deepest element nesting we walk. libxml2 refuses deeper documents itself
// (without XML_PARSE_HUGE); every recursive walk here also stops at this depth,
// so a hostile document can never exhaust the stack.
inline constexpr int kMaxElementDepth = 256;

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

// The element's name without any "prefix:" ("dc:creator" -> "creator").
std::string_view local_name(const xmlNode* node);
bool is_element(const xmlNode* node, std::string_view name);

// First child element (or all child elements) with that local name; nullptr/empty when none.
const xmlNode* child(const xmlNode* parent, std::string_view name);
std::vector<const xmlNode*> children(const xmlNode* parent, std::string_view name);
// First child element with that local name that belongs to the parent's own
// vocabulary: no namespace, the default namespace or the parent's namespace.
// Keeps an extension's <media:title> from standing in for an item's <title>.
const xmlNode* own_child(const xmlNode* parent, std::string_view name);
std::vector<const xmlNode*> own_children(const xmlNode* parent, std::string_view name);
// Follows a path of local names: child(child(parent, "a"), "b")...
const xmlNode* path(const xmlNode* parent, std::initializer_list<std::string_view> names);
// First element with that local name in the subtree (document order, depth-capped).
const xmlNode* descendant(const xmlNode* root, std::string_view name);

// Attribute by local name ("" when absent).
std::string attr(const xmlNode* node, std::string_view name);

// All text inside the node as written (line breaks kept), valid UTF-8.
std::string raw_text(const xmlNode* node);
// All text inside the node, white space collapsed, valid UTF-8.
std::string text(const xmlNode* node);
// Same, leaving out descendants with any of the given local names.
std::string text_except(const xmlNode* node, std::initializer_list<std::string_view> skipped);

// xml:lang in effect at the node ("" when none).
std::string language_at(const xmlNode* node);

// Block-structured text: paragraphs (p, div, li, headings, hl2, br...) and
// captions (media-caption, figcaption) found while walking the node. Scripts,
// styles and embedded media are skipped.
struct BlockText {
  std::vector<std::string> paragraphs;
  std::vector<std::string> captions;
  std::string body() const;  // paragraphs joined by "\n\n"
};
BlockText block_text(const xmlNode* node);

// An HTML fragment held as text (an RSS description, an Atom content of type
// "html"), parsed with libxml2's HTML parser (no network) into block text.
// Text without markup comes back as paragraphs from its line breaks.
BlockText html_fragment_text(std::string_view html);

}  // namespace morgue::news
