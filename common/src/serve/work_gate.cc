#include "serve/work_gate.h"

#include <algorithm>

namespace morgue::serve {

WorkGate::WorkGate(std::size_t slots) : free_(std::max<std::size_t>(slots, 1)) {}

WorkGate::Pass& WorkGate::Pass::operator=(Pass&& other) noexcept {
  if (this != &other) {
    if (gate_) gate_->leave();
    gate_ = other.gate_;
    other.gate_ = nullptr;
  }
  return *this;
}

WorkGate::Pass::~Pass() {
  if (gate_) gate_->leave();
}

WorkGate::Pass WorkGate::enter(Clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  if (free_ > 0 && queue_.empty()) {
    --free_;
    return Pass(this);
  }
  Waiter me;
  queue_.push_back(&me);
  // One condition variable per waiter: a freed slot wakes only the one it
  // is handed to, not every queued request.
  if (!me.ready.wait_until(lock, deadline, [&] { return me.granted; })) {
    queue_.erase(std::find(queue_.begin(), queue_.end(), &me));
    return Pass();
  }
  return Pass(this);
}

void WorkGate::leave() {
  std::lock_guard lock(mutex_);
  if (queue_.empty()) {
    ++free_;
    return;
  }
  Waiter* next = queue_.front();
  queue_.pop_front();
  next->granted = true;
  next->ready.notify_one();
}

std::size_t WorkGate::waiting() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

std::size_t WorkGate::free_slots() const {
  std::lock_guard lock(mutex_);
  return free_;
}

}  // namespace morgue::serve
