// How articles become documents: headline weight, stored fields, duplicate
// fingerprints; and plain-text flashes and headline-less files end to end
// through the indexer and the searcher.
#include "morgue/document.h"

#include <algorithm>
#include <fstream>

#include <gtest/gtest.h>
#include <xapian.h>

#include "morgue/index_writer.h"
#include "morgue/schema.h"
#include "morgue/search.h"
#include "store/fingerprint.h"
#include "store/stored_article.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using testing_support::TempDir;

// The wdf of `term` in `doc`, 0 when the document does not hold it.
Xapian::termcount wdf(const Xapian::Document& doc, const std::string& term) {
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to(term);
  return t != doc.termlist_end() && *t == term ? t.get_wdf() : 0;
}

bool has_term_with_prefix(const Xapian::Document& doc, std::string_view prefix) {
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to(std::string(prefix));
  return t != doc.termlist_end() && (*t).rfind(prefix, 0) == 0;
}

Article headline_less_article() {
  Article a;
  a.source = "para.txt";
  a.title = "Harbour cranes stand idle";
  a.title_from_body = true;
  a.body = "Harbour cranes stand idle. Dockers walked out at noon and the port is closed until Monday.";
  return a;
}

TEST(Document, DerivedHeadlineGetsNoHeadlineWeight) {
  Article derived = headline_less_article();
  Article given = derived;
  given.title_from_body = false;
  const Xapian::Document d = make_document(derived, "1");
  const Xapian::Document g = make_document(given, "2");
  // "cranes" is once in the headline and once in the lead paragraph.
  EXPECT_EQ(wdf(d, "cranes"), schema::kLeadWeight);
  EXPECT_EQ(wdf(g, "cranes"), schema::kLeadWeight + schema::kTitleWeight);
  // title: still finds the derived headline's words.
  const std::string title_term = std::string(schema::kTitlePrefix) + "cranes";
  EXPECT_EQ(wdf(d, title_term), 1u);
  EXPECT_EQ(wdf(g, title_term), 1u);
  // A body word outside the headline is weighted alike in both.
  EXPECT_EQ(wdf(d, "dockers"), wdf(g, "dockers"));
}

TEST(Document, TitleFromBodyIsStoredOnlyWhenSet) {
  Article derived = headline_less_article();
  EXPECT_NE(encode_stored_article(derived).find("\"title_from_body\":true"), std::string::npos);
  EXPECT_TRUE(article_from_document(make_document(derived, "1")).title_from_body);
  Article given = derived;
  given.title_from_body = false;
  EXPECT_EQ(encode_stored_article(given).find("title_from_body"), std::string::npos);
  EXPECT_FALSE(article_from_document(make_document(given, "2")).title_from_body);
}

// A flash has no body; a stub of a few words is as little to go on. Neither
// gets a fingerprint, so neither is grouped with another story.
// The people's values: the names for the facet, and what the extractor
// read of each name for the people step (kSlotPeopleCues), only when given.
TEST(Document, PeopleAndTheirCuesHaveValues) {
  Article a = headline_less_article();
  a.people = {"Ines Calder", "Zorvex"};
  EXPECT_EQ(make_document(a, "id1").get_value(schema::kSlotPeopleCues), "");
  a.people_cues = "1 0 g Ines Calder\n0 0 - Zorvex\n0 2 - Kestrel\n";
  const Xapian::Document doc = make_document(a, "id1");
  EXPECT_EQ(doc.get_value(schema::kSlotPeople), "Ines Calder\nZorvex");
  EXPECT_EQ(doc.get_value(schema::kSlotPeopleCues), a.people_cues);
  EXPECT_TRUE(has_term_with_prefix(doc, schema::make_term(schema::kPersonFilter, "zorvex")));
}

TEST(Document, ShortBodiesHaveNoFingerprint) {
  struct Case {
    const char* body;
    bool fingerprinted;
  };
  static_assert(kMinFingerprintWords == 8, "the bodies below sit on either side of the limit");
  for (const Case& c : {Case{"", false}, Case{" -- ... ", false}, Case{"More to follow.", false},
                        Case{"Seven words stand in this short body.", false},
                        Case{"Eight words stand in this short body now.", true}}) {
    Article a;
    a.source = "flash.txt";
    a.title = "Fed sets two billion dollar repurchase";
    a.body = c.body;
    EXPECT_EQ(fingerprintable(a.body), c.fingerprinted) << c.body;
    const Xapian::Document doc = make_document(a, "1");
    EXPECT_EQ(has_term_with_prefix(doc, schema::kExactDupPrefix), c.fingerprinted) << c.body;
    EXPECT_EQ(has_term_with_prefix(doc, schema::kSimBandPrefix), c.fingerprinted) << c.body;
    EXPECT_EQ(!doc.get_value(schema::kSlotFingerprint).empty(), c.fingerprinted) << c.body;
    EXPECT_EQ(doc.get_value(schema::kSlotDupGroup), "1") << c.body;
  }
}

