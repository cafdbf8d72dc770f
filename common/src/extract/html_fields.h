// Turns what a page says about itself (PageMeta) into article fields, each
// from the most trustworthy source that has it (private header).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/date_parse.h"
#include "extract/html_meta.h"

namespace morgue::html {

// Names the page gives itself, lower case: og:site_name, application-name,
// JSON-LD publisher, twitter:site (without "@").
std::vector<std::string> site_names(const PageMeta& meta);

// Headline (html_title.cc): JSON-LD headline, og:title, twitter:title,
// itemprop headline, dc.title, <title>, first heading; site and section
// decoration removed. A candidate that a heading of the page repeats wins over
// an earlier one; a title unrelated to the story (`paragraphs`, the main
// text) gives way to a heading that is related to it.
std::string resolve_title(const PageMeta& meta, const std::vector<std::string>& paragraphs);

// Removes "| Site", "- Section - Sport", "Site > News >" parts from a title.
// `site_names` are names the page gives itself; `h1s` its headings (a heading
// that is a part of the title is taken). "" for a title holding markup.
std::string clean_title(std::string_view raw, const std::vector<std::string>& site_names,
                        const std::vector<std::string>& h1s);

// Canonical URL, made absolute when the page gives a base; "" if none.
std::string resolve_url(const PageMeta& meta);

// BCP-47 tag ("en", "de-AT") or "".
std::string resolve_language(const PageMeta& meta);

// Display form "World" or "World/Europe" (extract/section.h); "" if none.
// The publisher's section fields first, then breadcrumbs, then the URL path;
// `people` (the bylines) are never a section.
std::string resolve_section(const PageMeta& meta, std::string_view url, std::string_view title,
                            const std::vector<std::string>& people);

std::vector<std::string> resolve_subjects(const PageMeta& meta);

// Publication date (see docs/extraction.md); `lead_lines` are short lines at
// the start of the story, for visible datelines; `headline` picks the h1 whose
// neighbourhood shows the story's date.
std::optional<DateTime> resolve_date(const PageMeta& meta, std::string_view url,
                                     const std::vector<std::string>& lead_lines, std::string_view headline);

// Finds one date expression inside a short visible text ("Posted by X on
// March 3, 2008 | 12 comments"); text after "updated"/"modified" is ignored.
std::optional<DateTime> find_date_in_text(std::string_view text);

std::vector<std::string> resolve_authors(const PageMeta& meta);

// "By Jane Doe and John Roe, Staff Writers" -> {"Jane Doe", "John Roe"}.
std::vector<std::string> split_byline(std::string_view byline);

}  // namespace morgue::html
