// Per-file indexing state, kept as Xapian metadata so that it is committed in
// the same transaction as the documents it describes (crash-safe by design).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace morgue {

struct FileState {
  std::string path;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string content_hash;       // hex hash of the file's bytes
  bool failed = false;            // last attempt yielded no article: retry next run
  std::vector<std::string> ids;   // documents this file produced
};

std::string file_state_key(const std::string& path);
std::string encode_file_state(const FileState& state);
std::optional<FileState> decode_file_state(const std::string& value);

// The nightly run's skip test, the one rule for every writer: the file was
// indexed fine (not failed) with this size and mtime.
bool file_unchanged(const FileState& state, std::uint64_t size, std::int64_t mtime_ns);

// file_unchanged() on an encoded state, reading only its leading fields
// (not the ids or the path); false when `value` is empty or unreadable.
bool file_state_unchanged(const std::string& value, std::uint64_t size, std::int64_t mtime_ns);

// The stored root list (schema::kRootsKey) with `roots` added, each once.
std::string add_roots(const std::string& stored, const std::vector<std::string>& roots);
std::vector<std::string> decode_roots(const std::string& stored);

// `source` relative to the longest of `roots` it lies in ("2021/fire.txt"),
// else its file name alone: the API never shows where the archive sits on
// the server's disk.
std::string relative_source(const std::string& source, const std::vector<std::string>& roots);

}  // namespace morgue
