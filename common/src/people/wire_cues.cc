#include "people/wire_cues.h"

#include <algorithm>

#include "people/rule_words.h"
#include "people/wire_eleventh.h"
#include "people/wire_namesakes.h"
#include "people/wire_ninth.h"
#include "people/wire_tenth.h"

namespace morgue::people {

namespace {

// Words a title-case headline leaves in lower case ("Dies of Heart Attack at Age 41").
bool is_function_word(std::string_view lower) {
  constexpr std::string_view kWords[] = {"a",  "an",  "the", "and", "but", "or",   "nor",  "for", "of",  "in",
                                         "on", "at",  "to",  "by",  "up",  "as",   "vs",   "vs.", "via", "from",
                                         "with", "into", "onto", "over", "if", "per", "than", "off", "out", "de"};
  return in(kWords, lower);
}

}  // namespace

bool is_title_case(const Document& doc, std::size_t begin, std::size_t end) {
  std::size_t content = 0;
  for (std::size_t k = begin; k < end && k < doc.tokens.size(); ++k) {
    const Token& t = doc.tokens[k];
    if (t.flags & kCapsLine) return false;
    const bool possessive = t.text.front() == '\'' || t.lower.front() == '\'' || t.lower == "\u2019s";  // "'s", "’s"
    // "Don 't": the end of a contraction split by a space.
    const bool contraction =
        t.lower == "t" && k > begin && (doc.tokens[k - 1].text == "'" || doc.tokens[k - 1].text == "\u2019");
    if (!(t.letter_case & kHasLetter) || possessive || contraction || is_function_word(t.lower)) continue;
    if (!(t.letter_case & kHasUpper)) return false;
    ++content;
  }
  return content >= 3;
}

void mark_title_case(Document& doc, std::size_t begin, std::size_t end) {
  if (!is_title_case(doc, begin, end)) return;
  for (std::size_t k = begin; k < end && k < doc.tokens.size(); ++k) doc.tokens[k].flags |= kTitleCase;
}

bool repeats_title(const Document& doc, std::size_t title_end, std::size_t body_begin) {
  if (title_end == 0 || body_begin + title_end > doc.tokens.size()) return false;
  for (std::size_t k = 0; k < title_end; ++k) {
    if (doc.tokens[body_begin + k].text != doc.tokens[k].text) return false;
  }
  return true;
}

bool ends_in_saying_verb(const Document& doc, std::size_t begin, std::size_t end) {
  constexpr std::string_view kVerbs[] = {"says", "said", "tells", "told", "urges", "warns", "vows", "admits", "denies"};
  return end - begin >= 2 && (doc.tokens[end - 1].letter_case & kStartsUpper) && in(kVerbs, doc.tokens[end - 1].lower);
}

bool is_markup_or_link(const Document& doc, std::size_t begin, std::size_t end) {
  const std::size_t n = doc.tokens.size();
  // "Don 't": a contraction the copy split with a space.
  if (end + 1 < n && (doc.tokens[end].text == "'" || doc.tokens[end].text == "\u2019") && doc.tokens[end + 1].lower == "t") {
    return true;
  }
  // "<FONT face=\"verdana,MS Sans Serif\">": an attribute of a tag left in
  // the text; "(TD.TO: Quote, Profile, Research)": a web wire's links.
  bool attribute = false, colon = false;
  for (std::size_t k = begin; k > 0 && begin - k < 16; --k) {
    const Token& t = doc.tokens[k - 1];
    if (t.text == ">" || t.text == ")") return false;
    if (t.text == "=") attribute = true;
    if (t.text == ":" && k < n && doc.tokens[k].lower == "quote") colon = true;
    if (t.text == "<") return attribute && (doc.tokens[k].letter_case & kHasLetter);
    if (t.text == "(") return colon;
  }
  return false;
}

bool in_angle_brackets(const Document& doc, std::size_t begin, std::size_t end) {
  if (begin == 0 || doc.tokens[begin - 1].text != "<") return false;
  for (std::size_t k = end; k < doc.tokens.size() && k < end + 8 && doc.tokens[k].text != "<"; ++k) {
    if (doc.tokens[k].text == ">") return true;
  }
  return false;
}

bool is_dateline(const Document& doc, std::size_t begin, std::size_t end) {
  const std::size_t n = doc.tokens.size();
  auto is_dash = [](std::string_view text) {
    return text == "\u2014" || text == "\u2013" ||
           (!text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c == '-'; }));
  };
  // The line opens with the place, or a source before a dash does ("Kelso
  // Press - VELDA (KP) -").
  const bool opens = (doc.tokens[begin].flags & kLineStart) || (begin > 0 && is_dash(doc.tokens[begin - 1].text));
  if (end <= begin || end >= n || !opens) return false;
  for (std::size_t k = begin; k < end; ++k) {
    const Token& t = doc.tokens[k];
    if (!(t.letter_case & kAllUpper) || (t.flags & kCapsLine) || t.text.size() < 2) return false;
  }
  std::size_t k = end;
  // ", Velda" or ", N.C.": the state or country.
  if (doc.tokens[k].text == ",") {
    ++k;
    const std::size_t first = k;
    while (k < n && k < first + 3 && (doc.tokens[k].letter_case & kStartsUpper)) ++k;
    if (k == first) return false;
  }
  // "(Reuters)", "(Kelso Network)": the agency.
  if (k < n && doc.tokens[k].text == "(") {
    const std::size_t open = k;
    while (k < n && k < open + 5 && doc.tokens[k].text != ")") ++k;
    if (k >= n || doc.tokens[k].text != ")") return false;
    ++k;
  }
  return k < n && is_dash(doc.tokens[k].text);
}

bool wire_says_not_a_person(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  return before_bracketed_code(doc, begin, end) || is_town_or_state(doc, begin, end) ||
         before_organisation_apposition(doc, end) || after_issue_manager(doc, begin) ||
         after_company_descriptor(doc, lexicon, begin, end) || is_staff_byline(doc, lexicon, begin, end) ||
         after_organisation_noun(doc, lexicon, begin, end) || ends_in_saying_verb(doc, begin, end) ||
         is_markup_or_link(doc, begin, end) || in_angle_brackets(doc, begin, end) || is_dateline(doc, begin, end) ||
         in_schedule(doc, begin, end) ||
         ends_in_currency(doc, begin, end) || after_compass_of(doc, lexicon, begin, end) ||
         after_amount(doc, begin, end) || before_state_name(doc, lexicon, begin, end) || before_tonnage(doc, end) ||
         before_player_position(doc, end) || wire_eighth_says_not_a_person(doc, lexicon, begin, end) ||
         wire_ninth_says_not_a_person(doc, lexicon, begin, end) ||
         wire_tenth_says_not_a_person(doc, lexicon, begin, end) ||
         wire_eleventh_says_not_a_person(doc, lexicon, begin, end) ||
         wire_namesakes_says_not_a_person(doc, lexicon, begin, end);
}

}  // namespace morgue::people
