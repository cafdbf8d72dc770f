#include "extract/news_xml_tree.h"

#include <climits>

#include <libxml/HTMLparser.h>

#include "extract/encoding.h"
#include "extract/news_xml_fields.h"
#include "util/strings.h"

namespace morgue::news {
namespace {

struct XmlCharFree {
  void operator()(xmlChar* p) const { xmlFree(p); }
};
using XmlString = std::unique_ptr<xmlChar, XmlCharFree>;

std::string take(XmlString s) { return s ? std::string(reinterpret_cast<const char*>(s.get())) : std::string(); }

bool name_in(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (util::iequals(name, n)) return true;
  }
  return false;
}

void append_text(const xmlNode* node, int depth, std::initializer_list<std::string_view> skipped, std::string& out) {
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE && depth < kMaxElementDepth && !name_in(local_name(c), skipped)) {
      // No space added: inline markup ("<location>X</location>, May 2") sits against punctuation.
      append_text(c, depth + 1, skipped, out);
    }
  }
}

// Elements whose text is not part of the story.
bool is_skipped(std::string_view name) {
  return name_in(name, {"script", "style", "noscript", "iframe", "object", "embed", "template", "svg",
                        "head", "nav", "media-reference", "media-object", "media-metadata", "button", "form"});
}

bool is_caption(std::string_view name) { return name_in(name, {"media-caption", "media-producer", "figcaption"}); }

// Elements that start and end a paragraph (HTML and NITF block elements).
bool is_block(std::string_view name) {
  return name_in(name, {"p",     "div",  "li",      "ul",    "ol",     "dd",      "dt",    "dl",  "h1",
                        "h2",    "h3",   "h4",      "h5",    "h6",     "blockquote", "pre", "tr", "table",
                        "section", "article", "header", "footer", "figure", "address", "hr",  "hl1",
                        "hl2",   "block", "bq",     "note",  "fn",     "body",    "td",    "th",  "tagline"});
}

class BlockWalker {
 public:
  explicit BlockWalker(BlockText& out) : out_(out) {}

  void walk(const xmlNode* node, int depth) {
    for (const xmlNode* c = node->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        if (c->content) current_ += reinterpret_cast<const char*>(c->content);
        continue;
      }
      if (c->type != XML_ELEMENT_NODE) continue;
      std::string_view name = local_name(c);
      if (is_skipped(name)) continue;
      if (util::iequals(name, "br")) {
        flush();
        continue;
      }
      if (is_caption(name)) {
        flush();
        add_unique(out_.captions, text(c));
        continue;
      }
      if (depth >= kMaxElementDepth) continue;
      bool block = is_block(name);
      if (block) flush();
      walk(c, depth + 1);
      if (block) flush();
    }
  }

  void flush() {
    std::string p = clean_line(current_);
    if (!p.empty()) out_.paragraphs.push_back(std::move(p));
    current_.clear();
  }

 private:
  BlockText& out_;
  std::string current_;
};

}  // namespace

