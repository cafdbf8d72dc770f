// Precision rules of the people extractor that read the whole story: wire
// sign-offs and desk lines, table rows and score lines, organisation names,
// common words, headlines in capitals, ships and storms, spans cut out of a
// longer name, and bare given names. Each rule has a table; the tags are
// written by hand where the rule reads tags, so a test fails when the rule
// does, whatever the model. Every sentence here is written for this test.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "morgue/article.h"
#include "morgue/people.h"
#include "people/credits.h"
#include "people/evidence.h"
#include "people/lexicon.h"
#include "people/names.h"
#include "people/tokenizer.h"
#include "support/tagged_doc.h"

namespace morgue::people {
namespace {

using Names = std::vector<std::string>;

std::filesystem::path data_dir() { return std::filesystem::path(MORGUE_TEST_SOURCE_DIR) / "corpus" / "data"; }

const Lexicon& lexicon() {
  static const Lexicon instance(data_dir());
  return instance;
}

const PeopleExtractor& extractor() {
  static const PeopleExtractor instance(data_dir());
  return instance;
}

Names people_in(const std::string& body) {
  Article article;
  article.title = "Council meets";
  article.body = body;
  return extractor().extract(article);
}

using testing_support::build_tagged;
using testing_support::TaggedDoc;

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

struct MentionCase {
  const char* what;
  const char* marked;
  Names expected;
};

class MentionRules : public ::testing::TestWithParam<MentionCase> {};

TEST_P(MentionRules, KeepsExactlyTheseMentions) {
  const MentionCase& c = GetParam();
  EXPECT_EQ(mention_texts(c.marked), c.expected) << c.what;
}

const MentionCase kMentionCases[] = {
    {"a person read as such is kept", "The/ mayor/ Jane/B Ostrova/I spoke/ .", {"Jane Ostrova"}},
    {"the tail of a place whose first word was read as a place", "He/ flew/ to/ Port/L Halvey/B on/ Monday/ .", {}},
    {"the tail after a capitalised particle", "A/ casino/ in/ Las/ Vegas/B closed/ .", {}},
    {"an office before a full name is not a first word dropped",
     "Chancellor/ of/ the/ Exchequer/G Karl/B Brenholt/I spoke/ .",
     {"Karl Brenholt"}},
    {"a nationality before a name is not a first word dropped",
     "Veteran/ Danish/M Karl/B Brenholt/I won/ .",
     {"Karl Brenholt"}},
    {"a lone word before a place is the head of its name", "Banks/ in/ Latin/B America/L lent/ .", {}},
    {"a name opened inside takes the word before it",
     "We/ met/ Tovric/G Malenko/I on/ Monday/ .",
     {"Tovric Malenko"}},
    {"but not a title or a common word before it", "We/ met/ Director/G Malenko/I and/ Loan/M Brisk/I .",
     {"Malenko", "Brisk"}},
    {"a wire sign-off is no person", "Prices/ rose/ .|Reuter/B", {}},
    {"a sign-off in capitals neither", "Prices/ rose/ .|REUTER/B", {}},
    {"a company named after people, seen with its company word elsewhere",
     "Shares/ of/ Halden/B Pryce/I rose/ .|Halden/ Pryce/ Inc/ said/ so/ .",
     {}},
    {"but a person after an honorific, though a party bears the name",
     "The/ Halden/ Pryce/ Party/ .|Mr/ Pryce/B said/ so/ .",
     {"Pryce"}},
    {"a company across a comma and 'and'",
     "Brokers/ Halden/B ,/ Pryce/ and/ Co/ sold/ .|Later/ Halden/B said/ no/ .",
     {}},
    {"a company in wire angle brackets", "The/ bid/ by/ <Morrow/ Teague/ and/ Co>/ failed/ .|Morrow/B Teague/I said/ .",
     {}},
    {"a person before 'and' and an institution is still a person",
     "Met/ Jane/B Roe/I and/ International/G Monetary/G Fund/G officials/ .",
     {"Jane Roe"}},
    {"a person before a company's name with a comma is still a person",
     "Said/ Jane/B Roe/I ,/ Acme/ Corp/ chairman/ .",
     {"Jane Roe"}},
    {"a country from the gazetteer", "Talks/ in/ Ivory/B Coast/I ended/ .", {}},
    {"the company before a wire ticker", "Shares/ of/ Halden/B Pryce/I <HPC>/ rose/ .|Halden/B said/ so/ .", {}},
    {"a company noun after the name", "The/ Halden/B Pryce/I unit/ sold/ bonds/ .", {}},
    {"a party and state after a name", "Rep/ Jane/B Roe/I ,/ R-Minn/B ,/ said/ so/ .", {"Jane Roe"}},
    {"a place or event word ends the name", "The/ Osric/B Plan/I failed/ .|Near/ the/ Tamsin/B River/I ./", {}},
    {"a name does not end in a common word", "The/ Halden/B Economic/I report/ .", {}},
    {"unless the word is short or a name", "Bowler/ Peter/B Such/I and/ Tom/B Little/I won/ .",
     {"Peter Such", "Tom Little"}},
    {"a lone word after a compass word is a region", "Snow/ fell/ on/ northwest/ Tarvonia/B ./", {}},
    {"a capitalised compass word is no compass word", "Said/ North/ ,/ Brenholt/B agreed/ ./", {"Brenholt"}},
    {"a month's short name next to a number is a date", "Posted/ Jan/B 12/ ,/ 2008/ and/ 3/ Jan/B 2009/ .", {}},
    {"a given name that is one is still a name", "Coach/ Jan/B said/ so/ ,/ and/ Jan/B Orvik/I 12/ .", {"Jan", "Jan Orvik"}},
    {"a US state from the list", "Plants/ in/ Utah/B and/ Wisc./B closed/ .", {}},
    {"a nationality word from the list", "The/ Kuwaiti/B delegation/ left/ .", {}},
    {"an index after the name", "The/ Halvard/B Seng/I index/ fell/ .", {}},
    {"a lone name before a word and a place of work or a product",
     "The/ Tarvo/B cigarette/ factory/ and/ its/ Kestrel/B credit/ card/ .", {}},
    {"but not a full name, nor a lone name two words away",
     "Karl/B Orvik/I steel/ mill/ and/ Brisk/B said/ the/ mill/ closed/ .", {"Karl Orvik", "Brisk"}},
    {"a compass initial and a place", "Sales/ to/ E./B Europe/I and/ S./B Korea/I rose/ .", {}},
    {"another initial and a place is a name", "Bowler/ T./B France/I took/ four/ .", {"T. France"}},
    {"a place word ends the name", "The/ Tarvo/B Creek/I mine/ and/ Halden/B Cay/I resort/ .", {}},
    {"a publisher's name", "Halden/ Publishing/ joined/ .|Halden/B will/ sell/ .", {}},
    {"names joined by a slash before a company apposition",
     "It/ works/ with/ Tarvo/Halden/ ,/ a/ unit/ of/ Acme/ .|Tarvo/B said/ so/ .", {}},
    {"a foreign legal form after the name", "The/ Juli/B Banken/I A/S/ failed/ .", {}},
    {"a company in apposition", "Ostby/ and/ Halden/B Pryce/I ,/ two/ units/ of/ Acme/ ,/ rose/ .", {}},
    {"and one of its makers", "Halden/B ,/ a/ small/ drug/ maker/ ,/ rose/ .", {}},
    {"a person whose job is at a company is a person",
     "Karl/B Orvik/I ,/ a/ director/ of/ the/ company/ ,/ and/ Tom/B Brisk/I ,/ an/ expert/ at/ brokerage/ Acme/ ,/ met/ .",
     {"Karl Orvik", "Tom Brisk"}},
    {"a person in apposition is still a person", "Jane/B Roe/I ,/ a/ unit/ manager/ ,/ and/ Tom/B Brisk/I ,/ an/ analyst/ ,/ met/ .",
     {"Jane Roe", "Tom Brisk"}},
    {"a particle and a country end a bank's name", "Banque/B Halden/I de/I France/I lent/ .", {}},
    {"but not a name opening with a given name", "President/ Miguel/B Halden/I de/I France/I spoke/ .",
     {"Miguel Halden de France"}},
    {"a person before 'and' and a securities firm is a person",
     "President/ Karl/B D./I Orvik/I and/ Halden/ Securities/ Inc/ President/ Tom/B Brisk/I ./",
     {"Karl D. Orvik", "Tom Brisk"}},
    {"a person 'with' after a title that is no market job",
     "They/ replaced/ him/ as/ president/ with/ Karl/B Orvik/I ./", {"Karl Orvik"}},
    {"a company in apposition elsewhere in the story",
     "Tamsin/B Brisk/I rose/ .|Tamsin/ Brisk/ ,/ a/ unit/ of/ Acme/ ,/ said/ so/ .", {}},
    {"a name before a possessive and a company's division",
     "It/ sold/ its/ Tarvo/B 's/ division/ .|Tarvo/B 's/ sales/ rose/ .", {}},
    {"but not before a possessive and shares", "Tom/B Brisk/I 's/ shares/ rose/ .", {"Tom Brisk"}},
    {"an employer after a job and 'at'", "Said/ Karl/B Orvik/I ,/ an/ analyst/ at/ Dean/B Halvard/I ./", {"Karl Orvik"}},
    {"and after a job and 'with'", "Tom/B Brisk/I ,/ a/ broker/ with/ Dean/ Halvard/ ./|Halvard/B agreed/ ./",
     {"Tom Brisk"}},
    {"but the wife of a person is a person's", "The/ wife/ with/ Karl/B Orvik/I smiled/ .", {"Karl Orvik"}},
    {"partners' names before 'Securities'",
     "At/ Halvard/ ,/ Brisk/ and/ Tamsin/ Securities/ .|Brisk/B said/ so/ .", {}},
};

INSTANTIATE_TEST_SUITE_P(People, MentionRules, ::testing::ValuesIn(kMentionCases));

Mention mention(std::initializer_list<const char*> words) {
  Mention m;
  for (const char* w : words) {
    m.words.emplace_back(w);
    std::string lower(w);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    m.lower.push_back(lower);
  }
  m.confidence = 10;
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

struct RowCase {
  const char* line;
  std::size_t begin, end;  // the span, in tokens of the line
  RowKind expected;
};

TEST(PeopleEvidence, RowKinds) {
  const RowCase cases[] = {
      {"Harwick 4 3 1 0 9 2 10", 0, 1, RowKind::kTableRow},
      {"3. Harwick 4 3 1 0 9 2 10", 1, 2, RowKind::kTableRow},
      {"Harwick (N) 4 3 1 0 9 2 10", 0, 1, RowKind::kTableRow},
      {"Harwick 4", 0, 1, RowKind::kText},
      {"Lada Orvik 2 Dunmore Vale 1", 0, 2, RowKind::kScoreLine},
      {"Lada Orvik 2 Dunmore Vale 1", 3, 5, RowKind::kScoreLine},
      {"Lada Orvik 2 ( Tom Brisk 34 ) Dunmore Vale 1", 4, 6, RowKind::kText},
      {"Karl Brenholt scored 2 goals in 1 match", 0, 2, RowKind::kText},
      {"Karl Brenholt (Norway) 3:35.12", 0, 2, RowKind::kText},
      {"Harwick v Dunmore", 0, 1, RowKind::kFixture},
      {"Harwick v Dunmore", 2, 3, RowKind::kFixture},
      {"Orvik v Harwick , Dunmore vs. St Kells", 4, 5, RowKind::kFixture},
      {"Orvik v Harwick , Dunmore vs. St Kells", 6, 8, RowKind::kFixture},
      {"Karl Brenholt v the state", 0, 2, RowKind::kText},
      {"Henry V Brenholt", 2, 3, RowKind::kText},
  };
  for (const RowCase& c : cases) {
    Document doc;
    tokenize(c.line, doc);
    finish_document(doc);
    EXPECT_EQ(row_kind(doc, c.begin, c.end), c.expected) << c.line;
  }
}

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
    TaggedDoc d;
    build_tagged(c.marked, d);
    EXPECT_EQ(merge_mentions(collect_mentions(d.doc, d.tags, {}, lexicon()), lexicon()), c.expected) << c.what;
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
      {"nor one among two", "The/ Brenholt/B visit/ ended/ .|Brenholt/B left/ .", {"Brenholt"}},
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
    TaggedDoc d;
    build_tagged(c.marked, d);
    EXPECT_EQ(merge_mentions(collect_mentions(d.doc, d.tags, {}, lexicon()), lexicon()), c.expected) << c.what;
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

TEST(PeopleEvidence, WordLists) {
  const struct {
    const char* word;
    std::uint16_t flag;
    bool expected;
  } cases[] = {
      {"wisc", kKnownEntity, true},         {"calif.", kKnownEntity, true},   {"utah", kKnownEntity, true},
      {"kuwaiti", kKnownEntity, true},      {"xhosa", kKnownEntity, true},    {"newspaper", kNameKind, true},
      {"club", kNameKind, true},            {"index", kCompanyNoun, true},    {"banken", kCompanyWord, true},
      {"a/s", kCompanyWord, true},          {"virginia", kKnownEntity, false},  // a given name too
      {"washington", kKnownEntity, false},  {"scale", kCompanyNoun, false},  // CoNLL: "Richter scale" is a person
      {"games", kCompanyWord, true},        {"megastores", kCompanyWord, true}, {"links", kCompanyWord, true},
      {"firm", kNameKind, true},            {"drama", kNameKind, true},         {"publisher", kNameKind, false},
      {"engine", kNameKind, true},          {"group", kNameKind, true},         {"broadcaster", kNameKind, false},
  };
  for (const auto& c : cases) EXPECT_EQ((lexicon().flags(c.word) & c.flag) != 0, c.expected) << c.word;
}

TEST(PeopleEvidence, ScorersInBrackets) {
  const struct {
    const char* line;
    const char* persons;  // the tokens marked as people, joined by spaces
  } cases[] = {
      {"Harwick 2 ( Brenholt 27th , Le Roux 86th pen ) Dunmore 1", "Brenholt Le Roux"},
      {"Harwick 3 ( Brenholt 12 40 , Tam 90+2 ) Dunmore 1 ( Orvik 3 )", "Brenholt Tam Orvik"},
      {"Harwick 1 ( van Basten 10 og )", "van Basten"},
      {"Profits rose 12 ( Harwick Group said so )", ""},     // no minute after the name
      {"Profits rose to 12 ( 10 in Harwick )", ""},          // a word before no minute
      {"Harwick ( Brenholt 27th ) said", ""},                // no score before the brackets
  };
  for (const auto& c : cases) {
    Document doc;
    tokenize(c.line, doc);
    finish_document(doc);
    std::vector<Tag> tags(doc.tokens.size(), kOutside);
    std::vector<float> margins(doc.tokens.size(), 0.0f);
    mark_scorers(doc, lexicon(), tags, margins, 3.0f);
    std::string marked;
    for (std::size_t k = 0; k < tags.size(); ++k) {
      if (tags[k] == kOutside) continue;
      EXPECT_EQ(margins[k], 3.0f) << c.line;
      marked += (marked.empty() ? "" : " ") + std::string(doc.tokens[k].text);
    }
    EXPECT_EQ(marked, c.persons) << c.line;
  }
}

TEST(PeopleEvidence, RowDetails) {
  const RowCase cases[] = {
      // RowKind unused here: expected kTableRow means "a row detail".
      {"1. Karl Brenholt ( Norway ) Halvard 20:36:54", 6, 7, RowKind::kTableRow},
      {"3. Karl Brenholt ( Norway ) Halvard Tamsin 2:09", 6, 8, RowKind::kTableRow},
      {"1. Karl Brenholt ( Norway ) 20:36:54", 1, 3, RowKind::kText},
      {"Karl Brenholt ( Norway ) beat Tom Orvik ( Sweden ) 6-3", 7, 9, RowKind::kText},
      {"the champion ( 1980 ) Tom Orvik won", 5, 7, RowKind::kText},
      {"4. Karl Brenholt ( Norway ) , Halvard Tamsin , 53.980 ( 113.576 mph )", 7, 9, RowKind::kTableRow},
      {"Harwick 83 ( K. Orvik 4-38 ) , Dunmore 296 .", 8, 9, RowKind::kTableRow},
      {"Bowling : Orvik 10-1-50-1 ( 2w ) , Brenholt 10-1-47-2 ( 1w )", 9, 10, RowKind::kText},
  };
  for (const RowCase& c : cases) {
    Document doc;
    tokenize(c.line, doc);
    finish_document(doc);
    EXPECT_EQ(is_row_detail(doc, c.begin, c.end), c.expected == RowKind::kTableRow) << c.line;
  }
}

TEST(PeopleEvidence, Numbers) {
  for (const char* yes : {"70", "3:35.12", "1-0", "12,000", "1.", "4/5"}) EXPECT_TRUE(is_number(yes)) << yes;
  for (const char* no : {"", "F-14", "A1", "1st", "x"}) EXPECT_FALSE(is_number(no)) << no;
}

TEST(PeopleEvidence, OrganisationWords) {
  Document doc;
  const std::string text =
      "They hired Halden Pryce, Morrow Teague and Co for it. Said Jane Roe, Acme Corp chairman.\n<Ostby Vale>\n"
      "Shares of Brannock Tull <BTL> rose.\nLORNE SAYS CADWELL <CDW> WINS\nLORNE BUYS HALLAM METALS <HLM>\n"
      "It sold Ardley's Fine Candies Inc.";
  tokenize(text, doc);
  finish_document(doc);
  std::vector<std::string_view> words = organisation_words(doc, lexicon());
  auto has = [&](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); };
  for (const char* w : {"halden", "pryce", "morrow", "teague", "acme", "ostby", "vale", "brannock", "tull", "cadwell", "hallam"}) {
    EXPECT_TRUE(has(w)) << w;
  }
  for (const char* w : {"jane", "roe", "they", "said", "shares", "lorne", "says", "buys", "sold",
                        "ardley"}) {  // a possessive ends the name: "Jane Roe's Acme Corp"
    EXPECT_FALSE(has(w)) << w;
  }
}

TEST(PeopleCredits, DeskLinesAreBlanked) {
  struct {
    const char* body;
    bool kept;  // whether "Tomas Lindgren" survives
  } cases[] = {
      {"Rates fell.\n-- Tomas Lindgren, Stockholm newsroom +46 8 700 1000", false},
      {"Rates fell.\n-- Tomas Lindgren, Oslo desk", false},
      {"Rates fell.\n-- Tomas Lindgren +47 22 00 00 00", false},
      {"Rates fell -- Tomas Lindgren said so.", true},
      {"Rates fell.\nTomas Lindgren, Stockholm newsroom, agreed.", true},
  };
  for (const auto& c : cases) {
    std::string out = strip_body_credits(c.body);
    EXPECT_EQ(out.size(), std::string(c.body).size());
    EXPECT_EQ(out.find("Tomas Lindgren") != std::string::npos, c.kept) << c.body;
  }
}

TEST(People, SignOffsAndDeskLinesAreNotPeople) {
  const std::string story = "Council member Ines Calder said the budget would pass on Monday.\n\n";
  for (const char* ending : {"Reuter", "REUTER", "AP", "-- Tomas Lindgren, Stockholm newsroom +46 8 700 1000"}) {
    EXPECT_EQ(people_in(story + ending), Names{"Ines Calder"}) << ending;
  }
}

TEST(People, BareGivenNameJoinsTheFullName) {
  EXPECT_EQ(people_in("Council member Adrienne Moreau opened the debate. Later, Adrienne said the vote "
                      "would wait until Monday."),
            Names{"Adrienne Moreau"});
}

}  // namespace
}  // namespace morgue::people

namespace morgue::people {
namespace {

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

// The public call gives the stored value.
TEST(PeopleEvidence, ExtractWithCues) {
  Article article;
  article.title = "Council meets";
  article.body = "Mr Karl Brenholt said the plan would go ahead.";
  const PeopleExtractor::Found found = extractor().extract_with_cues(article);
  EXPECT_EQ(found.names, extractor().extract(article));
  for (const std::string& name : found.names) {
    EXPECT_NE(found.cues.find(" " + name + "\n"), std::string::npos) << found.cues;
  }
}

}  // namespace
}  // namespace morgue::people
