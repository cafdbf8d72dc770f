#include "index/memory_budget.h"

#include <algorithm>
#include <chrono>

#include <unistd.h>

#include "morgue/people.h"

namespace morgue {

std::size_t memory_estimate(std::uint64_t bytes, bool people) {
  constexpr std::size_t kBase = 8u << 20;  // the document, the state, a parser's fixed costs
  // The bytes, the parser's tree, the text and the terms: 6.8 times a 60 MB
  // page at the peak. The people recogniser reads at most its window (1 MiB)
  // of a story at about 30 times its size.
  constexpr std::size_t kFactor = 8;
  constexpr std::size_t kPeopleFactor = 30;
  const std::size_t size = static_cast<std::size_t>(bytes);
  const std::size_t read_for_people = people ? std::min<std::size_t>(size, PeopleExtractor::kTextWindowBytes) : 0;
  return kBase + size * kFactor + read_for_people * kPeopleFactor;
}

std::size_t default_memory_budget() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page = ::sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page <= 0) return std::size_t{2} << 30;
  return static_cast<std::size_t>(pages) * static_cast<std::size_t>(page) / 2;
}

MemoryBudget::Reservation& MemoryBudget::Reservation::operator=(Reservation&& other) noexcept {
  if (this != &other) {
    release();
    budget_ = other.budget_;
    bytes_ = other.bytes_;
    other.budget_ = nullptr;
  }
  return *this;
}

void MemoryBudget::Reservation::release() {
  if (budget_) budget_->give_back(bytes_);
  budget_ = nullptr;
}

MemoryBudget::MemoryBudget(std::size_t limit) : limit_(limit ? limit : default_memory_budget()) {}

std::size_t MemoryBudget::in_use() const {
  std::lock_guard lock(mutex_);
  return used_;
}

std::optional<MemoryBudget::Reservation> MemoryBudget::reserve(std::size_t bytes, const std::atomic<bool>* stop,
                                                               std::optional<std::size_t> turn) {
  std::unique_lock lock(mutex_);
  auto my_turn = [&] { return !turn || *turn == turn_; };
  // Wakes now and then to see the stop flag, which a signal handler sets
  // without touching the condition variable.
  while (!my_turn() || (used_ != 0 && used_ + bytes > limit_)) {
    if (stop && stop->load()) return std::nullopt;
    changed_.wait_for(lock, std::chrono::milliseconds(50));
  }
  if (stop && stop->load()) return std::nullopt;
  used_ += bytes;
  if (turn) {
    next_turn();
    lock.unlock();
    changed_.notify_all();
  }
  return Reservation(this, bytes);
}

void MemoryBudget::pass(std::size_t turn) {
  {
    std::lock_guard lock(mutex_);
    if (turn < turn_) return;
    if (turn != turn_) {
      passed_.insert(turn);
      return;
    }
    next_turn();
  }
  changed_.notify_all();
}

void MemoryBudget::next_turn() {
  ++turn_;
  while (!passed_.empty() && *passed_.begin() == turn_) {
    passed_.erase(passed_.begin());
    ++turn_;
  }
}

void MemoryBudget::give_back(std::size_t bytes) {
  {
    std::lock_guard lock(mutex_);
    used_ -= bytes;
  }
  changed_.notify_all();
}

}  // namespace morgue
