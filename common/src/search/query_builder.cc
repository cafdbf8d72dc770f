#include "search/query_builder.h"

#include <chrono>
#include <optional>
#include <iterator>

#include <fmt/format.h>

#include "morgue/encoding.h"
#include "morgue/schema.h"
#include "morgue/search.h"
#include "search/date_query.h"
#include "util/strings.h"

namespace morgue {
namespace {

// A boolean filter whose value is normalised (lower-cased, trimmed) before it
// becomes a term, so "section:World" and "section:world" agree.
class NormalisedField : public Xapian::FieldProcessor {
 public:
  enum class Kind { kLower, kHost, kExact };
  NormalisedField(std::string_view prefix, Kind kind) : prefix_(prefix), kind_(kind) {}

  Xapian::Query operator()(const std::string& raw) override {
    std::string value(util::trim(raw));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (kind_ != Kind::kExact) value = util::to_lower(value);
    if (kind_ == Kind::kHost) {
      if (auto scheme = value.find("://"); scheme != std::string::npos) value = value.substr(scheme + 3);
      if (auto slash = value.find('/'); slash != std::string::npos) value = value.substr(0, slash);
      if (value.rfind("www.", 0) == 0) value = value.substr(4);
    }
    return Xapian::Query(schema::make_term(prefix_, value));
  }

 private:
  std::string prefix_;
  Kind kind_;
};

std::string clean_query(const std::string& raw) {
  std::string text = repair_utf8(raw);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    out.push_back(u < 0x20 || u == 0x7F ? ' ' : c);
  }
  return util::collapse_space(out);
}

void check_limits(const std::string& text, const QueryLimits& limits) {
  if (text.size() > limits.max_bytes) {
    throw QueryError(fmt::format("query too long: {} bytes (the limit is {})", text.size(), limits.max_bytes));
  }
  std::size_t words = 0, depth = 0, max_depth = 0;
  bool in_word = false;
  for (char c : text) {
    if (c == '(') max_depth = std::max(max_depth, ++depth);
    if (c == ')' && depth > 0) --depth;
    bool word_char = c != ' ';
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  if (words > limits.max_words) {
    throw QueryError(fmt::format("query has too many words: {} (the limit is {})", words, limits.max_words));
  }
  if (max_depth > limits.max_depth) {
    throw QueryError(fmt::format("brackets nested too deeply: {} (the limit is {})", max_depth, limits.max_depth));
  }
}

int last_day(int year, int month) {
  using namespace std::chrono;
  return static_cast<int>(static_cast<unsigned>(
      year_month_day_last(std::chrono::year(year), month_day_last(std::chrono::month(static_cast<unsigned>(month))))
          .day()));
}

// Whole years, whole months or one day are the D/M/Y terms every dated story
// has (an OR of posting lists, cheaper than reading each candidate's date
// value); any other span is a range over the date value slot.
Xapian::Query date_filter(DateRange r, const Xapian::Database& db) {
  // An open end stops at the archive's first or last date (no story lies
  // beyond them), so "after:2020" can be whole years too.
  if (r.from && !r.to && r.from->month == 1 && r.from->day == 1) {
    if (auto last = Date::from_compact(db.get_value_upper_bound(schema::kSlotDate))) {
      r.to = Date{std::max(last->year, r.from->year), 12, 31};
    }
  }
  if (r.to && !r.from && r.to->month == 12 && r.to->day == 31) {
    if (auto first = Date::from_compact(db.get_value_lower_bound(schema::kSlotDate))) {
      r.from = Date{std::min(first->year, r.to->year), 1, 1};
    }
  }
  if (r.from && r.to && *r.from <= *r.to) {
    const Date& f = *r.from;
    const Date& t = *r.to;
    auto terms = [](std::string_view prefix, std::vector<std::string> keys) {
      std::vector<Xapian::Query> parts;
      for (const auto& k : keys) parts.emplace_back(schema::make_term(prefix, k));
      return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    };
    if (f == t) return terms(schema::kDayPrefix, {f.compact()});
    if (f.month == 1 && f.day == 1 && t.month == 12 && t.day == 31 && t.year - f.year < 50) {
      std::vector<std::string> years;
      for (int y = f.year; y <= t.year; ++y) years.push_back(fmt::format("{:04}", y));
      return terms(schema::kYearPrefix, years);
    }
    const int months = (t.year - f.year) * 12 + (t.month - f.month) + 1;
    if (f.day == 1 && t.day == last_day(t.year, t.month) && months <= 120) {
      std::vector<std::string> keys;
      for (int i = 0; i < months; ++i) {
        int m = f.month - 1 + i;
        keys.push_back(fmt::format("{:04}{:02}", f.year + m / 12, m % 12 + 1));
      }
      return terms(schema::kMonthPrefix, keys);
    }
  }
  std::string from = r.from ? r.from->compact() : std::string("00000000");
  std::string to = r.to ? r.to->compact() : std::string("99991231");
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, from, to);
}

// True when the query has a free-text term (a word that ranks), false for
// pure filters such as "section:world" (then results are sorted by date).
bool has_weighted_terms(const Xapian::Query& query) {
  for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
    std::string term = *t;
    if (!term.empty() && term[0] == 'Z') term.erase(0, 1);
    std::size_t upper = 0;
    while (upper < term.size() && term[upper] >= 'A' && term[upper] <= 'Z') ++upper;
    std::string_view prefix(term.data(), upper);
    if (prefix.empty() || prefix == schema::kTitlePrefix || prefix == schema::kPersonPrefix ||
        prefix == schema::kAuthorPrefix) {
      return true;
    }
  }
  return false;
}

}  // namespace

