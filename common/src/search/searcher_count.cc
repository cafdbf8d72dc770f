// Counting: exact totals of the ranked tiers and the facets of every match,
// within SearchRequest::count_budget.
#include <algorithm>
#include <limits>

#include <xapian.h>

#include "search/searcher_impl.h"

namespace morgue {
namespace searcher_internal {

std::uint64_t budget_of(const SearchRequest& req) {
  return req.count_budget == 0 ? std::numeric_limits<std::uint64_t>::max() : req.count_budget;
}

// Facets count every match, so they come from a pass of their own with
// boolean weighting: no scores to compute, no collapsing, and the ranked
// pass keeps Xapian's early termination. Values are read through Xapian's
// match spies, which also works through remote shards.
Facets count_facets_by_value(const Xapian::Database& db, const Xapian::Query& query, const SearchRequest& req,
                             bool collapse_local) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  // One story per near-duplicate group, as the ranked list counts them
  // (not possible through remote shards: see FacetCollector).
  FacetCollector facets(!req.all_versions && collapse_local);
  facets.attach(enquire);
  // Xapian examines up to the budget's number of matches, then estimates.
  const auto check = static_cast<Xapian::doccount>(std::min<std::uint64_t>(budget_of(req), db.get_doccount()));
  Xapian::MSet mset = enquire.get_mset(0, 0, check);
  Facets out = facets.collect(req.facet_top);
  out.partial = mset.get_matches_lower_bound() != mset.get_matches_upper_bound();
  return out;
}

}  // namespace searcher_internal

using searcher_internal::budget_of;
using searcher_internal::count_facets_by_value;

bool Searcher::Impl::count_tiers(const std::vector<Tier>& tiers, const SearchRequest& req,
                                 std::vector<std::size_t>& counts, DocSet& shown_earlier) const {
  std::vector<DocSet> sets;
  CountBudget budget(budget_of(req));
  for (const auto& tier : tiers) sets.push_back(match_set(db, tier.matches, budget));
  if (budget.cut) return false;
  if (req.all_versions) {
    for (const auto& set : sets) counts.push_back(set.count());
    return true;
  }
  DocSet all = sets[0];
  for (std::size_t i = 1; i < sets.size(); ++i) all.unite(sets[i]);
  DupGroups groups(db, all);
  if (sets.size() > 1) {
    shown_earlier = groups.shown_earlier(sets[0], sets[1], db.get_lastdocid());
    sets[1].subtract(shown_earlier);
  }
  for (const auto& set : sets) counts.push_back(groups.collapsed_count(set));
  return true;
}

Facets Searcher::Impl::count_facets_local(const std::string& serialised_query, const SearchRequest& req) {
  if (facet.stale && facet.db) {
    if (facet.db->reopen()) {
      facet.table.reset();
      facet.passes = 0;
    }
  }
  facet.stale = false;
  if (!facet.db) facet.db.emplace(path);
  const Xapian::Query query = Xapian::Query::unserialise(serialised_query);
  // Building the table reads three values of every story in docid order,
  // about a quarter of what counting one match through value spies costs
  // (measured on 100,000 stories): worth it from the second count on a
  // revision, or at once when the query matches a quarter of the archive or
  // more (Xapian's estimate, from term frequencies).
  //
  // Tables are for a single database: a stub's shards share one docid space
  // only through Xapian's interleaving, and Xapian 1.4 hands match spies the
  // shard's own docid, so shards are counted by value.
  if (!facet.table && !shards) {
    bool build = facet.passes++ >= 1;
    if (!build) {
      Xapian::Enquire probe(*facet.db);
      probe.set_query(query);
      probe.set_weighting_scheme(Xapian::BoolWeight());
      build = probe.get_mset(0, 0).get_matches_estimated() * 4 >= facet.db->get_doccount();
    }
    if (build) facet.table = std::make_unique<FacetTable>(*facet.db);
  }
  if (!facet.table) return count_facets_by_value(*facet.db, query, req, true);
  return facets_from_counts(
      facet.table->count(*facet.db, query, req.facet_top, budget_of(req), !req.all_versions),
      req.facet_top);
}

}  // namespace morgue
