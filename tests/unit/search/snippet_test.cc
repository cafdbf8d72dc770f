#include "morgue/snippet.h"

#include <gtest/gtest.h>

#include "morgue/printer.h"

namespace morgue {
namespace {

std::string marked(const Snippet& s) {
  std::string out;
  for (const auto& f : s.fragments) {
    if (!out.empty()) out += " | ";
    out += fragment_to_html(f);
  }
  return out;
}

const std::string kText =
    "The harbour authority met on Monday. Officials discussed dredging and the budget for next year.\n\n"
    "Fishermen said the plans were rushed. \"We were not consulted,\" said one.\n\n"
    "The authorities will publish their decision in March, after a consultation with residents.";

TEST(Snippet, HighlightsWordsAndStems) {
  SnippetTerms terms;
  terms.stems = {"author", "consult"};
  Snippet s = make_snippet(kText, terms);
  std::string html = marked(s);
  EXPECT_NE(html.find("<mark>authority</mark>"), std::string::npos) << html;
  EXPECT_NE(html.find("<mark>consulted</mark>"), std::string::npos) << html;
  EXPECT_NE(html.find("<mark>consultation</mark>"), std::string::npos) << html;
  EXPECT_LE(s.fragments.size(), 3u);
}

TEST(Snippet, ExactWordsFromPhrases) {
  SnippetTerms terms;
  terms.words = {"harbour"};
  Snippet s = make_snippet(kText, terms);
  ASSERT_FALSE(s.fragments.empty());
  EXPECT_EQ(marked(s).rfind("The <mark>harbour</mark> authority", 0), 0u) << marked(s);
  EXPECT_FALSE(s.fragments[0].cut_before);
}

TEST(Snippet, NoMatchGivesTheStart) {
  Snippet s = make_snippet(kText, SnippetTerms{{"zebra"}, {}});
  ASSERT_EQ(s.fragments.size(), 1u);
  EXPECT_EQ(s.fragments[0].text.rfind("The harbour authority", 0), 0u);
  EXPECT_TRUE(s.fragments[0].highlights.empty());
}

TEST(Snippet, EscapesHtmlAroundMarks) {
  Snippet s = make_snippet("A <script>alert(1)</script> payload & more", SnippetTerms{{"payload"}, {}});
  EXPECT_EQ(marked(s), "A &lt;script&gt;alert(1)&lt;/script&gt; <mark>payload</mark> &amp; more");
}

TEST(Snippet, FragmentsAreBoundedAndOrdered) {
  std::string long_text;
  for (int i = 0; i < 200; ++i) long_text += "Filler sentence number " + std::to_string(i) + " goes here. ";
  long_text += "The rare word zeppelin appears once. ";
  for (int i = 0; i < 200; ++i) long_text += "More filler text follows on. ";
  long_text += "A second zeppelin sighting.";
  SnippetOptions options;
  options.fragment_bytes = 120;
  Snippet s = make_snippet(long_text, SnippetTerms{{"zeppelin"}, {}}, options);
  ASSERT_EQ(s.fragments.size(), 2u);
  for (const auto& f : s.fragments) {
    EXPECT_LE(f.text.size(), 140u);
    ASSERT_EQ(f.highlights.size(), 1u);
    EXPECT_EQ(f.text.substr(f.highlights[0].begin, f.highlights[0].end - f.highlights[0].begin), "zeppelin");
  }
  EXPECT_LT(long_text.find(s.fragments[0].text), long_text.find(s.fragments[1].text));
}

TEST(Snippet, Utf8AndApostrophes) {
  Snippet s = make_snippet("Zo\xC3\xAB Okonkwo\xE2\x80\x99s caf\xC3\xA9 opened.", SnippetTerms{{"café"}, {"okonkwo"}});
  std::string html = marked(s);
  EXPECT_NE(html.find("<mark>caf\xC3\xA9</mark>"), std::string::npos) << html;
  EXPECT_NE(html.find("<mark>Okonkwo\xE2\x80\x99s</mark>"), std::string::npos) << html;
}

TEST(Snippet, HighlightsNeverSplitCharacters) {
  // Property: every highlight starts and ends on a UTF-8 boundary and inside the text.
  std::string text = "\xC3\xA9t\xC3\xA9 \xE2\x80\x94 r\xC3\xA9sum\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC resume r\xC3\xA9sum\xC3\xA9s";
  Snippet s = make_snippet(text, SnippetTerms{{"résumé", "resume", "日本"}, {}});
  for (const auto& f : s.fragments) {
    for (const auto& h : f.highlights) {
      ASSERT_LE(h.end, f.text.size());
      ASSERT_LT(h.begin, h.end);
      EXPECT_NE(static_cast<unsigned char>(f.text[h.begin]) & 0xC0, 0x80u);
      if (h.end < f.text.size()) {
        EXPECT_NE(static_cast<unsigned char>(f.text[h.end]) & 0xC0, 0x80u);
      }
    }
  }
}

}  // namespace
}  // namespace morgue