std::string_view local_name(const xmlNode* node) {
  if (!node || !node->name) return {};
  std::string_view name(reinterpret_cast<const char*>(node->name));
  std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool is_element(const xmlNode* node, std::string_view name) {
  return node && node->type == XML_ELEMENT_NODE && local_name(node) == name;
}

const xmlNode* child(const xmlNode* parent, std::string_view name) {
  if (!parent) return nullptr;
  for (const xmlNode* c = parent->children; c; c = c->next) {
    if (is_element(c, name)) return c;
  }
  return nullptr;
}

std::vector<const xmlNode*> children(const xmlNode* parent, std::string_view name) {
  std::vector<const xmlNode*> found;
  if (!parent) return found;
  for (const xmlNode* c = parent->children; c; c = c->next) {
    if (is_element(c, name)) found.push_back(c);
  }
  return found;
}

namespace {

bool is_own(const xmlNode* parent, const xmlNode* c, std::string_view name) {
  if (!is_element(c, name)) return false;
  std::string_view raw(reinterpret_cast<const char*>(c->name));
  if (raw.find(':') != std::string_view::npos) return false;  // undeclared prefix: an extension
  return !c->ns || !c->ns->prefix || c->ns == parent->ns ||
         (parent->ns && c->ns->href && parent->ns->href && xmlStrEqual(c->ns->href, parent->ns->href));
}

}  // namespace

const xmlNode* own_child(const xmlNode* parent, std::string_view name) {
  if (!parent) return nullptr;
  for (const xmlNode* c = parent->children; c; c = c->next) {
    if (is_own(parent, c, name)) return c;
  }
  return nullptr;
}

std::vector<const xmlNode*> own_children(const xmlNode* parent, std::string_view name) {
  std::vector<const xmlNode*> found;
  if (!parent) return found;
  for (const xmlNode* c = parent->children; c; c = c->next) {
    if (is_own(parent, c, name)) found.push_back(c);
  }
  return found;
}

const xmlNode* path(const xmlNode* parent, std::initializer_list<std::string_view> names) {
  const xmlNode* node = parent;
  for (std::string_view name : names) node = child(node, name);
  return node;
}

const xmlNode* descendant(const xmlNode* root, std::string_view name) {
  // Iterative pre-order walk: no recursion, and never deeper than the cap.
  if (!root) return nullptr;
  const xmlNode* node = root->children;
  int depth = 1;
  while (node && node != root) {
    if (is_element(node, name)) return node;
    if (node->type == XML_ELEMENT_NODE && node->children && depth < kMaxElementDepth) {
      node = node->children;
      ++depth;
      continue;
    }
    while (node && node != root && !node->next) {
      node = node->parent;
      --depth;
    }
    if (node && node != root) node = node->next;
  }
  return nullptr;
}

std::string attr(const xmlNode* node, std::string_view name) {
  if (!node || node->type != XML_ELEMENT_NODE) return "";
  for (const xmlAttr* a = node->properties; a; a = a->next) {
    std::string_view attr_name(reinterpret_cast<const char*>(a->name));
    std::size_t colon = attr_name.rfind(':');
    if (colon != std::string_view::npos) attr_name.remove_prefix(colon + 1);
    if (attr_name == name) return clean_line(take(XmlString(xmlNodeListGetString(node->doc, a->children, 1))));
  }
  return "";
}

std::string raw_text(const xmlNode* node) {
  if (!node) return "";
  // xmlNodeGetContent walks the subtree iteratively, so depth is no concern.
  return repair_utf8(take(XmlString(xmlNodeGetContent(node))));
}

std::string text(const xmlNode* node) { return text_except(node, {}); }

std::string text_except(const xmlNode* node, std::initializer_list<std::string_view> skipped) {
  if (!node) return "";
  std::string out;
  append_text(node, 0, skipped, out);
  return clean_line(out);
}

std::string language_at(const xmlNode* node) {
  if (!node) return "";
  return normalize_language(take(XmlString(xmlNodeGetLang(node))));
}

std::string BlockText::body() const { return util::join(paragraphs, "\n\n"); }

BlockText block_text(const xmlNode* node) {
  BlockText out;
  if (!node) return out;
  BlockWalker walker(out);
  walker.walk(node, 0);
  walker.flush();
  return out;
}

BlockText html_fragment_text(std::string_view html) {
  BlockText out;
  std::string_view trimmed = util::trim(html);
  if (trimmed.empty()) return out;
  if (trimmed.find('<') == std::string_view::npos) {
    std::string body = paragraphs_from_text(trimmed);
    if (!body.empty()) out.paragraphs = util::split(body, '\n');
    std::erase_if(out.paragraphs, [](const std::string& p) { return p.empty(); });
    return out;
  }
  std::string utf8 = repair_utf8(trimmed);
  if (utf8.size() > static_cast<std::size_t>(INT_MAX)) return out;
  XmlDocPtr doc(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8",
                               HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
  if (!doc) return out;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return out;
  // The root itself may be a block element; walk a virtual parent by walking from the document.
  BlockWalker walker(out);
  walker.walk(reinterpret_cast<const xmlNode*>(doc.get()), 0);
  walker.flush();
  return out;
}

}  // namespace morgue::news
