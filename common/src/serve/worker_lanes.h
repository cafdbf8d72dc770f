// A fixed pool of threads with two first-come first-served queues: quick
// jobs (cheap requests such as /healthz) and the rest. `quick_workers`
// threads take quick jobs only, so that one always waits for them; the other
// `workers` take a quick job before any other. Used by the event loop
// (serve/event_loop.h) to run whole requests.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace morgue::serve {

class WorkerLanes {
 public:
  using Job = std::function<void()>;

  WorkerLanes(std::size_t workers, std::size_t quick_workers);  // workers: 0 counts as 1
  ~WorkerLanes();  // finish()
  WorkerLanes(const WorkerLanes&) = delete;
  WorkerLanes& operator=(const WorkerLanes&) = delete;

  // Thread-safe. A job must not throw.
  void push(Job job, bool quick);
  // Runs every job already pushed, then ends the threads. Idempotent.
  void finish();

 private:
  void work(bool quick_only);

  std::mutex mutex_;
  std::condition_variable general_ready_, quick_ready_;
  std::deque<Job> quick_, general_;
  std::size_t idle_quick_ = 0;
  bool finishing_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace morgue::serve
