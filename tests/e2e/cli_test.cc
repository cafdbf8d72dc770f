// End-to-end: the real binaries on the checked-in sample corpus and the seed.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/run.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using nlohmann::json;
using testing_support::run;
using testing_support::RunResult;
using testing_support::sh_quote;
using testing_support::TempDir;

const std::string kIndex = MORGUE_INDEX_BIN;
const std::string kSearch = MORGUE_SEARCH_BIN;
const std::string kSource = MORGUE_TEST_SOURCE_DIR;
const std::string kCorpus = kSource + "/corpus/articles";
const std::string kSeed = kSource + "/../shared/seed/axios-2022-02-14-lavrov.txt";

bool have_seed() { return std::filesystem::exists(kSeed); }

class CliTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::string inputs = sh_quote(kCorpus) + (have_seed() ? " " + sh_quote(kSeed) : "");
    auto r = run(kIndex + " --quiet --db " + sh_quote(db()) + " " + inputs + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return (dir_->path() / "db").string(); }

  json search_json(const std::string& args, int expect_exit = 0) {
    auto r = run(kSearch + " --db " + sh_quote(db()) + " --json " + args);
    EXPECT_EQ(r.exit_code, expect_exit) << args << "\n" << r.out;
    return json::parse(r.out);
  }

  static TempDir* dir_;
};

TempDir* CliTest::dir_ = nullptr;

TEST_F(CliTest, ExtractSeedArticle) {
  if (!have_seed()) GTEST_SKIP() << "no ../shared/seed";
  auto r = run(kIndex + " --extract " + sh_quote(kSeed));
  ASSERT_EQ(r.exit_code, 0);
  json a = json::parse(r.out);
  EXPECT_EQ(a["date"], "2022-02-14");
  EXPECT_EQ(a["section"], "World");
  EXPECT_EQ(a["title"], "Russian foreign minister wants \"intensifying\" Ukraine talks");
  for (const char* key : {"source", "url", "title", "date", "section", "authors", "people", "body"}) {
    EXPECT_TRUE(a.contains(key)) << key;
  }
  auto people = a["people"].get<std::vector<std::string>>();
  for (const char* person : {"Vladimir Putin", "Sergey Lavrov", "Antony Blinken", "Dmytro Kuleba", "Ned Price"}) {
    EXPECT_NE(std::find(people.begin(), people.end(), person), people.end()) << person;
  }
  EXPECT_EQ(a["body"].get<std::string>().find("Photo:"), std::string::npos);
}

