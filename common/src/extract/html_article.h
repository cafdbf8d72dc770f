// HTML news pages, parsed with libxml2's HTML parser: main text without page
// clutter, headline, publication date, section, bylines, canonical URL, language.
#pragma once

#include <string>
#include <string_view>

#include "morgue/article.h"

namespace morgue {

// `bytes` is the raw file; the charset is found from the BOM, <meta charset>
// or http-equiv, else UTF-8 with Windows-1252 fallback. Returns one article
// or a problem. Thread-safe.
Extraction parse_html_article(std::string_view bytes, const std::string& source);

}  // namespace morgue
