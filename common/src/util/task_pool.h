// The one way Morgue runs work on threads: a fixed number of workers claim
// task indexes [0, count) in order until none is left, the run is stopped,
// or a worker failed. Used by the nightly pass (index/run_pass.h), the
// parallel full build (index/full_build.cc) and --extract
// (extract/extract.cc), which differ only in what a worker does with a task.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace morgue::util {

class TaskPool {
 public:
  // `stop`, when given, is asked before each claim (SIGTERM, say).
  explicit TaskPool(std::size_t count, std::function<bool()> stop = {}) : count_(count), stop_(std::move(stop)) {}
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;
  ~TaskPool() { threads_.clear(); }  // joins; a failure not collected by finish() is dropped

  // Starts `workers` threads, each running work(w) with w in [0, workers).
  // An exception leaving work() is kept (the first one) and ends all claims.
  void start(unsigned workers, std::function<void(unsigned)> work);

  // The next task index, or nullopt when every task is claimed, the run is
  // stopped, or a worker failed.
  std::optional<std::size_t> claim();

  // Waits until every worker has returned, calling tick() every `period`
  // meanwhile (progress reports); returns at once when the last one leaves.
  void wait(std::chrono::milliseconds period = std::chrono::milliseconds(200),
            const std::function<void()>& tick = {});

  // Joins every worker, then rethrows the first failure, if any.
  void finish();

  std::size_t size() const { return count_; }

 private:
  const std::size_t count_;
  const std::function<bool()> stop_;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> failed_{false};
  std::exception_ptr failure_;
  std::mutex mutex_;
  std::condition_variable done_;
  unsigned running_ = 0;
  std::vector<std::jthread> threads_;
};

// Runs each(i) for every i in [0, count) on up to `workers` threads (at
// least one, at most `count`; 0 means one a hardware thread), then rethrows
// the first failure. For work split by database: the parts of a build, the
// shards of an archive.
void for_each_index(std::size_t count, unsigned workers, const std::function<void(std::size_t)>& each);

}  // namespace morgue::util
