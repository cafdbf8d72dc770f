#include "store/database.h"

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

namespace morgue {
namespace fs = std::filesystem;

namespace {

// True when some process holds the lock Xapian takes on `lock_file`.
bool lock_held(const fs::path& lock_file) {
  int fd = ::open(lock_file.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock probe {};
  probe.l_type = F_WRLCK;
  probe.l_whence = SEEK_SET;
  bool held = ::fcntl(fd, F_OFD_GETLK, &probe) != 0 || probe.l_type != F_UNLCK;
  if (!held) {
    struct flock classic {};
    classic.l_type = F_WRLCK;
    classic.l_whence = SEEK_SET;
    held = ::fcntl(fd, F_GETLK, &classic) != 0 || classic.l_type != F_UNLCK;
  }
  ::close(fd);
  return held;
}

// A kill while Xapian creates a database can leave its table files without
// the version file (iamglass), which Xapian writes last: the directory never
// held a revision, yet Xapian takes it for a database and cannot open it
// ("Failed to open glass revision file"). Such a directory, holding nothing
// but glass tables and the lock file, unlocked, is cleared so it can be
// created again.
void clear_unfinished_creation(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  for (const char* marker : {"iamglass", "iamchert", "XAPIANDB"}) {
    if (fs::exists(dir / marker, ec)) return;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const bool xapian_file = name == "flintlock" || name == "v.tmp" ||
                             (name.size() > 6 && name.compare(name.size() - 6, 6, ".glass") == 0);
    if (!xapian_file || !entry.is_regular_file(ec)) return;  // not only ours: leave it alone
    files.push_back(entry.path());
  }
  if (files.empty() || lock_held(dir / "flintlock")) return;
  for (const auto& f : files) fs::remove(f, ec);
}

// Why a database cannot be written besides another writer's lock: 0 when
// it could be, else the errno (EROFS, EACCES, EPERM) of opening its lock
// file (or the directory, when there is no lock file yet) for writing.
int write_denied(const fs::path& dir) {
  const fs::path lock = dir / "flintlock";
  std::error_code ec;
  const bool has_lock = fs::exists(lock, ec);
  const int fd = has_lock ? ::open(lock.c_str(), O_RDWR | O_CLOEXEC) : -1;
  if (fd >= 0) {
    ::close(fd);
    return 0;
  }
  if (has_lock && errno != ENOENT) return errno;
  return ::access(dir.c_str(), W_OK) == 0 ? 0 : errno;
}

}  // namespace

Xapian::WritableDatabase open_for_writing(const std::filesystem::path& path, int flags) {
  clear_unfinished_creation(path);
  try {
    return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN | flags);
  } catch (const Xapian::DatabaseLockError&) {
    if (const int error = write_denied(path); error != 0) throw database_read_only(path, error);
    throw database_locked(path);
  }
}

std::runtime_error database_locked(const std::filesystem::path& path) {
  return std::runtime_error(fmt::format("database {} is locked: another indexer is writing to it", path.string()));
}

std::runtime_error database_read_only(const std::filesystem::path& path, int error) {
  return std::runtime_error(
      fmt::format("database {} is read-only ({}): the indexer needs to write to it", path.string(), std::strerror(error)));
}

bool is_database_dir(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "iamglass", ec) || fs::exists(dir / "iamchert", ec);
}

}  // namespace morgue
