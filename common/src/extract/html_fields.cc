// Headline, URL, language, section and subjects of an HTML page.
#include "extract/html_fields.h"

#include <algorithm>

#include "util/strings.h"

namespace morgue::html {
namespace {

constexpr std::size_t kMaxSectionPart = 40;

std::string lower(std::string_view s) { return util::to_lower(util::collapse_space(s)); }

bool is_absolute_url(std::string_view u) {
  return util::starts_with_ci(u, "http://") || util::starts_with_ci(u, "https://");
}

std::string_view origin_of(std::string_view url) {
  std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::size_t slash = url.find('/', scheme + 3);
  return url.substr(0, slash);
}

std::vector<std::string> site_names(const PageMeta& meta) {
  std::vector<std::string> names;
  for (std::string_view v : {meta.meta("og:site_name"), meta.meta("application-name"),
                             std::string_view(meta.json_ld.site_name), meta.meta("twitter:site")}) {
    std::string name = util::collapse_space(v);
    if (!name.empty() && name[0] == '@') name.erase(0, 1);
    if (!name.empty()) names.push_back(util::to_lower(name));
  }
  return names;
}

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// Title separators: spaced so that hyphenated words stay whole.
constexpr std::string_view kSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
                                            " \xC2\xBB ", " \xC2\xAB ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " / ", " ~ "};

// Positions and lengths of separators in `t`, in order.
std::vector<std::pair<std::size_t, std::size_t>> separators_in(std::string_view t) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] != ' ') continue;
    for (std::string_view sep : kSeparators) {
      if (t.compare(i, sep.size(), sep) == 0) {
        out.emplace_back(i, sep.size());
        break;
      }
    }
  }
  return out;
}

bool names_site(std::string_view part, const std::vector<std::string>& names) {
  std::string p = lower(part);
  if (p.empty()) return false;
  for (const auto& n : names) {
    if (p == n || (n.size() > 3 && p.find(n) != std::string::npos) || (p.size() > 3 && n.find(p) != std::string::npos)) {
      return true;
    }
  }
  // Domain-like parts ("example.com") are site names too.
  return p.find(' ') == std::string::npos && (p.find(".com") != std::string::npos || p.find(".co.") != std::string::npos ||
                                              p.find(".org") != std::string::npos || p.find(".net") != std::string::npos);
}

std::string_view home_word(std::string_view s) {
  static constexpr std::string_view kHome[] = {"home", "homepage", "home page", "start", "startseite", "accueil",
                                               "inicio", "portada", "front page", "index", "main", "hauptseite"};
  for (std::string_view h : kHome) {
    if (util::iequals(s, h)) return h;
  }
  return {};
}

bool is_separator_text(std::string_view s) {
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0xC3) {
      return false;
    }
  }
  return true;
}

// "World/Europe", "world > europe" -> "World/Europe"; "" when too long to be a section.
std::string normalize_section(std::string_view raw) {
  std::string s = util::collapse_space(raw);
  for (std::string_view sep : {">", "\xE2\x80\xBA", "\xC2\xBB", "|"}) {
    for (std::size_t pos = s.find(sep); pos != std::string::npos; pos = s.find(sep, pos + 1)) {
      s.replace(pos, sep.size(), "/");
    }
  }
  std::vector<std::string> parts;
  for (const auto& part : util::split(s, '/')) {
    std::string p = util::collapse_space(part);
    if (p.empty()) continue;
    if (p.size() > kMaxSectionPart || parts.size() >= 3) return parts.empty() ? "" : util::join(parts, "/");
    parts.push_back(util::title_case_if_uniform(p));
  }
  return util::join(parts, "/");
}

