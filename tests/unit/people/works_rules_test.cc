// Rules of the people extractor for names that are no person's
// (works_rules.h): titles of works after a noun for a work or before a noun
// for its people or its sequel, titles alone between quotation marks, and
// the parts actors play, and bands as the subject of a plural verb. The tags are written by hand, so a test fails when
// the rule does, whatever the model. Every sentence here is written for this
// test; the people's names and the titles are invented.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "people/lexicon.h"
#include "people/names.h"
#include "people/tokenizer.h"
#include "people/works_rules.h"
#include "support/people_rules.h"

namespace morgue::people {
namespace {

using testing_support::MentionCase;
using testing_support::people_of_tagged;

class WorksPeople : public ::testing::TestWithParam<MentionCase> {};

TEST_P(WorksPeople, KeepExactlyThesePeople) {
  const MentionCase& c = GetParam();
  EXPECT_EQ(people_of_tagged(c.marked), c.expected) << c.what;
}

// A noun for a work before its title: every mention of the title goes.
const MentionCase kWorkNounCases[] = {
    {"a musical", "Jane/B Roe/I wrote/ the/ musical/ Velda/B Rise/I ./ Velda/B Rise/I opens/ today/ .",
     {"Jane Roe"}},
    {"a novel after an adjective", "Ann/B Poe/I published/ her/ latest/ novel/ Halden/B Marsh/I ./", {"Ann Poe"}},
    {"a single", "The/ band/ released/ their/ single/ Ellis/B Grey/I on/ Monday/ ./", {}},
    {"a show after 'the'", "Jim/B Roe/I hosts/ the/ show/ Kelly/B Dawn/I ./", {"Jim Roe"}},
    {"a show after a broadcaster", "He/ left/ BBC/ show/ Kelly/B Dawn/I ./", {}},
    {"'show' as a verb keeps the person", "Photos/ show/ Kelly/B Dawn/I leaving/ ./", {"Kelly Dawn"}},
    {"'play' as a verb keeps the person", "He/ will/ play/ Tom/B Vane/I next/ ./", {"Tom Vane"}},
    {"'hit' as a verb after a name", "Jim/B Roe/I hit/ Tom/B Vane/I with/ a/ pass/ ./", {"Jim Roe", "Tom Vane"}},
    {"a film named after a man the story reads as a person",
     "the/ biopic/ Tom/B Vane/I opens/ ./ Vane/B ,/ who/ died/ young/ ,/ was/ a/ rebel/ .", {"Tom Vane"}},
    {"a title of one word that a name elsewhere holds", "the/ biopic/ Vane/B opens/ ./ Tom/B Vane/I sang/ ./",
     {"Tom Vane"}},
    {"a new line is no title", "It/ is/ their/ new/ album/|Ann/B Poe/I sang/ ./", {"Ann Poe"}},
};
INSTANTIATE_TEST_SUITE_P(WorkNouns, WorksPeople, ::testing::ValuesIn(kWorkNounCases));

// A title after the noun and a word of naming, between commas after it, or
// a firm after a noun for one or after shares in it.
const MentionCase kNamedTitleCases[] = {
    {"a song called", "He/ wrote/ a/ song/ called/ Judge/ Halvex/B ./", {}},
    {"an album between commas", "Their/ album/ ,/ Kelso/B Marsh/I ,/ sold/ well/ ./", {}},
    {"a speaker between commas stays", "The/ album/ ,/ Kelso/B Marsh/I said/ ,/ sold/ well/ ./", {"Kelso Marsh"}},
    {"shares in a firm", "Shares/ in/ Halvex/B Pryce/I fell/ ./", {}},
    {"a stake in someone's venture stays", "It/ took/ a/ stake/ in/ Jim/B Poe/I 's/ casino/ ./", {"Jim Poe"}},
    {"a carmaker", "the/ carmaker/ Halvex/B Pryce/I grew/ ./", {}},
    {"a film maker is a person", "the/ film/ maker/ Jim/B Poe/I spoke/ ./", {"Jim Poe"}},
    {"'named' is a verb too", "The/ automaker/ named/ Jim/B Poe/I chief/ ./", {"Jim Poe"}},
    {"a name a title holds, written elsewhere too",
     "Her/ album/ The/ Diary/ of/ Ann/B Poe/I sold/ ./ Ann/B Poe/I has/ two/ awards/ .", {"Ann Poe"}},
    {"a title's last word written nowhere else", "Her/ album/ The/ Diary/ of/ Ann/B Poe/I sold/ ./", {}},
    {"the star of a film", "Jim/B Poe/I ,/ the/ star/ of/ Halden/B Marsh/I ,/ spoke/ ./", {"Jim Poe"}},
    {"the creator of a show", "The/ creator/ of/ Kelso/B spoke/ ./", {}},
    {"the director of someone's campaign stays", "the/ director/ of/ Ann/B Poe/I 's/ campaign/ ./", {"Ann Poe"}},
    {"the producer of a singer stays", "the/ producer/ of/ Ann/B Poe/I spoke/ ./", {"Ann Poe"}},
    {"the star of a musical about someone stays", "the/ star/ of/ Ann/B Poe/I musical/ Halvex/ ./", {"Ann Poe"}},
    {"an office with a capital is no work's people", "Director/ of/ Finance/ Ann/B Poe/I spoke/ ./", {"Ann Poe"}},
};
INSTANTIATE_TEST_SUITE_P(NamedTitles, WorksPeople, ::testing::ValuesIn(kNamedTitleCases));

// Titles listed after a plural noun for works.
const MentionCase kListCases[] = {
    {"films such as", "He/ made/ films/ such/ as/ Halden/B Marsh/I ,/ Kelso/B Nights/I and/ Velda/B Rise/I ./", {}},
    {"songs including, after a comma", "Her/ songs/ ,/ including/ Halden/B Road/I and/ Kelso/B ,/ sold/ ./", {}},
    {"a possessive ends the list", "He/ loves/ films/ such/ as/ Jim/B Poe/I 's/ won/ ./", {"Jim Poe"}},
    {"a person after the list stays", "He/ loves/ films/ like/ Halvex/ ,/ said/ Jim/B Poe/I ./", {"Jim Poe"}},
};
INSTANTIATE_TEST_SUITE_P(ListedTitles, WorksPeople, ::testing::ValuesIn(kListCases));

// A noun for a work's or a band's people, or for its sequel, after the title.
const MentionCase kAfterTitleCases[] = {
    {"a show's star", "Velda/B Rise/I star/ Jane/B Roe/I said/ so/ .", {"Jane Roe"}},
    {"a film's actress, the title's tail", "Kings/B of/ Halden/B Marsh/I actress/ Ann/B Poe/I spoke/ .", {"Ann Poe"}},
    {"a band's guitarist", "Halvex/B guitarist/ Jim/B Roe/I quit/ ./ Halvex/B sang/ on/ ./", {"Jim Roe"}},
    {"a singer's sideman stays", "Jane/B Roe/I guitarist/ Jim/B Poe/I quit/ ./ Roe/B said/ so/ .",
     {"Jane Roe", "Jim Poe"}},
    {"a sequel", "Ellis/B Grey/I sequel/ opens/ today/ ./ Ann/B Poe/I directs/ ./", {"Ann Poe"}},
    {"no name after the noun keeps the person", "Jane/B Roe/I star/ power/ helped/ ./", {"Jane Roe"}},
};
INSTANTIATE_TEST_SUITE_P(AfterTitles, WorksPeople, ::testing::ValuesIn(kAfterTitleCases));

// A capitalised run alone between quotation marks. The quotation marks hug
// the words, which the tagged stories above cannot write: these stories are
// written as text, and the words listed are tagged as a person's.
std::vector<std::string> people_of_text(const std::string& text, const std::vector<std::string>& person_words) {
  testing_support::TaggedDoc d;
  d.text = text;
  tokenize(d.text, d.doc);
  finish_document(d.doc);
  d.tags.assign(d.doc.tokens.size(), kOutside);
  for (std::size_t k = 0; k < d.doc.tokens.size(); ++k) {
    const std::string word(d.doc.tokens[k].text);
    if (std::find(person_words.begin(), person_words.end(), word) == person_words.end()) continue;
    d.tags[k] = k > 0 && d.tags[k - 1] != kOutside ? kPersonInside : kPersonBegin;
  }
  const Lexicon& lexicon = testing_support::people_lexicon();
  return merge_mentions(collect_mentions(d.doc, d.tags, {}, lexicon), lexicon);
}

struct TextCase {
  const char* what;
  const char* text;
  std::vector<std::string> person_words;
  std::vector<std::string> expected;
};

class QuotedPeople : public ::testing::TestWithParam<TextCase> {};

TEST_P(QuotedPeople, KeepExactlyThesePeople) {
  const TextCase& c = GetParam();
  EXPECT_EQ(people_of_text(c.text, c.person_words), c.expected) << c.what;
}

const TextCase kQuotedCases[] = {
    {"a product dubbed in quotes", "The robot, dubbed \"Kelso\", walks. Kelso talks.", {"Kelso"}, {}},
    {"single quotes", "Her album 'Halden Marsh' sold well.", {"Halden", "Marsh"}, {}},
    {"curly quotes", "Her album \u201cHalden Marsh\u201d sold well.", {"Halden", "Marsh"}, {}},
    {"a full stop inside the marks", "It sells a service, \"Halden Showcase.\" It grew.", {"Halden", "Showcase"}, {}},
    {"a comma inside the marks", "Her album \"Halden Marsh,\" a hit, sold.", {"Halden", "Marsh"}, {}},
    {"a quoted sentence ending in a name stays", "She said \"Ask Tom Vane.\" Then she left.", {"Tom", "Vane"},
     {"Tom Vane"}},
    {"a nickname inside a name is no title", "Jim 'Ace' Halvik won.", {"Ace"}, {"Ace"}},
    {"a name someone goes by stays", "A man known as \"Tom Vane\" spoke.", {"Tom", "Vane"}, {"Tom Vane"}},
    {"a quote that opens with a name stays", "\"Tom Vane was right,\" she said.", {"Tom", "Vane"}, {"Tom Vane"}},
    {"a plural's apostrophe is no quotation mark", "The players' Tom Vane' goal won.", {"Tom", "Vane"},
     {"Tom Vane"}},
};
INSTANTIATE_TEST_SUITE_P(Quoted, QuotedPeople, ::testing::ValuesIn(kQuotedCases));

// The part an actor plays is no person; the actor is.
const MentionCase kCharacterCases[] = {
    {"his character", "Jim/B Roe/I played/ his/ character/ Ann/B Poe/I ./", {"Jim Roe"}},
    {"the character of", "the/ character/ of/ Ann/B Poe/I grew/ ./", {}},
    {"took the role of", "Jim/B Roe/I took/ the/ role/ of/ Tom/B Vane/I ./", {"Jim Roe"}},
    {"his role as", "Jim/B Roe/I won/ for/ his/ role/ as/ Tom/B Vane/I ./", {"Jim Roe"}},
    {"starring as", "Jane/B Roe/I is/ starring/ as/ Ann/B Poe/I ./", {"Jane Roe"}},
    {"the role of someone in events stays", "the/ role/ of/ Ann/B Poe/I in/ the/ talks/ ./", {"Ann Poe"}},
    {"a role as someone's deputy stays", "her/ role/ as/ Ann/B Poe/I 's/ deputy/ ./", {"Ann Poe"}},
    {"a real person played, named as a person too",
     "Jim/B Roe/I starred/ as/ Ann/B Poe/I ./ Ann/B Poe/I ,/ who/ died/ ,/ sang/ ./ Poe/B said/ so/ .",
     {"Jim Roe", "Ann Poe"}},
    {"'played by' is no sign of a part (a real life is played too)",
     "Her/ husband/ ,/ Tom/B Vane/I ,/ played/ by/ Ann/B Poe/I ,/ left/ ./", {"Tom Vane", "Ann Poe"}},
    {"a song sung", "She/ sang/ Halden/B Marsh/I twice/ ./", {}},
    {"praises sung stay", "She/ sang/ Tom/B Vane/I 's/ praises/ ./", {"Tom Vane"}},
};
INSTANTIATE_TEST_SUITE_P(Characters, WorksPeople, ::testing::ValuesIn(kCharacterCases));

// A name of several words as the subject of a plural verb: a band's.
const MentionCase kGroupCases[] = {
    {"a band opening a sentence", "Halden/B Marsh/I have/ split/ ./", {}},
    {"after a comma", "Formed/ in/ 1990/ ,/ Halden/B Marsh/I are/ back/ ./", {}},
    {"not a plural relative (the archive's alone)", "Halden/B Marsh/I ,/ who/ were/ formed/ here/ ,/ split/ ./",
     {"Halden Marsh"}},
    {"two people joined by 'and'", "Kelso/B Marr/I and/ Halden/B Pryce/I are/ wed/ ./", {"Kelso Marr", "Halden Pryce"}},
    {"the people of a person are no subject", "Fans/ of/ Kelso/B Marr/I were/ sad/ ./", {"Kelso Marr"}},
    {"a known given name first", "Jane/B Roe/I have/ you/ met/ her/ ?/", {"Jane Roe"}},
};
INSTANTIATE_TEST_SUITE_P(Groups, WorksPeople, ::testing::ValuesIn(kGroupCases));

}  // namespace
}  // namespace morgue::people
