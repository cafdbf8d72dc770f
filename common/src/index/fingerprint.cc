#include "morgue/fingerprint.h"

#include <array>
#include <bit>
#include <vector>

#include "util/strings.h"

namespace morgue {
namespace {

// Lower-cased ASCII-alphanumeric words; other bytes (UTF-8 letters included)
// are kept as word characters so non-English text still shingles.
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

}  // namespace

std::uint64_t simhash(std::string_view text) {
  std::vector<std::string> words = words_of(text);
  std::array<int, 64> weights{};
  auto add = [&](std::uint64_t h) {
    for (int bit = 0; bit < 64; ++bit) weights[static_cast<std::size_t>(bit)] += (h >> bit) & 1 ? 1 : -1;
  };
  if (words.size() < 3) {
    for (const auto& w : words) add(util::fnv1a64(w));
  } else {
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
      std::uint64_t h = util::fnv1a64(words[i]);
      h = util::fnv1a64(words[i + 1], h ^ 0x9E3779B97F4A7C15ull);
      h = util::fnv1a64(words[i + 2], h ^ 0x9E3779B97F4A7C15ull);
      add(h);
    }
  }
  std::uint64_t result = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (weights[static_cast<std::size_t>(bit)] > 0) result |= std::uint64_t{1} << bit;
  }
  return result;
}

int hamming_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

std::string content_hash(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (const auto& w : words_of(text)) {
    h = util::fnv1a64(w, h);
    h = util::fnv1a64(" ", h);
  }
  return util::hex64(h);
}

}  // namespace morgue
