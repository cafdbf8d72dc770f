// The people extractor: table-driven cases for the hard parts (titles,
// initials, particles, datelines, quotes, lists, possessives, non-people),
// the seed article, and the private pieces (tokenizer, credits, merging).
// Every sentence here is written for this test.
#include <gtest/gtest.h>

#include <filesystem>
#include <algorithm>
#include <fstream>
#include <span>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extract/text_article.h"
#include "morgue/article.h"
#include "morgue/index_writer.h"
#include "morgue/people.h"
#include "people/credits.h"
#include "people/lexicon.h"
#include "people/names.h"
#include "people/perceptron.h"
#include "people/tagger.h"
#include "people/tokenizer.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using Names = std::vector<std::string>;

const PeopleExtractor& extractor() {
  static const PeopleExtractor instance(std::filesystem::path(MORGUE_TEST_SOURCE_DIR) / "corpus" / "data");
  return instance;
}

Names people_in(const std::string& title, const std::string& body) {
  Article article;
  article.title = title;
  article.body = body;
  return extractor().extract(article);
}

bool contains(const Names& names, const std::string& name) {
  for (const std::string& n : names) {
    if (n == name) return true;
  }
  return false;
}

struct Case {
  const char* what;
  const char* title;
  const char* body;
  Names expected;  // exactly these, in order of first mention
};

class PeopleCases : public ::testing::TestWithParam<Case> {};

TEST_P(PeopleCases, FindsExactlyThesePeople) {
  const Case& c = GetParam();
  EXPECT_EQ(people_in(c.title, c.body), c.expected) << c.what;
}

const Case kCases[] = {
    {"titles are stripped and the surname joins the full name", "Minister meets envoy",
     "Foreign Minister Sergey Lavrov met President Vladimir Putin on Tuesday. Mr. Lavrov said the "
     "talks would go on, and Putin agreed.",
     {"Sergey Lavrov", "Vladimir Putin"}},
    {"honorifics and abbreviated titles", "Hearing ends",
     "Sen. Maria Delgado questioned Dr. Hannah Osei for three hours. Gov. Peter Lindqvist later "
     "said Delgado had been fair to Osei.",
     {"Maria Delgado", "Hannah Osei", "Peter Lindqvist"}},
    {"multi-word titles", "Talks in Geneva",
     "Secretary of State Antony Blinken spoke with Prime Minister Boris Johnson and Chancellor "
     "Olaf Scholz by phone.",
     {"Antony Blinken", "Boris Johnson", "Olaf Scholz"}},
    {"initials", "Author returns",
     "The novelist J.K. Rowling will publish a new book in the spring, her agent Neil Blair said.",
     {"J.K. Rowling", "Neil Blair"}},
    {"particles", "Leaders gather",
     "Ursula von der Leyen laid a wreath where Charles de Gaulle once spoke. Von der Leyen did not "
     "take questions.",
     {"Ursula von der Leyen", "Charles de Gaulle"}},
    {"hyphenated and non-English names", "Ministers sign deal",
     "Jean-Pierre Moreau and Dmytro Kuleba signed the accord, while Ahmed al-Rashid watched from "
     "the gallery.",
     {"Jean-Pierre Moreau", "Dmytro Kuleba", "Ahmed al-Rashid"}},
    {"all-caps dateline", "Rouble slides",
     "MOSCOW (Reuters) - The rouble fell sharply on Monday, trader Igor Smirnov said.",
     {"Igor Smirnov"}},
    {"names in quotes", "Coach speaks",
     "\"We played well,\" said coach Marco Bellini. \"Luca Ferri was our best player today.\"",
     {"Marco Bellini", "Luca Ferri"}},
    {"lists of names", "Squad named",
     "The squad includes Tom Harris, Jake Milner, Owen Price and Sam Whitaker.",
     {"Tom Harris", "Jake Milner", "Owen Price", "Sam Whitaker"}},
    {"possessives", "Biden's plan",
     "Joe Biden's plan won support. Biden's aides said Nancy Pelosi's office had helped.",
     {"Joe Biden", "Nancy Pelosi"}},
    {"places, organisations, months, weekdays and sentence openers are not people",
     "Talks continue in Moscow",
     "During talks in Moscow on Monday, NATO and the State Department said the Kremlin had not "
     "replied. Though Reuters reported troops near the Black Sea in February, nothing changed.",
     {}},
};

