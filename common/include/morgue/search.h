// Searching an archive: a request in, a response (plain data) out. Printers
// (printer.h) turn responses into terminal text, JSON or HTML.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/article.h"
#include "morgue/database_error.h"
#include "morgue/describe_exception.h"
#include "morgue/open_options.h"
#include "morgue/snippet.h"

namespace Xapian {
class Database;  // <xapian.h>; only Searcher's constructor from a handle names it
}

namespace morgue {

// A query the user must fix (syntax, a too-broad wildcard, a bad date).
// what() is a one-line message for the user.
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// SearchRequest::deadline passed before the search was done.
class DeadlineExceeded : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};


enum class SortOrder { kRelevance, kNewest, kOldest };

// A sort order by the name users give it (--sort, :sort, sort=): "relevance",
// "date" or "newest" (newest first), "oldest". nullopt for any other name,
// "" included (a front end that takes "" as the default says so itself).
std::optional<SortOrder> parse_sort_order(std::string_view name);
// The names parse_sort_order takes, for messages: "relevance, date, newest or oldest".
std::string_view sort_order_names();

// A recency half-life as users type it: "30d", "2w", "6m", "1y" (or a bare
// number of days) -> days; 0 when invalid. Shared by the CLI and the service.
int parse_half_life(std::string_view text);

// Filters given as data (a clicked facet, an API parameter), applied as
// Xapian boolean filter terms: never pasted into the query text, so a value
// cannot carry query syntax. All given filters must hold (AND); values are
// matched case-insensitively, as the indexer stores them.
struct SearchFilters {
  std::vector<std::string> sections;  // "world" also covers "world/europe"
  std::vector<std::string> people;    // a person's name as the facet shows it
  std::vector<std::string> authors;   // a whole byline as stored
  std::vector<std::string> sites;     // host name: "example.com" (a URL is reduced to its host)
  std::string date;                   // "2022", "2022-02", "2022-02-01..2022-03-15", "..1999"; "" none
  bool empty() const {
    return sections.empty() && people.empty() && authors.empty() && sites.empty() && date.empty();
  }
};

// A filter that was applied to a search, for a front end to show and remove.
struct AppliedFilter {
  std::string field;   // "section", "person", "author", "site", "date"
  std::string value;   // as given ("2022-02", "last month" ...)
  // Where it came from: "request" (SearchFilters), "query" (explicit syntax
  // such as date: or section:), "words" (plain time words of a short query
  // such as "floods last month").
  std::string origin;
  std::string from, to;  // date filters: the inclusive days, "YYYY-MM-DD" ("" open)
  // True when the filter left no stories and the search was run again
  // without it (only for origin "words"); the response's warnings say so.
  bool dropped = false;
};

// SearchRequest::count_budget by default: 10 million postings, 100 words
// each in all of 100,000 stories (a 60-word OR over 4.1 million postings
// took 0.45 s for the whole search; docs/benchmarks.md).
inline constexpr std::uint64_t kDefaultCountBudget = 10'000'000;

struct SearchRequest {
  std::string query;                 // the query language (docs/query-syntax.md), up to 20,000 characters
  SearchFilters filters;             // structured filters, ANDed with the query
  // Non-empty: "more like this": stories closest to the stored story with
  // this id (the query, if any, is ANDed in as a filter of its own words).
  // Unknown id: QueryError.
  std::string like_id;
  std::size_t offset = 0;            // first hit to return
  std::size_t limit = 10;            // hits to return
  SortOrder sort = SortOrder::kRelevance;
  int recent_half_life_days = 0;     // >0: blend a recency boost with this half-life
  bool facets = false;               // compute sections/people/timeline over all matches
  std::size_t facet_top = 10;        // values per facet
  bool all_versions = false;         // do not collapse near-duplicates
  std::optional<Date> today;         // "now" for relative dates; default: the system clock
  SnippetOptions snippet;            // snippet size
  // The work exact counts (total, facets) may do: postings read plus
  // documents Xapian examines for phrases, value ranges and wildcards
  // (search/match_set.h). Past it the total is Xapian's estimate, the facets
  // cover part of the matches, and the warnings say so. A number, not a time,
  // so the same query on the same archive always gets the same answer.
  // 0: no limit.
  std::uint64_t count_budget = kDefaultCountBudget;
  // When set, the searcher checks this while it works (after matching, before
  // each hit's document and snippet, before facets and spelling) and throws
  // DeadlineExceeded once it has passed: a slow search stops, not only its
  // answer.
  std::optional<std::chrono::steady_clock::time_point> deadline;
};

struct Hit {
  std::string id;
  // True when the story matches every word of a short query; false for a
  // story that matches most of them (listed after all full matches). Always
  // true for queries that are not ranked in tiers (sentences, pastes).
  bool all_words = true;
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
  // The counts cover part of the matches: SearchRequest::count_budget was
  // spent (the response's warnings say so too).
  bool partial = false;
};

struct SearchResponse {
  std::string query;
  // Number of results paging can return (near-duplicates collapsed unless
  // all_versions). Exact when total_exact; otherwise Xapian's estimate
  // (queries with more than kExactCountUpTo matches, or the count budget spent).
  std::size_t total = 0;
  bool total_exact = true;
  // Of `total`, how many match every word of a short query (ranked first);
  // equals total for queries that are not ranked in tiers.
  std::size_t total_all_words = 0;
  std::size_t offset = 0;
  std::size_t limit = 0;
  std::vector<Hit> hits;          // empty past the end (offset >= total): not an error
  // Filters applied (request, query syntax, time words), in that order.
  std::vector<AppliedFilter> filters;
  // Pasted text or long sentences are searched by their most distinctive
  // terms; these are the words used (empty otherwise).
  std::vector<std::string> reduced_terms;
  std::optional<Facets> facets;
  std::string suggestion;         // "did you mean" query, or ""
  std::vector<std::string> warnings;
};

// Counts up to this many matches are exact (SearchResponse::total_exact).
inline constexpr std::size_t kExactCountUpTo = 100000;
// Longest query text accepted, in bytes (a pasted article).
inline constexpr std::size_t kMaxQueryBytes = 20000;


// A searcher holds an open database (a directory, or a Xapian stub file
// listing local and remote shards). One Searcher is not thread-safe; use
// one per thread (they are cheap to open).
class Searcher {
 public:
  // Throws DatabaseError when the database cannot be opened.
  explicit Searcher(const std::string& db_path);
  // Searches a database the caller opened (any backend, Xapian's in-memory
  // one included; include <xapian.h> to make one). The searcher keeps a copy
  // of the handle, which shares the database with `db`: do not use `db` or
  // its other copies from another thread while the searcher is in use.
  // Facets are counted on the calling thread (there is no path to open a
  // second handle from). reopen() reopens the shared handle.
  explicit Searcher(const Xapian::Database& db);
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

  // The folders the archive was indexed from (absolute; an input file counts
  // as its folder), as the indexer recorded them: what the service makes
  // sources relative to. Empty for archives indexed before they were kept.
  std::vector<std::string> source_roots() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue
