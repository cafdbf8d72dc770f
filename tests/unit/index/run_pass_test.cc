// One indexing pass (index/run_pass.h) with a writer that only records what
// it is given: outcomes come in path order whichever worker finishes first,
// and a budget that fits one file at a time never deadlocks the reorder.
#include "index/run_pass.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace morgue {
namespace {

using namespace std::chrono_literals;
using testing_support::TempDir;

// Satisfies ArchiveSink: every file is new, applies are recorded.
class RecordingWriter {
 public:
  bool unchanged(const FoundFile&) const { return false; }
  std::optional<FileState> prior_state(const std::string&) const { return std::nullopt; }
  void apply(Outcome& out) {
    paths.push_back(out.task.file.path);
    for (const auto& p : out.extraction.problems) problems.push_back(p.reason);
    if (out.cancelled) ++cancelled;
    stories += out.documents.size();
    if (after_apply) after_apply(paths.size());
  }
  void prune(const std::set<std::string>&, const std::vector<std::string>&) {}
  void commit() { ++commits; }
  std::size_t document_count() const { return stories; }

  std::vector<std::string> paths;
  std::vector<std::string> problems;
  std::size_t stories = 0;
  std::size_t cancelled = 0;
  int commits = 0;
  std::function<void(std::size_t applied)> after_apply;
};
static_assert(ArchiveSink<RecordingWriter>);

// A JSON Lines file of `stories` short stories: extracting it takes about
// as long as its size.
void write_stories(const std::filesystem::path& path, int stories) {
  std::ofstream out(path);
  for (int i = 0; i < stories; ++i) {
    out << "{\"title\": \"Ferry timetable " << i << "\", \"date\": \"1991-05-0" << 1 + i % 9
        << "\", \"body\": \"The ferry to Varnholm island left at " << i % 24
        << " o'clock, the harbour office of Tessby said, and the next one sails at noon.\"}\n";
  }
}

std::vector<FoundFile> walk(const TempDir& dir) {
  return walk_inputs({dir.path()}, [](const Problem& p) { ADD_FAILURE() << p.where << ": " << p.reason; });
}

std::vector<std::string> sorted_paths(const std::vector<FoundFile>& files) {
  std::vector<std::string> paths;
  for (const auto& f : files) paths.push_back(f.path);
  std::sort(paths.begin(), paths.end());
  return paths;
}

// Runs the pass on a thread; a pass still running after `limit` is stopped
// (so that a deadlock fails the test rather than hanging it). False then.
bool run_with_timeout(RecordingWriter& writer, IndexOptions& options, std::vector<FoundFile> files, unsigned jobs,
                      IndexSummary& summary, std::chrono::seconds limit = 60s) {
  std::atomic<bool> stop{false};
  options.stop = &stop;
  auto running = std::async(std::launch::async, [&] { run_pass(writer, options, std::move(files), jobs, summary); });
  const bool finished = running.wait_for(limit) == std::future_status::ready;
  if (!finished) stop = true;
  running.get();
  options.stop = nullptr;
  return finished;
}

// Large and small files alternate, so with four workers the small ones
// after a large one finish first; the writer still gets them in path order.
TEST(RunPass, AppliesOutcomesInPathOrderWhateverFinishesFirst) {
  TempDir dir;
  for (int k = 0; k < 24; ++k) {
    const std::string name = std::string(1, static_cast<char>('a' + k)) + ".jsonl";
    write_stories(dir / name, k % 4 == 0 ? 4000 : 1 + k % 3);
  }
  for (unsigned jobs : {1u, 4u}) {
    RecordingWriter writer;
    IndexOptions options;
    IndexSummary summary;
    auto files = walk(dir);
    const auto expected = sorted_paths(files);
    ASSERT_TRUE(run_with_timeout(writer, options, std::move(files), jobs, summary)) << "deadlocked";
    EXPECT_EQ(writer.paths, expected) << jobs << " workers";
    EXPECT_EQ(writer.stories, 6u * 4000 + 6u * (2 + 3 + 1)) << jobs << " workers";
    EXPECT_EQ(writer.commits, 1);
    EXPECT_FALSE(summary.interrupted);
  }
}

// A budget that holds one file or two at a time, many workers, files that
// need from a third of it to nearly all, and one that needs more than all
// of it (reported, skipped): later files that finish first hold memory
// while they wait for an earlier one, which must still get its share.
TEST(RunPass, ATinyBudgetWithManyWorkersFinishesInPathOrder) {
  TempDir dir;
  const std::size_t budget = memory_estimate(1'200'000, false);
  const std::vector<int> stories = {2000, 40, 3500, 900, 10, 3000, 1800, 300, 3600, 25, 2500, 1200};
  for (int k = 0; k < 36; ++k) {
    write_stories(dir / ("story-" + std::to_string(100 + k) + ".jsonl"), stories[k % stories.size()]);
  }
  write_stories(dir / "story-117-large.jsonl", 12000);  // about 1.9 MB: its estimate passes the budget
  auto files = walk(dir);
  std::size_t refused = 0;
  for (const auto& f : files) {
    ASSERT_LE(memory_estimate(f.size, false) * 2, budget * 3) << f.path << ": " << f.size << " bytes";
    if (memory_estimate(f.size, false) > budget) ++refused;
  }
  ASSERT_EQ(refused, 1u);
  const auto expected = sorted_paths(files);
  RecordingWriter writer;
  IndexOptions options;
  options.max_memory = budget;
  IndexSummary summary;
  ASSERT_TRUE(run_with_timeout(writer, options, std::move(files), 8, summary)) << "deadlocked";
  EXPECT_EQ(writer.paths, expected);
  ASSERT_EQ(writer.problems.size(), 1u);
  EXPECT_NE(writer.problems[0].find("file too large for the memory budget"), std::string::npos) << writer.problems[0];
  EXPECT_EQ(writer.cancelled, 0u);
  EXPECT_FALSE(summary.interrupted);
}

// A stop while workers wait for their turn and for memory ends the pass at
// once: what was applied is committed, in order, and the rest is not read.
TEST(RunPass, AStopWhileWorkersWaitForMemoryEndsThePassPromptly) {
  TempDir dir;
  for (int k = 0; k < 40; ++k) write_stories(dir / ("story-" + std::to_string(100 + k) + ".jsonl"), 3000);
  auto files = walk(dir);
  const auto all = sorted_paths(files);
  RecordingWriter writer;
  IndexOptions options;
  options.max_memory = memory_estimate(files.front().size, false);  // one file at a time
  std::atomic<bool> stop{false};
  options.stop = &stop;
  writer.after_apply = [&](std::size_t applied) {
    if (applied == 2) stop = true;
  };
  IndexSummary summary;
  const auto start = std::chrono::steady_clock::now();
  auto running = std::async(std::launch::async, [&] { run_pass(writer, options, std::move(files), 8, summary); });
  if (running.wait_for(60s) != std::future_status::ready) {
    stop = true;  // a deadlock before the second apply: end it, and fail
    running.get();
    FAIL() << "deadlocked before the stop";
  }
  running.get();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 30s);
  EXPECT_TRUE(summary.interrupted);
  EXPECT_EQ(writer.paths, std::vector<std::string>(all.begin(), all.begin() + 2)) << "the first two, in order";
  EXPECT_EQ(writer.commits, 1);
}

}  // namespace
}  // namespace morgue
