#include "morgue/service.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "morgue/printer.h"
#include "morgue/search.h"
#include "serve/assets.h"
#include "serve/pages.h"
#include "serve/search_params.h"
#include "serve/searcher_pool.h"
#include "serve/work_gate.h"
#include "store/file_state.h"

namespace morgue {
namespace {

using nlohmann::json;
using serve::BadParameter;

// The page runs only its own script and style: no inline code, so injected
// markup could not run even if it reached the DOM.
constexpr const char* kPagePolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

HttpAnswer json_answer(int status, std::string body) {
  HttpAnswer answer;
  answer.status = status;
  answer.content_type = "application/json";
  answer.body = std::move(body);
  answer.headers = {{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}};
  return answer;
}

HttpAnswer error_answer(int status, const std::string& message) {
  return json_answer(status, json{{"error", message}}.dump(-1, ' ', false, json::error_handler_t::replace));
}

// A server-rendered page (/story/ID, /person/NAME), under the page's policy.
HttpAnswer html_answer(int status, std::string body) {
  HttpAnswer answer;
  answer.status = status;
  answer.content_type = "text/html; charset=utf-8";
  answer.body = std::move(body);
  answer.headers = {{"Content-Security-Policy", kPagePolicy},
                    {"X-Content-Type-Options", "nosniff"},
                    {"Referrer-Policy", "no-referrer"},
                    {"Cache-Control", "no-cache"}};
  return answer;
}

// The search APIs also take POST, for a pasted text longer than a request
// line (cpp-httplib refuses lines over 8 KiB; a query may be 20,000 bytes).
bool takes_post(const std::string& path) { return path == "/api/search" || path.rfind("/api/similar/", 0) == 0; }

// The server-rendered pages answer their errors as pages too.
bool is_page(const std::string& path) { return path.rfind("/story/", 0) == 0 || path.rfind("/person/", 0) == 0; }

HttpAnswer failure(const HttpRequest& request, int status, const std::string& message) {
  if (!is_page(request.path)) return error_answer(status, message);
  return html_answer(status, serve::message_html(status == 503 ? "Not available just now" : "Something went wrong",
                                                 message));
}

// The query string's parameters, then a POST body's.
serve::Params request_params(const HttpRequest& request) {
  serve::Params params = serve::parse_query_string(request.query);
  if (request.method == "POST") {
    serve::Params more = serve::parse_query_string(request.body);
    params.insert(params.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  return params;
}

}  // namespace

std::size_t default_service_threads() {
  // Searches are CPU work: a few more than cores keeps the CPU busy while
  // one waits on the disk, without sharing it among many.
  std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::max<std::size_t>(2 * cores, 4);
}

struct Service::Impl {
  ServiceOptions options;
  serve::Assets assets;
  serve::SearcherPool pool;
  serve::ParamLimits limits;
  serve::WorkGate gate;

  explicit Impl(ServiceOptions o)
      : options(std::move(o)),
        assets(options.assets_dir.empty() ? default_assets_dir() : options.assets_dir),
        pool(options.db_path, options.open),
        limits{options.max_query_bytes, options.max_limit, options.max_offset},
        gate(options.threads ? options.threads : default_service_threads()) {}

  using Deadline = std::optional<std::chrono::steady_clock::time_point>;
  HttpAnswer route(const HttpRequest& request, Deadline deadline);
  HttpAnswer page(const std::string& path) const;
  HttpAnswer search(const serve::Params& params, Deadline deadline);
  HttpAnswer similar(const std::string& id, const serve::Params& params, Deadline deadline);
  HttpAnswer run(SearchRequest request, serve::SearcherPool::Lease& lease, Deadline deadline);
  HttpAnswer article(const std::string& id, Deadline deadline);
  HttpAnswer story(const std::string& id, const serve::Params& params, Deadline deadline);
  HttpAnswer person(const std::string& name, Deadline deadline);
  SearchResponse search_quietly(SearchRequest request, serve::SearcherPool::Lease& lease, Deadline deadline);
  HttpAnswer health();
  void shown_sources(SearchResponse& response, serve::SearcherPool::Lease& lease) const;
  static std::optional<Article> stored_article(serve::SearcherPool::Lease& lease, const std::string& id);
  serve::WorkGate::Pass turn(Deadline deadline);
};

// A turn to search (serve/work_gate.h), waiting at most until the deadline.
// A request that waited past its deadline before it got here is refused
// without doing the work.
serve::WorkGate::Pass Service::Impl::turn(Deadline deadline) {
  if (deadline && std::chrono::steady_clock::now() >= *deadline) throw DeadlineExceeded("busy");
  auto pass = gate.enter(deadline ? *deadline : std::chrono::steady_clock::time_point::max());
  if (!pass) throw DeadlineExceeded("busy");
  return pass;
}

HttpAnswer Service::Impl::route(const HttpRequest& request, Deadline deadline) {
  const std::string& path = request.path;
  if (path == "/api/search") return search(request_params(request), deadline);
  if (path.rfind("/api/similar/", 0) == 0) return similar(path.substr(13), request_params(request), deadline);
  if (path == "/healthz") return health();
  if (path.rfind("/api/article/", 0) == 0) return article(path.substr(13), deadline);
  if (path.rfind("/story/", 0) == 0) return story(path.substr(7), request_params(request), deadline);
  if (path.rfind("/person/", 0) == 0) return person(path.substr(8), deadline);
  if (path == "/" || path == "/index.html" || path.rfind("/assets/", 0) == 0) return page(path);
  return error_answer(404, "no such page; the API is /api/search, /api/similar/ID, /api/article/ID and /healthz");
}

HttpAnswer Service::Impl::page(const std::string& path) const {
  const serve::Asset* asset = assets.find(path);
  if (!asset) {
    if (path == "/" || path == "/index.html") {
      return error_answer(404, "the search page is not installed (no index.html in " + assets.dir().string() + ")");
    }
    return error_answer(404, "no such file");
  }
  HttpAnswer answer;
  answer.content_type = asset->content_type;
  answer.body = asset->body;
  answer.headers = {{"Content-Security-Policy", kPagePolicy},
                    {"X-Content-Type-Options", "nosniff"},
                    {"Referrer-Policy", "no-referrer"},
                    {"Cache-Control", "no-cache"}};
  return answer;
}

HttpAnswer Service::Impl::search(const serve::Params& params, Deadline deadline) {
  SearchRequest request = serve::search_request_from_params(params, limits);
  auto pass = turn(deadline);
  auto lease = pool.checkout();
  return run(std::move(request), lease, deadline);
}

HttpAnswer Service::Impl::similar(const std::string& id, const serve::Params& params, Deadline deadline) {
  if (!is_article_id(id)) return error_answer(404, "no story with that id (ids are 16 hex digits)");
  SearchRequest request = serve::similar_request_from_params(id, params, limits);
  auto pass = turn(deadline);
  auto lease = pool.checkout();
  // Checked here rather than read from the core's QueryError, which also
  // stands for a bad q: an unknown story is a 404, a bad query a 400.
  auto unknown = [&] { return !stored_article(lease, id); };
  if (unknown()) return error_answer(404, "no story with id " + id);
  try {
    return run(std::move(request), lease, deadline);
  } catch (const QueryError&) {
    if (unknown()) return error_answer(404, "no story with id " + id);  // removed meanwhile
    throw;
  }
}

HttpAnswer Service::Impl::run(SearchRequest request, serve::SearcherPool::Lease& lease, Deadline deadline) {
  request.count_budget = options.count_budget;
  request.deadline = deadline;
  SearchResponse response;
  try {
    response = lease->search(request);
  } catch (const DatabaseError&) {
    lease.discard();  // the next request opens the database afresh
    throw;
  }
  // The searcher stops at its checks; one that passed the last of them
  // late is refused all the same rather than served late.
  if (deadline && std::chrono::steady_clock::now() > *deadline) throw DeadlineExceeded("late");
  shown_sources(response, lease);
  return json_answer(200, response_to_json(response));
}

// Sources as answers show them: relative to the archive's folders unless
// options.absolute_paths (ServiceOptions).
void Service::Impl::shown_sources(SearchResponse& response, serve::SearcherPool::Lease& lease) const {
  if (options.absolute_paths || response.hits.empty()) return;
  const std::vector<std::string> roots = lease->source_roots();
  for (auto& hit : response.hits) hit.article.source = relative_source(hit.article.source, roots);
}

// The stored story, or nullopt; a database error drops the searcher (the
// next request opens the database afresh) and propagates.
std::optional<Article> Service::Impl::stored_article(serve::SearcherPool::Lease& lease, const std::string& id) {
  try {
    return lease->article(id);
  } catch (const DatabaseError&) {
    lease.discard();
    throw;
  }
}

HttpAnswer Service::Impl::article(const std::string& id, Deadline deadline) {
  if (!is_article_id(id)) return error_answer(404, "no story with that id (ids are 16 hex digits)");
  auto pass = turn(deadline);
  auto lease = pool.checkout();
  std::optional<Article> found = stored_article(lease, id);
  if (!found) return error_answer(404, "no story with id " + id);
  if (!options.absolute_paths) found->source = relative_source(found->source, lease->source_roots());
  return json_answer(200, article_to_json(*found, id));
}

// A search for a page's side panel: a database error drops the searcher and
// propagates, a query error (a story with no telling words) gives no hits.
SearchResponse Service::Impl::search_quietly(SearchRequest request, serve::SearcherPool::Lease& lease,
                                             Deadline deadline) {
  request.count_budget = options.count_budget;
  request.deadline = deadline;
  try {
    return lease->search(request);
  } catch (const DatabaseError&) {
    lease.discard();
    throw;
  } catch (const QueryError&) {
    return {};
  }
}

HttpAnswer Service::Impl::story(const std::string& id, const serve::Params& params, Deadline deadline) {
  if (!is_article_id(id)) return html_answer(404, serve::message_html("No such story", "Story ids are 16 hex digits."));
  std::string query;
  for (const auto& [key, value] : params) {
    if (key == "q" && value.size() <= limits.max_query_bytes) query = value;
  }
  auto pass = turn(deadline);
  auto lease = pool.checkout();
  std::optional<Article> found = stored_article(lease, id);
  if (!found) return html_answer(404, serve::message_html("No such story", "No story has the id " + id + "."));
  SearchRequest like;
  like.like_id = id;
  like.limit = 5;
  const SearchResponse related = search_quietly(std::move(like), lease, deadline);
  return html_answer(200, serve::story_html({&*found, id, query, &related}));
}

HttpAnswer Service::Impl::person(const std::string& name, Deadline deadline) {
  SearchRequest recent;
  try {
    recent = serve::search_request_from_params({{"person", name}, {"sort", "date"}, {"facets", "1"}}, limits);
  } catch (const BadParameter& e) {
    return html_answer(404, serve::message_html("No such person", e.what()));
  }
  recent.facet_top = 11;  // the person and ten others
  auto pass = turn(deadline);
  auto lease = pool.checkout();
  const SearchResponse newest = search_quietly(recent, lease, deadline);
  if (newest.total == 0) {
    return html_answer(404, serve::message_html("No such person", "No story in the archive names " + name + "."));
  }
  // Most about them: the stories that use their name most, among those naming them.
  SearchRequest relevant = recent;
  relevant.sort = SortOrder::kRelevance;
  relevant.facets = false;
  std::string words = name;
  std::replace(words.begin(), words.end(), '"', ' ');
  relevant.query = "\"" + words + "\"";
  const SearchResponse best = search_quietly(std::move(relevant), lease, deadline);
  return html_answer(200, serve::person_html({name, &newest, &best}));
}

HttpAnswer Service::Impl::health() {
  try {
    auto lease = pool.checkout();
    json j = {{"status", "ok"}, {"documents", lease->document_count()}};
    return json_answer(200, j.dump());
  } catch (const DatabaseError& e) {
    json j = {{"status", "unavailable"}, {"error", e.what()}};
    return json_answer(503, j.dump(-1, ' ', false, json::error_handler_t::replace));
  }
}

Service::Service(ServiceOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Service::~Service() = default;

const ServiceOptions& Service::options() const { return impl_->options; }

std::vector<std::string> Service::startup_warnings() const {
  std::vector<std::string> warnings;
  for (const auto& name : impl_->assets.missing()) {
    warnings.push_back(fmt::format("no {} in {}: the page will answer 404 (set MORGUE_ASSETS_DIR)", name,
                                   impl_->assets.dir().string()));
  }
  try {
    auto lease = impl_->pool.checkout();
  } catch (const DatabaseError& e) {
    warnings.push_back(std::string(e.what()) + "; answering 503 until it can be opened");
  }
  return warnings;
}

HttpAnswer Service::handle(const HttpRequest& request) {
  const bool post = takes_post(request.path);
  if (request.method != "GET" && request.method != "HEAD" && !(post && request.method == "POST")) {
    HttpAnswer answer =
        error_answer(405, post ? "only GET, HEAD and POST are allowed here" : "only GET and HEAD are allowed");
    answer.headers.emplace_back("Allow", post ? "GET, HEAD, POST" : "GET, HEAD");
    return answer;
  }
  const double limit = impl_->options.time_limit_seconds;
  Impl::Deadline deadline;
  if (limit > 0) {
    const auto start =
        request.arrived != std::chrono::steady_clock::time_point{} ? request.arrived : std::chrono::steady_clock::now();
    deadline = start +
               std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(limit));
  }
  try {
    return impl_->route(request, deadline);
  } catch (const DeadlineExceeded&) {
    HttpAnswer answer = failure(request, 503, fmt::format("query took too long (over {:g} s) or the service is busy; "
                                                          "make it narrower or try again", limit));
    answer.headers.emplace_back("Retry-After", "1");
    return answer;
  } catch (const BadParameter& e) {
    return failure(request, 400, e.what());
  } catch (const QueryError& e) {
    return failure(request, 400, std::string("bad query: ") + e.what());
  } catch (const DatabaseError& e) {
    return failure(request, 503, e.what());
  } catch (const std::exception& e) {
    return failure(request, 500, std::string("internal error: ") + e.what());
  } catch (...) {
    // Xapian::Error is not a std::exception.
    return failure(request, 500, "internal error");
  }
}

}  // namespace morgue
