// Building and updating an archive: walk inputs, extract articles, write them
// to a Xapian database. One writer at a time (Xapian's lock); readers may
// search while it runs and see each committed batch.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "morgue/article.h"
#include "morgue/extract.h"

namespace morgue {

// An environment failure while indexing or looking after a database: locked
// by another writer, disk full, an unreadable or corrupt database, any
// Xapian error. what() is one line for the user that names the database.
// Data problems are never thrown (they go to IndexOptions::on_problem).
class IndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct IndexProgress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;  // 0 while still walking
  double seconds = 0;
};

struct IndexOptions {
  // Database directory; created when missing.
  std::filesystem::path db_path = "morgue-db";
  // Files and directories to index (directories recursively; hidden entries skipped).
  std::vector<std::filesystem::path> inputs;
  // How articles are extracted (people extractor, size limit, format).
  ExtractOptions extract;
  // Worker threads for extraction; 0 means one per core.
  unsigned jobs = 0;
  // Articles per commit: a crash loses at most one batch, a rerun redoes it.
  // Measured (docs/benchmarks.md): Xapian's in-memory postings are sorted
  // maps whose lookups slow down as a batch grows, so 500-article batches
  // index 1.5x faster than Xapian's default 10,000 and use a sixth of the memory.
  std::size_t batch_size = 500;
  // A first build (no database yet) of at least this many files, with 2+
  // jobs, writes one part database per job in parallel and merges them with
  // Xapian's compactor at the end (a kill in between leaves the parts, and
  // the rerun resumes). Nightly increments use one writer. 0: never.
  // Measured (docs/benchmarks.md): faster than one writer from 100 files up
  // (300 BBC stories: 0.18 s against 0.28 s; the 1,545 HTML pages: 3.7 s
  // against 4.8 s), and the merged database is compacted.
  std::size_t parallel_min_files = 200;
  // Bytes of article text after which a part of a parallel build is closed
  // and its worker starts a new one (about 25,000 synthetic stories, a
  // 330 MB part). Commits into a part several GB large cost more per article
  // (more B-tree blocks to update per batch), so a 1,000,000-story build
  // writes many parts of this size rather than two large ones.
  std::size_t max_part_text = 64 * 1024 * 1024;
  // Memory the workers may use at once, in bytes; 0: half of the machine's
  // physical memory. Each file reserves an estimate of what indexing it
  // takes (about 30 times its size with people extraction, 12 without, plus
  // a few MB) before it is read; a worker waits while the others hold the
  // budget, and a file whose estimate alone exceeds it is reported and skipped.
  std::size_t max_memory = 0;
  // Follow symbolic links whose targets lie outside the inputs. Off: such a
  // link is reported and skipped, so nothing outside the archive is indexed.
  bool follow_outside_links = false;
  // One canonical name per person across the archive (docs/people.md):
  // after each run that changed stories, stories whose people resolve to
  // other canonical names are rewritten; a run that changed none skips the
  // step (docs/benchmarks.md has its cost).
  bool canonical_people = true;
  // Remove documents whose source file vanished (off: a missing mount must
  // not delete stories).
  bool prune = false;
  // "" (one database), or write a sharded archive (docs/deployment.md):
  // "year" (one shard per year of publication, plus "undated") or "hash:N"
  // (N shards by a hash of the story id). A directory that already holds a
  // sharded archive keeps its recorded scheme when this is "".
  std::string shard_by;
  // Called for every problem met (bad file, bad line). May be empty.
  std::function<void(const Problem&)> on_problem;
  // Called now and then from the writer thread. May be empty.
  std::function<void(const IndexProgress&)> on_progress;
  // When set and true, the run stops at the next article, commits what is
  // done and returns with `interrupted` set (for SIGINT/SIGTERM handlers).
  const std::atomic<bool>* stop = nullptr;
};

struct IndexSummary {
  std::size_t files_seen = 0;
  std::size_t added = 0;       // new documents
  std::size_t updated = 0;     // documents replaced because their file changed
  std::size_t unchanged = 0;   // files skipped as unchanged
  std::size_t removed = 0;     // documents pruned
  std::size_t failed = 0;      // files that yielded no article
  std::size_t duplicates = 0;  // articles whose text exactly matches another's
  std::size_t documents = 0;   // documents in the database at the end
  std::size_t people_stories = 0;  // stories with people the identity step read (0: skipped, nothing changed)
  std::size_t people_renamed = 0;  // stories given new canonical people by this run (docs/people.md)
  double people_seconds = 0;       // time the people identity step took (wall clock)
  double people_cpu_seconds = 0;   // and its CPU time
  // A full build's merge of its parts: the people step, version groups, the
  // placeholders written whole (stories held back until the step settled
  // their names: store/placeholders.h) and the compaction; wall clock.
  std::size_t placeholders = 0;
  double merge_seconds = 0;
  double seconds = 0;
  bool interrupted = false;    // stopped early by SIGINT/SIGTERM after committing
};

// Runs one indexing pass. Throws IndexError for environment failures
// (database locked, disk full, Xapian errors); data problems go to
// options.on_problem and are counted in `failed`.
IndexSummary run_index(const IndexOptions& options);

// Extracts the articles of the files under options.inputs, found as run_index
// finds them, without opening a database (morgue-index --extract). Uses
// options.inputs, extract and jobs; an input that cannot be listed goes to
// options.on_problem; each file's result goes to `sink` in path order, from
// the calling thread. Data problems never throw.
void extract_inputs(const IndexOptions& options, const std::function<void(const Extraction&)>& sink);

}  // namespace morgue
