// Turning search responses and articles into bytes. No Xapian here.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "morgue/admin.h"
#include "morgue/article.h"
#include "morgue/index_writer.h"
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

// One article as the public JSON of docs/json.md: a line of
// `morgue-index --extract` (id empty), the body of /api/article/ID (with its
// id). Keys: source, url, title, date (YYYY-MM-DD or null), section, authors,
// people, body; key, timestamp, subjects, dateline, language, captions when
// not empty; title_from_body only when true; id when given. One object, no
// trailing newline; bytes that are not UTF-8 become U+FFFD. Independent of how
// an archive stores the article (store/), so storage can change without
// changing this.
std::string article_to_json(const Article& article, std::string_view id = {});

// An indexing run's summary (morgue-index's last line): one line of text
// ("N files: A added, ... (S s)"), or one JSON object with the keys of
// docs/json.md (files, added, updated, unchanged, removed, failed,
// duplicates, documents, seconds, interrupted). No trailing newline.
std::string summary_to_text(const IndexSummary& summary);
std::string summary_to_json(const IndexSummary& summary);

// How much of an archive's statistics to show (`morgue-index --stats`).
struct StatsStyle {
  std::size_t top_sections = 20;  // sections listed, most stories first; 0 lists all
};

// `morgue-index --stats`: database, documents, dates, size, files, then the
// top sections with their counts and "... N more sections" for the rest.
// `db_label` is the database as the user named it.
void print_stats(const DatabaseStats& stats, std::string_view db_label, const StatsStyle& style,
                 std::ostream& out);

// `morgue-index --stats --json`: the object of docs/json.md (indented, no
// trailing newline); `sections` holds the top sections, `sections_more` the
// number of distinct sections left out, `sections_total` all of them.
std::string stats_to_json(const DatabaseStats& stats, const StatsStyle& style);

// A fragment as HTML: text escaped, highlights wrapped in <mark>...</mark>.
std::string fragment_to_html(const Fragment& fragment);

// Escapes &, <, >, " and ' for HTML.
std::string html_escape(std::string_view text);

}  // namespace morgue
