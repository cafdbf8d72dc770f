// NITF, NewsML-G2, NewsML 1, RSS and Atom: table-driven cases over small
// documents written for these tests, then the security limits.
#include "extract/news_xml.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "extract/encoding.h"
#include "util/strings.h"

namespace morgue {
namespace {

constexpr const char* kNitfFull = R"XML(<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN">
  <head>
    <title>Harbour ferry returns after winter repairs</title>
    <tobject tobject.type="news">
      <tobject.subject tobject.subject.refnum="04000000" tobject.subject.matter="Transport"/>
    </tobject>
    <docdata>
      <doc-id id-string="morgue-test-0001"/>
      <date.issue norm="20230412T071500+0200"/>
      <key-list><keyword key="ferries"/></key-list>
      <identified-content>
        <person value="Mira Holm"/>
        <location>Lakeport</location>
      </identified-content>
    </docdata>
    <pubdata type="web" position.section="local/transport" ex-ref="https://example.org/ferry"/>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Ferry back on the water</hl1></hedline>
      <byline>By <person>Jonas Berg</person>, <byttl>Staff Writer</byttl></byline>
      <dateline><location>LAKEPORT</location>, <story.date norm="20230412">April 12</story.date> -</dateline>
      <abstract><p>The ferry resumed service.</p></abstract>
    </body.head>
    <body.content xml:lang="en-gb">
      <p>The town's only ferry sailed again
         on Wednesday.</p>
      <media media-type="image">
        <media-reference source="ferry.jpg"/>
        <media-caption>The ferry at dawn.</media-caption>
      </media>
      <p>Captain Mira Holm said the <em>new</em> engine was quieter.</p>
    </body.content>
  </body>
</nitf>
)XML";

constexpr const char* kNitfNamespaced = R"XML(<?xml version="1.0"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
  <head><docdata><date.issue norm="20211105"/></docdata></head>
  <body>
    <body.head><hedline><hl1>Library opens late on Fridays</hl1></hedline>
      <byline>by ANNA KOVAC and Piet de Wit</byline></body.head>
    <body.content><p>Readers can stay until ten.</p><block><p>The pilot runs a year.</p></block></body.content>
  </body>
</nitf>
)XML";

constexpr const char* kNitfMinimal = R"XML(<nitf><body><body.content>
  <p>Only a paragraph, no headline and no date.</p></body.content></body></nitf>)XML";

constexpr const char* kNitfAbstractOnly = R"XML(<nitf><head><title>Brief: bridge closed</title></head>
  <body><body.head><abstract><p>The north bridge is shut for inspection.</p></abstract></body.head></body></nitf>)XML";

constexpr const char* kG2Single = R"XML(<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example.org:20230301:rail"
          version="1" standard="NewsML-G2" standardversion="2.29" xml:lang="en">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <versionCreated>2023-03-02T10:00:00Z</versionCreated>
    <firstCreated>2023-03-01T09:30:00+01:00</firstCreated>
    <link rel="irel:canonical" href="https://example.org/rail"/>
  </itemMeta>
  <contentMeta>
    <headline>Night trains return to the coast line</headline>
    <slugline>RAIL-NIGHT</slugline>
    <dateline>SEAHAVEN, March 1 -</dateline>
    <by>By Ada Lind and Tom Reyes</by>
    <subject type="cpnat:abstract" qcode="medtop:20000001"><name>rail transport</name></subject>
    <subject type="cpnat:department" qcode="section:travel"><name>travel</name></subject>
    <language tag="en-gb"/>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>ignored</title></head>
        <body><p>Sleeper services resume in May.</p><p>Tickets go on sale next week.</p>
        <script>var tracking = 1;</script></body></html>
    </inlineXML>
  </contentSet>
</newsItem>
)XML";

