// Faults: the indexer killed at random moments, a full disk during a commit,
// and databases that are missing, corrupt or of another format. After each,
// the database must pass xapian-check, open, and a rerun must reach exactly
// the state of a clean run; the searcher must exit 2 with a message.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/child_process.h"
#include "support/run.h"
#include "support/stories.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace testing_support;  // run, run_child, TempDir, write_stories...

const std::string kIndex = MORGUE_INDEX_BIN;
const std::string kSearch = MORGUE_SEARCH_BIN;


// The id terms ("Q...") of a database, via xapian-delve.
std::set<std::string> id_terms(const fs::path& db) {
  auto r = run("xapian-delve -a -1 " + sh_quote(db.string()) + " 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  std::set<std::string> ids;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line[0] == 'Q') ids.insert(line);
  }
  return ids;
}

std::size_t document_count(const fs::path& db) {
  auto r = run(kIndex + " --stats --json --db " + sh_quote(db.string()) + " 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  if (r.exit_code != 0) return 0;
  return json::parse(r.out)["documents"].get<std::size_t>();
}

// The database is sound: every Xapian database it is made of passes
// xapian-check (a plain database, or the parts a parallel first build's stub
// lists in DB.parts/), and it opens.
void expect_sound(const fs::path& db, const std::string& when) {
  std::vector<fs::path> parts;
  if (fs::exists(db / "iamglass")) parts.push_back(db);
  const fs::path parts_dir(db.string() + ".parts");
  if (fs::is_directory(parts_dir)) {
    for (const auto& entry : fs::directory_iterator(parts_dir)) {
      if (fs::exists(entry.path() / "iamglass")) parts.push_back(entry.path());
    }
  }
  for (const auto& part : parts) {
    auto check = run("xapian-check " + sh_quote(part.string()) + " 2>&1");
    EXPECT_EQ(check.exit_code, 0) << when << ": " << part << "\n" << check.out;
  }
  if (!fs::exists(db)) return;  // killed before the first commit or during the final swap
  auto stats = run(kIndex + " --stats --json --db " + sh_quote(db.string()) + " 2>&1");
  EXPECT_EQ(stats.exit_code, 0) << when << "\n" << stats.out;
}

// Without people unless `flags` says otherwise: the kills test the writer.
std::string index_command(const fs::path& db, const std::string& inputs, const std::string& flags = "--no-people") {
  return kIndex + " --quiet " + flags + " --jobs 2 --batch 50 --db " + sh_quote(db.string()) + " " + inputs;
}

// Runs the indexer to the end; retries while Xapian's lock helper from a
// killed run is still letting go. A deadline, not a number of tries: on a
// loaded machine the helper may take seconds to be scheduled, but a lock
// that outlives 30 s is a failure.
ChildResult index_to_end(const fs::path& db, const std::string& inputs, const fs::path& scratch,
                         const std::string& flags = "--no-people") {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  ChildResult r;
  do {
    r = run_child("exec " + index_command(db, inputs, flags), scratch);
    if (!(r.exit_code == 2 && r.err.find("locked") != std::string::npos)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  } while (std::chrono::steady_clock::now() < deadline);
  return r;
}

// Waits until the child `pid` runs the indexer (its shell has exec'd it), so a
// kill's moment is counted from the indexer's start, not from a fork that a
// loaded machine may take a while to schedule. Gives up after 10 s (the kill
// then lands wherever the child is).
void wait_for_exec(pid_t pid) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  const fs::path comm = "/proc/" + std::to_string(pid) + "/comm";
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in(comm);
    std::string name;
    if (!std::getline(in, name) || name == "morgue-index") return;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

// Kills runs at random moments until `kills` of them died mid-run. Each run
// resumes from what the one before committed; one that finishes before its
// kill must equal the clean state, and the next starts again from `reset`.
//
// The moments are drawn from the indexer's start (not the fork) over a window
// as long as a whole build takes now: at first 0.9 of the clean run's time,
// then, each time a run finishes, 0.9 of the time the runs since the last
// reset took together. How long a build takes depends on the load, which may
// change between the clean run and the kills: a clean run timed under load
// put most kills after the end, and the loop ran out of tries. What is
// checked does not depend on the timing: every kill leaves a sound database,
// every finished run and the final rerun reach the clean state, and `kills`
// runs must have died mid-run within 6 * kills tries (about half the tries
// are kills, since a resumed run has less left to do: 20 tries for 10 kills
// at load 10, so the bound is far from what the load can push it to).
void kill_repeatedly(const fs::path& db, const std::string& inputs, const std::set<std::string>& clean_ids,
                     double clean_seconds, int kills, const std::function<void()>& reset, const fs::path& scratch,
                     const std::string& flags = "--no-people") {
  std::mt19937 rng(20);
  std::uniform_real_distribution<double> fraction(0.0, 1.0);
  double window = std::max(0.1, clean_seconds * 0.9);
  double since_reset = 0;  // seconds the runs since the last reset ran, from their exec to their end
  int killed = 0, finished = 0;
  reset();
  for (int attempt = 0; killed < kills && attempt < 6 * kills; ++attempt) {
    auto start = std::chrono::steady_clock::now();
    pid_t pid = testing_support::spawn_shell("exec " + index_command(db, inputs, flags), scratch);
    wait_for_exec(pid);
    const auto started = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(0.01 + fraction(rng) * window));
    ::kill(pid, SIGKILL);
    ChildResult r = testing_support::wait_child(pid, scratch, start);
    since_reset += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (r.signal == SIGKILL) {
      ++killed;
      expect_sound(db, "after kill " + std::to_string(killed));
      continue;
    }
    if (r.exit_code == 2 && r.err.find("locked") != std::string::npos) continue;
    ASSERT_TRUE(r.exited(0)) << r.err;
    ++finished;
    window = std::max(0.05, since_reset * 0.9);
    expect_sound(db, "after a resumed run finished");
    EXPECT_EQ(id_terms(db), clean_ids);
    reset();
    since_reset = 0;
  }
  std::cout << db.filename() << ": " << killed << " runs killed mid-run, " << finished
            << " resumed runs finished; kill window at the end " << window << " s\n";
  EXPECT_EQ(killed, kills);
  ChildResult rerun = index_to_end(db, inputs, scratch, flags);
  ASSERT_TRUE(rerun.exited(0)) << rerun.err;
  expect_sound(db, "after the rerun");
  EXPECT_EQ(document_count(db), clean_ids.size());
  EXPECT_EQ(id_terms(db), clean_ids);
}

// 20 kills: 10 during a first build of 2000 files (the parallel build: parts
// merged at the end), 10 while adding them to an existing database.
TEST(Faults, KilledIndexerRecoversToTheCleanState) {
  TempDir dir;
  const int articles = kSanitized ? 600 : 2000;
  write_stories(dir / "in", articles, {.seed = 1});
  const std::string inputs = sh_quote((dir / "in").string());

  ChildResult clean = index_to_end(dir / "clean", inputs, dir.path());
  ASSERT_TRUE(clean.exited(0)) << clean.err;
  const std::set<std::string> clean_ids = id_terms(dir / "clean");
  ASSERT_EQ(clean_ids.size(), static_cast<std::size_t>(articles));
  std::cout << "clean run of " << articles << " articles: " << clean.seconds << " s\n";

  const fs::path first = dir / "first-build";
  kill_repeatedly(first, inputs, clean_ids, clean.seconds, 10, [&] {
    fs::remove_all(first);
    fs::remove_all(first.string() + ".parts");
    fs::remove_all(first.string() + ".merging");
  }, dir.path());

  const fs::path adding = dir / "adding";
  kill_repeatedly(adding, inputs, clean_ids, clean.seconds, 10, [&] {
    fs::remove_all(adding);
    ChildResult seed = index_to_end(adding, sh_quote((dir / "in" / "f0").string()), dir.path());
    ASSERT_TRUE(seed.exited(0)) << seed.err;
  }, dir.path());
}

// Every term of a database with its document frequency, via xapian-delve:
// the same for two databases holding the same stories written the same way,
// whatever their order.
std::string all_terms(const fs::path& db) {
  auto r = run("xapian-delve -a -v -1 " + sh_quote(db.string()) + " 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return r.out;
}

// Kills during a first build with people on, whose merge renames stories,
// refiles versions and fills placeholders (stories naming someone by a bare
// surname: store/placeholders.h). The rerun must reach the clean build's
// terms exactly: every placeholder filled, every story under its full name.
TEST(Faults, KilledFirstBuildWithPeopleFillsEveryPlaceholder) {
  TempDir dir;
  const char* const people[][2] = {{"Oskar", "Lindqvist"}, {"Marta", "Kowalczyk"}, {"Ines", "Calder"},
                                   {"Tomas", "Berglund"},  {"Ada", "Morrow"},       {"Felix", "Anand"}};
  const int stories = 240;  // past the 200 files of a parallel first build
  for (int i = 0; i < stories; ++i) {
    const auto& [given, surname] = people[i % 6];
    const fs::path folder = dir / "in" / ("f" + std::to_string(i / 100));
    fs::create_directories(folder);
    std::ofstream out(folder / ("story-" + std::to_string(i) + ".txt"));
    out << "2004-0" << 1 + i % 9 << "-1" << i % 10 << " - News\n\nCouncil story " << i << "\n\n";
    if (i % 3 == 0) out << given << " " << surname << " said the council would meet on Monday.";
    else out << "Minister " << surname << " said the council would vote on the harbour plan.";
    out << " The budget was set for story" << i << ".\n\nThe vote on the bridge was delayed by the storm.\n";
  }
  const std::string inputs = sh_quote((dir / "in").string());
  ChildResult clean = index_to_end(dir / "clean", inputs, dir.path(), "--json");
  ASSERT_TRUE(clean.exited(0)) << clean.err;
  EXPECT_GT(json::parse(clean.out)["placeholders"].get<int>(), 0) << clean.out;
  const std::set<std::string> clean_ids = id_terms(dir / "clean");
  ASSERT_EQ(clean_ids.size(), static_cast<std::size_t>(stories));
  const std::string clean_terms = all_terms(dir / "clean");
  EXPECT_EQ(clean_terms.find(std::string("\n") + "XZW"), std::string::npos);

  const fs::path first = dir / "first-build";
  kill_repeatedly(first, inputs, clean_ids, clean.seconds, 6, [&] {
    fs::remove_all(first);
    fs::remove_all(first.string() + ".parts");
    fs::remove_all(first.string() + ".merging");
  }, dir.path(), "");
  EXPECT_EQ(all_terms(first), clean_terms);
}

TEST(Faults, FullDiskDuringCommitKeepsTheLastCommit) {
  TempDir dir;
  write_stories(dir / "small", 20, {.seed = 2});
  write_stories(dir / "big", kSanitized ? 1500 : 3000, {.seed = 3});
  const fs::path db = dir / "db";
  ChildResult first = index_to_end(db, sh_quote((dir / "small").string()), dir.path());
  ASSERT_TRUE(first.exited(0)) << first.err;
  const std::set<std::string> before = id_terms(db);
  ASSERT_EQ(before.size(), 20u);

  // ulimit -f (KiB in bash): table files may not grow past 512 KiB, so a
  // commit of the big folder fails with EFBIG (the indexer ignores SIGXFSZ).
  // Full stacks: a leak of Xapian's on that path is suppressed by name.
  const std::string both = sh_quote((dir / "small").string()) + " " + sh_quote((dir / "big").string());
  ChildResult full = run_child("exec bash -c " + sh_quote("ulimit -f 512; exec " +
                                                          testing_support::full_stacks_for_write_failures() +
                                                          index_command(db, both)),
                               dir.path());
  EXPECT_TRUE(full.exited(2)) << "exit " << full.exit_code << " signal " << full.signal << "\n" << full.err;
  EXPECT_NE(full.err.find("morgue-index: "), std::string::npos) << full.err;
  EXPECT_EQ(full.out.find("added"), std::string::npos) << "a failed run must not report success:\n" << full.out;
  std::cout << "full-disk message: " << full.err;

  expect_sound(db, "after the full disk");
  const std::set<std::string> after = id_terms(db);
  EXPECT_TRUE(std::includes(after.begin(), after.end(), before.begin(), before.end()));
  EXPECT_EQ(document_count(db), after.size());

  // With room again, a rerun finishes the job: the same state as a clean run.
  ChildResult rerun = index_to_end(db, both, dir.path());
  ASSERT_TRUE(rerun.exited(0)) << rerun.err;
  ChildResult clean = index_to_end(dir / "clean", both, dir.path());
  ASSERT_TRUE(clean.exited(0)) << clean.err;
  EXPECT_EQ(id_terms(db), id_terms(dir / "clean"));
}

// Every way a database can be unusable: morgue-search exits 2 with a message
// naming the problem, whatever the query.
class BadDatabaseTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    write_stories(*dir_ / "in", 800, {.seed = 4});
    ChildResult r = index_to_end(good(), sh_quote((*dir_ / "in").string()), dir_->path());
    ASSERT_TRUE(r.exited(0)) << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static fs::path good() { return *dir_ / "good"; }

  // A fresh copy of the good database to break.
  static fs::path copy(const std::string& name) {
    fs::path to = *dir_ / name;
    fs::remove_all(to);
    fs::copy(good(), to, fs::copy_options::recursive);
    return to;
  }

  static void overwrite(const fs::path& file, std::uintmax_t offset, std::size_t bytes, unsigned seed) {
    std::mt19937 rng(seed);
    std::string junk(bytes, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    if (!fs::exists(file)) std::ofstream(file, std::ios::binary).flush();
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(offset));
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }

  // Xapian 1.4 does not check every block it reads: junk over some blocks of
  // postlist.glass crashes it inside libxapian, with no exception to catch
  // (docs/robustness.md). Which blocks do depends on the database's layout,
  // which varies with the paths of the stories indexed (the temporary
  // directory's name). A crash counts as Xapian's only when the stack of its
  // report (the sanitizer's, or the one morgue-search prints itself:
  // searcher/crash_report.cc) starts in libxapian; morgue-search must then
  // still have named the database and the check to run.
  static bool crash_is_xapians(const fs::path& db, const ChildResult& r) {
    if (r.signal == 0 || !stack_starts_in_xapian(r.err)) return false;
    if (!kSanitized) {
      EXPECT_NE(r.err.find("morgue-search: crashed with the database " + db.string() +
                           " open (if Xapian met a damaged block there, xapian-check "),
                std::string::npos)
          << r.err;
    }
    std::cout << db.filename().string() << ": Xapian crashed reading this copy (signal " << r.signal << ")\n";
    return true;
  }

  // The first frame of a crash report outside the sanitizer runtime and libc
  // (a memcmp Xapian called): AddressSanitizer's "    #1 0x... (lib+0x...)"
  // or glibc's backtrace_symbols_fd "/path/lib(+0x...)[0x...]".
  static bool stack_starts_in_xapian(const std::string& err) {
    std::istringstream lines(err);
    for (std::string line; std::getline(lines, line);) {
      const bool sanitizer_frame = line.rfind("    #", 0) == 0;
      const bool glibc_frame = line.find(")[0x") != std::string::npos;
      if (!sanitizer_frame && !glibc_frame) continue;
      if (line.find("libsanitizer") != std::string::npos || line.find("__interceptor_") != std::string::npos ||
          line.find("/libc.so") != std::string::npos) {
        continue;
      }
      return line.find("/libxapian.so") != std::string::npos;
    }
    return false;
  }

  // Runs a few kinds of search; returns how many exited 2. Each must exit
  // 0, 1 or 2, never die from a signal, and explain an exit 2.
  static int searches(const fs::path& db) {
    int refused = 0;
    for (const char* args : {"council", "coun*", "'date:2000..2010 harbour'", "--facets --sort oldest budget",
                             "--show 0123456789abcdef"}) {
      TempDir scratch;
      ChildResult r = run_child("exec timeout 30 " + kSearch + " --json --db " + sh_quote(db.string()) + " " +
                                    args,
                                scratch.path());
      if (crash_is_xapians(db, r)) continue;
      EXPECT_EQ(r.signal, 0) << db << " " << args << "\n" << r.err;
      EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1 || r.exit_code == 2) << args << ": " << r.exit_code;
      EXPECT_EQ(r.err.find("terminate called"), std::string::npos) << r.err;
      if (r.exit_code == 2) {
        ++refused;
        EXPECT_EQ(r.err.rfind("morgue-search: ", 0), 0u) << r.err;
      }
    }
    return refused;
  }

  // The service (CGI mode) on the same database: answers 503 with a JSON
  // error for health and search; returns how many of the two did.
  static int unavailable(const fs::path& db) {
    int answered_503 = 0;
    for (const char* path : {"/healthz", "/api/search"}) {
      TempDir scratch;
      ChildResult r = testing_support::run_cgi(kSearch, db.string(), path, "q=council", scratch.path());
      if (crash_is_xapians(db, r)) continue;
      EXPECT_EQ(r.signal, 0) << db << " " << path << "\n" << r.err;
      int status = testing_support::cgi_status(r.out);
      EXPECT_TRUE(status == 200 || status == 503) << db << " " << path << ": HTTP " << status << "\n"
                                                  << r.out.substr(0, 300);
      if (status == 503) ++answered_503;
    }
    return answered_503;
  }

  static TempDir* dir_;
};