INSTANTIATE_TEST_SUITE_P(People, PeopleCases, ::testing::ValuesIn(kCases));

// A body longer than the window is read for people only up to it: a name
// past the first MiB is not looked for (the recogniser costs about 30 times
// the text it reads; a 60 MB page took 1.8 GB), a name inside it is found.
TEST(People, LongBodyIsReadUpToTheWindow) {
  const std::string filler = "The council met again and the budget vote was put off until the spring.\n\n";
  std::string body = "Foreign Minister Sergey Lavrov met the council on Tuesday.\n\n";
  while (body.size() < PeopleExtractor::kTextWindowBytes + 4096) body += filler;
  body += "Sen. Maria Delgado questioned the council for three hours.\n\n";
  const Names found = people_in("Council talks", body);
  EXPECT_TRUE(contains(found, "Sergey Lavrov"));
  EXPECT_FALSE(contains(found, "Maria Delgado")) << "a name past the window was read";
  // The same paragraph inside the window is found: the window, not the text, left it out.
  EXPECT_TRUE(contains(people_in("Council talks", "Sen. Maria Delgado questioned the council for three hours."),
                       "Maria Delgado"));
}

TEST(People, SeedArticleNamesExactlyItsPeople) {
  std::filesystem::path path =
      std::filesystem::path(MORGUE_TEST_SOURCE_DIR) / ".." / "shared" / "seed" / "axios-2022-02-14-lavrov.txt";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << "seed article not found at " << path;
  std::stringstream text;
  text << in.rdbuf();
  Extraction extraction = parse_text_article(text.str(), path.string());
  ASSERT_EQ(extraction.articles.size(), 1u);
  Names names = extractor().extract(extraction.articles[0]);
  Names expected = {"Vladimir Putin", "Sergey Lavrov", "Antony Blinken", "Dmytro Kuleba", "Ned Price"};
  for (const std::string& name : expected) EXPECT_TRUE(contains(names, name)) << name;
  EXPECT_TRUE(contains(names, "Biden") || contains(names, "Joe Biden"));
  EXPECT_EQ(names.size(), expected.size() + 1);
}

TEST(People, PhotoCreditsAndBylinesAreNotPeople) {
  Article article;
  article.title = "Talks resume";
  article.captions = {"Minister Anna Kowalska arrives in Warsaw. Photo: Jan Novak/Getty Images"};
  article.body = "By Peter Olsen\n\nKowalska said the talks would resume.\n\n"
                 "(Reporting by Maria Stein; Editing by Paul Grant)";
  article.authors = {"Peter Olsen"};
  EXPECT_EQ(extractor().extract(article), Names{"Anna Kowalska"});
}

TEST(People, HeadlineSurnameTakesTheFullNameFromTheBody) {
  EXPECT_EQ(people_in("LAVROV WANTS MORE TALKS", "Russian Foreign Minister Sergey Lavrov said on Monday "
                                                 "that talks should continue."),
            Names{"Sergey Lavrov"});
}

// A headline derived from the body can stop inside a name: read alone it
// gave a person "Ines" besides "Ines Calder".
TEST(People, DerivedHeadlineIsNotReadAgain) {
  Article article;
  article.title = "The bridge was opened on Monday by the new harbour master Ines\xE2\x80\xA6";
  article.title_from_body = true;
  article.body = "The bridge was opened on Monday by the new harbour master Ines Calder and her deputy, who spoke "
                 "briefly to the crowd about the long wait for the crossing.";
  EXPECT_EQ(extractor().extract(article), Names{"Ines Calder"});
}

TEST(People, EmptyArticleHasNobody) { EXPECT_TRUE(people_in("", "").empty()); }

TEST(People, MissingDataDirectoryThrowsNamingTheFile) {
  try {
    PeopleExtractor broken("/nonexistent/morgue-data");
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/morgue-data"), std::string::npos) << e.what();
  }
}

