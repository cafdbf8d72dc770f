// Query expansion from stories' own terms (Xapian's ESet): pseudo-relevance
// feedback for sentences and "more like this".
#pragma once

#include <string>

#include <xapian.h>

namespace morgue {

// Pseudo-relevance feedback: the most telling terms of the first results in
// `top`, at a low weight, as an OP_AND_MAYBE on `words`, so that they reorder
// stories without adding any. Empty when there are too few results to learn
// from or no new term.
Xapian::Query feedback_query(const Xapian::Database& db, const Xapian::MSet& top, const Xapian::Query& words);

// The most telling terms of document `doc` OR-ed (empty when it has none).
Xapian::Query like_query(const Xapian::Database& db, Xapian::docid doc);

}  // namespace morgue
