// Sharded archives: how the indexer splits an archive into shards, and how a
// Xapian stub file that lists shards (local paths and remote xapian-tcpsrv
// servers) is read. See docs/deployment.md.
//
// A sharded archive DIR holds one ordinary Morgue database per shard
// (DIR/2019, DIR/undated, or DIR/shard-0 .. DIR/shard-N-1), a Xapian stub
// DIR/XAPIANDB listing them (so Xapian tools and morgue-search open DIR as
// the union of the shards), and DIR/morgue-shards.json recording the scheme
// so that later runs route stories the same way.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace morgue {

struct ShardScheme {
  enum class Kind { kYear, kHash };
  Kind kind = Kind::kYear;
  unsigned count = 0;  // kHash: number of shards (fixed for the archive's life)

  // "year" or "hash:N" (1 <= N <= 1024); nullopt when unreadable.
  static std::optional<ShardScheme> parse(const std::string& text);
  std::string to_string() const;  // the form parse() reads
  bool operator==(const ShardScheme&) const = default;

  // The shard a story goes to: its year ("2019", "undated" without a date;
  // `compact_date` is the YYYYMMDD date slot value), or "shard-K" from a hash
  // of its id.
  std::string shard_of(const std::string& id, const std::string& compact_date) const;
  // True when `name` is a shard name this scheme can produce.
  bool is_shard_name(const std::string& name) const;
};

// The file recording an archive's scheme: DIR/morgue-shards.json.
std::filesystem::path scheme_file(const std::filesystem::path& archive_dir);
// True when `dir` is a sharded archive written by morgue-index.
bool is_sharded_archive(const std::filesystem::path& dir);

// One line of a Xapian stub file.
struct StubEntry {
  enum class Type { kLocal, kRemoteTcp, kRemoteProgram };
  Type type = Type::kLocal;
  std::string line;     // the line as written, for messages
  std::string backend;  // kLocal: "auto", "glass" or "chert"
  std::filesystem::path path;  // kLocal: absolute (relative lines resolved against the stub's folder)
  std::string host;     // kRemoteTcp
  unsigned port = 0;    // kRemoteTcp
  std::string program;  // kRemoteProgram: program and its arguments
  std::string args;
};

// The stub file behind `path`: `path` itself when it is a regular file, or
// path/XAPIANDB when `path` is a directory holding one; nullopt otherwise
// (an ordinary database directory, or nothing).
std::optional<std::filesystem::path> stub_file(const std::filesystem::path& path);

// Parses a stub file with Xapian 1.4's syntax: "auto PATH", "glass PATH",
// "remote HOST:PORT", "remote [IPv6]:PORT", "remote :PROGRAM ARGS"; blank
// lines and lines starting with '#' are skipped. Throws DatabaseError (from
// database_error.h) when the file cannot be read or a line is not understood.
std::vector<StubEntry> read_stub(const std::filesystem::path& stub);

}  // namespace morgue
