#include "util/task_pool.h"

namespace morgue::util {

void TaskPool::start(unsigned workers, std::function<void(unsigned)> work) {
  {
    std::lock_guard lock(mutex_);
    running_ += workers;
  }
  for (unsigned w = 0; w < workers; ++w) {
    threads_.emplace_back([this, w, work] {
      try {
        work(w);
      } catch (...) {
        std::lock_guard lock(mutex_);
        if (!failure_) failure_ = std::current_exception();
        failed_ = true;
      }
      std::lock_guard lock(mutex_);
      --running_;
      done_.notify_all();
    });
  }
}

std::optional<std::size_t> TaskPool::claim() {
  if (failed_.load() || (stop_ && stop_())) return std::nullopt;
  std::size_t i = next_.fetch_add(1);
  if (i >= count_) return std::nullopt;
  return i;
}

void TaskPool::wait(std::chrono::milliseconds period, const std::function<void()>& tick) {
  std::unique_lock lock(mutex_);
  while (!done_.wait_for(lock, period, [&] { return running_ == 0; })) {
    if (tick) {
      lock.unlock();
      tick();
      lock.lock();
    }
  }
}

void TaskPool::finish() {
  threads_.clear();
  if (failure_) std::rethrow_exception(failure_);
}

void for_each_index(std::size_t count, unsigned workers, const std::function<void(std::size_t)>& each) {
  if (workers == 0) workers = std::max(1u, std::thread::hardware_concurrency());
  workers = static_cast<unsigned>(std::min<std::size_t>(workers, count));
  if (workers <= 1) {
    for (std::size_t i = 0; i < count; ++i) each(i);
    return;
  }
  TaskPool pool(count);
  pool.start(workers, [&](unsigned) {
    while (auto i = pool.claim()) each(*i);
  });
  pool.finish();
}

}  // namespace morgue::util
