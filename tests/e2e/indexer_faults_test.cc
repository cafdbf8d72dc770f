// The indexer never hangs or sticks (issue 18): a signal ends a run within a
// second, a full disk on a first build and its reruns never leaves an archive
// only hand cleaning recovers, a read-only database is called read-only, and
// a memory budget keeps two large files from being indexed at once.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
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
using namespace testing_support;  // run, run_child, TempDir, write_stories...

const std::string kIndex = MORGUE_INDEX_BIN;
const std::string kSearch = MORGUE_SEARCH_BIN;
const std::string kXapianCommitLeak = MORGUE_XAPIAN_COMMIT_LEAK_BIN;

// Longer stories than the default (eight sentences of fourteen words), so
// that 1,500 of them fill a small disk.
constexpr StoryShape kLongStories{.seed = 7, .sentences = 8, .words = 14};

// An HTML page of about `bytes` of paragraphs: seconds of parsing.
void write_large_page(const fs::path& file, std::size_t bytes) {
  std::mt19937 rng(11);
  fs::create_directories(file.parent_path());
  std::ofstream out(file);
  out << "<html><head><title>A long page</title></head><body><article><h1>A long page</h1>\n";
  for (std::size_t n = 0; n < bytes;) {
    std::string p = "<p>The";
    for (int w = 0; w < 60; ++w) p += std::string(" ") + kStoryWords[rng() % std::size(kStoryWords)];
    p += ".</p>\n";
    out << p;
    n += p.size();
  }
  out << "</article></body></html>\n";
}

// Failure 6: SIGTERM while a worker is deep in a large file. The run exits 3
// within a second, keeps what it committed, and leaves no lock behind.
TEST(IndexerFaults, SigtermEndsARunWithinASecond) {
  TempDir dir;
  write_stories(dir / "in", 30, kLongStories);
  // 16 MB: large pages are read in bounded buffers now and a 4 MB pair was
  // done before the signal.
  write_large_page(dir / "in" / "long-1.html", 16u << 20);
  write_large_page(dir / "in" / "long-2.html", 16u << 20);
  const std::string db = (dir / "db").string();
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = testing_support::spawn_shell(
      "exec " + kIndex + " --quiet --json --no-people --jobs 1 --batch 5 --db " + sh_quote(db) + " " + sh_quote((dir / "in").string()),
      dir.path());
  std::this_thread::sleep_for(std::chrono::milliseconds(700));  // the stories are done, a long page is in hand
  ::kill(pid, SIGTERM);
  const auto signalled = std::chrono::steady_clock::now();
  ChildResult r = testing_support::wait_child(pid, dir.path(), start);
  const double after_signal = std::chrono::duration<double>(std::chrono::steady_clock::now() - signalled).count();
  if (r.out.find("\"interrupted\":false") != std::string::npos) GTEST_SKIP() << "finished before the signal";
  EXPECT_TRUE(r.exited(3)) << "exit " << r.exit_code << " signal " << r.signal << "\n" << r.err;
  EXPECT_LT(after_signal, kSanitized ? 3.0 : 1.5) << "SIGTERM took " << after_signal << " s";
  // Not locked: the next run goes on at once and finishes the job.
  ChildResult again = run_child("exec " + kIndex + " --quiet --no-people --json --db " + sh_quote(db) + " " +
                                    sh_quote((dir / "in").string()),
                                dir.path());
  ASSERT_TRUE(again.exited(0)) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out)["documents"], 32);
}

// Runs `script` as root in a private mount namespace, where it may mount a
// small tmpfs at $M (a full disk) without touching the machine. Skips the
// test where that is not allowed (no root, no CAP_SYS_ADMIN).
ChildResult in_private_mount(const fs::path& dir, const std::string& script) {
  fs::create_directories(dir / "mnt");
  const std::string full = "set -u; M=" + sh_quote((dir / "mnt").string()) + "; B=" + sh_quote(kIndex) +
                           "; S=" + sh_quote(kSearch) + "; " + script;
  return run_child("exec unshare -m bash -c " + sh_quote(full), dir);
}

bool can_mount(const fs::path& dir) {
  ChildResult r = in_private_mount(dir, "mount -t tmpfs -o size=1m tmpfs $M && echo mounted");
  return r.exited(0) && r.out.find("mounted") != std::string::npos;
}

// The value after "KEY=" on a line of `out`.
std::string field(const std::string& out, const std::string& key) {
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
  }
  return "(missing " + key + ")";
}

