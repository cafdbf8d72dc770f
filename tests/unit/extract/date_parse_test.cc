#include "extract/date_parse.h"

#include <gtest/gtest.h>

namespace morgue {
namespace {

struct DateCase {
  const char* input;
  const char* day;        // expected YYYY-MM-DD, or nullptr for "no date"
  const char* timestamp;  // expected timestamp ("" when only a day)
};

class ParseDateTimeTest : public testing::TestWithParam<DateCase> {};

TEST_P(ParseDateTimeTest, ParsesOrRejects) {
  const DateCase& c = GetParam();
  auto result = parse_date_time(c.input);
  if (!c.day) {
    EXPECT_FALSE(result.has_value()) << c.input << " gave " << result->date.iso();
    return;
  }
  ASSERT_TRUE(result.has_value()) << c.input;
  EXPECT_EQ(result->date.iso(), c.day) << c.input;
  EXPECT_EQ(result->timestamp, c.timestamp) << c.input;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, ParseDateTimeTest,
    testing::Values(
        DateCase{"Feb 14, 2022", "2022-02-14", ""},
        DateCase{"February 14, 2022", "2022-02-14", ""},
        DateCase{"Feb. 14, 2022", "2022-02-14", ""},
        DateCase{"14 February 2022", "2022-02-14", ""},
        DateCase{"Monday, 14 Feb 2022", "2022-02-14", ""},
        DateCase{"Sept. 3, 2021", "2021-09-03", ""},
        DateCase{"March 1st, 2020", "2020-03-01", ""},
        DateCase{"2022-02-14", "2022-02-14", ""},
        DateCase{"2022-02-14T09:30:00+01:00", "2022-02-14", "2022-02-14T09:30:00+01:00"},
        DateCase{"2022-02-14T09:30:00Z", "2022-02-14", "2022-02-14T09:30:00Z"},
        DateCase{"2022-02-14T09:30:00.123-0500", "2022-02-14", "2022-02-14T09:30:00-05:00"},
        DateCase{"Mon, 14 Feb 2022 09:30:00 GMT", "2022-02-14", "2022-02-14T09:30:00Z"},
        DateCase{"26-FEB-1987 15:01:01.79", "1987-02-26", "1987-02-26T15:01:01"},
        DateCase{"14.02.2022", "2022-02-14", ""},
        DateCase{"2022/02/14", "2022-02-14", ""},
        DateCase{"02/14/2022", "2022-02-14", ""},
        DateCase{"20220214", "2022-02-14", ""},
        DateCase{"14. Februar 2022", "2022-02-14", ""},
        DateCase{"Feb 14, 2022 3:05 pm EST", "2022-02-14", "2022-02-14T15:05:00-05:00"},
        DateCase{"February 30, 2022", nullptr, ""},
        DateCase{"2021-02-29", nullptr, ""},
        DateCase{"2024-02-29", "2024-02-29", ""},
        DateCase{"", nullptr, ""},
        DateCase{"World", nullptr, ""},
        DateCase{"May the force be with you", nullptr, ""},
        DateCase{"12:30", nullptr, ""},
        // Digits-only dates need their parts joined by one kind of mark.
        DateCase{"2 min 2 min 04.04.20", nullptr, ""},
        DateCase{"1 > Formel 1-News 02.02", nullptr, ""},
        DateCase{"26 | 01 | 2022", "2022-01-26", ""},
        DateCase{"14. 02. 2022", "2022-02-14", ""},
        // The day is the number next to the month name.
        DateCase{"0 3 6 21. Jan 2022", "2022-01-21", ""},
        DateCase{"November 2020 bis November 2", nullptr, ""},
        DateCase{"lundi 14 février 2022", "2022-02-14", ""},
        // Month names of more languages, and year-first forms.
        DateCase{"3 października 2021", "2021-10-03", ""},
        DateCase{"14. února 2022", "2022-02-14", ""},
        DateCase{"2022. február 14.", "2022-02-14", ""},
        DateCase{"2020 Januar bis November 2021 2", nullptr, ""},
        DateCase{"14 augusti 2022", "2022-08-14", ""},
        DateCase{"14 maj 2021", "2021-05-14", ""},
        DateCase{"1. huhtikuuta 2020", "2020-04-01", ""},
        DateCase{"12 iunie 2019", "2019-06-12", ""},
        DateCase{"5 de juny de 2018", "2018-06-05", ""},
        DateCase{"7 mrt. 2017", "2017-03-07", ""},
        DateCase{"9 ekim 2020", "2020-10-09", ""},
        DateCase{"2 days ago 2019", nullptr, ""},
        // CJK year, month and day marks.
        DateCase{"2019年6月24日", "2019-06-24", ""},
        DateCase{"2019年06月24日 10時30分", "2019-06-24", "2019-06-24T10:30:00"},
        DateCase{"2019년 6월 24일", "2019-06-24", ""},
        DateCase{"月刊 6月号", nullptr, ""},
        // Full-width digits, as Japanese and Chinese pages often write them.
        DateCase{"２０１９年６月２４日", "2019-06-24", ""},
        DateCase{"2019年6月24日(月) 10:30", "2019-06-24", "2019-06-24T10:30:00"},
        DateCase{"2019. 6. 24. 오후", "2019-06-24", ""}));

// Month names of the main European languages, in the case forms dates use
// (genitive, partitive, after "de"), capitalised as headers write them.
INSTANTIATE_TEST_SUITE_P(
    MonthNames, ParseDateTimeTest,
    testing::Values(
        DateCase{"14. Februar 2022", "2022-02-14", ""},               // German
        DateCase{"14 février 2022", "2022-02-14", ""},                // French
        DateCase{"14 de febrero de 2022", "2022-02-14", ""},          // Spanish
        DateCase{"14 febbraio 2022", "2022-02-14", ""},               // Italian
        DateCase{"14 de fevereiro de 2022", "2022-02-14", ""},        // Portuguese
        DateCase{"14 februari 2022", "2022-02-14", ""},               // Dutch, Swedish
        DateCase{"14. februar 2022", "2022-02-14", ""},               // Danish, Norwegian
        DateCase{"14 lutego 2022", "2022-02-14", ""},                 // Polish
        DateCase{"14. Února 2022", "2022-02-14", ""},                 // Czech, capitalised
        DateCase{"14. februára 2022", "2022-02-14", ""},              // Slovak
        DateCase{"2022. Február 14.", "2022-02-14", ""},              // Hungarian, capitalised
        DateCase{"14 Şubat 2022", "2022-02-14", ""},                  // Turkish, capitalised
        DateCase{"14. veljače 2022.", "2022-02-14", ""},              // Croatian
        DateCase{"14. februar 2022", "2022-02-14", ""},               // Slovenian, Bosnian
        DateCase{"5. junij 2020", "2020-06-05", ""},                  // Slovenian
        DateCase{"14. helmikuuta 2022", "2022-02-14", ""},            // Finnish
        DateCase{"14. veebruar 2022", "2022-02-14", ""},              // Estonian
        DateCase{"2022 m. vasario 14 d.", "2022-02-14", ""},          // Lithuanian
        DateCase{"2022. gada 14. februāris", "2022-02-14", ""},       // Latvian
        DateCase{"14. febrúar 2022", "2022-02-14", ""},               // Icelandic
        DateCase{"14 februarie 2022", "2022-02-14", ""},              // Romanian
        DateCase{"14 Φεβρουαρίου 2022", "2022-02-14", ""},            // Greek
        DateCase{"14 ΦΕΒΡΟΥΑΡΙΟΥ 2022", "2022-02-14", ""},            // Greek capitals, no accents
        DateCase{"14 Февраля 2022", "2022-02-14", ""},                // Russian, capitalised
        DateCase{"Февраль 14, 2022", "2022-02-14", ""},               // Russian nominative
        DateCase{"14 лютого 2022", "2022-02-14", ""},                 // Ukrainian
        DateCase{"14 февруари 2022", "2022-02-14", ""},               // Bulgarian
        DateCase{"14. фебруар 2022", "2022-02-14", ""},               // Serbian
        DateCase{"14 de febrer de 2022", "2022-02-14", ""},           // Catalan
        DateCase{"Ιανουάριος", nullptr, ""}));                       // a month alone is no date

TEST(ParseEpoch, SecondsAndMilliseconds) {
  auto s = parse_epoch("1614859200");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->date.iso(), "2021-03-04");
  EXPECT_EQ(s->timestamp, "2021-03-04T12:00:00Z");
  auto ms = parse_epoch("1614859200123");
  ASSERT_TRUE(ms.has_value());
  EXPECT_EQ(ms->timestamp, "2021-03-04T12:00:00Z");
  for (const char* bad : {"", "12345", "16148592001", "16148x9200", "2021-03-04"}) {
    EXPECT_FALSE(parse_epoch(bad).has_value()) << bad;
  }
}

TEST(DateFromUrl, FindsPathDates) {
  EXPECT_EQ(date_from_url("https://example.com/2022/02/14/world/story.html")->iso(), "2022-02-14");
  EXPECT_EQ(date_from_url("https://example.com/news/2019-11-03-some-story")->iso(), "2019-11-03");
  EXPECT_EQ(date_from_url("https://example.com/a/20180704/story")->iso(), "2018-07-04");
  EXPECT_FALSE(date_from_url("https://example.com/story-12345678901"));
  EXPECT_FALSE(date_from_url("https://2022.example.com/about"));
}

TEST(Date, FormsAndValidity) {
  Date d{2022, 2, 14};
  EXPECT_EQ(d.iso(), "2022-02-14");
  EXPECT_EQ(d.compact(), "20220214");
  EXPECT_TRUE(d.is_valid());
  EXPECT_FALSE((Date{2022, 13, 1}.is_valid()));
  EXPECT_FALSE((Date{1900, 2, 29}.is_valid()));
  EXPECT_TRUE((Date{2000, 2, 29}.is_valid()));
}

}  // namespace
}  // namespace morgue

namespace morgue {
namespace {

// The value-slot form read back (stats, open-ended date filters).
TEST(DateCompact, RoundTripsAndRejectsTheRest) {
  EXPECT_EQ(Date::from_compact("20220214"), (Date{2022, 2, 14}));
  EXPECT_EQ(Date::from_compact(Date{1999, 12, 31}.compact()), (Date{1999, 12, 31}));
  for (const char* bad : {"", "2022021", "202202140", "2022-2-14", "20221314", "20230229", "2022021x", "        "}) {
    EXPECT_EQ(Date::from_compact(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace morgue
