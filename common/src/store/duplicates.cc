#include "store/duplicates.h"

#include <algorithm>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "morgue/document.h"
#include "morgue/schema.h"
#include "store/fingerprint.h"
#include "util/task_pool.h"

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

// Databases numbered in the order their compaction gives them: part i's
// documents after part i-1's (the ids differ, the order is the same, and only
// the order matters: the oldest document names a group, and a band's
// candidates are its first documents). One database is numbered as it is.
class Numbering {
 public:
  explicit Numbering(const std::vector<Xapian::Database>& parts) : parts_(parts) {
    Xapian::docid next = 0;
    for (const auto& part : parts_) {
      offsets_.push_back(next);
      next += part.get_lastdocid();
      all_.add_database(part);
    }
  }
  // The terms of every part, with their summed frequencies.
  const Xapian::Database& all() const { return all_; }
  // Calls visit(docid) for the first `limit` documents indexed by `term`, in order.
  template <typename Visit>
  void postings(const std::string& term, std::size_t limit, Visit visit) const {
    std::size_t n = 0;
    for (std::size_t i = 0; i < parts_.size(); ++i) {
      for (auto p = parts_[i].postlist_begin(term); p != parts_[i].postlist_end(term) && n < limit; ++p, ++n) {
        visit(offsets_[i] + *p);
      }
    }
  }
  // The part holding `docid`, and the id there: the last part whose ids
  // start before it (an empty part starts where the next one does).
  std::pair<std::size_t, Xapian::docid> locate(Xapian::docid docid) const {
    auto after = std::upper_bound(offsets_.begin(), offsets_.end(), docid - 1);
    const auto i = static_cast<std::size_t>(after - offsets_.begin()) - 1;
    return {i, docid - offsets_[i]};
  }
  std::string value(Xapian::docid docid, Xapian::valueno slot) const {
    auto [i, local] = locate(docid);
    return parts_[i].get_document(local).get_value(slot);
  }

 private:
  std::vector<Xapian::Database> parts_;
  std::vector<Xapian::docid> offsets_;  // the ids of the parts before each
  Xapian::Database all_;
};

// Unites the documents that share a term starting with `prefix`; adds to
// `extra` (when given) the number beyond the first of each.
void unite_sharing(const Numbering& n, const std::string& prefix, DocSets& sets, std::size_t* extra) {
  const Xapian::Database& all = n.all();
  for (auto t = all.allterms_begin(prefix); t != all.allterms_end(prefix); ++t) {
    if (t.get_termfreq() < 2) continue;
    if (extra) *extra += t.get_termfreq() - 1;
    Xapian::docid first = 0;
    n.postings(*t, std::numeric_limits<std::size_t>::max(), [&](Xapian::docid d) {
      if (first) sets.unite(first, d);
      else first = d;
    });
  }
}

// Unites the documents at least kNearDuplicateSimilarity similar among the
// first candidates of each LSH band.
void unite_similar(const Numbering& n, DocSets& sets) {
  std::unordered_map<Xapian::docid, MinHash> hashes;
  auto hash_of = [&](Xapian::docid d) -> const MinHash& {
    auto it = hashes.find(d);
    if (it == hashes.end()) it = hashes.emplace(d, decode_minhash(n.value(d, schema::kSlotFingerprint))).first;
    return it->second;
  };
  const std::string band_prefix(schema::kSimBandPrefix);
  const Xapian::Database& all = n.all();
  for (auto t = all.allterms_begin(band_prefix); t != all.allterms_end(band_prefix); ++t) {
    if (t.get_termfreq() < 2) continue;
    std::vector<Xapian::docid> docs;
    n.postings(*t, kMaxCandidatesPerBand, [&](Xapian::docid d) { docs.push_back(d); });
    for (std::size_t i = 0; i < docs.size(); ++i) {
      for (std::size_t j = i + 1; j < docs.size(); ++j) {
        if (sets.find(docs[i]) == sets.find(docs[j])) continue;
        if (similarity(hash_of(docs[i]), hash_of(docs[j])) >= kNearDuplicateSimilarity) sets.unite(docs[i], docs[j]);
      }
    }
  }
}

// A document to file into another group: its id in its part, and the group.
struct Move {
  Xapian::docid local;
  std::string group;
};

// The documents whose group is not their set's oldest document's, by part.
std::vector<std::vector<Move>> moves_by_part(const Numbering& n, DocSets& sets, std::size_t parts) {
  std::vector<Xapian::docid> docs;
  for (const auto& member : sets.members()) docs.push_back(member.first);
  std::unordered_map<Xapian::docid, std::string> root_group;
  std::vector<std::vector<Move>> moves(parts);
  for (Xapian::docid doc : docs) {
    Xapian::docid root = sets.find(doc);
    if (doc == root) continue;
    auto it = root_group.find(root);
    if (it == root_group.end()) it = root_group.emplace(root, n.value(root, schema::kSlotDupGroup)).first;
    auto [part, local] = n.locate(doc);
    moves[part].push_back({local, it->second});
  }
  return moves;
}

// Files each moved document into its group, rewriting only those whose group changes.
void apply_moves(Xapian::WritableDatabase& db, const std::vector<Move>& moves) {
  for (const auto& move : moves) {
    Xapian::Document d = db.get_document(move.local);
    if (d.get_value(schema::kSlotDupGroup) == move.group) continue;
    set_duplicate_group(d, move.group);
    db.replace_document(move.local, d);
  }
}

// The groups of the documents of `parts`, numbered as their compaction will number them.
std::size_t group_in(std::vector<Xapian::WritableDatabase>& parts) {
  if (parts.empty()) return 0;
  std::size_t exact = 0;
  std::vector<std::vector<Move>> moves;
  {
    Numbering n(std::vector<Xapian::Database>(parts.begin(), parts.end()));
    DocSets sets;
    unite_sharing(n, std::string(schema::kExactDupPrefix), sets, &exact);
    unite_sharing(n, std::string(schema::kUrlPrefix), sets, nullptr);
    unite_similar(n, sets);
    moves = moves_by_part(n, sets, parts.size());
  }
  // Each part is refiled by a thread of its own (a refile changes values
  // only: reading and writing back the story's values and data).
  util::for_each_index(parts.size(), 0, [&](std::size_t i) { apply_moves(parts[i], moves[i]); });
  return exact;
}

}  // namespace

std::size_t group_duplicates(Xapian::WritableDatabase& db) {
  std::vector<Xapian::WritableDatabase> one{db};
  return group_in(one);
}

std::size_t group_duplicates(std::vector<Xapian::WritableDatabase>& parts) { return group_in(parts); }

}  // namespace morgue
