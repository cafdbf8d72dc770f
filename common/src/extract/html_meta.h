// Metadata an HTML page states about itself (private header): meta tags,
// JSON-LD, microdata, <time> elements, bylines, breadcrumbs. Collected in one
// walk; html_fields.h turns it into article fields.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace morgue::html {

// What the JSON-LD blocks of a page say. Fields of objects typed as articles
// (NewsArticle, BlogPosting, Report, ...) win over those of other objects.
struct JsonLd {
  std::string headline;
  std::string date_published;        // from an article object
  std::string other_date_published;  // from a WebPage or other object
  std::string date_modified;         // dateModified of an article object
  std::string section;
  std::string language;
  std::string url;
  std::string site_name;             // publisher name
  std::vector<std::string> authors;
  std::vector<std::string> keywords;
  std::vector<std::string> breadcrumbs;
  bool has_article = false;
};

// Adds what one <script type="application/ld+json"> says to `out`. Invalid
// JSON is ignored. Depth and size are capped.
void read_json_ld(std::string_view script, JsonLd& out);

// Publication dates a script's data states under a key such as
// "datePublished", "publishedDate" or "published_at" (quoted, bare or
// backslash-escaped), at most `cap`, the earliest in the text first.
std::vector<std::string> find_script_dates(std::string_view script, std::size_t cap);

// Visible text around one top-level heading (h1): where pages show the
// story's date ("Stand: 28.04.2020 18:00 Uhr" under the headline).
struct HeadlineWindow {
  std::string heading;  // the heading's text
  std::string before;   // the last visible text before it (a short tail)
  std::string after;    // the first visible text after it (a short head)
};

struct PageMeta {
  std::string title;                                       // <title>
  std::vector<std::string> h1s;                            // first headings (h1-h3, class headline/title)
  std::vector<std::pair<std::string, std::string>> metas;  // lower-cased name/property/itemprop -> content
  std::string canonical;                                   // <link rel=canonical href>
  std::string base;                                        // <base href>
  std::string lang;                                        // <html lang>
  JsonLd json_ld;
  std::string itemprop_headline, itemprop_section;
  std::vector<std::string> itemprop_dates;   // itemprop=datePublished values
  std::vector<std::string> marked_dates;     // <time pubdate>, class "published"/"entry-date"...
  std::vector<std::string> time_dates;       // other <time datetime> outside comments and sidebars
  std::vector<std::string> date_texts;       // short visible text of date/byline-like elements
  std::vector<std::string> modified_dates;   // itemprop=dateModified values
  std::vector<std::string> labelled_dates;   // visible "Veröffentlicht am ...", "Published: ..." texts
  std::vector<std::string> data_dates;       // data-utime, data-timestamp... values (Unix times or dates)
  std::vector<std::string> script_dates;     // "datePublished"-like keys in inline scripts
  std::vector<std::string> lone_dates;       // short visible texts that are a date and little else
  std::vector<HeadlineWindow> headline_windows;  // first few h1s outside boilerplate (h2s before any h1)
  std::vector<std::string> itemprop_authors;
  std::vector<std::string> rel_authors;      // <a rel=author> texts
  std::vector<std::string> byline_texts;     // short text of class byline/author elements
  std::vector<std::string> breadcrumbs;      // items of the first breadcrumb trail
  std::vector<std::string> captions;         // figcaption and class *caption* texts

  // First value of a meta tag (key lower-case), "" if none.
  std::string_view meta(std::string_view key) const;
};

// Walks the whole document once. Bounded: each kind of candidate is capped.
PageMeta collect_meta(const xmlDoc* doc);

}  // namespace morgue::html
