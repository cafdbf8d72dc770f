#include "serve/search_params.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

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

SortOrder parse_sort(const std::string& value) {
  if (value.empty() || value == "relevance") return SortOrder::kRelevance;
  if (value == "date" || value == "newest") return SortOrder::kNewest;
  if (value == "oldest") return SortOrder::kOldest;
  throw BadParameter(fmt::format("sort must be relevance, date, newest or oldest, not '{}'", value));
}

// A facet value as a quoted field filter. Quotes and control characters are
// dropped so that a value can never close the phrase and inject query syntax.
std::string field_filter(std::string_view field, const std::string& value) {
  std::string clean;
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || u < 0x20 || u == 0x7F) continue;
    clean.push_back(c);
  }
  if (clean.find_first_not_of(' ') == std::string::npos) {
    throw BadParameter(fmt::format("{} must not be empty", field));
  }
  return fmt::format("{}:\"{}\"", field, clean);
}

std::string date_filter(const std::string& value) {
  // "2022", "2022-02", "2022-02-01..2022-02-28", "..1999": the query language
  // checks the dates; here we only keep other syntax out.
  bool ok = !value.empty() && value.size() <= 32 &&
            std::all_of(value.begin(), value.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '.'; });
  if (!ok) throw BadParameter(fmt::format("date must look like 2022, 2022-02 or 2022-02-01..2022-02-28, not '{}'", value));
  return "date:" + value;
}

// q in brackets, so that filters apply to all of it: Xapian reads
// "fire OR quake section:x" as "fire OR (quake section:x)". Quotes and
// brackets are balanced first so that the brackets cannot pair with the
// user's own.
std::string bracketed(const std::string& q) {
  std::string out;
  int depth = 0;
  bool quoted = false;
  for (char c : q) {
    if (c == '"') quoted = !quoted;
    if (!quoted && c == '(') ++depth;
    if (!quoted && c == ')') {
      if (depth == 0) continue;  // a stray closer
      --depth;
    }
    out.push_back(c);
  }
  if (quoted) out.push_back('"');
  out.append(static_cast<std::size_t>(depth), ')');
  return "(" + out + ")";
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
  SearchRequest request;
  std::string query;
  std::vector<std::string> filters;
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
    } else if (name == "section" || name == "person") {
      filters.push_back(field_filter(name, value));
    } else if (name == "date") {
      filters.push_back(date_filter(value));
    }
  }
  if (query.find_first_not_of(' ') == std::string::npos) query.clear();
  if (!query.empty() && !filters.empty()) query = bracketed(query);
  for (const auto& f : filters) {
    if (!query.empty()) query += ' ';
    query += f;
  }
  if (query.empty()) {
    throw BadParameter("no query: give q= (or a section=, person= or date= filter)");
  }
  if (query.size() > limits.max_query_bytes) {
    throw BadParameter(fmt::format("query too long: {} bytes (the limit is {})", query.size(), limits.max_query_bytes));
  }
  request.query = std::move(query);
  return request;
}

}  // namespace morgue::serve
