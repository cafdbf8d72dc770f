// String helpers: white space collapsing and util::text_window (the start of
// a long text, cut between words).
#include "util/strings.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace morgue::util {
namespace {

TEST(TextWindow, CutsLongTextBetweenWords) {
  struct Case {
    const char* what;
    std::string text;
    std::size_t max;
    std::string expected;
  };
  const std::string long_word(2000, 'x');
  const Case cases[] = {
      {"short text is whole", "the council met", 100, "the council met"},
      {"exactly the limit is whole", "abcd", 4, "abcd"},
      {"cut at the last space before the limit", "the council met today", 13, "the council"},
      {"a line break counts as a space", "the\ncouncil met", 9, "the"},
      {"no space in the last KiB: a character boundary", long_word + "\xC3\xA9" + "b", 2001, long_word},
      {"never inside a UTF-8 sequence", "ab\xE2\x80\x94" "cd", 4, "ab"},
      {"empty", "", 10, ""},
  };
  for (const Case& c : cases) {
    const std::string_view got = text_window(c.text, c.max);
    EXPECT_EQ(got, c.expected) << c.what;
    EXPECT_LE(got.size(), c.max) << c.what;
  }
}

TEST(CollapseSpaceTest, Table) {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"", ""},
      {"   \t\n", ""},
      {"one", "one"},
      {"  two   words  ", "two words"},
      {"line\r\nbreak\f\vand\ttab", "line break and tab"},
      {"no\xC2\xA0" "break\xC2\xA0\xC2\xA0space", "no break space"},
      {"\xC2\xA0lead", "lead"},
      {"caf\xC3\xA9 au lait", "caf\xC3\xA9 au lait"},
      {"ends in a lone \xC2", "ends in a lone \xC2"},
      {"\xC2 \xA0", "\xC2 \xA0"},
  };
  for (const auto& c : cases) EXPECT_EQ(collapse_space(c.in), c.out) << c.in;
}

// The byte-by-byte definition the fast version must agree with.
std::string reference_collapse(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;
      ++i;
    }
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

TEST(CollapseSpaceTest, AgreesWithTheByteByByteDefinition) {
  const char pieces[] = {'a', 'b', ' ', '\t', '\n', '\xC2', '\xA0', '\xC3', '\xA9', '\r', '.'};
  unsigned x = 777u;
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    for (int i = 0; i < round % 30; ++i) {
      x = x * 1103515245u + 12345u;
      s.push_back(pieces[(x >> 16) % sizeof pieces]);
    }
    ASSERT_EQ(collapse_space(s), reference_collapse(s)) << round;
  }
}

TEST(SplitSpaces, WordsBetweenRunsOfSpaces) {
  using V = std::vector<std::string_view>;
  EXPECT_EQ(split_spaces(""), V{});
  EXPECT_EQ(split_spaces("   "), V{});
  EXPECT_EQ(split_spaces(" by  Kay Lee "), (V{"by", "Kay", "Lee"}));
  EXPECT_EQ(split_spaces("a\tb c"), (V{"a\tb", "c"}));  // only spaces separate
}

}  // namespace
}  // namespace morgue::util
