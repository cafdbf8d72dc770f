// Opening an archive's databases for writing, and telling a database
// directory from anything else. Storage only: no knowledge of indexing runs.
#pragma once

#include <filesystem>
#include <stdexcept>

#include <xapian.h>

namespace morgue {

// Opens (creating if needed) a database for writing, with a clear error
// (database_locked) when another writer holds it, or (database_read_only)
// when it cannot be written at all. `flags` are added to
// DB_CREATE_OR_OPEN (for example Xapian::DB_NO_SYNC). A directory left half
// created by a kill is cleared first.
Xapian::WritableDatabase open_for_writing(const std::filesystem::path& path, int flags = 0);

// The error a second indexer gets (exit 2).
std::runtime_error database_locked(const std::filesystem::path& path);

// The error for a database on a read-only file system or without write
// permission (`error`: the errno met, EROFS or EACCES), rather than "locked".
std::runtime_error database_read_only(const std::filesystem::path& path, int error);

// True when `dir` holds a glass or chert database (not a stub, not empty).
bool is_database_dir(const std::filesystem::path& dir);

}  // namespace morgue
