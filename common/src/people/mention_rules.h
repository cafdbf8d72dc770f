// When a tagged person span is no person's name, and how it is used where it
// stands (private): the rules collect_mentions() (mentions.cc) applies to
// each span, with what the whole story says gathered once before.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "people/lexicon.h"
#include "people/perceptron.h"
#include "people/tokenizer.h"

namespace morgue::people {

// What the whole story says, gathered once before the mentions are cut.
struct StoryEvidence {
  // How the tagger read each word across the story: a word read as a place
  // or an organisation more often than as a person is not taken alone.
  // A story has a few dozen entity tokens: a list scanned per lone-word
  // mention is cheaper than a map built for every story.
  std::vector<std::pair<std::string_view, bool>> entity_tokens;  // lower form, read as a person
  std::vector<std::string_view> organisation_words;              // see organisation_words()
  // Where a capitalised name follows a word like "tanker" or "newspaper".
  std::vector<std::size_t> thing_names;
  // Capitalised words the story writes before a company noun ("Acme shares").
  std::vector<std::string_view> company_noun_words;
  // Lone words listed among places ("Henan, Shaanxi, Gansu and Hebei"), by position.
  std::vector<std::size_t> list_places;
};

// A word like "tanker" or "firm" just before token `i`, in the same sentence
// (a headline ending "... MANAGEMENT FIRM" says nothing of the line after it).
bool kind_word_before(const Document& doc, const Lexicon& lexicon, std::size_t i);

// Where the names after a word like "tanker", "newspaper" or "stockbrokers"
// start, with the second of two joined by "and" ("stockbrokers Phillips and
// Drew").
std::vector<std::size_t> thing_names(const Document& doc, const Lexicon& lexicon);

// The span [begin, end) repeats a name the story gives a thing elsewhere:
// "Resalat said" after "the evening newspaper Resalat reported".
bool names_a_thing_elsewhere(const Document& doc, const StoryEvidence& story, std::size_t begin, std::size_t end);

// The span [begin, end) is the tail of a longer name whose first word the
// tagger read as something else: "Las Vegas" giving "Vegas", "New York
// Yankees" giving "Yankees".
bool tail_of_longer_name(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                         std::size_t begin, std::size_t end);

// A lone word just before a place, an organisation or another name, in
// the same sentence: "Latin America", "Latin American".
bool head_of_longer_name(const Document& doc, const std::vector<Tag>& tags, std::size_t begin, std::size_t end);

// "Mr", "Mrs.", "Dr", "Sir", "Dame", "Lady" and the like (lower-case form).
bool is_honorific(std::string_view lower);

// "Finn Aarno Roe", "Scot Kathy Roe", "Frenchman Arsene Poe": the
// span [begin, end) of three words or more opens with a noun for someone's
// country before a word that is no initial, so the name starts a word
// later. Two words are a person's ("Finn Kydland", "Scot Pollard").
bool opens_with_nationality(const Document& doc, std::size_t begin, std::size_t end);

// "the 31-year-old Dane", "the Swede", "Ulsterman Graeme Roe": a lone noun
// for someone's country after an article (and perhaps one lower-case word)
// or before another capitalised word is a description, not a name.
bool is_nationality_description(const Document& doc, std::size_t begin, std::size_t end);

// A party and a state after a politician's name: "R-Minn", "D-Texas".
bool is_party_and_state(std::string_view word);

// A lower-case word that places what follows on a map: "northwest", "southern".
bool is_compass_word(const Token& t);

// "Jan 12, 2008", "3 Jan 2008": a month's short name next to a number is
// a date, not a given name ("Jan" is one).
bool is_date_month(const Document& doc, std::size_t i);

// "Kelmar 4-Heavy", "Kelso KX-17B": a word with a digit in it names a model,
// a product or a code, never a person (a name's own words have none).
bool has_digit_word(const Document& doc, std::size_t begin, std::size_t end);

// "KXMicro", "ABCorp": a word that opens with two capitals or more and goes
// on in lower case (not an acronym's plural, "CEOs", nor a Dutch "IJ")
// is a firm's or a product's, never a word of a person's name; unless the
// lexicon knows it as a given name or a surname ("JAne", a typing slip).
bool has_acronym_head_word(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);
// "Kelsians", "Veldis": the plural of a people's name that the lexicon
// lists as a place or body in the singular ("Kelsian", "Veldi": a word
// ending in "i" or "an"), and no surname; a lone word, never a person.
bool is_plural_demonym(const Lexicon& lexicon, std::string_view lower);
// "OKs", "CEOs", "PCs": capitals and a plural "s", an acronym's plural or a
// verb made of one ("Roe OKs funds"), never the last word of a name.
bool is_plural_acronym(std::string_view word);

// The span [begin, end) in story words is an organisation, a country or a
// place, an event or a product rather than a person.
bool names_something_else(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// "Dean Witter" when the story also writes "Dean Witter Reynolds Inc".
bool in_organisation_name(const Document& doc, const StoryEvidence& story, std::size_t begin, std::size_t end);

// The span [begin, end) is used here as a thing's name (see Mention::thing_use):
// "the Walkman", "Acme's Widget", "Acme released its", "Acme iPlayer", "Oscar
// nominations", "Acme have" (a team or a firm taking a plural verb), "Acme,
// IBM and Toshiba", or a lone word the story writes before a company noun
// ("Acme shares"). A given name and more is a person's whatever surrounds it
// ("a Jane Roe film"), and so is a name before a noun of office ("the Reagan
// administration"). For the archive (`archive`: store/thing_names.h), a
// name of several words before a noun it modifies or a plural verb counts
// too ("Roe Pryce fans", "Roe Pryce were"), and so does a given name and
// more, read only by cues a person's name seldom has: an article, a noun it
// modifies, a plural verb, or "and the" and a capitalised word ("the Harry
// Roe films", "Harry Roe and the Stone": one story cannot tell "a Jane Roe
// film" from a film's title, the whole archive can). Not a possessive: "Jane
// Roe's Red Door" is her film.
bool used_as_thing(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                   const StoryEvidence& story, std::size_t begin, std::size_t end, bool archive = false);

}  // namespace morgue::people
