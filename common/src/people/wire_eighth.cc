// Wire cues added after judging an eighth pair of wire samples (wire_cues.h):
// a name before a currency's unit, an acronym with no vowel in a name, a
// name after a place's "-based", and a firm named after its founder with a
// possessive ("Halvik's Fine Foods Inc"), a team played against in a day's
// game ("against Kelso in Saturday's exhibition game").
#include "people/wire_cues.h"

#include <algorithm>

#include "people/rule_words.h"

namespace morgue::people {

namespace {

bool ends_with(std::string_view w, std::string_view tail) {
  return w.size() > tail.size() && w.substr(w.size() - tail.size()) == tail;
}

// "Halden-based", "NJ-based": a place's adjective that a firm's name follows.
bool is_based_adjective(const Token& t) { return ends_with(t.lower, "-based"); }

// A known given name and one word or more: "Velda-based Jane Roe" may be a person.
bool opens_with_given_name(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  return end - begin >= 2 && (lexicon.flags(doc.tokens[begin].lower) & kFirstName);
}

// A company's legal form, which ends its name: "Inc", "Corp", "Plc".
bool is_legal_form(const Token& t) {
  constexpr std::string_view kForms[] = {"co",  "co.",  "inc",  "inc.", "corp",        "corp.",  "ltd",
                                         "ltd.", "plc", "llc", "cos", "corporation", "company"};
  return (t.letter_case & kStartsUpper) && in(kForms, t.lower);
}

bool is_vowel(char c) {
  constexpr std::string_view kVowels = "AEIOUY";
  return kVowels.find(c) != std::string_view::npos;
}

}  // namespace

bool before_currency_unit(const Document& doc, std::size_t end) {
  // Units only: "marks" and "pounds" are verbs and nouns too ("Roe marks
  // his debut").
  constexpr std::string_view kUnits[] = {"dlrs", "dlr", "stg", "guilders", "francs", "lire"};
  const std::size_t n = doc.tokens.size();
  // A full stop may stand between ("cif Kelso. Dlrs per tonne"), and the
  // unit may be capitalised after it; "yen" only in lower case ("Yen" is a name).
  const std::size_t unit = end + 1 < n && doc.tokens[end].text == "." ? end + 1 : end;
  if (unit >= n) return false;
  const Token& t = doc.tokens[unit];
  return in(kUnits, t.lower) || (t.text == "yen");
}

bool holds_vowelless_acronym(const Document& doc, std::size_t begin, std::size_t end) {
  for (std::size_t k = begin; k < end; ++k) {
    const Token& t = doc.tokens[k];
    if (t.flags & kCapsLine) continue;  // a headline in capitals says nothing of the word
    if (t.text.size() < 3) continue;    // "Ng" is a surname
    if (std::all_of(t.text.begin(), t.text.end(), [](char c) { return c >= 'A' && c <= 'Z' && !is_vowel(c); })) {
      return true;
    }
  }
  return false;
}

bool after_based_adjective(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  if (end <= begin) return false;
  // The tagger may take the adjective in: "NJ-based Halvex".
  if (is_based_adjective(doc.tokens[begin])) return !opens_with_given_name(doc, lexicon, begin + 1, end);
  return begin > 0 && is_based_adjective(doc.tokens[begin - 1]) && !opens_with_given_name(doc, lexicon, begin, end);
}

bool wire_eighth_says_not_a_person(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  return before_currency_unit(doc, end) || holds_vowelless_acronym(doc, begin, end) ||
         after_based_adjective(doc, lexicon, begin, end);
}

namespace {

// "X 's Fine Foods Inc" with the possessive at `i`: one to three
// capitalised words after it, then a legal form; the owner a lone word
// ("Jane Roe's Halvex Inc" names a person and her firm).
void add_founder_firm(const Document& doc, const Lexicon& lexicon, std::size_t i, std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  auto capitalised = [&](std::size_t k) {
    return (doc.tokens[k].letter_case & kStartsUpper) && (doc.tokens[k].letter_case & kHasLetter);
  };
  if (i == 0 || (doc.tokens[i].flags & kCapsLine)) return;
  std::size_t k = i + 1;
  while (k < n && k < i + 4 && capitalised(k) && !is_legal_form(doc.tokens[k])) ++k;
  if (k == i + 1 || k >= n || !is_legal_form(doc.tokens[k])) return;
  const std::size_t owner = i - 1;
  if (!capitalised(owner) || (lexicon.flags(doc.tokens[owner].lower) & kTitle)) return;
  if (owner > 0 && !(doc.tokens[owner].flags & kSentenceStart) && capitalised(owner - 1)) return;
  words.push_back(doc.tokens[owner].lower);
}

// The capitalised words after the "-based" at `i`, unless a known given
// name and more stands anywhere among them ("Velda-based Kelsan boxer"
// aside, "Velda-based Kelsan Jane Roe" is a person).
void add_based_firm(const Document& doc, const Lexicon& lexicon, std::size_t i, std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  std::size_t k = i + 1;
  while (k < n && (doc.tokens[k].letter_case & kStartsUpper) && !(doc.tokens[k].flags & kSentenceStart)) ++k;
  bool person = false;
  for (std::size_t j = i + 1; j + 1 < k; ++j) person = person || opens_with_given_name(doc, lexicon, j, k);
  if (k == i + 1 || person) return;
  for (std::size_t j = i + 1; j < k; ++j) words.push_back(doc.tokens[j].lower);
}

// A lone word at `k`, before the "in" at k + 1, after "against" or
// "versus", with a day's possessive and then a game within five words.
bool before_day_game(const Document& doc, std::size_t k) {
  constexpr std::string_view kGames[] = {"game", "games", "exhibition", "opener", "matchup", "scrimmage"};
  const std::size_t n = doc.tokens.size();
  if (k == 0) return false;
  const Token& t = doc.tokens[k];
  const Token& prep = doc.tokens[k - 1];
  if (!(t.letter_case & kStartsUpper) || !(t.letter_case & kHasLetter) || (t.flags & (kSentenceStart | kCapsLine)) ||
      (prep.lower != "against" && prep.lower != "versus") || !(prep.letter_case & kLowerOnly)) {
    return false;
  }
  // ("in the final" may be a player's.)
  bool possessive = false;
  for (std::size_t j = k + 2; j < n && j < k + 7; ++j) {
    const Token& w = doc.tokens[j];
    if (w.text == "'s" || w.text == "\u2019s") possessive = true;
    if (possessive && (w.letter_case & kLowerOnly) && in(kGames, w.lower)) return true;
    if (w.text == "." || w.text == ",") return false;
  }
  return false;
}

}  // namespace

void add_eighth_pair_names(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words,
                           std::vector<std::size_t>& starts) {
  // One pass, on the cheapest test first: a token's length.
  const std::size_t n = doc.tokens.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const std::string_view text = doc.tokens[i].text;
    if (text.size() == 2) {
      if (text == "'s") add_founder_firm(doc, lexicon, i, words);
      if (text == "in" && i > 0 && before_day_game(doc, i - 1)) starts.push_back(i - 1);
    } else if (text.size() > 6 && (text.back() | 0x20) == 'd' && is_based_adjective(doc.tokens[i])) {
      add_based_firm(doc, lexicon, i, words);
    }
  }
}

}  // namespace morgue::people
