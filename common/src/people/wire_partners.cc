#include <algorithm>

#include "people/names.h"
#include "people/wire_cues.h"

namespace morgue::people {
namespace {

// A capitalised word standing alone at `k` (no capitalised word or initial
// just before or after it), in the text (not a line in capitals or a
// headline in title case), and no title: one item of a list of surnames.
bool lone_item_at(const Document& doc, const Lexicon& lexicon, std::size_t k) {
  const std::size_t n = doc.tokens.size();
  const Token& t = doc.tokens[k];
  if (!(t.letter_case & kStartsUpper) || !(t.letter_case & kHasLetter) || (t.flags & (kCapsLine | kTitleCase)) ||
      (lexicon.flags(t.lower) & (kTitle | kNotName))) {
    return false;
  }
  const bool capital_before = k > 0 && (doc.tokens[k - 1].letter_case & kStartsUpper) && !(t.flags & kSentenceStart);
  const bool capital_after = k + 1 < n && (doc.tokens[k + 1].letter_case & kStartsUpper) &&
                             !(doc.tokens[k + 1].flags & kSentenceStart);
  return !capital_before && !capital_after;
}

// The word at `k` is named elsewhere in the story as a person is: after a
// known given name, an initial, a title or an honorific ("Jane Steen",
// "J. Steen", "Mr Steen", "partner Steen").
bool named_as_person(const Document& doc, const Lexicon& lexicon, std::size_t k) {
  for (std::size_t j = 1; j < doc.tokens.size(); ++j) {
    if (doc.tokens[j].lower != doc.tokens[k].lower) continue;
    const Token& prev = doc.tokens[j - 1];
    if ((prev.letter_case & kStartsUpper) && (lexicon.flags(prev.lower) & kFirstName)) return true;
    if (is_initial(prev.text) || (lexicon.flags(prev.lower) & kTitle)) return true;
  }
  return false;
}

}  // namespace

void add_partner_lists(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  for (std::size_t i = 0; i + 4 < n; ++i) {
    // (Cheap tests first: a capitalised word before a comma and another.)
    // (A list opening the sentence may be its players: "Roe, Poe and Kay scored".)
    if (doc.tokens[i + 1].text != "," || !(doc.tokens[i].letter_case & kStartsUpper) ||
        (doc.tokens[i].flags & (kSentenceStart | kLineStart)) || !(doc.tokens[i + 2].letter_case & kStartsUpper) ||
        !lone_item_at(doc, lexicon, i)) {
      continue;
    }
    // Items at i, i + 2, ...: joined by commas, the last perhaps by "and" or "&".
    std::vector<std::size_t> items{i};
    std::size_t k = i + 1;
    bool closed = false;
    while (k + 1 < n && !closed) {
      const std::string_view joint = doc.tokens[k].text;
      if (joint != "," && joint != "and" && joint != "&") break;
      if (!lone_item_at(doc, lexicon, k + 1) || (doc.tokens[k + 1].flags & kSentenceStart)) break;
      closed = joint != ",";
      items.push_back(k + 1);
      k += 2;
    }
    if (items.size() >= 3 && closed &&
        std::none_of(items.begin(), items.end(), [&](std::size_t item) { return named_as_person(doc, lexicon, item); })) {
      for (std::size_t item : items) words.push_back(doc.tokens[item].lower);
    }
    i = items.back();
  }
}

void add_employer_partners(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  // (Letter case first, the lexicon only for a run that has the shape: most
  // "of"s follow no name.)
  auto capital = [&](std::size_t k) {
    const Token& t = doc.tokens[k];
    return (t.letter_case & kStartsUpper) && (t.letter_case & kHasLetter) &&
           !(t.flags & (kCapsLine | kTitleCase | kSentenceStart));
  };
  auto no_title = [&](std::size_t k) { return !(lexicon.flags(doc.tokens[k].lower) & (kTitle | kNotName)); };
  for (std::size_t i = 1; i + 4 < n; ++i) {
    const std::string_view joint = doc.tokens[i].text;
    if ((joint != "of" && joint != "at") || !capital(i - 1)) continue;
    // The firm's first names after "of": one to three capitalised words.
    std::size_t k = i + 1;
    while (k < n && k < i + 4 && capital(k)) ++k;
    if (k == i + 1 || k + 2 >= n || (doc.tokens[k].text != "and" && doc.tokens[k].text != "&")) continue;
    // One capitalised word after "and", and nothing capitalised after it.
    const std::size_t last = k + 1;
    if (!capital(last) || (last + 1 < n && (doc.tokens[last + 1].letter_case & kStartsUpper))) continue;
    bool titles = !no_title(i - 1) || !no_title(last);
    for (std::size_t w = i + 1; w < k && !titles; ++w) titles = !no_title(w);
    if (titles || named_as_person(doc, lexicon, i + 1) || named_as_person(doc, lexicon, last)) continue;
    for (std::size_t w = i + 1; w < k; ++w) words.push_back(doc.tokens[w].lower);
    words.push_back(doc.tokens[last].lower);
    i = last;
  }
}

}  // namespace morgue::people
