#include "people/wire_cues.h"

#include <algorithm>
#include <string>

#include "people/evidence.h"
#include "people/mention_rules.h"
#include "people/rule_words.h"

namespace morgue::people {

namespace {

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

}  // namespace

bool is_town_or_state(const Document& doc, std::size_t begin, std::size_t end) {
  const std::size_t n = doc.tokens.size();
  if (end + 1 < n && doc.tokens[end].text == "," && is_state_abbreviation(doc, end + 1)) return true;
  return end - begin == 1 && begin >= 2 && doc.tokens[begin - 1].text == "," &&
         (doc.tokens[begin - 2].letter_case & kStartsUpper) && is_state_abbreviation(doc, begin);
}

bool after_compass_of(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  // Not a given name and more: "the worst hire south of Jane Roe" is a joke on a person.
  if (end - begin > 1 && (lexicon.flags(doc.tokens[begin].lower) & kFirstName)) return false;
  return begin >= 2 && doc.tokens[begin - 1].text == "of" && is_compass_word(doc.tokens[begin - 2]);
}

bool after_amount(const Document& doc, std::size_t begin, std::size_t end) {
  constexpr std::string_view kUnits[] = {"mln",      "million", "bln",     "billion", "trillion",
                                         "thousand", "pct",     "percent", "per"};
  if (begin < 2 || (doc.tokens[begin].flags & (kSentenceStart | kLineStart))) return false;
  const Token& prev = doc.tokens[begin - 1];
  if ((prev.letter_case & kLowerOnly) && in(kUnits, prev.lower)) {
    // "21.2 pct Halvex Foods", "3.6 trillion Kelmas"; "per" only as "per cent".
    if (prev.lower == "per") return false;
    return is_number(doc.tokens[begin - 2].text);
  }
  if (begin >= 3 && prev.lower == "cent" && doc.tokens[begin - 2].lower == "per") {
    return is_number(doc.tokens[begin - 3].text);
  }
  // "26,120 Kelmas": an amount with a comma or a decimal point before a lone word.
  const std::string_view number = prev.text;
  const std::size_t mark = number.find_first_of(".,");
  // (A number ending in a full stop ends a sentence: "in 3:49.78. Roe won".)
  return end - begin == 1 && is_number(number) && number.back() != '.' && mark != std::string_view::npos &&
         mark + 1 < number.size() && number[mark + 1] >= '0' && number[mark + 1] <= '9';
}

bool before_tonnage(const Document& doc, std::size_t end) {
  constexpr std::string_view kUnits[] = {"tonnes", "tons", "tonne", "ton", "dwt", "mt"};
  const std::size_t n = doc.tokens.size();
  std::size_t k = end;
  if (k < n && doc.tokens[k].text == "(") ++k;  // "Halvik (68,000 dwt)"
  return k + 1 < n && is_number(doc.tokens[k].text) && (doc.tokens[k + 1].letter_case & kLowerOnly) &&
         in(kUnits, doc.tokens[k + 1].lower);
}

bool ends_in_currency(const Document& doc, std::size_t begin, std::size_t end) {
  // Plural names of currencies that are nobody's surname ("Marks", "Pounds" and "Rand" are).
  constexpr std::string_view kCurrencies[] = {"dlrs",   "dlr",    "dollars", "francs",  "pesos",   "guilders",
                                              "lire",   "rupees", "riyals",  "dinars",  "kronor",  "drachmas",
                                              "ringgit", "rupiah", "baht",   "stg",     "escudos", "pesetas"};
  return end - begin >= 2 && in(kCurrencies, doc.tokens[end - 1].lower);
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

// The item is an organisation's name: it ends in a company or institution
// word ("May Co", "Dean Witter Reynolds Inc"), or it is a word in capitals
// the tagger read as one ("MSN"). (The tagger's reading alone is not
// enough: it reads lists of politicians as organisations too.)
bool is_organisation_item(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                          const Item& item) {
  if (lexicon.flags(doc.tokens[item.end - 1].lower) & (kCompanyWord | kEntityWord)) return true;
  const Token& t = doc.tokens[item.begin];
  return item.end - item.begin == 1 && tags[item.begin] == kOrganisation && (t.letter_case & kAllUpper) &&
         t.text.size() >= 2 && !(t.flags & kCapsLine);
}

// How many items of the list are organisations', and whether item `k` is one.
std::size_t count_organisations(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                                const std::vector<Item>& items, std::vector<bool>& organisation) {
  organisation.assign(items.size(), false);
  std::size_t count = 0;
  for (std::size_t k = 0; k < items.size(); ++k) {
    organisation[k] = is_organisation_item(doc, tags, lexicon, items[k]);
    count += organisation[k] ? 1 : 0;
  }
  return count;
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

bool before_state_name(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  // A given name and more is a person's ("Greg Roe, Texas attorney general", "Jane Roe,
  // Texas, and Jim Poe, Ohio"), unless a place's word opens the phrase ("its Port
  // Velda, Texas refinery", "in Santa Lora, Mexico").
  constexpr std::string_view kPlaceOpeners[] = {"its", "a", "an", "the", "in", "at", "near", "outside"};
  const bool place_opener = begin > 0 && (doc.tokens[begin - 1].letter_case & kLowerOnly) &&
                            in(kPlaceOpeners, doc.tokens[begin - 1].lower);
  if (end - begin > 1 && (lexicon.flags(doc.tokens[begin].lower) & kFirstName) && !place_opener) return false;
  // The span is no region itself ("Ohio, Texas and Utah" is a list of states).
  return !(lexicon.flags(doc.tokens[begin].lower) & kRegion) && state_after(doc, lexicon, end);
}

void add_list_things(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                     std::vector<std::size_t>& starts, std::vector<std::size_t>& places_at) {
  const std::size_t n = doc.tokens.size();
  std::vector<Item> items;
  std::vector<bool> place, organisation;
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
      // "its Port Velda, Texas refinery": a town of several words
      // wherever the story names it ("the Port Velda plant").
      const Item& item = items.front();
      const bool town = item.end - item.begin > 1 && before_state_name(doc, lexicon, item.begin, item.end);
      if ((things && !persons_name(item)) || town) starts.push_back(item.begin);
      continue;
    }
    const std::size_t organisations = count_organisations(doc, tags, lexicon, items, organisation);
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
      // An item among firms ("Halvex Foods, Kelmar Inc, Roe and Poe Co and Velda Brands"): a firm.
      const std::size_t other_firms = organisations - (organisation[k] ? 1 : 0);
      const bool among_firms = !organisation[k] && other_firms >= 2 && 2 * other_firms > items.size() - 1 &&
                               !(lexicon.flags(doc.tokens[item.begin].lower) & kFirstName);
      if (things || (among_firms && item.end - item.begin > 1)) {
        starts.push_back(item.begin);
      } else if (among_places || among_firms || (towns && item.end - item.begin == 1)) {
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

void add_works_names(const Document& doc, const Lexicon& lexicon, std::vector<std::size_t>& starts) {
  constexpr std::string_view kOpeners[] = {"the", "its", "their", "a", "an"};
  constexpr std::string_view kWorks[] = {"plant",    "plants",  "factory", "factories", "refinery", "refineries",
                                         "mill",     "mills",   "mine",    "mines",     "smelter",  "oilfield",
                                         "reactor",  "reactors", "dam",    "terminal",  "facility", "complex"};
  const std::size_t n = doc.tokens.size();
  for (std::size_t k = 1; k < n; ++k) {
    const Token& t = doc.tokens[k];
    if (!(t.letter_case & kStartsUpper) || !(t.letter_case & kHasLetter) ||
        (t.flags & (kSentenceStart | kLineStart | kCapsLine)) || !(doc.tokens[k - 1].letter_case & kLowerOnly) ||
        !in(kOpeners, doc.tokens[k - 1].lower)) {
      continue;
    }
    const std::size_t end = item_end(doc, lexicon, k);
    // "the Kelso Nuclear Power Plant": the noun for the works ends its own
    // name, after two words or more (so not "a Jane Plant song").
    if (end - k >= 3 && end - k <= 5 && in(kWorks, doc.tokens[end - 1].lower)) {
      starts.push_back(k);
      continue;
    }
    // A given name may open the name of a firm's own works ("its Jane Kelso nuclear plants").
    const bool owned = doc.tokens[k - 1].lower == "its" || doc.tokens[k - 1].lower == "their";
    if (end - k > 3 || (end - k > 1 && !owned && (lexicon.flags(t.lower) & kFirstName))) continue;
    // At most two lower-case words before the noun for the works: "the Kelso nuclear power plant".
    for (std::size_t h = end; h < n && h <= end + 2; ++h) {
      const Token& w = doc.tokens[h];
      if (!(w.letter_case & kLowerOnly) || !(w.letter_case & kHasLetter)) break;
      if (in(kWorks, w.lower)) {
        starts.push_back(k);
        break;
      }
    }
  }
}

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

}  // namespace morgue::people
