// Sections from fields, breadcrumb trails and URLs: one table per source, on
// trails and values written for the test.
#include "extract/section.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace morgue::section {
namespace {

PageContext harbour_page() {
  PageContext page;
  page.site_names = {"harbour gazette"};
  page.url = "https://www.harbourgazette.co.uk/news/local/pier-to-close-1234";
  page.title = "Pier to close for two years after winter storms";
  page.people = {"Jane Roe"};
  return page;
}

TEST(Section, FromTrail) {
  struct Case {
    const char* name;
    std::vector<std::string> crumbs;
    std::string want;
  };
  const std::vector<Case> cases = {
      {"home and the story dropped", {"Home", "World", "Europe", "Pier to close for two years after winter storms"},
       "World/Europe"},
      {"at most two levels", {"Home", "Sport", "Football", "Premier League"}, "Sport/Football"},
      {"a generic top level goes when more follows", {"Home", "News", "Sport", "Cricket"}, "Sport/Cricket"},
      {"a lone generic level stays", {"Home", "News"}, "News"},
      {"you-are-here labels", {"You are here:", "Home", "Business"}, "Business"},
      {"German label and site", {"Sie befinden sich hier", "Harbour Gazette", "Kultur"}, "Kultur"},
      {"domain as the first crumb", {"www.harbourgazette.co.uk", "Auto", "Tests"}, "Auto/Tests"},
      {"the site's name spelled with its domain", {"HarbourGazette.co.uk", "Politics"}, "Politics"},
      {"the site's registered name", {"HARBOURGAZETTE", "Politics"}, "Politics"},
      {"X Home and Startseite", {"Gazette Home", "Startseite", "Wirtschaft"}, "Wirtschaft"},
      {"what comes before Home is not the trail", {"Markets", "Nasdaq", "Home", "Business"}, "Business"},
      {"navigation arrows end it", {"Vorheriges", "N\xC3\xA4" "chstes"}, ""},
      {"share links end it", {"Home", "Tips", "teilen", "tweeten"}, "Tips"},
      {"dates and issue numbers end it", {"Home", "Archive Notes", "2019", "Issue 43"}, "Archive Notes"},
      {"the byline's person is not a section", {"Home", "Columns", "Jane Roe"}, "Columns"},
      {"placeholders dropped", {"Home", "Articles", "Science"}, "Science"},
      {"one crumb holding the whole trail", {"Home > Sport > Cricket"}, "Sport/Cricket"},
      {"a you-are-here label inside the one crumb", {"You are here: Home > Business"}, "Business"},
      {"arrows around crumbs", {"Home \xE2\x80\xBA", "Travel \xE2\x80\xBA"}, "Travel"},
      {"a slash inside a crumb is not a level", {"Home", "World", "Latin America/Caribbean"},
       "World/Latin America & Caribbean"},
      {"case normalised", {"HOME", "LOCAL NEWS"}, "Local News"},
      {"lower-case words capitalised, small words kept", {"Home", "health and fitness"}, "Health and Fitness"},
      {"a long menu is not a trail", {"Teams", "Men", "Women", "Juniors", "Beach", "Magazine", "Podcast", "Dates", "Shop"},
       ""},
      {"a crumb cut short is the story", {"Home", "Science", "Pier to close for two..."}, "Science"},
  };
  for (const auto& c : cases) EXPECT_EQ(from_trail(c.crumbs, harbour_page()), c.want) << c.name;
}

TEST(Section, StoryCrumbFromThePageTitle) {
  // The extracted headline is one part of the page's title; the trail's last
  // crumb is another, the story's own words: it goes. Sections the title also
  // names, and short crumbs, stay.
  struct Case {
    const char* name;
    std::vector<std::string> page_titles;
    std::vector<std::string> crumbs;
    std::string want;
  };
  const std::vector<Case> cases = {
      {"the headline part of <title>", {"Harbour Life - Ferry to cross the bay - Harbour Gazette", ""},
       {"Home", "Travel", "Ferry to cross the bay"}, "Travel"},
      {"the headline part of og:title, any case", {"", "HARBOUR LIFE | FERRY TO CROSS THE BAY"},
       {"Home", "Travel", "Ferry to cross the bay"}, "Travel"},
      {"a section the title names is not its longest part",
       {"Ferry to cross the bay from next summer - Science and Technology - Harbour Gazette", ""},
       {"Home", "Science and Technology"}, "Science and Technology"},
      {"under four words stays", {"Harbour Life - Ferries - Gazette", ""}, {"Home", "Travel", "Ferries"},
       "Travel/Ferries"},
      {"a section outgrowing a short headline stays", {"Pier closes - Science and Technology - Gazette", ""},
       {"Home", "Science and Technology"}, "Science and Technology"},
      {"a crumb only sharing words with the title stays", {"Harbour Life - Ferry to cross the bay", ""},
       {"Home", "Travel", "Ferry Timetables"}, "Travel/Ferry Timetables"},
  };
  for (const auto& c : cases) {
    PageContext page;
    page.title = "Harbour Life";
    page.page_titles = c.page_titles;
    EXPECT_EQ(from_trail(c.crumbs, page), c.want) << c.name;
  }
}

TEST(Section, Abbreviations) {
  // Abbreviations are spelled in capitals whatever the source's case, so that
  // one site's "uk" and another's "UK" are one section; words are not.
  struct Case {
    const char* name;
    std::string value, want;
  };
  const std::vector<Case> cases = {
      {"listed, lower case", "uk", "UK"},
      {"listed, capitalised", "Nasa", "NASA"},
      {"listed, upper case", "NASA", "NASA"},
      {"listed, in a lower-case level", "diy crafts", "DIY Crafts"},
      {"listed, in a mixed level", "Politics uk", "Politics UK"},
      {"an upper-case word of four letters is not", "NEWS", "News"},
      {"no vowel", "tv", "TV"},
      {"no vowel, four letters", "Jmcs", "JMCS"},
      {"no vowel, but a word", "mr smith", "Mr Smith"},
      {"German short forms written as words", "pkw", "Pkw"},
      {"y counts as a vowel", "gym", "Gym"},
      {"a letter with digits", "f1", "F1"},
      {"letters around a digit", "b2b marketing", "B2B Marketing"},
      {"digits first are no abbreviation", "bmw 3er", "BMW 3er"},
      {"us alone", "us", "US"},
      {"us in a phrase is a word", "news for us", "News for Us"},
      {"it alone", "it", "IT"},
      {"it in a phrase is a word", "what is it", "What Is It"},
      {"un alone", "un", "UN"},
      {"un in French is a word", "un monde", "Un Monde"},
      {"ok is a word", "ok", "Ok"},
      {"mixed case left alone", "iPad", "iPad"},
      {"two levels", "uk/tv", "UK/TV"},
  };
  for (const auto& c : cases) EXPECT_EQ(normalize(c.value), c.want) << c.name;
  PageContext page;
  page.url = "https://www.example.org/uk/pier-to-close";
  EXPECT_EQ(from_url(page), "UK") << "a URL folder";
  EXPECT_EQ(from_field("Uk", harbour_page()), "UK") << "a field";
}

TEST(Section, FromField) {
  struct Case {
    const char* name;
    std::string value;
    std::string want;
  };
  const std::vector<Case> cases = {
      {"plain", "world", "World"},
      {"hierarchy", "World > Europe", "World/Europe"},
      {"path-like with a slug", "/world/middle_east/", "World/Middle East"},
      {"hyphenated slug", "crime-safety", "Crime Safety"},
      {"a label before it", "Posted in News", "News"},
      {"a hash tag", "#Topstory", "Topstory"},
      {"a comma list gives its first real label", "Articles, Highlight, Legal, National", "Legal"},
      {"placeholders are no section", "Uncategorized", ""},
      {"nil", "nil", ""},
      {"a year is no section", "Fashion Trends 2019", ""},
      {"the title is not a section", "Pier to close for two years after winter storms", ""},
      {"a word of the title still is", "Winter", "Winter"},
      {"the site's own name", "Harbour Gazette", ""},
      {"abbreviations keep their dots", "U.S.", "U.S."},
      {"upper case", "SPORT", "Sport"},
      {"mixed case kept", "iPhone & iPad", "iPhone & iPad"},
      {"non-ASCII first letters", "\xC3\xBC" "ber den tellerrand", "\xC3\x9C" "ber den Tellerrand"},
      {"single letters are no words", "a-e-d", ""},
      {"a domain is no section", "www.example.com", ""},
      {"the site's domain", "harbourgazette.co.uk", ""},
      {"the byline's person is no section", "Jane Roe", ""},
      {"home goes, the section stays", "Home > Politics", "Politics"},
      {"arrows between levels", "Sport \xC2\xBB Cricket", "Sport/Cricket"},
      {"at most two levels", "World > Europe > France", "World/Europe"},
      {"lower case", "local news", "Local News"},
  };
  for (const auto& c : cases) EXPECT_EQ(from_field(c.value, harbour_page()), c.want) << c.name;
}

TEST(Section, FromUrl) {
  struct Case {
    std::string url;
    std::string want;
  };
  const std::vector<Case> cases = {
      {"https://www.example.org/world/europe/pier-to-close-1234", "World/Europe"},
      {"https://www.example.org/news/local/pier-to-close", "Local"},
      {"https://www.example.org/2013/08/21/pier", ""},
      {"https://www.example.org/article/pier", ""},
      {"https://en.example.org/wiki/Harbour", ""},
      {"https://www.example.org/example/aktuelles/pier", "Aktuelles"},  // the site's own name as a folder
      {"https://blogs.example.org/someone/blog/pier", ""},
      {"https://www.example.org/users/someone/pier", ""},
      {"https://www.example.org/sport/", ""},  // the last segment may be the slug
      {"not a url", ""},
  };
  for (const auto& c : cases) {
    PageContext page;
    page.url = c.url;
    EXPECT_EQ(from_url(page), c.want) << c.url;
  }
  // A folder named after the byline's author is the author's page, not a section.
  PageContext blog;
  blog.url = "https://www.example.org/blog/jane-roe/pier-to-close";
  blog.people = {"Jane Roe"};
  EXPECT_EQ(from_url(blog), "Blog");
}

TEST(Section, Normalize) {
  struct Case {
    std::string value, want;
  };
  const std::vector<Case> cases = {
      {"world", "World"},
      {"WORLD/EUROPE/FRANCE", "World/Europe"},
      {"News | Politics", "Politics"},
      {"  Sport  \xC2\xBB  Tennis ", "Sport/Tennis"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(normalize(c.value), c.want) << c.value;
}

}  // namespace
}  // namespace morgue::section
