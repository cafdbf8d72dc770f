// The one worker pool (util/task_pool.h): every task once, stops, failures.
#include "util/task_pool.h"

#include <atomic>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

namespace morgue::util {
namespace {

TEST(TaskPool, EveryTaskIsClaimedExactlyOnce) {
  for (unsigned workers : {1u, 2u, 7u}) {
    std::vector<std::atomic<int>> seen(1000);
    TaskPool pool(seen.size());
    pool.start(workers, [&](unsigned) {
      while (auto i = pool.claim()) ++seen[*i];
    });
    pool.wait();
    pool.finish();
    for (const auto& n : seen) EXPECT_EQ(n.load(), 1) << workers << " workers";
  }
}

TEST(TaskPool, AStopEndsTheClaims) {
  std::atomic<bool> stop{false};
  std::atomic<int> done{0};
  TaskPool pool(1000, [&] { return stop.load(); });
  pool.start(2, [&](unsigned) {
    while (auto i = pool.claim()) {
      if (++done == 10) stop = true;
    }
  });
  pool.finish();
  EXPECT_GE(done.load(), 10);
  EXPECT_LE(done.load(), 12);  // at most one more per worker after the stop
}

TEST(TaskPool, TheFirstFailureStopsTheOthersAndIsRethrown) {
  std::atomic<int> done{0};
  TaskPool pool(100000);
  pool.start(3, [&](unsigned) {
    while (auto i = pool.claim()) {
      if (*i == 50) throw std::runtime_error("disk full");
      std::this_thread::sleep_for(std::chrono::microseconds(200));  // a task takes some time
      ++done;
    }
  });
  pool.wait();
  EXPECT_THROW(pool.finish(), std::runtime_error);
  EXPECT_LT(done.load(), 1000);  // the others stop soon after, at a claim
}

TEST(TaskPool, WaitTicksWhileWorkersRunAndReturnsWhenTheyLeave) {
  std::atomic<bool> release{false};
  std::atomic<int> ticks{0};
  TaskPool pool(1);
  pool.start(1, [&](unsigned) {
    while (auto i = pool.claim()) {
      while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  pool.wait(std::chrono::milliseconds(5), [&] {
    if (++ticks == 3) release = true;
  });
  pool.finish();
  EXPECT_GE(ticks.load(), 3);
}

}  // namespace
}  // namespace morgue::util
