// Searcher: opening, reopening, reading one story, and one search's steps
// (the query, the ranked list, the hits, the facets, spelling), with the
// retries Xapian's errors call for. The steps live in searcher_*.cc
// (search/searcher_impl.h lists them).
#include "morgue/search.h"

#include <chrono>
#include <filesystem>

#include <fmt/format.h>
#include <xapian.h>

#include "morgue/document.h"
#include "morgue/schema.h"
#include "search/date_query.h"
#include "search/searcher_impl.h"
#include "search/spelling.h"
#include "store/file_state.h"
#include "util/strings.h"

namespace morgue {
namespace searcher_internal {

void check_deadline(const SearchRequest& req, const char* stage) {
  if (req.deadline && std::chrono::steady_clock::now() > *req.deadline) {
    throw DeadlineExceeded(std::string("time limit passed ") + stage);
  }
}

}  // namespace searcher_internal

using searcher_internal::check_deadline;
using searcher_internal::count_facets_by_value;

namespace {

Xapian::Database open_database(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw DatabaseError(fmt::format("no database at {} (create one with morgue-index)", path));
  }
  try {
    return Xapian::Database(path);
  } catch (const Xapian::Error& e) {
    throw DatabaseError(fmt::format("cannot open database {}: {}", path, e.get_msg()));
  }
}

}  // namespace

Searcher::Searcher(const std::string& db_path) : Searcher(db_path, OpenOptions{}) {}

Searcher::Searcher(const std::string& db_path, const OpenOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->path = db_path;
  if (auto stub = stub_file(db_path)) {
    impl_->shards = std::make_unique<ShardSet>(*stub, options);
    impl_->db = impl_->shards->database();
  } else {
    impl_->db = open_database(db_path);
  }
}

Searcher::Searcher(const Xapian::Database& db) : impl_(std::make_unique<Impl>()) {
  impl_->path = db.get_description();  // names the database in errors
  impl_->db = db;
  impl_->caller_handle = true;
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

std::size_t Searcher::document_count() const { return impl_->db.get_doccount(); }

std::vector<std::string> Searcher::source_roots() const {
  try {
    return decode_roots(impl_->db.get_metadata(std::string(schema::kRootsKey)));
  } catch (const Xapian::Error&) {
    return {};  // a remote shard that cannot say: sources become file names
  }
}

bool Searcher::reopen() {
  try {
    if (impl_->shards) {
      bool changed = impl_->shards->reopen();
      impl_->db = impl_->shards->database();
      impl_->reopened();
      return changed;
    }
    impl_->reopened();
    return impl_->db.reopen();
  } catch (const Xapian::Error& e) {
    throw DatabaseError(fmt::format("cannot reopen database {}: {}", impl_->path, e.get_msg()));
  }
}

std::optional<Article> Searcher::article(const std::string& id) {
  std::string term = schema::make_term(schema::kIdPrefix, id);
  try {
    for (int attempt = 0;; ++attempt) {
      try {
        auto p = impl_->db.postlist_begin(term);
        if (p == impl_->db.postlist_end(term)) return std::nullopt;
        return article_from_document(impl_->db.get_document(*p));
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt > 2) throw;
        impl_->db.reopen();
        impl_->reopened();
      }
    }
  } catch (const Xapian::Error& e) {
    throw DatabaseError(fmt::format("cannot read database {}: {}", impl_->path, e.get_msg()));
  }
}

SearchResponse Searcher::search(const SearchRequest& request) {
  if (impl_->shards && impl_->shards->retry_down()) {
    impl_->db = impl_->shards->database();
    impl_->reopened();
  }
  for (int attempt = 0;; ++attempt) {
    try {
      SearchResponse response = impl_->run(request);
      if (impl_->shards) {
        for (auto& warning : impl_->shards->warnings()) response.warnings.push_back(std::move(warning));
      }
      return response;
    } catch (const Xapian::DatabaseModifiedError&) {
      // The indexer committed twice while we read: start again on the new revision.
      if (attempt > 2) throw DatabaseError("the database changed too often during the search; try again");
      impl_->db.reopen();
      impl_->reopened();
    } catch (const Xapian::WildcardError&) {
      throw QueryError("a wildcard matches too many words; type more letters before the *");
    } catch (const Xapian::DatabaseError& e) {
      throw DatabaseError(fmt::format("database {}: {}", impl_->path, e.get_msg()));
    } catch (const Xapian::DocNotFoundError& e) {
      // A damaged term list can name a document that is not there.
      throw DatabaseError(fmt::format("database {} is damaged: {}", impl_->path, e.get_msg()));
    } catch (const Xapian::NetworkError& e) {
      // One remote shard failing fails Xapian's whole search: reconnect,
      // keep the shards that answer and ask them again (recover() throws
      // in strict mode or when no shard is left).
      if (!impl_->shards || attempt > 2) throw DatabaseError(fmt::format("remote shard: {}", e.get_msg()));
      impl_->shards->recover(e.get_msg());
      impl_->db = impl_->shards->database();
      impl_->reopened();
    }
  }
}

SearchResponse Searcher::Impl::run(const SearchRequest& req) {
  SearchResponse response;
  response.query = req.query;
  response.offset = req.offset;
  response.limit = req.limit;
  const Date today = req.today ? *req.today : today_utc();

  BuiltQuery built = build_query(req, today);
  response.reduced_terms = built.reduced_terms;

  Page page = rank(built, true, req);
  if (page.total == 0 && !built.word_dates.empty()) {
    // A period read from plain words ("last month") that leaves nothing:
    // search all dates and say so.
    std::vector<std::string> periods;
    for (auto& f : built.applied) {
      if (f.origin != "words") continue;
      f.dropped = true;
      periods.push_back(f.value);
    }
    // One facet count at a time: they share the facet handle and table.
    if (page.facets.valid()) page.facets.wait();
    page = rank(built, false, req);
    response.warnings.push_back(fmt::format("nothing from {}; showing all dates", util::join(periods, ", ")));
  }
  if (page.total == 0 && built.tiered()) {
    // Nothing has most of the words: any word, best first, and say so.
    built.all_words = built.most_words = Xapian::Query();
    if (page.facets.valid()) page.facets.wait();
    page = rank(built, page.with_word_dates, req);
    if (page.total > 0) response.warnings.push_back("no story has all the words; showing stories with some of them");
  }
  check_deadline(req, "while matching");
  response.filters = built.applied;
  response.total = page.total;
  response.total_exact = page.exact;
  response.total_all_words = page.total_all_words;
  if (page.count_cut && !page.exact) {
    response.warnings.push_back(fmt::format(
        "too many matches to count exactly (the count budget is {} postings): the total is an estimate",
        req.count_budget));
  }
  fill_hits(page, built, req, response);
  if (req.facets) {
    check_deadline(req, "before facets");
    response.facets = page.facets.valid() ? page.facets.get()
                                           : count_facets_by_value(db, page.facet_query, req, all_local());
    if (response.facets->partial) {
      response.warnings.push_back(fmt::format(
          "too many matches to count for the facets (the count budget is {} postings): they cover part of the matches",
          req.count_budget));
    }
  }
  check_deadline(req, "before spelling");
  if (built.has_text && response.total < 3) response.suggestion = suggest_spelling(db, built.text);
  return response;
}

}  // namespace morgue
