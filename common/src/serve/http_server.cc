// The transport: cpp-httplib (Debian's libcpp-httplib) in front of Service.
#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <pthread.h>

#include "morgue/service.h"
#include "serve/http_connection.h"
#include "serve/http_framing.h"

namespace morgue {
namespace {

using Clock = std::chrono::steady_clock;

// A request body (the POST search APIs' parameters).
constexpr std::size_t kMaxPayloadBytes = 64 * 1024;

// When the current worker's request started: set before routing and read by
// the logger, which httplib calls on the same thread after the answer.
thread_local Clock::time_point request_start{};

std::string utc_now() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

// The request target as sent, with anything unprintable replaced so that a
// client cannot forge log lines.
std::string printable(std::string_view text, std::size_t max) {
  std::string out;
  for (char c : text.substr(0, max)) {
    auto u = static_cast<unsigned char>(c);
    out.push_back(u < 0x21 || u == 0x7F ? '?' : c);
  }
  if (text.size() > max) out += "...";
  return out;
}

class AccessLog {
 public:
  explicit AccessLog(std::ostream* out) : out_(out) {}
  void write(const httplib::Request& req, const httplib::Response& res) {
    if (!out_) return;
    std::string ms = "-";
    if (request_start != Clock::time_point{}) {
      ms = fmt::format("{:.1f}ms", std::chrono::duration<double, std::milli>(Clock::now() - request_start).count());
      request_start = Clock::time_point{};
    }
    auto or_dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
    std::string line = fmt::format("{} {} {} {} {} {} {}\n", utc_now(), printable(or_dash(req.remote_addr), 64),
                                   printable(or_dash(req.method), 16),
                                   printable(or_dash(req.target.empty() ? req.path : req.target), 2048),
                                   res.status, res.body.size(), ms);
    std::lock_guard lock(mutex_);
    *out_ << line << std::flush;
  }

