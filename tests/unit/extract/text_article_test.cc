#include "extract/text_article.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <ostream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace morgue {
namespace {

struct TextCase {
  const char* name;
  const char* input;
  const char* title;
  const char* date;     // nullptr: no date
  const char* section;
  const char* body_start;
  std::size_t captions;
};

void PrintTo(const TextCase& c, std::ostream* os) { *os << c.name; }

class TextArticleTest : public testing::TestWithParam<TextCase> {};

TEST_P(TextArticleTest, Parses) {
  const TextCase& c = GetParam();
  Extraction e = parse_text_article(c.input, "test.txt");
  ASSERT_EQ(e.articles.size(), 1u) << c.name;
  const Article& a = e.articles[0];
  EXPECT_EQ(a.title, c.title) << c.name;
  if (c.date) {
    ASSERT_TRUE(a.date) << c.name;
    EXPECT_EQ(a.date->iso(), c.date) << c.name;
  } else {
    EXPECT_FALSE(a.date) << c.name;
  }
  EXPECT_EQ(a.section, c.section) << c.name;
  EXPECT_EQ(a.body.substr(0, std::string(c.body_start).size()), c.body_start) << c.name;
  EXPECT_EQ(a.captions.size(), c.captions) << c.name;
  EXPECT_FALSE(a.title_from_body) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Layouts, TextArticleTest,
    testing::Values(
        TextCase{"short month", "Feb 14, 2022 - World\n\nHeadline here\n\nFirst paragraph.\n\nSecond.\n",
                 "Headline here", "2022-02-14", "World", "First paragraph.\n\nSecond.", 0},
        TextCase{"long month", "February 14, 2022 - Business\n\nMarkets rally\n\nStocks rose.\n",
                 "Markets rally", "2022-02-14", "Business", "Stocks rose.", 0},
        TextCase{"iso date", "2022-02-14 - Sport\n\nA win\n\nThey won.\n", "A win", "2022-02-14", "Sport",
                 "They won.", 0},
        TextCase{"lower-case section", "2022-02-14 - world/europe\n\nA story\n\nText.\n", "A story",
                 "2022-02-14", "World/Europe", "Text.", 0},
        TextCase{"no section", "2022-02-14\n\nA story\n\nText.\n", "A story", "2022-02-14", "", "Text.", 0},
        TextCase{"no header", "Just a headline\n\nAnd a body.\n", "Just a headline", nullptr, "", "And a body.", 0},
        TextCase{"crlf", "Feb 14, 2022 - World\r\n\r\nHeadline\r\n\r\nBody.\r\n", "Headline", "2022-02-14",
                 "World", "Body.", 0},
        TextCase{"caption and credit",
                 "Feb 14, 2022 - World\n\nHeadline\n\nTwo leaders in 2020.\n\nTwo leaders meet in 2020. "
                 "Photo: Jo Smith/Agency Images\n\nThe story begins.\n",
                 "Headline", "2022-02-14", "World", "The story begins.", 2},
        TextCase{"bullets and go deeper",
                 "Feb 14, 2022 - World\n\nHeadline\n\nLead.\n\n  \xE2\x80\xA2 One.\n  \xE2\x80\xA2 Two.\n\n"
                 "Go deeper: Something else\n\nGo deeper\n",
                 "Headline", "2022-02-14", "World", "Lead.\n\nOne.\n\nTwo.", 0}));

TEST(TextArticle, BulletsBecomeParagraphs) {
  Extraction e = parse_text_article("Feb 14, 2022 - World\n\nH\n\nLead.\n\n  \xE2\x80\xA2 One.\n  \xE2\x80\xA2 Two.\n\nGo deeper: X\n", "t");
  ASSERT_EQ(e.articles.size(), 1u);
  EXPECT_EQ(e.articles[0].body, "Lead.\n\nOne.\n\nTwo.");
}

TEST(TextArticle, EmptyOrWhiteSpaceOnlyIsAProblem) {
  for (const char* text : {"", "\n\n  \n", " \t\r\n\r\n", "\xC2\xA0\n\xC2\xA0 \n"}) {
    Extraction e = parse_text_article(text, "e.txt");
    ASSERT_TRUE(e.failed()) << testing::PrintToString(text);
    EXPECT_EQ(e.problems[0].where, "e.txt");
    EXPECT_NE(e.problems[0].reason.find("empty"), std::string::npos) << e.problems[0].reason;
  }
}

// Files without a headline line (the text starts with a paragraph), single
// lines and headline-only flashes. The whole body is compared.
struct LayoutCase {
  const char* name;
  const char* input;
  const char* title;
  bool title_from_body;
  const char* body;
  const char* date;  // nullptr: no date
  std::size_t captions;
};

void PrintTo(const LayoutCase& c, std::ostream* os) { *os << c.name; }

class TextLayoutTest : public testing::TestWithParam<LayoutCase> {};

TEST_P(TextLayoutTest, Parses) {
  const LayoutCase& c = GetParam();
  Extraction e = parse_text_article(c.input, "test.txt");
  ASSERT_EQ(e.articles.size(), 1u) << c.name;
  EXPECT_TRUE(e.problems.empty()) << c.name;
  const Article& a = e.articles[0];
  EXPECT_EQ(a.title, c.title) << c.name;
  EXPECT_EQ(a.title_from_body, c.title_from_body) << c.name;
  EXPECT_EQ(a.body, c.body) << c.name;
  if (c.date) {
    ASSERT_TRUE(a.date) << c.name;
    EXPECT_EQ(a.date->iso(), c.date) << c.name;
  } else {
    EXPECT_FALSE(a.date) << c.name;
  }
  EXPECT_EQ(a.captions.size(), c.captions) << c.name;
}

// 20 and 21 words on one line, one sentence each.
const char* const kTwentyWords =
    "Council approves the new harbour wall after a long night of debate over cost and views from the old pier";
const char* const kTwentyOneWords =
    "Council approves the new harbour wall after a long night of debate over cost and views from the old stone pier";

INSTANTIATE_TEST_SUITE_P(
    Layouts, TextLayoutTest,
    testing::Values(
        LayoutCase{"one paragraph on several lines",
                   "The river rose two metres overnight.\nCrews worked until dawn to shore up\nthe old bridge.\n",
                   "The river rose two metres overnight", true,
                   "The river rose two metres overnight. Crews worked until dawn to shore up the old bridge.", nullptr, 0},
        LayoutCase{"paragraph then more paragraphs",
                   "Ferries resumed on Monday after\nthe strike.\n\nThe union said talks go on.\n",
                   "Ferries resumed on Monday after the strike", true,
                   "Ferries resumed on Monday after the strike.\n\nThe union said talks go on.", nullptr, 0},
        LayoutCase{"long first sentence: twelve words and an ellipsis",
                   "Residents of the three coastal villages, who had waited since the spring storms for news of\n"
                   "the repairs, gathered in the square on Saturday.\n",
                   "Residents of the three coastal villages, who had waited since the spring\xE2\x80\xA6", true,
                   "Residents of the three coastal villages, who had waited since the spring storms for news of the "
                   "repairs, gathered in the square on Saturday.",
                   nullptr, 0},
        LayoutCase{"one long line", kTwentyOneWords,
                   "Council approves the new harbour wall after a long night of debate\xE2\x80\xA6", true,
                   kTwentyOneWords, nullptr, 0},
        LayoutCase{"short line is a flash", "Ferry strike ends after two days\n", "Ferry strike ends after two days",
                   false, "", nullptr, 0},
        LayoutCase{"twenty words are still a headline", kTwentyWords, kTwentyWords, false, "", nullptr, 0},
        LayoutCase{"two sentences on one line are a paragraph", "Quake hits the coast. Tsunami warning issued.\n",
                   "Quake hits the coast", true, "Quake hits the coast. Tsunami warning issued.", nullptr, 0},
        LayoutCase{"abbreviations do not end a sentence", "Talks in the U.S. End as Dr. Lee Leaves Lisbon\n",
                   "Talks in the U.S. End as Dr. Lee Leaves Lisbon", false, "", nullptr, 0},
        LayoutCase{"an initial does not end a sentence",
                   "Councillor J. Smith resigned on Friday after the vote.\nA by-election follows in May.\n",
                   "Councillor J. Smith resigned on Friday after the vote", true,
                   "Councillor J. Smith resigned on Friday after the vote. A by-election follows in May.", nullptr, 0},
        LayoutCase{"lower-case text with spaced full stops",
                   "levels of salt in the soil were measured at four sites . a second survey followed in june .\n",
                   "levels of salt in the soil were measured at four sites", true,
                   "levels of salt in the soil were measured at four sites . a second survey followed in june .",
                   nullptr, 0},
        LayoutCase{"a one-word first sentence is no headline",
                   "Update. The council has met and the mayor\nsaid the budget passes.\n",
                   "Update. The council has met and the mayor said the budget passes", true,
                   "Update. The council has met and the mayor said the budget passes.", nullptr, 0},
        LayoutCase{"header and headline only", "Feb 14, 2022 - World\n\nQuake hits the northern coast\n",
                   "Quake hits the northern coast", false, "", "2022-02-14", 0},
        LayoutCase{"header and a paragraph without headline",
                   "2022-02-14 - World\n\nDockers walked out at noon on Friday.\nThe port is closed until Monday.\n",
                   "Dockers walked out at noon on Friday", true,
                   "Dockers walked out at noon on Friday. The port is closed until Monday.", "2022-02-14", 0},
        LayoutCase{"paragraph right under the header",
                   "2022-02-14\nDockers walked out at noon on Friday.\nThe port is closed until Monday.\n",
                   "Dockers walked out at noon on Friday", true,
                   "Dockers walked out at noon on Friday. The port is closed until Monday.", "2022-02-14", 0},
        LayoutCase{"header line alone", "Feb 14, 2022 - World\n", "Feb 14, 2022 - World", false, "", "2022-02-14", 0},
        LayoutCase{"headline with only a caption after it",
                   "Harbour at dawn\n\nBoats at the quay. Photo: Jo Smith/Example Images\n", "Harbour at dawn", false,
                   "", nullptr, 1},
        LayoutCase{"no headline line keeps credit lines in the body",
                   "Boats at the quay. Photo: Jo Smith/Example Images\nThe harbour opens at six.\n",
                   "Boats at the quay", true,
                   "Boats at the quay. Photo: Jo Smith/Example Images The harbour opens at six.", nullptr, 0}));

TEST(TextArticle, DerivedHeadlineIsBounded) {
  // One 200-character word: no words to cut at, so characters are cut.
  const std::string line(200, 'x');
  Extraction e = parse_text_article(line, "t");
  ASSERT_EQ(e.articles.size(), 1u);
  const Article& a = e.articles[0];
  EXPECT_TRUE(a.title_from_body);
  EXPECT_EQ(a.title, std::string(kHeadlineMaxChars - 1, 'x') + "\xE2\x80\xA6");
  EXPECT_EQ(a.body, line);
}

// Invariants over generated headline-less texts: the body holds every word of
// the file in order, and the headline is bounded and made of the body's
// first words.
TEST(TextArticle, HeadlineLessTextLosesNoWord) {
  const char* const vocabulary[] = {"harbour", "the",  "council", "voted", "U.S.", "Mr.", "on",   "Monday",
                                    "strike",  "ends", "a",       "ferry", "crews", "2024", "rain", "éclair"};
  const char* const ends[] = {"", "", "", "", ".", ",", "?", " ."};
  std::uint32_t seed = 12345;
  auto next = [&seed](std::uint32_t n) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % n;
  };
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const std::uint32_t words = 2 + next(60);
    const std::uint32_t first_line_end = 1 + next(words - 1);  // at least two lines
    for (std::uint32_t w = 0; w < words; ++w) {
      text += vocabulary[next(std::size(vocabulary))];
      text += ends[next(std::size(ends))];
      text += w + 1 == first_line_end || next(9) == 0 ? "\n" : " ";
    }
    Extraction e = parse_text_article(text, "t");
    ASSERT_EQ(e.articles.size(), 1u) << text;
    const Article& a = e.articles[0];
    ASSERT_TRUE(a.title_from_body) << text;
    std::string flat = a.body;
    for (std::size_t p; (p = flat.find('\n')) != std::string::npos;) flat[p] = ' ';
    std::string expected = text;
    for (char& c : expected) c = c == '\n' ? ' ' : c;
    while (expected.find("  ") != std::string::npos) expected.erase(expected.find("  "), 1);
    while (!expected.empty() && expected.back() == ' ') expected.pop_back();
    EXPECT_EQ(flat, expected);
    std::string title = a.title;
    const std::string ellipsis = "\xE2\x80\xA6";
    if (title.size() >= ellipsis.size() && title.ends_with(ellipsis)) title.resize(title.size() - ellipsis.size());
    EXPECT_EQ(a.body.rfind(title, 0), 0u) << "headline \"" << a.title << "\" is not the body's start: " << a.body;
    // Words hold a letter or digit: a lone "." is no word.
    std::size_t title_words = 0;
    std::istringstream tokens(a.title);
    for (std::string token; tokens >> token;) {
      auto letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) != 0; };
      title_words += std::any_of(token.begin(), token.end(), letter) ? 1 : 0;
    }
    EXPECT_LE(title_words, kHeadlineMaxWords) << a.title;
    EXPECT_FALSE(a.title.empty()) << text;
  }
}

}  // namespace
}  // namespace morgue
