#include "crash_report.h"

#include <algorithm>
#include <array>
#include <csignal>
#include <cstring>

#include <execinfo.h>
#include <unistd.h>

namespace morgue::search_cli {
namespace {

// Written by report_crashes, read only by the handler.
std::array<char, 2048> message{};
std::size_t message_size = 0;
// The handler's own stack: a stack overflow is a SIGSEGV too.
alignas(16) std::array<char, 64 * 1024> handler_stack{};

void write_all(const char* text, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::write(STDERR_FILENO, text, size);
    if (n <= 0) return;
    text += n;
    size -= static_cast<std::size_t>(n);
  }
}

void append(const char* text) {
  std::size_t n = std::min(std::strlen(text), message.size() - 1 - message_size);
  std::memcpy(message.data() + message_size, text, n);
  message_size += n;
}

// Async-signal-safe apart from backtrace(), whose first call (which may load
// libgcc) report_crashes makes beforehand.
extern "C" void on_crash(int signal) {
  write_all(message.data(), message_size);
  std::array<void*, 64> frames{};
  int count = ::backtrace(frames.data(), static_cast<int>(frames.size()));
  // frames[0] is this handler and frames[1] the kernel's return into it:
  // the stack starts where the signal came from.
  if (count > 2) ::backtrace_symbols_fd(frames.data() + 2, count - 2, STDERR_FILENO);
  // SA_RESETHAND put the default action back: die from the same signal.
  ::raise(signal);
}

}  // namespace

void report_crashes(const std::string& program, const std::string& db_path) {
  message_size = 0;
  append(program.c_str());
  append(": crashed with the database ");
  append(db_path.c_str());
  append(" open (if Xapian met a damaged block there, xapian-check ");
  append(db_path.c_str());
  append(" says so). Where it died:\n");

  std::array<void*, 4> warm_up{};
  ::backtrace(warm_up.data(), static_cast<int>(warm_up.size()));

  stack_t stack{};
  stack.ss_sp = handler_stack.data();
  stack.ss_size = handler_stack.size();
  ::sigaltstack(&stack, nullptr);

  struct sigaction action{};
  action.sa_handler = on_crash;
  action.sa_flags = SA_RESETHAND | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  for (int signal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL}) ::sigaction(signal, &action, nullptr);
}

}  // namespace morgue::search_cli
