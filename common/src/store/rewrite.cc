#include "store/rewrite.h"

#include <algorithm>
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

struct StoredTerm {
  std::string term;
  Xapian::termcount wdf;
};

// The terms `db` holds for `did`, with their wdf (one read: no positions).
std::vector<StoredTerm> stored_terms(const Xapian::Database& db, Xapian::docid did) {
  std::vector<StoredTerm> terms;
  for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) terms.push_back({*t, t.get_wdf()});
  return terms;
}

// Reconciles the rebuilt document's terms with `stored` (document `did` of
// `db`): true when they are the same but for terms (or wdf) added after
// indexing without positions, which `fresh` then gains. Reads a position
// count only for those few terms.
bool reconcile_terms(const Xapian::Database& db, Xapian::docid did, const std::vector<StoredTerm>& stored,
                     Xapian::Document& fresh) {
  std::vector<StoredTerm> extra;
  auto o = stored.begin();
  auto f = fresh.termlist_begin();
  const auto f_end = fresh.termlist_end();
  auto positions = [&](const std::string& term) {
    Xapian::termcount n = 0;
    for (auto p = db.positionlist_begin(did, term); p != db.positionlist_end(did, term); ++p) ++n;
    return n;
  };
  while (o != stored.end() || f != f_end) {
    if (f == f_end || (o != stored.end() && o->term < *f)) {  // added after indexing
      if (positions(o->term) > 0) return false;
      extra.push_back(*o++);
      continue;
    }
    if (o == stored.end() || *f < o->term) return false;  // indexed then, not now: another version's terms
    const Xapian::termcount gets = f.get_wdf();
    if (o->wdf < gets) return false;
    if (o->wdf > gets) {
      if (positions(o->term) != f.positionlist_count()) return false;
      extra.push_back({o->term, o->wdf - gets});
    }
    ++o;
    ++f;
  }
  for (const auto& t : extra) fresh.add_term(t.term, t.wdf);
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
  const std::vector<StoredTerm> stored = stored_terms(db, did);
  const std::string placeholder(schema::kPlaceholder);
  if (std::any_of(stored.begin(), stored.end(), [&](const StoredTerm& t) { return t.term == placeholder; })) {
    return false;  // a placeholder has few terms: Xapian's way is the cheap one
  }
  restore_found_people(old, a);
  Xapian::Document fresh = make_document(a, id);
  if (!reconcile_terms(db, did, stored, fresh)) return false;
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
