#include "index/duplicates.h"


#include "morgue/fingerprint.h"
#include "morgue/schema.h"

namespace morgue {
namespace {

// A band term shared by thousands of documents says little; look at a bounded
// number of candidates so indexing cost stays flat as the archive grows.
constexpr int kMaxCandidatesPerBand = 64;

std::string own_id_term(const std::string& id) { return schema::make_term(schema::kIdPrefix, id); }

bool is_self(const Xapian::Document& candidate, const std::string& own_term) {
  Xapian::TermIterator t = candidate.termlist_begin();
  t.skip_to(own_term);
  return t != candidate.termlist_end() && *t == own_term;
}

}  // namespace

DuplicateMatch find_duplicate_group(const Xapian::Database& db, const Xapian::Document& doc,
                                    const std::string& own_id) {
  DuplicateMatch match;
  match.group = own_id;
  const std::string own_term = own_id_term(own_id);
  std::string exact_term, band_terms[kMinHashBands];
  int bands = 0;
  for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (term.rfind(schema::kExactDupPrefix, 0) == 0 && term.size() == schema::kExactDupPrefix.size() + 16) {
      exact_term = term;
    } else if (term.rfind(schema::kSimBandPrefix, 0) == 0 && bands < static_cast<int>(kMinHashBands)) {
      band_terms[bands++] = term;
    }
  }
  if (!exact_term.empty()) {
    for (auto p = db.postlist_begin(exact_term); p != db.postlist_end(exact_term); ++p) {
      Xapian::Document candidate = db.get_document(*p);
      if (is_self(candidate, own_term)) continue;
      match.group = candidate.get_value(schema::kSlotDupGroup);
      match.exact = true;
      return match;
    }
  }
  const MinHash fingerprint = decode_minhash(doc.get_value(schema::kSlotFingerprint));
  double best = kNearDuplicateSimilarity;
  for (int b = 0; b < bands; ++b) {
    int seen = 0;
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

}  // namespace morgue
