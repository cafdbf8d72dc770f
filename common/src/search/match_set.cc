#include "search/match_set.h"

#include <algorithm>

#include "morgue/schema.h"

namespace morgue {

void DocSet::unite(const DocSet& o) {
  for (std::size_t i = 0; i < words_.size() && i < o.words_.size(); ++i) words_[i] |= o.words_[i];
}
void DocSet::intersect(const DocSet& o) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= i < o.words_.size() ? o.words_[i] : 0;
}
void DocSet::subtract(const DocSet& o) {
  for (std::size_t i = 0; i < words_.size() && i < o.words_.size(); ++i) words_[i] &= ~o.words_[i];
}
void DocSet::symmetric(const DocSet& o) {
  for (std::size_t i = 0; i < words_.size() && i < o.words_.size(); ++i) words_[i] ^= o.words_[i];
}
std::size_t DocSet::count() const {
  std::size_t n = 0;
  for (auto w : words_) n += static_cast<std::size_t>(std::popcount(w));
  return n;
}

namespace {

// The documents Xapian matches for `q` (phrases, NEAR, value ranges,
// wildcards), examining at most what is left of the budget.
DocSet xapian_matches(const Xapian::Database& db, const Xapian::Query& q, Xapian::docid last, CountBudget& budget) {
  DocSet set(last);
  if (budget.left == 0) {
    budget.cut = true;
    return set;
  }
  // The MSet's own docids, not a MatchSpy's: over several shards a spy is
  // handed each shard's Document, whose get_docid() is the shard's own
  // number, not the archive's (phrase totals were wrong when sharded).
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const auto most = static_cast<Xapian::doccount>(std::min<std::uint64_t>(budget.left, db.get_doccount()));
  const Xapian::MSet found = enquire.get_mset(0, most, most);
  for (auto it = found.begin(); it != found.end(); ++it) set.set(*it);
  budget.left -= std::min<std::uint64_t>(budget.left, found.size());
  if (found.size() < found.get_matches_upper_bound()) budget.cut = true;
  return set;
}

DocSet evaluate(const Xapian::Database& db, const Xapian::Query& q, Xapian::docid last, CountBudget& budget) {
  auto fold = [&](auto&& combine) {
    DocSet set = evaluate(db, q.get_subquery(0), last, budget);
    for (std::size_t i = 1; i < q.get_num_subqueries(); ++i) combine(set, evaluate(db, q.get_subquery(i), last, budget));
    return set;
  };
  auto postings = [&](const std::string& term) {
    DocSet set(last);
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      if (budget.left == 0) {
        budget.cut = true;
        break;
      }
      --budget.left;
      set.set(*p);
    }
    return set;
  };
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM:
      return postings(*q.get_terms_begin());
    case Xapian::Query::LEAF_MATCH_ALL:
      return postings("");
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return DocSet(last);
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
      return fold([](DocSet& a, const DocSet& b) { a.unite(b); });
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
      return fold([](DocSet& a, const DocSet& b) { a.intersect(b); });
    case Xapian::Query::OP_AND_NOT:
      return fold([](DocSet& a, const DocSet& b) { a.subtract(b); });
    case Xapian::Query::OP_XOR:
      return fold([](DocSet& a, const DocSet& b) { a.symmetric(b); });
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      return evaluate(db, q.get_subquery(0), last, budget);
    default:
      // Phrases, NEAR, value ranges, wildcards: Xapian matches them.
      return xapian_matches(db, q, last, budget);
  }
}

}  // namespace

DocSet match_set(const Xapian::Database& db, const Xapian::Query& query, CountBudget& budget) {
  return evaluate(db, query, db.get_lastdocid(), budget);
}

DupGroups::DupGroups(const Xapian::Database& db, const DocSet& matches) {
  auto add = [&](Xapian::docid d, const std::string& key) {
    auto [it, fresh] = groups_.try_emplace(key);
    if (fresh) {
      const std::string id_term = schema::make_term(schema::kIdPrefix, key);
      auto head = db.postlist_begin(id_term);
      if (head != db.postlist_end(id_term)) it->second.head = *head;
    }
    it->second.followers.push_back(d);
  };
  const Xapian::valueno slot = schema::kSlotDupFollower;
  for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
    if (matches.contains(v.get_docid())) add(v.get_docid(), *v);
  }
  // Databases written before the follower slot: the follower term.
  const std::string follower(schema::kDupFollower);
  for (auto p = db.postlist_begin(follower); p != db.postlist_end(follower); ++p) {
    if (!matches.contains(*p)) continue;
    const Xapian::Document doc = db.get_document(*p);
    if (!doc.get_value(slot).empty()) continue;  // refiled since: counted above
    std::string key = doc.get_value(schema::kSlotDupGroup);
    if (!key.empty() && key != doc.get_value(schema::kSlotId)) add(*p, key);
  }
  // Each group's followers in docid order, whichever way they were found.
  for (auto& [key, g] : groups_) std::sort(g.followers.begin(), g.followers.end());
}

std::size_t DupGroups::collapsed_count(const DocSet& matches) const {
  std::size_t n = matches.count();
  for (const auto& [key, g] : groups_) {
    std::size_t members = g.head && matches.contains(g.head) ? 1 : 0;
    for (auto f : g.followers) members += matches.contains(f) ? 1 : 0;
    if (members > 1) n -= members - 1;
  }
  return n;
}

DocSet DupGroups::extra_members(const DocSet& matches, Xapian::docid last) const {
  DocSet out(last);
  for (const auto& [key, g] : groups_) {
    bool kept = g.head && matches.contains(g.head);
    for (auto f : g.followers) {
      if (!matches.contains(f)) continue;
      if (kept) out.set(f);
      kept = true;
    }
  }
  return out;
}

DocSet DupGroups::shown_earlier(const DocSet& earlier, const DocSet& later, Xapian::docid last) const {
  DocSet out(last);
  for (const auto& [key, g] : groups_) {
    bool in_earlier = g.head && earlier.contains(g.head);
    for (auto f : g.followers) in_earlier = in_earlier || earlier.contains(f);
    if (!in_earlier) continue;
    if (g.head && later.contains(g.head)) out.set(g.head);
    for (auto f : g.followers) {
      if (later.contains(f)) out.set(f);
    }
  }
  return out;
}

}  // namespace morgue
