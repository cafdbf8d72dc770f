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

// Databases numbered in the order their compaction gives them: part i's
// documents after part i-1's (the ids differ, the order is the same). One
// database is numbered as it is. That order depends on which worker took
// which file and on part sizes, so the filing below does not follow it: it
// goes by WalkKey.
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

// When a serial build (--jobs 1) of the same files adds a document: it takes
// the files in path order (run_pass) and a file's stories in their order. The
// merged id stands for the place in the file: a file's stories go to one
// part, in order.
struct WalkKey {
  std::string source;  // schema::kSlotSource: the file's path
  Xapian::docid docid = 0;
  bool operator<(const WalkKey& o) const { return source != o.source ? source < o.source : docid < o.docid; }
};

// The terms that two or more documents share, of the kinds
// find_duplicate_group() matches on: each term's documents, and for each
// document its shared terms (indexes into `docs`).
struct SharedTerms {
  enum class Kind { kText, kUrl, kBand };
  struct Of {
    int text = -1;
    int url = -1;
    std::vector<int> bands;  // in band order, as find_duplicate_group() reads them
  };
  std::vector<std::vector<Xapian::docid>> docs;
  std::unordered_map<Xapian::docid, Of> of;

  // Adds the shared terms starting with `prefix`; returns the number of
  // documents beyond the first of each.
  std::size_t add(const Numbering& n, std::string_view prefix, Kind kind) {
    std::size_t extra = 0;
    const std::string start(prefix);
    for (auto t = n.all().allterms_begin(start); t != n.all().allterms_end(start); ++t) {
      if (t.get_termfreq() < 2) continue;
      extra += t.get_termfreq() - 1;
      const int term = static_cast<int>(docs.size());
      docs.emplace_back();
      n.postings(*t, std::numeric_limits<std::size_t>::max(), [&](Xapian::docid d) {
        docs[static_cast<std::size_t>(term)].push_back(d);
        Of& mine = of[d];
        if (kind == Kind::kText) mine.text = term;
        else if (kind == Kind::kUrl) mine.url = term;
        else mine.bands.push_back(term);
      });
    }
    return extra;
  }
};

// A document to file into another group: its id in its part, and the group.
struct Move {
  Xapian::docid local;
  std::string group;
};

// Orders documents by their place in walk order.
struct ByRank {
  const std::unordered_map<Xapian::docid, std::size_t>& rank;
  bool operator()(Xapian::docid a, Xapian::docid b) const { return rank.at(a) < rank.at(b); }
};

// Files the documents that share a term one by one in walk order, each into
// the group of the earlier document find_duplicate_group() picks in a serial
// build: the first with its text, else the first with its URL, else of the
// first kMaxCandidatesPerBand earlier ones in each band, the first of the
// most similar, at least kNearDuplicateSimilarity. So the groups, and their
// heads (each group's first story, whose id keys it), are a serial build's.
class SerialFiling {
 public:
  SerialFiling(const Numbering& n, SharedTerms& shared) : n_(n), shared_(shared) {
    std::vector<WalkKey> keys;
    keys.reserve(shared_.of.size());
    for (const auto& [d, of] : shared_.of) keys.push_back({n_.value(d, schema::kSlotSource), d});
    std::sort(keys.begin(), keys.end());
    for (const WalkKey& key : keys) {
      rank_[key.docid] = order_.size();
      order_.push_back(key.docid);
    }
    for (auto& docs : shared_.docs) std::sort(docs.begin(), docs.end(), ByRank{rank_});
    for (Xapian::docid d : order_) {
      const Xapian::docid earlier = match(d);
      head_[d] = earlier ? head_[earlier] : d;
    }
  }

  // The documents filed into another's group, by part.
  std::vector<std::vector<Move>> moves(std::size_t parts) const {
    std::unordered_map<Xapian::docid, std::string> group;  // of each head
    std::vector<std::vector<Move>> out(parts);
    for (Xapian::docid d : order_) {
      const Xapian::docid head = head_.at(d);
      if (head == d) continue;
      auto it = group.find(head);
      if (it == group.end()) it = group.emplace(head, n_.value(head, schema::kSlotDupGroup)).first;
      auto [part, local] = n_.locate(d);
      out[part].push_back({local, it->second});
    }
    return out;
  }

 private:
  // The earlier document `d` is filed with, or 0 when none.
  Xapian::docid match(Xapian::docid d) {
    const SharedTerms::Of& of = shared_.of.at(d);
    for (int term : {of.text, of.url}) {
      if (term >= 0 && shared_.docs[static_cast<std::size_t>(term)].front() != d) {
        return shared_.docs[static_cast<std::size_t>(term)].front();
      }
    }
    double best = kNearDuplicateSimilarity;
    Xapian::docid found = 0;
    for (int term : of.bands) {
      const std::vector<Xapian::docid>& docs = shared_.docs[static_cast<std::size_t>(term)];
      const auto at = std::lower_bound(docs.begin(), docs.end(), d, ByRank{rank_});  // the earlier ones before it
      const std::size_t end = std::min(static_cast<std::size_t>(at - docs.begin()), kMaxCandidatesPerBand);
      for (std::size_t i = 0; i < end; ++i) {
        const double s = similarity(hash(d), hash(docs[i]));
        if (s < best || (s == best && found)) continue;
        best = s;
        found = docs[i];
      }
    }
    return found;
  }

  const MinHash& hash(Xapian::docid d) {
    auto it = hashes_.find(d);
    if (it == hashes_.end()) it = hashes_.emplace(d, decode_minhash(n_.value(d, schema::kSlotFingerprint))).first;
    return it->second;
  }

  const Numbering& n_;
  SharedTerms& shared_;
  std::vector<Xapian::docid> order_;                     // the documents in walk order
  std::unordered_map<Xapian::docid, std::size_t> rank_;  // and the place of each there
  std::unordered_map<Xapian::docid, Xapian::docid> head_;
  std::unordered_map<Xapian::docid, MinHash> hashes_;
};

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
    SharedTerms shared;
    exact = shared.add(n, schema::kExactDupPrefix, SharedTerms::Kind::kText);
    shared.add(n, schema::kUrlPrefix, SharedTerms::Kind::kUrl);
    shared.add(n, schema::kSimBandPrefix, SharedTerms::Kind::kBand);
    moves = SerialFiling(n, shared).moves(parts.size());
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
