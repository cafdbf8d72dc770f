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
  // What an earlier look (the walk) saw, when known. A read is accepted only
  // when the file is as that look, or as a previous try, saw it: one read
  // alone cannot tell a finished file from one a writer has paused in (mtime
  // has the kernel's clock-tick granularity), a file unchanged over an
  // interval can. Unset: one read unchanged from open to end is accepted.
  bool expected_known = false;
  std::uint64_t expected_size = 0;
  std::int64_t expected_mtime_ns = 0;
  // A file that changed while it was read, or since it was last seen, is
  // read again, up to this many times in all, `retry_pause` apart.
  int attempts = 4;
  std::chrono::milliseconds retry_pause{100};
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
// it was read (and, see FileReadOptions::expected_known, since it was last
// seen). A file that keeps changing gives kChanged. Thread-safe; never
// throws for I/O problems (bad_alloc aside).
FileRead read_whole_file(const std::string& path, const FileReadOptions& options = {});

}  // namespace morgue::util
