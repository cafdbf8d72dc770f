// Rules that say a tagged person span is no person's name before it becomes
// a mention (mentions.cc, mention_rules.cc): places and spans cut out of a
// longer name, companies and the story's organisation names, dates, wire
// sign-offs, and the word lists they read. The tags are written by hand, so
// a test fails when the rule does, whatever the model. Every sentence here is
// written for this test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "people/evidence.h"
#include "people/lexicon.h"
#include "people/names.h"
#include "people/tokenizer.h"
#include "support/people_rules.h"
#include "support/tagged_doc.h"

namespace morgue::people {
namespace {

using Names = std::vector<std::string>;
using testing_support::build_tagged;
using testing_support::MentionCase;
using testing_support::mention_texts;
using testing_support::TaggedDoc;

const Lexicon& lexicon() { return testing_support::people_lexicon(); }

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

}  // namespace
}  // namespace morgue::people
