// The writer of one database: the archive itself (nightly runs), or one part
// of a parallel full build. Not thread-safe: one DbWriter per thread.
#pragma once

#include <filesystem>

#include "index/archive_writer.h"

namespace morgue {

class DbWriter : public ArchiveWriter<OneDatabase> {
 public:
  // Opens (creating if needed) the database at `path`; throws
  // std::runtime_error when another writer holds it.
  DbWriter(const std::filesystem::path& path, const IndexOptions& options, IndexSummary& summary,
           WriterRole role = WriterRole::kArchive)
      : ArchiveWriter(OneDatabase(path, role), options, summary) {}
};

}  // namespace morgue
