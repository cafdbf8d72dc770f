// Snippets are data: text fragments plus the byte ranges to highlight.
// Printers decide how highlights look; nothing here knows about Xapian.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

struct Highlight {
  std::size_t begin = 0;  // byte offset into Fragment::text
  std::size_t end = 0;    // one past the last byte
};

struct Fragment {
  std::string text;                     // valid UTF-8, no markup
  std::vector<Highlight> highlights;    // sorted, non-overlapping
  bool cut_before = false;              // text continues before the fragment
  bool cut_after = false;               // text continues after the fragment
};

struct Snippet {
  std::vector<Fragment> fragments;
};

// What counts as a match when cutting a snippet: lower-cased words and their
// English stems (as Xapian's stemmer gives them).
struct SnippetTerms {
  std::vector<std::string> words;   // exact lower-case words (phrase words, wildcard expansions)
  std::vector<std::string> stems;   // stems: a text word matches when its stem is here
};

struct SnippetOptions {
  std::size_t max_fragments = 3;     // at most this many fragments
  std::size_t fragment_bytes = 200;  // target length of each fragment
  std::string language;              // the text's language (BCP-47), whose stemmer matches stems; "" English
  // Only the text's first max_scan_bytes are read (cut at a character
  // boundary), so a snippet costs the same for a long story as for a
  // short one; a match further on is not shown. 0: the whole text.
  std::size_t max_scan_bytes = 64 * 1024;
};

// Picks up to max_fragments windows of `text` with the most distinct matches,
// cut at sentence or word boundaries. When nothing matches, returns the
// start of the text as one fragment.
Snippet make_snippet(const std::string& text, const SnippetTerms& terms,
                     const SnippetOptions& options = {});

// The whole of `text` as one fragment, newlines kept, with every word that
// matches `terms` highlighted: a story page reached from a search. `language`
// is the story's (Article::language): its words are stemmed as it was indexed.
Fragment highlight_text(const std::string& text, const SnippetTerms& terms, const std::string& language = {});

// The words of a query in the query language (docs/query-syntax.md) that a
// reader expects highlighted in a story: its words and their stems, without
// operators (AND, OR, NOT, NEAR), filter fields (section:, site:, date:...),
// common function words ("the", "of") or wildcards. Headline, person and
// byline fields keep their words (person:lavrov highlights "Lavrov").
SnippetTerms query_highlight_terms(std::string_view query);

}  // namespace morgue
