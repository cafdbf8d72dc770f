#include "serve/event_loop.h"

#include <atomic>
#include <cerrno>
#include <deque>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace morgue::serve {
namespace {

using Clock = std::chrono::steady_clock;
using State = RequestScan::State;

constexpr auto kSweep = std::chrono::milliseconds(50);
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
constexpr std::uint64_t kListenTag = ~std::uint64_t{0};

// Over the connection limit: a fixed 503 without reading the request (a
// non-blocking send fits a fresh socket's buffer), then close. What the
// client already sent is drained first so that close() sends FIN, not RST.
void refuse(int fd) {
  static const std::string body = R"({"error":"too many connections; try again in a moment"})";
  static const std::string answer = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                                    "Content-Length: " + std::to_string(body.size()) +
                                    "\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" + body;
  ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(fd, SHUT_WR);
  char sink[4096];
  while (::recv(fd, sink, sizeof sink, MSG_DONTWAIT) > 0) {
  }
  ::close(fd);
}

// As many descriptors as the hard limit allows: a connection is one.
void raise_file_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
  }
}

}  // namespace

// Every thread of the pool waits in epoll_wait on one epoll set (each event
// wakes one of them) and serves the connection it gets: reads, and when a
// request is whole runs it and sends the answer itself, so a request costs
// one wake-up (a loop thread handing requests to workers took three, which a
// loaded 2-core machine made slow). Each connection is registered
// EPOLLONESHOT: one thread at a time has it ("busy"); it is re-armed once the
// thread is done with it. At most `workers` requests that are not quick run
// at once; more wait in a first-come first-served queue, and a thread that
// finishes one takes the next from it without a wake-up. The other
// `quick_workers` threads are therefore always free for reading, quick
// requests and flushing.
struct EventLoop::Impl {
  enum class Phase { kIdle, kReading, kWriting };
  enum class Step { kDone, kQuick, kSearch };

  // A connection's place; slots are never freed while the loop runs, and the
  // generation in each epoll event tells a stale event from a new connection.
  struct Slot {
    std::mutex mutex;           // guards open, busy, generation and the epoll registration
    std::uint32_t generation = 0;
    std::uint32_t index = 0;
    bool open = false;
    bool busy = false;          // a thread has it; then only that thread touches what follows
    bool queued = false;        // waiting for a turn to run its request
    int fd = -1;
    Phase phase = Phase::kIdle;
    Clock::time_point deadline;
    std::string in;             // bytes read and not yet answered, from a request's first byte
    std::string out;            // an answer being sent
    std::size_t sent = 0;       // of `out`
    std::size_t served = 0;     // requests answered
    std::size_t wanted = 0;     // no use scanning before this many bytes are in
    std::size_t head_checked = 0;  // bytes already searched for the end of the head
    bool head_seen = false;     // the current request's head is whole: its body deadline runs
    bool continue_sent = false;
    bool peer_closed = false;   // the client sent FIN: answer what is whole, then close
    bool close_after = false;   // after `out` is sent
    WorkItem item;              // the request being run or waiting for its turn
  };

  ConnectionLimits limits;
  Handler handler;
  Quick quick;
  int epoll_fd = -1, listen_fd = -1;
  std::vector<std::unique_ptr<Slot>> slots;
  std::mutex free_mutex;
  std::vector<std::uint32_t> free_slots;
  std::atomic<std::size_t> open{0};
  std::atomic<bool> stopping{false}, listen_removed{false}, accept_paused{false};
  std::atomic<Clock::rep> next_sweep{0};
  std::mutex turn_mutex;
  std::size_t running = 0;    // requests that are not quick, running
  std::deque<Slot*> waiting;  // their turn to come

  void thread_main();
  void on_event(std::uint64_t data, std::vector<Slot*>& todo);
  void accept_all();
  void open_slot(int fd);
  void drive(Slot& s, std::vector<Slot*>& todo);
  Step next_request(Slot& s);
  bool worth_scanning(Slot& s) const;
  void begin_reading(Slot& s);
  bool enter(Slot& s);
  Slot* leave();
  void answer(Slot& s);
  bool settle(Slot& s);
  bool read_more(Slot& s);
  bool send_some(Slot& s);
  bool flush(Slot& s);
  void release(Slot& s, std::uint32_t events);
  void close(Slot& s);
  void close_locked(Slot& s);
  void maybe_sweep();
};

