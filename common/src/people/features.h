// The tagger's features (private): word, context, shape, affixes, word-list
// membership and what the rest of the story says about a word. Shared by the
// run-time tagger and the trainer, so both see exactly the same features.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "people/lexicon.h"
#include "people/perceptron.h"
#include "people/tokenizer.h"

namespace morgue::people {

// Per-token facts computed once per document.
struct TokenInfo {
  std::uint64_t lower_hash = 0;
  std::uint64_t shape_hash = 0;  // set for candidates and their neighbours only
  std::uint32_t word = 0;    // index of its lower-case form in DocumentFacts::words
  std::uint8_t lexicon = 0;  // LexiconFlag bits
  bool candidate = false;    // could be part of a name (see is_candidate)
};

// How a word is written across the whole story: "During" is a name nowhere if
// "during" occurs in lower case; "Price" is one if it occurs capitalised
// mid-sentence.
struct WordCounts {
  std::uint16_t lower = 0;        // written in lower case
  std::uint16_t capitalised = 0;  // capitalised, not sentence-initial, not in a caps line
};

// Per-document facts. Distinct words (by lower-case hash) are numbered in
// order of first occurrence, so per-word facts are plain vectors rather than
// hash maps: a story has a few hundred words, and this runs for every story.
struct DocumentFacts {
  std::vector<TokenInfo> tokens;
  std::vector<WordCounts> words;  // per distinct word (TokenInfo::word)
  // After a first tagging pass: how often each word was read as each tag
  // (so the second pass can read "Kroslak" in a results table as the person
  // the story names elsewhere). Per distinct word; empty during the first pass.
  std::vector<std::array<std::uint16_t, kTagCount>> readings;
  std::vector<Tag> first_pass;  // the first pass's tags, per token
  // analyse()'s working table: lower-case hash -> word number (open addressing).
  std::vector<std::pair<std::uint64_t, std::uint32_t>> word_slots;
  std::vector<std::uint8_t> word_lexicon;  // per distinct word, its LexiconFlag bits
};

// Fills `facts` for `doc` (after finish_document()).
void analyse(const Document& doc, const Lexicon& lexicon, DocumentFacts& facts);

// Features of token `i` that do not depend on earlier tags. `out` is cleared.
void static_features(const Document& doc, const DocumentFacts& facts, std::size_t i,
                     std::vector<std::uint64_t>& out);

// Appends the features that depend on the two previous tags.
void history_features(const Document& doc, const DocumentFacts& facts, std::size_t i, Tag prev,
                      Tag prev2, std::vector<std::uint64_t>& out);

}  // namespace morgue::people
