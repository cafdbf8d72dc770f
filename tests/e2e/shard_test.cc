// Sharded archives served by xapian-tcpsrv: the sample corpus indexed into
// year shards, one server per shard on loopback, searched through a stub
// listing the remote shards and compared with one combined local database;
// then servers are stopped or paused to check partial answers and --strict.
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <fstream>
#include <thread>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "morgue/search.h"
#include "support/run.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing_support::run;
using testing_support::sh_quote;
using testing_support::TempDir;

const std::string kIndex = MORGUE_INDEX_BIN;
const std::string kSearch = MORGUE_SEARCH_BIN;
const std::string kCorpus = std::string(MORGUE_TEST_SOURCE_DIR) + "/corpus/articles";

// A port nobody listens on right now (the kernel's choice for port 0).
int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = -1;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  close(fd);
  return port;
}

bool accepts(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// One xapian-tcpsrv, killed with everything it forked when the guard goes,
// whatever way the test ends. It runs in a process group of its own:
// xapian-tcpsrv answers SIGTERM by signalling its whole group, which would
// otherwise be the test runner's.
class TcpServer {
 public:
  explicit TcpServer(const fs::path& db) {
    for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) start(db);
  }
  ~TcpServer() { stop(); }
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  int port() const { return port_; }
  bool running() const { return pid_ > 0; }
  void stop() {
    if (pid_ <= 0) return;
    kill(-pid_, SIGKILL);
    while (waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
  }
  // A hung server: connections are accepted by the kernel but never answered.
  void pause() { kill(-pid_, SIGSTOP); }
  void resume() { kill(-pid_, SIGCONT); }

 private:
  void start(const fs::path& db) {
    port_ = free_port();
    const std::string port = std::to_string(port_);
    pid_t pid = fork();
    if (pid == 0) {
      setpgid(0, 0);
      // Its children complain on stderr about every closed connection.
      freopen("/dev/null", "w", stdout);
      freopen("/dev/null", "w", stderr);
      prctl(PR_SET_PDEATHSIG, SIGKILL);  // a crashed test runner leaves no server behind
      execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", port.c_str(),
             db.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    setpgid(pid, pid);
    pid_ = pid;
    for (int i = 0; i < 100; ++i) {
      if (accepts(port_)) return;
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) break;  // the port was taken meanwhile
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    stop();
  }

  pid_t pid_ = -1;
  int port_ = -1;
};

std::string remote_line(const TcpServer& s) { return "remote 127.0.0.1:" + std::to_string(s.port()) + "\n"; }

class ShardTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto one = run(kIndex + " --quiet --db " + sh_quote(path("one")) + " " + sh_quote(kCorpus) + " 2>&1");
    ASSERT_EQ(one.exit_code, 0) << one.out;
    auto years = run(kIndex + " --quiet --shard-by year --db " + sh_quote(path("years")) + " " + sh_quote(kCorpus) +
                     " 2>&1");
    ASSERT_EQ(years.exit_code, 0) << years.out;
    std::string stub;
    for (const auto& entry : fs::directory_iterator(dir_->path() / "years")) {
      if (entry.is_directory()) shard_dirs_.push_back(entry.path());
    }
    std::sort(shard_dirs_.begin(), shard_dirs_.end());
    ASSERT_GE(shard_dirs_.size(), 2u);
    for (const auto& d : shard_dirs_) {
      servers_.push_back(std::make_unique<TcpServer>(d));
      ASSERT_TRUE(servers_.back()->running()) << d;
      stub += remote_line(*servers_.back());
    }
    std::ofstream(path("remote.stub")) << stub;
  }
  static void TearDownTestSuite() {
    servers_.clear();
    shard_dirs_.clear();
    delete dir_;
  }
  static std::string path(const std::string& name) { return (dir_->path() / name).string(); }

  // expect_exit -1: hits or none (0 or 1), as long as it is an answer.
  static json search(const std::string& db, const std::string& args, int expect_exit = 0) {
    auto r = run(kSearch + " --db " + sh_quote(db) + " --json " + args);
    if (expect_exit < 0) {
      EXPECT_LE(r.exit_code, 1) << args << "\n" << r.out;
    } else {
      EXPECT_EQ(r.exit_code, expect_exit) << args << "\n" << r.out;
    }
    return r.exit_code <= 1 ? json::parse(r.out) : json();
  }

  // Same ranked ids, versions, snippets and facets; scores to rounding.
  static void expect_same(const json& got, const json& want, const std::string& what) {
    // Totals are Xapian's estimates (facets are counted in a pass of their
    // own), and an estimate depends on how the postings are split, so only
    // the facet counts below are compared exactly.
    ASSERT_EQ(got["results"].size(), want["results"].size()) << what;
    // Equal keys (score, and date for date sorts) are ordered by document
    // number, which differs between one database and shards: compare each
    // run of ties as a set, and each hit with its namesake.
    auto key = [](const json& r) { return r["date"].dump() + " " + std::to_string(std::llround(r["score"].get<double>() * 1e6)); };
    std::map<std::string, json> by_id;
    for (const auto& r : got["results"]) by_id[r["id"]] = r;
    const json& w = want["results"];
    for (std::size_t i = 0; i < w.size();) {
      std::set<std::string> want_ids, got_ids;
      std::size_t end = i;
      for (; end < w.size() && key(w[end]) == key(w[i]); ++end) {
        want_ids.insert(w[end]["id"]);
        got_ids.insert(got["results"][end]["id"]);
        EXPECT_EQ(key(got["results"][end]), key(w[end])) << what << " #" << end;
      }
      // A run cut by the limit may keep different members of the tie.
      if (end < w.size() || w.size() < 10) {
        EXPECT_EQ(got_ids, want_ids) << what << " #" << i;
      }
      for (const auto& id : want_ids) {
        if (!by_id.count(id)) continue;
        const json& g = by_id[id];
        const json* match = nullptr;
        for (const auto& r : w) match = r["id"] == id ? &r : match;
        EXPECT_NEAR(g["score"].get<double>(), (*match)["score"].get<double>(), 1e-6 * (1 + g["score"].get<double>())) << what;
        EXPECT_EQ(g["versions"], (*match)["versions"]) << what << " " << id;
        EXPECT_EQ(g["snippet"], (*match)["snippet"]) << what << " " << id;
      }
      i = end;
    }
    // Through remote shards facets count every version (Xapian runs its own
    // spies there), so they agree with one database under --all-versions.
    if (what.find("--all-versions") != std::string::npos) {
      EXPECT_EQ(got.value("facets", json()), want.value("facets", json())) << what;
    }
    EXPECT_EQ(got["warnings"], want["warnings"]) << what;
  }

  static TempDir* dir_;
  static std::vector<fs::path> shard_dirs_;
  static std::vector<std::unique_ptr<TcpServer>> servers_;
};

