// Wire cues added after judging an eleventh pair of wire samples (two
// Reuters samples): a span that is no person's name by its words (asked by
// wire_says_not_a_person), names the story gives firms (gathered by
// collect_mentions into its StoryEvidence), a title that is a given name
// (asked by trim_span), and a bare family name that is the middle word of a
// full name and a given name's short form (asked by merge_mentions).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "people/lexicon.h"
#include "people/names.h"
#include "people/tokenizer.h"

namespace morgue::people {

// "Velda Kelso needs money" where the lists know both words as places or
// bodies (known_entities.txt: "Latin America" of "latin" and "america"):
// a span of two or three words, each a known entity, the first no known
// given name ("Chad Austin" stays), is a place's or a body's name. (The
// lists know "america" as a given name and both as family names too.)
bool all_known_entities(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// One of the rules above (asked by wire_says_not_a_person).
bool wire_eleventh_says_not_a_person(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// Names the story gives firms, in one pass over its tokens, appended to
// `words` (lower forms): the capitalised words (one to four, in prose)
// before a bracketed place or region of one to three capitalised words and
// a company's legal form ("Halden Pryce (Far East) Ltd said", "Kelso
// Securities (U.K.) Ltd"), so "Halden Pryce estimates ..." elsewhere is the
// firm's too. The run stops at a word opening a sentence (which it takes).
//
// A pair of partners' names joined by "and" and, by another "and", to a
// firm's name ending in a legal form, a company word or an organisation's
// ("Industries"), after it ("Kestner and Brann and Halvex Glass Inc") or
// before it, a ticker allowed between ("Halvex Glass Inc <HGI> and Kestner
// and Brann"): a list of three would read "X, Y and Z Inc", so the pair is
// one name, a firm's. Each partner is one capitalised word (none just
// outside the pair) not opening a sentence.
void add_eleventh_pair_names(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words);

// "Prince Sultan ibn Kelmar", "Sheikh Emir bin Kelmar": a title word after
// another title and before "ibn", "bin" or "bint" (a patronymic) is the
// person's given name, not a title (the word at `k` of a span ending at
// `end`; trim_span keeps it).
bool title_is_given_name(const Document& doc, const Lexicon& lexicon, std::size_t k, std::size_t end);

// Whether the one-word name `bare` is the first family name of the full
// name `full` as Spanish and Portuguese write it: given name, father's
// family name, mother's ("Tomas Arvelo Quintana" ... "Arvelo said"). The
// full name has three words, the first a known given name; the middle one
// is `bare`, no known given name (so not "Karl Otto Roe" ... "Otto"), no
// initial and no particle.
bool is_first_family_name(const Mention& full, const Mention& bare, const Lexicon& lexicon);

// Whether one given name is the other's usual short form ("dick" and
// "richard", "bill" and "william", "jim" and "james"; lower forms, either
// order): "Richard Kelso" and "Dick Kelso" in one story are one person.
bool is_short_form_of(std::string_view a, std::string_view b);

}  // namespace morgue::people
