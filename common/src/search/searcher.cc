#include "morgue/search.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <future>
#include <optional>

#include <fmt/format.h>
#include <xapian.h>

#include "morgue/document.h"
#include "morgue/schema.h"
#include "search/date_query.h"
#include "search/facets.h"
#include "search/query_builder.h"
#include "search/spelling.h"
#include "shard/shard_set.h"
#include "util/strings.h"

namespace morgue {
namespace {

// Queries of up to this many words must match all of them; longer ones
// (pasted sentences) match any, best first.
constexpr std::size_t kAllWordsUpTo = 4;
// Relevance re-ranked with recency looks at this many top hits.
constexpr Xapian::doccount kRecencyWindow = 300;
// Share of the blended score that recency decides.
constexpr double kRecencyShare = 0.35;

Xapian::Database open_database(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw DatabaseError(fmt::format("no database at {} (create one with morgue-index)", path));
  }
  try {
    return Xapian::Database(path);
  } catch (const Xapian::Error& e) {
    throw DatabaseError(fmt::format("cannot open database {}: {}", path, e.get_msg()));
  }
}

// Query terms turned into what snippets highlight.
template <class TermIt>
SnippetTerms snippet_terms(TermIt begin, TermIt end) {
  static const std::string kFreeTextPrefixes[] = {std::string(schema::kTitlePrefix),
                                                  std::string(schema::kPersonPrefix),
                                                  std::string(schema::kAuthorPrefix), ""};
  SnippetTerms terms;
  for (auto t = begin; t != end; ++t) {
    std::string term = *t;
    bool stemmed = !term.empty() && term[0] == 'Z';
    if (stemmed) term.erase(0, 1);
    std::size_t upper = 0;
    while (upper < term.size() && term[upper] >= 'A' && term[upper] <= 'Z') ++upper;
    std::string prefix = term.substr(0, upper);
    if (std::find(std::begin(kFreeTextPrefixes), std::end(kFreeTextPrefixes), prefix) == std::end(kFreeTextPrefixes)) {
      continue;  // a filter term (section, person id, date...): nothing to highlight
    }
    std::string word = term.substr(upper);
    if (!word.empty() && word[0] == ':') word.erase(0, 1);
    if (word.empty()) continue;
    auto& list = stemmed ? terms.stems : terms.words;
    if (std::find(list.begin(), list.end(), word) == list.end()) list.push_back(word);
  }
  return terms;
}

bool has_wildcard(const Xapian::Query& q) {
  if (q.get_type() == Xapian::Query::OP_WILDCARD) return true;
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
    if (has_wildcard(q.get_subquery(i))) return true;
  }
  return false;
}

double recency(const Xapian::Document& doc, double today_days, int half_life) {
  std::string v = doc.get_value(schema::kSlotDayNumber);
  if (v.empty()) return 0;
  double age = std::max(0.0, today_days - Xapian::sortable_unserialise(v));
  return std::pow(0.5, age / half_life);
}

double day_number(const Date& d) {
  using namespace std::chrono;
  return static_cast<double>(sys_days(year_month_day(year(d.year), month(static_cast<unsigned>(d.month)),
                                                     day(static_cast<unsigned>(d.day))))
                                 .time_since_epoch()
                                 .count());
}

}  // namespace

struct Searcher::Impl {
  std::string path;
  Xapian::Database db;
  // Set when path is a stub listing shards: db is then the union of those
  // that answer (shard/shard_set.h).
  std::unique_ptr<ShardSet> shards;

  // Local archives count facets on a handle of their own, in a thread of
  // their own, while the ranked pass runs, through a FacetTable when it pays
  // (count_facets_local). Only that thread touches this state.
  struct FacetState {
    std::optional<Xapian::Database> db;
    std::unique_ptr<FacetTable> table;
    unsigned passes = 0;  // facet counts on the current revision
    bool stale = false;   // the main handle moved on: reopen this one too
  } facet;

