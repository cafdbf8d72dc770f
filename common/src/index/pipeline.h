// The work of an indexing run, shared by the single writer (nightly runs)
// and the parallel full build: what a file needs, and what a worker made of it.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/file_walk.h"
#include "index/memory_budget.h"
#include "morgue/extract.h"
#include "store/file_state.h"

namespace morgue {

// A file the walk found that needs work, with what the database knew of it.
struct Task {
  FoundFile file;
  std::optional<FileState> prior;
  // A first build with the people identity step: stories whose names the
  // step will probably change are made placeholders (store/placeholders.h).
  bool placeholders = false;
};

// What a worker made of a task.
struct Outcome {
  Task task;
  std::string content_hash;
  bool same_content = false;  // bytes unchanged since last time: only the state is refreshed
  Extraction extraction;
  // One Xapian document per article, built on the worker thread (term
  // generation is a good share of the work), with its id.
  std::vector<std::pair<std::string, Xapian::Document>> documents;
  // The share of the run's memory budget this file holds until it is applied.
  MemoryBudget::Reservation memory;
  // The run stopped while this file waited for memory: it was not read, and
  // the writer leaves its state alone.
  bool cancelled = false;
};

// Reads the task's file, and unless its bytes are unchanged, extracts its
// articles and builds their documents. Thread-safe; never throws for bad data.
// With a `budget`, first reserves the file's memory_estimate() (waiting while
// other workers hold it; a file whose estimate exceeds the whole budget is
// reported and not read); `stop` set while waiting gives a cancelled outcome.
// With a `turn`, the reservation takes that turn (MemoryBudget::reserve);
// the caller passes it afterwards whatever happened (a refused file never
// reserves).
Outcome process(Task task, const ExtractOptions& options, MemoryBudget* budget = nullptr,
                const std::atomic<bool>* stop = nullptr, std::optional<std::size_t> turn = std::nullopt);

}  // namespace morgue
