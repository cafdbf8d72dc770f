#include "store/duplicates.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "morgue/document.h"
#include "morgue/schema.h"
#include "store/fingerprint.h"

namespace morgue {
namespace {

// A band term shared by thousands of documents says little; look at a bounded
// number of candidates so indexing cost stays flat as the archive grows.
constexpr std::size_t kMaxCandidatesPerBand = 64;

std::string own_id_term(const std::string& id) { return schema::make_term(schema::kIdPrefix, id); }

bool is_self(const Xapian::Document& candidate, const std::string& own_term) {
  Xapian::TermIterator t = candidate.termlist_begin();
  t.skip_to(own_term);
  return t != candidate.termlist_end() && *t == own_term;
}

// Calls `visit` with each term of `doc` that starts with `prefix`, in term
// order: a skip to the prefix, not a walk over all the story's words.
template <typename Visit>
void for_terms_with_prefix(const Xapian::Document& doc, std::string_view prefix, Visit visit) {
  Xapian::TermIterator t = doc.termlist_begin();
  for (t.skip_to(std::string(prefix)); t != doc.termlist_end(); ++t) {
    std::string term = *t;
    if (term.compare(0, prefix.size(), prefix) != 0) return;
    visit(std::move(term));
  }
}

}  // namespace

DuplicateMatch find_duplicate_group(const Xapian::Database& db, const Xapian::Document& doc,
                                    const std::string& own_id) {
  DuplicateMatch match;
  match.group = own_id;
  const std::string own_term = own_id_term(own_id);
  std::string exact_term, url_term, band_terms[kMinHashBands];
  int bands = 0;
  for_terms_with_prefix(doc, schema::kUrlPrefix, [&](std::string term) { url_term = std::move(term); });
  for_terms_with_prefix(doc, schema::kExactDupPrefix, [&](std::string term) {
    if (term.size() == schema::kExactDupPrefix.size() + 16) exact_term = std::move(term);
  });
  for_terms_with_prefix(doc, schema::kSimBandPrefix, [&](std::string term) {
    if (bands < static_cast<int>(kMinHashBands)) band_terms[bands++] = std::move(term);
  });
  if (!exact_term.empty()) {
    for (auto p = db.postlist_begin(exact_term); p != db.postlist_end(exact_term); ++p) {
      Xapian::Document candidate = db.get_document(*p);
      if (is_self(candidate, own_term)) continue;
      match.group = candidate.get_value(schema::kSlotDupGroup);
      match.exact = true;
      return match;
    }
  }
  // The same canonical URL is the same story, however much an update changed it.
  if (!url_term.empty()) {
    for (auto p = db.postlist_begin(url_term); p != db.postlist_end(url_term); ++p) {
      Xapian::Document candidate = db.get_document(*p);
      if (is_self(candidate, own_term)) continue;
      match.group = candidate.get_value(schema::kSlotDupGroup);
      match.near = true;
      return match;
    }
  }
  const MinHash fingerprint = decode_minhash(doc.get_value(schema::kSlotFingerprint));
  double best = kNearDuplicateSimilarity;
  for (int b = 0; b < bands; ++b) {
    std::size_t seen = 0;
    for (auto p = db.postlist_begin(band_terms[b]); p != db.postlist_end(band_terms[b]) && seen < kMaxCandidatesPerBand;
         ++p, ++seen) {
      Xapian::Document candidate = db.get_document(*p);
      double s = similarity(fingerprint, decode_minhash(candidate.get_value(schema::kSlotFingerprint)));
      if (s < best || (s == best && match.near)) continue;
      if (is_self(candidate, own_term)) continue;
      best = s;
      match.group = candidate.get_value(schema::kSlotDupGroup);
      match.near = true;
    }
  }
  return match;
}

namespace {

// Union-find over the document ids that have candidates.
class DocSets {
 public:
  Xapian::docid find(Xapian::docid d) {
    auto it = parent_.find(d);
    if (it == parent_.end()) {
      parent_[d] = d;
      return d;
    }
    while (it->second != d) {
      auto up = parent_.find(it->second);
      it->second = up->second;  // path halving
      d = it->second;
      it = parent_.find(d);
    }
    return d;
  }
  void unite(Xapian::docid a, Xapian::docid b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;  // the oldest document names the group
  }
  const std::unordered_map<Xapian::docid, Xapian::docid>& members() const { return parent_; }

 private:
  std::unordered_map<Xapian::docid, Xapian::docid> parent_;
};

}  // namespace

std::size_t group_duplicates(Xapian::WritableDatabase& db) {
  DocSets sets;
  std::size_t exact = 0;
  const std::string exact_prefix(schema::kExactDupPrefix);
  for (auto t = db.allterms_begin(exact_prefix); t != db.allterms_end(exact_prefix); ++t) {
    if (t.get_termfreq() < 2) continue;
    exact += t.get_termfreq() - 1;
    Xapian::docid first = 0;
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
      if (first) sets.unite(first, *p);
      else first = *p;
    }
  }
  const std::string url_prefix(schema::kUrlPrefix);
  for (auto t = db.allterms_begin(url_prefix); t != db.allterms_end(url_prefix); ++t) {
    if (t.get_termfreq() < 2) continue;
    Xapian::docid first = 0;
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
      if (first) sets.unite(first, *p);
      else first = *p;
    }
  }
  std::unordered_map<Xapian::docid, MinHash> hashes;
  auto hash_of = [&](Xapian::docid d) -> const MinHash& {
    auto it = hashes.find(d);
    if (it == hashes.end()) {
      it = hashes.emplace(d, decode_minhash(db.get_document(d).get_value(schema::kSlotFingerprint))).first;
    }
    return it->second;
  };
  const std::string band_prefix(schema::kSimBandPrefix);
  for (auto t = db.allterms_begin(band_prefix); t != db.allterms_end(band_prefix); ++t) {
    if (t.get_termfreq() < 2) continue;
    std::vector<Xapian::docid> docs;
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t) && docs.size() < kMaxCandidatesPerBand; ++p) {
      docs.push_back(*p);
    }
    for (std::size_t i = 0; i < docs.size(); ++i) {
      for (std::size_t j = i + 1; j < docs.size(); ++j) {
        if (sets.find(docs[i]) == sets.find(docs[j])) continue;
        if (similarity(hash_of(docs[i]), hash_of(docs[j])) >= kNearDuplicateSimilarity) sets.unite(docs[i], docs[j]);
      }
    }
  }
  std::vector<std::pair<Xapian::docid, Xapian::docid>> moves;
  for (const auto& [doc, parent] : sets.members()) {
    (void)parent;
    moves.emplace_back(doc, 0);
  }
  for (auto& [doc, root] : moves) root = sets.find(doc);
  std::unordered_map<Xapian::docid, std::string> root_group;
  for (const auto& [doc, root] : moves) {
    if (doc == root) continue;
    auto it = root_group.find(root);
    if (it == root_group.end()) it = root_group.emplace(root, db.get_document(root).get_value(schema::kSlotDupGroup)).first;
    Xapian::Document d = db.get_document(doc);
    if (d.get_value(schema::kSlotDupGroup) == it->second) continue;
    set_duplicate_group(d, it->second);
    db.replace_document(doc, d);
  }
  return exact;
}

}  // namespace morgue
