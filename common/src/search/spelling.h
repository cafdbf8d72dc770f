// "Did you mean": corrections from the archive's own words.
#pragma once

#include <string>

#include <xapian.h>

namespace morgue {

// For each word of `text` (3+ letters) that is rare or absent in `db`, finds
// the most frequent indexed word within edit distance 2 (1 for short words).
// Returns `text` with those words replaced, or "" when nothing changed.
std::string suggest_spelling(const Xapian::Database& db, const std::string& text);

}  // namespace morgue