EventLoop::EventLoop(ConnectionLimits limits, Handler handler, Quick quick) : impl_(std::make_unique<Impl>()) {
  impl_->limits = limits;
  impl_->handler = std::move(handler);
  impl_->quick = std::move(quick);
}

EventLoop::~EventLoop() {
  if (impl_->epoll_fd >= 0) ::close(impl_->epoll_fd);
}

void EventLoop::stop() { impl_->stopping = true; }

std::size_t EventLoop::connections() const { return impl_->open; }

void EventLoop::run(int listen_fd) {
  Impl& m = *impl_;
  if (m.stopping) return;
  raise_file_limit();
  m.listen_fd = listen_fd;
  ::fcntl(listen_fd, F_SETFL, ::fcntl(listen_fd, F_GETFL) | O_NONBLOCK);
  m.epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
  if (m.epoll_fd < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1");
  const std::size_t count = std::max<std::size_t>(m.limits.max_connections, 1);
  m.slots.reserve(count);
  m.free_slots.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    m.slots.push_back(std::make_unique<Impl::Slot>());
    m.slots.back()->index = static_cast<std::uint32_t>(i);
    m.free_slots.push_back(static_cast<std::uint32_t>(count - 1 - i));
  }
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLONESHOT;
  ev.data.u64 = kListenTag;
  ::epoll_ctl(m.epoll_fd, EPOLL_CTL_ADD, listen_fd, &ev);
  std::vector<std::thread> threads;
  const std::size_t n = std::max<std::size_t>(m.limits.workers, 1) + m.limits.quick_workers;
  for (std::size_t i = 0; i < n; ++i) threads.emplace_back([&m] { m.thread_main(); });
  for (auto& t : threads) t.join();
}

void EventLoop::Impl::thread_main() {
  std::vector<Slot*> todo;
  while (true) {
    if (stopping) {
      if (!listen_removed.exchange(true)) ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, listen_fd, nullptr);
      if (open == 0) return;
    }
    epoll_event ev{};
    const int n = ::epoll_wait(epoll_fd, &ev, 1, static_cast<int>(kSweep.count()));
    if (n == 1) on_event(ev.data.u64, todo);
    // Requests handed to this thread when it gave up its turn.
    while (!todo.empty()) {
      Slot* s = todo.back();
      todo.pop_back();
      drive(*s, todo);
    }
    maybe_sweep();
  }
}

void EventLoop::Impl::on_event(std::uint64_t data, std::vector<Slot*>& todo) {
  if (data == kListenTag) {
    accept_all();
    return;
  }
  const auto index = static_cast<std::uint32_t>(data);
  if (index >= slots.size()) return;
  Slot& s = *slots[index];
  {
    std::lock_guard lock(s.mutex);
    if (!s.open || s.busy || s.generation != static_cast<std::uint32_t>(data >> 32)) return;  // stale
    s.busy = true;
  }
  if (s.phase == Phase::kWriting) {
    if (!flush(s)) return;
  } else if (!read_more(s)) {
    return close(s);
  }
  drive(s, todo);
}

void EventLoop::Impl::accept_all() {
  while (!stopping) {
    int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      // Out of descriptors: the sweep resumes accepting, rather than this
      // thread being woken again at once by the same waiting connection.
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        accept_paused = true;
        return;
      }
      break;
    }
    open_slot(fd);
  }
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLONESHOT;
  ev.data.u64 = kListenTag;
  if (!stopping) ::epoll_ctl(epoll_fd, EPOLL_CTL_MOD, listen_fd, &ev);
}

void EventLoop::Impl::open_slot(int fd) {
  std::uint32_t index;
  {
    std::lock_guard lock(free_mutex);
    if (free_slots.empty()) return refuse(fd);
    index = free_slots.back();
    free_slots.pop_back();
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  Slot& s = *slots[index];
  std::lock_guard lock(s.mutex);
  s.fd = fd;
  s.open = true;
  s.busy = s.queued = false;
  s.phase = Phase::kIdle;
  s.deadline = Clock::now() + limits.idle_timeout;
  s.in.clear();
  s.out.clear();
  s.sent = s.served = s.wanted = s.head_checked = 0;
  s.head_seen = s.continue_sent = s.peer_closed = s.close_after = false;
  ++open;
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLONESHOT;
  ev.data.u64 = (std::uint64_t{s.generation} << 32) | index;
  ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev);
}

