// CGI (RFC 3875): one request from the environment, one answer on stdout.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>

#include "morgue/service.h"
#include "serve/search_params.h"

namespace morgue {
namespace {

std::string env_or(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

const char* reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Internal Server Error" : "Error";
  }
}

// A POST body (the search APIs take their parameters there too), cut at
// the service's limit of 64 KiB: a query that long is refused anyway.
std::string read_body(const std::string& content_length) {
  constexpr std::size_t kMaxBody = 64 * 1024;
  std::size_t length = 0;
  for (char c : content_length) {
    if (c < '0' || c > '9' || length > kMaxBody) break;
    length = length * 10 + static_cast<std::size_t>(c - '0');
  }
  std::string body(std::min(length, kMaxBody), '\0');
  std::cin.read(body.data(), static_cast<std::streamsize>(body.size()));
  body.resize(static_cast<std::size_t>(std::cin.gcount()));
  return body;
}

}  // namespace

HttpRequest cgi_request_from_environment() {
  HttpRequest request;
  request.method = env_or("REQUEST_METHOD", "GET");
  // A script URL such as /cgi-bin/morgue-search/api/article/ID carries the
  // route in PATH_INFO; the bare script URL is the search API.
  request.path = serve::url_decode(env_or("PATH_INFO", "/api/search"), false);
  if (request.path.empty() || request.path == "/") request.path = "/api/search";
  request.query = env_or("QUERY_STRING", "");
  if (request.method == "POST") request.body = read_body(env_or("CONTENT_LENGTH", "0"));
  return request;
}

void write_cgi_answer(const HttpAnswer& answer, std::ostream& out) {
  // CGI servers accept LF line ends; a Status line only when it is not 200.
  if (answer.status != 200) out << "Status: " << answer.status << ' ' << reason(answer.status) << "\n";
  out << "Content-Type: " << answer.content_type
      << (answer.content_type.find("charset") == std::string::npos && answer.content_type.rfind("text/", 0) == 0
              ? "; charset=utf-8"
              : "")
      << "\n";
  for (const auto& [name, value] : answer.headers) out << name << ": " << value << "\n";
  out << "Content-Length: " << answer.body.size() << "\n\n" << answer.body << std::flush;
}

}  // namespace morgue
