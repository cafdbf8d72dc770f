// JSON-LD (schema.org) blocks of a page: <script type="application/ld+json">.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "extract/html_meta.h"
#include "util/strings.h"

namespace morgue::html {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxScriptBytes = 2 << 20;
constexpr int kMaxDepth = 6;
constexpr std::size_t kMaxObjects = 5000;
constexpr std::size_t kMaxListItems = 30;

// CMSs often HTML-escape text inside JSON-LD ("Ben &amp; Jerry&#8217;s").
std::string decode_entities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    unsigned cp = 0;
    if (name == "amp") cp = '&';
    else if (name == "quot") cp = '"';
    else if (name == "apos") cp = '\'';
    else if (name == "lt") cp = '<';
    else if (name == "gt") cp = '>';
    else if (name == "nbsp") cp = ' ';
    else if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      for (char c : name.substr(hex ? 2 : 1)) {
        int d = (c >= '0' && c <= '9') ? c - '0' : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10 : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
        if (d < 0 || cp > 0x10FFFF) {
          cp = 0;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<unsigned>(d);
      }
    }
    if (cp == 0 || cp > 0x10FFFF) {
      out.push_back('&');
      continue;
    }
    util::append_utf8(out, cp);
    i = semi;
  }
  return out;
}

std::string text_value(const json& v) {
  if (v.is_string()) return util::collapse_space(decode_entities(v.get_ref<const std::string&>()));
  if (v.is_object()) {
    for (const char* key : {"name", "@value", "alternateName"}) {
      auto it = v.find(key);
      if (it != v.end() && it->is_string()) return util::collapse_space(decode_entities(it->get_ref<const std::string&>()));
    }
  }
  return "";
}

