// The run's memory budget: reservations wait for room, a stop wakes them.
#include "index/memory_budget.h"

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include <gtest/gtest.h>

namespace morgue {
namespace {

using namespace std::chrono_literals;

TEST(MemoryBudget, ReservationsWaitForRoom) {
  MemoryBudget budget(100);
  auto a = budget.reserve(60, nullptr);
  ASSERT_TRUE(a);
  EXPECT_EQ(budget.in_use(), 60u);
  auto b = std::async(std::launch::async, [&] { return budget.reserve(60, nullptr); });
  EXPECT_EQ(b.wait_for(200ms), std::future_status::timeout) << "two 60-byte files fit in a 100-byte budget";
  a.reset();  // the first file is done
  ASSERT_EQ(b.wait_for(5s), std::future_status::ready);
  auto held = b.get();
  ASSERT_TRUE(held);
  EXPECT_EQ(budget.in_use(), 60u);
  held->release();
  EXPECT_EQ(budget.in_use(), 0u);
}

TEST(MemoryBudget, SmallFilesShareTheBudget) {
  MemoryBudget budget(100);
  auto a = budget.reserve(40, nullptr);
  auto b = budget.reserve(40, nullptr);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(budget.in_use(), 80u);
  MemoryBudget::Reservation moved = std::move(*a);
  a.reset();
  EXPECT_EQ(budget.in_use(), 80u) << "moving a reservation keeps it";
}

TEST(MemoryBudget, AStopWakesAWaitingWorker) {
  MemoryBudget budget(100);
  std::atomic<bool> stop{false};
  auto a = budget.reserve(100, &stop);
  ASSERT_TRUE(a);
  auto b = std::async(std::launch::async, [&] { return budget.reserve(1, &stop); });
  std::this_thread::sleep_for(100ms);
  stop = true;
  ASSERT_EQ(b.wait_for(2s), std::future_status::ready);
  EXPECT_FALSE(b.get());
}

TEST(MemoryBudget, EstimateGrowsWithSizeAndPeople) {
  EXPECT_LT(memory_estimate(1 << 20, false), memory_estimate(1 << 20, true));
  EXPECT_LT(memory_estimate(1 << 20, true), memory_estimate(10 << 20, true));
  // Measured: a 60 MB HTML page peaks at 0.43 GB with people or without
  // (the recogniser reads its first MiB), a 60 MB text article at 0.40 GB.
  EXPECT_GE(memory_estimate(60'000'000, true), 430'000'000u);
  EXPECT_GE(memory_estimate(60'000'000, false), 430'000'000u);
  // People cost a bounded extra, not a multiple of the file.
  EXPECT_LE(memory_estimate(60'000'000, true) - memory_estimate(60'000'000, false), std::size_t{32} << 20);
  EXPECT_GT(default_memory_budget(), 0u);
  EXPECT_EQ(MemoryBudget(0).limit(), default_memory_budget());
}

}  // namespace
}  // namespace morgue
