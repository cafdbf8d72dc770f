// A query's words in every language of the archive. The query's own language
// is unknown, and each story was stemmed in its own language (store/
// stemmers.h): the parser stems each word in English, and widen() adds the
// word's stem in each other language the archive holds as a synonym, so
// "regierungen" reaches a German story that says "Regierung". Exact and
// phrase terms (unstemmed) are left as they are.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace morgue {

class LanguageStems {
 public:
  // The stemmers of the archive's languages other than English.
  explicit LanguageStems(const Xapian::Database& db);
  // For tests: these stemmer names (Xapian's, or "none" for whole words).
  explicit LanguageStems(const std::vector<std::string>& other_stemmers);

  // True when the archive holds stories in some language besides English.
  bool active() const { return !stemmers_.empty(); }

  // `query` as `parser` last parsed it, each stemmed word term (Z...) made a
  // synonym of its stems in the other languages. Operators the parser makes
  // around words (AND, OR, AND_NOT, AND_MAYBE, FILTER, XOR, SYNONYM, MAX) are
  // rebuilt; any other subquery is kept whole.
  Xapian::Query widen(const Xapian::Query& query, const Xapian::QueryParser& parser) const;

 private:
  Xapian::Query widen_term(const Xapian::Query& leaf, const std::string& term, const Xapian::QueryParser& parser) const;
  std::vector<Xapian::Stem> stemmers_;
};

}  // namespace morgue
