// HTML news pages: metadata sources, main text, encodings and bad input.
// Every page here is written for the test; none comes from a real site.
#include "extract/html_article.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/encoding.h"

namespace morgue {
namespace {

// A story long enough to win the main-text scoring on its own.
const char* kStory =
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

std::string page(const std::string& head, const std::string& body, const std::string& html_attrs = "") {
  return "<!DOCTYPE html><html" + html_attrs + "><head>" + head + "</head><body>" + body + "</body></html>";
}

Article parse_one(const std::string& html, const std::string& source = "test.html") {
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

std::string date_of(const Article& a) { return a.date ? a.date->iso() : "none"; }

TEST(HtmlArticle, Titles) {
  std::vector<Case> cases = {
      {"og:title beats <title> with site suffix",
       "<title>Pier to close for two years | Harbour News</title>"
       "<meta property=\"og:title\" content=\"Pier to close for two years\">",
       "", "Pier to close for two years"},
      {"site suffix removed using og:site_name",
       "<title>Pier to close for two years - Harbour News</title>"
       "<meta property=\"og:site_name\" content=\"Harbour News\">",
       "", "Pier to close for two years"},
      {"site prefix removed",
       "<title>Harbour News | Pier to close for two years</title>"
       "<meta property=\"og:site_name\" content=\"Harbour News\">",
       "", "Pier to close for two years"},
      {"unknown site name: part before the last separator",
       "<title>Pier to close for two years :: Harbour News</title>", "", "Pier to close for two years"},
      {"h1 the title starts with", "<title>Pier to close - for two years - HN</title>",
       "<h1>Pier to close - for two years</h1>", "Pier to close - for two years"},
      {"JSON-LD headline beats a title about the same story",
       "<title>Harbour board backs pier plan | HN</title><script type=\"application/ld+json\">"
       "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Pier &amp; quay plan\"}"
       "</script>",
       "", "Pier & quay plan"},
      {"heading contained in a decorated title", "<title>Harbour News: Local : Board delays the pier vote</title>",
       "<h2 class=\"headline\">Board delays the pier vote</h2>", "Board delays the pier vote"},
      {"h1 when nothing else", "", "<h1>Board delays pier vote</h1>", "Board delays pier vote"},
      {"short section tails cut", "<title>Kemble quits as harbour coach - World - Sport</title>", "",
       "Kemble quits as harbour coach"},
      {"a short tail after a spaced colon", "<title>Board delays the pier vote : Local News</title>", "",
       "Board delays the pier vote"},
      {"a colon inside the headline stays", "<title>Harbour: board delays the pier vote again</title>", "",
       "Harbour: board delays the pier vote again"},
      {"an exclaiming tail stays", "<title>Dress stolen from the harbour museum -- GONE!!!</title>", "",
       "Dress stolen from the harbour museum -- GONE!!!"},
      {"a trail before the headline", "<title>HN &gt; News &gt; Local &gt; Board delays the pier vote</title>", "",
       "Board delays the pier vote"},
      {"a title holding markup is no title", "<title>HN SPORTi library--&gt;</title>",
       "<h1>Board delays the pier vote</h1>", "Board delays the pier vote"},
      {"a title unrelated to the story gives way to a heading about it", "<title>Latest Local Headlines</title>",
       "<h2>Sidebar</h2><h2>Harbour board to decide the future of the old pier</h2>",
       "Harbour board to decide the future of the old pier"},
      {"a JSON-LD headline unlike the titles describes the page",
       "<meta property=\"og:title\" content=\"Pier to close for two years - Harbour News\">"
       "<script type=\"application/ld+json\">"
       "{\"@type\":\"Article\",\"headline\":\"Coastal town in the north\"}</script>",
       "", "Pier to close for two years"},
  };
  for (const auto& c : cases) {
    Article a = parse_one(page(c.head, c.body + kStory));
    EXPECT_EQ(a.title, c.want) << c.name;
  }
}

TEST(HtmlArticle, Dates) {
  std::vector<Case> cases = {
      {"JSON-LD datePublished, not dateModified",
       "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"dateModified\":\"2021-06-09T10:00:00Z\","
       "\"datePublished\":\"2021-06-01T08:30:00+02:00\"}</script>",
       "", "2021-06-01"},
      {"JSON-LD @graph",
       "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
       "{\"@type\":\"WebSite\",\"name\":\"HN\"},{\"@type\":[\"Article\",\"NewsArticle\"],"
       "\"datePublished\":\"2020-02-14\"}]}</script>",
       "", "2020-02-14"},
      {"JSON-LD top-level array",
       "<script type=\"application/ld+json\">[{\"@type\":\"BreadcrumbList\",\"itemListElement\":[]},"
       "{\"@type\":\"BlogPosting\",\"datePublished\":\"2019-12-31T23:00:00Z\"}]</script>",
       "", "2019-12-31"},
      {"article:published_time, not modified_time",
       "<meta property=\"article:modified_time\" content=\"2022-03-05T12:00:00Z\">"
       "<meta property=\"article:published_time\" content=\"2022-03-01T09:15:00-05:00\">",
       "", "2022-03-01"},
      {"itemprop datePublished on a time element", "",
       "<time itemprop=\"datePublished\" datetime=\"2018-07-04T10:00\">4 July</time>", "2018-07-04"},
      {"plain <time datetime>", "", "<p class=\"info\"><time datetime=\"2017-05-06\">May 6</time></p>", "2017-05-06"},
      {"meta name=date", "<meta name=\"date\" content=\"2016-01-15\">", "", "2016-01-15"},
      {"meta name=pubdate", "<meta name=\"pubdate\" content=\"20150210\">", "", "2015-02-10"},
      {"meta name=DC.date.issued", "<meta name=\"DC.date.issued\" content=\"2014-11-30\">", "", "2014-11-30"},
      {"date in the canonical URL",
       "<link rel=\"canonical\" href=\"https://news.example.org/2013/08/21/pier-vote\">", "", "2013-08-21"},
      {"date in the URL without leading zeros",
       "<link rel=\"canonical\" href=\"https://news.example.org/home/2012/7/5/pier-vote\">", "", "2012-07-05"},
      {"visible dateline", "", "<div class=\"post-info\">Posted on March 3, 2011 by Jane Roe</div>", "2011-03-03"},
      {"visible date, German", "", "<span class=\"datum\">Freitag, 9. Oktober 2009</span>", "2009-10-09"},
      {"updated date in text is not the publication date", "",
       "<div class=\"meta\">Updated 5 May 2010</div>", "none"},
      {"modified time only: no date", "<meta property=\"article:modified_time\" content=\"2022-03-05\">", "", "none"},
      {"no date anywhere", "", "", "none"},
  };
  for (const auto& c : cases) {
    Article a = parse_one(page(c.head, c.body + kStory));
    EXPECT_EQ(date_of(a), c.want) << c.name;
  }
}

// Dates the page shows next to its headline, checked against its metadata.
TEST(HtmlArticle, DatesShownOnThePage) {
  const std::string title = "<title>Pier to close for two years</title>";
  const std::string h1 = "<h1>Pier to close for two years</h1>";
  std::vector<Case> cases = {
      {"a generic date meta loses to the date under the headline",
       title + "<meta name=\"date\" content=\"2020-04-29T11:52:23\">",
       h1 + "<p class=\"text\"><span>Stand: 28.04.2020 18:00 Uhr</span></p>", "2020-04-28"},
      {"late-evening UTC metadata gives way to the local day shown",
       title + "<meta property=\"article:published_time\" content=\"2021-11-04T23:00Z\">",
       h1 + "<p><span>5. November 2021</span></p>", "2021-11-05"},
      {"early-morning UTC metadata gives way to the American day shown",
       title + "<meta property=\"article:published_time\" content=\"2023-11-09T04:15:00Z\">",
       h1 + "<div>By Jane Roe November 8, 2023, 11:15 PM</div>", "2023-11-08"},
      {"midday UTC metadata keeps its day against a later shown date",
       title + "<meta property=\"article:published_time\" content=\"2021-11-04T12:00Z\">",
       h1 + "<p><span>5. November 2021</span></p>", "2021-11-04"},
      {"the same instant with a local offset elsewhere gives the local day",
       title + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
               "\"datePublished\":\"2023-11-09T02:11:03Z\"}</script>",
       "<time itemprop=\"datePublished\" datetime=\"2023-11-08T21:11:03-05:00\">Nov 8</time>", "2023-11-08"},
      {"a zone-less local clock with the same minutes and seconds",
       title + "<meta property=\"article:published_time\" content=\"2023-11-09T06:35:29+00:00\">"
               "<meta name=\"sailthru.date\" content=\"2023-11-08 22:35:29\">",
       "", "2023-11-08"},
      {"of two disagreeing fields, the one the page shows",
       title + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
               "\"datePublished\":\"2022-01-04T07:29:00Z\"}</script>"
               "<meta property=\"article:published_time\" content=\"2022-01-06T08:29:34\">",
       h1 + "<div class=\"info\">06.01.2022</div>", "2022-01-06"},
      {"a shown date with day and month swapped agrees with the metadata",
       title + "<meta property=\"article:published_time\" content=\"2020-04-12T14:45:01Z\">",
       h1 + "<div>12/04/2020 by Kay</div>", "2020-04-12"},
      {"a shown date matching nothing in the metadata does not win",
       title + "<meta property=\"article:published_time\" content=\"2020-04-12T10:00:00+02:00\">",
       h1 + "<div>3 May 2021</div>", "2020-04-12"},
      {"the date by a logo h1 is the page's clock, not the story's",
       title + "<meta name=\"date\" content=\"2021-05-05\">",
       "<h1>Harbour News</h1><span>Monday, 1 November 2021</span>", "2021-05-05"},
      {"a date inside the story's long first paragraph is an event, not the date shown",
       title + "<meta name=\"date\" content=\"2022-02-01\">",
       h1 + "<p>The harbour board, which met again on 28.01.2022 in the town hall, said the pier would close "
            "for at least two more years while repairs go on.</p>",
       "2022-02-01"},
      {"a dateline folded into the heading", title,
       "<h1>Pier to close for two years 02.02.2022 Harbour desk</h1>", "2022-02-02"},
      {"a date inside the heading beats dates in the table under it", title,
       "<h1><span class=\"date\">27.01.2022</span>Pier to close for two years</h1>"
       "<table><tr><th>Landings</th><th>3 March 2021</th></tr></table>",
       "2022-01-27"},
  };
  for (const auto& c : cases) {
    Article a = parse_one(page(c.head, c.body + kStory));
    EXPECT_EQ(date_of(a), c.want) << c.name;
  }
}

// The kinds of page that misled the date rules on real sites (issue 15).
TEST(HtmlArticle, DatesOnHardPages) {
  const std::string title = "<title>Pier to close for two years</title>";
  const std::string h1 = "<h1>Pier to close for two years</h1>";
  const std::string teaser = "<ul><li><a href=\"/b\">Ferry timetable</a> <time datetime=\"2021-06-01\">1 June</time></li></ul>";
  std::vector<Case> cases = {
      {"JSON-LD in a script without its type", title,
       "<script>{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\", "
       "\"datePublished\": \"2022-01-28T06:00:00+01:00\"}</script>" + teaser,
       "2022-01-28"},
      {"JSON-LD with one brace too many beats a teaser's date",
       title + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"publisher\":{\"name\":\"HN\"}},"
               "\"datePublished\":\"2021-04-05T10:00:00+02:00\"}</script>",
       teaser, "2021-04-05"},
      {"JSON-LD with a raw line break in a string and a trailing comma",
       title + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Pier\nclose\","
               "\"datePublished\":\"2020-09-14\",}</script>",
       teaser, "2020-09-14"},
      {"two JSON-LD objects one after the other in one script",
       title + "<script type=\"application/ld+json\">{\"@type\":\"WebSite\",\"name\":\"HN\"}\n"
               "{\"@type\":\"Report\",\"datePublished\":\"2020-10-11\"}</script>",
       teaser, "2020-10-11"},
      {"JSON-LD beyond repair still gives its datePublished",
       title + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"a \"quoted\" word\","
               "\"datePublished\":\"2020-02-03\"}</script>",
       teaser, "2020-02-03"},
      {"a date only in an inline script's data", title,
       "<script>window.__STATE__ = {\"story\":{\"id\":7,\"publishedDate\":\"2019-07-08T06:00:00Z\"}};</script>",
       "2019-07-08"},
      {"a Unix time in a data attribute beats the rendered text of a date element", title,
       "<p class=\"meta\"><span data-utime=\"1614859200\">Thursday</span></p><div class=\"date\">12.05.2020</div>",
       "2021-03-04"},
      {"RDFa date property", title,
       "<span property=\"schema:dateCreated\" content=\"2018-02-03T10:00:00+01:00\"></span>", "2018-02-03"},
      {"a forum member's sign-up day is not the post's",
       title,
       "<dl class=\"postprofile\"><dd class=\"joined\"><time datetime=\"2008-09-18\">18.09.2008</time></dd></dl>"
       "<p class=\"author\">by Kay &raquo; 21.01.2011, 05:42</p><span class=\"date\">Joined: 18.09.2008</span>",
       "2011-01-21"},
      {"the page clock in the navigation bar is not the story's date", title,
       "<div class=\"navtop\"><time datetime=\"2023-11-01T13:56:20+01:00\">Mittwoch</time></div>" + h1 +
           "<p><span class=\"text_datum\">31. Oktober 2023.</span> The harbour board met again on the pier, for the "
           "third time this year, to hear the engineers.</p>",
       "2023-10-31"},
      {"a theme that calls the story's column a sidebar", title,
       "<div id=\"sidebar\" class=\"site-content\">" + h1 +
           "<span class=\"byline\"><time class=\"entry-date\" datetime=\"2020-04-09T07:59:57+02:00\">9 Apr</time>"
           "</span></div>",
       "2020-04-09"},
      {"an aside with the story's meta is not a sidebar", title + "<meta name=\"date\" content=\"2022-01-26\">",
       "<aside class=\"meta\"><time datetime=\"2022-01-21\">21.01.2022</time></aside>", "2022-01-21"},
      {"a related list's dates never count", title,
       "<div class=\"related-stories\"><time datetime=\"2019-01-01\">1 Jan</time><span class=\"date\">2.1.2019</span>"
       "</div>",
       "none"},
      {"the date under an h2 headline when the page has no h1", title,
       "<h2>Pier to close for two years</h2><span class=\"blue\">01.02.2022</span>", "2022-02-01"},
      {"the first date element shows the modified date",
       title + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2021-01-01\","
               "\"dateModified\":\"2023-04-01T10:00:00Z\"}</script>",
       "<span class=\"publish-date\">01.04.2023, 12:00</span>", "2023-04-01"},
      {"a shown date that is neither field leaves the published one",
       title + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2021-01-01\","
               "\"dateModified\":\"2023-04-01T10:00:00Z\"}</script>",
       "<span class=\"publish-date\">05.05.2022</span>", "2021-01-01"},
      {"a local offset keeps the local day as written", title + "<meta property=\"article:published_time\" "
                                                                "content=\"2021-03-04T00:30:00+01:00\">",
       "", "2021-03-04"},
      {"CJK date marks", title, "<p class=\"date\">2019年6月24日 10時30分</p>", "2019-06-24"},
      {"a home page's teaser dates are not its date", title + "<link rel=\"canonical\" href=\"https://harbour.example/\">",
       "<div class=\"date\">3 May 2021</div><time datetime=\"2021-05-03\">3 May</time>", "none"},
      {"a search page's dates are its results'",
       title + "<link rel=\"canonical\" href=\"https://harbour.example/search?q=pier\">",
       "<time datetime=\"2021-05-03\">3 May</time>", "none"},
      {"a home page's own metadata still dates it",
       title + "<link rel=\"canonical\" href=\"https://harbour.example/\"><meta name=\"date\" content=\"2021-05-04\">",
       "<time datetime=\"2021-05-03\">3 May</time>", "2021-05-04"},
      {"an article at the root by its og:type is dated as an article",
       title + "<link rel=\"canonical\" href=\"https://harbour.example/\"><meta property=\"og:type\" content=\"article\">",
       "<time datetime=\"2021-05-03\">3 May</time>", "2021-05-03"},
  };
  for (const auto& c : cases) {
    Article a = parse_one(page(c.head, c.body + kStory));
    EXPECT_EQ(date_of(a), c.want) << c.name;
  }
}

// A post signed and dated in its last line; a date in a long closing paragraph
// is an event.
TEST(HtmlArticle, DateInClosingLine) {
  const std::string story =
      "<div class=\"post-body\">"
      "<p>We walked along the old pier on Sunday, after weeks of rain, to see how far the repairs had come, and "
      "found the northern quay busy with ferries, fishing boats and a few brave swimmers.</p>"
      "<p>The engineers, who were working even on a Sunday, said the new deck would be laid by spring, at least if "
      "the weather holds, and that the railings would follow soon after.</p>"
      "<p>Residents we met, most of them with dogs, asked whether the pier could reopen in part, so that the "
      "fishing boats, which still depend on it, could keep landing their catch.</p>"
      "<p>We will walk there again next month, with a camera, to see the deck, the railings and, with luck, the "
      "first boats back at the old landing stage.</p>";
  std::string signed_post = story + "<p>Kay, 10 September 2017</p></div>";
  EXPECT_EQ(date_of(parse_one(page("<title>Pier</title>", signed_post))), "2017-09-10");
  std::string event_post = story +
                           "<p>The next meeting, which the whole town may attend, is on 10 September 2017 in the old "
                           "harbour hall.</p></div>";
  EXPECT_EQ(date_of(parse_one(page("<title>Pier</title>", event_post))), "none");
}

// Visible labels anywhere outside boilerplate, when nothing better is found.
TEST(HtmlArticle, LabelledDates) {
  std::vector<Case> cases = {
      {"German label after the story", "", std::string(kStory) + "<p>Veröffentlicht am 3. Mai 2021</p>", "2021-05-03"},
      {"label and date in separate elements", "", std::string(kStory) + "<dl><dt>Date:</dt><dd>12.01.2017</dd></dl>",
       "2017-01-12"},
      {"French label", "", std::string(kStory) + "<p>Publié le lundi 14 février 2022</p>", "2022-02-14"},
      {"\"update:\" is not the label \"date:\"", "", std::string(kStory) + "<p>Update: 3 May 2021</p>", "none"},
      {"the page's clock is not a publication date", "",
       std::string(kStory) + "<p class=\"time\">Aktuelle Zeit: 14.10.2020, 12:18</p>", "none"},
      {"the earliest label of a passive sentence", "",
       std::string(kStory) + "<p>Dieser Beitrag wurde am Samstag, 3. Dezember 2011 veröffentlicht</p>", "2011-12-03"},
      {"a label in a footer made by class", "",
       std::string(kStory) + "<p class=\"footerLine\">Letzte Änderung: 31.10.2023<br>Erschienen am: 01.11.2023</p>",
       "2023-11-01"},
      {"a term that is only a label word", "", std::string(kStory) + "<dl><dt>Datum</dt><dd>12.01.2017</dd></dl>",
       "2017-01-12"},
      {"the fact box aside of the story's article", "",
       "<article><aside class=\"facts\"><dl><dt>Datum</dt><dd>12.01.2017</dd></dl></aside>" + std::string(kStory) +
           "</article>",
       "2017-01-12"},
      {"a page's sidebar aside does not count", "",
       "<aside class=\"facts\"><dl><dt>Datum</dt><dd>12.01.2017</dd></dl></aside>" + std::string(kStory), "none"},
      {"a label in a real footer does not count", "",
       std::string(kStory) + "<footer><p>Erschienen am: 01.11.2023</p></footer>", "none"},
  };
  for (const auto& c : cases) {
    Article a = parse_one(page(c.head, c.body));
    EXPECT_EQ(date_of(a), c.want) << c.name;
  }
}

TEST(HtmlArticle, TimestampKeepsZone) {
  Article a = parse_one(page("<meta property=\"article:published_time\" content=\"2022-03-01T09:15:00-05:00\">", kStory));
  EXPECT_EQ(a.timestamp, "2022-03-01T09:15:00-05:00");
  // A URL date with the same day as the metadata keeps the metadata's time.
  a = parse_one(page("<link rel=\"canonical\" href=\"https://x.example/2022/03/01/a\">"
                     "<meta property=\"article:published_time\" content=\"2022-03-01T09:15:00Z\">",
                     kStory));
  EXPECT_EQ(a.timestamp, "2022-03-01T09:15:00Z");
}

TEST(HtmlArticle, Sections) {
  std::vector<Case> cases = {
      {"article:section", "<meta property=\"article:section\" content=\"world\">", "", "World"},
      {"JSON-LD articleSection", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                                 "\"articleSection\":[\"Business\",\"Markets\"]}</script>",
       "", "Business"},
      {"breadcrumbs keep the hierarchy, drop home and the story",
       "<title>Pier to close for two years</title>",
       "<ol class=\"breadcrumb\"><li><a href=\"/\">Home</a></li><li><a href=\"/world\">world</a></li>"
       "<li><a href=\"/world/europe\">europe</a></li><li>Pier to close for two years</li></ol>",
       "World/Europe"},
      {"URL path", "<link rel=\"canonical\" href=\"https://news.example.org/world/europe/pier-to-close-1234\">", "",
       "World/Europe"},
      {"URL path with a date: no section", "<link rel=\"canonical\" href=\"https://x.example/2013/08/21/pier\">", "",
       ""},
  };
  for (const auto& c : cases) {
    Article a = parse_one(page(c.head, c.body + kStory));
    EXPECT_EQ(a.section, c.want) << c.name;
  }
}

TEST(HtmlArticle, Bylines) {
  struct ByCase {
    const char* name;
    std::string head, body;
    std::vector<std::string> want;
  };
  std::vector<ByCase> cases = {
      {"meta author", "<meta name=\"author\" content=\"Jane Roe\">", "", {"Jane Roe"}},
      {"meta author that is a URL is skipped",
       "<meta property=\"article:author\" content=\"https://social.example/janeroe\">", "", {}},
      {"JSON-LD author object",
       "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\","
       "\"name\":\"Jane Roe\"}}</script>",
       "", {"Jane Roe"}},
      {"JSON-LD author array",
       "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\","
       "\"name\":\"Jane Roe\"},{\"@type\":\"Person\",\"name\":\"John Doe\"}]}</script>",
       "", {"Jane Roe", "John Doe"}},
      {"rel=author link", "", "<p>Story by <a rel=\"author\" href=\"/staff/jr\">Jane Roe</a></p>", {"Jane Roe"}},
      {"By X and Y text", "", "<div class=\"byline\">By JANE ROE and John Doe, Staff Writers</div>",
       {"Jane Roe", "John Doe"}},
      {"a role after the name without a comma", "", "<div class=\"byline\">JANE ROE AP Sports Writer</div>",
       {"Jane Roe"}},
      {"a role alone names no one", "", "<div class=\"byline\">Our Special Correspondent</div>", {}},
      {"\"Games Editor\" is a role, not a second author", "",
       "<div class=\"author\">Ben Ode</div><div class=\"author\">Games Editor</div>", {"Ben Ode"}},
      {"only the first visible byline: later ones belong to teasers", "",
       "<div class=\"byline\">By Jane Roe</div><ul><li><span class=\"author\">Kim Sato</span></li>"
       "<li><span class=\"author\">Ben Ode</span></li></ul>",
       {"Jane Roe"}},
      {"a link in brackets after the name", "<meta name=\"author\" content=\"Jane Roe (https://roe.example/)\">",
       "", {"Jane Roe"}},
      {"one kind of meta tag: Dublin Core before a CMS's author",
       "<meta name=\"author\" content=\"Site Admin\"><meta name=\"dc.creator\" content=\"Jane Roe\">", "",
       {"Jane Roe"}},
      {"space-separated RDFa properties",
       "<meta property=\"dc:creator twitter:creator\" content=\"Jane Roe\">", "", {"Jane Roe"}},
  };
  for (const auto& c : cases) {
    Article a = parse_one(page(c.head, c.body + kStory));
    EXPECT_EQ(a.authors, c.want) << c.name;
  }
}

TEST(HtmlArticle, UrlLanguageSubjects) {
  Article a = parse_one(page("<link rel=\"canonical\" href=\"https://news.example.org/a/pier\">"
                             "<meta name=\"keywords\" content=\"harbour, pier ,ferries\">",
                             kStory, " lang=\"en_gb\""));
  EXPECT_EQ(a.url, "https://news.example.org/a/pier");
  EXPECT_EQ(a.language, "en-GB");
  EXPECT_EQ(a.subjects, (std::vector<std::string>{"harbour", "pier", "ferries"}));

  a = parse_one(page("<link rel=\"canonical\" href=\"/a/pier\"><meta property=\"og:url\" "
                     "content=\"https://news.example.org/a/pier?utm=1\">",
                     kStory));
  EXPECT_EQ(a.url, "https://news.example.org/a/pier");
}

TEST(HtmlArticle, Charsets) {
  // The marked words open a paragraph long enough to count as story text.
  const std::string story_tail =
      " at the meeting on the pier, which they say, after a long debate, must reopen soon.</p>" + std::string(kStory);
  struct CsCase {
    const char* name;
    std::string bytes;
    std::string want;  // must appear in the body
  };
  std::vector<CsCase> cases = {
      {"UTF-8 BOM", "\xEF\xBB\xBF" + page("", "<p>Caf\xC3\xA9 owners agree" + story_tail), "Caf\xC3\xA9 owners"},
      {"meta charset windows-1252",
       page("<meta charset=\"windows-1252\">", "<p>\x93Quoted\x94 caf\xE9 owners agree" + story_tail),
       "\xE2\x80\x9CQuoted\xE2\x80\x9D caf\xC3\xA9"},
      {"http-equiv ISO-8859-1",
       page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
            "<p>Caf\xE9 owners agree" + story_tail),
       "Caf\xC3\xA9 owners"},
      {"no declaration, Windows-1252 bytes", page("", "<p>Caf\xE9 owners \x96 all of them" + story_tail),
       "Caf\xC3\xA9 owners \xE2\x80\x93 all"},
      {"declared Latin-1 but really UTF-8", page("<meta charset=\"iso-8859-1\">", "<p>Caf\xC3\xA9 owners" + story_tail),
       "Caf\xC3\xA9 owners"},
      {"C1 controls from an ISO-8859-2 label read as Windows-1252",
       page("<meta charset=\"iso-8859-2\">", "<p>\x93Quoted\x94 owners" + story_tail),
       "\xE2\x80\x9CQuoted\xE2\x80\x9D owners"},
      {"windows-1251 decoded by libxml2",
       page("<meta charset=\"windows-1251\">", "<p>\xCC\xEE\xF1\xEA\xE2\xE0 owners" + story_tail),
       "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 owners"},
  };
  for (const auto& c : cases) {
    Article a = parse_one(c.bytes);
    EXPECT_NE(a.body.find(c.want), std::string::npos) << c.name << ": " << a.body.substr(0, 80);
    EXPECT_TRUE(is_valid_utf8(a.body)) << c.name;
  }
  // UTF-16LE with a BOM.
  std::string utf8 = page("", "<p>Caf\xC3\xA9 owners" + story_tail);
  std::string utf16 = "\xFF\xFE";
  // Only ASCII and U+00E9 occur: encode them by hand.
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    unsigned cp = static_cast<unsigned char>(utf8[i]);
    if (cp == 0xC3) cp = 0xC0 | (static_cast<unsigned char>(utf8[++i]) & 0x3F);
    utf16.push_back(static_cast<char>(cp & 0xFF));
    utf16.push_back(static_cast<char>(cp >> 8));
  }
  Article a = parse_one(utf16);
  EXPECT_NE(a.body.find("Caf\xC3\xA9 owners"), std::string::npos);
}

TEST(HtmlArticle, BoilerplateRemoved) {
  std::string body =
      "<nav><ul><li><a href=\"/\">Navlink home</a></li><li><a href=\"/w\">Navlink world</a></li></ul></nav>"
      "<div id=\"cookie-banner\">Cookiebanner we use cookies to improve your experience, accept them all.</div>"
      "<header class=\"site-header\"><a href=\"/\">Mastheadlogo</a></header>"
      "<article><h1>Pier to close for two years</h1>"
      "<div class=\"share-bar\"><a href=\"#\">Sharebutton Facebook</a><a href=\"#\">Sharebutton Email</a></div>" +
      std::string(kStory) +
      "<h2>What happens next</h2><p>The cooperative, which has forty members, will meet again on Friday, and "
      "expects a long discussion.</p>"
      "<figure><img src=\"p.jpg\"><figcaption>Captiontext the old pier at dusk</figcaption></figure>"
      "<script>var trackerscript = 1;</script>"
      "<div class=\"related-stories\"><h3>Related</h3><ul><li><a href=\"/1\">Relatedlink ferry fares rise</a></li>"
      "<li><a href=\"/2\">Relatedlink new quay opens</a></li></ul></div>"
      "</article>"
      "<section id=\"comments\"><div class=\"comment\">Commenttext this is a disgrace, frankly, and the board, "
      "as usual, has failed us all, again and again.</div></section>"
      "<footer>Footertext copyright Harbour News, all rights reserved.</footer>";
  Article a = parse_one(page("<title>Pier to close for two years | Harbour News</title>", body));
  for (const char* gone : {"Navlink", "Cookiebanner", "Mastheadlogo", "Sharebutton", "trackerscript",
                           "Relatedlink", "Commenttext", "Footertext", "Captiontext"}) {
    EXPECT_EQ(a.body.find(gone), std::string::npos) << gone << " in: " << a.body;
  }
  EXPECT_NE(a.body.find("The harbour board met on Tuesday evening"), std::string::npos);
  EXPECT_NE(a.body.find("\n\nWhat happens next\n\nThe cooperative"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("Pier to close for two years"), std::string::npos) << "headline repeated in body";
  EXPECT_EQ(a.captions, (std::vector<std::string>{"Captiontext the old pier at dusk"}));
}

// Lines that only stamp the page's publication or update time give the
// story its date and are not body text; sentences that merely start like one stay.
TEST(HtmlArticle, TimestampLinesAreNotBodyText) {
  struct Line {
    const char* html;
    bool kept;
  } lines[] = {
      {"Published August 9, 2021 at 7:40 a.m. | Updated August 9, 2021 at 4:25 p.m.", false},
      {"Updated 14:05 BST, Mon 9 Aug 2021", false},
      {"Posted on 2021-08-09 \xC2\xB7 Last modified 3 hours ago", false},
      {"First published on Monday 9 August 2021 07.40 BST", false},
      {"Updated at 4:25 p.m.: firefighters said the blaze was under control after 12 hours.", true},
      {"Published in 2019, the report named 14 buildings at risk.", true},
      {"On August 9 at 7:40, the alarm sounded.", true},
  };
  for (const auto& line : lines) {
    std::string body = "<article><h1>Pier to close for two years</h1><p>" + std::string(line.html) + "</p>" +
                       std::string(kStory) + "</article>";
    Article a = parse_one(page("<title>Pier to close for two years</title>", body));
    EXPECT_EQ(a.body.find(line.html) != std::string::npos, line.kept) << line.html << "\nbody: " << a.body;
    EXPECT_NE(a.body.find("The harbour board met"), std::string::npos);
  }
}

TEST(HtmlArticle, OldTableLayoutWithBreaks) {
  std::string body =
      "<table><tr><td class=\"menu\"><a href=\"/a\">Menu one</a><br><a href=\"/b\">Menu two</a></td>"
      "<td><font size=\"2\"><b>Harbour board delays vote</b><br><br>"
      "The harbour board met on Tuesday evening, after weeks of delay, to settle the future of the pier, "
      "which has been closed since the storms.<br><br>"
      "Engineers said repairs would take two years, cost more than expected, and move the ferry, for a "
      "while, to the northern quay.<br><br>"
      "Residents asked whether the pier could reopen in part, so that boats, which depend on it, could land "
      "their catch.</font></td></tr></table>";
  Article a = parse_one(page("", body));
  EXPECT_NE(a.body.find("pier, which has been closed since the storms.\n\nEngineers"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("Menu one"), std::string::npos);
}

TEST(HtmlArticle, BrokenInputIsAProblem) {
  struct Bad {
    const char* name;
    std::string bytes;
    const char* reason;
  };
  std::vector<Bad> cases = {
      {"empty", "", "empty file"},
      {"white space", " \n\t ", "empty file"},
      {"binary", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(64, '\0'), "binary data, not HTML"},
      {"markup without text", "<html><head><title></title></head><body><div></div></body></html>",
       "no article text found"},
  };
  for (const auto& c : cases) {
    Extraction e = parse_html_article(c.bytes, "bad.html");
    ASSERT_TRUE(e.failed()) << c.name;
    EXPECT_EQ(e.problems[0].where, "bad.html") << c.name;
    EXPECT_EQ(e.problems[0].reason, c.reason) << c.name;
  }
}

TEST(HtmlArticle, HostileInputIsBounded) {
  // Very deep nesting: no recursion may follow the depth.
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "<div>";
  deep += "deep text";
  Extraction e = parse_html_article(deep, "deep.html");
  EXPECT_LE(e.articles.size(), 1u);

  std::string huge_attr = "<html><body><div class=\"" + std::string(5 << 20, 'a') + "\"><p>Text</p></div></body></html>";
  e = parse_html_article(huge_attr, "attr.html");
  EXPECT_LE(e.articles.size(), 1u);

  std::string word = "<html><body><p>" + std::string(5 << 20, 'x') + "</p></body></html>";
  e = parse_html_article(word, "word.html");
  ASSERT_EQ(e.articles.size(), 1u);
  EXPECT_EQ(e.articles[0].body.size(), std::size_t{5} << 20);

  std::string deep_json = "<script type=\"application/ld+json\">" + std::string(100000, '[') + "</script>";
  e = parse_html_article(page(deep_json, kStory), "json.html");
  EXPECT_EQ(e.articles.size(), 1u);
}

TEST(HtmlArticle, ArbitraryBytesGiveValidUtf8) {
  // Property: whatever the bytes, every stored string is valid UTF-8.
  std::uint32_t state = 12345;
  auto next = [&] {
    state = state * 1103515245u + 12345u;
    return static_cast<unsigned char>(state >> 16);
  };
  const std::string pieces[] = {"<p>", "</p>", "<div class=byline>By ", "<title>", "</title>", "<meta charset=utf-8>",
                                "<time datetime=\"", "\">", "<br>", "<a rel=author>", "</a>", ", ", "word "};
  for (int round = 0; round < 200; ++round) {
    std::string bytes;
    for (int k = 0; k < 60; ++k) {
      unsigned char r = next();
      if (r < 100) {
        bytes += pieces[r % std::size(pieces)];
      } else {
        bytes.push_back(static_cast<char>(next() | 0x20));
      }
    }
    Extraction e = parse_html_article(bytes, "random.html");
    for (const auto& a : e.articles) {
      EXPECT_TRUE(is_valid_utf8(a.title));
      EXPECT_TRUE(is_valid_utf8(a.body));
      for (const auto& s : a.authors) EXPECT_TRUE(is_valid_utf8(s));
    }
  }
}

}  // namespace
}  // namespace morgue
