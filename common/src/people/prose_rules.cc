#include "people/prose_rules.h"

#include <array>
#include <string_view>

namespace morgue::people {
namespace {

bool one_of(std::string_view word, const auto& list) {
  for (std::string_view w : list) {
    if (word == w) return true;
  }
  return false;
}

// Honours, degrees and seats written after a name in British prose.
constexpr std::array<std::string_view, 12> kPostNominals = {"qc",  "kc",  "mp",  "mep", "msp", "obe",
                                                            "mbe", "cbe", "kbe", "dbe", "frs", "am"};

// Endings that make a name an adjective; the name before them is a person's.
constexpr std::array<std::string_view, 10> kAdjectiveEndings = {"style", "esque",    "like", "era",    "led",
                                                                "backed", "inspired", "type", "loving", "baiting"};

// Verbs a writer puts before the speaker's name ("Said Roe:").
constexpr std::array<std::string_view, 8> kSayingVerbs = {"said",     "says",  "added",    "adds",
                                                          "explained", "asked", "insisted", "continued"};

}  // namespace

bool is_bare_initial(std::string_view lower) { return lower.size() == 1 && lower[0] >= 'a' && lower[0] <= 'z'; }

bool is_post_nominal(const Token& t) {
  // "AM" only as letters after a name: the capitals keep "am" out.
  return t.text.size() >= 2 && is_all_upper(t.text) && one_of(t.lower, kPostNominals);
}

std::size_t without_adjective_ending(std::string_view word) {
  std::size_t dash = word.rfind('-');
  if (dash == std::string_view::npos || dash == 0) return word.size();
  std::string_view ending = word.substr(dash + 1);
  // Lower case only: "Kelmar-Roe" is a double-barrelled name.
  if (ending.empty() || !(ending[0] >= 'a' && ending[0] <= 'z') || !one_of(ending, kAdjectiveEndings)) {
    return word.size();
  }
  return dash;
}

bool opens_with_inverted_saying(const Document& doc, std::size_t begin, std::size_t end) {
  if (end != begin + 2 || end >= doc.tokens.size()) return false;
  const Token& verb = doc.tokens[begin];
  if (!(verb.flags & kSentenceStart) || !one_of(verb.lower, kSayingVerbs)) return false;
  std::string_view after = doc.tokens[end].text;
  return after == ":" || after == ",";
}

bool is_party_member_noun(std::string_view lower) { return lower == "tory" || lower == "tories"; }

}  // namespace morgue::people
