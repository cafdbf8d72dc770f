// The HTTP service's core (Service::handle) without sockets, on a small
// archive: routes, statuses, the page's headers, reopen, time limit.
#include "morgue/service.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "morgue/index_writer.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using nlohmann::json;
using testing_support::TempDir;

// ---- the service on a small archive ------------------------------------------

const char* kStories[][2] = {
    {"fire.txt", "Aug 9, 2021 - World\n\nFire at the harbour\n\nA fire broke out at the harbour warehouses "
                 "overnight, the harbour authority said.\n"},
    {"budget.txt", "Feb 20, 2022 - Politics\n\nHarbour budget row\n\nCouncillors argued about the harbour "
                   "budget on Sunday.\n"},
    {"art.txt", "Mar 10, 2023 - Culture\n\nInjection art show\n\nThe gallery wall shows "
                "<script>alert(1)</script> and <img src=x onerror=alert(2)> in neon.\n"},
};

class ServiceTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::filesystem::create_directories(*dir_ / "in");
    for (const auto& s : kStories) std::ofstream(*dir_ / "in" / s[0]) << s[1];
    index(*dir_ / "in");
    service_ = new Service(options());
  }
  static void TearDownTestSuite() {
    delete service_;
    delete dir_;
  }

  // One service with the default options, for the tests that need no other.
  static Service& service() { return *service_; }

  static void index(const std::filesystem::path& input) {
    IndexOptions options;
    options.db_path = *dir_ / "db";
    options.inputs = {input};
    options.jobs = 1;
    run_index(options);
  }

  static ServiceOptions options() {
    ServiceOptions o;
    o.db_path = (*dir_ / "db").string();
    o.assets_dir = std::filesystem::path(MORGUE_TEST_SOURCE_DIR) / "searcher" / "assets";
    return o;
  }

  static HttpAnswer get(Service& service, const std::string& path, const std::string& query = "") {
    return service.handle(HttpRequest{"GET", path, query, ""});
  }

  static std::string header(const HttpAnswer& a, const std::string& name) {
    for (const auto& [n, v] : a.headers) {
      if (n == name) return v;
    }
    return "";
  }

  static TempDir* dir_;
  static Service* service_;
};

TempDir* ServiceTest::dir_ = nullptr;
Service* ServiceTest::service_ = nullptr;

