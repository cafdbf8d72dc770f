// Each article's words are stemmed in its own language.
#include "store/stemmers.h"

#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "morgue/document.h"
#include "morgue/schema.h"

namespace morgue {
namespace {

bool has_term(const Xapian::Document& doc, const std::string& term) {
  auto t = doc.termlist_begin();
  t.skip_to(term);
  return t != doc.termlist_end() && *t == term;
}

TEST(StemmerNameTest, Table) {
  struct Case {
    const char* language;
    const char* name;
  };
  const Case cases[] = {{"", "english"},       {"en", "english"},  {"en-GB", "english"}, {"de", "german"},
                        {"de-AT", "german"},   {"DE-de", "german"}, {"fr", "french"},    {"es-MX", "spanish"},
                        {"nb", "norwegian"},   {"nl", "dutch"},     {"pl", "none"},      {"zh-Hant", "none"},
                        {"xx", "none"}};
  for (const auto& c : cases) EXPECT_EQ(stemmer_name(c.language), c.name) << c.language;
}

TEST(StemmerForTest, StemsInTheLanguageAndKeepsWholeWordsWithoutOne) {
  EXPECT_EQ(stemmer_for("")("harbours"), "harbour");
  EXPECT_EQ(stemmer_for("de")("regierungen"), "regier");
  EXPECT_EQ(stemmer_for("fr")("gouvernements"), "gouvern");
  EXPECT_EQ(stemmer_for("pl")("rządu"), "rządu");  // no Polish stemmer: the word itself
}

TEST(ThreadStemmerTest, RemembersTheSameStemsInEveryLanguage) {
  const char* const languages[] = {"", "en", "de", "fr", "pl", "de-AT"};
  const char* const words[] = {"harbours", "regierungen", "gouvernements", "rządu", "running", "Running", "", "a"};
  for (int round = 0; round < 2; ++round) {  // the second round is answered from memory
    for (const char* language : languages) {
      for (const char* word : words) {
        EXPECT_EQ(thread_stemmer_for(language)(word), stemmer_for(language)(word)) << language << " " << word;
      }
    }
  }
}

TEST(ThreadStemmerTest, StaysRightWhenItsMemoryFillsUp) {
  Xapian::Stem memo = thread_stemmer_for("en");
  Xapian::Stem plain = stemmer_for("en");
  for (std::size_t i = 0; i < kStemMemoWords + 100; ++i) {
    std::string word = "harbour" + std::to_string(i % (kStemMemoWords + 7)) + "ings";
    ASSERT_EQ(memo(word), plain(word)) << word;
  }
  EXPECT_EQ(memo("harbours"), "harbour");
}

TEST(StemmedDocumentTest, GermanStoryHasGermanStems) {
  Article a;
  a.source = "windkraft.txt";
  a.title = "Neue Regeln";
  a.body = "Die Regierungen der Länder beschlossen neue Regeln.";
  a.language = "de";
  Xapian::Document doc = make_document(a, "1");
  EXPECT_TRUE(has_term(doc, "Zregier"));
  EXPECT_TRUE(has_term(doc, "regierungen"));   // the word as written stays
  a.language = "";
  EXPECT_FALSE(has_term(make_document(a, "1"), "Zregier"));  // English stems otherwise
}

TEST(ArchiveStemmersTest, EnglishFirstThenEachLanguageOnce) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  EXPECT_EQ(archive_stemmer_names(db), std::vector<std::string>{"english"});
  for (const char* language : {"de", "de-AT", "en-GB", "pl", "fr", ""}) {
    Article a;
    a.source = std::string("story-") + language;
    a.body = "Text.";
    a.language = language;
    db.add_document(make_document(a, a.source));
  }
  EXPECT_EQ(archive_stemmer_names(db), (std::vector<std::string>{"english", "french", "german", "none"}));
}

}  // namespace
}  // namespace morgue
