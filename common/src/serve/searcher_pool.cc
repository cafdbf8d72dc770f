#include "serve/searcher_pool.h"

namespace morgue::serve {

SearcherPool::SearcherPool(std::string db_path, OpenOptions open) : db_path_(std::move(db_path)), open_(open) {}

SearcherPool::Lease::Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher)
    : pool_(&pool), searcher_(std::move(searcher)) {}

SearcherPool::Lease::~Lease() {
  if (searcher_) pool_->give_back(std::move(searcher_));
}

SearcherPool::Lease SearcherPool::checkout() {
  std::unique_ptr<Searcher> searcher;
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (searcher) {
    // The nightly indexer may have committed since this searcher's last
    // request; reopen() is cheap when nothing changed. A database that was
    // replaced or removed underneath fails here: open it again from scratch.
    try {
      searcher->reopen();
      return Lease(*this, std::move(searcher));
    } catch (const DatabaseError&) {
      searcher.reset();
    }
  }
  return Lease(*this, std::make_unique<Searcher>(db_path_, open_));
}

std::size_t SearcherPool::idle() const {
  std::lock_guard lock(mutex_);
  return idle_.size();
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(searcher));
}

}  // namespace morgue::serve
