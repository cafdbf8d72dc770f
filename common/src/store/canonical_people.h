// The people identity step of an indexing run (docs/people.md, "Across the
// archive"): reads the people of every story of the archive, works out one
// canonical name per person (person_identity.h) and rewrites the stories
// whose canonical people changed. Documents keep the names the extractor
// found (schema::kSlotPeopleFound once renamed, and their XP terms and
// person words), and gain the canonical names: kSlotPeople, the stored
// article's people, the XP filter term and the person words. So facets and
// hits show the canonical name, and `person:reagan`, `person:"Ronald
// Reagan"` and the facet entry "Ronald Reagan" find the same stories.
//
// Runs after the run's last commit, on the whole archive, and touches only
// the stories whose names change: no full rebuild when the archive grows.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "store/person_identity.h"

namespace morgue {

// Raised when the identity rules change, so that a run can tell (the
// metadata key schema::kPeopleIdentityKey records it). 2: the record also
// means "no story changed since" (the writers drop it with any change).
inline constexpr int kPeopleIdentityVersion = 5;  // 5: a word also a surname is a given name only beside a friend

struct PeopleIdentitySummary {
  std::size_t stories = 0;  // stories with people in the archive
  std::size_t people = 0;   // people known by a full name
  std::size_t renamed = 0;  // stories rewritten by this run
  bool skipped = false;     // nothing changed since the last run's step: nothing read
  double seconds = 0;      // wall clock
  double cpu_seconds = 0;  // process CPU time (in a first build, with the placeholders' words made beside the step)
  std::vector<bool> touched;  // per database: changed (needs a commit)
  std::string record;  // what record_people_identity() writes
};

// The renames a first build leaves to the fill (placeholders.h), for one
// database: each placeholder whose people change, with its canonical names.
using HeldRenames = std::unordered_map<Xapian::docid, std::vector<std::string>>;

// Skips everything (summary.skipped) when every one of `dbs` holds this
// version's record: no story was added, replaced or removed since the last
// step (the index writers drop the record with each change, in the same
// commit). Otherwise learns the identities from `all` (every database of the archive; shards
// combined) and rewrites the stories of each of `dbs` (the databases `all`
// is made of, in any order) whose canonical people differ from their
// kSlotPeople. Records the summary in each database's metadata. Commits
// every few thousand rewritten stories (a first run over a large archive),
// not at the end: the caller commits. Throws Xapian::Error on I/O failures.
PeopleIdentitySummary canonicalise_people(const Xapian::Database& all, std::vector<Xapian::WritableDatabase>& dbs);

// The same for the parts of a first build, whose placeholders are filled
// next: a placeholder is not rewritten here but its new names go to
// held[i] (one map per database), and fill_placeholders() writes them with
// its words, so that each such story is written once. Records nothing: the
// caller calls record_people_identity() on each database once its
// placeholders are filled, and a run killed before that does the step
// again.
PeopleIdentitySummary canonicalise_people(const Xapian::Database& all, std::vector<Xapian::WritableDatabase>& dbs,
                                          std::vector<HeldRenames>& held);

// Records the completed step `summary` in `db`'s metadata.
void record_people_identity(Xapian::WritableDatabase& db, const PeopleIdentitySummary& summary);

// True when `db` holds this version's record of a completed step.
bool people_identity_current(const Xapian::Database& db);

// Drops the record: to be called by whatever adds, replaces or removes a
// story of `db`, before its commit, so that the next step runs.
void people_identity_stale(Xapian::WritableDatabase& db);

// Gives `doc` the people `canonical`, keeping `found` (the extractor's
// names) searchable. Exposed for tests.
void rename_people(Xapian::Document& doc, const std::vector<std::string>& found,
                   const std::vector<std::string>& canonical);

// The values and stored article alone of rename_people() (its terms are
// left as they are).
void rename_people_fields(Xapian::Document& doc, const std::vector<std::string>& found,
                          const std::vector<std::string>& canonical);

// True when rename_people_terms(doc, found, old, canonical) would change a
// term (else a rename changes values and data alone).
bool rename_changes_terms(const std::vector<std::string>& found, const std::vector<std::string>& old,
                          const std::vector<std::string>& canonical);

// The terms alone of rename_people(), on a story whose people are now `old`
// (a story make_document() built holds `found`).
void rename_people_terms(Xapian::Document& doc, const std::vector<std::string>& found,
                         const std::vector<std::string>& old, const std::vector<std::string>& canonical);

}  // namespace morgue
