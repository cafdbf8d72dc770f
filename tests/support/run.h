// Runs a command line through the shell and captures stdout and the exit code.
#pragma once

#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace morgue::testing_support {

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout; stderr is captured too when the command redirects it (2>&1)
};

inline RunResult run(const std::string& command) {
  RunResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  char buffer[65536];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

// Quotes a string for /bin/sh.
inline std::string sh_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out.push_back(c);
  }
  return out + "'";
}

}  // namespace morgue::testing_support
