// Word lists the recogniser consults: first names, surnames, titles, words
// that are never names (private). Loaded once; read-only afterwards, so one
// Lexicon serves every thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::people {

// What a (lower-cased) word can be; a word may be several.
enum LexiconFlag : std::uint16_t {
  kFirstName = 1u << 0,  // a given name ("sergey", "antony")
  kSurname = 1u << 1,    // a family name ("lavrov", "price")
  kTitle = 1u << 2,      // precedes names: "president", "minister", "mr."
  kNotName = 1u << 3,    // capitalised but never a person: months, weekdays, "though"
  kParticle = 1u << 4,   // lower-case part of a name: "von", "de", "bin"
  kSuffix = 1u << 5,     // after a surname: "jr.", "iii"
  kAgency = 1u << 6,     // news agencies and photo libraries: "reuters", "getty"
  kEntityWord = 1u << 7, // ends an organisation or place name: "inc", "bros", "square"
  // Read only after tagging (mentions.cc, mention_rules.cc, evidence.cc and
  // the wire_cues.h rules), never by the model's features, so these lists
  // change without retraining.
  kCommonWord = 1u << 8,   // mostly written in lower case in CoNLL eng.train: "loan", "real"
  kCompanyWord = 1u << 9,  // ends a company or body's name too: "securities", "bank", "cos"
  kKnownEntity = 1u << 10, // a place or body, never a person: "ivory coast", "ferrari" (known_entities.txt)
  kSignOff = 1u << 11,     // a wire sign-off or desk word, never a person: "reuter", "newsroom"
  kNameKind = 1u << 12,    // names a kind of thing whose name follows: "tanker", "hurricane", "uss"
  kCompanyNoun = 1u << 13, // after a company's name, never a person's: "unit", "shares", "subsidiary"
  kRegion = 1u << 14,      // a country's province or state: "gansu", "andhra pradesh" (regions.txt)
};
// The flags the model's features read (the low byte).
inline constexpr int kLexiconFlagCount = 8;
inline constexpr std::uint16_t kFeatureFlags = 0xFF;

// Hash of a lower-cased word, as the lexicon and the model key it (FNV-1a,
// the same as util::fnv1a64; inline because every token is hashed). Never 0.
inline std::uint64_t word_hash(std::string_view lower) {
  std::uint64_t h = 14695981039346656037ull;
  for (char c : lower) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h ? h : 1;  // 0 marks empty slots
}

// The whole of a data file. Throws std::runtime_error("<what> missing or
// unreadable: <file>") when it cannot be read.
std::string read_data_file(const std::filesystem::path& file, std::string_view what);

// The word lists a Lexicon reads from its data directory, and what each holds.
struct LexiconFile {
  const char* name;
  LexiconFlag flag;
};
inline constexpr LexiconFile kLexiconFiles[] = {
    {"first_names.txt", kFirstName}, {"surnames.txt", kSurname},   {"titles.txt", kTitle},
    {"not_names.txt", kNotName},     {"particles.txt", kParticle}, {"suffixes.txt", kSuffix},
    {"agencies.txt", kAgency},       {"entity_words.txt", kEntityWord}, {"common_words.txt", kCommonWord},
    {"company_words.txt", kCompanyWord}, {"known_entities.txt", kKnownEntity},  {"sign_offs.txt", kSignOff},
    {"name_kinds.txt", kNameKind},   {"company_nouns.txt", kCompanyNoun}, {"regions.txt", kRegion}};

class Lexicon {
 public:
  // Reads the word lists in `dir` (kLexiconFiles: one lower-case word a
  // line, '#' starts a comment). Throws std::runtime_error naming a missing
  // or unreadable file.
  explicit Lexicon(const std::filesystem::path& dir);

  std::uint16_t flags(std::uint64_t hash) const {
    for (std::size_t slot = hash & mask_; slots_[slot].key != 0; slot = (slot + 1) & mask_) {
      if (slots_[slot].key == hash) return slots_[slot].flags;
    }
    return 0;
  }
  std::uint16_t flags(std::string_view lower) const { return flags(word_hash(lower)); }

 private:
  void load(const std::filesystem::path& file, std::uint16_t flag);
  // Open addressing, no deletions: every token is looked up, so one cache
  // miss per lookup matters.
  struct Slot {
    std::uint64_t key = 0;  // word hash; 0 marks an empty slot
    std::uint16_t flags = 0;
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
};

}  // namespace morgue::people
