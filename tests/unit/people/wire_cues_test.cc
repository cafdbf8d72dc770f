// The wire-copy rules of the people extractor (people/wire_cues.h): headlines
// in title case, initials and tickers in brackets, towns before a state,
// organisation appositions, bond issue managers, lists of places and of
// models, and partners' names in a firm's name. One table per rule; where a
// rule reads tags they are written by hand, so a test fails when the rule
// does, whatever the model. Every sentence here is written for this test.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "people/lexicon.h"
#include "people/names.h"
#include "people/tokenizer.h"
#include "support/people_rules.h"
#include "support/tagged_doc.h"
#include "people/wire_cues.h"

namespace morgue::people {
namespace {

using Words = std::vector<std::string>;

const Lexicon& lexicon() { return testing_support::people_lexicon(); }

using testing_support::build_tagged;
using testing_support::TaggedDoc;

using testing_support::span_of;

std::vector<std::string> people_of(const std::string& marked, bool title) {
  TaggedDoc d;
  build_tagged(marked, d, title);
  return merge_mentions(collect_mentions(d.doc, d.tags, {}, lexicon()), lexicon());
}

using testing_support::SpanCase;
using testing_support::expect_span_rule;

class BracketedCodes : public ::testing::TestWithParam<SpanCase> {};
TEST_P(BracketedCodes, NameAnOrganisation) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return before_bracketed_code(doc, begin, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, BracketedCodes, ::testing::Values(
    SpanCase{"lead bank Banque Nationale de Paris (BNP) said", "Banque", 4, true},
    SpanCase{"Halden Pryce Hispano (HPH.MC) is selling", "Halden", 3, true},
    SpanCase{"Halden Pryce (NYSE: HPR) rose", "Halden", 2, true},
    SpanCase{"Halden Pryce (Nasdaq: HPRY) rose", "Halden", 2, true},
    SpanCase{"Jane Roe (AP) said", "Jane", 2, false},
    SpanCase{"Jane Roe (U.S.) won the race", "Jane", 2, false},
    SpanCase{"Senator Jane Roe (D-Vt.) said", "Jane", 2, false},
    SpanCase{"Jane Roe (45) said", "Jane", 2, false},
    SpanCase{"Halvex (Quote, Chart) said on Monday", "Halvex", 1, true},
    SpanCase{"Jane Roe (Quote) said", "Jane", 2, false},
    SpanCase{"Halden and Pryce (HAP.N: Quote, Profile, Research) rose", "Pryce", 1, true},
    SpanCase{"Jane Roe (D: Vt.) said", "Jane", 2, false}));

class CompanyDescriptors : public ::testing::TestWithParam<SpanCase> {};
TEST_P(CompanyDescriptors, NameAFirm) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return after_company_descriptor(doc, lexicon(), begin, end);
  });
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return wire_says_not_a_person(doc, lexicon(), begin, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, CompanyDescriptors, ::testing::Values(
    SpanCase{"The search giant Halvex is said to plan a browser", "Halvex", 1, true},
    SpanCase{"shares of software giant Halden Pryce fell", "Halden", 2, true},
    SpanCase{"chipmaker Halvex cut prices", "Halvex", 1, true},
    SpanCase{"the discount retailer Halvex Stores said", "Halvex", 2, true},
    SpanCase{"the Chinese giant Jin Halvex scored 20 points", "Jin", 2, false},
    SpanCase{"its basketball giant Peter Ford scored 20 points", "Peter", 2, false},
    SpanCase{"software services giant Halvex Consultancy rose", "Halvex", 2, true},
    SpanCase{"Giant Halvex rose", "Halvex", 1, false},
    SpanCase{"the film maker Jane Roe said", "Jane", 2, false},
    SpanCase{"the company Jane Roe founded", "Jane", 2, false}));

