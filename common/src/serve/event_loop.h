// The service's connections (issue 18): one epoll thread owns every
// connection while it is idle, reading or flushing an answer, and a fixed
// pool of workers runs the requests. The loop
// - accepts; past max_connections it answers 503 at once and closes;
// - reads without blocking into one buffer per connection, and hands a
//   request to a worker only when it is whole (serve/http_scan.h), so a slow
//   or idle client costs a buffer and never a thread;
// - enforces the deadlines with a sweep every 50 ms: the request line and
//   headers within header_timeout of the request's first byte, the body
//   within body_timeout of the headers, the next request within
//   idle_timeout of the last answer, and progress on a pending answer within
//   write_timeout; a connection past its deadline is closed;
// - answers "100 Continue" itself when a client waits for it;
// - takes back an answer the worker could not send at once and flushes it.
// A connection holds at most one request at a worker: pipelined requests
// are answered one after the other, in order. Requests for which `quick`
// says so go to a lane of their own (one worker that takes nothing else, and
// the others take them first), so that /healthz and the page answer while
// every worker is busy with a search.
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
  std::size_t workers = 4;                         // threads that run requests
  std::size_t quick_workers = 1;                   // more threads that run only quick requests
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
  // Runs on a worker thread: appends the answer's bytes to `out`; returns
  // false to close the connection after them. Must not throw.
  using Handler = std::function<bool(const WorkItem& item, std::string& out)>;
  // On the loop thread, for a whole request's method and target: a quick one?
  using Quick = std::function<bool(std::string_view method, std::string_view target)>;

  EventLoop(ConnectionLimits limits, Handler handler, Quick quick);
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // Serves on `listen_fd` (bound and listening; made non-blocking here)
  // until stop(): then stops accepting, closes idle connections, lets the
  // workers finish the requests they have, flushes their answers (each
  // within write_timeout) and returns. Does not close `listen_fd`. Throws
  // std::system_error when epoll cannot be set up.
  void run(int listen_fd);

  // Thread-safe; before run() it makes run() return at once.
  void stop();

  // Connections open now (for tests and the log).
  std::size_t connections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue::serve
