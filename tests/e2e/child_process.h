// Runs shell commands as child processes with what robustness tests need and
// support/run.h does not give: separate stdout and stderr, the signal that
// ended the child, wall time, peak memory (wait4's rusage, which covers the
// child and everything it waited for), and a pid to kill mid-run.
#pragma once

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/files.h"
#include "support/run.h"

namespace morgue::testing_support {

struct ChildResult {
  int exit_code = -1;     // when it exited
  int signal = 0;         // when a signal ended it
  std::string out, err;
  double seconds = 0;
  long max_rss_kb = 0;    // peak resident set of the largest process in the tree
  bool exited(int code) const { return signal == 0 && exit_code == code; }
};

// Starts `/bin/sh -c command` with stdout and stderr sent to files in `scratch`.
// Use "exec prog ..." in `command` so the pid is the program's own.
inline pid_t spawn_shell(const std::string& command, const std::filesystem::path& scratch) {
  std::string full = command + " >" + sh_quote((scratch / "child.out").string()) + " 2>" +
                     sh_quote((scratch / "child.err").string());
  pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", full.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

inline ChildResult wait_child(pid_t pid, const std::filesystem::path& scratch,
                              std::chrono::steady_clock::time_point start) {
  ChildResult r;
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.max_rss_kb = usage.ru_maxrss;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.out = slurp(scratch / "child.out");
  r.err = slurp(scratch / "child.err");
  return r;
}

inline ChildResult run_child(const std::string& command, const std::filesystem::path& scratch) {
  auto start = std::chrono::steady_clock::now();
  return wait_child(spawn_shell(command, scratch), scratch, start);
}

// %-encodes every byte but unreserved ones, for a CGI QUERY_STRING.
inline std::string url_encode(const std::string& s) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out.push_back(c);
    } else {
      out += {'%', kHex[u >> 4], kHex[u & 15]};
    }
  }
  return out;
}

// Runs `search_bin` as a CGI program (the service's request handling without
// a socket): GET PATH_INFO?QUERY_STRING against `db`.
inline ChildResult run_cgi(const std::string& search_bin, const std::string& db, const std::string& path,
                           const std::string& query, const std::filesystem::path& scratch) {
  return run_child("GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET PATH_INFO=" + sh_quote(path) + " QUERY_STRING=" +
                       sh_quote(query) + " exec timeout 30 " + search_bin + " --db " + sh_quote(db),
                   scratch);
}

// The HTTP status of a CGI answer (200 when there is no Status line).
inline int cgi_status(const std::string& out) {
  if (out.rfind("Status: ", 0) != 0) return out.rfind("Content-Type: ", 0) == 0 ? 200 : -1;
  return std::atoi(out.c_str() + 8);
}

// True when this test binary (and so the programs it runs) was built with a
// sanitizer, which needs terabytes of virtual address space and runs slower.
constexpr bool kSanitized =
#if defined(__SANITIZE_ADDRESS__)
    true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    true;
#else
    false;
#endif
#else
    false;
#endif

// A command's prefix for a run that may fill a disk: in a sanitized build,
// `env ASAN_OPTIONS=...` asking for full allocation stacks
// (fast_unwind_on_malloc=0). Xapian leaks an object when a block write fails
// during a commit, and tests/sanitizers/lsan.supp can only name the Xapian
// function on its stack when the stack is complete: libxapian has no frame
// pointers, so the default (fast) unwinder stops at its first frame, which has
// no name. Full stacks make a sanitized indexer run 3 to 7 times slower, so
// only these runs ask for them. Empty in a plain build.
inline std::string full_stacks_for_write_failures() {
  return kSanitized ? "env ASAN_OPTIONS=\"${ASAN_OPTIONS:-}:fast_unwind_on_malloc=0\" " : "";
}

}  // namespace morgue::testing_support
