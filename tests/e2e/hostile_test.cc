// Hostile input: scripts/make-hostile's folder of bad files through the real
// indexer under memory and time limits, and hostile queries through the real
// searcher. Nothing may crash or hang; every bad file is named with a reason;
// every good file is indexed; every bad query gets a message and exit 2 or a
// bounded answer. Measured bounds are printed (docs/robustness.md quotes them).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/child_process.h"
#include "support/run.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using nlohmann::json;
using testing_support::ChildResult;
using testing_support::kSanitized;
using testing_support::run_child;
using testing_support::sh_quote;
using testing_support::TempDir;

const std::string kIndex = MORGUE_INDEX_BIN;
const std::string kSearch = MORGUE_SEARCH_BIN;
const std::string kSource = MORGUE_TEST_SOURCE_DIR;

// Bounds of the hostile indexing run (sanitizer builds: time only, 3x).
constexpr long kAddressSpaceKb = 2L << 20;   // ulimit -v: 2 GiB
constexpr int kIndexTimeoutSeconds = 120;     // timeout(1) kills the run after this
constexpr double kMaxSeconds = 120;
constexpr long kMaxRssKb = 1L << 20;          // 1 GiB peak resident

// The indexer's one-line problem format prints control bytes as '?'.
std::string as_printed(std::string path) {
  for (char& c : path) {
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  }
  return path;
}

// The manifest's names are hex-encoded bytes (they need not be UTF-8).
std::string from_hex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

bool mentions_crash(const std::string& text) {
  for (const char* marker : {"Sanitizer", "runtime error:", "terminate called", "Segmentation", "Aborted",
                             "core dumped"}) {
    if (text.find(marker) != std::string::npos) return true;
  }
  return false;
}

class HostileIndexTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto made = testing_support::run(sh_quote(kSource + "/scripts/make-hostile") + " " +
                                     sh_quote(dir_->path().string()) + " 2>&1");
    ASSERT_EQ(made.exit_code, 0) << made.out;
    manifest_ = json::parse(testing_support::slurp(*dir_ / "manifest.json"));
    std::string limits = kSanitized ? "" : "ulimit -v " + std::to_string(kAddressSpaceKb) + "; ";
    std::string command = limits + "exec timeout " + std::to_string(kIndexTimeoutSeconds) + " " + kIndex +
                          " --json --db " + sh_quote(db()) + " " + sh_quote(input());
    result_ = new ChildResult(run_child(command, dir_->path()));
    std::cout << "hostile index run: " << result_->seconds << " s, peak RSS " << result_->max_rss_kb / 1024
              << " MiB" << (kSanitized ? " (sanitizer build)" : "") << ", exit " << result_->exit_code << "\n";
  }
  static void TearDownTestSuite() {
    delete result_;
    delete dir_;
  }
  static std::string db() { return (dir_->path() / "db").string(); }
  static std::string input() { return (dir_->path() / "in").string(); }

  static std::vector<json> entries(const std::string& expect) {
    std::vector<json> out;
    for (const auto& e : manifest_) {
      std::string want = e["expect"];
      if (want == "root-ok") want = geteuid() == 0 ? "ok" : "fail";
      if (want == expect) out.push_back(e);
    }
    return out;
  }

  static TempDir* dir_;
  static json manifest_;
  static ChildResult* result_;
};

TempDir* HostileIndexTest::dir_ = nullptr;
json HostileIndexTest::manifest_;
ChildResult* HostileIndexTest::result_ = nullptr;

TEST_F(HostileIndexTest, FinishesWithExitOneWithinBounds) {
  EXPECT_TRUE(result_->exited(1)) << "exit " << result_->exit_code << " signal " << result_->signal << "\n"
                                  << result_->err;
  EXPECT_FALSE(mentions_crash(result_->err)) << result_->err;
  EXPECT_LT(result_->seconds, kSanitized ? 3 * kMaxSeconds : kMaxSeconds);
  if (!kSanitized) {
    EXPECT_LT(result_->max_rss_kb, kMaxRssKb);
  }
  json summary = json::parse(result_->out);
  EXPECT_GE(summary["failed"].get<std::size_t>(), entries("fail").size()) << result_->out;
}

