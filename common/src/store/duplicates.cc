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
    parent_[b] = a;  // any root will do: heads() picks each set's head
  }
  const std::unordered_map<Xapian::docid, Xapian::docid>& members() const { return parent_; }

 private:
  std::unordered_map<Xapian::docid, Xapian::docid> parent_;
};

// Databases numbered in the order their compaction gives them: part i's
// documents after part i-1's (the ids differ, the order is the same). One
// database is numbered as it is. That order depends on which worker took
// which file and on part sizes, so nothing chosen here follows it: heads and
// a crowded band's candidates go by WalkKey.
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

// Where a serial build (--jobs 1) of the same files files a document: it
// takes the files in path order (run_pass) and a file's stories in their
// order, and files each story into the group of an earlier one, so a group's
// head (whose id is its key) is its first story in that order. The merged id
// stands for the place in the file: a file's stories go to one part, in order.
struct WalkKey {
  std::string source;  // schema::kSlotSource: the file's path
  Xapian::docid docid = 0;
  bool operator<(const WalkKey& o) const { return source != o.source ? source < o.source : docid < o.docid; }
};

// The WalkKey of the documents asked about, each read once (one value).
class WalkKeys {
 public:
  explicit WalkKeys(const Numbering& n) : n_(n) {}
  const WalkKey& of(Xapian::docid d) {
    auto it = keys_.find(d);
    if (it == keys_.end()) it = keys_.emplace(d, WalkKey{n_.value(d, schema::kSlotSource), d}).first;
    return it->second;
  }

 private:
  const Numbering& n_;
  std::unordered_map<Xapian::docid, WalkKey> keys_;
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

// The candidates of a band term: its documents, or in a band crowded past
// kMaxCandidatesPerBand the first of them in walk order (as a serial build's
// first ones), so that they do not depend on how the files fell into parts.
std::vector<Xapian::docid> band_candidates(const Numbering& n, const Xapian::TermIterator& t, WalkKeys& keys) {
  std::vector<Xapian::docid> docs;
  if (t.get_termfreq() <= kMaxCandidatesPerBand) {
    n.postings(*t, kMaxCandidatesPerBand, [&](Xapian::docid d) { docs.push_back(d); });
    return docs;
  }
  n.postings(*t, std::numeric_limits<std::size_t>::max(), [&](Xapian::docid d) { docs.push_back(d); });
  for (Xapian::docid d : docs) keys.of(d);
  std::sort(docs.begin(), docs.end(), [&](Xapian::docid a, Xapian::docid b) { return keys.of(a) < keys.of(b); });
  docs.resize(kMaxCandidatesPerBand);
  return docs;
}

// Unites the documents at least kNearDuplicateSimilarity similar among the
// first candidates of each LSH band.
void unite_similar(const Numbering& n, DocSets& sets, WalkKeys& keys) {
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
    const std::vector<Xapian::docid> docs = band_candidates(n, t, keys);
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

// The head of each set of two or more documents (keyed by its root): its
// first document in walk order.
std::unordered_map<Xapian::docid, Xapian::docid> heads(const std::vector<Xapian::docid>& docs, DocSets& sets,
                                                       WalkKeys& keys) {
  std::unordered_map<Xapian::docid, std::size_t> size;
  for (Xapian::docid doc : docs) ++size[sets.find(doc)];
  std::unordered_map<Xapian::docid, const WalkKey*> first;
  for (Xapian::docid doc : docs) {
    const Xapian::docid root = sets.find(doc);
    if (size[root] < 2) continue;
    const WalkKey& key = keys.of(doc);
    auto [it, fresh] = first.try_emplace(root, &key);
    if (!fresh && key < *it->second) it->second = &key;
  }
  std::unordered_map<Xapian::docid, Xapian::docid> head;
  for (const auto& [root, key] : first) head.emplace(root, key->docid);
  return head;
}

// The documents to file into their set's head's group, by part.
std::vector<std::vector<Move>> moves_by_part(const Numbering& n, DocSets& sets, WalkKeys& keys, std::size_t parts) {
  std::vector<Xapian::docid> docs;
  for (const auto& member : sets.members()) docs.push_back(member.first);
  const std::unordered_map<Xapian::docid, Xapian::docid> head = heads(docs, sets, keys);
  std::unordered_map<Xapian::docid, std::string> head_group;
  std::vector<std::vector<Move>> moves(parts);
  for (Xapian::docid doc : docs) {
    auto h = head.find(sets.find(doc));
    if (h == head.end() || doc == h->second) continue;
    auto it = head_group.find(h->second);
    if (it == head_group.end()) it = head_group.emplace(h->second, n.value(h->second, schema::kSlotDupGroup)).first;
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
    WalkKeys keys(n);
    unite_sharing(n, std::string(schema::kExactDupPrefix), sets, &exact);
    unite_sharing(n, std::string(schema::kUrlPrefix), sets, nullptr);
    unite_similar(n, sets, keys);
    moves = moves_by_part(n, sets, keys, parts.size());
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
