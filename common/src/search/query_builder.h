// From the query language to a Xapian::Query (docs/query-syntax.md).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "morgue/article.h"

namespace morgue {

struct QueryLimits {
  std::size_t max_bytes = 1024;           // longer queries are refused
  std::size_t max_words = 64;             // ... and so are queries with more words
  std::size_t max_depth = 16;             // bracket nesting
  Xapian::termcount max_wildcard = 500;   // words one wildcard may expand to
};

struct BuiltQuery {
  Xapian::Query query;           // what to run (text AND filters)
  bool has_text = false;         // false for pure filters (date, section...): sort by date then
  bool all_words = false;        // built with AND as the default operator
  std::string text;              // the query text without date expressions
};

// Builds queries against `db` (needed for wildcard expansion). Not thread-safe.
class QueryBuilder {
 public:
  QueryBuilder(const Xapian::Database& db, QueryLimits limits);
  ~QueryBuilder();

  // Throws QueryError for a query the user must fix. `all_words` picks AND
  // (true) or OR (false) as the default operator between words.
  BuiltQuery build(const std::string& query, const Date& today, bool all_words);

  // Words of the free text part (lower-cased), for spelling suggestions.
  static std::vector<std::string> plain_words(const std::string& text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue
