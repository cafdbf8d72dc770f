#include "search/query_builder.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <iterator>

#include <fmt/format.h>

#include "extract/encoding.h"
#include "morgue/schema.h"
#include "morgue/search.h"
#include "search/date_query.h"
#include "search/language_stems.h"
#include "search/person_query.h"
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
  std::size_t depth = 0, max_depth = 0;
  for (char c : text) {
    if (c == '(') max_depth = std::max(max_depth, ++depth);
    if (c == ')' && depth > 0) --depth;
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
  std::optional<LanguageStems> stems;  // the archive's other languages

  Xapian::Query parse(const std::string& text, bool all_words, unsigned extra_flags);
  Xapian::Query reduce(const Xapian::Query& words, std::vector<std::string>* kept_words);
  void add_request_filters(const SearchFilters& f, const Date& today, BuiltQuery& built,
                           std::vector<Xapian::Query>& must);
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
  impl_->stems.emplace(db);
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

namespace {

std::string iso(const std::optional<Date>& d) { return d ? d->iso() : std::string(); }

Xapian::Query all_of(const std::vector<Xapian::Query>& parts) {
  if (parts.empty()) return {};
  if (parts.size() == 1) return parts[0];
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

// Xapian's parser puts boolean field filters (section:x) in an OP_FILTER
// around the words: split them apart.
void split_filters(const Xapian::Query& q, Xapian::Query* words, std::vector<Xapian::Query>* filters) {
  if (q.get_type() == Xapian::Query::OP_FILTER && q.get_num_subqueries() >= 2) {
    *words = q.get_subquery(0);
    for (std::size_t i = 1; i < q.get_num_subqueries(); ++i) filters->push_back(q.get_subquery(i));
    return;
  }
  *words = q;
}

// Words of the query that are not field:value filters or operators.
std::size_t count_free_words(const std::string& text) {
  std::size_t n = 0;
  for (const auto& w : util::split(text, ' ')) {
    if (w.empty() || w == "AND" || w == "OR" || w == "NOT" || w == "NEAR" || w == "-" || w == "+") continue;
    if (auto colon = w.find(':'); colon != std::string::npos && colon > 0 && w[0] != '"') continue;
    ++n;
  }
  return n;
}

// Stories that hold at least `m` of `parts` (a boolean condition).
Xapian::Query at_least(const std::vector<Xapian::Query>& parts, std::size_t m) {
  if (m >= parts.size()) return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
  std::vector<Xapian::Query> combos;
  // All subsets of size m (parts.size() <= kTieredUpTo, so at most 6).
  const unsigned n = static_cast<unsigned>(parts.size());
  for (unsigned mask = 0; mask < (1u << n); ++mask) {
    if (static_cast<std::size_t>(__builtin_popcount(mask)) != m) continue;
    std::vector<Xapian::Query> pick;
    for (unsigned i = 0; i < n; ++i) {
      if (mask & (1u << i)) pick.push_back(parts[i]);
    }
    combos.emplace_back(Xapian::Query::OP_AND, pick.begin(), pick.end());
  }
  return Xapian::Query(Xapian::Query::OP_OR, combos.begin(), combos.end());
}

// The free-text terms of a parsed query with their query frequency.
std::map<std::string, Xapian::termcount> text_terms(const Xapian::Query& q) {
  std::map<std::string, Xapian::termcount> out;
  for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t) ++out[*t];
  return out;
}

}  // namespace

Xapian::Query BuiltQuery::with_filters(const Xapian::Query& words, bool with_word_dates) const {
  std::vector<Xapian::Query> must;
  if (!filters.empty()) must.push_back(filters);
  if (with_word_dates && !word_dates.empty()) must.push_back(word_dates);
  Xapian::Query filter = all_of(must);
  if (words.empty() && filter.empty()) return Xapian::Query::MatchAll;
  if (words.empty()) return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0.0);
  if (filter.empty()) return words;
  return Xapian::Query(Xapian::Query::OP_FILTER, words, filter);
}

Xapian::Query BuiltQuery::matches(bool with_word_dates) const {
  if (!tiered()) return with_filters(ranked, with_word_dates);
  Xapian::Query most(Xapian::Query::OP_FILTER, ranked, most_words);
  return with_filters(Xapian::Query(Xapian::Query::OP_OR, all_words, most), with_word_dates);
}

// Boolean filters typed in the query (section:world), for the response.
void describe_query_filters(const std::vector<Xapian::Query>& syntax, BuiltQuery& built) {
  static const std::pair<std::string_view, const char*> kFields[] = {
      {schema::kSectionPrefix, "section"}, {schema::kSitePrefix, "site"},     {schema::kUrlPrefix, "url"},
      {schema::kSubjectPrefix, "subject"}, {schema::kLanguagePrefix, "lang"}};
  for (const auto& q : syntax) {
    for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
      const std::string term = *t;
      std::size_t upper = 0;
      while (upper < term.size() && term[upper] >= 'A' && term[upper] <= 'Z') ++upper;
      std::string_view prefix(term.data(), upper);
      for (const auto& [p, field] : kFields) {
        if (prefix != p) continue;
        std::string value = term.substr(upper);
        if (!value.empty() && value[0] == ':') value.erase(0, 1);
        built.applied.push_back({field, value, "query", "", "", false});
      }
    }
  }
}