TEST(PeopleTokenizer, SplitsLikeTheTrainingData) {
  std::string text = "Mr. Lavrov's aide, J.K. Rowling and the U.S. team (130,000 troops).";
  people::Document doc;
  people::tokenize(text, doc);
  people::finish_document(doc);
  std::vector<std::string> words;
  for (const people::Token& t : doc.tokens) words.emplace_back(t.text);
  std::vector<std::string> expected = {"Mr.", "Lavrov", "'s", "aide", ",", "J.K.", "Rowling", "and", "the",
                                       "U.S.", "team", "(", "130,000", "troops", ")", "."};
  EXPECT_EQ(words, expected);
  EXPECT_EQ(doc.tokens[1].lower, "lavrov");
}

TEST(PeopleTokenizer, MarksLinesOfCapitals) {
  std::string text = "RUSSIA SAYS TALKS GO ON\nThe minister spoke.";
  people::Document doc;
  people::tokenize(text, doc);
  people::finish_document(doc);
  EXPECT_TRUE(doc.tokens[0].flags & people::kCapsLine);
  EXPECT_FALSE(doc.tokens.back().flags & people::kCapsLine);
  EXPECT_TRUE(doc.tokens[5].flags & people::kSentenceStart);
}

TEST(PeopleTokenizer, LetterCaseAgreesWithTheHelpers) {
  // The bits worked out once per token must say what the helpers say.
  const char* words[] = {"Lavrov", "LAVROV", "lavrov", "U.S.", "'s", "130,000", ",", "McDonald", "O'Neill",
                         "Étienne", "ÉTIENNE", "étienne", "Łukasz", "东京", "x", "X", "-", "3D", "dʼAlembert",
                         "Gallup-Pool", "\xe2\x80\x99s"};
  for (const char* w : words) {
    people::Document doc;
    people::add_token(w, 0, doc);
    people::finish_document(doc);
    const people::Token& t = doc.tokens[0];
    EXPECT_EQ(bool(t.letter_case & people::kHasLetter), people::has_letter(w)) << w;
    EXPECT_EQ(bool(t.letter_case & people::kHasUpper), people::has_upper(w)) << w;
    EXPECT_EQ(bool(t.letter_case & people::kStartsUpper), people::starts_upper(w)) << w;
    EXPECT_EQ(bool(t.letter_case & people::kAllUpper), people::is_all_upper(w)) << w;
    EXPECT_EQ(bool(t.letter_case & people::kLowerOnly), t.text == t.lower) << w;
  }
}

TEST(PeopleTagger, RunTimeTaggingMatchesScoringEveryFeature) {
  // The run-time tagger sums static feature weights once and reuses them in
  // the second pass; that must choose exactly what scoring every feature of
  // every pass (the trainer's form) chooses, margins included.
  const auto data = std::filesystem::path(MORGUE_TEST_SOURCE_DIR) / "corpus" / "data";
  const people::Lexicon lexicon(data);
  const people::Model model(data / "people.model");
  const std::string text =
      "PUTIN MEETS LAVROV\nForeign Minister Sergey Lavrov met President Vladimir Putin on Tuesday. "
      "Lavrov said Kroslak and Jan Kroslak of Slovakia beat Ursula von der Leyen at Wimbledon.\n"
      "1. Torrance Zellner (U.S.) 2. Kroslak";
  people::Document doc;
  people::tokenize(text, doc);
  people::finish_document(doc);

  people::TaggerScratch fast;
  people::tag_document(doc, lexicon, model, fast);

  people::TaggerScratch full;
  std::vector<float> margins(doc.tokens.size());
  people::tag_document(doc, lexicon, full, [&](std::size_t i, std::span<const std::uint64_t> features) {
    people::Scores scores{};
    model.add_scores(features, scores);
    int best = 0;
    for (int t = 1; t < people::kTagCount; ++t) {
      if (scores[t] > scores[best]) best = t;
    }
    float runner_up = -1e30f;
    for (int t = 0; t < people::kTagCount; ++t) {
      if (t != best) runner_up = std::max(runner_up, scores[t]);
    }
    margins[i] = scores[best] - runner_up;
    return static_cast<people::Tag>(best);
  });
  ASSERT_EQ(fast.tags, full.tags);
  for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
    if (full.facts.tokens[i].candidate) {
      EXPECT_EQ(fast.margins[i], margins[i]) << doc.tokens[i].text;
    }
  }
  bool any_person = false;
  for (people::Tag tag : fast.tags) any_person = any_person || tag == people::kPersonBegin;
  EXPECT_TRUE(any_person);
}

