#include "serve/http_scan.h"

#include <algorithm>
#include <cctype>

#include "serve/http_framing.h"

namespace morgue::serve {
namespace {

using State = RequestScan::State;

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

RequestScan later(RequestScan r, std::size_t wanted) {
  r.wanted = wanted;
  return r;
}

RequestScan finish(RequestScan r, State state, std::size_t length) {
  r.state = state;
  r.length = length;
  return r;
}

// The request line's method and target (split at single spaces, as
// cpp-httplib does), and the version that follows them.
std::string_view request_line(std::string_view line, RequestScan& r) {
  if (line.size() >= 2 && line.substr(line.size() - 2) == "\r\n") line.remove_suffix(2);
  auto first = line.find(' ');
  if (first == std::string_view::npos) return {};
  auto second = line.find(' ', first + 1);
  r.method = line.substr(0, first);
  r.target = line.substr(first + 1, second == std::string_view::npos ? std::string_view::npos : second - first - 1);
  return second == std::string_view::npos ? std::string_view() : line.substr(second + 1);
}

// Header lines between the request line and the blank line; like
// cpp-httplib, a line not ending in CRLF is skipped.
HeaderList header_lines(std::string_view block) {
  HeaderList headers;
  while (!block.empty()) {
    auto nl = block.find('\n');
    std::string_view line = block.substr(0, nl == std::string_view::npos ? block.size() : nl + 1);
    block.remove_prefix(line.size());
    if (line.size() < 2 || line.substr(line.size() - 2) != "\r\n") continue;
    line.remove_suffix(2);
    auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    headers.emplace_back(std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1))));
  }
  return headers;
}

const std::string* header(const HeaderList& headers, std::string_view name) {
  for (const auto& [n, v] : headers) {
    if (same_name(n, name)) return &v;
  }
  return nullptr;
}

// A chunked body from `pos` (RFC 9112 7.1, as cpp-httplib reads it: a hex
// size line, the data, CRLF; a zero size, then one blank line; no trailers).
RequestScan chunked_body(RequestScan r, std::string_view bytes, std::size_t pos, const ScanLimits& limits) {
  const std::size_t start = pos;
  std::size_t payload = 0;
  while (true) {
    if (bytes.size() - start > 2 * limits.max_body_bytes + 64) return finish(r, State::kCut, bytes.size());
    auto nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) return later(r, bytes.size() + 1);
    std::size_t i = pos, size = 0;
    while (i < nl && (bytes[i] == ' ' || bytes[i] == '\t')) ++i;
    const std::size_t digits = i;
    for (; i < nl && std::isxdigit(static_cast<unsigned char>(bytes[i])) && size <= limits.max_body_bytes; ++i) {
      size = size * 16 + static_cast<std::size_t>(std::isdigit(static_cast<unsigned char>(bytes[i]))
                                                      ? bytes[i] - '0'
                                                      : std::tolower(static_cast<unsigned char>(bytes[i])) - 'a' + 10);
    }
    if (i == digits || size > limits.max_body_bytes - std::min(payload, limits.max_body_bytes)) {
      return finish(r, State::kCut, nl + 1);
    }
    pos = nl + 1;
    if (size == 0) {
      auto end = bytes.find('\n', pos);
      return end == std::string_view::npos ? later(r, bytes.size() + 1) : finish(r, State::kComplete, end + 1);
    }
    payload += size;
    if (bytes.size() < pos + size + 2) return later(r, pos + size + 2);
    if (bytes.substr(pos + size, 2) != "\r\n") return finish(r, State::kCut, pos + size);
    pos += size + 2;
  }
}

}  // namespace

RequestScan scan_request(std::string_view bytes, const ScanLimits& limits) {
  RequestScan r;
  const auto first_nl = bytes.find('\n');
  const auto blank = first_nl == std::string_view::npos ? first_nl : bytes.find("\n\r\n", first_nl);
  if (blank == std::string_view::npos || blank + 3 > limits.max_head_bytes) {
    if (bytes.size() <= limits.max_head_bytes) return later(r, bytes.size() + 1);
    // The parser gets the head cut at the limit, and answers 400 (414 when
    // the request line alone is too long).
    return finish(r, State::kCut, limits.max_head_bytes);
  }
  const std::size_t head = blank + 3;
  r.head_bytes = head;
  const std::string_view version = request_line(bytes.substr(0, first_nl + 1), r);
  const HeaderList headers = header_lines(bytes.substr(first_nl + 1, head - first_nl - 3));
  if (check_framing(r.method, version, headers).status) return finish(r, State::kCut, head);
  if (header(headers, "Transfer-Encoding")) {
    r = chunked_body(r, bytes, head, limits);
  } else if (const std::string* length = header(headers, "Content-Length")) {
    const std::size_t body = length->size() > 9 ? limits.max_body_bytes + 1 : std::stoul(*length);
    if (body > limits.max_body_bytes) return finish(r, State::kCut, head);
    r = bytes.size() >= head + body ? finish(r, State::kComplete, head + body) : later(r, head + body);
  } else {
    r = finish(r, State::kComplete, head);
  }
  const std::string* expect = header(headers, "Expect");
  r.expects_continue = r.state == State::kIncomplete && expect && *expect == "100-continue";
  return r;
}

}  // namespace morgue::serve
