#include "index/file_walk.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
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

// One walk: where it may lead (`roots`, resolved), what it found, what went wrong.
struct Walker {
  const std::vector<std::string>& roots;
  const WalkOptions& options;
  std::vector<FoundFile>& out;
  const ProblemFn& problem;

  void directory(int fd, const std::string& dir);
  void link(int dir_fd, const char* name, std::string path);
};

// Follows links to files, never to directories (loops), and only inside the
// roots unless asked: the target is resolved (every link on the way) and
// checked against the resolved roots.
void Walker::link(int dir_fd, const char* name, std::string path) {
  struct stat st;
  if (::fstatat(dir_fd, name, &st, 0) != 0) {
    problem({path, fmt::format("broken link: {}", std::strerror(errno))});
    return;
  }
  if (S_ISDIR(st.st_mode)) return;
  if (!S_ISREG(st.st_mode)) {
    problem({path, "not a regular file (link to a FIFO, socket or device)"});
    return;
  }
  if (!options.follow_outside_links) {
    std::unique_ptr<char, decltype(&std::free)> target(::realpath(path.c_str(), nullptr), &std::free);
    if (!target) {
      problem({path, fmt::format("broken link: {}", std::strerror(errno))});
      return;
    }
    if (!inside_roots(target.get(), roots)) {
      problem({path, fmt::format("link to {}, outside the folders being indexed; not followed "
                                 "(--follow-outside-links follows it)", target.get())});
      return;
    }
  }
  FoundFile file = found(std::move(path), st);
  file.via_link = true;
  out.push_back(std::move(file));
}

// Walks one directory (open as `fd`, named `dir`) with readdir's d_type and
// one fstatat() per file relative to the directory: no path lookup from the
// root and no second stat, which is most of a no-op nightly run.
void Walker::directory(int fd, const std::string& dir) {
  std::unique_ptr<DIR, DirCloser> stream(::fdopendir(fd));
  if (!stream) {
    problem({dir, fmt::format("cannot read directory: {}", std::strerror(errno))});
    ::close(fd);
    return;
  }
  const int dir_fd = ::dirfd(stream.get());
  std::vector<std::string> subdirs;
  while (struct dirent* e = ::readdir(stream.get())) {
    const char* name = e->d_name;
    if (name[0] == '.') continue;  // hidden, "." and ".."
    std::string path = dir + "/" + name;
    unsigned char type = e->d_type;
    struct stat st;
    if (type == DT_UNKNOWN) {  // some filesystems give no type
      if (::fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        problem({path, fmt::format("cannot read: {}", std::strerror(errno))});
        continue;
      }
      type = S_ISLNK(st.st_mode) ? DT_LNK : S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_FIFO;
    }
    if (type == DT_DIR) {
      subdirs.push_back(std::move(path));
    } else if (type == DT_LNK) {
      link(dir_fd, name, std::move(path));
    } else if (type != DT_REG) {
      // A FIFO would block the reader forever: name it instead of skipping it silently.
      problem({path, "not a regular file (FIFO, socket or device)"});
    } else if (::fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
      problem({path, fmt::format("cannot read: {}", std::strerror(errno))});
    } else {
      out.push_back(found(std::move(path), st));
    }
  }
  for (auto& sub : subdirs) {
    const char* name = sub.c_str() + dir.size() + 1;
    int sub_fd = ::openat(dir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub_fd < 0) {
      problem({sub, fmt::format("cannot read directory: {}", std::strerror(errno))});
      continue;
    }
    directory(sub_fd, sub);
  }
}

// The inputs resolved (symbolic links and all), for the links test.
std::vector<std::string> resolved_roots(const std::vector<fs::path>& inputs) {
  std::vector<std::string> roots;
  for (const auto& input : inputs) {
    std::unique_ptr<char, decltype(&std::free)> real(::realpath(input.c_str(), nullptr), &std::free);
    if (real) roots.emplace_back(real.get());
  }
  return roots;
}

}  // namespace

std::string absolute_path(const fs::path& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) abs = path;
  return abs.lexically_normal().string();
}

bool inside_roots(const std::string& target, const std::vector<std::string>& roots) {
  for (const auto& root : roots) {
    if (target == root) return true;
    const std::string dir = root == "/" ? root : root + "/";
    if (target.compare(0, dir.size(), dir) == 0) return true;
  }
  return false;
}

std::vector<FoundFile> walk_inputs(const std::vector<fs::path>& inputs, const ProblemFn& problem,
                                   const WalkOptions& options) {
  std::vector<FoundFile> files;
  const std::vector<std::string> roots = resolved_roots(inputs);
  Walker walker{roots, options, files, problem};
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
    walker.directory(fd, root == "/" ? std::string() : root);
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
