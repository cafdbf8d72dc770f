// The search API on a small archive built by the real indexer in a temp dir.
#include "morgue/search.h"

#include <algorithm>
#include <fstream>

#include <chrono>

#include <gtest/gtest.h>
#include <xapian.h>

#include "morgue/document.h"
#include "morgue/index_writer.h"
#include "morgue/people.h"
#include "morgue/schema.h"
#include "search/facets.h"
#include "search/query_builder.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using testing_support::TempDir;

struct Story {
  const char* file;
  const char* text;
};

// Written for these tests; people are listed by hand in the header line's
// absence of a recogniser (PeopleExtractor is not used here).
const Story kStories[] = {
    {"a1.txt", "Feb 14, 2022 - World\n\nHarbour authority approves dredging plan\n\n"
               "The harbour authority voted on Monday to dredge the northern channel. Mayor Ines Calder said "
               "the plan would protect jobs.\n\nCritics said the budget was too small.\n"},
    {"a2.txt", "Feb 20, 2022 - Politics\n\nCalder faces budget revolt\n\n"
               "Councillors rebelled against Mayor Ines Calder over the budget on Sunday.\n\n"
               "The vote is due next week.\n"},
    {"a3.txt", "March 3, 2021 - Science\n\nBioluminescent plankton light up the bay\n\n"
               "Swimmers saw the water glow blue as bioluminescent plankton bloomed in the bay.\n"},
    {"a4.txt", "2019-06-01 - Sport\n\nHarborough win the cup\n\n"
               "Harborough won the cup final after extra time, with a late goal from the captain.\n"},
    {"a5.txt", "2026-11-27 - Business\n\nShipping rates climb again\n\n"
               "Shipping rates rose for a third week as the harbour strike continued.\n"},
    {"wire1.txt", "2023-05-10 - World\n\nStorm batters the coast\n\n"
                  "A powerful storm battered the northern coast on Tuesday, cutting power to thousands of homes "
                  "and closing the main harbour road. Emergency crews worked through the night to clear fallen "
                  "trees, and officials urged residents to stay indoors until the winds eased.\n"},
    {"wire2.txt", "2023-05-10 - World\n\nStorm batters northern coast\n\n"
                  "A powerful storm battered the northern coast on Tuesday, cutting power to thousands of homes "
                  "and closing the main harbour road. Emergency crews worked through the night to clear fallen "
                  "trees, and officials urged residents to stay indoors until the winds eased.\n"},
};

class SearchTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::filesystem::create_directories(*dir_ / "in");
    for (const auto& s : kStories) std::ofstream(*dir_ / "in" / s.file) << s.text;
    IndexOptions options;
    options.db_path = *dir_ / "db";
    options.inputs = {*dir_ / "in"};
    options.jobs = 2;
    IndexSummary summary = run_index(options);
    ASSERT_EQ(summary.added, std::size(kStories));
  }
  static void TearDownTestSuite() { delete dir_; }

  SearchResponse search(const std::string& query, SearchRequest request = {}) {
    request.query = query;
    request.today = Date{2026, 11, 29};
    Searcher searcher((*dir_ / "db").string());
    return searcher.search(request);
  }

  std::vector<std::string> titles(const SearchResponse& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.article.title);
    return out;
  }

  static TempDir* dir_;
};

TempDir* SearchTest::dir_ = nullptr;

struct QueryCase {
  const char* query;
  std::vector<std::string> expected;  // titles in any order
};

class QueryFormsTest : public SearchTest, public testing::WithParamInterface<QueryCase> {};

TEST_P(QueryFormsTest, FindsExactlyTheseStories) {
  const auto& c = GetParam();
  SearchRequest r;
  r.all_versions = true;
  auto got = titles(search(c.query, r));
  std::sort(got.begin(), got.end());
  auto want = c.expected;
  std::sort(want.begin(), want.end());
  EXPECT_EQ(got, want) << c.query;
}

const std::string kDredge = "Harbour authority approves dredging plan";
const std::string kRevolt = "Calder faces budget revolt";
const std::string kPlankton = "Bioluminescent plankton light up the bay";
const std::string kCup = "Harborough win the cup";
const std::string kRates = "Shipping rates climb again";
const std::string kStorm1 = "Storm batters the coast";
const std::string kStorm2 = "Storm batters northern coast";

