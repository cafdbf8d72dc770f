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

// Turns: memory goes to tasks in index order, room or not; a turn that
// will not reserve (a refused file) passes, early or in its turn.
TEST(MemoryBudget, TurnsAreGrantedInIndexOrder) {
  MemoryBudget budget(100);
  auto second = std::async(std::launch::async, [&] { return budget.reserve(10, nullptr, 1); });
  EXPECT_EQ(second.wait_for(200ms), std::future_status::timeout) << "turn 1 went before turn 0";
  auto first = budget.reserve(10, nullptr, 0);
  ASSERT_TRUE(first);
  ASSERT_EQ(second.wait_for(5s), std::future_status::ready);
  auto got_second = second.get();
  ASSERT_TRUE(got_second);
  budget.pass(1);  // already reserved: nothing happens

  budget.pass(3);  // refused before its turn came
  auto fifth = std::async(std::launch::async, [&] { return budget.reserve(10, nullptr, 4); });
  EXPECT_EQ(fifth.wait_for(200ms), std::future_status::timeout) << "turn 4 went before turn 2";
  budget.pass(2);  // refused in its turn: 3 has passed too, so 4 goes
  ASSERT_EQ(fifth.wait_for(5s), std::future_status::ready);
  auto got_fifth = fifth.get();
  ASSERT_TRUE(got_fifth);
  EXPECT_EQ(budget.in_use(), 30u);
  auto sixth = budget.reserve(10, nullptr, 5);
  EXPECT_TRUE(sixth) << "turn 5 follows at once";
}

// A turn waiting for room keeps the later turns waiting, even those that
// would fit; a stop wakes them all.
TEST(MemoryBudget, ALaterTurnWaitsBehindOneWaitingForRoom) {
  MemoryBudget budget(100);
  std::atomic<bool> stop{false};
  auto held = budget.reserve(70, &stop);  // no turn: a reservation outside the order
  ASSERT_TRUE(held);
  auto big = std::async(std::launch::async, [&] { return budget.reserve(50, &stop, 0); });
  auto small = std::async(std::launch::async, [&] { return budget.reserve(10, &stop, 1); });
  EXPECT_EQ(small.wait_for(200ms), std::future_status::timeout) << "10 bytes fit, but turn 0 is first";
  stop = true;
  ASSERT_EQ(big.wait_for(2s), std::future_status::ready);
  ASSERT_EQ(small.wait_for(2s), std::future_status::ready);
  EXPECT_FALSE(big.get());
  EXPECT_FALSE(small.get());
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
