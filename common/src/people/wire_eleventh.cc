// Wire cues added after judging an eleventh pair of wire samples
// (wire_eleventh.h): a name of known places' or bodies' words, a firm's
// name before a bracketed region and its legal form, a title that is a
// given name before a patronymic, a given name's short form, and the first
// of a Spanish or Portuguese name's two family names written alone.
#include "people/wire_eleventh.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "people/rule_words.h"

namespace morgue::people {

namespace {

bool is_legal_form(const Token& t) {
  constexpr std::string_view kForms[] = {"ltd", "ltd.", "inc", "inc.", "co", "co.", "corp", "corp.", "plc", "llc"};
  return capitalised(t) && in(kForms, t.lower);
}

// "Halden Pryce (Far East) Ltd" with "(" at `i`.
void add_firm_before_region(const Document& doc, std::size_t i, std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  std::size_t close = i + 1;
  while (close < n && close < i + 4 && capitalised(doc.tokens[close])) ++close;
  if (close == i + 1 || close + 1 >= n || doc.tokens[close].text != ")" || !is_legal_form(doc.tokens[close + 1])) {
    return;
  }
  std::size_t begin = i;
  while (begin > 0 && begin + 4 > i && capitalised(doc.tokens[begin - 1]) && in_prose(doc.tokens[begin - 1])) {
    --begin;
    if (doc.tokens[begin].flags & kSentenceStart) break;
  }
  for (std::size_t k = begin; k < i; ++k) words.push_back(doc.tokens[k].lower);
}

// A capitalised word of prose at `k`, not opening a sentence: one
// partner's name of a pair.
bool partner_word(const Document& doc, std::size_t k) {
  const Token& t = doc.tokens[k];
  return capitalised(t) && in_prose(t) && !(t.flags & kSentenceStart);
}

// A firm's name of two to four capitalised words from `k` ending in a legal
// form, a company word or an organisation's ("Halvex Glass Inc", "Halvex
// Industries").
bool firm_from(const Document& doc, const Lexicon& lexicon, std::size_t k) {
  for (std::size_t j = k; j < doc.tokens.size() && j < k + 4 && capitalised(doc.tokens[j]); ++j) {
    if (j > k && (is_legal_form(doc.tokens[j]) || (lexicon.flags(doc.tokens[j].lower) & (kCompanyWord | kEntityWord)))) {
      return true;
    }
  }
  return false;
}

// "Kestner and Brann and Halvex Glass Inc" with the first "and" at `i`.
void add_pair_beside_firm(const Document& doc, const Lexicon& lexicon, std::size_t i,
                          std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  if (i < 2 || i + 1 >= n || !partner_word(doc, i - 1) || !partner_word(doc, i + 1)) return;
  // One word each: no capitalised word just outside the pair.
  if (capitalised(doc.tokens[i - 2]) || (i + 2 < n && capitalised(doc.tokens[i + 2]))) return;
  const bool firm_after = i + 3 < n && doc.tokens[i + 2].text == "and" && firm_from(doc, lexicon, i + 3);
  bool firm_before = false;
  if (i >= 4 && doc.tokens[i - 2].text == "and") {
    std::size_t k = i - 3;
    if (doc.tokens[k].text == ">") {  // a ticker: "Halvex Glass Inc <HGI> and"
      while (k > 0 && k + 6 > i && doc.tokens[k].text != "<") --k;
      if (k == 0 || doc.tokens[k].text != "<") return;
      --k;
    }
    firm_before = is_legal_form(doc.tokens[k]) || (lexicon.flags(doc.tokens[k].lower) & (kCompanyWord | kEntityWord));
  }
  if (!firm_after && !firm_before) return;
  words.push_back(doc.tokens[i - 1].lower);
  words.push_back(doc.tokens[i + 1].lower);
}

}  // namespace

bool all_known_entities(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  if (end - begin < 2 || end - begin > 3) return false;
  if (lexicon.flags(doc.tokens[begin].lower) & kFirstName) return false;
  for (std::size_t k = begin; k < end; ++k) {
    if (!(lexicon.flags(doc.tokens[k].lower) & kKnownEntity)) return false;
  }
  return true;
}

bool wire_eleventh_says_not_a_person(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  return all_known_entities(doc, lexicon, begin, end);
}

void add_eleventh_pair_names(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words) {
  for (std::size_t i = 1; i + 1 < doc.tokens.size(); ++i) {
    if (doc.tokens[i].text == "(" && i + 3 < doc.tokens.size()) add_firm_before_region(doc, i, words);
    if (doc.tokens[i].text == "and") add_pair_beside_firm(doc, lexicon, i, words);
  }
}

bool title_is_given_name(const Document& doc, const Lexicon& lexicon, std::size_t k, std::size_t end) {
  constexpr std::string_view kPatronymics[] = {"ibn", "bin", "bint"};
  if (k == 0 || k + 1 >= end || !in(kPatronymics, doc.tokens[k + 1].text)) return false;
  const Token& before = doc.tokens[k - 1];
  return capitalised(before) && (lexicon.flags(before.lower) & kTitle) && (lexicon.flags(doc.tokens[k].lower) & kTitle);
}

bool is_short_form_of(std::string_view a, std::string_view b) {
  // A short form and the given name it stands for, where the short form is
  // nobody's formal name in wire copy.
  constexpr std::pair<std::string_view, std::string_view> kShort[] = {
      {"bill", "william"},  {"billy", "william"},   {"bob", "robert"},     {"bobby", "robert"},  {"dick", "richard"},
      {"rick", "richard"},  {"jim", "james"},       {"jimmy", "james"},    {"tom", "thomas"},    {"tommy", "thomas"},
      {"mike", "michael"},  {"dave", "david"},      {"joe", "joseph"},     {"ted", "edward"},    {"ed", "edward"},
      {"tony", "anthony"},  {"steve", "stephen"},   {"steve", "steven"},   {"chuck", "charles"}, {"charlie", "charles"},
      {"ken", "kenneth"},   {"larry", "lawrence"},  {"jerry", "gerald"},   {"pete", "peter"},    {"sam", "samuel"},
      {"dan", "daniel"},    {"danny", "daniel"},    {"don", "donald"},     {"ron", "ronald"},    {"andy", "andrew"},
      {"fred", "frederick"}, {"hank", "henry"},     {"nick", "nicholas"},  {"pat", "patrick"},   {"walt", "walter"},
      {"doug", "douglas"},  {"greg", "gregory"},    {"jeff", "jeffrey"},   {"matt", "matthew"},  {"phil", "philip"},
      {"tim", "timothy"},   {"chris", "christopher"}, {"ben", "benjamin"}, {"bert", "herbert"},  {"les", "leslie"}};
  return std::any_of(std::begin(kShort), std::end(kShort), [&](const auto& p) {
    return (p.first == a && p.second == b) || (p.first == b && p.second == a);
  });
}

bool is_first_family_name(const Mention& full, const Mention& bare, const Lexicon& lexicon) {
  if (full.lower.size() != 3 || bare.lower.size() != 1 || full.lower[1] != bare.lower.front()) return false;
  const std::string& middle = full.lower[1];
  return (lexicon.flags(full.lower.front()) & kFirstName) && !(lexicon.flags(middle) & (kFirstName | kParticle)) &&
         !is_initial(middle) && middle.size() > 2;
}

}  // namespace morgue::people
