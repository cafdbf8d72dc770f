#include "people/features.h"

#include <algorithm>
#include <string_view>

namespace morgue::people {
namespace {

std::uint64_t mix(std::uint64_t x) {
  // splitmix64 finaliser: spreads similar inputs over the whole table.
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

std::uint64_t feature(std::uint64_t templ, std::uint64_t value) {
  return mix(value + templ * 0x9e3779b97f4a7c15ull);
}

// Character classes collapsed into runs: "Lavrov" -> "Xx", "U.S." -> "X.X.",
// "Gallup-Pool" -> "Xx-Xx", "1996" -> "d".
std::uint64_t shape_hash(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;
  char last = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    char cls;
    if (c >= 'A' && c <= 'Z') cls = 'X';
    else if (c >= 'a' && c <= 'z') cls = 'x';
    else if (c >= '0' && c <= '9') cls = 'd';
    else if (c >= 0x80) {
      // Classify the whole code point by the case of its first letter.
      std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      std::string_view cp = text.substr(i, len);
      cls = has_letter(cp) ? (has_upper(cp) ? 'X' : 'x') : 'u';
      i += len - 1;
    } else cls = static_cast<char>(c);
    if (cls == last && (cls == 'X' || cls == 'x' || cls == 'd')) continue;
    last = cls;
    h = (h ^ static_cast<unsigned char>(cls)) * 1099511628211ull;
  }
  return h;
}

constexpr std::uint64_t kBoundary = 0x5e47e9c3ull;  // the word "beyond the sentence"

bool starts_sentence(const Document& doc, std::size_t i) {
  return doc.tokens[i].flags & kSentenceStart;
}

// Word hash of the token at offset `delta` from `i`, or kBoundary past a
// sentence start or the document's ends.
std::uint64_t context_word(const Document& doc, const DocumentFacts& facts, std::size_t i, int delta) {
  std::size_t j = i;
  for (int step = 0; step < (delta < 0 ? -delta : delta); ++step) {
    if (delta < 0) {
      if (j == 0 || starts_sentence(doc, j)) return kBoundary;
      --j;
    } else {
      if (j + 1 >= doc.tokens.size() || starts_sentence(doc, j + 1)) return kBoundary;
      ++j;
    }
  }
  return facts.tokens[j].lower_hash;
}

const TokenInfo* neighbour(const Document& doc, const DocumentFacts& facts, std::size_t i, int delta) {
  if (delta < 0) {
    for (int k = 0; k < -delta; ++k) {
      if (i == 0 || starts_sentence(doc, i)) return nullptr;
      --i;
    }
  } else {
    for (int k = 0; k < delta; ++k) {
      if (i + 1 >= doc.tokens.size() || starts_sentence(doc, i + 1)) return nullptr;
      ++i;
    }
  }
  return &facts.tokens[i];
}

std::uint64_t affix(std::string_view lower, std::size_t n, bool suffix) {
  if (lower.size() <= n) return 0;
  return word_hash(suffix ? lower.substr(lower.size() - n) : lower.substr(0, n));
}

// "Jean-Pierre" is a given name when both halves are; "Smith-Jones" a surname.
std::uint8_t hyphenated_name_flags(std::string_view lower, const Lexicon& lexicon) {
  std::size_t dash = lower.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= lower.size()) return 0;
  std::uint16_t left = lexicon.flags(lower.substr(0, dash));
  std::uint16_t right = lexicon.flags(lower.substr(dash + 1));
  return static_cast<std::uint8_t>(left & right & (kFirstName | kSurname));
}

}  // namespace

namespace {

// The number of the distinct word with hash `hash`, adding it (with its word
// list flags) when new.
std::uint32_t word_number(const Token& t, std::uint64_t hash, const Lexicon& lexicon, DocumentFacts& facts) {
  const std::size_t mask = facts.word_slots.size() - 1;
  std::size_t slot = static_cast<std::size_t>((hash * 0x9e3779b97f4a7c15ull) >> 32) & mask;
  while (facts.word_slots[slot].first != 0) {
    if (facts.word_slots[slot].first == hash) return facts.word_slots[slot].second;
    slot = (slot + 1) & mask;
  }
  const auto number = static_cast<std::uint32_t>(facts.words.size());
  facts.word_slots[slot] = {hash, number};
  facts.words.emplace_back();
  // The model reads the low byte only (the later lists are read after tagging).
  auto flags = static_cast<std::uint8_t>(lexicon.flags(hash) & kFeatureFlags);
  if (flags == 0) flags = hyphenated_name_flags(t.lower, lexicon);
  facts.word_lexicon.push_back(flags);
  return number;
}

}  // namespace