std::vector<std::string> values_of(const json& v) {
  std::vector<std::string> out;
  if (v.is_array()) {
    for (const auto& item : v) {
      if (out.size() >= kMaxListItems) break;
      std::string s = text_value(item);
      if (!s.empty()) out.push_back(std::move(s));
    }
  } else {
    std::string s = text_value(v);
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> types_of(const json& obj) {
  std::vector<std::string> types;
  auto it = obj.find("@type");
  if (it == obj.end()) return types;
  if (it->is_string()) types.push_back(it->get<std::string>());
  if (it->is_array()) {
    for (const auto& t : *it) {
      if (t.is_string() && types.size() < 8) types.push_back(t.get<std::string>());
    }
  }
  return types;
}

bool any_type_contains(const std::vector<std::string>& types, std::initializer_list<std::string_view> words) {
  for (const auto& t : types) {
    for (std::string_view w : words) {
      if (t.find(w) != std::string::npos) return true;
    }
  }
  return false;
}

void set_if_empty(std::string& field, std::string value) {
  if (field.empty()) field = std::move(value);
}

void read_breadcrumbs(const json& list, JsonLd& out) {
  auto items = list.find("itemListElement");
  if (items == list.end() || !items->is_array() || !out.breadcrumbs.empty()) return;
  std::vector<std::pair<int, std::string>> crumbs;
  for (const auto& item : *items) {
    if (!item.is_object() || crumbs.size() >= kMaxListItems) continue;
    int position = static_cast<int>(crumbs.size());
    auto pos = item.find("position");
    if (pos != item.end() && pos->is_number_integer()) position = pos->get<int>();
    std::string name = text_value(item);
    auto inner = item.find("item");
    if (name.empty() && inner != item.end() && inner->is_object()) name = text_value(*inner);
    if (!name.empty()) crumbs.emplace_back(position, std::move(name));
  }
  std::stable_sort(crumbs.begin(), crumbs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& c : crumbs) out.breadcrumbs.push_back(std::move(c.second));
}

std::string url_value(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) {
    auto id = v.find("@id");
    if (id != v.end() && id->is_string()) return id->get<std::string>();
  }
  return "";
}

void read_article(const json& obj, JsonLd& out) {
  auto field = [&](const char* key) -> const json* {
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
  };
  if (const json* v = field("headline")) set_if_empty(out.headline, text_value(*v));
  if (const json* v = field("datePublished")) set_if_empty(out.date_published, text_value(*v));
  if (const json* v = field("dateCreated")) set_if_empty(out.date_published, text_value(*v));
  if (const json* v = field("dateModified")) set_if_empty(out.date_modified, text_value(*v));
  if (const json* v = field("articleSection")) {
    auto sections = values_of(*v);
    if (!sections.empty()) set_if_empty(out.section, sections.front());
  }
  for (const char* key : {"author", "creator"}) {
    if (!out.authors.empty()) break;
    if (const json* v = field(key)) out.authors = values_of(*v);
  }
  if (const json* v = field("keywords"); v != nullptr && out.keywords.empty()) {
    if (v->is_string()) {
      for (auto& k : util::split(text_value(*v), ',')) {
        std::string t = util::collapse_space(k);
        if (!t.empty() && out.keywords.size() < kMaxListItems) out.keywords.push_back(std::move(t));
      }
    } else {
      out.keywords = values_of(*v);
    }
  }
  if (const json* v = field("inLanguage")) set_if_empty(out.language, text_value(*v));
  if (const json* v = field("url")) set_if_empty(out.url, url_value(*v));
  if (const json* v = field("mainEntityOfPage")) set_if_empty(out.url, url_value(*v));
  if (const json* v = field("publisher")) set_if_empty(out.site_name, text_value(*v));
  out.has_article = true;
}

void read_object(const json& obj, JsonLd& out) {
  std::vector<std::string> types = types_of(obj);
  if (any_type_contains(types, {"Article", "BlogPosting", "Report", "LiveBlog", "SocialMediaPosting"})) {
    read_article(obj, out);
  } else if (any_type_contains(types, {"BreadcrumbList"})) {
    read_breadcrumbs(obj, out);
  } else {
    auto date = obj.find("datePublished");
    if (date != obj.end()) set_if_empty(out.other_date_published, text_value(*date));
    if (any_type_contains(types, {"WebSite", "Organization", "NewsMediaOrganization"})) {
      auto name = obj.find("name");
      if (name != obj.end()) set_if_empty(out.site_name, text_value(*name));
    }
    auto crumb = obj.find("breadcrumb");
    if (crumb != obj.end() && crumb->is_object()) read_breadcrumbs(*crumb, out);
  }
}

std::string_view strip_wrappers(std::string_view s) {
  s = util::trim(s);
  for (std::string_view open : {"<!--", "//<![CDATA[", "<![CDATA["}) {
    if (s.substr(0, open.size()) == open) s = util::trim(s.substr(open.size()));
  }
  for (std::string_view close : {"-->", "//]]>", "]]>"}) {
    if (s.size() >= close.size() && s.substr(s.size() - close.size()) == close) {
      s = util::trim(s.substr(0, s.size() - close.size()));
    }
  }
  while (!s.empty() && s.back() == ';') s = util::trim(s.substr(0, s.size() - 1));
  return s;
}

bool only_space_then_comma(std::string_view rest) {
  for (char c : rest) {
    if (c == ',') return true;
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return false;
  }
  return false;
}

// Mends the usual faults of hand-made JSON-LD: raw line breaks and tabs inside
// strings, a closing brace or bracket that closes nothing open (or the wrong
// kind), a stray brace that would end the block early, commas before a closer,
// closers missing at the end, and several blocks one after another.
std::string repair_json(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  std::vector<char> open;
  bool in_string = false, escaped = false, several = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      // A second block right after the first ("{...}{...}"): a list of them.
      if (open.empty() && out.find_first_not_of(" \t\r\n") != std::string::npos) {
        several = true;
        out.push_back(',');
      }
      open.push_back(c == '{' ? '}' : ']');
    } else if (c == '}' || c == ']') {
      if (open.empty() || open.back() != c) continue;
      if (open.size() == 1 && only_space_then_comma(s.substr(i + 1))) continue;  // "...}}, more": one too many
      open.pop_back();
      std::size_t last = out.find_last_not_of(" \t\r\n");
      if (last != std::string::npos && out[last] == ',') out.erase(last, 1);
    }
    out.push_back(c);
  }
  if (in_string) out.push_back('"');
  while (!open.empty()) {
    out.push_back(open.back());
    open.pop_back();
  }
  return several ? "[" + out + "]" : out;
}

}  // namespace

