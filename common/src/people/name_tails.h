// Family names a tagged person span leaves out at its end (private; applied
// by mentions.cc): the family name after a bracketed title and given name,
// a family name that opens with "d'", and a known
// family name the tagger left out after a given name and another name.
#pragma once

#include <cstddef>
#include <vector>

#include "people/lexicon.h"
#include "people/perceptron.h"
#include "people/tokenizer.h"

namespace morgue::people {

// "(Finance Minister Jane) Roe's visit": a one-word span just before ")",
// with "(" at most four words before it on its line, and a capitalised word
// just after the bracket (no title, no word the lists never take for a
// name): where that word is, the family name a quotation's editor left
// outside the brackets; 0 when there is none.
std::size_t family_name_after_bracket(const Document& doc, const Lexicon& lexicon, std::size_t begin,
                                      std::size_t end);

// "Jane, Osk and Ada Velder": a one-word span that is a known given name,
// in a list of known given names joined by commas and a last "and" whose
// last member is a person the tagger read as a given name and one more
// capitalised word (no other after it): where that word is, the family name
// the list shares; 0 when there is none.
std::size_t shared_family_name(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                               std::size_t begin, std::size_t end);

// The family name of the span [begin, end) written outside it, by either
// rule above; 0 when there is none.
std::size_t family_name_outside(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                                std::size_t begin, std::size_t end);

// "Valery Kelmar d'Velda": the end of the span [begin, end) taken on over a
// word opening with "d'" and a capital, an elided particle and the family
// name in one word, when the span opens with a known given name; `end`
// otherwise. (Particles written apart, "Rene de la Velder", are joined
// before, by join_name_particles: wire_ninth.h.)
std::size_t end_over_elided_particle(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// "President Leon Kelso Velder said", "T. Kelso Velder III": the end of the
// span [begin, end) of two words or more, opening with a known given name or
// an initial, taken on over a capitalised word of prose the lists know only
// as a family name (no given name, common word, place, body, company word,
// title or word never a name), when no other capitalised word but a suffix
// follows it (the suffix is taken too); `end` otherwise.
std::size_t end_over_family_name(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

}  // namespace morgue::people
