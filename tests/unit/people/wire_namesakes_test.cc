// Rules of the people extractor for names like people's that stand for
// firms and places (after judging the twelfth and thirteenth pairs of wire
// samples): a firm's name before a market job and a person's name ("Halden
// Pryce analyst Jane Roe"), a place in a price row ("98 at Velda"), a place
// named by its kind ("Villa Kelso"), a name listed with firms ("Halden
// Pryce, Kelso Velder and Roe Securities"), a bank's role in an issue
// ("Halden Pryce would be dealer"), a capital standing alone for its
// government ("Washington said"), and a firm's partners joined by a hyphen
// or a capital "And" ("Halden Kelso-Pryce and Roe Ltd"). Tags are written by
// hand, so a test fails when the rule does, whatever the model. Every
// sentence here is written for this test; the people's names are invented.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "people/wire_namesakes.h"
#include "support/people_rules.h"
#include "support/tagged_doc.h"

namespace morgue::people {
namespace {

using testing_support::expect_span_rule;
using testing_support::MentionCase;
using testing_support::SpanCase;

const Lexicon& lexicon() { return testing_support::people_lexicon(); }

class NamesakeMarketJob : public ::testing::TestWithParam<SpanCase> {};

TEST_P(NamesakeMarketJob, ReadsTheSpan) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return before_market_job_and_name(doc, begin, end);
  });
}

const SpanCase kMarketJobCases[] = {
    {"the field is small , added Halden Pryce analyst Jane Roe .", "Halden", 2, true},
    {"said J.K. Velder economist Tom Kelso on Monday", "J.K.", 2, true},
    {"said Velda Kelso dealer Tom Roe on Monday", "Velda", 2, true},
    {"the field is small , added analyst Jane Roe .", "Jane", 2, false},
    {"Halden Pryce analysts said the field is small .", "Halden", 2, false},
    {"Jane Roe , an analyst , said the field is small .", "Jane", 2, false},
    {"Halden Pryce analyst and trader said so .", "Halden", 2, false},
    {"It hired Jane Roe as analyst . Tom Kelso said so .", "Jane", 2, false},
};
INSTANTIATE_TEST_SUITE_P(PeopleMarketJob, NamesakeMarketJob, ::testing::ValuesIn(kMarketJobCases));

class NamesakeIssueRole : public ::testing::TestWithParam<SpanCase> {};

TEST_P(NamesakeIssueRole, ReadsTheSpan) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t, std::size_t end) {
    return takes_an_issue_role(doc, end);
  });
}

const SpanCase kIssueRoleCases[] = {
    {"Halden Pryce of Velda would be dealer for the programme .", "Halden", 2, true},
    {"Halden Pryce , as agent for the banks , will pay .", "Halden", 2, true},
    {"Halden Pryce was lead manager of the issue .", "Halden", 2, true},
    {"Halden Pryce and Kelso Roe are joint arrangers .", "Kelso", 2, true},
    {"Jane Roe was a dealer in Velda .", "Jane", 2, false},
    {"Jane Roe , as chairman , will pay .", "Jane", 2, false},
    {"Jane Roe was manager of the team .", "Jane", 2, false},
    {"Jane Roe said dealers were selling .", "Jane", 2, false},
};
INSTANTIATE_TEST_SUITE_P(PeopleIssueRole, NamesakeIssueRole, ::testing::ValuesIn(kIssueRoleCases));

class NamesakePriceRow : public ::testing::TestWithParam<SpanCase> {};

TEST_P(NamesakePriceRow, ReadsTheSpan) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t) {
    return after_number_at(doc, begin);
  });
}

const SpanCase kPriceRowCases[] = {
    {"It rose two to 104 at Velda Kelso and fell at Roe .", "Velda", 2, true},
    {"It was unchanged at 98 at Kelmar and fell .", "Kelmar", 1, true},
    {"They were held up by a gritty 84 from Jane Roe .", "Jane", 2, false},
    {"It was quoted at Velda Kelso and fell .", "Velda", 2, false},
    {"It rose 104 pct at Velda Kelso and fell .", "Velda", 2, false},
    {"It rose two to 104 with Velda Kelso and fell .", "Velda", 2, false},
};
INSTANTIATE_TEST_SUITE_P(PeoplePriceRow, NamesakePriceRow, ::testing::ValuesIn(kPriceRowCases));

class NamesakePlaceWord : public ::testing::TestWithParam<SpanCase> {};

TEST_P(NamesakePlaceWord, ReadsTheSpan) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return opens_with_place_word(doc, begin, end);
  });
}

const SpanCase kPlaceWordCases[] = {
    {"Grain was shipped from Bahia Kelso on Monday .", "Bahia", 2, true},
    {"Grain was shipped to Villa Velda and San Kelmar .", "Villa", 2, true},
    {"Grain was shipped to Villa Velda and San Kelmar .", "San", 2, true},
    {"Grain was shipped to Ciudad Roe .", "Ciudad", 2, true},
    {"Grain was shipped by Jane Villa on Monday .", "Jane", 2, false},
    {"Grain was shipped by Villa on Monday .", "Villa", 1, false},
};
INSTANTIATE_TEST_SUITE_P(PeoplePlaceWord, NamesakePlaceWord, ::testing::ValuesIn(kPlaceWordCases));

