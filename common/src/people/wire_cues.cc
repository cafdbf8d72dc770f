#include "people/wire_cues.h"

#include <algorithm>
#include <string>

namespace morgue::people {

namespace {

template <typename List>
bool in(const List& list, std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// Words a title-case headline leaves in lower case ("Dies of Heart Attack at Age 41").
bool is_function_word(std::string_view lower) {
  constexpr std::string_view kWords[] = {"a",  "an",  "the", "and", "but", "or",   "nor",  "for", "of",  "in",
                                         "on", "at",  "to",  "by",  "up",  "as",   "vs",   "vs.", "via", "from",
                                         "with", "into", "onto", "over", "if", "per", "than", "off", "out", "de"};
  return in(kWords, lower);
}

// A US state's abbreviation as wire copy writes it after a town: "Md." (the
// tokenizer leaves the full stop apart) or "N.Y." (kept whole).
bool is_state_abbreviation(const Document& doc, std::size_t k) {
  constexpr std::string_view kUndotted[] = {
      "ala", "ariz", "ark",  "calif", "colo", "conn", "del", "fla",  "ga",   "ill",  "ind",  "kan", "kans",
      "ky",  "la",   "mass", "md",    "me",   "mich", "minn", "miss", "mo",   "mont", "neb",  "nebr", "nev",
      "okla", "ore", "pa",   "penn",  "tenn", "tex",  "va",   "vt",   "wash", "wis",  "wisc", "wyo"};
  constexpr std::string_view kDotted[] = {"n.y.", "n.j.", "n.c.", "s.c.", "n.h.", "r.i.", "n.m.",
                                          "n.d.", "s.d.", "w.va.", "d.c."};
  // Postal codes, in capitals only: "Memphis, TN (Sports Network)".
  constexpr std::string_view kPostal[] = {
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
      "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
      "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC"};
  const std::size_t n = doc.tokens.size();
  if (k >= n || !(doc.tokens[k].letter_case & kStartsUpper)) return false;
  if (in(kDotted, doc.tokens[k].lower)) return true;
  if (in(kPostal, doc.tokens[k].text) && !(doc.tokens[k].flags & kCapsLine)) {
    return k + 1 >= n || !(doc.tokens[k + 1].letter_case & kHasLetter);  // "TN (", "NY,", "CA."
  }
  return in(kUndotted, doc.tokens[k].lower) && k + 1 < n && doc.tokens[k + 1].text == ".";
}

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

// "BSD2.FSE", "ENB.TO", "MMWG.F": a ticker with its exchange's suffix.
bool is_dotted_ticker(std::string_view code) {
  const std::size_t dot = code.find('.');
  if (dot == std::string_view::npos || dot < 2 || dot + 1 >= code.size() || code.size() - dot - 1 > 4) return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (i == dot) continue;
    if (!is_upper_ascii(c) && !(i < dot && c >= '0' && c <= '9')) return false;
  }
  return is_upper_ascii(code[0]);
}

}  // namespace

bool is_title_case(const Document& doc, std::size_t begin, std::size_t end) {
  std::size_t content = 0;
  for (std::size_t k = begin; k < end && k < doc.tokens.size(); ++k) {
    const Token& t = doc.tokens[k];
    if (t.flags & kCapsLine) return false;
    const bool possessive = t.text.front() == '\'' || t.lower.front() == '\'' || t.lower == "\u2019s";  // "'s", "’s"
    if (!(t.letter_case & kHasLetter) || possessive || is_function_word(t.lower)) continue;
    if (!(t.letter_case & kHasUpper)) return false;
    ++content;
  }
  return content >= 3;
}

void mark_title_case(Document& doc, std::size_t begin, std::size_t end) {
  if (!is_title_case(doc, begin, end)) return;
  for (std::size_t k = begin; k < end && k < doc.tokens.size(); ++k) doc.tokens[k].flags |= kTitleCase;
}

bool before_bracketed_code(const Document& doc, std::size_t begin, std::size_t end) {
  const std::size_t n = doc.tokens.size();
  if (end + 2 >= n || doc.tokens[end].text != "(") return false;
  // "(JNJ.N: Quote, Profile, Research)": a ticker before a colon.
  std::string ticker;
  for (std::size_t k = end + 1; k < n && k < end + 5 && ticker.find(':') == std::string::npos; ++k) {
    ticker += doc.tokens[k].text;
  }
  const std::size_t colon = ticker.find(':');
  if (colon != std::string::npos && is_dotted_ticker(std::string_view(ticker).substr(0, colon))) return true;
  std::string code;
  std::size_t k = end + 1;
  for (; k < n && k < end + 6 && doc.tokens[k].text != ")"; ++k) {
    if (doc.tokens[k].flags & kLineStart) return false;
    code += doc.tokens[k].text;
  }
  if (k >= n || doc.tokens[k].text != ")" || code.empty()) return false;
  // "(NYSE: NT)", "(Nasdaq: SEBL)".
  constexpr std::string_view kExchanges[] = {"nyse:", "nasdaq:", "amex:", "tsx:", "lse:", "asx:", "otc:"};
  for (std::string_view e : kExchanges) {
    if (code.size() > e.size() && std::equal(e.begin(), e.end(), code.begin(),
                                             [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b + 32 : b); })) {
      return true;
    }
  }
  if (is_dotted_ticker(code)) return true;
  if (code == "Quote,Chart") return true;  // a web wire's link to the share price: "Acme (Quote, Chart)"
  // "(BNP)": the initials of the span's capitalised words.
  std::string initials;
  for (std::size_t i = begin; i < end; ++i) {
    if (doc.tokens[i].letter_case & kStartsUpper) initials += doc.tokens[i].text.front();
  }
  return code.size() >= 2 && code == initials && std::all_of(code.begin(), code.end(), is_upper_ascii);
}

