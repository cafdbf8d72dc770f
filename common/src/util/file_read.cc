#include "util/file_read.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace morgue::util {
namespace {

std::int64_t nanoseconds(const struct timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

bool same_file_state(const struct stat& a, const struct stat& b) {
  return a.st_size == b.st_size && nanoseconds(a.st_mtim) == nanoseconds(b.st_mtim) &&
         nanoseconds(a.st_ctim) == nanoseconds(b.st_ctim) && a.st_ino == b.st_ino && a.st_dev == b.st_dev;
}

// Closes a descriptor on every way out.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

FileRead failure(FileRead::Status status, std::string reason) {
  FileRead r;
  r.status = status;
  r.reason = std::move(reason);
  return r;
}

std::string cannot_read(int error) { return std::string("cannot read: ") + std::strerror(error); }

// Reads to end of file, at most max + 1 bytes (one more tells a file that grew past the limit).
bool read_all(int fd, std::size_t expected, std::size_t max, std::string& out, int& error) {
  out.assign(std::min(expected, max) + 1, '\0');
  std::size_t have = 0;
  for (;;) {
    if (have == out.size()) {
      if (out.size() > max) break;
      out.resize(std::min(out.size() * 2, max + 1));
    }
    ssize_t n = ::read(fd, out.data() + have, out.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = errno;
      return false;
    }
    if (n == 0) break;
    have += static_cast<std::size_t>(n);
  }
  out.resize(have);
  return true;
}

// One try: kOk, a final failure, or kChanged (worth another try).
FileRead read_once(const std::string& path, const FileReadOptions& options) {
  const int flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (options.follow_link ? 0 : O_NOFOLLOW);
  Fd file{::open(path.c_str(), flags)};
  if (file.fd < 0) {
    if (errno == ELOOP && !options.follow_link) {
      return failure(FileRead::Status::kNotRegular, "became a symbolic link after the walk; not followed");
    }
    return failure(FileRead::Status::kError, cannot_read(errno));
  }
  struct stat before {};
  if (::fstat(file.fd, &before) != 0) return failure(FileRead::Status::kError, cannot_read(errno));
  if (!S_ISREG(before.st_mode)) {
    return failure(FileRead::Status::kNotRegular, "not a regular file (FIFO, socket or device)");
  }
  FileRead r;
  r.size = static_cast<std::uint64_t>(before.st_size);
  if (r.size > options.max_bytes) {
    r.status = FileRead::Status::kTooLarge;
    r.reason = "file too large (" + std::to_string(r.size) + " bytes; the limit is " +
               std::to_string(options.max_bytes) + " bytes)";
    return r;
  }
  int error = 0;
  if (!read_all(file.fd, static_cast<std::size_t>(r.size), options.max_bytes, r.bytes, error)) {
    return failure(FileRead::Status::kError, cannot_read(error));
  }
  if (r.bytes.size() > options.max_bytes) {
    return failure(FileRead::Status::kTooLarge, "file too large (it grew past the limit while being read)");
  }
  struct stat after {};
  if (::fstat(file.fd, &after) != 0) return failure(FileRead::Status::kError, cannot_read(errno));
  if (!same_file_state(before, after) || r.bytes.size() != static_cast<std::size_t>(after.st_size)) {
    return failure(FileRead::Status::kChanged, "");
  }
  r.status = FileRead::Status::kOk;
  r.mtime_ns = nanoseconds(after.st_mtim);
  return r;
}

}  // namespace

FileRead read_whole_file(const std::string& path, const FileReadOptions& options) {
  const int attempts = std::max(1, options.attempts);
  bool known = options.expected_known;
  std::uint64_t size = options.expected_size;
  std::int64_t mtime = options.expected_mtime_ns;
  for (int attempt = 1;; ++attempt) {
    FileRead r = read_once(path, options);
    if (r.status != FileRead::Status::kOk && r.status != FileRead::Status::kChanged) return r;
    if (r.ok() && (!options.expected_known || (known && r.size == size && r.mtime_ns == mtime))) return r;
    // Changed while read, or since last seen: look again after a pause.
    known = r.ok();
    size = r.size;
    mtime = r.mtime_ns;
    if (attempt == attempts) {
      return failure(FileRead::Status::kChanged, "changed while being read (" + std::to_string(attempts) +
                                                     " tries); not indexed, it is tried again next run");
    }
    std::this_thread::sleep_for(options.retry_pause);
  }
}

}  // namespace morgue::util
