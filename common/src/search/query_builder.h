// From the query language to a Xapian::Query (docs/query-syntax.md).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "morgue/article.h"
#include "morgue/search.h"

namespace morgue {

struct QueryLimits {
  std::size_t max_bytes = kMaxQueryBytes;  // longer queries are refused
  std::size_t max_depth = 16;              // bracket nesting
  Xapian::termcount max_wildcard = 500;    // words one wildcard may expand to
};

// Up to this many words, a query ranks in tiers: stories with every word
// first, then stories with all but one (three words or more).
inline constexpr std::size_t kTieredUpTo = 4;
// Queries with more words than this are pasted text: searched by their most
// distinctive terms (at most kPastedTerms of them).
inline constexpr std::size_t kPastedWordsOver = 12;
inline constexpr std::size_t kPastedTerms = 32;

struct BuiltQuery {
  // The words, weighted: an OR for tiered queries, sentences and pastes, the
  // parsed query otherwise. Empty for pure filters.
  Xapian::Query ranked;
  // Tiered queries only (else empty): every word (the first tier), and most
  // of the words (a boolean condition: all but one, for three words or more).
  Xapian::Query all_words, most_words;
  Xapian::Query filters;      // boolean filters that always hold; empty: none
  Xapian::Query word_dates;   // date filters read from plain time words; empty: none
  std::vector<AppliedFilter> applied;  // filters and word_dates, for the response
  std::vector<std::string> reduced_terms;  // pastes: the words kept
  bool has_text = false;      // false for pure filters (date, section...): sort by date then
  bool sentence = false;      // a sentence or paste (OR, best first; feedback applies)
  std::string text;           // the query text without date expressions

  bool tiered() const { return !all_words.empty(); }
  // `words` with the filters (and the time-word dates unless !with_word_dates).
  Xapian::Query with_filters(const Xapian::Query& words, bool with_word_dates) const;
  // Every story of the result list, all tiers (what facets count).
  Xapian::Query matches(bool with_word_dates) const;
};

// Builds queries against `db` (needed for wildcard expansion and term
// statistics). Not thread-safe.
class QueryBuilder {
 public:
  QueryBuilder(const Xapian::Database& db, QueryLimits limits);
  ~QueryBuilder();

  // Throws QueryError for a query the user must fix.
  BuiltQuery build(const std::string& query, const SearchFilters& filters, const Date& today);

  // Words of the free text part (lower-cased), for spelling suggestions.
  static std::vector<std::string> plain_words(const std::string& text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue
