// Generated text stories for tests that need many files: random words in the
// seed layout (a "DATE - Section" line, a blank line, the headline, then
// paragraphs). Every word is ours.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

namespace morgue::testing_support {

inline const char* const kStoryWords[] = {
    "council", "budget",  "harbour", "strike", "minister", "vote",    "bridge", "river",   "school",
    "court",   "police",  "market",  "price",  "energy",   "winter",  "storm",  "league",  "final",
    "theatre", "museum",  "railway", "tram",   "airport",  "factory", "union",  "mayor",   "election",
    "health",  "hospital", "farm",   "harvest", "festival", "bank",   "loan",   "housing", "plan"};

struct StoryShape {
  unsigned seed = 1;   // the same seed writes the same stories
  int sentences = 6;   // paragraphs of one sentence each
  int words = 12;      // random words a sentence, before the story's own word
};

// `count` stories, 100 per folder (dir/f0, dir/f1, ...), named story-N.txt,
// dated at random from 1995 to 2023. Every sentence of story N ends with the
// word "uniquewordN", which no other story has.
inline void write_stories(const std::filesystem::path& dir, int count, const StoryShape& shape = {}) {
  std::mt19937 rng(shape.seed);
  std::uniform_int_distribution<std::size_t> word(0, std::size(kStoryWords) - 1);
  std::uniform_int_distribution<int> day(1, 28), month(1, 12), year(1995, 2023);
  for (int i = 0; i < count; ++i) {
    std::filesystem::path folder = dir / ("f" + std::to_string(i / 100));
    std::filesystem::create_directories(folder);
    std::ofstream out(folder / ("story-" + std::to_string(i) + ".txt"));
    out << year(rng) << "-" << (month(rng) < 10 ? "0" : "") << month(rng) << "-" << (day(rng) < 10 ? "0" : "")
        << day(rng) << " - News\n\nStory " << i << " on the " << kStoryWords[word(rng)] << " and the "
        << kStoryWords[word(rng)] << "\n\n";
    for (int s = 0; s < shape.sentences; ++s) {
      out << "The";
      for (int w = 0; w < shape.words; ++w) out << " " << kStoryWords[word(rng)];
      out << " uniqueword" << i << ".\n\n";
    }
  }
}

}  // namespace morgue::testing_support
