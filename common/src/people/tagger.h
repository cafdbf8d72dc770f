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
  // tag (set by the run-time tagger; 0 where nothing was scored).
  std::vector<float> margins;
  // Run time only: per candidate token, the summed weights of its static
  // features (the same in both passes, so computed in the first only).
  std::vector<Scores> static_scores;
};

// Chooses the tag of token `i` from its features (the trainer).
using TagChooser = std::function<Tag(std::size_t i, std::span<const std::uint64_t> features)>;

// Tags every token of `doc` into scratch.tags in two passes: the second
// also sees how the first read the same word elsewhere in the story.
// The trainer's form: `choose` gets every candidate's full feature list.
void tag_document(const Document& doc, const Lexicon& lexicon, TaggerScratch& scratch,
                  const TagChooser& choose);

// The run-time form: the highest-scoring tag under `model` (ties go to the
// lower tag), with its lead over the runner-up in scratch.margins. Chooses
// exactly what the trainer's form with best-tag choice would: static
// feature weights are summed once and reused, in the same order.
void tag_document(const Document& doc, const Lexicon& lexicon, const Model& model, TaggerScratch& scratch);

}  // namespace morgue::people
