#include "morgue/search.h"

#include <chrono>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <deque>
#include <future>
#include <limits>
#include <unordered_set>
#include <optional>

#include <fmt/format.h>
#include <xapian.h>

#include "morgue/document.h"
#include "morgue/schema.h"
#include "search/date_query.h"
#include "search/expansion.h"
#include "search/facets.h"
#include "search/match_set.h"
#include "search/query_builder.h"
#include "search/spelling.h"
#include "shard/shard_set.h"
#include "store/file_state.h"
#include "util/strings.h"

namespace morgue {
namespace {

// Sentences: feedback terms (search/expansion.h) reorder the first this
// many results.
constexpr Xapian::doccount kFeedbackRerank = 200;
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

// A page of hits gathered from one or two ranked passes (tiers).
struct Pass {
  Xapian::Enquire enquire;
  Xapian::MSet mset;
  bool all_words = true;
  explicit Pass(const Xapian::Database& db) : enquire(db) {}
};

// The stories a later tier must not list again (their near-duplicate group
// is listed in an earlier tier).
class ExcludeDocs : public Xapian::MatchDecider {
 public:
  explicit ExcludeDocs(const DocSet& docs) : docs_(docs) {}
  bool operator()(const Xapian::Document& doc) const override { return !docs_.contains(doc.get_docid()); }

 private:
  const DocSet& docs_;
};

struct Ranked {
  const Pass* pass;
  Xapian::MSetIterator it;
  double score;
};

// BM25 with the parameters tuned on the four judged collections at once
// (docs/benchmarks.md, "Ranking against Omega"): k1 = 2 (term frequency
// saturates later than Xapian's default 1) and b = 0.75 (more length
// normalisation than the default 0.5). Mean MAP ratio to Omega 1.09 against
// 1.03 with the defaults; k1 1.2-1.5 and b 0.5-0.9 were tried.
Xapian::BM25Weight ranking_weight() { return Xapian::BM25Weight(2.0, 0, 1, 0.75, 0.5); }

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
  // db is the caller's (Searcher(const Xapian::Database&)): no path to open
  // the facet thread's own handle from, so facets are counted on this thread.
  bool caller_handle = false;

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
  // The hits of one page, the passes they came from, and the counts.
  struct Page {
    std::deque<Pass> passes;    // stable addresses: hits point into them
    std::vector<Ranked> ranked;  // the page's hits, in order
    std::size_t total = 0, total_all_words = 0;
    bool exact = true;
    bool count_cut = false;      // the count budget ran out: totals are Xapian's (exact if it saw every match)
    bool with_word_dates = true;
    Xapian::Query facet_query;   // every match of the list (all tiers)
    std::future<Facets> facets;
  };

