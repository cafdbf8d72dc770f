// Fingerprints of story text: the exact-duplicate hash.
#include "store/fingerprint.h"

#include <cstdint>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace morgue {
namespace {

// The hash as defined: FNV-1a over the lower-cased words (runs of ASCII
// letters, digits and bytes >= 0x80), each followed by one space, in hex.
std::string reference_hash(std::string_view text) {
  std::string normal;
  std::string word;
  auto end_word = [&] {
    if (word.empty()) return;
    normal += word;
    normal += ' ';
    word.clear();
  };
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool word_char = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (!word_char) {
      end_word();
      continue;
    }
    word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  end_word();
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : normal) h = (h ^ c) * 1099511628211ull;
  static const char* const kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kHex[h & 0xF];
  return out;
}

TEST(ContentHashTest, IsFnvOfTheLowerCasedWords) {
  const char* const texts[] = {"",
                               "   ",
                               "one",
                               "The council met on Tuesday.",
                               "  the COUNCIL met, on tuesday  ",
                               "Zürich's mayor said \"no\" -- twice (2x).\n\nA second paragraph.",
                               "trailing word"};
  for (const char* text : texts) EXPECT_EQ(content_hash(text), reference_hash(text)) << text;
}

TEST(ContentHashTest, IgnoresCaseSpacingAndPunctuationButNotWords) {
  EXPECT_EQ(content_hash("The council met on Tuesday."), content_hash("the  COUNCIL met -- on tuesday"));
  EXPECT_NE(content_hash("The council met on Tuesday."), content_hash("The council met on Wednesday."));
  EXPECT_NE(content_hash("ab c"), content_hash("a bc"));  // where words end counts
  EXPECT_EQ(content_hash("x").size(), 16u);
}

}  // namespace
}  // namespace morgue
