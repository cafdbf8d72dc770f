// Shared by the people extractor's rule tests (tests/unit/people/): the
// lexicon and extractor of the checked-in data, loaded once per test binary,
// and stories with hand-written tags (tagged_doc.h) run through the
// mention and merging steps.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "morgue/article.h"
#include "morgue/people.h"
#include "people/lexicon.h"
#include "people/names.h"
#include "people/wire_cues.h"
#include "support/tagged_doc.h"

namespace morgue::testing_support {

inline std::filesystem::path people_data_dir() {
  return std::filesystem::path(MORGUE_TEST_SOURCE_DIR) / "corpus" / "data";
}

inline const people::Lexicon& people_lexicon() {
  static const people::Lexicon instance(people_data_dir());
  return instance;
}

inline const PeopleExtractor& people_extractor() {
  static const PeopleExtractor instance(people_data_dir());
  return instance;
}

// The people the extractor finds in a story with this body (and a title
// that names nobody).
inline std::vector<std::string> people_in(const std::string& body) {
  Article article;
  article.title = "Council meets";
  article.body = body;
  return people_extractor().extract(article);
}

// The people kept from a story with hand-written tags (build_tagged()).
inline std::vector<std::string> people_of_tagged(const std::string& marked) {
  TaggedDoc d;
  build_tagged(marked, d);
  const people::Lexicon& lexicon = people_lexicon();
  return people::merge_mentions(people::collect_mentions(d.doc, d.tags, {}, lexicon), lexicon);
}

// The mentions (words joined by spaces) collected from a story with
// hand-written tags, before merging.
inline std::vector<std::string> mention_texts(const std::string& marked) {
  TaggedDoc d;
  build_tagged(marked, d);
  std::vector<std::string> out;
  for (const people::Mention& m : people::collect_mentions(d.doc, d.tags, {}, people_lexicon())) {
    std::string joined;
    for (const std::string& w : m.words) joined += (joined.empty() ? "" : " ") + w;
    out.push_back(joined);
  }
  return out;
}

// The first words of the works names add_works_names() finds in `text`
// ("the Halvik Nuclear Power Plant": "Halvik").
inline std::vector<std::string> works_starts(const std::string& text) {
  TaggedDoc d;
  build_tagged(text, d);
  std::vector<std::size_t> starts;
  people::add_works_names(d.doc, people_lexicon(), starts);
  std::vector<std::string> out;
  for (std::size_t s : starts) out.emplace_back(d.doc.tokens[s].text);
  return out;
}

// The first token whose text is `word`, and the token after the span of
// `words` words starting there.
inline std::pair<std::size_t, std::size_t> span_of(const people::Document& doc, const std::string& word,
                                                   std::size_t words) {
  for (std::size_t k = 0; k < doc.tokens.size(); ++k) {
    if (doc.tokens[k].text == word) return {k, k + words};
  }
  ADD_FAILURE() << "no token " << word;
  return {0, 0};
}

// A sentence, a span of it, and what a rule that reads one span says of it.
struct SpanCase {
  const char* text;
  const char* first;  // the span's first word
  std::size_t words;  // and its length
  bool expected;
};

// Tags `c.text` (build_tagged()) and checks rule(doc, begin, end) on its span.
template <class Rule>
void expect_span_rule(const SpanCase& c, Rule rule) {
  TaggedDoc d;
  build_tagged(c.text, d);
  auto [begin, end] = span_of(d.doc, c.first, c.words);
  EXPECT_EQ(rule(d.doc, begin, end), c.expected) << c.text;
}

// A story with hand-written tags and the names expected of it.
struct MentionCase {
  const char* what;
  const char* marked;
  std::vector<std::string> expected;
};

}  // namespace morgue::testing_support
