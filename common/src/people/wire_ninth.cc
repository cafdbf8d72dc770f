// Wire cues added after judging a ninth pair of wire samples (wire_ninth.h):
// a name before its contracted short name in brackets, an initial that is
// the tail of a dotted abbreviation, the first partner of a firm's full
// name, a model between a possessive and a number, and a family name's
// lower-case particles after a given name.
#include "people/wire_ninth.h"

#include <algorithm>
#include <string_view>

#include "people/rule_words.h"

namespace morgue::people {

namespace {

bool is_single_initial(std::string_view w) {
  return w.size() == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z';
}

// Whether `shortened` (lower case) is a non-empty beginning of each of the
// words [k, end) in order, nothing left over.
bool made_of_beginnings(const Document& doc, std::size_t k, std::size_t end, std::string_view shortened) {
  if (k == end) return shortened.empty();
  const std::string_view word = doc.tokens[k].lower;
  for (std::size_t take = 1; take <= word.size() && take <= shortened.size(); ++take) {
    if (word[take - 1] != shortened[take - 1]) break;
    if (made_of_beginnings(doc, k + 1, end, shortened.substr(take))) return true;
  }
  return false;
}

}  // namespace

bool before_contracted_name(const Document& doc, std::size_t begin, std::size_t end) {
  const std::size_t n = doc.tokens.size();
  if (end - begin < 2 || end - begin > 4 || end + 2 >= n) return false;
  if (doc.tokens[end].text != "(" || doc.tokens[end + 2].text != ")") return false;
  const Token& inside = doc.tokens[end + 1];
  // Capitalised and then in lower case ("Pevel"): initials in capitals are
  // another rule's, and a word in capitals may be an acronym of anything.
  if (inside.text.size() < 4 || !(inside.letter_case & kStartsUpper) || inside.text.substr(1) != inside.lower.substr(1)) {
    return false;
  }
  return made_of_beginnings(doc, begin, end, inside.lower);
}

bool opens_with_glued_initial(const Document& doc, std::size_t begin, std::size_t end) {
  if (begin == 0 || end <= begin || !is_single_initial(doc.tokens[begin].text)) return false;
  const std::string_view before = doc.tokens[begin - 1].text;
  // The views point into one text: no space between means the full stop
  // ends right where the initial starts.
  return before == "." && before.data() + before.size() == doc.tokens[begin].text.data();
}

bool wire_ninth_says_not_a_person(const Document& doc, const Lexicon&, std::size_t begin, std::size_t end) {
  return before_contracted_name(doc, begin, end) || opens_with_glued_initial(doc, begin, end);
}

namespace {

// "Halden and Pryce Associated Companies Plc" with the "and" at `i`.
void add_first_partner(const Document& doc, const Lexicon& lexicon, std::size_t i, std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  if (i == 0 || (doc.tokens[i].flags & kCapsLine)) return;
  const Token& first = doc.tokens[i - 1];
  if (!capitalised(first) || (first.flags & kCapsLine) || (lexicon.flags(first.lower) & (kFirstName | kTitle))) return;
  if (i >= 2 && !(first.flags & kSentenceStart) && capitalised(doc.tokens[i - 2])) return;
  std::size_t k = i + 1;
  while (k < n && k < i + 6 && capitalised(doc.tokens[k]) && !ends_a_firm(doc.tokens[k], lexicon)) ++k;
  if (k == i + 1 || k >= n || !ends_a_firm(doc.tokens[k], lexicon)) return;
  words.push_back(first.lower);
}

// A lone word at `k` after the possessive at k - 1, before a number.
bool model_after_possessive(const Document& doc, std::size_t k) {
  const std::size_t n = doc.tokens.size();
  if (k < 2 || k + 1 >= n || !capitalised(doc.tokens[k]) || !capitalised(doc.tokens[k - 2])) return false;
  const std::string_view number = doc.tokens[k + 1].text;
  return !number.empty() && number[0] >= '0' && number[0] <= '9' && !(doc.tokens[k].flags & kCapsLine);
}

// "Halvex Corp's <HVX> Kelso Trucks subsidiary" with the possessive at `i`:
// the capitalised words between a capitalised owner's possessive (a ticker
// in angle brackets may follow it) and a part of a company, appended to
// `words` (as "its Kelso Trucks subsidiary" in wire_firms.cc).
void add_possessed_part(const Document& doc, std::size_t i, std::vector<std::string_view>& words) {
  constexpr std::string_view kParts[] = {"division", "divisions",    "subsidiary", "subsidiaries",
                                         "unit",     "units",        "affiliate",  "affiliates"};
  const std::size_t n = doc.tokens.size();
  if (i == 0 || !capitalised(doc.tokens[i - 1]) || (doc.tokens[i].flags & kCapsLine)) return;
  std::size_t k = i + 1;
  if (k < n && doc.tokens[k].text == "<") {
    while (k < n && k < i + 6 && doc.tokens[k].text != ">") ++k;
    if (k >= n || doc.tokens[k].text != ">") return;
    ++k;
  }
  const std::size_t first = k;
  while (k < n && k < first + 4 && capitalised(doc.tokens[k]) && !(doc.tokens[k].flags & kSentenceStart)) ++k;
  if (k == first || k >= n || !(doc.tokens[k].letter_case & kLowerOnly) || !in(kParts, doc.tokens[k].lower)) return;
  for (std::size_t w = first; w < k; ++w) words.push_back(doc.tokens[w].lower);
}

}  // namespace

void add_ninth_pair_names(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words,
                          std::vector<std::size_t>& starts) {
  const std::size_t n = doc.tokens.size();
  for (std::size_t i = 1; i + 1 < n; ++i) {
    const std::string_view text = doc.tokens[i].text;
    if (text == "and" || text == "&") {
      add_first_partner(doc, lexicon, i, words);
    } else if (text == "'s" || text == "\u2019s") {
      if (model_after_possessive(doc, i + 1)) starts.push_back(i + 1);
      add_possessed_part(doc, i, words);
    }
  }
}

namespace {

bool is_particle(const Token& t) {
  constexpr std::string_view kParticles[] = {"de",  "da", "do", "dos", "das", "del", "della", "di", "du", "van",
                                             "von", "la", "le", "der", "den", "los", "las"};
  return in(kParticles, t.text);
}

}  // namespace

void join_name_particles(const Document& doc, const Lexicon& lexicon, std::vector<Tag>& tags,
                         std::vector<float>& margins) {
  const std::size_t n = doc.tokens.size();
  for (std::size_t i = 0; i < n;) {
    if (tags[i] != kPersonBegin) {
      ++i;
      continue;
    }
    const std::size_t begin = i++;
    while (i < n && tags[i] == kPersonInside) ++i;
    if (!(lexicon.flags(doc.tokens[begin].lower) & kFirstName)) continue;
    // The tagger may have taken the particles in and left the family name
    // out ("Rene de la" and "Kelso" read as a firm's).
    std::size_t first_particle = i;
    while (first_particle > begin + 1 && is_particle(doc.tokens[first_particle - 1])) --first_particle;
    std::size_t last = i;
    while (last < n && last < first_particle + 2 && tags[last] == kOutside && is_particle(doc.tokens[last])) ++last;
    if (last == first_particle || last - first_particle > 2 || first_particle - begin > 2 || last >= n) continue;
    const Token& family = doc.tokens[last];
    if (is_person_tag(tags[last]) || tags[last] == kLocation || !capitalised(family) ||
        (family.flags & (kSentenceStart | kCapsLine)) || (lexicon.flags(family.lower) & kKnownEntity) ||
        ends_a_firm(family, lexicon) || (last + 1 < n && ends_a_firm(doc.tokens[last + 1], lexicon))) {
      continue;
    }
    float surest = 0;
    for (std::size_t k = begin; k < i && k < margins.size(); ++k) surest = std::max(surest, margins[k]);
    for (std::size_t k = i; k <= last; ++k) {
      tags[k] = kPersonInside;
      if (k < margins.size()) margins[k] = surest;
    }
    i = last + 1;
  }
}

}  // namespace morgue::people