bool is_town_or_state(const Document& doc, std::size_t begin, std::size_t end) {
  const std::size_t n = doc.tokens.size();
  if (end + 1 < n && doc.tokens[end].text == "," && is_state_abbreviation(doc, end + 1)) return true;
  return end - begin == 1 && begin >= 2 && doc.tokens[begin - 1].text == "," &&
         (doc.tokens[begin - 2].letter_case & kStartsUpper) && is_state_abbreviation(doc, begin);
}

bool before_organisation_apposition(const Document& doc, std::size_t end) {
  // ("maker" and "producer" also name people with a capital before them:
  // "a Hollywood producer".)
  constexpr std::string_view kHeads[] = {"company",   "firm",  "manufacturer", "retailer",
                                         "brokerage", "chain", "conglomerate", "daily",   "newspaper", "weekly",
                                         "agency",    "bank",  "carrier", "airline",      "insurer",   "utility",
                                         "concern",   "giant", "group",
                                         // Products, which a person is not either: ", a ... growth hormone for".
                                         "drug", "hormone", "vaccine", "medicine", "antibiotic", "painkiller"};
  constexpr std::string_view kPrepositions[] = {"of", "at", "with", "for", "in", "from", "to", "on", "and", "by"};
  constexpr std::string_view kAfterHead[] = {"of", "and", "that", "which", "whose", "for", "used"};
  const std::size_t n = doc.tokens.size();
  constexpr std::string_view kOpeners[] = {"a", "an", "the"};
  if (end + 2 >= n || doc.tokens[end].text != "," || !in(kOpeners, doc.tokens[end + 1].lower)) return false;
  for (std::size_t k = end + 2; k < n && k < end + 8; ++k) {
    const Token& t = doc.tokens[k];
    if (!(t.letter_case & kHasLetter) || (t.flags & kLineStart)) return false;
    if (!(t.letter_case & kLowerOnly)) continue;  // "Hong Kong", "US", "California-based"
    if (in(kPrepositions, t.lower)) return false;
    if (!in(kHeads, t.lower)) continue;
    // The head ends the phrase ("a bank director" is a person) and the
    // apposition ("Jane Roe, the pressure group Acme said" is a subject).
    if (k + 1 >= n) return true;
    const Token& next = doc.tokens[k + 1];
    return !(next.letter_case & kHasLetter) || in(kAfterHead, next.lower);
  }
  return false;
}

bool after_issue_manager(const Document& doc, std::size_t begin) {
  constexpr std::string_view kRoles[] = {"manager", "managers", "co-manager", "co-managers", "underwriter",
                                         "underwriters"};
  constexpr std::string_view kLeads[] = {"lead", "sole", "joint", "co-lead", "joint-lead"};
  return begin >= 2 && in(kRoles, doc.tokens[begin - 1].lower) && (doc.tokens[begin - 1].letter_case & kLowerOnly) &&
         in(kLeads, doc.tokens[begin - 2].lower);
}

bool after_job_title(const Document& doc, const Lexicon& lexicon, std::size_t begin) {
  // Roles a firm holds as often as a person: "financial advisor Smith
  // Barney, Harris Upham and Co", "took charge of".
  constexpr std::string_view kFirmRoles[] = {"advisor", "adviser", "advisors", "advisers", "counsel", "auditor",
                                             "auditors", "manager", "managers", "underwriter", "underwriters",
                                             "agent", "agents", "broker", "brokers", "trustee", "charge", "partner",
                                             "major", "general"};  // adjectives too: "a major Acme investor"
  if (begin == 0) return false;
  const Token& job = doc.tokens[begin - 1];
  return (job.letter_case & kLowerOnly) && (job.letter_case & kHasLetter) && (lexicon.flags(job.lower) & kTitle) &&
         !in(kFirmRoles, job.lower);
}

