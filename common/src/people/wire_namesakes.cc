// Wire cues for names like people's that stand for firms and places
// (wire_namesakes.h): a firm before a market job and a person, names listed
// with a firm, a bank's role in an issue, a place in a price row, a place
// named by its kind or after a place noun and "of", a capital standing for
// its government.
#include "people/wire_namesakes.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "people/evidence.h"
#include "people/names.h"
#include "people/rule_words.h"

namespace morgue::people {

namespace {

// A market job in lower case at `k`, a capitalised word after it.
bool market_job_before_name(const Document& doc, std::size_t k) {
  constexpr std::string_view kJobs[] = {"analyst", "economist", "strategist", "dealer", "trader", "broker"};
  if (k + 1 >= doc.tokens.size()) return false;
  const Token& job = doc.tokens[k];
  const Token& name = doc.tokens[k + 1];
  return (job.letter_case & kLowerOnly) && in(kJobs, job.lower) && capitalised(name) &&
         !(name.flags & (kSentenceStart | kLineStart));
}

}  // namespace

bool before_market_job_and_name(const Document& doc, std::size_t begin, std::size_t end) {
  return begin < end && market_job_before_name(doc, end);
}

void add_firms_before_market_jobs(const Document& doc, std::vector<std::string_view>& words) {
  for (std::size_t k = 1; k < doc.tokens.size(); ++k) {
    if (!market_job_before_name(doc, k)) continue;
    for (std::size_t j = k; j > 0 && j + 4 > k && capitalised(doc.tokens[j - 1]) && in_prose(doc.tokens[j - 1]); --j) {
      words.push_back(doc.tokens[j - 1].lower);
      if (doc.tokens[j - 1].flags & kSentenceStart) break;
    }
  }
}

namespace {

// The end of the capitalised name of one to four words of prose from `k`
// (`k` when there is none); an "&" between capitalised words is the name's
// ("Halden & Pryce").
std::size_t name_run_end(const Document& doc, std::size_t k) {
  const std::size_t n = doc.tokens.size();
  std::size_t j = k;
  while (j < n && j < k + 4 && in_prose(doc.tokens[j]) && (j == k || !(doc.tokens[j].flags & kSentenceStart))) {
    const bool ampersand = j > k && doc.tokens[j].text == "&" && j + 1 < n && capitalised(doc.tokens[j + 1]);
    if (!ampersand && (!capitalised(doc.tokens[j]) || doc.tokens[j].text == "And")) break;
    ++j;
  }
  return j;
}

// The list of names from `k`: adds its words when it has three names or
// more and a firm's among them; returns where it ends.
std::size_t add_list_from(const Document& doc, const Lexicon& lexicon, std::size_t k,
                          std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  std::size_t names = 0, commas = 0;
  bool firm = false, last = false;
  std::size_t j = k;
  for (;;) {
    const std::size_t end = name_run_end(doc, j);
    if (end == j || (end < n && capitalised(doc.tokens[end]))) break;
    ++names;
    // (Not a company word that is a family name too: "Jane Da Bank".)
    const Token& tail = doc.tokens[end - 1];
    firm = firm || (ends_a_firm(tail, lexicon) && !(lexicon.flags(tail.lower) & kSurname));
    j = end;
    // Commas, then one "and" before the last name ("A, B and C"): an "and"
    // before a comma joins the words of one name ("the Halden and Kelso
    // Securities Board, Roe said").
    if (last || j + 1 >= n) break;
    if (doc.tokens[j].text == ",") {
      ++commas;
      ++j;
      last = doc.tokens[j].text == "and";
      if (last) ++j;
    } else if (doc.tokens[j].text == "and") {
      last = true;
      ++j;
    } else {
      break;
    }
  }
  // "the Kelso, Velda and Roe Pryce banks": names before a plural noun for
  // things name the things.
  constexpr std::string_view kHeads[] = {"banks",  "forces", "divisions", "brigades", "units",  "companies",
                                         "firms",  "mines",  "fields",    "plants",   "brands", "stores",
                                         "chains", "newspapers", "airlines", "refineries"};
  const bool heads = last && j < n && (doc.tokens[j].letter_case & kLowerOnly) && in(kHeads, doc.tokens[j].lower);
  if (names >= 3 && commas > 0 && (firm || heads)) {
    for (std::size_t m = k; m < j; ++m) {
      if (capitalised(doc.tokens[m])) words.push_back(doc.tokens[m].lower);
    }
  }
  return j;
}

}  // namespace

void add_names_listed_with_firms(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words) {
  for (std::size_t k = 1; k < doc.tokens.size(); ++k) {
    const Token& before = doc.tokens[k - 1];
    if (!capitalised(doc.tokens[k]) || (capitalised(before) && !(doc.tokens[k].flags & kSentenceStart))) continue;
    k = std::max(k, add_list_from(doc, lexicon, k, words));
  }
}

bool takes_an_issue_role(const Document& doc, std::size_t end) {
  constexpr std::string_view kRoles[] = {"dealer",      "dealers", "arranger", "arrangers", "underwriter",
                                         "underwriters", "agent",   "co-manager", "bookrunner"};
  constexpr std::string_view kLeads[] = {"lead", "sole", "joint", "co-lead"};
  constexpr std::string_view kVerbs[] = {"would", "will", "is", "was", "are", "were"};
  const std::size_t n = doc.tokens.size();
  std::size_t k = end;
  if (k + 1 < n && doc.tokens[k].text == "of" && capitalised(doc.tokens[k + 1])) k += 2;  // "of Velda"
  if (k + 1 >= n) return false;
  if (doc.tokens[k].text == "," && doc.tokens[k + 1].text == "as") {
    k += 2;
  } else if (in(kVerbs, doc.tokens[k].text)) {
    ++k;
    if (k < n && doc.tokens[k].text == "be") ++k;
  } else {
    return false;
  }
  if (k < n && in(kLeads, doc.tokens[k].text)) ++k;
  if (k < n && doc.tokens[k].text == "manager" && doc.tokens[k - 1].text != "as" && in(kLeads, doc.tokens[k - 1].text)) {
    return true;
  }
  return k < n && in(kRoles, doc.tokens[k].text);
}

bool after_number_at(const Document& doc, std::size_t begin) {
  if (begin < 2 || (doc.tokens[begin].flags & kSentenceStart)) return false;
  // (Not "from": "a gritty 84 from Jane Roe" is a batsman's innings.)
  return doc.tokens[begin - 1].text == "at" && is_number(doc.tokens[begin - 2].text);
}

bool opens_with_place_word(const Document& doc, std::size_t begin, std::size_t end) {
  constexpr std::string_view kPlaceWords[] = {"bahia", "villa", "san", "santa", "sao", "ciudad"};
  return end - begin > 1 && capitalised(doc.tokens[begin]) && in(kPlaceWords, doc.tokens[begin].lower);
}

namespace {

// The seats of national governments that the word lists also know as
// given names or family names (a capital no list knows as a name is a
// known entity already and never reaches this rule).
bool is_capital(std::string_view lower) {
  constexpr std::string_view kCapitals[] = {"washington", "paris",  "london", "bonn",    "ottawa", "canberra",
                                            "peking",     "moscow", "tokyo",  "brasilia", "lima",   "santiago",
                                            "havana",     "manila", "wellington", "victoria", "kingston"};
  return in(kCapitals, lower);
}

// A given name or an initial just before token `k`: "Jane Washington".
bool after_given_name(const Document& doc, const Lexicon& lexicon, std::size_t k) {
  if (k == 0 || (doc.tokens[k].flags & kLineStart)) return false;
  const Token& prev = doc.tokens[k - 1];
  return capitalised(prev) && ((lexicon.flags(prev.lower) & kFirstName) || is_initial(prev.text));
}

}  // namespace

bool capital_for_government(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  if (end - begin != 1 || !is_capital(doc.tokens[begin].lower)) return false;
  const std::string_view word = doc.tokens[begin].lower;
  for (std::size_t k = 0; k < doc.tokens.size(); ++k) {
    if (doc.tokens[k].lower == word && after_given_name(doc, lexicon, k)) return false;
  }
  return true;
}

bool after_place_noun_of(const Document& doc, std::size_t begin) {
  constexpr std::string_view kPlaces[] = {"port",     "city",   "town",   "village", "province", "island",
                                          "district", "county", "suburb", "harbor",  "harbour",  "area"};
  if (begin < 2 || doc.tokens[begin - 1].text != "of") return false;
  const Token& place = doc.tokens[begin - 2];
  return (place.letter_case & kLowerOnly) && in(kPlaces, place.lower);
}

bool wire_namesakes_says_not_a_person(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  return before_market_job_and_name(doc, begin, end) || takes_an_issue_role(doc, end) || after_number_at(doc, begin) ||
         opens_with_place_word(doc, begin, end) || after_place_noun_of(doc, begin) ||
         capital_for_government(doc, lexicon, begin, end);
}

}  // namespace morgue::people
