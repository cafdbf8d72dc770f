// Family names a tagged person span leaves out at its end (name_tails.h):
// after a bracketed title and given name ("(Finance Minister Kelmar)
// Velder's visit"), a word opening with "d'" ("Valery Kelmar d'Velda") and
// a known family name after a given name and another name ("Leon Halvek
// Cordero"). Tags are written by
// hand, so a test fails when the rule does, whatever the model. Every
// sentence here is written for this test; the people's names are invented.
#include <gtest/gtest.h>

#include "support/people_rules.h"

namespace morgue::people {
namespace {

using testing_support::MentionCase;

class NameTails : public ::testing::TestWithParam<MentionCase> {};

TEST_P(NameTails, TakesTheFamilyName) {
  const MentionCase& c = GetParam();
  EXPECT_EQ(testing_support::mention_texts(c.marked), c.expected) << c.what;
}

// (The shipped lists know "valery" as a given name and "president" as a
// title; the invented names they do not.)
const MentionCase kCases[] = {
    {"the family name after a bracketed title and given name",
     "\" ( Finance Minister Kelmar/B ) Velder 's visit helped , \" he said .", {"Kelmar Velder"}},
    {"not without the opening bracket", "the talks ended ) . Kelmar/B ) Velder said so .", {"Kelmar"}},
    {"not a title after the bracket", "\" ( Minister Kelmar/B ) President Roe said so . \"", {"Kelmar"}},
    {"not after a name of two words", "\" ( Minister Jane/B Kelmar/I ) Velder said so . \"", {"Jane Kelmar"}},
    {"a family name opening with d'", "former President Valery/B Kelmar/I d'Velda said so .", {"Valery Kelmar d'Velda"}},
    {"not a d' word in lower case", "former President Valery/B Kelmar/I d'velda said so .", {"Valery Kelmar"}},
    {"not without a known given name", "former President Kelmar/B Velda/I d'Roe said so .", {"Kelmar Velda"}},
    // (The lists know "cordero" and "pickens" only as family names, "iii" as a suffix.)
    {"a known family name after a given name and another name", "President Leon/B Halvek/I Cordero said so .",
     {"Leon Halvek Cordero"}},
    {"after an initial, with its suffix", "a group that includes T./B Marvel/I Pickens III said so .",
     {"T. Marvel Pickens III"}},
    {"not before another capitalised word", "President Leon/B Halvek/I Cordero Kelmar said so .", {"Leon Halvek"}},
    {"not opening a sentence", "President Leon/B Halvek/I . Cordero said so .", {"Leon Halvek"}},
    {"not a word the lists know as a given name too", "President Leon/B Halvek/I Walker said so .", {"Leon Halvek"}},
    {"not after one word", "President Leon/B Cordero said so .", {"Leon"}},
    // (The lists know "jane", "mary" and "ada" as given names.)
    {"given names sharing the family name of the last",
     "controlling shareholders Jane/B , Mary/B and Ada/B Velder/I did not agree .",
     {"Jane Velder", "Mary Velder", "Ada Velder"}},
    {"two given names", "Jane/B and Ada/B Velder/I said so .", {"Jane Velder", "Ada Velder"}},
    {"with a comma before the and", "Jane/B , Mary/B , and Ada/B Velder/I said so .",
     {"Jane Velder", "Mary Velder", "Ada Velder"}},
    {"not when the last is no person's", "Jane/B and Ada Velder said so .", {"Jane"}},
    {"not when the last goes on", "Jane/B and Ada/B Velder/I Kelso said so .", {"Jane", "Ada Velder Kelso"}},
    {"not past a member that is no given name", "Jane/B , Kelso and Ada/B Velder/I said so .",
     {"Jane", "Ada Velder"}},
};
INSTANTIATE_TEST_SUITE_P(People, NameTails, ::testing::ValuesIn(kCases));

}  // namespace
}  // namespace morgue::people
