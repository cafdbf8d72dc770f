// Wire cues added after judging a tenth pair of wire samples (two Reuters
// samples), read after tagging like the rules of wire_cues.h: spans that are
// no person's name by the words around them (asked by
// wire_says_not_a_person) and names the story gives firms (gathered by
// collect_mentions into its StoryEvidence).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "people/lexicon.h"
#include "people/perceptron.h"
#include "people/tokenizer.h"

namespace morgue::people {

// "the sale of Jane Kelso businesses", "Halden Pryce restaurants": the span
// is followed by a lower-case plural noun for a trade's premises or goods
// ("businesses", "restaurants", "products", "fragrances"; not one that is a
// verb too, as "stores" or "shops"): a firm's or a brand's name used as a
// modifier, never a person. Not before a possessive or a capitalised word,
// nor for a lone word (used_as_thing reads those).
bool before_business_plural(const Document& doc, std::size_t begin, std::size_t end);

// "\"Obviously Halvex people want it\"": the span opens a sentence (or a
// quotation) with a capitalised adverb in "-ly" (an adverb's ending such as
// "-ously" or "-ently", or a common word) that is no given name nor family
// name ("Obviously", "Clearly"; not "Kelly", "Beverly"): the
// tagger took the adverb into a firm's or a group's name.
bool opens_with_adverb(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// One of the rules above (asked by wire_says_not_a_person).
bool wire_tenth_says_not_a_person(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// Names the story gives firms, in one pass over its tokens, appended to
// `words` (lower forms):
//
// The employer after a person's full name and "of" or "at" (the tagger's
// person of two words or more: a lone word may be an office, "the Provost
// of Kelso Jim Poe"), one to four capitalised words ("said Jane Roe of Halden Pryce"),
// and, when the sentence ends after a comma and one to three more
// capitalised words, those too ("Jane Roe of Halden Pryce, K.L. Velda.": a
// firm's name of two partners' names). Not before a possessive ("Jane Roe
// of Jim Poe's office"), nor words a title or a known given name opens
// after the comma, nor a place the tagger read ("Jane Roe of Kelso,
// Ontario.").
//
// A firm's short name: one capitalised word in round brackets after a
// company's legal form, a ticker in angle brackets allowed between ("The
// Halvik Shipping Co Ltd <HVS.S> (Halship)"), so "HALSHIP RIGHTS ISSUE"
// and "Halship said" elsewhere are a firm's.
// A town alone (no capitalised word before it) before a comma and a
// state's abbreviation ("service to Kelso, Fla."), so "flights to Kelso,
// via Velda" elsewhere is a place too (is_town_or_state reads only the
// first).
void add_tenth_pair_names(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                          std::vector<std::string_view>& words);

}  // namespace morgue::people
