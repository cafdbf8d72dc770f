// HTML news pages: metadata sources, main text, encodings and bad input.
// Every page here is written for the test; none comes from a real site.
#include "extract/html_article.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/encoding.h"
#include "support/html_pages.h"

namespace morgue {
namespace {

using namespace testing_support;  // Case, page, parse_one, kStory, date_of, expect_each

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
      {"a trail of spaced colons before the headline",
       "<title>The Harbour Gazette : Local : Board delays the pier vote</title>", "", "Board delays the pier vote"},
      {"one spaced colon keeps its head", "<title>Harbour : board delays the pier vote</title>", "",
       "Harbour : board delays the pier vote"},
      {"a domain and a colon before the headline", "<title>HarbourNews.com: Board delays the pier vote</title>", "",
       "Board delays the pier vote"},
      {"a place and a colon stay", "<title>Kelso: board delays the pier vote</title>", "",
       "Kelso: board delays the pier vote"},
      {"a source in brackets after the headline",
       "<title>Board delays the pier vote (from The Harbour Gazette)</title>", "", "Board delays the pier vote"},
      {"brackets that are part of the headline stay", "<title>Board delays the pier vote (again)</title>", "",
       "Board delays the pier vote (again)"},
      {"a title holding markup is no title", "<title>HN SPORTi library--&gt;</title>",
       "<h1>Board delays the pier vote</h1>", "Board delays the pier vote"},
      {"a title unrelated to the story gives way to a heading about it", "<title>Latest Local Headlines</title>",
       "<h2>Sidebar</h2><h2>Harbour board to decide the future of the old pier</h2>",
       "Harbour board to decide the future of the old pier"},
      {"a site's name for a title gives way to the heading the story opens with, whatever the dateline credits",
       "<title>The Harbour Network</title>",
       "<div class=\"story\"><h3>Board delays the pier vote again</h3><p>KELSO (Harbour Network) - The harbour "
       "board delayed its vote on the old pier for a third time on Tuesday, saying the engineers' report was late "
       "and the ferry operator had not yet answered.</p></div>",
       "Board delays the pier vote again"},
      {"a title about the same story beats the heading the story opens with",
       "<title>Harbour board delays the pier vote again</title>",
       "<div class=\"story\"><h3>Pier vote delayed</h3><p>The harbour board delayed its vote on the old pier "
       "for a third time on Tuesday, saying the engineers' report was late and the ferry operator had not yet "
       "answered.</p></div>",
       "Harbour board delays the pier vote again"},
      {"a title ending with the line the story opens with, after a section and a dash",
       "<title>Harbour Life- Pier vote delayed again</title>",
       "<div class=\"story\"><p><b>Pier vote delayed again</b></p><p>The harbour board delayed its vote on the "
       "old pier for a third time on Tuesday, saying the engineers' report was late and the ferry operator had "
       "not yet answered.</p></div>",
       "Pier vote delayed again"},
      {"a title ending with other words than the story's opening line keeps its cut",
       "<title>Harbour Life- Pier vote delayed again</title>",
       "<div class=\"story\"><p><b>Vote delayed again</b></p><p>The harbour board delayed its vote on the "
       "old pier for a third time on Tuesday, saying the engineers' report was late and the ferry operator had "
       "not yet answered.</p></div>",
       "Harbour Life- Pier vote delayed again"},
      {"a JSON-LD headline unlike the titles describes the page",
       "<meta property=\"og:title\" content=\"Pier to close for two years - Harbour News\">"
       "<script type=\"application/ld+json\">"
       "{\"@type\":\"Article\",\"headline\":\"Coastal town in the north\"}</script>",
       "", "Pier to close for two years"},
  };
  expect_each(cases, [](const Article& a) { return a.title; });
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
      {"the publisher's section field beats breadcrumbs and the URL",
       "<meta property=\"article:section\" content=\"Business\">"
       "<link rel=\"canonical\" href=\"https://news.example.org/world/europe/pier-to-close-1234\">",
       "<ol class=\"breadcrumb\"><li><a href=\"/\">Home</a></li><li><a href=\"/sport\">Sport</a></li></ol>",
       "Business"},
      {"breadcrumbs beat the URL",
       "<link rel=\"canonical\" href=\"https://news.example.org/world/europe/pier-to-close-1234\">",
       "<ol class=\"breadcrumb\"><li><a href=\"/\">Home</a></li><li><a href=\"/sport\">Sport</a></li></ol>",
       "Sport"},
      {"a placeholder field falls through to the breadcrumbs",
       "<meta property=\"article:section\" content=\"Uncategorized\">",
       "<ol class=\"breadcrumb\"><li><a href=\"/\">Home</a></li><li><a href=\"/sport\">Sport</a></li></ol>",
       "Sport"},
      {"the site's name in the field falls through",
       "<meta property=\"og:site_name\" content=\"Harbour Gazette\">"
       "<meta property=\"article:section\" content=\"Harbour Gazette\">",
       "<ol class=\"breadcrumb\"><li><a href=\"/\">Harbour Gazette</a></li><li><a href=\"/arts\">arts</a></li></ol>",
       "Arts"},
      {"an abbreviation from the URL in capitals",
       "<link rel=\"canonical\" href=\"https://news.example.org/uk/pier-to-close-1234\">", "", "UK"},
      {"a crumb that is the headline part of <title> is the story",
       "<title>Harbour Life - Ferry to cross the bay - Harbour Gazette</title>"
       "<meta property=\"og:title\" content=\"Harbour Life\">",
       "<ol class=\"breadcrumb\"><li><a href=\"/\">Home</a></li><li><a href=\"/travel\">Travel</a></li>"
       "<li>Ferry to cross the bay</li></ol>",
       "Travel"},
  };
  expect_each(cases, [](const Article& a) { return a.section; });
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
      {"a date after the name", "", "<div class=\"FeatureByline\"> By <b>Jane Roe</b>\n March 25, 2015</div>",
       {"Jane Roe"}},
      {"a date and time after a name in capitals", "",
       "<cite class=\"byline\"><span>By </span><span>JANE ROE</span> <abbr>March 11, 2015 3:46 PM</abbr></cite>",
       {"Jane Roe"}},
      {"a German byline with its date", "", "<p class=\"byline\">Von Jane Roe 12.03.2021, 10:15 Uhr</p>", {"Jane Roe"}},
      {"the editor after the writer is not an author", "",
       "<p class=\"byline author\">Written by Jane Roe<br>Edited by John Doe</p>", {"Jane Roe"}},
      {"the date first, then the name", "",
       "<div class=\"byline\"><h2>Friday, January 11, 2008<br>By Jane Roe, AFP</h2></div>", {"Jane Roe"}},
      {"a label before the date is no name", "",
       "<div class=\"byline\"><div>Published: January 09, 2008</div></div><p class=\"author\">Kay Ode</p>",
       {"Kay Ode"}},
      {"a place after the name and the date", "", "<div class=\"byline\">Jane Roe, Washington December 31, 2007</div>",
       {"Jane Roe"}},
      {"a role after a comma describes the name", "",
       "<div class=\"storybyline\">By Jane Roe, Harbour Times Staff Writer<br> December 29, 2007</div>", {"Jane Roe"}},
      {"a note in brackets after the name, then a weekday and date", "",
       "<p class=\"byline\">By Jane Roe (Contact) Thursday, Jan 10, 2008</p>", {"Jane Roe"}},
      {"a dash before the date", "", "<p class=\"byline\">By Jane Roe \xE2\x80\x94 Jan 10, 2008</p>", {"Jane Roe"}},
      {"special to a paper", "", "<div id=\"author\">JANE ROE Special to The Harbour and Mail March 3, 2008</div>",
       {"Jane Roe"}},
      {"the editorial desk is no one", "", "<p class=\"author\">Red. / 12.03.2021</p>", {}},
      {"a lone prefix word is no one", "", "<span class=\"author-by\">Von</span><span class=\"author\">Redaktion</span>",
       {}},
      {"a label with a colon before the name", "", "<p class=\"byline\">Posted By: Jane Roe 01/09/2008</p>", {"Jane Roe"}},
      {"a source and a picture credit after the name", "",
       "<p class=\"author\">Jane Roe Quelle: Harbour Post</p>", {"Jane Roe"}},
      {"a German label beside the date", "", "<p class=\"author\">Jane Roe Stand: 12.03.2021</p>", {"Jane Roe"}},
      {"Dublin Core names written surname first",
       "<meta name=\"DC.Creator\" content=\"Roe, J.\"><meta name=\"DC.Creator\" content=\"Jong, Kees de\">", "",
       {"J. Roe", "Kees de Jong"}},
      {"space-separated RDFa properties",
       "<meta property=\"dc:creator twitter:creator\" content=\"Jane Roe\">", "", {"Jane Roe"}},
  };
  expect_each(cases, [](const Article& a) { return a.authors; });
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
