// The writer of a sharded archive: each story goes to its shard's database,
// each shard keeps the per-file state of the stories it holds, and a file
// whose stories move to another shard (its date changed) leaves no stale copy
// behind. Not thread-safe: one ShardWriter per archive (each shard's write
// lock keeps other indexers out).
#pragma once

#include <filesystem>

#include "index/archive_writer.h"
#include "morgue/shards.h"

namespace morgue {

class ShardWriter : public ArchiveWriter<ShardedByScheme> {
 public:
  // Opens every existing shard under `dir` for writing; new shards are
  // created when a story first needs them, and DIR/XAPIANDB is rewritten
  // when shards are added. Throws std::runtime_error when a shard is locked
  // by another writer.
  ShardWriter(const std::filesystem::path& dir, const ShardScheme& scheme, const IndexOptions& options,
              IndexSummary& summary)
      : ArchiveWriter(ShardedByScheme(dir, scheme), options, summary) {}
};

}  // namespace morgue
