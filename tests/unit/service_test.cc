// The HTTP service's core (Service::handle) without sockets: parameters,
// routes, statuses, the page's headers, reopen, time limit, CGI output.
#include "morgue/service.h"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "morgue/index_writer.h"
#include "serve/search_params.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using nlohmann::json;
using serve::BadParameter;
using serve::Params;
using testing_support::TempDir;

// ---- parameters ------------------------------------------------------------

TEST(UrlDecode, Table) {
  struct Case {
    const char* in;
    bool plus;
    const char* out;
  } cases[] = {
      {"a+b", true, "a b"},       {"a+b", false, "a+b"},     {"%41%2f%2F", true, "A//"},
      {"%zz", true, "%zz"},       {"%4", true, "%4"},        {"100%", true, "100%"},
      {"%C3%A9t%C3%A9", true, "\xC3\xA9t\xC3\xA9"},       {"", true, ""},
  };
  for (const auto& c : cases) EXPECT_EQ(serve::url_decode(c.in, c.plus), c.out) << c.in;
}

TEST(ParseQueryString, KeepsOrderRepeatsAndEmptyValues) {
  Params p = serve::parse_query_string("q=harbour+fire&section=World&section=Politics&facets&&x=%3D");
  Params expected = {{"q", "harbour fire"}, {"section", "World"}, {"section", "Politics"}, {"facets", ""}, {"x", "="}};
  EXPECT_EQ(p, expected);
  EXPECT_TRUE(serve::parse_query_string("").empty());
}

struct ParamCase {
  const char* query_string;
  const char* query;   // expected SearchRequest::query, or nullptr when an error is expected
  const char* error;   // a part of the error message
};

TEST(SearchRequestFromParams, Table) {
  const ParamCase cases[] = {
      {"q=harbour", "harbour", nullptr},
      {"q=harbour&section=World", "(harbour) section:\"World\"", nullptr},
      // Brackets: filters apply to the whole query, not to its last word.
      {"q=a+OR+b&person=Adaeze+Okonkwo", "(a OR b) person:\"Adaeze Okonkwo\"", nullptr},
      {"q=%22open+(a&section=x", "(\"open (a\") section:\"x\"", nullptr},
      {"q=a)+(b&section=x", "(a (b)) section:\"x\"", nullptr},
      {"section=World%2FEurope&date=2022-02", "section:\"World/Europe\" date:2022-02", nullptr},
      {"q=x&date=2022-02-01..2022-02-28", "(x) date:2022-02-01..2022-02-28", nullptr},
      // A filter value cannot close its quotes and smuggle in syntax.
      {"q=x&person=a%22+OR+%22b", "(x) person:\"a OR b\"", nullptr},
      {"q=x&date=2022+OR+y", nullptr, "date must look like"},
      {"q=x&section=%22%22", nullptr, "section must not be empty"},
      {"", nullptr, "no query"},
      {"q=+++", nullptr, "no query"},
      {"q=x&limit=abc", nullptr, "limit must be a whole number"},
      {"q=x&limit=-1", nullptr, "limit must be a whole number"},
      {"q=x&offset=1e3", nullptr, "offset must be a whole number"},
      {"q=x&offset=10001", nullptr, "offset is at most"},
      {"q=x&sort=sideways", nullptr, "sort must be"},
      {"q=x&recent=soon", nullptr, "recent must look like"},
      {"q=x&facets=maybe", nullptr, "facets must be 1 or 0"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query_string);
    auto params = serve::parse_query_string(c.query_string);
    if (c.query) {
      EXPECT_EQ(serve::search_request_from_params(params, {}).query, c.query);
    } else {
      try {
        serve::search_request_from_params(params, {});
        ADD_FAILURE() << "expected an error";
      } catch (const BadParameter& e) {
        EXPECT_NE(std::string(e.what()).find(c.error), std::string::npos) << e.what();
      }
    }
  }
}

TEST(SearchRequestFromParams, Options) {
  auto r = serve::search_request_from_params(
      serve::parse_query_string("q=x&offset=20&limit=5&sort=date&recent=2w&facets=1&all_versions=true"), {});
  EXPECT_EQ(r.offset, 20u);
  EXPECT_EQ(r.limit, 5u);
  EXPECT_EQ(r.sort, SortOrder::kNewest);
  EXPECT_EQ(r.recent_half_life_days, 14);
  EXPECT_TRUE(r.facets);
  EXPECT_TRUE(r.all_versions);
  EXPECT_EQ(serve::search_request_from_params(serve::parse_query_string("q=x&sort=oldest"), {}).sort,
            SortOrder::kOldest);
  // Big pages are capped, not refused.
  EXPECT_EQ(serve::search_request_from_params(serve::parse_query_string("q=x&limit=100000"), {}).limit, 100u);
  serve::ParamLimits small{10, 100, 10000};
  EXPECT_THROW(serve::search_request_from_params(serve::parse_query_string("q=x&section=Business"), small),
               BadParameter);
}

