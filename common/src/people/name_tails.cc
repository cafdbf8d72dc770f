// Family names a tagged span leaves out at its end (name_tails.h).
#include "people/name_tails.h"

#include <cstdint>

#include "people/names.h"
#include "people/rule_words.h"

namespace morgue::people {

std::size_t family_name_after_bracket(const Document& doc, const Lexicon& lexicon, std::size_t begin,
                                      std::size_t end) {
  const std::size_t n = doc.tokens.size();
  if (end - begin != 1 || end + 1 >= n || doc.tokens[end].text != ")") return 0;
  bool opened = false;
  for (std::size_t k = begin; k > 0 && k + 5 > begin && !opened; --k) {
    if (doc.tokens[k].flags & kLineStart) break;
    opened = doc.tokens[k - 1].text == "(";
  }
  const Token& family = doc.tokens[end + 1];
  if (!opened || !capitalised(family) || (family.letter_case & kAllUpper) || (family.flags & kLineStart)) return 0;
  return (lexicon.flags(family.lower) & (kTitle | kNotName | kKnownEntity | kCommonWord)) ? 0 : end + 1;
}

namespace {

bool known_given_name(const Token& t, const Lexicon& lexicon) {
  return capitalised(t) && !(t.letter_case & kAllUpper) && (lexicon.flags(t.lower) & kFirstName);
}

}  // namespace

std::size_t shared_family_name(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                               std::size_t begin, std::size_t end) {
  const std::size_t n = doc.tokens.size();
  if (end - begin != 1 || !known_given_name(doc.tokens[begin], lexicon)) return 0;
  // Up to five more members: ", Osk", ", and Osk", "and Ada Velder".
  std::size_t k = end;
  for (int member = 0; member < 5 && k + 1 < n; ++member) {
    bool last = doc.tokens[k].text == "and";
    if (!last && doc.tokens[k].text != ",") return 0;
    ++k;
    if (!last && doc.tokens[k].text == "and") {
      last = true;
      ++k;
    }
    if (k + 1 >= n || !known_given_name(doc.tokens[k], lexicon)) return 0;
    ++k;
    if (!last) continue;
    const Token& family = doc.tokens[k];
    constexpr std::uint16_t kElse = kFirstName | kCommonWord | kKnownEntity | kEntityWord | kCompanyWord | kTitle |
                                    kNotName | kRegion | kAgency;
    const bool alone = k + 1 >= n || !capitalised(doc.tokens[k + 1]);
    return capitalised(family) && !(family.flags & (kSentenceStart | kLineStart)) && alone &&
                   tags[k - 1] == kPersonBegin && tags[k] == kPersonInside && !(lexicon.flags(family.lower) & kElse)
               ? k
               : 0;
  }
  return 0;
}

std::size_t family_name_outside(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                                std::size_t begin, std::size_t end) {
  const std::size_t family = family_name_after_bracket(doc, lexicon, begin, end);
  return family != 0 ? family : shared_family_name(doc, tags, lexicon, begin, end);
}

std::size_t end_over_elided_particle(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  if (end >= doc.tokens.size() || !(lexicon.flags(doc.tokens[begin].lower) & kFirstName)) return end;
  const std::string_view next = doc.tokens[end].text;
  const bool elided = next.size() > 2 && (next[0] == 'd' || next[0] == 'D') && next[1] == '\'' && next[2] >= 'A' &&
                      next[2] <= 'Z';
  return elided ? end + 1 : end;
}

std::size_t end_over_family_name(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  const std::size_t n = doc.tokens.size();
  const Token& first = doc.tokens[begin];
  if (end - begin < 2 || end >= n || !((lexicon.flags(first.lower) & kFirstName) || is_initial(first.text))) return end;
  const Token& family = doc.tokens[end];
  constexpr std::uint16_t kElse =
      kFirstName | kCommonWord | kKnownEntity | kEntityWord | kCompanyWord | kTitle | kNotName | kRegion | kAgency;
  const std::uint16_t flags = lexicon.flags(family.lower);
  if (!capitalised(family) || (family.letter_case & kAllUpper) || (family.flags & (kSentenceStart | kLineStart)) ||
      !in_prose(family) || !(flags & kSurname) || (flags & kElse)) {
    return end;
  }
  // The word after it starts no other name ("Leon Halvek Roe Kelso" is two);
  // a suffix after it is the name's too.
  if (end + 1 < n) {
    const Token& after = doc.tokens[end + 1];
    if (capitalised(after) && !(after.flags & kSentenceStart)) {
      return (lexicon.flags(after.lower) & kSuffix) ? end + 2 : end;
    }
  }
  return end + 1;
}

}  // namespace morgue::people
