// Where one HTTP/1.1 request ends in the bytes read from a connection, apart
// from any socket so that it can be table-tested. The event loop
// (serve/event_loop.h) reads without blocking and hands a request to a worker
// only once it is whole; this tells it when that is, with the same line rules
// as cpp-httplib 0.11 (lines end in "\n"; the head ends at a line that is
// exactly "\r\n") and the same framing rules as serve/http_framing.h.
#pragma once

#include <cstddef>
#include <string_view>

namespace morgue::serve {

struct ScanLimits {
  std::size_t max_head_bytes = 64 * 1024;  // request line and headers
  std::size_t max_body_bytes = 64 * 1024;  // a body's payload (chunk framing may add as much again)
};

struct RequestScan {
  // kIncomplete: wait for more bytes. kComplete: `length` bytes are one
  // request. kCut: the request breaks a limit or its framing cannot be
  // followed; the first `length` bytes go to the parser all the same (which
  // answers 400, 413 or 414 from them) and the connection is closed after.
  enum class State { kIncomplete, kComplete, kCut };
  State state = State::kIncomplete;
  std::size_t length = 0;
  std::size_t head_bytes = 0;     // the head's bytes, blank line included, once it is whole; else 0
  std::size_t wanted = 0;         // kIncomplete: the answer cannot change before this many bytes
  bool expects_continue = false;  // "Expect: 100-continue" and the body not yet whole
  std::string_view method;        // from the request line, once the head is whole
  std::string_view target;
};

// Scans `bytes`, which start at a request's first byte. Never reads past
// `bytes`; the views in the result point into it.
RequestScan scan_request(std::string_view bytes, const ScanLimits& limits = {});

}  // namespace morgue::serve
