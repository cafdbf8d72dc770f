// The HTTP search service (`morgue-serve`, also started by `morgue-search --serve`) and CGI mode
// (docs/web.md). HTTP handling (Service::handle) is separate from the
// transport (run_service binds cpp-httplib; CGI reads the environment) so
// that it can be unit-tested and fuzzed without sockets.
//
//   GET /api/search?q=...   the CLI's --json document (docs/json.md)
//   GET /api/similar/ID     "more like this": the same document, the same parameters
//   POST to either          the parameters in an application/x-www-form-urlencoded
//                           body too (a pasted text longer than a request line)
//   GET /api/article/ID     one stored story, body included
//   GET /healthz            {"status":"ok","documents":N}, 503 without a database
//   GET /  and /assets/...  the search page
//
// Every error is JSON {"error": "..."} with a fitting status: 400 bad query or
// parameter, 404 unknown path, article or similar-story id, 405 a method the
// path does not take, 503 database unavailable, the search took longer than
// the time limit or could not start within it (busy). The transport adds 400
// for a badly framed request and 503 beyond its connection limit.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "morgue/search.h"

namespace morgue {

// The service's default bounds on paging (ServiceOptions::max_limit and
// max_offset); the query's length is bounded by kMaxQueryBytes (search.h).
inline constexpr std::size_t kServiceMaxLimit = 100;
inline constexpr std::size_t kServiceMaxOffset = 10000;

struct ServiceOptions {
  std::string host = "127.0.0.1";     // listen address: loopback unless told otherwise
  int port = 8080;                    // 0: any free port (the chosen one is logged)
  std::string db_path = "morgue-db";  // database directory or stub file
  // How each worker's Searcher opens db_path when it lists shards (--strict,
  // --timeout): with strict, a shard that is down makes searches answer 503.
  OpenOptions open;
  // Searches (and story lookups) run at once; more wait their turn, first
  // come first served, until their time limit (then 503). /healthz, the page
  // and its assets never wait. 0: default_service_threads(). run_service
  // runs requests on this many worker threads, plus one for the quick ones.
  std::size_t threads = 0;
  // Connections (run_service; docs/robustness.md): at most max_connections
  // open at once (beyond: an immediate 503 and close); the request line and
  // headers must arrive within header_timeout_seconds of the first byte, a
  // body within body_timeout_seconds; an idle connection is closed after
  // idle_timeout_seconds; a write that cannot go on for write_timeout_seconds
  // ends the connection. listen_backlog: connections the kernel queues
  // before accept (capped by net.core.somaxconn).
  std::size_t max_connections = 1024;
  double header_timeout_seconds = 5;
  double body_timeout_seconds = 10;
  double idle_timeout_seconds = 5;
  double write_timeout_seconds = 5;
  int listen_backlog = 1024;
  std::size_t max_query_bytes = kMaxQueryBytes;  // q; longer answers 400 (filters have bounds of their own)
  std::size_t max_limit = kServiceMaxLimit;    // larger `limit` values are capped to this
  std::size_t max_offset = kServiceMaxOffset;  // deeper pages answer 400
  // A search not done this long after its request arrived (waiting for a
  // turn included) answers 503; the searcher checks it while it works
  // (SearchRequest::deadline), so that it stops too. 0: none.
  double time_limit_seconds = 5;
  // The work exact counts (total, facets) may do per search
  // (SearchRequest::count_budget): past it the total is an estimate, the
  // facets cover part of the matches, and the answer's warnings say so.
  // Decided by work, not time, so the same query gets the same answer
  // whatever the load; the deadline above is the last resort. 0: no limit.
  std::uint64_t count_budget = kDefaultCountBudget;
  std::filesystem::path assets_dir;   // a folder of the page's files; empty: default_assets_dir()
  // A story's `source` in answers is relative to the folder it was indexed
  // from (Searcher::source_roots), so the API does not tell where the archive
  // sits on the server's disk; true (--absolute-paths) gives the full path.
  bool absolute_paths = false;
  std::ostream* access_log = nullptr; // one line per request (run_service); nullptr: none
};

// One request as the transport hands it over.
struct HttpRequest {
  std::string method = "GET";
  std::string path = "/";    // %-decoded path, without the query string
  std::string query;         // raw query string after '?', still %-encoded
  // POST: the body, read as application/x-www-form-urlencoded parameters
  // after those of `query`. The transport bounds its size.
  std::string body;
  // When the transport had the whole request: the time limit counts from
  // here, so that time spent waiting for a worker counts too. Default: from
  // the call to Service::handle.
  std::chrono::steady_clock::time_point arrived{};
};

// One answer: status, Content-Type, body and any further headers.
struct HttpAnswer {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

class Service {
 public:
  // Reads the page's assets; does not need the database yet (requests answer
  // 503 until it can be opened). Never throws for a missing database.
  explicit Service(ServiceOptions options);
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // Thread-safe: each call checks out its own Searcher, brought up to the
  // latest commit of the indexer (reopen). Never throws.
  HttpAnswer handle(const HttpRequest& request);

  const ServiceOptions& options() const;
  // Problems found at start (missing assets, no database yet), for the log.
  std::vector<std::string> startup_warnings() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Listens on options.host:port and serves on a pool of options.threads
// worker threads until SIGINT or SIGTERM. Returns 0 after a clean stop, 2 when
// it cannot listen. Status lines go to `log` (stderr in morgue-serve).
int run_service(const ServiceOptions& options, std::ostream& log);

// CGI (RFC 3875): the request from REQUEST_METHOD, PATH_INFO (default
// /api/search) and QUERY_STRING.
HttpRequest cgi_request_from_environment();
// Writes the answer as CGI output: Status (for errors), Content-Type and
// other headers, a blank line, the body.
void write_cgi_answer(const HttpAnswer& answer, std::ostream& out);

// The checks the service applies to filters from a user, shared with
// morgue-search's --section/--person/--author/--site/--date: each value
// non-empty (spaces around it are trimmed in place), at most 200 bytes, no
// control characters; at most 20 values in all; a date made of digits, '-'
// and '.' only (the core reads it and names a bad one). Returns "" when
// fine, else a one-line message naming the field.
std::string check_filters(SearchFilters& filters);

// A stored story's id as front ends take it (/api/article/ID,
// /api/similar/ID, --show, --like): 16 lower-case hex digits.
bool is_article_id(std::string_view id);

// $MORGUE_ASSETS_DIR, else empty: the page's files built into the library.
std::filesystem::path default_assets_dir();

// Worker threads when none are asked for (see the .cc for why not just cores).
std::size_t default_service_threads();

}  // namespace morgue
