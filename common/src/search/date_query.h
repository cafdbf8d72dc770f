// Dates typed in the query box: date:2022-02-14, date:2022-02, date:2022,
// date:A..B, date:..1999, after:, before:, since:, until:, and relative forms
// (date:today, date:yesterday, "last week", "past 30 days", since:yesterday).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "morgue/article.h"

namespace morgue {

// An inclusive range of days; an open end is nullopt.
struct DateRange {
  std::optional<Date> from;
  std::optional<Date> to;
  bool operator==(const DateRange&) const = default;
};

// Where a date range was read from, for the response's `filters`.
struct DateExpression {
  std::string field;        // "date", "after", "before", "since", "until"
  std::string text;         // as typed: "2022-02", "last month"
  bool from_words = false;  // plain time words ("last month"), not explicit syntax
};

struct DateFilters {
  std::string rest;                       // the query with the date expressions taken out
  std::vector<DateRange> ranges;          // all must hold (AND)
  std::vector<DateExpression> expressions;  // parallel to ranges
};

// Plain time words ("last week", "past 30 days") become a filter only when
// the rest of the query has at most this many words ("floods last week");
// inside a longer sentence they are words like any other.
inline constexpr std::size_t kTimeWordsQueryWords = 3;

// Takes the date expressions out of `query`. Throws QueryError (search.h)
// for a date it cannot read, naming it. `today` anchors relative forms.
// Explicit syntax (date:, after:, before:, since:, until:) is always read.
DateFilters extract_date_filters(const std::string& query, const Date& today);

// One date expression given as data: field "date", "after", "before",
// "since" or "until" and its value ("2022-02", "2022-01-01..2022-03-31").
// Throws QueryError for a date it cannot read.
DateRange parse_date_field(const std::string& field, const std::string& value, const Date& today);

// Day arithmetic.
Date add_days(const Date& date, int days);
Date today_utc();

}  // namespace morgue