TempDir* BadDatabaseTest::dir_ = nullptr;

TEST_F(BadDatabaseTest, MissingDatabase) {
  EXPECT_EQ(searches(*dir_ / "no-such-db"), 5);
  EXPECT_EQ(unavailable(*dir_ / "no-such-db"), 2);
}

TEST_F(BadDatabaseTest, TruncatedTables) {
  for (const char* table : {"postlist.glass", "termlist.glass", "docdata.glass", "position.glass"}) {
    fs::path db = copy(std::string("trunc-") + table);
    fs::resize_file(db / table, 0);
    EXPECT_EQ(searches(db), 5) << table;
    EXPECT_EQ(unavailable(db), 2) << table;
  }
}

TEST_F(BadDatabaseTest, CorruptVersionFile) {
  fs::path db = copy("bad-version");
  overwrite(db / "iamglass", 0, 64, 7);
  EXPECT_EQ(searches(db), 5);
  EXPECT_EQ(unavailable(db), 2);
}

TEST_F(BadDatabaseTest, OverwrittenBlocksNeverCrash) {
  // Junk in the middle of a table may only be met by some queries; those must
  // fail cleanly (exit 2), the others may answer.
  for (const char* table : {"postlist.glass", "termlist.glass", "docdata.glass", "position.glass"}) {
    for (unsigned seed : {1u, 2u, 3u}) {
      fs::path db = copy(std::string("junk-") + table + std::to_string(seed));
      auto size = fs::file_size(db / table);
      std::uintmax_t block = 8192;
      std::uintmax_t blocks = std::max<std::uintmax_t>(1, size / block);
      overwrite(db / table, block * (seed * blocks / 4), static_cast<std::size_t>(block), seed);
      searches(db);
      unavailable(db);
    }
    fs::path db = copy(std::string("all-junk-") + table);
    overwrite(db / table, 0, static_cast<std::size_t>(fs::file_size(db / table)), 9);
    EXPECT_EQ(searches(db), 5) << table;
  }
}

