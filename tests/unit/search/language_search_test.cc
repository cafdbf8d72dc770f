// A mixed archive: stories are found by the inflected forms of their own
// language's words, whatever language the query is in.
#include <algorithm>
#include <fstream>

#include <gtest/gtest.h>
#include <xapian.h>

#include "morgue/index_writer.h"
#include "morgue/search.h"
#include "morgue/snippet.h"
#include "search/language_stems.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using testing_support::TempDir;

// Written for these tests; no markup, so the detector labels them.
constexpr const char* kGermanStory =
    "2024-03-04 - Politik\n\nNeue Regeln für die Windkraft\n\n"
    "Die Regierung in Berlin hat am Montag neue Regeln für den Ausbau der Windkraft beschlossen. Nach "
    "Angaben des Ministeriums sollen die Genehmigungen für neue Anlagen künftig schneller erteilt werden. "
    "Die Gemeinden im Norden begrüßten den Plan, doch mehrere Verbände kritisierten, dass der Schutz der "
    "Vögel zu kurz komme.\n";
constexpr const char* kEnglishStory =
    "2024-03-05 - World\n\nHarbour plan approved\n\n"
    "The city council approved a new plan on Monday to expand the harbour and build two more piers. "
    "Officials said the work would begin in the spring and take about three years, while residents who "
    "live near the water asked for more time to study the effect on traffic and noise.\n";

class LanguageSearchTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::filesystem::create_directories(*dir_ / "in");
    std::ofstream(*dir_ / "in" / "windkraft.txt") << kGermanStory;
    std::ofstream(*dir_ / "in" / "harbour.txt") << kEnglishStory;
    IndexOptions options;
    options.db_path = *dir_ / "db";
    options.inputs = {*dir_ / "in"};
    options.jobs = 1;
    ASSERT_EQ(run_index(options).added, 2u);
  }
  static void TearDownTestSuite() { delete dir_; }

  std::vector<std::string> titles(const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.today = Date{2026, 11, 29};
    Searcher searcher((*dir_ / "db").string());
    std::vector<std::string> out;
    for (const auto& h : searcher.search(request).hits) out.push_back(h.article.title);
    return out;
  }

  static TempDir* dir_;
};
TempDir* LanguageSearchTest::dir_ = nullptr;

const std::vector<std::string> kGerman{"Neue Regeln für die Windkraft"};
const std::vector<std::string> kEnglish{"Harbour plan approved"};

TEST_F(LanguageSearchTest, GermanStoryFoundByGermanInflectedForms) {
  // "Regierungen", "Gemeinde", "Anlage" and "begrüßt" are not in the story;
  // their German stems are.
  EXPECT_EQ(titles("regierungen"), kGerman);
  EXPECT_EQ(titles("gemeinde"), kGerman);
  EXPECT_EQ(titles("anlage"), kGerman);
  EXPECT_EQ(titles("regierungen gemeinde"), kGerman);
}

TEST_F(LanguageSearchTest, EnglishAndExactMatchesStillWork) {
  EXPECT_EQ(titles("harbours"), kEnglish);
  EXPECT_EQ(titles("approving piers"), kEnglish);
  EXPECT_EQ(titles("\"die Regierung\""), kGerman);  // phrase: words as written
  EXPECT_EQ(titles("Regierung"), kGerman);          // capitalised: the unstemmed word
  EXPECT_TRUE(titles("\"die Regierungen\"").empty());
  EXPECT_EQ(titles("lang:de"), kGerman);
  EXPECT_EQ(titles("lang:en"), kEnglish);
}

TEST_F(LanguageSearchTest, SnippetHighlightsGermanForms) {
  SearchRequest request;
  request.query = "regierungen";
  request.today = Date{2026, 11, 29};
  Searcher searcher((*dir_ / "db").string());
  SearchResponse r = searcher.search(request);
  ASSERT_EQ(r.hits.size(), 1u);
  ASSERT_FALSE(r.hits[0].snippet.fragments.empty());
  bool marked = false;
  for (const auto& f : r.hits[0].snippet.fragments) {
    for (const auto& h : f.highlights) marked = marked || f.text.substr(h.begin, h.end - h.begin) == "Regierung";
  }
  EXPECT_TRUE(marked);
}

TEST(LanguageStemsTest, WidensStemmedTermsOnly) {
  Xapian::QueryParser qp;
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.add_prefix("title", "S");
  Xapian::Query q = qp.parse_query("regierungen title:gemeinden \"neue regeln\" Berlin");
  LanguageStems none(std::vector<std::string>{});
  EXPECT_FALSE(none.active());
  EXPECT_EQ(none.widen(q, qp).serialise(), q.serialise());

  LanguageStems german(std::vector<std::string>{"german"});
  Xapian::Query wide = german.widen(q, qp);
  std::vector<std::string> terms(wide.get_unique_terms_begin(), wide.get_unique_terms_end());
  for (const char* t : {"Zregierungen", "Zregier", "ZSgemeinden", "ZSgemeind", "neue", "regeln", "berlin"}) {
    EXPECT_NE(std::find(terms.begin(), terms.end(), t), terms.end()) << t;
  }
  EXPECT_EQ(std::find(terms.begin(), terms.end(), "Zberlin"), terms.end());  // capitalised: not stemmed
}

}  // namespace
}  // namespace morgue
