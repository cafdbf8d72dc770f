// The service's connections (issue 18): a fixed pool of threads serves every
// connection through one epoll set; no connection has a thread of its own.
// - Each thread waits in epoll_wait, takes one ready connection, reads what
//   it has without blocking into the connection's buffer, and once a request
//   is whole (serve/http_scan.h) runs it and sends the answer itself: one
//   wake-up per request. A slow or idle client costs a buffer, not a thread.
// - At most `workers` requests that are not quick run at once; more wait in
//   a first-come first-served queue (the thread that finishes one takes the
//   next). Quick requests (`quick`: /healthz, the page) never wait there, and
//   the `quick_workers` further threads are thus always free to read, answer
//   them and flush: they answer while every worker is busy with a search.
// - Accepting: past max_connections an immediate 503 and close.
// - Deadlines, enforced by a sweep every 50 ms: the request line and headers
//   within header_timeout of the request's first byte, the body within
//   body_timeout of the headers, the next request within idle_timeout of the
//   last answer, and progress on a pending answer within write_timeout; a
//   connection past its deadline is closed.
// - "100 Continue" is answered while a client waits for it with its body.
// - An answer the socket does not take at once is flushed as the client
//   reads (EPOLLOUT), by whichever thread is free.
// A connection has one request running at a time: pipelined requests are
// answered one after the other, in order.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "serve/http_scan.h"

namespace morgue::serve {

struct ConnectionLimits {
  std::size_t max_connections = 512;               // open at once; more get 503 and are closed
  std::chrono::milliseconds header_timeout{5000};  // first byte of a request to its last header
  std::chrono::milliseconds body_timeout{10000};   // last header to the end of the body
  std::chrono::milliseconds idle_timeout{5000};    // an answer to the next request's first byte
  std::chrono::milliseconds write_timeout{5000};   // an answer's bytes stop being taken this long
  std::size_t max_requests = 1000;                 // per connection, then it is closed
  int backlog = 1024;                              // listen(); the kernel caps it (somaxconn)
  std::size_t workers = 4;                         // requests (not quick) run at once; threads
  std::size_t quick_workers = 1;                   // more threads, free for I/O and quick requests
  ScanLimits scan;                                 // a request's head and body
};

// One whole request, as a worker gets it.
struct WorkItem {
  std::string_view bytes;  // the request, head and body
  int fd = -1;             // the connection, for its addresses only: the loop does the I/O
  bool last = false;       // the connection closes after this answer (max_requests, cut, stopping)
  bool continue_sent = false;  // the loop already answered "100 Continue"
  std::chrono::steady_clock::time_point arrived;  // when the request was whole
};

class EventLoop {
 public:
  // Runs on a pool thread: appends the answer's bytes to `out`; returns
  // false to close the connection after them. Must not throw.
  using Handler = std::function<bool(const WorkItem& item, std::string& out)>;
  // For a whole request's method and target: a quick one? Thread-safe.
  using Quick = std::function<bool(std::string_view method, std::string_view target)>;

  EventLoop(ConnectionLimits limits, Handler handler, Quick quick);
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // Serves on `listen_fd` (bound and listening; made non-blocking here) with
  // workers + quick_workers threads until stop(): then stops accepting,
  // closes idle connections, answers the requests already whole, flushes the
  // answers (each within write_timeout) and returns. Does not close
  // `listen_fd`. Throws std::system_error when epoll cannot be set up.
  void run(int listen_fd);

  // Thread-safe (the threads notice within 50 ms); before run() it makes
  // run() return at once.
  void stop();

  // Connections open now (for tests and the log).
  std::size_t connections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue::serve