TEST(HalfLife, Table) {
  EXPECT_EQ(parse_half_life("30d"), 30);
  EXPECT_EQ(parse_half_life("30"), 30);
  EXPECT_EQ(parse_half_life("2w"), 14);
  EXPECT_EQ(parse_half_life("6m"), 180);
  EXPECT_EQ(parse_half_life("1y"), 365);
  for (const char* bad : {"", "d", "0d", "-3d", "3x", "999999d"}) EXPECT_EQ(parse_half_life(bad), 0) << bad;
}

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
  }
  static void TearDownTestSuite() { delete dir_; }

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
    return service.handle(HttpRequest{"GET", path, query});
  }

  static std::string header(const HttpAnswer& a, const std::string& name) {
    for (const auto& [n, v] : a.headers) {
      if (n == name) return v;
    }
    return "";
  }

  static TempDir* dir_;
};

TempDir* ServiceTest::dir_ = nullptr;

TEST_F(ServiceTest, SearchAnswersTheCliJsonSchema) {
  Service service(options());
  HttpAnswer a = get(service, "/api/search", "q=harbour&facets=1&limit=1");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.content_type, "application/json");
  json j = json::parse(a.body);
  for (const char* key : {"query", "total", "offset", "limit", "results", "suggestion", "warnings", "facets"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["total"], 2);
  ASSERT_EQ(j["results"].size(), 1u);
  EXPECT_NE(j["results"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  EXPECT_EQ(header(a, "X-Content-Type-Options"), "nosniff");
}

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
      {"GET", "/api/search", "q=" + std::string(1100, 'a'), 400},
      {"GET", "/api/search", "q=a*", 200},
      {"GET", "/nowhere", "", 404},
      {"GET", "/api/article/0123456789abcdef", "", 404},
      {"GET", "/api/article/../../etc/passwd", "", 404},
      {"GET", "/api/article/", "", 404},
      {"POST", "/api/search", "q=x", 405},
      {"DELETE", "/", "", 405},
  };
  for (const auto& c : cases) {
    HttpAnswer a = service.handle(HttpRequest{c.method, c.path, c.query});
    EXPECT_EQ(a.status, c.status) << c.method << " " << c.path << "?" << c.query.substr(0, 40) << "\n" << a.body;
    json j = json::parse(a.body);
    if (c.status != 200) {
      EXPECT_TRUE(j.contains("error")) << a.body;
    }
    if (c.status == 405) {
      EXPECT_EQ(header(a, "Allow"), "GET, HEAD");
    }
  }
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
}

TEST_F(ServiceTest, SlowSearchesAnswer503) {
  ServiceOptions o = options();
  o.time_limit_seconds = 1e-9;  // every search is slower than a nanosecond
  Service service(o);
  HttpAnswer a = get(service, "/api/search", "q=harbour&facets=1");
  EXPECT_EQ(a.status, 503);
  EXPECT_NE(json::parse(a.body)["error"].get<std::string>().find("took too long"), std::string::npos);
}

TEST_F(ServiceTest, SlowCountingIsCutShortWithAWarning) {
  ServiceOptions o = options();
  o.count_time_limit_seconds = 1e-9;
  o.time_limit_seconds = 0;
  Service service(o);
  HttpAnswer a = get(service, "/api/search", "q=harbour&facets=1");
  ASSERT_EQ(a.status, 200) << a.body;
  auto warnings = json::parse(a.body)["warnings"];
  ASSERT_EQ(warnings.size(), 1u) << a.body;
  EXPECT_NE(warnings[0].get<std::string>().find("estimate"), std::string::npos);
  // Without facets nothing is counted exhaustively: no warning.
  EXPECT_TRUE(json::parse(get(service, "/api/search", "q=harbour").body)["warnings"].empty());
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

// ---- CGI ---------------------------------------------------------------------

TEST(Cgi, AnswerFormat) {
  std::ostringstream ok;
  write_cgi_answer(HttpAnswer{200, "application/json", "{}", {{"X-Content-Type-Options", "nosniff"}}}, ok);
  EXPECT_EQ(ok.str(), "Content-Type: application/json\nX-Content-Type-Options: nosniff\nContent-Length: 2\n\n{}");
  std::ostringstream bad;
  write_cgi_answer(HttpAnswer{400, "application/json", R"({"error":"x"})", {}}, bad);
  EXPECT_EQ(bad.str().rfind("Status: 400 Bad Request\nContent-Type: application/json\n", 0), 0u) << bad.str();
}

TEST(Cgi, RequestFromEnvironment) {
  setenv("REQUEST_METHOD", "GET", 1);
  setenv("QUERY_STRING", "q=harbour", 1);
  unsetenv("PATH_INFO");
  HttpRequest r = cgi_request_from_environment();
  EXPECT_EQ(r.path, "/api/search");
  EXPECT_EQ(r.query, "q=harbour");
  setenv("PATH_INFO", "/api/article/0123456789abcdef", 1);
  EXPECT_EQ(cgi_request_from_environment().path, "/api/article/0123456789abcdef");
  unsetenv("PATH_INFO");
  unsetenv("QUERY_STRING");
  unsetenv("REQUEST_METHOD");
}

}  // namespace
}  // namespace morgue
