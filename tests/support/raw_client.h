#pragma once

// A raw TCP connection to a server on 127.0.0.1, for tests that send bytes
// as they please (trickled requests, pipelining, slow or idle clients).

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <string>

namespace morgue::testing_support {

class RawClient {
 public:
  explicit RawClient(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  }
  ~RawClient() { ::close(fd_); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  void send(const std::string& data) { ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL); }

  // What arrives until `want` bytes are in, the server closes, or `quiet`
  // passes without a byte.
  std::string read(std::size_t want = SIZE_MAX, std::chrono::milliseconds quiet = std::chrono::milliseconds(1000)) {
    std::string out;
    char buf[65536];
    while (out.size() < want) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(quiet.count())) <= 0) break;
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        closed_ = true;
        break;
      }
      out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
  }
  // Everything until the server closes or `quiet` passes without a byte.
  std::string read_all(std::chrono::milliseconds quiet = std::chrono::milliseconds(2000)) { return read(SIZE_MAX, quiet); }
  bool closed() const { return closed_; }

 private:
  int fd_ = -1;
  bool closed_ = false;
};

}  // namespace morgue::testing_support
