// Small tests the rule files of the people extractor share (wire_*.cc,
// works_rules.cc): a word in a list, a person's tag, a capitalised token.
#pragma once

#include <algorithm>
#include <iterator>
#include <string_view>

#include "people/perceptron.h"
#include "people/tokenizer.h"

namespace morgue::people {

// Whether `w` is one of the words of `list` (an array or a container).
template <typename List>
bool in(const List& list, std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

inline bool is_person_tag(Tag t) { return t == kPersonBegin || t == kPersonInside; }

// Starts with a capital and holds a letter ("Kelso", not "1987" or "--").
inline bool capitalised(const Token& t) { return (t.letter_case & kStartsUpper) && (t.letter_case & kHasLetter); }

}  // namespace morgue::people
