// Looking after a database: statistics and compaction.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "morgue/article.h"
#include "morgue/index_writer.h"
#include "morgue/database_error.h"

namespace morgue {

// A section and the number of stories filed in it.
struct SectionCount {
  std::string value;
  std::size_t count = 0;
};

struct DatabaseStats {
  std::size_t documents = 0;
  std::optional<Date> first_date;      // oldest dated story
  std::optional<Date> last_date;       // newest dated story
  std::vector<SectionCount> sections;  // all sections, most stories first
  std::uintmax_t bytes_on_disk = 0;    // size of the database directory
  std::size_t files_tracked = 0;       // source files the indexer remembers
  std::size_t files_failed = 0;        // of those, files that failed last time
};

// Throws DatabaseError when the database cannot be opened or read.
DatabaseStats database_stats(const std::filesystem::path& db_path);

// Compacts the database with Xapian's compactor into a sibling directory and
// swaps it in. Takes the write lock first, so it fails (IndexError) while an
// indexer runs; any other failure (no database, Xapian, file system) is an
// IndexError too.
void compact_database(const std::filesystem::path& db_path);

}  // namespace morgue