// The exact-duplicate key is hashed as the text is read (a list of the
// words cost 8 times a large body); the values are those of the word-list
// definition (FNV-1a over each lower-cased word and a space), so archives
// built before keep matching.
TEST(Document, ContentHashIgnoresCaseAndPunctuation) {
  struct Case {
    const char* text;
    const char* hash;
  };
  for (const Case& c : {Case{"", "cbf29ce484222325"}, Case{"  ", "cbf29ce484222325"},
                        Case{"Council votes, budget passes.", "b34615cae5f78781"},
                        Case{"council VOTES budget passes", "b34615cae5f78781"},
                        Case{"Z\xC3\xBCrich 2020: a\xE2\x80\x94" "b", "18aa9ec3c1282b0d"}}) {
    EXPECT_EQ(content_hash(c.text), c.hash) << c.text;
  }
}

// Written for this test: two flashes with the same headline on different
// days (different news), a file that is one paragraph on several lines, and a
// story in the usual layout.
class PlainTextIndexTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::filesystem::create_directories(*dir_ / "in");
    auto write = [](const char* name, const char* text) { std::ofstream(*dir_ / "in" / name) << text; };
    write("flash1.txt", "2023-03-01 - Business\n\nCentral bank sets two billion repurchase\n");
    write("flash2.txt", "2023-03-08 - Business\n\nCentral bank sets two billion repurchase\n");
    write("para.txt",
          "Glacier melt raised the lake by a metre.\nBoatmen moved their moorings inland\nas the water kept rising.\n");
    write("story.txt", "2023-03-02 - World\n\nLakeside road closed\n\nThe glacier lake flooded the road.\n");
    IndexOptions options;
    options.db_path = *dir_ / "db";
    options.inputs = {*dir_ / "in"};
    options.jobs = 1;
    summary_ = run_index(options);
  }
  static void TearDownTestSuite() { delete dir_; }

  SearchResponse search(const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.today = Date{2024, 1, 1};
    Searcher searcher((*dir_ / "db").string());
    return searcher.search(request);
  }

  static std::vector<std::string> sources(const SearchResponse& r) {
    std::vector<std::string> out;
    for (const auto& hit : r.hits) out.push_back(std::filesystem::path(hit.article.source).filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }

  static TempDir* dir_;
  static IndexSummary summary_;
};

TempDir* PlainTextIndexTest::dir_ = nullptr;
IndexSummary PlainTextIndexTest::summary_;

TEST_F(PlainTextIndexTest, EveryFileIsAnArticle) {
  EXPECT_EQ(summary_.added, 4u);
  EXPECT_EQ(summary_.failed, 0u);
  EXPECT_EQ(summary_.duplicates, 0u);
}

TEST_F(PlainTextIndexTest, FlashesAreFoundAndNotCollapsedTogether) {
  SearchResponse r = search("repurchase");
  EXPECT_EQ(sources(r), (std::vector<std::string>{"flash1.txt", "flash2.txt"}));
  for (const auto& hit : r.hits) {
    EXPECT_EQ(hit.versions, 1u);
    EXPECT_EQ(hit.article.title, "Central bank sets two billion repurchase");
  }
  EXPECT_EQ(sources(search("title:repurchase")), (std::vector<std::string>{"flash1.txt", "flash2.txt"}));
}

TEST_F(PlainTextIndexTest, HeadlineLessFileIsFoundByAllItsWords) {
  SearchResponse r = search("moorings");
  ASSERT_EQ(sources(r), std::vector<std::string>{"para.txt"});
  EXPECT_EQ(r.hits[0].article.title, "Glacier melt raised the lake by a metre");
  EXPECT_TRUE(r.hits[0].article.title_from_body);
  // The derived headline's words are body words and title: words too.
  EXPECT_EQ(sources(search("melt")), std::vector<std::string>{"para.txt"});
  EXPECT_EQ(sources(search("title:glacier")), std::vector<std::string>{"para.txt"});
  EXPECT_TRUE(search("title:moorings").hits.empty());
}

}  // namespace
}  // namespace morgue
