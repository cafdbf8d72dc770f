#include "extract/date_parse.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <fmt/format.h>

#include "extract/date_months.h"
#include "util/strings.h"

namespace morgue {

bool Date::is_valid() const {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[static_cast<std::size_t>(month - 1)]) return false;
  if (month == 2 && day == 29) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (!leap) return false;
  }
  return true;
}

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }
std::string Date::compact() const { return fmt::format("{:04}{:02}{:02}", year, month, day); }

std::optional<Date> Date::from_compact(std::string_view v) {
  if (v.size() != 8 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  auto number = [&](std::size_t at, std::size_t n) {
    int x = 0;
    for (std::size_t i = at; i < at + n; ++i) x = x * 10 + (v[i] - '0');
    return x;
  };
  Date d{number(0, 4), number(4, 2), number(6, 2)};
  if (!d.is_valid()) return std::nullopt;
  return d;
}

namespace {

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) {
    v = v * 10 + (c - '0');
    if (v > 100000) return v;
  }
  return v;
}

bool plausible_year(int y) { return y >= 1800 && y <= 2199; }

std::optional<Date> make_date(int y, int m, int d) {
  Date date{y, m, d};
  if (!plausible_year(y) || !date.is_valid()) return std::nullopt;
  return date;
}

// A time of day and zone found in the text: "09:30", "09:30:00.00", "T09:30:00+01:00", "9:30 GMT".
struct TimeOfDay {
  int hour = -1, minute = 0, second = 0;
  std::string zone;  // "Z", "+01:00", or "" when none given
};

std::string zone_from_word(std::string_view word) {
  struct Named {
    const char* name;
    const char* offset;
  };
  static constexpr Named kZones[] = {
      {"gmt", "Z"},       {"utc", "Z"},       {"z", "Z"},         {"est", "-05:00"},
      {"edt", "-04:00"},  {"cst", "-06:00"},  {"cdt", "-05:00"},  {"mst", "-07:00"},
      {"mdt", "-06:00"},  {"pst", "-08:00"},  {"pdt", "-07:00"},  {"bst", "+01:00"},
      {"cet", "+01:00"},  {"cest", "+02:00"}, {"mez", "+01:00"},  {"mesz", "+02:00"},
      {"eet", "+02:00"},  {"eest", "+03:00"}, {"ist", "+05:30"},  {"jst", "+09:00"},
  };
  std::string w = util::to_lower(word);
  for (const auto& z : kZones) {
    if (w == z.name) return z.offset;
  }
  return "";
}

// Finds and removes the first H:MM[:SS[.f]] [am|pm] [zone] in `text`.
std::optional<TimeOfDay> take_time(std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) continue;
    if (i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]))) continue;
    std::size_t j = i;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    if (j - i > 2 || j >= text.size() || text[j] != ':') continue;
    std::size_t k = j + 1;
    std::size_t mstart = k;
    while (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]))) ++k;
    if (k - mstart != 2) continue;
    TimeOfDay t;
    t.hour = to_int(std::string_view(text).substr(i, j - i));
    t.minute = to_int(std::string_view(text).substr(mstart, 2));
    if (k < text.size() && text[k] == ':') {
      std::size_t s = k + 1;
      std::size_t e = s;
      while (e < text.size() && std::isdigit(static_cast<unsigned char>(text[e]))) ++e;
      if (e - s == 2) {
        t.second = to_int(std::string_view(text).substr(s, 2));
        k = e;
        if (k < text.size() && (text[k] == '.' || text[k] == ',')) {
          ++k;
          while (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]))) ++k;
        }
      }
    }
    std::size_t end = k;
    // am/pm
    std::size_t p = end;
    while (p < text.size() && text[p] == ' ') ++p;
    std::string rest = util::to_lower(std::string_view(text).substr(p, 4));
    if (rest.rfind("pm", 0) == 0 || rest.rfind("p.m", 0) == 0) {
      if (t.hour < 12) t.hour += 12;
      end = p + (rest.rfind("p.m.", 0) == 0 ? 4 : 2);
    } else if (rest.rfind("am", 0) == 0 || rest.rfind("a.m", 0) == 0) {
      if (t.hour == 12) t.hour = 0;
      end = p + (rest.rfind("a.m.", 0) == 0 ? 4 : 2);
    }
    // Zone: Z, +hh:mm, +hhmm, or a name.
    p = end;
    while (p < text.size() && text[p] == ' ') ++p;
    if (p < text.size() && (text[p] == 'Z' || text[p] == 'z') &&
        (p + 1 == text.size() || !std::isalpha(static_cast<unsigned char>(text[p + 1])))) {
      t.zone = "Z";
      end = p + 1;
    } else if (p < text.size() && (text[p] == '+' || text[p] == '-')) {
      std::size_t q = p + 1;
      std::string digits;
      while (q < text.size() && (std::isdigit(static_cast<unsigned char>(text[q])) || text[q] == ':') && digits.size() < 4) {
        if (text[q] != ':') digits.push_back(text[q]);
        ++q;
      }
      if (digits.size() == 4 || digits.size() == 2) {
        if (digits.size() == 2) digits += "00";
        t.zone = fmt::format("{}{}:{}", text[p], digits.substr(0, 2), digits.substr(2, 2));
        if (t.zone == "+00:00" || t.zone == "-00:00") t.zone = "Z";
        end = q;
      }
    } else {
      std::size_t q = p;
      while (q < text.size() && std::isalpha(static_cast<unsigned char>(text[q]))) ++q;
      std::string zone = zone_from_word(std::string_view(text).substr(p, q - p));
      if (!zone.empty()) {
        t.zone = zone;
        end = q;
      }
    }
    if (t.hour > 23 || t.minute > 59 || t.second > 60) return std::nullopt;
    text.replace(i, end - i, " ");
    return t;
  }
  return std::nullopt;
}