class StaffBylines : public ::testing::TestWithParam<SpanCase> {};
TEST_P(StaffBylines, NameThePaper) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return is_staff_byline(doc, lexicon(), begin, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, StaffBylines, ::testing::Values(
    SpanCase{"Herald Staff Writer. The council met", "Herald", 2, true},
    SpanCase{"By Jane Roe -- Courier Staff Reporter. Rain fell", "Courier", 2, true},
    SpanCase{"By Jane Roe -- Courier Staff Reporter. Rain fell", "Jane", 2, false},
    SpanCase{"Chief of Staff Jane Roe said", "Jane", 2, false},
    SpanCase{"By Peter Ford Staff writer of the Monitor", "Peter", 3, false},
    SpanCase{"By Jane Roe -- Kelso Herald Staff Writer. Rain fell", "Kelso", 3, true},
    SpanCase{"Jane Roe, staff writer, said", "Jane", 2, false}));

class TownsAndStates : public ::testing::TestWithParam<SpanCase> {};
TEST_P(TownsAndStates, AreNoPeople) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t begin, std::size_t end) {
    return is_town_or_state(doc, begin, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, TownsAndStates, ::testing::Values(
    SpanCase{"Halden Tools of Hunt Valley, Md., filed a plan", "Hunt", 2, true},
    SpanCase{"Halden Tools of Hunt Valley, Md., filed a plan", "Md", 1, true},
    SpanCase{"the software maker in Kelso, Wash. Its shares rose", "Kelso", 1, true},
    SpanCase{"a plant near Albany, N.Y., closed", "Albany", 1, true},
    SpanCase{"Kelso, TN (Sports Network) - The team said", "Kelso", 1, true},
    SpanCase{"said Jane Roe, IN charge of it", "Jane", 2, false},
    SpanCase{"Jane Roe, 45, said", "Jane", 2, false},
    SpanCase{"Jane Roe, a lawyer, said", "Jane", 2, false},
    SpanCase{"said Jane Roe, Mass of the choir", "Mass", 1, false}));

class OrganisationAppositions : public ::testing::TestWithParam<SpanCase> {};
TEST_P(OrganisationAppositions, EndAnOrganisationsName) {
  expect_span_rule(GetParam(), [](const Document& doc, std::size_t, std::size_t end) {
    return before_organisation_apposition(doc, end);
  });
}
INSTANTIATE_TEST_SUITE_P(People, OrganisationAppositions, ::testing::Values(
    SpanCase{"said Halden Pryce, a California-based market research firm, on Monday", "Halden", 2, true},
    SpanCase{"Kowloon Ribao, a Hong Kong daily, said", "Kowloon", 2, true},
    SpanCase{"Halden Media, the largest US media company and owner of Acme, said", "Halden", 2, true},
    SpanCase{"Jane Roe, a bank director, said", "Jane", 2, false},
    SpanCase{"Jane Roe, a director of the firm, said", "Jane", 2, false},
    SpanCase{"police held Jane Roe, the New York-based pressure group Acme said", "Jane", 2, false}));

TEST(PeopleWireCues, IssueManagersAreBanks) {
  const std::pair<const char*, bool> cases[] = {
      {"the notes, lead manager Halden Pryce said", true},
      {"co-lead managers Halden Pryce and Acme", true},
      {"joint-lead manager Halden Pryce and Co said", true},
      {"team manager Halden Pryce said", false},
      {"the manager Halden Pryce said", false}};
  for (const auto& [text, expected] : cases) {
    TaggedDoc d;
    build_tagged(text, d);
    EXPECT_EQ(after_issue_manager(d.doc, span_of(d.doc, "Halden", 2).first), expected) << text;
  }
}

TEST(PeopleWireCues, JobTitlesBeforeAFirmsName) {
  const std::pair<const char*, bool> cases[] = {
      {"says Detroit analyst Halden Pryce of Halden Pryce and Associates", true},
      {"said president Halden Pryce and Pryce Partners", true},
      {"financial advisor Halden Pryce , Harris and Co", false},
      {"lead manager Halden Pryce said", false},
      {"a major Halden Pryce investor", false},
      {"General Halden Pryce said", false}};
  for (const auto& [text, expected] : cases) {
    TaggedDoc d;
    build_tagged(text, d);
    EXPECT_EQ(after_job_title(d.doc, lexicon(), span_of(d.doc, "Halden", 2).first), expected) << text;
  }
  // The person keeps the name the firm also has.
  const char* story = "says analyst Arvo/B Jaakkola/I of Arvo Jaakkola and Associates . Jaakkola/B says so .";
  EXPECT_EQ(people_of(story, false), Words{"Arvo Jaakkola"});
}

TEST(PeopleWireCues, TitleCaseHeadlines) {
  const std::pair<const char*, bool> cases[] = {
      {"Daughter Speaks Against Halvorsen", true},
      {"Ken Roe, Former League MVP, Dies of Heart Attack at Age 41", true},
      {"Halden's iPod Sales Jump", true},
      {"Halden\u2019s iPod Sales Jump", true},
      // A contraction split by a space ("Don 't") does not break it.
      {"Oil Prices Don 't Deter Halden Shoppers", true},
      {"Oil prices don 't deter shoppers", false},
      {"Interview: chief Jane Roe speaks", false},
      {"Acme readies for accounting fallout", false},
      {"Jane Roe", false},  // too short to tell
      {"ACME SAYS PROFIT ROSE", false}};  // capitals: kCapsLine already
  for (const auto& [text, expected] : cases) {
    TaggedDoc d;
    build_tagged(std::string(text) + " | The body follows here .", d);
    std::size_t line_end = 1;
    while (!(d.doc.tokens[line_end].flags & kLineStart)) ++line_end;
    EXPECT_EQ(is_title_case(d.doc, 0, line_end), expected) << text;
  }
}

TEST(PeopleWireCues, NamesOnlyInATitleCaseHeadlineAreGuesses) {
  // The tagger's reading of a title-case headline is a guess: a name there
  // alone is dropped, as one in capitals is, and owns no given name of the text.
  const char* story = "Daughter Speaks/B Against/I Halvorsen/I | Her father Kjell/B Brandvold/I is her hero .";
  EXPECT_EQ(people_of(story, true), Words{"Kjell Brandvold"});
  EXPECT_EQ(people_of(story, false), (Words{"Speaks Against Halvorsen", "Kjell Brandvold"}));
  const char* fountain = "Princess Ilse/B Fountain/I to Close Again | Now the Princess Ilse/B memorial is to close .";
  EXPECT_EQ(people_of(fountain, true), Words{"Ilse"});
  // A headline's guess joins the person the text names, and names them last.
  const char* rips = "Roe/B Rips/I Halvorsen/I , Media on Trial | In an outburst , Jane/B Roe/I hit Kjell/B Halvorsen/I .";
  EXPECT_EQ(people_of(rips, true), (Words{"Kjell Halvorsen", "Jane Roe"}));
}

// The list items add_list_things finds: things, then "|", then places.
std::vector<std::string> thing_starts(const std::string& marked) {
  TaggedDoc d;
  build_tagged(marked, d);
  std::vector<std::size_t> starts, places;
  add_list_things(d.doc, d.tags, lexicon(), starts, places);
  std::vector<std::string> out;
  for (std::size_t s : starts) out.emplace_back(d.doc.tokens[s].text);
  if (!places.empty()) out.emplace_back("|");
  for (std::size_t s : places) out.emplace_back(d.doc.tokens[s].text);
  return out;
}

TEST(PeopleWireCues, ListsOfThingsAndPlaces) {
  EXPECT_EQ(thing_starts("offers on Corsa Alba, Encore and Mistral models end"), (Words{"Corsa", "Encore", "Mistral"}));
  EXPECT_EQ(thing_starts("troops in Misamis Occidental and Davao del Sur provinces"), (Words{"Misamis", "Davao"}));
  EXPECT_EQ(thing_starts("Keefe Halden, Pryce Lane and Acme co-managed the deal"), (Words{"Keefe", "Pryce", "Acme"}));
  // Given names open people's names, even before "models".
  EXPECT_EQ(thing_starts("photographs of Jane Roe and Tom Poe models"), Words{});
  // Lone words among places.
  EXPECT_EQ(thing_starts("Paris/L , Lyon/L , Kowloon/B and Halvik/B are dry"), (Words{"|", "Kowloon", "Halvik"}));
  // A place there is that mention alone: the person named elsewhere stays.
  EXPECT_EQ(people_of("joining Molik/L , Dellacqua/L and Jessica/B Moore/I . Molik/L , Dellacqua/L and Moore/B play "
                      "today , and Moore/B , a schoolgirl , faces Peer/B .", false),
            (Words{"Jessica Moore", "Peer"}));
  EXPECT_EQ(thing_starts("Reagan/B , Paris/L and Thatcher/B met"), Words{});
  // Regions (regions.txt) the tagger read as people are places among places.
  EXPECT_EQ(thing_starts("officials said Hunan/B , Jiangxi/B , Anhui/B and Yunnan/B lack rain"),
            (Words{"|", "Hunan", "Jiangxi", "Anhui", "Yunnan"}));
  EXPECT_EQ(thing_starts("Halvorsen/B , Hunan/B and Brandvold/B met"), Words{});
  EXPECT_EQ(people_of("officials said Hunan/B , Jiangxi/B and Anhui/B lack rain .", false), Words{});
  EXPECT_EQ(thing_starts("Halvorsen/B , Brandvold/B and Lyon/L met"), Words{});
  // A list ends at the item after "and"; commas alone make none.
  EXPECT_EQ(thing_starts("in Paris/L , Lyon/L and Nice/L , Halvorsen/B said"), Words{});
  EXPECT_EQ(thing_starts("in Fargo/L , Texas/L , Halvorsen/B said"), Words{});
}

std::vector<std::string> opponent_starts(const std::string& marked) {
  TaggedDoc d;
  build_tagged(marked, d);
  std::vector<std::size_t> starts;
  add_match_opponents(d.doc, d.tags, lexicon(), starts);
  std::vector<std::string> out;
  for (std::size_t s : starts) out.emplace_back(d.doc.tokens[s].text);
  return out;
}

TEST(PeopleWireCues, TeamsNamedByTheirTownInAResult) {
  struct Case {
    const char* text;
    Words expected;
  };
  const Case cases[] = {
      {"Halvik/B beat Utah/L 102-99 on Sunday", {"Halvik"}},
      {"Halvik/B edged Miami 20-17 in overtime", {"Halvik"}},  // the lexicon knows Miami
      {"Utah/L lost to Halvik/B , 3-2 , on Friday", {"Halvik"}},
      {"Port/L Kelso/L routed Halvik/B Rovers/I 5-0", {"Halvik"}},
      {"Sampras/B beat Agassi/B 6-4 on Sunday", {}},              // neither side is a place
      {"Halvik/B beat Washington/L 6-4 6-3", {}},                   // a match of sets
      {"Halvik/B beat Washington/L 6-4 , 7-5", {}},
      {"Halvik/B beat Utah/L in the final", {}},                    // no score
      {"Utah/L beat Jane/B Halvik/I 2-1", {}},                      // a given name and more
      {"Halvik/B said Utah/L beat Kelso/L 2-1", {}}};
  for (const Case& c : cases) EXPECT_EQ(opponent_starts(c.text), c.expected) << c.text;
  // The team loses its name throughout the story; a player keeps his.
  EXPECT_EQ(people_of("Halvik/B beat Utah/L 102-99 . Halvik/B has won five in a row , and Jon/B Kelso/I scored 30 .",
                      false),
            Words{"Jon Kelso"});
}

TEST(PeopleWireCues, TeamsNamedByTheirTownInGameReports) {
  struct Case {
    const char* text;
    Words expected;
  };
  const Case cases[] = {
      {"he was hurt in Sunday's game against Halvik", {"Halvik"}},
      {"he was hurt in the previous night's game with Halvik .", {"Halvik"}},
      {"after the second game against Halvik she rallied", {}},   // a tennis game
      {"This game against Halvik will end my career", {}},
      {"so he will miss Saturday's contest versus Kelso .", {"Kelso"}},
      {"entered its matchup with Halvik as the favourite", {"Halvik"}},
      {"Roe scored twice, leading Halvik to a 4-1 win over Kelso", {"Halvik"}},
      {"in his match against Halvik on Sunday", {}},          // a player's match
      {"his victory over Halvik was his first", {}},
      {"the game against Jane Roe was lost", {}},             // not a lone word
      {"leading Halvik to a win over Kelso", {}},             // no score
      {"the game against. Halvik said so", {}}};
  for (const Case& c : cases) {
    TaggedDoc d;
    build_tagged(c.text, d);
    std::vector<std::size_t> starts;
    add_team_names(d.doc, starts);
    Words found;
    for (std::size_t s : starts) found.emplace_back(d.doc.tokens[s].text);
    EXPECT_EQ(found, c.expected) << c.text;
  }
  EXPECT_EQ(people_of("Jon/B Kelso/I missed Sunday 's game against Halvik/B . Halvik/B won 20-17 .", false),
            Words{"Jon Kelso"});
}

bool has_word(const std::vector<std::string_view>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

TEST(PeopleWireCues, PartnersNamesBeforeALegalForm) {
  struct Case {
    const char* text;
    std::vector<std::string_view> in, out;
  };
  const Case cases[] = {
      {"an analyst with Howard, Weil, Labouisse, Friedrichs, Inc, said", {"howard", "weil", "labouisse", "friedrichs"}, {}},
      {"analyst Jane Roe of L.F. Rothschild, Unterberg Towbin Inc said", {"l.f.", "rothschild"}, {"jane", "roe"}},
      {"we met Jane Roe, Acme Corp chairman, on Monday", {}, {"jane", "roe"}},
      {"offered 220 mln dlrs for Halden and Pryce Publishers on Monday", {"halden", "pryce"}, {}},
      {"Paul Halden and Pryce Fund officials met", {}, {"paul", "halden"}},
      {"an interview with Jane Roe, Acme Inc said", {}, {"jane", "roe"}}};
  for (const Case& c : cases) {
    TaggedDoc d;
    build_tagged(c.text, d);
    std::vector<std::string_view> words;
    add_partner_names(d.doc, lexicon(), words);
    for (std::string_view w : c.in) EXPECT_TRUE(has_word(words, w)) << c.text << ": " << w;
    for (std::string_view w : c.out) EXPECT_FALSE(has_word(words, w)) << c.text << ": " << w;
  }
}

TEST(PeopleWireCues, OrganisationNamesFromAppositionsAndCodes) {
  struct Case {
    const char* text;
    std::vector<std::string_view> in, out;
  };
  const Case cases[] = {
      {"Halden Media, the largest US media company and owner of Acme, said", {"halden", "media"}, {}},
      {"Halden Pryce Hispano (HPH.MC) is selling", {"halden", "pryce", "hispano"}, {}},
      {"police held Jane Roe, the New York-based pressure group Acme said", {}, {"jane", "roe"}},
      {"Jane Roe (AP) said", {}, {"jane", "roe"}},
      {"The search giant Halvex is set to grow. Halvex said so", {"halvex"}, {}},
      {"Halvex (Quote, Chart) offers servers", {"halvex"}, {}},
      {"the film maker Jane Roe said", {}, {"jane", "roe"}},
      {"drug giant Halvex Labs said", {"halvex", "labs"}, {}},
      {"yielding 7.6 pct, said lead manager Halden Pryce. Halden led a syndicate", {"halden", "pryce"}, {}}};
  for (const Case& c : cases) {
    TaggedDoc d;
    build_tagged(c.text, d);
    std::vector<std::string_view> words;
    add_organisation_names(d.doc, lexicon(), words);
    for (std::string_view w : c.in) EXPECT_TRUE(has_word(words, w)) << c.text << ": " << w;
    for (std::string_view w : c.out) EXPECT_FALSE(has_word(words, w)) << c.text << ": " << w;
  }
}

}  // namespace
}  // namespace morgue::people
