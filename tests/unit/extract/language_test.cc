// Language detection (CLD2) and the choice between markup and text, on
// paragraphs written for these tests.
#include "extract/language.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "morgue/extract.h"
#include "morgue/people.h"

namespace morgue {
namespace {

constexpr const char* kEnglish =
    "The city council approved a new plan on Monday to expand the harbour and build two more piers. "
    "Officials said the work would begin in the spring and take about three years, while residents who "
    "live near the water asked for more time to study the effect on traffic and noise.";
constexpr const char* kEnglishLong =
    "The city council approved a new plan on Monday to expand the harbour and build two more piers. "
    "Officials said the work would begin in the spring and take about three years, while residents who "
    "live near the water asked for more time to study the effect on traffic and noise. The mayor told "
    "reporters that the harbour had not grown for forty years and that the fishing fleet needed room.";
constexpr const char* kGerman =
    "Die Regierung in Berlin hat am Montag neue Regeln für den Ausbau der Windkraft beschlossen. Nach "
    "Angaben des Ministeriums sollen die Genehmigungen für neue Anlagen künftig schneller erteilt werden. "
    "Die Gemeinden im Norden begrüßten den Plan, doch mehrere Verbände kritisierten, dass der Schutz der "
    "Vögel zu kurz komme. Die Kosten trägt zum größten Teil der Bund, sagte Ministerin Maria Keller.";
constexpr const char* kFrench =
    "Le conseil municipal a adopté lundi un nouveau projet pour agrandir le port et construire deux "
    "quais supplémentaires. Selon la mairie, les travaux commenceront au printemps et dureront environ "
    "trois ans, mais les habitants du quartier demandent plus de temps pour étudier les effets sur la "
    "circulation.";
constexpr const char* kSpanish =
    "El ayuntamiento aprobó el lunes un nuevo plan para ampliar el puerto y construir dos muelles más. "
    "Según los responsables, las obras empezarán en primavera y durarán unos tres años, aunque los "
    "vecinos que viven cerca del agua pidieron más tiempo para estudiar el efecto sobre el tráfico.";
constexpr const char* kItalian =
    "Il consiglio comunale ha approvato lunedì un nuovo piano per ampliare il porto e costruire due "
    "nuovi moli. Secondo il comune i lavori cominceranno in primavera e dureranno circa tre anni, ma gli "
    "abitanti che vivono vicino al mare hanno chiesto più tempo per studiarne gli effetti sul traffico.";
constexpr const char* kDutch =
    "De gemeenteraad heeft maandag een nieuw plan goedgekeurd om de haven uit te breiden en twee extra "
    "steigers te bouwen. Volgens de gemeente beginnen de werkzaamheden in het voorjaar en duren ze "
    "ongeveer drie jaar, maar bewoners die dicht bij het water wonen willen meer tijd om de gevolgen "
    "voor het verkeer te bestuderen.";
// Unspaced script: each character counts as a word.
constexpr const char* kChinese =
    "市议会星期一批准了一项扩建港口的新计划，将再建两座码头。官员表示，工程将于春季开始，大约需要三年时间。";
// All capitals, as old wire copy and some test collections are.
constexpr const char* kEnglishCapitals =
    "THE CITY COUNCIL APPROVED A NEW PLAN ON MONDAY TO EXPAND THE HARBOUR AND BUILD TWO MORE PIERS. "
    "OFFICIALS SAID THE WORK WOULD BEGIN IN THE SPRING AND TAKE ABOUT THREE YEARS, WHILE RESIDENTS ASKED "
    "FOR MORE TIME TO STUDY THE EFFECT ON TRAFFIC.";

TEST(DetectLanguageTest, TellsLanguagesApart) {
  struct Case {
    const char* text;
    const char* code;
  };
  const Case cases[] = {{kEnglish, "en"}, {kGerman, "de"},   {kFrench, "fr"},          {kSpanish, "es"},
                        {kItalian, "it"}, {kDutch, "nl"},    {kEnglishCapitals, "en"},
                        {kChinese, "zh"}};
  for (const auto& c : cases) {
    DetectedLanguage d = detect_language(c.text);
    EXPECT_EQ(d.code, c.code) << c.text;
    EXPECT_GE(d.words, kMinDetectWords) << c.text;
  }
}

TEST(DetectLanguageTest, ShortOrEmptyTextIsUnknown) {
  for (const char* text : {"", "Regierung beschließt neue Regeln", "Storm batters the coast, thousands without power",
                           "12 34 56 -- ?? !!"}) {
    EXPECT_EQ(detect_language(text).code, "") << text;
  }
}

TEST(DetectLanguageTest, InvalidUtf8DoesNotCrash) {
  std::string text = kGerman;
  text[40] = '\xC3';
  text[41] = '\x28';
  DetectedLanguage d = detect_language(text);
  EXPECT_TRUE(d.code.empty() || d.code == "de");
}

TEST(SettleLanguageTest, MarkupFirstTextWhenClear) {
  struct Case {
    const char* markup;
    const char* title;
    const char* body;
    const char* settled;
  };
  const Case cases[] = {
      {"", "Hafen", kGerman, "de"},                       // no markup: the text decides
      {"", "Harbour", kEnglish, "en"},
      {"", "Flash", "Storm batters the coast", ""},       // too short to tell: unknown
      {"de-AT", "Hafen", kGerman, "de-AT"},               // markup agrees: its region stays
      {"en-GB", "Harbour", kEnglish, "en-GB"},
      {"fr", "Flash", "Storm batters the coast", "fr"},   // short text never overrules markup
      {"en", "Hafen", kGerman, "de"},                     // a template's lang="en" around German
      {"de", "Harbour", kEnglishLong, "en"},
      {"de", "Harbour", kEnglish, "de"},                  // under kOverruleMarkupWords: markup stays
  };
  for (const auto& c : cases) {
    Article a;
    a.language = c.markup;
    a.title = c.title;
    a.body = c.body;
    settle_language(a);
    EXPECT_EQ(a.language, c.settled) << c.markup << " / " << c.title;
  }
}

TEST(SettleLanguageTest, ShortTextDoesNotOverruleMarkup) {
  // Between kMinDetectWords and kOverruleMarkupWords: detected, but the
  // markup stays.
  Article a;
  a.language = "en";
  a.body = "Die Regierung hat am Montag neue Regeln für den Ausbau der Windkraft beschlossen, und die "
           "Gemeinden im Norden begrüßten den Plan sehr.";
  ASSERT_EQ(detect_language(a.body).code, "de");
  settle_language(a);
  EXPECT_EQ(a.language, "en");
}

// English wire copy about Norwegian firms: CLD2 reads the names as
// Norwegian. The English function words say English, and with no markup
// (or English markup) the text is taken as English without asking CLD2.
constexpr const char* kEnglishNorwegianNames =
    "Veldskar Kraftselskap og Havbruk AS said it would sell\n"
    "its stake in Nordfjell Rederi og Fiskeindustri AS to Brekkestad\n"
    "Invest og Eiendom AS for 1.5 billion crowns.\n"
    "    The sale is to be completed by the end of the year, the\n"
    "company said. Nordfjell owns the Sorvangen and Holmestrand\n"
    "terminals near Tromsvik and Kjerringvag.\n";

TEST(SettleLanguageTest, PlainEnglishIsEnglishWhateverTheNames) {
  const std::string text = std::string("VELDSKAR TO SELL STAKE IN NORDFJELL\n") + kEnglishNorwegianNames;
  ASSERT_NE(detect_language(text).code, "en");  // what CLD2 alone says
  struct Case {
    const char* markup;
    const char* settled;
  };
  for (const Case& c : {Case{"", "en"}, Case{"en-US", "en-US"}}) {
    Article a;
    a.language = c.markup;
    a.title = "VELDSKAR TO SELL STAKE IN NORDFJELL";
    a.body = kEnglishNorwegianNames;
    settle_language(a);
    EXPECT_EQ(a.language, c.settled) << c.markup;
  }
  // Another language's markup is overruled only by CLD2's sure reading.
  Article a;
  a.language = "no";
  a.title = "VELDSKAR TO SELL STAKE IN NORDFJELL";
  a.body = kEnglishNorwegianNames;
  settle_language(a);
  EXPECT_EQ(a.language, "no");
}

TEST(EnglishOrUnknownTest, Table) {
  EXPECT_TRUE(english_or_unknown(""));
  EXPECT_TRUE(english_or_unknown("en"));
  EXPECT_TRUE(english_or_unknown("en-GB"));
  EXPECT_TRUE(english_or_unknown("EN-us"));
  EXPECT_FALSE(english_or_unknown("de"));
  EXPECT_FALSE(english_or_unknown("eng"));  // not a tag the extractors produce
  EXPECT_FALSE(english_or_unknown("fr-FR"));
}

// The English people model runs on English and unknown text only: on German
// it takes nouns for names.
TEST(ExtractLanguageTest, GermanStoryGetsNoEnglishModelPeople) {
  const PeopleExtractor people(std::filesystem::path(MORGUE_TEST_SOURCE_DIR) / "corpus" / "data");
  ExtractOptions options;
  options.people = &people;
  const std::string german = std::string("Neue Regeln für die Windkraft\n\n") + kGerman + "\n";
  Extraction e = extract_bytes(german, "windkraft.txt", options);
  ASSERT_EQ(e.articles.size(), 1u);
  EXPECT_EQ(e.articles[0].language, "de");
  EXPECT_TRUE(e.articles[0].people.empty());
  // The recogniser itself would have found some: the language is what stops it.
  EXPECT_FALSE(people.extract(e.articles[0]).empty());

  const std::string english = std::string("Harbour plan approved\n\n") + kEnglish +
                              " Mayor Ines Calder said the plan would protect jobs.\n";
  Extraction en = extract_bytes(english, "harbour.txt", options);
  ASSERT_EQ(en.articles.size(), 1u);
  EXPECT_EQ(en.articles[0].language, "en");
  EXPECT_NE(std::find(en.articles[0].people.begin(), en.articles[0].people.end(), "Ines Calder"),
            en.articles[0].people.end());
}

}  // namespace
}  // namespace morgue
