// Character-set sniffing for HTML pages (private header).
#pragma once

#include <string>
#include <string_view>

namespace morgue::html {

// The page ready for libxml2: `bytes()` in `encoding`. When we decode the page
// ourselves (UTF-8, UTF-16, Latin-1/Windows-1252, unknown) `bytes()` is UTF-8
// and `encoding` is "UTF-8"; other declared charsets libxml2 can decode
// (windows-1251, shift_jis, ...) are passed through with their name. A page
// that needs no change (clean UTF-8, or passed through) is not copied:
// `bytes()` is then a view of the input, which must outlive the page.
struct PreparedPage {
  std::string decoded;     // the page decoded, when it needed decoding or repair
  std::string_view input;  // the input past any BOM, when used as it is
  bool as_given = false;
  std::string encoding;
  std::string charset;  // what the page declared or its BOM implied, lower-case; "" if nothing

  std::string_view bytes() const { return as_given ? input : std::string_view(decoded); }
};

// Charset named by a <meta charset>, <meta http-equiv=content-type> or an XML
// declaration in the first 16 KiB, lower-case; "" when none.
std::string sniff_declared_charset(std::string_view bytes);

// BOM first, then the declaration, then UTF-8 with Windows-1252 fallback.
// Bytes that are valid UTF-8 are taken as UTF-8 whatever the page claims:
// mislabelled pages are common and valid multi-byte UTF-8 by accident is not.
PreparedPage prepare_page(std::string_view bytes);

}  // namespace morgue::html