// Dates written with digits only: ISO and its relatives, dotted and slashed forms.
// `seps[i]` is the separator right after number i ('\0' when none): the three
// parts must be joined by one kind of separator, so "2 min 2 min 04.04.20"
// is not the 2nd of February 2004.
std::optional<Date> numeric_date(const std::vector<std::string>& nums, const std::vector<char>& seps) {
  if (nums.size() == 1 && nums[0].size() == 8) {
    const std::string& s = nums[0];
    return make_date(to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), to_int(s.substr(6, 2)));
  }
  if (nums.size() < 3 || seps[0] == '\0' || seps[1] != seps[0]) return std::nullopt;
  const std::string &a = nums[0], &b = nums[1], &c = nums[2];
  if (a.size() == 4) return make_date(to_int(a), to_int(b), to_int(c));  // Y-M-D
  if (c.size() != 4 && c.size() != 2) return std::nullopt;
  int year = to_int(c);
  if (c.size() == 2) year += year < 50 ? 2000 : 1900;
  int first = to_int(a), second = to_int(b);
  bool dotted = seps.size() > 0 && seps[0] == '.';
  if (first > 12) return make_date(year, second, first);    // D/M/Y
  if (second > 12) return make_date(year, first, second);   // M/D/Y
  if (dotted || (seps.size() > 0 && seps[0] == '-')) return make_date(year, second, first);
  return make_date(year, first, second);                    // US M/D/Y when ambiguous
}

// The digit runs and word runs of a date, with the separator after each number.
struct DateParts {
  std::vector<std::string> nums, words;
  std::vector<char> seps;
  std::vector<bool> num_before_month;  // per number: was it before the month word?
  int month_word = 0;                  // month of the first month name, 0 when none
};

DateParts split_date(const std::string& text) {
  DateParts parts;
  bool seen_month_word = false;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isdigit(c)) {
      std::size_t j = i;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      parts.nums.push_back(text.substr(i, j - i));
      parts.num_before_month.push_back(!seen_month_word);
      // 14th, 1st, 2nd, 3rd
      if (j + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) {
        std::string suffix = util::to_lower(std::string_view(text).substr(j, 2));
        if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") j += 2;
      }
      // "14.02.2022", "2022-02-14", "26 | 01 | 2022": the next mark after optional spaces.
      std::size_t m = j;
      while (m < text.size() && text[m] == ' ') ++m;
      bool mark = m < text.size() && std::string_view("-/.|").find(text[m]) != std::string_view::npos;
      parts.seps.push_back(mark ? text[m] : '\0');
      i = j;
    } else if (std::isalpha(c) || c >= 0x80) {
      std::size_t j = i;
      while (j < text.size() && (std::isalpha(static_cast<unsigned char>(text[j])) ||
                                 static_cast<unsigned char>(text[j]) >= 0x80)) {
        ++j;
      }
      std::string word = text.substr(i, j - i);
      int m = month_from_word(word);
      if (m && !parts.month_word) {
        parts.month_word = m;
        seen_month_word = true;
      }
      parts.words.push_back(std::move(word));
      i = j;
    } else {
      ++i;
    }
  }
  return parts;
}

