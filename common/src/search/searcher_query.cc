// Building the query of one search: the query text and filters (QueryBuilder,
// search/query_builder.h: fields such as person:, dates, tiers) and "more
// like this" (--like ID).
#include <fmt/format.h>
#include <xapian.h>

#include "morgue/schema.h"
#include "search/expansion.h"
#include "search/searcher_impl.h"

namespace morgue {

BuiltQuery Searcher::Impl::build_query(const SearchRequest& req, const Date& today) {
  QueryBuilder builder(db, QueryLimits{});
  BuiltQuery built = builder.build(req.query, req.filters, today);
  if (!req.like_id.empty()) like(req.like_id, built);
  return built;
}

// "More like this": the story's most telling terms (Xapian's ESet over it).
void Searcher::Impl::like(const std::string& id, BuiltQuery& built) {
  const std::string id_term = schema::make_term(schema::kIdPrefix, id);
  auto p = db.postlist_begin(id_term);
  if (p == db.postlist_end(id_term)) throw QueryError(fmt::format("no story with id {}", id));
  Xapian::Query similar = like_query(db, *p);
  if (similar.empty()) similar = Xapian::Query(id_term);
  // The query's own words, if any, narrow the similar stories down.
  if (!built.ranked.empty()) similar = Xapian::Query(Xapian::Query::OP_FILTER, similar, built.ranked);
  // Not the story itself, nor another version of it (its near-duplicate group).
  Xapian::Query itself(id_term);
  const std::string group = db.get_document(*p).get_value(schema::kSlotDupGroup);
  if (!group.empty()) {
    itself = Xapian::Query(Xapian::Query::OP_OR, itself,
                           Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDupGroup, group, group));
  }
  built.ranked = Xapian::Query(Xapian::Query::OP_AND_NOT, similar, itself);
  built.all_words = built.most_words = Xapian::Query();
  built.sentence = false;
  built.has_text = true;
}

}  // namespace morgue