INSTANTIATE_TEST_SUITE_P(
    Forms, QueryFormsTest,
    testing::Values(
        QueryCase{"budget", {kDredge, kRevolt}},
        QueryCase{"budgets", {kDredge, kRevolt}},  // stemming
        QueryCase{"\"harbour authority\"", {kDredge}},
        QueryCase{"harbour AND budget", {kDredge}},
        QueryCase{"plankton OR cup", {kPlankton, kCup}},
        QueryCase{"harbour NOT strike", {kDredge, kStorm1, kStorm2}},
        QueryCase{"harbour -strike", {kDredge, kStorm1, kStorm2}},
        QueryCase{"+calder budget", {kDredge, kRevolt}},
        QueryCase{"dredge NEAR channel", {kDredge}},
        QueryCase{"(plankton OR cup) AND bay", {kPlankton}},
        QueryCase{"title:budget", {kRevolt}},
        QueryCase{"section:world", {kDredge, kStorm1, kStorm2}},
        QueryCase{"section:World budget", {kDredge}},
        QueryCase{"biolum*", {kPlankton}},
        QueryCase{"date:2022-02", {kDredge, kRevolt}},
        QueryCase{"date:2022-02-14", {kDredge}},
        QueryCase{"budget date:2022-02-15..2022-02-28", {kRevolt}},
        QueryCase{"date:..2019", {kCup}},
        // Whole years, whole months and single days are D/M/Y terms; other
        // spans read the date value: both give the same stories.
        QueryCase{"date:2021..2022", {kDredge, kRevolt, kPlankton}},
        QueryCase{"date:2021-03..2022-02", {kDredge, kRevolt, kPlankton}},
        QueryCase{"date:2021-03-03..2022-02-14", {kDredge, kPlankton}},
        QueryCase{"date:2021-03-04..2022-02-20", {kDredge, kRevolt}},
        QueryCase{"date:2022-02-01..2022-02-28", {kDredge, kRevolt}},
        QueryCase{"date:2023-05-10", {kStorm1, kStorm2}},
        QueryCase{"date:..2021", {kCup, kPlankton}},  // open ends stop at the archive's first/last year
        QueryCase{"since:2022", {kDredge, kRevolt, kStorm1, kStorm2, kRates}},
        QueryCase{"harbour since:2023", {kStorm1, kStorm2, kRates}},
        QueryCase{"after:2023", {kRates}},
        QueryCase{"before:2021-06 since:2021", {kPlankton}},
        QueryCase{"shipping last week", {kRates}},
        QueryCase{"date:yesterday", {}},
        QueryCase{"zeppelin", {}}));

TEST_F(SearchTest, LongNaturalQueryDoesNotNeedEveryWord) {
  auto r = search("what did the mayor say about dredging the channel and the jobs it protects");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].article.title, kDredge);
}

TEST_F(SearchTest, ShortQueryFallsBackToAnyWordWithANote) {
  auto r = search("plankton zeppelin");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].article.title, kPlankton);
  EXPECT_FALSE(r.warnings.empty());
}

TEST_F(SearchTest, HeadlineOutranksBody) {
  auto r = search("budget");
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0].article.title, kRevolt);
}

TEST_F(SearchTest, WireCopyCollapsesUnlessAllVersions) {
  auto collapsed = search("storm coast");
  ASSERT_EQ(collapsed.hits.size(), 1u);
  EXPECT_EQ(collapsed.hits[0].versions, 2u);
  SearchRequest all;
  all.all_versions = true;
  EXPECT_EQ(search("storm coast", all).hits.size(), 2u);
}

TEST_F(SearchTest, SortByDate) {
  SearchRequest r;
  r.sort = SortOrder::kNewest;
  auto newest = titles(search("harbour", r));
  ASSERT_GE(newest.size(), 3u);
  EXPECT_EQ(newest[0], kRates);
  r.sort = SortOrder::kOldest;
  EXPECT_EQ(titles(search("harbour", r))[0], kDredge);
}

TEST_F(SearchTest, RecencyBlendPrefersNewStories) {
  SearchRequest plain;
  auto relevance = titles(search("harbour", plain));
  SearchRequest recent;
  recent.recent_half_life_days = 30;
  auto blended = titles(search("harbour", recent));
  EXPECT_EQ(blended[0], kRates);
  EXPECT_EQ(relevance.size(), blended.size());
}

TEST_F(SearchTest, PureFilterSortsNewestFirst) {
  SearchRequest request;
  request.all_versions = true;
  auto r = titles(search("section:world", request));
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[2], kDredge);
}

