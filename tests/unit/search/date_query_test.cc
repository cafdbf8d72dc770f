#include "search/date_query.h"
#include "search/query_builder.h"

#include <gtest/gtest.h>

#include "morgue/search.h"

namespace morgue {
namespace {

const Date kToday{2026, 11, 29};

std::string show(const std::optional<Date>& d) { return d ? d->iso() : ".."; }

struct DateQueryCase {
  const char* query;
  const char* rest;
  const char* from;  // ".." for open
  const char* to;
};

class DateQueryTest : public testing::TestWithParam<DateQueryCase> {};

TEST_P(DateQueryTest, ExtractsRange) {
  const auto& c = GetParam();
  DateFilters f = extract_date_filters(c.query, kToday);
  EXPECT_EQ(f.rest, c.rest) << c.query;
  ASSERT_EQ(f.ranges.size(), 1u) << c.query;
  EXPECT_EQ(show(f.ranges[0].from), c.from) << c.query;
  EXPECT_EQ(show(f.ranges[0].to), c.to) << c.query;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, DateQueryTest,
    testing::Values(
        DateQueryCase{"date:2022-02-14", "", "2022-02-14", "2022-02-14"},
        DateQueryCase{"ukraine date:2022-02", "ukraine", "2022-02-01", "2022-02-28"},
        DateQueryCase{"date:2024-02", "", "2024-02-01", "2024-02-29"},
        DateQueryCase{"date:2022 talks", "talks", "2022-01-01", "2022-12-31"},
        DateQueryCase{"date:2022-02-01..2022-03-15", "", "2022-02-01", "2022-03-15"},
        DateQueryCase{"date:2021..2022-06", "", "2021-01-01", "2022-06-30"},
        DateQueryCase{"date:..1999", "", "..", "1999-12-31"},
        DateQueryCase{"date:2020..", "", "2020-01-01", ".."},
        DateQueryCase{"after:2021", "", "2022-01-01", ".."},
        DateQueryCase{"before:2020-06", "", "..", "2020-05-31"},
        DateQueryCase{"since:2021", "", "2021-01-01", ".."},
        DateQueryCase{"until:2021-03-04", "", "..", "2021-03-04"},
        DateQueryCase{"date:today", "", "2026-11-29", "2026-11-29"},
        DateQueryCase{"date:yesterday", "", "2026-11-28", "2026-11-28"},
        DateQueryCase{"since:yesterday", "", "2026-11-28", ".."},
        DateQueryCase{"floods last week", "floods", "2026-11-23", "2026-11-29"},
        DateQueryCase{"floods last month", "floods", "2026-10-31", "2026-11-29"},
        DateQueryCase{"past 30 days budget", "budget", "2026-10-31", "2026-11-29"},
        DateQueryCase{"date:\"last week\"", "", "2026-11-23", "2026-11-29"},
        DateQueryCase{"date:last week storm", "storm", "2026-11-23", "2026-11-29"},
        DateQueryCase{"date:past-7-days", "", "2026-11-23", "2026-11-29"},
        DateQueryCase{"Date:20220214", "", "2022-02-14", "2022-02-14"},
        DateQueryCase{"\"last week\" in politics date:2022", "\"last week\" in politics", "2022-01-01",
                      "2022-12-31"}));

struct BadDateCase {
  const char* query;
};

class BadDateQueryTest : public testing::TestWithParam<BadDateCase> {};

TEST_P(BadDateQueryTest, IsAQueryError) {
  EXPECT_THROW(extract_date_filters(GetParam().query, kToday), QueryError) << GetParam().query;
}

INSTANTIATE_TEST_SUITE_P(Errors, BadDateQueryTest,
                         testing::Values(BadDateCase{"date:2022-13"}, BadDateCase{"date:2022-02-30"},
                                         BadDateCase{"date:soon"}, BadDateCase{"date:.."},
                                         BadDateCase{"date:2023..2022"}, BadDateCase{"after:"},
                                         BadDateCase{"date:99999999999999999999"}));

TEST(DateQuery, NoDatesLeavesQueryAlone) {
  DateFilters f = extract_date_filters("prime minister \"harbour authority\" NOT fire", kToday);
  EXPECT_TRUE(f.ranges.empty());
  EXPECT_EQ(f.rest, "prime minister \"harbour authority\" NOT fire");
}

TEST(DateQuery, SeveralFiltersAllKept) {
  DateFilters f = extract_date_filters("since:2020 before:2022 court", kToday);
  EXPECT_EQ(f.rest, "court");
  EXPECT_EQ(f.ranges.size(), 2u);
}

TEST(DateQuery, HugeRangesAreBounded) {
  DateFilters f = extract_date_filters("date:0001..9999", kToday);
  ASSERT_EQ(f.ranges.size(), 1u);
  EXPECT_EQ(show(f.ranges[0].to), "9999-12-31");
  f = extract_date_filters("past 9999 years", kToday);
  ASSERT_EQ(f.ranges.size(), 1u);
  EXPECT_EQ(show(f.ranges[0].from), "0001-01-01");
}

TEST(DateArithmetic, AddDays) {
  EXPECT_EQ(add_days({2024, 2, 28}, 1).iso(), "2024-02-29");
  EXPECT_EQ(add_days({2024, 3, 1}, -1).iso(), "2024-02-29");
  EXPECT_EQ(add_days({2022, 12, 31}, 1).iso(), "2023-01-01");
}

}  // namespace
}  // namespace morgue

// Words that count toward the "every word must match" rule: field values and
// operators do not, and neither do the words of a quoted field value
// (person:"Ines Calder" is one filter, not two words).
TEST(PlainWordsTest, FieldValuesAndOperatorsAreNotWords) {
  struct Case {
    const char* query;
    std::vector<std::string> words;
  } cases[] = {
      {"harbour fire", {"harbour", "fire"}},
      {"harbour AND fire NOT storm", {"harbour", "fire", "storm"}},
      {"section:world harbour", {"harbour"}},
      {"person:\"Ines Calder\" budget vote", {"budget", "vote"}},
      {"title:\"budget revolt\" calder", {"calder"}},
      {"\"northern coast\" storm", {"northern", "coast", "storm"}},
      {"an ox is", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(morgue::QueryBuilder::plain_words(c.query), c.words) << c.query;
}
