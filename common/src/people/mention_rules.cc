#include "people/mention_rules.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "people/evidence.h"
#include "people/names.h"

namespace morgue::people {
namespace {

bool contains_word(const std::vector<std::string_view>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// "the Jinan cigarette factory", "its Visa credit card", "the Pierina gold
// deposit": a lone name, one lower-case word, and a noun naming a place of
// work, a product or a people. (One word between at most, and nouns that
// follow no verb: "Baker said shares rose" is a person.)
bool names_a_place_or_product(const Document& doc, std::size_t end) {
  constexpr std::string_view kHeads[] = {"factory", "factories", "plant", "plants", "mill",   "mine",
                                         "mines",   "deposit",   "refinery", "smelter", "index", "card",
                                         "cards",   "agency",    "tribe",   "field",   "oilfield"};
  auto is_head = [&](std::size_t k) {
    return k < doc.tokens.size() && (doc.tokens[k].letter_case & kLowerOnly) &&
           std::find(std::begin(kHeads), std::end(kHeads), doc.tokens[k].lower) != std::end(kHeads);
  };
  if (end >= doc.tokens.size()) return false;
  const Token& next = doc.tokens[end];
  const bool word_between = (next.letter_case & kLowerOnly) && (next.letter_case & kHasLetter) && next.lower != "'s";
  return is_head(end) || (word_between && is_head(end + 1));
}

// "Jane Steel, leader of the Kelso Party": a known given name and a
// family name that is also a company word, with an office in lower case
// just before it ("party leader Jane Steel") or in an apposition just after
// it (", leader of"), is a person's name ("Kelso Bank said" is not).
bool office_holders_name(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  auto office = [&](std::size_t k) {
    return k < doc.tokens.size() && (doc.tokens[k].letter_case & kLowerOnly) &&
           (lexicon.flags(doc.tokens[k].lower) & kTitle);
  };
  if (end - begin < 2 || !(lexicon.flags(doc.tokens[begin].lower) & kFirstName) ||
      !(lexicon.flags(doc.tokens[end - 1].lower) & kSurname)) {
    return false;
  }
  const bool comma_office = end + 1 < doc.tokens.size() && doc.tokens[end].text == "," && office(end + 1);
  return (begin > 0 && office(begin - 1)) || comma_office;
}

}  // namespace

bool kind_word_before(const Document& doc, const Lexicon& lexicon, std::size_t i) {
  return i > 0 && !(doc.tokens[i].flags & (kSentenceStart | kLineStart)) &&
         (lexicon.flags(doc.tokens[i - 1].lower) & kNameKind);
}

std::vector<std::size_t> thing_names(const Document& doc, const Lexicon& lexicon) {
  std::vector<std::size_t> starts;
  const std::size_t n = doc.tokens.size();
  for (std::size_t i = 1; i < n; ++i) {
    if (!(doc.tokens[i].letter_case & kStartsUpper) || !kind_word_before(doc, lexicon, i)) continue;
    starts.push_back(i);
    std::size_t k = i;
    while (k < n && (doc.tokens[k].letter_case & kStartsUpper) && !(doc.tokens[k].flags & kSentenceStart && k > i)) ++k;
    if (k + 1 < n && (doc.tokens[k].text == "and" || doc.tokens[k].text == "&") &&
        (doc.tokens[k + 1].letter_case & kStartsUpper)) {
      starts.push_back(k + 1);
    }
  }
  return starts;
}

bool names_a_thing_elsewhere(const Document& doc, const StoryEvidence& story, std::size_t begin, std::size_t end) {
  for (std::size_t start : story.thing_names) {
    if (start + (end - begin) > doc.tokens.size()) continue;
    bool same = true;
    for (std::size_t k = 0; same && k < end - begin; ++k) same = doc.tokens[start + k].lower == doc.tokens[begin + k].lower;
    if (same) return true;
  }
  return false;
}

bool tail_of_longer_name(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                         std::size_t begin, std::size_t end) {
  if (begin == 0 || (doc.tokens[begin].flags & kLineStart)) return false;
  const Token& prev = doc.tokens[begin - 1];
  if (!(prev.letter_case & kStartsUpper) || (prev.flags & kCapsLine)) return false;
  // (A nationality before a name is another word: "American Tom Johnson";
  // so is an office before a full name: "the Exchequer Nigel Lawson".)
  if ((tags[begin - 1] == kOrganisation || tags[begin - 1] == kLocation) && end - begin == 1) {
    return !(lexicon.flags(prev.lower) & (kTitle | kNotName));
  }
  return tags[begin - 1] == kOutside && (lexicon.flags(prev.lower) & kParticle);
}

bool is_honorific(std::string_view lower) {
  constexpr std::string_view kHonorifics[] = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.",
                                              "sir", "dame", "lord", "lady", "mme", "mme."};
  return std::find(std::begin(kHonorifics), std::end(kHonorifics), lower) != std::end(kHonorifics);
}

namespace {

// Nouns for a country's people, several of them given names or surnames
// too ("Finn", "Scot", "Dane"), so no list of places holds them.
bool is_nationality_noun(std::string_view lower) {
  constexpr std::string_view kNouns[] = {
      "finn",       "scot",       "dane",        "swede",      "pole",         "briton",     "czech",
      "slovak",     "croat",      "serb",        "turk",       "kiwi",         "aussie",     "frenchman",
      "dutchman",   "spaniard",   "welshman",    "irishman",   "englishman",   "scotsman",   "frenchwoman",
      "dutchwoman", "welshwoman", "irishwoman",  "englishwoman", "scotswoman", "ulsterman", "yorkshireman",
      "cornishman", "manxman",    "texan",       "californian"};
  return std::find(std::begin(kNouns), std::end(kNouns), lower) != std::end(kNouns);
}

}  // namespace

bool opens_with_nationality(const Document& doc, std::size_t begin, std::size_t end) {
  if (end - begin < 3) return false;
  const Token& first = doc.tokens[begin];
  if (!(first.letter_case & kStartsUpper) || (first.letter_case & kAllUpper)) return false;
  return is_nationality_noun(first.lower) && !is_initial(doc.tokens[begin + 1].text);
}

bool is_nationality_description(const Document& doc, std::size_t begin, std::size_t end) {
  if (end - begin != 1 || !is_nationality_noun(doc.tokens[begin].lower)) return false;
  auto article = [&](std::size_t k) {
    const std::string_view w = doc.tokens[k].text;
    return w == "the" || w == "a" || w == "The" || w == "A";
  };
  // "Ulsterman Graeme Roe" read as two names: the noun describes the next.
  if (end < doc.tokens.size() && (doc.tokens[end].letter_case & kStartsUpper) &&
      (doc.tokens[end].letter_case & kHasLetter) && !(doc.tokens[end].flags & (kSentenceStart | kLineStart))) {
    return true;
  }
  // "the Dane", "the 31-year-old Dane", "a tall Swede".
  if (begin == 0) return false;
  const Token& prev = doc.tokens[begin - 1];
  return article(begin - 1) || (begin >= 2 && (prev.letter_case & kLowerOnly) && article(begin - 2));
}

bool is_party_and_state(std::string_view word) {
  return word.size() >= 4 && (word[0] == 'R' || word[0] == 'D' || word[0] == 'I') && word[1] == '-' &&
         word[2] >= 'A' && word[2] <= 'Z';
}

bool head_of_longer_name(const Document& doc, const std::vector<Tag>& tags, std::size_t begin, std::size_t end) {
  if (end - begin != 1 || end >= doc.tokens.size()) return false;
  const Token& next = doc.tokens[end];
  if (!(next.letter_case & kStartsUpper) || (next.flags & (kSentenceStart | kCapsLine))) return false;
  return tags[end] == kOrganisation || tags[end] == kLocation || tags[end] == kMiscEntity;
}

bool is_compass_word(const Token& t) {
  constexpr std::string_view kWords[] = {
      "north",     "south",     "east",      "west",      "northern",     "southern",     "eastern",      "western",
      "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
      "southwestern", "central"};
  return (t.letter_case & kLowerOnly) && std::find(std::begin(kWords), std::end(kWords), t.lower) != std::end(kWords);
}

bool is_date_month(const Document& doc, std::size_t i) {
  constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
  if (std::find(std::begin(kMonths), std::end(kMonths), doc.tokens[i].lower) == std::end(kMonths)) return false;
  std::size_t next = i + 1;
  if (next < doc.tokens.size() && doc.tokens[next].text == ".") ++next;
  return (next < doc.tokens.size() && is_number(doc.tokens[next].text)) || (i > 0 && is_number(doc.tokens[i - 1].text));
}

bool has_digit_word(const Document& doc, std::size_t begin, std::size_t end) {
  for (std::size_t k = begin; k < end; ++k) {
    for (char c : doc.tokens[k].text) {
      if (c >= '0' && c <= '9') return true;
    }
  }
  return false;
}

bool has_acronym_head_word(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  for (std::size_t k = begin; k < end; ++k) {
    const std::string_view w = doc.tokens[k].text;
    auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (w.size() < 3 || !upper(w[0]) || !upper(w[1]) || w.starts_with("IJ")) continue;  // Dutch "IJzer" is a name
    // Capitals, then a lower-case letter that is no plural's "s" ("CEOs").
    std::size_t first_lower = 2;
    while (first_lower < w.size() && upper(w[first_lower])) ++first_lower;
    // ("JAne", a given name typed with two capitals, is still one.)
    if (first_lower < w.size() && w[first_lower] >= 'a' && w[first_lower] <= 'z' && w.substr(first_lower) != "s" &&
        !(lexicon.flags(doc.tokens[k].lower) & (kFirstName | kSurname))) {
      return true;
    }
  }
  return false;
}

bool is_plural_demonym(const Lexicon& lexicon, std::string_view lower) {
  if (lower.size() < 5 || lower.back() != 's') return false;
  // (The word's shape first: the two lexicon lookups cost more.)
  const std::string_view one = lower.substr(0, lower.size() - 1);
  return (one.ends_with('i') || one.ends_with("an")) && !(lexicon.flags(lower) & kSurname) &&
         (lexicon.flags(one) & kKnownEntity);
}

bool is_plural_acronym(std::string_view word) {
  if (word.size() < 3 || word.back() != 's') return false;
  return std::all_of(word.begin(), word.end() - 1, [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool names_something_else(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  const std::size_t n = doc.tokens.size();
  if (has_digit_word(doc, begin, end) || has_acronym_head_word(doc, lexicon, begin, end)) return true;
  if (end - begin == 1 && is_plural_demonym(lexicon, doc.tokens[begin].lower)) return true;
  // "Jones Medical", "Warner Bros", "Salomon Bros Inc": a company or a place named after someone.
  constexpr std::uint16_t kEnds = kEntityWord | kCompanyWord;
  if (((lexicon.flags(doc.tokens[end - 1].lower) & kEnds) && !office_holders_name(doc, lexicon, begin, end)) ||
      (end < n && (lexicon.flags(doc.tokens[end].lower) & kEnds) && starts_upper(doc.tokens[end].text))) {
    return true;
  }
  // "U.K. Economic", "Private Collection": a name does not end in a common
  // word that is no one's name (short ones aside: "Peter Such", "Rein van der Does").
  const Token& last = doc.tokens[end - 1];
  if (end - begin > 1 && last.lower.size() > 4 &&
      (lexicon.flags(last.lower) & (kCommonWord | kSurname | kFirstName)) == kCommonWord) {
    return true;
  }
  // "the Dean Witter unit", "Acme shares".
  if (end < n && (doc.tokens[end].letter_case & kLowerOnly) && (lexicon.flags(doc.tokens[end].lower) & kCompanyNoun)) {
    return true;
  }
  // "Halden Pryce food analyst Jane Roe": a trade word between the name and
  // a market job in the singular (a verb before a plural, "Roe told
  // analysts", is no trade word's place).
  constexpr std::string_view kMarketJobs[] = {"analyst", "economist", "strategist"};
  if (end + 1 < n && (doc.tokens[end + 1].letter_case & kLowerOnly) &&
      std::find(std::begin(kMarketJobs), std::end(kMarketJobs), doc.tokens[end + 1].lower) != std::end(kMarketJobs) &&
      before_modifier_head(doc, lexicon, end)) {
    return true;
  }
  if (end - begin == 1 && names_a_place_or_product(doc, end)) return true;
  // "First Kelso Bank of Velda", "the University of Velda": a lone word
  // after a capitalised company or institution word and "of" ends the
  // institution's name (a place).
  if (end - begin == 1 && begin >= 2 && doc.tokens[begin - 1].text == "of" &&
      (doc.tokens[begin - 2].letter_case & kStartsUpper) &&
      (lexicon.flags(doc.tokens[begin - 2].lower) & (kEntityWord | kCompanyWord))) {
    return true;
  }
  // "E. Europe", "S. Korea": a compass point's initial and a place, in tables
  // ("T. Moody" is a cricketer, though Moody's is a company).
  if (end - begin == 2 && doc.tokens[begin].text.size() == 2 && doc.tokens[begin].text[1] == '.' &&
      std::string_view("NSEW").find(doc.tokens[begin].text[0]) != std::string_view::npos &&
      (lexicon.flags(doc.tokens[begin + 1].lower) & kKnownEntity)) {
    return true;
  }
  // "Credit Commercial de France": a particle and a place end no one's name
  // that does not open with a given name ("Miguel de la Madrid").
  if (end - begin >= 3 && (lexicon.flags(doc.tokens[end - 2].lower) & kParticle) &&
      (lexicon.flags(doc.tokens[end - 1].lower) & kKnownEntity) && !(lexicon.flags(doc.tokens[begin].lower) & kFirstName)) {
    return true;
  }
  if (is_company_apposition(doc, end)) return true;
  // "in Kelso Ontario", "near Velda Texas": after a preposition of place, a
  // name of two words ending in a region is a town and its state, the comma
  // left out.
  constexpr std::string_view kPlacePrepositions[] = {"in", "at", "near", "from", "outside"};
  if (end - begin == 2 && begin > 0 && (lexicon.flags(doc.tokens[begin + 1].lower) & kRegion) &&
      std::find(std::begin(kPlacePrepositions), std::end(kPlacePrepositions), doc.tokens[begin - 1].text) !=
          std::end(kPlacePrepositions)) {
    return true;
  }
  // "Lake Tanganyika", "Mount Kenya", "Fort Worth", "Puerto Velda": a word
  // for a kind of place opens no person's name.
  constexpr std::string_view kPlaceKinds[] = {"lake", "mount", "mt",   "mt.",   "cape",
                                              "fort", "port",  "puerto", "porto"};
  if (end - begin > 1 && std::find(std::begin(kPlaceKinds), std::end(kPlaceKinds), doc.tokens[begin].lower) !=
                             std::end(kPlaceKinds)) {
    return true;
  }
  std::string joined;
  for (std::size_t k = begin; k < end; ++k) {
    if (k > begin) joined += ' ';
    joined += doc.tokens[k].lower;
  }
  // A region of several words ("Sao Paulo", "North Dakota") is a place too;
  // a region of one word may be a given name ("Mary", a province).
  return lexicon.flags(joined) & (end - begin > 1 ? kKnownEntity | kRegion : kKnownEntity);
}

bool in_organisation_name(const Document& doc, const StoryEvidence& story, std::size_t begin, std::size_t end) {
  for (std::size_t k = begin; k < end; ++k) {
    if (!contains_word(story.organisation_words, doc.tokens[k].lower)) return false;
  }
  return true;
}

bool used_as_thing(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                   const StoryEvidence& story, std::size_t begin, std::size_t end, bool archive) {
  const bool lone = end - begin == 1;
  if (lone && contains_word(story.company_noun_words, doc.tokens[begin].lower)) return true;
  if (before_office_noun(doc, end)) return false;
  const bool given = !lone && (lexicon.flags(doc.tokens[begin].lower) & kFirstName);
  if (given && !archive) return false;
  const bool modifies = (lone || archive) && (before_modifier_head(doc, lexicon, end) ||
                                              before_plural_verb(doc, begin, end) || before_plural_relative(doc, end));
  if (given) return after_article(doc, begin) || modifies || before_work_title(doc, end);
  return after_article(doc, begin) || before_possessed_name(doc, end) || before_its(doc, end) || modifies ||
         (lone && (before_product(doc, tags, lexicon, end) ||
                   listed_with_organisation(doc, tags, lexicon, begin, end)));
}

}  // namespace morgue::people
