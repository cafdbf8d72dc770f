#include "serve/event_loop.h"

#include <atomic>
#include <cerrno>
#include <mutex>
#include <system_error>
#include <unordered_map>
#include <vector>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "serve/worker_lanes.h"

namespace morgue::serve {
namespace {

using Clock = std::chrono::steady_clock;
using State = RequestScan::State;

constexpr auto kSweep = std::chrono::milliseconds(50);
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

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

// Tags for the two descriptors that are not connections.
char listen_tag, wake_tag;

}  // namespace

struct EventLoop::Impl {
  struct Connection {
    enum class Phase { kIdle, kReading, kWorking, kWriting };
    int fd = -1;
    Phase phase = Phase::kIdle;
    Clock::time_point deadline;
    std::string in;            // bytes read and not yet answered, from a request's first byte
    std::string out;           // an answer being sent
    std::size_t sent = 0;      // of `out`
    std::size_t served = 0;    // requests answered
    bool head_seen = false;    // the current request's head is whole: its body deadline runs
    bool continue_sent = false;
    std::size_t wanted = 0;        // no use scanning before this many bytes are in
    std::size_t head_checked = 0;  // bytes already searched for the end of the head
    bool peer_closed = false;  // the client sent FIN: answer what is whole, then close
    bool close_after = false;  // after `out` is sent
    WorkItem item;             // the request at a worker
  };

  ConnectionLimits limits;
  Handler handler;
  Quick quick;
  int epoll_fd = -1, wake_fd = -1, listen_fd = -1;
  std::unordered_map<int, std::unique_ptr<Connection>> conns;
  std::atomic<std::size_t> open{0};
  std::atomic<bool> stopping{false};
  bool accept_paused = false;
  std::mutex done_mutex;
  std::vector<Connection*> done;  // answered by a worker, back to the loop
  std::unique_ptr<WorkerLanes> lanes;

  void loop();
  void accept_all();
  void on_event(Connection& c, std::uint32_t events);
  bool read_more(Connection& c);
  bool worth_scanning(Connection& c) const;
  void advance(Connection& c);
  void dispatch(Connection& c, const RequestScan& scan);
  void work(Connection& c);
  void take_back();
  void finish_answer(Connection& c);
  bool send_some(Connection& c);
  void arm(Connection& c, std::uint32_t events);
  void close(Connection& c);
  void sweep();
  void wake();
};

EventLoop::EventLoop(ConnectionLimits limits, Handler handler, Quick quick) : impl_(std::make_unique<Impl>()) {
  impl_->limits = limits;
  impl_->handler = std::move(handler);
  impl_->quick = std::move(quick);
  impl_->wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (impl_->wake_fd < 0) throw std::system_error(errno, std::generic_category(), "eventfd");
}

EventLoop::~EventLoop() {
  if (impl_->lanes) impl_->lanes->finish();
  for (auto& [fd, c] : impl_->conns) ::close(fd);
  if (impl_->epoll_fd >= 0) ::close(impl_->epoll_fd);
  ::close(impl_->wake_fd);
}

void EventLoop::stop() {
  impl_->stopping = true;
  impl_->wake();
}

std::size_t EventLoop::connections() const { return impl_->open; }

void EventLoop::run(int listen_fd) {
  Impl& m = *impl_;
  if (m.stopping) return;
  raise_file_limit();
  m.listen_fd = listen_fd;
  ::fcntl(listen_fd, F_SETFL, ::fcntl(listen_fd, F_GETFL) | O_NONBLOCK);
  m.epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
  if (m.epoll_fd < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1");
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.ptr = &listen_tag;
  ::epoll_ctl(m.epoll_fd, EPOLL_CTL_ADD, listen_fd, &ev);
  ev.data.ptr = &wake_tag;
  ::epoll_ctl(m.epoll_fd, EPOLL_CTL_ADD, m.wake_fd, &ev);
  m.lanes = std::make_unique<WorkerLanes>(m.limits.workers, m.limits.quick_workers);
  m.loop();
  m.lanes->finish();
  m.lanes.reset();
}

void EventLoop::Impl::loop() {
  Clock::time_point next_sweep = Clock::now() + kSweep;
  bool listening = true;
  epoll_event events[256];
  while (listening || !conns.empty()) {
    if (stopping && listening) {
      ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, listen_fd, nullptr);
      listening = false;
      sweep();  // closes the idle and reading connections at once
    }
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next_sweep - Clock::now()).count();
    int n = ::epoll_wait(epoll_fd, events, 256, static_cast<int>(std::max<long long>(wait, 0) + 1));
    for (int i = 0; i < n; ++i) {
      void* tag = events[i].data.ptr;
      if (tag == &listen_tag) {
        if (!stopping) accept_all();
      } else if (tag == &wake_tag) {
        std::uint64_t count;
        while (::read(wake_fd, &count, sizeof count) > 0) {
        }
        take_back();
      } else {
        on_event(*static_cast<Connection*>(tag), events[i].events);
      }
    }
    if (Clock::now() >= next_sweep) {
      sweep();
      next_sweep = Clock::now() + kSweep;
    }
  }
}

