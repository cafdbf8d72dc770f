#include "serve/http_connection.h"

#include <algorithm>
#include <cerrno>
#include <string>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace morgue::serve {
namespace {

using Clock = std::chrono::steady_clock;

// True on the thread that runs a job the queue refused (over the limit).
thread_local bool refusing = false;
// Set by close_after_answer() for the request being answered on this thread.
thread_local bool close_after = false;

// Waits for `events` on the socket until `deadline`, in slices so that a
// server being stopped (`running` false) is noticed. >0 ready, 0 timed out
// or stopping, <0 error.
int wait_for(int sock, short events, Clock::time_point deadline, const std::function<bool()>& running) {
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0 || !running()) return 0;
    pollfd p{sock, events, 0};
    int n = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 250)));
    if (n > 0) return n;
    if (n < 0 && errno != EINTR) return -1;
  }
}

std::pair<std::string, int> address_of(const sockaddr_storage& addr) {
  char host[INET6_ADDRSTRLEN] = "";
  int port = 0;
  if (addr.ss_family == AF_INET) {
    const auto& a = reinterpret_cast<const sockaddr_in&>(addr);
    inet_ntop(AF_INET, &a.sin_addr, host, sizeof host);
    port = ntohs(a.sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto& a = reinterpret_cast<const sockaddr_in6&>(addr);
    inet_ntop(AF_INET6, &a.sin6_addr, host, sizeof host);
    port = ntohs(a.sin6_port);
  }
  return {host, port};
}

// A socket read through one buffer for the connection's whole life (so a
// pipelined request read with the one before it is kept), against deadlines.
class DeadlineStream : public httplib::Stream {
 public:
  DeadlineStream(int sock, const ConnectionLimits& limits, std::function<bool()> running)
      : sock_(sock), limits_(limits), running_(std::move(running)) {}

  // Until the first byte of the next request (or one already buffered):
  // false when the client went away, idled past idle_timeout, or the server stops.
  bool await_request() {
    if (pos_ < buffer_.size()) return true;
    return wait_for(sock_, POLLIN, Clock::now() + limits_.idle_timeout, running_) > 0;
  }
  void start_request() { read_deadline_ = Clock::now() + limits_.header_timeout; }
  void headers_read() { read_deadline_ = Clock::now() + limits_.body_timeout; }

  bool is_readable() const override {
    return pos_ < buffer_.size() || wait_for(sock_, POLLIN, read_deadline_, running_) > 0;
  }
  // Not cut short by a stop: an answer under way is finished.
  bool is_writable() const override {
    return wait_for(sock_, POLLOUT, Clock::now() + limits_.write_timeout, [] { return true; }) > 0;
  }
  ssize_t read(char* ptr, size_t size) override {
    if (pos_ == buffer_.size()) {
      if (!fill()) return -1;
      if (buffer_.empty()) return 0;  // the client closed
    }
    std::size_t n = std::min(size, buffer_.size() - pos_);
    std::copy_n(buffer_.data() + pos_, n, ptr);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t n;
    do n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { peer(::getpeername, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { peer(::getsockname, ip, port); }
  socket_t socket() const override { return sock_; }

 private:
  // One recv() into the emptied buffer; false on timeout or error.
  bool fill() {
    buffer_.resize(16 * 1024);
    pos_ = 0;
    if (Clock::now() >= read_deadline_ || wait_for(sock_, POLLIN, read_deadline_, running_) <= 0) {
      buffer_.clear();
      return false;
    }
    ssize_t n;
    do n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
    while (n < 0 && errno == EINTR);
    buffer_.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return n >= 0;
  }
  template <class Get>
  void peer(Get get, std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (get(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) std::tie(ip, port) = address_of(addr);
  }

  int sock_;
  const ConnectionLimits& limits_;
  std::function<bool()> running_;
  std::string buffer_;
  std::size_t pos_ = 0;
  Clock::time_point read_deadline_ = Clock::now();
};

// Over the connection limit: a fixed 503 without reading the request (a
// non-blocking send fits a fresh socket's buffer), then close. What the
// client already sent is drained first so that close() sends FIN, not RST.
void refuse(int sock) {
  static const std::string body = R"({"error":"too many connections; try again in a moment"})";
  static const std::string answer = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                                    "Content-Length: " + std::to_string(body.size()) +
                                    "\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" + body;
  ::send(sock, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(sock, SHUT_WR);
  char sink[4096];
  while (::recv(sock, sink, sizeof sink, MSG_DONTWAIT) > 0) {
  }
  ::close(sock);
}

}  // namespace

void ConnectionQueue::enqueue(std::function<void()> fn) {
  std::unique_lock lock(mutex_);
  if (active_ >= limit_ || shutdown_) {
    lock.unlock();
    refusing = true;
    fn();
    refusing = false;
    return;
  }
  ++active_;
  jobs_.push_back(std::move(fn));
  if (jobs_.size() > idle_) threads_.emplace_back([this] { work(); });
  cond_.notify_one();
}

void ConnectionQueue::work() {
  std::unique_lock lock(mutex_);
  while (true) {
    ++idle_;
    cond_.wait(lock, [&] { return !jobs_.empty() || shutdown_; });
    --idle_;
    if (jobs_.empty()) return;  // shutting down
    auto fn = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    fn();
    lock.lock();
    --active_;
  }
}

void ConnectionQueue::shutdown() {
  {
    std::lock_guard lock(mutex_);
    shutdown_ = true;
  }
  cond_.notify_all();
  for (auto& t : threads_) t.join();
}

GuardedServer::GuardedServer(ConnectionLimits limits) : limits_(limits) {
  new_task_queue = [this] { return new ConnectionQueue(limits_.max_connections); };
  // Only for the Keep-Alive header httplib writes ("timeout=5, max=1000").
  set_keep_alive_max_count(limits_.max_requests);
  set_keep_alive_timeout(std::max<time_t>(1, std::chrono::duration_cast<std::chrono::seconds>(limits_.idle_timeout).count()));
}

bool GuardedServer::widen_backlog() {
  socket_t sock = svr_sock_;
  return sock != INVALID_SOCKET && ::listen(sock, limits_.backlog) == 0;
}

void GuardedServer::close_after_answer() { close_after = true; }

bool GuardedServer::process_and_close_socket(socket_t sock) {
  if (refusing) {
    refuse(sock);
    return true;
  }
  serve_connection(sock);
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return true;
}

void GuardedServer::serve_connection(socket_t sock) {
  DeadlineStream stream(sock, limits_, [this] { return svr_sock_ != INVALID_SOCKET; });
  for (std::size_t served = 0; served < limits_.max_requests; ++served) {
    if (!stream.await_request()) return;
    stream.start_request();
    close_after = false;
    bool closed = false;
    const bool last = served + 1 == limits_.max_requests || svr_sock_ == INVALID_SOCKET;
    bool ok = process_request(stream, last, closed, [&stream](httplib::Request&) { stream.headers_read(); });
    if (!ok || closed || close_after) return;
  }
}

}  // namespace morgue::serve
