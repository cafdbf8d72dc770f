#include "serve/worker_lanes.h"

#include <algorithm>

namespace morgue::serve {

WorkerLanes::WorkerLanes(std::size_t workers, std::size_t quick_workers) {
  workers = std::max<std::size_t>(workers, 1);
  for (std::size_t i = 0; i < quick_workers; ++i) threads_.emplace_back([this] { work(true); });
  for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { work(false); });
}

WorkerLanes::~WorkerLanes() { finish(); }

void WorkerLanes::push(Job job, bool quick) {
  std::unique_lock lock(mutex_);
  (quick ? quick_ : general_).push_back(std::move(job));
  // A quick job goes to a waiting quick worker if there is one; either kind
  // of job may go to a general worker. One thread woken per job.
  const bool to_quick = quick && idle_quick_ > 0;
  lock.unlock();
  (to_quick ? quick_ready_ : general_ready_).notify_one();
}

void WorkerLanes::work(bool quick_only) {
  std::unique_lock lock(mutex_);
  while (true) {
    if (quick_only) {
      ++idle_quick_;
      quick_ready_.wait(lock, [&] { return !quick_.empty() || finishing_; });
      --idle_quick_;
    } else {
      general_ready_.wait(lock, [&] { return !quick_.empty() || !general_.empty() || finishing_; });
    }
    std::deque<Job>& from = !quick_.empty() ? quick_ : general_;
    if (from.empty() || (quick_only && &from != &quick_)) {
      if (finishing_) return;
      continue;
    }
    Job job = std::move(from.front());
    from.pop_front();
    lock.unlock();
    job();
    lock.lock();
  }
}

void WorkerLanes::finish() {
  {
    std::lock_guard lock(mutex_);
    if (finishing_ && threads_.empty()) return;
    finishing_ = true;
  }
  quick_ready_.notify_all();
  general_ready_.notify_all();
  for (auto& t : threads_) t.join();
  threads_.clear();
}

}  // namespace morgue::serve
