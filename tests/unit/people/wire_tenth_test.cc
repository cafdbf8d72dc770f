// Rules of the people extractor added after judging a tenth pair of wire
// samples: a firm's or a brand's name before a plural noun for its trade
// ("Jane Kelso businesses"), an adverb taken into a name ("Obviously Halvex
// people"), a person's employer after "of" or "at" ("Jane Roe of Halden
// Pryce, K.L. Velda.") and a firm's short name in brackets after its legal
// form ("Halvik Shipping Co Ltd (Halship)"), and a town named with its
// state's abbreviation ("to Kelso, Fla."). Tags are written by hand, so a
// test fails when the rule does, whatever the model. Every sentence here is
// written for this test; the people's names are invented.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "people/wire_tenth.h"
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

class TenthPairBusinessPlural : public ::testing::TestWithParam<SpanCase> {};

TEST_P(TenthPairBusinessPlural, ReadsTheSpan) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return before_business_plural(doc, begin, end);
  });
}

const SpanCase kBusinessPluralCases[] = {
    {"the sale of its Jane Kelso businesses last year", "Jane", 2, true},
    {"Halden Pryce restaurants opened in Velda", "Halden", 2, true},
    {"shoppers like Tom Velda fragrances .", "Tom", 2, true},
    {"Jane Kelso stores her records in Velda", "Jane", 2, false},
    {"Jane Kelso businesses' debts rose", "Jane", 2, false},
    {"Jane Kelso products Halvex sells", "Jane", 2, false},
    {"Jane Kelso supporters marched", "Jane", 2, false},
    {"Jane Kelso said products sold well", "Jane", 2, false},
    {"a lone word is another rule's : Halvex products", "Halvex", 1, false},
};
INSTANTIATE_TEST_SUITE_P(PeopleBusinessPlural, TenthPairBusinessPlural, ::testing::ValuesIn(kBusinessPluralCases));

class TenthPairAdverb : public ::testing::TestWithParam<SpanCase> {};

TEST_P(TenthPairAdverb, ReadsTheSpan) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return opens_with_adverb(doc, lexicon(), begin, end);
  });
}

const SpanCase kAdverbCases[] = {
    {"He paused . \" Obviously Halvex people want it , \" he said", "Obviously", 2, true},
    {"It fell . Clearly Kelso-Velda staff were wrong .", "Clearly", 2, true},
    {"It fell . Kelly Roe said so .", "Kelly", 2, false},
    {"It fell . Donnelly Kelso said so .", "Donnelly", 2, false},
    {"It fell . Apparently Halvex Corp sold it .", "Apparently", 2, true},
    {"It fell . Beverly Roe said so .", "Beverly", 2, false},
    {"an Obviously Halvex brand", "Obviously", 2, false},
    {"It fell . Obviously said so .", "Obviously", 1, false},
};
INSTANTIATE_TEST_SUITE_P(PeopleAdverb, TenthPairAdverb, ::testing::ValuesIn(kAdverbCases));

// The words given firms (add_tenth_pair_names) in a story with hand-written tags.
Words tenth_names(const std::string& marked) {
  TaggedDoc d;
  build_tagged(marked, d);
  std::vector<std::string_view> words;
  add_tenth_pair_names(d.doc, d.tags, lexicon(), words);
  return Words(words.begin(), words.end());
}

struct NamesCase {
  const char* what;
  const char* marked;
  Words names;
};

class TenthPairNames : public ::testing::TestWithParam<NamesCase> {};

TEST_P(TenthPairNames, FindsTheFirms) {
  const NamesCase& c = GetParam();
  EXPECT_EQ(tenth_names(c.marked), c.names) << c.what;
}

const NamesCase kNamesCases[] = {
    {"an employer after a person and 'of'", "said Jane/B Roe/I of Halden/B Pryce/I .", {"halden", "pryce"}},
    {"and a second partner ending the sentence", "said Jane/B Roe/I of Halden/B Pryce/I , K.L./B Velda/I .",
     {"halden", "pryce", "k.l.", "velda"}},
    {"after 'at'", "said Tom/B Kelso/I at Velda/B Brennan/I and others", {"velda", "brennan"}},
    {"no person before 'of'", "the Bank/G of Halden/B Pryce/I said", {}},
    {"a lone word before 'of' may be an office", "the Velda Provost/B of Kelso/B Jim/I Poe/I said", {}},
    {"a possessive after the employer", "said Jane/B Roe/I of Jim/B Poe/I 's office", {}},
    {"a place the tagger read", "Jane/B Roe/I of Kelso/L , Velda/L .", {}},
    {"a person after the comma", "said Jane/B Roe/I of Halvex/G , Tom/B Kelso/I .", {"halvex"}},
    {"the comma's words go on", "said Jane/B Roe/I of Halvex/G , Tom/B Kelso/I of Velda/G .", {"halvex", "velda"}},
    {"a short name after a legal form", "The Halvik/G Shipping/G Co/G Ltd/G ( Halship ) said", {"halship"}},
    {"and after a ticker", "The Halvik/G Shipping/G Co/G Ltd/G < HVS.S > ( Halship ) said", {"halship"}},
    {"a nickname after a person's name", "Robert/B Kelman/I ( Bobby ) said", {}},
    {"a town alone before a state's abbreviation", "more flights to Kelso/B , Fla. , it said", {"kelso"}},
    {"not the end of a longer name", "said Jane/B Kelso/I , Fla. , of it", {}},
    {"not before a state named in full", "flights to Kelso/B , Florida , it said", {}},
};
INSTANTIATE_TEST_SUITE_P(PeopleTenthNames, TenthPairNames, ::testing::ValuesIn(kNamesCases));

class TenthPairMentions : public ::testing::TestWithParam<MentionCase> {};

TEST_P(TenthPairMentions, KeepsThePeople) {
  const MentionCase& c = GetParam();
  EXPECT_EQ(testing_support::mention_texts(c.marked), c.expected) << c.what;
}

const MentionCase kMentionCases[] = {
    {"the employer's partners are no people",
     "\" It fell , \" said Tom/B Kelso/I of Halden/B Pryce/I , K.L./B Velda/I . Kelso/B added more .",
     {"Tom Kelso", "Kelso"}},
    {"a short name is a firm's", "The Halvik/G Shipping/G Co/G Ltd/G ( Halship ) said . Halship/B grew . Jane/B Roe/I said so .",
     {"Jane Roe"}},
    {"a brand before its businesses", "It sold its Jane/B Kelso/I businesses . Tom/B Roe/I said so .", {"Tom Roe"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleTenthMentions, TenthPairMentions, ::testing::ValuesIn(kMentionCases));

}  // namespace
}  // namespace morgue::people
