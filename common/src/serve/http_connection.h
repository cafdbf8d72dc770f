// The connection layer under cpp-httplib (0.11.4, Debian 12). httplib alone
// gives each connection a worker from a fixed pool and times out single
// reads only, which let eight slow clients shut the service out (issue 18);
// it listens with a backlog of 5, and reads each request through a fresh
// buffer, which drops a pipelined second request. GuardedServer keeps
// httplib's request parsing and routing (process_request) but owns the rest:
// - each connection has a thread of its own, up to a connection limit, so
//   slow or idle clients wait in poll() without holding back anybody else
//   (searches are bounded apart, by Service's WorkGate);
// - beyond the limit a connection gets an immediate 503 and is closed;
// - the request line and headers must all arrive within header_timeout of
//   the first byte, a body within body_timeout of the headers, the next
//   request within idle_timeout of the last answer; each write within
//   write_timeout;
// - bytes read past one request stay for the next (pipelining, in order);
// - the listen backlog is widened after bind.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace morgue::serve {

struct ConnectionLimits {
  std::size_t max_connections = 512;             // open at once; more get 503 and are closed
  std::chrono::milliseconds header_timeout{5000};  // first byte of a request to its last header
  std::chrono::milliseconds body_timeout{10000};   // last header to the end of the body
  std::chrono::milliseconds idle_timeout{5000};    // an answer to the next request's first byte
  std::chrono::milliseconds write_timeout{5000};   // each write of an answer
  std::size_t max_requests = 1000;               // per connection, then it is closed
  int backlog = 1024;                            // listen(); the kernel caps it (somaxconn)
};

// A thread per connection, threads kept for reuse, at most `limit` busy.
// Called by httplib's accept loop; over the limit the job runs at once on
// the calling thread in "refuse" mode (GuardedServer answers 503 at once).
class ConnectionQueue : public httplib::TaskQueue {
 public:
  explicit ConnectionQueue(std::size_t limit) : limit_(limit) {}
  ~ConnectionQueue() override = default;
  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

 private:
  void work();

  std::size_t limit_;
  std::mutex mutex_;
  std::condition_variable cond_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::size_t active_ = 0;  // queued or running
  std::size_t idle_ = 0;    // threads waiting for a job
  bool shutdown_ = false;
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits);

  // After bind_to_port: listen again with limits.backlog (Linux takes a
  // second listen() on a listening socket as a new backlog).
  bool widen_backlog();

  // Set by a handler on this thread: close the connection after this answer.
  static void close_after_answer();

  const ConnectionLimits& limits() const { return limits_; }

 private:
  bool process_and_close_socket(socket_t sock) override;
  void serve_connection(socket_t sock);

  ConnectionLimits limits_;
};

}  // namespace morgue::serve
