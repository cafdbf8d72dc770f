#include "search/person_query.h"

#include <optional>
#include <string>
#include <vector>

#include "morgue/schema.h"
#include "search/query_ops.h"

namespace morgue {
namespace {

// The key of the name a phrase of person words spells ("XPPronald reagan",
// schema.h), or nothing when some part is not a person word.
std::optional<std::string> exact_name_term(const Xapian::Query& phrase) {
  const std::string prefix(schema::kPersonPrefix);
  std::string name;
  for (std::size_t i = 0; i < phrase.get_num_subqueries(); ++i) {
    const Xapian::Query part = phrase.get_subquery(i);
    if (part.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
    const std::string term = *part.get_terms_begin();
    // An upper-case letter after the prefix: another field's prefix (XPNA...
    // is not ours to read), never a word (the parser lower-cases words).
    if (!term.starts_with(prefix) || term.size() == prefix.size() ||
        (term[prefix.size()] >= 'A' && term[prefix.size()] <= 'Z')) {
      return std::nullopt;
    }
    if (!name.empty()) name += ' ';
    name += term.substr(prefix.size());
  }
  if (name.empty()) return std::nullopt;
  return schema::make_term(schema::kPersonNameKey, name);
}

}  // namespace

Xapian::Query or_exact_person_names(const Xapian::Query& query) {
  const Xapian::Query::op op = query.get_type();
  if (op == Xapian::Query::OP_PHRASE) {
    // OP_MAX, not OP_OR: an OR inside the parser's OR of words would be
    // flattened into it, and "most of the words" (query_builder.cc) would
    // count the phrase and the term as two words. The weight is the same:
    // the phrase's, as the term weighs nothing.
    if (auto term = exact_name_term(query)) return Xapian::Query(Xapian::Query::OP_MAX, query, Xapian::Query(*term));
    return query;
  }
  if (!rebuildable_op(op) || query.get_num_subqueries() == 0) return query;
  std::vector<Xapian::Query> parts;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    parts.push_back(or_exact_person_names(query.get_subquery(i)));
  }
  return Xapian::Query(op, parts.begin(), parts.end());
}

}  // namespace morgue
