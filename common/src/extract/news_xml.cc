#include "extract/news_xml.h"

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <new>

#include <fmt/format.h>
#include <libxml/parser.h>

#include "extract/encoding.h"
#include "extract/news_xml_fields.h"
#include "extract/news_xml_formats.h"
#include "extract/news_xml_tree.h"
#include "util/strings.h"

namespace morgue {
namespace news {

void Sink::add(Article article, std::string key) {
  ++position;
  if (article.title.empty() && article.body.empty()) {
    out.problems.push_back({source, fmt::format("item {} has neither headline nor body; skipped", position)});
    return;
  }
  article.source = source;
  article.key = multi ? unique_key(key.empty() ? fmt::format("item-{}", position) : std::move(key), keys) : "";
  out.articles.push_back(std::move(article));
}

}  // namespace news

namespace {

// Largest document we hand to libxml2. extract_file applies the same limit
// (ExtractOptions::max_file_bytes) before reading; this guards direct callers.
constexpr std::size_t kMaxInputBytes = std::size_t{64} << 20;

// No network access, and errors come back in the context instead of on stderr.
// Deliberately absent: XML_PARSE_NOENT (entity substitution),
// XML_PARSE_DTDLOAD / DTDATTR / DTDVALID (loading external DTDs and entities),
// XML_PARSE_HUGE (lifts libxml2's depth and size limits) and XML_PARSE_XINCLUDE.
constexpr int kXmlParseOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

void init_libxml() {
  // xmlInitParser is not safe to race; after it, parsing is thread-safe.
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

// Entity declarations are how billion-laughs and external-entity attacks
// start; news XML has no need for them, so any declaration is refused before
// libxml2 sees the document. NUL bytes are skipped while matching so UTF-16
// documents are caught too.
bool declares_entities(std::string_view bytes) {
  static constexpr std::string_view kNeedle = "<!ENTITY";
  if (bytes.find(kNeedle) != std::string_view::npos) return true;
  if (bytes.find('\0') == std::string_view::npos) return false;
  std::size_t matched = 0;
  for (char c : bytes) {
    if (c == '\0') continue;
    if (c == kNeedle[matched]) {
      if (++matched == kNeedle.size()) return true;
    } else {
      matched = c == '<' ? 1 : 0;
    }
  }
  return false;
}

struct ParserCtxtFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};

// Parses with a private context so the error is read from it, not from
// libxml2's per-thread "last error".
news::XmlDocPtr parse(std::string_view bytes, const char* encoding, std::string& error) {
  std::unique_ptr<xmlParserCtxt, ParserCtxtFree> ctxt(xmlNewParserCtxt());
  if (!ctxt) throw std::bad_alloc();
  news::XmlDocPtr doc(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                        encoding, kXmlParseOptions));
  if (doc && ctxt->wellFormed) return doc;
  const xmlError* e = xmlCtxtGetLastError(ctxt.get());
  // libxml2's own nesting limit (the same 256 as ours, since XML_PARSE_HUGE is off).
  if (e && e->message && std::string_view(e->message).find("Excessive depth") != std::string_view::npos) {
    error = fmt::format("elements nested deeper than {}; refused", news::kMaxElementDepth);
    return nullptr;
  }
  error = e && e->message ? fmt::format("malformed XML (line {}): {}", e->line, util::trim(e->message))
                          : std::string("malformed XML");
  error = news::clean_line(error);
  return nullptr;
}

bool declares_entities(const xmlDoc* doc) {
  const xmlDtd* dtd = doc->intSubset;
  return dtd && (dtd->entities || dtd->pentities);
}

// Depth of the element tree, measured without recursion.
int element_depth(const xmlNode* root) {
  int depth = 1, deepest = 1;
  const xmlNode* node = root;
  while (true) {
    if (node->type == XML_ELEMENT_NODE && node->children) {
      node = node->children;
      deepest = std::max(deepest, ++depth);
      continue;
    }
    while (node != root && !node->next) {
      node = node->parent;
      --depth;
    }
    if (node == root) return deepest;
    node = node->next;
  }
}

void read_document(const xmlNode* root, news::Sink& sink) {
  std::string_view name = news::local_name(root);
  if (name == "nitf") {
    news::read_nitf(root, sink);
  } else if (name == "newsItem" || name == "newsMessage") {
    news::read_newsml_g2(root, sink);
  } else if (name == "NewsML") {
    news::read_newsml_1(root, sink);
  } else if (name == "rss" || name == "RDF") {
    news::read_rss(root, sink);
  } else if (name == "feed" || name == "entry") {
    news::read_atom(root, sink);
  } else if (const xmlNode* nitf = news::descendant(root, "nitf")) {
    news::read_nitf(nitf, sink);  // NITF wrapped in some archive's own envelope
  } else {
    sink.out.problems.push_back({sink.source, fmt::format("unknown XML vocabulary <{}>; expected NITF, NewsML, "
                                                          "RSS or Atom", news::clean_line(name))});
  }
}

}  // namespace

Extraction parse_news_xml(std::string_view bytes, const std::string& source) {
  Extraction result;
  auto refuse = [&](std::string reason) {
    result.problems.push_back({source, std::move(reason)});
    return result;
  };
  if (bytes.size() > kMaxInputBytes || bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return refuse(fmt::format("file too large ({} bytes; the limit is {} bytes)", bytes.size(), kMaxInputBytes));
  }
  if (util::trim(bytes).empty()) return refuse("empty file");
  if (declares_entities(bytes)) return refuse("document declares entities (<!ENTITY); refused for safety");

  init_libxml();
  std::string error;
  news::XmlDocPtr doc = parse(bytes, nullptr, error);
  // Archives often hold XML that claims UTF-8 but has stray Latin-1 bytes,
  // which libxml2 rejects outright; repaired, the document usually parses.
  if (!doc && bytes.find('\0') == std::string_view::npos && !is_valid_utf8(bytes)) {
    std::string ignored;
    std::string repaired = repair_utf8(bytes);
    doc = parse(repaired, "UTF-8", ignored);
  }
  if (!doc) return refuse(error);
  if (declares_entities(doc.get())) return refuse("DOCTYPE declares entities; refused for safety");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return refuse("no root element");
  if (element_depth(root) > news::kMaxElementDepth) {
    return refuse(fmt::format("elements nested deeper than {}; refused", news::kMaxElementDepth));
  }

  news::Sink sink{source, result};
  read_document(root, sink);
  if (result.articles.empty() && result.problems.empty()) result.problems.push_back({source, "no articles found"});
  return result;
}

}  // namespace morgue
