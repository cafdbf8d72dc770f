// The memory budget of an indexing run (IndexOptions::max_memory): workers
// reserve an estimate of what a file will take before reading it, and wait
// while the others hold the budget. A run that applies its files in task
// order (index/run_pass.h) also has the reservations granted in that order.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <set>

namespace morgue {

// About what indexing a file of `bytes` takes at its peak: the bytes, the
// parser's tree and the article text, and with people extraction the
// recogniser's tokens and features over its window of the text. Measured on
// large pages (a 60 MB HTML page: 0.43 GB with people or without, a 60 MB
// text article 0.40 GB; docs/robustness.md).
std::size_t memory_estimate(std::uint64_t bytes, bool people);

// The run's budget when `requested` is 0: half of physical memory.
std::size_t default_memory_budget();

class MemoryBudget {
 public:
  // A held share of the budget, given back when destroyed. Movable.
  class Reservation {
   public:
    Reservation() = default;
    Reservation(Reservation&& other) noexcept : budget_(other.budget_), bytes_(other.bytes_) { other.budget_ = nullptr; }
    Reservation& operator=(Reservation&& other) noexcept;
    Reservation(const Reservation&) = delete;
    Reservation& operator=(const Reservation&) = delete;
    ~Reservation() { release(); }
    void release();

   private:
    friend class MemoryBudget;
    Reservation(MemoryBudget* budget, std::size_t bytes) : budget_(budget), bytes_(bytes) {}
    MemoryBudget* budget_ = nullptr;
    std::size_t bytes_ = 0;
  };

  // `limit` in bytes; 0 means default_memory_budget().
  explicit MemoryBudget(std::size_t limit);
  MemoryBudget(const MemoryBudget&) = delete;
  MemoryBudget& operator=(const MemoryBudget&) = delete;

  std::size_t limit() const { return limit_; }
  std::size_t in_use() const;

  // Blocks until `bytes` fit beside what is held (or nothing is held: one
  // file always gets the whole budget), or until `stop` is set (nullopt).
  // With a `turn` (the index of the caller's task, counted from 0), also
  // until every earlier turn has reserved or passed: memory goes to tasks
  // in index order. Every turn must reserve or pass() once, or the later
  // ones wait for ever (or until `stop`). Reservations without a turn do
  // not wait for turns. Thread-safe. The caller checks `bytes <= limit()` first.
  std::optional<Reservation> reserve(std::size_t bytes, const std::atomic<bool>* stop,
                                     std::optional<std::size_t> turn = std::nullopt);

  // Turn `turn` will not reserve (its file was refused, the run stopped, or
  // it failed): later turns need not wait for it. Nothing happens when the
  // turn has already reserved or passed. Thread-safe, never blocks.
  void pass(std::size_t turn);

 private:
  void give_back(std::size_t bytes);
  // The next turn has reserved or passed: moves on past the turns passed early.
  void next_turn();

  const std::size_t limit_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;  // memory given back, or the next turn came
  std::size_t used_ = 0;
  std::size_t turn_ = 0;            // the turn whose reservation is granted next
  std::set<std::size_t> passed_;    // later turns that passed before their turn came
};

}  // namespace morgue
