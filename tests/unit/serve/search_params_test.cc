// Request parameters to search requests (serve/search_params): decoding,
// filters, limits, ids, half-lives. Table-driven; no database.
#include "serve/search_params.h"

#include <random>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "morgue/search.h"

namespace morgue {
namespace {

using nlohmann::json;
using serve::BadParameter;
using serve::Params;

TEST(UrlDecode, Table) {
  struct Case {
    const char* in;
    bool plus;
    const char* out;
  } cases[] = {
      {"a+b", true, "a b"},       {"a+b", false, "a+b"},     {"%41%2f%2F", true, "A//"},
      {"%zz", true, "%zz"},       {"%4", true, "%4"},        {"100%", true, "100%"},
      {"%C3%A9t%C3%A9", true, "\xC3\xA9t\xC3\xA9"},       {"", true, ""},
  };
  for (const auto& c : cases) EXPECT_EQ(serve::url_decode(c.in, c.plus), c.out) << c.in;
}

TEST(ParseQueryString, KeepsOrderRepeatsAndEmptyValues) {
  Params p = serve::parse_query_string("q=harbour+fire&section=World&section=Politics&facets&&x=%3D");
  Params expected = {{"q", "harbour fire"}, {"section", "World"}, {"section", "Politics"}, {"facets", ""}, {"x", "="}};
  EXPECT_EQ(p, expected);
  EXPECT_TRUE(serve::parse_query_string("").empty());
}

// SearchFilters by name: Filters().section("World").date("2022").
struct Filters {
  SearchFilters f;
  Filters& section(std::string v) { return add(f.sections, std::move(v)); }
  Filters& person(std::string v) { return add(f.people, std::move(v)); }
  Filters& author(std::string v) { return add(f.authors, std::move(v)); }
  Filters& site(std::string v) { return add(f.sites, std::move(v)); }
  Filters& date(std::string v) {
    f.date = std::move(v);
    return *this;
  }
  operator SearchFilters() const { return f; }  // implicit, so that the table reads plainly