TempDir* ShardTest::dir_ = nullptr;
std::vector<fs::path> ShardTest::shard_dirs_;
std::vector<std::unique_ptr<TcpServer>> ShardTest::servers_;

const char* const kQueries[] = {"minister", "'harbour authority'", "'election OR vote'", "'person:okonkwo'",
                                "'section:sport'", "'date:2020..2022 council'", "'\"prime minister\"'", "fire"};

TEST_F(ShardTest, RemoteShardsMatchOneDatabase) {
  for (const char* q : kQueries) {
    for (const char* mode : {"", "--all-versions", "--facets", "--facets --all-versions --limit 50",
                             "--sort date --limit 5 --offset 2"}) {
      const std::string args = std::string(mode) + " " + q;
      expect_same(search(path("remote.stub"), args, -1), search(path("one"), args, -1), args);
    }
  }
}

TEST_F(ShardTest, MixedLocalAndRemoteStub) {
  // Half the shards local (paths relative to the stub's folder), half remote.
  std::string stub;
  for (std::size_t i = 0; i < shard_dirs_.size(); ++i) {
    stub += i % 2 ? remote_line(*servers_[i]) : "auto years/" + shard_dirs_[i].filename().string() + "\n";
  }
  std::ofstream(path("mixed.stub")) << stub;
  for (const char* q : kQueries) {
    const std::string args = std::string("--facets --all-versions ") + q;
    expect_same(search(path("mixed.stub"), args, -1), search(path("one"), args, -1), args);
  }
}

TEST_F(ShardTest, ShardedArchiveOpensAsOneDatabase) {
  auto delve = run("xapian-delve " + sh_quote(path("years")) + " 2>&1");
  ASSERT_EQ(delve.exit_code, 0) << delve.out;
  EXPECT_NE(delve.out.find("number of documents = 46"), std::string::npos) << delve.out;
  auto stats = run(kIndex + " --stats --json --db " + sh_quote(path("years")));
  ASSERT_EQ(stats.exit_code, 0) << stats.out;
  EXPECT_EQ(json::parse(stats.out)["documents"], 46);
  // A rerun finds nothing to do and keeps the scheme; compaction is per shard.
  auto again = run(kIndex + " --json --db " + sh_quote(path("years")) + " " + sh_quote(kCorpus));
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_EQ(json::parse(again.out)["unchanged"], 46);
  EXPECT_EQ(run(kIndex + " --compact --db " + sh_quote(path("years")) + " 2>/dev/null").exit_code, 2);
}

