// Field clean-up shared by the news XML and JSON Lines parsers (private header):
// the rules that turn a source's idea of a byline, section, language or date
// into the display forms Article promises.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "morgue/article.h"

namespace morgue::news {

// Sets article.date and article.timestamp from a date expression; also accepts
// ISO 8601 basic form ("20220214T093000+0100"), as NITF and NewsML 1 write it.
// Returns false (leaving the article alone) when the text is not a date.
bool set_date(Article& article, std::string_view text);

// "By Jo Smith and Al Jones" -> {"Jo Smith", "Al Jones"}. Text after a comma
// in each name is dropped: it is a job title or agency ("Jo Smith, Reuters").
std::vector<std::string> split_byline(std::string_view byline);

// "world > europe", "WORLD/EUROPE" -> "World/Europe".
std::string normalize_section(std::string_view section);

// "en_us" -> "en-US"; "" when the text does not look like a language tag.
std::string normalize_language(std::string_view tag);

// "    MOSCOW, Feb 14 - " -> "MOSCOW, Feb 14".
std::string clean_dateline(std::string_view dateline);

// Plain text to paragraphs joined by "\n\n": blank lines separate paragraphs
// when there are any, else every line break does; white space is collapsed.
std::string paragraphs_from_text(std::string_view text);

// Appends `value` (collapsed, valid UTF-8) unless empty or already present.
void add_unique(std::vector<std::string>& list, std::string_view value);

// Makes `key` unique among `seen` keys by appending "~N"; stable for a given
// file because the items are visited in document order.
std::string unique_key(std::string key, std::unordered_set<std::string>& seen);

// Valid UTF-8, white space collapsed: the form every stored one-line field takes.
std::string clean_line(std::string_view text);

}  // namespace morgue::news
