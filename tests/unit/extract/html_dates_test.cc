// HTML news pages: the publication date (metadata, the date shown by the
// headline, labels, hard pages). Every page here is written for the test.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/html_article.h"
#include "extract/html_dom.h"
#include "extract/html_meta.h"
#include "support/html_pages.h"

namespace morgue {
namespace {

using namespace testing_support;  // Case, page, parse_one, kStory, date_of, expect_each

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
      {"meta name=PublicationDate", "<meta name=\"PublicationDate\" content=\"20150211\">", "", "2015-02-11"},
      {"meta name=dateofpublication, written out",
       "<meta name=\"dateofpublication\" content=\"Tuesday, January 8, 2008 03:20 AM\">", "", "2008-01-08"},
      {"updated date in text is not the publication date", "",
       "<div class=\"meta\">Posted 3 May 2010, updated 5 May 2010</div>", "2010-05-03"},
      {"an updated date alone is the best there is", "", "<div class=\"meta\">Updated 5 May 2010</div>",
       "2010-05-05"},
      {"modified time only: the best there is", "<meta property=\"article:modified_time\" content=\"2022-03-05\">",
       "", "2022-03-05"},
      {"a page's clock alone is no date", "", "<div class=\"meta\">Today is 5 May 2010</div>", "none"},
      {"a clock before an updated date is no date either", "",
       "<div class=\"meta\">Today is 5 May 2010. Last update of the site: 1 May 2010</div>", "none"},
      {"no date anywhere", "", "", "none"},
  };
  expect_each(cases, date_of);
}

