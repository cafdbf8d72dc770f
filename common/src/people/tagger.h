// Greedy left-to-right tagging of a document with the perceptron (private).
// Only candidate tokens (with a capital, or a particle between capitalised
// words) are scored; everything else is Outside, which keeps the cost down.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "people/features.h"
#include "people/lexicon.h"
#include "people/perceptron.h"
#include "people/tokenizer.h"

namespace morgue::people {

// Per-call working memory, reused between the tokens of one call.
struct TaggerScratch {
  DocumentFacts facts;
  std::vector<std::uint64_t> features;
  std::vector<Tag> tags;
  // Per token, how far the chosen tag's score is ahead of the best other
  // tag (set by the run-time chooser; 0 where nothing was scored).
  std::vector<float> margins;
};

// Chooses the tag of token `i` from its features (the model at run time, the
// trainer while training).
using TagChooser = std::function<Tag(std::size_t i, std::span<const std::uint64_t> features)>;

// Tags every token of `doc` into scratch.tags (analyse() is called first).
void tag_document(const Document& doc, const Lexicon& lexicon, TaggerScratch& scratch,
                  const TagChooser& choose);

// One left-to-right pass (tag_document() runs two).
void tag_pass(const Document& doc, TaggerScratch& scratch, const TagChooser& choose);

// The run-time chooser: highest-scoring tag under `model`; `*margin` gets
// its lead over the runner-up.
Tag best_tag(const Model& model, std::span<const std::uint64_t> features, float* margin);

}  // namespace morgue::people
