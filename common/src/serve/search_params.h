// Query strings of /api/search and /api/similar/ID (and CGI's QUERY_STRING)
// into a SearchRequest. Pure functions, no I/O: table-tested in
// tests/unit/serve/service_test.cc.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "morgue/search.h"
#include "morgue/service.h"

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
  std::size_t max_query_bytes = kMaxQueryBytes;  // q (filters are bounded on their own)
  std::size_t max_limit = kServiceMaxLimit;      // larger limits are capped, not refused
  std::size_t max_offset = kServiceMaxOffset;    // deeper pages are refused
};

// q, offset, limit, sort, recent, facets, all_versions, and the filters
// section=, person=, author=, site= (each may repeat) and date= (once) into
// SearchRequest::filters: a filter value is data, never query text. Unknown
// parameters are ignored. Throws BadParameter, also when there is neither q
// nor a filter.
SearchRequest search_request_from_params(const Params& params, const ParamLimits& limits);

// /api/similar/ID: the same parameters, with like_id set; q and the filters
// may all be absent (the story itself is the query). Throws BadParameter
// (an id that is not 16 hex digits, is_article_id in service.h, is the
// caller's to refuse, with a 404).
SearchRequest similar_request_from_params(const std::string& id, const Params& params, const ParamLimits& limits);

}  // namespace morgue::serve
