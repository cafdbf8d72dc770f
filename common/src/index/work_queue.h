// A bounded multi-producer, single-consumer queue for the indexing pipeline.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace morgue {

template <class T>
class WorkQueue {
 public:
  explicit WorkQueue(std::size_t capacity) : capacity_(capacity) {}

  // Blocks while full. Returns false once the queue is closed.
  bool push(T item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  // Blocks until an item arrives; nullopt when closed and drained, or when
  // every producer is done and the queue is empty.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_ || producers_ == 0; });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  void set_producers(std::size_t n) {
    std::lock_guard lock(mutex_);
    producers_ = n;
  }

  void producer_done() {
    std::lock_guard lock(mutex_);
    if (producers_ > 0) --producers_;
    not_empty_.notify_all();
  }

  // Wakes everyone; pushes fail from now on.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_full_.notify_all();
    not_empty_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<T> items_;
  std::size_t capacity_;
  std::size_t producers_ = 1;
  bool closed_ = false;
};

}  // namespace morgue
