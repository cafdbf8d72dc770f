// The printers on hand-made responses (no Xapian): the JSON document of
// docs/json.md and the terminal layout's count, filter and tier lines.
#include "morgue/printer.h"

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace morgue {
namespace {

using nlohmann::json;

Hit make_hit(std::size_t rank, const std::string& title, bool all_words) {
  Hit hit;
  hit.id = "000000000000000" + std::to_string(rank % 10);
  hit.rank = rank;
  hit.all_words = all_words;
  hit.article.title = title;
  return hit;
}

SearchResponse harbour_response() {
  SearchResponse r;
  r.query = "harbour dredging";
  r.total = 395;
  r.total_all_words = 1;
  r.offset = 0;
  r.limit = 10;
  r.hits = {make_hit(0, "Dredging the harbour", true), make_hit(1, "Harbour fees", false),
            make_hit(2, "Dredgers idle", false)};
  return r;
}

std::string terminal(const SearchResponse& r) {
  std::ostringstream out;
  print_terminal(r, TerminalStyle{}, out);
  return out.str();
}

// ---- JSON --------------------------------------------------------------------

TEST(JsonPrinter, CountsFiltersAndMatchTiers) {
  SearchResponse r = harbour_response();
  r.total_exact = false;
  r.filters = {{"section", "World", "request", "", "", false},
               {"date", "last month", "words", "2026-11-02", "2026-12-01", true},
               {"date", "..1999", "query", "", "1999-12-31", false}};
  json j = json::parse(response_to_json(r));
  EXPECT_EQ(j["total"], 395);
  EXPECT_EQ(j["total_exact"], false);
  EXPECT_EQ(j["total_all_words"], 1);
  ASSERT_EQ(j["filters"].size(), 3u);
  EXPECT_EQ(j["filters"][0], json::parse(R"({"field":"section","value":"World","origin":"request",
                                               "from":null,"to":null,"dropped":false})"));
  EXPECT_EQ(j["filters"][1], json::parse(R"({"field":"date","value":"last month","origin":"words",
                                               "from":"2026-11-02","to":"2026-12-01","dropped":true})"));
  EXPECT_EQ(j["filters"][2]["from"], nullptr);
  EXPECT_EQ(j["filters"][2]["to"], "1999-12-31");
  ASSERT_EQ(j["results"].size(), 3u);
  EXPECT_EQ(j["results"][0]["match"], "all");
  EXPECT_EQ(j["results"][1]["match"], "some");
  EXPECT_FALSE(j.contains("reduced_terms"));
}

TEST(JsonPrinter, ReducedTermsOnlyWhenThereAreSome) {
  SearchResponse r = harbour_response();
  r.reduced_terms = {"dredging", "harbour", "silt"};
  json j = json::parse(response_to_json(r));
  EXPECT_EQ(j["reduced_terms"], json::parse(R"(["dredging","harbour","silt"])"));
  SearchResponse plain;
  json empty = json::parse(response_to_json(plain));
  EXPECT_FALSE(empty.contains("reduced_terms"));
  EXPECT_EQ(empty["filters"], json::array());
  EXPECT_EQ(empty["total_exact"], true);
}

TEST(JsonPrinter, FacetsSayWhetherTheirCountsArePartial) {
  SearchResponse r = harbour_response();
  EXPECT_FALSE(json::parse(response_to_json(r)).contains("facets"));  // not asked for
  Facets f;
  f.sections = {{"World", 3}};
  f.timeline_unit = "month";
  f.timeline = {{"2022-02", 3}};
  r.facets = f;
  json whole = json::parse(response_to_json(r));
  EXPECT_EQ(whole["facets"]["partial"], false) << whole["facets"];
  EXPECT_EQ(whole["facets"]["sections"], json::parse(R"([{"value":"World","count":3}])"));
  r.facets->partial = true;
  json cut = json::parse(response_to_json(r));
  EXPECT_EQ(cut["facets"]["partial"], true) << cut["facets"];
  EXPECT_EQ(cut["facets"]["timeline"], json::parse(R"({"unit":"month","counts":[{"value":"2022-02","count":3}]})"));
}

TEST(JsonPrinter, InvalidUtf8InAFilterValueStaysValidJson) {
  SearchResponse r;
  r.filters = {{"person", "Ren\xE9", "request", "", "", false}};
  EXPECT_TRUE(json::accept(response_to_json(r)));
}

// The public shape of one article (docs/json.md): `morgue-index --extract`
// lines and /api/article/ID. The e2e tests pin it on the corpus; these pin its
// bytes, keys sorted, independent of what store/ writes.
Article lavrov_article() {
  Article a;
  a.source = "/archive/a.txt";
  a.url = "https://example.org/a";
  a.title = "Lavrov wants \"intensifying\" talks";
  a.date = Date{2022, 2, 14};
  a.section = "World";
  a.authors = {"Ann Lee"};
  a.people = {"Sergey Lavrov"};
  a.body = "One.\n\nTwo.";
  return a;
}

TEST(JsonPrinter, ArticleIsThePublicShape) {
  EXPECT_EQ(article_to_json(lavrov_article()),
            R"({"authors":["Ann Lee"],"body":"One.\n\nTwo.","date":"2022-02-14","people":["Sergey Lavrov"],)"
            R"("section":"World","source":"/archive/a.txt","title":"Lavrov wants \"intensifying\" talks",)"
            R"("url":"https://example.org/a"})");
  EXPECT_EQ(article_to_json(lavrov_article(), "1db5b112f47f98a5"),
            R"({"authors":["Ann Lee"],"body":"One.\n\nTwo.","date":"2022-02-14","id":"1db5b112f47f98a5",)"
            R"("people":["Sergey Lavrov"],"section":"World","source":"/archive/a.txt",)"
            R"("title":"Lavrov wants \"intensifying\" talks","url":"https://example.org/a"})");
}

TEST(JsonPrinter, ArticleOptionalKeysOnlyWhenKnown) {
  Article a;
  a.source = "flash.txt";
  json bare = json::parse(article_to_json(a));
  EXPECT_EQ(bare, json::parse(R"({"source":"flash.txt","url":"","title":"","date":null,"section":"",
                                  "authors":[],"people":[],"body":""})"));
  a.key = "item-2";
  a.title_from_body = true;
  a.timestamp = "2022-02-14T09:30:00Z";
  a.subjects = {"Diplomacy"};
  a.dateline = "MOSCOW";
  a.language = "en";
  a.captions = {"Sergey Lavrov in Moscow."};
  json full = json::parse(article_to_json(a));
  EXPECT_EQ(full["key"], "item-2");
  EXPECT_EQ(full["title_from_body"], true);
  EXPECT_EQ(full["timestamp"], "2022-02-14T09:30:00Z");
  EXPECT_EQ(full["subjects"], json::array({"Diplomacy"}));
  EXPECT_EQ(full["dateline"], "MOSCOW");
  EXPECT_EQ(full["language"], "en");
  EXPECT_EQ(full["captions"], json::array({"Sergey Lavrov in Moscow."}));
  EXPECT_FALSE(full.contains("v")) << "the stored format's version is not public";
}

TEST(JsonPrinter, ArticleWithInvalidUtf8StaysValidJson) {
  Article a = lavrov_article();
  a.title = "Caf\xE9 closed";
  json j = json::parse(article_to_json(a));
  EXPECT_EQ(j["title"], "Caf\xEF\xBF\xBD closed");
}

// ---- terminal ------------------------------------------------------------------

TEST(TerminalPrinter, ExactAndEstimatedCounts) {
  SearchResponse r = harbour_response();
  EXPECT_NE(terminal(r).find("1-3 of 395 stories for 'harbour dredging'\n"), std::string::npos) << terminal(r);
  r.total_exact = false;
  EXPECT_NE(terminal(r).find("1-3 of about 395 stories for 'harbour dredging'\n"), std::string::npos) << terminal(r);
  r.total = 1;
  r.total_exact = true;
  r.hits.resize(1);
  EXPECT_NE(terminal(r).find("1-1 of 1 story for"), std::string::npos) << terminal(r);
}

TEST(TerminalPrinter, PagePastTheEndSaysHowFarTheResultsGo) {
  SearchResponse r = harbour_response();
  r.hits.clear();
  r.offset = 399;
  EXPECT_NE(terminal(r).find("No more results: 395 stories match; this page starts at 400.\n"), std::string::npos)
      << terminal(r);
  r.total = 0;
  r.offset = 0;
  EXPECT_EQ(terminal(r), "No stories match 'harbour dredging'.\n");
  r.query.clear();  // filters only, or "more like this"
  EXPECT_EQ(terminal(r), "No stories match.\n");
}

TEST(TerminalPrinter, MarksWhereStoriesWithSomeOfTheWordsStart) {
  const std::string marker = "\xE2\x80\x94 stories that match some of the words \xE2\x80\x94\n";
  std::string out = terminal(harbour_response());
  auto at = out.find(marker);
  ASSERT_NE(at, std::string::npos) << out;
  EXPECT_EQ(out.find(marker, at + 1), std::string::npos) << "marked twice:\n" << out;
  EXPECT_LT(out.find("Dredging the harbour"), at);
  EXPECT_GT(out.find("Harbour fees"), at);
  // A page that starts among the partial matches says so at its top.
  SearchResponse later = harbour_response();
  later.hits.erase(later.hits.begin());
  out = terminal(later);
  at = out.find(marker);
  ASSERT_NE(at, std::string::npos) << out;
  EXPECT_LT(at, out.find("Harbour fees"));
  // All full matches: no marker.
  SearchResponse full = harbour_response();
  for (auto& hit : full.hits) hit.all_words = true;
  EXPECT_EQ(terminal(full).find("some of the words"), std::string::npos);
}

TEST(TerminalPrinter, FiltersAndReducedTermsInOneShortLineEach) {
  SearchResponse r = harbour_response();
  r.filters = {{"date", "2022-02", "words", "2022-02-01", "2022-02-28", false},
               {"section", "World", "request", "", "", false},
               {"date", "last week", "words", "2026-11-25", "2026-12-01", true}};
  r.reduced_terms = {"dredging", "silt"};
  std::string out = terminal(r);
  EXPECT_NE(out.find("filters: date 2022-02 (from your words), section World, "
                     "date last week (2026-11-25..2026-12-01; from your words; dropped: no story matched it)\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("searched for the text's most distinctive words: dredging, silt\n"), std::string::npos) << out;
  EXPECT_EQ(terminal(harbour_response()).find("filters:"), std::string::npos);
}

TEST(TerminalPrinter, SaysWhenFacetCountsArePartial) {
  const std::string note = "(facet counts are partial: too many matches to count them all)\n";
  SearchResponse r = harbour_response();
  Facets f;
  f.sections = {{"World", 3}};
  r.facets = f;
  std::string out = terminal(r);
  EXPECT_NE(out.find("Sections\n       3  World\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("partial"), std::string::npos) << out;
  r.facets->partial = true;
  out = terminal(r);
  const auto at = out.find(note);
  ASSERT_NE(at, std::string::npos) << out;
  EXPECT_LT(at, out.find("Sections\n")) << "the note comes before the counts:\n" << out;
  r.facets.reset();
  EXPECT_EQ(terminal(r).find("partial"), std::string::npos);
}

TEST(IndexSummaryPrinter, TextAndJsonCarryEveryCount) {
  IndexSummary s;
  s.files_seen = 7;
  s.added = 3;
  s.updated = 1;
  s.unchanged = 2;
  s.removed = 4;
  s.failed = 1;
  s.duplicates = 5;
  s.documents = 40;
  s.seconds = 1.5;
  EXPECT_EQ(summary_to_text(s),
            "7 files: 3 added, 1 updated, 2 unchanged, 4 removed, 1 failed, 5 duplicates; "
            "40 documents in the database (1.50s)");
  auto j = nlohmann::json::parse(summary_to_json(s));
  EXPECT_EQ(j, nlohmann::json::parse(R"({"files":7,"added":3,"updated":1,"unchanged":2,"removed":4,"failed":1,
                                         "duplicates":5,"documents":40,"seconds":1.5,"interrupted":false,
                                         "people_stories":0,"people_renamed":0,"people_seconds":0.0,"people_cpu_seconds":0.0,
                                         "placeholders":0,"merge_seconds":0.0})"));
  s.interrupted = true;
  EXPECT_NE(summary_to_text(s).find("interrupted"), std::string::npos);
  EXPECT_TRUE(nlohmann::json::parse(summary_to_json(s))["interrupted"].get<bool>());
}

}  // namespace
}  // namespace morgue
