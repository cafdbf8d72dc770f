// Wire cues added after judging an eighth pair of wire samples (wire_cues.h):
// a name before a currency's unit, an acronym with no vowel in a name, a
// name after a place's "-based", and a firm named after its founder with a
// possessive ("Halvik's Fine Foods Inc"), a team played against in a day's
// game ("against Kelso in Saturday's exhibition game").
#include "people/wire_cues.h"

#include <algorithm>

namespace morgue::people {

namespace {

template <typename List>
bool in(const List& list, std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

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

void add_founder_firms(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  auto capitalised = [&](std::size_t k) {
    return (doc.tokens[k].letter_case & kStartsUpper) && (doc.tokens[k].letter_case & kHasLetter);
  };
  for (std::size_t i = 1; i + 2 < n; ++i) {
    // "X 's Fine Foods Inc": one to three capitalised words after the
    // possessive, then a legal form.
    if (doc.tokens[i].text != "'s" || (doc.tokens[i].flags & kCapsLine)) continue;
    std::size_t k = i + 1;
    while (k < n && k < i + 4 && capitalised(k) && !is_legal_form(doc.tokens[k])) ++k;
    if (k == i + 1 || k >= n || !is_legal_form(doc.tokens[k])) continue;
    // The owner is a lone word: "Jane Roe's Halvex Inc" names a person and her firm.
    const std::size_t owner = i - 1;
    if (!capitalised(owner) || (lexicon.flags(doc.tokens[owner].lower) & kTitle)) continue;
    if (owner > 0 && !(doc.tokens[owner].flags & kSentenceStart) && capitalised(owner - 1)) continue;
    words.push_back(doc.tokens[owner].lower);
  }
}

void add_based_firms(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (!is_based_adjective(doc.tokens[i])) continue;
    std::size_t k = i + 1;
    while (k < n && (doc.tokens[k].letter_case & kStartsUpper) && !(doc.tokens[k].flags & kSentenceStart)) ++k;
    // Not a known given name and more anywhere in the run ("Velda-based
    // Kelsan boxer" aside, "Velda-based Kelsan Jane Roe" is a person).
    bool person = false;
    for (std::size_t j = i + 1; j + 1 < k; ++j) person = person || opens_with_given_name(doc, lexicon, j, k);
    if (k == i + 1 || person) continue;
    for (std::size_t j = i + 1; j < k; ++j) words.push_back(doc.tokens[j].lower);
  }
}

void add_game_opponents(const Document& doc, std::vector<std::size_t>& starts) {
  constexpr std::string_view kGames[] = {"game", "games", "exhibition", "opener", "matchup", "scrimmage"};
  const std::size_t n = doc.tokens.size();
  for (std::size_t k = 1; k + 3 < n; ++k) {
    const Token& t = doc.tokens[k];
    const Token& prep = doc.tokens[k - 1];
    if (!(t.letter_case & kStartsUpper) || !(t.letter_case & kHasLetter) || (t.flags & (kSentenceStart | kCapsLine)) ||
        doc.tokens[k + 1].text != "in" || (prep.lower != "against" && prep.lower != "versus") ||
        !(prep.letter_case & kLowerOnly)) {
      continue;
    }
    // A day's possessive, then the game, within the next few words: "in
    // Saturday night's exhibition game" ("in the final" may be a player's).
    bool possessive = false;
    for (std::size_t j = k + 2; j < n && j < k + 7; ++j) {
      const Token& w = doc.tokens[j];
      if (w.text == "'s" || w.text == "\u2019s") possessive = true;
      if (possessive && (w.letter_case & kLowerOnly) && in(kGames, w.lower)) {
        starts.push_back(k);
        break;
      }
      if (w.text == "." || w.text == ",") break;
    }
  }
}

}  // namespace morgue::people
