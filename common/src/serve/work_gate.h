// How many searches run at once. The transport keeps many more connections
// than the machine has cores; the gate lets `slots` requests at a time do
// their work and queues the others first come, first served, each until its
// own deadline: under a burst every request waits about as long as the
// others (p99 near p50) instead of the CPU being shared by hundreds of
// searches, each holding a Searcher and its memory.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace morgue::serve {

class WorkGate {
 public:
  using Clock = std::chrono::steady_clock;

  explicit WorkGate(std::size_t slots);  // 0 counts as 1

  // A slot held for one request; given back (to the longest waiter) when the
  // pass ends. An empty pass (`!pass`) holds nothing: the deadline came first.
  class Pass {
   public:
    Pass() = default;
    explicit Pass(WorkGate* gate) : gate_(gate) {}
    Pass(Pass&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Pass& operator=(Pass&& other) noexcept;
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;
    ~Pass();
    explicit operator bool() const { return gate_ != nullptr; }

   private:
    WorkGate* gate_ = nullptr;
  };

  // Waits, in arrival order, for a free slot until `deadline`. Thread-safe.
  Pass enter(Clock::time_point deadline);

  std::size_t waiting() const;
  std::size_t free_slots() const;

 private:
  struct Waiter {
    std::condition_variable ready;
    bool granted = false;
  };
  void leave();

  mutable std::mutex mutex_;
  std::size_t free_;
  std::deque<Waiter*> queue_;
};

}  // namespace morgue::serve