class NamesakePlaceNounOf : public ::testing::TestWithParam<SpanCase> {};

TEST_P(NamesakePlaceNounOf, ReadsTheSpan) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t) {
    return after_place_noun_of(doc, begin);
  });
}

const SpanCase kPlaceNounOfCases[] = {
    {"a hulk off its naval port of Kelso Velda was hit", "Kelso", 2, true},
    {"sunk in the harbor area of Velda Roe , Mexico", "Velda", 2, true},
    {"the mayor of Kelso Velda said so", "Kelso", 2, false},
    {"the Port of Kelso Velda said so", "Kelso", 2, false},
    {"a friend of Jane Roe said so", "Jane", 2, false},
};
INSTANTIATE_TEST_SUITE_P(PeoplePlaceNounOf, NamesakePlaceNounOf, ::testing::ValuesIn(kPlaceNounOfCases));

class NamesakeCapital : public ::testing::TestWithParam<SpanCase> {};

TEST_P(NamesakeCapital, ReadsTheSpan) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return capital_for_government(doc, lexicon(), begin, end);
  });
}

// (The shipped lists know "washington" and "paris" as names too.)
const SpanCase kCapitalCases[] = {
    {"Ships fired on a platform . Washington said the raid was a warning .", "Washington", 1, true},
    {"Paris said it would send no troops .", "Paris", 1, true},
    {"Mayor Jane Washington won . Washington said so .", "Washington", 1, false},
    {"Mayor H. Washington won . Washington said so .", "Washington", 1, false},
    {"Washington said so . Mayor Jane Washington won .", "Washington", 1, false},
    {"Kelso said the raid was a warning .", "Kelso", 1, false},
    {"Jane Washington said the raid was a warning .", "Jane", 2, false},
};
INSTANTIATE_TEST_SUITE_P(PeopleCapital, NamesakeCapital, ::testing::ValuesIn(kCapitalCases));

class NamesakeFirmPartners : public ::testing::TestWithParam<MentionCase> {};

TEST_P(NamesakeFirmPartners, DropsTheFirm) {
  const MentionCase& c = GetParam();
  EXPECT_EQ(testing_support::mention_texts(c.marked), c.expected) << c.what;
}

const MentionCase kFirmPartnerCases[] = {
    {"the first partner's name before a hyphen",
     "It bought Halden/B Kelso-Pryce/I and Roe Ltd . It owns half of Halden/B Kelso/I , Jane/B Velder/I said .",
     {"Jane Velder"}},
    {"not before a lower-case part",
     "It bought Halden/B Kelso-based/I and Roe Ltd . It owns half of Halden/B Kelso/I , Jane/B Velder/I said .",
     {"Halden Kelso", "Jane Velder"}},
    {"a capital 'And' between partners",
     "It hired Halden/B Pryce/I , Kelso Velder And Co Inc , to sell it . Halden/B Pryce/I agreed .", {}},
    {"not over a lower-case 'and' two words from the legal form",
     "It hired Halden/B Pryce/I and Kelso and Velder Roe Inc to sell it . Halden/B Pryce/I agreed .",
     {"Halden Pryce", "Halden Pryce"}},
    {"a firm before a market job is the firm elsewhere too",
     "added Halden/B Pryce/I analyst Jane/B Roe/I . Roe/B of Halden/B Pryce/I said so .", {"Jane Roe", "Roe"}},
    {"a name listed with a firm is a firm's",
     "buying by Halden/B Pryce/I , Kelso Velder and Roe Securities . Tom/B Kelso/I said so .", {"Tom Kelso"}},
    {"not when the firm's word is a family name too", "buying by Halden/B Pryce/I , Kelso Velder and Roe Bank .",
     {"Halden Pryce"}},
    {"not a list of two", "buying by Halden/B Pryce/I and Roe Trust Inc and others .", {"Halden Pryce"}},
    {"an 'and' before a comma is within a name",
     "the Velder and Kelso Securities Board , Jane/B Roe/I and Tom/B Kelso/I said .", {"Jane Roe", "Tom Kelso"}},
    {"names listed before a plural noun for things",
     "it merged the Velder , Kelso and Halden/B Pryce/I banks . Tom/B Roe/I said so .", {"Tom Roe"}},
    {"not a list of two before the noun", "it merged the Kelso and Halden/B Pryce/I banks .", {"Halden Pryce"}},
    {"not before a verb", "Velder , Kelso and Halden/B Pryce/I banked it .", {"Halden Pryce"}},
    {"not a name after the job's person",
     "added Kelso analyst Jane/B Roe/I . Roe/B of Halden/B Pryce/I said so .", {"Jane Roe", "Roe", "Halden Pryce"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleFirmPartners, NamesakeFirmPartners, ::testing::ValuesIn(kFirmPartnerCases));

}  // namespace
}  // namespace morgue::people