// Failure 5: a first (parallel) build on a full disk, a rerun while still
// full, then room again: every step exits 2 or 0 with the archive readable,
// no part is left that holds no database, and the first run with room
// finishes with no hand cleaning.
TEST(IndexerFaults, FullDiskNeverLeavesTheArchiveStuck) {
  TempDir dir;
  if (!can_mount(dir.path())) GTEST_SKIP() << "cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN)";
  write_stories(dir / "in", 1500, kLongStories);
  const std::string in = sh_quote((dir / "in").string());
  const std::string index = "$B --quiet --no-people --jobs 2 --batch 50 --db $M/db " + in;
  // The runs on a full disk: full stacks in a sanitized build (child_process.h).
  const std::string filling = testing_support::full_stacks_for_write_failures() + index;
  ChildResult r = in_private_mount(dir.path(), R"(
    mount -t tmpfs -o size=1500k tmpfs $M
    )" + filling + R"( 2>$M/../first.err; echo first=$?
    $B --stats --json --db $M/db >/dev/null 2>&1; echo stats1=$?
    dd if=/dev/zero of=$M/filler bs=4k 2>/dev/null
    )" + filling + R"( 2>$M/../second.err; echo second=$?
    $B --stats --json --db $M/db >/dev/null 2>&1; echo stats2=$?
    bad=0; for p in $M/db.parts/part-*; do [ -e $p/iamglass ] || bad=$((bad+1)); done; echo emptyparts=$bad
    rm $M/filler; mount -o remount,size=100m $M
    )" + index + R"( 2>$M/../third.err; echo third=$?
    $B --stats --json --db $M/db 2>&1 | tr -d ' \n' | sed 's/.*"documents":\([0-9]*\).*/documents=\1\n/'
    [ -e $M/db.parts ] && echo parts-left=yes || echo parts-left=no
  )");
  ASSERT_TRUE(r.exited(0)) << r.err << r.out;
  EXPECT_EQ(field(r.out, "first"), "2") << slurp(dir / "first.err");
  EXPECT_EQ(field(r.out, "stats1"), "0");
  EXPECT_EQ(field(r.out, "second"), "2") << slurp(dir / "second.err");
  EXPECT_EQ(field(r.out, "stats2"), "0") << "a rerun on a full disk damaged the archive";
  EXPECT_EQ(field(r.out, "emptyparts"), "0") << "a part that holds no database was left";
  EXPECT_EQ(field(r.out, "third"), "0") << slurp(dir / "third.err");
  EXPECT_EQ(field(r.out, "documents"), "1500");
  EXPECT_EQ(field(r.out, "parts-left"), "no");
}

// The leak tests/sanitizers/lsan.supp suppresses under
// Xapian::WritableDatabase::commit() is Xapian's own: a program using Xapian
// alone (tests/sanitizers/xapian_commit_leak.cc) leaks, on a disk of the right
// size, the object the indexer leaked in CI when a part's commit hit a full
// disk (a write failing while the commit merges postings). The suppression
// silences it. When this fails because no size leaks any more, Xapian is
// fixed and the suppression can go.
TEST(IndexerFaults, XapianCommitLeakIsSuppressed) {
  if (!kSanitized) GTEST_SKIP() << "needs LeakSanitizer (scripts/sanitize)";
  TempDir dir;
  if (!can_mount(dir.path())) GTEST_SKIP() << "cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN)";
  const std::string supp = std::string(MORGUE_TEST_SOURCE_DIR) + "/tests/sanitizers/lsan.supp";
  // Which write fails depends on the size: with Xapian 1.4.22 several sizes
  // in this range leak (680 and 700 KiB did on every try).
  const std::string run = testing_support::full_stacks_for_write_failures() + sh_quote(kXapianCommitLeak);
  ChildResult r = in_private_mount(dir.path(), "X() { " + run + R"( "$@"; }
    mount -t tmpfs -o size=600k tmpfs $M
    for k in $(seq 600 10 800); do
      rm -rf $M/db; mount -o remount,size=${k}k $M
      LSAN_OPTIONS= X $M/db 2>$M/../bare.err
      if grep -q LeakSanitizer $M/../bare.err; then echo size=$k; break; fi
    done
    rm -rf $M/db
    LSAN_OPTIONS=suppressions=)" + sh_quote(supp) + R"( X $M/db 2>$M/../suppressed.err; echo suppressed=$?
  )");
  ASSERT_TRUE(r.exited(0)) << r.err << r.out;
  ASSERT_NE(field(r.out, "size"), "(missing size)")
      << "no disk size from 600 to 800 KiB makes Xapian leak: if Xapian is fixed, drop the suppression\n"
      << testing_support::slurp(dir / "bare.err");
  std::cout << "Xapian alone leaks on a " << field(r.out, "size") << " KiB disk\n";
  const std::string bare = testing_support::slurp(dir / "bare.err");
  EXPECT_NE(bare.find("xapian_commit_leak: DatabaseError: Error writing block"), std::string::npos) << bare;
  EXPECT_NE(bare.find("libxapian.so"), std::string::npos) << bare;
  EXPECT_NE(bare.find("in Xapian::WritableDatabase::commit()"), std::string::npos) << bare;
  // With the suppression (on that same disk size) the program just fails.
  EXPECT_EQ(field(r.out, "suppressed"), "2") << testing_support::slurp(dir / "suppressed.err");
  EXPECT_EQ(testing_support::slurp(dir / "suppressed.err").find("LeakSanitizer"), std::string::npos);
}

