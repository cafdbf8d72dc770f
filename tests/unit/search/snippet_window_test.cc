// Issue 18: a snippet reads a window of the story (SnippetOptions::
// max_scan_bytes), so its cost does not grow with the story's size.
#include <string>

#include <gtest/gtest.h>

#include "morgue/snippet.h"

namespace morgue {
namespace {

std::string filler(std::size_t bytes) {
  std::string text;
  while (text.size() < bytes) text += "The council met and talked about roads. ";
  return text;
}

bool highlights(const Snippet& s, const std::string& word) {
  for (const auto& f : s.fragments) {
    for (const auto& h : f.highlights) {
      if (f.text.substr(h.begin, h.end - h.begin) == word) return true;
    }
  }
  return false;
}

TEST(SnippetWindow, AMatchInsideTheWindowIsShown) {
  std::string text = filler(1000) + "The lighthouse keeper retired. " + filler(200000);
  Snippet s = make_snippet(text, SnippetTerms{{"lighthouse"}, {}});
  EXPECT_TRUE(highlights(s, "lighthouse"));
}

TEST(SnippetWindow, AMatchPastTheWindowIsNotSearchedFor) {
  SnippetOptions options;
  options.max_scan_bytes = 4096;
  std::string text = filler(8000) + "The lighthouse keeper retired.";
  EXPECT_FALSE(highlights(make_snippet(text, SnippetTerms{{"lighthouse"}, {}}, options), "lighthouse"));
  options.max_scan_bytes = 0;  // the whole text
  EXPECT_TRUE(highlights(make_snippet(text, SnippetTerms{{"lighthouse"}, {}}, options), "lighthouse"));
}

TEST(SnippetWindow, CutsAtACharacterBoundaryAndSaysTheTextGoesOn) {
  SnippetOptions options;
  options.max_scan_bytes = 101;
  options.fragment_bytes = 400;
  std::string text;
  while (text.size() < 300) text += "caf\xC3\xA9 ";  // "café ": a two-byte character
  Snippet s = make_snippet(text, SnippetTerms{{"nothing"}, {}}, options);
  ASSERT_EQ(s.fragments.size(), 1u);
  const std::string& f = s.fragments[0].text;
  EXPECT_LE(f.size(), 101u);
  EXPECT_NE(static_cast<unsigned char>(f.back()), 0xC3u);  // not half a character
  EXPECT_TRUE(s.fragments[0].cut_after);
}

}  // namespace
}  // namespace morgue
