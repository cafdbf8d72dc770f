// The files of an archive besides its databases: the Xapian stub DIR/XAPIANDB
// that lists databases (a sharded archive's shards, an unfinished parallel
// build's parts), and a sharded archive's DIR/morgue-shards.json. The scheme
// itself and stub reading are in morgue/shards.h.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "morgue/shards.h"

namespace morgue {

// Writes DIR/XAPIANDB listing `databases` as "auto PATH" lines, PATH relative
// to DIR so the archive can be moved or copied whole. Readers may open the
// stub at any moment: it is written aside and renamed over. A DIR that does
// not exist yet appears whole (built as DIR.stub-new, then renamed), so a
// kill never leaves an empty DIR behind. Does nothing when `databases` is
// empty or the stub already lists exactly them. Throws std::runtime_error
// (or std::filesystem::filesystem_error) when it cannot be written.
void write_stub(const std::filesystem::path& dir, const std::vector<std::string>& databases);

// The shards of the archive DIR under `scheme`: every database directory
// whose name the scheme can produce, and for a hash scheme all of
// shard-0 .. shard-N-1 (they exist from the start, created or not).
std::vector<std::string> shard_names(const std::filesystem::path& dir, const ShardScheme& scheme);

// Reads DIR/morgue-shards.json, or creates it from `requested` ("year",
// "hash:N") for a new archive. Throws std::runtime_error when `requested`
// contradicts the recorded scheme, is unreadable, or DIR holds an unsharded database.
ShardScheme resolve_scheme(const std::filesystem::path& dir, const std::string& requested);

}  // namespace morgue
