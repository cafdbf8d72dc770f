// person:"..." phrases also match the name key (schema::kPersonNameKey) that
// the people identity step gives a renamed story (its canonical name's words
// have no positions there): which queries gain the key, and that the query
// builder finds such a story by the phrase and only by the right phrase.
#include "search/person_query.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "morgue/schema.h"
#include "morgue/search.h"
#include "search/query_builder.h"

namespace morgue {
namespace {

std::set<std::string> exact_terms(const Xapian::Query& q) {
  std::set<std::string> out;
  const std::string prefix(schema::kPersonNameKey);
  for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
    if ((*t).starts_with(prefix)) out.insert(*t);
  }
  return out;
}

std::string key(const std::string& words) { return schema::make_term(schema::kPersonNameKey, words); }
std::string xp(const std::string& name) { return schema::make_term(schema::kPersonFilter, name); }

struct Case {
  const char* query;
  std::set<std::string> exact;  // the name keys the query gains
};

TEST(PersonQuery, PhrasesOfPersonWordsGainTheExactNameTerm) {
  const Case cases[] = {
      {R"(person:"Ronald Reagan")", {key("ronald reagan")}},
      {R"(people:"Hillary Rodham Clinton" budget)", {key("hillary rodham clinton")}},
      {R"(person:"Ronald Reagan" OR person:"Nigel Lawson")", {key("ronald reagan"), key("nigel lawson")}},
      {R"(tax -person:"Nigel Lawson")", {key("nigel lawson")}},
      {R"((budget AND person:"nigel lawson") OR harbour)", {key("nigel lawson")}},
      {R"(person:"A. William Reynolds")", {key("a william reynolds")}},   // the words, not the spelling
      {R"(person:"Jean-Philippe Cotis")", {key("jean philippe cotis")}},
      {R"(person:"Finian O'Sullivan")", {key("finian o'sullivan")}},
      {R"(person:reagan)", {}},            // one word: the word matches without positions
      {R"(person:"Reagan")", {}},          // a phrase of one word is that word
      {R"("Ronald Reagan")", {}},          // not the person field
      {R"(title:"Ronald Reagan")", {}},
      {R"(person:Ronald Reagan)", {}},     // two words, the second unprefixed: no phrase
  };
  Xapian::QueryParser qp;
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.add_prefix("person", std::string(schema::kPersonPrefix));
  qp.add_prefix("people", std::string(schema::kPersonPrefix));
  qp.add_prefix("title", std::string(schema::kTitlePrefix));
  for (const auto& c : cases) {
    const Xapian::Query parsed = qp.parse_query(c.query, Xapian::QueryParser::FLAG_DEFAULT);
    EXPECT_EQ(exact_terms(or_exact_person_names(parsed)), c.exact) << c.query;
    EXPECT_TRUE(exact_terms(parsed).empty()) << c.query;
  }
}

TEST(PersonQuery, OtherQueriesAreLeftAsTheyAre) {
  const Xapian::Query word("XPNreagan");
  EXPECT_EQ(or_exact_person_names(word).serialise(), word.serialise());
  const std::vector<Xapian::Query> title{Xapian::Query("Sronald", 1, 1), Xapian::Query("Sreagan", 1, 2)};
  const Xapian::Query phrase(Xapian::Query::OP_PHRASE, title.begin(), title.end(), 2);
  EXPECT_EQ(or_exact_person_names(phrase).serialise(), phrase.serialise());
  // A person phrase inside a NEAR is kept whole (NEAR is not rebuilt).
  const std::vector<Xapian::Query> person{Xapian::Query("XPNronald", 1, 1), Xapian::Query("XPNreagan", 1, 2)};
  const Xapian::Query near(Xapian::Query::OP_NEAR, person.begin(), person.end(), 2);
  EXPECT_EQ(or_exact_person_names(near).serialise(), near.serialise());
  EXPECT_TRUE(or_exact_person_names(Xapian::Query()).empty());
}

// A story as the identity step leaves it: the extractor found "Reagan" (a
// positional person word), the step added the canonical name's filter term,
// its words without positions and its key.
Xapian::Document renamed_story() {
  Xapian::Document doc;
  doc.add_posting("XPNreagan", 1);
  doc.add_term("ZXPNreagan");
  doc.add_term("XPNronald");
  doc.add_term("ZXPNronald");
  doc.add_boolean_term(xp("reagan"));
  doc.add_boolean_term(xp("ronald reagan"));
  doc.add_boolean_term(key("ronald reagan"));
  doc.add_value(schema::kSlotPeople, "Ronald Reagan");
  return doc;
}

// Both words, in two names: the phrase must not match.
Xapian::Document two_people() {
  Xapian::Document doc;
  doc.add_posting("XPNronald", 1);
  doc.add_posting("XPNsmith", 2);
  doc.add_posting("XPNnancy", 102);
  doc.add_posting("XPNreagan", 103);
  for (const char* stem : {"ZXPNronald", "ZXPNsmith", "ZXPNnanci", "ZXPNreagan"}) doc.add_term(stem);
  doc.add_boolean_term(xp("ronald smith"));
  doc.add_boolean_term(xp("nancy reagan"));
  return doc;
}

TEST(PersonQuery, QueryBuilderFindsARenamedStoryByThePhraseOnly) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Xapian::docid renamed = db.add_document(renamed_story());
  db.add_document(two_people());
  QueryBuilder builder(db, QueryLimits{});
  auto matches = [&](const std::string& text) {
    Xapian::Enquire enquire(db);
    enquire.set_query(builder.build(text, {}, Date{2026, 12, 6}).matches(true));
    std::vector<Xapian::docid> out;
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
    return out;
  };
  EXPECT_EQ(matches(R"(person:"Ronald Reagan")"), std::vector<Xapian::docid>{renamed});
  EXPECT_EQ(matches(R"(person:"ronald reagan")"), std::vector<Xapian::docid>{renamed});
  EXPECT_TRUE(matches(R"(person:"Nancy Smith")").empty());
  EXPECT_EQ(matches("person:ronald").size(), 2u);  // the word alone, positions or not
}

}  // namespace
}  // namespace morgue
