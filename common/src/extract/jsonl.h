// JSON Lines exports: one article per line, keys title/headline, date,
// section, body/text, url, authors/byline, id. A bad line is a problem
// ("path:LINE: reason"); the other lines still come out. Each article's key
// is its "id" when given, else its url, else "line-N".
#pragma once

#include <string>
#include <string_view>

#include "morgue/article.h"

namespace morgue {

Extraction parse_json_lines(std::string_view bytes, const std::string& source);

}  // namespace morgue
