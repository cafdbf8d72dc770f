// What wire copy writes around a name that is no person's (private): a
// headline in title case, an organisation's initials or ticker in brackets,
// a town before a state's abbreviation, an apposition naming a kind of
// organisation, a lead manager of a bond issue, the items of a list of
// places or of models, and partners' names in a firm's name. Read after
// tagging, by mentions.cc (each span, and the story's evidence gathered once
// into mention_rules.h's StoryEvidence) and people.cc (the headline's title
// case); each rule is a function of its own so its test can fail alone. One
// header for six files, by the family of the rules: wire_cues.cc,
// wire_firms.cc, wire_partners.cc, wire_lists.cc, wire_sports.cc and
// wire_eighth.cc (the rules of the eighth pair of wire samples).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "people/lexicon.h"
#include "people/perceptron.h"
#include "people/tokenizer.h"

namespace morgue::people {

// --- Text that is no prose (wire_cues.cc) --------------------------------

// The headline tokens [begin, end) are in title case ("Activist's Daughter
// Speaks Against Castro"): at least three words other than short function
// words, all capitalised, and not a line in capitals. Their case then says
// as little as a line in capitals does.
bool is_title_case(const Document& doc, std::size_t begin, std::size_t end);

// Sets kTitleCase on the tokens [begin, end) when is_title_case() holds.
void mark_title_case(Document& doc, std::size_t begin, std::size_t end);

// The tokens from `body_begin` open with the headline's, [0, title_end),
// word for word: a web feed's body that repeats its headline ("Halvex
// Unveils New Kelso Line Halvex unveiled ..."), to be read as the headline is.
bool repeats_title(const Document& doc, std::size_t title_end, std::size_t body_begin);

// "Jane Roe Says at a Rally": a name of two words or more that ends in a
// capitalised verb of saying (a line in title case inside the text) is a
// guess; the person it names is named again without it.
bool ends_in_saying_verb(const Document& doc, std::size_t begin, std::size_t end);

// Text that is no prose: the first half of a contraction split by a space
// ("Don 't"), a word inside an HTML tag left in the text with an attribute
// ("<FONT face=\"verdana,MS Sans Serif\">"), or a web wire's links after a
// ticker ("(TD.TO: Quote, Profile, Research)").
bool is_markup_or_link(const Document& doc, std::size_t begin, std::size_t end);

// "<VLX>", "<Halden Pryce Inc>": the span [begin, end) opens just after a
// "<" that a ">" closes within eight tokens: wire copy writes a ticker or a
// company's name so, never a person's (is_markup_or_link reads tags).
bool in_angle_brackets(const Document& doc, std::size_t begin, std::size_t end);

// "DENVER (Reuters) - ", "CHARLOTTE, N.C. (AP) -- ", "Kelso Press - VELDA
// (KP) - ": the span, in capitals inside a line that is not, opens the
// line (or follows a source's dash) and is followed by an optional state or
// country after a comma, an optional agency in brackets, and a dash: a
// dateline's place.
bool is_dateline(const Document& doc, std::size_t begin, std::size_t end);

// --- Companies, organisations and products (wire_firms.cc) ---------------

// "Banque Nationale de Paris (BNP)", "Santander Central Hispano (BSD2.FSE)",
// "Nortel (NYSE: NT)": the span [begin, end) is followed by its initials, a
// ticker or an exchange's code in round brackets.
bool before_bracketed_code(const Document& doc, std::size_t begin, std::size_t end);

// "J.D. Power, a California-based market research firm", "Wen Wei Po, a
// Hong Kong daily,", "Time Warner, the largest US media company": an
// apposition after the name at `end` (a comma) whose head, before any
// preposition, is a kind of organisation. Unlike is_company_apposition it
// lets capitalised words (places, "US") stand before the head.
bool before_organisation_apposition(const Document& doc, std::size_t end);

// "lead manager Morgan Stanley said", "co-lead managers Acme Securities":
// the manager of a bond issue is a bank.
bool after_issue_manager(const Document& doc, std::size_t begin);

// "analyst Arvid Jauppi" (of "Arvid Jauppi and Associates"): a job written in
// lower case just before a name that is also a firm's, so a person's. Not
// a role firms hold too ("lead manager", "financial advisor") and not a
// capitalised title, which may open a firm's name ("General Dynamics").
bool after_job_title(const Document& doc, const Lexicon& lexicon, std::size_t begin);

// "the search giant Google", "chipmaker Intel", "retailer Wal-Mart": a
// lower-case word naming a kind of firm just before the name; "giant" only
// after another lower-case word ("search giant", not "Chinese giant Yao").
// Not "maker" alone, nor "company" or "firm", which a person's name follows
// in a relative clause ("the firm Jane Roe founded"); nor a name of a
// given name and a family name ("basketball giant Yao Ming").
bool after_company_descriptor(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// "Bee Staff Writer", "Courier Staff Reporter": the paper's name before a
// staff byline ("By Jane Roe -- Bee Staff Writer"): a span that ends in
// "Staff" before "Writer", "Reporter" or the like; not a writer's own name
// run into it ("By Peter Ford Staff writer").
bool is_staff_byline(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// "Brazil's state oil company, Petrobras, said": the span stands alone
// between commas after a noun naming a kind of organisation, whose phrase
// an article or a possessive opens ("the producer, Jane Roe," is a person:
// "maker", "producer" and "publisher" are not such nouns), and not after a
// preposition ("an official of the bank, Jane Roe,") nor for a known given
// name and a family name.
bool after_organisation_noun(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// The words of names the story gives an organisation, appended to `words`
// (lower forms): before an apposition naming a kind of organisation,
// before initials or a ticker in brackets ("Time Warner, the largest US
// media company", "Santander Central Hispano (BSD2.FSE)"), after "lead
// manager", before a player's position (before_player_position) and
// between "its" and a part of a company ("its Halvex Home and Garden
// division", "its Kelso and Pryce operations"), so the same name elsewhere
// ("Time Warner readies ...", "Morgan led a syndicate", "Halvex's
// management") is no person's either.
void add_organisation_names(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words);

// Partners' names in a firm's name, appended to `words` (lower forms): two
// single names joined by "and" before a company word ("Harper and Row
// Publishers"; not "Paul Volcker and IMF Fund officials"), capitalised
// words and commas straight before ", Inc" ("Howard, Weil,
// Labouisse, Friedrichs, Inc"), and the name before a comma that leads to a
// legal form after "of", "at", "from" or "by" ("analyst at L.F. Rothschild,
// Unterberg Towbin Inc"; not "Jane Roe, Acme Corp chairman").
void add_partner_names(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words);

// Partners' names of a firm the story names only as a pair, appended to
// `words` (lower forms): "Wagner and Brown" twice or more, neither word
// standing anywhere in the text without the other ("a partnership of Acme
// Inc and Wagner and Brown ... an affiliate of Wagner and Brown"). Not
// words next to other capitalised words, nor a pair written in a headline
// alone; people named in pairs are named apart too ("Reagan and Nakasone
// met ... Reagan said"). One name twice is a firm's even once ("Johnson
// and Johnson", "Dominick & Dominick").
void add_repeated_partners(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words);

// Partners' surnames a story lists as a firm's name, appended to `words`
// (lower forms): three lone capitalised words or more joined by commas and
// a last "and" or "&" ("a lawyer at Halden, Pryce, Velda and Kelso",
// "a fund run by Halden, Pryce and Velda"), not opening a
// sentence ("Roe, Poe and Kay scored" may be players), none of which the
// story names as a person anywhere (after a given name, an initial, a title
// or an honorific: "Jane Pryce", "Mr Pryce"). In wire_partners.cc.
void add_partner_lists(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words);

// A firm's partners' names after a person's name and "of" or "at",
// appended to `words` (lower forms): one to three capitalised words, "and"
// or "&", and one more, with nothing capitalised after it ("Jane Roe of
// Halden Pryce and Velda said"). None of them named elsewhere as a person
// is (after a given name, an initial, a title or an honorific: "Jim Velda"),
// and not a name of two words or more after "and" ("Jane Roe of Kelso and
// Jim Poe"). In wire_partners.cc.
void add_employer_partners(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words);

// --- Lists, tables and places (wire_lists.cc) ----------------------------

// "Redmond, Wash.", "Hunt Valley, Md.", "Memphis, TN (": the span is a town
// before a state's abbreviation; or the lone word is that abbreviation ("Md").
bool is_town_or_state(const Document& doc, std::size_t begin, std::size_t end);

// "20 miles north of Kelso": the span [begin, end) is a place after a
// lower-case compass word and "of"; not a given name and more ("south of
// Jane Roe" is a person's, in a joke).
bool after_compass_of(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// "3.6 trillion Kelmas", "26,120 Kelmas", "21.2 pct Halvex Foods": the span
// [begin, end) follows an amount: a number and a word of magnitude or a
// percentage ("mln", "billion", "pct", "per cent"), or, for a lone word, a
// number written with a comma or a decimal point (a currency, a unit or a
// holder, never a person: a rank "1." or a year "1987" does not count).
bool after_amount(const Document& doc, std::size_t begin, std::size_t end);

// "its Port Velda, Texas refinery", "Kelso, Ontario.": the span [begin,
// end) is a town before a comma and a state named in full (a region of
// regions.txt with nothing capitalised after it; "Roe, Texas Instruments'
// chief" is a person). Not a given name and more ("Jane Roe, Texas, and Jim
// Poe, Ohio": legislators and their states), nor a region itself.
bool before_state_name(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// "Velda took Kelso Star 20,000 tonnes", "Halvik (233,641 dwt)": a name
// ending at `end` before a tonnage is a ship's or a trader's, in shipping
// and grain reports.
bool before_tonnage(const Document& doc, std::size_t end);

// "N.Z. Dlrs", "H.K. Dlrs": a name of two words or more that ends in a
// currency's plural (wire copy's tables of rates).
bool ends_in_currency(const Document& doc, std::size_t begin, std::size_t end);

// Where the items of lists that name things start: each capitalised item of
// a list ("A, B and C", "A or B") followed by a plural noun of a kind
// ("Alliance, Encore and GTA models", "Misamis Occidental and Davao del Sur
// provinces", "... co-managed the deal"), appended to `starts`
// (mention_rules.h's StoryEvidence::thing_names: the name is a thing's wherever
// the story gives it). An item that opens with a known given name and has
// more words is a person's and is left out. And where the lone-word items of
// a list whose other items are mostly places (the tagger's reading or the
// lexicon's) stand, appended to `places_at`: only those mentions are places
// ("Henan, Shaanxi, Gansu and Hebei"; a tagger that reads "Molik, Dellacqua
// and Moore" as two places loses "Moore" there, not "Jessica Moore").
void add_list_things(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                     std::vector<std::size_t>& starts, std::vector<std::size_t>& places_at);

// Where the names of teams a result names by their town start, appended to
// `starts` (mention_rules.h's StoryEvidence::thing_names, as add_list_things):
// the two sides of "X beat Y 102-99" ("edged", "lost to", ...) are of one
// kind, so when one is a place (the tagger's reading or the lexicon's:
// "Utah") the other is a team too ("Denver"), here and wherever the story
// names it. Not when neither is a place ("Sampras beat Agassi 6-4"), nor
// for set scores ("6-4 6-3", "6-4, 7-5"), nor for a name that opens with a
// known given name and has more words.
void add_match_opponents(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                         std::vector<std::size_t>& starts);

// Where the names of works start, appended to `starts` (as
// add_list_things): a name of one to three capitalised words after "the",
// "its", "a" or "their" and before a noun for a plant, a mine or the like,
// perhaps after one or two lower-case words ("the Halvik nuclear power
// plant", "its Kelso mill"), so "Halvik is the ninth plant" is no person
// either. Not a given name and more, unless the noun for the works, in
// capitals, ends the name after two words or more ("the Halvik Nuclear
// Power Plant").
void add_works_names(const Document& doc, const Lexicon& lexicon, std::vector<std::size_t>& starts);

// Where lone words that name a team by its town start, appended to
// `starts` (as add_match_opponents): after a word for a team's game and
// "against", "versus" or "with" ("Sunday's game against Denver", "a matchup
// with Kelso"; "game" only after a possessive; not "match", "fight" or
// "victory over", said of players too), and
// before "to a 4-1 win" after "leading" or the like ("leading Kelso to a
// 4-1 win").
void add_team_names(const Document& doc, std::vector<std::size_t>& starts);

// --- Sports copy (wire_sports.cc) ----------------------------------------

// "Kelso Panthers running back Jane Roe", "Velda keeper Jim Poe": a name
// at `end` followed by a player's position (perhaps after one lower-case
// word) and a capitalised name is a team's, never said of a person ("Roe
// aide Jim Poe" is).
bool before_player_position(const Document& doc, std::size_t end);

// "Halvex at Kelso State, 7 p.m.; Velda at Brenna, 3:30 p.m.": the span is
// a side of a fixture in a schedule (a team, a school): before "at", the
// other side and a time, or after a side and "at" and before a time.
bool in_schedule(const Document& doc, std::size_t begin, std::size_t end);

// --- All the rules that read one span (wire_cues.cc) ---------------------

// One of the rules above that read one span, is_title_case and
// after_job_title aside: the span [begin, end) is no person's name.
bool wire_says_not_a_person(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// --- Rules of the eighth pair of wire samples (wire_eighth.cc) -----------

// "cif Kelso dlrs per tonne": the span at `end` is followed by a currency's
// unit in lower case ("dlrs", "stg", "yen"): a market or a place, never a
// person ("marks" and "pounds" are verbs and nouns too, so not those).
bool before_currency_unit(const Document& doc, std::size_t end);

// "Velda KVRP have identified": a word of the span is an acronym with no
// vowel ("Y" counts as one), three capitals or more outside a headline in
// capitals: a body's initials, never a person's name ("Ng" is too short).
bool holds_vowelless_acronym(const Document& doc, std::size_t begin, std::size_t end);

// "Kelso-based Halvex said": the span follows (or opens with) a place's
// adjective ending in "-based": a firm or a body. Not a known given name and
// more ("Kelso-based Jane Roe" may be an artist).
bool after_based_adjective(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// One of the three rules above (asked by wire_says_not_a_person).
bool wire_eighth_says_not_a_person(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end);

// Names the story gives firms and teams, in one pass over its tokens:
//
// A firm named after its founder with a possessive, appended to `words`
// (lower forms): a lone capitalised word, "'s", one to three capitalised
// words and a legal form ("Halvik's Fine Foods Inc"), so "Halvik's said"
// and "Halvik was acquired" elsewhere are no person's either. Not a name of
// two words ("Jane Roe's Halvex Inc": a person and her firm), nor a title.
//
// The capitalised words after a place's "-based", appended to `words`
// (lower forms): "NJ-based Halvex" makes "Halvex said" elsewhere a firm's.
// Not a known given name and more.
//
// Where lone words naming a team start, appended to `starts` (as
// add_team_names): after "against" or "versus" and before "in", a day's
// possessive and a word for a game within five words ("against Kelso in
// Saturday night's exhibition game"; not "against Roe in the final").
void add_eighth_pair_names(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words,
                           std::vector<std::size_t>& starts);

}  // namespace morgue::people
