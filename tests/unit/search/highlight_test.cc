// Highlighting a whole story (highlight_text) with the words of a query
// (query_highlight_terms), for the story page.
#include <gtest/gtest.h>

#include "morgue/printer.h"
#include "morgue/snippet.h"

namespace morgue {
namespace {

std::string marked(const std::string& text, const std::string& query) {
  return fragment_to_html(highlight_text(text, query_highlight_terms(query)));
}

TEST(QueryHighlightTerms, Table) {
  struct Case {
    const char* query;
    std::vector<std::string> words;
  } cases[] = {
      {"harbour fire", {"harbour", "fire"}},
      {"Harbour AND fire OR smoke NOT rain", {"harbour", "fire", "smoke", "rain"}},
      {"dredge NEAR/3 channel", {"dredge", "channel"}},
      {"\"harbour authority\" -coast +storm", {"harbour", "authority", "coast", "storm"}},
      {"person:\"Sergey Lavrov\" title:budget by:smith", {"sergey", "lavrov", "budget", "smith"}},
      {"section:world site:example.com date:2022-02 lang:en fire", {"fire"}},
      {"biolum* plankton", {"plankton"}},
      {"the state of the harbour", {"state", "harbour"}},
      {"The Who", {"the", "who"}},  // only function words: kept
      {"(plankton OR algae) AND bay", {"plankton", "algae", "bay"}},
      {"", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(query_highlight_terms(c.query).words, c.words) << c.query;
  EXPECT_EQ(query_highlight_terms("budgets").stems, std::vector<std::string>{"budget"});
}

TEST(HighlightText, MarksEveryMatchAndKeepsTheWholeText) {
  const std::string text = "Fires at the harbour.\n\nThe harbour's budget: <b>fire</b> & more fire.";
  EXPECT_EQ(marked(text, "fire budgets"),
            "<mark>Fires</mark> at the harbour.\n\nThe harbour&#39;s <mark>budget</mark>: &lt;b&gt;<mark>fire</mark>"
            "&lt;/b&gt; &amp; more <mark>fire</mark>.");
  EXPECT_EQ(marked(text, ""), fragment_to_html(Fragment{text, {}, false, false}));
  EXPECT_EQ(marked("", "fire"), "");
  EXPECT_EQ(marked("Café owners", "café"), "<mark>Café</mark> owners");
}

}  // namespace
}  // namespace morgue
