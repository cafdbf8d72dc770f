// The server-rendered story and person pages (serve/pages.h) from hand-made
// articles and responses: escaping, <title>, canonical link, highlighting,
// links, the timeline chart.
#include "serve/pages.h"

#include <gtest/gtest.h>

namespace morgue::serve {
namespace {

bool has(const std::string& html, const std::string& part) { return html.find(part) != std::string::npos; }

Article story() {
  Article a;
  a.title = "Harbour <b>fire</b> & \"smoke\"";
  a.url = "https://news.example/harbour-fire?a=1&b=2";
  a.date = Date{2021, 8, 9};
  a.section = "World/Europe";
  a.authors = {"Dara <Whit> Combe"};
  a.people = {"Ann O'Neill", "Bo <Script>"};
  a.body = "Fires burned at the harbour.\n\nThe <script>alert(1)</script> text stays text; the budget too.";
  return a;
}

Hit hit(std::string id, std::string title) {
  Hit h;
  h.id = std::move(id);
  h.article.title = std::move(title);
  h.article.date = Date{2022, 2, 14};
  h.article.section = "Politics";
  return h;
}

TEST(UrlComponent, Table) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {{"Ann O'Neill", "Ann%20O%27Neill"}, {"a&b=c?d#e/f", "a%26b%3Dc%3Fd%23e%2Ff"},
               {"Koné", "Kon%C3%A9"},             {"safe-_.~AZ09", "safe-_.~AZ09"},
               {"", ""},                          {"<\"x\">", "%3C%22x%22%3E"}};
  for (const auto& c : cases) EXPECT_EQ(url_component(c.in), c.out) << c.in;
  EXPECT_EQ(person_path("Ann O'Neill"), "/person/Ann%20O%27Neill");
}

TEST(StoryHtml, EscapesEverythingFromStoredText) {
  const Article a = story();
  const std::string html = story_html({&a, "0123456789abcdef", "", nullptr});
  EXPECT_TRUE(has(html, "<title>Harbour &lt;b&gt;fire&lt;/b&gt; &amp; &quot;smoke&quot; · Morgue</title>")) << html;
  EXPECT_TRUE(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_FALSE(has(html, "<script>alert"));
  EXPECT_FALSE(has(html, "<b>"));
  EXPECT_TRUE(has(html, ">Bo &lt;Script&gt;</a>"));
  EXPECT_TRUE(has(html, ">Dara &lt;Whit&gt; Combe</a>"));
  EXPECT_FALSE(has(html, "<mark>")) << "no query, nothing highlighted";
  // No inline script or style: the CSP forbids them.
  EXPECT_FALSE(has(html, "<script>"));
  EXPECT_FALSE(has(html, "style="));
}

TEST(StoryHtml, TitleCanonicalAndLinks) {
  const Article a = story();
  const std::string html = story_html({&a, "0123456789abcdef", "", nullptr});
  EXPECT_TRUE(has(html, "<link rel=\"canonical\" href=\"https://news.example/harbour-fire?a=1&amp;b=2\">")) << html;
  EXPECT_TRUE(has(html, "<a href=\"/?section=World%2FEurope\">World/Europe</a>"));
  EXPECT_TRUE(has(html, "<a href=\"/person/Ann%20O%27Neill\">Ann O&#39;Neill</a>")) << html;
  EXPECT_TRUE(has(html, "<time datetime=\"2021-08-09\">9 Aug 2021</time>"));
  EXPECT_TRUE(has(html, ">Original story</a>"));
}

TEST(StoryHtml, NoCanonicalOrSourceLinkForOtherSchemes) {
  for (const char* url : {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "", "ftp://x/y",
                          "https://", "http://a b/"}) {
    Article a = story();
    a.url = url;
    const std::string html = story_html({&a, "0123456789abcdef", "", nullptr});
    EXPECT_FALSE(has(html, "rel=\"canonical\"")) << url;
    EXPECT_FALSE(has(html, "Original story")) << url;
  }
  Article upper = story();
  upper.url = "HTTPS://news.example/x";
  EXPECT_TRUE(has(story_html({&upper, "0123456789abcdef", "", nullptr}), "rel=\"canonical\""));
}

TEST(StoryHtml, HighlightsTheQueryWordsAndLinksBackToTheResults) {
  const Article a = story();
  const std::string html = story_html({&a, "0123456789abcdef", "fire budget section:world", nullptr});
  EXPECT_TRUE(has(html, "<mark>Fires</mark> burned")) << html;       // by stem
  EXPECT_TRUE(has(html, "&lt;b&gt;<mark>fire</mark>&lt;/b&gt;")) << html;  // in the headline, still escaped
  EXPECT_TRUE(has(html, "the <mark>budget</mark> too"));
  EXPECT_FALSE(has(html, "<mark>World")) << "a filter field is not highlighted";
  EXPECT_TRUE(has(html, "href=\"/?q=fire%20budget%20section%3Aworld\""));
  EXPECT_TRUE(has(html, "value=\"fire budget section:world\""));
}

TEST(StoryHtml, RelatedCoverageLinksToStoryPages) {
  const Article a = story();
  SearchResponse related;
  related.hits = {hit("1111111111111111", "Quay <closed>")};
  const std::string html = story_html({&a, "0123456789abcdef", "", &related});
  EXPECT_TRUE(has(html, "Related coverage"));
  EXPECT_TRUE(has(html, "<a class=\"hit-link\" href=\"/story/1111111111111111\">Quay &lt;closed&gt;</a>")) << html;
  EXPECT_TRUE(has(html, "href=\"/?like=0123456789abcdef\""));
  SearchResponse none;
  EXPECT_FALSE(has(story_html({&a, "0123456789abcdef", "", &none}), "Related coverage"));
}

SearchResponse person_response() {
  SearchResponse r;
  r.total = 1234;
  r.total_exact = true;
  r.hits = {hit("2222222222222222", "Okonkwo <wins>")};
  Facets f;
  f.timeline_unit = "month";
  f.timeline = {{"2021-11", 2}, {"2022-02", 5}};
  f.people = {{"Ada Okonkwo", 9}, {"Bo <B>", 3}};
  r.facets = f;
  return r;
}

TEST(PersonHtml, TimelineWithEmptyMonthsFilledIn) {
  const SearchResponse r = person_response();
  const std::string html = person_html({"Ada Okonkwo", &r, nullptr});
  EXPECT_TRUE(has(html, "<title>Ada Okonkwo · Morgue</title>"));
  EXPECT_TRUE(has(html, "Named in 1,234 stories."));
  std::size_t bars = 0;
  for (std::size_t pos = 0; (pos = html.find("<rect", pos)) != std::string::npos; ++pos) ++bars;
  EXPECT_EQ(bars, 4u) << "Nov, Dec, Jan, Feb";
  EXPECT_TRUE(has(html, "<title>Dec 2021: 0 stories</title>"));
  EXPECT_TRUE(has(html, "<title>Feb 2022: 5 stories</title>"));
  EXPECT_TRUE(has(html, "aria-label=\"Stories naming Ada Okonkwo per month, Nov 2021 to Feb 2022; most in Feb 2022 (5 stories)\""))
      << html;
  EXPECT_FALSE(has(html, "style="));
}

TEST(PersonHtml, StoriesAndCompanionsWithoutThePersonThemself) {
  SearchResponse r = person_response();
  r.total_exact = false;
  SearchResponse best;
  best.hits = {hit("3333333333333333", "Profile")};
  const std::string html = person_html({"Ada Okonkwo", &r, &best});
  EXPECT_TRUE(has(html, "Named in about 1,234 stories."));
  EXPECT_TRUE(has(html, "href=\"/story/2222222222222222?q=Ada%20Okonkwo\">Okonkwo &lt;wins&gt;</a>")) << html;
  EXPECT_TRUE(has(html, "href=\"/story/3333333333333333?q=Ada%20Okonkwo\">Profile</a>"));
  EXPECT_TRUE(has(html, "href=\"/person/Bo%20%3CB%3E\"><span class=\"facet-value\">Bo &lt;B&gt;</span>"));
  EXPECT_FALSE(has(html, "href=\"/person/Ada%20Okonkwo\""));
  EXPECT_TRUE(has(html, "href=\"/?person=Ada%20Okonkwo\""));
}

TEST(PersonHtml, SaysWhenTheCountsArePartial) {
  SearchResponse r = person_response();
  EXPECT_FALSE(has(person_html({"Ada Okonkwo", &r, nullptr}), "partial counts"));
  r.facets->partial = true;
  const std::string html = person_html({"Ada Okonkwo", &r, nullptr});
  const auto note = html.find("<p class=\"facet-note\">The chart and the names below are partial counts");
  ASSERT_NE(note, std::string::npos) << html;
  EXPECT_LT(note, html.find("<svg")) << html;
}

TEST(MessageHtml, Escapes) {
  const std::string html = message_html("No such person", "No story names <b>x</b>.");
  EXPECT_TRUE(has(html, "<h1>No such person</h1>"));
  EXPECT_TRUE(has(html, "No story names &lt;b&gt;x&lt;/b&gt;."));
}

}  // namespace
}  // namespace morgue::serve
