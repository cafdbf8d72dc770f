// The HTTP search service (`morgue-serve`, also started by `morgue-search --serve`) and CGI mode
// (docs/web.md). HTTP handling (Service::handle) is separate from the
// transport (run_service binds cpp-httplib; CGI reads the environment) so
// that it can be unit-tested and fuzzed without sockets.
//
//   GET /api/search?q=...   the CLI's --json document (docs/json.md)
//   GET /api/article/ID     one stored story, body included
//   GET /healthz            {"status":"ok","documents":N}, 503 without a database
//   GET /  and /assets/...  the search page
//
// Every error is JSON {"error": "..."} with a fitting status: 400 bad query or
// parameter, 404 unknown path or article, 405 not GET/HEAD, 503 database
// unavailable or the search took longer than the time limit.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace morgue {

struct ServiceOptions {
  std::string host = "127.0.0.1";     // listen address: loopback unless told otherwise
  int port = 8080;                    // 0: any free port (the chosen one is logged)
  std::string db_path = "morgue-db";  // database directory or stub file
  std::size_t threads = 0;            // worker threads; 0: default_service_threads()
  std::size_t max_query_bytes = 1024; // q plus filters; longer answers 400
  std::size_t max_limit = 100;        // larger `limit` values are capped to this
  std::size_t max_offset = 10000;     // deeper pages answer 400
  double time_limit_seconds = 5;      // a search slower than this answers 503; 0: none
  // Xapian stops counting all matches (total, facets) after this long
  // (Enquire::set_time_limit; in practice the search ends within a few
  // times this); such answers carry a warning that the counts cover only part
  // of the matches. Keeps facets over very broad queries affordable. 0: never.
  double count_time_limit_seconds = 0.1;
  std::filesystem::path assets_dir;   // the page's files; empty: default_assets_dir()
  std::ostream* access_log = nullptr; // one line per request (run_service); nullptr: none
};

// One request as the transport hands it over.
struct HttpRequest {
  std::string method = "GET";
  std::string path = "/";    // %-decoded path, without the query string
  std::string query;         // raw query string after '?', still %-encoded
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

// $MORGUE_ASSETS_DIR, else searcher/assets in the source tree when it exists,
// else the installed share/morgue/assets.
std::filesystem::path default_assets_dir();

// Worker threads when none are asked for (see the .cc for why not just cores).
std::size_t default_service_threads();

}  // namespace morgue