namespace {

// Two words or more, a known given name first and a family name last: "Yao
// Ming" after "basketball giant", "Peter Ford" before "Staff".
bool looks_like_persons_name(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  return end - begin >= 2 && (lexicon.flags(doc.tokens[begin].lower) & kFirstName) &&
         (lexicon.flags(doc.tokens[end - 1].lower) & kSurname) &&
         !(lexicon.flags(doc.tokens[end - 1].lower) & (kCompanyWord | kEntityWord));
}

}  // namespace

bool after_company_descriptor(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  constexpr std::string_view kKinds[] = {"chipmaker", "chipmakers", "automaker", "carmaker", "drugmaker",
                                         "toymaker",  "steelmaker", "planemaker", "retailer", "e-tailer",
                                         "insurer",   "conglomerate", "brokerage", "giant", "distributor"};
  if (begin == 0 || looks_like_persons_name(doc, lexicon, begin, end)) return false;
  const Token& kind = doc.tokens[begin - 1];
  if (!(kind.letter_case & kLowerOnly) || !(kind.letter_case & kHasLetter) || !in(kKinds, kind.lower)) return false;
  if (kind.lower != "giant") return true;
  return begin >= 2 && (doc.tokens[begin - 2].letter_case & kLowerOnly) &&
         (doc.tokens[begin - 2].letter_case & kHasLetter) && !(doc.tokens[begin - 1].flags & kSentenceStart);
}

bool is_staff_byline(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  constexpr std::string_view kJobs[] = {"writer", "writers", "reporter", "reporters", "correspondent",
                                        "photographer", "editor"};
  const std::size_t n = doc.tokens.size();
  return end > begin + 1 && end < n && doc.tokens[end - 1].lower == "staff" && in(kJobs, doc.tokens[end].lower) &&
         !looks_like_persons_name(doc, lexicon, begin, end - 1);
}

