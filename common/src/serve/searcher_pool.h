// Searchers shared by the service's worker threads. A Searcher is not
// thread-safe, so each request checks one out for its own use and gives it
// back; the pool opens another when all are busy, so it never holds more
// searchers than there were concurrent requests.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "morgue/search.h"

namespace morgue::serve {

class SearcherPool {
 public:
  // Opens nothing yet: a missing database is reported by checkout(). Every
  // searcher is opened with `open` (strictness and timeouts for shards).
  SearcherPool(std::string db_path, OpenOptions open);

  // A searcher checked out for one request; goes back to the pool when the
  // lease ends, unless discard() was called (after a database error, so the
  // next request opens the database afresh).
  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher);
    ~Lease();
    Lease(Lease&&) noexcept = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Searcher& operator*() { return *searcher_; }
    Searcher* operator->() { return searcher_.get(); }
    void discard() { searcher_.reset(); }

   private:
    SearcherPool* pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  // An idle searcher brought up to the latest committed revision (reopen()),
  // or a newly opened one. Thread-safe. Throws DatabaseError when the
  // database cannot be opened.
  Lease checkout();

  std::size_t idle() const;

 private:
  void give_back(std::unique_ptr<Searcher> searcher);

  std::string db_path_;
  OpenOptions open_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Searcher>> idle_;
};

}  // namespace morgue::serve