  // One ranked pass of a list: every word, or most of them.
  struct Tier {
    Xapian::Query ranked;   // what the pass ranks (with feedback for sentences)
    Xapian::Query matches;  // what it matches
    bool all_words;
  };
  SearchResponse run(const SearchRequest& req);
  // False when the count budget ran out (counts are then not filled in).
  bool count_tiers(const std::vector<Tier>& tiers, const SearchRequest& req, std::vector<std::size_t>& counts,
                   DocSet& shown_earlier) const;
  Page rank(const BuiltQuery& built, bool with_word_dates, const SearchRequest& req);
  void configure(Xapian::Enquire& enquire, const Xapian::Query& query, const BuiltQuery& built,
                 const SearchRequest& req) const;
  void blend_recency(Page& page, const SearchRequest& req, Xapian::doccount offset, Xapian::doccount limit) const;
  void fill_hits(Page& page, const BuiltQuery& built, const SearchRequest& req, SearchResponse& response);
  void rank_with_feedback(Page& page, const Tier& tier, const BuiltQuery& built, const SearchRequest& req,
                          Xapian::doccount start, Xapian::doccount size);
  void like(const std::string& id, BuiltQuery& built);
  Facets count_facets_local(const std::string& serialised_query, const SearchRequest& req);
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

Searcher::Searcher(const Xapian::Database& db) : impl_(std::make_unique<Impl>()) {
  impl_->path = db.get_description();  // names the database in errors
  impl_->db = db;
  impl_->caller_handle = true;
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

std::size_t Searcher::document_count() const { return impl_->db.get_doccount(); }

std::vector<std::string> Searcher::source_roots() const {
  try {
    return decode_roots(impl_->db.get_metadata(std::string(schema::kRootsKey)));
  } catch (const Xapian::Error&) {
    return {};  // a remote shard that cannot say: sources become file names
  }
}

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

namespace {

// Facets count every match, so they come from a pass of their own with
// boolean weighting: no scores to compute, no collapsing, and the ranked
// pass keeps Xapian's early termination. Values are read through Xapian's
// match spies, which also works through remote shards.
// SearchRequest::deadline: throws once it has passed.
void check_deadline(const SearchRequest& req, const char* stage) {
  if (req.deadline && std::chrono::steady_clock::now() > *req.deadline) {
    throw DeadlineExceeded(std::string("time limit passed ") + stage);
  }
}

// SearchRequest::count_budget as a number of units (0: no limit).
std::uint64_t budget_of(const SearchRequest& req) {
  return req.count_budget == 0 ? std::numeric_limits<std::uint64_t>::max() : req.count_budget;
}

Facets count_facets_by_value(const Xapian::Database& db, const Xapian::Query& query, const SearchRequest& req,
                             bool collapse_local) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  // One story per near-duplicate group, as the ranked list counts them
  // (not possible through remote shards: see FacetCollector).
  FacetCollector facets(!req.all_versions && collapse_local);
  facets.attach(enquire);
  // Xapian examines up to the budget's number of matches, then estimates.
  const auto check = static_cast<Xapian::doccount>(std::min<std::uint64_t>(budget_of(req), db.get_doccount()));
  Xapian::MSet mset = enquire.get_mset(0, 0, check);
  Facets out = facets.collect(req.facet_top);
  out.partial = mset.get_matches_lower_bound() != mset.get_matches_upper_bound();
  return out;
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
  if (!facet.table) return count_facets_by_value(*facet.db, query, req, true);
  return facets_from_counts(
      facet.table->count(*facet.db, query, req.facet_top, budget_of(req), !req.all_versions),
      req.facet_top);
}


// A sentence's list: its first kFeedbackRerank results reordered with
// feedback terms (only those stories are weighted again, which keeps the
// cost of twenty more terms off the rest of the archive), then the rest in
// their plain order. Adds the window [start, start + size) to the page.
void Searcher::Impl::rank_with_feedback(Page& page, const Tier& tier, const BuiltQuery& built,
                                        const SearchRequest& req, Xapian::doccount start, Xapian::doccount size) {
  Pass& head = page.passes.emplace_back(db);
  configure(head.enquire, tier.ranked, built, req);
  head.mset = head.enquire.get_mset(0, kFeedbackRerank);
  const auto n = static_cast<Xapian::doccount>(head.mset.size());
  Xapian::Query expanded = feedback_query(db, head.mset, built.ranked);
  const Pass* first_part = &head;
  if (!expanded.empty() && start < n) {
    std::vector<Xapian::Query> ids;
    head.mset.fetch();
    for (auto it = head.mset.begin(); it != head.mset.end(); ++it) {
      ids.emplace_back(schema::make_term(schema::kIdPrefix, it.get_document().get_value(schema::kSlotId)));
    }
    Xapian::Query top(Xapian::Query::OP_OR, ids.begin(), ids.end());
    Pass& again = page.passes.emplace_back(db);
    configure(again.enquire,
              Xapian::Query(Xapian::Query::OP_FILTER, built.with_filters(expanded, page.with_word_dates), top), built,
              req);
    again.mset = again.enquire.get_mset(0, n);
    first_part = &again;
  }
  const Xapian::doccount end = start + size;
  for (auto it = first_part->mset.begin(); it != first_part->mset.end(); ++it) {
    const auto rank = static_cast<Xapian::doccount>(it.get_rank());
    if (rank >= start && rank < end) page.ranked.push_back({first_part, it, it.get_weight()});
  }
  if (end > n && n == kFeedbackRerank) {
    Pass& rest = page.passes.emplace_back(db);
    configure(rest.enquire, tier.ranked, built, req);
    const Xapian::doccount from = std::max(start, n);
    rest.mset = rest.enquire.get_mset(from, end - from);
    for (auto it = rest.mset.begin(); it != rest.mset.end(); ++it) page.ranked.push_back({&rest, it, it.get_weight()});
  }
}

// "More like this": the story's most telling terms (Xapian's ESet over it).
void Searcher::Impl::like(const std::string& id, BuiltQuery& built) {
  const std::string id_term = schema::make_term(schema::kIdPrefix, id);
  auto p = db.postlist_begin(id_term);
  if (p == db.postlist_end(id_term)) throw QueryError(fmt::format("no story with id {}", id));
  Xapian::Query similar = like_query(db, *p);
  if (similar.empty()) similar = Xapian::Query(id_term);
  // The query's own words, if any, narrow the similar stories down.
  if (!built.ranked.empty()) similar = Xapian::Query(Xapian::Query::OP_FILTER, similar, built.ranked);
  // Not the story itself, nor another version of it (its near-duplicate group).
  Xapian::Query itself(id_term);
  const std::string group = db.get_document(*p).get_value(schema::kSlotDupGroup);
  if (!group.empty()) {
    itself = Xapian::Query(Xapian::Query::OP_OR, itself,
                           Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDupGroup, group, group));
  }
  built.ranked = Xapian::Query(Xapian::Query::OP_AND_NOT, similar, itself);
  built.all_words = built.most_words = Xapian::Query();
  built.sentence = false;
  built.has_text = true;
}

void Searcher::Impl::configure(Xapian::Enquire& enquire, const Xapian::Query& query, const BuiltQuery& built,
                               const SearchRequest& req) const {
  enquire.set_query(query);
  enquire.set_weighting_scheme(ranking_weight());
  if (!req.all_versions) enquire.set_collapse_key(schema::kSlotDupGroup);
  SortOrder sort = req.sort;
  if (sort == SortOrder::kRelevance && !built.has_text) sort = SortOrder::kNewest;
  if (sort == SortOrder::kNewest) enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
  if (sort == SortOrder::kOldest) enquire.set_sort_by_value_then_relevance(schema::kSlotDate, false);
}

// One ranked list over up to two passes: for a tiered query, the stories
// with every word, then those with most of them. Counts are exact up to
// kExactCountUpTo matches (Xapian checks that many before estimating).
Searcher::Impl::Page Searcher::Impl::rank(const BuiltQuery& built, bool with_word_dates, const SearchRequest& req) {
  Page page;
  page.with_word_dates = with_word_dates;
  page.facet_query = built.matches(with_word_dates);
  std::vector<Tier> tiers;
  if (built.tiered()) {
    Xapian::Query most(Xapian::Query::OP_FILTER, built.ranked, built.most_words);
    Xapian::Query all = built.with_filters(built.all_words, with_word_dates);
    Xapian::Query rest = built.with_filters(Xapian::Query(Xapian::Query::OP_AND_NOT, most, built.all_words),
                                            with_word_dates);
    tiers = {{all, all, true}, {rest, rest, false}};
  } else {
    tiers = {{page.facet_query, page.facet_query, true}};
  }
  if (req.facets && all_local() && !caller_handle) {
    page.facets = std::async(std::launch::async, [this, query = page.facet_query.serialise(), &req] {
      return count_facets_local(query, req);
    });
  }
  // Exact counts from the posting lists on local archives; through remote
  // shards, Xapian's count (exact when it had to look at every match).
  // Past the count budget, Xapian's estimate as for remote shards.
  std::vector<std::size_t> counts;
  DocSet shown_earlier;
  const bool local = all_local() && count_tiers(tiers, req, counts, shown_earlier);
  page.count_cut = all_local() && !local;

  const bool blend = req.recent_half_life_days > 0 && req.sort == SortOrder::kRelevance && built.has_text;
  const auto offset = static_cast<Xapian::doccount>(std::min<std::size_t>(req.offset, 1u << 30));
  const auto limit = static_cast<Xapian::doccount>(std::min<std::size_t>(req.limit, 1000));
  const Xapian::doccount from = blend ? 0 : offset;
  const Xapian::doccount count = blend ? std::max(kRecencyWindow, offset + limit) : limit;
  std::size_t before = 0;  // matches in earlier tiers
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    // This tier's part of the window [from, from + count) of the whole list.
    const Xapian::doccount start = from > before ? static_cast<Xapian::doccount>(from - before) : 0;
    const Xapian::doccount end = from + count > before ? static_cast<Xapian::doccount>(from + count - before) : 0;
    const Xapian::doccount size = end > start ? end - start : 0;
    std::size_t matches = local ? counts[i] : 0;
    const bool feedback = built.sentence && req.sort == SortOrder::kRelevance && local;
    if (feedback && size > 0 && start < matches) {
      rank_with_feedback(page, tiers[i], built, req, start, size);
    } else if (!local || (size > 0 && start < matches)) {
      Pass& pass = page.passes.emplace_back(db);
      pass.all_words = tiers[i].all_words;
      configure(pass.enquire, tiers[i].ranked, built, req);
      // A near-duplicate group is listed once, in its earlier tier.
      ExcludeDocs decider(shown_earlier);
      pass.mset = pass.enquire.get_mset(start, size, local ? 0 : start + size + 1, nullptr,
                                        local && i > 0 ? &decider : nullptr);
      if (!local) {
        matches = pass.mset.get_matches_estimated();
        if (pass.mset.get_matches_lower_bound() != pass.mset.get_matches_upper_bound()) page.exact = false;
      }
      for (auto it = pass.mset.begin(); it != pass.mset.end(); ++it) page.ranked.push_back({&pass, it, it.get_weight()});
    }
    if (tiers[i].all_words) page.total_all_words += matches;
    before += matches;
  }
  page.total = before;
  if (blend) blend_recency(page, req, offset, limit);
  return page;
}

bool Searcher::Impl::count_tiers(const std::vector<Tier>& tiers, const SearchRequest& req,
                                 std::vector<std::size_t>& counts, DocSet& shown_earlier) const {
  std::vector<DocSet> sets;
  CountBudget budget(budget_of(req));
  for (const auto& tier : tiers) sets.push_back(match_set(db, tier.matches, budget));
  if (budget.cut) return false;
  if (req.all_versions) {
    for (const auto& set : sets) counts.push_back(set.count());
    return true;
  }
  DocSet all = sets[0];
  for (std::size_t i = 1; i < sets.size(); ++i) all.unite(sets[i]);
  DupGroups groups(db, all);
  if (sets.size() > 1) {
    shown_earlier = groups.shown_earlier(sets[0], sets[1], db.get_lastdocid());
    sets[1].subtract(shown_earlier);
  }
  for (const auto& set : sets) counts.push_back(groups.collapsed_count(set));
  return true;
}

void Searcher::Impl::blend_recency(Page& page, const SearchRequest& req, Xapian::doccount offset,
                                   Xapian::doccount limit) const {
  const Date today = req.today ? *req.today : today_utc();
  const double today_days = day_number(today);
  double top = 0;
  for (const auto& r : page.ranked) top = std::max(top, r.score);
  for (auto& r : page.ranked) {
    double relevance = top > 0 ? r.score / top : 0;
    r.score = (1 - kRecencyShare) * relevance +
              kRecencyShare * recency(r.it.get_document(), today_days, req.recent_half_life_days);
  }
  // Stories with every word stay ahead of those with most of them.
  std::stable_sort(page.ranked.begin(), page.ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.pass->all_words != b.pass->all_words) return a.pass->all_words;
    return a.score > b.score;
  });
  std::size_t from = std::min<std::size_t>(offset, page.ranked.size());
  std::size_t to = std::min<std::size_t>(from + limit, page.ranked.size());
  page.ranked = std::vector<Ranked>(page.ranked.begin() + static_cast<std::ptrdiff_t>(from),
                                    page.ranked.begin() + static_cast<std::ptrdiff_t>(to));
}

