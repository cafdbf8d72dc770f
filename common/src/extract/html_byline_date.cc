// Publication date and bylines of an HTML page.
#include <algorithm>
#include <chrono>

#include "extract/html_fields.h"
#include "util/strings.h"

namespace morgue::html {
namespace {

constexpr int kEarliestWebYear = 1994;
constexpr std::size_t kMaxAuthors = 10;
constexpr std::size_t kMaxWindow = 6;
constexpr std::size_t kMaxTokens = 200;

// Meta tags that name the publication time, most specific first.
constexpr std::string_view kDateMetas[] = {
    "article:published_time", "og:article:published_time", "article.published", "datepublished",
    "published_time", "article:published", "publishdate", "publish-date", "publish_date", "pubdate",
    "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date.created",
    "dcterms.created", "dc.date", "dcterms.date", "dc.created", "date", "originalpublicationdate",
    "article_date_original", "citation_publication_date", "citation_date", "og:published_time",
    "published-date", "release_date", "cxenseparse:recs:publishtime", "displaydate", "creation_date"};

// Words after which a visible text talks about a later change, not publication.
constexpr std::string_view kUpdateWords[] = {"updated", "modified", "aktualisiert", "geändert", "mis à jour",
                                             "actualizado", "aggiornato", "last edit", "bijgewerkt"};

// Today plus a day of clock skew: later dates are typos or event dates.
Date latest_plausible() {
  using namespace std::chrono;
  auto days = floor<std::chrono::days>(system_clock::now()) + std::chrono::days(1);
  year_month_day ymd{days};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

bool plausible(const Date& d) { return d.year >= kEarliestWebYear && d <= latest_plausible(); }

std::optional<DateTime> parse_plausible(std::string_view text) {
  if (text.empty()) return std::nullopt;
  auto dt = parse_date_time(text);
  if (!dt || !plausible(dt->date)) return std::nullopt;
  return dt;
}

std::vector<std::string_view> tokens_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

bool is_role_word(std::string_view w) {
  static constexpr std::string_view kRoles[] = {
      "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor",
      "editors", "contributor", "contributing", "columnist", "senior", "political", "chief", "special",
      "desk", "the", "of", "for", "associate", "deputy", "managing", "news", "sports", "business"};
  for (std::string_view r : kRoles) {
    if (util::iequals(w, r)) return true;
  }
  return false;
}

// One name from one byline part, or "" when the part is not a name.
std::string clean_name(std::string_view part) {
  std::string s = util::collapse_space(part);
  while (!s.empty() && std::string_view(".:,;-|()'\"").find(s.back()) != std::string_view::npos) s.pop_back();
  while (!s.empty() && std::string_view(".:,;-|()'\" ").find(s.front()) != std::string_view::npos) s.erase(0, 1);
  if (s.size() < 3 || s.size() > 60) return "";
  if (s.find('@') != std::string::npos || s.find("://") != std::string::npos || s.find("www.") != std::string::npos) return "";
  if (std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return "";
  auto words = tokens_of(s);
  if (words.empty() || words.size() > 5) return "";
  if (s[0] >= 'a' && s[0] <= 'z') return "";
  if (std::all_of(words.begin(), words.end(), is_role_word)) return "";
  return util::title_case_if_uniform(s);
}

void add_unique(std::vector<std::string>& out, std::string name) {
  if (name.empty() || out.size() >= kMaxAuthors) return;
  bool seen = std::any_of(out.begin(), out.end(), [&](const std::string& o) { return util::iequals(o, name); });
  if (!seen) out.push_back(std::move(name));
}

}  // namespace

std::optional<DateTime> find_date_in_text(std::string_view text) {
  std::string lower = util::to_lower(util::collapse_space(text));
  std::size_t cut = lower.size();
  for (std::string_view w : kUpdateWords) cut = std::min(cut, lower.find(w));
  std::string kept = util::collapse_space(text).substr(0, cut);
  std::vector<std::string_view> tokens = tokens_of(kept);
  if (tokens.size() > kMaxTokens) tokens.resize(kMaxTokens);
  // Every date form has digits within its first three words.
  std::vector<char> digit(tokens.size() + 2, 0);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    digit[i] = std::any_of(tokens[i].begin(), tokens[i].end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!digit[i] && !digit[i + 1] && !digit[i + 2]) continue;
    for (std::size_t len = 1; len <= kMaxWindow && i + len <= tokens.size(); ++len) {
      const char* begin = tokens[i].data();
      const char* end = tokens[i + len - 1].data() + tokens[i + len - 1].size();
      if (auto dt = parse_plausible(std::string_view(begin, static_cast<std::size_t>(end - begin)))) return dt;
    }
  }
  return std::nullopt;
}

namespace {

std::optional<DateTime> date_from_page(const PageMeta& meta, const std::vector<std::string>& lead_lines) {
  if (auto dt = parse_plausible(meta.json_ld.date_published)) return dt;
  for (std::string_view key : kDateMetas) {
    for (const auto& [k, v] : meta.metas) {
      if (k != key) continue;
      if (auto dt = parse_plausible(v)) return dt;
    }
  }
  for (const auto& v : meta.itemprop_dates) {
    if (auto dt = parse_plausible(v)) return dt;
  }
  if (auto dt = parse_plausible(meta.json_ld.other_date_published)) return dt;
  for (const auto& v : meta.marked_dates) {
    if (auto dt = parse_plausible(v)) return dt;
    if (auto dt = find_date_in_text(v)) return dt;
  }
  for (const auto& v : meta.time_dates) {
    if (auto dt = parse_plausible(v)) return dt;
  }
  for (const auto& v : meta.date_texts) {
    if (auto dt = find_date_in_text(v)) return dt;
  }
  for (const auto& v : lead_lines) {
    if (auto dt = find_date_in_text(v)) return dt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<DateTime> resolve_date(const PageMeta& meta, std::string_view url,
                                     const std::vector<std::string>& lead_lines) {
  std::optional<DateTime> page = date_from_page(meta, lead_lines);
  // A full date in the URL is set when the story is first filed and survives
  // later edits that rewrite the metadata dates; the page may still give the
  // time of that day.
  if (auto d = date_from_url(url); d && plausible(*d)) {
    if (page && page->date == *d) return page;
    return DateTime{*d, ""};
  }
  return page;
}

std::vector<std::string> split_byline(std::string_view byline) {
  std::string s = util::collapse_space(byline);
  std::string lower = util::to_lower(s);
  // Drop what follows the names: roles after a dash or bar, dates, places.
  std::size_t cut = s.size();
  for (std::string_view stop : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " on ", " published", " posted",
                                " updated", " am ", " le ", " el ", " in ", "\n"}) {
    std::size_t pos = lower.find(stop);
    if (pos != std::string::npos && pos > 0) cut = std::min(cut, pos);
  }
  s.resize(cut);
  lower.resize(std::min(lower.size(), cut));
  for (std::string_view prefix : {"written by ", "posted by ", "story by ", "words by ", "text by ", "by ", "von ",
                                  "par ", "por ", "door ", "di ", "author: ", "autor: ", "text: ", "reporter: "}) {
    if (lower.rfind(prefix, 0) == 0) {
      s.erase(0, prefix.size());
      lower.erase(0, prefix.size());
      break;
    }
  }
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    std::size_t skip = 0;
    if (i == s.size()) {
      skip = 1;
    } else {
      for (std::string_view sep : {" and ", " & ", ", ", ";", " und ", " et ", " y ", " with ", " e "}) {
        if (lower.compare(i, sep.size(), sep) == 0) {
          skip = sep.size();
          break;
        }
      }
    }
    if (skip == 0) continue;
    add_unique(out, clean_name(std::string_view(s).substr(start, i - start)));
    start = i + skip;
    i = start - 1;
  }
  return out;
}

std::vector<std::string> resolve_authors(const PageMeta& meta) {
  std::vector<std::string> out;
  auto from_list = [&](const std::vector<std::string>& values) {
    for (const auto& v : values) {
      for (auto& name : split_byline(v)) add_unique(out, std::move(name));
    }
    return !out.empty();
  };
  if (from_list(meta.json_ld.authors)) return out;
  std::vector<std::string> meta_names;
  for (std::string_view key : {"author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author",
                               "parsely-author", "byl", "citation_author"}) {
    for (const auto& [k, v] : meta.metas) {
      if (k == key) meta_names.push_back(v);
    }
  }
  if (from_list(meta_names)) return out;
  if (from_list(meta.itemprop_authors)) return out;
  if (from_list(meta.rel_authors)) return out;
  from_list(meta.byline_texts);
  return out;
}

}  // namespace morgue::html