TEST_F(SearchTest, SnippetsHighlightStemmedMatches) {
  auto r = search("dredging");
  ASSERT_EQ(r.hits.size(), 1u);
  ASSERT_FALSE(r.hits[0].snippet.fragments.empty());
  const auto& f = r.hits[0].snippet.fragments[0];
  ASSERT_FALSE(f.highlights.empty());
  EXPECT_EQ(f.text.substr(f.highlights[0].begin, f.highlights[0].end - f.highlights[0].begin), "dredge");
  EXPECT_TRUE(r.hits[0].article.body.empty());  // bodies stay out of responses
}

TEST_F(SearchTest, FacetsCoverAllMatchesNotJustThePage) {
  SearchRequest r;
  r.facets = true;
  r.limit = 1;
  r.all_versions = true;
  auto resp = search("harbour", r);
  ASSERT_TRUE(resp.facets);
  std::size_t total = 0;
  for (const auto& s : resp.facets->sections) total += s.count;
  EXPECT_EQ(total, 4u);
  EXPECT_EQ(resp.facets->sections[0].value, "World");
  EXPECT_EQ(resp.facets->timeline_unit, "year");
}

// Whether a count is cut is decided by the work it does (postings read,
// documents Xapian examines for a phrase), never by the clock: the same
// query gets the same answer whatever the deadline, and a budget too small
// for it gives Xapian's estimate and says so.
TEST_F(SearchTest, CountBudgetDecidesCutsTheSameWayEveryTime) {
  struct Case {
    const char* query;
    std::uint64_t budget;
    bool exact;
  };
  const Case cases[] = {{"harbour", kDefaultCountBudget, true}, {"harbour", 0, true},     {"harbour", 1, false},
                        {"harbour OR storm", 5, false},           {"\"northern coast\"", 0, true},
                        {"\"northern coast\"", 1, false}};
  for (const Case& c : cases) {
    std::vector<SearchResponse> runs;
    for (int deadline_ms : {-1, 60000, 1000}) {
      SearchRequest r;
      r.facets = true;
      r.all_versions = true;
      r.count_budget = c.budget;
      r.limit = 1;  // past the budget Xapian counts: a page of one leaves it to estimate
      if (deadline_ms >= 0) r.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(deadline_ms);
      runs.push_back(search(c.query, r));
    }
    const SearchResponse& first = runs.front();
    ASSERT_TRUE(first.facets) << c.query;
    EXPECT_EQ(first.facets->partial, !c.exact) << c.query << " budget " << c.budget;
    bool facets_warned = false, total_warned = false;
    for (const auto& w : first.warnings) {
      facets_warned = facets_warned || w.find("for the facets (the count budget") != std::string::npos;
      total_warned = total_warned || w.find("the total is an estimate") != std::string::npos;
    }
    EXPECT_EQ(facets_warned, !c.exact) << c.query << " budget " << c.budget;
    // Past the budget the total is Xapian's: exact when it could tell, else
    // an estimate that says so.
    if (c.exact) {
      EXPECT_TRUE(first.total_exact) << c.query;
    }
    EXPECT_EQ(total_warned, !first.total_exact) << c.query << " budget " << c.budget;
    for (const auto& again : runs) {
      EXPECT_EQ(again.total, first.total) << c.query;
      EXPECT_EQ(again.total_exact, first.total_exact) << c.query;
      EXPECT_EQ(again.warnings, first.warnings) << c.query;
      EXPECT_EQ(titles(again), titles(first)) << c.query;
    }
  }
}

// A pasted sentence matches stories by its content words: a story that
// shares only "the", "about" and "in" with it is not a match.
TEST_F(SearchTest, SentenceQueriesIgnoreFunctionWords) {
  auto r = search("what did the mayor say about the budget in the council");
  auto t = titles(r);
  EXPECT_EQ(r.total, 2u);
  EXPECT_EQ(std::count(t.begin(), t.end(), "Bioluminescent plankton light up the bay"), 0);
  // Short queries must match every word and keep them all.
  EXPECT_EQ(titles(search("the cup")), std::vector<std::string>{"Harborough win the cup"});
}

// Writes kStories to DIR/in and indexes them into DIR/db with one job;
// returns the options, for runs after the files change.
IndexOptions index_stories(const TempDir& dir, PeopleExtractor* people) {
  std::filesystem::create_directories(dir / "in");
  for (const auto& s : kStories) std::ofstream(dir / "in" / s.file) << s.text;
  IndexOptions options;
  options.db_path = dir / "db";
  options.inputs = {dir / "in"};
  options.jobs = 1;
  options.extract.people = people;
  run_index(options);
  return options;
}

