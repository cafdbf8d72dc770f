// The searcher's side of a stub that lists shards: opens each line on its
// own (local path, or a xapian-tcpsrv server with timeouts), combines the
// shards that answer, and drops the ones that fail so that a search can be
// answered by the others. Xapian's own stub opening cannot do this: one
// unreachable remote makes the whole database, or the whole search, fail.
// Not thread-safe (one per Searcher).
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "morgue/database_error.h"
#include "morgue/open_options.h"
#include "morgue/shards.h"

namespace morgue {

class ShardSet {
 public:
  // Opens every shard listed in `stub` (remote ones in parallel, each within
  // options' timeouts). Throws DatabaseError when the stub is unreadable,
  // when no shard opens, or, with options.strict, when any shard does not.
  ShardSet(const std::filesystem::path& stub, const OpenOptions& options);

  // The union of the shards that answer.
  const Xapian::Database& database() const { return combined_; }
  // One line per shard that is down, for each response.
  std::vector<std::string> warnings() const;

  // After a Xapian::NetworkError during a search: reconnects every remote
  // shard and keeps those that answer. Throws DatabaseError naming the
  // missing shards in strict mode, or when no shard is left.
  void recover(const std::string& error);
  // Tries shards that were down again when options.retry_down_after_ms has
  // passed. Returns true when database() changed.
  bool retry_down();
  // Picks up new revisions (local and remote); a shard that fails is
  // dropped as in recover(). Returns true when something changed.
  bool reopen();
  // True when some shard is a remote one (see count_versions()).
  bool has_remote() const;

 private:
  using Clock = std::chrono::steady_clock;
  struct Shard {
    StubEntry entry;
    std::optional<Xapian::Database> db;  // nullopt while down
    std::string error;                   // why it is down
    Clock::time_point tried;
  };
  // (Re)opens the given shards, remote ones concurrently.
  void open(const std::vector<std::size_t>& which);
  void combine();
  std::vector<std::string> down() const;

  std::filesystem::path stub_;
  OpenOptions options_;
  std::vector<Shard> shards_;
  Xapian::Database combined_;
};

// Xapian's remote protocol does not bring collapse counts back from
// xapian-tcpsrv (a hit collapsed on the server reports 0 others), so with
// remote shards a hit's versions are counted with one more query: how many
// documents match `query` with each of `keys` in the collapse slot. One
// round trip per shard, whatever the number of hits.
std::vector<std::size_t> count_versions(const Xapian::Database& db, const Xapian::Query& query,
                                        Xapian::valueno slot, const std::vector<std::string>& keys);

}  // namespace morgue
