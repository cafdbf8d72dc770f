// The HTTP service (morgue-serve, or `morgue-search --serve`) as a child
// process on a free loopback port, for end-to-end tests. Its stderr (status
// and access log) goes to a file, which also tells the port.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <thread>

#include "support/files.h"
#include "support/run.h"

namespace morgue::testing_support {

class ServerProcess {
 public:
  // Runs `exec LAUNCHER --listen 127.0.0.1:0 FLAGS --db DB` through the shell
  // and waits up to 10 s for the port it logs (port() stays 0 if it never
  // listens). Port 0 lets the kernel pick a free port.
  ServerProcess(const std::string& launcher, const std::string& flags, const std::string& db,
                const std::filesystem::path& log)
      : log_(log) {
    std::string command = "exec " + launcher + " --listen 127.0.0.1:0 " + flags + " --db " + sh_quote(db) + " 2>" +
                          sh_quote(log.string()) + " >/dev/null";
    pid_ = fork();
    if (pid_ == 0) {
      execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    const std::regex listening("listening on http://127\\.0\\.0\\.1:([0-9]+)/");
    for (int i = 0; i < 200 && port_ == 0; ++i) {
      std::smatch m;
      std::string text = slurp(log_);
      if (std::regex_search(text, m, listening)) port_ = std::stoi(m[1]);
      else std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  std::string log() const { return slurp(log_); }

  // SIGTERM, then the exit code (-1 when it did not stop within 10 s).
  int terminate() {
    kill(pid_, SIGTERM);
    for (int i = 0; i < 200; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return -1;
  }

  // Peak resident memory (VmHWM) in KiB, -1 when unknown.
  long peak_kib() const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/status");
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    }
    return -1;
  }

 private:
  std::filesystem::path log_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace morgue::testing_support
