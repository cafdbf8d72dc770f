// Wire-copy rules of the people extractor (people/wire_cues.h) added after
// judging a fifth pair of wire samples: bodies and businesses in an
// apposition ("Halvex, a home furnishings business,"), the names of parts
// of a company after "its" ("its Halvex Home and Garden division"),
// partners named as a pair after a word opening the sentence ("But Halden
// and Pryce's Roe said"), a dateline's place ("VELDA (Reuters) - "), works
// named with their kind in capitals ("the Halvik Nuclear Power Plant"),
// the sides in a schedule ("Halvex at Kelso, 7 p.m."), places opened by
// "Puerto", office holders whose family name ends companies' names ("Jane
// Steel, leader of the party"), teams before a player's position ("Kelso
// Panthers running back Jane Roe") and employers before a trade and a
// market job ("Halden Pryce food analyst Jane Roe"). One table per rule; tags, where a rule reads
// them, are written by hand. Every sentence here is written for this test.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "people/lexicon.h"
#include "people/names.h"
#include "people/tokenizer.h"
#include "people/wire_cues.h"
#include "support/people_rules.h"
#include "support/tagged_doc.h"

namespace morgue::people {
namespace {

using testing_support::build_tagged;
using testing_support::works_starts;
using testing_support::expect_span_rule;
using testing_support::SpanCase;
using testing_support::TaggedDoc;
using Words = std::vector<std::string>;

const Lexicon& lexicon() { return testing_support::people_lexicon(); }

Words people_of(const std::string& marked) { return testing_support::people_of_tagged(marked); }

bool has_word(const std::vector<std::string_view>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

class BodyAppositions : public ::testing::TestWithParam<SpanCase> {};
TEST_P(BodyAppositions, EndAnOrganisationsName) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t, std::size_t end) {
    return before_organisation_apposition(doc, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, BodyAppositions, ::testing::Values(
    SpanCase{"Kelmar, the mainstream Velda movement, said it would vote", "Kelmar", 1, true},
    SpanCase{"Halvex, a home furnishings business, has faced problems", "Halvex", 1, true},
    SpanCase{"Halvex, the ruling party, won", "Halvex", 1, true},
    SpanCase{"Halvex, a farmers association of Velda, met", "Halvex", 1, true},
    // A person's job, or the body's own words after its head.
    SpanCase{"Jane Roe, a business consultant, said", "Jane", 2, false},
    SpanCase{"Jane Roe, a union official, said", "Jane", 2, false},
    SpanCase{"Jane Roe, the party's leader, said", "Jane", 2, false},
    SpanCase{"Jane Roe, a leader of the movement, said", "Jane", 2, false}));

TEST(PeopleWireFresh, PartsOfACompanyAfterIts) {
  struct Case {
    const char* text;
    std::vector<std::string_view> in, out;
  };
  const Case cases[] = {
      {"Acme Inc said its Halvex Home and Garden division lost money", {"halvex", "home", "garden"}, {}},
      {"problems at its Kelso Supreme and Pryce operations hurt", {"kelso", "supreme", "pryce"}, {}},
      {"Acme said their Velda unit would close", {"velda"}, {}},
      // No part of a company after the name, or a sentence between.
      {"Acme said its Kelso offices would close", {}, {"kelso"}},
      {"Jane Roe sold its shares to Halvex", {}, {"jane", "roe", "halvex"}},
      {"It sold its stake. Halvex unit managers agreed", {}, {"halvex"}}};
  for (const Case& c : cases) {
    TaggedDoc d;
    build_tagged(c.text, d);
    std::vector<std::string_view> words;
    add_organisation_names(d.doc, lexicon(), words);
    for (std::string_view w : c.in) EXPECT_TRUE(has_word(words, w)) << c.text << ": " << w;
    for (std::string_view w : c.out) EXPECT_FALSE(has_word(words, w)) << c.text << ": " << w;
  }
  // The part's name is no person's wherever the story gives it.
  EXPECT_EQ(people_of("Acme Inc sold its Halvex/B Home and Garden division . Halvex/B 's managers bought it . "
                      "Jane/B Roe/I said so ."),
            Words{"Jane Roe"});
}

TEST(PeopleWireFresh, PartnersAfterASentenceOpener) {
  struct Case {
    const char* text;
    std::vector<std::string_view> in, out;
  };
  const Case cases[] = {
      {"Halden and Pryce economist Jane Roe said so. But Halden and Pryce's Roe said no", {"halden", "pryce"}, {}},
      {"Halden and Pryce bid. However Halden and Pryce's chief left", {"halden", "pryce"}, {}},
      // A capitalised name before the pair still joins it to another name.
      {"Jane Halden and Pryce met. Then Jane Halden and Pryce left", {}, {"halden", "pryce"}},
      // People named in pairs are named alone too.
      {"Reagan and Nakasone met. But Reagan and Nakasone's aides left. Reagan said so", {}, {"reagan", "nakasone"}}};
  for (const Case& c : cases) {
    TaggedDoc d;
    build_tagged(c.text, d);
    std::vector<std::string_view> words;
    add_repeated_partners(d.doc, lexicon(), words);
    for (std::string_view w : c.in) EXPECT_TRUE(has_word(words, w)) << c.text << ": " << w;
    for (std::string_view w : c.out) EXPECT_FALSE(has_word(words, w)) << c.text << ": " << w;
  }
}

class Datelines : public ::testing::TestWithParam<SpanCase> {};
TEST_P(Datelines, NameAPlace) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return is_dateline(doc, begin, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, Datelines, ::testing::Values(
    SpanCase{"VELDA (Reuters) - Prosecutors in the case said", "VELDA", 1, true},
    SpanCase{"KELSO BAY, Halvex (Kelso Network) -- Jane Roe will miss the game", "KELSO", 2, true},
    SpanCase{"VELDA, N.C. - Rain fell", "VELDA", 1, true},
    SpanCase{"Kelso Press - VELDA (KP) - Talks began", "VELDA", 1, true},
    // No dash after it, not at the start of the line, or not in capitals.
    SpanCase{"JANE ROE said it would rain", "JANE", 2, false},
    SpanCase{"Talks began in VELDA (Reuters) - today", "VELDA", 1, false},
    SpanCase{"Jane Roe (Reuters) - Talks began", "Jane", 2, false},
    SpanCase{"VELDA, the mayor - Talks began", "VELDA", 1, false},
    // A line in capitals is a headline, read by other rules.
    SpanCase{"JANE ROE - A LIFE IN SPORT", "JANE", 2, false}));

TEST(PeopleWireFresh, WorksNamedWithTheirKindInCapitals) {
  EXPECT_EQ(works_starts("a stake in the Halvik Nuclear Power Plant was sold"), Words{"Halvik"});
  EXPECT_EQ(works_starts("work on the Jane Kelso Dam began"), Words{"Jane"});
  // One word before the kind: perhaps a person's name ("a Jane Plant song").
  EXPECT_EQ(works_starts("a Jane Plant song played"), Words{});
  EXPECT_EQ(works_starts("the Jane Roe Foundation said"), Words{});
  EXPECT_EQ(people_of("It sold part of the Halvik/B Nuclear/I Power/I Plant to investors . Jane/B Roe/I said so ."),
            Words{"Jane Roe"});
}

class Schedules : public ::testing::TestWithParam<SpanCase> {};
TEST_P(Schedules, NameTeams) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return in_schedule(doc, begin, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, Schedules, ::testing::Values(
    SpanCase{"College soccer: Halvex at Kelso, 4 p.m.; Jane Roe at Velda State, 7 p.m.", "Jane", 2, true},
    SpanCase{"Jane Roe at Velda State, 3:30 p.m.", "Velda", 2, true},
    SpanCase{"MEN -- Kelso at Jane Roe, 7:30 p.m.", "Jane", 2, true},
    // A meeting place and a time, or a side with no time.
    SpanCase{"Jane Roe spoke at the hall, 7 p.m.", "Jane", 2, false},
    SpanCase{"Jane Roe at Velda State won", "Jane", 2, false},
    SpanCase{"Jane Roe arrived at Velda, 7 miles away", "Velda", 1, false}));

TEST(PeopleWireFresh, OfficeHoldersWhoseNameEndsInACompanyWord) {
  // "Steel" ends companies' names (company_words.txt) and is a family name.
  EXPECT_EQ(people_of("Jane/B Steel/I , leader of the Velda party , said so ."), Words{"Jane Steel"});
  EXPECT_EQ(people_of("Party leader Jane/B Steel/I said so ."), Words{"Jane Steel"});
  // No office: a company, as before; nor a word that is no given name first.
  EXPECT_EQ(people_of("Jane/B Steel/I said so ."), Words{});
  EXPECT_EQ(people_of("Kelso/B Steel/I , chairman of it , said so ."), Words{});
}

class PlayerPositions : public ::testing::TestWithParam<SpanCase> {};
TEST_P(PlayerPositions, FollowATeam) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t, std::size_t end) {
    return before_player_position(doc, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, PlayerPositions, ::testing::Values(
    SpanCase{"Kelso Panthers running back Jane Roe will miss the season", "Kelso", 2, true},
    SpanCase{"Velda keeper Jim Poe was left red-faced", "Velda", 1, true},
    SpanCase{"Halvex point guard Jane Roe scored", "Halvex", 1, true},
    // A verb, a conjunction or no name after the position: a person's name.
    SpanCase{"Prince Halvex fought back Monday", "Halvex", 1, false},
    SpanCase{"shortstop Jane Roe and catcher Jim Poe were hurt", "Jane", 2, false},
    SpanCase{"Jane Roe promoted quarterback Jim Poe", "Jane", 2, false},
    SpanCase{"Jane Roe back Halvex start-up", "Jane", 2, false},
    SpanCase{"Kelso signed a striker", "Kelso", 1, false},
    SpanCase{"Jane Roe aide Jim Poe said", "Jane", 2, false}));

TEST(PeopleWireFresh, TeamsBeforeAPositionAreNoPeopleAnywhere) {
  EXPECT_EQ(people_of("It rained . Kelso/B Panthers/I running back Jane/B Roe/I will miss the season . "
                      "Kelso/B Panthers/I said so ."),
            Words{"Jane Roe"});
}

TEST(PeopleWireFresh, EmployersBeforeATradeAndAMarketJob) {
  EXPECT_EQ(people_of("Halden/B Pryce/I food analyst Jane/B Roe/I said so ."), Words{"Jane Roe"});
  EXPECT_EQ(people_of("said Jane/B Roe/I , Halden/B Pryce/I oil economist ."), Words{"Jane Roe"});
  // A verb before a market job, or a job named alone, is a person's doing.
  EXPECT_EQ(people_of("Halden/B Pryce/I told economist Jim/B Poe/I so ."), (Words{"Halden Pryce", "Jim Poe"}));
  EXPECT_EQ(people_of("Halden/B Pryce/I , an analyst , said so ."), Words{"Halden Pryce"});
}

TEST(PeopleWireFresh, PlaceEndingAnInstitutionsName) {
  EXPECT_EQ(people_of("It owed money to the First Kelso Bank of Velda/B . Jane/B Roe/I said so ."), Words{"Jane Roe"});
  EXPECT_EQ(people_of("She studied at the University of Velda/B . Jane/B Roe/I said so ."), Words{"Jane Roe"});
  // Not after a word that is no company or institution word.
  EXPECT_EQ(people_of("He was a friend of Halvorsen/B . Halvorsen/B said so ."), Words{"Halvorsen"});
}

TEST(PeopleWireFresh, PuertoOpensAPlace) {
  EXPECT_EQ(people_of("A pipeline to Puerto/B Halvik/I opened . Jane/B Roe/I said so ."), Words{"Jane Roe"});
  EXPECT_EQ(people_of("Porto/B Velda/I grew . Jane/B Roe/I said so ."), Words{"Jane Roe"});
}

}  // namespace
}  // namespace morgue::people
