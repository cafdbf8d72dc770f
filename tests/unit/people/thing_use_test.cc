// How a name is used where it stands, weighed over all the mentions of one
// person (evidence.cc's readings, mention_rules.cc's used_as_thing,
// names.cc): a name the story gives a ship or a newspaper, a thing's uses
// ("the Walkman", "Tory leader", "Acme have"), a person's ("Roe said", "Roe,
// who") and an agent's ("Roe decided"). Every sentence here is written for
// this test.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "people/evidence.h"
#include "people/lexicon.h"
#include "people/tokenizer.h"
#include "support/people_rules.h"

namespace morgue::people {
namespace {

using testing_support::MentionCase;
using testing_support::people_of_tagged;

const Lexicon& lexicon() { return testing_support::people_lexicon(); }

TEST(PeopleEvidence, NamesGivenToThingsElsewhere) {
  const MentionCase cases[] = {
      {"a name the story gives a newspaper elsewhere", "The/ daily/ Kestrel/ said/ so/ .|Kestrel/B added/ more/ .", {}},
      {"and a ship", "The/ tanker/ Sea/ Kestrel/ sank/ .|Sea/B Kestrel/I was/ old/ .", {}},
      {"stockbrokers are firms, both of them", "Said/ stockbrokers/ Halden/B and/ Pryce/B ./", {}},
      {"a broker is a person", "Said/ money/ broker/ Karl/B Halden/I ./", {"Karl Halden"}},
      {"not a person who shares only a word with it",
       "The/ tanker/ Kestrel/ sank/ .|Jane/B Roe/I was/ there/ .",
       {"Jane Roe"}},
  };
  for (const MentionCase& c : cases) {
    EXPECT_EQ(people_of_tagged(c.marked), c.expected) << c.what;
  }
}

// How each mention is used, weighed over all the mentions of one person
// (Mention::thing_use, Mention::person_cue).
TEST(PeopleEvidence, NamesUsedAsThings) {
  const MentionCase cases[] = {
      {"after an article, every time", "We/ bought/ the/ Zorvex/B at/ noon/ .|Later/ the/ Zorvex/B was/ gone/ .", {}},
      {"after an article, but a verb of saying makes a person",
       "The/ Zorvex/B speech/ ran/ long/ .|Zorvex/B said/ so/ .",
       {"Zorvex"}},
      {"or a title", "The/ Zorvex/B speech/ ran/ long/ .|Mr/ Zorvex/B agreed/ .", {"Zorvex"}},
      {"or a relative pronoun", "The/ Zorvex/B speech/ ran/ .|Zorvex/B ,/ who/ spoke/ ,/ left/ .", {"Zorvex"}},
      {"a given name and more is a person's after an article too", "It/ was/ a/ Karl/B Brenholt/I film/ .",
       {"Karl Brenholt"}},
      {"a capital A is an initial, not an article", "Team/ :/ A/ Brenholt/B ,/ K/ Ostrova/ .", {"Brenholt"}},
      {"a possessive and a capitalised name after it",
       "Zorvex/B 's/ Quadra/ sold/ .|Zorvex/B 's/ Lumo/ did/ not/ .",
       {}},
      {"a capitalised word straight after a lone word, twice", "Zorvex/B Quadra/ sold/ .|Zorvex/B Lumo/ did/ not/ .",
       {}},
      {"nor before a given name", "Pay/ Brenholt/B Karl/ .|Pay/ Brenholt/B Jane/ .", {"Brenholt"}},
      {"but not across a full stop", "Pay/ Brenholt/B .|Quadra/ sold/ .|Pay/ Brenholt/B .|Lumo/ did/ not/ .",
       {"Brenholt"}},
      {"a lone word modifying nouns like nominations or leader",
       "Kestrel/B nominations/ rose/ .|Two/ Kestrel/B winners/ spoke/ .",
       {}},
      {"a lone word the story writes before a company noun", "Zorvex/ shares/ fell/ .|Zorvex/B hires/ staff/ .", {}},
      {"one thing use among three mentions is not enough",
       "Brenholt/B arrived/ .|The/ Brenholt/B visit/ ended/ .|Brenholt/B left/ .",
       {"Brenholt"}},
      {"nor one among two when the other reads as an agent's", "The/ Brenholt/B visit/ ended/ .|Brenholt/B left/ .",
       {"Brenholt"}},
      {"but one of a lone word's two is enough when the other says nothing",
       "Kestrel/B is/ big/ .|Two/ Kestrel/B execs/ left/ .",
       {}},
      {"a contraction's stem or an adverb after it is no noun it modifies",
       "Kestrel/B didn/ 't/ go/ .|Kestrel/B already/ plays/ well/ .",
       {"Kestrel"}},
      {"a name after a word like firm names a firm", "The/ firm/ Zorvex/ grew/ .|Zorvex/B hired/ staff/ .", {}},
      {"but not on the next line",
       "MONEY/ MANAGEMENT/ FIRM/ OPENS/|Karl/B Brenholt/I ,/ an/ analyst/ ,/ quit/ .",
       {"Karl Brenholt"}},
      {"an organisation head word ends the name", "Sales/ at/ Zorvex/B Megastores/I fell/ .", {}},
      {"a name before a noun of office is no thing's",
       "The/ Brenholt/B administration/ said/ .|The/ Brenholt/B government/ fell/ .",
       {"Brenholt"}},
      {"a lone word before lower-case nouns, twice", "Kestrel/B tax/ plans/ .|Two/ Kestrel/B proposal/ drafts/ .",
       {}},
      {"a past form after it outweighs one thing use", "Kestrel/B tax/ plans/ .|Later/ Kestrel/B decided/ .",
       {"Kestrel"}},
      {"but not two", "Kestrel/B tax/ plans/ .|Two/ Kestrel/B proposal/ drafts/ .|Later/ Kestrel/B decided/ .",
       {}},
      {"listed with organisations, twice", "Kestrel/B and/ Toshiba/G sold/ chips/ .|Later/ IBM/ and/ Kestrel/B will/ merge/ .",
       {}},
      {"not beside a name the tagger alone reads as an organisation",
       "Kestrel/B ,/ Halden/G and/ Roe/ played/ .|Later/ Halden/G and/ Kestrel/B will/ play/ .",
       {"Kestrel"}},
      {"'its' after the name, past form or not", "Kestrel/B released/ its/ console/ .|Kestrel/B will/ cut/ its/ prices/ .",
       {}},
      {"not after 'his' or 'her'", "Kestrel/B released/ his/ book/ and/ its/ sequel/ .", {"Kestrel"}},
      {"a lone word taking a plural verb, twice", "Later/ Kestrel/B have/ won/ .|But/ Kestrel/B were/ poor/ .",
       {}},
      {"not after 'and'", "Later/ Roe/ and/ Kestrel/B have/ won/ .|But/ Roe/ and/ Kestrel/B were/ poor/ .",
       {"Kestrel"}},
  };
  for (const MentionCase& c : cases) {
    EXPECT_EQ(people_of_tagged(c.marked), c.expected) << c.what;
  }
}

// The word after a name: a noun it modifies ("Tory leader") or a past form
// of a verb ("Roe decided"), or neither ("Roe wins", "Roe and").
TEST(PeopleEvidence, WordAfterAName) {
  struct Case {
    const char* text;  // the name, then the word looked at
    bool modifier, past;
  };
  const Case cases[] = {
      {"Kestrel leader spoke", true, false},     {"Kestrel co-chairman spoke", true, false},
      {"Kestrel fans cheered", true, false},     {"Kestrel nominations rose", true, false},
      {"Kestrel sources say", true, false},      {"Kestrel plans to", false, false},
      {"Kestrel wins again", false, false},      {"Kestrel decided so", false, true},
      {"Kestrel won again", false, true},        {"Kestrel blew past", false, true},
      {"Kestrel speed rose", true, false},       {"Kestrel and Roe", false, false},
      {"Kestrel has gone", false, false},        {"Kestrel quickly left", false, false},
      {"Kestrel trailing by", false, false},     {"Kestrel Lumo sold", false, false},
      {"Kestrel 12th place", false, false},      {"Kestrel de Roe", false, false},
  };
  for (const Case& c : cases) {
    Document doc;
    tokenize(c.text, doc);
    finish_document(doc);
    EXPECT_EQ(before_modifier_head(doc, lexicon(), 1), c.modifier) << c.text;
    EXPECT_EQ(before_past_verb(doc, 1), c.past) << c.text;
  }
}

TEST(PeopleEvidence, RelativeAfterAName) {
  struct Case {
    const char* text;  // a name, then what follows it
    bool saying, relative, plural;
  } cases[] = {
      {"Roe , who spoke", true, true, false},
      {"Roe , whose book", true, true, false},
      {"Roe whose book", false, false, false},
      {"Roe said", true, false, false},
      {"Roe , who were loud", false, false, true},
      {"Roe who are here", false, false, true},
      {"Roe , who have won", false, false, true},
      {"Roe , who has won", true, true, false},
      {"Roe left", false, false, false},
  };
  for (const Case& c : cases) {
    Document doc;
    tokenize(c.text, doc);
    finish_document(doc);
    EXPECT_EQ(before_saying(doc, 1), c.saying) << c.text;
    EXPECT_EQ(before_relative(doc, 1), c.relative) << c.text;
    EXPECT_EQ(before_plural_relative(doc, 1), c.plural) << c.text;
  }
}

TEST(PeopleEvidence, WorkTitleAfterAName) {
  struct Case {
    const char* text;
    std::size_t end;  // the name ends before this token
    bool expected;
  } cases[] = {
      {"Karl Brenholt and the Stone opened", 2, true},
      {"Karl Brenholt and the others left", 2, false},
      {"Karl Brenholt and The Stone opened", 2, true},
      {"Karl Brenholt or the Stone opened", 2, false},
      {"Karl Brenholt and the", 2, false},
  };
  for (const Case& c : cases) {
    Document doc;
    tokenize(c.text, doc);
    finish_document(doc);
    EXPECT_EQ(before_work_title(doc, c.end), c.expected) << c.text;
  }
}

}  // namespace
}  // namespace morgue::people