constexpr const char* kG2NoNamespaceNitf = R"XML(<newsItem guid="tag:example.org,2022:fair">
  <itemMeta><versionCreated>2022-09-17T16:00:00-05:00</versionCreated></itemMeta>
  <contentMeta><located><name>Millbrook</name></located>
    <creator type="cpnat:person"><name>Lena Ortiz</name></creator></contentMeta>
  <contentSet><inlineXML contenttype="application/nitf+xml">
    <nitf><body><body.head><hedline><hl1>County fair breaks attendance record</hl1></hedline></body.head>
      <body.content><p>More than forty thousand came.</p></body.content></body></nitf>
  </inlineXML></contentSet>
</newsItem>)XML";

constexpr const char* kG2InlineData = R"XML(<newsItem guid="x1"><contentMeta><headline>Council votes on budget</headline>
  </contentMeta><contentSet><inlineData contenttype="text/plain">The council met on Monday.

It approved the budget.</inlineData></contentSet></newsItem>)XML";

constexpr const char* kNewsMessage = R"XML(<?xml version="1.0"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header><sent>2023-05-01T12:00:00Z</sent></header>
  <itemSet>
    <newsItem guid="urn:example:a"><contentMeta><headline>First story</headline></contentMeta>
      <contentSet><inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body><p>One.</p></body></html></inlineXML></contentSet></newsItem>
    <newsItem guid="urn:example:b"><contentMeta><headline>Second story</headline></contentMeta></newsItem>
    <newsItem><contentMeta><headline>Third story, no guid</headline></contentMeta></newsItem>
    <newsItem guid="urn:example:a"><contentMeta><headline>Repeated guid</headline></contentMeta></newsItem>
    <newsItem guid="urn:example:empty"><contentMeta/></newsItem>
  </itemSet>
</newsMessage>
)XML";

constexpr const char* kNewsMl1 = R"XML(<?xml version="1.0"?>
<NewsML><NewsEnvelope><DateAndTime>20200102T080000Z</DateAndTime></NewsEnvelope>
  <NewsItem>
    <Identification><NewsIdentifier><PublicIdentifier>urn:newsml:example.org:20200102:snow:1</PublicIdentifier></NewsIdentifier></Identification>
    <NewsManagement><FirstCreated>20200102T074500+0000</FirstCreated></NewsManagement>
    <NewsComponent>
      <NewsLines><HeadLine>Snow closes mountain pass</HeadLine><ByLine>By Olga Brandt</ByLine>
        <DateLine>HIGHFIELD, Jan 2</DateLine></NewsLines>
      <DescriptiveMetadata><Language FormalName="de"/></DescriptiveMetadata>
      <NewsComponent><ContentItem><DataContent>
        <nitf><body><body.content><p>The pass will stay shut until Friday.</p></body.content></body></nitf>
      </DataContent></ContentItem></NewsComponent>
    </NewsComponent>
  </NewsItem>
</NewsML>
)XML";

constexpr const char* kRss = R"XML(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>Example Gazette</title><language>en-us</language>
    <item>
      <media:title>Photo title, not the headline</media:title>
      <title>Storm knocks out power to 3,000 homes</title>
      <link>https://example.org/storm</link>
      <guid isPermaLink="false">gazette-1001</guid>
      <pubDate>Tue, 14 Feb 2023 18:05:00 GMT</pubDate>
      <dc:creator>Rosa Vidal</dc:creator>
      <category>Weather</category><category>Utilities</category>
      <description>Short teaser.</description>
      <content:encoded><![CDATA[<p>Crews worked <b>overnight</b>.</p><figure><img src="a.jpg"/><figcaption>A fallen line.</figcaption></figure><p>Power is due back by noon.</p>]]></content:encoded>
    </item>
    <item>
      <title>Market day moves to Saturday</title>
      <author>desk@example.org (Hugo Brandt)</author>
      <pubDate>sometime soon</pubDate>
      <description>&lt;p&gt;Stalls open at eight.&lt;/p&gt;&lt;p&gt;Parking is free.&lt;/p&gt;</description>
    </item>
  </channel>
</rss>
)XML";

// dc: and content: used without declaring them, as hand-made feeds do.
constexpr const char* kRssUndeclared = R"XML(<rss version="2.0"><channel><item>
  <title>Pool reopens</title><link>https://example.org/pool</link>
  <dc:creator>Iris Berg</dc:creator><description>Swimmers are back.</description>
