// person:"Ronald Reagan" as a phrase of person words OR the name's key
// (docs/people.md, "Across the archive"). The people identity step gives a
// renamed story the words of its canonical name without positions
// (store/canonical_people.h: rewriting every position list of the story is
// what made the step cost a third of a build), so the phrase alone misses a
// story whose extractor found only "Reagan"; the key XPP"ronald reagan"
// (schema::kPersonNameKey: the name's words as the parser splits them, so
// "A. William Reynolds" and "Jean-Philippe Cotis" match too) finds it.
#pragma once

#include <xapian.h>

namespace morgue {

// `query` with each phrase made only of person words (XPN terms, as the
// parser makes for person:"..." and people:"...") replaced by that phrase or
// the key of the name its words spell (OP_MAX of the two). Operators the parser makes
// around phrases (AND, OR, AND_NOT, AND_MAYBE, FILTER, XOR, SYNONYM, MAX)
// are rebuilt; any other subquery is kept whole. The term is weighted as
// Xapian weighs a boolean term (nothing), so a story found only by it ranks
// by the query's other words.
Xapian::Query or_exact_person_names(const Xapian::Query& query);

}  // namespace morgue
