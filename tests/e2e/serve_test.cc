// End-to-end: the service (morgue-serve, and `morgue-search --serve`, which
// execs it) on a free loopback port against an index of corpus/articles,
// spoken to over real HTTP; and CGI mode.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "morgue/search.h"
#include "support/run.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using nlohmann::json;
using testing_support::run;
using testing_support::sh_quote;
using testing_support::TempDir;

const std::string kIndex = MORGUE_INDEX_BIN;
const std::string kSearch = MORGUE_SEARCH_BIN;
const std::string kServe = MORGUE_SERVE_BIN;
const std::string kCorpus = std::string(MORGUE_TEST_SOURCE_DIR) + "/corpus/articles";
// The core's own limit: search.h's constants need no linking.
constexpr std::size_t kMaxQueryBytesForTest = morgue::kMaxQueryBytes;

// The service, through `morgue-search --serve` unless `launcher` (the shell
// command that starts it, before the flags) says otherwise.
class Server : public testing_support::ServerProcess {
 public:
  Server(const std::string& db, const std::filesystem::path& log,
         const std::string& launcher = sh_quote(kSearch) + " --serve")
      : ServerProcess(launcher, "--threads 4", db, log) {}
};

class ServeTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto r = run(kIndex + " --quiet --db " + sh_quote(db()) + " " + sh_quote(kCorpus) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    server_ = new Server(db(), *dir_ / "server.log");
    ASSERT_GT(server_->port(), 0) << server_->log();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static std::string db() { return (dir_->path() / "db").string(); }

  httplib::Client client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(10, 0);
    return c;
  }

  json get_json(const std::string& target, int expect_status = 200) {
    auto c = client();
    auto res = c.Get(target.c_str());
    EXPECT_TRUE(res) << target;
    if (!res) return json();
    EXPECT_EQ(res->status, expect_status) << target << "\n" << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << target;
    return json::parse(res->body);
  }

  static TempDir* dir_;
  static Server* server_;
};

TempDir* ServeTest::dir_ = nullptr;
Server* ServeTest::server_ = nullptr;

TEST_F(ServeTest, HealthCountsDocuments) {
  json j = get_json("/healthz");
  EXPECT_EQ(j["status"], "ok");
  EXPECT_GE(j["documents"].get<int>(), 46);
}

// The service answers each source relative to the folder it was indexed from
// (the CLI, run by whoever owns the files, prints the full path): checks that
// and makes the two answers comparable.
json with_cli_sources(json api, const json& cli) {
  for (std::size_t i = 0; i < api["results"].size() && i < cli["results"].size(); ++i) {
    const std::string relative = api["results"][i]["source"], full = cli["results"][i]["source"];
    EXPECT_NE(relative.front(), '/') << relative;
    EXPECT_EQ(full.substr(full.size() - relative.size() - 1), "/" + relative) << full;
    api["results"][i]["source"] = full;
  }
  return api;
}

TEST_F(ServeTest, SearchAnswersExactlyWhatTheCliPrints) {
  json api = get_json("/api/search?q=okonkwo&facets=1&limit=5&sort=date");
  auto cli = run(kSearch + " --db " + sh_quote(db()) + " --json --facets --limit 5 --sort date okonkwo");
  ASSERT_EQ(cli.exit_code, 0) << cli.out;
  EXPECT_EQ(with_cli_sources(api, json::parse(cli.out)), json::parse(cli.out));
  EXPECT_EQ(api["results"].size(), 5u);
  // Filters: parameters and flags fill the same SearchFilters.
  json filtered = get_json("/api/search?q=okonkwo&section=Politics&person=Adaeze%20Okonkwo&date=2019..2024&limit=3");
  auto cli_filtered = run(kSearch + " --db " + sh_quote(db()) +
                          " --json --section Politics --person 'Adaeze Okonkwo' --date 2019..2024 --limit 3 okonkwo");
  ASSERT_EQ(cli_filtered.exit_code, 0) << cli_filtered.out;
  EXPECT_EQ(with_cli_sources(filtered, json::parse(cli_filtered.out)), json::parse(cli_filtered.out));
  EXPECT_EQ(filtered["query"], "okonkwo");
}

