// Facets over a whole result set. Two ways to count, with the same answer:
// - FacetCollector: Xapian's built-in ValueCountMatchSpy, which also works
//   through xapian-tcpsrv (remote shards);
// - FacetTable: the three facet slots copied once into docid-indexed arrays,
//   so counting a match costs a few array increments instead of three value
//   reads and string-keyed map updates (local databases; built per revision).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "morgue/search.h"

namespace morgue {

// Counts by value, merged into Facets (top N lists, timeline by month or year).
struct FacetCounts {
  std::map<std::string, std::size_t> sections, people, months;  // months as "YYYYMM"
  bool partial = false;  // counted over part of the matches: the count budget was spent
};
Facets facets_from_counts(const FacetCounts& counts, std::size_t top);

class FacetCollector {
 public:
  // `collapse`: count one story per near-duplicate group (kSlotDupGroup), as
  // the ranked list does, so that facet counts add up to its total. Local
  // databases only: remote shards run Xapian's own spies, uncollapsed.
  explicit FacetCollector(bool collapse = false);
  ~FacetCollector();
  // Registers the spies on `enquire`.
  void attach(Xapian::Enquire& enquire);
  // Reads the counts after get_mset(). `top` values per list facet.
  Facets collect(std::size_t top) const;

 private:
  std::unique_ptr<Xapian::ValueCountMatchSpy> sections_, people_, months_;
  class OnePerGroup;
  std::unique_ptr<OnePerGroup> one_per_group_;
};

class FacetTable {
 public:
  // Reads the section, month and people slots of every document of `db`.
  explicit FacetTable(const Xapian::Database& db);

  // Counts over the matches of `query` on `db` (the database the table was
  // built from) without Xapian's matcher where the query allows: terms and
  // the boolean operators are evaluated as docid bitsets from the posting
  // lists; any other part (phrases, value ranges, wildcards...) is matched
  // by Xapian on its own. Same answer as FacetCollector's value spies.
  // Matching spends `budget` (SearchRequest::count_budget); once it is spent
  // the counts cover part of the matches and say so (FacetCounts::partial).
  // `collapse`: one story per near-duplicate group (its head if it matches).
  FacetCounts count(const Xapian::Database& db, const Xapian::Query& query, std::size_t top_people,
                    std::uint64_t budget, bool collapse) const;

 private:
  // Adds up the facet values of documents, by number.
  class Counter {
   public:
    explicit Counter(const FacetTable& table);
    // `db` reads the values of documents newer than the table.
    void add(Xapian::docid d, const Xapian::Database& db);
    // The counts; of the people, only the `top_people` first.
    FacetCounts counts(std::size_t top_people) const;

   private:
    const FacetTable& table_;
    std::vector<std::uint32_t> sections_, months_, people_;
    FacetCounts extra_;  // documents newer than the table
  };

  // Index 0 means "no value"; value i > 0 is names[i].
  std::vector<std::uint32_t> section_, month_;
  std::vector<std::uint32_t> people_start_;  // people of docid d: ids[start[d] .. start[d + 1])
  std::vector<std::uint32_t> people_ids_;
  std::vector<std::string> section_names_, month_names_, people_names_;
};

}  // namespace morgue
