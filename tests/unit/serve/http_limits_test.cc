// Issue 18, the parts of the service's limits that need no socket: request
// framing (RFC 9112), the FIFO search gate, and the searcher's deadline.
// The sockets themselves are tested end to end (tests/e2e/serve_limits_test.cc).
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "morgue/document.h"
#include "morgue/search.h"
#include "serve/http_framing.h"
#include "serve/work_gate.h"

namespace morgue::serve {
namespace {

using namespace std::chrono_literals;

struct FramingCase {
  const char* name;
  const char* method;
  const char* version;
  HeaderList headers;
  int status;  // 0: accepted
};

TEST(HttpFraming, RefusesWhatRfc9112Refuses) {
  const FramingCase cases[] = {
      {"plain GET", "GET", "HTTP/1.1", {{"Host", "a"}}, 0},
      {"HTTP/1.0 needs no Host", "GET", "HTTP/1.0", {}, 0},
      {"POST with a length", "POST", "HTTP/1.1", {{"Host", "a"}, {"Content-Length", "3"}}, 0},
      {"POST chunked", "POST", "HTTP/1.1", {{"Host", "a"}, {"transfer-encoding", "Chunked"}}, 0},
      {"GET with length 0", "GET", "HTTP/1.1", {{"Host", "a"}, {"Content-Length", "0"}}, 0},
      {"duplicate Content-Length", "POST", "HTTP/1.1",
       {{"Host", "a"}, {"Content-Length", "3"}, {"Content-Length", "3"}}, 400},
      {"conflicting Content-Length", "POST", "HTTP/1.1",
       {{"Host", "a"}, {"Content-Length", "3"}, {"content-length", "4"}}, 400},
      {"Content-Length list", "POST", "HTTP/1.1", {{"Host", "a"}, {"Content-Length", "3, 3"}}, 400},
      {"Content-Length sign", "POST", "HTTP/1.1", {{"Host", "a"}, {"Content-Length", "+3"}}, 400},
      {"Transfer-Encoding and Content-Length", "POST", "HTTP/1.1",
       {{"Host", "a"}, {"Content-Length", "3"}, {"Transfer-Encoding", "chunked"}}, 400},
      {"two Transfer-Encodings", "POST", "HTTP/1.1",
       {{"Host", "a"}, {"Transfer-Encoding", "chunked"}, {"Transfer-Encoding", "chunked"}}, 400},
      {"chunked not last", "POST", "HTTP/1.1", {{"Host", "a"}, {"Transfer-Encoding", "chunked, gzip"}}, 400},
      {"unknown coding", "POST", "HTTP/1.1", {{"Host", "a"}, {"Transfer-Encoding", "gzip, chunked"}}, 501},
      {"Transfer-Encoding in 1.0", "POST", "HTTP/1.0", {{"Transfer-Encoding", "chunked"}}, 400},
      {"space before colon", "POST", "HTTP/1.1", {{"Host", "a"}, {"Content-Length ", "3"}}, 400},
      {"folded line", "GET", "HTTP/1.1", {{"Host", "a"}, {" X-Folded", "b"}}, 400},
      {"no Host", "GET", "HTTP/1.1", {}, 400},
      {"two Hosts", "GET", "HTTP/1.1", {{"Host", "a"}, {"Host", "b"}}, 400},
      {"GET with a body", "GET", "HTTP/1.1", {{"Host", "a"}, {"Content-Length", "5"}}, 400},
      {"HEAD chunked", "HEAD", "HTTP/1.1", {{"Host", "a"}, {"Transfer-Encoding", "chunked"}}, 400},
  };
  for (const auto& c : cases) {
    FramingVerdict v = check_framing(c.method, c.version, c.headers);
    EXPECT_EQ(v.status, c.status) << c.name << ": " << v.reason;
    EXPECT_EQ(v.reason.empty(), c.status == 0) << c.name;
  }
}

TEST(WorkGate, LetsSlotsInAtOnceAndTimesOutTheRest) {
  WorkGate gate(2);
  auto soon = WorkGate::Clock::now() + 50ms;
  WorkGate::Pass a = gate.enter(soon), b = gate.enter(soon);
  EXPECT_TRUE(a);
  EXPECT_TRUE(b);
  WorkGate::Pass c = gate.enter(WorkGate::Clock::now() + 20ms);
  EXPECT_FALSE(c);
  EXPECT_EQ(gate.waiting(), 0u);  // a waiter that gave up leaves the queue
  a = WorkGate::Pass();
  EXPECT_EQ(gate.free_slots(), 1u);
  EXPECT_TRUE(gate.enter(WorkGate::Clock::now()));
}

TEST(WorkGate, HandsFreedSlotsOutInArrivalOrder) {
  WorkGate gate(1);
  auto held = std::make_unique<WorkGate::Pass>(gate.enter(WorkGate::Clock::now() + 1s));
  std::vector<int> order;
  std::mutex mutex;
  std::vector<std::thread> waiters;
  for (int i = 0; i < 5; ++i) {
    waiters.emplace_back([&, i] {
      WorkGate::Pass pass = gate.enter(WorkGate::Clock::now() + 10s);
      ASSERT_TRUE(pass);
      std::lock_guard lock(mutex);
      order.push_back(i);
    });
    // Each waiter queued before the next starts.
    while (gate.waiting() < static_cast<std::size_t>(i + 1)) std::this_thread::yield();
  }
  held.reset();
  for (auto& t : waiters) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_EQ(gate.free_slots(), 1u);
}

Xapian::Database archive_of(int stories) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < stories; ++i) {
    Article a;
    a.title = "Harbour report " + std::to_string(i);
    a.body = "The harbour authority met again on day " + std::to_string(i) + " to discuss the dredging plan.";
    db.add_document(make_document(a, std::to_string(1000 + i)));
  }
  db.commit();
  return db;
}

TEST(SearchDeadline, APassedDeadlineStopsTheSearch) {
  Searcher searcher(archive_of(30));
  SearchRequest request;
  request.query = "harbour";
  EXPECT_EQ(searcher.search(request).hits.size(), 10u);
  request.deadline = std::chrono::steady_clock::now() + 60s;
  EXPECT_EQ(searcher.search(request).hits.size(), 10u);
  request.deadline = std::chrono::steady_clock::now() - 1ms;
  EXPECT_THROW(searcher.search(request), DeadlineExceeded);
  request.facets = true;
  EXPECT_THROW(searcher.search(request), DeadlineExceeded);
}

}  // namespace
}  // namespace morgue::serve
