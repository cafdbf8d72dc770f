// How queries behave as users meet them: tiers for short queries, exact
// counts and paging, time words, pasted text, structured filters and "more
// like this". A small archive written for these tests, indexed by the real
// indexer.
#include <algorithm>
#include <fstream>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "morgue/index_writer.h"
#include "morgue/search.h"
#include "search/query_builder.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using testing_support::TempDir;

const Date kToday{2026, 11, 29};

struct Story {
  std::string file, text;
};

std::vector<Story> stories() {
  std::vector<Story> out = {
      {"full.txt", "2022-03-01 - World\n\nDredging plan for the harbour\n\n"
                   "The harbour board backed the dredging plan and its budget after a long vote.\n"},
      {"most.txt", "2022-03-02 - World\n\nHarbour budget\n\n"
                   "Dredging the harbour will strain the budget, engineers warned.\n"},
      {"one.txt", "2022-03-03 - Politics\n\nHarbour lights\n\nThe old harbour lights were repaired.\n"},
      {"minister.txt", "2022-06-10 - Politics\n\nMinister under attack over grain deal\n\n"
                       "The agriculture minister came under attack from farmers over the grain export deal "
                       "signed with three neighbouring countries.\n"},
      {"floods.txt", "2021-01-15 - World\n\nFloods cut off river towns\n\n"
                     "Floods cut off four river towns after a week of rain.\n"},
      {"glacier.txt", "2020-09-09 - Science\n\nGlacier retreat measured by satellite\n\n"
                      "Researchers measured the retreat of mountain glaciers from satellite images taken over "
                      "two decades, finding the ice thinned fastest on southern slopes where summer meltwater "
                      "pooled and darkened the surface.\n"},
      {"glacier2.txt", "2020-10-01 - Science\n\nMeltwater darkens glacier surface\n\n"
                       "Pools of summer meltwater darken the surface of mountain glaciers and speed their "
                       "retreat, satellite images show.\n"},
  };
  // Council stories over two years, and wire copy filed twice.
  for (int i = 0; i < 40; ++i) {
    out.push_back({fmt::format("council{:02}.txt", i),
                   fmt::format("{}-{:02}-10 - Politics\n\nCouncil meeting number {}\n\n"
                               "The council met for session {} and discussed item {} of the agenda.\n",
                               2023 + i % 2, 1 + i % 12, i, i, i * 7)});
  }
  for (int i = 0; i < 3; ++i) {
    const std::string text = fmt::format(
        "2024-05-0{} - World\n\nCouncil wire story {}\n\nThe regional council approved the new transport "
        "levy on Thursday after a debate that lasted most of the night, officials said, and the levy will "
        "take effect next spring for story {}.\n",
        i + 1, i, i);
    out.push_back({fmt::format("wire{}a.txt", i), text});
    out.push_back({fmt::format("wire{}b.txt", i), text});
  }
  return out;
}

class SearchQueryTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::filesystem::create_directories(*dir_ / "in");
    auto all = stories();
    for (const auto& s : all) std::ofstream(*dir_ / "in" / s.file) << s.text;
    IndexOptions options;
    options.db_path = *dir_ / "db";
    options.inputs = {*dir_ / "in"};
    options.jobs = 1;
    IndexSummary summary = run_index(options);
    ASSERT_EQ(summary.added, all.size());
  }
  static void TearDownTestSuite() { delete dir_; }

  static SearchResponse search(const std::string& query, SearchRequest request = {}) {
    request.query = query;
    request.today = kToday;
    Searcher searcher((*dir_ / "db").string());
    return searcher.search(request);
  }
  static std::vector<std::string> files(const SearchResponse& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(std::filesystem::path(h.article.source).filename().string());
    return out;
  }

  static TempDir* dir_;
};

TempDir* SearchQueryTest::dir_ = nullptr;

