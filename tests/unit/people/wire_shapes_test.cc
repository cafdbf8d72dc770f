// Rules of the people extractor added after judging a sixth pair of wire
// samples: the shapes of words that no person's name holds (a digit:
// "Kelmar 4-Heavy"; an acronym's plural: "Roe OKs funds"), partners'
// surnames listed as a firm's name ("a lawyer at Halden, Pryce, Velda and
// Kelso"), a town and its state after "in" ("in Kelso Ontario"), a given
// name written short before a firm's name ("Abe. Halden and Co"),
// words added to the lists read after tagging, and a body that repeats its
// headline, read as the headline. The tags are written by hand, so a test
// fails when the rule does, whatever the model. Every sentence here is
// written for this test.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/article.h"
#include "people/lexicon.h"
#include "people/mention_rules.h"
#include "people/names.h"
#include "people/tokenizer.h"
#include "people/wire_cues.h"
#include "support/people_rules.h"
#include "support/tagged_doc.h"

namespace morgue::people {
namespace {

using Names = std::vector<std::string>;
using testing_support::build_tagged;
using testing_support::MentionCase;
using testing_support::mention_texts;
using testing_support::people_of_tagged;
using testing_support::TaggedDoc;

const Lexicon& lexicon() { return testing_support::people_lexicon(); }

class WordShapes : public ::testing::TestWithParam<MentionCase> {};

TEST_P(WordShapes, KeepExactlyTheseMentions) {
  const MentionCase& c = GetParam();
  EXPECT_EQ(mention_texts(c.marked), c.expected) << c.what;
}

const MentionCase kShapeCases[] = {
    {"a word with a digit names a model", "Kelmar/B 4-Heavy/I engines/ failed/ .", {}},
    {"a code with a digit", "Velda/B KX-17B/I drills/ broke/ .", {}},
    {"a number tagged after a name is cut off, the name kept", "Jane/B Roe/I 2/I won/ .", {"Jane Roe"}},
    {"a name without digits is kept", "Jane/B Roe-Poe/I won/ 2/ races/ .", {"Jane Roe-Poe"}},
    {"an acronym's plural after a name is cut off", "Pryce/B OKs/I money/ for/ schools/ .", {"Pryce"}},
    {"and after a full name", "Governor/ Jane/B Roe/I CEOs/I met/ .", {"Jane Roe"}},
    {"an acronym alone before a name is no plural", "Jane/B Roe/I of/ the/ UN/G spoke/ .", {"Jane Roe"}},
};
INSTANTIATE_TEST_SUITE_P(People, WordShapes, ::testing::ValuesIn(kShapeCases));

// Words added to the lists read after tagging (company_words.txt,
// company_nouns.txt): a bookseller, a place called a zone, a broadcaster.
const MentionCase kListCases[] = {
    {"a name ending in Books is a bookseller's", "Acme/ owns/ Velda/B Books/I ./", {}},
    {"a name ending in Zone is a place", "Trucks/ left/ Kelso/B Zone/I early/ ./", {}},
    {"a name before 'television' is a broadcaster", "Velda/B Halvex/I television/ showed/ the/ match/ ./", {}},
    {"a person is kept beside them", "Jane/B Roe/I told/ Halvex/ television/ ./", {"Jane Roe"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleLists, WordShapes, ::testing::ValuesIn(kListCases));

// A town and its state with the comma left out, after a preposition of place.
const MentionCase kTownCases[] = {
    {"after 'in'", "A/ bank/ in/ Kelso/B Ontario/I closed/ ./", {}},
    {"after 'near'", "A/ plant/ near/ Velda/B Texas/I closed/ ./", {}},
    {"not without the preposition", "Later/ Kelso/B Ontario/I spoke/ ./", {"Kelso Ontario"}},
    {"nor a name not ending in a region", "A/ job/ in/ Jane/B Roe/I 's/ office/ ./", {"Jane Roe"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleTowns, WordShapes, ::testing::ValuesIn(kTownCases));

// A given name written short ("Abe.") opening a firm's name: its full stop
// is read as a sentence's end, the firm's words after it.
const MentionCase kShortNameCases[] = {
    {"a short given name before a firm's name", "Shares/ of/ Abe./B Halden/ and/ Co/ rose/ .", {}},
    {"and before a firm's name with a legal form only", "Then/ Sam./B Velda/ Co/ said/ it/ grew/ .", {}},
    {"not with a space before the full stop", "He/ met/ Abe/B ./ Halden/ and/ Co/ rose/ .", {"Abe"}},
    {"nor before a sentence naming no firm", "He/ met/ Abe./B Halden/B came/ later/ .", {"Abe", "Halden"}},
};
INSTANTIATE_TEST_SUITE_P(PeopleShortNames, WordShapes, ::testing::ValuesIn(kShortNameCases));

TEST(PeopleWordShapes, PluralAcronyms) {
  for (const char* word : {"OKs", "CEOs", "PCs", "DVDs"}) EXPECT_TRUE(is_plural_acronym(word)) << word;
  for (const char* word : {"Os", "OK", "Roes", "Oks", "USA", "MPS"}) EXPECT_FALSE(is_plural_acronym(word)) << word;
}

TEST(PeopleWireSixth, BodyRepeatingItsTitle) {
  struct Case {
    const char* title;
    const char* body;
    bool repeats;
  } cases[] = {
      {"Halvex Unveils Kelso Line", "Halvex Unveils Kelso Line Halvex said on Monday", true},
      {"Halvex Unveils Kelso Line", "Halvex unveiled its Kelso line on Monday", false},
      {"Halvex Unveils Kelso Line", "Halvex Unveils", false}};
  for (const auto& c : cases) {
    Document doc;
    tokenize(c.title, doc);
    const std::size_t title_end = doc.tokens.size();
    tokenize(c.body, doc);
    finish_document(doc);
    EXPECT_EQ(repeats_title(doc, title_end, title_end), c.repeats) << c.body;
  }
  // A word the text never gives outside the repeated headline is no name.
  Article article;
  article.title = "Comparing Bright (New) and Mellow (Old) Lamps";
  article.body = "Comparing Bright (New) and Mellow (Old) Lamps Our readers compared the two kinds last week and most liked the second.";
  EXPECT_EQ(testing_support::people_extractor().extract(article), Names{});
}

TEST(PeopleWireSixth, PartnersListedAsAFirmsName) {
  struct Case {
    const char* text;
    std::vector<std::string_view> in, out;
  };
  const Case cases[] = {
      {"Roe, a lawyer at Halden, Pryce, Velda and Kelso, told them", {"halden", "pryce", "velda", "kelso"}, {}},
      {"a fund run by Halden, Pryce and Velda grew", {"halden", "pryce", "velda"}, {}},
      {"counsel was Halden, Pryce & Velda in Kelso", {"halden", "pryce", "velda"}, {}},
      // Opening a sentence, two items, no last "and", or a capitalised word beside an item.
      {"Halden, Pryce and Velda scored", {}, {"halden", "pryce", "velda"}},
      {"It hired Halden and Pryce to advise", {}, {"halden", "pryce"}},
      {"It hired Halden, Pryce, Velda to advise", {}, {"halden", "pryce", "velda"}},
      {"Jane Halden, Pryce and Velda met", {}, {"halden", "pryce", "velda"}},
      // An item the story names as a person elsewhere.
      {"Jane Pryce spoke. Later Halden, Pryce and Velda met", {}, {"halden", "pryce", "velda"}},
      {"Mr Velda spoke. Later Halden, Pryce and Velda met", {}, {"halden", "pryce", "velda"}}};
  for (const Case& c : cases) {
    TaggedDoc d;
    build_tagged(c.text, d);
    std::vector<std::string_view> words;
    add_partner_lists(d.doc, lexicon(), words);
    const auto has = [&](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); };
    for (std::string_view w : c.in) EXPECT_TRUE(has(w)) << c.text << ": " << w;
    for (std::string_view w : c.out) EXPECT_FALSE(has(w)) << c.text << ": " << w;
  }
}

TEST(PeopleWireSixth, PartnersListedAreNoPeople) {
  const MentionCase cases[] = {
      {"the partners of a law firm",
       "Roe/B ,/ a/ lawyer/ at/ Halden/ ,/ Pryce/B ,/ Velda/B and/ Kelso/B ,/ spoke/ .",
       {"Roe"}},
      {"people named in full first are kept",
       "Jane/B Pryce/I and/ Karl/B Velda/I came/ .|Halden/B ,/ Pryce/B and/ Velda/B met/ .",
       {"Jane Pryce", "Karl Velda", "Halden"}},
  };
  for (const MentionCase& c : cases) {
    EXPECT_EQ(people_of_tagged(c.marked), c.expected) << c.what;
  }
}

}  // namespace
}  // namespace morgue::people
