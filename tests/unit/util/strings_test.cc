// util::text_window: the start of a long text, cut between words.
#include "util/strings.h"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace morgue::util
