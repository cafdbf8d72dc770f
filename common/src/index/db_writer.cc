#include "index/db_writer.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "store/duplicates.h"
#include "morgue/document.h"
#include "morgue/schema.h"
#include "store/database.h"

namespace morgue {
DbWriter::DbWriter(const std::filesystem::path& path, const IndexOptions& options, IndexSummary& summary,
                   WriterRole role)
    : options_(options),
      summary_(summary),
      role_(role),
      db_(open_for_writing(path, role == WriterRole::kBuildPart ? Xapian::DB_NO_SYNC : 0)) {}

bool DbWriter::unchanged(const FoundFile& file) const {
  return file_state_unchanged(db_.get_metadata(file_state_key(file.path)), file.size, file.mtime_ns);
}

std::optional<FileState> DbWriter::prior_state(const std::string& path) const {
  std::string value = db_.get_metadata(file_state_key(path));
  if (value.empty()) return std::nullopt;
  return decode_file_state(value);
}

void DbWriter::apply(Outcome& out) {
  const FoundFile& file = out.task.file;
  FileState state;
  state.path = file.path;
  state.size = file.size;
  state.mtime_ns = file.mtime_ns;
  state.content_hash = out.content_hash;
  if (out.same_content) {
    state.ids = out.task.prior->ids;
    ++summary_.unchanged;
    write_state(state);
    return;
  }
  for (const auto& problem : out.extraction.problems) report(problem);
  if (out.extraction.failed() || out.extraction.articles.empty()) {
    ++summary_.failed;
    if (out.extraction.problems.empty()) report({file.path, "no article found"});
    // Keep what an earlier run indexed from this file: a broken copy must not lose stories.
    state.failed = true;
    if (out.task.prior) state.ids = out.task.prior->ids;
    write_state(state);
    return;
  }
  std::set<std::string> fresh;
  for (std::size_t i = 0; i < out.documents.size(); ++i) {
    auto& [id, doc] = out.documents[i];
    if (!fresh.insert(id).second) {
      report({file.path, fmt::format("two articles with the same key \"{}\"; the later one wins",
                                     out.extraction.articles[i].key)});
    } else {
      state.ids.push_back(id);
    }
    add(doc, id);
    pending_text_ += out.extraction.articles[i].title.size() + out.extraction.articles[i].body.size();
  }
  if (out.task.prior) {
    for (const auto& old : out.task.prior->ids) {
      if (!fresh.count(old)) db_.delete_document(schema::make_term(schema::kIdPrefix, old));
    }
  }
  write_state(state);
  // Commit only between files: a commit between a file's documents and its
  // state would let a kill leave documents a resumed run adds again (twice,
  // when a parallel build's other part picks the file up).
  if (batch_full()) commit();
}

bool DbWriter::batch_full() const {
  if (pending_ >= options_.batch_size) return true;
  return role_ == WriterRole::kBuildPart && pending_text_ >= std::max(kMinPartBatchText, committed_text_ / 4);
}

void DbWriter::prune(const std::set<std::string>& seen, const std::vector<std::string>& roots) {
  std::vector<FileState> gone;
  for (auto k = db_.metadata_keys_begin(std::string(schema::kFileStateKey)); k != db_.metadata_keys_end(std::string(schema::kFileStateKey)); ++k) {
    auto state = decode_file_state(db_.get_metadata(*k));
    if (!state || seen.count(state->path)) continue;
    bool under_root = false;
    for (const auto& root : roots) {
      if (state->path == root || state->path.rfind(root + "/", 0) == 0) under_root = true;
    }
    if (under_root) gone.push_back(*state);
  }
  for (const auto& state : gone) {
    for (const auto& id : state.ids) {
      std::string term = schema::make_term(schema::kIdPrefix, id);
      if (db_.term_exists(term)) {
        db_.delete_document(term);
        ++summary_.removed;
      }
    }
    db_.set_metadata(file_state_key(state.path), "");
    maybe_commit();
  }
}

void DbWriter::maybe_commit() {
  if (++pending_ >= options_.batch_size) commit();
}

void DbWriter::commit() {
  db_.commit();
  pending_ = 0;
  committed_text_ += pending_text_;
  pending_text_ = 0;
}

void DbWriter::add(Xapian::Document& doc, const std::string& id) {
  std::string id_term = schema::make_term(schema::kIdPrefix, id);
  bool existed = db_.term_exists(id_term);
  if (role_ == WriterRole::kArchive) {
    DuplicateMatch dup = find_duplicate_group(db_, doc, id);
    if (dup.exact) ++summary_.duplicates;
    set_duplicate_group(doc, dup.group);
  }
  db_.replace_document(id_term, doc);
  ++(existed ? summary_.updated : summary_.added);
  ++pending_;  // apply() commits once the file's state is written too
}

void DbWriter::write_state(const FileState& state) {
  db_.set_metadata(file_state_key(state.path), encode_file_state(state));
}

void DbWriter::report(const Problem& problem) {
  if (options_.on_problem) options_.on_problem(problem);
}

}  // namespace morgue
