// Dates as news pages and feeds write them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "morgue/article.h"

namespace morgue {

struct DateTime {
  Date date;
  std::string timestamp;  // ISO-8601 with time and zone when the input had them, else ""
};

// Parses one date expression: ISO 8601 ("2022-02-14", "2022-02-14T09:30:00+01:00"),
// "Feb 14, 2022", "February 14, 2022", "14 February 2022", "Monday, 14 Feb 2022",
// RFC 822 ("Mon, 14 Feb 2022 09:30:00 GMT"), "14.02.2022", "2022/02/14",
// "20220214", "14-FEB-1987 09:30:00.00" (Reuters), month names of most European
// languages ("3 października 2021", "2022. február 14."), CJK year-month-day
// marks ("2019年6月24日", "2019년 6월 24일"). Rejects impossible dates.
std::optional<DateTime> parse_date_time(std::string_view text);

// A Unix time as pages put it in data attributes: 10 digits (seconds) or 13
// (milliseconds). The day is the UTC day; the timestamp ends in Z.
std::optional<DateTime> parse_epoch(std::string_view digits);

// Convenience: just the day.
std::optional<Date> parse_date(std::string_view text);

// Finds a /YYYY/MM/DD/ or -YYYY-MM-DD- style date inside a URL.
std::optional<Date> date_from_url(std::string_view url);

}  // namespace morgue
