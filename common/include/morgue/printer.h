// Turning search responses and articles into bytes. No Xapian here.
#pragma once

#include <ostream>
#include <string>

#include "morgue/article.h"
#include "morgue/search.h"

namespace morgue {

struct TerminalStyle {
  bool color = false;   // ANSI colour and bold highlights
  bool bodies = false;  // print full text instead of snippets
};

// Readable terminal layout: rank, headline, date, section, people, source, snippet.
void print_terminal(const SearchResponse& response, const TerminalStyle& style,
                    std::ostream& out);

// A whole stored article for reading (--show).
void print_article(const Article& article, const std::string& id,
                   const TerminalStyle& style, std::ostream& out);

// The JSON document of docs/json.md (one object, no trailing newline).
std::string response_to_json(const SearchResponse& response);

// A fragment as HTML: text escaped, highlights wrapped in <mark>...</mark>.
std::string fragment_to_html(const Fragment& fragment);

// Escapes &, <, >, " and ' for HTML.
std::string html_escape(std::string_view text);

}  // namespace morgue
