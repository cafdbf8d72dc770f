// Wire cues for names like people's that stand for firms and places, added
// after judging the twelfth and thirteenth pairs of wire samples (Reuters):
// a span that is no person's name by the words around it (asked by
// wire_says_not_a_person, or gathered by collect_mentions into its
// StoryEvidence): a firm's name used as a modifier before a market job and
// a person's name, a name listed with firms, a bank taking a role in an
// issue, a place in a price row, a
// place named by its kind, and a capital city standing alone for its
// government.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "people/lexicon.h"
#include "people/tokenizer.h"

namespace morgue::people {

// "added Halden Pryce analyst Jane Roe": the span [begin, end) just before a
// market job in the singular, in lower case ("analyst", "economist",
// "strategist", "dealer", "trader", "broker"), and a capitalised word (a
// person's name) is the firm she works for, not a person.
bool before_market_job_and_name(const Document& doc, std::size_t begin, std::size_t end);

// The words of every such firm's name in the story (one to four
// capitalised words of prose before the job), appended to `words` (lower
// forms), so "Roe of Halden Pryce said" elsewhere is the firm's too.
void add_firms_before_market_jobs(const Document& doc, std::vector<std::string_view>& words);

// "buying by Halden Pryce, Kelso Roe and Velder Securities": the words of
// a list of three names or more, joined by commas and a last "and" (or
// "&"), one of them ending in a legal form or a company word that is no
// family name too ("Bank" is one), appended to
// `words` (lower forms): every name listed with a firm is a firm's too.
// Each name is one to four capitalised words of prose (the first may open
// the sentence) followed by a joint or by a word in lower case or
// punctuation; a list of people with a firm's name in it is rare. So are
// the words of such a list followed by a plural noun for things ("the
// Kelso, Velda and Roe Pryce banks": "banks", "forces", "divisions",
// "units", "companies", "mines", "plants", "brands", "stores" and the like).
void add_names_listed_with_firms(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words);

// "Halden Pryce of Velda would be dealer for the programme", "Kelso Roe,
// as agent for the banks, will ...": the span [begin, end) ending at `end`,
// perhaps with "of" and a place after it, then ", as" or "would", "will",
// "is", "was" (and "be"), then a role in a bond or paper issue without an
// article ("dealer", "arranger", "underwriter", "agent", "co-manager",
// "bookrunner", "lead manager") is a bank, not a person ("Jane Roe was a
// dealer" has the article).
bool takes_an_issue_role(const Document& doc, std::size_t end);

// "It rose two to 104 at Velda, and was 98 at Puerto Kelso": a name just
// after "at" that just follows a number is where a price was quoted, a
// place (a price row's), not a person ("a gritty 84 from Jane Roe" is a
// batsman's innings, so not "from").
bool after_number_at(const Document& doc, std::size_t begin);

// "Bahia Kelso", "Villa Velda", "San Kelmar", "Ciudad Roe": a span of two
// words or more that opens with a word for a place ("bay", "town", "saint"
// and "city" in Spanish and Portuguese) names a place, not a person.
bool opens_with_place_word(const Document& doc, std::size_t begin, std::size_t end);

// "the port of Kelso Velda", "the harbor area of Velda Roe": a name just
// after a lower-case noun for a place ("port", "city", "town", "village",
// "province", "island", "district", "county", "suburb", "harbor", "area")
// and "of" is the place's.
bool after_place_noun_of(const Document& doc, std::size_t begin);

// "Washington said the raid was aimed at ...": a capital city's name alone
// stands for its government, unless the story names someone with it as a
// family name (a given name or an initial just before it somewhere:
// "Mayor Jane Washington ... Washington said").
bool capital_for_government(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// One of the rules above (asked by wire_says_not_a_person).
bool wire_namesakes_says_not_a_person(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

}  // namespace morgue::people
