#include "people/evidence.h"

#include <algorithm>
#include <string_view>

// How a name is used where it stands (evidence.h: before_saying() to
// company_noun_words()): the cues names.cc weighs over a person's mentions.
namespace morgue::people {

namespace {

template <std::size_t N>
bool one_of(std::string_view word, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// Letters and hyphens only ("co-chairman"), not "12th" or "'s".
bool is_plain_word(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

// "decided", "scored"; not "speed", "seed", "bed".
bool is_regular_past(std::string_view w) {
  return w.size() >= 5 && w.substr(w.size() - 2) == "ed" && w[w.size() - 3] != 'e' && is_plain_word(w);
}

// Past forms that do not end in "ed": "Roe won", "Roe hit".
constexpr std::string_view kPastForms[] = {
    "said", "told", "wrote", "won", "lost", "beat", "hit", "led", "took", "gave", "got", "made", "met", "went",
    "came", "saw", "left", "kept", "held", "ran", "set", "put", "let", "cut", "found", "brought", "thought",
    "felt", "sent", "spent", "built", "began", "became", "broke", "chose", "drew", "drove", "fell", "flew",
    "fought", "grew", "heard", "knew", "meant", "paid", "quit", "read", "rode", "rose", "sat", "shot", "shut",
    "spoke", "stood", "struck", "threw", "sought", "bought", "caught", "sold", "swept", "tore", "bid", "cast",
    "hurt", "shed", "spread", "upheld", "withdrew", "overcame", "oversaw", "forgave", "hid", "fled", "wore",
    "lay", "laid", "blew", "sank", "ate", "drank", "dove", "sped", "fed", "dug", "bent", "lent", "slid", "stuck",
    "lit", "shone", "shook", "woke", "swung", "spun", "hung", "rang", "sang", "sprang", "froze", "forgot", "bit",
    "dealt", "leapt", "knelt", "crept", "slept", "wept", "swore", "bore", "struck", "strode", "wound", "taught"};

// A capitalised word inside a sentence ("Widget"), or one with a capital
// inside ("iPlayer"), not in a line of capitals.
bool is_name_word(const Token& t) {
  return (t.letter_case & kHasUpper) && !(t.flags & (kSentenceStart | kCapsLine));
}

// The story writes `lower` just after a known given name somewhere ("Jane
// Roe"): a person's surname, whose "Roe group" is the people around her.
bool after_given_name_somewhere(const Document& doc, const Lexicon& lexicon, std::string_view lower) {
  for (std::size_t j = 1; j < doc.tokens.size(); ++j) {
    if (doc.tokens[j].lower == lower && (doc.tokens[j - 1].letter_case & kStartsUpper) &&
        (lexicon.flags(doc.tokens[j - 1].lower) & kFirstName)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool before_saying(const Document& doc, std::size_t end) {
  constexpr std::string_view kVerbs[] = {"said", "says", "told", "tells", "added", "adds", "explained", "insisted",
                                         "argued", "admitted", "wrote", "writes", "replied", "recalled", "who"};
  std::size_t next = end;
  if (next < doc.tokens.size() && doc.tokens[next].text == ",") ++next;
  if (next >= doc.tokens.size()) return false;
  const std::string_view word = doc.tokens[next].lower;
  if (before_plural_relative(doc, end)) return false;
  if (next > end) return word == "who" || word == "whose";
  // "Acme adds new switches", "Acme added 300 jobs": "add" with an object
  // that no speech opens is a firm's as often as a person's.
  if ((word == "adds" || word == "added") && next + 1 < doc.tokens.size()) {
    const Token& object = doc.tokens[next + 1];
    if (object.lower == "new" || object.lower == "its" || (object.text[0] >= '0' && object.text[0] <= '9')) return false;
  }
  return one_of(word, kVerbs);
}

bool before_plural_relative(const Document& doc, std::size_t end) {
  std::size_t next = end;
  if (next < doc.tokens.size() && doc.tokens[next].text == ",") ++next;
  if (next + 1 >= doc.tokens.size() || doc.tokens[next].lower != "who") return false;
  const std::string_view verb = doc.tokens[next + 1].lower;
  return verb == "were" || verb == "are" || verb == "have";
}

bool before_relative(const Document& doc, std::size_t end) {
  if (before_plural_relative(doc, end)) return false;
  std::size_t next = end;
  if (next < doc.tokens.size() && doc.tokens[next].text == ",") ++next;
  if (next >= doc.tokens.size()) return false;
  const std::string_view word = doc.tokens[next].lower;
  return word == "who" || (next > end && word == "whose");
}

bool after_article(const Document& doc, std::size_t begin) {
  if (begin == 0) return false;
  const Token& prev = doc.tokens[begin - 1];
  return prev.lower == "the" || prev.lower == "an" || prev.text == "a";
}

bool before_possessed_name(const Document& doc, std::size_t end) {
  return end + 1 < doc.tokens.size() && doc.tokens[end].lower == "'s" && is_name_word(doc.tokens[end + 1]);
}

bool before_product(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon, std::size_t end) {
  // (A given name after it starts another name: a headline run into a byline.)
  return end < doc.tokens.size() && tags[end] == kOutside && is_name_word(doc.tokens[end]) &&
         !(lexicon.flags(doc.tokens[end].lower) & kFirstName);
}

bool before_modifier_head(const Document& doc, const Lexicon& lexicon, std::size_t end) {
  // Plural nouns that often follow a modifier (most words ending in "s"
  // after a name are verbs: "Roe wins").
  constexpr std::string_view kPlurals[] = {"fans", "supporters", "stars", "studios", "films", "movies", "nominations",
                                           "nominees", "winners", "hopefuls", "contenders", "awards", "ceremonies",
                                           "mps", "voters", "players", "bosses", "lawyers", "executives", "execs",
                                           "consoles", "handsets", "laptops", "customers", "subscribers", "users",
                                           "sources", "policies", "proposals", "tactics", "actors", "officials",
                                           "ministers", "members", "leaders", "candidates", "activists", "critics",
                                           "rivals", "products", "employees", "games", "titles", "devices",
                                           // A school's or a firm's people: "Kelso researchers will watch".
                                           "researchers", "scientists", "students", "engineers", "professors",
                                           "shareholders", "workers", "staffers"};
  // Words after a name that are no noun it modifies: function words, auxiliaries,
  // and past forms that do not end in "ed" ("Roe won", "Roe hit").
  constexpr std::string_view kNotNouns[] = {
      "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "by", "from", "into",
      "onto", "about", "after", "before", "over", "under", "than", "then", "as", "if", "who", "whom", "whose", "which",
      "that", "this", "these", "those", "there", "here", "when", "where", "while", "why", "how", "what", "whether",
      "not", "no", "so", "too", "also", "yet", "still", "now", "just", "only", "even", "again", "once", "never",
      "ever", "soon", "instead", "himself", "herself", "itself", "he", "she", "it", "they", "we", "you", "his", "her",
      "their", "its", "him", "them", "be", "is", "are", "was", "were", "been", "am", "has", "have", "had", "do",
      "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "up", "down", "out",
      "off", "back", "away", "against", "during", "without", "within", "through", "between", "among", "across",
      "per", "via", "v", "vs", "all", "both", "each", "alone", "jr", "sr", "junior", "senior", "already", "always",
      "often", "later", "ago", "almost", "didn", "doesn", "don", "isn", "wasn", "weren", "aren", "hasn", "hadn",
      "haven", "couldn", "wouldn", "shouldn", "won", "can", "ain"};
  if (end >= doc.tokens.size()) return false;
  const Token& next = doc.tokens[end];
  if (!(next.letter_case & kLowerOnly) || !(next.letter_case & kHasLetter) || next.lower.size() < 3) return false;
  if (one_of(next.lower, kPlurals)) return true;
  const std::string_view w = next.lower;
  const auto ends = [&](std::string_view tail) { return w.size() > tail.size() && w.substr(w.size() - tail.size()) == tail; };
  if (ends("s") || is_regular_past(w) || ends("ly") || ends("ing") || !is_plain_word(w)) return false;
  return !one_of(w, kNotNouns) && !one_of(w, kPastForms) && !(lexicon.flags(w) & kParticle);
}

bool before_office_noun(const Document& doc, std::size_t end) {
  constexpr std::string_view kNouns[] = {"administration", "government", "presidency", "cabinet", "era", "years",
                                         "aide", "aides", "camp", "campaign", "family"};
  return end < doc.tokens.size() && (doc.tokens[end].letter_case & kLowerOnly) && one_of(doc.tokens[end].lower, kNouns);
}

bool before_plural_verb(const Document& doc, std::size_t begin, std::size_t end) {
  if (end >= doc.tokens.size() || begin == 0) return false;
  const std::string_view prev = doc.tokens[begin - 1].lower;
  if (prev == "and" || prev == "or" || prev == "," || prev == "&") return false;
  const Token& next = doc.tokens[end];
  return (next.letter_case & kLowerOnly) && (next.lower == "have" || next.lower == "are" || next.lower == "were");
}

namespace {

bool is_list_joint(const Token& t) { return t.text == "," || t.lower == "and" || t.lower == "or" || t.text == "&"; }

// A known body the tagger reads as an organisation ("Toshiba"), or an
// acronym ("IBM"; not in a line of capitals). (The tagger alone reads names
// in team lists as organisations.)
bool is_organisation_at(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon, std::size_t k) {
  const Token& t = doc.tokens[k];
  if (tags[k] == kOrganisation && (lexicon.flags(t.lower) & kKnownEntity)) return true;
  return (t.letter_case & kAllUpper) && t.text.size() >= 2 && t.text.size() <= 5 && !(t.flags & kCapsLine) &&
         is_plain_word(t.lower);
}

}  // namespace

bool listed_with_organisation(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                              std::size_t begin, std::size_t end) {
  if (begin >= 2 && is_list_joint(doc.tokens[begin - 1]) && is_organisation_at(doc, tags, lexicon, begin - 2)) {
    return true;
  }
  return end + 1 < doc.tokens.size() && is_list_joint(doc.tokens[end]) &&
         is_organisation_at(doc, tags, lexicon, end + 1);
}

bool before_its(const Document& doc, std::size_t end) {
  for (std::size_t k = end; k < doc.tokens.size() && k < end + 6; ++k) {
    const Token& t = doc.tokens[k];
    if (k > end && (t.flags & kSentenceStart)) return false;
    if (t.lower == "he" || t.lower == "she" || t.lower == "his" || t.lower == "her") return false;
    if (t.lower == "its") return true;
  }
  return false;
}

bool before_work_title(const Document& doc, std::size_t end) {
  return end + 2 < doc.tokens.size() && doc.tokens[end].text == "and" && doc.tokens[end + 1].lower == "the" &&
         (doc.tokens[end + 2].letter_case & kStartsUpper) && !(doc.tokens[end + 2].flags & kSentenceStart);
}

bool before_past_verb(const Document& doc, std::size_t end) {
  if (end >= doc.tokens.size() || !(doc.tokens[end].letter_case & kLowerOnly)) return false;
  const std::string_view w = doc.tokens[end].lower;
  return is_regular_past(w) || one_of(w, kPastForms);
}

std::vector<std::string_view> company_noun_words(const Document& doc, const Lexicon& lexicon) {
  std::vector<std::string_view> words;
  for (std::size_t i = 1; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    // (Letter case first: a lexicon lookup for every lower-case word would cost more.)
    if ((doc.tokens[i - 1].letter_case & kStartsUpper) && (t.letter_case & kLowerOnly) &&
        (lexicon.flags(t.lower) & kCompanyNoun) &&
        (t.lower != "group" || !after_given_name_somewhere(doc, lexicon, doc.tokens[i - 1].lower))) {
      words.push_back(doc.tokens[i - 1].lower);
    }
  }
  return words;
}

bool lone_organisation_before_its(const Document& doc, const std::vector<Tag>& tags, std::size_t i) {
  const std::size_t n = doc.tokens.size();
  return tags[i] == kOrganisation && !(i > 0 && tags[i - 1] == kOrganisation) &&
         !(i + 1 < n && tags[i + 1] == kOrganisation) && (doc.tokens[i].letter_case & kStartsUpper) &&
         !(doc.tokens[i].flags & (kCapsLine | kTitleCase)) && before_its(doc, i + 1);
}

}  // namespace morgue::people
