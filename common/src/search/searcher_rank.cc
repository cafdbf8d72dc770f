// Ranking: the ranked passes of one list (the stories with every word, then
// those with most of them), feedback terms for sentences, recency blending.
#include <algorithm>
#include <chrono>
#include <cmath>

#include <xapian.h>

#include "morgue/schema.h"
#include "search/date_query.h"
#include "search/expansion.h"
#include "search/searcher_impl.h"

namespace morgue {
namespace {

// Sentences: feedback terms (search/expansion.h) reorder the first this
// many results.
constexpr Xapian::doccount kFeedbackRerank = 200;
// Relevance re-ranked with recency looks at this many top hits.
constexpr Xapian::doccount kRecencyWindow = 300;
// Share of the blended score that recency decides.
constexpr double kRecencyShare = 0.35;

// The stories a later tier must not list again (their near-duplicate group
// is listed in an earlier tier).
class ExcludeDocs : public Xapian::MatchDecider {
 public:
  explicit ExcludeDocs(const DocSet& docs) : docs_(docs) {}
  bool operator()(const Xapian::Document& doc) const override { return !docs_.contains(doc.get_docid()); }

 private:
  const DocSet& docs_;
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

}  // namespace morgue
