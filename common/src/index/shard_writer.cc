#include "index/shard_writer.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "morgue/document.h"
#include "morgue/schema.h"
#include "store/database.h"
#include "store/duplicates.h"
#include "store/shard_files.h"

namespace morgue {
namespace fs = std::filesystem;
ShardWriter::ShardWriter(const fs::path& dir, const ShardScheme& scheme, const IndexOptions& options,
                         IndexSummary& summary)
    : dir_(dir), scheme_(scheme), options_(options), summary_(summary) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    std::string name = entry.path().filename().string();
    if (entry.is_directory() && scheme_.is_shard_name(name) && is_database_dir(entry.path())) names.push_back(name);
  }
  // Hash shards exist from the start: the archive's layout never changes.
  for (unsigned i = 0; scheme_.kind == ShardScheme::Kind::kHash && i < scheme_.count; ++i) {
    names.push_back(fmt::format("shard-{}", i));
  }
  for (const auto& name : names) shard(name);
  write_stub(dir_, shard_names());
}

ShardWriter::Shard& ShardWriter::shard(const std::string& name) {
  auto it = shards_.find(name);
  if (it != shards_.end()) return it->second;
  const bool created = !is_database_dir(dir_ / name);
  Shard s{open_for_writing(dir_ / name), false};
  if (created) s.db.commit();  // a revision on disk, so that readers can open it once the stub names it
  all_.add_database(s.db);
  it = shards_.emplace(name, std::move(s)).first;
  if (created) write_stub(dir_, shard_names());
  return it->second;
}

std::vector<std::pair<std::string, FileState>> ShardWriter::entries(const std::string& path) const {
  std::vector<std::pair<std::string, FileState>> out;
  const std::string key = file_state_key(path);
  for (const auto& [name, s] : shards_) {
    if (auto state = decode_file_state(s.db.get_metadata(key))) out.emplace_back(name, std::move(*state));
  }
  return out;
}

std::optional<FileState> ShardWriter::prior_state(const std::string& path) const {
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

void ShardWriter::apply(Outcome& out) {
  const FoundFile& file = out.task.file;
  const auto prior = entries(file.path);
  const std::string key = file_state_key(file.path);
  FileState base;
  base.path = file.path;
  base.size = file.size;
  base.mtime_ns = file.mtime_ns;
  base.content_hash = out.content_hash;
  auto write_state = [&](const std::string& name, const FileState& state) {
    Shard& s = shard(name);
    s.db.set_metadata(key, encode_file_state(state));
    s.dirty = true;
  };
  if (out.same_content) {
    for (const auto& [name, old] : prior) {
      FileState state = base;
      state.ids = old.ids;
      write_state(name, state);
    }
    ++summary_.unchanged;
    return;
  }
  for (const auto& problem : out.extraction.problems) {
    if (options_.on_problem) options_.on_problem(problem);
  }
  if (out.extraction.failed() || out.extraction.articles.empty()) {
    ++summary_.failed;
    if (out.extraction.problems.empty() && options_.on_problem) options_.on_problem({file.path, "no article found"});
    // Keep what an earlier run indexed: a broken copy must not lose stories.
    // A file that never yielded a story has no shard to remember it in; it
    // is retried on every run anyway.
    for (const auto& [name, old] : prior) {
      FileState state = base;
      state.failed = true;
      state.ids = old.ids;
      write_state(name, state);
    }
    return;
  }
  // The later of two articles with one key wins, wherever the first went.
  std::map<std::string, std::size_t> last;
  for (std::size_t i = 0; i < out.documents.size(); ++i) {
    if (!last.emplace(out.documents[i].first, i).second) {
      if (options_.on_problem) {
        options_.on_problem({file.path, fmt::format("two articles with the same key \"{}\"; the later one wins",
                                                    out.extraction.articles[i].key)});
      }
      last[out.documents[i].first] = i;
    }
  }
  std::map<std::string, FileState> fresh;  // shard -> the file's state there
  for (std::size_t i = 0; i < out.documents.size(); ++i) {
    auto& [id, doc] = out.documents[i];
    if (last[id] != i) continue;
    const std::string name = scheme_.shard_of(id, doc.get_value(schema::kSlotDate));
    auto [it, inserted] = fresh.try_emplace(name, base);
    it->second.ids.push_back(id);
    add(shard(name), doc, id);
  }
  // Stories the file no longer yields, or that moved to another shard.
  for (const auto& [name, old] : prior) {
    Shard& s = shard(name);
    auto it = fresh.find(name);
    for (const auto& id : old.ids) {
      if (it != fresh.end() && std::find(it->second.ids.begin(), it->second.ids.end(), id) != it->second.ids.end()) {
        continue;
      }
      std::string term = schema::make_term(schema::kIdPrefix, id);
      if (s.db.term_exists(term)) s.db.delete_document(term);
    }
    if (it == fresh.end()) s.db.set_metadata(key, "");
    touched(s);
  }
  for (const auto& [name, state] : fresh) write_state(name, state);
}

void ShardWriter::add(Shard& s, Xapian::Document& doc, const std::string& id) {
  const std::string id_term = schema::make_term(schema::kIdPrefix, id);
  const bool existed = all_.term_exists(id_term);
  DuplicateMatch dup = find_duplicate_group(all_, doc, id);
  if (dup.exact) ++summary_.duplicates;
  set_duplicate_group(doc, dup.group);
  s.db.replace_document(id_term, doc);
  ++(existed ? summary_.updated : summary_.added);
  touched(s);
}

void ShardWriter::touched(Shard& s) {
  s.dirty = true;
  if (++pending_ >= options_.batch_size) commit();
}

void ShardWriter::prune(const std::set<std::string>& seen, const std::vector<std::string>& roots) {
  const std::string prefix(schema::kFileStateKey);
  for (auto& [name, s] : shards_) {
    std::vector<FileState> gone;
    for (auto k = s.db.metadata_keys_begin(prefix); k != s.db.metadata_keys_end(prefix); ++k) {
      auto state = decode_file_state(s.db.get_metadata(*k));
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
        if (s.db.term_exists(term)) {
          s.db.delete_document(term);
          ++summary_.removed;
        }
      }
      s.db.set_metadata(file_state_key(state.path), "");
      touched(s);
    }
  }
}

void ShardWriter::commit() {
  // An archive with no story yet still opens: give it one empty shard.
  if (shards_.empty()) shard(scheme_.shard_of("", ""));
  for (auto& [name, s] : shards_) {
    if (!s.dirty) continue;  // untouched shards keep their revision (nothing to replicate)
    s.db.commit();
    s.dirty = false;
  }
  pending_ = 0;
}

std::vector<std::string> ShardWriter::shard_names() const {
  std::vector<std::string> names;
  for (const auto& [name, s] : shards_) names.push_back(name);
  return names;
}

std::size_t ShardWriter::document_count() const { return all_.get_doccount(); }

}  // namespace morgue
