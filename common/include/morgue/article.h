// The article model shared by every extractor, the indexer and the searcher.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// A calendar day. Valid dates have year 1..9999, month 1..12, day 1..31
// (checked against the month's length by is_valid()).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  bool is_valid() const;
  std::string iso() const;      // "2022-02-14"
  std::string compact() const;  // "20220214": the form stored in value slots
  // The date a compact() string names; nullopt for anything else.
  static std::optional<Date> from_compact(std::string_view compact);
  auto operator<=>(const Date&) const = default;
};

// One news story, as extracted from a file. Every string is valid UTF-8
// (extractors guarantee it; see encoding.h).
struct Article {
  std::string source;    // file path the article came from
  std::string key;       // unique key inside a multi-article file; "" for one-article files
  std::string url;       // canonical URL when the article names one, else ""
  std::string title;     // headline, without any site-name suffix
  // The headline was derived from the body's first words (the file had no
  // headline line): those words are in `body` too, so the indexer does not
  // weight them as a headline again. See text_article.h.
  bool title_from_body = false;
  std::optional<Date> date;        // publication day; nullopt when unknown (never guessed)
  std::string timestamp;           // full ISO-8601 publication time with zone when given, else ""
  std::string section;             // display form, hierarchy with '/': "World", "World/Europe"
  std::vector<std::string> authors;   // bylines, one name each
  std::vector<std::string> people;    // canonical names of the people named in the story
  std::string people_cues;            // what the extractor read of each name (schema::kSlotPeopleCues)
  std::vector<std::string> subjects;  // topics/subjects/keywords from the source
  std::string dateline;               // "MOSCOW" or "NEW YORK, Feb 14" when given
  std::string language;               // BCP-47 tag ("en") when known, else ""
  std::vector<std::string> captions;  // photo captions and credits (not body, not people)
  std::string body;                   // story text: paragraphs separated by "\n\n"

  bool operator==(const Article&) const = default;
};

// A problem with input data: where (path, or path:line) and why.
struct Problem {
  std::string where;
  std::string reason;
};

// What an extractor returns for one file: the articles it found and the
// problems it met. A file "failed" when it yields no article and has problems.
struct Extraction {
  std::vector<Article> articles;
  std::vector<Problem> problems;
  bool failed() const { return articles.empty() && !problems.empty(); }
};

}  // namespace morgue
