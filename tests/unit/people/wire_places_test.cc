// Wire-copy rules of the people extractor (people/wire_cues.h) added after
// judging a fourth pair of wire samples: firms after a noun for their trade
// ("software maker Halvex"), places after a compass word and
// "of", currencies and holders after an amount, towns before a state named
// in full, appositions whose adjectives are listed with commas or whose
// head is a missile, colleges, schools and stations named by the word
// that ends them (company_words.txt), works named before their kind ("the
// Halvik nuclear power plant"), ships and traders before a tonnage,
// places opened by a word for their kind ("Lake Erie") or named as a region
// of several words ("Sao Paulo"), and nouns for someone's country
// before a name or after an article ("Finn Aarno Roe", "the Dane"). One table per rule; tags, where a
// rule reads them, are written by hand. Every sentence here is written for
// this test.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
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

class CompassOf : public ::testing::TestWithParam<SpanCase> {};
TEST_P(CompassOf, NamesAPlace) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return after_compass_of(doc, lexicon(), begin, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, CompassOf, ::testing::Values(
    SpanCase{"It serves farms in rural areas north of Kelso.", "Kelso", 1, true},
    SpanCase{"The mine lies 50 miles southwest of Halvik Falls, they said", "Halvik", 2, true},
    // A given name and more is a person's, even there; and "of" must follow the compass word.
    SpanCase{"He was the worst hire south of Jane Roe, they said", "Jane", 2, false},
    SpanCase{"Rain fell on north Kelso", "Kelso", 1, false},
    SpanCase{"A friend of Kelso said so", "Kelso", 1, false},
    // A capital opens a name ("North of Kelso Ltd"): the compass word is in lower case.
    SpanCase{"North of Kelso the road ends", "Kelso", 1, false}));

class Amounts : public ::testing::TestWithParam<SpanCase> {};
TEST_P(Amounts, ComeBeforeNoPerson) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return after_amount(doc, begin, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, Amounts, ::testing::Values(
    SpanCase{"Output equalled 3.6 trillion Kelmas last year", "Kelmas", 1, true},
    SpanCase{"a yearly income of 26,120 Kelmas a head", "Kelmas", 1, true},
    SpanCase{"returns of 31.9 pct at Acme and 21.2 pct Halvex Foods", "Halvex", 2, true},
    SpanCase{"a rise of 4.5 per cent Halvex Foods reported", "Halvex", 2, true},
    SpanCase{"it sent 3,000 Marines north", "Marines", 1, true},
    // A year, a rank or a score is no amount; a number with a comma before
    // a name of two words says nothing; a sentence may end after a number.
    SpanCase{"In 1987 Roe joined the board", "Roe", 1, false},
    SpanCase{"The No. 1 Roe won again", "Roe", 1, false},
    SpanCase{"a time of 44.66 Jane Roe could not beat", "Jane", 2, false},
    SpanCase{"He ran 3:49.78. Roe was third", "Roe", 1, false}));

class StatesNamedInFull : public ::testing::TestWithParam<SpanCase> {};
TEST_P(StatesNamedInFull, FollowTowns) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return before_state_name(doc, lexicon(), begin, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, StatesNamedInFull, ::testing::Values(
    SpanCase{"It sold half of its Kelso Christi, Texas refinery", "Kelso", 2, true},
    SpanCase{"Plants at Brenna, Ontario, were closed", "Brenna", 1, true},
    SpanCase{"a bank in Vera Kelso, Mexico.", "Vera", 2, true},
    // A person and their state or their office; a capitalised word after the state.
    SpanCase{"said Greg Roe, Texas attorney general", "Greg", 2, false},
    SpanCase{"Senators Jane Roe, Ohio, and Jim Poe, Texas, voted", "Jane", 2, false},
    SpanCase{"Roe, Texas Instruments' chief, said", "Roe", 1, false},
    // A state itself, or no comma.
    SpanCase{"Rain fell in Ohio, Texas and Utah", "Ohio", 1, false},
    SpanCase{"Brenna Texas said", "Brenna", 1, false}));

TEST(PeopleWirePlaces, TownsBeforeAStateWhereverTheStoryNamesThem) {
  // The town is a thing's name all through the story ("the Kelso Christi plant").
  EXPECT_EQ(people_of("It sold its Kelso/B Christi/I , Texas refinery . The Kelso/B Christi/I plant is old . "
                      "Jane/B Roe/I said so ."),
            Words{"Jane Roe"});
  EXPECT_EQ(people_of("Greg/B Roe/I , Texas attorney general , sued . Roe/B said so ."), Words{"Greg Roe"});
}

