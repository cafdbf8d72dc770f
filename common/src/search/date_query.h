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

struct DateFilters {
  std::string rest;               // the query with the date expressions taken out
  std::vector<DateRange> ranges;  // all must hold (AND)
};

// Takes the date expressions out of `query`. Throws QueryError (search.h)
// for a date it cannot read, naming it. `today` anchors relative forms.
DateFilters extract_date_filters(const std::string& query, const Date& today);

// Day arithmetic.
Date add_days(const Date& date, int days);
Date today_utc();

}  // namespace morgue