TEST_F(SearchQueryTest, ShortQueryListsEveryWordFirstThenMostWords) {
  // "most.txt" lacks "vote"; "one.txt" has only "harbour" (too few).
  auto r = search("harbour dredging budget vote");
  ASSERT_EQ(files(r), (std::vector<std::string>{"full.txt", "most.txt"}));
  EXPECT_TRUE(r.hits[0].all_words);
  EXPECT_FALSE(r.hits[1].all_words);
  EXPECT_EQ(r.total, 2u);
  EXPECT_EQ(r.total_all_words, 1u);
  EXPECT_TRUE(r.total_exact);
  EXPECT_TRUE(r.warnings.empty());
}

TEST_F(SearchQueryTest, TwoWordsWithNoStoryHoldingBothFallBackToAnyWord) {
  auto r = search("glacier lights");
  EXPECT_EQ(r.total, 3u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("some of them"), std::string::npos);
}

TEST_F(SearchQueryTest, TotalIsExactAndEqualsPagingAndTimeline) {
  SearchRequest first;
  first.facets = true;
  auto r = search("council", first);
  ASSERT_TRUE(r.total_exact);
  // 46 council stories, near-duplicates collapsed (the 3 wire stories filed
  // twice, at least).
  EXPECT_LE(r.total, 43u);
  EXPECT_GE(r.total, 30u);
  std::size_t timeline = 0;
  for (const auto& v : r.facets->timeline) timeline += v.count;
  EXPECT_EQ(timeline, r.total);
  std::set<std::string> seen;
  for (std::size_t offset = 0; offset < r.total + 7; offset += 7) {
    SearchRequest page;
    page.offset = offset;
    page.limit = 7;
    auto p = search("council", page);
    EXPECT_EQ(p.total, r.total) << offset;
    for (const auto& h : p.hits) EXPECT_TRUE(seen.insert(h.id).second) << h.id;
  }
  EXPECT_EQ(seen.size(), r.total);
  SearchRequest all;
  all.all_versions = true;
  EXPECT_EQ(search("council", all).total, 46u);
}

TEST_F(SearchQueryTest, PagingPastTheEndKeepsTheTotal) {
  const std::size_t total = search("council").total;
  SearchRequest request;
  request.offset = 500;
  auto r = search("council", request);
  EXPECT_TRUE(r.hits.empty());
  EXPECT_EQ(r.total, total);
  EXPECT_TRUE(r.total_exact);
}

TEST_F(SearchQueryTest, TimeWordsInASentenceAreWords) {
  auto r = search("the minister came under attack last week");
  EXPECT_TRUE(r.filters.empty());
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(files(r)[0], "minister.txt");
  EXPECT_TRUE(r.warnings.empty());
}

TEST_F(SearchQueryTest, TimeWordsOfAShortQueryFilterAndFallBackWhenEmpty) {
  auto r = search("floods last week");
  ASSERT_EQ(r.filters.size(), 1u);
  EXPECT_EQ(r.filters[0].field, "date");
  EXPECT_EQ(r.filters[0].origin, "words");
  EXPECT_EQ(r.filters[0].value, "last week");
  EXPECT_EQ(r.filters[0].to, "2026-11-29");
  EXPECT_TRUE(r.filters[0].dropped);
  EXPECT_EQ(files(r), (std::vector<std::string>{"floods.txt"}));
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0], "nothing from last week; showing all dates");
  // Explicit syntax is never dropped.
  auto strict = search("floods date:last week");
  EXPECT_EQ(strict.total, 0u);
  ASSERT_EQ(strict.filters.size(), 1u);
  EXPECT_EQ(strict.filters[0].origin, "query");
  EXPECT_FALSE(strict.filters[0].dropped);
}

