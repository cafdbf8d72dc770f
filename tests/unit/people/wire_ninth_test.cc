// Rules of the people extractor added after judging a ninth pair of wire
// samples: a name before its contracted short name in brackets ("Petroleos
// Velanos (Pevel)"), an initial that is the tail of a dotted abbreviation
// ("anti-U.S. Feeling") and a firm's own works opening with a given name
// ("its Jane Kelso nuclear plants"). Tags are written by hand, so a test
// fails when the rule does, whatever the model. Every sentence here is
// written for this test; the people's names are invented.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "people/wire_cues.h"
#include "people/wire_ninth.h"
#include "support/people_rules.h"
#include "support/tagged_doc.h"

namespace morgue::people {
namespace {

using Words = std::vector<std::string>;
using testing_support::build_tagged;
using testing_support::works_starts;
using testing_support::TaggedDoc;

const Lexicon& lexicon() { return testing_support::people_lexicon(); }

// A span of `length` tokens from the first token written `first` (after
// `skip` earlier ones), and whether the rule says it is no person's name.
struct SpanCase {
  const char* what;
  const char* text;
  const char* first;
  int skip;
  std::size_t length;
  bool not_a_person;
};

bool says_not_a_person(const SpanCase& c) {
  TaggedDoc d;
  build_tagged(c.text, d);
  int seen = 0;
  for (std::size_t k = 0; k < d.doc.tokens.size(); ++k) {
    if (d.doc.tokens[k].text != c.first || seen++ < c.skip) continue;
    return wire_ninth_says_not_a_person(d.doc, lexicon(), k, k + c.length);
  }
  ADD_FAILURE() << "no token " << c.first << " in " << c.text;
  return false;
}

class NinthPairSpans : public ::testing::TestWithParam<SpanCase> {};

TEST_P(NinthPairSpans, ReadsTheSpan) {
  const SpanCase& c = GetParam();
  EXPECT_EQ(says_not_a_person(c), c.not_a_person) << c.what;
}

const SpanCase kContractedCases[] = {
    {"two words' beginnings", "an official of Petroleos Velanos (Pevel) said", "Petroleos", 0, 2, true},
    {"three words' beginnings", "Minero Kelso Comercial (Minkeco) sold tin", "Minero", 0, 3, true},
    {"a nickname is no contraction", "Robert Kelman (Bobby) said so", "Robert", 0, 2, false},
    {"a word of the name left out", "Petroleos Velanos (Pelos) said", "Petroleos", 0, 2, false},
    {"initials in capitals are another rule's", "Halvik Vora Kelso (HVK) said", "Halvik", 0, 3, false},
    {"too short to tell", "Jane Roe (Jar) said", "Jane", 0, 2, false},
    {"a lone word", "Kelmar (Kelm) said", "Kelmar", 0, 1, false},
};
INSTANTIATE_TEST_SUITE_P(PeopleContracted, NinthPairSpans, ::testing::ValuesIn(kContractedCases));

const SpanCase kGluedInitialCases[] = {
    {"the tail of U.S. after a hyphen", "a wave of anti-U.S. Feeling here", "S.", 0, 2, true},
    {"an initial after a space", "Officials met . S. Kelman said so", "S.", 0, 2, false},
    {"an initial opening a line", "S. Kelman said so", "S.", 0, 2, false},
    {"a name after the abbreviation", "the U.S. Jane Roe said", "Jane", 0, 2, false},
};
INSTANTIATE_TEST_SUITE_P(PeopleGluedInitial, NinthPairSpans, ::testing::ValuesIn(kGluedInitialCases));

struct WorksCase {
  const char* what;
  const char* text;
  Words starts;
};

class NinthPairWorks : public ::testing::TestWithParam<WorksCase> {};

TEST_P(NinthPairWorks, FindsTheWorks) {
  const WorksCase& c = GetParam();
  EXPECT_EQ(works_starts(c.text), c.starts) << c.what;
}

const WorksCase kWorksCases[] = {
    {"a given name opens a firm's works", "standards for its Jane Kelso nuclear plants", {"Jane"}},
    {"after 'their', one word between", "they shut their Tom Halvik refinery", {"Tom"}},
    {"and with initials", "output at its Jane K. Velda plant rose", {"Jane"}},
    {"after 'the' a given name and more stays out", "the Jane Roe power plant", {}},
    {"three lower-case words are too many", "its Jane Kelso old new power plant", {}},
};
INSTANTIATE_TEST_SUITE_P(PeopleOwnWorks, NinthPairWorks, ::testing::ValuesIn(kWorksCases));

TEST(PeopleNinthPair, ContractedNameLeavesThePeople) {
  EXPECT_EQ(testing_support::people_of_tagged("Petroleos/B Velanos/I (/ Pevel/ )/ sold oil , Jane/B Roe/I said ."),
            Words{"Jane Roe"});
  EXPECT_EQ(testing_support::people_of_tagged("Output rose at its Jane/B Kelso/I nuclear plants . Tom/B Roe/I said so ."),
            Words{"Tom Roe"});
}

// The words given firms and the starts of things' names (add_ninth_pair_names).
Words ninth_names(const std::string& text) {
  TaggedDoc d;
  build_tagged(text, d);
  std::vector<std::string_view> words;
  std::vector<std::size_t> starts;
  add_ninth_pair_names(d.doc, lexicon(), words, starts);
  Words out(words.begin(), words.end());
  if (!starts.empty()) out.emplace_back("|");
  for (std::size_t s : starts) out.emplace_back(d.doc.tokens[s].text);
  return out;
}

struct NamesCase {
  const char* what;
  const char* text;
  Words names;
};

class NinthPairNames : public ::testing::TestWithParam<NamesCase> {};

TEST_P(NinthPairNames, FindsTheFirmsAndModels) {
  const NamesCase& c = GetParam();
  EXPECT_EQ(ninth_names(c.text), c.names) << c.what;
}

const NamesCase kFirstPartnerCases[] = {
    {"a partner before a firm's full name", "Halden and Pryce Associated Companies Plc shares rose", {"halden"}},
    {"opening a sentence, with '&'", "It fell . Kelmar & Velda Inc gained", {"kelmar"}},
    {"a given name and more is a person's", "Jane Halden and Pryce Inc met", {}},
    {"a lone given name is no partner", "Jane and Pryce Inc met", {}},
    {"no legal form: two people", "Halden and Pryce Velda spoke", {}},
    {"a title is no partner", "Minister and Velda Corp met", {}},
};
INSTANTIATE_TEST_SUITE_P(PeopleFirstPartner, NinthPairNames, ::testing::ValuesIn(kFirstPartnerCases));

const NamesCase kModelCases[] = {
    {"a model between a possessive and a number", "sales of Kelmar 's Zorstation 386 rose", {"|", "Zorstation"}},
    {"a maker before its plane's number", "Halvex 's Velda 747 landed", {"|", "Velda"}},
    {"no number after it", "Kelmar 's Roe said", {}},
    {"a lower-case owner", "the firm 's Roe 3 goals", {}},
    {"a given name and more", "Kelmar 's Jane Roe 3", {}},
};
INSTANTIATE_TEST_SUITE_P(PeopleModels, NinthPairNames, ::testing::ValuesIn(kModelCases));

const NamesCase kPossessedPartCases[] = {
    {"a unit after a firm's possessive and ticker", "Halvex Corp 's < HVX > Kelso Trucks subsidiary signed", {"kelso", "trucks"}},
    {"a given name opens a division's name", "Velda 's Jane House division grew", {"jane", "house"}},
    {"a person after the possessive", "Velda 's Jane Roe said the unit grew", {}},
    {"a lower-case owner", "the firm 's Kelso unit grew", {}},
    {"another noun after the name", "Velda 's Kelso plant grew", {}},
};
INSTANTIATE_TEST_SUITE_P(PeoplePossessedPart, NinthPairNames, ::testing::ValuesIn(kPossessedPartCases));

TEST(PeopleNinthPair, FirstPartnerLeavesThePeople) {
  EXPECT_EQ(testing_support::people_of_tagged(
                "Halden/B and Pryce Associated Companies Plc gained . Halden/B shares rose , Jane/B Roe/I said ."),
            Words{"Jane Roe"});
  EXPECT_EQ(testing_support::people_of_tagged("Kelmar 's Zorstation/B 386 sold . Zorstation/B 386s sold , Tom/B Roe/I said ."),
            Words{"Tom Roe"});
}

// The people of a story after join_name_particles.
Words people_with_particles(const std::string& marked) {
  TaggedDoc d;
  build_tagged(marked, d);
  std::vector<float> margins(d.doc.tokens.size(), 5.0F);
  join_name_particles(d.doc, lexicon(), d.tags, margins);
  return merge_mentions(collect_mentions(d.doc, d.tags, margins, lexicon()), lexicon());
}

class NinthPairParticles : public ::testing::TestWithParam<NamesCase> {};

TEST_P(NinthPairParticles, JoinsTheFamilyName) {
  const NamesCase& c = GetParam();
  EXPECT_EQ(people_with_particles(c.text), c.names) << c.what;
}

const NamesCase kParticleCases[] = {
    {"two particles after a given name", "deputy director Rene/B de la Kelso told us .", {"Rene de la Kelso"}},
    {"one after a given name and a surname", "the minister is Anibal/B Velda/I de Souza , a lawyer .", {"Anibal Velda de Souza"}},
    // (The lone word left is dropped too: nothing around it reads as a person's, support.h.)
    {"no given name: a firm", "a deal with Petroleos/B de Velda , the state firm .", {}},
    {"a company word after the particle", "a deal with Jane/B de Kelso Corp fell through .", {}},
    {"the tagger took the particles in, the family name read as a firm's", "Rene/B de/I la/I Kelso/G told us .",
     {"Rene de la Kelso"}},
    {"the word after is a place's", "Jane/B Roe/I de Kelso/L said so .", {"Jane Roe"}},
    {"a lower-case word after the particle", "Tom/B Roe/I de facto led it .", {"Tom Roe"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleParticles, NinthPairParticles, ::testing::ValuesIn(kParticleCases));

}  // namespace
}  // namespace morgue::people
