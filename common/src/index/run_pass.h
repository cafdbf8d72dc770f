// One indexing pass with one writer: worker threads extract files and build
// documents, the calling thread applies them. Shared by the single-database
// nightly run and the sharded run (whose writer routes stories to shards).
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <concepts>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "index/file_walk.h"
#include "index/pipeline.h"
#include "index/work_queue.h"
#include "morgue/index_writer.h"
#include "store/file_state.h"
#include "util/task_pool.h"

namespace morgue {

// What a pass needs of the writer that applies its outcomes (DbWriter,
// ShardWriter): the skip test and what it knew of a file, applying one
// file's outcome, pruning files the walk no longer sees under `roots`,
// committing, and the document count after the pass.
template <class W>
concept ArchiveSink = requires(W& writer, const W& reader, const FoundFile& file, const std::string& path,
                               Outcome& out, const std::set<std::string>& seen,
                               const std::vector<std::string>& roots) {
  { reader.unchanged(file) } -> std::same_as<bool>;
  { reader.prior_state(path) } -> std::same_as<std::optional<FileState>>;
  writer.apply(out);
  writer.prune(seen, roots);
  writer.commit();
  { reader.document_count() } -> std::convertible_to<std::size_t>;
};

// Runs `jobs` workers over `tasks` and applies their outcomes with `writer`
// on the calling thread, in task order whichever worker finishes first: a
// new story is filed into the version group of the earlier stories the
// writer holds (store/duplicates.h), so the order of applies decides which
// version heads a group, and the document ids. In path order, N workers
// write what one writes (--jobs 1). Calls progress(applied) after each
// apply; returns the number applied (fewer than the tasks once stopped).
//
// Why this cannot deadlock, although finished outcomes wait in the queue,
// holding their memory (Outcome::memory), for an earlier task: let `a` be
// the lowest task not yet applied. Tasks are claimed in index order
// (pool.claim()), memory is granted in index order (a task reserves only
// once every earlier one has reserved or passed its turn: MemoryBudget),
// and outcomes are applied in index order. So if `a` has not reserved, no
// later task has, and every earlier one is applied and has given its
// memory back: nothing is held, and `a` gets its memory (a file alone
// always does). Holding it, a's worker reads and extracts, and its push
// never waits (the queue takes any index below a + kAhead; workers further
// ahead wait there, which bounds how many outcomes wait). The writer, which
// only ever waits for a's outcome, applies it; then a + 1 is the lowest.
// A stop wakes every wait (reserve() looks at the flag, close() wakes
// pushes), and a worker that fails passes its turn and closes the queue.
template <ArchiveSink Writer, class Progress>
std::size_t apply_in_task_order(Writer& writer, const IndexOptions& options, std::vector<Task>& tasks, unsigned jobs,
                                const Progress& progress) {
  constexpr std::size_t kAhead = 64;
  auto stopped = [&] { return options.stop && options.stop->load(); };
  MemoryBudget budget(options.max_memory);
  WorkQueue<Outcome> queue(kAhead);
  queue.set_producers(jobs);
  util::TaskPool pool(tasks.size(), stopped);
  pool.start(jobs, [&](unsigned) {
    // Said however the worker leaves, so the writer below never waits for it.
    struct Leave {
      WorkQueue<Outcome>& queue;
      ~Leave() { queue.producer_done(); }
    } leave{queue};
    while (auto i = pool.claim()) {
      try {
        Outcome out = process(std::move(tasks[*i]), options.extract, &budget, options.stop, *i);
        budget.pass(*i);  // a file refused or cancelled never took its turn
        if (!queue.push(*i, std::move(out))) break;
      } catch (...) {
        // The writer would wait for this outcome, later workers for its turn.
        budget.pass(*i);
        queue.close();
        throw;
      }
    }
  });

  std::size_t done = 0;
  try {
    while (auto outcome = queue.pop()) {
      writer.apply(*outcome);
      progress(++done);
      if (stopped()) break;
    }
  } catch (...) {
    queue.close();  // drops the outcomes held, so that workers waiting for their memory go on
    throw;
  }
  queue.close();
  pool.finish();
  return done;
}

template <ArchiveSink Writer>
void run_pass(Writer& writer, const IndexOptions& options, std::vector<FoundFile> files, unsigned jobs,
              IndexSummary& summary) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  std::vector<Task> tasks;
  std::set<std::string> seen;
  for (auto& file : files) {
    if (options.prune) seen.insert(file.path);
    if (writer.unchanged(file)) {
      ++summary.unchanged;
      continue;
    }
    auto prior = writer.prior_state(file.path);
    tasks.push_back({std::move(file), std::move(prior)});
  }
  // Work in path order (stable document order from run to run).
  std::sort(tasks.begin(), tasks.end(), [](const Task& a, const Task& b) { return a.file.path < b.file.path; });

  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, tasks.size())));
  auto last_progress = Clock::now();
  const std::size_t done = apply_in_task_order(writer, options, tasks, jobs, [&](std::size_t applied) {
    if (options.on_progress && Clock::now() - last_progress > std::chrono::milliseconds(200)) {
      last_progress = Clock::now();
      options.on_progress({applied, tasks.size(), elapsed()});
    }
  });
  if (options.stop && options.stop->load() && done < tasks.size()) summary.interrupted = true;
  if (options.on_progress) options.on_progress({done, tasks.size(), elapsed()});

  if (options.prune && !summary.interrupted) {
    std::vector<std::string> roots;
    for (const auto& input : options.inputs) roots.push_back(absolute_path(input));
    writer.prune(seen, roots);
  }
  writer.commit();
  summary.documents = writer.document_count();
}

}  // namespace morgue
