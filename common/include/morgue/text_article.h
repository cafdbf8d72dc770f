// Plain-text articles in the seed layout:
//   line 1:  "Feb 14, 2022 - World"  (also "February 14, 2022 - World",
//            "2022-02-14 - World"; the section may be absent)
//   blank line(s), then the headline, then the body. Photo caption and credit
//   lines after the headline go to `captions`; a closing "Go deeper" line is dropped.
// Files without that header line are accepted too: the first line is the headline.
#pragma once

#include <string>
#include <string_view>

#include "morgue/article.h"

namespace morgue {

// `text` must be valid UTF-8 (see encoding.h). Returns one article, or a
// problem (e.g. empty file, no body).
Extraction parse_text_article(std::string_view text, const std::string& source);

}  // namespace morgue
