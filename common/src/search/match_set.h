// The exact set of documents a query matches, as a docid bitset built from
// posting lists (terms and boolean operators; other parts are matched by
// Xapian), and counts over it that agree with the ranked list: one story
// per near-duplicate group. Counting this way costs a pass over the query's
// postings, not a weight for every match, so exact totals stay cheap.
// Local databases only (docids of remote shards are not addressable).
#pragma once

#include <bit>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace morgue {

// One bit per document number.
class DocSet {
 public:
  explicit DocSet(Xapian::docid last = 0) : words_(last / 64 + 1, 0) {}
  void set(Xapian::docid d) { words_[d / 64] |= std::uint64_t{1} << (d % 64); }
  bool contains(Xapian::docid d) const { return d / 64 < words_.size() && (words_[d / 64] >> (d % 64)) & 1; }
  void unite(const DocSet& o);
  void intersect(const DocSet& o);
  void subtract(const DocSet& o);
  void symmetric(const DocSet& o);
  std::size_t count() const;
  template <class F>
  void for_each(F&& f) const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
      for (std::uint64_t w = words_[i]; w; w &= w - 1) f(static_cast<Xapian::docid>(i * 64 + std::countr_zero(w)));
    }
  }

 private:
  std::vector<std::uint64_t> words_;
};

// The work an exact count may do (SearchRequest::count_budget): one unit per
// posting read and per document Xapian examines for the parts it matches
// itself (phrases, value ranges, wildcards). Once it is spent the set is
// partial and `cut` is set. The same query on the same archive spends the
// same whatever the machine's load, so whether a count is cut is decided
// by the work, never by the clock.
struct CountBudget {
  explicit CountBudget(std::uint64_t limit) : left(limit) {}
  std::uint64_t left;
  bool cut = false;
};

// The documents of `db` that `query` matches, as far as `budget` goes.
DocSet match_set(const Xapian::Database& db, const Xapian::Query& query, CountBudget& budget);

// The near-duplicate groups with a follower (schema::kSlotDupFollower) among
// some matches: only followers need a value read; every other story is its
// own group or a group's head (the story whose id is the group key).
class DupGroups {
 public:
  DupGroups(const Xapian::Database& db, const DocSet& matches);
  // Stories of `matches` the ranked list shows: one per group.
  std::size_t collapsed_count(const DocSet& matches) const;
  // The stories of `matches` beyond one per group (the head when it is
  // among them, else the first follower).
  DocSet extra_members(const DocSet& matches, Xapian::docid last) const;
  // The stories of `later` whose group has a story in `earlier` (a list in
  // tiers shows a group once, in its earlier tier).
  DocSet shown_earlier(const DocSet& earlier, const DocSet& later, Xapian::docid last) const;

 private:
  struct Group {
    Xapian::docid head = 0;                // 0: the head is gone from the archive
    std::vector<Xapian::docid> followers;  // among the matches given
  };
  std::unordered_map<std::string, Group> groups_;
};

}  // namespace morgue