 private:
  std::ostream* out_;
  std::mutex mutex_;
};

void apply(const HttpAnswer& answer, httplib::Response& res) {
  res.status = answer.status;
  for (const auto& [name, value] : answer.headers) res.set_header(name, value);
  res.set_content(answer.body, answer.content_type);
}

Clock::time_point arrived() { return serve::GuardedServer::arrived(); }

std::string query_part(const std::string& target) {
  auto q = target.find('?');
  return q == std::string::npos ? std::string() : target.substr(q + 1);
}

// Errors httplib answers by itself (414 URI too long, 400 malformed, 413
// body too large) get the same JSON shape as ours.
void json_error_body(const httplib::Request&, httplib::Response& res) {
  if (!res.body.empty()) return;  // one of Service's answers: already JSON
  std::string message = res.status == 414   ? "request line too long"
                        : res.status == 413 ? "request body too large"
                        : res.status == 404 ? "not found"
                        : res.status >= 500 ? "internal error"
                                            : "bad request";
  nlohmann::json j = {{"error", message}};
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(j.dump(), "application/json");
}

std::pair<std::string, int> printable_address(const ServiceOptions& options, int port) {
  bool v6 = options.host.find(':') != std::string::npos;
  return {v6 ? "[" + options.host + "]" : options.host, port};
}

// GET and HEAD are answered before httplib's regex routing (long paths
// would make std::regex recurse deeply); other methods fall through to
// routing, which finds nothing and hands them back to Service below.
// RFC 9112 framing (serve/http_framing.h), before anything reads a body:
// true when the request was refused and the connection is to be closed.
bool refuse_framing(const httplib::Request& req, httplib::Response& res) {
  serve::HeaderList headers(req.headers.begin(), req.headers.end());
  serve::FramingVerdict verdict = serve::check_framing(req.method, req.version, headers);
  if (!verdict.status) return false;
  res.status = verdict.status;
  res.set_header("Connection", "close");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(nlohmann::json{{"error", "bad request framing: " + verdict.reason}}.dump(), "application/json");
  serve::GuardedServer::close_after_answer();
  return true;
}

void route(httplib::Server& server, Service& service) {
  server.set_pre_routing_handler([&service](const httplib::Request& req, httplib::Response& res) {
    request_start = Clock::now();
    if (refuse_framing(req, res)) return httplib::Server::HandlerResponse::Handled;
    if (req.method != "GET" && req.method != "HEAD") return httplib::Server::HandlerResponse::Unhandled;
    apply(service.handle(HttpRequest{req.method, req.path, query_part(req.target), "", arrived()}), res);
    return httplib::Server::HandlerResponse::Handled;
  });
  // POST to the search APIs (a pasted text too long for a request line).
  // A content-reader handler reads the body itself, within the 64 KiB
  // payload limit: httplib would refuse a form-encoded body over 8 KiB.
  // The pattern is bounded so that the regex cannot recurse deeply.
  server.Post(R"(/api/(search|similar/[^/]{0,64}))",
              [&service](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& read) {
                std::string body;
                read([&body](const char* data, std::size_t size) {
                  body.append(data, size);
                  return true;
                });
                apply(service.handle(
                          HttpRequest{req.method, req.path, query_part(req.target), std::move(body), arrived()}),
                      res);
              });
  server.set_error_handler([&service](const httplib::Request& req, httplib::Response& res) {
    // A method or path that routing did not take (a POST elsewhere, a PUT,
    // a POST without a body): Service gives the answer (405 with Allow, 404,
    // or 400 for a search without parameters).
    if (res.body.empty() && res.status == 404 && !req.method.empty()) {
      apply(service.handle(HttpRequest{req.method, req.path, query_part(req.target), "", arrived()}), res);
      return;
    }
    json_error_body(req, res);
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(R"({"error":"internal error"})", "application/json");
  });
}

// Requests that never wait behind searches (the quick lane of
// serve/event_loop.h): the health check and the page's files.
bool quick_request(std::string_view method, std::string_view target) {
  if (method != "GET" && method != "HEAD") return false;
  std::string_view path = target.substr(0, target.find('?'));
  return path == "/healthz" || path == "/" || path == "/index.html" || path.rfind("/assets/", 0) == 0;
}

serve::ConnectionLimits connection_limits(const ServiceOptions& options) {
  serve::ConnectionLimits limits;
  // As many workers as searches may run at once (Service's gate), so that a
  // worker never waits at the gate; quick requests have a lane of their own.
  limits.workers = options.threads ? options.threads : default_service_threads();
  limits.quick_workers = 1;
  auto ms = [](double seconds) { return std::chrono::milliseconds(static_cast<long long>(seconds * 1000)); };
  limits.max_connections = std::max<std::size_t>(options.max_connections, 1);
  limits.header_timeout = ms(options.header_timeout_seconds);
  limits.body_timeout = ms(options.body_timeout_seconds);
  limits.idle_timeout = ms(options.idle_timeout_seconds);
  limits.write_timeout = ms(options.write_timeout_seconds);
  limits.backlog = options.listen_backlog;
  limits.scan.max_body_bytes = kMaxPayloadBytes;
  return limits;
}

// Limits, routes, access log. Connections and their timeouts are
// GuardedServer's (serve/http_connection.h); searches at once, Service's.
void configure(httplib::Server& server, Service& service, AccessLog& access_log) {
  server.set_payload_max_length(kMaxPayloadBytes);
  server.set_tcp_nodelay(true);
  if (service.options().host.find(':') != std::string::npos) server.set_address_family(AF_INET6);
  route(server, service);
  server.set_logger([&access_log](const httplib::Request& req, const httplib::Response& res) {
    // After an answer to a request httplib could not read whole, the
    // connection's framing is unknown: close it.
    if (res.status == 400 || res.status == 413 || res.status == 414 || res.status == 431 || res.status == 501) {
      serve::GuardedServer::close_after_answer();
    }
    access_log.write(req, res);
  });
}

// The port listened on (the chosen one when options.port is 0), or nullopt.
std::optional<int> bind_port(httplib::Server& server, const ServiceOptions& options) {
  if (options.port == 0) {
    int port = server.bind_to_any_port(options.host);
    return port > 0 ? std::optional<int>(port) : std::nullopt;
  }
  return server.bind_to_port(options.host, options.port) ? std::optional<int>(options.port) : std::nullopt;
}

// SIGINT/SIGTERM are taken by a watcher thread (blocked everywhere else,
// including the workers, which inherit the mask) that stops the server;
// a plain signal handler could not call stop() safely. Block them before
// the workers start; the old mask comes back at the end of the scope.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, &old_mask_);
  }
  ~StopSignals() { pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr); }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // Serves on the bound server until SIGINT or SIGTERM, then waits for the
  // answers under way.
  void serve(serve::GuardedServer& server, std::ostream& log) {
    std::atomic<bool> finished{false};
    std::thread watcher([&] {
      const timespec tick{0, 200'000'000};
      bool stopping = false;
      while (!finished) {
        int sig = sigtimedwait(&signals_, nullptr, &tick);
        if ((sig == SIGINT || sig == SIGTERM) && !stopping) {
          log << "morgue-serve: stopping (signal " << sig << ")\n" << std::flush;
          stopping = true;
          server.stop();  // before serve() runs too: it then returns at once
        }
      }
    });
    server.serve();
    finished = true;
    watcher.join();
  }

 private:
  sigset_t signals_, old_mask_;
};

}  // namespace

int run_service(const ServiceOptions& options, std::ostream& log) {
  Service service(options);
  for (const auto& w : service.startup_warnings()) log << "morgue-serve: warning: " << w << "\n";
  AccessLog access_log(options.access_log);
  const std::size_t threads = options.threads ? options.threads : default_service_threads();
  serve::GuardedServer server(connection_limits(options), quick_request);
  configure(server, service, access_log);
  StopSignals signals;
  std::optional<int> port = bind_port(server, options);
  if (!port || !server.widen_backlog()) {
    log << "morgue-serve: cannot listen on " << printable_address(options, options.port).first << ":" << options.port
        << "\n";
    return 2;
  }
  auto [host, shown_port] = printable_address(options, *port);
  log << "morgue-serve: listening on http://" << host << ":" << shown_port << "/ (" << threads
      << " searches at once, up to " << server.limits().max_connections
      << " connections, database " << options.db_path << ")\n"
      << std::flush;
  signals.serve(server, log);
  log << "morgue-serve: stopped\n";
  return 0;
}

}  // namespace morgue
