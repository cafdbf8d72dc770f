// Stories with hand-written tagger tags, for the people extractor's rule
// tests: a rule that reads tags is tested on the tags written here, so a
// test fails when the rule does, whatever the model.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "people/tokenizer.h"
#include "people/wire_cues.h"

namespace morgue::testing_support {

struct TaggedDoc {
  std::string text;
  people::Document doc;
  std::vector<people::Tag> tags;
};

inline people::Tag tag_of(char c) {
  switch (c) {
    case 'B': return people::kPersonBegin;
    case 'I': return people::kPersonInside;
    case 'L': return people::kLocation;
    case 'G': return people::kOrganisation;
    case 'M': return people::kMiscEntity;
    default: return people::kOutside;
  }
}

// A document from `marked`: words separated by spaces, each perhaps with a
// tag after a slash ("Jane/B Roe/I lives/ in/ Las/L Vegas/B": B, I a person,
// L a place, G an organisation, M another name, none or no letter outside);
// '|' starts a new line. With `title`, the first line is a headline and is
// marked as title case when it is.
inline void build_tagged(const std::string& marked, TaggedDoc& out, bool title = false) {
  std::vector<char> marks;
  for (std::size_t i = 0; i < marked.size();) {
    const std::size_t end = std::min(marked.find_first_of(" |", i), marked.size());
    std::string word = marked.substr(i, end - i);
    const std::size_t slash = word.rfind('/');
    char mark = 0;
    if (slash != std::string::npos && slash > 0 && slash + 2 >= word.size()) {
      mark = slash + 1 < word.size() ? word[slash + 1] : 0;
      word.resize(slash);
    }
    if (!word.empty()) {
      out.text += word;
      marks.push_back(mark);
    }
    if (end < marked.size()) out.text += marked[end] == '|' ? '\n' : ' ';
    i = end + 1;
  }
  people::tokenize(out.text, out.doc);
  people::finish_document(out.doc);
  // One mark per word; pieces the tokenizer splits off ("Roe," -> "Roe" ",") are outside.
  out.tags.assign(out.doc.tokens.size(), people::kOutside);
  std::size_t word = 0, next_word_start = 0;
  for (std::size_t k = 0; k < out.doc.tokens.size(); ++k) {
    const auto offset = static_cast<std::size_t>(out.doc.tokens[k].text.data() - out.text.data());
    if (offset < next_word_start) continue;
    if (word < marks.size()) out.tags[k] = tag_of(marks[word]);
    ++word;
    const std::size_t space = out.text.find_first_of(" \n", offset);
    next_word_start = space == std::string::npos ? out.text.size() : space + 1;
  }
  if (title) {
    std::size_t line_end = 1;
    while (line_end < out.doc.tokens.size() && !(out.doc.tokens[line_end].flags & people::kLineStart)) ++line_end;
    people::mark_title_case(out.doc, 0, line_end);
  }
}

}  // namespace morgue::testing_support
