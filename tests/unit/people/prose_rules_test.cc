// Rules of the people extractor added after judging a sample of BBC feature
// prose (prose_rules.h): a given name written as a bare initial on a team
// sheet, letters after a name, a name made an adjective with a hyphen, a
// verb of saying before the speaker, and a party's member before a name.
// The tags are written by hand, so a test fails when the rule does, whatever
// the model. Every sentence here is written for this test; the people's names
// are invented.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/people_rules.h"

namespace morgue::people {
namespace {

using Names = std::vector<std::string>;
using testing_support::MentionCase;
using testing_support::mention_texts;
using testing_support::people_of_tagged;

class ProseMentions : public ::testing::TestWithParam<MentionCase> {};

TEST_P(ProseMentions, KeepExactlyTheseMentions) {
  const MentionCase& c = GetParam();
  EXPECT_EQ(mention_texts(c.marked), c.expected) << c.what;
}

class ProsePeople : public ::testing::TestWithParam<MentionCase> {};

TEST_P(ProsePeople, KeepExactlyThesePeople) {
  const MentionCase& c = GetParam();
  EXPECT_EQ(people_of_tagged(c.marked), c.expected) << c.what;
}

// A team sheet's "J Roe" is the "Jane Roe" of the text.
const MentionCase kBareInitialCases[] = {
    {"an initial without a full stop joins the full name",
     "Jane/B Roe/I scored/ twice/ .|J/B Roe/I (/ Velda/ )/ ,/ K/B Poe/I (/ Kelso/ )/ .", {"Jane Roe", "K Poe"}},
    {"the full name is the person's name when the sheet comes first",
     "J/B Roe/I (/ Velda/ )/ ,/ K/B Poe/I (/ Kelso/ )/ .|Jane/B Roe/I scored/ twice/ .", {"Jane Roe", "K Poe"}},
    {"another letter is another person", "Jane/B Roe/I scored/ .|T/B Roe/I played/ too/ .", {"Jane Roe", "T Roe"}},
};
INSTANTIATE_TEST_SUITE_P(People, ProsePeople, ::testing::ValuesIn(kBareInitialCases));

// Letters after a name, a name made an adjective, a verb of saying before it.
const MentionCase kMentionCases[] = {
    {"a silk's letters", "Jane/B Roe/I QC/I ,/ for/ the/ family/ ,/ spoke/ .", {"Jane Roe"}},
    {"a member's letters", "Jim/B Poe/I MP/I said/ so/ .", {"Jim Poe"}},
    {"after a surname alone", "Roe/B QC/I said/ so/ .", {"Roe"}},
    {"letters alone are not stripped to nothing", "QC/B said/ so/ .", {"Qc"}},
    {"an adjective made with a hyphen names the person", "a/ Jane/B Roe-style/I tax/ cut/ .", {"Jane Roe"}},
    {"led by", "the/ Poe-led/B coalition/ fell/ .", {"Poe"}},
    {"a double-barrelled name stays whole", "Anna/B Kelmar-Roe/I spoke/ .", {"Anna Kelmar-Roe"}},
    {"so does one ending in a lower-case word that is no such ending", "Anna/B Kelmar-dun/I spoke/ .",
     {"Anna Kelmar-dun"}},
    {"a verb of saying before the speaker and a colon", "Said/B Roe/I :/ \"/ We/ won/ ./ \"", {"Roe"}},
    {"and a comma", "Added/B Poe/I ,/ \"/ It/ was/ fine/ ./ \"", {"Poe"}},
    {"a given name that is also the verb, before a verb", "Said/B Velmani/I won/ the/ race/ .",
     {"Said Velmani"}},
    {"not inside a sentence", "Then/ Said/B Velmani/I :/ \"/ No/ ./ \"", {"Said Velmani"}},
    {"a party's member before a full name", "the/ Tory/B Marta/I Velgrave/I said/ so/ .", {"Marta Velgrave"}},
    {"before a title", "the/ Tory/B Chairwoman/I spoke/ .", {}},
    {"before a title and a name", "the/ Tory/B Lord/I Halvik/I spoke/ .", {"Halvik"}},
    {"before a word no list knows as a surname", "the/ Tory/B Velgravia/I plan/ .", {}},
    {"alone", "He/ backed/ Tory/B plans/ .", {}},
    {"a given name and a surname stay a name", "Tory/B Halvorsen/I sang/ .", {"Tory Halvorsen"}},
};
INSTANTIATE_TEST_SUITE_P(People, ProseMentions, ::testing::ValuesIn(kMentionCases));

}  // namespace
}  // namespace morgue::people
