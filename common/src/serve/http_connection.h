// cpp-httplib (0.11.4, Debian 12) over the service's own event loop. httplib
// alone gives each connection a worker from a fixed pool for as long as it is
// open and times out single reads only, which let eight slow clients shut the
// service out (issue 18); it listens with a backlog of 5 and reads each
// request through a fresh buffer, which drops a pipelined second request.
// GuardedServer keeps httplib's request parsing, routing and answer writing
// (process_request) and its configuration (routes, handlers, logger, payload
// limit), and replaces its sockets with serve::EventLoop
// (serve/event_loop.h): connections live on one epoll thread, whole requests
// run on a fixed pool of workers, which parse them from memory and write the
// answer into memory for the loop to send. The listen backlog is widened
// after bind.
#pragma once

#include <chrono>
#include <string>

#include <httplib.h>

#include "serve/event_loop.h"

namespace morgue::serve {

class GuardedServer : public httplib::Server {
 public:
  // `quick`: requests that go to the quick lane (EventLoop).
  GuardedServer(ConnectionLimits limits, EventLoop::Quick quick);

  // After bind_to_port: listen again with limits.backlog (Linux takes a
  // second listen() on a listening socket as a new backlog).
  bool widen_backlog();

  // Serves on the bound socket until stop(), then closes it; returns once the
  // answers under way are sent (EventLoop::run).
  void serve();
  // Thread-safe; before serve() it makes serve() return at once.
  void stop();

  // Set by a handler on a worker: close the connection after this answer.
  static void close_after_answer();
  // On a worker: when the request being answered was whole (its time limit
  // counts from then, waiting for a worker included).
  static std::chrono::steady_clock::time_point arrived();

  const ConnectionLimits& limits() const { return limits_; }

 private:
  bool answer(const WorkItem& item, std::string& out);

  ConnectionLimits limits_;
  EventLoop loop_;
};

}  // namespace morgue::serve
