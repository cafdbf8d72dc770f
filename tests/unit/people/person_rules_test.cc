// Rules over all the mentions of one person (names.cc): merging mentions
// into people (surnames, given names, names in capitals), dropping a person
// whose mentions together say it is none (common words, headlines in
// capitals, table rows, score lines, ships), and what a story tells the
// archive of each name. Every name here is written for this test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <vector>

#include "morgue/article.h"
#include "morgue/people.h"
#include "people/evidence.h"
#include "people/lexicon.h"
#include "people/names.h"
#include "support/people_rules.h"
#include "support/tagged_doc.h"

namespace morgue::people {
namespace {

using Names = std::vector<std::string>;
using testing_support::build_tagged;
using testing_support::people_extractor;
using testing_support::people_in;
using testing_support::TaggedDoc;

const Lexicon& lexicon() { return testing_support::people_lexicon(); }

Mention mention(std::initializer_list<const char*> words) {
  Mention m;
  for (const char* w : words) {
    m.words.emplace_back(w);
    std::string lower(w);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    m.lower.push_back(lower);
  }
  m.confidence = 10;
  // Supported, so these cases test merging and plausibility alone (a
  // one-word name without support is support_test.cc's).
  m.supported = true;
  return m;
}

struct PersonCase {
  const char* what;
  std::vector<Mention> mentions;
  Names expected;
};

Mention with(Mention m, void (*set)(Mention&)) {
  set(m);
  return m;
}

class PersonRules : public ::testing::TestWithParam<PersonCase> {};

TEST_P(PersonRules, KeepsExactlyThesePeople) {
  const PersonCase& c = GetParam();
  EXPECT_EQ(merge_mentions(c.mentions, lexicon()), c.expected) << c.what;
}

const PersonCase kPersonCases[] = {
    {"a bare given name merges into the full name", {mention({"Adrienne", "Moreau"}), mention({"Adrienne"})},
     {"Adrienne Moreau"}},
    {"also when it comes first", {mention({"Vivek"}), mention({"Vivek", "Rao"})}, {"Vivek Rao"}},
    {"a family name written first merges too", {mention({"Wang", "Jiahao"}), mention({"Wang"})}, {"Wang Jiahao"}},
    {"a name that is the end of a longer one is that person",
     {mention({"Leandro", "Sucre", "Ortiz"}), mention({"Sucre", "Ortiz"})},
     {"Leandro Sucre Ortiz"}},
    {"a headline's full name in capitals joins the name the text writes",
     {with(mention({"Shun", "Okafor"}), [](Mention& m) { m.from_capitals = true; }), mention({"Ade", "Okafor"})},
     {"Ade Okafor"}},
    {"two written full names with one surname stay two people",
     {mention({"Ade", "Okafor"}), mention({"Bisi", "Okafor"})},
     {"Ade Okafor", "Bisi Okafor"}},
    {"a bare given name agreeing with nobody stays", {mention({"Vivek", "Rao"}), mention({"Adrienne"})},
     {"Vivek Rao", "Adrienne"}},
    {"a lone common word is no person", {with(mention({"Loan"}), [](Mention& m) { m.common_word = true; })}, {}},
    {"a lone common word in a full name is",
     {mention({"Mark", "Loan"}), with(mention({"Loan"}), [](Mention& m) { m.common_word = true; })},
     {"Mark Loan"}},
    {"a headline's lone word after a title is a person",
     {with(mention({"Brenholt"}), [](Mention& m) { m.from_capitals = m.titled = true; })},
     {"Brenholt"}},
    {"and so is one in a story that is all headline",
     {with(mention({"Brenholt"}), [](Mention& m) { m.from_capitals = m.story_in_capitals = true; })},
     {"Brenholt"}},
    {"a lone word seen only in a headline in capitals is no person",
     {with(mention({"Brenholt"}), [](Mention& m) { m.from_capitals = true; })},
     {}},
    {"unless the story names the person in its text too",
     {with(mention({"Brenholt"}), [](Mention& m) { m.from_capitals = true; }), mention({"Karl", "Brenholt"})},
     {"Karl Brenholt"}},
    {"a full name seen only in a headline in capitals is no person (two capitalised words)",
     {with(mention({"Canadian", "Brisk"}), [](Mention& m) { m.from_capitals = true; })},
     {}},
    {"unless the text names the person too",
     {with(mention({"Karl", "Brenholt"}), [](Mention& m) { m.from_capitals = true; }), mention({"Brenholt"})},
     {"Karl Brenholt"}},
    {"or the story is all headline",
     {with(mention({"Karl", "Brenholt"}), [](Mention& m) { m.from_capitals = m.story_in_capitals = true; })},
     {"Karl Brenholt"}},
    {"a lone word only in table rows is no person",
     {with(mention({"Harwick"}), [](Mention& m) { m.row = RowKind::kTableRow; })},
     {}},
    {"a full name on a table row is (results, golf)",
     {with(mention({"Karl", "Brenholt"}), [](Mention& m) { m.row = RowKind::kTableRow; })},
     {"Karl Brenholt"}},
    {"a full name only ever a side of a score line is a team",
     {with(mention({"Lada", "Orvik"}), [](Mention& m) { m.row = RowKind::kScoreLine; })},
     {}},
    {"a lone word only ever a side of a fixture is a team",
     {with(mention({"Harwick"}), [](Mention& m) { m.row = RowKind::kFixture; })},
     {}},
    {"a full name as a side of a fixture is a person (a tennis draw)",
     {with(mention({"Karl", "Brenholt"}), [](Mention& m) { m.row = RowKind::kFixture; })},
     {"Karl Brenholt"}},
    {"a name once given to a ship is no person",
     {with(mention({"Carl", "Brenholt"}), [](Mention& m) { m.names_a_thing = true; }), mention({"Brenholt"})},
     {}},
};

INSTANTIATE_TEST_SUITE_P(People, PersonRules, ::testing::ValuesIn(kPersonCases));

TEST(People, BareGivenNameJoinsTheFullName) {
  EXPECT_EQ(people_in("Council member Adrienne Moreau opened the debate. Later, Adrienne said the vote "
                      "would wait until Monday."),
            Names{"Adrienne Moreau"});
}

// What a story tells the archive of each name (NameCues, stored in
// kSlotPeopleCues): readings as a person's and as a thing's, kept or
// dropped, and whether the name opens with a known given name. A given name
// and more is kept within the story whatever surrounds it, but the archive
// counts an article, a noun it modifies, a plural verb or a work's title
// after it ("the Karl Brenholt films"); never a possessive ("Karl
// Brenholt's Red Door" is his).
TEST(PeopleEvidence, CuesForTheArchive) {
  struct Case {
    const char* what;
    const char* marked;
    Names kept;
    const char* cues;
  } cases[] = {
      {"a person's reading", "Karl/B Brenholt/I said/ so/ .", {"Karl Brenholt"}, "1 0 g Karl Brenholt\n"},
      {"a lone word dropped for its thing uses still reports them",
       "We/ bought/ the/ Zorvex/B at/ noon/ .|Later/ the/ Zorvex/B was/ gone/ .", {}, "0 2 - Zorvex\n"},
      {"a given name and more after an article: kept, a thing's reading for the archive",
       "It/ was/ a/ Karl/B Brenholt/I film/ .", {"Karl Brenholt"}, "0 1 g Karl Brenholt\n"},
      {"before a noun it modifies", "Two/ Karl/B Brenholt/I films/ opened/ .", {"Karl Brenholt"},
       "0 1 g Karl Brenholt\n"},
      {"before a work's title", "Karl/B Brenholt/I and/ the/ Stone/ opened/ .", {"Karl Brenholt"},
       "0 1 g Karl Brenholt\n"},
      {"not a possessive", "Karl/B Brenholt/I 's/ Red/ Door/ opened/ .", {"Karl Brenholt"}, "0 0 g Karl Brenholt\n"},
      {"two words with no given name, before a plural verb", "Later/ Vrell/B Ostrova/I were/ loud/ .",
       {"Vrell Ostrova"}, "0 1 - Vrell Ostrova\n"},
      {"a person's reading and none of a thing's", "Mr/ Karl/B Brenholt/I arrived/ .|Brenholt/B said/ so/ .",
       {"Karl Brenholt"}, "2 0 g Karl Brenholt\n"},
      {"a one-word name's verb of saying is no person's reading for the archive", "Kestrel/B said/ so/ .",
       {"Kestrel"}, "0 0 - Kestrel\n"},
      {"but a relative pronoun is", "Kestrel/B ,/ who/ spoke/ ,/ left/ .", {"Kestrel"}, "1 0 - Kestrel\n"},
      {"not a relative pronoun and a plural verb: a group's", "Vrell/B Ostrova/I ,/ who/ were/ loud/ ,/ left/ .",
       {"Vrell Ostrova"}, "0 1 - Vrell Ostrova\n"},
      {"after a sovereign's title: the name the person is known by", "King/ Osric/B spoke/ .|Osric/B left/ .",
       {"Osric"}, "1 0 -r Osric\n"},
      {"after another title: a surname", "Minister/ Osric/B spoke/ .", {"Osric"}, "1 0 - Osric\n"},
      {"a lone word, twice, is dropped for it",
       "Kestrel/B ,/ who/ were/ loud/ ,/ left/ .|Kestrel/B who/ are/ here/ won/ .",
       {}, "0 2 - Kestrel\n"},
  };
  for (const Case& c : cases) {
    TaggedDoc d;
    build_tagged(c.marked, d);
    std::vector<NameCues> cues;
    EXPECT_EQ(merge_mentions(collect_mentions(d.doc, d.tags, {}, lexicon()), lexicon(), &cues), c.kept) << c.what;
    EXPECT_EQ(encode_name_cues(cues), c.cues) << c.what;
  }
}

// The public call gives the stored value.
TEST(PeopleEvidence, ExtractWithCues) {
  Article article;
  article.title = "Council meets";
  article.body = "Mr Karl Brenholt said the plan would go ahead.";
  const PeopleExtractor::Found found = people_extractor().extract_with_cues(article);
  EXPECT_EQ(found.names, people_extractor().extract(article));
  for (const std::string& name : found.names) {
    EXPECT_NE(found.cues.find(" " + name + "\n"), std::string::npos) << found.cues;
  }
}

}  // namespace
}  // namespace morgue::people