struct QueryBuilder::Impl {
  Xapian::Database db;
  QueryLimits limits;
  Xapian::QueryParser parser;
};

namespace {

// Function words dropped from "any word" queries (pasted sentences): they
// match nearly every story, so they only add cost and make the total and the
// facets describe the whole archive. Queries that must match every word (up
// to four words) keep them ("The Who"); so do phrases, and a query made only
// of these words.
const Xapian::SimpleStopper& sentence_stopper() {
  static const char* const kWords[] = {
      "a",     "about", "after", "again", "all",   "also",  "am",    "an",    "and",   "any",    "are",
      "as",    "at",    "be",    "been",  "being", "both",  "but",   "by",    "can",   "could",  "did",
      "do",    "does",  "doing", "for",   "from",  "had",   "has",   "have",  "having", "he",    "her",
      "here",  "hers",  "him",   "his",   "how",   "i",     "if",    "in",    "into",  "is",     "it",
      "its",   "just",  "me",    "my",    "no",    "nor",   "of",    "off",   "on",    "once",   "only",
      "or",    "our",   "ours",  "she",   "should", "so",   "some",  "such",  "than",  "that",   "the",
      "their", "theirs", "them", "then",  "there", "these", "they",  "this",  "those", "to",     "too",
      "us",    "very",  "was",   "we",    "were",  "what",  "when",  "where", "which", "while",  "who",
      "whom",  "why",   "will",  "with",  "would", "you",   "your",  "yours"};
  static const Xapian::SimpleStopper stopper(std::begin(kWords), std::end(kWords));
  return stopper;
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, QueryLimits limits) : impl_(std::make_unique<Impl>()) {
  impl_->db = db;
  impl_->limits = limits;
  auto& qp = impl_->parser;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_max_expansion(limits.max_wildcard, Xapian::Query::WILDCARD_LIMIT_ERROR);
  qp.add_prefix("title", std::string(schema::kTitlePrefix));
  qp.add_prefix("headline", std::string(schema::kTitlePrefix));
  qp.add_prefix("person", std::string(schema::kPersonPrefix));
  qp.add_prefix("people", std::string(schema::kPersonPrefix));
  qp.add_prefix("author", std::string(schema::kAuthorPrefix));
  qp.add_prefix("by", std::string(schema::kAuthorPrefix));
  using Kind = NormalisedField::Kind;
  qp.add_boolean_prefix("section", (new NormalisedField(schema::kSectionPrefix, Kind::kLower))->release());
  qp.add_boolean_prefix("site", (new NormalisedField(schema::kSitePrefix, Kind::kHost))->release());
  qp.add_boolean_prefix("url", (new NormalisedField(schema::kUrlPrefix, Kind::kExact))->release());
  qp.add_boolean_prefix("subject", (new NormalisedField(schema::kSubjectPrefix, Kind::kLower))->release());
  qp.add_boolean_prefix("topic", (new NormalisedField(schema::kSubjectPrefix, Kind::kLower))->release());
  qp.add_boolean_prefix("lang", (new NormalisedField(schema::kLanguagePrefix, Kind::kLower))->release());
}

QueryBuilder::~QueryBuilder() = default;

BuiltQuery QueryBuilder::build(const std::string& raw, const Date& today, bool all_words) {
  BuiltQuery built;
  std::string cleaned = clean_query(raw);
  check_limits(cleaned, impl_->limits);
  DateFilters dates = extract_date_filters(cleaned, today);
  built.text = dates.rest;
  built.all_words = all_words;

  Xapian::Query text_query;
  if (!util::trim(dates.rest).empty()) {
    auto& qp = impl_->parser;
    qp.set_default_op(all_words ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    qp.set_stopper(all_words ? nullptr : &sentence_stopper());
    const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_PURE_NOT;
    try {
      text_query = qp.parse_query(dates.rest, flags);
    } catch (const Xapian::QueryParserError&) {
      // Like Omega: an unbalanced quote or bracket is read as plain words.
      try {
        text_query = qp.parse_query(dates.rest, 0);
      } catch (const Xapian::QueryParserError& e) {
        throw QueryError(fmt::format("cannot parse the query: {}", e.get_msg()));
      }
    }
  }
  built.has_text = has_weighted_terms(text_query) || dates.rest.find('*') != std::string::npos;
  Xapian::Query filters;
  for (const auto& r : dates.ranges) {
    Xapian::Query f = date_filter(r, impl_->db);
    filters = filters.empty() ? f : Xapian::Query(Xapian::Query::OP_AND, filters, f);
  }
  if (text_query.empty() && filters.empty()) {
    built.query = Xapian::Query::MatchAll;
  } else if (text_query.empty()) {
    built.query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filters, 0.0);
  } else if (filters.empty()) {
    built.query = text_query;
  } else {
    built.query = Xapian::Query(Xapian::Query::OP_FILTER, text_query, filters);
  }
  return built;
}

std::vector<std::string> QueryBuilder::plain_words(const std::string& text) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    if (current.size() >= 3) words.push_back(util::to_lower(current));
    current.clear();
  };
  bool skip = false;          // inside a field:value or operator
  bool quoted_value = false;  // inside field:"a quoted value"
  char previous = 0;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (quoted_value) {
      if (c == '"') quoted_value = false;
    } else if (std::isalpha(u) || u >= 0x80) {
      if (!skip) current.push_back(c);
    } else if (c == ':') {
      current.clear();
      skip = true;
    } else if (c == '"' && previous == ':') {
      quoted_value = true;
    } else {
      if (c == ' ') skip = false;
      flush();
    }
    previous = c;
  }
  flush();
  std::erase_if(words, [](const std::string& w) { return w == "and" || w == "or" || w == "not" || w == "near"; });
  return words;
}

}  // namespace morgue
