#include "people/tagger.h"

#include <algorithm>

namespace morgue::people {

void tag_document(const Document& doc, const Lexicon& lexicon, TaggerScratch& scratch,
                  const TagChooser& choose) {
  analyse(doc, lexicon, scratch.facts);
  scratch.facts.first_pass.clear();
  scratch.facts.readings.clear();
  tag_pass(doc, scratch, choose);
  // Second pass: every word also sees how the first pass read it elsewhere
  // in the story.
  for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
    if (scratch.facts.tokens[i].candidate) ++scratch.facts.readings[scratch.facts.tokens[i].lower_hash][scratch.tags[i]];
  }
  scratch.facts.first_pass = scratch.tags;
  tag_pass(doc, scratch, choose);
}

void tag_pass(const Document& doc, TaggerScratch& scratch, const TagChooser& choose) {
  scratch.tags.assign(doc.tokens.size(), kOutside);
  scratch.margins.assign(doc.tokens.size(), 0.0f);
  Tag prev = kOutside, prev2 = kOutside;
  for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
    if (doc.tokens[i].flags & kSentenceStart) prev = prev2 = kOutside;
    Tag tag = kOutside;
    if (scratch.facts.tokens[i].candidate) {
      static_features(doc, scratch.facts, i, scratch.features);
      history_features(doc, scratch.facts, i, prev, prev2, scratch.features);
      tag = choose(i, scratch.features);
    }
    scratch.tags[i] = tag;
    prev2 = prev;
    prev = tag;
  }
}

Tag best_tag(const Model& model, std::span<const std::uint64_t> features, float* margin) {
  Scores scores{};
  model.add_scores(features, scores);
  int best = 0;
  for (int t = 1; t < kTagCount; ++t) {
    if (scores[t] > scores[best]) best = t;
  }
  float runner_up = -1e30f;
  for (int t = 0; t < kTagCount; ++t) {
    if (t != best) runner_up = std::max(runner_up, scores[t]);
  }
  *margin = scores[best] - runner_up;
  return static_cast<Tag>(best);
}

}  // namespace morgue::people