  bool all_local() const { return !shards || !shards->has_remote(); }
  // Called whenever `db` was reopened or replaced.
  void reopened() { facet.stale = true; }
  SearchResponse run(const SearchRequest& req);
  Facets count_facets_local(const std::string& serialised_query, const SearchRequest& req);
  Xapian::MSet match(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount count,
                     Xapian::doccount check_at_least);
};

Searcher::Searcher(const std::string& db_path) : Searcher(db_path, OpenOptions{}) {}

Searcher::Searcher(const std::string& db_path, const OpenOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->path = db_path;
  if (auto stub = stub_file(db_path)) {
    impl_->shards = std::make_unique<ShardSet>(*stub, options);
    impl_->db = impl_->shards->database();
  } else {
    impl_->db = open_database(db_path);
  }
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

std::size_t Searcher::document_count() const { return impl_->db.get_doccount(); }

bool Searcher::reopen() {
  try {
    if (impl_->shards) {
      bool changed = impl_->shards->reopen();
      impl_->db = impl_->shards->database();
      impl_->reopened();
      return changed;
    }
    impl_->reopened();
    return impl_->db.reopen();
  } catch (const Xapian::Error& e) {
    throw DatabaseError(fmt::format("cannot reopen database {}: {}", impl_->path, e.get_msg()));
  }
}

std::optional<Article> Searcher::article(const std::string& id) {
  std::string term = schema::make_term(schema::kIdPrefix, id);
  try {
    for (int attempt = 0;; ++attempt) {
      try {
        auto p = impl_->db.postlist_begin(term);
        if (p == impl_->db.postlist_end(term)) return std::nullopt;
        return article_from_document(impl_->db.get_document(*p));
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt > 2) throw;
        impl_->db.reopen();
        impl_->reopened();
      }
    }
  } catch (const Xapian::Error& e) {
    throw DatabaseError(fmt::format("cannot read database {}: {}", impl_->path, e.get_msg()));
  }
}

SearchResponse Searcher::search(const SearchRequest& request) {
  if (impl_->shards && impl_->shards->retry_down()) {
    impl_->db = impl_->shards->database();
    impl_->reopened();
  }
  for (int attempt = 0;; ++attempt) {
    try {
      SearchResponse response = impl_->run(request);
      if (impl_->shards) {
        for (auto& warning : impl_->shards->warnings()) response.warnings.push_back(std::move(warning));
      }
      return response;
    } catch (const Xapian::DatabaseModifiedError&) {
      // The indexer committed twice while we read: start again on the new revision.
      if (attempt > 2) throw DatabaseError("the database changed too often during the search; try again");
      impl_->db.reopen();
      impl_->reopened();
    } catch (const Xapian::WildcardError&) {
      throw QueryError("a wildcard matches too many words; type more letters before the *");
    } catch (const Xapian::DatabaseError& e) {
      throw DatabaseError(fmt::format("database {}: {}", impl_->path, e.get_msg()));
    } catch (const Xapian::DocNotFoundError& e) {
      // A damaged term list can name a document that is not there.
      throw DatabaseError(fmt::format("database {} is damaged: {}", impl_->path, e.get_msg()));
    } catch (const Xapian::NetworkError& e) {
      // One remote shard failing fails Xapian's whole search: reconnect,
      // keep the shards that answer and ask them again (recover() throws
      // in strict mode or when no shard is left).
      if (!impl_->shards || attempt > 2) throw DatabaseError(fmt::format("remote shard: {}", e.get_msg()));
      impl_->shards->recover(e.get_msg());
      impl_->db = impl_->shards->database();
      impl_->reopened();
    }
  }
}

Xapian::MSet Searcher::Impl::match(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount count,
                                   Xapian::doccount check_at_least) {
  return enquire.get_mset(first, count, check_at_least);
}

