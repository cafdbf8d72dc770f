#include "index/file_walk.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace morgue {
namespace fs = std::filesystem;
namespace {

using ProblemFn = std::function<void(const Problem&)>;

FoundFile found(std::string path, const struct stat& st) {
  std::int64_t mtime = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return {std::move(path), static_cast<std::uint64_t>(st.st_size), mtime};
}

// Closes a directory stream on every way out.
struct DirCloser {
  void operator()(DIR* d) const { ::closedir(d); }
};

// Walks one directory (open as `fd`, named `dir`) with readdir's d_type and
// one fstatat() per file relative to the directory: no path lookup from the
// root and no second stat, which is most of a no-op nightly run.
void walk_directory(int fd, const std::string& dir, std::vector<FoundFile>& out, const ProblemFn& problem) {
  std::unique_ptr<DIR, DirCloser> stream(::fdopendir(fd));
  if (!stream) {
    problem({dir, fmt::format("cannot read directory: {}", std::strerror(errno))});
    ::close(fd);
    return;
  }
  std::vector<std::string> subdirs;
  errno = 0;
  while (struct dirent* e = ::readdir(stream.get())) {
    const char* name = e->d_name;
    if (name[0] == '.') continue;  // hidden, "." and ".."
    std::string path = dir + "/" + name;
    unsigned char type = e->d_type;
    struct stat st;
    if (type == DT_UNKNOWN || type == DT_LNK) {  // some filesystems give no type
      if (::fstatat(::dirfd(stream.get()), name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        problem({path, fmt::format("cannot read: {}", std::strerror(errno))});
        continue;
      }
      type = S_ISLNK(st.st_mode) ? DT_LNK : S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_FIFO;
    }
    if (type == DT_DIR) {
      subdirs.push_back(std::move(path));
      continue;
    }
    if (type == DT_LNK) {
      // Follow links to files, never to directories (loops).
      if (::fstatat(::dirfd(stream.get()), name, &st, 0) != 0) {
        problem({path, fmt::format("broken link: {}", std::strerror(errno))});
      } else if (S_ISREG(st.st_mode)) {
        out.push_back(found(std::move(path), st));
      } else if (!S_ISDIR(st.st_mode)) {
        problem({path, "not a regular file (link to a FIFO, socket or device)"});
      }
      continue;
    }
    if (type != DT_REG) {
      // A FIFO would block the reader forever: name it instead of skipping it silently.
      problem({path, "not a regular file (FIFO, socket or device)"});
      continue;
    }
    if (::fstatat(::dirfd(stream.get()), name, &st, 0) != 0) {
      problem({path, fmt::format("cannot read: {}", std::strerror(errno))});
      continue;
    }
    out.push_back(found(std::move(path), st));
  }
  const int dir_fd = ::dirfd(stream.get());
  for (auto& sub : subdirs) {
    const char* name = sub.c_str() + dir.size() + 1;
    int sub_fd = ::openat(dir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub_fd < 0) {
      problem({sub, fmt::format("cannot read directory: {}", std::strerror(errno))});
      continue;
    }
    walk_directory(sub_fd, sub, out, problem);
  }
}

}  // namespace

std::string absolute_path(const fs::path& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) abs = path;
  return abs.lexically_normal().string();
}

std::vector<FoundFile> walk_inputs(const std::vector<fs::path>& inputs, const ProblemFn& problem) {
  std::vector<FoundFile> files;
  for (const auto& input : inputs) {
    struct stat st;
    if (::stat(input.c_str(), &st) != 0) {
      problem({input.string(), errno == ENOENT ? std::string("no such file or directory")
                                               : fmt::format("cannot read: {}", std::strerror(errno))});
      continue;
    }
    if (S_ISREG(st.st_mode)) {
      files.push_back(found(absolute_path(input), st));
      continue;
    }
    if (!S_ISDIR(st.st_mode)) {
      problem({input.string(), "not a regular file or directory"});
      continue;
    }
    // Walking from the absolute, normal root gives absolute, normal paths
    // without normalising each one.
    std::string root = absolute_path(input);
    while (root.size() > 1 && root.back() == '/') root.pop_back();
    int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      problem({input.string(), fmt::format("cannot read directory: {}", std::strerror(errno))});
      continue;
    }
    walk_directory(fd, root == "/" ? std::string() : root, files, problem);
  }
  // Inputs may overlap ("archive archive/2021"): several inputs are sorted and
  // deduplicated. One input cannot list a file twice, and sorting 100,000
  // paths was a quarter of a no-op nightly run.
  if (inputs.size() > 1) {
    std::sort(files.begin(), files.end(), [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
    files.erase(std::unique(files.begin(), files.end(), [](const FoundFile& a, const FoundFile& b) { return a.path == b.path; }),
                files.end());
  }
  return files;
}

}  // namespace morgue
