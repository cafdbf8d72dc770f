#include "extract/html_dom.h"

#include <algorithm>
#include <cstdint>
#include <mutex>

#include <libxml/parserInternals.h>

namespace morgue::html {
namespace {

std::once_flag g_init;

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool skipped_for_text(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "noscript" || tag == "template";
}

constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                              HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;

// libxml2's push parser, fed kParseChunkBytes at a time: it keeps only the
// unparsed rest of the input, where htmlReadMemory copies the whole page
// into a buffer grown by doubling (2 to 3.4 times the page).
DocPtr push_parse(std::string_view bytes, const char* encoding) {
  htmlParserCtxtPtr ctxt = htmlCreatePushParserCtxt(nullptr, nullptr, nullptr, 0, nullptr, XML_CHAR_ENCODING_NONE);
  if (ctxt == nullptr) return nullptr;
  htmlCtxtUseOptions(ctxt, kParseOptions);
  if (encoding != nullptr && *encoding != '\0') {
    if (xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding)) xmlSwitchToEncoding(ctxt, handler);
  }
  for (std::size_t at = 0; at < bytes.size(); at += kParseChunkBytes) {
    const std::size_t n = std::min(kParseChunkBytes, bytes.size() - at);
    htmlParseChunk(ctxt, bytes.data() + at, static_cast<int>(n), 0);
  }
  htmlParseChunk(ctxt, nullptr, 0, 1);
  DocPtr doc(ctxt->myDoc);
  ctxt->myDoc = nullptr;
  htmlFreeParserCtxt(ctxt);
  return doc;
}

}  // namespace

DocPtr parse_document(std::string_view bytes, const char* encoding) {
  // xmlInitParser is not safe to race; later parses are independent.
  std::call_once(g_init, [] { xmlInitParser(); });
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return nullptr;
  // The push parser reads some malformed pages differently (an unclosed
  // quote in a DOCTYPE loses the page): pages of ordinary size are read
  // whole, as always, and a large page that the push parser cannot make
  // sense of is read whole too.
  if (bytes.size() >= kPushParseFromBytes) {
    DocPtr doc = push_parse(bytes, encoding);
    if (doc && xmlDocGetRootElement(doc.get()) != nullptr) return doc;
  }
  return DocPtr(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding, kParseOptions));
}

std::string_view attr_of(const xmlNode* n, const char* name) {
  if (n->type != XML_ELEMENT_NODE) return {};
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || std::string_view(reinterpret_cast<const char*>(a->name)) != name) continue;
    // The HTML parser stores an attribute value as a single text child.
    const xmlNode* value = a->children;
    if (value == nullptr || value->content == nullptr) return {};
    return reinterpret_cast<const char*>(value->content);
  }
  return {};
}

bool has_attr(const xmlNode* n, const char* name) {
  if (n->type != XML_ELEMENT_NODE) return false;
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name != nullptr && std::string_view(reinterpret_cast<const char*>(a->name)) == name) return true;
  }
  return false;
}

std::string class_and_id(const xmlNode* n) {
  constexpr std::size_t kMax = 200;
  std::string out(attr_of(n, "class").substr(0, kMax));
  std::string_view id = attr_of(n, "id").substr(0, kMax);
  if (!id.empty()) {
    out.push_back(' ');
    out.append(id);
  }
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool contains_any(std::string_view hay, std::span<const std::string_view> needles) {
  if (hay.empty()) return false;
  for (std::string_view needle : needles) {
    if (hay.find(needle) != std::string_view::npos) return true;
  }
  return false;
}

void append_collapsed(std::string& out, std::string_view text, bool& pending_space) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool space = is_space(c);
    // U+00A0 NO-BREAK SPACE (C2 A0) separates words like a space.
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      space = true;
      ++i;
    }
    if (space) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty() && out.back() != ' ') out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(c));
  }
}

std::string text_of(const xmlNode* n, std::size_t max_bytes, std::size_t max_nodes) {
  std::string out;
  bool pending_space = false;
  std::size_t visited = 0;
  for (const xmlNode* cur = n; cur != nullptr;) {
    if (++visited > max_nodes || out.size() >= max_bytes) break;
    bool descend = true;
    if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) {
      if (cur->content != nullptr) {
        append_collapsed(out, reinterpret_cast<const char*>(cur->content), pending_space);
      }
    } else if (cur->type == XML_ELEMENT_NODE) {
      std::string_view tag = tag_of(cur);
      descend = !skipped_for_text(tag);
      if (tag == "br" || tag == "p" || tag == "div" || tag == "li" || tag == "td") pending_space = true;
    }
    cur = next_node(cur, n, descend);
  }
  if (out.size() > max_bytes) {
    // Cut on a character boundary.
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::size_t count_chars(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace morgue::html
