// Splitting story text into the tokens the person recogniser tags (private).
// The split follows CoNLL-2003 (Penn Treebank style), which the model was
// trained on: punctuation apart, possessive "'s" apart, "U.S." and initials
// ("J.K.") kept whole, hyphenated words whole.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::people {

// Token flags, set by the tokenizer (or by the trainer from CoNLL tokens).
enum TokenFlag : std::uint32_t {
  kSentenceStart = 1u << 0,  // first word of a sentence, line or paragraph
  kLineStart = 1u << 1,      // first token of a line (headline, dateline, bullet)
  kCapsLine = 1u << 2,       // the token's line is mostly upper case (headline, dateline)
  // The headline is in title case ("Daughter Speaks Against Castro"): set
  // after tagging is possible (wire_cues.h), read only by the steps after
  // the tagger, never by the model's features.
  kTitleCase = 1u << 3,
};

// What a token's letters look like, worked out once when it is added (the
// recogniser asks for every token, in several steps).
enum TokenCase : std::uint8_t {
  kHasLetter = 1u << 0,    // has_letter(text)
  kHasUpper = 1u << 1,     // has_upper(text)
  kStartsUpper = 1u << 2,  // starts_upper(text)
  kAllUpper = 1u << 3,     // is_all_upper(text)
  kLowerOnly = 1u << 4,    // text == lower
};

struct Token {
  std::string_view text;   // as written (points into the caller's text)
  std::string_view lower;  // lower-cased (points into Document::lower_buffer)
  std::uint32_t flags = 0;
  std::uint8_t letter_case = 0;  // TokenCase bits
};

// A run of tokens with their lower-case forms. The views in `tokens` point
// into the tokenized text and into `lower_buffer`, so a Document must not
// outlive the text it was built from, and is not copyable.
struct Document {
  std::vector<Token> tokens;
  std::string lower_buffer;
  std::vector<std::uint32_t> lower_offsets;  // per token, until finish_document()

  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  void clear() {
    tokens.clear();
    lower_buffer.clear();
    lower_offsets.clear();
  }
};

// Appends the tokens of `text` (one block: a headline, a caption or the body;
// a new line starts a sentence) to `doc`. Call finish_document() after the
// last block: lower-case views are fixed up only then, because the buffer
// may move while it grows.
void tokenize(std::string_view text, Document& doc);

// Appends one token given as text (the trainer's pre-tokenized input).
void add_token(std::string_view text, std::uint32_t flags, Document& doc);

// Sets the `lower` views and the kCapsLine flags. Call once, after the last
// tokenize()/add_token().
void finish_document(Document& doc);

// UTF-8 helpers shared by the recogniser.
bool starts_upper(std::string_view word);  // first letter is upper case
bool is_all_upper(std::string_view word);  // has letters, none lower case
bool has_upper(std::string_view word);
bool has_letter(std::string_view word);
std::uint8_t letter_case(std::string_view word);  // TokenCase bits, kLowerOnly aside

}  // namespace morgue::people
