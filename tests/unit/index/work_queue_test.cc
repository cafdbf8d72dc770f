// The reorder buffer between the indexing workers and the writer: results
// come out in index order, a worker too far ahead waits, close() wakes all.
#include "index/work_queue.h"

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace morgue {
namespace {

using namespace std::chrono_literals;

TEST(WorkQueue, PopsInIndexOrderWhateverThePushOrder) {
  const std::vector<std::vector<std::size_t>> orders = {{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}, {1, 3, 0, 2}};
  for (const auto& order : orders) {
    WorkQueue<std::string> queue(8);
    for (std::size_t i : order) ASSERT_TRUE(queue.push(i, "task " + std::to_string(i)));
    queue.producer_done();
    for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(queue.pop(), "task " + std::to_string(i));
    EXPECT_FALSE(queue.pop()) << "every producer done, nothing left";
  }
}

TEST(WorkQueue, TheWriterWaitsForTheNextIndexNotForAnyResult) {
  WorkQueue<int> queue(8);
  ASSERT_TRUE(queue.push(1, 11));
  auto popped = std::async(std::launch::async, [&] { return queue.pop(); });
  EXPECT_EQ(popped.wait_for(200ms), std::future_status::timeout) << "index 1 came out before index 0";
  ASSERT_TRUE(queue.push(0, 10));
  ASSERT_EQ(popped.wait_for(5s), std::future_status::ready);
  EXPECT_EQ(popped.get(), 10);
}

TEST(WorkQueue, AWorkerTooFarAheadWaitsUntilTheWriterCatchesUp) {
  WorkQueue<int> queue(2);
  ASSERT_TRUE(queue.push(1, 11));
  auto ahead = std::async(std::launch::async, [&] { return queue.push(2, 12); });
  EXPECT_EQ(ahead.wait_for(200ms), std::future_status::timeout) << "index 2 is two past index 0";
  ASSERT_TRUE(queue.push(0, 10));
  EXPECT_EQ(queue.pop(), 10);
  ASSERT_EQ(ahead.wait_for(5s), std::future_status::ready);
  EXPECT_TRUE(ahead.get());
}

// A gap that never fills (a worker failed): the writer is not left waiting
// once the producers are done; close() wakes a waiting push, which fails,
// and drops what the queue held.
TEST(WorkQueue, ProducersDoneOrCloseEndEveryWait) {
  WorkQueue<std::shared_ptr<int>> queue(2);
  queue.set_producers(2);
  auto held = std::make_shared<int>(7);
  ASSERT_TRUE(queue.push(1, held));
  auto popped = std::async(std::launch::async, [&] { return queue.pop(); });
  queue.producer_done();
  EXPECT_EQ(popped.wait_for(200ms), std::future_status::timeout) << "one producer is still at work";
  queue.producer_done();
  ASSERT_EQ(popped.wait_for(5s), std::future_status::ready);
  EXPECT_FALSE(popped.get());

  auto ahead = std::async(std::launch::async, [&] { return queue.push(5, std::make_shared<int>(5)); });
  EXPECT_EQ(ahead.wait_for(200ms), std::future_status::timeout);
  EXPECT_EQ(held.use_count(), 2);
  queue.close();
  ASSERT_EQ(ahead.wait_for(5s), std::future_status::ready);
  EXPECT_FALSE(ahead.get());
  EXPECT_EQ(held.use_count(), 1) << "close() drops the results held";
  EXPECT_FALSE(queue.push(0, held));
  EXPECT_FALSE(queue.pop());
}

}  // namespace
}  // namespace morgue
