#include "store/fingerprint.h"

#include "util/strings.h"

namespace morgue {
namespace {

// Bytes >= 0x80 (UTF-8 letters) count as word characters so non-English text
// still shingles.
bool is_word_char(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// splitmix64: a cheap, well-mixed permutation for the k hash functions.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

// One-permutation MinHash: each shingle is hashed once and lands in one of
// kMinHashSize bins, which keep their minimum (k times cheaper than k hash
// functions). Empty bins borrow from the next non-empty one, so short texts
// still compare well.
MinHash minhash(std::string_view text) {
  constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  std::array<std::uint64_t, kMinHashSize> bins;
  bins.fill(kEmpty);
  auto add = [&](std::uint64_t shingle) {
    std::uint64_t h = mix(shingle);
    std::size_t bin = static_cast<std::size_t>((h >> 32) % kMinHashSize);
    std::uint64_t v = h & 0xFFFFFFFFull;
    if (v < bins[bin]) bins[bin] = v;
  };
  // Word hashes on the fly (no allocation): shingles are three consecutive words.
  std::uint64_t w1 = 0, w2 = 0, current = 14695981039346656037ull;
  std::size_t words = 0, length = 0;
  auto end_word = [&] {
    if (length == 0) return;
    ++words;
    if (words >= 3) add(w2 * 0x100000001B3ull ^ (w1 * 31 + current));
    w2 = w1;
    w1 = current;
    current = 14695981039346656037ull;
    length = 0;
  };
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool word_char = is_word_char(c);
    if (!word_char) {
      end_word();
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    current = (current ^ c) * 1099511628211ull;
    ++length;
  }
  end_word();
  if (words > 0 && words < 3) {
    add(w1);
    if (words == 2) add(w2);
  }
  MinHash h;
  for (std::size_t k = 0; k < kMinHashSize; ++k) {
    std::size_t j = k, steps = 0;
    while (bins[j] == kEmpty && steps < kMinHashSize) {
      j = (j + 1) % kMinHashSize;
      ++steps;
    }
    // Mix in the distance so borrowed values differ from the bin they came from.
    h[k] = bins[j] == kEmpty ? 0xFFFFFFFFu : static_cast<std::uint32_t>(mix(bins[j] + steps * 0x9E37ull));
  }
  return h;
}

bool fingerprintable(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char ch : text) {
    bool word_char = is_word_char(static_cast<unsigned char>(ch));
    if (word_char && !in_word && ++words >= kMinFingerprintWords) return true;
    in_word = word_char;
  }
  return false;
}

double similarity(const MinHash& a, const MinHash& b) {
  std::size_t same = 0;
  for (std::size_t k = 0; k < kMinHashSize; ++k) same += a[k] == b[k] ? 1 : 0;
  return static_cast<double>(same) / static_cast<double>(kMinHashSize);
}

std::string encode_minhash(const MinHash& h) {
  std::string out;
  out.reserve(kMinHashSize * 4);
  for (auto v : h) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
  }
  return out;
}

MinHash decode_minhash(std::string_view bytes) {
  MinHash h{};
  if (bytes.size() != kMinHashSize * 4) return h;
  for (std::size_t k = 0; k < kMinHashSize; ++k) {
    std::uint32_t v = 0;
    for (std::size_t b = 0; b < 4; ++b) v = (v << 8) | static_cast<unsigned char>(bytes[k * 4 + b]);
    h[k] = v;
  }
  return h;
}

std::array<std::string, kMinHashBands> minhash_bands(const MinHash& h) {
  constexpr std::size_t rows = kMinHashSize / kMinHashBands;
  std::array<std::string, kMinHashBands> keys;
  for (std::size_t b = 0; b < kMinHashBands; ++b) {
    std::uint64_t x = b;
    for (std::size_t r = 0; r < rows; ++r) x = mix(x ^ h[b * rows + r]);
    keys[b] = util::hex64(x).substr(0, 8);
  }
  return keys;
}

// FNV-1a over the lower-cased words, each followed by one space, hashed as
// it is read (no copy of the words).
std::string content_hash(std::string_view text) {
  constexpr std::uint64_t kPrime = 1099511628211ull;
  std::uint64_t h = 14695981039346656037ull;
  bool in_word = false;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (is_word_char(c)) {
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      h = (h ^ c) * kPrime;
      in_word = true;
    } else if (in_word) {
      h = (h ^ static_cast<unsigned char>(' ')) * kPrime;
      in_word = false;
    }
  }
  if (in_word) h = (h ^ static_cast<unsigned char>(' ')) * kPrime;
  return util::hex64(h);
}

}  // namespace morgue
