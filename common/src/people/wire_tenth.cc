// Wire cues added after judging a tenth pair of wire samples (wire_tenth.h):
// a firm's or a brand's name before a plural noun for its trade, an adverb
// taken into a name, a person's employer after "of" or "at", a firm's short
// name in brackets after its legal form, and a town named with its state.
#include "people/wire_tenth.h"

#include <algorithm>
#include <string_view>

#include "people/rule_words.h"
#include "people/wire_cues.h"

namespace morgue::people {

bool before_business_plural(const Document& doc, std::size_t begin, std::size_t end) {
  constexpr std::string_view kPlurals[] = {"businesses", "restaurants", "hotels",     "outlets",  "products",
                                           "franchises", "boutiques",   "fragrances", "cosmetics", "dealerships"};
  const std::size_t n = doc.tokens.size();
  // (A lone word before a noun is used_as_thing's to read.)
  if (end - begin < 2 || end >= n || !(doc.tokens[end].letter_case & kLowerOnly) || !in(kPlurals, doc.tokens[end].text)) return false;
  if (end + 1 >= n) return true;
  const Token& after = doc.tokens[end + 1];
  return !capitalised(after) && after.lower != "'s" && after.lower != "'";
}

bool opens_with_adverb(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  if (end - begin < 2) return false;
  const Token& first = doc.tokens[begin];
  const std::string_view w = first.lower;
  if (w.size() < 5 || w.substr(w.size() - 2) != "ly" || !capitalised(first) || !(first.letter_case & kStartsUpper)) {
    return false;
  }
  const bool opens = (first.flags & kSentenceStart) || (begin > 0 && (doc.tokens[begin - 1].text == "\"" ||
                                                                      doc.tokens[begin - 1].text == "\u201c"));
  // An adverb's ending, or a common word in "-ly" ("Clearly"); names end in
  // "-ly" too ("Kelly", "Donnelly"), but not so.
  constexpr std::string_view kEndings[] = {"ously", "ently", "antly", "ively", "ately", "ingly",
                                           "fully", "ably",  "ibly",  "edly",  "ically", "ually"};
  const bool adverb = std::any_of(std::begin(kEndings), std::end(kEndings), [&](std::string_view e) {
    return w.size() > e.size() + 2 && w.substr(w.size() - e.size()) == e;
  });
  const auto flags = lexicon.flags(w);
  return opens && (adverb || (flags & kCommonWord)) && !(flags & (kFirstName | kSurname));
}

bool wire_tenth_says_not_a_person(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  return before_business_plural(doc, begin, end) || opens_with_adverb(doc, lexicon, begin, end);
}

namespace {

// The capitalised words of prose from `k`, at most `most`, none opening a
// sentence after the first: the end of the run.
std::size_t capital_run(const Document& doc, std::size_t k, std::size_t most) {
  const std::size_t n = doc.tokens.size();
  const std::size_t first = k;
  while (k < n && k < first + most && capitalised(doc.tokens[k]) && in_prose(doc.tokens[k]) &&
         !(k > first && (doc.tokens[k].flags & kSentenceStart))) {
    ++k;
  }
  return k;
}

// "said Jane Roe of Halden Pryce, K.L. Velda." with "of" at `i`.
void add_employer(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon, std::size_t i,
                  std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  // A full name before "of": a lone word may be an office ("Provost of Kelso").
  if (i < 2 || tags[i - 1] != kPersonInside || !is_person_tag(tags[i - 2]) || !in_prose(doc.tokens[i])) return;
  const std::size_t end = capital_run(doc, i + 1, 4);
  if (end == i + 1 || (doc.tokens[i + 1].flags & kSentenceStart)) return;
  if (end < n && (doc.tokens[end].lower == "'s" || doc.tokens[end].lower == "'")) return;
  for (std::size_t k = i + 1; k < end; ++k) {
    if (tags[k] == kLocation || (lexicon.flags(doc.tokens[k].lower) & kTitle)) return;
  }
  for (std::size_t k = i + 1; k < end; ++k) words.push_back(doc.tokens[k].lower);
  // A second partner's name after a comma, ending the sentence.
  if (end + 2 >= n || doc.tokens[end].text != ",") return;
  const std::size_t more = capital_run(doc, end + 1, 3);
  if (more == end + 1 || more >= n || doc.tokens[more].text != ".") return;
  if (lexicon.flags(doc.tokens[end + 1].lower) & (kTitle | kFirstName | kRegion | kKnownEntity)) return;
  for (std::size_t k = end + 1; k < more; ++k) {
    if (tags[k] == kLocation) return;
  }
  for (std::size_t k = end + 1; k < more; ++k) words.push_back(doc.tokens[k].lower);
}

// "Co Ltd <HVS.S> (Halship)" with "(" at `i`.
void add_short_name(const Document& doc, const Lexicon& lexicon, std::size_t i, std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  if (i == 0 || i + 2 >= n || doc.tokens[i + 2].text != ")") return;
  const Token& inside = doc.tokens[i + 1];
  if (!capitalised(inside) || inside.text.size() < 3) return;
  std::size_t before = i - 1;
  if (doc.tokens[before].text == ">") {
    while (before > 0 && before + 6 > i && doc.tokens[before].text != "<") --before;
    if (doc.tokens[before].text != "<" || before == 0) return;
    --before;
  }
  if (ends_a_firm(doc.tokens[before], lexicon)) words.push_back(inside.lower);
}

}  // namespace

void add_tenth_pair_names(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                          std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  for (std::size_t i = 1; i + 1 < n; ++i) {
    const std::string_view text = doc.tokens[i].text;
    if (text == "of" || text == "at") {
      add_employer(doc, tags, lexicon, i, words);
    } else if (text == "(") {
      add_short_name(doc, lexicon, i, words);
    } else if (text == "," && capitalised(doc.tokens[i - 1]) && in_prose(doc.tokens[i - 1]) &&
               !(i >= 2 && capitalised(doc.tokens[i - 2])) && is_town_or_state(doc, i - 1, i)) {
      // "to Kelso, Fla.": the town alone, wherever the story names it.
      words.push_back(doc.tokens[i - 1].lower);
    }
  }
}

}  // namespace morgue::people
