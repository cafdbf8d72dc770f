// Rules of the people extractor added after judging a seventh pair of wire
// samples: a word that opens with an acronym and goes on in lower case
// ("KXMicro"), the plural of a people's name ("Kuwaitis", "Somalis"),
// a firm's partners' names after an analyst's name and "of" ("Jane Roe of
// Halden Pryce and Velda said"), a firm read so before "its" elsewhere,
// "adds new", angle brackets, "group", and a lone word after "in". The tags are written by hand, so a test
// fails when the rule does, whatever the model. Every sentence here is
// written for this test; the people's names are invented.
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

const Lexicon& lexicon() { return testing_support::people_lexicon(); }

class SeventhPair : public ::testing::TestWithParam<MentionCase> {};

TEST_P(SeventhPair, KeepExactlyTheseMentions) {
  const MentionCase& c = GetParam();
  EXPECT_EQ(mention_texts(c.marked), c.expected) << c.what;
}

// An acronym run into a word in lower case: a firm's or a product's name.
const MentionCase kAcronymHeadCases[] = {
    {"an acronym run into a word, alone", "The/ chip/ maker/ ,/ KXMicroelectra/B ,/ grew/ ./", {}},
    {"and ending a name", "Shares/ of/ Velda/B KGaB/I rose/ ./", {}},
    {"a name with an acronym's plural after it keeps the name", "Jane/B Roe/I CEOs/I met/ ./", {"Jane Roe"}},
    {"a given name typed with two capitals is still a name", "JAne/B Roe/I spoke/ ./", {"JAne Roe"}},
    {"a name in capitals is no such word", "JANE/B ROE/I SPOKE/ ./", {"Jane Roe"}},
};
INSTANTIATE_TEST_SUITE_P(People, SeventhPair, ::testing::ValuesIn(kAcronymHeadCases));

