// Rules of the people extractor added after judging an eleventh pair of
// wire samples: a firm's name before a bracketed region and its legal form
// ("Halden Pryce (Far East) Ltd"), a title that is a given name before a
// patronymic ("Prince Sultan ibn Kelmar"), two or three words the lists
// know as places or bodies ("Latin America"), a given name's short form
// ("Richard Kelso" and "Dick Kelso"), and the first of a Spanish or
// Portuguese name's two family names written alone ("Tomas Arvelo Quintana"
// ... "Arvelo said"). Tags are written by hand, so a test fails when the
// rule does, whatever the model. Every sentence here is written for this
// test; the people's names are invented.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "people/wire_eleventh.h"
#include "support/people_rules.h"
#include "support/tagged_doc.h"

namespace morgue::people {
namespace {

using Words = std::vector<std::string>;
using testing_support::build_tagged;
using testing_support::expect_span_rule;
using testing_support::MentionCase;
using testing_support::SpanCase;
using testing_support::TaggedDoc;

const Lexicon& lexicon() { return testing_support::people_lexicon(); }

class EleventhPairKnownEntities : public ::testing::TestWithParam<SpanCase> {};

TEST_P(EleventhPairKnownEntities, ReadsTheSpan) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return all_known_entities(doc, lexicon(), begin, end);
  });
}

// (Words the shipped lists know: "latin", "america", "chad", "austin";
// the invented "Kelmar" they do not.)
const SpanCase kKnownEntityCases[] = {
    {"Bankers said Latin America needs more money", "Latin", 2, true},
    {"Bankers said Latin Kelmar needs more money", "Latin", 2, false},
    {"Bankers said Chad Austin needs more money", "Chad", 2, false},
    {"Bankers said America needs more money", "America", 1, false},
};
INSTANTIATE_TEST_SUITE_P(PeopleKnownEntities, EleventhPairKnownEntities, ::testing::ValuesIn(kKnownEntityCases));

// The words given firms (add_eleventh_pair_names) in a story with hand-written tags.
Words eleventh_names(const std::string& marked) {
  TaggedDoc d;
  build_tagged(marked, d);
  std::vector<std::string_view> words;
  add_eleventh_pair_names(d.doc, lexicon(), words);
  return Words(words.begin(), words.end());
}

struct NamesCase {
  const char* what;
  const char* marked;
  Words names;
};

class EleventhPairNames : public ::testing::TestWithParam<NamesCase> {};

TEST_P(EleventhPairNames, FindsTheFirms) {
  const NamesCase& c = GetParam();
  EXPECT_EQ(eleventh_names(c.marked), c.names) << c.what;
}

const NamesCase kNamesCases[] = {
    {"a firm before a bracketed region and 'Ltd'", "rises will slow , Halden/B Pryce/I ( Far East ) Ltd said .",
     {"halden", "pryce"}},
    {"initials in the brackets", "said Tom/B Kelso/I of Velda Securities ( U.K. ) Ltd .", {"velda", "securities"}},
    {"opening the sentence", "It fell . Halden/B Pryce/I ( Asia ) Inc said so .", {"halden", "pryce"}},
    {"the run stops at a sentence's first word", "It fell . Sales of Kelso ( Asia ) Inc rose .", {"kelso"}},
    {"no legal form after the brackets", "said Robert/B Kelman/I ( Velda ) on Monday .", {}},
    {"a lower-case word in the brackets", "said Robert/B Kelman/I ( aged 40 ) Ltd .", {}},
    {"more than three words in the brackets", "Halden ( One Two Three Four ) Ltd said .", {}},
    {"a pair before 'and' and a firm", "a bid by Kestner and Brann and Halvex Glass Inc for it", {"kestner", "brann"}},
    {"a pair after a firm, a ticker between", "a bid by Halvex Glass Inc < HGI > and Kestner and Brann .",
     {"kestner", "brann"}},
    {"a list of two people and a firm", "a bid by Kestner , Brann and Halvex Glass Inc for it", {}},
    {"an organisation's word ends the firm", "owned by Kestner and Brann and Halvex Industries .", {"kestner", "brann"}},
    {"opening a sentence", "It fell . Kestner and Brann and Halvex Glass Inc bid .", {}},
    {"longer names", "a bid by Tom Kestner and Brann and Halvex Glass Inc for it", {}},
    {"no firm after the second 'and'", "a bid by Kestner and Brann and their wives for it", {}},
};
INSTANTIATE_TEST_SUITE_P(PeopleEleventhNames, EleventhPairNames, ::testing::ValuesIn(kNamesCases));

class EleventhPairPeople : public ::testing::TestWithParam<MentionCase> {};

TEST_P(EleventhPairPeople, MergesThePeople) {
  const MentionCase& c = GetParam();
  EXPECT_EQ(testing_support::people_of_tagged(c.marked), c.expected) << c.what;
}

const MentionCase kPeopleCases[] = {
    {"the first family name alone", "president Tomas/B Arvelo/I Quintana/I said so . Arvelo/B said more .",
     {"Tomas Arvelo Quintana"}},
    {"before the full name too", "Arvelo/B said so , president Tomas/B Arvelo/I Quintana/I added .",
     {"Tomas Arvelo Quintana"}},
    {"not a middle given name", "president Karl/B Otto/I Kelmar/I said so . Otto/B said more .", {"Karl Otto Kelmar", "Otto"}},
    {"not two owners", "Tomas/B Arvelo/I Quintana/I and Maria/B Arvelo/I Pardo/I said so . Arvelo/B said more .",
     {"Tomas Arvelo Quintana", "Maria Arvelo Pardo", "Arvelo"}},
    {"not a name of four words", "Tomas/B Luis/I Arvelo/I Quintana/I said so . Arvelo/B said more .",
     {"Tomas Luis Arvelo Quintana", "Arvelo"}},
    {"a short form of the given name", "chairman Richard/B Kelso/I said so . Dick/B Kelso/I added more .",
     {"Richard Kelso"}},
    {"either order", "Jim/B Velder/I said so , and James/B Velder/I added more .", {"Jim Velder"}},
    {"not two given names", "Richard/B Kelso/I said so . Robert/B Kelso/I added more .", {"Richard Kelso", "Robert Kelso"}},
    {"a firm before a bracketed region is none", "Halden/B Pryce/I ( Far East ) Ltd said . Halden/B Pryce/I estimates it . Jane/B Roe/I said so .",
     {"Jane Roe"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleEleventhPeople, EleventhPairPeople, ::testing::ValuesIn(kPeopleCases));

class EleventhPairMentions : public ::testing::TestWithParam<MentionCase> {};

TEST_P(EleventhPairMentions, TrimsTheTitles) {
  const MentionCase& c = GetParam();
  EXPECT_EQ(testing_support::mention_texts(c.marked), c.expected) << c.what;
}

const MentionCase kMentionCases[] = {
    {"a title after a title and before 'ibn' is a given name", "the daily quoted Prince/B Sultan/I ibn/I Kelmar/I as saying",
     {"Sultan ibn Kelmar"}},
    {"and before 'bin'", "It said Sheikh/B Sultan/I bin/I Rashid/I al-Kelmar/I ruled .", {"Sultan bin Rashid al-Kelmar"}},
    {"a given name there already", "the daily quoted Prince/B Kalid/I ibn/I Kelmar/I as saying", {"Kalid ibn Kelmar"}},
    {"not before a family name", "the daily quoted President/B Sultan/I Kelmar/I as saying", {"Kelmar"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleEleventhMentions, EleventhPairMentions, ::testing::ValuesIn(kMentionCases));

}  // namespace
}  // namespace morgue::people
