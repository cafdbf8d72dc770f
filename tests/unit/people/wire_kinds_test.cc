// Wire-copy rules of the people extractor (people/wire_cues.h) added after
// judging a third pair of wire samples: a kind of organisation before an
// apposition ("the state oil company, Halvex,"), a name ending in a
// capitalised verb of saying, a product's apposition (", a growth hormone
// for"), initials in brackets read as the organisation's name, lists after
// a plural kind noun ("companies, including ..."), lists of towns before
// a state, markup or a web wire's links left in the text, currencies, and
// partners' names a story gives only as a pair. One table per rule; tags, where a rule reads them, are written by
// hand. Every sentence here is written for this test.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
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
using testing_support::TaggedDoc;
using Words = std::vector<std::string>;

const Lexicon& lexicon() { return testing_support::people_lexicon(); }

using testing_support::span_of;

using testing_support::SpanCase;
using testing_support::expect_span_rule;

class OrganisationNounsBefore : public ::testing::TestWithParam<SpanCase> {};
TEST_P(OrganisationNounsBefore, NameAnOrganisation) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return after_organisation_noun(doc, lexicon(), begin, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, OrganisationNounsBefore, ::testing::Values(
    SpanCase{"Kelmar's state-run oil company, Halvex, cut its output", "Halvex", 1, true},
    SpanCase{"The firm, Halvex Pryce, signed the deal on Monday", "Halvex", 2, true},
    SpanCase{"A small carrier, Kelso Air, said it would fly", "Kelso", 2, true},
    SpanCase{"The deal was signed by the firm, Halvex Pryce, on Monday", "Halvex", 2, false},
    // A phrase after a preposition describes a person.
    SpanCase{"Another official of the bank, Halvex Pryce, was charged", "Halvex", 2, false},
    SpanCase{"The head of Kelmar's oil company, Halvex Pryce, said", "Halvex", 2, false},
    // A known given name and a family name is a person's.
    SpanCase{"The firm, Jane Roe, said, would grow", "Jane", 2, false},
    // Words that name people too, and no comma after the name.
    SpanCase{"The producer, Halvex, said it was over", "Halvex", 1, false},
    SpanCase{"Sales at the company, Halvex said, rose", "Halvex", 1, false},
    SpanCase{"Company, Halvex, rose", "Halvex", 1, false}));

class SayingVerbs : public ::testing::TestWithParam<SpanCase> {};
TEST_P(SayingVerbs, EndNoName) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return ends_in_saying_verb(doc, begin, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, SayingVerbs, ::testing::Values(
    SpanCase{"'Not Now!' Jane Roe Says at Kelso Rally to Open Fair", "Jane", 3, true},
    SpanCase{"Jane Roe Tells Fans She Will Stay", "Jane", 3, true},
    SpanCase{"Jane Roe said it would rain", "Jane", 2, false},
    SpanCase{"Jane Roe Saysmith won", "Jane", 3, false},
    SpanCase{"Says won the race", "Says", 1, false}));