// Dates with a month name: "Feb 14, 2022", "21. Jan 2022".
std::optional<Date> worded_date(const DateParts& parts) {
  int year = 0, day = 0;
  bool year_first = false;
  for (std::size_t k = 0; k < parts.nums.size(); ++k) {
    int v = to_int(parts.nums[k]);
    if (parts.nums[k].size() == 4 && plausible_year(v) && !year) {
      year = v;
      year_first = parts.num_before_month[k];
    } else if (parts.nums[k].size() <= 2 && v >= 1 && v <= 31) {
      // The day is the number next to the month name: the last one before
      // it ("0 3 21. Jan 2022" is the 21st), else the first one after it
      // and before the year ("Feb 14, 2022"; "November 2020 ... 2" is no
      // date), or after a year written first when the two are all the
      // numbers ("2022. február 14.").
      if (parts.num_before_month[k] || (!day && (!year || (year_first && parts.nums.size() == 2)))) day = v;
    }
  }
  if (year && day) return make_date(year, parts.month_word, day);
  return std::nullopt;
}

// Full-width digits and colon ("２０１９年６月２４日") as ASCII ones.
std::string full_width_digits(std::string_view input) {
  std::string out(input);
  if (out.find("\xEF\xBC") == std::string::npos) return out;
  std::string folded;
  for (std::size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    unsigned char d = i + 2 < out.size() ? static_cast<unsigned char>(out[i + 2]) : 0;
    if (c == 0xEF && static_cast<unsigned char>(out[i + 1]) == 0xBC && ((d >= 0x90 && d <= 0x99) || d == 0x9A)) {
      folded.push_back(d == 0x9A ? ':' : static_cast<char>('0' + (d - 0x90)));
      i += 2;
      continue;
    }
    folded.push_back(static_cast<char>(c));
  }
  return folded;
}

// "2019年6月24日 10時30分" and "2019년 6월 24일": year, month and day marks
// become an ISO-style date ("2019-6-24 10:30").
std::string cjk_to_marks(std::string_view input) {
  std::string text = full_width_digits(input);
  static constexpr std::pair<std::string_view, std::string_view> kMarks[] = {
      {"\u5e74", "-"}, {"\u6708", "-"}, {"\u65e5", " "}, {"\u6642", ":"}, {"\u65f6", ":"}, {"\u5206", " "},
      {"\ub144", "-"}, {"\uc6d4", "-"}, {"\uc77c", " "}};
  if (text.size() > 400 || std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return text;
  }
  bool year_mark = text.find("\u5e74") != std::string::npos || text.find("\ub144") != std::string::npos;
  if (!year_mark) return text;
  for (const auto& [from, to] : kMarks) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      // A mark counts only right after a number ("6月", not "月刊").
      if (at == 0 || !std::isdigit(static_cast<unsigned char>(text[at - 1]))) {
        at += from.size() - to.size();
        continue;
      }
      text.replace(at, from.size(), to);
    }
  }
  // "2019- 6- 24" (Korean puts spaces after the marks): close the gaps.
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' && !out.empty() && out.back() == '-') continue;
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace

std::optional<DateTime> parse_date_time(std::string_view input) {
  std::string text = cjk_to_marks(util::trim(input));
  if (text.empty() || text.size() > 200) return std::nullopt;
  // "2022-02-14T09:30:00": make the T a space so the time is found.
  if (text.size() > 10 && std::isdigit(static_cast<unsigned char>(text[0])) &&
      (text[10] == 'T' || text[10] == 't') && text[4] == '-') {
    text[10] = ' ';
  }
  std::optional<TimeOfDay> time = take_time(text);

  const DateParts parts = split_date(text);
  std::optional<Date> date;
  if (parts.month_word) {
    date = worded_date(parts);
  } else if (parts.words.size() <= 2) {
    date = numeric_date(parts.nums, parts.seps);
  }
  if (!date) return std::nullopt;

  DateTime result;
  result.date = *date;
  if (time && time->hour >= 0) {
    result.timestamp = fmt::format("{}T{:02}:{:02}:{:02}{}", date->iso(), time->hour, time->minute,
                                   time->second, time->zone);
  }
  return result;
}