namespace {

// Facets count every match, so they come from a pass of their own with
// boolean weighting: no scores to compute, no collapsing, and the ranked
// pass keeps Xapian's early termination. Values are read through Xapian's
// match spies, which also works through remote shards.
Facets count_facets_by_value(const Xapian::Database& db, const Xapian::Query& query, const SearchRequest& req) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  if (req.time_limit_seconds > 0) enquire.set_time_limit(req.time_limit_seconds);
  FacetCollector facets;
  facets.attach(enquire);
  enquire.get_mset(0, 0, db.get_doccount());
  return facets.collect(req.facet_top);
}

}  // namespace

Facets Searcher::Impl::count_facets_local(const std::string& serialised_query, const SearchRequest& req) {
  if (facet.stale && facet.db) {
    if (facet.db->reopen()) {
      facet.table.reset();
      facet.passes = 0;
    }
  }
  facet.stale = false;
  if (!facet.db) facet.db.emplace(path);
  const Xapian::Query query = Xapian::Query::unserialise(serialised_query);
  // Building the table reads three values of every story in docid order,
  // about a quarter of what counting one match through value spies costs
  // (measured on 100,000 stories): worth it from the second count on a
  // revision, or at once when the query matches a quarter of the archive or
  // more (Xapian's estimate, from term frequencies).
  //
  // Tables are for a single database: a stub's shards share one docid space
  // only through Xapian's interleaving, and Xapian 1.4 hands match spies the
  // shard's own docid, so shards are counted by value.
  if (!facet.table && !shards) {
    bool build = facet.passes++ >= 1;
    if (!build) {
      Xapian::Enquire probe(*facet.db);
      probe.set_query(query);
      probe.set_weighting_scheme(Xapian::BoolWeight());
      build = probe.get_mset(0, 0).get_matches_estimated() * 4 >= facet.db->get_doccount();
    }
    if (build) facet.table = std::make_unique<FacetTable>(*facet.db);
  }
  if (!facet.table) return count_facets_by_value(*facet.db, query, req);
  return facets_from_counts(facet.table->count(*facet.db, query, req.facet_top, req.time_limit_seconds),
                            req.facet_top);
}