class ProductAppositions : public ::testing::TestWithParam<SpanCase> {};
TEST_P(ProductAppositions, AreNoPeople) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t, std::size_t end) {
    return before_organisation_apposition(doc, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, ProductAppositions, ::testing::Values(
    SpanCase{"Halvex has sold Kelmatrin, a synthetic growth hormone for treating short children", "Kelmatrin", 1, true},
    SpanCase{"it tested Pryvex, a new vaccine, on mice", "Pryvex", 1, true},
    SpanCase{"Jane Roe, a drug dealer, was held", "Jane", 2, false},
    SpanCase{"Jane Roe, a drug company executive, said", "Jane", 2, false},
    SpanCase{"Halvex, a bank for farmers, opened", "Halvex", 1, true}));

class DistributorsBefore : public ::testing::TestWithParam<SpanCase> {};
TEST_P(DistributorsBefore, NameAFirm) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return after_company_descriptor(doc, lexicon(), begin, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, DistributorsBefore, ::testing::Values(
    SpanCase{"Software distributor Halvex has warned of a flaw", "Halvex", 1, true},
    SpanCase{"film distributor Jane Roe said", "Jane", 2, false}));

class MarkupAndLinks : public ::testing::TestWithParam<SpanCase> {};
TEST_P(MarkupAndLinks, AreNoProse) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return is_markup_or_link(doc, begin, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, MarkupAndLinks, ::testing::Values(
    SpanCase{"Don 't panic, the makers said", "Don", 1, true},
    SpanCase{"Rain fell. <FONT face=\"tahoma,Halden Pryce,arial\" size=\"-2\"><B>-The Kelso Post</B></FONT>", "Halden", 2, true},
    SpanCase{"Halvex Bank (HVX.TO: Quote, Profile, Research) said", "Profile", 1, true},
    SpanCase{"Don Roe said it was over", "Don", 2, false},
    SpanCase{"Rex 's dog ran", "Rex", 1, false},
    // Angle brackets around a firm's name, and brackets after a person's.
    SpanCase{"<Halden Pryce Inc> named Jane Roe president", "Jane", 2, false},
    SpanCase{"<Halden Pryce Inc> said", "Halden", 2, false},
    SpanCase{"Jane Roe (Kelso: a town) said", "Kelso", 1, false}));

class Currencies : public ::testing::TestWithParam<SpanCase> {};
TEST_P(Currencies, AreNoPeople) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return ends_in_currency(doc, begin, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, Currencies, ::testing::Values(
    SpanCase{"it fell to 1.52 N.Z. Dlrs from 1.55", "N.Z.", 2, true},
    SpanCase{"rates in Kelso Dlr terms", "Kelso", 2, true},
    SpanCase{"Jane Marks said", "Jane", 2, false},
    SpanCase{"the Dlrs fell", "Dlrs", 1, false}));

TEST(PeopleWireKinds, CollegesNamedTech) {
  // "Tech" ends a college's name like "College" does (company_words.txt).
  TaggedDoc d;
  build_tagged("Kelso/B Tech/I beat the visitors . Halvorsen/B Pryce/I scored .", d);
  EXPECT_EQ(merge_mentions(collect_mentions(d.doc, d.tags, {}, lexicon()), lexicon()), Words{"Halvorsen Pryce"});
}

bool has_word(const std::vector<std::string_view>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

TEST(PeopleWireKinds, BracketedInitialsNameTheOrganisation) {
  struct Case {
    const char* text;
    std::vector<std::string_view> in, out;
  };
  const Case cases[] = {
      {"Volumes at the Kelso International Grain Exchange (KIGE) rose. Kige said so", {"kige", "kelso", "grain"}, {}},
      {"Halden Pryce Hispano (HPH) is selling", {"hph", "halden"}, {}},
      // Not the initials: no word of the name, nor the code.
      {"Jane Roe (AP) said", {}, {"ap", "jane", "roe"}},
      {"Jane Roe (R) won", {}, {"r", "jane"}}};
  for (const Case& c : cases) {
    TaggedDoc d;
    build_tagged(c.text, d);
    std::vector<std::string_view> words;
    add_organisation_names(d.doc, lexicon(), words);
    for (std::string_view w : c.in) EXPECT_TRUE(has_word(words, w)) << c.text << ": " << w;
    for (std::string_view w : c.out) EXPECT_FALSE(has_word(words, w)) << c.text << ": " << w;
  }
}

TEST(PeopleWireKinds, AnOrganisationNounsApposition) {
  // The name is an organisation's wherever the story gives it.
  TaggedDoc d;
  build_tagged("Kelmar's state-run oil company, Halvex, cut output. A Halvex/B official said Halvex/B lost money.",
               d);
  std::vector<std::string_view> words;
  add_organisation_names(d.doc, lexicon(), words);
  EXPECT_TRUE(has_word(words, "halvex"));
  EXPECT_EQ(merge_mentions(collect_mentions(d.doc, d.tags, {}, lexicon()), lexicon()), Words{});
}

TEST(PeopleWireKinds, PartnersNamedOnlyAsAPair) {
  struct Case {
    const char* text;
    std::vector<std::string_view> in, out;
  };
  const Case cases[] = {
      {"A partnership of Acme Inc and Halden and Pryce bid. Halden and Pryce said so", {"halden", "pryce"}, {}},
      {"Halden and Pryce said it would bid. It named Halden and Pryce's chief", {"halden", "pryce"}, {}},
      // Once only; or one of them named alone; or next to other capitalised words.
      {"A partnership of Acme Inc and Halden and Pryce bid.", {}, {"halden", "pryce"}},
      {"Reagan and Nakasone met. Reagan and Nakasone agreed. Reagan said so", {}, {"reagan", "nakasone"}},
      {"Jane Halden and Pryce met. Jane Halden and Pryce left", {}, {"halden", "pryce"}},
      {"HALDEN AND PRYCE BID|Halden and Pryce bid. Halden and Pryce said so", {"halden", "pryce"}, {}},
      // One name twice: a firm's, even once.
      {"Halden and Halden bid for it", {"halden"}, {}},
      {"Halden amp; Halden bid for it", {"halden"}, {}},
      {"Halden and Pryce bid for it", {}, {"halden"}}};
  for (const Case& c : cases) {
    TaggedDoc d;
    build_tagged(c.text, d);
    std::vector<std::string_view> words;
    add_repeated_partners(d.doc, lexicon(), words);
    for (std::string_view w : c.in) EXPECT_TRUE(has_word(words, w)) << c.text << ": " << w;
    for (std::string_view w : c.out) EXPECT_FALSE(has_word(words, w)) << c.text << ": " << w;
  }
}

// The starts of thing names, then "|" and the mentions that are places.
std::vector<std::string> thing_starts(const std::string& marked) {
  TaggedDoc d;
  build_tagged(marked, d);
  std::vector<std::size_t> starts, places;
  add_list_things(d.doc, d.tags, lexicon(), starts, places);
  std::vector<std::string> out;
  for (std::size_t s : starts) out.emplace_back(d.doc.tokens[s].text);
  if (!places.empty()) out.emplace_back("|");
  for (std::size_t s : places) out.emplace_back(d.doc.tokens[s].text);
  return out;
}

TEST(PeopleWireKinds, ListsAfterAKindNoun) {
  EXPECT_EQ(thing_starts("suits against 12 companies, including Halvex, Kelmar, Pryce and Toshiro, over patents"),
            (Words{"Halvex", "Kelmar", "Pryce", "Toshiro"}));
  EXPECT_EQ(thing_starts("carmakers such as Halvex and Kelmar lost"), (Words{"Halvex", "Kelmar"}));
  EXPECT_EQ(thing_starts("firms such as Halvex lost"), (Words{"Halvex"}));
  // People are no kind of firm; given names open people's names.
  EXPECT_EQ(thing_starts("players including Halvex and Kelmar lost"), Words{});
  EXPECT_EQ(thing_starts("companies including Jane Roe and Halvex"), (Words{"Halvex"}));
  EXPECT_EQ(thing_starts("companies, Halvex and Kelmar said"), Words{});
}

TEST(PeopleWireKinds, ListsOfTownsBeforeAState) {
  EXPECT_EQ(thing_starts("plants in Alvik/B , Brenna/B and Cortland/B , Texas , were sold"),
            (Words{"|", "Alvik", "Brenna", "Cortland"}));
  EXPECT_EQ(thing_starts("flights to Alvik/B and Brenna/B , Ore. , from Denver"), (Words{"|", "Alvik", "Brenna"}));
  EXPECT_EQ(thing_starts("plants in Sioux/B Flats/I and Brenna/B , New York , closed"), (Words{"Sioux", "|", "Brenna"}));
  // Not before a capitalised word ("Texas Instruments"), nor without a list.
  EXPECT_EQ(thing_starts("Alvik/B , Brenna/B and Cortland/B , Texas Instruments chiefs , met"), Words{});
  EXPECT_EQ(thing_starts("in Alvik/B , Texas , Brenna/B said"), Words{});
  // A given name and more stays a person's.
  TaggedDoc d;
  build_tagged("Jane/B Roe/I and Cortland/B , Texas , sued . Roe/B said so .", d);
  EXPECT_EQ(merge_mentions(collect_mentions(d.doc, d.tags, {}, lexicon()), lexicon()), Words{"Jane Roe"});
}

}  // namespace
}  // namespace morgue::people