std::optional<DateTime> parse_epoch(std::string_view digits) {
  if ((digits.size() != 10 && digits.size() != 13) ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  long long seconds = std::stoll(std::string(digits.substr(0, 10)));
  using namespace std::chrono;
  sys_seconds at{std::chrono::seconds(seconds)};
  sys_days day = floor<days>(at);
  year_month_day ymd{day};
  hh_mm_ss clock{at - day};
  Date date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
  if (!plausible_year(date.year)) return std::nullopt;
  return DateTime{date, fmt::format("{}T{:02}:{:02}:{:02}Z", date.iso(), clock.hours().count(),
                                    clock.minutes().count(), clock.seconds().count())};
}

std::optional<Date> parse_date(std::string_view text) {
  auto dt = parse_date_time(text);
  if (!dt) return std::nullopt;
  return dt->date;
}

std::optional<Date> date_from_url(std::string_view url) {
  // Look for YYYY[/-_]MM[/-_]DD (or YYYYMMDD between separators) in the path.
  std::size_t path_start = url.find("://");
  path_start = path_start == std::string_view::npos ? 0 : url.find('/', path_start + 3);
  if (path_start == std::string_view::npos) return std::nullopt;
  std::string_view path = url.substr(path_start);
  for (std::size_t i = 0; i + 8 <= path.size(); ++i) {
    if (i > 0 && std::isdigit(static_cast<unsigned char>(path[i - 1]))) continue;
    auto digits = [&](std::size_t at, std::size_t n) {
      if (at + n > path.size()) return false;
      for (std::size_t k = 0; k < n; ++k) {
        if (!std::isdigit(static_cast<unsigned char>(path[at + k]))) return false;
      }
      return true;
    };
    auto is_sep = [&](std::size_t at) { return at < path.size() && (path[at] == '/' || path[at] == '-' || path[at] == '_'); };
    if (!digits(i, 4)) continue;
    int y = to_int(path.substr(i, 4));
    if (!plausible_year(y)) continue;
    if (is_sep(i + 4) && digits(i + 5, 2) && is_sep(i + 7) && digits(i + 8, 2) &&
        !digits(i + 10, 1)) {
      if (auto d = make_date(y, to_int(path.substr(i + 5, 2)), to_int(path.substr(i + 8, 2)))) return d;
    }
    // "/2020/oct/02/": month as an English abbreviation.
    if (path[i + 4] == '/' && i + 11 <= path.size() && path[i + 8] == '/' && digits(i + 9, 2) &&
        !digits(i + 11, 1)) {
      static constexpr std::string_view kAbbr[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                   "jul", "aug", "sep", "oct", "nov", "dec"};
      std::string_view word = path.substr(i + 5, 3);
      for (std::size_t m = 0; m < 12; ++m) {
        if (word != kAbbr[m]) continue;
        if (auto date = make_date(y, static_cast<int>(m) + 1, to_int(path.substr(i + 9, 2)))) return date;
      }
    }
    // "/2017/7/12/": some CMSs write month and day without a leading zero.
    if (path[i + 4] == '/' && i > 0 && path[i - 1] == '/') {
      std::size_t m = i + 5, mlen = 0;
      while (mlen < 3 && digits(m + mlen, 1)) ++mlen;
      std::size_t d = m + mlen + 1, dlen = 0;
      while (dlen < 3 && digits(d + dlen, 1)) ++dlen;
      if (mlen >= 1 && mlen <= 2 && m + mlen < path.size() && path[m + mlen] == '/' && dlen >= 1 && dlen <= 2 &&
          (d + dlen == path.size() || path[d + dlen] == '/')) {
        if (auto date = make_date(y, to_int(path.substr(m, mlen)), to_int(path.substr(d, dlen)))) return date;
      }
    }
    if (digits(i, 8) && !digits(i + 8, 1) && (i == 0 || !std::isalnum(static_cast<unsigned char>(path[i - 1])))) {
      if (auto d = make_date(y, to_int(path.substr(i + 4, 2)), to_int(path.substr(i + 6, 2)))) return d;
    }
  }
  return std::nullopt;
}

}  // namespace morgue
