#include "index/archive_writer.h"

#include <algorithm>

#include <fmt/format.h>

#include "index/file_walk.h"
#include "morgue/document.h"
#include "morgue/schema.h"
#include "store/database.h"
#include "store/canonical_people.h"
#include "store/duplicates.h"
#include "store/placeholders.h"
#include "store/shard_files.h"

namespace morgue {
namespace fs = std::filesystem;

Xapian::WritableDatabase OneDatabase::open(const std::string&, bool& created) {
  created = false;
  return open_for_writing(path_, role_ == WriterRole::kBuildPart ? Xapian::DB_NO_SYNC : 0);
}

std::vector<std::string> ShardedByScheme::existing() const { return shard_names(dir_, scheme_); }

Xapian::WritableDatabase ShardedByScheme::open(const std::string& name, bool& created) {
  created = !is_database_dir(dir_ / name);
  Xapian::WritableDatabase db = open_for_writing(dir_ / name);
  if (created) db.commit();  // a revision on disk, so that readers can open it once the stub names it
  return db;
}

void ShardedByScheme::layout_changed(const std::vector<std::string>& names) { write_stub(dir_, names); }

std::string ShardedByScheme::database_for(const std::string& id, const Xapian::Document& doc) const {
  return scheme_.shard_of(id, doc.get_value(schema::kSlotDate));
}

template <Placement P>
ArchiveWriter<P>::ArchiveWriter(P placement, const IndexOptions& options, IndexSummary& summary)
    : placement_(std::move(placement)), options_(options), summary_(summary) {
  for (const auto& input : options_.inputs) {
    std::error_code ec;
    const bool folder = std::filesystem::is_directory(input, ec);
    const std::string path = absolute_path(input);
    roots_.push_back(folder ? path : std::filesystem::path(path).parent_path().string());
  }
  for (const auto& name : placement_.existing()) database(name);
  placement_.layout_changed(names());
  fresh_part_ = placement_.role() == WriterRole::kBuildPart && all_.get_lastdocid() == 0 &&
                all_.metadata_keys_begin(std::string(schema::kFileStateKey)) ==
                    all_.metadata_keys_end(std::string(schema::kFileStateKey));
}

template <Placement P>
typename ArchiveWriter<P>::Target& ArchiveWriter<P>::database(const std::string& name) {
  auto it = targets_.find(name);
  if (it != targets_.end()) return it->second;
  bool created = false;
  Target t{placement_.open(name, created), false};
  all_.add_database(t.db);
  it = targets_.emplace(name, std::move(t)).first;
  if (created) placement_.layout_changed(names());
  return it->second;
}

template <Placement P>
std::vector<std::string> ArchiveWriter<P>::names() const {
  std::vector<std::string> out;
  for (const auto& [name, t] : targets_) out.push_back(name);
  return out;
}

template <Placement P>
std::vector<std::pair<std::string, FileState>> ArchiveWriter<P>::entries(const std::string& path) const {
  std::vector<std::pair<std::string, FileState>> out;
  if (fresh_part_ && !part_paths_.count(path)) return out;
  const std::string key = file_state_key(path);
  for (const auto& [name, t] : targets_) {
    auto waiting = pending_states_.find(key);
    const std::string value = waiting != pending_states_.end() ? waiting->second : t.db.get_metadata(key);
    if (auto state = decode_file_state(value)) out.emplace_back(name, std::move(*state));
  }
  return out;
}

template <Placement P>
std::optional<FileState> ArchiveWriter<P>::prior_state(const std::string& path) const {
  auto found = entries(path);
  if (found.empty()) return std::nullopt;
  FileState merged = found.front().second;
  merged.ids.clear();
  for (const auto& [name, s] : found) {
    if (s.size != merged.size || s.mtime_ns != merged.mtime_ns || s.content_hash != merged.content_hash || s.failed) {
      merged.failed = true;
    }
    merged.ids.insert(merged.ids.end(), s.ids.begin(), s.ids.end());
  }
  return merged;
}

template <Placement P>
bool ArchiveWriter<P>::unchanged(const FoundFile& file) const {
  // One database: the skip test reads only the leading fields of the state.
  if (targets_.size() == 1) {
    return file_state_unchanged(targets_.begin()->second.db.get_metadata(file_state_key(file.path)), file.size,
                                file.mtime_ns);
  }
  auto prior = prior_state(file.path);
  return prior && file_unchanged(*prior, file.size, file.mtime_ns);
}

template <Placement P>
void ArchiveWriter<P>::apply(Outcome& out) {
  if (out.cancelled) return;  // never read: the next run does it
  const FoundFile& file = out.task.file;
  const auto prior = entries(file.path);
  FileState base;
  base.path = file.path;
  base.size = file.size;
  base.mtime_ns = file.mtime_ns;
  base.content_hash = out.content_hash;
  if (out.same_content) {
    for (const auto& [name, old] : prior) {
      FileState state = base;
      state.ids = old.ids;
      write_state(name, state);
    }
    ++summary_.unchanged;
    return;
  }
  for (const auto& problem : out.extraction.problems) report(problem);
  if (out.extraction.failed() || out.extraction.articles.empty()) {
    ++summary_.failed;
    if (out.extraction.problems.empty()) report({file.path, "no article found"});
    keep_failed(base, prior);
    return;
  }
  auto fresh = add_documents(out, base);
  remove_stale(file.path, prior, fresh);
  for (const auto& [name, state] : fresh) write_state(name, state);
  // Commit only between files: a commit between a file's documents and its
  // state would let a kill leave documents a resumed run adds again (twice,
  // when a parallel build's other part picks the file up).
  if (batch_full()) commit();
}

template <Placement P>
void ArchiveWriter<P>::keep_failed(FileState state, const std::vector<std::pair<std::string, FileState>>& prior) {
  // Keep what an earlier run indexed from this file: a broken copy must not lose stories.
  state.failed = true;
  for (const auto& [name, old] : prior) {
    state.ids = old.ids;
    write_state(name, state);
  }
  if (prior.empty()) {
    if (auto home = placement_.home_without_stories()) write_state(*home, state);
  }
}

template <Placement P>
std::map<std::string, FileState> ArchiveWriter<P>::add_documents(Outcome& out, const FileState& base) {
  // The later of two articles with one key wins, wherever the first went; it
  // takes the first one's place in the file's order.
  std::map<std::string, std::size_t> last;
  std::vector<std::string> order;
  for (std::size_t i = 0; i < out.documents.size(); ++i) {
    auto [it, inserted] = last.try_emplace(out.documents[i].first, i);
    if (inserted) {
      order.push_back(it->first);
    } else {
      report({base.path, fmt::format("two articles with the same key \"{}\"; the later one wins",
                                     out.extraction.articles[i].key)});
      it->second = i;
    }
  }
  std::map<std::string, FileState> fresh;  // database -> the file's state there
  for (const auto& id : order) {
    const std::size_t i = last[id];
    Xapian::Document& doc = out.documents[i].second;
    const std::string name = placement_.database_for(id, doc);
    fresh.try_emplace(name, base).first->second.ids.push_back(id);
    add(database(name), doc, id);
    const std::size_t text = out.extraction.articles[i].title.size() + out.extraction.articles[i].body.size();
    pending_text_ += text;
    // A placeholder's words are written by the merge: its text does not
    // weigh on this batch's commit.
    if (!is_placeholder(doc)) pending_words_ += text;
  }
  return fresh;
}

template <Placement P>
void ArchiveWriter<P>::remove_stale(const std::string& path, const std::vector<std::pair<std::string, FileState>>& prior,
                                    const std::map<std::string, FileState>& fresh) {
  // Stories the file no longer yields, or that moved to another database.
  for (const auto& [name, old] : prior) {
    Target& t = database(name);
    auto it = fresh.find(name);
    for (const auto& id : old.ids) {
      if (it != fresh.end() && std::find(it->second.ids.begin(), it->second.ids.end(), id) != it->second.ids.end()) {
        continue;
      }
      std::string term = schema::make_term(schema::kIdPrefix, id);
      if (t.db.term_exists(term)) {
        t.db.delete_document(term);
        stories_changed(t);
      }
      t.dirty = true;
    }
    if (it == fresh.end()) {
      t.db.set_metadata(file_state_key(path), "");
      t.dirty = true;
    }
  }
}

template <Placement P>
bool ArchiveWriter<P>::batch_full() const {
  if (pending_ >= options_.batch_size) return true;
  return placement_.role() == WriterRole::kBuildPart &&
         pending_words_ >= std::max(kMinPartBatchText, committed_words_ / 4);
}

template <Placement P>
void ArchiveWriter<P>::prune(const std::set<std::string>& seen, const std::vector<std::string>& roots) {
  const std::string prefix(schema::kFileStateKey);
  for (auto& [name, t] : targets_) {
    std::vector<FileState> gone;
    for (auto k = t.db.metadata_keys_begin(prefix); k != t.db.metadata_keys_end(prefix); ++k) {
      auto state = decode_file_state(t.db.get_metadata(*k));
      if (!state || seen.count(state->path)) continue;
      for (const auto& root : roots) {
        if (state->path == root || state->path.rfind(root + "/", 0) == 0) {
          gone.push_back(*state);
          break;
        }
      }
    }
    for (const auto& state : gone) {
      for (const auto& id : state.ids) {
        std::string term = schema::make_term(schema::kIdPrefix, id);
        if (t.db.term_exists(term)) {
          t.db.delete_document(term);
          stories_changed(t);
          ++summary_.removed;
        }
      }
      t.db.set_metadata(file_state_key(state.path), "");
      t.dirty = true;
      if (++pending_ >= options_.batch_size) commit();
    }
  }
}

template <Placement P>
void ArchiveWriter<P>::commit() {
  // An archive with no database yet still opens: give it one empty one.
  if (targets_.empty()) {
    if (auto name = placement_.fallback()) database(*name);
  }
  for (const auto& [key, value] : pending_states_) targets_.begin()->second.db.set_metadata(key, value);
  pending_states_.clear();
  for (auto& [name, t] : targets_) {
    if (!t.dirty) continue;  // untouched shards keep their revision (nothing to replicate)
    const std::string key(schema::kRootsKey);
    const std::string stored = t.db.get_metadata(key);
    if (std::string roots = add_roots(stored, roots_); roots != stored) t.db.set_metadata(key, roots);
    t.db.commit();
    t.dirty = false;
  }
  pending_ = 0;
  committed_text_ += pending_text_;
  pending_text_ = 0;
  committed_words_ += pending_words_;
  pending_words_ = 0;
}

template <Placement P>
void ArchiveWriter<P>::canonicalise_people() {
  if (placement_.role() != WriterRole::kArchive || targets_.empty()) return;
  std::vector<Xapian::WritableDatabase> dbs;
  for (auto& [name, t] : targets_) dbs.push_back(t.db);
  PeopleIdentitySummary people = morgue::canonicalise_people(all_, dbs);
  std::size_t i = 0;
  for (auto& [name, t] : targets_) t.dirty = t.dirty || people.touched[i++];
  summary_.people_stories += people.stories;
  summary_.people_renamed += people.renamed;
  summary_.people_seconds += people.seconds;
  summary_.people_cpu_seconds += people.cpu_seconds;
  commit();
}

template <Placement P>
void ArchiveWriter<P>::add(Target& t, Xapian::Document& doc, const std::string& id) {
  const std::string id_term = schema::make_term(schema::kIdPrefix, id);
  const bool existed = fresh_part_ ? !part_ids_.insert(id).second : all_.term_exists(id_term);
  if (placement_.role() == WriterRole::kArchive) {
    DuplicateMatch dup = find_duplicate_group(all_, doc, id);
    if (dup.exact) ++summary_.duplicates;
    set_duplicate_group(doc, dup.group);
  }
  if (fresh_part_ && !existed) {
    t.db.add_document(doc);  // what replace_document would do, without looking the id up
  } else {
    t.db.replace_document(id_term, doc);
  }
  stories_changed(t);
  t.dirty = true;
  ++(existed ? summary_.updated : summary_.added);
  ++pending_;  // apply() commits once the file's state is written too
}

template <Placement P>
void ArchiveWriter<P>::stories_changed(Target& t) {
  if (t.stories_changed) return;
  people_identity_stale(t.db);
  t.stories_changed = true;
}

template <Placement P>
void ArchiveWriter<P>::write_state(const std::string& name, const FileState& state) {
  Target& t = database(name);
  if (fresh_part_) {
    part_paths_.insert(state.path);
    pending_states_[file_state_key(state.path)] = encode_file_state(state);
  } else {
    t.db.set_metadata(file_state_key(state.path), encode_file_state(state));
  }
  t.dirty = true;
}

template <Placement P>
void ArchiveWriter<P>::report(const Problem& problem) {
  if (options_.on_problem) options_.on_problem(problem);
}

template class ArchiveWriter<OneDatabase>;
template class ArchiveWriter<ShardedByScheme>;

}  // namespace morgue
