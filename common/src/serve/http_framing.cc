#include "serve/http_framing.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace morgue::serve {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// RFC 9110 5.6.2: tchar.
bool is_token(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return (u > 0x20 && u < 0x7F && !std::strchr("\"(),/:;<=>?@[\\]{}", c));
  });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The codings of a Transfer-Encoding value, lower-cased, in order.
std::vector<std::string> codings(std::string_view value) {
  std::vector<std::string> out;
  while (true) {
    auto comma = value.find(',');
    std::string coding(trim(value.substr(0, comma)));
    std::transform(coding.begin(), coding.end(), coding.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.push_back(coding);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return out;
}

FramingVerdict refuse(int status, std::string reason) { return FramingVerdict{status, std::move(reason)}; }

FramingVerdict check_transfer_encoding(std::string_view version, std::string_view value) {
  if (version == "HTTP/1.0") return refuse(400, "Transfer-Encoding is not allowed in HTTP/1.0");
  auto list = codings(value);
  if (list.back() != "chunked") return refuse(400, "Transfer-Encoding must end in chunked");
  if (list.size() > 1) return refuse(501, "only the chunked transfer coding is supported");
  return {};
}

}  // namespace

FramingVerdict check_framing(std::string_view method, std::string_view version, const HeaderList& headers) {
  std::size_t lengths = 0, encodings = 0, hosts = 0;
  std::string_view length, encoding;
  for (const auto& [name, value] : headers) {
    if (!is_token(name)) return refuse(400, "malformed header name");
    if (same_name(name, "Content-Length")) {
      ++lengths;
      length = trim(value);
    } else if (same_name(name, "Transfer-Encoding")) {
      ++encodings;
      encoding = value;
    } else if (same_name(name, "Host")) {
      ++hosts;
    }
  }
  if (lengths > 1) return refuse(400, "more than one Content-Length");
  if (encodings > 1) return refuse(400, "more than one Transfer-Encoding");
  if (lengths && encodings) return refuse(400, "both Content-Length and Transfer-Encoding");
  if (lengths && (length.empty() || length.size() > 18 ||
                  !std::all_of(length.begin(), length.end(), [](char c) { return c >= '0' && c <= '9'; }))) {
    return refuse(400, "Content-Length is not a number");
  }
  if (encodings) {
    FramingVerdict v = check_transfer_encoding(version, encoding);
    if (v.status) return v;
  }
  if (version == "HTTP/1.1" && hosts != 1) return refuse(400, hosts ? "more than one Host" : "no Host header");
  const bool body = encodings || (lengths && length.find_first_not_of('0') != std::string_view::npos);
  if (body && (method == "GET" || method == "HEAD")) return refuse(400, "a GET or HEAD request has no body");
  return {};
}

}  // namespace morgue::serve
