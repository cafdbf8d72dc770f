// Request framing as RFC 9112 wants it checked, apart from the socket library
// so that it can be table-tested: a request whose length or target a proxy
// in front of Morgue could read differently (request smuggling) is refused.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace morgue::serve {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct FramingVerdict {
  int status = 0;      // 0: the request is well framed; else 400 or 501
  std::string reason;  // one line for the client, naming the header
};

// Checks a parsed request's header lines (in any order, names as sent):
// - every name is an RFC 9110 token (no space before the colon, no folded line);
// - Content-Length at most once, and only digits;
// - Transfer-Encoding at most once, never with Content-Length, never in
//   HTTP/1.0, and ending in "chunked" (another coding before it: 501);
// - an HTTP/1.1 request has exactly one Host;
// - GET and HEAD carry no body (Morgue never reads one, so its bytes would
//   be taken for the next request).
// A refused request's connection must be closed after the answer.
FramingVerdict check_framing(std::string_view method, std::string_view version, const HeaderList& headers);

}  // namespace morgue::serve