// Servers of their own, so that stopping them does not disturb the other tests.
class ShardFailureTest : public ShardTest {
 protected:
  void SetUp() override {
    for (const auto& d : shard_dirs_) {
      own_.push_back(std::make_unique<TcpServer>(d));
      ASSERT_TRUE(own_.back()->running());
      stub_ += remote_line(*own_.back());
    }
    stub_path_ = path("failure-" + std::to_string(getpid()) + ".stub");
    std::ofstream(stub_path_) << stub_;
  }
  // The combined answer without shard `down`: a stub of the other shards, local.
  json without(std::size_t down, const std::string& args) {
    std::string stub;
    for (std::size_t i = 0; i < shard_dirs_.size(); ++i) {
      if (i != down) stub += "auto " + shard_dirs_[i].string() + "\n";
    }
    std::ofstream(path("rest.stub")) << stub;
    return search(path("rest.stub"), args, -1);
  }
  std::vector<std::unique_ptr<TcpServer>> own_;
  std::string stub_, stub_path_;
};

TEST_F(ShardFailureTest, StoppedShardGivesPartialAnswerWithWarning) {
  const std::size_t down = 1;
  own_[down]->stop();
  json got = search(stub_path_, "--facets --all-versions --limit 50 minister");
  json want = without(down, "--facets --all-versions --limit 50 minister");
  ASSERT_EQ(got["warnings"].size(), 1u) << got["warnings"];
  const std::string warning = got["warnings"][0];
  EXPECT_NE(warning.find("127.0.0.1:" + std::to_string(own_[down]->port())), std::string::npos) << warning;
  EXPECT_NE(warning.find(std::to_string(shard_dirs_.size() - 1) + " of " + std::to_string(shard_dirs_.size())),
            std::string::npos)
      << warning;
  got.erase("warnings");
  want.erase("warnings");
  EXPECT_EQ(got["total"], want["total"]);
  ASSERT_EQ(got["results"].size(), want["results"].size());
  for (std::size_t i = 0; i < got["results"].size(); ++i) EXPECT_EQ(got["results"][i]["id"], want["results"][i]["id"]);
  EXPECT_EQ(got["facets"], want["facets"]);

  // The terminal printer shows the warning too; --strict makes it an error.
  auto terminal = run(kSearch + " --db " + sh_quote(stub_path_) + " --color never minister 2>&1");
  EXPECT_EQ(terminal.exit_code, 0);
  EXPECT_NE(terminal.out.find("is not answering"), std::string::npos) << terminal.out;
  auto strict = run(kSearch + " --db " + sh_quote(stub_path_) + " --strict minister 2>&1");
  EXPECT_EQ(strict.exit_code, 2) << strict.out;
  EXPECT_NE(strict.out.find("127.0.0.1:" + std::to_string(own_[down]->port())), std::string::npos) << strict.out;
}

TEST_F(ShardFailureTest, HungShardAnswersWithinTimeout) {
  own_[0]->pause();
  const auto start = std::chrono::steady_clock::now();
  json got = search(stub_path_, "--timeout 800 minister");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  own_[0]->resume();
  EXPECT_LT(seconds, 5.0);
  ASSERT_EQ(got["warnings"].size(), 1u) << got["warnings"];
  EXPECT_FALSE(got["results"].empty());
  auto strict = run(kSearch + " --db " + sh_quote(stub_path_) + " --strict --timeout 800 minister 2>&1");
  EXPECT_EQ(strict.exit_code, 0) << strict.out;  // resumed: every shard answers again
}

TEST_F(ShardFailureTest, ShardLostDuringSessionIsDroppedAndRetried) {
  OpenOptions options;
  options.timeout_ms = 2000;
  options.retry_down_after_ms = 0;  // try a lost shard again on every search
  Searcher searcher(stub_path_, options);
  SearchRequest req;
  req.query = "minister";
  req.facets = true;
  SearchResponse before = searcher.search(req);
  EXPECT_TRUE(before.warnings.empty());
  own_[0]->stop();
  SearchResponse after = searcher.search(req);  // NetworkError inside: reconnect, retry with the rest
  ASSERT_EQ(after.warnings.size(), 1u);
  EXPECT_LE(after.total, before.total);
  EXPECT_FALSE(after.hits.empty());

}

TEST_F(ShardFailureTest, StrictApiThrows) {
  OpenOptions strict;
  strict.strict = true;
  strict.timeout_ms = 2000;
  Searcher searcher(stub_path_, strict);
  SearchRequest req;
  req.query = "minister";
  EXPECT_FALSE(searcher.search(req).hits.empty());
  own_.back()->stop();
  EXPECT_THROW(searcher.search(req), DatabaseError);
  EXPECT_THROW(Searcher(stub_path_, strict), DatabaseError);
}

}  // namespace
}  // namespace morgue
