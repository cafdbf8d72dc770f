// Rules of the people extractor added after judging a sixth pair of wire
// samples: the shapes of words that no person's name holds (a digit: "Kelmar
// 4-Heavy"; an acronym's plural: "Roe OKs funds"). The tags are written by
// hand, so a test fails when the rule does, whatever the model. Every
// sentence here is written for this test.
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

using Names = std::vector<std::string>;
using testing_support::build_tagged;
using testing_support::MentionCase;
using testing_support::TaggedDoc;

const Lexicon& lexicon() { return testing_support::people_lexicon(); }

Names mention_texts(const std::string& marked) {
  TaggedDoc d;
  build_tagged(marked, d);
  Names out;
  for (const Mention& m : collect_mentions(d.doc, d.tags, {}, lexicon())) {
    std::string joined;
    for (const std::string& w : m.words) joined += (joined.empty() ? "" : " ") + w;
    out.push_back(joined);
  }
  return out;
}

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

TEST(PeopleWordShapes, PluralAcronyms) {
  for (const char* word : {"OKs", "CEOs", "PCs", "DVDs"}) EXPECT_TRUE(is_plural_acronym(word)) << word;
  for (const char* word : {"Os", "OK", "Roes", "Oks", "USA", "MPS"}) EXPECT_FALSE(is_plural_acronym(word)) << word;
}

}  // namespace
}  // namespace morgue::people
