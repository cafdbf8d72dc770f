// Family names a tagged person span leaves out at its end (private; applied
// by mentions.cc): the family name after a bracketed title and given name,
// a family name that opens with "d'" or follows particles, and a known
// family name the tagger left out after a given name and another name.
#pragma once

#include <cstddef>

#include "people/lexicon.h"
#include "people/tokenizer.h"

namespace morgue::people {

// "(Finance Minister Jane) Roe's visit": a one-word span just before ")",
// with "(" at most four words before it on its line, and a capitalised word
// just after the bracket (no title, no word the lists never take for a
// name): where that word is, the family name a quotation's editor left
// outside the brackets; 0 when there is none.
std::size_t family_name_after_bracket(const Document& doc, const Lexicon& lexicon, std::size_t begin,
                                      std::size_t end);

// "Valery Roe d'Kelso", "Rene de la Velda": the end of the span [begin,
// end) taken on over a word opening with "d'" and a capital, or over one or
// two lower-case particles and a capitalised word that is no known place or
// body nor a sentence's first, when the span opens with a known given name;
// `end` when nothing follows so.
std::size_t end_over_particle_name(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// "President Leon Kelso Velder said", "T. Kelso Velder III": the end of the
// span [begin, end) of two words or more, opening with a known given name or
// an initial, taken on over a capitalised word of prose the lists know only
// as a family name (no given name, common word, place, body, company word,
// title or word never a name), when no other capitalised word but a suffix
// follows it (the suffix is taken too); `end` otherwise.
std::size_t end_over_family_name(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

}  // namespace morgue::people