TEST_F(ServiceTest, SearchAnswersTheCliJsonSchema) {
  Service service(options());
  HttpAnswer a = get(service, "/api/search", "q=harbour&facets=1&limit=1");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.content_type, "application/json");
  json j = json::parse(a.body);
  for (const char* key : {"query", "total", "total_exact", "total_all_words", "offset", "limit", "results",
                          "suggestion", "warnings", "facets", "filters"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["total"], 2);
  EXPECT_EQ(j["total_exact"], true);
  EXPECT_TRUE(j["filters"].is_array());
  EXPECT_FALSE(j.contains("reduced_terms"));  // only for pasted text
  ASSERT_EQ(j["results"].size(), 1u);
  EXPECT_EQ(j["results"][0]["match"], "all");
  EXPECT_NE(j["results"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  EXPECT_EQ(header(a, "X-Content-Type-Options"), "nosniff");
}

TEST_F(ServiceTest, SourcesAreRelativeToTheArchiveUnlessAskedForInFull) {
  // The fixture indexes the folder "in": its stories are shown by file name.
  json j = json::parse(get(service(), "/api/search", "q=harbour&sort=date").body);
  ASSERT_EQ(j["results"].size(), 2u);
  EXPECT_EQ(j["results"][0]["source"], "budget.txt");
  EXPECT_EQ(j["results"][1]["source"], "fire.txt");
  const std::string id = j["results"][0]["id"];
  EXPECT_EQ(json::parse(get(service(), "/api/article/" + id).body)["source"], "budget.txt");
  ServiceOptions o = options();
  o.absolute_paths = true;
  Service full(o);
  j = json::parse(get(full, "/api/search", "q=harbour&sort=date").body);
  EXPECT_EQ(j["results"][0]["source"], (*dir_ / "in" / "budget.txt").string());
  EXPECT_EQ(json::parse(get(full, "/api/article/" + id).body)["source"], (*dir_ / "in" / "budget.txt").string());
}

// Needs the core's SearchFilters (the service no longer pastes filters into q).
TEST_F(ServiceTest, FiltersNarrowTheQuery) {
  Service service(options());
  json j = json::parse(get(service, "/api/search", "q=harbour&section=Politics").body);
  ASSERT_EQ(j["results"].size(), 1u);
  EXPECT_EQ(j["results"][0]["title"], "Harbour budget row");
  // The filter applies to both sides of the OR.
  j = json::parse(get(service, "/api/search", "q=harbour+OR+gallery&section=Politics").body);
  ASSERT_EQ(j["results"].size(), 1u);
  EXPECT_EQ(j["results"][0]["title"], "Harbour budget row");
  j = json::parse(get(service, "/api/search", "q=harbour&date=2021").body);
  ASSERT_EQ(j["results"].size(), 1u);
  EXPECT_EQ(j["results"][0]["title"], "Fire at the harbour");
}

// A facet value is matched as a whole value: quotes and OR inside it find
// nothing instead of widening the search. Needs the core's SearchFilters.
TEST_F(ServiceTest, AFilterValueCannotWidenTheSearch) {
  for (const char* query : {"q=harbour&section=Politics%22+OR+%22World", "q=harbour&section=Politics)+OR+(section:World",
                            "q=harbour&section=x%22+OR+harbour+OR+%22y"}) {
    SCOPED_TRACE(query);
    HttpAnswer a = get(service(), "/api/search", query);
    ASSERT_EQ(a.status, 200) << a.body;
    json j = json::parse(a.body);
    EXPECT_EQ(j["query"], "harbour");
    EXPECT_EQ(j["total"], 0) << a.body;
  }
}

// The filters of the request come back in the answer, for the page's chips.
// Needs the core's AppliedFilter list.
TEST_F(ServiceTest, FiltersAreEchoedInTheAnswer) {
  json j = json::parse(get(service(), "/api/search", "q=harbour&section=Politics&date=2022").body);
  EXPECT_EQ(j["query"], "harbour");
  ASSERT_EQ(j["filters"].size(), 2u) << j.dump();
  bool section = false, date = false;
  for (const auto& f : j["filters"]) {
    EXPECT_EQ(f["origin"], "request") << f;
    EXPECT_EQ(f["dropped"], false) << f;
    if (f["field"] == "section" && f["value"] == "Politics") section = true;
    if (f["field"] == "date" && f["value"] == "2022") {
      date = true;
      EXPECT_EQ(f["from"], "2022-01-01") << f;
      EXPECT_EQ(f["to"], "2022-12-31") << f;
    }
  }
  EXPECT_TRUE(section && date) << j["filters"].dump();
}

TEST_F(ServiceTest, PagingPastTheEndIsNotAnError) {
  HttpAnswer a = get(service(), "/api/search", "q=harbour&offset=50");
  ASSERT_EQ(a.status, 200) << a.body;
  json j = json::parse(a.body);
  EXPECT_TRUE(j["results"].empty());
  EXPECT_EQ(j["total"], 2);
  EXPECT_EQ(j["offset"], 50);
}

// POST takes the same parameters from the body (a pasted text longer than a
// request line); the query string's come first.
TEST_F(ServiceTest, PostTakesTheParametersFromTheBody) {
  HttpAnswer get_answer = get(service(), "/api/search", "q=harbour&section=Politics&limit=1");
  HttpAnswer post_answer = service().handle(HttpRequest{"POST", "/api/search", "limit=1", "q=harbour&section=Politics"});
  ASSERT_EQ(post_answer.status, 200) << post_answer.body;
  EXPECT_EQ(json::parse(post_answer.body), json::parse(get_answer.body));
  // A body is read only for POST.
  EXPECT_EQ(service().handle(HttpRequest{"GET", "/api/search", "", "q=harbour"}).status, 400);
  EXPECT_EQ(service().handle(HttpRequest{"POST", "/api/search", "", ""}).status, 400);
}

TEST_F(ServiceTest, SimilarStoriesRouteAndValidate) {
  json found = json::parse(get(service(), "/api/search", "q=budget").body);
  ASSERT_EQ(found["results"].size(), 1u);
  const std::string id = found["results"][0]["id"];
  HttpAnswer a = get(service(), "/api/similar/" + id, "limit=5");
  ASSERT_EQ(a.status, 200) << a.body;
  json j = json::parse(a.body);
  EXPECT_TRUE(j.contains("results") && j.contains("total") && j.contains("filters")) << a.body;
  EXPECT_EQ(j["limit"], 5);
  // The same parameters as /api/search, POST too.
  EXPECT_EQ(get(service(), "/api/similar/" + id, "q=harbour&section=World&facets=1").status, 200);
  EXPECT_EQ(service().handle(HttpRequest{"POST", "/api/similar/" + id, "", "q=harbour"}).status, 200);
  struct Case {
    std::string path, query;
    int status;
  } cases[] = {
      {"/api/similar/0123456789abcdef", "", 404},      // no such story
      {"/api/similar/" + id + "0", "", 404},            // not an id
      {"/api/similar/0123456789ABCDEF", "", 404},
      {"/api/similar/", "", 404},
      {"/api/similar/../../etc/passwd", "", 404},
      {"/api/similar/" + id, "date=soon", 400},          // a bad parameter is still a 400
      {"/api/similar/" + id, "q=date:2022-13", 400},     // and a bad query too, not a 404
      {"/api/similar/" + id, "limit=x", 400},
  };
  for (const auto& c : cases) {
    HttpAnswer answer = get(service(), c.path, c.query);
    EXPECT_EQ(answer.status, c.status) << c.path << "?" << c.query << "\n" << answer.body;
    EXPECT_TRUE(json::parse(answer.body).contains("error")) << answer.body;
  }
  EXPECT_NE(json::parse(get(service(), "/api/similar/0123456789abcdef").body)["error"].get<std::string>().find(
                "no story with id 0123456789abcdef"),
            std::string::npos);
}

TEST_F(ServiceTest, MarkupInArticlesStaysEscaped) {
  Service service(options());
  json j = json::parse(get(service, "/api/search", "q=gallery+neon").body);
  ASSERT_EQ(j["results"].size(), 1u);
  std::string snippet = j["results"][0]["snippet"];
  EXPECT_EQ(snippet.find("<script"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.find("<img"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("&lt;script&gt;"), std::string::npos) << snippet;
  // The article API gives the text as it is: JSON, so the page puts it in text nodes.
  HttpAnswer a = get(service, "/api/article/" + j["results"][0]["id"].get<std::string>());
  ASSERT_EQ(a.status, 200);
  json article = json::parse(a.body);
  EXPECT_NE(article["body"].get<std::string>().find("<script>alert(1)</script>"), std::string::npos);
  EXPECT_EQ(article["id"], j["results"][0]["id"]);
}

TEST_F(ServiceTest, ErrorsAreJsonWithFittingStatus) {
  Service service(options());
  struct Case {
    std::string method, path, query;
    int status;
  } cases[] = {
      {"GET", "/api/search", "q=date:2022-13", 400},
      {"GET", "/api/search", "q=x&limit=many", 400},
      {"GET", "/api/search", "", 400},
      {"GET", "/api/search", "q=" + std::string(kMaxQueryBytes + 1, 'a'), 400},
      {"GET", "/api/search", "q=x&date=2022+OR+y", 400},
      {"GET", "/api/search", "q=x&date=2022&date=2023", 400},
      {"GET", "/api/search", "q=x&section=", 400},
      {"GET", "/api/search", "q=a*", 200},
      {"GET", "/nowhere", "", 404},
      {"GET", "/api/article/0123456789abcdef", "", 404},
      {"GET", "/api/article/../../etc/passwd", "", 404},
      {"GET", "/api/article/", "", 404},
      {"GET", "/api/similar/0123456789abcdef", "", 404},
      {"PUT", "/api/search", "q=x", 405},
      {"POST", "/", "", 405},
      {"POST", "/api/article/0123456789abcdef", "", 405},
      {"DELETE", "/", "", 405},
  };
  for (const auto& c : cases) {
    HttpAnswer a = service.handle(HttpRequest{c.method, c.path, c.query, ""});
    EXPECT_EQ(a.status, c.status) << c.method << " " << c.path << "?" << c.query.substr(0, 40) << "\n" << a.body;
    json j = json::parse(a.body);
    if (c.status != 200) {
      EXPECT_TRUE(j.contains("error")) << a.body;
    }
    if (c.status == 405) {
      EXPECT_EQ(header(a, "Allow"), c.path == "/api/search" ? "GET, HEAD, POST" : "GET, HEAD");
    }
  }
}

// The page's search box takes as much as the service does (kMaxQueryBytes),
// not a number of its own.
TEST_F(ServiceTest, PageAllowsQueriesUpToTheCoreLimit) {
  HttpAnswer page = get(service(), "/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("maxlength=\"" + std::to_string(kMaxQueryBytes) + "\""), std::string::npos);
}

TEST_F(ServiceTest, PageFilesAreBuiltIntoTheBinary) {
  // No folder: the copy built into the library, byte for byte the sources'.
  ServiceOptions o = options();
  o.assets_dir.clear();
  unsetenv("MORGUE_ASSETS_DIR");
  Service service(o);
  const auto source = std::filesystem::path(MORGUE_TEST_SOURCE_DIR) / "searcher" / "assets";
  for (const auto& [path, file] : {std::pair{"/", "index.html"}, {"/assets/app.js", "app.js"},
                                   {"/assets/theme.js", "theme.js"}, {"/assets/style.css", "style.css"},
                                   {"/assets/favicon.svg", "favicon.svg"}}) {
    std::ifstream in(source / file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    HttpAnswer a = get(service, path);
    EXPECT_EQ(a.status, 200) << path;
    EXPECT_EQ(a.body, bytes.str()) << path;
  }
  for (const auto& warning : service.startup_warnings()) EXPECT_EQ(warning.find("no "), std::string::npos) << warning;
}

TEST_F(ServiceTest, PageAndAssetsOnlyFromTheAllowList) {
  Service service(options());
  HttpAnswer page = get(service, "/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(header(page, "Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(header(page, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(get(service, "/assets/app.js").content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(get(service, "/assets/style.css").content_type, "text/css; charset=utf-8");
  EXPECT_EQ(get(service, "/assets/favicon.svg").content_type, "image/svg+xml");
  for (const char* path : {"/assets/", "/assets", "/assets/../CMakeLists.txt", "/assets/..%2fCMakeLists.txt",
                           "/assets/app.js/", "/assets/APP.JS", "/assets/index.html", "/assets//etc/passwd",
                           "//etc/passwd", "/assets/style.css.map"}) {
    HttpAnswer a = get(service, path);
    EXPECT_EQ(a.status, 404) << path;
    EXPECT_EQ(a.content_type, "application/json") << path;
  }
  // The CSP only works if the page has no inline code of its own.
  EXPECT_EQ(page.body.find("<script>"), std::string::npos);
  EXPECT_EQ(page.body.find("style="), std::string::npos);
  EXPECT_EQ(page.body.find(" on"), std::string::npos);
}

TEST_F(ServiceTest, HealthAndMissingDatabase) {
  Service service(options());
  HttpAnswer ok = get(service, "/healthz");
  ASSERT_EQ(ok.status, 200);
  EXPECT_EQ(json::parse(ok.body)["documents"], std::size(kStories));

  ServiceOptions broken = options();
  broken.db_path = (*dir_ / "no-such-db").string();
  Service missing(broken);
  EXPECT_FALSE(missing.startup_warnings().empty());
  HttpAnswer down = get(missing, "/healthz");
  EXPECT_EQ(down.status, 503);
  EXPECT_EQ(json::parse(down.body)["status"], "unavailable");
  EXPECT_EQ(get(missing, "/api/search", "q=harbour").status, 503);
  EXPECT_EQ(get(missing, "/api/article/0123456789abcdef").status, 503);
  // The server-rendered pages answer as pages, not as JSON.
  for (const char* page : {"/story/0123456789abcdef", "/person/Ada%20Lovelace"}) {
    HttpAnswer html = get(missing, page);
    EXPECT_EQ(html.status, 503) << page;
    EXPECT_EQ(html.content_type.rfind("text/html", 0), 0u) << page << ": " << html.content_type;
    EXPECT_NE(html.body.find("<html"), std::string::npos) << page;
  }
}

// ServiceOptions::open reaches the searchers: a stub with a missing shard
// answers from the other shard with a warning, and is an error (503) with
// strict, as `morgue-serve --strict` promises (docs/deployment.md).
TEST_F(ServiceTest, StrictOpenOptionsMakeAMissingShardAnError) {
  std::ofstream(*dir_ / "one-missing.stub") << "auto " << (*dir_ / "db").string() << "\n"
                                            << "auto " << (*dir_ / "no-such-shard").string() << "\n";
  ServiceOptions lenient = options();
  lenient.db_path = (*dir_ / "one-missing.stub").string();
  Service partial(lenient);
  HttpAnswer a = get(partial, "/api/search", "q=harbour");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(json::parse(a.body)["total"], 2);
  EXPECT_FALSE(json::parse(a.body)["warnings"].empty()) << a.body;

  ServiceOptions strict = lenient;
  strict.open.strict = true;
  Service failing(strict);
  HttpAnswer b = get(failing, "/api/search", "q=harbour");
  EXPECT_EQ(b.status, 503) << b.body;
  EXPECT_NE(json::parse(b.body)["error"].get<std::string>().find("no-such-shard"), std::string::npos) << b.body;
}

TEST_F(ServiceTest, SlowSearchesAnswer503) {
  ServiceOptions o = options();
  o.time_limit_seconds = 1e-9;  // every search is slower than a nanosecond
  Service service(o);
  HttpAnswer a = get(service, "/api/search", "q=harbour&facets=1");
  EXPECT_EQ(a.status, 503);
  EXPECT_NE(json::parse(a.body)["error"].get<std::string>().find("took too long"), std::string::npos);
}

TEST_F(ServiceTest, CountingPastTheBudgetIsCutShortWithAWarning) {
  ServiceOptions o = options();
  o.count_budget = 1;  // one posting: any search with two matches is cut
  o.time_limit_seconds = 0;
  Service service(o);
  HttpAnswer a = get(service, "/api/search", "q=harbour&facets=1&limit=1");
  ASSERT_EQ(a.status, 200) << a.body;
  auto warnings = json::parse(a.body)["warnings"];
  ASSERT_FALSE(warnings.empty()) << a.body;
  EXPECT_NE(warnings.back().get<std::string>().find("cover part of the matches"), std::string::npos) << a.body;
  EXPECT_EQ(json::parse(a.body)["facets"]["partial"], true) << a.body;
  // Decided by the work, not the clock: the same answer every time.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(get(service, "/api/search", "q=harbour&facets=1&limit=1").body, a.body);
  // With the default budget the same search is counted exactly.
  Service roomy(options());
  HttpAnswer b = get(roomy, "/api/search", "q=harbour&facets=1&limit=1");
  EXPECT_TRUE(json::parse(b.body)["warnings"].empty()) << b.body;
  EXPECT_TRUE(json::parse(b.body)["total_exact"].get<bool>()) << b.body;
  EXPECT_EQ(json::parse(b.body)["facets"]["partial"], false) << b.body;
}

TEST_F(ServiceTest, SeesNewCommitsWithoutRestart) {
  Service service(options());
  const std::size_t before = json::parse(get(service, "/healthz").body)["documents"];
  EXPECT_EQ(json::parse(get(service, "/api/search", "q=lighthouse").body)["total"], 0);
  std::filesystem::create_directories(*dir_ / "more");
  std::ofstream(*dir_ / "more" / "light.txt") << "Jan 5, 2024 - World\n\nLighthouse relit\n\nThe old lighthouse "
                                                 "shone again on Friday.\n";
  index(*dir_ / "more");
  EXPECT_EQ(json::parse(get(service, "/healthz").body)["documents"], before + 1);
  EXPECT_EQ(json::parse(get(service, "/api/search", "q=lighthouse").body)["total"], 1);
}

TEST_F(ServiceTest, ConcurrentRequestsAllSucceed) {
  Service service(options());
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 40; ++i) {
        HttpAnswer a = get(service, "/api/search", i % 2 ? "q=harbour&facets=1" : "q=budget&offset=" + std::to_string(t));
        if (a.status != 200) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 0);
}

// Property: whatever the bytes, an answer (never an exception) with a known
// status, and JSON unless it is the page.
TEST_F(ServiceTest, RandomRequestsNeverCrash) {
  Service service(options());
  std::mt19937 rng(7);
  const std::string alphabet = "aq=&%2F+.:/\"()*-_ sectionpersondate0123456789\xC3\xA9\xFF\x01";
  auto random_text = [&](std::size_t max) {
    std::string s;
    for (std::size_t n = rng() % max; n > 0; --n) s.push_back(alphabet[rng() % alphabet.size()]);
    return s;
  };
  for (int i = 0; i < 400; ++i) {
    std::string path = (i % 3 == 0 ? "/api/search" : i % 3 == 1 ? "/" + random_text(20) : "/api/article/" + random_text(20));
    HttpAnswer a = get(service, path, random_text(60));
    EXPECT_TRUE(a.status == 200 || a.status == 400 || a.status == 404) << a.status << " " << path;
    if (a.content_type == "application/json") {
      EXPECT_TRUE(json::accept(a.body)) << a.body;
    }
  }
}

}  // namespace
}  // namespace morgue
