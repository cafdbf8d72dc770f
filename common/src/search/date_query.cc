#include "search/date_query.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>

#include <fmt/format.h>

#include "morgue/search.h"
#include "util/strings.h"

namespace morgue {
namespace {

using std::chrono::sys_days;

// A typed date is a span: a year, a month or a day.
struct Span {
  Date first, last;
};

int days_in_month(int year, int month) {
  for (int d = 31; d >= 28; --d) {
    if (Date{year, month, d}.is_valid()) return d;
  }
  return 28;
}

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::optional<Span> parse_span(std::string_view raw, const Date& today) {
  std::string s = util::to_lower(util::trim(raw));
  for (char& c : s) {
    if (c == '_' || c == '-') c = (s.size() > 4 && std::isdigit(static_cast<unsigned char>(s[0]))) ? c : ' ';
  }
  if (s == "today") return Span{today, today};
  if (s == "yesterday") {
    Date y = add_days(today, -1);
    return Span{y, y};
  }
  // "last week", "past 30 days", "this month", "last 2 years": rolling windows ending today.
  {
    auto parts = util::split(s, ' ');
    std::vector<std::string> w;
    for (auto& p : parts) {
      if (!p.empty()) w.push_back(p);
    }
    if (w.size() >= 2 && (w[0] == "last" || w[0] == "past" || w[0] == "this")) {
      int n = 1;
      std::string unit = w[1];
      if (w.size() == 3 && digits(w[1]) && w[1].size() <= 5) {
        n = std::stoi(w[1]);
        unit = w[2];
      } else if (w.size() != 2) {
        return std::nullopt;
      }
      if (unit.size() > 1 && unit.back() == 's') unit.pop_back();
      int days;
      if (unit == "day") days = n;
      else if (unit == "week") days = 7 * n;
      else if (unit == "month") days = 30 * n;
      else if (unit == "year") days = 365 * n;
      else return std::nullopt;
      if (days < 1 || days > 3660000) return std::nullopt;
      return Span{add_days(today, -(days - 1)), today};
    }
  }
  // YYYY, YYYY-MM, YYYY-MM-DD (also with '/' or '.'), YYYYMMDD.
  std::string t = s;
  for (char& c : t) {
    if (c == '/' || c == '.' || c == ' ') c = '-';
  }
  auto parts = util::split(t, '-');
  if (parts.size() == 1 && digits(parts[0])) {
    if (parts[0].size() == 4) {
      int y = std::stoi(parts[0]);
      if (y < 1) return std::nullopt;
      return Span{{y, 1, 1}, {y, 12, 31}};
    }
    if (parts[0].size() == 8) {
      Date d{std::stoi(parts[0].substr(0, 4)), std::stoi(parts[0].substr(4, 2)), std::stoi(parts[0].substr(6, 2))};
      if (!d.is_valid()) return std::nullopt;
      return Span{d, d};
    }
    return std::nullopt;
  }
  if (parts.size() == 2 && parts[0].size() == 4 && digits(parts[0]) && digits(parts[1]) && parts[1].size() <= 2) {
    int y = std::stoi(parts[0]), m = std::stoi(parts[1]);
    if (y < 1 || m < 1 || m > 12) return std::nullopt;
    return Span{{y, m, 1}, {y, m, days_in_month(y, m)}};
  }
  if (parts.size() == 3 && parts[0].size() == 4 && digits(parts[0]) && digits(parts[1]) && digits(parts[2]) &&
      parts[1].size() <= 2 && parts[2].size() <= 2) {
    Date d{std::stoi(parts[0]), std::stoi(parts[1]), std::stoi(parts[2])};
    if (!d.is_valid()) return std::nullopt;
    return Span{d, d};
  }
  return std::nullopt;
}

[[noreturn]] void bad_date(std::string_view expression) {
  throw QueryError(fmt::format(
      "cannot read the date in '{}': use YYYY, YYYY-MM, YYYY-MM-DD, a range A..B (either end may be open), "
      "today, yesterday, 'last week', 'past 30 days'",
      expression));
}

DateRange range_for(const std::string& field, const std::string& value, const Date& today) {
  std::string expression = field + ":" + value;
  if (field == "date") {
    std::size_t dots = value.find("..");
    if (dots == std::string::npos) {
      auto span = parse_span(value, today);
      if (!span) bad_date(expression);
      return {span->first, span->last};
    }
    std::string a = value.substr(0, dots), b = value.substr(dots + 2);
    if (util::trim(a).empty() && util::trim(b).empty()) bad_date(expression);
    DateRange r;
    if (!util::trim(a).empty()) {
      auto span = parse_span(a, today);
      if (!span) bad_date(expression);
      r.from = span->first;
    }
    if (!util::trim(b).empty()) {
      auto span = parse_span(b, today);
      if (!span) bad_date(expression);
      r.to = span->last;
    }
    if (r.from && r.to && *r.to < *r.from) {
      throw QueryError(fmt::format("the date range '{}' ends before it starts", expression));
    }
    return r;
  }
  auto span = parse_span(value, today);
  if (!span) bad_date(expression);
  if (field == "after") return {add_days(span->last, 1), std::nullopt};
  if (field == "before") return {std::nullopt, add_days(span->first, -1)};
  if (field == "since" || field == "from") return {span->first, std::nullopt};
  return {std::nullopt, span->last};  // until
}

bool is_date_field(const std::string& f) {
  return f == "date" || f == "after" || f == "before" || f == "since" || f == "until" || f == "from";
}

// Bare relative phrases that are dates wherever they appear in a query.
std::optional<std::size_t> relative_phrase_length(const std::vector<std::string>& words, std::size_t i) {
  if (i + 1 >= words.size()) return std::nullopt;
  std::string w0 = util::to_lower(words[i]);
  if (w0 != "last" && w0 != "past") return std::nullopt;
  std::string w1 = util::to_lower(words[i + 1]);
  auto unit = [](std::string u) {
    if (u.size() > 1 && u.back() == 's') u.pop_back();
    return u == "day" || u == "week" || u == "month" || u == "year";
  };
  if (unit(w1) && w1 != "day" && w1 != "days") return 2;
  if (digits(w1) && w1.size() <= 4 && i + 2 < words.size() && unit(util::to_lower(words[i + 2]))) return 3;
  return std::nullopt;
}

}  // namespace

Date add_days(const Date& date, int days) {
  using namespace std::chrono;
  sys_days d = sys_days(year_month_day(year(date.year), month(static_cast<unsigned>(date.month)),
                                       day(static_cast<unsigned>(date.day)))) +
               std::chrono::days(days);
  year_month_day ymd(d);
  Date out{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
           static_cast<int>(static_cast<unsigned>(ymd.day()))};
  if (out.year < 1) return {1, 1, 1};
  if (out.year > 9999) return {9999, 12, 31};
  return out;
}

Date today_utc() {
  using namespace std::chrono;
  year_month_day ymd(floor<std::chrono::days>(system_clock::now()));
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int parse_half_life(std::string_view text) {
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || n <= 0 || n > 100000) return 0;
  std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  if (unit.empty() || unit == "d") return n;
  if (unit == "w") return n * 7;
  if (unit == "m") return n * 30;
  if (unit == "y") return n * 365;
  return 0;
}

namespace {

std::vector<std::string> split_query_words(const std::string& query) {
  // Whitespace-separated words, keeping quoted stretches whole.
  std::vector<std::string> words;
  std::string current;
  bool quoted = false;
  for (char c : query) {
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
      continue;
    }
    current.push_back(c);
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

DateFilters extract(const std::vector<std::string>& words, const Date& today, bool time_words) {
  DateFilters out;
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    std::size_t colon = w.find(':');
    if (colon != std::string::npos && colon > 0) {
      std::string field = util::to_lower(std::string_view(w).substr(0, colon));
      std::size_t lead = 0;
      while (lead < field.size() && (field[lead] == '+' || field[lead] == '(')) ++lead;
      field = field.substr(lead);
      if (is_date_field(field)) {
        std::string value = w.substr(colon + 1);
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        // "date:last week" typed without quotes: take the following word(s) too.
        if ((value == "last" || value == "past" || value == "this") && i + 1 < words.size()) {
          value += " " + words[++i];
          if (digits(words[i]) && i + 1 < words.size()) value += " " + words[++i];
        }
        if (value.empty()) bad_date(w);
        out.ranges.push_back(range_for(field, value, today));
        out.expressions.push_back({field == "from" ? "since" : field, value, false});
        continue;
      }
    }
    if (time_words) {
      if (auto n = relative_phrase_length(words, i)) {
        std::string phrase;
        for (std::size_t k = 0; k < *n; ++k) phrase += (k ? " " : "") + words[i + k];
        auto span = parse_span(phrase, today);
        if (span) {
          out.ranges.push_back({span->first, span->last});
          out.expressions.push_back({"date", util::to_lower(phrase), true});
          i += *n - 1;
          continue;
        }
      }
    }
    kept.push_back(w);
  }
  out.rest = util::join(kept, " ");
  return out;
}

// Words of the query that are not field:value filters or operators.
std::size_t free_words(const std::string& text) {
  std::size_t n = 0;
  for (const auto& w : split_query_words(text)) {
    if (w.find(':') != std::string::npos && w.front() != '"') continue;
    if (w == "AND" || w == "OR" || w == "NOT" || w == "NEAR") continue;
    ++n;
  }
  return n;
}

}  // namespace

DateRange parse_date_field(const std::string& field, const std::string& value, const Date& today) {
  std::string f = util::to_lower(field);
  if (!is_date_field(f)) throw QueryError(fmt::format("'{}' is not a date field", field));
  if (util::trim(value).empty()) bad_date(f + ":");
  return range_for(f, value, today);
}

DateFilters extract_date_filters(const std::string& query, const Date& today) {
  const std::vector<std::string> words = split_query_words(query);
  DateFilters out = extract(words, today, true);
  const bool read_words = std::any_of(out.expressions.begin(), out.expressions.end(),
                                      [](const DateExpression& e) { return e.from_words; });
  // In a sentence ("the minister came under attack last week"), time words
  // are words: only a short query is taken to ask for a period.
  if (read_words && free_words(out.rest) > kTimeWordsQueryWords) out = extract(words, today, false);
  return out;
}

}  // namespace morgue