void analyse(const Document& doc, const Lexicon& lexicon, DocumentFacts& facts) {
  const std::size_t n = doc.tokens.size();
  facts.tokens.resize(n);
  facts.words.clear();
  facts.word_lexicon.clear();
  std::size_t table = 16;
  while (table < n * 2) table *= 2;
  facts.word_slots.assign(table, {0, 0});  // word_hash() is never 0
  for (std::size_t i = 0; i < n; ++i) {
    const Token& t = doc.tokens[i];
    TokenInfo& info = facts.tokens[i];
    info.lower_hash = word_hash(t.lower);
    info.word = word_number(t, info.lower_hash, lexicon, facts);
    info.lexicon = facts.word_lexicon[info.word];
    info.candidate = t.letter_case & kHasUpper;
    if (!(t.letter_case & kHasLetter)) continue;
    if (t.letter_case & kLowerOnly) {
      ++facts.words[info.word].lower;
    } else if (!(t.flags & (kSentenceStart | kCapsLine)) && (t.letter_case & kStartsUpper)) {
      ++facts.words[info.word].capitalised;
    }
  }
  // Lower-case particles inside names ("Ursula von der Leyen") are candidates
  // only between capitalised words.
  for (std::size_t i = 1; i + 1 < n; ++i) {
    TokenInfo& info = facts.tokens[i];
    if (info.candidate || !(info.lexicon & kParticle)) continue;
    std::size_t next = i + 1;
    while (next < n && (facts.tokens[next].lexicon & kParticle) && !facts.tokens[next].candidate) ++next;
    info.candidate = facts.tokens[i - 1].candidate && next < n && facts.tokens[next].candidate;
  }
  // Shapes are read only for candidates and their next neighbours.
  for (std::size_t i = 0; i < n; ++i) {
    bool needed = facts.tokens[i].candidate || (i > 0 && facts.tokens[i - 1].candidate) ||
                  (i + 1 < n && facts.tokens[i + 1].candidate);
    facts.tokens[i].shape_hash = needed ? shape_hash(doc.tokens[i].text) : 0;
  }
}

