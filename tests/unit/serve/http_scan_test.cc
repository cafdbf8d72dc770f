// Where one request ends in a connection's bytes (serve/http_scan.h): the
// event loop hands a request to a worker only when this says it is whole.
#include <string>

#include <gtest/gtest.h>

#include "serve/http_scan.h"

namespace morgue::serve {
namespace {

using State = RequestScan::State;

struct ScanCase {
  const char* name;
  std::string bytes;
  State state;
  std::size_t length;  // kComplete, kCut
  std::size_t head;    // head_bytes
  bool expects_continue = false;
};

const std::string kGet = "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n";                         // 34 bytes
const std::string kPost = "POST /api/search HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n";  // 57 bytes

TEST(HttpScan, FindsTheEndOfOneRequest) {
  const ScanCase cases[] = {
      {"nothing yet", "", State::kIncomplete, 0, 0},
      {"half a request line", "GET /hea", State::kIncomplete, 0, 0},
      {"no blank line yet", "GET / HTTP/1.1\r\nHost: a\r\n", State::kIncomplete, 0, 0},
      {"a GET", kGet, State::kComplete, kGet.size(), kGet.size()},
      {"a GET and the next one's start", kGet + "GET /", State::kComplete, kGet.size(), kGet.size()},
      {"two pipelined GETs: the first", kGet + kGet, State::kComplete, kGet.size(), kGet.size()},
      {"no headers at all (HTTP/1.0)", "GET / HTTP/1.0\r\n\r\n", State::kComplete, 18, 18},
      {"a line ending in LF alone is skipped, as cpp-httplib does", "GET / HTTP/1.1\r\nX: b\nHost: a\r\n\r\n",
       State::kComplete, 32, 32},
      {"a POST waiting for its body", kPost + "q=", State::kIncomplete, 0, kPost.size()},
      {"a POST with its body", kPost + "q=a", State::kComplete, kPost.size() + 3, kPost.size()},
      {"a POST and a pipelined GET", kPost + "q=a" + kGet, State::kComplete, kPost.size() + 3, kPost.size()},
      {"a POST without a length has no body", "POST /api/search HTTP/1.1\r\nHost: a\r\n\r\nq=a", State::kComplete,
       38, 38},
      {"a chunked body", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nq=a\r\n0\r\n\r\n",
       State::kComplete, 69, 56},
      {"a chunked body, upper-case hex, two chunks",
       "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n1\r\nx\r\n0\r\n\r\nGET",
       State::kComplete, 82, 56},
      {"a chunked body without its last line",
       "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nq=a\r\n0\r\n", State::kIncomplete, 0, 56},
      {"a chunk's data not all in",
       "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc", State::kIncomplete, 0, 56},
      {"a chunk size that is not hex",
       "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc", State::kCut, 60, 56},
      {"chunk data not followed by CRLF",
       "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nabc\r\n", State::kCut, 60, 56},
      {"a body over the limit is not waited for",
       "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 70000\r\n\r\nq=", State::kCut, 51, 51},
      {"a chunk over the limit is not waited for",
       "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n20000\r\nab", State::kCut, 63, 56},
      {"framing refused: two lengths (the parser answers 400 from the head)",
       "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nq=a", State::kCut, 66, 66},
      {"framing refused: a GET with a body", "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
       State::kCut, 46, 46},
      {"framing refused: no Host", "GET / HTTP/1.1\r\n\r\n", State::kCut, 18, 18},
      {"Expect: 100-continue, body not in", kPost.substr(0, kPost.size() - 2) + "Expect: 100-continue\r\n\r\n",
       State::kIncomplete, 0, kPost.size() + 22, true},
      {"Expect: 100-continue, body in", kPost.substr(0, kPost.size() - 2) + "Expect: 100-continue\r\n\r\nq=a",
       State::kComplete, kPost.size() + 25, kPost.size() + 22, false},
  };
  for (const auto& c : cases) {
    RequestScan r = scan_request(c.bytes);
    EXPECT_EQ(r.state, c.state) << c.name;
    if (c.state != State::kIncomplete) {
      EXPECT_EQ(r.length, c.length) << c.name;
    }
    EXPECT_EQ(r.head_bytes, c.head) << c.name;
    EXPECT_EQ(r.expects_continue, c.expects_continue) << c.name;
  }
}

TEST(HttpScan, ReadsMethodAndTargetAndSaysHowMuchToWaitFor) {
  RequestScan r = scan_request(kGet);
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.target, "/healthz");
  r = scan_request("GET /api/search?q=a%20b HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_EQ(r.target, "/api/search?q=a%20b");
  // A body of 3 bytes: nothing can change before the 57 + 3 bytes are in.
  r = scan_request(kPost + "q");
  EXPECT_EQ(r.state, State::kIncomplete);
  EXPECT_EQ(r.wanted, kPost.size() + 3);
}

TEST(HttpScan, AHeadOverTheLimitIsCut) {
  ScanLimits limits;
  limits.max_head_bytes = 100;
  const std::string line = "GET /" + std::string(200, 'a') + " HTTP/1.1\r\n";
  RequestScan r = scan_request(line.substr(0, 90), limits);
  EXPECT_EQ(r.state, State::kIncomplete);
  r = scan_request(line, limits);
  EXPECT_EQ(r.state, State::kCut);
  EXPECT_EQ(r.length, 100u);  // the parser sees the head cut at the limit, and refuses it
  r = scan_request(line + "Host: a\r\n\r\nGET", limits);
  EXPECT_EQ(r.state, State::kCut);
  EXPECT_EQ(r.length, 100u);
}

}  // namespace
}  // namespace morgue::serve
