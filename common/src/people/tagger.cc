#include "people/tagger.h"

#include <algorithm>

namespace morgue::people {
namespace {

// One left-to-right pass; `choose(i, prev, prev2)` tags candidate i.
template <class Choose>
void tag_pass(const Document& doc, TaggerScratch& scratch, Choose& choose) {
  scratch.tags.assign(doc.tokens.size(), kOutside);
  scratch.margins.assign(doc.tokens.size(), 0.0f);
  Tag prev = kOutside, prev2 = kOutside;
  for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
    if (doc.tokens[i].flags & kSentenceStart) prev = prev2 = kOutside;
    Tag tag = kOutside;
    if (scratch.facts.tokens[i].candidate) tag = choose(i, prev, prev2);
    scratch.tags[i] = tag;
    prev2 = prev;
    prev = tag;
  }
}

template <class Choose>
void tag_two_passes(const Document& doc, const Lexicon& lexicon, TaggerScratch& scratch, Choose&& choose) {
  DocumentFacts& facts = scratch.facts;
  analyse(doc, lexicon, facts);
  facts.first_pass.clear();
  facts.readings.clear();
  tag_pass(doc, scratch, choose);
  // Second pass: every word also sees how the first pass read it elsewhere
  // in the story.
  facts.readings.assign(facts.words.size(), {});
  for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
    if (facts.tokens[i].candidate) ++facts.readings[facts.tokens[i].word][scratch.tags[i]];
  }
  facts.first_pass = scratch.tags;
  tag_pass(doc, scratch, choose);
}

Tag best_of(const Scores& scores, float* margin) {
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

}  // namespace

void tag_document(const Document& doc, const Lexicon& lexicon, TaggerScratch& scratch,
                  const TagChooser& choose) {
  tag_two_passes(doc, lexicon, scratch, [&](std::size_t i, Tag prev, Tag prev2) {
    static_features(doc, scratch.facts, i, scratch.features);
    history_features(doc, scratch.facts, i, prev, prev2, scratch.features);
    return choose(i, scratch.features);
  });
}

void tag_document(const Document& doc, const Lexicon& lexicon, const Model& model, TaggerScratch& scratch) {
  scratch.static_scores.resize(doc.tokens.size());
  tag_two_passes(doc, lexicon, scratch, [&](std::size_t i, Tag prev, Tag prev2) {
    // Scores are summed in feature order (static, then history), as the
    // trainer's form does, so floating-point results are identical.
    Scores& fixed = scratch.static_scores[i];
    if (scratch.facts.first_pass.empty()) {
      static_features(doc, scratch.facts, i, scratch.features);
      fixed = Scores{};
      model.add_scores(scratch.features, fixed);
    }
    Scores scores = fixed;
    scratch.features.clear();
    history_features(doc, scratch.facts, i, prev, prev2, scratch.features);
    model.add_scores(scratch.features, scores);
    return best_of(scores, &scratch.margins[i]);
  });
}

}  // namespace morgue::people
