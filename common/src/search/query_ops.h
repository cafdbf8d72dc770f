#pragma once

#include <xapian.h>

namespace morgue {

// Whether a query of this operator can be rebuilt from its subqueries alone
// (no window, no parameter): the query rewrites (language_stems.cc,
// person_query.cc) walk into these and leave the others as they are.
inline bool rebuildable_op(Xapian::Query::op op) {
  switch (op) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
      return true;
    default:
      return false;
  }
}

}  // namespace morgue
