// URL, language, section and subjects of an HTML page; the names it gives itself.
#include "extract/html_fields.h"

#include <algorithm>

#include "extract/section.h"
#include "util/strings.h"

namespace morgue::html {
namespace {


bool is_absolute_url(std::string_view u) {
  return util::starts_with_ci(u, "http://") || util::starts_with_ci(u, "https://");
}

std::string_view origin_of(std::string_view url) {
  std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::size_t slash = url.find('/', scheme + 3);
  return url.substr(0, slash);
}

}  // namespace

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
  section::PageContext page{site_names(meta), std::string(url), std::string(title), people,
                            {meta.title, std::string(meta.meta("og:title"))}};
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
