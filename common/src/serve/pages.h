// Server-rendered HTML pages of the service: a story (/story/ID) and a person
// (/person/NAME). Pure functions from search results to HTML, no I/O: tested
// in tests/unit/serve/pages_test.cc. Everything from stored text is
// HTML-escaped; the only markup made from it is <mark> around query words.
// The pages share the search page's style sheet and theme script and run
// under the same Content-Security-Policy (no inline script or style).
#pragma once

#include <string>
#include <string_view>

#include "morgue/article.h"
#include "morgue/search.h"

namespace morgue::serve {

// Percent-encodes everything but RFC 3986's unreserved characters: for a
// value in a query string or a path segment.
std::string url_component(std::string_view text);

// The link to a person's page: "/person/Sergey%20Lavrov".
std::string person_path(std::string_view name);

struct StoryPage {
  const Article* article = nullptr;
  std::string id;
  std::string query;               // the search that led here ("" none): its words are highlighted
  const SearchResponse* related = nullptr;  // "more like this", or null
};

// The story as a whole HTML document: headline as <title>, canonical link to
// the original URL (http and https only), section, byline and people as
// links that filter the archive, the body with the query's words in <mark>,
// and related coverage.
std::string story_html(const StoryPage& page);

struct PersonPage {
  std::string name;
  const SearchResponse* recent = nullptr;    // newest first, with facets (timeline, people)
  const SearchResponse* relevant = nullptr;  // best match first
};

// A person: how often the archive names them over time (an SVG bar chart of
// the timeline facet), their most recent and most relevant stories, and the
// people named with them most often.
std::string person_html(const PersonPage& page);

// A small HTML page for a 404 and the like: heading, sentence, link home.
std::string message_html(std::string_view title, std::string_view message);

}  // namespace morgue::serve
