#include "people/lexicon.h"

#include <fstream>
#include <stdexcept>
#include <string>

#include "util/strings.h"

namespace morgue::people {

std::string read_data_file(const std::filesystem::path& file, std::string_view what) {
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  std::string text;
  if (in) {
    text.resize(static_cast<std::size_t>(in.tellg()));
    in.seekg(0);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
  }
  if (!in) throw std::runtime_error(std::string(what) + " missing or unreadable: " + file.string());
  return text;
}

Lexicon::Lexicon(const std::filesystem::path& dir) {
  // Sized for the shipped lists (about 180,000 words) at under half full.
  slots_.assign(std::size_t{1} << 19, Slot{});
  mask_ = slots_.size() - 1;
  for (const auto& file : kLexiconFiles) load(dir / file.name, file.flag);
}

void Lexicon::load(const std::filesystem::path& file, std::uint16_t flag) {
  // Read whole and split in place: these lists are loaded on every indexing run.
  const std::string text = read_data_file(file, "people data file");
  std::string_view rest = text;
  while (!rest.empty()) {
    std::size_t end = rest.find('\n');
    std::string_view word = util::trim(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
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
