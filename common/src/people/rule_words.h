// Small tests the rule files of the people extractor share (wire_*.cc,
// works_rules.cc): a word in a list, a person's tag, a capitalised token,
// running text, a word that ends a firm's name.
#pragma once

#include <algorithm>
#include <iterator>
#include <string_view>

#include "people/lexicon.h"
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

// In running text: not on a line in capitals nor in a title-case headline.
inline bool in_prose(const Token& t) { return !(t.flags & (kCapsLine | kTitleCase)); }

// A company's legal form or a word that ends a company's name ("Plc",
// "Companies", "Securities").
inline bool ends_a_firm(const Token& t, const Lexicon& lexicon) {
  constexpr std::string_view kForms[] = {"co", "co.", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "plc", "cos"};
  return capitalised(t) && (in(kForms, t.lower) || (lexicon.flags(t.lower) & kCompanyWord));
}

}  // namespace morgue::people
