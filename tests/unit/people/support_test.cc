// The support rule of the people extractor (support.h, names.cc): what
// around a mention reads as a person's, and a one-word name none of whose
// mentions is supported, the tagger not very sure of it, is nobody. Tags
// and margins are written by hand, so a test fails when the rule does,
// whatever the model. Every sentence here is written for this test; the
// people's names are invented.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "people/names.h"
#include "people/support.h"
#include "support/people_rules.h"
#include "support/tagged_doc.h"

namespace morgue::people {
namespace {

using Words = std::vector<std::string>;
using testing_support::build_tagged;
using testing_support::span_of;
using testing_support::SpanCase;
using testing_support::TaggedDoc;

const Lexicon& lexicon() { return testing_support::people_lexicon(); }

class SupportAround : public ::testing::TestWithParam<SpanCase> {};

TEST_P(SupportAround, ReadsTheSpan) {
  const SpanCase& c = GetParam();
  TaggedDoc d;
  build_tagged(c.text, d);
  auto [begin, end] = span_of(d.doc, c.first, c.words);
  EXPECT_EQ(supported_around(d.doc, d.tags, lexicon(), begin, end), c.expected) << c.text;
}

const SpanCase kSupportCases[] = {
    // A verb of saying after a quotation or a comma: the name is its speaker.
    {"\" Sales will rise , \" said Kelvane/B .", "Kelvane", 1, true},
    {"Sales will rise , said Kelvane/B on Monday .", "Kelvane", 1, true},
    {"He said Kelvane/B left the board .", "Kelvane", 1, false},
    // A noun of office after it.
    {"the Kelvane/B administration cut taxes", "Kelvane", 1, true},
    {"the Kelvane/B chain cut prices", "Kelvane", 1, false},
    // A role in apposition.
    {"Kelvane/B , a director of the bank , left", "Kelvane", 1, true},
    {"Kelvane/B , chairman of Velda , left", "Kelvane", 1, true},
    {"Kelvane/B , managing director , left", "Kelvane", 1, true},
    {"the loan carries a spread over Kelvane/B , which banks set", "Kelvane", 1, false},
    {"a bid by Kelvane/B , Orrin/B for the chain", "Kelvane", 1, false},
    // An age.
    {"Kelvane/B , 52 , was named", "Kelvane", 1, true},
    {"Kelvane/B ( 52 ) was named", "Kelvane", 1, true},
    {"Kelvane/B , 1987 , was named", "Kelvane", 1, false},
    // A goal's minute in a scorers' bracket.
    {"Velda 2 ( Kelvane/B 10th , Orrin/B 89th ) .", "Kelvane", 1, true},
    {"Velda 2 ( Kelvane/B 10th , Orrin/B 89th ) .", "Orrin", 1, true},
    {"Brask/B ( Kelvane/B 71 ) , Orrin/B", "Kelvane", 1, true},
    {"its Kelvane/B 12 pct stake , it said", "Kelvane", 1, false},
    // A list of three people or more, a bracket after a span skipped.
    {"Brask/B , Kelvane/B , Orrin/B and Pell/B played", "Kelvane", 1, true},
    {"Brask/B ( Tolm/B 71 ) , Kelvane/B , Orrin/B played", "Orrin", 1, true},
    {"Jorun/B Brask/I , Kelvane/B and Orrin/B played", "Orrin", 1, true},
    {"Kelvane/B and Orrin/B of Velda bid", "Orrin", 1, false},
    {"Velda/G , Kelvane/B and Orrin/B bid", "Orrin", 1, false},
};
INSTANTIATE_TEST_SUITE_P(PeopleSupport, SupportAround, ::testing::ValuesIn(kSupportCases));

// A story with hand-written tags, the tagger's margin on every token, and
// the names kept.
struct MarginCase {
  const char* what;
  const char* marked;
  float margin;
  Words expected;
};

Words people_with_margin(const MarginCase& c) {
  TaggedDoc d;
  build_tagged(c.marked, d);
  const std::vector<float> margins(d.doc.tokens.size(), c.margin);
  return merge_mentions(collect_mentions(d.doc, d.tags, margins, lexicon()), lexicon());
}

class SupportKeeps : public ::testing::TestWithParam<MarginCase> {};

TEST_P(SupportKeeps, KeepsThePeople) {
  const MarginCase& c = GetParam();
  EXPECT_EQ(people_with_margin(c), c.expected) << c.what;
}

const MarginCase kKeepCases[] = {
    {"two lone words, no support", "A bid by Kelvane/B , Orrin/B for the Velda chain is due .", 10, {}},
    {"the tagger very sure", "A bid by Kelvane/B , Orrin/B for the Velda chain is due .", 50, {"Kelvane", "Orrin"}},
    {"a lone word, no support", "It sold shares to Kelvane/B on Monday .", 10, {}},
    {"a verb of saying after it", "\" Sales will rise , \" Kelvane/B said .", 10, {"Kelvane"}},
    {"a title before it", "Talks with Mr Kelvane/B ended .", 10, {"Kelvane"}},
    {"a past form after it", "Kelvane/B decided to sell .", 10, {"Kelvane"}},
    {"one supported mention is enough", "It sold shares to Kelvane/B . Kelvane/B , a director , left .", 10,
     {"Kelvane"}},
    {"a noun of office", "the Kelvane/B administration cut taxes .", 10, {"Kelvane"}},
    {"a list of people", "The side was Brask/B , Kelvane/B , Orrin/B , Pell/B .", 10,
     {"Brask", "Kelvane", "Orrin", "Pell"}},
    {"a full name in the list", "The side was Jorun/B Brask/I , Kelvane/B and Orrin/B .", 10,
     {"Jorun Brask", "Kelvane", "Orrin"}},
    {"two names make no list", "The side was Kelvane/B and Orrin/B .", 10, {}},
    {"a full name needs none", "Jorun/B Kelvane/I left the firm .", 10, {"Jorun Kelvane"}},
    {"a surname joins its full name", "Jorun/B Kelvane/I left . Kelvane/B sold .", 10, {"Jorun Kelvane"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleSupportKeeps, SupportKeeps, ::testing::ValuesIn(kKeepCases));

}  // namespace
}  // namespace morgue::people