TEST_F(HostileIndexTest, EveryBadFileIsNamedWithAReason) {
  for (const auto& e : entries("fail")) {
    std::string prefix = "morgue-index: " + as_printed(input() + "/" + from_hex(e["name_hex"])) + ": ";
    auto at = result_->err.find(prefix);
    ASSERT_NE(at, std::string::npos) << e["why"] << ": no line starting " << prefix << "\n" << result_->err;
    std::string reason = result_->err.substr(at + prefix.size(), result_->err.find('\n', at) - at - prefix.size());
    EXPECT_GE(reason.size(), 5u) << e["why"] << ": reason '" << reason << "'";
  }
}

TEST_F(HostileIndexTest, EveryGoodFileIsIndexed) {
  for (const auto& e : entries("ok")) {
    std::string marker = e["marker"];
    if (marker.empty()) continue;
    auto r = testing_support::run(kSearch + " --json --db " + sh_quote(db()) + " " + marker);
    ASSERT_EQ(r.exit_code, 0) << e["why"] << ": " << marker << " not found\n" << result_->err;
    json j = json::parse(r.out);
    EXPECT_EQ(j["results"].size(), 1u) << e["why"];
  }
}

TEST_F(HostileIndexTest, NoEntityIsExpandedOrLoaded) {
  // /etc/passwd has "nologin" or "bash"; the entity bomb expands to runs of "a".
  for (const char* word : {"nologin", "root", "aaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaa*"}) {
    auto r = testing_support::run(kSearch + " --json --db " + sh_quote(db()) + " " + sh_quote(word) + " 2>&1");
    EXPECT_EQ(r.exit_code, 1) << word << "\n" << r.out;
  }
}

