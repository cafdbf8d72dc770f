#include "morgue/admin.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <xapian.h>

#include "index/index_error.h"
#include "store/file_state.h"
#include "morgue/schema.h"
#include "morgue/shards.h"

namespace morgue {
namespace fs = std::filesystem;
namespace {

DatabaseStats read_stats(const fs::path& db_path) {
  Xapian::Database db;
  try {
    db = Xapian::Database(db_path.string());
  } catch (const Xapian::Error& e) {
    throw DatabaseError(fmt::format("cannot open database {}: {}", db_path.string(), e.get_msg()));
  }
  DatabaseStats stats;
  stats.documents = db.get_doccount();
  if (stats.documents) {
    stats.first_date = Date::from_compact(db.get_value_lower_bound(schema::kSlotDate));
    stats.last_date = Date::from_compact(db.get_value_upper_bound(schema::kSlotDate));
  }
  std::map<std::string, std::size_t> sections;
  for (auto v = db.valuestream_begin(schema::kSlotSection); v != db.valuestream_end(schema::kSlotSection); ++v) {
    ++sections[*v];
  }
  for (const auto& [name, count] : sections) stats.sections.push_back({name, count});
  std::stable_sort(stats.sections.begin(), stats.sections.end(),
                   [](const SectionCount& a, const SectionCount& b) { return a.count > b.count; });
  // A stub (shards, or the parts of a build in progress) lists databases
  // kept elsewhere, and Xapian reads metadata from the first one only: add
  // up the files tracked and the bytes of each local database it names.
  std::vector<fs::path> local = {db_path};
  if (auto stub = stub_file(db_path)) {
    local.clear();
    for (const auto& entry : read_stub(*stub)) {
      if (entry.type == StubEntry::Type::kLocal) local.push_back(entry.path);
    }
  }
  const std::string prefix(schema::kFileStateKey);
  std::map<std::string, bool> files;  // a file's stories may sit in several shards
  for (const auto& path : local) {
    Xapian::Database part;
    try {
      part = Xapian::Database(path.string());
    } catch (const Xapian::Error& e) {
      throw DatabaseError(fmt::format("cannot open database {}: {}", path.string(), e.get_msg()));
    }
    for (auto k = part.metadata_keys_begin(prefix); k != part.metadata_keys_end(prefix); ++k) {
      auto state = decode_file_state(part.get_metadata(*k));
      files[*k] = files[*k] || (state && state->failed);
    }
    std::error_code ec;
    for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec)) stats.bytes_on_disk += it->file_size(ec);
    }
  }
  stats.files_tracked = files.size();
  stats.files_failed = static_cast<std::size_t>(std::count_if(files.begin(), files.end(), [](const auto& f) { return f.second; }));
  return stats;
}

void compact(const fs::path& db_path) {
  // Holding a WritableDatabase keeps other writers out while we compact.
  Xapian::WritableDatabase lock;
  try {
    lock = Xapian::WritableDatabase(db_path.string(), Xapian::DB_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError(fmt::format("database {} is locked: an indexer is writing to it", db_path.string()));
  }
  fs::path tmp = db_path;
  tmp += ".compact-tmp";
  fs::path old = db_path;
  old += ".compact-old";
  fs::remove_all(tmp);
  fs::remove_all(old);
  {
    Xapian::Database source(db_path.string());
    source.compact(tmp.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  }
  lock.close();
  // Readers that have the old files open keep reading them until they reopen.
  fs::rename(db_path, old);
  fs::rename(tmp, db_path);
  fs::remove_all(old);
}

}  // namespace

DatabaseStats database_stats(const fs::path& db_path) {
  try {
    return read_stats(db_path);
  } catch (const Xapian::Error& e) {
    throw DatabaseError(fmt::format("cannot read database {}: {}", db_path.string(), e.get_description()));
  }
}

void compact_database(const fs::path& db_path) {
  with_index_errors(db_path, [&] { compact(db_path); });
}

}  // namespace morgue
