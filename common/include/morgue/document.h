// How an article becomes a Xapian document, and back (see schema.h).
#pragma once

#include <string>

#include <xapian.h>

#include "morgue/article.h"

namespace morgue {

// The stable unique id of an article: 16 hex digits hashed from its source
// path and key, the same on every run.
std::string article_id(const Article& article);

// Files `doc` (which has its id in schema::kSlotId) into a near-duplicate
// group: the group key goes to kSlotDupGroup, and a story in a group keyed by
// another story's id also has it in schema::kSlotDupFollower, so that counts
// can collapse groups without reading every story's group value. Changes
// values only: refiling a stored story does not load its terms.
void set_duplicate_group(Xapian::Document& doc, const std::string& group);

// Builds the document: id term, weighted headline and lead, body with
// positions, filter terms, date values, and the stored fields (JSON, full
// body included) as document data. A headline derived from the body
// (title_from_body) is indexed for title: only, without the headline weight:
// its words are in the lead already. The body's MinHash fingerprint and
// content hash find duplicates (see fingerprint.h); a body shorter than
// kMinFingerprintWords words, or none, gets neither.
Xapian::Document make_document(const Article& article, const std::string& id);

// Adds to `doc` the terms make_document() gives (words with their positions,
// filter terms), without its values and data.
void add_document_terms(Xapian::Document& doc, const Article& article, const std::string& id);

// The stored article of a document built by make_document(), in any format
// version (store/stored_article.h). Throws Xapian::DatabaseCorruptError when
// the data is not ours, Xapian::DatabaseVersionError when a newer Morgue wrote it.
Article article_from_document(const Xapian::Document& doc);

}  // namespace morgue