void Searcher::Impl::fill_hits(Page& page, const BuiltQuery& built, const SearchRequest& req,
                               SearchResponse& response) {
  // One batch for all hits' documents (matters for remote shards). Xapian
  // 1.4's MSet::fetch() crashes on a remote MSet that starts past the first
  // hit, so later pages fetch hit by hit.
  if (req.offset == 0 && req.recent_half_life_days == 0) {
    for (auto& pass : page.passes) pass.mset.fetch();
  }
  // What to highlight: the query's own terms, which a story's text either
  // holds or not; only wildcards need the words each hit matched.
  Xapian::Query words = built.all_words.empty() ? built.ranked
                                                : Xapian::Query(Xapian::Query::OP_OR, built.ranked, built.all_words);
  const bool per_hit_terms = has_wildcard(words);
  const SnippetTerms query_terms =
      per_hit_terms ? SnippetTerms{} : snippet_terms(words.get_unique_terms_begin(), words.get_unique_terms_end());
  std::size_t rank = req.offset;
  for (const auto& r : page.ranked) {
    check_deadline(req, "while reading hits");
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
    hit.all_words = r.pass->all_words;
    hit.versions = req.all_versions ? 1 : static_cast<std::size_t>(r.it.get_collapse_count()) + 1;
    const Xapian::Enquire& enquire = r.pass->enquire;
    SnippetOptions snippet = req.snippet;
    snippet.language = hit.article.language;
    hit.snippet = make_snippet(hit.article.body,
                               per_hit_terms ? snippet_terms(enquire.get_matching_terms_begin(r.it),
                                                             enquire.get_matching_terms_end(r.it))
                                             : query_terms,
                               snippet);
    hit.article.body.clear();
    response.hits.push_back(std::move(hit));
  }
  if (shards && shards->has_remote() && !req.all_versions) {
    for (std::size_t i = 0; i < page.ranked.size(); ++i) {
      const Pass& pass = *page.ranked[i].pass;
      auto versions = count_versions(db, pass.enquire.get_query(), schema::kSlotDupGroup,
                                     {page.ranked[i].it.get_collapse_key()});
      response.hits[i].versions = versions.at(0);
    }
  }
}