bool after_organisation_noun(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  // Not "maker", "producer" or "publisher", which name people too ("the
  // producer, Jane Roe, said"), nor "group" ("the group, Roe said, ...").
  constexpr std::string_view kHeads[] = {"company",      "firm",      "manufacturer", "retailer",  "brokerage",
                                         "conglomerate", "newspaper", "agency",       "bank",      "carrier",
                                         "airline",      "insurer",   "utility",      "subsidiary", "affiliate",
                                         "distributor",  "automaker", "carmaker",     "chipmaker", "drugmaker"};
  constexpr std::string_view kOpeners[] = {"the", "a", "an", "its", "their", "his", "her", "'s", "\u2019s"};
  // A phrase after a preposition describes someone: "an official of the
  // bank, Jane Roe, said", "the head of the Acme company, Jane Roe,".
  constexpr std::string_view kPrepositions[] = {"of", "at", "for", "with", "from", "by", "in", "to", "on"};
  const std::size_t n = doc.tokens.size();
  if (begin < 3 || end >= n || doc.tokens[begin - 1].text != "," || doc.tokens[end].text != ",") return false;
  const Token& head = doc.tokens[begin - 2];
  if (!(head.letter_case & kLowerOnly) || !in(kHeads, head.lower) || looks_like_persons_name(doc, lexicon, begin, end)) {
    return false;
  }
  // An article or a possessive opens the head's phrase, a few words before it.
  for (std::size_t k = begin - 2; k > 0 && begin - 2 - k < 4; --k) {
    const Token& w = doc.tokens[k - 1];
    if (in(kOpeners, w.lower)) {
      // The possessive's owner ("Brazil's") or the article opens the phrase.
      const bool possessive = w.lower == "'s" || w.lower == "\u2019s";
      const std::size_t open = possessive && k >= 2 ? k - 2 : k - 1;
      return open == 0 || !in(kPrepositions, doc.tokens[open - 1].lower);
    }
    if (w.text == "," || (w.flags & (kSentenceStart | kLineStart)) || !(w.letter_case & kHasLetter)) return false;
  }
  return false;
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

bool ends_in_currency(const Document& doc, std::size_t begin, std::size_t end) {
  // Plural names of currencies that are nobody's surname ("Marks", "Pounds" and "Rand" are).
  constexpr std::string_view kCurrencies[] = {"dlrs",   "dlr",    "dollars", "francs",  "pesos",   "guilders",
                                              "lire",   "rupees", "riyals",  "dinars",  "kronor",  "drachmas",
                                              "ringgit", "rupiah", "baht",   "stg",     "escudos", "pesetas"};
  return end - begin >= 2 && in(kCurrencies, doc.tokens[end - 1].lower);
}

bool wire_says_not_a_person(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  return before_bracketed_code(doc, begin, end) || is_town_or_state(doc, begin, end) ||
         before_organisation_apposition(doc, end) || after_issue_manager(doc, begin) ||
         after_company_descriptor(doc, lexicon, begin, end) || is_staff_byline(doc, lexicon, begin, end) ||
         after_organisation_noun(doc, lexicon, begin, end) || ends_in_saying_verb(doc, begin, end) ||
         is_markup_or_link(doc, begin, end) || ends_in_currency(doc, begin, end);
}

namespace {

struct Item {
  std::size_t begin = 0, end = 0;
};

// The end of the item of capitalised words starting at `i` ("Davao del Sur":
// particles between capitalised words belong to it).
std::size_t item_end(const Document& doc, const Lexicon& lexicon, std::size_t i) {
  const std::size_t n = doc.tokens.size();
  std::size_t k = i;
  while (k < n) {
    const Token& t = doc.tokens[k];
    if (k > i && (t.flags & (kLineStart | kSentenceStart))) break;
    if ((t.letter_case & kStartsUpper) && (t.letter_case & kHasLetter)) {
      ++k;
    } else if (k > i && (lexicon.flags(t.lower) & kParticle) && k + 1 < n &&
               (doc.tokens[k + 1].letter_case & kStartsUpper)) {
      ++k;
    } else {
      break;
    }
  }
  return k;
}

// The list of items starting at `i` ("A, B and C", "A or B"), into `items`:
// the item after "and" or "or" is the last, and items joined by commas
// alone are no list ("in Fargo, Texas, Roe said"). Returns the token after
// the last item.
std::size_t list_at(const Document& doc, const Lexicon& lexicon, std::size_t i, std::vector<Item>& items) {
  const std::size_t n = doc.tokens.size();
  items.assign(1, Item{i, item_end(doc, lexicon, i)});
  std::size_t j = items.back().end;
  bool closed = false;
  while (j + 1 < n && !closed) {
    std::size_t start = j;
    const std::string_view sep = doc.tokens[j].text;
    if (sep != "," && sep != "and" && sep != "or" && sep != "&") break;
    if (sep == "," && (doc.tokens[j + 1].text == "and" || doc.tokens[j + 1].text == "or")) ++start;
    closed = doc.tokens[start].text != ",";
    const std::size_t b = start + 1;
    if (b >= n || !(doc.tokens[b].letter_case & kStartsUpper) || (doc.tokens[b].flags & (kSentenceStart | kLineStart))) {
      closed = false;
      break;
    }
    items.push_back({b, item_end(doc, lexicon, b)});
    j = items.back().end;
  }
  if (!closed) items.resize(1);
  return items.size() > 1 ? j : items.front().end;
}

// The item is a place: the tagger read it so, or the lexicon knows it (a
// known entity, or a region: "Gansu").
bool is_place_item(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon, const Item& item) {
  if (item.end - item.begin == 1) {
    return tags[item.begin] == kLocation || (lexicon.flags(doc.tokens[item.begin].lower) & (kKnownEntity | kRegion));
  }
  bool all_places = true;
  std::string joined;
  for (std::size_t k = item.begin; k < item.end; ++k) {
    all_places = all_places && tags[k] == kLocation;
    if (k > item.begin) joined += ' ';
    joined += doc.tokens[k].lower;
  }
  return all_places || (lexicon.flags(joined) & (kKnownEntity | kRegion));
}

// A plural noun of a kind after a list: "... GTA models", "... provinces".
// The ones that name places may follow a single item ("Davao del Sur province").
bool kind_noun_after(const Document& doc, std::size_t k, std::size_t items) {
  constexpr std::string_view kPlaces[] = {"province", "provinces", "prefecture", "prefectures", "county",
                                          "counties", "district", "districts",   "region",      "regions"};
  constexpr std::string_view kLists[] = {"models", "vehicles", "cars", "brands", "states", "islands", "cities",
                                         "towns",  "villages", "ports", "rivers", "co-managed", "co-managers"};
  if (k >= doc.tokens.size() || !(doc.tokens[k].letter_case & kLowerOnly)) return false;
  return in(kPlaces, doc.tokens[k].lower) || (items >= 2 && in(kLists, doc.tokens[k].lower));
}

// "34 companies, including A, B and C", "carmakers such as A and B": a
// plural noun of a kind of firm, team or place just before the list.
bool kind_noun_before(const Document& doc, std::size_t first) {
  constexpr std::string_view kKinds[] = {
      "companies", "firms",     "makers",   "manufacturers", "carmakers", "automakers", "chipmakers", "banks",
      "brokers",   "insurers",  "airlines", "carriers",      "retailers", "brands",     "clubs",      "teams",
      "countries", "nations",   "cities",   "towns",         "provinces", "newspapers", "papers",     "studios",
      "networks",  "utilities", "giants",   "suppliers",     "vendors",   "distributors", "products", "models",
      "cars",      "drugs",     "agencies", "universities"};
  std::size_t k = first;
  if (k >= 2 && doc.tokens[k - 1].lower == "as" && doc.tokens[k - 2].lower == "such") {
    k -= 2;
  } else if (k >= 1 && doc.tokens[k - 1].lower == "including") {
    k -= 1;
  } else {
    return false;
  }
  if (k >= 1 && doc.tokens[k - 1].text == ",") --k;
  return k >= 1 && (doc.tokens[k - 1].letter_case & kLowerOnly) && in(kKinds, doc.tokens[k - 1].lower);
}

// ", Texas", ", La.", ", New York" at `k`: a state (a region of
// regions.txt, or a US state's abbreviation) after a list of towns, and
// nothing capitalised after it ("Roe, Texas Instruments' chief").
bool state_after(const Document& doc, const Lexicon& lexicon, std::size_t k) {
  const std::size_t n = doc.tokens.size();
  if (k + 1 >= n || doc.tokens[k].text != ",") return false;
  if (is_state_abbreviation(doc, k + 1)) return true;
  for (std::size_t words = 1; words <= 2 && k + words < n; ++words) {
    const Token& last = doc.tokens[k + words];
    if (!(last.letter_case & kStartsUpper)) return false;
    std::string joined(doc.tokens[k + 1].lower);
    if (words == 2) joined += ' ' + std::string(last.lower);
    const std::size_t after = k + words + 1;
    if ((lexicon.flags(joined) & kRegion) && (after >= n || !(doc.tokens[after].letter_case & kStartsUpper))) return true;
  }
  return false;
}

}  // namespace

void add_list_things(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                     std::vector<std::size_t>& starts, std::vector<std::size_t>& places_at) {
  const std::size_t n = doc.tokens.size();
  std::vector<Item> items;
  std::vector<bool> place;
  // "Jane Roe" opens with a given name: a person's, even before "models".
  auto persons_name = [&](const Item& item) {
    return item.end - item.begin > 1 && (lexicon.flags(doc.tokens[item.begin].lower) & kFirstName);
  };
  for (std::size_t i = 0; i < n;) {
    const Token& t = doc.tokens[i];
    if (!(t.letter_case & kStartsUpper) || !(t.letter_case & kHasLetter) || (t.flags & kCapsLine)) {
      ++i;
      continue;
    }
    const std::size_t next = list_at(doc, lexicon, i, items);
    i = std::max(next, i + 1);
    const bool things = kind_noun_after(doc, next, items.size()) || kind_noun_before(doc, items.front().begin);
    // "Alvin, Odessa and Longview, Texas": towns, every one.
    const bool towns = items.size() > 1 && state_after(doc, lexicon, next);
    if (items.size() == 1) {
      if (things && !persons_name(items.front())) starts.push_back(items.front().begin);
      continue;
    }
    place.assign(items.size(), false);
    std::size_t places = 0;
    for (std::size_t k = 0; k < items.size(); ++k) {
      place[k] = is_place_item(doc, tags, lexicon, items[k]);
      places += place[k] ? 1 : 0;
    }
    for (std::size_t k = 0; k < items.size(); ++k) {
      const Item& item = items[k];
      if (persons_name(item)) continue;
      // A lone word among places: more than half of the other items, two at
      // least. A region the tagger read otherwise is one too ("Gansu").
      const std::size_t others = places - (place[k] ? 1 : 0);
      const bool region = tags[item.begin] != kLocation && (lexicon.flags(doc.tokens[item.begin].lower) & kRegion);
      const bool among_places = item.end - item.begin == 1 && (!place[k] || region) && others >= 2 &&
                                2 * others > items.size() - 1 &&
                                !(lexicon.flags(doc.tokens[item.begin].lower) & kFirstName);
      if (things) {
        starts.push_back(item.begin);
      } else if (among_places || (towns && item.end - item.begin == 1)) {
        places_at.push_back(item.begin);
      } else if (towns) {
        starts.push_back(item.begin);  // "Sioux Falls": a town wherever the story names it
      }
    }
  }
}

namespace {

// "102-99", "2-1": a score, digits on both sides of one hyphen.
bool is_score(std::string_view w) {
  const std::size_t dash = w.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= w.size()) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); }) &&
         w.find('-', dash + 1) == std::string_view::npos;
}