// A crash names the database and the check to run, prints the stack and
// dies from the same signal (searcher/crash_report.cc). A SIGSEGV sent to
// the service while it waits for requests stands for Xapian dying on a
// damaged block.
TEST_F(BadDatabaseTest, ACrashNamesTheDatabaseToCheck) {
  if (kSanitized) GTEST_SKIP() << "AddressSanitizer reports a SIGSEGV with its own handler";
  TempDir scratch;
  const auto start = std::chrono::steady_clock::now();
  const std::string db = good().string();
  pid_t pid = spawn_shell("exec " + kSearch + " --serve --listen 127.0.0.1:0 --db " + sh_quote(db), scratch.path());
  for (int i = 0; i < 600 && slurp(scratch / "child.err").find("listening on") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(::kill(pid, SIGSEGV), 0);
  ChildResult r = wait_child(pid, scratch.path(), start);
  EXPECT_EQ(r.signal, SIGSEGV) << r.err;
  EXPECT_NE(r.err.find("morgue-serve: crashed with the database " + db + " open (if Xapian met a damaged block " +
                       "there, xapian-check " + db + " says so). Where it died:\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(")[0x"), std::string::npos) << "no stack:\n" << r.err;
}

TEST_F(BadDatabaseTest, OtherFormats) {
  fs::path random_dir = *dir_ / "random-files";
  fs::create_directories(random_dir);
  overwrite(random_dir / "postlist.glass", 0, 4096, 1);
  std::ofstream(random_dir / "junk") << "not a database";
  EXPECT_EQ(searches(random_dir), 5);

  for (const char* stamp : {"iamchert", "iamhoney", "iamflint"}) {
    fs::path stub = *dir_ / stamp;
    fs::create_directories(stub);
    std::ofstream(stub / stamp) << "junk";
    EXPECT_EQ(searches(stub), 5) << stamp;
    EXPECT_EQ(unavailable(stub), 2) << stamp;
  }
  std::ofstream(*dir_ / "stub-file") << "auto /nonexistent/shard\n";
  EXPECT_EQ(searches(*dir_ / "stub-file"), 5);
  overwrite(*dir_ / "random-file", 0, 3000, 2);
  EXPECT_EQ(searches(*dir_ / "random-file"), 5);
  EXPECT_EQ(unavailable(*dir_ / "random-file"), 2);
  EXPECT_EQ(unavailable(random_dir), 2);
}

}  // namespace
}  // namespace morgue
