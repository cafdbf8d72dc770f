// Reading a whole input file safely: never blocks on a FIFO or device, reads
// only regular files, and never returns bytes torn by a concurrent rewrite.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace morgue::util {

struct FileReadOptions {
  // More bytes than this (at open time, or grown while reading): kTooLarge.
  std::size_t max_bytes = 64 * 1024 * 1024;
  // false: a path whose last component is a symbolic link is refused
  // (O_NOFOLLOW), for paths the walk saw as plain files.
  bool follow_link = true;
  // A file whose size, mtime or ctime changed while it was read is read
  // again, up to this many times in all, with `retry_pause` between tries.
  int attempts = 3;
  std::chrono::milliseconds retry_pause{50};
};

struct FileRead {
  enum class Status { kOk, kNotRegular, kTooLarge, kChanged, kError };
  Status status = Status::kError;
  std::string bytes;         // the whole file when kOk
  std::string reason;        // for the user when not kOk ("cannot read: ...")
  std::uint64_t size = 0;    // of the file as read (kOk), or as found (kTooLarge)
  std::int64_t mtime_ns = 0; // of the file as read
  bool ok() const { return status == Status::kOk; }
};

// Opens `path` with O_NONBLOCK (a FIFO or device swapped in since the walk
// cannot block the caller), checks with fstat that it is a regular file,
// reads it whole, and checks with a second fstat that nothing changed while
// it was read. Thread-safe; never throws for I/O problems (bad_alloc aside).
FileRead read_whole_file(const std::string& path, const FileReadOptions& options = {});

}  // namespace morgue::util
