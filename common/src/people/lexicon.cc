#include "people/lexicon.h"

#include <fstream>
#include <stdexcept>
#include <string>

#include "util/strings.h"

namespace morgue::people {

std::uint64_t word_hash(std::string_view lower) { return util::fnv1a64(lower); }

Lexicon::Lexicon(const std::filesystem::path& dir) {
  words_.reserve(131072);
  load(dir / "first_names.txt", kFirstName);
  load(dir / "surnames.txt", kSurname);
  load(dir / "titles.txt", kTitle);
  load(dir / "not_names.txt", kNotName);
  load(dir / "particles.txt", kParticle);
  load(dir / "suffixes.txt", kSuffix);
  load(dir / "agencies.txt", kAgency);
  load(dir / "entity_words.txt", kEntityWord);
}

void Lexicon::load(const std::filesystem::path& file, std::uint8_t flag) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("people data file missing or unreadable: " + file.string());
  std::string line;
  while (std::getline(in, line)) {
    std::string_view word = util::trim(line);
    if (word.empty() || word.front() == '#') continue;
    words_[word_hash(word)] |= flag;
  }
}

}  // namespace morgue::people
