// Pages for the HTML extraction tests: a story long enough to win the
// main-text scoring, a page builder and the one-article parse. Every page is
// written for the tests; none comes from a real site.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "extract/html_article.h"

namespace morgue::test_pages {

// A story long enough to win the main-text scoring on its own.
inline const char* kStory =
    "<div class=\"article-body\">"
    "<p>The harbour board met on Tuesday evening, after weeks of delay, to settle the future of the old pier, "
    "which has been closed to visitors since the winter storms.</p>"
    "<p>Engineers told the board that repairs would take at least two years, cost more than expected, and "
    "require the ferry service to move, at least for a while, to the northern quay.</p>"
    "<p>Residents, many of whom attended the meeting, asked whether the pier could reopen in part, so that "
    "fishing boats, which still depend on it, could keep landing their catch.</p>"
    "<p>The board will vote on the plan next month, once the final cost estimate, the ferry timetable and the "
    "views of the fishing cooperative, have been published.</p>"
    "</div>";

inline std::string page(const std::string& head, const std::string& body, const std::string& html_attrs = "") {
  return "<!DOCTYPE html><html" + html_attrs + "><head>" + head + "</head><body>" + body + "</body></html>";
}

inline Article parse_one(const std::string& html, const std::string& source = "test.html") {
  Extraction e = parse_html_article(html, source);
  EXPECT_EQ(e.articles.size(), 1u) << (e.problems.empty() ? "" : e.problems[0].reason);
  return e.articles.empty() ? Article{} : e.articles[0];
}

struct Case {
  const char* name;
  std::string head;
  std::string body;  // placed before the story
  std::string want;
};

inline std::string date_of(const Article& a) { return a.date ? a.date->iso() : "none"; }

}  // namespace morgue::test_pages