</item></channel></rss>)XML";

constexpr const char* kAtom = R"XML(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Exemple</title>
  <entry>
    <title type="html">Le &lt;em&gt;tram&lt;/em&gt; arrive</title>
    <id>tag:example.org,2023:tram</id>
    <link rel="alternate" href="https://example.org/tram"/>
    <published>2023-06-05T08:00:00+02:00</published>
    <updated>2023-06-06T08:00:00+02:00</updated>
    <author><name>Claire Dubois</name></author>
    <category term="transport" label="Transports"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>La ligne ouvre lundi.</p><p>Elle compte douze arrêts.</p></div></content>
  </entry>
  <entry>
    <title>Deuxième article</title>
    <link href="https://example.org/deux"/>
    <updated>2023-06-07T10:00:00Z</updated>
    <summary type="html">&lt;p&gt;Un résumé.&lt;/p&gt;</summary>
  </entry>
</feed>
)XML";

struct XmlCase {
  const char* name;
  const char* input;
  std::size_t articles;
  const char* title;
  const char* date;  // nullptr: no date
  const char* timestamp;
  const char* section;
  const char* authors;  // joined with '|'
  const char* dateline;
  const char* language;
  const char* url;
  const char* key;
  const char* body;  // whole body of the first article
};

class NewsXmlTest : public testing::TestWithParam<XmlCase> {};

TEST_P(NewsXmlTest, FirstArticle) {
  const XmlCase& c = GetParam();
  Extraction e = parse_news_xml(c.input, "test.xml");
  ASSERT_EQ(e.articles.size(), c.articles) << (e.problems.empty() ? "" : e.problems[0].reason);
  const Article& a = e.articles[0];
  EXPECT_EQ(a.source, "test.xml");
  EXPECT_EQ(a.title, c.title);
  if (c.date) {
    ASSERT_TRUE(a.date);
    EXPECT_EQ(a.date->iso(), c.date);
  } else {
    EXPECT_FALSE(a.date);
  }
  EXPECT_EQ(a.timestamp, c.timestamp);
  EXPECT_EQ(a.section, c.section);
  EXPECT_EQ(util::join(a.authors, "|"), c.authors);
  EXPECT_EQ(a.dateline, c.dateline);
  EXPECT_EQ(a.language, c.language);
  EXPECT_EQ(a.url, c.url);
  EXPECT_EQ(a.key, c.key);
  EXPECT_EQ(a.body, c.body);
}

