// Character-set sniffing for HTML pages (private header).
#pragma once

#include <string>
#include <string_view>

namespace morgue::html {

// The page ready for libxml2: `bytes` in `encoding`. When we decode the page
// ourselves (UTF-8, UTF-16, Latin-1/Windows-1252, unknown) `bytes` is UTF-8
// and `encoding` is "UTF-8"; other declared charsets libxml2 can decode
// (windows-1251, shift_jis, ...) are passed through with their name.
struct PreparedPage {
  std::string bytes;
  std::string encoding;
  std::string charset;  // what the page declared or its BOM implied, lower-case; "" if nothing
};

// Charset named by a <meta charset>, <meta http-equiv=content-type> or an XML
// declaration in the first 16 KiB, lower-case; "" when none.
std::string sniff_declared_charset(std::string_view bytes);

// BOM first, then the declaration, then UTF-8 with Windows-1252 fallback.
// Bytes that are valid UTF-8 are taken as UTF-8 whatever the page claims:
// mislabelled pages are common and valid multi-byte UTF-8 by accident is not.
PreparedPage prepare_page(std::string_view bytes);

}  // namespace morgue::html
