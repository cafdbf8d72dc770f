// Searching an archive: a request in, a response (plain data) out. Printers
// (printer.h) turn responses into terminal text, JSON or HTML.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/article.h"
#include "morgue/snippet.h"

namespace morgue {

// A query the user must fix (syntax, a too-broad wildcard, a bad date).
// what() is a one-line message for the user.
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The database cannot be opened or read (missing, corrupt, locked out).
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class SortOrder { kRelevance, kNewest, kOldest };

// A recency half-life as users type it: "30d", "2w", "6m", "1y" (or a bare
// number of days) -> days; 0 when invalid. Shared by the CLI and the service.
int parse_half_life(std::string_view text);

struct SearchRequest {
  std::string query;                 // the query language (docs/query-syntax.md)
  std::size_t offset = 0;            // first hit to return
  std::size_t limit = 10;            // hits to return
  SortOrder sort = SortOrder::kRelevance;
  int recent_half_life_days = 0;     // >0: blend a recency boost with this half-life
  bool facets = false;               // compute sections/people/timeline over all matches
  std::size_t facet_top = 10;        // values per facet
  bool all_versions = false;         // do not collapse near-duplicates
  std::optional<Date> today;         // "now" for relative dates; default: the system clock
  SnippetOptions snippet;            // snippet size
  // >0: Xapian stops exhaustive counting (total, facets) after this many
  // seconds (Enquire::set_time_limit); services also reject slower answers.
  double time_limit_seconds = 0;
};

struct Hit {
  std::string id;
  std::size_t rank = 0;       // 0-based position in the whole result list
  double score = 0;           // relevance weight (0 for date sorts without a query)
  Article article;            // stored fields; body cleared unless asked for
  Snippet snippet;
  std::size_t versions = 1;   // near-duplicates collapsed into this hit, itself included
};

struct FacetValue {
  std::string value;
  std::size_t count = 0;
};

struct Facets {
  std::vector<FacetValue> sections;
  std::vector<FacetValue> people;
  std::string timeline_unit;           // "month" or "year"
  std::vector<FacetValue> timeline;    // "2022-02" or "2022", oldest first
};

struct SearchResponse {
  std::string query;
  std::size_t total = 0;          // estimated number of matches
  std::size_t offset = 0;
  std::size_t limit = 0;
  std::vector<Hit> hits;
  std::optional<Facets> facets;
  std::string suggestion;         // "did you mean" query, or ""
  std::vector<std::string> warnings;
};

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

// A searcher holds an open database (a directory, or a Xapian stub file
// listing local and remote shards). One Searcher is not thread-safe; use
// one per thread (they are cheap to open).
class Searcher {
 public:
  // Throws DatabaseError when the database cannot be opened.
  explicit Searcher(const std::string& db_path);
  // The same, with options for stubs listing local and remote shards: with
  // some shards down the searcher answers from the others and says so in
  // SearchResponse::warnings (unless options.strict).
  Searcher(const std::string& db_path, const OpenOptions& options);
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  // Throws QueryError for a bad query, DatabaseError for database trouble.
  SearchResponse search(const SearchRequest& request);

  // The stored article with this id (body included), or nullopt.
  std::optional<Article> article(const std::string& id);

  // Picks up changes committed since the database was opened. Returns true
  // when something changed.
  bool reopen();

  std::size_t document_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue
