// Searcher's insides (private header): the state behind the pimpl and the
// types one search passes between its steps. Each step has a file of its own:
//   searcher.cc        the public Searcher calls, retries, one search's steps
//   searcher_query.cc  the query: parsed words and filters, "more like this"
//   searcher_rank.cc   ranked passes: tiers, feedback, recency
//   searcher_count.cc  exact totals and facets, within the count budget
//   searcher_hits.cc   the page's hits: stored fields, snippets, versions
#pragma once

#include <cstdint>
#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "morgue/search.h"
#include "search/facets.h"
#include "search/match_set.h"
#include "search/query_builder.h"
#include "shard/shard_set.h"

namespace morgue {
namespace searcher_internal {

// SearchRequest::deadline: throws DeadlineExceeded once it has passed.
void check_deadline(const SearchRequest& req, const char* stage);

// SearchRequest::count_budget as a number of units (0: no limit).
std::uint64_t budget_of(const SearchRequest& req);

// Facets of every match of `query` through Xapian's match spies (works
// through remote shards); `collapse_local`: one story per near-duplicate group.
Facets count_facets_by_value(const Xapian::Database& db, const Xapian::Query& query, const SearchRequest& req,
                             bool collapse_local);

// A page of hits gathered from one or two ranked passes (tiers).
struct Pass {
  Xapian::Enquire enquire;
  Xapian::MSet mset;
  bool all_words = true;
  explicit Pass(const Xapian::Database& db) : enquire(db) {}
};

struct Ranked {
  const Pass* pass;
  Xapian::MSetIterator it;
  double score;
};

}  // namespace searcher_internal

struct Searcher::Impl {
  using Pass = searcher_internal::Pass;
  using Ranked = searcher_internal::Ranked;

  std::string path;
  Xapian::Database db;
  // Set when path is a stub listing shards: db is then the union of those
  // that answer (shard/shard_set.h).
  std::unique_ptr<ShardSet> shards;
  // db is the caller's (Searcher(const Xapian::Database&)): no path to open
  // the facet thread's own handle from, so facets are counted on this thread.
  bool caller_handle = false;

  // Local archives count facets on a handle of their own, in a thread of
  // their own, while the ranked pass runs, through a FacetTable when it pays
  // (count_facets_local). Only that thread touches this state.
  struct FacetState {
    std::optional<Xapian::Database> db;
    std::unique_ptr<FacetTable> table;
    unsigned passes = 0;  // facet counts on the current revision
    bool stale = false;   // the main handle moved on: reopen this one too
  } facet;

  bool all_local() const { return !shards || !shards->has_remote(); }
  // Called whenever `db` was reopened or replaced.
  void reopened() { facet.stale = true; }
  // The hits of one page, the passes they came from, and the counts.
  struct Page {
    std::deque<Pass> passes;    // stable addresses: hits point into them
    std::vector<Ranked> ranked;  // the page's hits, in order
    std::size_t total = 0, total_all_words = 0;
    bool exact = true;
    bool count_cut = false;      // the count budget ran out: totals are Xapian's (exact if it saw every match)
    bool with_word_dates = true;
    Xapian::Query facet_query;   // every match of the list (all tiers)
    std::future<Facets> facets;
  };

  // One ranked pass of a list: every word, or most of them.
  struct Tier {
    Xapian::Query ranked;   // what the pass ranks (with feedback for sentences)
    Xapian::Query matches;  // what it matches
    bool all_words;
  };
  SearchResponse run(const SearchRequest& req);
  // searcher_query.cc
  BuiltQuery build_query(const SearchRequest& req, const Date& today);
  void like(const std::string& id, BuiltQuery& built);
  // searcher_rank.cc
  Page rank(const BuiltQuery& built, bool with_word_dates, const SearchRequest& req);
  void configure(Xapian::Enquire& enquire, const Xapian::Query& query, const BuiltQuery& built,
                 const SearchRequest& req) const;
  void blend_recency(Page& page, const SearchRequest& req, Xapian::doccount offset, Xapian::doccount limit) const;
  void rank_with_feedback(Page& page, const Tier& tier, const BuiltQuery& built, const SearchRequest& req,
                          Xapian::doccount start, Xapian::doccount size);
  // searcher_count.cc
  // False when the count budget ran out (counts are then not filled in).
  bool count_tiers(const std::vector<Tier>& tiers, const SearchRequest& req, std::vector<std::size_t>& counts,
                   DocSet& shown_earlier) const;
  Facets count_facets_local(const std::string& serialised_query, const SearchRequest& req);
  // searcher_hits.cc
  void fill_hits(Page& page, const BuiltQuery& built, const SearchRequest& req, SearchResponse& response);
};

}  // namespace morgue