// Regression (found by fuzz_query): a search run again without its word
// dates started a second facet count while the first still ran on the same
// handle. The facets must describe the results shown.
TEST_F(SearchQueryTest, FacetsAfterADroppedPeriodDescribeTheResultsShown) {
  SearchRequest request;
  request.facets = true;
  for (int round = 0; round < 20; ++round) {
    auto r = search("floods last week", request);
    ASSERT_TRUE(r.facets);
    std::size_t timeline = 0;
    for (const auto& v : r.facets->timeline) timeline += v.count;
    EXPECT_EQ(timeline, r.total);
    EXPECT_EQ(r.total, 1u);
  }
  auto r = search("glacier lights", request);  // the any-word fallback
  std::size_t timeline = 0;
  for (const auto& v : r.facets->timeline) timeline += v.count;
  EXPECT_EQ(timeline, r.total);
}

TEST_F(SearchQueryTest, PastedParagraphIsReducedNotRefused) {
  std::string paste =
      "In a study published this week, researchers said they had measured how quickly mountain glaciers are "
      "retreating, using satellite images that were taken over two decades. They found that the ice thinned "
      "fastest on the southern slopes, where summer meltwater pooled on the surface and darkened it, so that it "
      "absorbed more of the sun's heat. ";
  paste += paste;  // about 120 words
  paste += "The team said more work was needed to see whether the pattern held in other mountain ranges, and "
           "whether the meltwater pools would grow as summers became warmer in the decades ahead.";
  auto r = search(paste);
  ASSERT_FALSE(r.reduced_terms.empty());
  EXPECT_LE(r.reduced_terms.size(), kPastedTerms);
  ASSERT_GE(r.hits.size(), 2u);
  EXPECT_EQ(files(r)[0], "glacier.txt");
  EXPECT_EQ(files(r)[1], "glacier2.txt");
  EXPECT_THROW(search(std::string(kMaxQueryBytes + 1, 'x')), QueryError);
}

TEST_F(SearchQueryTest, StructuredFiltersAreBooleanTermsNotQueryText) {
  SearchRequest request;
  request.filters.sections = {"world"};
  auto r = search("harbour", request);
  auto got = files(r);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"full.txt", "most.txt"}));
  ASSERT_EQ(r.filters.size(), 1u);
  EXPECT_EQ(r.filters[0].origin, "request");
  // A value with query syntax in it is a value, not syntax.
  request.filters.sections = {"world\" OR \"politics"};
  EXPECT_EQ(search("harbour", request).total, 0u);
  request.filters.sections = {"World) OR (harbour"};
  EXPECT_EQ(search("harbour", request).total, 0u);
  SearchRequest dated;
  dated.filters.date = "2022-03";
  dated.filters.sections = {"Politics"};
  EXPECT_EQ(files(search("harbour", dated)), (std::vector<std::string>{"one.txt"}));
  EXPECT_EQ(search("", dated).total, 1u);
  dated.filters.date = "2022-13";
  EXPECT_THROW(search("harbour", dated), QueryError);
}

TEST_F(SearchQueryTest, MoreLikeThisFindsTheClosestStoryAndNotItself) {
  auto glacier = search("\"glacier retreat measured\"");
  ASSERT_EQ(glacier.hits.size(), 1u);
  SearchRequest like;
  like.like_id = glacier.hits[0].id;
  auto r = search("", like);
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(files(r)[0], "glacier2.txt");
  for (const auto& h : r.hits) EXPECT_NE(h.id, like.like_id);
  like.like_id = "0000000000000000";
  EXPECT_THROW(search("", like), QueryError);
}

TEST_F(SearchQueryTest, MoreLikeThisLeavesOutOtherVersionsOfTheSameStory) {
  auto wire = search("\"wire story 1\"", [] {
    SearchRequest all;
    all.all_versions = true;
    return all;
  }());
  ASSERT_EQ(wire.hits.size(), 2u);  // wire1a and wire1b, the same copy filed twice
  for (const auto& version : wire.hits) {
    SearchRequest like;
    like.like_id = version.id;
    like.all_versions = true;
    auto r = search("", like);
    ASSERT_FALSE(r.hits.empty());
    for (const auto& f : files(r)) EXPECT_EQ(f.find("wire1"), std::string::npos) << f;
  }
}

}  // namespace
}  // namespace morgue
