// Rules of the people extractor for names that are no person's: titles of
// works (films, songs, albums, shows, books, games), characters, bands and
// products, told by what the story writes around them. Private; applied by
// mentions.cc: add_work_titles() adds to the story's thing names (every
// mention of such a name is dropped), used_as_work_or_group() is one mention's
// thing use (weighed against the person's other mentions, so an actor's
// real-life part in a biopic keeps the person the rest of the story names).
#pragma once

#include <cstddef>
#include <vector>

#include "people/lexicon.h"
#include "people/tokenizer.h"

namespace morgue::people {

// Adds to `starts` the first token of each capitalised run the story gives a
// work, a band or a product:
// - after a noun for a work ("the musical Velda Rise", "his latest novel
//   Kelso Nights", "their single Halvex"; "the show Velda" but not "to show
//   Roe", nor "play", "book" or "track" after a word that makes them verbs),
//   or the noun and a word of naming ("a song called Halvex"), or between
//   commas after it ("their album, Halvex, sold"); after a noun for a firm
//   ("the carmaker Halvex", not "film maker") or shares or a stake in it
//   ("shares in Halvex", not "a stake in Roe's casino"); after a work's
//   people and "of" ("the star of Velda Rise", "the creator of Halvex");
// - before a noun for a work's or a band's people and a capitalised word
//   ("Velda Rise star Jane Roe", "Kelso Nights actress Ann Poe", "Halvex
//   guitarist Jim Roe"; for a band's people not after a known given name:
//   "Jane Roe guitarist Jim Poe" is her sideman);
// - before a noun for a work's offspring ("the Velda Rise sequel", "the
//   Kelso Nights soundtrack");
// - listed after a plural noun for works and "such as", "including" or
//   "like" ("films such as Velda Rise, Kelso Nights and Halvex"; the list
//   ends at a possessive: "films such as Jane Roe's");
// - alone between quotation marks ("the robot, dubbed "Halvex", ..."), with
//   no capitalised word just outside them (a nickname: Jim 'Ace' Roe).
// Each capitalised word of a title goes in, but one that the story writes
// elsewhere after another word ("The Diary of Jane Roe" and "Jane Roe has
// won"); a title of one word that a longer name holds elsewhere, or one
// whose last word the story reads as a person's ("Roe, who", "Mr Roe": a
// biopic named after its man), not at all.
void add_work_titles(const Document& doc, const Lexicon& lexicon, std::vector<std::size_t>& starts);

// The span [begin, end) names a part someone plays: "her character Ann
// Poe", "the character of Poe", "took the role of Jane Roe" (a verb of
// playing or taking within three words before "role"), "his role as Roe",
// "starring as Roe" (not before a possessive: "her role as Roe's deputy");
// a song: "sang Halvex Road".
bool plays_a_character(const Document& doc, std::size_t begin, std::size_t end);

// A name of several words, with no known given name first, that opens a
// clause before a plural verb ("Velda Rise have split", "..., Velda Rise
// are back"): a band's or a team's, never one person's ("Jane Roe and Jim Poe are" and "fans of Velda Rise were" are
// not read so).
bool group_before_plural_verb(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// One mention's thing use by the rules of this file: plays_a_character()
// or group_before_plural_verb().
bool used_as_work_or_group(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

}  // namespace morgue::people