// The last resort: a short text that is a date and little else, anywhere
// outside boilerplate and links (here inside the story, where no dateline
// rule looks: after its opening, before its closing paragraph).
TEST(HtmlDates, ADateStandingAlone) {
  // (Not kStory: its last words, "have been published", label the date after them.)
  const std::string story =
      "<div class=\"article-body\"><p>The harbour board met on Tuesday evening, after weeks of delay, to settle the "
      "future of the old pier, which has been closed to visitors since the winter storms.</p><p>Engineers told the "
      "board that repairs would take at least two years, cost more than expected, and require the ferry service to "
      "move, at least for a while, to the northern quay.</p><p>Residents asked whether the pier could reopen in "
      "part, so that fishing boats, which still depend on it, could keep landing their catch.</p></div>";
  const std::string closing =
      "<p>The board will publish the engineers' report and the ferry timetable once both have been agreed with the "
      "operator and the harbour master.</p>";
  std::vector<Case> cases = {
      {"a weekday and a date in a cell of its own", "",
       story + "<table><tr><td><div id=\"topline\">Fri, December 28, 2007</div></td></tr></table>" + closing, "2007-12-28"},
      {"a German date and time", "", story + "<div class=\"x\"><b>06.10.2017 11:15</b></div>" + closing, "2017-10-06"},
      {"the first of two", "", story + "<p><span>19. Mai 2010</span></p><p><span>3. Juni 2011</span></p>" + closing,
       "2010-05-19"},
      {"a date in a link is another page's", "", story + "<p><a href=\"/older\">19. Mai 2010</a></p>" + closing, "none"},
      {"a date in a sentence is an event, not the story's", "",
       story + "<p>The next meeting of the board is set for 19 May 2010 in the town hall.</p>" + closing, "none"},
      {"a date in a navigation bar is the page's clock", "",
       story + "<nav><span>Fri, December 28, 2007</span></nav>" + closing, "none"},
      {"a labelled date beats it", "",
       story + "<div><span>Fri, December 28, 2007</span></div><div class=\"meta\">Posted 3 May 2007</div>" + closing,
       "2007-05-03"},
  };
  expect_each(cases, date_of, StoryPlace::kInBody);
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
      {"a last-updated line under the headline, the only date", title,
       h1 + "<h4 class=\"lastupdated\">Last Updated: Thursday, May 6, 2010 | 10:56 AM CT</h4>", "2010-05-06"},
      {"a last-updated line loses to a published date", title + "<meta name=\"date\" content=\"2010-05-04\">",
       h1 + "<h4 class=\"lastupdated\">Last Updated: Thursday, May 6, 2010 | 10:56 AM CT</h4>", "2010-05-04"},
      {"a dateline folded into the heading", title,
       "<h1>Pier to close for two years 02.02.2022 Harbour desk</h1>", "2022-02-02"},
      {"a date inside the heading beats dates in the table under it", title,
       "<h1><span class=\"date\">27.01.2022</span>Pier to close for two years</h1>"
       "<table><tr><th>Landings</th><th>3 March 2021</th></tr></table>",
       "2022-01-27"},
  };
  expect_each(cases, date_of);
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
      {"a creation time in a script's data", title,
       "<script>var photo = {\"id\": 12, \"createdAt\": \"2013-02-16T04:36:36-05:00\", \"votes\": 3};</script>",
       "2013-02-16"},
      {"a publishing date in a script's data layer", title,
       "<script>dataLayer.push({'publishing_date': '2022-01-25', 'type': 'news'});</script>", "2022-01-25"},
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
      {"a sidebar inside the story's own article holds its details", title,
       "<article><h1>Pier to close for two years</h1><div class=\"sidebar\"><p class=\"time\">"
       "<time datetime=\"2022-01-28\">28. Januar 2022</time></p></div>" + std::string(kStory) + "</article>"
       "<div class=\"sidebar\"><time datetime=\"2022-02-03\">3. Februar</time></div>",
       "2022-01-28"},
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
      {"a tag page's dates are its stories'",
       title + "<link rel=\"canonical\" href=\"https://harbour.example/tag/pier/\">",
       "<time datetime=\"2021-05-03\">3 May</time>", "none"},
      {"an author page's dates are the author's stories'",
       title + "<link rel=\"canonical\" href=\"https://harbour.example/author/jane-roe\">",
       "<div class=\"date\">3 May 2021</div>", "none"},
      {"the second page of a list",
       title + "<link rel=\"canonical\" href=\"https://harbour.example/news/page/2/\">",
       "<time datetime=\"2021-05-03\">3 May</time>", "none"},
      {"a story filed under a topic is an article",
       title + "<link rel=\"canonical\" href=\"https://harbour.example/category/news/pier-to-close\">",
       "<time datetime=\"2021-05-03\">3 May</time>", "2021-05-03"},
      {"an article at the root by its og:type is dated as an article",
       title + "<link rel=\"canonical\" href=\"https://harbour.example/\"><meta property=\"og:type\" content=\"article\">",
       "<time datetime=\"2021-05-03\">3 May</time>", "2021-05-03"},
  };
  expect_each(cases, date_of);
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
  expect_each(cases, date_of, StoryPlace::kInBody);
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

// A UTC timestamp near midnight belongs to the day of the site's own clock,
// which the page's other timestamps give by their offsets.
TEST(HtmlDates, UtcTimesTakeTheSitesZone) {
  const std::string title = "<title>Pier to close for two years</title>";
  std::vector<Case> cases = {
      {"just after midnight UTC is the previous evening on a site at -05:00",
       title + "<meta property=\"article:published_time\" content=\"2021-03-05T02:30:00Z\">"
               "<meta property=\"article:modified_time\" content=\"2021-03-05T09:00:00-05:00\">",
       "", "2021-03-04"},
      {"late evening UTC is the next day on a site at +01:00 (JSON-LD)",
       title + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
               "\"datePublished\":\"2021-03-04T23:30:00Z\",\"dateModified\":\"2021-03-06T10:00:00+01:00\"}</script>",
       "", "2021-03-05"},
      {"an offset in a time element counts too",
       title + "<meta property=\"article:published_time\" content=\"2020-10-31T22:45:00Z\">",
       "<p class=\"updated\"><time datetime=\"2020-11-02T08:00:00+09:00\">2 Nov</time></p>", "2020-11-01"},
      {"midday UTC is the same day anywhere near",
       title + "<meta property=\"article:published_time\" content=\"2021-03-05T12:00:00Z\">"
               "<meta property=\"article:modified_time\" content=\"2021-03-05T09:00:00-05:00\">",
       "", "2021-03-05"},
      {"no offset on the page: the UTC day stays",
       title + "<meta property=\"article:published_time\" content=\"2021-03-05T02:30:00Z\">", "", "2021-03-05"},
  };
  expect_each(cases, date_of);
}

