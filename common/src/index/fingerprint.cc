#include "morgue/fingerprint.h"

#include <vector>

#include "util/strings.h"

namespace morgue {
namespace {

// Lower-cased alphanumeric words; bytes >= 0x80 (UTF-8 letters) count as word
// characters so non-English text still shingles.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool word_char = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (word_char) {
      current.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

// splitmix64: a cheap, well-mixed permutation for the k hash functions.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

MinHash minhash(std::string_view text) {
  MinHash h;
  h.fill(0xFFFFFFFFu);
  std::vector<std::string> words = words_of(text);
  auto add = [&](std::uint64_t shingle) {
    for (std::size_t k = 0; k < kMinHashSize; ++k) {
      auto v = static_cast<std::uint32_t>(mix(shingle ^ (0xA24BAED4963EE407ull * (k + 1))) >> 32);
      if (v < h[k]) h[k] = v;
    }
  };
  if (words.size() < 3) {
    for (const auto& w : words) add(util::fnv1a64(w));
  } else {
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
      std::uint64_t s = util::fnv1a64(words[i]);
      s = util::fnv1a64(words[i + 1], s ^ 0x20);
      s = util::fnv1a64(words[i + 2], s ^ 0x20);
      add(s);
    }
  }
  return h;
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

std::string content_hash(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (const auto& w : words_of(text)) {
    h = util::fnv1a64(w, h);
    h = util::fnv1a64(" ", h);
  }
  return util::hex64(h);
}

}  // namespace morgue