 private:
  Filters& add(std::vector<std::string>& list, std::string v) {
    list.push_back(std::move(v));
    return *this;
  }
};

struct ParamCase {
  std::string query_string;
  const char* query;      // expected SearchRequest::query, or nullptr when an error is expected
  SearchFilters filters;  // expected SearchRequest::filters
  const char* error;      // a part of the error message
};

bool same_filters(const SearchFilters& a, const SearchFilters& b) {
  return a.sections == b.sections && a.people == b.people && a.authors == b.authors && a.sites == b.sites &&
         a.date == b.date;
}

std::string describe(const SearchFilters& f) {
  json j = {{"sections", f.sections}, {"people", f.people}, {"authors", f.authors}, {"sites", f.sites}, {"date", f.date}};
  return j.dump();
}

// A clicked facet is a filter, never query text: q stays the user's own,
// whatever the filter value holds.
TEST(SearchRequestFromParams, Table) {
  const ParamCase cases[] = {
      {"q=harbour", "harbour", {}, nullptr},
      {"q=harbour&section=World", "harbour", Filters().section("World"), nullptr},
      {"q=a+OR+b&person=Adaeze+Okonkwo", "a OR b", Filters().person("Adaeze Okonkwo"), nullptr},
      {"q=%22open+(a&section=x", "\"open (a", Filters().section("x"), nullptr},
      {"section=World%2FEurope&date=2022-02", "", Filters().section("World/Europe").date("2022-02"), nullptr},
      {"q=x&date=2022-02-01..2022-02-28", "x", Filters().date("2022-02-01..2022-02-28"), nullptr},
      {"date=..1999", "", Filters().date("..1999"), nullptr},
      // Values that would be query syntax stay data, quotes and all.
      {"q=x&person=a%22+OR+%22b", "x", Filters().person("a\" OR \"b"), nullptr},
      {"q=x&section=World)+OR+(section:Politics", "x", Filters().section("World) OR (section:Politics"), nullptr},
      {"q=fire&section=%22%22", "fire", Filters().section("\"\""), nullptr},
      {"author=Jo+Bloggs&site=example.com", "", Filters().author("Jo Bloggs").site("example.com"), nullptr},
      // Repeats add values, in order; spaces around a value are trimmed.
      {"q=x&section=World&person=A+B&section=Politics&person=C", "x",
       Filters().section("World").section("Politics").person("A B").person("C"), nullptr},
      {"person=+Sergey+Lavrov++", "", Filters().person("Sergey Lavrov"), nullptr},
      {"q=x&site=a.com&site=b.org&author=A&author=B", "x", Filters().author("A").author("B").site("a.com").site("b.org"), nullptr},
      {"q=x&date=2022+OR+y", nullptr, {}, "date must look like"},
      {"q=x&date=2022-02%22", nullptr, {}, "date must look like"},
      {"q=x&date=", nullptr, {}, "date must look like"},
      {"q=x&date=2022&date=2023", nullptr, {}, "date may be given once"},
      {"q=x&date=" + std::string(40, '1'), nullptr, {}, "date must look like"},
      {"q=x&section=", nullptr, {}, "section must not be empty"},
      {"q=x&section=+++", nullptr, {}, "section must not be empty"},
      {"q=x&person=", nullptr, {}, "person must not be empty"},
      {"q=x&author=a%0Ab", nullptr, {}, "author must not contain control characters"},
      {"q=x&site=" + std::string(201, 'a'), nullptr, {}, "site is at most 200 bytes"},
      {"q=x" + [] {
         std::string many;
         for (int i = 0; i < 21; ++i) many += "&person=p" + std::to_string(i);
         return many;
       }(),
       nullptr, {}, "at most 20 filters"},
      {"", nullptr, {}, "no query"},
      {"q=+++", nullptr, {}, "no query"},
      {"q=x&limit=abc", nullptr, {}, "limit must be a whole number"},
      {"q=x&limit=-1", nullptr, {}, "limit must be a whole number"},
      {"q=x&offset=1e3", nullptr, {}, "offset must be a whole number"},
      {"q=x&offset=10001", nullptr, {}, "offset is at most"},
      {"q=x&sort=sideways", nullptr, {}, "sort must be"},
      {"q=x&recent=soon", nullptr, {}, "recent must look like"},
      {"q=x&facets=maybe", nullptr, {}, "facets must be 1 or 0"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query_string);
    auto params = serve::parse_query_string(c.query_string);
    if (c.query) {
      SearchRequest r = serve::search_request_from_params(params, {});
      EXPECT_EQ(r.query, c.query);
      EXPECT_TRUE(same_filters(r.filters, c.filters)) << describe(r.filters) << " != " << describe(c.filters);
      EXPECT_TRUE(r.like_id.empty());
    } else {
      try {
        serve::search_request_from_params(params, {});
        ADD_FAILURE() << "expected an error";
      } catch (const BadParameter& e) {
        EXPECT_NE(std::string(e.what()).find(c.error), std::string::npos) << e.what();
      }
    }
  }
}

// Property: whatever bytes a facet value holds (quotes, brackets, field
// syntax), the query text is exactly q and the value arrives unchanged.
TEST(SearchRequestFromParams, FilterValuesNeverReachTheQueryText) {
  std::mt19937 rng(11);
  const std::string alphabet = "ab \"()):-ORANDNOT*section:person:date:\\'+&=%\xC3\xA9";
  for (int i = 0; i < 500; ++i) {
    std::string value;
    for (std::size_t n = 1 + rng() % 30; n > 0; --n) value.push_back(alphabet[rng() % alphabet.size()]);
    if (value.find_first_not_of(' ') == std::string::npos) continue;
    const std::string trimmed = value.substr(value.find_first_not_of(' '),
                                             value.find_last_not_of(' ') - value.find_first_not_of(' ') + 1);
    for (const char* field : {"section", "person", "author", "site"}) {
      Params params = {{"q", "harbour fire"}, {field, value}};
      SearchRequest r = serve::search_request_from_params(params, {});
      EXPECT_EQ(r.query, "harbour fire") << value;
      const std::vector<std::string> expected = {trimmed};
      const auto& got = std::string(field) == "section" ? r.filters.sections
                        : std::string(field) == "person" ? r.filters.people
                        : std::string(field) == "author" ? r.filters.authors
                                                         : r.filters.sites;
      EXPECT_EQ(got, expected) << field;
    }
  }
}

TEST(SearchRequestFromParams, Options) {
  auto r = serve::search_request_from_params(
      serve::parse_query_string("q=x&offset=20&limit=5&sort=date&recent=2w&facets=1&all_versions=true"), {});
  EXPECT_EQ(r.offset, 20u);
  EXPECT_EQ(r.limit, 5u);
  EXPECT_EQ(r.sort, SortOrder::kNewest);
  EXPECT_EQ(r.recent_half_life_days, 14);
  EXPECT_TRUE(r.facets);
  EXPECT_TRUE(r.all_versions);
  EXPECT_EQ(serve::search_request_from_params(serve::parse_query_string("q=x&sort=oldest"), {}).sort,
            SortOrder::kOldest);
  // Big pages are capped, not refused.
  EXPECT_EQ(serve::search_request_from_params(serve::parse_query_string("q=x&limit=100000"), {}).limit, 100u);
  serve::ParamLimits small{10, 100, 10000};
  EXPECT_THROW(serve::search_request_from_params(serve::parse_query_string("q=0123456789a"), small), BadParameter);
  // Filters do not count against the query's length.
  EXPECT_NO_THROW(serve::search_request_from_params(
      serve::parse_query_string("q=0123456789&section=Business&person=Adaeze+Okonkwo"), small));
}

// A pasted article is a query: up to kMaxQueryBytes by default.
TEST(SearchRequestFromParams, TakesQueriesUpToKMaxQueryBytes) {
  EXPECT_EQ(ServiceOptions().max_query_bytes, kMaxQueryBytes);
  EXPECT_EQ(serve::ParamLimits().max_query_bytes, kMaxQueryBytes);
  std::string text;
  while (text.size() < kMaxQueryBytes) text += "harbour ";
  text.resize(kMaxQueryBytes);
  text.back() = 'x';
  EXPECT_EQ(serve::search_request_from_params({{"q", text}}, {}).query, text);
  try {
    serve::search_request_from_params({{"q", text + "y"}}, {});
    ADD_FAILURE() << "expected an error";
  } catch (const BadParameter& e) {
    EXPECT_NE(std::string(e.what()).find("query too long"), std::string::npos) << e.what();
  }
}

TEST(SimilarRequestFromParams, SetsTheIdAndNeedsNoQuery) {
  SearchRequest r = serve::similar_request_from_params("0123456789abcdef", {}, {});
  EXPECT_EQ(r.like_id, "0123456789abcdef");
  EXPECT_TRUE(r.query.empty());
  EXPECT_TRUE(r.filters.empty());
  r = serve::similar_request_from_params("0123456789abcdef",
                                         serve::parse_query_string("q=harbour&section=World&limit=3&offset=6"), {});
  EXPECT_EQ(r.query, "harbour");
  EXPECT_EQ(r.filters.sections, std::vector<std::string>{"World"});
  EXPECT_EQ(r.limit, 3u);
  EXPECT_EQ(r.offset, 6u);
  EXPECT_THROW(serve::similar_request_from_params("0123456789abcdef", serve::parse_query_string("date=x"), {}),
               BadParameter);
}

TEST(ArticleId, Table) {
  EXPECT_TRUE(is_article_id("0123456789abcdef"));
  for (const char* bad : {"", "0123456789abcde", "0123456789abcdef0", "0123456789ABCDEF", "0123456789abcdeg",
                          "../../etc/passwd", "0123456789abcde\n"}) {
    EXPECT_FALSE(is_article_id(bad)) << bad;
  }
}

TEST(CheckFilters, TrimsAndNamesTheField) {
  SearchFilters f = Filters().section(" World ").person("Sergey Lavrov").date("2022-02");
  EXPECT_EQ(check_filters(f), "");
  EXPECT_EQ(f.sections, std::vector<std::string>{"World"});
  SearchFilters empty_site = Filters().site("  ");
  EXPECT_EQ(check_filters(empty_site), "site must not be empty");
  SearchFilters bad_date = Filters().date("last month");
  EXPECT_NE(check_filters(bad_date).find("date must look like"), std::string::npos);
  SearchFilters none;
  EXPECT_EQ(check_filters(none), "");
}

TEST(HalfLife, Table) {
  EXPECT_EQ(parse_half_life("30d"), 30);
  EXPECT_EQ(parse_half_life("30"), 30);
  EXPECT_EQ(parse_half_life("2w"), 14);
  EXPECT_EQ(parse_half_life("6m"), 180);
  EXPECT_EQ(parse_half_life("1y"), 365);
  for (const char* bad : {"", "d", "0d", "-3d", "3x", "999999d"}) EXPECT_EQ(parse_half_life(bad), 0) << bad;
}

}  // namespace
}  // namespace morgue
