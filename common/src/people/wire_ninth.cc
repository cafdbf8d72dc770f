// Wire cues added after judging a ninth pair of wire samples (wire_ninth.h):
// a name before its contracted short name in brackets, and an initial that
// is the tail of a dotted abbreviation.
#include "people/wire_ninth.h"

#include <string_view>

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

}  // namespace morgue::people
