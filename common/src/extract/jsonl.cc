#include "morgue/jsonl.h"

namespace morgue {

// Placeholder until the parser lands: reports the file as not yet supported.
Extraction parse_json_lines(std::string_view /*bytes*/, const std::string& source) {
  Extraction result;
  result.problems.push_back({source, "format not supported yet"});
  return result;
}

}  // namespace morgue
