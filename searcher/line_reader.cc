#include "line_reader.h"

#include <cstdlib>
#include <iostream>
#include <utility>

#include <dlfcn.h>

namespace morgue::search_cli {
namespace {

constexpr const char* kLibedit = "libedit.so.2";

template <typename Fn>
Fn symbol(void* library, const char* name) {
  return reinterpret_cast<Fn>(dlsym(library, name));
}

}  // namespace

LineReader::LineReader(std::string history_path) : history_path_(std::move(history_path)) {
  // The handle is never closed: libedit keeps terminal state and atexit
  // handlers, and the session lasts until the program ends anyway.
  void* library = dlopen(kLibedit, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char* reason = dlerror();
    std::cerr << "morgue-search: no line editing or history (" << (reason ? reason : kLibedit) << ")\n";
    return;
  }
  auto readline = symbol<ReadlineFn>(library, "readline");
  auto add_history = symbol<HistoryFn>(library, "add_history");
  auto read_history = symbol<HistoryFn>(library, "read_history");
  auto write_history = symbol<HistoryFn>(library, "write_history");
  if (!readline || !add_history || !read_history || !write_history) {
    std::cerr << "morgue-search: no line editing or history (" << kLibedit << " lacks the readline functions)\n";
    return;
  }
  readline_ = readline;
  add_history_ = add_history;
  read_history_ = read_history;
  write_history_ = write_history;
  if (!history_path_.empty()) read_history_(history_path_.c_str());
}

LineReader::~LineReader() {
  if (write_history_ && !history_path_.empty()) write_history_(history_path_.c_str());
}

std::optional<std::string> LineReader::read(const char* prompt) {
  if (readline_) {
    char* raw = readline_(prompt);
    if (!raw) return std::nullopt;
    std::string line = raw;
    std::free(raw);  // allocated by libedit with malloc
    return line;
  }
  std::cout << prompt << std::flush;
  std::string line;
  if (!std::getline(std::cin, line)) {
    std::cout << "\n";  // as readline does at EOF, so the shell prompt starts a line
    return std::nullopt;
  }
  return line;
}

void LineReader::remember(const std::string& line) {
  if (add_history_) add_history_(line.c_str());
}

}  // namespace morgue::search_cli
