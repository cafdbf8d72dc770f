#include "people/lexicon.h"

#include <fstream>
#include <stdexcept>
#include <string>

#include "util/strings.h"

namespace morgue::people {

std::uint64_t word_hash(std::string_view lower) {
  std::uint64_t h = util::fnv1a64(lower);
  return h ? h : 1;  // 0 marks empty slots
}

Lexicon::Lexicon(const std::filesystem::path& dir) {
  // Sized for the shipped lists (about 180,000 words) at under half full.
  slots_.assign(std::size_t{1} << 19, Slot{});
  mask_ = slots_.size() - 1;
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
    std::uint64_t hash = word_hash(word);
    std::size_t slot = hash & mask_;
    while (slots_[slot].key != 0 && slots_[slot].key != hash) slot = (slot + 1) & mask_;
    if (slots_[slot].key == 0 && ++count_ * 2 > slots_.size()) {
      throw std::runtime_error("people word lists too large: " + file.string());
    }
    slots_[slot].key = hash;
    slots_[slot].flags |= flag;
  }
}

}  // namespace morgue::people
