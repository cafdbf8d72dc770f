// Wire cues added after judging a ninth pair of wire samples (two Reuters
// samples), read after tagging like the rules of wire_cues.h: spans that are
// no person's name by their shape (asked by wire_says_not_a_person), names
// the story gives firms and models (gathered by collect_mentions into its
// StoryEvidence) and a family name's particles joined to a person's span
// (by PeopleExtractor, before the mentions are cut).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "people/lexicon.h"
#include "people/perceptron.h"
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

// Names the story gives firms and products, in one pass over its tokens:
//
// A lone capitalised word joined by "and" or "&" to one to four capitalised
// words and a company's legal form or company word ("Halden and Pryce
// Associated Companies Plc"), appended to `words` (lower form): the first
// partner of a firm's name, so "Halden said" elsewhere is no person's. Not
// after another capitalised word ("Jane Halden and Pryce Inc" names a
// person), nor a known given name or a title.
//
// A lone capitalised word between a possessive and a number ("Kelmar's
// Zorstation 386", "Halvex's Velda 747"): a model or a maker, appended to
// `starts` (as add_works_names), so "Zorstation 386s sold" goes too.
// The capitalised words (one to four) between a capitalised owner's
// possessive, a ticker in angle brackets allowed after it, and a part of a
// company ("Halvex Corp's <HVX> Kelso Trucks subsidiary", "Velda's Jane
// House division"), appended to `words`: a unit's name, so "Kelso said"
// elsewhere is a firm's.
void add_ninth_pair_names(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words,
                          std::vector<std::size_t>& starts);

// "Rene de la Kelso said", "Anibal Velda de Souza": a person's span that
// opens with a known given name, followed by one or two lower-case
// particles of a family name ("de", "da", "van", "von", then "la", "der"
// and the like) and a capitalised word the tagger left outside every name,
// takes them in (tags set to kPersonInside, margins to the span's surest).
// Not a firm's or a place's word ("Petroleos de Velda" opens with no given
// name; "Jane de Kelso Inc" ends in a company word).
void join_name_particles(const Document& doc, const Lexicon& lexicon, std::vector<Tag>& tags,
                         std::vector<float>& margins);

}  // namespace morgue::people
