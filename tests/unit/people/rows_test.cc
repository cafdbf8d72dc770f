// Table rows, score lines, fixtures and results rows (evidence.cc): where a
// span sits on a line of numbers, and the scorers in brackets after a score.
// Every line here is written for this test.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "people/evidence.h"
#include "people/lexicon.h"
#include "people/perceptron.h"
#include "people/tokenizer.h"
#include "support/people_rules.h"

namespace morgue::people {
namespace {

const Lexicon& lexicon() { return testing_support::people_lexicon(); }

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

}  // namespace
}  // namespace morgue::people
