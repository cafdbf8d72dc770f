// What a worker makes of one file when the file misbehaves after the walk:
// swapped for a FIFO, rewritten while read, swapped for a link, too large
// for the memory budget (issue 18, failures 6, 7 and 9).
#include "index/pipeline.h"

#include <atomic>
#include <chrono>
#include <fstream>
#include <future>
#include <set>
#include <string>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace morgue {
namespace {

using testing_support::TempDir;

Task task_for(const std::filesystem::path& path, std::uint64_t size) {
  Task t;
  t.file.path = path.string();
  t.file.size = size;
  return t;
}

std::string problems(const Outcome& out) {
  std::string all;
  for (const auto& p : out.extraction.problems) all += p.reason + "\n";
  return all;
}

TEST(Process, AFileSwappedForAFifoAfterTheWalkNeverBlocks) {
  TempDir dir;
  const auto path = dir / "story.txt";
  ASSERT_EQ(::mkfifo(path.c_str(), 0644), 0);
  auto working = std::async(std::launch::async, [&] { return process(task_for(path, 120), ExtractOptions{}); });
  if (working.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
    int writer = ::open(path.c_str(), O_WRONLY | O_NONBLOCK);
    if (writer >= 0) ::close(writer);
    FAIL() << "process() blocked on a FIFO";
  }
  Outcome out = working.get();
  EXPECT_TRUE(out.documents.empty());
  EXPECT_EQ(problems(out), "not a regular file (FIFO, socket or device)\n");
}

TEST(Process, AFileSwappedForALinkAfterTheWalkIsNotFollowed) {
  TempDir dir;
  std::ofstream(dir / "secret") << "2020-01-01 - News\n\nSecret\n\nNot for the index.\n";
  std::filesystem::create_symlink(dir / "secret", dir / "story.txt");
  Outcome out = process(task_for(dir / "story.txt", 40), ExtractOptions{});  // the walk saw a plain file
  EXPECT_TRUE(out.documents.empty());
  EXPECT_EQ(problems(out), "became a symbolic link after the walk; not followed\n");
  Task linked = task_for(dir / "story.txt", 40);
  linked.file.via_link = true;  // the walk saw the link (inside the inputs)
  EXPECT_EQ(process(std::move(linked), ExtractOptions{}).documents.size(), 1u);
}

// A JSON Lines export rewritten in place, again and again, while it is read:
// the outcome is either every story of one version, or a failure; never a
// torn mix reported as success (6,804 of 19,931 stories in the issue).
TEST(Process, AFileRewrittenWhileReadIsNeverIndexedTorn) {
  TempDir dir;
  const auto path = dir / "export.jsonl";
  constexpr int kLines = 20000;
  auto version = [](int v) {
    std::string text;
    for (int i = 0; i < kLines; ++i) {
      text += "{\"title\": \"Version " + std::to_string(v) + " story " + std::to_string(i) +
              "\", \"body\": \"A body long enough to count as a story, number " + std::to_string(i) + ".\"}\n";
    }
    return text;
  };
  std::ofstream(path) << version(0);
  std::atomic<bool> done{false};
  std::jthread writer([&](std::stop_token stop) {
    for (int v = 1; !done && !stop.stop_requested(); ++v) {
      const std::string text = version(v % 2);
      int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC);
      for (std::size_t at = 0; fd >= 0 && at < text.size() && !stop.stop_requested(); at += 4096) {
        if (::write(fd, text.data() + at, std::min<std::size_t>(4096, text.size() - at)) < 0) break;
      }
      if (fd >= 0) ::close(fd);
    }
  });
  for (int round = 0; round < 5; ++round) {
    Outcome out = process(task_for(path, std::filesystem::file_size(path)), ExtractOptions{});
    if (out.documents.empty()) {
      // Reported, not indexed. "empty file": on ext4 the truncation can
      // hold the file at 0 bytes while it waits for writeback, long enough
      // for two looks to agree; nothing torn is indexed either way.
      const std::string why = problems(out);
      EXPECT_TRUE(why.find("changed while being read") != std::string::npos || why == "empty file\n") << why;
      continue;
    }
    EXPECT_TRUE(out.extraction.problems.empty()) << problems(out);
    ASSERT_EQ(out.extraction.articles.size(), static_cast<std::size_t>(kLines)) << "torn read indexed";
    std::set<std::string> versions;
    for (const auto& a : out.extraction.articles) versions.insert(a.title.substr(0, 9));
    EXPECT_EQ(versions.size(), 1u) << "two versions mixed in one read";
  }
  done = true;
}

TEST(Process, AFileTooLargeForTheMemoryBudgetIsReportedUnread) {
  TempDir dir;
  std::ofstream(dir / "a.txt") << "2020-01-01 - News\n\nA story\n\nWith a body.\n";
  MemoryBudget budget(4 << 20);  // below the estimate of any file
  Outcome out = process(task_for(dir / "a.txt", 40), ExtractOptions{}, &budget);
  EXPECT_TRUE(out.documents.empty());
  EXPECT_NE(problems(out).find("file too large for the memory budget"), std::string::npos) << problems(out);
  EXPECT_EQ(budget.in_use(), 0u);

  MemoryBudget room(64 << 20);
  Outcome fine = process(task_for(dir / "a.txt", 40), ExtractOptions{}, &room);
  EXPECT_EQ(fine.documents.size(), 1u) << problems(fine);
  EXPECT_EQ(room.in_use(), memory_estimate(40, false)) << "held until the outcome is applied";
  fine = Outcome{};
  EXPECT_EQ(room.in_use(), 0u);
}

TEST(Process, AStopWhileWaitingForMemoryCancelsTheFile) {
  TempDir dir;
  std::ofstream(dir / "a.txt") << "2020-01-01 - News\n\nA story\n\nWith a body.\n";
  MemoryBudget budget(memory_estimate(40, false));
  auto held = budget.reserve(1, nullptr);
  std::atomic<bool> stop{false};
  auto working = std::async(std::launch::async, [&] { return process(task_for(dir / "a.txt", 40), ExtractOptions{}, &budget, &stop); });
  EXPECT_EQ(working.wait_for(std::chrono::milliseconds(200)), std::future_status::timeout);
  stop = true;
  ASSERT_EQ(working.wait_for(std::chrono::seconds(2)), std::future_status::ready);
  Outcome out = working.get();
  EXPECT_TRUE(out.cancelled);
  EXPECT_TRUE(out.documents.empty());
}

}  // namespace
}  // namespace morgue
