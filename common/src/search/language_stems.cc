#include "search/language_stems.h"

#include <algorithm>

#include "search/query_ops.h"
#include "store/stemmers.h"

namespace morgue {
namespace {

bool has_stemmed_term(const Xapian::Query& q) {
  for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
    if (!(*t).empty() && (*t)[0] == 'Z') return true;
  }
  return false;
}

}  // namespace

LanguageStems::LanguageStems(const Xapian::Database& db) {
  for (const std::string& name : archive_stemmer_names(db)) {
    if (name != "english") stemmers_.push_back(stemmer_named(name));
  }
}

LanguageStems::LanguageStems(const std::vector<std::string>& other_stemmers) {
  for (const std::string& name : other_stemmers) stemmers_.push_back(stemmer_named(name));
}

Xapian::Query LanguageStems::widen_term(const Xapian::Query& leaf, const std::string& term,
                                        const Xapian::QueryParser& parser) const {
  // "Z" + field prefix (upper case, as schema.h) + stem.
  std::size_t upper = 1;
  while (upper < term.size() && term[upper] >= 'A' && term[upper] <= 'Z') ++upper;
  const std::string prefix = term.substr(0, upper);
  std::vector<std::string> terms{term};
  for (auto u = parser.unstem_begin(term); u != parser.unstem_end(term); ++u) {
    const std::string word = Xapian::Unicode::tolower(*u);
    for (const Xapian::Stem& stem : stemmers_) {
      std::string other = prefix + stem(word);
      if (std::find(terms.begin(), terms.end(), other) == terms.end()) terms.push_back(std::move(other));
    }
  }
  if (terms.size() == 1) return leaf;
  std::vector<Xapian::Query> parts{leaf};
  for (std::size_t i = 1; i < terms.size(); ++i) parts.emplace_back(terms[i]);
  return Xapian::Query(Xapian::Query::OP_SYNONYM, parts.begin(), parts.end());
}

Xapian::Query LanguageStems::widen(const Xapian::Query& query, const Xapian::QueryParser& parser) const {
  if (!active() || !has_stemmed_term(query)) return query;
  const Xapian::Query::op op = query.get_type();
  if (op == Xapian::Query::LEAF_TERM) return widen_term(query, *query.get_terms_begin(), parser);
  if (!rebuildable_op(op)) return query;
  std::vector<Xapian::Query> parts;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) parts.push_back(widen(query.get_subquery(i), parser));
  return Xapian::Query(op, parts.begin(), parts.end());
}

}  // namespace morgue
