// The work of an indexing run, shared by the single writer (nightly runs)
// and the parallel full build: what a file needs, and what a worker made of it.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/file_walk.h"
#include "morgue/extract.h"
#include "store/file_state.h"

namespace morgue {

// A file the walk found that needs work, with what the database knew of it.
struct Task {
  FoundFile file;
  std::optional<FileState> prior;
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
};

// Reads the task's file, and unless its bytes are unchanged, extracts its
// articles and builds their documents. Thread-safe; never throws for bad data.
Outcome process(Task task, const ExtractOptions& options);

}  // namespace morgue
