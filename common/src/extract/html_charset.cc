#include "extract/html_charset.h"

#include <libxml/encoding.h>

#include "extract/encoding.h"
#include "util/strings.h"

namespace morgue::html {
namespace {

constexpr std::size_t kSniffBytes = 16384;

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool charset_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
}

// Reads the charset name after "charset" at `pos` in lower-cased `tag`.
std::string read_charset_value(std::string_view tag, std::size_t pos) {
  std::size_t i = pos;
  while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r')) ++i;
  if (i >= tag.size() || tag[i] != '=') return "";
  ++i;
  while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
  std::size_t start = i;
  while (i < tag.size() && charset_char(tag[i])) ++i;
  return std::string(tag.substr(start, i - start));
}

// True for charsets to_utf8() decodes itself.
bool decoded_by_us(std::string_view cs) {
  return cs.empty() || cs == "utf-8" || cs == "utf8" || cs == "iso-8859-1" || cs == "latin1" ||
         cs == "latin-1" || cs == "iso8859-1" || cs == "iso_8859-1" || cs == "windows-1252" ||
         cs == "cp1252" || cs == "us-ascii" || cs == "ascii" || cs == "iso-8859-15" || cs == "latin9" ||
         cs == "utf-16" || cs == "utf-16le" || cs == "utf-16be" || cs == "x-user-defined";
}

// Control bytes repair_utf8() drops (all below 0x20 but tab and line ends, and DEL).
bool has_dropped_control(std::string_view s) {
  for (unsigned char c : s) {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return true;
  }
  return false;
}

bool libxml_knows(const std::string& cs) {
  xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(cs.c_str());
  if (handler == nullptr) return false;
  xmlCharEncCloseFunc(handler);
  return true;
}

}  // namespace

std::string sniff_declared_charset(std::string_view bytes) {
  std::string head(bytes.substr(0, kSniffBytes));
  for (char& c : head) c = lower_ascii(c);
  std::string_view h(head);
  if (h.rfind("<?xml", 0) == 0) {
    std::size_t end = h.find("?>");
    std::size_t enc = h.find("encoding", 0);
    if (enc != std::string_view::npos && enc < end) {
      std::string cs = read_charset_value(h, enc + 8);
      if (!cs.empty()) return cs;
    }
  }
  for (std::size_t pos = h.find("<meta"); pos != std::string_view::npos; pos = h.find("<meta", pos + 5)) {
    std::size_t end = h.find('>', pos);
    std::string_view tag = h.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    std::size_t cs_pos = tag.find("charset");
    if (cs_pos == std::string_view::npos) continue;
    std::string cs = read_charset_value(tag, cs_pos + 7);
    if (!cs.empty()) return cs;
  }
  return "";
}

PreparedPage prepare_page(std::string_view bytes) {
  PreparedPage page;
  std::string bom;
  std::string_view body = strip_bom(bytes, &bom);
  page.encoding = "UTF-8";
  if (!bom.empty()) {
    page.charset = bom;
    page.decoded = to_utf8(body, bom);
    return page;
  }
  page.charset = sniff_declared_charset(body);
  if (page.charset == "utf8") page.charset = "utf-8";
  if (decoded_by_us(page.charset) || is_valid_utf8(body) || !libxml_knows(page.charset)) {
    // Valid UTF-8 without the control bytes repair_utf8 drops is what
    // to_utf8 would return: parse it where it is (a 60 MB page is not copied).
    if (is_valid_utf8(body) && !has_dropped_control(body)) {
      page.input = body;
      page.as_given = true;
      return page;
    }
    // UTF-16 declared in a page that has no BOM is almost always a lie.
    std::string_view cs = page.charset.rfind("utf-16", 0) == 0 ? std::string_view("utf-8") : page.charset;
    page.decoded = to_utf8(body, cs);
    return page;
  }
  page.input = body;
  page.as_given = true;
  page.encoding = page.charset;
  return page;
}

}  // namespace morgue::html
