// Wire cues added after judging a ninth pair of wire samples (two Reuters
// samples): spans that are no person's name by their shape, read after
// tagging like the rules of wire_cues.h (which asks this file's rules from
// wire_says_not_a_person).
#pragma once

#include <cstddef>

#include "people/lexicon.h"
#include "people/tokenizer.h"

namespace morgue::people {

// "Petroleos Velanos (Pevel)": the span of two words or more is followed by
// one capitalised word in round brackets, four letters or more, made of a
// beginning of each of the span's words in order ("Pe" + "vel"; "Minero Kelso
// Comercial (Minkeco)"): a firm's or a body's short name, never a person's.
// Plain initials ("(PV)") are before_bracketed_code's.
bool before_contracted_name(const Document& doc, std::size_t begin, std::size_t end);

// "anti-U.S. Feeling": the span opens with an initial ("S.") written right
// after a full stop, no space between: the tail of a dotted abbreviation cut
// by a hyphen, never a person's initial.
bool opens_with_glued_initial(const Document& doc, std::size_t begin, std::size_t end);

// One of the rules above (asked by wire_says_not_a_person).
bool wire_ninth_says_not_a_person(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

}  // namespace morgue::people