SearchResponse Searcher::Impl::run(const SearchRequest& req) {
  SearchResponse response;
  response.query = req.query;
  response.offset = req.offset;
  response.limit = req.limit;
  const Date today = req.today ? *req.today : today_utc();

  QueryBuilder builder(db, QueryLimits{});
  BuiltQuery built = builder.build(req.query, req.filters, today);
  if (!req.like_id.empty()) like(req.like_id, built);
  response.reduced_terms = built.reduced_terms;

  Page page = rank(built, true, req);
  if (page.total == 0 && !built.word_dates.empty()) {
    // A period read from plain words ("last month") that leaves nothing:
    // search all dates and say so.
    std::vector<std::string> periods;
    for (auto& f : built.applied) {
      if (f.origin != "words") continue;
      f.dropped = true;
      periods.push_back(f.value);
    }
    // One facet count at a time: they share the facet handle and table.
    if (page.facets.valid()) page.facets.wait();
    page = rank(built, false, req);
    response.warnings.push_back(fmt::format("nothing from {}; showing all dates", util::join(periods, ", ")));
  }
  if (page.total == 0 && built.tiered()) {
    // Nothing has most of the words: any word, best first, and say so.
    built.all_words = built.most_words = Xapian::Query();
    if (page.facets.valid()) page.facets.wait();
    page = rank(built, page.with_word_dates, req);
    if (page.total > 0) response.warnings.push_back("no story has all the words; showing stories with some of them");
  }
  check_deadline(req, "while matching");
  response.filters = built.applied;
  response.total = page.total;
  response.total_exact = page.exact;
  response.total_all_words = page.total_all_words;
  if (page.count_cut && !page.exact) {
    response.warnings.push_back(fmt::format(
        "too many matches to count exactly (the count budget is {} postings): the total is an estimate",
        req.count_budget));
  }
  fill_hits(page, built, req, response);
  if (req.facets) {
    check_deadline(req, "before facets");
    response.facets = page.facets.valid() ? page.facets.get()
                                           : count_facets_by_value(db, page.facet_query, req, all_local());
    if (response.facets->partial) {
      response.warnings.push_back(fmt::format(
          "too many matches to count for the facets (the count budget is {} postings): they cover part of the matches",
          req.count_budget));
    }
  }
  check_deadline(req, "before spelling");
  if (built.has_text && response.total < 3) response.suggestion = suggest_spelling(db, built.text);
  return response;
}

}  // namespace morgue
