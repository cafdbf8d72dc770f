#include "serve/http_connection.h"

#include <algorithm>
#include <cerrno>
#include <string>
#include <string_view>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace morgue::serve {
namespace {

// Set by close_after_answer() for the request being answered on this thread.
thread_local bool close_after = false;
thread_local std::chrono::steady_clock::time_point arrival{};

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

// One whole request read from memory, its answer written to memory: the
// event loop did the reading and does the sending.
class RequestStream : public httplib::Stream {
 public:
  RequestStream(const WorkItem& item, std::string& out)
      : item_(item), out_(out), skip_continue_(item.continue_sent) {}

  bool is_readable() const override { return true; }  // read() says 0 at the end
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    std::size_t n = std::min(size, item_.bytes.size() - pos_);
    std::copy_n(item_.bytes.data() + pos_, n, ptr);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    // The loop already answered "100 Continue" while the body came in.
    if (skip_continue_ && std::string_view(ptr, size).rfind("HTTP/1.1 100 ", 0) == 0) {
      skip_continue_ = false;
      return static_cast<ssize_t>(size);
    }
    out_.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { peer(::getpeername, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { peer(::getsockname, ip, port); }
  socket_t socket() const override { return item_.fd; }

 private:
  template <class Get>
  void peer(Get get, std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (get(item_.fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) std::tie(ip, port) = address_of(addr);
  }

  const WorkItem& item_;
  std::string& out_;
  std::size_t pos_ = 0;
  bool skip_continue_;
};

}  // namespace

GuardedServer::GuardedServer(ConnectionLimits limits, EventLoop::Quick quick)
    : limits_(limits),
      loop_(limits, [this](const WorkItem& item, std::string& out) { return answer(item, out); }, std::move(quick)) {
  // Only for the Keep-Alive header httplib writes ("timeout=5, max=1000").
  set_keep_alive_max_count(limits_.max_requests);
  set_keep_alive_timeout(std::max<time_t>(1, std::chrono::duration_cast<std::chrono::seconds>(limits_.idle_timeout).count()));
}

bool GuardedServer::widen_backlog() {
  socket_t sock = svr_sock_;
  return sock != INVALID_SOCKET && ::listen(sock, limits_.backlog) == 0;
}

void GuardedServer::serve() {
  socket_t sock = svr_sock_;
  if (sock == INVALID_SOCKET) return;
  loop_.run(sock);
  svr_sock_ = INVALID_SOCKET;
  ::close(sock);
}

void GuardedServer::stop() { loop_.stop(); }

void GuardedServer::close_after_answer() { close_after = true; }

std::chrono::steady_clock::time_point GuardedServer::arrived() { return arrival; }

// On a worker: httplib parses, routes and writes the answer; false closes
// the connection after it (httplib's own "Connection: close", a handler's
// close_after_answer(), or a request it could not read).
bool GuardedServer::answer(const WorkItem& item, std::string& out) {
  RequestStream stream(item, out);
  close_after = false;
  arrival = item.arrived;
  bool closed = false;
  try {
    bool ok = process_request(stream, item.last, closed, nullptr);
    return ok && !closed && !close_after;
  } catch (...) {  // not from a handler (httplib catches those): out of memory
    return false;
  }
}

}  // namespace morgue::serve
