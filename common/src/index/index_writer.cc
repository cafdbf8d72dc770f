#include "morgue/index_writer.h"

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include "index/db_writer.h"
#include "index/full_build.h"
#include "index/pipeline.h"
#include "index/work_queue.h"
#include "morgue/file_walk.h"
#include "shard/sharded_index.h"

namespace morgue {
namespace {

using Clock = std::chrono::steady_clock;

bool stopped(const IndexOptions& options) { return options.stop && options.stop->load(); }

// The nightly path: worker threads extract and build documents, one writer
// applies them in batches.
void run_incremental(const IndexOptions& options, std::vector<FoundFile> files, unsigned jobs,
                     IndexSummary& summary, const Clock::time_point start) {
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  DbWriter writer(options.db_path, options, summary);
  std::vector<Task> tasks;
  std::set<std::string> seen;
  for (auto& file : files) {
    seen.insert(file.path);
    auto prior = writer.prior_state(file.path);
    if (prior && !prior->failed && prior->size == file.size && prior->mtime_ns == file.mtime_ns) {
      ++summary.unchanged;
      continue;
    }
    tasks.push_back({std::move(file), std::move(prior)});
  }

  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, tasks.size())));
  WorkQueue<Outcome> queue(64);
  queue.set_producers(jobs);
  std::atomic<std::size_t> next{0};
  std::vector<std::jthread> workers;
  for (unsigned w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      while (!stopped(options)) {
        std::size_t i = next.fetch_add(1);
        if (i >= tasks.size()) break;
        if (!queue.push(process(std::move(tasks[i]), options.extract))) break;
      }
      queue.producer_done();
    });
  }

  std::size_t done = 0;
  auto last_progress = Clock::now();
  try {
    while (auto outcome = queue.pop()) {
      writer.apply(*outcome);
      ++done;
      if (options.on_progress && Clock::now() - last_progress > std::chrono::milliseconds(200)) {
        last_progress = Clock::now();
        options.on_progress({done, tasks.size(), elapsed()});
      }
      if (stopped(options)) break;
    }
  } catch (...) {
    queue.close();
    throw;
  }
  queue.close();
  workers.clear();
  if (stopped(options) && done < tasks.size()) summary.interrupted = true;
  if (options.on_progress) options.on_progress({done, tasks.size(), elapsed()});

  if (options.prune && !summary.interrupted) {
    std::vector<std::string> roots;
    for (const auto& input : options.inputs) roots.push_back(absolute_path(input));
    writer.prune(seen, roots);
  }
  writer.commit();
  summary.documents = writer.document_count();
}

}  // namespace

IndexSummary run_index(const IndexOptions& options) {
  IndexSummary summary;
  const auto start = Clock::now();
  std::vector<FoundFile> files = walk_inputs(options.inputs, [&](const Problem& p) {
    if (options.on_problem) options.on_problem(p);
    ++summary.failed;
  });
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
  run_incremental(options, std::move(files), jobs, summary, start);
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return summary;
}

}  // namespace morgue