TEST_F(ServeTest, SimilarAnswersWhatTheCliPrints) {
  json found = get_json("/api/search?q=bioluminescent");
  ASSERT_FALSE(found["results"].empty());
  const std::string id = found["results"][0]["id"];
  json api = get_json("/api/similar/" + id + "?limit=3");
  EXPECT_FALSE(api["results"].empty());
  auto cli = run(kSearch + " --db " + sh_quote(db()) + " --json --limit 3 --like " + id);
  ASSERT_EQ(cli.exit_code, 0) << cli.out;
  EXPECT_EQ(with_cli_sources(api, json::parse(cli.out)), json::parse(cli.out));
  EXPECT_NE(get_json("/api/similar/ffffffffffffffff", 404)["error"].get<std::string>().find("no story"),
            std::string::npos);
  get_json("/api/similar/not-an-id", 404);
}

// A pasted article is longer than a request line (8 KiB): the search APIs
// take their parameters from a POST body too, form-encoded, past httplib's
// own 8 KiB limit for such bodies.
TEST_F(ServeTest, LongTextArrivesByPost) {
  std::string text;
  while (text.size() <= kMaxQueryBytesForTest) text += "harbour ";
  auto c = client();
  auto too_long = c.Post("/api/search", "limit=1&q=" + text, "application/x-www-form-urlencoded");
  ASSERT_TRUE(too_long);
  EXPECT_EQ(too_long->status, 400) << too_long->body;  // our limit, not httplib's 413
  EXPECT_NE(too_long->body.find("query too long"), std::string::npos) << too_long->body;
  auto short_post = c.Post("/api/search?limit=2", "q=harbour&section=World", "application/x-www-form-urlencoded");
  ASSERT_TRUE(short_post);
  EXPECT_EQ(short_post->status, 200) << short_post->body;
  EXPECT_EQ(json::parse(short_post->body), get_json("/api/search?limit=2&q=harbour&section=World"));
}

