// JSON Lines: one article per line, the key aliases, bad lines as problems.
#include "extract/jsonl.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/encoding.h"
#include "util/strings.h"

namespace morgue {
namespace {

struct JsonCase {
  const char* name;
  const char* line;
  const char* title;
  const char* date;  // nullptr: no date
  const char* timestamp;
  const char* section;
  const char* authors;   // joined with '|'
  const char* subjects;  // joined with '|'
  const char* key;
  const char* body;
};

class JsonLinesTest : public testing::TestWithParam<JsonCase> {};

TEST_P(JsonLinesTest, Parses) {
  const JsonCase& c = GetParam();
  Extraction e = parse_json_lines(c.line, "a.jsonl");
  ASSERT_EQ(e.articles.size(), 1u) << (e.problems.empty() ? "" : e.problems[0].reason);
  const Article& a = e.articles[0];
  EXPECT_EQ(a.source, "a.jsonl");
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
  EXPECT_EQ(util::join(a.subjects, "|"), c.subjects);
  EXPECT_EQ(a.key, c.key);
  EXPECT_EQ(a.body, c.body);
}

INSTANTIATE_TEST_SUITE_P(
    Keys, JsonLinesTest,
    testing::Values(
        JsonCase{"canonical_keys",
                 R"({"id":"s-1","title":"Dam repairs finished","date":"2021-08-30","section":"local/roads",)"
                 R"("authors":["Kim Sato","Ben Ode"],"subjects":["water","infrastructure"],"body":"Work ended.\n\nThe road reopens."})",
                 "Dam repairs finished", "2021-08-30", "", "Local/Roads", "Kim Sato|Ben Ode", "water|infrastructure",
                 "s-1", "Work ended.\n\nThe road reopens."},
        JsonCase{"aliases",
                 R"({"guid":"g-7","headline":"Zoo welcomes twin otters","published":"2022-04-01T10:15:00+02:00",)"
                 R"("category":"Science","byline":"By Lea Marx and Jon Hill","tags":"animals; zoo","text":"Both are healthy."})",
                 "Zoo welcomes twin otters", "2022-04-01", "2022-04-01T10:15:00+02:00", "Science",
                 "Lea Marx|Jon Hill", "animals|zoo", "g-7", "Both are healthy."},
        JsonCase{"schema_org_names",
                 R"({"url":"https://example.org/x","headline":"Bakery wins prize","datePublished":"March 3, 2020",)"
                 R"("author":{"@type":"Person","name":"Noor Aziz"},"topics":["food"],"content":"Bread, mostly."})",
                 "Bakery wins prize", "2020-03-03", "", "", "Noor Aziz", "food", "https://example.org/x",
                 "Bread, mostly."},
        JsonCase{"numeric_id_and_epoch",
                 R"({"id":42,"title":"Epoch","pubDate":1644831000,"body":"x"})", "Epoch", "2022-02-14",
                 "2022-02-14T09:30:00Z", "", "", "", "42", "x"},
        JsonCase{"epoch_millis", R"({"title":"Millis","date":1644831000000,"body":"x"})", "Millis", "2022-02-14",
                 "2022-02-14T09:30:00Z", "", "", "", "line-1", "x"},
        JsonCase{"body_array_and_lines", R"({"title":"T","body":["One.","Two."]})", "T", nullptr, "", "", "", "",
                 "line-1", "One.\n\nTwo."},
        JsonCase{"single_newlines_are_paragraphs", R"({"title":"T","body":"First line.\nSecond line."})", "T",
                 nullptr, "", "", "", "", "line-1", "First line.\n\nSecond line."},
        JsonCase{"wrapped_lines_join", R"({"title":"T","body":"A wrapped\nsentence.\n\nNext one."})", "T", nullptr,
                 "", "", "", "", "line-1", "A wrapped sentence.\n\nNext one."},
        JsonCase{"html_body", R"({"title":"T","body":"<p>Hello <b>there</b>.</p><p>Bye.</p>"})", "T", nullptr, "",
                 "", "", "", "line-1", "Hello there.\n\nBye."},
        JsonCase{"category_list", R"({"title":"T","category":["Sport","Football"],"body":"b"})", "T", nullptr, "",
                 "Sport", "", "Sport|Football", "line-1", "b"},
        JsonCase{"title_only_kept", R"({"title":"Brief headline only"})", "Brief headline only", nullptr, "", "",
                 "", "", "line-1", ""},
        JsonCase{"places_are_subjects", R"({"title":"T","subjects":["grain"],"places":["usa","canada"]})", "T",
                 nullptr, "", "", "", "grain|usa|canada", "line-1", ""}),
    [](const testing::TestParamInfo<JsonCase>& param_info) { return std::string(param_info.param.name); });

TEST(JsonLines, OtherFields) {
  Extraction e = parse_json_lines(
      R"({"title":"T","dateline":"  OSLO, May 2 - ","lang":"nb_no","people":["Ada Berg"],"link":"https://e.org/t"})",
      "f.jsonl");
  ASSERT_EQ(e.articles.size(), 1u);
  const Article& a = e.articles[0];
  EXPECT_EQ(a.dateline, "OSLO, May 2");
  EXPECT_EQ(a.language, "nb-NO");
  EXPECT_EQ(util::join(a.people, "|"), "Ada Berg");
  EXPECT_EQ(a.url, "https://e.org/t");
  EXPECT_EQ(a.key, "https://e.org/t");
}

TEST(JsonLines, MixedGoodAndBadLines) {
  const std::string input =
      "{\"title\":\"Good one\",\"body\":\"b\"}\n"
      "{\"title\": broken\n"
      "\n"
      "   \n"
      "[1, 2, 3]\n"
      "{\"body\":\"\"}\n"
      "{\"title\":\"Bad date\",\"date\":\"the other day\"}\r\n"
      "{\"title\":\"Good two\"}";
  Extraction e = parse_json_lines(input, "mix.jsonl");
  ASSERT_EQ(e.articles.size(), 3u);
  EXPECT_EQ(e.articles[0].key, "line-1");
  EXPECT_EQ(e.articles[1].title, "Bad date");
  EXPECT_FALSE(e.articles[1].date);
  EXPECT_EQ(e.articles[2].key, "line-8");
  ASSERT_EQ(e.problems.size(), 4u);
  EXPECT_EQ(e.problems[0].where, "mix.jsonl:2");
  EXPECT_EQ(e.problems[0].reason, "not valid JSON");
  EXPECT_EQ(e.problems[1].where, "mix.jsonl:5");
  EXPECT_NE(e.problems[1].reason.find("not a JSON object"), std::string::npos);
  EXPECT_EQ(e.problems[2].where, "mix.jsonl:6");
  EXPECT_EQ(e.problems[3].where, "mix.jsonl:7");
  EXPECT_NE(e.problems[3].reason.find("the other day"), std::string::npos);
  EXPECT_FALSE(e.failed());
}

TEST(JsonLines, KeysAreUniqueAndStable) {
  const std::string input =
      "{\"id\":\"a\",\"title\":\"1\"}\n{\"id\":\"a\",\"title\":\"2\"}\n{\"title\":\"3\"}\n"
      "{\"url\":\"https://e.org/4\",\"title\":\"4\"}\n{\"id\":\"line-3\",\"title\":\"5\"}\n";
  for (int run = 0; run < 2; ++run) {
    Extraction e = parse_json_lines(input, "k.jsonl");
    std::vector<std::string> keys;
    for (const Article& a : e.articles) keys.push_back(a.key);
    EXPECT_EQ(util::join(keys, " "), "a a~2 line-3 https://e.org/4 line-3~2");
  }
}

TEST(JsonLines, InvalidUtf8IsRepaired) {
  Extraction e = parse_json_lines("{\"title\":\"Caf\xE9 reopens\",\"body\":\"Good \xFF news\"}\n", "u.jsonl");
  ASSERT_EQ(e.articles.size(), 1u);
  EXPECT_TRUE(is_valid_utf8(e.articles[0].title));
  EXPECT_TRUE(is_valid_utf8(e.articles[0].body));
  EXPECT_EQ(e.articles[0].title.substr(0, 3), "Caf");
}

TEST(JsonLines, BomAndLongLines) {
  std::string body(2 << 20, 'x');  // one 2 MiB word
  std::string input = "\xEF\xBB\xBF{\"title\":\"Long\",\"body\":\"" + body + "\"}\n";
  Extraction e = parse_json_lines(input, "l.jsonl");
  ASSERT_EQ(e.articles.size(), 1u);
  EXPECT_EQ(e.articles[0].body.size(), body.size());
}

TEST(JsonLines, DeepNestingIsHarmless) {
  // nlohmann's parser and destructor are iterative: a hostile line cannot exhaust the stack.
  const std::size_t depth = 200000;
  std::string input = std::string(depth, '[') + std::string(depth, ']') + "\n{\"title\":\"t\",\"x\":" +
                      std::string(depth, '[') + std::string(depth, ']') + "}\n";
  Extraction e = parse_json_lines(input, "d.jsonl");
  ASSERT_EQ(e.articles.size(), 1u);
  EXPECT_EQ(e.articles[0].title, "t");
  ASSERT_EQ(e.problems.size(), 1u);
  EXPECT_EQ(e.problems[0].reason, "not a JSON object (found array)");
}

TEST(JsonLines, NothingUsableFails) {
  EXPECT_TRUE(parse_json_lines("", "e.jsonl").failed());
  EXPECT_TRUE(parse_json_lines("\n\n", "e.jsonl").failed());
  EXPECT_TRUE(parse_json_lines("not json at all\n", "e.jsonl").failed());
}

}  // namespace
}  // namespace morgue
