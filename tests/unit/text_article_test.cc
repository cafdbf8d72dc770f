#include "morgue/text_article.h"

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

TEST(TextArticle, EmptyAndHeadlineOnlyAreProblems) {
  EXPECT_TRUE(parse_text_article("", "e.txt").failed());
  EXPECT_TRUE(parse_text_article("\n\n  \n", "e.txt").failed());
  Extraction only = parse_text_article("Feb 14, 2022 - World\n\nHeadline only\n", "h.txt");
  ASSERT_TRUE(only.failed());
  EXPECT_EQ(only.problems[0].where, "h.txt");
}

}  // namespace
}  // namespace morgue
