#include "people/support.h"

#include <string_view>

#include "people/evidence.h"

namespace morgue::people {
namespace {

bool is_lower_word(const Token& t) { return (t.letter_case & kLowerOnly) && (t.letter_case & kHasLetter); }

bool is_saying_verb(std::string_view lower) {
  return lower == "said" || lower == "says" || lower == "told" || lower == "added" || lower == "adds";
}

// '..." said Voss', "..., said Voss": the verb opens an attribution, so the
// name is its speaker ("He said Voss left" names no speaker).
bool after_attribution(const Document& doc, std::size_t begin) {
  if (begin < 2 || !is_lower_word(doc.tokens[begin - 1]) || !is_saying_verb(doc.tokens[begin - 1].lower)) return false;
  const std::string_view before = doc.tokens[begin - 2].text;
  return before == "," || before == "\"" || before == "''" || before == "'";
}

bool is_title_word(const Token& t, const Lexicon& lexicon) {
  return is_lower_word(t) && (lexicon.flags(t.lower) & kTitle);
}

// "Voss, a director", "Voss, chairman of", "Voss, managing director".
bool before_role(const Document& doc, const Lexicon& lexicon, std::size_t end) {
  const std::size_t n = doc.tokens.size();
  if (end + 1 >= n || doc.tokens[end].text != ",") return false;
  const Token& first = doc.tokens[end + 1];
  if (!is_lower_word(first)) return false;
  if (first.lower == "a" || first.lower == "an" || first.lower == "the" || first.lower == "former") return true;
  return is_title_word(first, lexicon) || (end + 2 < n && is_title_word(doc.tokens[end + 2], lexicon));
}

// "Voss, 52,", "Voss (52)": two digits between commas or round brackets.
bool before_age(const Document& doc, std::size_t end) {
  if (end + 2 >= doc.tokens.size()) return false;
  const std::string_view open = doc.tokens[end].text, age = doc.tokens[end + 1].text, close = doc.tokens[end + 2].text;
  const bool digits = age.size() == 2 && age[0] >= '1' && age[0] <= '9' && age[1] >= '0' && age[1] <= '9';
  return digits && ((open == "," && (close == "," || close == ".")) || (open == "(" && close == ")"));
}

// "( Voss 10th , Kelder 89th )", "Kelder ( Brann 71 )": a scorer or a
// substitute, the minute after the name and a bracket or a list's comma on
// either side.
bool before_minute(const Document& doc, std::size_t begin, std::size_t end) {
  if (begin == 0 || end + 1 >= doc.tokens.size() || !is_minute(doc.tokens[end].text)) return false;
  const std::string_view before = doc.tokens[begin - 1].text, after = doc.tokens[end + 1].text;
  return (before == "(" || before == "," || before == ";") && (after == ")" || after == "," || after == ";");
}

bool is_person_tag(Tag tag) { return tag == kPersonBegin || tag == kPersonInside; }

bool is_list_joint(const Token& t) { return t.text == "," || t.text == ";" || t.lower == "and"; }

// Steps left over a bracket of up to six tokens that closes just before
// token `k` ("Kelder (Brann 71) ,"): the index of its opening bracket, else k.
std::size_t skip_bracket_left(const Document& doc, std::size_t k) {
  if (k == 0 || doc.tokens[k - 1].text != ")") return k;
  for (std::size_t j = k - 1; j > 0 && j + 7 > k; --j) {
    if (doc.tokens[j - 1].text == "(") return j - 1;
  }
  return k;
}

std::size_t skip_bracket_right(const Document& doc, std::size_t k) {
  if (k >= doc.tokens.size() || doc.tokens[k].text != "(") return k;
  for (std::size_t j = k + 1; j < doc.tokens.size() && j < k + 7; ++j) {
    if (doc.tokens[j].text == ")") return j + 1;
  }
  return k;
}

// The person spans in the list that holds [begin, end), itself included.
int listed_people(const Document& doc, const std::vector<Tag>& tags, std::size_t begin, std::size_t end) {
  int count = 1;
  for (std::size_t k = begin; count < 3;) {  // leftwards
    if (k < 2 || !is_list_joint(doc.tokens[k - 1])) break;
    const std::size_t after = skip_bracket_left(doc, k - 1);  // just after the previous span
    if (after == 0 || !is_person_tag(tags[after - 1])) break;
    k = after - 1;
    while (k > 0 && tags[k] == kPersonInside && is_person_tag(tags[k - 1])) --k;
    ++count;
  }
  const std::size_t n = doc.tokens.size();
  for (std::size_t k = end; count < 3;) {  // rightwards
    k = skip_bracket_right(doc, k);
    if (k + 1 >= n || !is_list_joint(doc.tokens[k]) || !is_person_tag(tags[k + 1])) break;
    k += 2;
    while (k < n && tags[k] == kPersonInside) ++k;
    ++count;
  }
  return count;
}

}  // namespace

bool supported_around(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon, std::size_t begin,
                      std::size_t end) {
  return after_attribution(doc, begin) || before_office_noun(doc, end) || before_role(doc, lexicon, end) ||
         before_age(doc, end) || before_minute(doc, begin, end) || listed_people(doc, tags, begin, end) >= 3;
}

}  // namespace morgue::people