// Failure 10: a database on a read-only file system is not "locked".
TEST(IndexerFaults, ReadOnlyDatabaseIsCalledReadOnly) {
  TempDir dir;
  if (!can_mount(dir.path())) GTEST_SKIP() << "cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN)";
  write_stories(dir / "in", 3, kLongStories);
  write_stories(dir / "more", 5, kLongStories);
  ChildResult r = in_private_mount(dir.path(), R"(
    mount -t tmpfs -o size=20m tmpfs $M
    $B --quiet --no-people --db $M/db )" + sh_quote((dir / "in").string()) + R"(; echo first=$?
    mount -o remount,ro $M
    $B --quiet --no-people --db $M/db )" + sh_quote((dir / "more").string()) + R"( 2>&1; echo second=$?
  )");
  ASSERT_TRUE(r.exited(0)) << r.err << r.out;
  EXPECT_EQ(field(r.out, "first"), "0");
  EXPECT_EQ(field(r.out, "second"), "2");
  EXPECT_NE(r.out.find("is read-only (Read-only file system)"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("locked"), std::string::npos) << r.out;
}

// Failure 7: two large pages with two jobs. With a budget that holds one of
// them, they are indexed one after the other: the peak stays near one
// page's cost, well below the two at once.
TEST(IndexerFaults, MemoryBudgetKeepsLargeFilesApart) {
  if (kSanitized) GTEST_SKIP() << "peak memory is not meaningful under ASan";
  TempDir dir;
  write_large_page(dir / "in" / "long-1.html", 4u << 20);  // estimate without people: 8 + 8 x 4 = 40 MB
  write_large_page(dir / "in" / "long-2.html", 4u << 20);
  auto index = [&](const std::string& budget, const std::string& db) {
    return run_child("exec " + kIndex + " --no-people --jobs 2 --max-memory " + budget + " --db " +
                         sh_quote((dir / db).string()) + " " + sh_quote((dir / "in").string()),
                     dir.path());
  };
  ChildResult both = index("4000", "both");
  ChildResult one = index("60", "one");
  ASSERT_TRUE(both.exited(0)) << both.err;
  ASSERT_TRUE(one.exited(0)) << one.err;
  std::cout << "peak RSS: " << both.max_rss_kb / 1024 << " MB both at once, " << one.max_rss_kb / 1024
            << " MB with --max-memory 60\n";
  // Measured: 120 MB at once, 100 MB one after the other (as with --jobs 1;
  // the first page's documents wait in the writer's batch), 69 MB for one page alone.
  EXPECT_LT(one.max_rss_kb * 100, both.max_rss_kb * 92) << "the budget did not keep the pages apart";
  ChildResult refused = index("20", "refused");
  EXPECT_TRUE(refused.exited(1)) << refused.err;
  EXPECT_NE(refused.err.find("file too large for the memory budget"), std::string::npos) << refused.err;
}

// Issue 18: a large file is indexed in bounded buffers. A 30 MB page with
// people extraction took about 30 times its size (the parser's copy of the
// input, the tree, text copies, a list of every word for the duplicate key,
// the recogniser's tokens over the whole text) and failed with bad_alloc
// under a 512 MiB address-space limit; now the recogniser reads its first
// MiB and the rest is streamed or freed early: about 7 times the page.
TEST(IndexerFaults, LargePageIsIndexedInBoundedMemory) {
  if (kSanitized) GTEST_SKIP() << "ASan reserves terabytes of address space: no ulimit -v";
  TempDir dir;
  write_large_page(dir / "in" / "long.html", 30u << 20);
  const std::string db = sh_quote((dir / "db").string());
  ChildResult r = run_child("ulimit -v 524288 && exec " + kIndex + " --jobs 1 --db " + db + " " +
                                sh_quote((dir / "in").string()),
                            dir.path());
  ASSERT_TRUE(r.exited(0)) << "exit " << r.exit_code << " signal " << r.signal << "\n" << r.err;
  std::cout << "peak RSS for a 30 MB page with people: " << r.max_rss_kb / 1024 << " MB\n";
  EXPECT_LT(r.max_rss_kb, 400L * 1024) << "more than 13 times the page";
  // The page is indexed and found.
  ChildResult found = run_child("exec " + kSearch + " --json --db " + db + " harbour", dir.path());
  ASSERT_TRUE(found.exited(0)) << found.err;
  EXPECT_EQ(nlohmann::json::parse(found.out)["total"], 1);
}

}  // namespace
}  // namespace morgue
