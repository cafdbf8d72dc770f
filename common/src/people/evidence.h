// What the rest of a story says about a capitalised span before it is taken
// for a person (private): table rows and score lines, and the words of
// organisation names ("Dean Witter" where the story also writes "Dean Witter
// Reynolds Inc"). Read after tagging, by mentions.cc and mention_rules.cc
// (mark_scorers by people.cc). In two files: evidence.cc (rows, scorers and
// organisation names) and evidence_uses.cc (how a name is used where it
// stands: before_saying() and the declarations after it).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "people/lexicon.h"
#include "people/perceptron.h"
#include "people/tokenizer.h"

namespace morgue::people {

// Where the span [begin, end) of one line sits.
enum class RowKind {
  kText,       // ordinary text
  kTableRow,   // first thing in a row whose rest is numbers: "Radnicki 5 3 1 1 8 4 10"
  kScoreLine,  // a side in a score line: "Rotor Volgograd 2 Lada Togliatti 1"
  kFixture,    // a side of a fixture: "Swansea v Lincoln", "Partick vs St Mirren"
};
RowKind row_kind(const Document& doc, std::size_t begin, std::size_t end);

// The span [begin, end) follows a closing bracket on a results row and only
// numbers follow it: "1. Rolf Halvorsen (Norway) Rabobank 20:36:54", a team,
// a car or a place after the athlete and their country.
bool is_row_detail(const Document& doc, std::size_t begin, std::size_t end);

// True for a number as tables write it: "70", "3:35.12", "1-0", "12,000", "1.".
bool is_number(std::string_view text);

// ", a unit of ...", ", two subsidiaries of ...", ", a small drug maker,":
// what follows the name ending at `end` (a comma) says it is a company.
bool is_company_apposition(const Document& doc, std::size_t end);

// The lower forms of the capitalised words that run up to a company or
// institution word ("inc", "corp", "securities", "university") in the story,
// in no order; also the name before a company apposition (", a unit of
// Acme"), before a possessive and a part of a company ("its Halden's
// division") and after a job and "at" or "with" ("an analyst at Halden Pryce").
// A story names a few organisations, so callers scan the list.
std::vector<std::string_view> organisation_words(const Document& doc, const Lexicon& lexicon);

// How a name is used where it stands (mentions.cc and mention_rules.cc read
// these for each mention; names.cc weighs what they say over all the
// mentions of one person).
//
// A person's: "Roe said", "Roe told", "Roe, who" (a verb of saying or a
// relative pronoun for people just after the name ending at `end`). Not
// "add" before "new", "its" or a number ("Acme adds new switches": a firm's
// as often).
bool before_saying(const Document& doc, std::size_t end);
// A group's: "Acme, who were", "Acme who are" (a relative pronoun and a
// plural verb after the name): a band's or a team's, never a person's
// reading (before_saying() and before_relative() say no to it).
bool before_plural_relative(const Document& doc, std::size_t end);
// A person's, and a surer one: "Roe, who", "Roe, whose", "Roe who" (a
// relative pronoun for people after the name; before_saying() reads these too).
bool before_relative(const Document& doc, std::size_t end);
// A person's (or a team's, or a firm's: an agent's): "Roe decided", "Roe
// won" (a past form of a verb just after the name).
bool before_past_verb(const Document& doc, std::size_t end);
// Neither: "the Reagan administration", "the Roe family", "Roe aides" (a
// noun of a person's office, time or household after the name).
bool before_office_noun(const Document& doc, std::size_t end);
// A thing's: "the Walkman", "an Oscar nomination" (an article just before
// `begin`; a capital "A" may be an initial and does not count).
bool after_article(const Document& doc, std::size_t begin);
// A thing's: "Acme's Widget", "Acme's iPlayer" (a possessive and then a
// capitalised word, not opening a sentence).
bool before_possessed_name(const Document& doc, std::size_t end);
// A lone word's, as a maker's: "Acme Widget", "Acme iPlayer" (another
// capitalised word straight after it that the tagger left outside every name,
// and no known given name).
bool before_product(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon, std::size_t end);
// A lone word's, as a modifier: "Oscar nominations", "Tory leader", "Chelsea
// fans", "Acme console" (a lower-case noun after it: a word that is no
// function word, auxiliary or past form, and ends in none of "s", "ed",
// "ly", "ing" unless it is a plural like "fans" or "nominations").
bool before_modifier_head(const Document& doc, const Lexicon& lexicon, std::size_t end);
// A lone word's, as a team's or a firm's: "Acme have", "Acme are", "Acme
// were" (a plural verb after it; not after "and", "or" or a comma: "Roe and
// Poe are").
bool before_plural_verb(const Document& doc, std::size_t begin, std::size_t end);
// A lone word's, as a firm's: listed with an organisation ("Acme, IBM and
// Toshiba": a neighbour across a comma, "and" or "or" that is a known body
// the tagger read as an organisation, or an acronym).
bool listed_with_organisation(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                              std::size_t begin, std::size_t end);
// A work's: "Harry Roe and the Stone" ("and", "the" and a capitalised word
// after the name ending at `end`: the title of a book or a film).
bool before_work_title(const Document& doc, std::size_t end);
// A lone word's, as a firm's: "Acme released its new console" ("its" within
// the next six words of the sentence, before any "he", "she", "his" or "her").
bool before_its(const Document& doc, std::size_t end);
// The lower forms of capitalised words just before a lower-case company noun
// ("Acme shares", "the Acme unit", "the Acme group"), in the order of the
// story; before "group" only a word the story never writes after a known
// given name ("the Roe group" of "Jane Roe" is her people).
std::vector<std::string_view> company_noun_words(const Document& doc, const Lexicon& lexicon);

// Token `i` is a lone word the tagger reads as an organisation where "its"
// follows (before_its: "Acme has upgraded its line"), not in a line in
// capitals or a headline in title case: mentions.cc adds it to the story's
// company_noun_words, so the same word elsewhere, read as a person ("Acme
// adds a line" in a headline), is a firm's too.
bool lone_organisation_before_its(const Document& doc, const std::vector<Tag>& tags, std::size_t i);

// A goal's minute: "27", "27th", "90+2", "45'".
bool is_minute(std::string_view text);

// Scorers in brackets after a score ("Rennes 1 (Guivarch 27th, Le Roux 86th
// pen) Nantes 0"): every run of capitalised words in the brackets followed by
// its minute is a person, whatever the tagger read; their tags become person
// tags and their margins at least `confidence`. Brackets holding anything else
// are left alone.
void mark_scorers(const Document& doc, const Lexicon& lexicon, std::vector<Tag>& tags, std::vector<float>& margins,
                  float confidence);

}  // namespace morgue::people
