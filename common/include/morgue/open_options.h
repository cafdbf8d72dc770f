// How a Searcher (search.h) or a service opens a stub file that lists local
// and remote shards (docs/deployment.md).
#pragma once

namespace morgue {

// How a Searcher opens a stub that lists shards (docs/deployment.md).
struct OpenOptions {
  // A shard that cannot be opened or stops answering is an error
  // (DatabaseError) instead of a warning with the other shards' results.
  bool strict = false;
  // Remote shards (xapian-tcpsrv): milliseconds allowed for each exchange
  // with a server, and for connecting to it. A shard slower than this is
  // treated as down for that search.
  unsigned timeout_ms = 10000;
  unsigned connect_timeout_ms = 5000;
  // A shard found down is tried again at most this often (a long-running
  // service picks restarted servers up without a restart of its own).
  unsigned retry_down_after_ms = 30000;
};

}  // namespace morgue
