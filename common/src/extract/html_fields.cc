// Headline, URL, language, section and subjects of an HTML page.
#include "extract/html_fields.h"

#include <algorithm>

#include "extract/section.h"
#include "util/strings.h"

namespace morgue::html {
namespace {

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

std::string resolve_section(const PageMeta& meta, std::string_view url, std::string_view title,
                            const std::vector<std::string>& people) {
  section::PageContext page{site_names(meta), std::string(url), std::string(title), people};
  for (std::string_view candidate : {meta.meta("article:section"), meta.meta("og:article:section"),
                                     std::string_view(meta.json_ld.section), std::string_view(meta.itemprop_section),
                                     meta.meta("section"), meta.meta("parsely-section")}) {
    std::string s = section::from_field(candidate, page);
    if (!s.empty()) return s;
  }
  for (const auto* crumbs : {&meta.json_ld.breadcrumbs, &meta.breadcrumbs}) {
    std::string s = section::from_trail(*crumbs, page);
    if (!s.empty()) return s;
  }
  return section::from_url(page);
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
