// HTML entities whose "&" a feed lost (broken_entities.cc), alone and at
// ingest through every extractor. Every sentence here is written for this test.
#include "extract/broken_entities.h"

#include <iterator>
#include <random>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "extract/encoding.h"
#include "morgue/extract.h"

namespace morgue {
namespace {

struct MendCase {
  const char* name;
  const char* in;
  const char* out;
};

void PrintTo(const MendCase& c, std::ostream* os) { *os << c.name; }

class MendBrokenEntitiesTest : public testing::TestWithParam<MendCase> {};

TEST_P(MendBrokenEntitiesTest, Mends) {
  const MendCase& c = GetParam();
  const std::string once = mend_broken_entities(c.in);
  EXPECT_EQ(once, c.out) << c.in;
  EXPECT_TRUE(is_valid_utf8(once)) << c.in;
  EXPECT_EQ(mend_broken_entities(once), once) << "mended twice: " << c.in;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, MendBrokenEntitiesTest,
    testing::Values(
        // The "&" dropped: the entity is glued to its neighbours.
        MendCase{"quotes glued", "Orla Brenn said quot;we will winquot; and left",
                 "Orla Brenn said \"we will win\" and left"},
        MendCase{"apostrophe glued", "it#39;s over", "it's over"},
        MendCase{"hex apostrophe", "it#x27;s over", "it's over"},
        MendCase{"named apostrophe", "it apos;s over", "it's over"},
        MendCase{"quote after punctuation", "\"Not yet,quot; he said", "\"Not yet,\" he said"},
        MendCase{"text starts with one", "quot;Ready,quot; said Pell.", "\"Ready,\" said Pell."},
        // The "&" turned into a space.
        MendCase{"opening quote keeps its space", "said  quot;we", "said  \"we"},
        MendCase{"closing quote joins its word", "the quot;big plan quot; failed", "the \"big plan\" failed"},
        MendCase{"closing quote after a full stop", "on time. quot; Then", "on time.\" Then"},
        MendCase{"quote spaced on both sides", "he said  quot; then", "he said  \" then"},
        MendCase{"contraction", "Dunmore won #39;t care", "Dunmore won't care"},
        MendCase{"possessive", "Velmark #39;s chief", "Velmark's chief"},
        MendCase{"possessive after a full stop", "Velmark Ltd. #39;s chief", "Velmark Ltd.'s chief"},
        MendCase{"closing single quote", "'Not yet, #39; he said", "'Not yet,' he said"},
        MendCase{"plural possessive", "the growers #39; union", "the growers' union"},
        MendCase{"opening single quote", "called it #39;Harvest", "called it 'Harvest"},
        MendCase{"ampersand between letters", "joined QX amp;T last year", "joined QX&T last year"},
        MendCase{"ampersand between words", "Harlow  amp; Pike Ltd", "Harlow  & Pike Ltd"},
        MendCase{"angle brackets", "Markets  gt; Bonds lt;", "Markets  > Bonds <"},
        MendCase{"no-break space", "10 nbsp;km", "10 \xC2\xA0km"},
        MendCase{"dollar", "a  #36;40 million fine", "a  $40 million fine"},
        MendCase{"leading zeros", "Tam  #038; Co", "Tam  & Co"},
        // Windows-1252 numbers, and Unicode ones.
        MendCase{"em dash 151", "Brill  #151; and", "Brill  \xE2\x80\x94 and"},
        MendCase{"right quote 146", "Kessel #146;s shop", "Kessel\xE2\x80\x99s shop"},
        MendCase{"left and right double 147 148", "#147;Go, #148; he said",
                 "\xE2\x80\x9CGo,\xE2\x80\x9D he said"},
        MendCase{"em dash 8212", "Brill #8212; and", "Brill \xE2\x80\x94 and"},
        MendCase{"hex em dash", "Brill #x2014; and", "Brill \xE2\x80\x94 and"},
        MendCase{"letter glued", "Jos#233; Arvelo", "Jos\xC3\xA9 Arvelo"},
        MendCase{"letter inside a word", "Andr #233;s Tovar", "Andr\xC3\xA9s Tovar"},
        // Left as written.
        MendCase{"no entity", "No semicolon; nothing to do", "No semicolon; nothing to do"},
        MendCase{"whole entity", "a &quot;plan&quot; &#39;here", "a &quot;plan&quot; &#39;here"},
        MendCase{"word ending in quot", "an aliquot; then", "an aliquot; then"},
        MendCase{"capitalised word ending in quot", "Aliquot; then", "Aliquot; then"},
        MendCase{"ampersand glued to the word before", "Harlowamp; Pike", "Harlowamp; Pike"},
        MendCase{"words ending in amp, lt, gt", "the camp; the salt; the Bolt;", "the camp; the salt; the Bolt;"},
        MendCase{"upper-case name", "a QUOT; b Amp; c", "a QUOT; b Amp; c"},
        MendCase{"small number", "see section #3; and #12;", "see section #3; and #12;"},
        MendCase{"digit or letter number", "#48; #65; #40;", "#48; #65; #40;"},
        MendCase{"dollar without digits", "Route #36; north", "Route #36; north"},
        MendCase{"letter beside a dash", "Flight #200;\xE2\x80\x94 left", "Flight #200;\xE2\x80\x94 left"},
        MendCase{"letter standing alone", "Flight #200; left", "Flight #200; left"},
        MendCase{"undefined Windows-1252", "a #129; b", "a #129; b"},
        MendCase{"outside the ranges", "a #747; b #x1F600; c", "a #747; b #x1F600; c"},
        MendCase{"no digits", "a #; b #x; c", "a #; b #x; c"},
        MendCase{"too many digits", "a #00000039; b", "a #00000039; b"}));

// Random text built of entity pieces: the result is valid UTF-8 (an entity
// next to one mended in the same pass may be mended only by a second pass:
// "#233;#233;e" reads the first one's neighbour as written).
TEST(MendBrokenEntities, AnyMixOfPiecesStaysValid) {
  const std::string_view pieces[] = {"quot;", "amp;", "#39;", "#151;", "#x2014;", "#233;", "#36;", "apos;",
                                     "nbsp;", "&", "#", "x", ";", " ", "s", "t", "9", "\xC5\x81", "\xC3\xA9",
                                     "ali", "Q", "."};
  std::mt19937 random(20261207);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t length = random() % 12;
    for (std::size_t i = 0; i < length; ++i) text += pieces[random() % std::size(pieces)];
    const std::string once = mend_broken_entities(text);
    ASSERT_TRUE(is_valid_utf8(once)) << text;
    ASSERT_TRUE(is_valid_utf8(mend_broken_entities(once))) << text;
  }
}

// The mending step runs on every extractor's articles: title, body and captions.
TEST(MendBrokenEntities, AtIngestForEveryFormat) {
  struct {
    const char* name;
    const char* file;
    std::string bytes;
  } cases[] = {
      {"text", "a.txt", "Feb 14, 2022 - World\n\nPell #39;s quot;last stand quot;\n\nHe said quot;not yetquot;.\n"},
      {"jsonl", "a.jsonl",
       R"({"id": "1", "title": "Pell #39;s quot;last stand quot;", "body": "He said quot;not yetquot;."})"
       "\n"},
      {"html", "a.html",
       "<html><head><title>Pell #39;s quot;last stand quot;</title></head><body><article>"
       "<h1>Pell #39;s quot;last stand quot;</h1><p>He said quot;not yetquot;. The council met for a long "
       "time on the plan for the new harbour wall and the road beside it.</p></article></body></html>"},
      {"rss", "a.rss",
       "<rss version=\"2.0\"><channel><title>Feed</title><item><title>Pell #39;s quot;last stand quot;</title>"
       "<description>He said quot;not yetquot;.</description></item></channel></rss>"},
  };
  for (const auto& c : cases) {
    Extraction e = extract_bytes(c.bytes, c.file, ExtractOptions{});
    ASSERT_EQ(e.articles.size(), 1u) << c.name;
    EXPECT_EQ(e.articles[0].title, "Pell's \"last stand\"") << c.name;
    EXPECT_NE(e.articles[0].body.find("He said \"not yet\"."), std::string::npos) << c.name << ": "
                                                                                     << e.articles[0].body;
  }
}

// A real entity is decoded once, by the HTML parser: "&amp;quot;" stays the
// text "&quot;" that the page shows.
TEST(MendBrokenEntities, HtmlEntitiesAreNotDecodedTwice) {
  const std::string page =
      "<html><head><title>Harbour wall</title></head><body><article><h1>Harbour wall</h1>"
      "<p>Pell said &quot;soon&quot; and wrote &amp;quot;later&amp;quot; at #39;noon, it&#39;s late. The "
      "council met for a long time on the plan for the new harbour wall and the road.</p></article></body></html>";
  Extraction e = extract_bytes(page, "b.html", ExtractOptions{});
  ASSERT_EQ(e.articles.size(), 1u);
  EXPECT_NE(e.articles[0].body.find("Pell said \"soon\" and wrote &quot;later&quot; at 'noon, it's late."),
            std::string::npos)
      << e.articles[0].body;
}

}  // namespace
}  // namespace morgue