// The result verb at `v` and the token where the loser's name starts, or 0.
std::size_t after_result_verb(const Document& doc, std::size_t v) {
  constexpr std::string_view kVerbs[] = {"beat",    "beats",   "defeated", "defeats", "edged",   "edges",
                                         "routed",  "downed",  "topped",   "blanked", "whipped", "stunned",
                                         "upset",   "outlasted", "thrashed", "crushed", "hammered", "drubbed"};
  constexpr std::string_view kLosses[] = {"lost", "loses", "fell", "falls"};
  const Token& t = doc.tokens[v];
  if (!(t.letter_case & kLowerOnly)) return 0;
  if (in(kVerbs, t.lower)) return v + 1;
  if (in(kLosses, t.lower) && v + 1 < doc.tokens.size() && doc.tokens[v + 1].lower == "to") return v + 2;
  return 0;
}

// The score after the loser's name ends at `k` (a comma may come between),
// and no second score after it ("6-4 6-3", "6-4, 7-5": a match of sets).
bool single_score_at(const Document& doc, std::size_t k) {
  const std::size_t n = doc.tokens.size();
  if (k < n && doc.tokens[k].text == ",") ++k;
  if (k >= n || !is_score(doc.tokens[k].text)) return false;
  ++k;
  if (k < n && doc.tokens[k].text == ",") ++k;
  return k >= n || !is_score(doc.tokens[k].text);
}

