#include "store/rewrite.h"

#include <string>
#include <utility>
#include <vector>

#include "morgue/document.h"
#include "morgue/schema.h"
#include "util/strings.h"

namespace morgue {
namespace {

// The people whose person words make_document() indexed with positions:
// the extractor's (kSlotPeopleFound, "\n" for none, once the identity step
// renamed the story), else the stored ones.
void restore_found_people(const Xapian::Document& old, Article& a) {
  const std::string found = old.get_value(schema::kSlotPeopleFound);
  if (found.empty()) return;
  a.people.clear();
  for (auto& name : util::split(found, '\n')) {
    if (!name.empty()) a.people.push_back(std::move(name));
  }
}

// Reconciles the rebuilt document's terms with those `db` holds for `did`:
// true when they are the same but for terms (or wdf) added after indexing
// without positions, which `fresh` then gains. Reads a position count only
// for those few terms.
bool reconcile_terms(const Xapian::Database& db, Xapian::docid did, Xapian::Document& fresh) {
  std::vector<std::pair<std::string, Xapian::termcount>> extra;
  auto o = db.termlist_begin(did);
  const auto o_end = db.termlist_end(did);
  auto f = fresh.termlist_begin();
  const auto f_end = fresh.termlist_end();
  while (o != o_end || f != f_end) {
    if (f == f_end || (o != o_end && *o < *f)) {  // added after indexing
      if (o.positionlist_count() > 0) return false;
      extra.emplace_back(*o, o.get_wdf());
      ++o;
      continue;
    }
    if (o == o_end || *f < *o) return false;  // indexed then, not now: another version's terms
    const Xapian::termcount had = o.get_wdf(), gets = f.get_wdf();
    if (had < gets) return false;
    if (had > gets) {
      if (o.positionlist_count() != f.positionlist_count()) return false;
      extra.emplace_back(*o, had - gets);
    }
    ++o;
    ++f;
  }
  for (const auto& [term, wdf] : extra) fresh.add_term(term, wdf);
  return true;
}

}  // namespace

bool rebuild_document(const Xapian::Database& db, Xapian::docid did, Xapian::Document& out) {
  const Xapian::Document old = db.get_document(did);
  const std::string id = old.get_value(schema::kSlotId);
  if (id.empty()) return false;
  Article a;
  try {
    a = article_from_document(old);
  } catch (const Xapian::Error&) {
    return false;  // not our data: Xapian's own way keeps it as it is
  }
  restore_found_people(old, a);
  Xapian::Document fresh = make_document(a, id);
  if (!reconcile_terms(db, did, fresh)) return false;
  fresh.clear_values();
  for (auto v = old.values_begin(); v != old.values_end(); ++v) fresh.add_value(v.get_valueno(), *v);
  fresh.set_data(old.get_data());
  out = std::move(fresh);
  return true;
}

RewritePath rewrite_document(Xapian::WritableDatabase& db, Xapian::docid did,
                             const std::function<void(Xapian::Document&)>& change) {
  Xapian::Document doc;
  if (rebuild_document(db, did, doc)) {
    change(doc);
    // Deleted first, so that Xapian adds it again (positions buffered, written
    // in order at the commit) rather than comparing each term with the disk.
    db.delete_document(did);
    db.replace_document(did, doc);
    return RewritePath::kRebuilt;
  }
  doc = db.get_document(did);
  change(doc);
  db.replace_document(did, doc);
  return RewritePath::kLoaded;
}

}  // namespace morgue