void static_features(const Document& doc, const DocumentFacts& facts, std::size_t i,
                     std::vector<std::uint64_t>& out) {
  out.clear();
  const Token& tok = doc.tokens[i];
  const TokenInfo& info = facts.tokens[i];
  const std::uint64_t caps = (tok.flags & kCapsLine) ? 1 : 0;
  const std::uint64_t first = (tok.flags & kSentenceStart) ? 1 : 0;
  const std::uint64_t w0 = info.lower_hash;

  out.push_back(feature(1, 0));
  out.push_back(feature(2, w0));
  out.push_back(feature(3, context_word(doc, facts, i, -1)));
  out.push_back(feature(4, context_word(doc, facts, i, 1)));
  out.push_back(feature(5, context_word(doc, facts, i, -2)));
  out.push_back(feature(6, context_word(doc, facts, i, 2)));
  out.push_back(feature(7, affix(tok.lower, 3, true)));
  out.push_back(feature(8, affix(tok.lower, 2, true)));
  out.push_back(feature(9, affix(tok.lower, 4, true)));
  out.push_back(feature(10, affix(tok.lower, 3, false)));

  const TokenInfo* prev = neighbour(doc, facts, i, -1);
  const TokenInfo* next = neighbour(doc, facts, i, 1);
  const TokenInfo* prev2 = neighbour(doc, facts, i, -2);
  const TokenInfo* next2 = neighbour(doc, facts, i, 2);
  std::uint64_t prev_shape = prev ? prev->shape_hash : kBoundary;
  std::uint64_t next_shape = next ? next->shape_hash : kBoundary;
  // In a line of capitals, case says nothing: shapes are kept apart there.
  out.push_back(feature(11, info.shape_hash * 2 + caps));
  out.push_back(feature(12, prev_shape * 2 + caps));
  out.push_back(feature(13, next_shape * 2 + caps));
  out.push_back(feature(14, (prev_shape * 31 + info.shape_hash) * 2 + caps));
  out.push_back(feature(15, (info.shape_hash * 31 + next_shape) * 2 + caps));
  out.push_back(feature(16, (info.shape_hash * 4 + first * 2 + caps)));

  auto add_lexicon = [&](std::uint64_t templ, const TokenInfo* t) {
    std::uint8_t bits = t ? t->lexicon : 0;
    for (int b = 0; b < kLexiconFlagCount; ++b) {
      if (bits & (1u << b)) out.push_back(feature(templ, static_cast<std::uint64_t>(b) * 4 + first * 2 + caps));
    }
    if (!bits) out.push_back(feature(templ, 99 * 4 + first * 2 + caps));
  };
  add_lexicon(20, &info);
  add_lexicon(21, prev);
  add_lexicon(22, next);
  add_lexicon(23, prev2);
  add_lexicon(24, next2);
  out.push_back(feature(25, static_cast<std::uint64_t>(info.lexicon) * 256 +
                                (prev ? prev->lexicon : 255u) * 2 + caps));
  out.push_back(feature(26, static_cast<std::uint64_t>(info.lexicon) * 256 +
                                (next ? next->lexicon : 255u) * 2 + caps));

  out.push_back(feature(30, w0 * 4 + first * 2 + caps));
  out.push_back(feature(31, context_word(doc, facts, i, -1) * 31 + w0));
  out.push_back(feature(32, w0 * 31 + context_word(doc, facts, i, 1)));

  // What the rest of the story says about this word.
  const WordCounts counts = facts.words[info.word];
  bool self_capitalised = !(tok.flags & (kSentenceStart | kCapsLine)) && (tok.letter_case & kStartsUpper) &&
                          !(tok.letter_case & kLowerOnly);
  std::uint64_t seen_lower = counts.lower > 0 ? 1 : 0;
  std::uint64_t seen_capitalised = counts.capitalised > (self_capitalised ? 1 : 0) ? 1 : 0;
  out.push_back(feature(40, seen_lower * 8 + seen_capitalised * 4 + first * 2 + caps));
  out.push_back(feature(41, (seen_lower * 2 + seen_capitalised) * 256 + info.lexicon));
  std::uint64_t neighbours = (prev && prev->candidate ? 2 : 0) + (next && next->candidate ? 1 : 0);
  out.push_back(feature(42, neighbours * 4 + first * 2 + caps));
  out.push_back(feature(43, std::min<std::uint64_t>(tok.text.size(), 12) * 2 + caps));
}

void history_features(const Document& doc, const DocumentFacts& facts, std::size_t i, Tag prev,
                      Tag prev2, std::vector<std::uint64_t>& out) {
  const TokenInfo& info = facts.tokens[i];
  std::uint64_t caps = (doc.tokens[i].flags & kCapsLine) ? 1 : 0;
  out.push_back(feature(60, prev));
  out.push_back(feature(61, prev2 * 8u + prev));
  out.push_back(feature(62, info.lower_hash * 8 + prev));
  out.push_back(feature(63, (info.shape_hash * 8 + prev) * 2 + caps));
  out.push_back(feature(64, static_cast<std::uint64_t>(info.lexicon) * 8 + prev));

  // The story's other readings of this word (second pass only).
  if (facts.first_pass.empty()) {
    out.push_back(feature(70, 15));
    return;
  }
  std::array<std::uint16_t, kTagCount> counts = facts.readings[info.word];
  if (counts[facts.first_pass[i]] > 0) --counts[facts.first_pass[i]];  // not its own reading
  int best = kOutside;
  for (int t = 1; t < kTagCount; ++t) {
    if (counts[t] > counts[best]) best = t;
  }
  int entity = counts[kOutside] == 0 && best == kOutside ? 7 : best;  // 7: no other occurrence
  bool person_elsewhere = counts[kPersonBegin] + counts[kPersonInside] > 0;
  out.push_back(feature(70, static_cast<std::uint64_t>(entity) * 2 + caps));
  out.push_back(feature(71, static_cast<std::uint64_t>(entity) * 16 + prev * 2 + caps));
  out.push_back(feature(72, (person_elsewhere ? 1u : 0u) * 2 + caps));
}

}  // namespace morgue::people
