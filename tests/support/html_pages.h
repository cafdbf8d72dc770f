// Pages for the HTML extraction tests (tests/unit/extract): a story long
// enough to win the main-text scoring, a page builder, the one-article parse
// and the table loop over cases. Every page is written for the tests; none
// comes from a real site.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "extract/html_article.h"

namespace morgue::testing_support {

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

// Where a case's body goes: before kStory (the usual), or alone when the
// case's body holds the story itself.
enum class StoryPlace { kAfterBody, kInBody };

// The table loop: each case's page parsed as one article, whose `field`
// (date_of, the title, the authors...) must be the case's `want`. `Cases`
// is any list of structs with name, head, body and want.
template <class Cases, class Field>
void expect_each(const Cases& cases, Field field, StoryPlace story = StoryPlace::kAfterBody) {
  for (const auto& c : cases) {
    Article a = parse_one(page(c.head, story == StoryPlace::kAfterBody ? c.body + kStory : c.body));
    EXPECT_EQ(field(a), c.want) << c.name;
  }
}

}  // namespace morgue::testing_support
