// Which language an article is written in: the markup's word when it gives
// one and the text does not clearly say otherwise, else the text itself as
// CLD2 (Compact Language Detector 2, Debian's libcld2) reads it. Thread-safe:
// CLD2 keeps no state between calls.
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
  std::string code;       // CLD2's code for the language ("de", "en", "zh-Hant"); "" when unknown
  bool sure = false;      // the language holds nearly all the text (kSurePercent)
  std::size_t words = 0;  // words in the text (detection runs from kMinDetectWords)
};

// The language of `text` (UTF-8; invalid bytes end what is read). Unknown
// ("") below kMinDetectWords words or when CLD2 does not call its answer
// reliable.
DetectedLanguage detect_language(std::string_view text);

// Sets article.language from its markup and its title and body: the markup's
// tag stays unless the text has kOverruleMarkupWords words and is surely
// another language; with no markup the detector's answer (possibly "").
void settle_language(Article& article);

// True for English ("en", "en-GB") and for an unknown language (""): the
// articles the English people model reads.
bool english_or_unknown(std::string_view language);

}  // namespace morgue