// A lone capitalised word at `k` that no sentence or line opens.
bool lone_name_at(const Document& doc, std::size_t k) {
  const std::size_t n = doc.tokens.size();
  if (k >= n || !(doc.tokens[k].letter_case & kStartsUpper) || !(doc.tokens[k].letter_case & kHasLetter) ||
      (doc.tokens[k].flags & (kSentenceStart | kLineStart | kCapsLine))) {
    return false;
  }
  return k + 1 >= n || !(doc.tokens[k + 1].letter_case & kStartsUpper) || (doc.tokens[k + 1].flags & kLineStart);
}

// "Sunday's game against Denver", "a contest versus Carolina", "a matchup
// with Kelso": a team's game, named by the word for it (not "match",
// "fight", "showdown" or "win over", said of players too). A "game" only
// after a day's possessive, as a fixture is named ("the second game against
// Halvik" is a tennis game; "This game against Jonah" a rugby player's).
bool after_team_game(const Document& doc, std::size_t k) {
  constexpr std::string_view kFixtures[] = {"contest", "matchup", "opener"};
  constexpr std::string_view kAgainst[] = {"against", "versus", "vs", "vs.", "with"};
  if (k < 3 || !lone_name_at(doc, k)) return false;
  const Token& prep = doc.tokens[k - 1];
  const Token& game = doc.tokens[k - 2];
  if (!(prep.letter_case & kLowerOnly) || !in(kAgainst, prep.lower) || !(game.letter_case & kLowerOnly)) return false;
  if (in(kFixtures, game.lower)) return true;
  const std::string_view before = doc.tokens[k - 3].lower;
  return (game.lower == "game" || game.lower == "games") && (before == "'s" || before == "\u2019s");
}

// "leading Kelso to a 4-1 win": a team led to a result with its score.
bool led_to_a_win(const Document& doc, std::size_t k) {
  constexpr std::string_view kLeads[] = {"leading", "led", "lifted", "lifting", "carried", "carrying",
                                         "powered", "powering", "propelled", "rallied"};
  constexpr std::string_view kResults[] = {"win", "victory", "triumph", "rout"};
  const std::size_t n = doc.tokens.size();
  if (k < 1 || k + 4 >= n || !lone_name_at(doc, k) || !in(kLeads, doc.tokens[k - 1].lower)) return false;
  const bool article = doc.tokens[k + 2].lower == "a" || doc.tokens[k + 2].lower == "an";
  return doc.tokens[k + 1].lower == "to" && article && is_score(doc.tokens[k + 3].text) &&
         in(kResults, doc.tokens[k + 4].lower);
}

}  // namespace

void add_team_names(const Document& doc, std::vector<std::size_t>& starts) {
  for (std::size_t k = 1; k < doc.tokens.size(); ++k) {
    if (after_team_game(doc, k) || led_to_a_win(doc, k)) starts.push_back(k);
  }
}