// A publication label in the page's language is read as a labelled date.
TEST(HtmlDates, PublicationLabelsInManyLanguages) {
  const std::vector<std::pair<std::string, std::string>> labels = {
      {"Published", "en"},      {"Posted on", "en"},       {"Veröffentlicht am", "de"}, {"Erschienen am", "de"},
      {"Publié le", "fr"},      {"Mise en ligne le", "fr"}, {"Publicado el", "es"},     {"Pubblicato il", "it"},
      {"Gepubliceerd op", "nl"}, {"Publicado em", "pt"},    {"Opublikowano", "pl"},      {"Publikováno", "cs"},
      {"Publicerad", "sv"},     {"Publiceret", "da"},      {"Publisert", "no"},         {"Julkaistu", "fi"},
      {"Közzétéve", "hu"},      {"Publicat", "ro"},        {"Yayınlanma tarihi", "tr"}, {"Опубликовано", "ru"},
      {"Δημοσιεύθηκε", "el"}};
  for (const auto& [label, lang] : labels) {
    std::string html = page("<title>Pier</title>", "<p>The pier will close.</p><p>" + label + ": 03.05.2021</p>");
    html::DocPtr doc = html::parse_document(html, "UTF-8");
    ASSERT_TRUE(doc);
    html::PageMeta meta = html::collect_meta(doc.get());
    EXPECT_EQ(meta.labelled_dates.size(), 1u) << label << " (" << lang << ")";
    if (meta.labelled_dates.size() == 1) {
      EXPECT_NE(meta.labelled_dates[0].find("03.05.2021"), std::string::npos) << label;
    }
  }
  // A text with no label word is no labelled date.
  html::DocPtr doc = html::parse_document(page("<title>Pier</title>", "<p>Harbour weather: 03.05.2021</p>"), "UTF-8");
  EXPECT_TRUE(html::collect_meta(doc.get()).labelled_dates.empty());
}

// Dates under publication keys in a script's data, the earliest first.
TEST(HtmlDates, ScriptDateKeys) {
  using html::find_script_dates;
  EXPECT_EQ(find_script_dates(R"({"id":1,"publishedAt":"2021-02-03T10:00:00Z","createdAt":"2021-02-01"})", 5),
            (std::vector<std::string>{"2021-02-03T10:00:00Z", "2021-02-01"}));
  // A key inside a longer name is not the key; a value must start with a digit.
  EXPECT_TRUE(find_script_dates(R"({"lastpublishedDate":"2021-02-03","publishDate":"soon"})", 5).empty());
  // Bare and escaped keys; the first usable occurrence of a key, and the cap.
  EXPECT_EQ(find_script_dates(R"(var a = {publish_date: '2020-01-02', "date_created":"2019-05-06"};)", 1),
            (std::vector<std::string>{"2020-01-02"}));
  EXPECT_EQ(find_script_dates(R"({"datePublished":"","x":{"datePublished":"2018-07-08"}})", 5),
            (std::vector<std::string>{"2018-07-08"}));
}