INSTANTIATE_TEST_SUITE_P(
    Formats, NewsXmlTest,
    testing::Values(
        XmlCase{"nitf_full", kNitfFull, 1, "Ferry back on the water", "2023-04-12", "2023-04-12T07:15:00+02:00",
                "Local/Transport", "Jonas Berg", "LAKEPORT, April 12", "en-GB", "https://example.org/ferry", "",
                "The town's only ferry sailed again on Wednesday.\n\n"
                "Captain Mira Holm said the new engine was quieter."},
        XmlCase{"nitf_namespaced", kNitfNamespaced, 1, "Library opens late on Fridays", "2021-11-05", "", "",
                "Anna Kovac|Piet de Wit", "", "", "", "", "Readers can stay until ten.\n\nThe pilot runs a year."},
        XmlCase{"nitf_missing_fields", kNitfMinimal, 1, "", nullptr, "", "", "", "", "", "", "",
                "Only a paragraph, no headline and no date."},
        XmlCase{"nitf_abstract_only", kNitfAbstractOnly, 1, "Brief: bridge closed", nullptr, "", "", "", "", "", "",
                "", "The north bridge is shut for inspection."},
        XmlCase{"g2_single", kG2Single, 1, "Night trains return to the coast line", "2023-03-01",
                "2023-03-01T09:30:00+01:00", "Travel", "Ada Lind|Tom Reyes", "SEAHAVEN, March 1", "en-GB",
                "https://example.org/rail", "", "Sleeper services resume in May.\n\nTickets go on sale next week."},
        XmlCase{"g2_no_namespace_with_nitf", kG2NoNamespaceNitf, 1, "County fair breaks attendance record",
                "2022-09-17", "2022-09-17T16:00:00-05:00", "", "Lena Ortiz", "Millbrook", "", "", "",
                "More than forty thousand came."},
        XmlCase{"g2_inline_data", kG2InlineData, 1, "Council votes on budget", nullptr, "", "", "", "", "", "", "",
                "The council met on Monday.\n\nIt approved the budget."},
        XmlCase{"g2_news_message", kNewsMessage, 4, "First story", nullptr, "", "", "", "", "", "",
                "urn:example:a", "One."},
        XmlCase{"newsml_1", kNewsMl1, 1, "Snow closes mountain pass", "2020-01-02", "2020-01-02T07:45:00Z", "",
                "Olga Brandt", "HIGHFIELD, Jan 2", "de", "", "urn:newsml:example.org:20200102:snow:1",
                "The pass will stay shut until Friday."},
        XmlCase{"rss", kRss, 2, "Storm knocks out power to 3,000 homes", "2023-02-14", "2023-02-14T18:05:00Z", "",
                "Rosa Vidal", "", "en-US", "https://example.org/storm", "gazette-1001",
                "Crews worked overnight.\n\nPower is due back by noon."},
        XmlCase{"rss_undeclared_prefixes", kRssUndeclared, 1, "Pool reopens", nullptr, "", "", "Iris Berg", "", "",
                "https://example.org/pool", "https://example.org/pool", "Swimmers are back."},
        XmlCase{"atom", kAtom, 2, "Le tram arrive", "2023-06-05", "2023-06-05T08:00:00+02:00", "",
                "Claire Dubois", "", "fr", "https://example.org/tram", "tag:example.org,2023:tram",
                "La ligne ouvre lundi.\n\nElle compte douze arrêts."}),
    [](const testing::TestParamInfo<XmlCase>& param_info) { return std::string(param_info.param.name); });

TEST(NewsXml, NitfSubjectsPeopleAndCaptions) {
  Extraction e = parse_news_xml(kNitfFull, "f.xml");
  ASSERT_EQ(e.articles.size(), 1u);
  const Article& a = e.articles[0];
  EXPECT_EQ(util::join(a.subjects, "|"), "Transport|ferries|Lakeport");
  EXPECT_EQ(util::join(a.people, "|"), "Mira Holm");
  EXPECT_EQ(util::join(a.captions, "|"), "The ferry at dawn.");
  EXPECT_TRUE(e.problems.empty());
}

TEST(NewsXml, G2SubjectsSkipSectionAndScripts) {
  Extraction e = parse_news_xml(kG2Single, "g.xml");
  ASSERT_EQ(e.articles.size(), 1u);
  EXPECT_EQ(util::join(e.articles[0].subjects, "|"), "rail transport");
  EXPECT_EQ(e.articles[0].body.find("tracking"), std::string::npos);
}

TEST(NewsXml, NewsMessageKeysAreUniqueAndStable) {
  Extraction first = parse_news_xml(kNewsMessage, "m.xml");
  Extraction second = parse_news_xml(kNewsMessage, "m.xml");
  std::vector<std::string> keys;
  for (const Article& a : first.articles) keys.push_back(a.key);
  EXPECT_EQ(util::join(keys, " "), "urn:example:a urn:example:b item-3 urn:example:a~2");
  ASSERT_EQ(second.articles.size(), first.articles.size());
  for (std::size_t i = 0; i < keys.size(); ++i) EXPECT_EQ(second.articles[i].key, keys[i]);
  // The empty fifth item is reported, the others still come out.
  ASSERT_EQ(first.problems.size(), 1u);
  EXPECT_NE(first.problems[0].reason.find("item 5"), std::string::npos);
  EXPECT_FALSE(first.failed());
}

