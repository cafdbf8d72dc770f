// Rules of the people extractor added after judging an eighth pair of wire
// samples: a name before a currency's unit ("cif Kelso dlrs"), an acronym
// with no vowel ("Velda KVRP"), a name after a place's "-based", a firm
// named after its founder with a possessive ("Halvik's Fine Foods Inc"), a
// web wire's ticker with its links ("(nasdaq: HVX - news - people )") and
// a lone word before a school's or a firm's people ("Kelso researchers")
// and a team played against in a day's game.
// The tags are written by hand, so a test fails when the rule does,
// whatever the model. Every sentence here is written for this test; the
// people's names are invented.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "people/lexicon.h"
#include "people/mention_rules.h"
#include "people/names.h"
#include "people/tokenizer.h"
#include "support/people_rules.h"
#include "support/tagged_doc.h"

namespace morgue::people {
namespace {

using testing_support::build_tagged;
using testing_support::MentionCase;
using testing_support::mention_texts;
using testing_support::TaggedDoc;

class EighthPair : public ::testing::TestWithParam<MentionCase> {};

TEST_P(EighthPair, KeepExactlyTheseMentions) {
  const MentionCase& c = GetParam();
  EXPECT_EQ(mention_texts(c.marked), c.expected) << c.what;
}

// A name just before a currency's unit: a market or a place in a price table.
const MentionCase kCurrencyCases[] = {
    {"a name before 'dlrs'", "Oil/ cif/ Kelso/B dlrs/ per/ tonne/ 330/ ./", {}},
    {"after a full stop, the unit capitalised", "Oil/ cif/ Kelso/B ./ Dlrs/ per/ tonne/ 385/ ./", {}},
    {"'yen' in lower case", "Velda/B yen/ deposits/ rose/ ./", {}},
    {"a number between is a payment", "Halvex/ paid/ Jane/B Roe/I 5/ mln/ dlrs/ ./", {"Jane Roe"}},
    {"'marks' is a verb too", "In-form/ Jim/B Poe/I marks/ his/ debut/ ./", {"Jim Poe"}},
    {"'Yen' capitalised is a name", "Lin/B Yen/I spoke/ ./", {"Lin Yen"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleCurrency, EighthPair, ::testing::ValuesIn(kCurrencyCases));

// An acronym with no vowel in a name.
const MentionCase kAcronymCases[] = {
    {"a place and a body's initials", "Velda/B KVRP/I have/ identified/ the/ officer/ ./", {}},
    {"the initials alone", "The/ KVRP/B said/ so/ ./", {}},
    {"a short surname with no vowel is kept", "Tom/B Ng/I spoke/ ./", {"Tom Ng"}},
    {"a surname in capitals with a vowel is kept", "Tom/B BRANDT/I spoke/ ./", {"Tom Brandt"}},
    {"a person beside the initials is kept", "Jane/B Roe/I of/ the/ KVRP/ spoke/ ./", {"Jane Roe"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleAcronyms, EighthPair, ::testing::ValuesIn(kAcronymCases));

// A name after a place's "-based".
const MentionCase kBasedCases[] = {
    {"the tagger took the adjective in", "Kelso/ ,/ NJ-based/B Halvex/I said/ ./", {}},
    {"a lone word after it", "The/ Kelso-based/ Halvex/B grew/ ./", {}},
    {"the same word elsewhere", "Kelso-based/ Halvex/ grew/ ./ Halvex/B said/ so/ ./", {}},
    {"a given name and more is kept", "Kelso-based/ Jane/B Roe/I sang/ ./", {"Jane Roe"}},
    {"and after a people's name", "It/ beat/ Velda-based/ Kelsan/ Jane/B Roe/I ./ Roe/B lost/ ./", {"Jane Roe", "Roe"}},
    {"a lower-case word between", "A/ Kelso-based/ designer/ ,/ Halvex/B ,/ spoke/ ./", {"Halvex"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleBased, EighthPair, ::testing::ValuesIn(kBasedCases));

// A firm named after its founder with a possessive.
const MentionCase kFounderCases[] = {
    {"the founder's name elsewhere",
     "Acme/ bought/ Halvik/ 's/ Fine/ Foods/ Inc/ ./ Halvik/B 's/ had/ sales/ of/ 30/ mln/ ./", {}},
    {"with one word before the legal form", "Velda/ 's/ Stores/ Corp/ grew/ ./ Velda/B operates/ 22/ stores/ ./", {}},
    {"a person's full name before the possessive",
     "Jane/ Roe/ 's/ Halvex/ Inc/ grew/ ./ Roe/B said/ so/ ./", {"Roe"}},
    {"a title before the name", "President/ Roe/ 's/ Kelso/ Corp/ grew/ ./ Roe/B said/ so/ ./", {"Roe"}},
    {"no legal form", "Halvik/ 's/ Fine/ Foods/ grew/ ./ Halvik/B said/ so/ ./", {"Halvik"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleFounders, EighthPair, ::testing::ValuesIn(kFounderCases));

// A web wire's ticker with its links after a firm's name.
const MentionCase kTickerCases[] = {
    {"an exchange, a ticker and links", "Halvex/B (/ nasdaq/ :/ HVX/ -/ news/ -/ people/ )/ grew/ ./", {}},
    {"the same word elsewhere", "Halvex/B team/ up/ |Halvex/ (/ otc/ :/ HVXY/ -/ news/ -/ people/ )/ grew/ ./", {}},
    {"a person before a bracket of words", "Jane/B Roe/I (/ a/ friend/ of/ the/ news/ people/ )/ spoke/ ./",
     {"Jane Roe"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleTickers, EighthPair, ::testing::ValuesIn(kTickerCases));

class EighthPairPeople : public ::testing::TestWithParam<MentionCase> {};

TEST_P(EighthPairPeople, KeepExactlyThesePeople) {
  const MentionCase& c = GetParam();
  EXPECT_EQ(testing_support::people_of_tagged(c.marked), c.expected) << c.what;
}

// A lone word before a school's or a firm's people, in the plural.
const MentionCase kPeopleHeadCases[] = {
    {"before 'researchers'", "AP/ -/ Kelso/B researchers/ will/ watch/ five/ herds/ ./", {}},
    {"before 'shareholders'", "Halvex/B shareholders/ voted/ ./", {}},
    {"a person said so elsewhere", "Roe/B said/ so/ ./ Roe/B researchers/ agreed/ ./", {"Roe"}},
    {"a given name and more", "Jane/B Roe/I researchers/ agreed/ ./", {"Jane Roe"}},
};
INSTANTIATE_TEST_SUITE_P(PeoplePlurals, EighthPairPeople, ::testing::ValuesIn(kPeopleHeadCases));

// A lone word after "against" and before "in" a day's game: a team.
const MentionCase kGameCases[] = {
    {"a day's exhibition game",
     "Troy/B Poe/I did/ not/ play/ against/ Kelso/B in/ Saturday/ night/ 's/ exhibition/ game/ ./", {"Troy Poe"}},
    {"the same word elsewhere", "Kelso/B struggled/ ./ Velda/ won/ against/ Kelso/B in/ Sunday/ 's/ game/ ./", {}},
    {"not a final", "Jim/B Poe/I lost/ against/ Roe/B in/ the/ final/ ./", {"Jim Poe", "Roe"}},
    {"not a game with no day's possessive", "Jim/B Poe/I won/ against/ Roe/B in/ the/ second/ game/ ./",
     {"Jim Poe", "Roe"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleGames, EighthPairPeople, ::testing::ValuesIn(kGameCases));

}  // namespace
}  // namespace morgue::people
