#include "extract/jsonl.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <initializer_list>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "extract/encoding.h"
#include "extract/news_xml_fields.h"
#include "extract/news_xml_tree.h"
#include "util/strings.h"

namespace morgue {
namespace {

using Json = nlohmann::json;
using Keys = std::initializer_list<const char*>;

// The accepted spellings of each field, in order of preference.
constexpr Keys kTitleKeys = {"title", "headline"};
constexpr Keys kDateKeys = {"date", "published", "datePublished", "pubDate", "published_at", "timestamp"};
constexpr Keys kSectionKeys = {"section", "category", "articleSection"};
constexpr Keys kBodyKeys = {"body", "text", "content", "articleBody", "description"};
constexpr Keys kUrlKeys = {"url", "link", "canonical_url"};
constexpr Keys kAuthorKeys = {"authors", "author", "byline", "creator"};
constexpr Keys kIdKeys = {"id", "guid", "uri", "_id"};
constexpr Keys kSubjectKeys = {"subjects", "tags", "topics", "keywords"};
constexpr Keys kPlaceKeys = {"places", "locations"};
constexpr Keys kPeopleKeys = {"people", "people_tags", "persons"};
constexpr Keys kLanguageKeys = {"language", "lang", "inLanguage"};
constexpr Keys kDatelineKeys = {"dateline"};
constexpr Keys kCaptionKeys = {"captions", "caption"};

const Json* find(const Json& object, Keys keys) {
  for (const char* key : keys) {
    auto it = object.find(key);
    if (it != object.end() && !it->is_null()) return &*it;
  }
  return nullptr;
}

// Strings as is; numbers as written (ids are often numeric); objects by their
// "name" (schema.org authors); anything else as "".
std::string scalar(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return value.dump();
  if (value.is_number_float()) return value.dump();
  if (value.is_object()) {
    for (const char* key : {"name", "label", "title"}) {
      auto it = value.find(key);
      if (it != value.end() && it->is_string()) return it->get<std::string>();
    }
  }
  return "";
}

std::string string_field(const Json& object, Keys keys) {
  const Json* value = find(object, keys);
  return value ? news::clean_line(scalar(*value)) : "";
}

// A list field given as an array, or as one string separated by commas or semicolons.
std::vector<std::string> list_field(const Json& object, Keys keys) {
  std::vector<std::string> items;
  const Json* value = find(object, keys);
  if (!value) return items;
  if (value->is_array()) {
    for (const Json& element : *value) news::add_unique(items, scalar(element));
  } else {
    std::string s = scalar(*value);
    std::replace(s.begin(), s.end(), ';', ',');
    for (const std::string& part : util::split(s, ',')) news::add_unique(items, part);
  }
  return items;
}

std::vector<std::string> authors_field(const Json& object) {
  std::vector<std::string> authors;
  const Json* value = find(object, kAuthorKeys);
  if (!value) return authors;
  std::vector<std::string> bylines;
  if (value->is_array()) {
    for (const Json& element : *value) bylines.push_back(scalar(element));
  } else {
    bylines.push_back(scalar(*value));
  }
  for (const std::string& byline : bylines) {
    for (const std::string& name : news::split_byline(byline)) news::add_unique(authors, name);
  }
  return authors;
}

// Numbers are Unix times: seconds, or milliseconds when too large for seconds.
bool set_epoch_date(Article& a, double value) {
  if (!std::isfinite(value) || value < 0) return false;
  double secs = value > 1e11 ? value / 1000 : value;
  if (secs > 253402300799.0) return false;  // past 9999-12-31
  using namespace std::chrono;
  sys_seconds t{seconds{static_cast<long long>(secs)}};
  year_month_day day{floor<days>(t)};
  hh_mm_ss<seconds> time{t - floor<days>(t)};
  a.date = Date{int(day.year()), int(unsigned(day.month())), int(unsigned(day.day()))};
  a.timestamp = fmt::format("{}T{:02}:{:02}:{:02}Z", a.date->iso(), time.hours().count(), time.minutes().count(),
                            time.seconds().count());
  return true;
}

// Sets the date; returns the reason when the value is given but unreadable.
std::string read_date(const Json& object, Article& a) {
  const Json* value = find(object, kDateKeys);
  if (!value) return "";
  if (value->is_number() && set_epoch_date(a, value->get<double>())) return "";
  std::string text = scalar(*value);
  if (text.empty() || news::set_date(a, text)) return "";
  return fmt::format("unparsable date \"{}\"", news::clean_line(text).substr(0, 80));
}

// Exports hold either plain text or HTML; markup is recognised by its tags.
bool looks_like_html(std::string_view text) {
  std::string head = util::to_lower(text.substr(0, 4096));
  for (std::string_view tag : {"<p>", "<p ", "<br", "<div", "</p>", "<li>"}) {
    if (head.find(tag) != std::string::npos) return true;
  }
  return false;
}

void read_body(const Json& object, Article& a) {
  const Json* value = find(object, kBodyKeys);
  if (!value) return;
  std::string text;
  if (value->is_array()) {
    std::vector<std::string> paragraphs;
    for (const Json& element : *value) paragraphs.push_back(scalar(element));
    text = util::join(paragraphs, "\n\n");
  } else {
    text = scalar(*value);
  }
  if (looks_like_html(text)) {
    news::BlockText block = news::html_fragment_text(text);
    a.body = block.body();
    for (const std::string& caption : block.captions) news::add_unique(a.captions, caption);
  } else {
    a.body = news::paragraphs_from_text(text);
  }
}

Article read_article(const Json& object) {
  Article a;
  a.title = string_field(object, kTitleKeys);
  a.url = string_field(object, kUrlKeys);
  a.authors = authors_field(object);
  a.subjects = list_field(object, kSubjectKeys);
  // An array of sections or categories is a list of labels, not a path: the
  // first is the section and all of them are subjects.
  if (const Json* section = find(object, kSectionKeys); section && section->is_array()) {
    for (const Json& element : *section) {
      if (a.section.empty()) a.section = news::normalize_section(scalar(element));
      news::add_unique(a.subjects, scalar(element));
    }
  } else {
    a.section = news::normalize_section(string_field(object, kSectionKeys));
  }
  for (const std::string& place : list_field(object, kPlaceKeys)) news::add_unique(a.subjects, place);
  a.people = list_field(object, kPeopleKeys);
  a.captions = list_field(object, kCaptionKeys);
  a.dateline = news::clean_dateline(string_field(object, kDatelineKeys));
  a.language = news::normalize_language(string_field(object, kLanguageKeys));
  read_body(object, a);
  return a;
}

}  // namespace

Extraction parse_json_lines(std::string_view bytes, const std::string& source) {
  Extraction result;
  std::string bom;
  bytes = strip_bom(bytes, &bom);
  std::unordered_set<std::string> keys;
  std::size_t line_number = 0;
  while (!bytes.empty()) {
    std::size_t end = bytes.find('\n');
    std::string_view line = bytes.substr(0, end);
    bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
    ++line_number;
    if (util::trim(line).empty()) continue;
    std::string where = fmt::format("{}:{}", source, line_number);
    // nlohmann rejects invalid UTF-8; a stray Latin-1 byte should cost one character, not the line.
    std::string repaired;
    if (!is_valid_utf8(line)) line = repaired = repair_utf8(line);
    Json object = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (object.is_discarded()) {
      result.problems.push_back({where, "not valid JSON"});
      continue;
    }
    if (!object.is_object()) {
      result.problems.push_back({where, fmt::format("not a JSON object (found {})", object.type_name())});
      continue;
    }
    Article article = read_article(object);
    if (std::string reason = read_date(object, article); !reason.empty()) result.problems.push_back({where, reason});
    if (article.title.empty() && article.body.empty()) {
      result.problems.push_back({where, "no title and no body; skipped"});
      continue;
    }
    std::string key = string_field(object, kIdKeys);
    if (key.empty()) key = article.url;
    if (key.empty()) key = fmt::format("line-{}", line_number);
    article.key = news::unique_key(std::move(key), keys);
    article.source = source;
    result.articles.push_back(std::move(article));
  }
  if (result.articles.empty() && result.problems.empty()) result.problems.push_back({source, "no articles found"});
  return result;
}

}  // namespace morgue