TEST(NewsXml, RssDetails) {
  Extraction e = parse_news_xml(kRss, "feed.xml");
  ASSERT_EQ(e.articles.size(), 2u);
  const Article& storm = e.articles[0];
  EXPECT_EQ(util::join(storm.subjects, "|"), "Weather|Utilities");
  EXPECT_EQ(util::join(storm.captions, "|"), "A fallen line.");
  const Article& market = e.articles[1];
  EXPECT_EQ(market.key, "item-2");
  EXPECT_EQ(util::join(market.authors, "|"), "Hugo Brandt");
  EXPECT_EQ(market.body, "Stalls open at eight.\n\nParking is free.");
  EXPECT_FALSE(market.date);
  // The unreadable date is reported; the article is kept without one.
  ASSERT_EQ(e.problems.size(), 1u);
  EXPECT_NE(e.problems[0].reason.find("sometime soon"), std::string::npos);
}

TEST(NewsXml, AtomFallsBackToUpdatedAndSummary) {
  Extraction e = parse_news_xml(kAtom, "feed.atom");
  ASSERT_EQ(e.articles.size(), 2u);
  const Article& a = e.articles[1];
  EXPECT_EQ(a.key, "https://example.org/deux");
  EXPECT_EQ(a.date->iso(), "2023-06-07");
  EXPECT_EQ(a.body, "Un résumé.");
  EXPECT_EQ(a.language, "fr");
  EXPECT_EQ(util::join(e.articles[0].subjects, "|"), "Transports");
}

TEST(NewsXml, EncodingsBecomeUtf8) {
  // Declared Latin-1: libxml2 converts.
  Extraction latin = parse_news_xml(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><nitf><body><body.content><p>Caf\xE9 opens</p>"
      "</body.content></body></nitf>",
      "l.xml");
  ASSERT_EQ(latin.articles.size(), 1u);
  EXPECT_EQ(latin.articles[0].body, "Caf\xC3\xA9 opens");
  // Claims UTF-8 but holds a stray Latin-1 byte: repaired rather than refused.
  Extraction stray = parse_news_xml(
      "<nitf><body><body.content><p>Na\xEFve plan, fine otherwise</p></body.content></body></nitf>", "s.xml");
  ASSERT_EQ(stray.articles.size(), 1u);
  EXPECT_TRUE(is_valid_utf8(stray.articles[0].body));
  EXPECT_NE(stray.articles[0].body.find("plan, fine otherwise"), std::string::npos);
}

struct BadCase {
  const char* name;
  std::string input;
  const char* reason_part;
};

