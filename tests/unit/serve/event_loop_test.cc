// The event loop under the service (serve/event_loop.h) on loopback sockets,
// with a handler of our own instead of cpp-httplib: whole requests reach the
// workers, pipelined ones in order; deadlines, the connection limit, the
// quick lane, answers to clients that do not read, and stopping.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "serve/event_loop.h"
#include "support/raw_client.h"

namespace morgue::serve {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Answers each request with its target as the body; "/slow" first sleeps
// 400 ms, "/big" answers 8 MB.
bool echo_target(const WorkItem& item, std::string& out) {
  RequestScan scan = scan_request(item.bytes);
  std::string body(scan.target);
  if (body == "/slow") std::this_thread::sleep_for(400ms);
  if (body == "/big") body.assign(8 << 20, 'b');
  out += "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  return !item.last;
}

// A loop on a free loopback port, run on a thread of its own.
class LoopFixture {
 public:
  explicit LoopFixture(ConnectionLimits limits)
      : loop_(limits, echo_target, [](std::string_view, std::string_view target) { return target == "/healthz"; }) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 64);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { loop_.run(fd_); });
  }
  ~LoopFixture() {
    loop_.stop();
    thread_.join();
    ::close(fd_);
  }
  int port() const { return port_; }
  EventLoop& loop() { return loop_; }

 private:
  EventLoop loop_;
  int fd_ = -1;
  int port_ = 0;
  std::thread thread_;
};

using Client = testing_support::RawClient;

std::string get(const std::string& target) { return "GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n"; }
std::string answer(const std::string& body) {
  return "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

ConnectionLimits small_limits() {
  ConnectionLimits limits;
  limits.workers = 1;
  limits.header_timeout = 300ms;
  limits.idle_timeout = 300ms;
  limits.write_timeout = 300ms;
  return limits;
}

TEST(EventLoop, AnswersPipelinedRequestsInOrderAndTricklesWhole) {
  LoopFixture server(small_limits());
  Client c(server.port());
  c.send(get("/one") + get("/slow") + get("/three"));
  const std::string expected = answer("/one") + answer("/slow") + answer("/three");
  EXPECT_EQ(c.read(expected.size()), expected);

  Client trickle(server.port());
  for (char ch : get("/byte-by-byte")) {
    trickle.send(std::string(1, ch));
    std::this_thread::sleep_for(1ms);
  }
  EXPECT_EQ(trickle.read(answer("/byte-by-byte").size()), answer("/byte-by-byte"));
}

TEST(EventLoop, ClosesSlowIdleAndFinishedConnections) {
  LoopFixture server(small_limits());
  Client slow(server.port()), idle(server.port()), served(server.port());
  slow.send("GET /never-finished HTTP/1.1\r\n");
  served.send(get("/a"));
  EXPECT_EQ(served.read(answer("/a").size()), answer("/a"));
  const auto start = Clock::now();
  EXPECT_EQ(slow.read(SIZE_MAX, 2000ms), "");
  EXPECT_TRUE(slow.closed());
  EXPECT_LT(Clock::now() - start, 1000ms);  // header deadline 300 ms, swept every 50 ms
  idle.read(SIZE_MAX, 2000ms);
  EXPECT_TRUE(idle.closed());
  served.read(SIZE_MAX, 2000ms);
  EXPECT_TRUE(served.closed());  // idle after its answer
  // The client sees the FIN a moment before the loop has counted the close.
  for (int i = 0; i < 50 && server.loop().connections() > 0; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(server.loop().connections(), 0u);
}

TEST(EventLoop, RefusesConnectionsOverTheLimitAtOnce) {
  ConnectionLimits limits = small_limits();
  limits.max_connections = 2;
  limits.idle_timeout = 5s;
  LoopFixture server(limits);
  Client a(server.port()), b(server.port());
  a.send(get("/a"));
  EXPECT_EQ(a.read(answer("/a").size()), answer("/a"));  // both accepted by now
  Client over(server.port());
  std::string refused = over.read();
  EXPECT_EQ(refused.rfind("HTTP/1.1 503 Service Unavailable\r\n", 0), 0u) << refused;
  EXPECT_TRUE(over.closed());
  b.send(get("/b"));
  EXPECT_EQ(b.read(answer("/b").size()), answer("/b"));
}

TEST(EventLoop, QuickRequestsPassBusyWorkers) {
  LoopFixture server(small_limits());  // one worker, one quick worker
  Client s1(server.port()), s2(server.port()), quick(server.port());
  s1.send(get("/slow"));
  s2.send(get("/slow"));
  std::this_thread::sleep_for(50ms);
  const auto start = Clock::now();
  quick.send(get("/healthz"));
  EXPECT_EQ(quick.read(answer("/healthz").size()), answer("/healthz"));
  EXPECT_LT(Clock::now() - start, 300ms);  // the slow ones take 400 ms each, one after the other
  EXPECT_EQ(s2.read(answer("/slow").size(), 2000ms), answer("/slow"));
}

TEST(EventLoop, AClientThatDoesNotReadHoldsNoWorker) {
  ConnectionLimits limits = small_limits();
  limits.write_timeout = 2s;
  LoopFixture server(limits);
  Client reader(server.port()), other(server.port());
  reader.send(get("/big"));
  std::this_thread::sleep_for(100ms);
  const auto start = Clock::now();
  other.send(get("/other"));  // the only worker is free: the loop holds the rest of /big
  EXPECT_EQ(other.read(answer("/other").size()), answer("/other"));
  EXPECT_LT(Clock::now() - start, 300ms);
  const std::string big = reader.read(answer(std::string(8 << 20, 'b')).size());
  EXPECT_EQ(big.size(), answer(std::string(8 << 20, 'b')).size());
}

TEST(EventLoop, StopFinishesTheAnswerUnderWay) {
  auto server = std::make_unique<LoopFixture>(small_limits());
  Client c(server->port());
  c.send(get("/slow"));
  std::this_thread::sleep_for(100ms);
  const auto start = Clock::now();
  server.reset();  // stop() and join: waits for /slow
  EXPECT_LT(Clock::now() - start, 1000ms);
  EXPECT_EQ(c.read(answer("/slow").size()), answer("/slow"));
}

}  // namespace
}  // namespace morgue::serve
