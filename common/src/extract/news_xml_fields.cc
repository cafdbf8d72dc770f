#include "extract/news_xml_fields.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "extract/date_parse.h"
#include "extract/encoding.h"
#include "extract/section.h"
#include "util/strings.h"

namespace morgue::news {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ISO 8601 basic form -> extended form, which parse_date_time reads; "" when
// `t` is not basic form. NITF's norm attributes and NewsML 1 use basic form.
std::string iso_from_basic(std::string_view t) {
  if (t.size() < 8 || !all_digits(t.substr(0, 8))) return "";
  std::string out = fmt::format("{}-{}-{}", t.substr(0, 4), t.substr(4, 2), t.substr(6, 2));
  if (t.size() == 8) return out;
  if (t[8] != 'T' && t[8] != 't') return "";
  std::string_view rest = t.substr(9);
  std::size_t digits = 0;
  while (digits < rest.size() && digits < 6 && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
  if (digits != 4 && digits != 6) return "";
  out += fmt::format("T{}:{}:{}", rest.substr(0, 2), rest.substr(2, 2), digits == 6 ? rest.substr(4, 2) : "00");
  rest.remove_prefix(digits);
  if (!rest.empty() && (rest[0] == '.' || rest[0] == ',')) {
    rest.remove_prefix(1);
    while (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0]))) rest.remove_prefix(1);
  }
  if (rest == "Z" || rest == "z") return out + "Z";
  if (rest.size() >= 3 && (rest[0] == '+' || rest[0] == '-')) {
    std::string zone_digits;
    for (char c : rest.substr(1)) {
      if (c != ':') zone_digits.push_back(c);
    }
    if (zone_digits.size() == 2) zone_digits += "00";
    if (zone_digits.size() != 4 || !all_digits(zone_digits)) return "";
    return out + fmt::format("{}{}:{}", rest[0], zone_digits.substr(0, 2), zone_digits.substr(2, 2));
  }
  return rest.empty() ? out : "";
}

// Words that mark a byline part as a job title or an agency, not a person.
bool has_role_word(std::string_view part) {
  static constexpr std::string_view kRoleWords[] = {
      "staff",   "writer",  "writers", "correspondent", "correspondents", "editor",  "reporter",
      "reporters", "reuters", "press",  "bureau",   "agency",  "news",    "contributor", "chief",
      "senior",  "associated", "afp",   "ap",       "dpa",     "upi",     "columnist", "special"};
  for (const std::string& word : util::split(util::to_lower(part), ' ')) {
    for (std::string_view role : kRoleWords) {
      if (word == role) return true;
    }
  }
  return false;
}

std::string_view strip_by(std::string_view s) {
  s = util::trim(s);
  if (util::starts_with_ci(s, "by:")) return util::trim(s.substr(3));
  if (util::starts_with_ci(s, "by ")) return util::trim(s.substr(3));
  return s;
}

// Replaces every occurrence of `from` (ASCII, case-insensitive) by `to`.
std::string replace_ci(std::string s, std::string_view from, std::string_view to) {
  std::string lower = util::to_lower(s);
  if (lower.size() != s.size()) return s;  // non-ASCII case change; leave as is
  std::string out;
  std::size_t start = 0;
  for (std::size_t pos; (pos = lower.find(from, start)) != std::string::npos; start = pos + from.size()) {
    out.append(s, start, pos - start);
    out.append(to);
  }
  out.append(s, start);
  return out;
}

}  // namespace

std::string clean_line(std::string_view text) { return util::collapse_space(repair_utf8(text)); }

bool set_date(Article& article, std::string_view text) {
  std::string t = clean_line(text);
  if (t.empty()) return false;
  std::string extended = iso_from_basic(t);
  auto dt = parse_date_time(extended.empty() ? t : extended);
  if (!dt) return false;
  article.date = dt->date;
  article.timestamp = dt->timestamp;
  return true;
}

std::vector<std::string> split_byline(std::string_view byline) {
  std::string s(strip_by(clean_line(byline)));
  for (std::string_view sep : {" and ", " & ", ";", " | "}) s = replace_ci(std::move(s), sep, ",");
  std::vector<std::string> names;
  std::size_t index = 0;
  for (const std::string& raw : util::split(s, ',')) {
    std::string part(strip_by(raw));
    if (part.empty()) continue;
    std::size_t words = util::split(part, ' ').size();
    // Later parts are more often titles ("Jo Smith, Moscow") than names.
    bool looks_like_name = !has_role_word(part) && (index == 0 || words >= 2) && words <= 5;
    ++index;
    if (looks_like_name) add_unique(names, util::title_case_if_uniform(part));
  }
  return names;
}

std::string normalize_section(std::string_view section) { return section::normalize(clean_line(section)); }

std::string normalize_language(std::string_view tag) {
  std::string t(util::trim(tag));
  std::replace(t.begin(), t.end(), '_', '-');
  if (t.empty() || t.size() > 35) return "";
  std::vector<std::string> parts = util::split(t, '-');
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string& p = parts[i];
    if (p.empty() || p.size() > 8 ||
        !std::all_of(p.begin(), p.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
      return "";
    }
    p = util::to_lower(p);
    if (i == 0 && (p.size() < 2 || p.size() > 3)) return "";
    if (i > 0 && p.size() == 2) {
      for (char& c : p) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (i > 0 && p.size() == 4 && std::isalpha(static_cast<unsigned char>(p[0]))) {
      p[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));  // script: "Latn"
    }
  }
  return util::join(parts, "-");
}

std::string clean_dateline(std::string_view dateline) {
  std::string s = clean_line(dateline);
  // Trailing dashes and colons join the dateline to the story's first words.
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    for (std::string_view tail : {"-", ":", "\xE2\x80\x93" /* – */, "\xE2\x80\x94" /* — */, " "}) {
      if (s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0) {
        s.resize(s.size() - tail.size());
        changed = true;
      }
    }
  }
  return s;
}

std::string paragraphs_from_text(std::string_view text) {
  std::string t = repair_utf8(text);
  std::vector<std::string> lines = util::split(t, '\n');
  bool has_blank = false;
  for (const auto& line : lines) {
    if (util::trim(line).empty()) has_blank = true;
  }
  std::vector<std::string> paragraphs;
  std::string current;
  auto flush = [&] {
    std::string p = util::collapse_space(current);
    if (!p.empty()) paragraphs.push_back(std::move(p));
    current.clear();
  };
  for (const auto& line : lines) {
    if (util::trim(line).empty() || !has_blank) {
      if (!has_blank) current = line;
      flush();
      continue;
    }
    current += ' ';
    current += line;
  }
  flush();
  return util::join(paragraphs, "\n\n");
}

void add_unique(std::vector<std::string>& list, std::string_view value) {
  std::string v = clean_line(value);
  if (v.empty() || std::find(list.begin(), list.end(), v) != list.end()) return;
  list.push_back(std::move(v));
}

std::string unique_key(std::string key, std::unordered_set<std::string>& seen) {
  if (seen.insert(key).second) return key;
  for (int n = 2;; ++n) {
    std::string candidate = fmt::format("{}~{}", key, n);
    if (seen.insert(candidate).second) return candidate;
  }
}

}  // namespace morgue::news