void EventLoop::Impl::accept_all() {
  while (true) {
    int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        // Out of descriptors: stop accepting until the next sweep, rather
        // than be woken again at once by the same waiting connection.
        epoll_event ev{};
        ev.data.ptr = &listen_tag;
        ::epoll_ctl(epoll_fd, EPOLL_CTL_MOD, listen_fd, &ev);
        accept_paused = true;
      }
      return;
    }
    if (conns.size() >= limits.max_connections) {
      refuse(fd);
      continue;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    auto c = std::make_unique<Connection>();
    c->fd = fd;
    c->deadline = Clock::now() + limits.idle_timeout;
    Connection& ref = *c;
    conns.emplace(fd, std::move(c));
    open = conns.size();
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLONESHOT;
    ev.data.ptr = &ref;
    ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev);
  }
}

void EventLoop::Impl::arm(Connection& c, std::uint32_t events) {
  epoll_event ev{};
  ev.events = events | EPOLLONESHOT;
  ev.data.ptr = &c;
  ::epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c.fd, &ev);
}

void EventLoop::Impl::on_event(Connection& c, std::uint32_t events) {
  if (c.phase == Connection::Phase::kWriting) {
    const std::size_t before = c.sent;
    if (!send_some(c)) return close(c);
    if (c.sent == c.out.size()) return finish_answer(c);
    if (c.sent > before) c.deadline = Clock::now() + limits.write_timeout;
    return arm(c, EPOLLOUT);
  }
  if ((events & (EPOLLIN | EPOLLHUP | EPOLLERR)) && !read_more(c)) return close(c);
  advance(c);
}

// Reads what the socket has, up to what one request may take beyond the
// bytes already held; false on an error (the connection is to be closed).
bool EventLoop::Impl::read_more(Connection& c) {
  const std::size_t cap = limits.scan.max_head_bytes + 2 * limits.scan.max_body_bytes + 64 * 1024;
  char buffer[16 * 1024];
  while (c.in.size() < cap) {
    ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
    if (n > 0) {
      if (c.in.empty() && c.phase == Connection::Phase::kIdle) {
        c.phase = Connection::Phase::kReading;  // a request's first byte: its head deadline starts
        c.head_seen = false;
        c.deadline = Clock::now() + limits.header_timeout;
      }
      c.in.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n == 0) {
      c.peer_closed = true;
      return true;
    }
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }
  return true;
}

