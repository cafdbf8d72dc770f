// Wire copy: finds the version group a new document belongs to.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace morgue {

struct DuplicateMatch {
  std::string group;   // group key to store in kSlotDupGroup (own id when no match)
  bool exact = false;  // same normalised text as an existing document
  bool near = false;   // MinHash-similar to an existing document
};

// Looks in `db` (which may hold uncommitted changes) for a document with the
// same canonical URL (an updated story), the same content hash, or a MinHash sharing an LSH band and at least
// kNearDuplicateSimilarity similar, other than `own_id`'s. `doc` must come from make_document().
DuplicateMatch find_duplicate_group(const Xapian::Database& db, const Xapian::Document& doc,
                                    const std::string& own_id);

// Groups versions across a whole database (after a parallel build, where
// each part only saw its own documents) as a serial build (--jobs 1) of the
// same files groups them: the documents are taken in the order that build
// adds them, by source path (schema::kSlotSource) and then place in the file
// (document id), whatever order they were numbered in, and each is filed
// into the group of the earlier one find_duplicate_group() would match (same
// content hash, else same URL, else the most similar LSH band candidate). A
// group is keyed by its head: its first story in that order. Rewrites only
// documents whose group changes (values only).
// Returns the number of exact duplicates (documents beyond the first of each text).
std::size_t group_duplicates(Xapian::WritableDatabase& db);

// The same over the parts of a parallel build, before Xapian's compactor
// merges them (in this order, renumbering): the groups are those
// group_duplicates() would give the merged database, and the parts are
// rewritten one thread each. The caller commits them.
std::size_t group_duplicates(std::vector<Xapian::WritableDatabase>& parts);

}  // namespace morgue