// Runs the connection's whole requests on this thread, until it waits for
// the client again (released), is closed, waits for a turn (queued), or its
// answer waits for the client to read (released for writing).
void EventLoop::Impl::drive(Slot& s, std::vector<Slot*>& todo) {
  while (true) {
    Step step = Step::kSearch;
    if (s.queued) {
      s.queued = false;  // its turn, handed over by the thread that left it
    } else {
      step = next_request(s);
      if (step == Step::kDone) return;
      if (step == Step::kSearch && !enter(s)) return;
    }
    answer(s);
    if (step == Step::kSearch) {
      if (Slot* next = leave()) todo.push_back(next);
    }
    if (!settle(s)) return;
  }
}

// The next whole request in the buffer: kQuick or kSearch with s.item set,
// or kDone when the connection was released to wait for more bytes, or closed.
EventLoop::Impl::Step EventLoop::Impl::next_request(Slot& s) {
  if (s.in.empty()) {
    if (s.peer_closed || stopping) {
      close(s);
    } else {
      s.phase = Phase::kIdle;
      release(s, EPOLLIN);
    }
    return Step::kDone;
  }
  if (s.phase == Phase::kIdle) begin_reading(s);  // bytes left from a pipelined request
  RequestScan scan;
  if (worth_scanning(s)) {
    scan = scan_request(s.in, limits.scan);
    if (scan.state != State::kIncomplete) {
      s.item = WorkItem{std::string_view(s.in).substr(0, scan.length), s.fd, false, s.continue_sent, Clock::now()};
      s.item.last = scan.state == State::kCut || s.served + 1 >= limits.max_requests || stopping;
      const bool is_quick = scan.state == State::kComplete && quick && quick(scan.method, scan.target);
      return is_quick ? Step::kQuick : Step::kSearch;
    }
    s.wanted = scan.wanted;
  }
  if (s.peer_closed || stopping) {
    close(s);
    return Step::kDone;
  }
  if (scan.head_bytes && !s.head_seen) {
    s.head_seen = true;
    s.deadline = Clock::now() + limits.body_timeout;
  }
  if (scan.expects_continue && !s.continue_sent) {
    s.continue_sent = true;
    ::send(s.fd, kContinue.data(), kContinue.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  }
  release(s, EPOLLIN);
  return Step::kDone;
}

// A request's first byte: its head deadline starts.
void EventLoop::Impl::begin_reading(Slot& s) {
  s.phase = Phase::kReading;
  s.head_seen = false;
  s.deadline = Clock::now() + limits.header_timeout;
}

// Whether the bytes in could make a difference to a scan: rescanning a
// request from its start at each byte of a slow client would cost time
// quadratic in its size.
bool EventLoop::Impl::worth_scanning(Slot& s) const {
  if (s.in.size() < s.wanted) return false;
  if (s.head_seen || s.in.size() > limits.scan.max_head_bytes) return true;
  const std::size_t from = s.head_checked >= 2 ? s.head_checked - 2 : 0;
  if (std::string_view(s.in).find("\n\r\n", from) != std::string_view::npos) return true;
  s.head_checked = s.in.size();
  return false;
}

// A turn to run a request that is not quick; false when it has to wait (the
// slot stays busy, in the queue).
bool EventLoop::Impl::enter(Slot& s) {
  std::lock_guard lock(turn_mutex);
  if (running < std::max<std::size_t>(limits.workers, 1)) {
    ++running;
    return true;
  }
  s.queued = true;
  waiting.push_back(&s);
  return false;
}

// The turn given back: to the longest waiting request (whose connection the
// caller then drives), or freed.
EventLoop::Impl::Slot* EventLoop::Impl::leave() {
  std::lock_guard lock(turn_mutex);
  if (waiting.empty()) {
    --running;
    return nullptr;
  }
  Slot* next = waiting.front();
  waiting.pop_front();
  return next;
}

// Runs the handler, sends what the socket takes now, and drops the request's bytes.
void EventLoop::Impl::answer(Slot& s) {
  s.out.clear();
  s.sent = 0;
  s.close_after = !handler(s.item, s.out) || s.item.last;
  if (!send_some(s)) {
    s.close_after = true;
    s.sent = s.out.size();
  }
  s.in.erase(0, s.item.bytes.size());
  s.item = WorkItem{};
  ++s.served;
  s.continue_sent = false;
  s.wanted = s.head_checked = 0;
}

// After an answer: true when the connection goes on to its next request on
// this thread; false when it was closed or released until the client reads.
bool EventLoop::Impl::settle(Slot& s) {
  if (s.sent < s.out.size()) {
    s.phase = Phase::kWriting;
    s.deadline = Clock::now() + limits.write_timeout;
    release(s, EPOLLOUT);
    return false;
  }
  s.out.clear();
  s.out.shrink_to_fit();  // a large answer's buffer is not kept for an idle connection
  s.sent = 0;
  if (s.close_after || stopping) {
    close(s);
    return false;
  }
  s.phase = Phase::kIdle;
  s.deadline = Clock::now() + limits.idle_timeout;
  return true;
}

// Reads what the socket has, up to what one request may take beyond the
// bytes already held; false on an error (the connection is to be closed).
bool EventLoop::Impl::read_more(Slot& s) {
  const std::size_t cap = limits.scan.max_head_bytes + 2 * limits.scan.max_body_bytes + 64 * 1024;
  char buffer[16 * 1024];
  while (s.in.size() < cap) {
    ssize_t n = ::recv(s.fd, buffer, sizeof buffer, 0);
    if (n > 0) {
      if (s.in.empty() && s.phase == Phase::kIdle) begin_reading(s);
      s.in.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n == 0) {
      s.peer_closed = true;
      return true;
    }
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }
  return true;
}

// Sends without blocking; false on an error other than a full socket buffer.
bool EventLoop::Impl::send_some(Slot& s) {
  while (s.sent < s.out.size()) {
    ssize_t n = ::send(s.fd, s.out.data() + s.sent, s.out.size() - s.sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      s.sent += static_cast<std::size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
  }
  return true;
}

// The client can take more of a pending answer: true when all of it is
// sent (the connection goes on), false when it is released again or closed.
bool EventLoop::Impl::flush(Slot& s) {
  const std::size_t before = s.sent;
  if (!send_some(s)) {
    close(s);
    return false;
  }
  if (s.sent == s.out.size()) return settle(s);
  if (s.sent > before) s.deadline = Clock::now() + limits.write_timeout;
  release(s, EPOLLOUT);
  return false;
}

// Gives the connection back to epoll, waiting for `events`.
void EventLoop::Impl::release(Slot& s, std::uint32_t events) {
  std::lock_guard lock(s.mutex);
  s.busy = false;
  epoll_event ev{};
  ev.events = events | EPOLLONESHOT;
  ev.data.u64 = (std::uint64_t{s.generation} << 32) | s.index;
  ::epoll_ctl(epoll_fd, EPOLL_CTL_MOD, s.fd, &ev);
}

void EventLoop::Impl::close(Slot& s) {
  std::lock_guard lock(s.mutex);
  close_locked(s);
}

// Closes gracefully: FIN after the answer, and what the client sent since is
// drained so that the close does not turn into a reset that could destroy
// the answer before the client reads it.
void EventLoop::Impl::close_locked(Slot& s) {
  ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, s.fd, nullptr);
  ::shutdown(s.fd, SHUT_WR);
  char sink[4096];
  while (::recv(s.fd, sink, sizeof sink, MSG_DONTWAIT) > 0) {
  }
  ::close(s.fd);
  s.fd = -1;
  s.open = s.busy = false;
  ++s.generation;
  std::string().swap(s.in);
  std::string().swap(s.out);
  --open;
  std::lock_guard free_lock(free_mutex);
  free_slots.push_back(s.index);
}

// One thread at a time, every 50 ms: closes connections past their deadline
// (all idle and reading ones once stopping) and resumes accepting after
// running out of descriptors.
void EventLoop::Impl::maybe_sweep() {
  const auto now = Clock::now();
  Clock::rep due = next_sweep.load();
  if (now.time_since_epoch().count() < due ||
      !next_sweep.compare_exchange_strong(due, (now + kSweep).time_since_epoch().count())) {
    return;
  }
  for (auto& slot : slots) {
    Slot& s = *slot;
    std::lock_guard lock(s.mutex);
    if (!s.open || s.busy) continue;
    if (s.deadline <= now || (stopping && s.phase != Phase::kWriting)) close_locked(s);
  }
  if (accept_paused.exchange(false) && !stopping) {
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLONESHOT;
    ev.data.u64 = kListenTag;
    ::epoll_ctl(epoll_fd, EPOLL_CTL_MOD, listen_fd, &ev);
  }
}

}  // namespace morgue::serve