class ListedAdjectivesAndMissiles : public ::testing::TestWithParam<SpanCase> {};
TEST_P(ListedAdjectivesAndMissiles, AreAppositionsOfThings) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t, std::size_t end) {
    return before_organisation_apposition(doc, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, ListedAdjectivesAndMissiles, ::testing::Values(
    SpanCase{"Kelmae, a privately held, family-run corporation, grew fast", "Kelmae", 1, true},
    SpanCase{"The army tested Kelmash, the home-built surface-to-air missile from the range", "Kelmash", 1,
             true},
    // A person's office is no kind of organisation; nor is "of" a listed adjective.
    SpanCase{"Jane Roe, a director, of the corporation, said", "Jane", 2, false},
    SpanCase{"Jane Roe, the corporation's chairman, said", "Jane", 2, false},
    SpanCase{"Jane Roe, a tall, thin man, said", "Jane", 2, false}));

TEST(PeopleWirePlaces, CollegesSchoolsAndStations) {
  // "State", "School", "Academy" and "Station" end the names of colleges,
  // schools and places (company_words.txt), never a person's.
  EXPECT_EQ(people_of("Kelso/B State/I beat the visitors . Halvorsen/B Pryce/I scored ."), Words{"Halvorsen Pryce"});
  EXPECT_EQ(people_of("It sold Brenna/B Graduate/I School/I to Jane/B Roe/I ."), Words{"Jane Roe"});
  EXPECT_EQ(people_of("Kelso/B Academy/I opened . Halvik/B Station/I closed . Jane/B Roe/I said so ."),
            Words{"Jane Roe"});
  // Events, and firms named by their trade.
  EXPECT_EQ(people_of("He won the Kelso/B Classic/I and the Halvik/B Bowl/I , then the Brenna/B Masters/I . "
                      "Pryce/B Motorsports/I and Halvik/B Aerospace/I sued Jane/B Roe/I ."),
            Words{"Jane Roe"});
}

class TradesBefore : public ::testing::TestWithParam<SpanCase> {};
TEST_P(TradesBefore, NameAFirm) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return after_company_descriptor(doc, lexicon(), begin, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, TradesBefore, ::testing::Values(
    SpanCase{"said the software maker Halvex on Monday", "Halvex", 1, true},
    SpanCase{"Dutch merchant bank Halvex Pryce said", "Halvex", 2, true},
    SpanCase{"an estimate by research firm Kelmar", "Kelmar", 1, true},
    // After an article or a verb the noun opens a relative clause; a given
    // name or a title belongs to a person; a new line starts anew.
    SpanCase{"It is the firm Halvex founded", "Halvex", 1, false},
    SpanCase{"Dutch film maker Jane Roe said", "Jane", 2, false},
    SpanCase{"defence group Kelso Jane Roe quit", "Kelso", 3, false},
    SpanCase{"central bank Vice Governor Halvex Pryce said", "Vice", 4, false},
    SpanCase{"Kelso can win group|Halvex said so", "Halvex", 1, false}));

class Tonnages : public ::testing::TestWithParam<SpanCase> {};
TEST_P(Tonnages, FollowShipsAndTraders) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t, std::size_t end) {
    return before_tonnage(doc, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, Tonnages, ::testing::Values(
    SpanCase{"Velda took Kelso Star 20,000 tonnes of barley", "Kelso", 2, true},
    SpanCase{"disposals include Halvik (233,641 dwt) and others", "Halvik", 1, true},
    SpanCase{"- Halvik Pryce 4,500 tons number two corn", "Halvik", 2, true},
    // A verb between, an age in brackets, or a number of something else.
    SpanCase{"Jane Roe said 20,000 tonnes were sold", "Jane", 2, false},
    SpanCase{"Jane Roe (52) said so", "Jane", 2, false},
    SpanCase{"Jane Roe 20,000 votes", "Jane", 2, false}));

TEST(PeopleWirePlaces, PlacesByTheirKindOrAsRegions) {
  // "Lake", "Mount", "Cape", "Fort" and "Port" open places' names.
  EXPECT_EQ(people_of("Ports on Lake/B Halvik/I and Mount/B Brenna/I grew . Jane/B Roe/I said so ."),
            Words{"Jane Roe"});
  // A region of several words (regions.txt) is a place.
  EXPECT_EQ(people_of("Rain fell in Sao/B Paulo/I and Minas/B Gerais/I . Jane/B Roe/I said so ."), Words{"Jane Roe"});
  // Not a word for a kind of place alone, nor after the name.
  EXPECT_EQ(people_of("Jane/B Fort/I said so ."), Words{"Jane Fort"});
}

TEST(PeopleWirePlaces, WorksNamedBeforeTheirKind) {
  EXPECT_EQ(works_starts("the owners of the Kelso nuclear power plant approved it"), Words{"Kelso"});
  EXPECT_EQ(works_starts("it will sell its Halvik Bay mill and the Brenna mines"), (Words{"Halvik", "Brenna"}));
  // Three lower-case words, no article, or a given name and more: no works.
  EXPECT_EQ(works_starts("the Kelso company said its new plant"), Words{});
  EXPECT_EQ(works_starts("Kelso built a plant"), Words{});
  EXPECT_EQ(works_starts("the Jane Roe power plant"), Words{});
  // The name is no person's anywhere in the story.
  EXPECT_EQ(people_of("The owners of the Kelso/B nuclear power plant met . Kelso/B is the ninth plant . "
                      "Jane/B Roe/I said so ."),
            Words{"Jane Roe"});
}

// The starts of thing names, then "|" and the mentions that are no person's (add_list_things).
Words list_starts(const std::string& marked) {
  TaggedDoc d;
  build_tagged(marked, d);
  std::vector<std::size_t> starts, places;
  add_list_things(d.doc, d.tags, lexicon(), starts, places);
  Words out;
  for (std::size_t s : starts) out.emplace_back(d.doc.tokens[s].text);
  if (!places.empty()) out.emplace_back("|");
  for (std::size_t s : places) out.emplace_back(d.doc.tokens[s].text);
  return out;
}

TEST(PeopleWirePlaces, ItemsAmongFirms) {
  // Most other items end in a company word (or are capitals read as an organisation): a firm too.
  EXPECT_EQ(list_starts("led by Halvik Foods , Kelso/B Pryce/I , Brenna Securities and Toshiro Bank ."),
            Words{"Kelso"});
  EXPECT_EQ(list_starts("led by Halvik Foods , Pryce/B , KMX/G and Toshiro Bank ."), (Words{"|", "Pryce"}));
  // A given name and more stays a person's; the tagger's reading alone makes no firms.
  EXPECT_EQ(list_starts("led by Jane/B Roe/I , Brenna Securities and Toshiro Bank ."), Words{});
  EXPECT_EQ(list_starts("leaders Halvik/G Vora/G , Kelso/B Pryce/I , Brenna/G Lal/G and Kamal/G met ."), Words{});
}

TEST(PeopleWirePlaces, NationalitiesBeforeAName) {
  // A noun for someone's country opens no name of three words or more ...
  EXPECT_EQ(people_of("Finn/B Jarkko/I Halvorsen/I beat David/B Roe/I ."), (Words{"Jarkko Halvorsen", "David Roe"}));
  EXPECT_EQ(people_of("He finished behind Scot/B Kathy/I Pryce/I ."), Words{"Kathy Pryce"});
  // ... and is no name after an article: the person is named otherwise.
  EXPECT_EQ(people_of("Jane/B Roe/I won . The 31-year-old Dane/B , ranked 88th , lost ."), Words{"Jane Roe"});
  EXPECT_EQ(people_of("Jane/B Roe/I won . The Swede/B was second ."), Words{"Jane Roe"});
  EXPECT_EQ(people_of("Ulsterman/B Graeme/B Pryce/I led ."), Words{"Graeme Pryce"});
  // Two words, an initial, or a lone word with no article: a person's name.
  EXPECT_EQ(people_of("Finn/B Kydland/I won the prize ."), Words{"Finn Kydland"});
  EXPECT_EQ(people_of("Dane/B A./I Roe/I said so ."), Words{"Dane A. Roe"});
  EXPECT_EQ(people_of("Scot/B said so ."), Words{"Scot"});
}

}  // namespace
}  // namespace morgue::people