std::string section_from_breadcrumbs(const std::vector<std::string>& crumbs, std::string_view title,
                                     const std::vector<std::string>& names) {
  std::vector<std::string> items;
  for (const auto& c : crumbs) {
    std::string t = util::collapse_space(c);
    if (!t.empty() && !is_separator_text(t)) items.push_back(std::move(t));
  }
  if (!items.empty() && (!home_word(items.front()).empty() || names_site(items.front(), names))) items.erase(items.begin());
  std::string lower_title = lower(title);
  // The last crumb is often the story itself.
  while (!items.empty()) {
    std::string last = lower(items.back());
    if (last.size() > kMaxSectionPart || (!lower_title.empty() && lower_title.find(last) != std::string::npos && last.size() > 12)) {
      items.pop_back();
    } else {
      break;
    }
  }
  if (items.size() > 3) items.resize(3);
  for (const auto& i : items) {
    if (i.size() > kMaxSectionPart) return "";
  }
  return normalize_section(util::join(items, "/"));
}

bool section_word(std::string_view seg) {
  if (seg.size() < 2 || seg.size() > 25) return false;
  int hyphens = 0;
  for (char c : seg) {
    if (c == '-') ++hyphens;
    else if (!(c >= 'a' && c <= 'z')) return false;
  }
  static constexpr std::string_view kNotSections[] = {
      "article", "articles", "story", "stories", "content", "www", "index", "html", "amp", "post", "posts",
      "blog", "blogs", "node", "item", "items", "archive", "archives", "cgi-bin", "pages", "page", "home",
      "doc", "docs", "public", "web", "site", "en", "de", "fr", "es", "it", "nl", "pt", "us", "uk-en",
      "id", "view", "detail", "details", "a", "p", "s", "n", "default", "portal", "online", "print", "read"};
  for (std::string_view n : kNotSections) {
    if (seg == n) return false;
  }
  return hyphens <= 2;
}

std::string section_from_url(std::string_view url) {
  std::string_view origin = origin_of(url);
  if (origin.empty()) return "";
  std::string_view path = url.substr(origin.size());
  path = path.substr(0, path.find_first_of("?#"));
  std::vector<std::string> segs;
  for (auto& s : util::split(path, '/')) {
    if (!s.empty()) segs.push_back(s);
  }
  if (!segs.empty()) segs.pop_back();  // the story's own slug
  std::vector<std::string> parts;
  for (const auto& seg : segs) {
    if (!section_word(seg)) break;
    std::string words = seg;
    std::replace(words.begin(), words.end(), '-', ' ');
    parts.push_back(util::title_case_if_uniform(words));
    if (parts.size() == 2) break;
  }
  if (parts.size() > 1 && parts.front() == "News") parts.erase(parts.begin());
  return util::join(parts, "/");
}

}  // namespace

std::string clean_title(std::string_view raw, const std::vector<std::string>& names, const std::vector<std::string>& h1s) {
  std::string t = util::collapse_space(raw);
  if (t.empty()) return t;
  std::string lower_t = util::to_lower(t);
  // A heading the title starts with, or a long one it contains, is the
  // headline without the site's decoration ("Site: Section : Headline").
  for (const auto& h : h1s) {
    std::string lh = lower(h);
    if (word_count(lh) < 2 || lh.size() >= lower_t.size()) continue;
    if (lower_t.rfind(lh, 0) == 0) {
      auto after = separators_in(std::string_view(t).substr(lh.size(), 6));
      if (!after.empty() && after.front().first == 0) return util::collapse_space(h);
    } else if (word_count(lh) >= 4 && lower_t.find(lh) != std::string::npos) {
      return util::collapse_space(h);
    }
  }
  auto seps = separators_in(t);
  if (seps.empty()) return t;
  // Site names at either end.
  std::string_view view(t);
  bool cut = false;
  while (!seps.empty()) {
    auto [pos, len] = seps.back();
    if (names_site(view.substr(pos + len), names)) {
      view = view.substr(0, pos);
      seps.pop_back();
      cut = true;
    } else {
      break;
    }
  }
  while (!seps.empty()) {
    auto [pos, len] = seps.front();
    if (names_site(view.substr(0, pos), names)) {
      std::size_t drop = pos + len;
      view = view.substr(drop);
      seps.erase(seps.begin());
      for (auto& s : seps) s.first -= drop;
      cut = true;
    } else {
      break;
    }
  }
  if (cut || seps.empty()) return std::string(view);
  // Unknown site name: readability's rule, the part before the last separator
  // unless that leaves too few words.
  auto [pos, len] = seps.back();
  std::string_view before = view.substr(0, pos);
  if (word_count(before) >= 3) return std::string(before);
  auto [fpos, flen] = seps.front();
  std::string_view after = view.substr(fpos + flen);
  if (word_count(after) >= 3) return std::string(after);
  return std::string(view);
}

