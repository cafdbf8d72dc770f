#include "morgue/index_writer.h"

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include "index/db_writer.h"
#include "index/file_walk.h"
#include "index/full_build.h"
#include "index/index_error.h"
#include "index/run_pass.h"
#include "index/sharded_index.h"

namespace morgue {
namespace {

using Clock = std::chrono::steady_clock;

// The nightly path: worker threads extract and build documents, one writer
// applies them in batches.
void run_incremental(const IndexOptions& options, std::vector<FoundFile> files, unsigned jobs,
                     IndexSummary& summary) {
  DbWriter writer(options.db_path, options, summary);
  run_pass(writer, options, std::move(files), jobs, summary);
  if (!summary.interrupted && options.canonical_people) writer.canonicalise_people();
}

IndexSummary run_index_unwrapped(const IndexOptions& options) {
  IndexSummary summary;
  const auto start = Clock::now();
  std::vector<FoundFile> files = walk_inputs(options.inputs, [&](const Problem& p) {
    if (options.on_problem) options.on_problem(p);
    ++summary.failed;
  }, WalkOptions{options.follow_outside_links});
  summary.files_seen = files.size();
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (wants_sharded_index(options)) {
    run_sharded_index(options, std::move(files), jobs, summary);
    summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return summary;
  }
  if (wants_full_build(options, files.size(), jobs)) {
    if (run_full_build(options, files, jobs, summary)) {
      summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
      return summary;
    }
  }
  run_incremental(options, std::move(files), jobs, summary);
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return summary;
}

}  // namespace

IndexSummary run_index(const IndexOptions& options) {
  return with_index_errors(options.db_path, [&] { return run_index_unwrapped(options); });
}

void extract_inputs(const IndexOptions& options, const std::function<void(const Extraction&)>& sink) {
  std::vector<FoundFile> files = walk_inputs(options.inputs, [&](const Problem& p) {
    if (options.on_problem) options.on_problem(p);
  }, WalkOptions{options.follow_outside_links});
  std::vector<std::string> paths;
  paths.reserve(files.size());
  for (auto& file : files) paths.push_back(std::move(file.path));
  extract_files(paths, options.extract, options.jobs, sink);
}

}  // namespace morgue