// A connection the loop holds, with its bytes read: hands a whole request to
// a worker, or waits for more.
void EventLoop::Impl::advance(Connection& c) {
  if (c.in.empty()) {
    if (c.peer_closed || stopping) return close(c);
    c.phase = Connection::Phase::kIdle;
    return arm(c, EPOLLIN);
  }
  if (c.phase == Connection::Phase::kIdle) {  // bytes left from a pipelined request
    c.phase = Connection::Phase::kReading;
    c.head_seen = false;
    c.deadline = Clock::now() + limits.header_timeout;
  }
  RequestScan scan;
  if (worth_scanning(c)) {
    scan = scan_request(c.in, limits.scan);
    if (scan.state != State::kIncomplete) return dispatch(c, scan);
    c.wanted = scan.wanted;
  }
  if (c.peer_closed || stopping) return close(c);
  if (scan.head_bytes && !c.head_seen) {
    c.head_seen = true;
    c.deadline = Clock::now() + limits.body_timeout;
  }
  if (scan.expects_continue && !c.continue_sent) {
    c.continue_sent = true;
    ::send(c.fd, kContinue.data(), kContinue.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  }
  arm(c, EPOLLIN);
}

// Whether the bytes in could make a difference to a scan: rescanning a
// request from its start at each byte of a slow client would cost time
// quadratic in its size.
bool EventLoop::Impl::worth_scanning(Connection& c) const {
  if (c.in.size() < c.wanted) return false;
  if (c.head_seen || c.in.size() > limits.scan.max_head_bytes) return true;
  const std::size_t from = c.head_checked >= 2 ? c.head_checked - 2 : 0;
  if (std::string_view(c.in).find("\n\r\n", from) != std::string_view::npos) return true;
  c.head_checked = c.in.size();
  return false;
}

void EventLoop::Impl::dispatch(Connection& c, const RequestScan& scan) {
  c.phase = Connection::Phase::kWorking;
  c.item.bytes = std::string_view(c.in).substr(0, scan.length);
  c.item.fd = c.fd;
  c.item.last = scan.state == State::kCut || c.served + 1 >= limits.max_requests || stopping;
  c.item.continue_sent = c.continue_sent;
  c.item.arrived = Clock::now();
  const bool is_quick = scan.state == State::kComplete && quick && quick(scan.method, scan.target);
  Connection* ptr = &c;
  lanes->push([this, ptr] { work(*ptr); }, is_quick);
}

// On a worker: the answer, and as much of it sent as the socket takes now.
void EventLoop::Impl::work(Connection& c) {
  c.out.clear();
  c.sent = 0;
  c.close_after = !handler(c.item, c.out) || c.item.last;
  if (!send_some(c)) c.close_after = true, c.sent = c.out.size();
  {
    std::lock_guard lock(done_mutex);
    done.push_back(&c);
  }
  wake();
}

// Sends without blocking; false on an error other than a full socket buffer.
bool EventLoop::Impl::send_some(Connection& c) {
  while (c.sent < c.out.size()) {
    ssize_t n = ::send(c.fd, c.out.data() + c.sent, c.out.size() - c.sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      c.sent += static_cast<std::size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
  }
  return true;
}

void EventLoop::Impl::take_back() {
  std::vector<Connection*> back;
  {
    std::lock_guard lock(done_mutex);
    back.swap(done);
  }
  for (Connection* c : back) {
    c->in.erase(0, c->item.bytes.size());
    c->item = WorkItem{};
    ++c->served;
    c->continue_sent = false;
    c->wanted = c->head_checked = 0;
    if (c->sent < c->out.size()) {
      c->phase = Connection::Phase::kWriting;
      c->deadline = Clock::now() + limits.write_timeout;
      arm(*c, EPOLLOUT);
    } else {
      finish_answer(*c);
    }
  }
}

void EventLoop::Impl::finish_answer(Connection& c) {
  c.out.clear();
  c.out.shrink_to_fit();  // a large answer's buffer is not kept for an idle connection
  c.sent = 0;
  if (c.close_after || stopping) return close(c);
  c.phase = Connection::Phase::kIdle;
  c.deadline = Clock::now() + limits.idle_timeout;
  advance(c);
}

// Closes gracefully: FIN after the answer, and what the client sent since is
// drained so that the close does not turn into a reset that could destroy
// the answer before the client reads it.
void EventLoop::Impl::close(Connection& c) {
  const int fd = c.fd;
  ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
  ::shutdown(fd, SHUT_WR);
  char sink[4096];
  while (::recv(fd, sink, sizeof sink, MSG_DONTWAIT) > 0) {
  }
  ::close(fd);
  conns.erase(fd);
  open = conns.size();
}

// Closes connections past their deadline (all idle and reading ones once
// stopping); resumes accepting after running out of descriptors.
void EventLoop::Impl::sweep() {
  const auto now = Clock::now();
  std::vector<Connection*> expired;
  for (auto& [fd, c] : conns) {
    const bool waiting = c->phase == Connection::Phase::kIdle || c->phase == Connection::Phase::kReading;
    if (c->phase != Connection::Phase::kWorking && (c->deadline <= now || (stopping && waiting))) {
      expired.push_back(c.get());
    }
  }
  for (Connection* c : expired) close(*c);
  if (accept_paused && !stopping) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = &listen_tag;
    ::epoll_ctl(epoll_fd, EPOLL_CTL_MOD, listen_fd, &ev);
    accept_paused = false;
  }
}

void EventLoop::Impl::wake() {
  const std::uint64_t one = 1;
  [[maybe_unused]] auto n = ::write(wake_fd, &one, sizeof one);
}

}  // namespace morgue::serve
