// People named in a story: finds person names in the text, strips titles and
// honorifics, merges mentions of one person under the fullest form the story
// uses ("Sergey Lavrov" for "Lavrov", "Mr. Lavrov", "Foreign Minister Sergey
// Lavrov", "Lavrov's"), and leaves out places, organisations, months and the
// story's own bylines and photo credits.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/article.h"

namespace morgue {

class PeopleExtractor {
 public:
  // Reads the name lists and model from `data_dir` (normally corpus/data)
  // when the first story needs them. Throws std::runtime_error naming a
  // missing file now; extract() throws if a file cannot be parsed.
  explicit PeopleExtractor(const std::filesystem::path& data_dir);
  ~PeopleExtractor();
  PeopleExtractor(const PeopleExtractor&) = delete;
  PeopleExtractor& operator=(const PeopleExtractor&) = delete;

  // Canonical names of the distinct people named in the article (title,
  // body and captions are read; authors and credits are excluded), in order
  // of first mention. Thread-safe: may be called from many threads at once.
  // Of a body longer than kTextWindowBytes only the first kTextWindowBytes
  // are read (util::text_window: the recogniser's tokens and features cost
  // about 30 times the text; the whole body is still indexed for search).
  // The text is read as extract_bytes() leaves it: HTML entities whose "&"
  // was lost ("quot;") are mended there, not here.
  std::vector<std::string> extract(const Article& article) const;

  // The people, and what the story's mentions say of each name found, kept
  // or dropped (persons' and things' readings: the value
  // schema::kSlotPeopleCues, summed over the archive by the people step).
  struct Found {
    std::vector<std::string> names;
    std::string cues;
  };
  Found extract_with_cues(const Article& article) const;

  // 1 MiB: as much of a story as is stored and shown (schema::kMaxStoredBodyBytes).
  static constexpr std::size_t kTextWindowBytes = std::size_t{1} << 20;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The data directory: $MORGUE_DATA_DIR when set, else the source tree's
// corpus/data when it exists, else the installed share/morgue.
std::filesystem::path default_data_dir();

}  // namespace morgue
