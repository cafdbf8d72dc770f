// News-industry XML: NITF and NewsML-G2 (one or more items per file).
// External entities are never loaded and entity expansion is off.
#pragma once

#include <string>
#include <string_view>

#include "morgue/article.h"

namespace morgue {

Extraction parse_news_xml(std::string_view bytes, const std::string& source);

}  // namespace morgue