void add_match_opponents(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                         std::vector<std::size_t>& starts) {
  auto persons_name = [&](const Item& item) {
    return item.end - item.begin > 1 && (lexicon.flags(doc.tokens[item.begin].lower) & kFirstName);
  };
  for (std::size_t v = 1; v + 2 < doc.tokens.size(); ++v) {
    const std::size_t b = after_result_verb(doc, v);
    if (b == 0 || b >= doc.tokens.size() || !(doc.tokens[b].letter_case & kStartsUpper)) continue;
    Item winner{v, v};
    while (winner.begin > 0 && v - winner.begin < 3 && (doc.tokens[winner.begin - 1].letter_case & kStartsUpper) &&
           (doc.tokens[winner.begin - 1].letter_case & kHasLetter) && !(doc.tokens[winner.begin].flags & kSentenceStart)) {
      --winner.begin;
    }
    const Item loser{b, item_end(doc, lexicon, b)};
    if (winner.begin == v || loser.end - loser.begin > 3 || !single_score_at(doc, loser.end)) continue;
    const bool winner_place = is_place_item(doc, tags, lexicon, winner);
    const bool loser_place = is_place_item(doc, tags, lexicon, loser);
    if (winner_place && !loser_place && !persons_name(loser)) starts.push_back(loser.begin);
    if (loser_place && !winner_place && !persons_name(winner)) starts.push_back(winner.begin);
  }
}

namespace {

// The capitalised words running back from token `i` (excluded) to the start
// of the name, within its sentence.
void add_words_before(const Document& doc, std::size_t i, std::vector<std::string_view>& words) {
  for (std::size_t k = i; k > 0; --k) {
    const Token& w = doc.tokens[k - 1];
    if (!(w.letter_case & kStartsUpper) || !(w.letter_case & kHasLetter)) break;
    words.push_back(w.lower);
    if (w.flags & (kSentenceStart | kLineStart)) break;
  }
}

}  // namespace

void add_organisation_names(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  for (std::size_t i = 1; i < n; ++i) {
    const Token& t = doc.tokens[i];
    if (t.text == "," && before_organisation_apposition(doc, i)) add_words_before(doc, i, words);
    std::size_t end = i;
    while (end < n && (doc.tokens[end].letter_case & kStartsUpper)) ++end;
    if (end > i && (after_issue_manager(doc, i) || after_company_descriptor(doc, lexicon, i, end) ||
                    after_organisation_noun(doc, lexicon, i, end))) {
      for (std::size_t k = i; k < end; ++k) words.push_back(doc.tokens[k].lower);
    }
    if (t.text != "(" || !(doc.tokens[i - 1].letter_case & kStartsUpper)) continue;
    std::size_t begin = i;
    while (begin > 0 && (doc.tokens[begin - 1].letter_case & kStartsUpper) &&
           !(doc.tokens[begin].flags & (kSentenceStart | kLineStart))) {
      --begin;
    }
    if (!before_bracketed_code(doc, begin, i)) continue;
    add_words_before(doc, i, words);
    // "... Futures Exchange (LIFFE)": the initials name it too, in any case ("Liffe said").
    if (i + 2 < n && doc.tokens[i + 2].text == ")" && is_all_upper(doc.tokens[i + 1].text)) {
      words.push_back(doc.tokens[i + 1].lower);
    }
  }
}

