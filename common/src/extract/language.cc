#include "extract/language.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <vector>

#include <textcat.h>

#include "util/strings.h"

#ifndef MORGUE_TEXTCAT_DIR
#define MORGUE_TEXTCAT_DIR "/usr/share/libexttextcat"
#endif

namespace morgue {
namespace {

// The classifier reads this much of a story: the first paragraphs decide as
// well as the whole text, and the cost grows with the length.
constexpr std::size_t kSampleBytes = 3000;

struct Classifier {
  void* handle = nullptr;
  Classifier() {
    const char* env = std::getenv("MORGUE_TEXTCAT_DIR");
    std::string dir = env && *env ? env : MORGUE_TEXTCAT_DIR;
    if (!dir.empty() && dir.back() != '/') dir += '/';
    handle = special_textcat_Init((dir + "fpdb.conf").c_str(), dir.c_str());
  }
  ~Classifier() {
    if (handle) textcat_Done(handle);
  }
  Classifier(const Classifier&) = delete;
  Classifier& operator=(const Classifier&) = delete;
};

// libexttextcat's handle keeps the last answer in its own buffer: one per thread.
void* classifier() {
  thread_local Classifier c;
  return c.handle;
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    bool letter = std::isalpha(u) || u >= 0x80;
    if (letter && !in_word) ++words;
    in_word = letter || (in_word && (c == '\'' || c == '-'));
  }
  return words;
}

// "[de--utf8][nl--utf8]" -> {"de", "nl"}; the models are named language,
// region or script, then encoding ("zh-CN-utf8", "haw-utf8").
std::vector<std::string> candidates(std::string_view answer) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = answer.find('[', pos)) != std::string_view::npos) {
    std::size_t end = answer.find_first_of("-]", pos + 1);
    if (end == std::string_view::npos) break;
    std::string code(answer.substr(pos + 1, end - pos - 1));
    // The Scots model wins on much plain English (sports copy above all):
    // read it as English, the language whose stemmer and people model fit.
    if (code == "sco") code = "en";
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(std::move(code));
    pos = end;
  }
  return out;
}

// A prefix of `text` cut at a character boundary, ASCII lower-cased: the
// models are mostly lower-case letter sequences, and all-capitals copy
// (old wire stories) would match none of them.
std::string sample_of(std::string_view text) {
  std::size_t n = std::min(text.size(), kSampleBytes);
  while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return util::to_lower(text.substr(0, n));
}

std::string primary_of(std::string_view tag) {
  return util::to_lower(tag.substr(0, tag.find('-')));
}

}  // namespace

DetectedLanguage detect_language(std::string_view text) {
  DetectedLanguage d;
  d.words = count_words(text);
  if (d.words < kMinDetectWords) return d;
  void* handle = classifier();
  if (!handle) return d;
  std::string sample = sample_of(text);
  const char* answer = textcat_Classify(handle, sample.data(), sample.size());
  std::vector<std::string> found = candidates(answer ? answer : "");
  if (found.empty()) return d;
  d.code = found.front();
  d.sure = found.size() == 1;
  return d;
}

void settle_language(Article& article) {
  std::string text = article.title;
  text += "\n";
  text.append(article.body, 0, std::min(article.body.size(), kSampleBytes));
  DetectedLanguage d = detect_language(text);
  if (article.language.empty()) {
    article.language = d.code;
    return;
  }
  if (d.sure && d.words >= kOverruleMarkupWords && d.code != primary_of(article.language)) {
    article.language = d.code;
  }
}

bool english_or_unknown(std::string_view language) {
  return language.empty() || primary_of(language) == "en";
}

}  // namespace morgue