// The plural of a people's name, listed as a place or body in the singular.
const MentionCase kDemonymCases[] = {
    {"a people's name in the plural", "The/ queen/ urged/ Kuwaitis/B to/ vote/ ./", {}},
    {"another", "Somalis/B queued/ for/ aid/ ./", {}},
    {"a surname ending in s is kept", "Jane/ met/ Roberts/B ./", {"Roberts"}},
    {"a name of two words is left to other rules", "Jim/B Somalis/I spoke/ ./", {"Jim Somalis"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleDemonyms, SeventhPair, ::testing::ValuesIn(kDemonymCases));

// A firm's partners after an analyst's name and "of" or "at".
const MentionCase kEmployerCases[] = {
    {"two names and one after 'and'",
     "Jane/B Roe/I of/ Halden/B Pryce/I and/ Velda/B said/ prices/ rose/ ./",
     {"Jane Roe"}},
    {"one name and one, after 'at'", "Jim/B Poe/I at/ Kelso/B and/ Brenna/B expects/ more/ ./", {"Jim Poe"}},
    {"the same words elsewhere in the story", "Jim/B Poe/I of/ Kelso/ and/ Brenna/ said/ so/ ./ Kelso/B agreed/ ./",
     {"Jim Poe"}},
    {"not a person after 'and'", "Jane/B Roe/I of/ Kelso/ and/ Jim/B Poe/I spoke/ ./", {"Jane Roe", "Jim Poe"}},
    {"not a word named as a person elsewhere",
     "Jane/B Roe/I of/ Kelso/ and/ Brenna/ said/ so/ ./ Tom/B Brenna/I agreed/ ./",
     {"Jane Roe", "Tom Brenna"}},
    {"not after a word in lower case", "The/ wife/ of/ Halden/B and/ Velda/B spoke/ ./", {"Halden", "Velda"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleEmployers, SeventhPair, ::testing::ValuesIn(kEmployerCases));

// A lone word read as an organisation before "its" elsewhere in the story,
// and "add" before an object no speech opens.
const MentionCase kFirmCases[] = {
    {"a headline's word the story reads as a firm before 'its'",
     "Halvex/B launches/ a/ tablet/ ./ Halvex/G has/ upgraded/ its/ range/ ./", {}},
    {"not when the firm reading has no 'its'", "Halvex/B launches/ a/ tablet/ ./ Halvex/G grew/ ./", {"Halvex"}},
    {"'adds new' is no verb of saying", "Halvex/B adds/ new/ tablets/ ./ Halvex/B improved/ its/ range/ ./", {}},
    {"'adds' before a number neither", "Velda/B adds/ 300/ jobs/ ./ Velda/B raised/ its/ output/ ./", {}},
    {"a word before a lower-case 'group' is a firm's", "The/ Velda/B group/ grew/ ./ Velda/B is/ big/ ./", {}},
    {"not a person's surname, written after a given name",
     "Jane/B Roe/I is/ ill/ ./ The/ Roe/B group/ objected/ ./ Roe/B is/ away/ ./ Roe/B is/ here/ ./", {"Jane Roe"}},
    {"'added' before a clause still is", "Roe/B added/ the/ deal/ was/ fair/ ./ Roe/B raised/ its/ bid/ ./", {"Roe"}},
};
// A ticker or a firm's name in angle brackets; a name ending in a word for
// an alliance of bodies (company_words.txt).
const MentionCase kBracketCases[] = {
    {"a ticker in angle brackets", "Velda/ Electric/ </ VE/B >/ rose/ ./", {}},
    {"a firm's name in angle brackets", "It/ bought/ </ Halden/B Pryce/I and/ Co/ >/ ./", {}},
    {"a person after the brackets is kept", "</ VX/ >/ chief/ Jane/B Roe/I spoke/ ./", {"Jane Roe"}},
    {"a name ending in Alliance", "Kelso/B Alliance/I names/ a/ director/ ./", {}},
    {"and in Coalition", "The/ Velda/B Coalition/I met/ ./", {}},
};
INSTANTIATE_TEST_SUITE_P(PeopleBrackets, SeventhPair, ::testing::ValuesIn(kBracketCases));

// A lone word after "in" is a place's mention, though the tagger read a person.
const MentionCase kAfterInCases[] = {
    {"a lone word after 'in'", "The/ cafe/ in/ Kelso/B was/ full/ ./", {}},
    {"only that mention goes", "Faith/ in/ Roe/B fell/ ./ Roe/B said/ so/ ./", {"Roe"}},
    {"not before a possessive", "In/ Roe/B 's/ view/ ,/ in/ Roe/B 's/ words/ ,/ it/ failed/ ./", {"Roe", "Roe"}},
    {"not a name of two words", "Faith/ in/ Jane/B Roe/I fell/ ./", {"Jane Roe"}},
    {"not after a capital 'In'", "In/ Kelso/B there/ was/ rain/ ./", {"Kelso"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleAfterIn, SeventhPair, ::testing::ValuesIn(kAfterInCases));

class SeventhPairPeople : public ::testing::TestWithParam<MentionCase> {};

TEST_P(SeventhPairPeople, KeepExactlyThesePeople) {
  const MentionCase& c = GetParam();
  EXPECT_EQ(testing_support::people_of_tagged(c.marked), c.expected) << c.what;
}

INSTANTIATE_TEST_SUITE_P(PeopleFirms, SeventhPairPeople, ::testing::ValuesIn(kFirmCases));

TEST(PeopleSeventhPair, PluralDemonyms) {
  for (const char* word : {"kuwaitis", "somalis", "omanis", "mexicans"}) {
    EXPECT_TRUE(is_plural_demonym(lexicon(), word)) << word;
  }
  // A surname, a given name's plural and a place's are not.
  for (const char* word : {"roberts", "kuwaiti", "bridges", "mainess", "chiles"}) {
    EXPECT_FALSE(is_plural_demonym(lexicon(), word)) << word;
  }
}

}  // namespace
}  // namespace morgue::people
