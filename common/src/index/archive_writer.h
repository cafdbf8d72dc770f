// The one writer core for every archive: applies what workers made of files
// (documents replaced by id, per-file state in the metadata, pruning, batched
// commits), written once. A single-database archive, a part of a parallel
// build and a sharded archive differ only in their Placement: which database
// receives a document, and so the state of the file that produced it.
// Not thread-safe: one writer per archive (or per build part).
#pragma once

#include <concepts>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "index/pipeline.h"
#include "morgue/index_writer.h"
#include "morgue/shards.h"
#include "store/file_state.h"

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
// Only stories written whole count: a placeholder's words are written by
// the merge, so its text costs this commit nothing (on BBC, a third of the
// stories; 5 fewer commits of 28).
inline constexpr std::size_t kMinPartBatchText = 256 * 1024;

// Where an archive's documents go. Databases are named by the placement
// ("" for a single database, the shard name in a sharded archive).
template <class P>
concept Placement = requires(P& p, const P& cp, const std::string& name, const std::string& id,
                             const Xapian::Document& doc, const std::vector<std::string>& names, bool& created) {
  // The databases to open at the start.
  { cp.existing() } -> std::same_as<std::vector<std::string>>;
  // Opens (creating when needed; `created` says so) a database for writing.
  { p.open(name, created) } -> std::same_as<Xapian::WritableDatabase>;
  // Called with every open database's name once the set may have grown.
  p.layout_changed(names);
  // The database that receives a document.
  { cp.database_for(id, doc) } -> std::same_as<std::string>;
  // Where the state of a file that yielded no story is kept (nullopt: nowhere,
  // the file is retried on every run anyway).
  { cp.home_without_stories() } -> std::same_as<std::optional<std::string>>;
  // The database to create when the archive holds none at commit time, so
  // that it opens (nullopt: none needed).
  { cp.fallback() } -> std::same_as<std::optional<std::string>>;
  { cp.role() } -> std::same_as<WriterRole>;
};

// One database: the archive itself, or one part of a parallel build.
class OneDatabase {
 public:
  OneDatabase(std::filesystem::path path, WriterRole role) : path_(std::move(path)), role_(role) {}
  std::vector<std::string> existing() const { return {""}; }
  Xapian::WritableDatabase open(const std::string& name, bool& created);
  void layout_changed(const std::vector<std::string>&) {}
  std::string database_for(const std::string&, const Xapian::Document&) const { return ""; }
  std::optional<std::string> home_without_stories() const { return ""; }
  std::optional<std::string> fallback() const { return std::nullopt; }
  WriterRole role() const { return role_; }

 private:
  std::filesystem::path path_;
  WriterRole role_;
};

// A sharded archive DIR: each story goes to its shard's database (by date
// or by a hash of its id), DIR/XAPIANDB lists the shards.
class ShardedByScheme {
 public:
  ShardedByScheme(std::filesystem::path dir, ShardScheme scheme) : dir_(std::move(dir)), scheme_(scheme) {}
  std::vector<std::string> existing() const;
  Xapian::WritableDatabase open(const std::string& name, bool& created);
  void layout_changed(const std::vector<std::string>& names);
  std::string database_for(const std::string& id, const Xapian::Document& doc) const;
  std::optional<std::string> home_without_stories() const { return std::nullopt; }
  std::optional<std::string> fallback() const { return scheme_.shard_of("", ""); }
  WriterRole role() const { return WriterRole::kArchive; }

 private:
  std::filesystem::path dir_;
  ShardScheme scheme_;
};

template <Placement P>
class ArchiveWriter {
 public:
  // Opens the placement's existing databases for writing. Throws
  // std::runtime_error when one is locked by another writer.
  ArchiveWriter(P placement, const IndexOptions& options, IndexSummary& summary);

  // What the archive knows of a file: the union of its databases' entries.
  // When the entries disagree (a crash between two shards' commits) the
  // state is marked failed so that the file is extracted again.
  std::optional<FileState> prior_state(const std::string& path) const;

  // True when the file was indexed fine with its current size and mtime.
  bool unchanged(const FoundFile& file) const;

  // Applies one worker outcome: replaces the file's documents in every
  // database concerned (or keeps them when the file failed) and records its
  // state where its documents are. Counts go to the summary.
  void apply(Outcome& out);

  // Removes documents of files under `roots` that the walk did not see.
  void prune(const std::set<std::string>& seen, const std::vector<std::string>& roots);

  // Commits the databases that changed.
  void commit();

  // The people identity step over the whole archive (store/canonical_people.h),
  // committed. Archives only: a build part waits for its merge.
  void canonicalise_people();
  std::size_t document_count() const { return all_.get_doccount(); }

  // A build part that holds options.max_part_text and has nothing pending:
  // its worker goes on in a new part.
  bool part_full() const {
    return placement_.role() == WriterRole::kBuildPart && pending_ == 0 &&
           committed_text_ >= options_.max_part_text;
  }

 private:
  struct Target {
    Xapian::WritableDatabase db;
    bool dirty = false;  // changes not committed yet
    bool stories_changed = false;  // documents added or removed by this writer
  };
  Target& database(const std::string& name);
  std::vector<std::string> names() const;
  std::vector<std::pair<std::string, FileState>> entries(const std::string& path) const;
  // apply()'s steps: a failed file keeps its prior stories; the file's
  // documents go to their databases (returns the file's state in each);
  // prior stories it no longer yields, or that moved, are removed.
  void keep_failed(FileState state, const std::vector<std::pair<std::string, FileState>>& prior);
  std::map<std::string, FileState> add_documents(Outcome& out, const FileState& base);
  void remove_stale(const std::string& path, const std::vector<std::pair<std::string, FileState>>& prior,
                    const std::map<std::string, FileState>& fresh);
  void add(Target& target, Xapian::Document& doc, const std::string& id);
  // A story of `target` was added, replaced or removed: the people identity
  // step must run again (its record, schema::kPeopleIdentityKey, is dropped
  // in the same commit as the change).
  void stories_changed(Target& target);
  void write_state(const std::string& name, const FileState& state);
  void report(const Problem& problem);
  bool batch_full() const;

  P placement_;
  const IndexOptions& options_;
  IndexSummary& summary_;
  std::map<std::string, Target> targets_;
  // Every database, uncommitted changes included: versions of a story are
  // grouped across shards, as in one combined database.
  Xapian::Database all_;
  std::size_t pending_ = 0;         // articles (or removals) since the last commit, over all databases
  std::size_t pending_text_ = 0;    // bytes of article text since the last commit
  std::size_t committed_text_ = 0;  // bytes of article text committed by this writer
  // The same for the stories written whole (not placeholders): what a
  // build part's batches are measured by.
  std::size_t pending_words_ = 0;
  std::size_t committed_words_ = 0;
  std::vector<std::string> roots_;  // the run's input folders, absolute (schema::kRootsKey)
  // A build part this writer created (it opened empty): what it holds is
  // what the writer put there, so the ids and file states it wrote answer
  // the lookups a story and a file would otherwise cost (each a descent of
  // Xapian's B-tree to a random key, read block by block with pread).
  // File states (keyed by a hash of the path: random keys) wait for the
  // commit, and go in key order.
  bool fresh_part_ = false;
  std::unordered_set<std::string> part_ids_;
  std::unordered_set<std::string> part_paths_;
  std::map<std::string, std::string> pending_states_;  // metadata key -> encoded state
};

extern template class ArchiveWriter<OneDatabase>;
extern template class ArchiveWriter<ShardedByScheme>;

}  // namespace morgue