Xapian::Query QueryBuilder::Impl::parse(const std::string& text, bool all_words, unsigned extra_flags) {
  auto& qp = parser;
  qp.set_default_op(all_words ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
  qp.set_stopper(all_words ? nullptr : &sentence_stopper());
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                         Xapian::QueryParser::FLAG_PURE_NOT | extra_flags;
  try {
    return or_exact_person_names(stems->widen(qp.parse_query(text, flags), qp));
  } catch (const Xapian::QueryParserError&) {
    // Like Omega: an unbalanced quote or bracket is read as plain words.
    try {
      return or_exact_person_names(stems->widen(qp.parse_query(text, 0), qp));
    } catch (const Xapian::QueryParserError& e) {
      throw QueryError(fmt::format("cannot parse the query: {}", e.get_msg()));
    }
  }
}

// A pasted text keeps its most distinctive terms: the highest query
// frequency times inverse document frequency in this archive.
Xapian::Query QueryBuilder::Impl::reduce(const Xapian::Query& words, std::vector<std::string>* kept_words) {
  const double n = std::max<double>(1, db.get_doccount());
  struct Scored {
    std::string term;
    Xapian::termcount wqf;
    double score;
  };
  std::vector<Scored> scored;
  for (const auto& [term, wqf] : text_terms(words)) {
    Xapian::doccount df = db.get_termfreq(term);
    if (df == 0) continue;
    scored.push_back({term, wqf, wqf * std::log((n + 1) / df)});
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.score != b.score ? a.score > b.score : a.term < b.term;
  });
  if (scored.size() > kPastedTerms) scored.resize(kPastedTerms);
  std::vector<Xapian::Query> parts;
  for (const auto& s : scored) {
    parts.emplace_back(s.term, s.wqf);
    std::string w = s.term[0] == 'Z' ? s.term.substr(1) : s.term;
    kept_words->push_back(w);
  }
  if (parts.empty()) return words;  // nothing in the archive: keep it as typed (no matches)
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

void QueryBuilder::Impl::add_request_filters(const SearchFilters& f, const Date& today, BuiltQuery& built,
                                       std::vector<Xapian::Query>& must) {
  auto add = [&](std::string_view field, std::string_view prefix, const std::string& raw, NormalisedField::Kind kind) {
    std::string value(util::trim(raw));
    if (value.empty()) throw QueryError(fmt::format("the {} filter is empty", field));
    NormalisedField normalise(prefix, kind);
    must.push_back(normalise(value));
    built.applied.push_back({std::string(field), value, "request", "", "", false});
  };
  using Kind = NormalisedField::Kind;
  for (const auto& v : f.sections) add("section", schema::kSectionPrefix, v, Kind::kLower);
  for (const auto& v : f.people) add("person", schema::kPersonFilter, v, Kind::kLower);
  for (const auto& v : f.authors) add("author", schema::kAuthorFilter, v, Kind::kLower);
  for (const auto& v : f.sites) add("site", schema::kSitePrefix, v, Kind::kHost);
  if (!f.date.empty()) {
    DateRange r = parse_date_field("date", f.date, today);
    must.push_back(date_filter(r, db));
    built.applied.push_back({"date", f.date, "request", iso(r.from), iso(r.to), false});
  }
}

BuiltQuery QueryBuilder::build(const std::string& raw, const SearchFilters& request_filters, const Date& today) {
  BuiltQuery built;
  std::string cleaned = clean_query(raw);
  check_limits(cleaned, impl_->limits);
  DateFilters dates = extract_date_filters(cleaned, today);
  built.text = dates.rest;

  std::vector<Xapian::Query> must;
  impl_->add_request_filters(request_filters, today, built, must);
  std::vector<Xapian::Query> from_words;
  for (std::size_t i = 0; i < dates.ranges.size(); ++i) {
    const DateRange& r = dates.ranges[i];
    const DateExpression& e = dates.expressions[i];
    (e.from_words ? from_words : must).push_back(date_filter(r, impl_->db));
    built.applied.push_back({e.field == "date" ? "date" : e.field, e.text, e.from_words ? "words" : "query",
                             iso(r.from), iso(r.to), false});
  }

  Xapian::Query words;
  std::vector<Xapian::Query> syntax;  // boolean filters typed in the query
  if (!util::trim(dates.rest).empty()) {
    const std::size_t n = count_free_words(dates.rest);
    built.sentence = n > kTieredUpTo;
    Xapian::Query parsed = impl_->parse(dates.rest, !built.sentence, 0);
    split_filters(parsed, &words, &syntax);
    if (n > kPastedWordsOver) {
      words = impl_->reduce(words, &built.reduced_terms);
    } else if (!built.sentence && n >= 2) {
      Xapian::Query any;
      std::vector<Xapian::Query> ignored;
      split_filters(impl_->parse(dates.rest, false, 0), &any, &ignored);
      if (any.get_type() == Xapian::Query::OP_OR && any.get_num_subqueries() >= 2 &&
          any.serialise() != words.serialise()) {
        std::vector<Xapian::Query> parts;
        for (std::size_t i = 0; i < any.get_num_subqueries(); ++i) parts.push_back(any.get_subquery(i));
        built.all_words = words;
        built.most_words = at_least(parts, parts.size() >= 3 ? parts.size() - 1 : parts.size());
        words = any;
      }
    }
  }
  describe_query_filters(syntax, built);
  must.insert(must.end(), syntax.begin(), syntax.end());
  built.ranked = words;
  built.has_text = has_weighted_terms(words) || dates.rest.find('*') != std::string::npos;
  built.filters = all_of(must);
  built.word_dates = all_of(from_words);
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
