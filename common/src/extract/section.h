// Sections: one short, consistent section per article from what a publisher
// states (a section field, a breadcrumb trail, the URL path). Private header.
//
// The display form is at most two levels joined with "/" ("Sport/Cricket"),
// each level in title case where the source was all lower or upper case or
// left words in lower case ("local news" -> "Local News"); abbreviations in
// capitals whatever the source's case ("uk", "Nasa" -> "UK", "NASA").
// Navigation is not a section: "you are here" labels, "Home", arrows, share
// links, the site's own name, domains, the story's own crumb (also the
// headline part of the page's title), dates and issue numbers, the byline's
// people and placeholders ("Uncategorized", "Article", "nil") are dropped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace morgue::section {

// What tells a page's sections from its own name and its story.
struct PageContext {
  std::vector<std::string> site_names;  // names the page gives itself (og:site_name ...)
  std::string url;                      // canonical URL, "" if none
  std::string title;                    // the resolved headline
  std::vector<std::string> people;      // bylines: a level naming one is not a section
  std::vector<std::string> page_titles; // <title>, og:title as written: a last crumb that is
                                        // their headline part is the story
};

// A publisher's section field: "World", "world > europe", "/world/middle_east/",
// "Posted in News"; a comma list ("Politik, Inland") is a list of labels, of
// which the first real one is the section. "" when nothing is left.
std::string from_field(std::string_view value, const PageContext& page);

// A breadcrumb trail in page order ("Home", "News", "World", "<the story>").
// Leading home, site and "you are here" crumbs go; the trail ends at a share or
// navigation link, a date or the story. Over 7 items is a menu: "".
std::string from_trail(const std::vector<std::string>& crumbs, const PageContext& page);

// The canonical URL's path ("/world/europe/slug" -> "World/Europe"): never the
// slug, no digits, no folders like "article", "wiki", "user"; blog hosts give "".
std::string from_url(const PageContext& page);

// The shared display form for formats whose section is a plain field (text,
// NITF, NewsML, JSON Lines): levels split at "/", ">", "|", "»", cleaned as
// from_field() does without a page, at most two levels.
std::string normalize(std::string_view value);

}  // namespace morgue::section
