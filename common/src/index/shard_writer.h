// Applies what workers made of files to a sharded archive: each story goes to
// its shard's database, each shard keeps the per-file state of the stories it
// holds, and a file whose stories move to another shard (its date changed)
// leaves no stale copy behind. Not thread-safe: one ShardWriter per archive
// (each shard's write lock keeps other indexers out).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "store/file_state.h"
#include "index/pipeline.h"
#include "morgue/index_writer.h"
#include "morgue/shards.h"

namespace morgue {

class ShardWriter {
 public:
  // Opens every existing shard under `dir` for writing; new shards are
  // created when a story first needs them. Throws std::runtime_error when a
  // shard is locked by another writer.
  ShardWriter(const std::filesystem::path& dir, const ShardScheme& scheme, const IndexOptions& options,
              IndexSummary& summary);

  // What the archive knows of a file: the union of its shards' entries.
  // When the entries disagree (a crash between two shards' commits) the
  // state is marked failed so that the file is extracted again.
  std::optional<FileState> prior_state(const std::string& path) const;

  // True when the file was indexed fine with its current size and mtime.
  bool unchanged(const FoundFile& file) const {
    auto prior = prior_state(file.path);
    return prior && file_unchanged(*prior, file.size, file.mtime_ns);
  }

  // Replaces the file's stories in every shard concerned and records its state.
  void apply(Outcome& out);

  // Removes stories of files under `roots` that the walk did not see.
  void prune(const std::set<std::string>& seen, const std::vector<std::string>& roots);

  // Commits the shards that changed and rewrites DIR/XAPIANDB if shards were added.
  void commit();
  std::size_t document_count() const;

 private:
  struct Shard {
    Xapian::WritableDatabase db;
    bool dirty = false;  // changes not committed yet
  };
  Shard& shard(const std::string& name);
  std::vector<std::pair<std::string, FileState>> entries(const std::string& path) const;
  void add(Shard& shard, Xapian::Document& doc, const std::string& id);
  void touched(Shard& shard);
  std::vector<std::string> shard_names() const;

  std::filesystem::path dir_;
  ShardScheme scheme_;
  const IndexOptions& options_;
  IndexSummary& summary_;
  std::map<std::string, Shard> shards_;
  // Changes since the last commit, over all shards: one batch bounds the
  // memory and the work a crash loses, as with one database.
  std::size_t pending_ = 0;
  // Every shard, uncommitted changes included: versions of a story are
  // grouped across shards, as in one combined database.
  Xapian::Database all_;
};

}  // namespace morgue