TEST_F(HostileIndexTest, DatabaseIsSound) {
  auto r = testing_support::run("xapian-check " + sh_quote(db()) + " 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
}

// Hostile queries against a small real index: exit 2 with a message, or a
// bounded answer (exit 0/1 with valid JSON); never a signal, never a hang.
class HostileQueryTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto r = testing_support::run(kIndex + " --quiet --no-people --db " + sh_quote(db()) + " " +
                                  sh_quote(kSource + "/corpus/articles") + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string db() { return (dir_->path() / "db").string(); }

  // Runs one query; returns the exit code after checking the contract.
  static int query(const std::string& q, const std::string& flags = "") {
    TempDir scratch;
    ChildResult r = run_child("exec timeout 20 " + kSearch + " --json " + flags + " --db " + sh_quote(db()) +
                                  " -- " + sh_quote(q),
                              scratch.path());
    std::string shown = q.substr(0, 60);
    EXPECT_EQ(r.signal, 0) << shown;
    EXPECT_NE(r.exit_code, 124) << shown << ": timed out";
    EXPECT_FALSE(mentions_crash(r.err)) << shown << "\n" << r.err;
    EXPECT_LT(r.seconds, kSanitized ? 30.0 : 10.0) << shown;
    if (r.exit_code == 2) {
      EXPECT_EQ(r.err.rfind("morgue-search: ", 0), 0u) << shown << "\n" << r.err;
      EXPECT_GT(r.err.size(), 25u) << shown;
    } else {
      EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << shown << ": exit " << r.exit_code << "\n" << r.err;
      EXPECT_TRUE(json::accept(r.out)) << shown << "\n" << r.out.substr(0, 200);
    }
    service(q);
    return r.exit_code;
  }

  // The same query through the HTTP service's handling (CGI mode): 400 with a
  // JSON error, or 200 with results; never a signal or another status.
  static void service(const std::string& q) {
    TempDir scratch;
    ChildResult r = testing_support::run_cgi(kSearch, db(), "/api/search", "q=" + testing_support::url_encode(q),
                                             scratch.path());
    std::string shown = q.substr(0, 60);
    EXPECT_TRUE(r.exited(0)) << shown << ": exit " << r.exit_code << " signal " << r.signal << "\n" << r.err;
    int status = testing_support::cgi_status(r.out);
    EXPECT_TRUE(status == 200 || status == 400) << shown << ": HTTP " << status << "\n" << r.out.substr(0, 300);
    auto body = r.out.find("\n\n");
    ASSERT_NE(body, std::string::npos) << r.out.substr(0, 300);
    EXPECT_TRUE(json::accept(r.out.substr(body + 2))) << shown << "\n" << r.out.substr(0, 300);
    EXPECT_FALSE(mentions_crash(r.err)) << r.err;
  }

  static TempDir* dir_;
};

TempDir* HostileQueryTest::dir_ = nullptr;

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST_F(HostileQueryTest, OversizedQueriesAreRefused) {
  std::string ten_thousand;
  for (int i = 0; i < 10000; ++i) ten_thousand += "w" + std::to_string(i) + " ";
  EXPECT_EQ(query(ten_thousand), 2);
  // Pasted text up to 20,000 bytes is a query (reduced to its telling terms).
  EXPECT_NE(query(repeat("a ", 65)), 2);
  EXPECT_NE(query(repeat("pasted words ", 1500)), 2);
  EXPECT_EQ(query(repeat("x", 20001)), 2);
  EXPECT_EQ(query(repeat("(", 10000) + "x" + repeat(")", 10000)), 2);
  EXPECT_EQ(query(repeat("(", 17) + "x" + repeat(")", 17)), 2);
  EXPECT_NE(query(std::string(5000, 'x')), 2);
}

TEST_F(HostileQueryTest, WildcardsAndOperatorsAreBounded) {
  for (const char* q : {"a*", "a* b* c* d* e* f* g* h*", "*", "**", "a*b*", "\"a* b*\"", "NOT", "NOT a*",
                        "AND OR NOT NEAR", "x NEAR/999999999 y", "\"", "((", "))", "title:\"", "site:",
                        "section:", "person:a*", "+ - + -", "\"a b c d e f g h i j k l m n o p\""}) {
    query(q);
  }
  query("a*", "--facets --all-versions --sort newest --limit 1000 --offset 4294967295");
}

TEST_F(HostileQueryTest, DateExpressionsAreBounded) {
  for (const char* q : {"date:0001..9999", "date:1..99999999", "date:0000-00-00..9999-99-99", "date:9999-12-31",
                        "after:9999-12-31", "before:0001-01-01", "date:2022-02-30", "date:..", "date:",
                        "date:last 99999999 years", "date:past 99999999999999999999999 days",
                        "date:2022..2021", "date:-5", "after:yesterday before:today date:this month",
                        "date:2022-02-14..2022-02-14..2022-02-14"}) {
    query(q);
  }
  EXPECT_EQ(query("date:2022-99"), 2);
}

TEST_F(HostileQueryTest, ServiceParametersAreBounded) {
  TempDir scratch;
  for (const char* query : {"q=a&limit=99999999999999999999", "q=a&offset=-1", "q=a&offset=18446744073709551616",
                            "q=%ff%fe&sort=%00", "q=%", "q=%zz&date=..", "limit=&offset=&q=", "q=a&q=b&q=c",
                            "q=a&recent=99999999999d", "q=a&facets=maybe", "date=0001..9999&person=%00",
                            "q=%0d%0aSet-Cookie:%20x=1"}) {
    ChildResult r = testing_support::run_cgi(kSearch, db(), "/api/search", query, scratch.path());
    EXPECT_TRUE(r.exited(0)) << query << "\n" << r.err;
    int status = testing_support::cgi_status(r.out);
    EXPECT_TRUE(status == 200 || status == 400) << query << ": HTTP " << status;
    EXPECT_EQ(r.out.find("\nSet-Cookie"), std::string::npos) << r.out.substr(0, 300);
  }
  for (const char* path : {"/api/article/../../etc/passwd", "/assets/../../../etc/passwd", "/api/article/",
                           "/api/article/zzzzzzzzzzzzzzzz", "/nope", "/assets/%2e%2e/x"}) {
    ChildResult r = testing_support::run_cgi(kSearch, db(), path, "", scratch.path());
    EXPECT_TRUE(r.exited(0)) << path << "\n" << r.err;
    int status = testing_support::cgi_status(r.out);
    EXPECT_TRUE(status == 400 || status == 404) << path << ": HTTP " << status;
    EXPECT_EQ(r.out.find("root:x:0:0"), std::string::npos) << path;
  }
}

TEST_F(HostileQueryTest, BadBytesAreBounded) {
  for (std::string q : {std::string("\xff\xfe\xc3"), std::string("\xc0\xaf\xed\xa0\x80 council"),
                        std::string("\x01\x02\x1b[31m council \x7f"), std::string("council\rplan\tvote\vx\f"),
                        std::string("\xe2\x80\xae reversed"), std::string("\xef\xbb\xbf council")}) {
    query(q);
  }
}

}  // namespace
}  // namespace morgue
