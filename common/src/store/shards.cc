#include "store/shard_files.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "morgue/database_error.h"
#include "store/database.h"
#include "util/strings.h"

namespace morgue {
namespace fs = std::filesystem;

namespace {

constexpr unsigned kMaxHashShards = 1024;
constexpr const char* kUndated = "undated";

// Readers may open the file at any moment: write a sibling, flush it to the
// disk, and only then rename it over. Every step is checked: a full disk
// (ENOSPC from write, fsync or close) leaves the old file as it was, never an
// empty or short one.
void write_atomically(const fs::path& path, const std::string& content) {
  fs::path tmp = path;
  tmp += ".tmp";
  auto fail = [&](const char* step) {
    const int error = errno;
    ::unlink(tmp.c_str());
    throw std::runtime_error(fmt::format("cannot write {}: {} failed: {}", path.string(), step, std::strerror(error)));
  };
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("open");
  for (std::size_t done = 0; done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = ENOSPC;
      const int error = errno;
      ::close(fd);
      errno = error;
      fail("write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    errno = error;
    fail("fsync");
  }
  if (::close(fd) != 0) fail("close");
  if (::rename(tmp.c_str(), path.c_str()) != 0) fail("rename");
  // The rename itself reaches the disk with the directory.
  const int dir = ::open(path.parent_path().empty() ? "." : path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool all_digits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

std::optional<ShardScheme> ShardScheme::parse(const std::string& text) {
  ShardScheme scheme;
  if (text == "year") return scheme;
  if (text.rfind("hash:", 0) != 0) return std::nullopt;
  const std::string n = text.substr(5);
  if (!all_digits(n) || n.size() > 4) return std::nullopt;
  unsigned count = 0;
  std::from_chars(n.data(), n.data() + n.size(), count);
  if (count < 1 || count > kMaxHashShards) return std::nullopt;
  scheme.kind = Kind::kHash;
  scheme.count = count;
  return scheme;
}

std::string ShardScheme::to_string() const {
  return kind == Kind::kYear ? std::string("year") : fmt::format("hash:{}", count);
}

std::string ShardScheme::shard_of(const std::string& id, const std::string& compact_date) const {
  if (kind == Kind::kHash) {
    // Hash the id again: ids are already hashes, but of the source path,
    // and re-hashing keeps the spread even whatever ids look like.
    return fmt::format("shard-{}", util::fnv1a64(id) % count);
  }
  if (compact_date.size() >= 4 && all_digits(compact_date.substr(0, 4))) return compact_date.substr(0, 4);
  return kUndated;
}

bool ShardScheme::is_shard_name(const std::string& name) const {
  if (kind == Kind::kYear) return name == kUndated || (name.size() == 4 && all_digits(name));
  if (name.rfind("shard-", 0) != 0 || !all_digits(name.substr(6)) || name.size() > 10) return false;
  return static_cast<unsigned>(std::stoul(name.substr(6))) < count;
}

fs::path scheme_file(const fs::path& archive_dir) { return archive_dir / "morgue-shards.json"; }

bool is_sharded_archive(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(scheme_file(dir), ec);
}

std::optional<fs::path> stub_file(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return path;
  if (fs::is_directory(path, ec) && fs::is_regular_file(path / "XAPIANDB", ec)) return path / "XAPIANDB";
  return std::nullopt;
}

std::vector<StubEntry> read_stub(const fs::path& stub) {
  std::ifstream in(stub);
  if (!in) throw DatabaseError(fmt::format("cannot read stub database file {}", stub.string()));
  std::vector<StubEntry> entries;
  std::string line;
  int line_no = 0;
  auto bad = [&](const std::string& why) {
    return DatabaseError(fmt::format("{}:{}: {} in stub line '{}'", stub.string(), line_no, why, line));
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    // Same split as Xapian's own stub reader: type, one space, the rest verbatim.
    const auto space = line.find(' ');
    const std::string type = line.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    if (rest.empty()) throw bad("nothing after the type");
    StubEntry e;
    e.line = line;
    if (type == "auto" || type == "glass" || type == "chert") {
      e.backend = type;
      fs::path p(rest);
      e.path = p.is_absolute() ? p : stub.parent_path() / p;
      e.path = e.path.lexically_normal();
    } else if (type == "remote" && rest[0] == ':') {
      e.type = StubEntry::Type::kRemoteProgram;
      const auto arg_space = rest.find(' ');
      e.program = rest.substr(1, arg_space == std::string::npos ? std::string::npos : arg_space - 1);
      if (arg_space != std::string::npos) e.args = rest.substr(arg_space + 1);
      if (e.program.empty()) throw bad("expected :PROGRAM ARGS");
    } else if (type == "remote") {
      e.type = StubEntry::Type::kRemoteTcp;
      const auto colon = rest.rfind(':');
      if (colon == std::string::npos || colon == 0 || !all_digits(rest.substr(colon + 1)) ||
          rest.size() - colon > 6) {
        throw bad("expected HOST:PORT");
      }
      e.host = rest.substr(0, colon);
      if (e.host.size() > 2 && e.host.front() == '[' && e.host.back() == ']') e.host = e.host.substr(1, e.host.size() - 2);
      e.port = static_cast<unsigned>(std::stoul(rest.substr(colon + 1)));
      if (e.port == 0 || e.port > 65535) throw bad("port out of range");
    } else {
      throw bad("unknown type '" + type + "'");
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

std::vector<std::string> shard_names(const fs::path& dir, const ShardScheme& scheme) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (entry.is_directory() && scheme.is_shard_name(name) && is_database_dir(entry.path())) names.push_back(name);
  }
  // Hash shards exist from the start: the archive's layout never changes.
  for (unsigned i = 0; scheme.kind == ShardScheme::Kind::kHash && i < scheme.count; ++i) {
    names.push_back(fmt::format("shard-{}", i));
  }
  return names;
}

void write_stub(const fs::path& dir, const std::vector<std::string>& databases) {
  std::string content;
  for (const auto& name : databases) content += "auto " + name + "\n";
  if (content.empty()) return;
  std::error_code ec;
  const bool fresh = !fs::exists(dir, ec);
  const fs::path stub = dir / "XAPIANDB";
  if (!fresh && fs::exists(stub, ec) && slurp(stub) == content) return;
  const fs::path target = fresh ? fs::path(dir.string() + ".stub-new") : dir;
  if (fresh) {
    fs::remove_all(target);
    fs::create_directories(target);
  }
  write_atomically(target / "XAPIANDB", content);
  if (fresh) fs::rename(target, dir);
}

ShardScheme resolve_scheme(const fs::path& dir, const std::string& requested) {
  std::optional<ShardScheme> wanted;
  if (!requested.empty()) {
    wanted = ShardScheme::parse(requested);
    if (!wanted) throw std::runtime_error(fmt::format("cannot read --shard-by '{}' (year or hash:N)", requested));
  }
  if (is_sharded_archive(dir)) {
    std::optional<ShardScheme> recorded;
    try {
      recorded = ShardScheme::parse(nlohmann::json::parse(slurp(scheme_file(dir))).at("scheme").get<std::string>());
    } catch (const nlohmann::json::exception&) {
    }
    if (!recorded) throw std::runtime_error(fmt::format("{} is not readable", scheme_file(dir).string()));
    if (wanted && *wanted != *recorded) {
      throw std::runtime_error(fmt::format("{} is sharded by {}, not {}; index into a new directory to change the scheme",
                                           dir.string(), recorded->to_string(), wanted->to_string()));
    }
    return *recorded;
  }
  if (!wanted) throw std::runtime_error(fmt::format("{} is not a sharded archive", dir.string()));
  std::error_code ec;
  if (is_database_dir(dir) || fs::exists(dir / "XAPIANDB", ec)) {
    throw std::runtime_error(
        fmt::format("{} holds an unsharded database; write the sharded archive to a new directory", dir.string()));
  }
  fs::create_directories(dir);
  nlohmann::json j = {{"format", 1}, {"scheme", wanted->to_string()}};
  write_atomically(scheme_file(dir), j.dump(2) + "\n");
  return *wanted;
}

}  // namespace morgue