std::string resolve_title(const PageMeta& meta) {
  std::vector<std::string> names = site_names(meta);
  for (std::string_view candidate : {std::string_view(meta.json_ld.headline), meta.meta("og:title"),
                                     meta.meta("twitter:title"), std::string_view(meta.itemprop_headline),
                                     meta.meta("dc.title"), std::string_view(meta.title)}) {
    std::string t = clean_title(candidate, names, meta.h1s);
    if (!t.empty()) return t;
  }
  return meta.h1s.empty() ? "" : util::collapse_space(meta.h1s.front());
}

std::string resolve_url(const PageMeta& meta) {
  std::string_view og = meta.meta("og:url");
  std::string_view base = is_absolute_url(meta.base) ? std::string_view(meta.base) : is_absolute_url(og) ? og : std::string_view();
  for (std::string_view candidate : {std::string_view(meta.canonical), og, std::string_view(meta.json_ld.url)}) {
    std::string_view c = util::trim(candidate);
    if (is_absolute_url(c)) return std::string(c);
    if (c.substr(0, 2) == "//") return "https:" + std::string(c);
    if (!c.empty() && c[0] == '/' && !base.empty()) return std::string(origin_of(base)) + std::string(c);
  }
  return "";
}

std::string resolve_language(const PageMeta& meta) {
  for (std::string_view candidate : {std::string_view(meta.lang), meta.meta("content-language"),
                                     meta.meta("og:locale"), std::string_view(meta.json_ld.language),
                                     meta.meta("dc.language"), meta.meta("language")}) {
    std::string v(util::trim(candidate.substr(0, candidate.find_first_of(", ;"))));
    std::replace(v.begin(), v.end(), '_', '-');
    std::size_t dash = v.find('-');
    std::string primary = util::to_lower(v.substr(0, dash));
    if (primary.size() < 2 || primary.size() > 3 ||
        !std::all_of(primary.begin(), primary.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      continue;
    }
    if (dash == std::string::npos) return primary;
    std::string region = v.substr(dash + 1);
    if (region.size() == 2) {
      for (char& c : region) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return primary + "-" + region;
  }
  return "";
}

std::string resolve_section(const PageMeta& meta, std::string_view url, std::string_view title) {
  for (std::string_view candidate : {meta.meta("article:section"), meta.meta("og:article:section"),
                                     std::string_view(meta.json_ld.section), std::string_view(meta.itemprop_section),
                                     meta.meta("section"), meta.meta("parsely-section")}) {
    std::string s = normalize_section(candidate);
    if (!s.empty()) return s;
  }
  std::vector<std::string> names = site_names(meta);
  for (const auto* crumbs : {&meta.json_ld.breadcrumbs, &meta.breadcrumbs}) {
    std::string s = section_from_breadcrumbs(*crumbs, title, names);
    if (!s.empty()) return s;
  }
  return section_from_url(url);
}

std::vector<std::string> resolve_subjects(const PageMeta& meta) {
  std::vector<std::string> out;
  auto add = [&](std::string_view value) {
    for (const auto& part : util::split(value, ',')) {
      std::string s = util::collapse_space(part);
      if (s.empty() || s.size() > 80 || out.size() >= 30) continue;
      bool seen = std::any_of(out.begin(), out.end(), [&](const std::string& o) { return util::iequals(o, s); });
      if (!seen) out.push_back(std::move(s));
    }
  };
  for (const auto& [key, value] : meta.metas) {
    if (key == "news_keywords" || key == "keywords" || key == "article:tag") add(value);
  }
  for (const auto& k : meta.json_ld.keywords) add(k);
  return out;
}

}  // namespace morgue::html
