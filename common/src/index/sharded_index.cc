#include "index/sharded_index.h"

#include "index/run_pass.h"
#include "index/shard_writer.h"
#include "store/shard_files.h"

namespace morgue {

bool wants_sharded_index(const IndexOptions& options) {
  return !options.shard_by.empty() || is_sharded_archive(options.db_path);
}

// The same pass as the single-database nightly run (index/run_pass.h): the
// shard of a story is only known after extraction, so one writer routes.
void run_sharded_index(const IndexOptions& options, std::vector<FoundFile> files, unsigned jobs,
                       IndexSummary& summary) {
  const ShardScheme scheme = resolve_scheme(options.db_path, options.shard_by);
  ShardWriter writer(options.db_path, scheme, options, summary);
  run_pass(writer, options, std::move(files), jobs, summary);
  if (!summary.interrupted && options.canonical_people) writer.canonicalise_people();
}

}  // namespace morgue