TEST(PeopleCredits, CaptionCreditsAreCut) {
  struct {
    const char* caption;
    const char* expected;
  } cases[] = {
      {"Ministers in Kyiv. Photo: Jane Roe/AFP", "Ministers in Kyiv. "},
      {"Ministers in Kyiv (Jane Roe/Getty Images)", "Ministers in Kyiv "},
      {"Ministers in Kyiv. Jane Roe/Getty Images", "Ministers in Kyiv."},
      {"Photo by Jane Roe", ""},
      {"Ministers in Kyiv", "Ministers in Kyiv"},
      {"Ministers in Kyiv. Image: Jane Roe", "Ministers in Kyiv. "},
      {"Ministers in Kyiv (Photo Jane Roe)", "Ministers in Kyiv "},
      {"Ministers in Kyiv: Courtesy of Jane Roe", "Ministers in Kyiv: "},
      {"Kyiv at 10:30. Picture: Jane Roe", "Kyiv at 10:30. "},
  };
  for (const auto& c : cases) EXPECT_EQ(people::strip_caption_credit(c.caption), c.expected) << c.caption;
}

TEST(PeopleNames, DisplayCaseFromCapitals) {
  EXPECT_EQ(people::display_case("LAVROV"), "Lavrov");
  EXPECT_EQ(people::display_case("O'NEILL"), "O'Neill");
  EXPECT_EQ(people::display_case("AL-RASHID"), "Al-Rashid");
  EXPECT_EQ(people::display_case("McDonald"), "McDonald");
  EXPECT_EQ(people::display_case("J.K."), "J.K.");
  EXPECT_EQ(people::display_case("III"), "III");  // a numeral after a name
  EXPECT_EQ(people::display_case("XI"), "Xi");    // a family name
}

TEST(People, ConcurrentCallsAgree) {
  const std::string body = "Foreign Minister Sergey Lavrov met President Vladimir Putin.";
  Names expected = people_in("", body);
  std::vector<std::thread> threads;
  std::vector<Names> results(4);
  for (std::size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) results[t] = people_in("", body);
    });
  }
  for (std::thread& t : threads) t.join();
  for (const Names& r : results) EXPECT_EQ(r, expected);
}

}  // namespace
}  // namespace morgue

namespace morgue {
namespace {

// The data is read at the first story; a missing file is still an error at
// once, and a damaged one fails each file's extraction with the reason
// instead of stopping the run.
TEST(PeopleData, MissingFileAtOnceDamagedFileAtFirstStory) {
  testing_support::TempDir dir;
  for (const auto& entry : std::filesystem::directory_iterator(default_data_dir())) {
    std::filesystem::copy_file(entry.path(), dir / entry.path().filename());
  }
  std::filesystem::remove(dir / "titles.txt");
  EXPECT_THROW(PeopleExtractor{dir.path()}, std::runtime_error);

  std::filesystem::copy_file(default_data_dir() / "titles.txt", dir / "titles.txt");
  std::ofstream(dir / "people.model", std::ios::trunc) << "not a model line\n";
  PeopleExtractor people(dir.path());  // nothing read yet
  Article a;
  a.title = "Mayor Ines Calder opens the bridge";
  a.body = "Mayor Ines Calder said the bridge would open on Monday.";
  EXPECT_THROW(people.extract(a), std::runtime_error);

  std::filesystem::create_directories(dir / "in");
  std::ofstream(dir / "in" / "a.txt") << "2022-02-14 - World\n\nBridge opens\n\nMayor Ines Calder opened it.\n";
  IndexOptions options;
  options.db_path = dir / "db";
  options.inputs = {dir / "in"};
  options.extract.people = &people;
  std::vector<Problem> problems;
  options.on_problem = [&](const Problem& p) { problems.push_back(p); };
  IndexSummary summary = run_index(options);
  EXPECT_EQ(summary.failed, 1u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].reason.find("extraction failed"), std::string::npos) << problems[0].reason;
}

}  // namespace
}  // namespace morgue
