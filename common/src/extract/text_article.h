// Plain-text articles. Every text file with some text in it is an article.
//
// The seed layout:
//   line 1:  "Feb 14, 2022 - World"  (also "February 14, 2022 - World",
//            "2022-02-14 - World"; the section may be absent)
//   blank line(s), then the headline, a blank line, then the body. Photo
//   caption and credit lines after the headline go to `captions`; a closing
//   "Go deeper" line is dropped.
// The header line is optional (no date then). After it, the first line of text
// decides the layout:
//   1. followed by a blank line and more text: it is the headline, as above;
//   2. followed directly by another line of text (the file starts with a
//      paragraph, as abstracts collections and exports without titles do):
//      there is no headline line. The whole text is the body and the headline
//      is derived from it (`title_from_body` is set, see below);
//   3. the only line of text: a headline-only flash (title set, body empty)
//      when it fits a headline (kHeadlineMaxWords words, kHeadlineMaxChars
//      characters, one sentence); else a paragraph written on one line, read
//      as in 2.
// A header line with nothing after it is a flash whose headline is that line.
//
// A derived headline is the body's first sentence when it has 3 to
// kHeadlineMaxWords words and at most kHeadlineMaxChars characters (a closing
// "." dropped), else its first kDerivedHeadlineWords words and "…". The body
// keeps every word, those of the derived headline included. A file without a
// headline line is kept whole: no caption or "Go deeper" lines are taken out.
//
// Sentences end at ".", "!" or "?" followed by a space and the next sentence
// (a capital, digit or quote after "."; anything after a "." that stands
// alone between spaces); "U.S.", "Mr." and single-letter initials do not end
// one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "morgue/article.h"

namespace morgue {

// The longest line taken for a headline. Headlines are short: of the 20,841
// Reuters-21578 titles 2 have more than 20 words and none more than 150
// characters; AG News titles have at most 17 words and 96 characters.
inline constexpr std::size_t kHeadlineMaxWords = 20;
inline constexpr std::size_t kHeadlineMaxChars = 150;  // Unicode characters
// Length of a derived headline cut from a long first sentence.
inline constexpr std::size_t kDerivedHeadlineWords = 12;

// `text` must be valid UTF-8 (see encoding.h). Returns one article, or a
// problem when the text is empty or white space only. Never throws on bad
// input; thread-safe (no shared state).
Extraction parse_text_article(std::string_view text, const std::string& source);

}  // namespace morgue