void add_partner_names(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words) {
  constexpr std::string_view kForms[] = {"inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc"};
  constexpr std::string_view kLeads[] = {"of", "at", "from", "by"};
  const std::size_t n = doc.tokens.size();
  auto capitalised = [&](std::size_t k) {
    return (doc.tokens[k].letter_case & kStartsUpper) && !(lexicon.flags(doc.tokens[k].lower) & kTitle);
  };
  for (std::size_t i = 2; i < n; ++i) {
    if (!(doc.tokens[i].letter_case & kStartsUpper)) continue;
    // "Harper and Row Publishers": two single names joined by "and" before a company word.
    if (i >= 3 && (lexicon.flags(doc.tokens[i].lower) & kCompanyWord) && capitalised(i - 1) && capitalised(i - 3) &&
        (doc.tokens[i - 2].text == "and" || doc.tokens[i - 2].text == "&") &&
        !(doc.tokens[i - 1].flags & kSentenceStart) && (i == 3 || !capitalised(i - 4) || (doc.tokens[i - 3].flags & kSentenceStart))) {
      words.push_back(doc.tokens[i - 3].lower);
      words.push_back(doc.tokens[i - 1].lower);
    }
    if (!in(kForms, doc.tokens[i].lower)) continue;
    if (doc.tokens[i - 1].text == ",") {  // "Howard, Weil, Labouisse, Friedrichs, Inc"
      for (std::size_t k = i - 1; k > 0; --k) {
        if (doc.tokens[k - 1].text == ",") continue;
        if (!capitalised(k - 1)) break;
        words.push_back(doc.tokens[k - 1].lower);
        if (doc.tokens[k - 1].flags & kSentenceStart) break;
      }
      continue;
    }
    if (i + 1 < n && (lexicon.flags(doc.tokens[i + 1].lower) & kTitle)) continue;  // "Acme Corp chairman"
    std::size_t s = i;
    while (s > 0 && capitalised(s - 1) && !(doc.tokens[s].flags & kSentenceStart)) --s;
    if (s < 3 || doc.tokens[s - 1].text != ",") continue;
    std::size_t r = s - 1;
    while (r > 0 && s - 1 - r < 4 && capitalised(r - 1) && !(doc.tokens[r].flags & kSentenceStart)) --r;
    if (r == s - 1 || r == 0 || (doc.tokens[r].flags & kSentenceStart)) continue;
    const Token& lead = doc.tokens[r - 1];
    if (!(lead.letter_case & kLowerOnly) || !in(kLeads, lead.lower)) continue;
    for (std::size_t k = r; k < s - 1; ++k) words.push_back(doc.tokens[k].lower);
  }
}

namespace {

// A lone capitalised word at `k` in the text (not a line in capitals or a
// title-case headline), and no title.
bool lone_partner_at(const Document& doc, const Lexicon& lexicon, std::size_t k) {
  const Token& t = doc.tokens[k];
  return (t.letter_case & kStartsUpper) && (t.letter_case & kHasLetter) && !(t.flags & (kCapsLine | kTitleCase)) &&
         !(lexicon.flags(t.lower) & (kTitle | kNotName));
}

// "Johnson and Johnson", "Dominick & Dominick" (and "amp;", a broken "&amp;"): one
// name twice is a firm's, even once.
void add_doubled_names(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  for (std::size_t i = 1; i + 2 < n; ++i) {
    const std::size_t joint = doc.tokens[i].text == "amp" && doc.tokens[i + 1].text == ";" ? 2 : 1;
    const bool joined = joint == 2 || doc.tokens[i].text == "and" || doc.tokens[i].text == "&";
    if (joined && i + joint < n && lone_partner_at(doc, lexicon, i - 1) &&
        doc.tokens[i + joint].lower == doc.tokens[i - 1].lower) {
      words.push_back(doc.tokens[i - 1].lower);
    }
  }
}

}  // namespace

void add_repeated_partners(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  auto starts_upper_at = [&](std::size_t k) { return k < n && (doc.tokens[k].letter_case & kStartsUpper); };
  // The pairs "X and Y" of lone words (no capitalised word on either side), by the token of "and".
  std::vector<std::size_t> pairs;
  for (std::size_t i = 1; i + 1 < n; ++i) {
    if (doc.tokens[i].text != "and" && doc.tokens[i].text != "&") continue;
    if (!lone_partner_at(doc, lexicon, i - 1) || !lone_partner_at(doc, lexicon, i + 1)) continue;
    if ((i >= 2 && starts_upper_at(i - 2) && !(doc.tokens[i - 1].flags & kSentenceStart)) || starts_upper_at(i + 2)) continue;
    pairs.push_back(i);
  }
  add_doubled_names(doc, lexicon, words);
  auto same = [&](std::size_t a, std::size_t b) {
    return doc.tokens[a - 1].lower == doc.tokens[b - 1].lower && doc.tokens[a + 1].lower == doc.tokens[b + 1].lower;
  };
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    const std::size_t i = pairs[p];
    std::size_t repeats = 0;
    for (std::size_t q : pairs) repeats += same(i, q) ? 1 : 0;
    if (repeats < 2) continue;
    // Neither word stands anywhere in the text outside the pair.
    bool alone = false;
    for (std::size_t k = 0; k < n && !alone; ++k) {
      const std::string_view w = doc.tokens[k].lower;
      if (w != doc.tokens[i - 1].lower && w != doc.tokens[i + 1].lower) continue;
      const bool in_pair = std::any_of(pairs.begin(), pairs.end(), [&](std::size_t q) { return k + 1 == q || k == q + 1; });
      alone = !in_pair && !(doc.tokens[k].flags & (kCapsLine | kTitleCase));
    }
    if (alone) continue;
    words.push_back(doc.tokens[i - 1].lower);
    words.push_back(doc.tokens[i + 1].lower);
  }
}

}  // namespace morgue::people
