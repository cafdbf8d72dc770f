#include "morgue/html_article.h"

namespace morgue {

// Placeholder until the parser lands: reports the file as not yet supported.
Extraction parse_html_article(std::string_view /*bytes*/, const std::string& source) {
  Extraction result;
  result.problems.push_back({source, "format not supported yet"});
  return result;
}

}  // namespace morgue
