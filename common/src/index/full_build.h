// The first build of a large archive: one part database per worker, written
// in parallel, merged with Xapian's compactor and swapped in at the end.
//
// While it runs, DB is a directory holding a Xapian stub (XAPIANDB) that
// lists the parts in DB.parts/, so the archive opens and can be searched as
// it grows. A kill leaves the parts (each a normal database, committed in
// batches); the next run finds DB.parts/ and resumes.
#pragma once

#include <filesystem>
#include <vector>

#include "index/file_walk.h"
#include "morgue/index_writer.h"

namespace morgue {

// True when `options` and the state on disk call for a parallel build of `files`.
bool wants_full_build(const IndexOptions& options, std::size_t files, unsigned jobs);

// True when an earlier parallel build was interrupted (DB.parts/ exists).
bool full_build_pending(const std::filesystem::path& db_path);

// Runs (or resumes) the parallel build; counts go to `summary`. Returns false
// when there was nothing to build (an earlier merge had finished: the caller
// goes on with a nightly run).
bool run_full_build(const IndexOptions& options, std::vector<FoundFile> files, unsigned jobs,
                    IndexSummary& summary);

}  // namespace morgue