SearchResponse Searcher::Impl::run(const SearchRequest& req) {
  SearchResponse response;
  response.query = req.query;
  response.offset = req.offset;
  response.limit = req.limit;
  const Date today = req.today ? *req.today : today_utc();

  QueryBuilder builder(db, QueryLimits{});
  std::size_t words = QueryBuilder::plain_words(req.query).size();
  BuiltQuery built = builder.build(req.query, today, words <= kAllWordsUpTo);

  // Facets of a local archive are counted in parallel with the ranked pass.
  std::future<Facets> facets;
  auto start_facets = [&] {
    if (!req.facets || !all_local()) return;
    facets = std::async(std::launch::async, [this, query = built.query.serialise(), &req] {
      return count_facets_local(query, req);
    });
  };
  start_facets();

  Xapian::Enquire enquire(db);
  enquire.set_query(built.query);
  if (!req.all_versions) enquire.set_collapse_key(schema::kSlotDupGroup);
  const bool pure_filter = !built.has_text;
  SortOrder sort = req.sort;
  if (sort == SortOrder::kRelevance && pure_filter) sort = SortOrder::kNewest;
  if (sort == SortOrder::kNewest) enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
  if (sort == SortOrder::kOldest) enquire.set_sort_by_value_then_relevance(schema::kSlotDate, false);
  const bool blend_recency = req.recent_half_life_days > 0 && sort == SortOrder::kRelevance;

  if (req.time_limit_seconds > 0) enquire.set_time_limit(req.time_limit_seconds);
  const Xapian::doccount check = 0;
  const auto offset = static_cast<Xapian::doccount>(std::min<std::size_t>(req.offset, 1u << 30));
  const auto limit = static_cast<Xapian::doccount>(std::min<std::size_t>(req.limit, 1000));

  Xapian::MSet mset = blend_recency ? match(enquire, 0, std::max(kRecencyWindow, offset + limit), check)
                                    : match(enquire, offset, limit, check);
  if (mset.empty() && built.all_words && words > 1 && offset == 0) {
    // Nothing has every word: fall back to any word, best first, and say so.
    built = builder.build(req.query, today, false);
    if (facets.valid()) facets.wait();  // counted the query that matched nothing
    start_facets();
    enquire.set_query(built.query);
    mset = blend_recency ? match(enquire, 0, std::max(kRecencyWindow, offset + limit), check)
                         : match(enquire, offset, limit, check);
    if (!mset.empty()) response.warnings.push_back("no story has all the words; showing stories with some of them");
  }
  response.total = mset.get_matches_estimated();

  struct Ranked {
    Xapian::MSetIterator it;
    double score;
  };
  std::vector<Ranked> ranked;
  const double top_weight = mset.empty() ? 0 : mset.begin().get_weight();
  const double today_days = day_number(today);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    double score = it.get_weight();
    if (blend_recency) {
      double relevance = top_weight > 0 ? score / top_weight : 0;
      score = (1 - kRecencyShare) * relevance +
              kRecencyShare * recency(it.get_document(), today_days, req.recent_half_life_days);
    }
    ranked.push_back({it, score});
  }
  if (blend_recency) {
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.score > b.score; });
    std::size_t from = std::min<std::size_t>(offset, ranked.size());
    std::size_t to = std::min<std::size_t>(from + limit, ranked.size());
    ranked = std::vector<Ranked>(ranked.begin() + static_cast<std::ptrdiff_t>(from),
                                 ranked.begin() + static_cast<std::ptrdiff_t>(to));
  }

  // One batch for all hits' documents (matters for remote shards). Xapian
  // 1.4's MSet::fetch() crashes on a remote MSet that starts past the first
  // hit, so later pages fetch hit by hit.
  if (offset == 0 && !blend_recency) mset.fetch();
  // What to highlight: the query's own terms, which a story's text either
  // holds or not; only wildcards need the words each hit matched (reading
  // every hit's term list, which is what a one-shot search spent most on).
  const Xapian::Query& query = enquire.get_query();
  const bool per_hit_terms = has_wildcard(query);
  const SnippetTerms query_terms =
      per_hit_terms ? SnippetTerms{} : snippet_terms(query.get_unique_terms_begin(), query.get_unique_terms_end());
  std::size_t rank = req.offset;
  for (const auto& r : ranked) {
    Hit hit;
    Xapian::Document doc = r.it.get_document();
    hit.article = article_from_document(doc);
    hit.id = doc.get_value(schema::kSlotId);
    if (hit.id.empty()) {  // databases indexed before the id slot existed
      auto t = doc.termlist_begin();
      t.skip_to(std::string(schema::kIdPrefix));
      if (t != doc.termlist_end() && (*t).rfind(schema::kIdPrefix, 0) == 0) hit.id = (*t).substr(schema::kIdPrefix.size());
    }
    hit.rank = rank++;
    hit.score = r.score;
    hit.versions = req.all_versions ? 1 : static_cast<std::size_t>(r.it.get_collapse_count()) + 1;
    hit.snippet = make_snippet(hit.article.body,
                               per_hit_terms ? snippet_terms(enquire.get_matching_terms_begin(r.it),
                                                             enquire.get_matching_terms_end(r.it))
                                             : query_terms,
                               req.snippet);
    hit.article.body.clear();
    response.hits.push_back(std::move(hit));
  }
  if (shards && shards->has_remote() && !req.all_versions && !ranked.empty()) {
    std::vector<std::string> keys;
    for (const auto& r : ranked) keys.push_back(r.it.get_collapse_key());
    auto versions = count_versions(db, enquire.get_query(), schema::kSlotDupGroup, keys);
    for (std::size_t i = 0; i < response.hits.size(); ++i) response.hits[i].versions = versions[i];
  }
  if (req.facets) response.facets = facets.valid() ? facets.get() : count_facets_by_value(db, built.query, req);
  if (built.has_text && response.total < 3) response.suggestion = suggest_spelling(db, built.text);
  return response;
}

}  // namespace morgue