// Needs the core to take queries of kMaxQueryBytes (it refused more than 1,024 bytes).
TEST_F(ServeTest, PastedTextOf12000BytesIsAQuery) {
  std::string text;
  while (text.size() < 12000) text += "the harbour authority said the fire at the warehouses was out ";
  auto c = client();
  auto res = c.Post("/api/search", "limit=3&q=" + text, "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_FALSE(json::parse(res->body)["results"].empty()) << res->body;
}

TEST_F(ServeTest, FiltersAndPaging) {
  json all = get_json("/api/search?q=okonkwo&facets=1");
  json politics = get_json("/api/search?q=okonkwo&section=Politics&limit=3&offset=3");
  EXPECT_LT(politics["total"].get<int>(), all["total"].get<int>());
  EXPECT_EQ(politics["offset"], 3);
  for (const auto& hit : politics["results"]) EXPECT_EQ(hit["section"], "Politics");
  json feb = get_json("/api/search?date=2022-02&limit=20&all_versions=1");
  EXPECT_EQ(feb["total"], 9);  // corpus/README.md: nine files from February 2022
  EXPECT_LT(get_json("/api/search?date=2022-02&limit=20")["total"], 9);  // wire copy collapsed
  EXPECT_EQ(get_json("/api/search?q=x&limit=100000")["limit"], 100);
}

TEST_F(ServeTest, InjectionArticleIsServedAsData) {
  json j = get_json("/api/search?q=injection+gallery&section=Culture");
  ASSERT_FALSE(j["results"].empty());
  std::string snippet = j["results"][0]["snippet"];
  EXPECT_EQ(snippet.find("<script"), std::string::npos) << snippet;
  json article = get_json("/api/article/" + j["results"][0]["id"].get<std::string>());
  std::string body = article["body"];
  EXPECT_NE(body.find("<script>alert(1)</script>"), std::string::npos);
  EXPECT_NE(body.find("<img src=x onerror=alert(2)>"), std::string::npos);
  get_json("/api/article/ffffffffffffffff", 404);
}

TEST_F(ServeTest, ErrorsHaveFittingStatuses) {
  EXPECT_NE(get_json("/api/search?q=date:2022-13", 400)["error"].get<std::string>().find("bad query"),
            std::string::npos);
  get_json("/api/search?q=x&sort=sideways", 400);
  get_json("/api/search?q=x&date=2022+OR+y", 400);
  get_json("/api/search?q=x&date=2022&date=2023", 400);
  get_json("/no/such/path", 404);
  get_json("/assets/../../../etc/passwd", 404);
  get_json("/assets/%2e%2e/%2e%2e/etc/passwd", 404);
  get_json("/" + std::string(10000, 'a'), 414);  // longer than cpp-httplib's request-line limit
  auto c = client();
  auto post = c.Post("/", "q=x", "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  auto put = c.Put("/api/search", "q=x", "application/x-www-form-urlencoded");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 405);
  EXPECT_EQ(put->get_header_value("Allow"), "GET, HEAD, POST");
  auto empty_post = c.Post("/api/search", "", "application/x-www-form-urlencoded");
  ASSERT_TRUE(empty_post);
  EXPECT_EQ(empty_post->status, 400) << empty_post->body;  // no query
  // Still serving after all that.
  get_json("/healthz");
}

TEST_F(ServeTest, PageWithSecurityHeaders) {
  auto c = client();
  auto page = c.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(page->body.find("/assets/app.js"), std::string::npos);
  auto js = c.Get("/assets/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  auto head = c.Head("/healthz");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
}

// /story/ID and /person/NAME: HTML pages under the page's policy, 404 pages
// (HTML too) for unknown or malformed ids and names.
TEST_F(ServeTest, StoryAndPersonPages) {
  json hits = get_json("/api/search?q=injection+gallery&section=Culture");
  ASSERT_FALSE(hits["results"].empty());
  const std::string id = hits["results"][0]["id"];
  auto c = client();
  auto story = c.Get(("/story/" + id + "?q=gallery").c_str());
  ASSERT_TRUE(story);
  EXPECT_EQ(story->status, 200);
  EXPECT_EQ(story->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(story->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_NE(story->body.find("<mark>gallery</mark>"), std::string::npos) << story->body;
  EXPECT_NE(story->body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(story->body.find("<script>alert"), std::string::npos);
  EXPECT_EQ(story->body.find("<img"), std::string::npos);
  EXPECT_NE(story->body.find("<script src=\"/assets/theme.js\"></script>"), std::string::npos);
  auto theme = c.Get("/assets/theme.js");
  ASSERT_TRUE(theme);
  EXPECT_EQ(theme->get_header_value("Content-Type"), "text/javascript; charset=utf-8");

  json okonkwo = get_json("/api/search?q=okonkwo&facets=1");
  const std::string name = okonkwo["facets"]["people"][0]["value"];
  auto person = c.Get(("/person/" + name).c_str())  /* the client %-encodes the space */;
  ASSERT_TRUE(person);
  EXPECT_EQ(person->status, 200) << name;
  EXPECT_NE(person->body.find("<svg class=\"person-timeline\""), std::string::npos);
  EXPECT_NE(person->body.find("<title>" + name + " · Morgue</title>"), std::string::npos);

  for (const char* target : {"/story/ffffffffffffffff", "/story/not-an-id", "/story/", "/story/%00",
                             "/person/Nobody%20Atall", "/person/", "/person/%01bell", "/person/%20"}) {
    auto missing = c.Get(target);
    ASSERT_TRUE(missing) << target;
    EXPECT_EQ(missing->status, 404) << target;
    EXPECT_EQ(missing->get_header_value("Content-Type"), "text/html; charset=utf-8") << target;
  }
  auto long_name = c.Get(("/person/" + std::string(300, 'a')).c_str());
  ASSERT_TRUE(long_name);
  EXPECT_EQ(long_name->status, 404);
  get_json("/healthz");
}

TEST_F(ServeTest, AccessLogHasOneLinePerRequest) {
  get_json("/api/search?q=marker-for-the-log", 200);
  const std::regex line(R"(\n\S+Z 127\.0\.0\.1 GET /api/search\?q=marker-for-the-log 200 \d+ [0-9.]+ms\n)");
  // The line is written just after the answer is sent: give it a moment.
  std::string log;
  for (int i = 0; i < 100; ++i) {
    log = server_->log();
    if (std::regex_search(log, line)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(std::regex_search(log, line)) << log;
}

TEST_F(ServeTest, SeesTheIndexersNewCommitsWithoutRestart) {
  EXPECT_EQ(get_json("/api/search?q=zeppelinarium")["total"], 0);
  std::filesystem::create_directories(*dir_ / "late");
  std::ofstream(*dir_ / "late" / "late.txt") << "Mar 1, 2025 - Science\n\nThe zeppelinarium opens\n\n"
                                                "A museum of airships, the zeppelinarium, opened on Saturday.\n";
  auto r = run(kIndex + " --quiet --db " + sh_quote(db()) + " " + sh_quote((*dir_ / "late").string()) + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(get_json("/api/search?q=zeppelinarium")["total"], 1);
}

TEST(ServeLifecycle, SigtermStopsCleanlyAndMissingDatabaseIs503) {
  TempDir dir;
  Server server((dir / "not-yet").string(), dir / "server.log");
  ASSERT_GT(server.port(), 0) << server.log();
  httplib::Client c("127.0.0.1", server.port());
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 503);
  EXPECT_EQ(json::parse(health->body)["status"], "unavailable");
  EXPECT_EQ(server.terminate(), 0) << server.log();
  EXPECT_NE(server.log().find("stopped"), std::string::npos) << server.log();
}

// --strict and --timeout reach the service's searchers (ServiceOptions::open):
// a stub with a missing shard answers from the other one with a warning, and
// 503 with --strict.
TEST_F(ServeTest, StrictMakesAMissingShardAnError) {
  auto stub = *dir_ / "one-missing.stub";
  std::ofstream(stub) << "auto " << db() << "\n"
                      << "auto " << (*dir_ / "no-such-shard").string() << "\n";
  for (bool strict : {false, true}) {
    SCOPED_TRACE(strict ? "--strict" : "lenient");
    std::string launcher = sh_quote(kServe) + " --timeout 2000" + (strict ? " --strict" : "");
    Server server(stub.string(), *dir_ / (strict ? "strict.log" : "lenient.log"), launcher);
    ASSERT_GT(server.port(), 0) << server.log();
    httplib::Client c("127.0.0.1", server.port());
    c.set_read_timeout(10, 0);
    auto res = c.Get("/api/search?q=okonkwo");
    ASSERT_TRUE(res);
    if (strict) {
      EXPECT_EQ(res->status, 503) << res->body;
      EXPECT_NE(res->body.find("no-such-shard"), std::string::npos) << res->body;
    } else {
      ASSERT_EQ(res->status, 200) << res->body;
      EXPECT_FALSE(json::parse(res->body)["warnings"].empty()) << res->body;
    }
  }
}

TEST(ServeLifecycle, RefusesABadListenAddress) {
  for (const auto& launcher : {kSearch + " --serve", kServe, kServe + " --serve"}) {
    auto r = run(launcher + " --listen nonsense 2>&1");
    EXPECT_EQ(r.exit_code, 2) << launcher;
    EXPECT_NE(r.out.find("--listen"), std::string::npos) << launcher << "\n" << r.out;
    EXPECT_EQ(run(launcher + " --db x some query 2>&1").exit_code, 2) << launcher;
  }
}

// morgue-serve is the service; `morgue-search --serve ARGS` execs the
// morgue-serve beside it with the same ARGS, in the same process (so SIGTERM
// to the pid the caller holds stops the service).
TEST(ServeLifecycle, MorgueServeDirectlyAndThroughMorgueSearch) {
  TempDir dir;
  auto indexed = run(kIndex + " --quiet --db " + sh_quote((dir / "db").string()) + " " + sh_quote(kCorpus) + " 2>&1");
  ASSERT_EQ(indexed.exit_code, 0) << indexed.out;
  const std::string launchers[] = {sh_quote(kServe), sh_quote(kServe) + " --serve", sh_quote(kSearch) + " --serve"};
  int n = 0;
  for (const auto& launcher : launchers) {
    SCOPED_TRACE(launcher);
    auto log = dir / ("server-" + std::to_string(n++) + ".log");
    Server server((dir / "db").string(), log, launcher);
    ASSERT_GT(server.port(), 0) << server.log();
    EXPECT_NE(server.log().find("morgue-serve: listening on"), std::string::npos) << server.log();
    httplib::Client c("127.0.0.1", server.port());
    c.set_read_timeout(10, 0);
    auto health = c.Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    EXPECT_GE(json::parse(health->body)["documents"].get<int>(), 46);
    auto search = c.Get("/api/search?q=bioluminescent");
    ASSERT_TRUE(search);
    EXPECT_EQ(json::parse(search->body)["total"], 1) << search->body;
    EXPECT_EQ(server.terminate(), 0) << server.log();
    EXPECT_NE(server.log().find("stopped"), std::string::npos) << server.log();
  }
}

// --count-budget reaches the service (ServiceOptions::count_budget): with a
// budget of one posting the total is an estimate and the facets partial, and
// the answer says so; the shared server (default budget) counts exactly.
TEST_F(ServeTest, CountBudgetFlagReachesTheService) {
  const std::string target = "/api/search?q=the&facets=1";
  json exact = get_json(target);
  EXPECT_TRUE(exact["total_exact"].get<bool>());
  EXPECT_TRUE(exact["warnings"].empty()) << exact["warnings"];
  EXPECT_EQ(exact["facets"]["partial"], false) << exact["facets"];

  Server tiny(db(), *dir_ / "budget.log", sh_quote(kServe) + " --count-budget 1");
  ASSERT_GT(tiny.port(), 0) << tiny.log();
  httplib::Client c("127.0.0.1", tiny.port());
  c.set_read_timeout(10, 0);
  auto res = c.Get(target.c_str());
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json cut = json::parse(res->body);
  EXPECT_FALSE(cut["total_exact"].get<bool>()) << res->body;
  const std::string warnings = cut["warnings"].dump();
  EXPECT_NE(warnings.find("the total is an estimate"), std::string::npos) << warnings;
  EXPECT_NE(warnings.find("they cover part of the matches"), std::string::npos) << warnings;
  EXPECT_EQ(cut["facets"]["partial"], true) << cut["facets"];
}

// A morgue-search with no morgue-serve beside it runs the one on PATH, and
// says why when there is none.
TEST(ServeLifecycle, MorgueSearchFindsMorgueServeOnPathOrSaysWhy) {
  TempDir dir;
  std::filesystem::copy_file(kSearch, dir / "morgue-search");
  const std::string lone = sh_quote((dir / "morgue-search").string());
  const std::string serve_dir = std::filesystem::path(kServe).parent_path().string();
  Server server((dir / "no-db").string(), dir / "server.log", "env PATH=" + sh_quote(serve_dir) + " " + lone + " --serve");
  ASSERT_GT(server.port(), 0) << server.log();
  EXPECT_EQ(server.terminate(), 0) << server.log();

  auto r = run("env PATH=/nonexistent " + lone + " --serve --listen 127.0.0.1:0 2>&1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("morgue-search: cannot start morgue-serve: No such file or directory"), std::string::npos)
      << r.out;
}

class CgiTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto r = run(kIndex + " --quiet --db " + sh_quote((dir_->path() / "db").string()) + " " + sh_quote(kCorpus));
    ASSERT_EQ(r.exit_code, 0);
  }
  static void TearDownTestSuite() { delete dir_; }

  // Runs morgue-search as a web server would: the request in the environment.
  static std::pair<std::string, std::string> cgi(const std::string& query_string, const std::string& extra = "") {
    auto r = run("env -i GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET QUERY_STRING=" + sh_quote(query_string) +
                 " " + extra + " " + kSearch + " --db " + sh_quote((dir_->path() / "db").string()));
    EXPECT_EQ(r.exit_code, 0);
    auto split = r.out.find("\n\n");
    if (split == std::string::npos) return {r.out, ""};
    return {r.out.substr(0, split + 1), r.out.substr(split + 2)};
  }

  static TempDir* dir_;
};

TempDir* CgiTest::dir_ = nullptr;

TEST_F(CgiTest, AnswersOneSearch) {
  auto [headers, body] = cgi("q=harbour&limit=3");
  EXPECT_EQ(headers.rfind("Content-Type: application/json\n", 0), 0u) << headers;
  EXPECT_EQ(headers.find("Status:"), std::string::npos) << headers;
  json j = json::parse(body);
  EXPECT_EQ(j["query"], "harbour");
  EXPECT_EQ(j["results"].size(), 3u);
}

TEST_F(CgiTest, PostTakesTheParametersFromStandardInput) {
  const std::string body = "q=harbour&section=World";
  auto r = run("printf %s " + sh_quote(body) + " | env -i GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=POST CONTENT_LENGTH=" +
               std::to_string(body.size()) + " QUERY_STRING=limit=2 " + kSearch + " --db " +
               sh_quote((dir_->path() / "db").string()));
  ASSERT_EQ(r.exit_code, 0);
  auto split = r.out.find("\n\n");
  ASSERT_NE(split, std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Status:"), std::string::npos) << r.out;
  json post = json::parse(r.out.substr(split + 2));
  EXPECT_EQ(post, json::parse(cgi("q=harbour&section=World&limit=2").second));
  EXPECT_EQ(post["query"], "harbour");
}

TEST_F(CgiTest, ErrorsCarryAStatusHeader) {
  auto [headers, body] = cgi("q=date:2022-13");
  EXPECT_EQ(headers.rfind("Status: 400 Bad Request\n", 0), 0u) << headers;
  EXPECT_TRUE(json::parse(body).contains("error"));
  auto article = cgi("", "PATH_INFO=/api/article/ffffffffffffffff");
  EXPECT_EQ(article.first.rfind("Status: 404", 0), 0u) << article.first;
}

}  // namespace
}  // namespace morgue
