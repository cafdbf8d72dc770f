// Which language an article is written in: the markup's word when it gives
// one and the text does not clearly say otherwise, else the text itself as
// libexttextcat's n-gram models read it (Cavnar and Trenkle's method, the
// models LibreOffice ships). Thread-safe: each thread keeps its own
// classifier. When the models cannot be loaded, detection answers "unknown"
// and articles keep their markup language.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "morgue/article.h"

namespace morgue {

// Words a text needs before the detector is asked: shorter texts (flashes,
// captions) hold too few letter sequences to tell languages apart.
inline constexpr std::size_t kMinDetectWords = 20;
// Words a text needs before the detector may overrule the markup: page
// templates often say lang="en" around a German story, but a short or mixed
// text should not overrule an author's own label.
inline constexpr std::size_t kOverruleMarkupWords = 60;

struct DetectedLanguage {
  std::string code;      // ISO 639 code of the best model ("de", "en"); "" when unknown
  bool sure = false;     // no other model came close
  std::size_t words = 0; // words in the text (detection runs from kMinDetectWords)
};

// The language of `text` (UTF-8). Unknown ("") below kMinDetectWords words,
// when several models tie, or when the models are missing.
DetectedLanguage detect_language(std::string_view text);

// Sets article.language from its markup and its title and body: the markup's
// tag stays unless the text has kOverruleMarkupWords words and is surely
// another language; with no markup the detector's answer (possibly "").
void settle_language(Article& article);

// True for English ("en", "en-GB") and for an unknown language (""): the
// articles the English people model reads.
bool english_or_unknown(std::string_view language);

}  // namespace morgue
