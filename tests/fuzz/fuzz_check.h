// Invariants every fuzz target checks on what a parser returns. A broken
// invariant aborts, so libFuzzer records the input as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "extract/encoding.h"
#include "morgue/article.h"

namespace morgue::fuzz {

[[noreturn]] inline void fail(const char* what, std::string_view value) {
  std::fprintf(stderr, "fuzz invariant broken: %s (%zu bytes)\n", what, value.size());
  std::abort();
}

// Article strings are promised to be valid UTF-8 (article.h).
inline void check_utf8(const char* field, std::string_view value) {
  if (!is_valid_utf8(value)) fail(field, value);
}

inline void check_date(const Date& date) {
  if (!date.is_valid()) fail("date out of range", date.iso());
}

inline void check_article(const Article& a) {
  check_utf8("title is not UTF-8", a.title);
  check_utf8("body is not UTF-8", a.body);
  check_utf8("section is not UTF-8", a.section);
  check_utf8("url is not UTF-8", a.url);
  check_utf8("key is not UTF-8", a.key);
  check_utf8("dateline is not UTF-8", a.dateline);
  check_utf8("language is not UTF-8", a.language);
  check_utf8("timestamp is not UTF-8", a.timestamp);
  for (const auto& s : a.authors) check_utf8("author is not UTF-8", s);
  for (const auto& s : a.people) check_utf8("person is not UTF-8", s);
  for (const auto& s : a.subjects) check_utf8("subject is not UTF-8", s);
  for (const auto& s : a.captions) check_utf8("caption is not UTF-8", s);
  if (a.date) check_date(*a.date);
}

inline void check_extraction(const Extraction& e) {
  for (const auto& a : e.articles) check_article(a);
}

}  // namespace morgue::fuzz
