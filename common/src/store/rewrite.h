// Changing a few terms, values or the data of a story already in a
// database, cheaply. Xapian 1.4 loads every term of a document, each with
// its position list (one B-tree lookup, and often one block read, per
// term), the first time a term of a document read from a database changes:
// for a news story that is some hundreds of reads, most of the cost of the
// people identity step and of filing a version into its group.
//
// rewrite_document() instead builds the story again from what the database
// stores of it (its stored article, the same make_document() that indexed
// it), checks the result against the story's term list (one read), copies
// its values and data, applies the change in memory, and writes it back as a
// new document under the same id: Xapian then buffers the positions instead
// of comparing them with those on disk. When the stored story does not give
// back the same terms (indexed by an older Morgue, or changed by hand) it
// falls back to Xapian's own way, which is always right.
#pragma once

#include <functional>

#include <xapian.h>

namespace morgue {

// How a rewrite was done: rebuilt from the stored article, or through
// Xapian's document (loading every term and position).
enum class RewritePath { kRebuilt, kLoaded };

// Applies `change` to document `did` of `db` and writes it back under the
// same id. `change` must not depend on positions (it sees them as the
// story's text gives them) and sees the document's values, data and terms.
// Throws Xapian::DocNotFoundError when `did` is not in `db`.
RewritePath rewrite_document(Xapian::WritableDatabase& db, Xapian::docid did,
                             const std::function<void(Xapian::Document&)>& change);

// The document as make_document() gives it again from what `db` stores of
// `did`, with `did`'s values, data and any terms added after indexing
// (without positions); nullopt-like: false when the stored article does not
// give back the same terms. Exposed for tests.
bool rebuild_document(const Xapian::Database& db, Xapian::docid did, Xapian::Document& out);

}  // namespace morgue