TEST_F(CliTest, SeedFoundFirstByPersonAndDate) {
  if (!have_seed()) GTEST_SKIP() << "no ../shared/seed";
  json j = search_json(sh_quote("person:lavrov date:2022-02-01..2022-02-28"));
  ASSERT_FALSE(j["results"].empty());
  EXPECT_EQ(j["results"][0]["source"], std::filesystem::canonical(kSeed).string());
  EXPECT_NE(j["results"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
}

TEST_F(CliTest, JsonSchema) {
  json j = search_json(sh_quote("prime minister"));
  for (const char* key : {"query", "total", "total_exact", "total_all_words", "offset", "limit", "results",
                          "suggestion", "warnings", "filters"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_TRUE(j["total_exact"].is_boolean());
  EXPECT_TRUE(j["filters"].is_array());
  ASSERT_FALSE(j["results"].empty());
  for (const char* key : {"id", "rank", "match", "title", "date", "section", "people", "authors", "source", "url",
                          "score", "snippet"}) {
    EXPECT_TRUE(j["results"][0].contains(key)) << key;
  }
  const std::string match = j["results"][0]["match"];
  EXPECT_TRUE(match == "all" || match == "some") << match;
  EXPECT_EQ(j["query"], "prime minister");
}

// A page past the end found stories all the same: it says how many, and
// the exit code is 0 (1 is for no story at all).
TEST_F(CliTest, PagingPastTheEndPrintsTheTotalAndExitsZero) {
  json first = search_json(sh_quote("harbour"));
  const std::size_t total = first["total"];
  ASSERT_GT(total, 0u);
  const std::string offset = std::to_string(total + 5);
  auto r = run(kSearch + " --db " + sh_quote(db()) + " --offset " + offset + " harbour 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  const std::string count = (first["total_exact"] == true ? "" : "about ") + std::to_string(total) + " stor" +
                            (total == 1 ? "y" : "ies");
  EXPECT_NE(r.out.find("No more results: " + count + " match; this page starts at " + std::to_string(total + 6) + "."),
            std::string::npos)
      << r.out;
  json past = search_json("--offset " + offset + " harbour");
  EXPECT_TRUE(past["results"].empty());
  EXPECT_EQ(past["total"], total);
}

TEST_F(CliTest, FilterFlagsAreChecked) {
  struct Case {
    const char* args;
    const char* message;
  } cases[] = {
      {"--section '' harbour", "section must not be empty"},
      {"--person '  ' harbour", "person must not be empty"},
      {"--date 'last week' harbour", "date must look like"},
      {"--date '' harbour", "--date must not be empty"},
      {"--date 2022 --date 2023 harbour", "date"},
      {"--like 12345 harbour", "--like takes a story's id"},
      {"--like 0123456789ABCDEF", "--like takes a story's id"},
  };
  for (const auto& c : cases) {
    auto r = run(kSearch + " --db " + sh_quote(db()) + " " + c.args + " 2>&1");
    EXPECT_EQ(r.exit_code, 2) << c.args << "\n" << r.out;
    EXPECT_NE(r.out.find(c.message), std::string::npos) << c.args << "\n" << r.out;
  }
  // Filters alone are a search, not an interactive session (stdin is no terminal here).
  auto only = run(kSearch + " --db " + sh_quote(db()) + " --json --date 2022-02 </dev/null 2>&1");
  EXPECT_EQ(only.exit_code, 0) << only.out;
  EXPECT_EQ(json::parse(only.out)["query"], "");
}

// Needs the core's SearchFilters.
TEST_F(CliTest, FilterFlagsNarrowTheResults) {
  json all = search_json(sh_quote("okonkwo"));
  json politics = search_json("--section Politics " + sh_quote("okonkwo"));
  EXPECT_EQ(politics["query"], "okonkwo");
  EXPECT_LT(politics["total"].get<int>(), all["total"].get<int>());
  for (const auto& hit : politics["results"]) EXPECT_EQ(hit["section"], "Politics") << hit["title"];
  ASSERT_FALSE(politics["filters"].empty());
  EXPECT_EQ(politics["filters"][0]["field"], "section");
  EXPECT_EQ(politics["filters"][0]["origin"], "request");
  // The --date flag selects what date: syntax selects, as a filter.
  json by_flag = search_json("--all-versions --limit 20 --date 2022-02");
  EXPECT_EQ(by_flag["total"], search_json("--all-versions --limit 20 date:2022-02")["total"]);
  EXPECT_GE(by_flag["total"].get<int>(), 9);
  // Quotes in a value do not open the search up.
  search_json("--section " + sh_quote("Politics\" OR \"World") + " okonkwo", 1);
}

TEST_F(CliTest, MoreLikeThis) {
  json j = search_json(sh_quote("bioluminescent"));
  ASSERT_FALSE(j["results"].empty());
  const std::string id = j["results"][0]["id"];
  json like = search_json("--like " + id);
  EXPECT_FALSE(like["results"].empty());
  // With words, filters and paging, in the terminal too.
  auto r = run(kSearch + " --db " + sh_quote(db()) + " --like " + id + " --limit 2 --offset 1 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("2. "), std::string::npos) << r.out;
  auto unknown = run(kSearch + " --db " + sh_quote(db()) + " --like 0000000000000000 2>&1");
  EXPECT_EQ(unknown.exit_code, 2) << unknown.out;
  EXPECT_NE(unknown.out.find("no story with id 0000000000000000"), std::string::npos) << unknown.out;
}

TEST_F(CliTest, TerminalOutputIsPlainWhenPiped) {
  auto r = run(kSearch + " --db " + sh_quote(db()) + " bioluminescent");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_NE(r.out.find("1. "), std::string::npos);
  EXPECT_NE(r.out.find("[bioluminescent]"), std::string::npos) << r.out;
  auto colored = run(kSearch + " --color always --db " + sh_quote(db()) + " bioluminescent");
  EXPECT_NE(colored.out.find("\x1b[1;33m"), std::string::npos);
  auto no_color = run("NO_COLOR=1 " + kSearch + " --db " + sh_quote(db()) + " bioluminescent");
  EXPECT_EQ(no_color.out.find('\x1b'), std::string::npos);
}

TEST_F(CliTest, ExitCodes) {
  auto none = run(kSearch + " --db " + sh_quote(db()) + " zzyzxqwv 2>&1");
  EXPECT_EQ(none.exit_code, 1) << none.out;
  auto bad = run(kSearch + " --db " + sh_quote(db()) + " 'date:2022-99' 2>&1");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.out.find("bad query"), std::string::npos) << bad.out;
  auto missing = run(kSearch + " --db /nonexistent/db anything 2>&1");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.out.find("/nonexistent/db"), std::string::npos) << missing.out;
  auto usage = run(kSearch + " --no-such-flag 2>&1");
  EXPECT_EQ(usage.exit_code, 2);
  auto index_usage = run(kIndex + " 2>&1");
  EXPECT_EQ(index_usage.exit_code, 2);
}

TEST_F(CliTest, ShowPrintsTheStory) {
  json j = search_json(sh_quote("bioluminescent"));
  ASSERT_FALSE(j["results"].empty());
  std::string id = j["results"][0]["id"];
  auto r = run(kSearch + " --db " + sh_quote(db()) + " --show " + id);
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find(j["results"][0]["title"].get<std::string>()), std::string::npos);
  EXPECT_EQ(run(kSearch + " --db " + sh_quote(db()) + " --show 0000000000000000 2>&1").exit_code, 1);
}

TEST_F(CliTest, FacetsInJson) {
  json j = search_json("--facets " + sh_quote("section:politics OR section:world"));
  ASSERT_TRUE(j.contains("facets"));
  EXPECT_FALSE(j["facets"]["sections"].empty());
  EXPECT_FALSE(j["facets"]["timeline"]["counts"].empty());
}

// --count-budget: a tiny budget makes the total an estimate and the facets
// partial, and says so; the default (and 0, no limit) counts exactly.
TEST_F(CliTest, CountBudgetMarksTheTotalAnEstimate) {
  auto has = [](const json& warnings, const std::string& part) {
    for (const auto& w : warnings) {
      if (w.get<std::string>().find(part) != std::string::npos) return true;
    }
    return false;
  };
  json exact = search_json("--facets the");
  ASSERT_GT(exact["total"].get<int>(), 10);
  EXPECT_TRUE(exact["total_exact"].get<bool>());
  EXPECT_TRUE(exact["warnings"].empty()) << exact["warnings"];
  EXPECT_EQ(exact["facets"]["partial"], false) << exact["facets"];
  json unlimited = search_json("--count-budget 0 --facets the");
  EXPECT_EQ(unlimited["total"], exact["total"]);
  EXPECT_TRUE(unlimited["total_exact"].get<bool>());
  EXPECT_EQ(unlimited["facets"]["partial"], false);

  json cut = search_json("--count-budget 1 --facets the");
  EXPECT_FALSE(cut["total_exact"].get<bool>());
  EXPECT_TRUE(has(cut["warnings"], "the total is an estimate")) << cut["warnings"];
  EXPECT_TRUE(has(cut["warnings"], "they cover part of the matches")) << cut["warnings"];
  EXPECT_EQ(cut["facets"]["partial"], true) << cut["facets"];
  EXPECT_EQ(cut["results"].size(), exact["results"].size());

  // The terminal says so above the facets, and only when they were cut.
  const std::string note = "facet counts are partial";
  auto text = run(kSearch + " --db " + sh_quote(db()) + " --count-budget 1 --facets the");
  EXPECT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find(note), std::string::npos) << text.out;
  EXPECT_LT(text.out.find(note), text.out.find("Sections\n")) << text.out;
  auto whole = run(kSearch + " --db " + sh_quote(db()) + " --facets the");
  EXPECT_NE(whole.out.find("Sections\n"), std::string::npos) << whole.out;
  EXPECT_EQ(whole.out.find(note), std::string::npos) << whole.out;

  auto bad = run(kSearch + " --db " + sh_quote(db()) + " --count-budget lots the 2>&1");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.out.find("cannot read --count-budget 'lots'"), std::string::npos) << bad.out;
}

// One person, one name across the archive: a story that names only
// "Lindqvist" is filed under the full name the other stories give, for the
// facet, the person filter, person: words and the hit (single database and
// sharded; docs/people.md).
class CanonicalPeopleTest : public testing::TestWithParam<const char*> {};

TEST_P(CanonicalPeopleTest, BareSurnameJoinsTheFullName) {
  TempDir dir;
  const auto in = dir.path() / "in";
  std::filesystem::create_directories(in);
  std::ofstream(in / "s1.txt") << "Mar 2, 1987 - World\n\nHarbour talks resume\n\nHarbour minister Oskar Lindqvist "
                                  "met union leaders on Monday to end the strike.\n\nLindqvist said a deal was close.\n";
  std::ofstream(in / "s2.txt") << "Mar 9, 1987 - World\n\nDock strike ends\n\nHarbour minister Oskar Lindqvist "
                                  "signed the agreement with the union on Monday.\n";
  std::ofstream(in / "s3.txt") << "Mar 12, 1987 - World\n\nCranes move again\n\nThe cranes moved again on Thursday, "
                                  "harbour minister Lindqvist told reporters in the capital.\n";
  const std::string db = (dir.path() / "db").string();
  auto r = run(kIndex + " --quiet --json --db " + sh_quote(db) + " " + GetParam() + " " + sh_quote(in.string()) +
               " 2>&1");  // on by default
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(json::parse(r.out)["people_renamed"], 1);
  auto search = [&](const std::string& args) {
    auto s = run(kSearch + " --db " + sh_quote(db) + " --json --facets " + args);
    EXPECT_EQ(s.exit_code, 0) << args << "\n" << s.out;
    return json::parse(s.out);
  };
  json all = search("section:world");
  EXPECT_EQ(all["facets"]["people"], json::parse(R"([{"value": "Oskar Lindqvist", "count": 3}])"));
  for (const auto& hit : all["results"]) EXPECT_EQ(hit["people"], json::parse(R"(["Oskar Lindqvist"])"));
  EXPECT_EQ(search("--person " + sh_quote("Oskar Lindqvist") + " section:world")["total"], 3);
  // The hits, not `total`: over shards a phrase's total is Xapian's estimate.
  EXPECT_EQ(search(sh_quote("person:\"Oskar Lindqvist\""))["results"].size(), 3u);
  EXPECT_EQ(search("person:lindqvist")["results"].size(), 3u);
  // A second run changes nothing: the step does not even read the archive.
  r = run(kIndex + " --quiet --json --canonical-people --db " + sh_quote(db) + " " + sh_quote(in.string()) + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(json::parse(r.out)["people_renamed"], 0);
  EXPECT_EQ(json::parse(r.out)["people_stories"], 0);
  // Opted out, the names stay as each story gives them.
  const std::string plain = (dir.path() / "plain").string();
  r = run(kIndex + " --quiet --json --no-canonical-people --db " + sh_quote(plain) + " " + GetParam() + " " +
          sh_quote(in.string()) + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(json::parse(r.out)["people_renamed"], 0);
  auto s = run(kSearch + " --db " + sh_quote(plain) + " --json --facets section:world");
  EXPECT_NE(s.out.find("\"Lindqvist\""), std::string::npos) << s.out;
}

// A nightly run whose new stories change what an older story's bare name
// reads as: the older story is renamed by that run, and the run after it,
// with nothing new, renames nothing.
TEST_P(CanonicalPeopleTest, NightlyRunRenamesAnOlderStory) {
  TempDir dir;
  const auto in = dir.path() / "in";
  std::filesystem::create_directories(in / "day1");
  std::ofstream(in / "day1" / "a.txt") << "Mar 2, 1987 - World\n\nBudget talks\n\nFinance minister Oskar Lindqvist "
                                          "presented the budget on Monday.\n";
  std::ofstream(in / "day1" / "b.txt") << "Mar 12, 1987 - World\n\nPort deal\n\nUnion leader Tomas Berg met "
                                          "minister Lindqvist on Thursday to sign the port deal.\n";
  const std::string db = (dir.path() / "db").string();
  auto index = [&](const std::string& path) {
    auto r = run(kIndex + " --quiet --json --db " + sh_quote(db) + " " + GetParam() + " " + sh_quote(path) + " 2>&1");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return json::parse(r.out);
  };
  auto people_of = [&](const std::string& query) {
    auto s = run(kSearch + " --db " + sh_quote(db) + " --json " + sh_quote(query));
    EXPECT_EQ(s.exit_code, 0) << s.out;
    json j = json::parse(s.out);
    return j["results"].empty() ? json() : j["results"][0]["people"];
  };
  index(in.string());
  EXPECT_EQ(people_of("port deal"), json::parse(R"(["Tomas Berg", "Oskar Lindqvist"])"));
  // The next night: another minister Lindqvist, three times with Berg.
  std::filesystem::create_directories(in / "day2");
  for (int i = 0; i < 3; ++i) {
    std::ofstream(in / "day2" / ("c" + std::to_string(i) + ".txt"))
        << "Mar " << 13 + i << ", 1987 - World\n\nHarbour strike day " << i << "\n\nLabour minister Erik Lindqvist "
        << "met union leader Tomas Berg again on the harbour strike.\n";
  }
  json night = index(in.string());
  EXPECT_EQ(night["added"], 3);
  EXPECT_GE(night["people_renamed"].get<int>(), 1);
  EXPECT_EQ(people_of("port deal"), json::parse(R"(["Tomas Berg", "Erik Lindqvist"])"));
  json again = index(in.string());
  EXPECT_EQ(again["people_renamed"], 0);
  EXPECT_EQ(again["people_stories"], 0);
}

INSTANTIATE_TEST_SUITE_P(Archives, CanonicalPeopleTest, testing::Values("", "--shard-by hash:2"));

// A first build large enough to run in parallel parts holds back the story
// that names someone by a bare surname as a placeholder (store/placeholders.h)
// and writes it whole once the people step has named him: its own words find
// it, under the full name.
TEST(CanonicalPeopleFullBuild, PlaceholderIsWrittenWholeWithTheFullName) {
  TempDir dir;
  const auto in = dir.path() / "in";
  std::filesystem::create_directories(in);
  std::ofstream(in / "s1.txt") << "Mar 2, 1987 - World\n\nHarbour talks resume\n\nHarbour minister Oskar Lindqvist "
                                  "met union leaders on Monday to end the strike.\n";
  std::ofstream(in / "s2.txt") << "Mar 9, 1987 - World\n\nDock strike ends\n\nHarbour minister Oskar Lindqvist "
                                  "signed the agreement with the union on Monday.\n";
  std::ofstream(in / "s3.txt") << "Mar 12, 1987 - World\n\nCranes move again\n\nThe cranes moved again on Thursday, "
                                  "harbour minister Lindqvist told reporters in the lakeside capital.\n";
  for (int i = 0; i < 220; ++i) {  // past the parallel build's 200 files
    std::ofstream(in / ("filler" + std::to_string(i) + ".txt"))
        << "Apr 1, 1987 - Business\n\nGrain report " << i << "\n\nWheat stocks stood at " << i
        << " thousand tonnes in week " << i << ", the grain board reported.\n";
  }
  const std::string db = (dir.path() / "db").string();
  auto r = run(kIndex + " --quiet --json --jobs 2 --db " + sh_quote(db) + " " + sh_quote(in.string()) + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const json summary = json::parse(r.out);
  EXPECT_EQ(summary["documents"], 223);
  EXPECT_EQ(summary["placeholders"], 1);
  EXPECT_EQ(summary["people_renamed"], 1);
  EXPECT_GT(summary["merge_seconds"].get<double>(), 0.0);
  auto s = run(kSearch + " --db " + sh_quote(db) + " --json lakeside");
  ASSERT_EQ(s.exit_code, 0) << s.out;
  const json found = json::parse(s.out);
  ASSERT_EQ(found["results"].size(), 1u) << s.out;
  EXPECT_EQ(found["results"][0]["people"], json::parse(R"(["Oskar Lindqvist"])"));
  s = run(kSearch + " --db " + sh_quote(db) + " --json " + sh_quote("person:\"Oskar Lindqvist\" cranes"));
  EXPECT_EQ(json::parse(s.out)["results"].size(), 1u) << s.out;
}

TEST_F(CliTest, InteractiveSessionOnATerminal) {
  // `script` gives the searcher a terminal, as a user at a prompt would.
  if (run("command -v script >/dev/null").exit_code != 0) GTEST_SKIP() << "no script(1)";
  TempDir home;
  const std::string session = "printf 'bioluminescent\\n:facets\\n1\\n:q\\n' | HOME=" + sh_quote(home.path().string()) +
                              " PAGER=cat NO_COLOR=1 timeout 20 script -qec " +
                              sh_quote(kSearch + " --db " + sh_quote(db())) + " /dev/null";
  auto check_session = [](const RunResult& r) {
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("morgue> "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1. Bioluminescent"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Sections"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("People: "), std::string::npos) << r.out;  // the story, read through the pager
  };
  auto r = run(session);
  check_session(r);
  // libedit is loaded at run time (dlopen), not linked: the history it keeps
  // shows that it was found.
  EXPECT_EQ(r.out.find("no line editing"), std::string::npos) << r.out;
  std::ifstream history(home / ".morgue_history");
  std::string saved((std::istreambuf_iterator<char>(history)), std::istreambuf_iterator<char>());
  EXPECT_NE(saved.find("bioluminescent"), std::string::npos) << saved;

  // Without libedit (hidden behind /dev/null in a private mount namespace)
  // the session works the same, without editing or history, and says so once.
  // This also shows that morgue-search does not need libedit to start.
  const std::string hide_libedit =
      "for f in $(ldconfig -p | sed -n 's/^[[:space:]]*libedit\\.so\\.2 .*=> //p'); do "
      "mount --bind /dev/null \"$f\" || exit 99; done; ";
  if (run("unshare -rm sh -c " + sh_quote(hide_libedit + "exit 0") + " 2>/dev/null").exit_code != 0) {
    GTEST_SKIP() << "cannot hide libedit: unshare -rm (user and mount namespaces) is not allowed here";
  }
  std::filesystem::remove(home / ".morgue_history");
  auto plain = run("unshare -rm sh -c " + sh_quote(hide_libedit + session));
  check_session(plain);
  const std::string warning = "morgue-search: no line editing or history";
  auto at = plain.out.find(warning);
  EXPECT_NE(at, std::string::npos) << plain.out;
  EXPECT_EQ(plain.out.find(warning, at + 1), std::string::npos) << plain.out;
  EXPECT_FALSE(std::filesystem::exists(home / ".morgue_history"));
}

TEST_F(CliTest, StatsAndCompact) {
  auto stats = run(kIndex + " --stats --json --db " + sh_quote(db()));
  ASSERT_EQ(stats.exit_code, 0) << stats.out;
  json s = json::parse(stats.out);
  EXPECT_GE(s["documents"].get<int>(), 40);
  EXPECT_EQ(s["first_date"].get<std::string>().substr(0, 4), "2019");
  EXPECT_GE(s["sections"].size(), 5u);
  TempDir copy;
  std::filesystem::copy(db(), copy / "db", std::filesystem::copy_options::recursive);
  auto compact = run(kIndex + " --compact --db " + sh_quote((copy / "db").string()) + " 2>&1");
  ASSERT_EQ(compact.exit_code, 0) << compact.out;
  auto after = json::parse(run(kIndex + " --stats --json --db " + sh_quote((copy / "db").string())).out);
  EXPECT_EQ(after["documents"], s["documents"]);
  EXPECT_EQ(run("xapian-check " + sh_quote((copy / "db").string()) + " >/dev/null 2>&1").exit_code, 0);
}

// --stats lists the 20 biggest sections with their counts, most first (ties
// by name), then how many more there are; --json the same as data.
TEST(CliIndex, StatsListTheTopTwentySectionsAndHowManyMore) {
  TempDir dir;
  std::filesystem::create_directories(dir / "in");
  const std::vector<std::string> singles = {"Arts",  "Books",   "Cars",    "Dance",    "Energy", "Farming", "Gardens",
                                            "Health", "Ideas",  "Jobs",    "Letters",  "Music",  "Nature",  "Opinion",
                                            "Property", "Radio", "Science", "Travel",  "Union",  "Weather", "Youth"};
  std::vector<std::string> sections = singles;
  sections.insert(sections.end(), {"world", "WORLD", "World", "Sport", "sport"});  // case normalised: one each
  for (std::size_t i = 0; i < sections.size(); ++i) {
    std::ofstream(dir / "in" / ("s" + std::to_string(i) + ".txt"))
        << "Feb 14, 2022 - " << sections[i] << "\n\nStory " << i << "\n\nA body for story " << i << ".\n";
  }
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run(kIndex + " --quiet --no-people --db " + sh_quote(db) + " " + sh_quote((dir / "in").string())).exit_code,
            0);
  json j = json::parse(run(kIndex + " --stats --json --db " + sh_quote(db)).out);
  EXPECT_EQ(j["sections_total"], 23);
  EXPECT_EQ(j["sections_more"], 3);
  ASSERT_EQ(j["sections"].size(), 20u);
  EXPECT_EQ(j["sections"][0], json::parse(R"({"value": "World", "count": 3})"));
  EXPECT_EQ(j["sections"][1], json::parse(R"({"value": "Sport", "count": 2})"));
  for (std::size_t i = 2; i < 20; ++i) EXPECT_EQ(j["sections"][i]["value"], singles[i - 2]) << i;
  auto text = run(kIndex + " --stats --db " + sh_quote(db));
  EXPECT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("sections:   23\n        3  World\n        2  Sport\n        1  Arts\n"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("        1  Travel\n  ... 3 more sections\n"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("Union"), std::string::npos) << text.out;
}

TEST(CliIndex, SigtermCommitsWhatIsDoneAndExitsCleanly) {
  TempDir dir;
  std::filesystem::create_directories(dir / "in");
  for (int i = 0; i < 3000; ++i) {
    std::ofstream(dir / "in" / ("s" + std::to_string(i) + ".txt"))
        << "Feb 14, 2022 - World\n\nStory " << i << "\n\nA body for story " << i << " with some words.\n";
  }
  std::string db = (dir / "db").string();
  auto r = run(kIndex + " --json --jobs 1 --batch 100 --db " + sh_quote(db) + " " + sh_quote((dir / "in").string()) +
               " 2>/dev/null & pid=$!; sleep 0.4; kill -TERM $pid; wait $pid; echo exit=$?");
  if (r.out.find("\"interrupted\":true") == std::string::npos) GTEST_SKIP() << "finished before the signal: " << r.out;
  EXPECT_NE(r.out.find("exit=3"), std::string::npos) << "a stopped run exits 3\n" << r.out;
  EXPECT_EQ(run("xapian-check " + sh_quote(db) + " >/dev/null 2>&1").exit_code, 0);
  auto rest = json::parse(run(kIndex + " --json --db " + sh_quote(db) + " " + sh_quote((dir / "in").string()) + " 2>/dev/null").out);
  EXPECT_EQ(rest["documents"], 3000);
}

TEST(CliIndex, BadFilesAreReportedAndTheRunGoesOn) {
  TempDir dir;
  std::filesystem::create_directories(dir / "in");
  std::ofstream(dir / "in" / "good.txt") << "Feb 14, 2022 - World\n\nA good story\n\nWith a body.\n";
  std::ofstream(dir / "in" / "empty.txt");
  std::ofstream(dir / "in" / "binary.html") << std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  auto r = run(kIndex + " --db " + sh_quote((dir / "db").string()) + " " + sh_quote((dir / "in").string()) + " 2>&1");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("empty.txt: empty file"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("binary.html: binary"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 added"), std::string::npos) << r.out;
  // Reindexing the same files replaces, never duplicates.
  std::ofstream(dir / "in" / "good.txt") << "Feb 14, 2022 - World\n\nA good story, updated\n\nWith a longer body.\n";
  auto again = run(kIndex + " --json --db " + sh_quote((dir / "db").string()) + " " + sh_quote((dir / "in").string()) + " 2>/dev/null");
  json summary = json::parse(again.out);
  EXPECT_EQ(summary["documents"], 1);
  EXPECT_EQ(summary["updated"], 1);
}

}  // namespace
}  // namespace morgue
