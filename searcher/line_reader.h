// Prompted line input for the interactive session, with libedit's line editing
// and history when it can be loaded.
#pragma once

#include <optional>
#include <string>

namespace morgue::search_cli {

// libedit (libedit.so.2, Debian's libedit2) is loaded with dlopen when a
// LineReader is made, not linked: morgue-search, started once per query,
// should not pay for loading it. Without it (or without one of its functions)
// lines are read with std::getline, without editing or history, and stderr
// says so once. Not thread-safe; make one per session.
class LineReader {
 public:
  // `history_path`: read now and written back by the destructor; empty: no
  // history file.
  explicit LineReader(std::string history_path);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Shows `prompt` and reads one line (without its newline); nullopt at EOF.
  std::optional<std::string> read(const char* prompt);
  // Adds a line to the history (nothing without libedit).
  void remember(const std::string& line);

 private:
  // libedit's readline compatibility functions (<editline/readline.h>).
  using ReadlineFn = char* (*)(const char*);
  using HistoryFn = int (*)(const char*);

  ReadlineFn readline_ = nullptr;
  HistoryFn add_history_ = nullptr;
  HistoryFn read_history_ = nullptr;
  HistoryFn write_history_ = nullptr;
  std::string history_path_;
};

}  // namespace morgue::search_cli
