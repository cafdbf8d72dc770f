// The --stats printers on hand-made statistics: the top sections, "N more",
// and the JSON keys of docs/json.md.
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "morgue/printer.h"

namespace morgue {
namespace {

using nlohmann::json;

// `n` sections, "Section 1" with the most stories.
DatabaseStats stats_with_sections(std::size_t n) {
  DatabaseStats s;
  s.documents = 1000;
  s.first_date = Date{2019, 1, 2};
  s.last_date = Date{2022, 2, 14};
  s.bytes_on_disk = 2'500'000;
  s.files_tracked = 40;
  s.files_failed = 1;
  for (std::size_t i = 1; i <= n; ++i) s.sections.push_back({"Section " + std::to_string(i), 100 - i});
  return s;
}

TEST(StatsPrinter, TextListsTheTopSectionsAndHowManyMore) {
  struct Case {
    std::size_t sections, top;
    std::size_t listed;
    std::string more;  // the last line, "" when none
  };
  const Case cases[] = {
      {25, 20, 20, "  ... 5 more sections\n"},
      {21, 20, 20, "  ... 1 more section\n"},
      {20, 20, 20, ""},
      {3, 20, 3, ""},
      {0, 20, 0, ""},
      {25, 0, 25, ""},  // 0: all of them
  };
  for (const auto& c : cases) {
    std::ostringstream out;
    print_stats(stats_with_sections(c.sections), "db", StatsStyle{c.top}, out);
    std::string text = out.str();
    EXPECT_NE(text.find("sections:   " + std::to_string(c.sections) + "\n"), std::string::npos) << text;
    std::size_t lines = 0;
    for (std::size_t at = text.find("  Section "); at != std::string::npos; at = text.find("  Section ", at + 1)) ++lines;
    EXPECT_EQ(lines, c.listed) << text;
    if (c.more.empty()) {
      EXPECT_EQ(text.find("more section"), std::string::npos) << text;
    } else {
      EXPECT_TRUE(text.ends_with(c.more)) << text;
    }
  }
}

TEST(StatsPrinter, TextHeader) {
  std::ostringstream out;
  print_stats(stats_with_sections(1), "/srv/morgue-db", StatsStyle{}, out);
  EXPECT_EQ(out.str(),
            "database:   /srv/morgue-db\ndocuments:  1000\ndates:      2019-01-02 .. 2022-02-14\n"
            "size:       2.5 MB\nfiles:      40 tracked, 1 failed last time\nsections:   1\n"
            "       99  Section 1\n");
}

TEST(StatsPrinter, JsonShape) {
  json j = json::parse(stats_to_json(stats_with_sections(23), StatsStyle{}));
  EXPECT_EQ(j["documents"], 1000);
  EXPECT_EQ(j["first_date"], "2019-01-02");
  EXPECT_EQ(j["last_date"], "2022-02-14");
  ASSERT_EQ(j["sections"].size(), 20u);
  EXPECT_EQ(j["sections"][0]["value"], "Section 1");
  EXPECT_EQ(j["sections"][0]["count"], 99);
  EXPECT_EQ(j["sections_total"], 23);
  EXPECT_EQ(j["sections_more"], 3);
  EXPECT_EQ(j["bytes"], 2'500'000);
  EXPECT_EQ(j["files"], 40);
  EXPECT_EQ(j["files_failed"], 1);

  DatabaseStats empty;
  json e = json::parse(stats_to_json(empty, StatsStyle{}));
  EXPECT_TRUE(e["first_date"].is_null());
  EXPECT_TRUE(e["sections"].empty());
  EXPECT_EQ(e["sections_more"], 0);
}

}  // namespace
}  // namespace morgue
