#include "serve/search_params.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "morgue/service.h"

namespace morgue::serve {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::size_t parse_count(const std::string& name, const std::string& value) {
  std::size_t n = 0;
  // Digits only: from_chars alone would accept "12abc" as 12.
  bool digits = !value.empty() && value.size() <= 9 &&
                std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || std::from_chars(value.data(), value.data() + value.size(), n).ec != std::errc()) {
    throw BadParameter(fmt::format("{} must be a whole number, not '{}'", name, value));
  }
  return n;
}

bool parse_flag(const std::string& name, const std::string& value) {
  if (value.empty() || value == "1" || value == "true" || value == "yes" || value == "on") return true;
  if (value == "0" || value == "false" || value == "no" || value == "off") return false;
  throw BadParameter(fmt::format("{} must be 1 or 0, not '{}'", name, value));
}

// sort= with no value is the default order, as an absent sort is.
SortOrder parse_sort(const std::string& value) {
  if (value.empty()) return SortOrder::kRelevance;
  if (auto order = parse_sort_order(value)) return *order;
  throw BadParameter(fmt::format("sort must be {}, not '{}'", sort_order_names(), value));
}

// Filters arrive as data (SearchFilters) and are applied by the core as
// boolean terms, so a value cannot carry query syntax; these bounds only keep
// nonsense out: no empty values, no control characters, nothing huge.
constexpr std::size_t kMaxFilterValueBytes = 200;
constexpr std::size_t kMaxFilterValues = 20;
constexpr std::size_t kMaxDateBytes = 32;

// Trims spaces in place; "" when fine, else a message naming the field.
std::string value_problem(std::string_view field, std::string& value) {
  const std::size_t first = value.find_first_not_of(' ');
  if (first == std::string::npos) return fmt::format("{} must not be empty", field);
  value = value.substr(first, value.find_last_not_of(' ') - first + 1);
  if (value.size() > kMaxFilterValueBytes) {
    return fmt::format("{} is at most {} bytes long", field, kMaxFilterValueBytes);
  }
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return fmt::format("{} must not contain control characters", field);
  }
  return "";
}

std::string date_problem(const std::string& value) {
  // "2022", "2022-02", "2022-02-01..2022-02-28", "..1999": the core reads
  // the dates (and names a bad one); here only other characters are kept out.
  bool ok = !value.empty() && value.size() <= kMaxDateBytes &&
            std::all_of(value.begin(), value.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '.'; });
  if (ok) return "";
  return fmt::format("date must look like 2022, 2022-02 or 2022-02-01..2022-02-28, not '{}'",
                     value.substr(0, kMaxDateBytes));
}

void throw_if(const std::string& problem) {
  if (!problem.empty()) throw BadParameter(problem);
}

std::vector<std::string>* filter_list(SearchFilters& filters, const std::string& name) {
  if (name == "section") return &filters.sections;
  if (name == "person") return &filters.people;
  if (name == "author") return &filters.authors;
  if (name == "site") return &filters.sites;
  return nullptr;
}

// Every parameter but the choice between a search and "more like this".
SearchRequest request_from_params(const Params& params, const ParamLimits& limits) {
  SearchRequest request;
  std::string query;
  bool have_date = false;
  for (const auto& [name, value] : params) {
    if (name == "q") {
      if (!query.empty() && !value.empty()) query += ' ';
      query += value;
    } else if (name == "offset") {
      request.offset = parse_count(name, value);
      if (request.offset > limits.max_offset) {
        throw BadParameter(fmt::format("offset is at most {}; narrow the query instead", limits.max_offset));
      }
    } else if (name == "limit") {
      request.limit = std::min(parse_count(name, value), limits.max_limit);
    } else if (name == "sort") {
      request.sort = parse_sort(value);
    } else if (name == "recent") {
      if (value.empty()) continue;
      request.recent_half_life_days = parse_half_life(value);
      if (!request.recent_half_life_days) {
        throw BadParameter(fmt::format("recent must look like 30d, 2w, 6m or 1y, not '{}'", value));
      }
    } else if (name == "facets") {
      request.facets = parse_flag(name, value);
    } else if (name == "all_versions") {
      request.all_versions = parse_flag(name, value);
    } else if (auto* list = filter_list(request.filters, name)) {
      list->push_back(value);
    } else if (name == "date") {
      if (have_date) {
        throw BadParameter("date may be given once (a range covers several months: date=2022-01..2022-03)");
      }
      have_date = true;
      throw_if(date_problem(value));  // also for an empty date=, which check_filters would pass over
      request.filters.date = value;
    }
  }
  throw_if(check_filters(request.filters));
  if (query.find_first_not_of(' ') == std::string::npos) query.clear();
  if (query.size() > limits.max_query_bytes) {
    throw BadParameter(fmt::format("query too long: {} bytes (the limit is {})", query.size(), limits.max_query_bytes));
  }
  request.query = std::move(query);
  return request;
}

}  // namespace

std::string url_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Params parse_query_string(std::string_view query) {
  Params params;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view pair = query.substr(start, end - start);
    if (!pair.empty()) {
      std::size_t eq = pair.find('=');
      std::string_view key = pair.substr(0, eq);
      std::string_view value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
      params.emplace_back(url_decode(key, true), url_decode(value, true));
    }
    start = end + 1;
  }
  return params;
}

SearchRequest search_request_from_params(const Params& params, const ParamLimits& limits) {
  SearchRequest request = request_from_params(params, limits);
  if (request.query.empty() && request.filters.empty()) {
    throw BadParameter("no query: give q= (or a section=, person=, author=, site= or date= filter)");
  }
  return request;
}

SearchRequest similar_request_from_params(const std::string& id, const Params& params, const ParamLimits& limits) {
  SearchRequest request = request_from_params(params, limits);
  request.like_id = id;
  return request;
}

}  // namespace morgue::serve

namespace morgue {

bool is_article_id(std::string_view id) {
  return id.size() == 16 &&
         std::all_of(id.begin(), id.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string check_filters(SearchFilters& filters) {
  using serve::kMaxFilterValues;
  const std::pair<const char*, std::vector<std::string>*> lists[] = {
      {"section", &filters.sections}, {"person", &filters.people},
      {"author", &filters.authors},   {"site", &filters.sites}};
  std::size_t count = filters.date.empty() ? 0 : 1;
  for (auto& [field, values] : lists) {
    for (auto& value : *values) {
      if (std::string problem = serve::value_problem(field, value); !problem.empty()) return problem;
    }
    count += values->size();
  }
  if (count > kMaxFilterValues) return fmt::format("at most {} filters at a time", kMaxFilterValues);
  return filters.date.empty() ? "" : serve::date_problem(filters.date);
}

}  // namespace morgue