// The first facet count of a Searcher reads values through Xapian's match
// spies, later ones a table built from the value streams: same answers, and
// the table follows the database when it changes.
TEST(FacetTableTest, TableCountsEqualSpyCountsAndFollowReopen) {
  TempDir dir;
  PeopleExtractor people(default_data_dir());
  IndexOptions options = index_stories(dir, &people);

  auto facets_of = [](Searcher& searcher, const std::string& query) {
    SearchRequest r;
    r.query = query;
    r.facets = true;
    r.today = Date{2026, 11, 29};
    auto resp = searcher.search(r);
    EXPECT_TRUE(resp.facets);
    return resp.facets.value_or(Facets{});
  };
  auto same = [](const Facets& a, const Facets& b) {
    auto eq = [](const std::vector<FacetValue>& x, const std::vector<FacetValue>& y) {
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i].value != y[i].value || x[i].count != y[i].count) return false;
      }
      return true;
    };
    return eq(a.sections, b.sections) && eq(a.people, b.people) && eq(a.timeline, b.timeline) &&
           a.timeline_unit == b.timeline_unit;
  };
  // What Xapian's own ValueCountMatchSpy counts over a BoolWeight pass of
  // the query the searcher runs (the way remote shards are counted).
  auto spy_facets = [&](const std::string& query) {
    Xapian::Database db((dir / "db").string());
    QueryBuilder builder(db, QueryLimits{});
    const Date today{2026, 11, 29};
    BuiltQuery built = builder.build(query, SearchFilters{}, today);
    auto count = [&](const Xapian::Query& q, FacetCollector& collector) {
      Xapian::Enquire enquire(db);
      enquire.set_query(q);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      collector.attach(enquire);
      return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    };
    FacetCollector collector(true);
    if (count(built.matches(true), collector) == 0 && built.tiered()) {
      FacetCollector any(true);
      built.all_words = built.most_words = Xapian::Query();
      count(built.matches(true), any);
      return any.collect(10);
    }
    return collector.collect(10);
  };
  const std::vector<std::string> queries = {"harbour",           "storm",          "budget OR plankton",
                                            "date:2022",         "nothingmatches", "\"northern coast\"",
                                            "harbour NOT storm", "harb*",          "section:world harbour",
                                            "harbour date:2022..2023", "calder AND (budget OR dredge)",
                                            "what did the mayor say about the budget and the vote"};
  Searcher searcher((dir / "db").string());
  for (int round = 0; round < 3; ++round) {
    for (const auto& q : queries) {
      Searcher fresh((dir / "db").string());  // a first count: the spies, or a table at once
      const Facets want = spy_facets(q);
      EXPECT_TRUE(same(facets_of(searcher, q), want)) << q << " round " << round;
      EXPECT_TRUE(same(facets_of(fresh, q), want)) << q << " round " << round;
    }
  }
  Facets before = facets_of(searcher, "harbour");
  std::size_t world = 0;
  for (const auto& s : before.sections) world += s.value == "World" ? s.count : 0;

  // A new World story, and an old one moved from World to Business (Xapian
  // keeps its document number): the long-lived searcher sees both after reopen().
  std::ofstream(dir / "in" / "a6.txt") << "2024-01-05 - World\n\nHarbour reopens\n\nThe harbour reopened on Friday.\n";
  std::string moved = kStories[0].text;
  moved.replace(moved.find("World"), 5, "Business");
  std::ofstream(dir / "in" / kStories[0].file) << moved;
  IndexSummary summary = run_index(options);
  EXPECT_EQ(summary.added, 1u);
  EXPECT_EQ(summary.updated, 1u);
  searcher.reopen();
  Facets after = facets_of(searcher, "harbour");
  ASSERT_FALSE(after.people.empty());
  EXPECT_EQ(after.people[0].value, "Ines Calder");
  std::size_t world_after = 0;
  for (const auto& s : after.sections) world_after += s.value == "World" ? s.count : 0;
  EXPECT_EQ(world_after, world);
  EXPECT_TRUE(same(after, spy_facets("harbour")));
}

TEST_F(SearchTest, SpellingSuggestion) {
  auto r = search("planktom");
  EXPECT_EQ(r.suggestion, "plankton");
}