std::string billion_laughs() {
  std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [\n  <!ENTITY lol \"lol\">\n";
  for (int i = 1; i < 10; ++i) {
    doc += "  <!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) doc += i == 1 ? "&lol;" : "&lol" + std::to_string(i - 1) + ";";
    doc += "\">\n";
  }
  return doc + "]>\n<nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>\n";
}

std::string utf16le(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

std::string depth_bomb(int depth) {
  std::string doc = "<nitf><body><body.content>";
  for (int i = 0; i < depth; ++i) doc += "<div>";
  doc += "deep";
  for (int i = 0; i < depth; ++i) doc += "</div>";
  return doc + "</body.content></body></nitf>";
}

class NewsXmlRefusedTest : public testing::TestWithParam<BadCase> {};

TEST_P(NewsXmlRefusedTest, IsAProblem) {
  const BadCase& c = GetParam();
  Extraction e = parse_news_xml(c.input, "bad.xml");
  EXPECT_TRUE(e.failed());
  ASSERT_FALSE(e.problems.empty());
  EXPECT_EQ(e.problems[0].where, "bad.xml");
  EXPECT_NE(e.problems[0].reason.find(c.reason_part), std::string::npos) << e.problems[0].reason;
}

INSTANTIATE_TEST_SUITE_P(
    Refused, NewsXmlRefusedTest,
    testing::Values(
        BadCase{"entity_bomb", billion_laughs(), "entities"},
        BadCase{"entity_bomb_utf16", utf16le(billion_laughs()), "entities"},
        BadCase{"external_entity",
                "<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                "<nitf><body><body.content><p>&xxe;</p></body.content></body></nitf>",
                "entities"},
        BadCase{"depth_bomb", depth_bomb(100000), "nested deeper than 256"},
        BadCase{"malformed", "<nitf><body><body.content><p>unclosed</body.content></body></nitf>", "malformed XML"},
        BadCase{"not_xml", "just some words", "malformed XML"},
        BadCase{"empty", "  \n", "empty"},
        BadCase{"unknown_vocabulary", "<recipe><name>Soup</name></recipe>", "unknown XML vocabulary <recipe>"},
        BadCase{"no_story", "<nitf><head><docdata/></head></nitf>", "neither headline nor body"}),
    [](const testing::TestParamInfo<BadCase>& param_info) { return std::string(param_info.param.name); });

TEST(NewsXml, ExternalDtdAndEntityNotLoaded) {
  // The external subset is never fetched, so &xxe; cannot pull in the file.
  const std::string doc =
      "<?xml version=\"1.0\"?><!DOCTYPE nitf SYSTEM \"file:///etc/passwd\">"
      "<nitf><body><body.head><hedline><hl1>Safe</hl1></hedline></body.head>"
      "<body.content><p>Before &xxe; after.</p></body.content></body></nitf>";
  Extraction e = parse_news_xml(doc, "x.xml");
  for (const Article& a : e.articles) {
    EXPECT_EQ(a.body.find("root:"), std::string::npos);
    EXPECT_EQ(a.title.find("root:"), std::string::npos);
  }
  const std::string plain =
      "<?xml version=\"1.0\"?><!DOCTYPE nitf SYSTEM \"file:///etc/passwd\">"
      "<nitf><body><body.content><p>Plain text.</p></body.content></body></nitf>";
  Extraction ok = parse_news_xml(plain, "x.xml");
  ASSERT_EQ(ok.articles.size(), 1u);
  EXPECT_EQ(ok.articles[0].body, "Plain text.");
}

TEST(NewsXml, NestingBelowTheCapIsRead) {
  Extraction e = parse_news_xml(depth_bomb(200), "d.xml");
  ASSERT_EQ(e.articles.size(), 1u);
  EXPECT_EQ(e.articles[0].body, "deep");
}

TEST(NewsXml, DeepHtmlInAFeedIsBounded) {
  // HTML inside a description is parsed by the HTML parser, which has no
  // depth limit of its own; the walk stops at the cap instead of recursing on.
  std::string html;
  for (int i = 0; i < 50000; ++i) html += "<span>";
  html += "deep text";
  std::string doc = "<rss><channel><item><title>Deep</title><description><![CDATA[<p>Top.</p>" + html +
                    "]]></description></item></channel></rss>";
  Extraction e = parse_news_xml(doc, "deep.rss");
  ASSERT_EQ(e.articles.size(), 1u);
  EXPECT_EQ(e.articles[0].body.substr(0, 4), "Top.");
}

TEST(NewsXml, ParsesConcurrently) {
  std::vector<std::thread> threads;
  std::vector<std::size_t> counts(4);
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&counts, t] {
      for (int i = 0; i < 50; ++i) {
        counts[t] += parse_news_xml(kRss, "r.xml").articles.size() + parse_news_xml(kNitfFull, "n.xml").articles.size();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t count : counts) EXPECT_EQ(count, 150u);
}

TEST(NewsXml, EveryStoredStringIsValidUtf8) {
  for (const char* doc : {kNitfFull, kNitfNamespaced, kG2Single, kNewsMessage, kNewsMl1, kRss, kAtom}) {
    for (const Article& a : parse_news_xml(doc, "u.xml").articles) {
      for (const std::string* s : {&a.title, &a.body, &a.section, &a.dateline, &a.url, &a.key, &a.language}) {
        EXPECT_TRUE(is_valid_utf8(*s)) << *s;
      }
      for (const auto* list : {&a.authors, &a.subjects, &a.people, &a.captions}) {
        for (const std::string& s : *list) EXPECT_TRUE(is_valid_utf8(s)) << s;
      }
    }
  }
}

}  // namespace
}  // namespace morgue
