// Query strings of /api/search (and CGI's QUERY_STRING) into a SearchRequest.
// Pure functions, no I/O: table-tested in tests/unit/service_test.cc.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "morgue/search.h"

namespace morgue::serve {

// A parameter the client must fix ("limit=abc", "sort=sideways"): HTTP 400.
class BadParameter : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using Params = std::vector<std::pair<std::string, std::string>>;

// %XX and (when plus_is_space) '+' decoded; a malformed escape stays as it is.
std::string url_decode(std::string_view text, bool plus_is_space);

// "a=1&b=x+y&c" -> {{"a","1"},{"b","x y"},{"c",""}}, in order, repeats kept.
Params parse_query_string(std::string_view query);

struct ParamLimits {
  std::size_t max_query_bytes = 1024;  // q plus the filters appended to it
  std::size_t max_limit = 100;         // larger limits are capped, not refused
  std::size_t max_offset = 10000;      // deeper pages are refused
};

// q, offset, limit, sort, recent, facets, all_versions, and the filters
// section=, person=, date= (each may repeat) appended to q in the query
// language. Unknown parameters are ignored. Throws BadParameter.
SearchRequest search_request_from_params(const Params& params, const ParamLimits& limits);

}  // namespace morgue::serve
