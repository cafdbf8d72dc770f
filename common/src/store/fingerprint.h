// Fingerprints of article text for duplicate detection (wire copy).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace morgue {

// MinHash over word 3-shingles of the lower-cased text: the share of equal
// entries estimates the Jaccard similarity of two texts' shingle sets.
inline constexpr std::size_t kMinHashSize = 24;
inline constexpr std::size_t kMinHashBands = 6;  // LSH bands of kMinHashSize / kMinHashBands rows
using MinHash = std::array<std::uint32_t, kMinHashSize>;

MinHash minhash(std::string_view text);

// Texts with fewer words get no fingerprint and are never grouped as versions
// of another story. With no words every such text would share one signature
// and one hash; a few words are a stub ("More to follow", "None posted, Total
// todate 146.") or a flash, and short formulaic texts recur with new news:
// Reuters-21578 filed the headline-only flash "FED SETS TWO BILLION DLR
// CUSTOMER REPURCHASE, FED SAYS" on four different days. Only 10 of its
// 21,578 stories have a body of 1 to 9 words.
inline constexpr std::size_t kMinFingerprintWords = 8;
bool fingerprintable(std::string_view text);

// Estimated Jaccard similarity, 0..1.
double similarity(const MinHash& a, const MinHash& b);

// Texts at least this similar are versions of one story. Two stories sharing
// 80% of their shingles are found with probability ~0.96 and 90% with ~0.998.
inline constexpr double kNearDuplicateSimilarity = 0.7;

// Binary form for a value slot, and back (nullopt-like: all zeros on bad input).
std::string encode_minhash(const MinHash& h);
MinHash decode_minhash(std::string_view bytes);

// One key per LSH band (8 hex digits): near-duplicates share at least one.
std::array<std::string, kMinHashBands> minhash_bands(const MinHash& h);

// Hash of the normalised text (case, spacing and punctuation ignored): equal
// for exact duplicates. 16 hex digits.
std::string content_hash(std::string_view text);

}  // namespace morgue
