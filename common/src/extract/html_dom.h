// libxml2 DOM helpers for the HTML extractor (private header).
//
// Every walk here is iterative: hostile pages nest elements hundreds of
// thousands deep, and a recursive walk would overflow the stack.
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace morgue::html {

struct DocFree {
  void operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

// Parses `bytes` as HTML in `encoding` (a name libxml2 knows; "UTF-8" when the
// caller decoded the page itself). Never touches the network; ignores the
// page's own charset declarations (the caller sniffed them already).
// Returns nullptr when libxml2 builds no document. Thread-safe. A page of
// kPushParseFromBytes or more is handed to libxml2's push parser
// kParseChunkBytes at a time (bounded buffers), a smaller one read whole.
inline constexpr std::size_t kParseChunkBytes = 64 * 1024;
inline constexpr std::size_t kPushParseFromBytes = 4u << 20;
DocPtr parse_document(std::string_view bytes, const char* encoding);

inline bool is_element(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }

// Lower-case tag name of an element ("" for other nodes). libxml2's HTML
// parser already lower-cases names.
inline std::string_view tag_of(const xmlNode* n) {
  if (n->type != XML_ELEMENT_NODE || n->name == nullptr) return {};
  return reinterpret_cast<const char*>(n->name);
}

// Value of attribute `name` (lower-case) as stored in the tree, or "" when
// absent. The view lives as long as the document.
std::string_view attr_of(const xmlNode* n, const char* name);
bool has_attr(const xmlNode* n, const char* name);

// Lower-cased "class id" of an element, cut to a sane length so that a
// megabyte-long class attribute costs nothing.
std::string class_and_id(const xmlNode* n);

// True when any of `needles` occurs in `hay`.
bool contains_any(std::string_view hay, std::span<const std::string_view> needles);
inline bool contains_any(std::string_view hay, std::initializer_list<std::string_view> needles) {
  return contains_any(hay, std::span<const std::string_view>(needles.begin(), needles.size()));
}

// Text content of the subtree under `n` with white space collapsed, without
// script/style, stopping after `max_bytes` of text or `max_nodes` nodes.
std::string text_of(const xmlNode* n, std::size_t max_bytes = 4096, std::size_t max_nodes = 4000);

// The node after `n` in document order inside `root`; `descend` = false skips
// n's children. nullptr at the end of root's subtree.
inline const xmlNode* next_node(const xmlNode* n, const xmlNode* root, bool descend) {
  if (descend && n->children != nullptr &&
      (n->type == XML_ELEMENT_NODE || n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE)) {
    return n->children;
  }
  while (n != nullptr && n != root) {
    if (n->next != nullptr) return n->next;
    n = n->parent;
  }
  return nullptr;
}

// Walks the subtree under `root` in document order. `enter(node)` returns
// whether to descend; `leave(node)` is called after the children of every
// node whose enter returned true.
template <class Enter, class Leave>
void walk(const xmlNode* root, Enter&& enter, Leave&& leave) {
  const xmlNode* n = root;
  while (n != nullptr) {
    bool open = enter(n);
    if (open && n->children != nullptr) {
      n = n->children;
      continue;
    }
    if (open) leave(n);
    while (n != root && n->next == nullptr) {
      n = n->parent;
      if (n == nullptr) return;
      leave(n);
    }
    if (n == root) return;
    n = n->next;
  }
}

// Appends text with white space collapsed to one space; `pending_space` carries
// state between calls so that adjacent text nodes join correctly.
void append_collapsed(std::string& out, std::string_view text, bool& pending_space);

// Number of code points in UTF-8 text.
std::size_t count_chars(std::string_view s);

}  // namespace morgue::html