TEST_F(SearchTest, BadQueriesAreQueryErrors) {
  EXPECT_THROW(search("date:2022-13"), QueryError);
  EXPECT_THROW(search(std::string(kMaxQueryBytes + 1, 'a')), QueryError);
  EXPECT_NO_THROW(search(std::string(kMaxQueryBytes, 'a')));
  EXPECT_THROW(search(std::string(40, '(') + "x" + std::string(40, ')')), QueryError);
  std::string many;
  for (int i = 0; i < 10000; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_THROW(search(many), QueryError);
}

TEST_F(SearchTest, HostileButReadableQueriesAnswer) {
  EXPECT_NO_THROW(search("\"unbalanced quote"));
  EXPECT_NO_THROW(search("(unbalanced"));
  EXPECT_NO_THROW(search("AND OR NOT"));
  EXPECT_NO_THROW(search("bad \xFF\xFE utf8 \x01\x02 controls"));
  EXPECT_NO_THROW(search("date:0001..9999"));
  EXPECT_NO_THROW(search("a*"));
}

TEST_F(SearchTest, ArticleById) {
  auto r = search("plankton");
  ASSERT_EQ(r.hits.size(), 1u);
  Searcher searcher((*dir_ / "db").string());
  auto a = searcher.article(r.hits[0].id);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->title, kPlankton);
  EXPECT_FALSE(a->body.empty());
  EXPECT_FALSE(searcher.article("0000000000000000"));
}

// A story whose stored data no longer parses (damaged blocks can decode to
// other bytes) makes the search a DatabaseError, which the service answers
// with 503, not an internal error.
TEST(SearcherOpen, UnreadableStoryDataIsADatabaseError) {
  TempDir dir;
  index_stories(dir, nullptr);
  std::string id;
  {
    Xapian::WritableDatabase db((dir / "db").string());
    Xapian::Document doc = db.get_document(1);
    id = doc.get_value(schema::kSlotId);
    doc.set_data("\x01\x02 not json");
    db.replace_document(1, doc);
    db.commit();
  }
  Searcher searcher((dir / "db").string());
  SearchRequest r;
  r.query = "after:1900";  // every dated story
  r.limit = 100;
  EXPECT_THROW(searcher.search(r), DatabaseError);
  EXPECT_THROW(searcher.article(id), DatabaseError);
}

// A Searcher over a database the caller holds: Xapian's in-memory backend,
// filled with make_document, no files anywhere.
Article memory_story(const char* source, const char* title, Date date, const char* section, const char* body) {
  Article a;
  a.source = source;
  a.title = title;
  a.date = date;
  a.section = section;
  a.body = body;
  return a;
}

Xapian::WritableDatabase in_memory_archive() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const Article& a : {
           memory_story("mem/dredge.txt", "Harbour authority approves dredging plan", Date{2022, 2, 14}, "World",
                        "The harbour authority voted on Monday to dredge the northern channel."),
           memory_story("mem/plankton.txt", kPlankton.c_str(), Date{2021, 3, 3}, "Science",
                        "Swimmers saw the water glow blue as bioluminescent plankton bloomed in the bay."),
           memory_story("mem/strike.txt", "Shipping rates climb again", Date{2026, 11, 27}, "Business",
                        "Shipping rates rose for a third week as the harbour strike continued."),
       }) {
    db.add_document(make_document(a, article_id(a)));
  }
  return db;
}

TEST(SearcherOverADatabase, SearchesAndFetchesStories) {
  Searcher searcher(in_memory_archive());
  EXPECT_EQ(searcher.document_count(), 3u);
  SearchRequest r;
  r.query = "plankton";
  SearchResponse response = searcher.search(r);
  ASSERT_EQ(response.hits.size(), 1u);
  EXPECT_EQ(response.hits[0].article.title, kPlankton);
  auto a = searcher.article(response.hits[0].id);
  ASSERT_TRUE(a);
  EXPECT_FALSE(a->body.empty());
  EXPECT_FALSE(searcher.article("0000000000000000"));
}

TEST(SearcherOverADatabase, CountsFacetsWithoutAPath) {
  Searcher searcher(in_memory_archive());
  SearchRequest r;
  r.query = "harbour";
  r.facets = true;
  SearchResponse response = searcher.search(r);
  EXPECT_EQ(response.total, 2u);
  ASSERT_TRUE(response.facets);
  std::vector<std::string> sections;
  for (const auto& v : response.facets->sections) {
    EXPECT_EQ(v.count, 1u) << v.value;
    sections.push_back(v.value);
  }
  std::sort(sections.begin(), sections.end());
  EXPECT_EQ(sections, (std::vector<std::string>{"Business", "World"}));
}

TEST(SearcherOpen, MissingDatabaseIsADatabaseError) {
  EXPECT_THROW(Searcher("/nonexistent/morgue-db"), DatabaseError);
  TempDir dir;
  std::ofstream(dir / "junk") << "not a database";
  EXPECT_THROW(Searcher((dir / "junk").string()), DatabaseError);
}

}  // namespace
}  // namespace morgue
