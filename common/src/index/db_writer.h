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

#include "index/file_state.h"
#include "index/pipeline.h"
#include "morgue/index_writer.h"

namespace morgue {

class DbWriter {
 public:
  // Opens (creating if needed) the database at `path`; throws
  // std::runtime_error when another writer holds it. With `find_duplicates`
  // off, version groups are left to a later group_duplicates() pass.
  DbWriter(const std::filesystem::path& path, const IndexOptions& options, IndexSummary& summary,
           bool find_duplicates = true);

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

 private:
  void add(Xapian::Document& doc, const std::string& id);
  void write_state(const FileState& state);
  void report(const Problem& problem);
  void maybe_commit();

  const IndexOptions& options_;
  IndexSummary& summary_;
  Xapian::WritableDatabase db_;
  bool find_duplicates_;
  std::size_t pending_ = 0;
};

// Opens a database for writing with a clear error when it is locked.
Xapian::WritableDatabase open_for_writing(const std::filesystem::path& path);

}  // namespace morgue
