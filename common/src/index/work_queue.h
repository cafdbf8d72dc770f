// The hand-over from the indexing workers to the one writer (index/run_pass.h):
// workers push each task's result under the task's index, in whatever order
// they finish, and the writer pops them in index order (0, 1, 2, ...).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>

namespace morgue {

template <class T>
class WorkQueue {
 public:
  // Holds the results of at most `window` indexes from the next one to pop
  // (window >= 1): a worker that finishes further ahead waits.
  explicit WorkQueue(std::size_t window) : window_(window) {}

  // Blocks while `index` is `window` or more past the next index to pop.
  // Returns false once the queue is closed. Each index is pushed at most once.
  bool push(std::size_t index, T item) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return index < next_ + window_ || closed_; });
    if (closed_) return false;
    items_.emplace(index, std::move(item));
    if (index == next_) ready_.notify_one();
    return true;
  }

  // Blocks until the result of the next index arrives. nullopt once closed,
  // or when every producer is done and that result never came (a worker
  // failed, or the run stopped before the task was claimed).
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return has_next() || closed_ || producers_ == 0; });
    if (closed_ || !has_next()) return std::nullopt;
    auto node = items_.extract(items_.begin());
    ++next_;
    room_.notify_all();
    return std::move(node.mapped());
  }

  void set_producers(std::size_t n) {
    std::lock_guard lock(mutex_);
    producers_ = n;
  }

  void producer_done() {
    std::lock_guard lock(mutex_);
    if (producers_ > 0) --producers_;
    ready_.notify_all();
  }

  // Wakes everyone; pushes fail from now on, and the results held are
  // dropped (outside the lock): nobody will pop them, and workers may be
  // waiting for what they hold (their memory reservations).
  void close() {
    std::map<std::size_t, T> dropped;
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
      dropped.swap(items_);
      room_.notify_all();
      ready_.notify_all();
    }
  }

 private:
  bool has_next() const { return !items_.empty() && items_.begin()->first == next_; }

  std::mutex mutex_;
  std::condition_variable room_, ready_;
  std::map<std::size_t, T> items_;
  const std::size_t window_;
  std::size_t next_ = 0;
  std::size_t producers_ = 1;
  bool closed_ = false;
};

}  // namespace morgue