// Forum pages show each poster's sign-up day beside the post's own date.
TEST(HtmlDates, MemberSinceIsNotThePostsDate) {
  const std::string title = "<title>Pier to close for two years</title>";
  const std::vector<std::pair<std::string, std::string>> labels = {
      {"Joined", "en"},          {"Member since", "en"},     {"Registriert", "de"},  {"Mitglied seit", "de"},
      {"Inscrit le", "fr"},      {"Membre depuis", "fr"},    {"Iscritto il", "it"},  {"Registrato", "it"},
      {"Miembro desde", "es"},   {"Registrado", "es"},       {"Lid sinds", "nl"},    {"Geregistreerd", "nl"},
      {"Dołączył", "pl"},        {"Zarejestrowany", "pl"},   {"Medlem sedan", "sv"}, {"Medlem siden", "da"},
      {"Rekisteröitynyt", "fi"}, {"Membro desde", "pt"}};
  for (const auto& [label, lang] : labels) {
    std::string body = "<div class=\"post\"><div class=\"poster\"><span class=\"date\">" + label +
                       ": 18.09.2008</span></div><span class=\"date\">21.01.2011, 05:42</span></div>";
    Article a = parse_one(page(title, body + kStory));
    EXPECT_EQ(date_of(a), "2011-01-21") << label << " (" << lang << ")";
  }
}

// A list whose items carry dates lists other things, whatever its class; a
// post's meta list with one date is the post's.
TEST(HtmlDates, DatedListsAreNotTheStory) {
  const std::string title = "<title>Pier to close for two years</title><meta name=\"date\" content=\"2020-02-11\">";
  std::vector<Case> cases = {
      {"an events list before the story", title,
       "<ul class=\"list-group\"><li><span class=\"datum\">29.02.2020 18:00</span> Tasting</li>"
       "<li><span class=\"datum\">07.03.2020 19:00</span> Dinner</li></ul>",
       "2020-02-11"},
      {"a list of stories with time elements", title,
       "<ol><li><a href=\"/a\">Ferry</a><time datetime=\"2020-01-05\">5 Jan</time></li>"
       "<li><a href=\"/b\">Quay</a><time datetime=\"2020-01-04\">4 Jan</time></li></ol>",
       "2020-02-11"},
      {"a date element beats the generic date meta (often the build time)", title,
       "<p><span class=\"date\">12.02.2020</span></p>", "2020-02-12"},
      {"a post's meta list with one date", "<title>Pier to close for two years</title>",
       "<ul class=\"post-meta\"><li><span class=\"date\">12.02.2020</span></li><li>Jane Roe</li><li>Harbour</li></ul>",
       "2020-02-12"},
  };
  expect_each(cases, date_of);
}

// Lists of other stories carry their dates; class names in several languages.
TEST(HtmlDates, RelatedListsInOtherLanguages) {
  const std::string title = "<title>Pier to close for two years</title>";
  for (const char* cls : {"related-posts", "post-related", "weitere-artikel", "aehnliche-beitraege", "lesetipps",
                          "noticias-relacionadas", "bloc-similaires", "a-lire-aussi", "articoli-correlati",
                          "leggi-anche", "most-read", "meistgelesen", "read-next", "lees-ook"}) {
    std::string body = std::string("<div class=\"") + cls +
                       "\"><ul><li><a href=\"/b\">Ferry timetable</a> <span class=\"date\">01.06.2021</span></li>"
                       "<li><time datetime=\"2021-06-02\">2 June</time></li></ul></div>";
    Article a = parse_one(page(title, body + kStory));
    EXPECT_EQ(date_of(a), "none") << cls;
  }
}

// A widget of a blog's recent posts beside the story: its dates are theirs.
TEST(HtmlDates, RecentPostsAreNotTheStory) {
  const std::string story =
      "<div class=\"article-body\"><p>The harbour board met on Tuesday evening, after weeks of delay, to settle the "
      "future of the old pier, which has been closed to visitors since the winter storms.</p><p>Engineers told the "
      "board that repairs would take at least two years, cost more than expected, and require the ferry service to "
      "move, at least for a while, to the northern quay.</p></div>";
  for (const char* cls : {"recent-posts", "MoreRecentPostsDate", "widget_recent_entries"}) {
    std::string list = std::string("<table><tr><td><a href=\"/b\">Ferry timetable</a></td><td class=\"") + cls +
                       "\">January 14, 2008, 6:40 PM</td></tr></table>";
    Article a = parse_one(page("<title>Pier to close for two years</title>", story + list));
    EXPECT_EQ(date_of(a), "none") << cls;
  }
}

}  // namespace
}  // namespace morgue