std::vector<std::string> find_script_dates(std::string_view script, std::size_t cap) {
  // Keys that name the publication time in the data pages keep in scripts
  // (Next.js state, analytics layers, review widgets), lower case.
  static constexpr std::string_view kKeys[] = {"datepublished", "publisheddate", "published_at", "publishdate",
                                               "publish_date", "date_published", "publicationdate",
                                               "publication_date", "publishedat", "firstpublished",
                                               "first_published_at", "published_time", "publishingdate",
                                               "publishing_date", "datecreated", "date_created", "createdat",
                                               "created_at", "creationdate", "creation_date"};
  std::vector<std::pair<std::size_t, std::string>> found;  // position, value
  // ASCII lower case only, so positions stay those of `script`.
  std::string lower(script.substr(0, kMaxScriptBytes));
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  auto skip_quotes = [&](std::size_t i) {
    while (i < lower.size() && (lower[i] == '"' || lower[i] == '\'' || lower[i] == '\\' || lower[i] == ' ')) ++i;
    return i;
  };
  // Every key holds "publi" or "creat": two passes over the text find where
  // keys may start, instead of one pass per key.
  std::vector<std::pair<std::size_t, std::size_t>> starts;  // position, key index
  for (std::string_view anchor : {std::string_view("publi"), std::string_view("creat")}) {
    for (std::size_t p = lower.find(anchor); p != std::string::npos; p = lower.find(anchor, p + 1)) {
      for (std::size_t k = 0; k < std::size(kKeys); ++k) {
        std::size_t in_key = kKeys[k].find(anchor);
        if (in_key == std::string_view::npos || p < in_key) continue;
        if (lower.compare(p - in_key, kKeys[k].size(), kKeys[k]) == 0) starts.emplace_back(p - in_key, k);
      }
    }
  }
  std::sort(starts.begin(), starts.end());
  std::vector<bool> seen(std::size(kKeys), false);
  for (auto [at, k] : starts) {
    // Only the first occurrence of each key with a value counts. A key of its
    // own: quoted or a bare identifier, then a colon.
    if (seen[k] || (at > 0 && (std::isalnum(static_cast<unsigned char>(lower[at - 1])) || lower[at - 1] == '_'))) continue;
    std::size_t i = skip_quotes(at + kKeys[k].size());
    if (i >= lower.size() || lower[i] != ':') continue;
    i = skip_quotes(i + 1);
    std::size_t end = i;
    while (end < lower.size() && end - i < 40 && std::string_view("\"'\\,}").find(lower[end]) == std::string_view::npos) {
      ++end;
    }
    std::string value(util::trim(script.substr(i, end - i)));
    if (value.empty() || !std::isdigit(static_cast<unsigned char>(value[0]))) continue;
    found.emplace_back(at, std::move(value));
    seen[k] = true;
  }
  // The earliest first: a page's own data usually comes before its lists.
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& f : found) {
    if (out.size() < cap) out.push_back(std::move(f.second));
  }
  return out;
}

void read_json_ld(std::string_view script, JsonLd& out) {
  if (script.size() > kMaxScriptBytes) return;
  std::string_view text = strip_wrappers(script);
  json root = json::parse(text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (root.is_discarded()) root = json::parse(repair_json(text), nullptr, false, true);
  if (root.is_discarded()) {
    // Still broken: the article's date can be read off its key, so a teaser's
    // date elsewhere on the page does not win by default.
    auto dates = find_script_dates(text, 1);
    bool article = text.find("Article") != std::string_view::npos || text.find("BlogPosting") != std::string_view::npos;
    if (!dates.empty() && article) set_if_empty(out.date_published, dates.front());
    return;
  }
  std::vector<std::pair<const json*, int>> stack{{&root, 0}};
  std::size_t visited = 0;
  while (!stack.empty() && ++visited < kMaxObjects) {
    auto [value, depth] = stack.back();
    stack.pop_back();
    if (depth > kMaxDepth) continue;
    if (value->is_array()) {
      for (auto it = value->rbegin(); it != value->rend(); ++it) stack.emplace_back(&*it, depth + 1);
      continue;
    }
    if (!value->is_object()) continue;
    read_object(*value, out);
    for (const char* key : {"mainEntity", "@graph"}) {
      auto it = value->find(key);
      if (it != value->end()) stack.emplace_back(&*it, depth + 1);
    }
  }
}

}  // namespace morgue::html
