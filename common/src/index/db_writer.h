// Applies what workers made of files to one Xapian database: documents
// replaced by id, per-file state in the metadata, pruning, batched commits.
// Not thread-safe: one DbWriter per thread.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "store/file_state.h"
#include "index/pipeline.h"
#include "morgue/index_writer.h"

namespace morgue {

// What a writer's database is.
enum class WriterRole {
  // The archive itself (or a shard of it): each commit is synced to disk and
  // holds options.batch_size articles; wire copy is grouped as it is added.
  kArchive,
  // One part of a parallel full build, merged into the archive afterwards
  // (full_build.cc). Commits are not synced (a killed process loses nothing
  // the page cache holds; a part left broken by a power cut is found and
  // rebuilt on the next run, and the merged archive is synced). Batches start
  // small and grow with the part: Xapian keeps a batch's postings in maps
  // whose cost per posting climbs once they outgrow the CPU caches, while a
  // commit's cost climbs with the size of the database it updates. Wire copy
  // is grouped by the merge.
  kBuildPart,
};

// A build part commits once its batch holds this much article text, or a
// quarter of the text it has committed so far, whichever is more (and
// never more than options.batch_size articles). Measured on the BBC corpus:
// 256 KiB batches (about 110 stories) index 10-15% faster than 500 stories.
inline constexpr std::size_t kMinPartBatchText = 256 * 1024;

class DbWriter {
 public:
  // Opens (creating if needed) the database at `path`; throws
  // std::runtime_error when another writer holds it.
  DbWriter(const std::filesystem::path& path, const IndexOptions& options, IndexSummary& summary,
           WriterRole role = WriterRole::kArchive);

  // True when the file was indexed fine with its current size and mtime.
  bool unchanged(const FoundFile& file) const;

  // What the database knows of a file, if anything.
  std::optional<FileState> prior_state(const std::string& path) const;

  // Applies one worker outcome: replaces the file's documents (or keeps them
  // when the file failed) and records its state. Counts go to the summary.
  void apply(Outcome& out);

  // Removes documents of files under `roots` that the walk did not see.
  void prune(const std::set<std::string>& seen, const std::vector<std::string>& roots);

  void commit();
  std::size_t document_count() const { return db_.get_doccount(); }

  // A build part that holds options.max_part_text and has nothing pending:
  // its worker goes on in a new part.
  bool part_full() const {
    return role_ == WriterRole::kBuildPart && pending_ == 0 && committed_text_ >= options_.max_part_text;
  }

 private:
  void add(Xapian::Document& doc, const std::string& id);
  void write_state(const FileState& state);
  void report(const Problem& problem);
  void maybe_commit();
  bool batch_full() const;

  const IndexOptions& options_;
  IndexSummary& summary_;
  WriterRole role_;
  Xapian::WritableDatabase db_;
  std::size_t pending_ = 0;          // articles (or removals) since the last commit
  std::size_t pending_text_ = 0;     // bytes of article text since the last commit
  std::size_t committed_text_ = 0;   // bytes of article text committed by this writer
};

}  // namespace morgue
