// The indexing run for a sharded archive (IndexOptions::shard_by, or a
// directory that already holds one): extract once on worker threads, route
// each story to its shard, commit only the shards that changed.
#pragma once

#include <vector>

#include "index/file_walk.h"
#include "morgue/index_writer.h"

namespace morgue {

// True when `options` call for the sharded path.
bool wants_sharded_index(const IndexOptions& options);

// Runs one pass over `files`; counts go to `summary`. Throws like run_index().
void run_sharded_index(const IndexOptions& options, std::vector<FoundFile> files, unsigned jobs,
                       IndexSummary& summary);

}  // namespace morgue
