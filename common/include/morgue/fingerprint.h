// Fingerprints of article text for duplicate detection.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace morgue {

// 64-bit SimHash over word 3-shingles of the lower-cased text: near-identical
// texts (a refiled wire story) differ in few bits.
std::uint64_t simhash(std::string_view text);

// Number of differing bits.
int hamming_distance(std::uint64_t a, std::uint64_t b);

// Stories closer than this many bits are versions of one story.
inline constexpr int kNearDuplicateBits = 6;

// Hash of the normalised text (case, spacing and punctuation ignored): equal
// for exact duplicates. 16 hex digits.
std::string content_hash(std::string_view text);

}  // namespace morgue
