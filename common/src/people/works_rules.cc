#include "people/works_rules.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include "people/rule_words.h"

namespace morgue::people {
namespace {

// Nouns for a work whose title follows ("the album Halvex"). Those that are
// verbs too ("show", "play") count only after a word that makes them nouns.
constexpr std::string_view kWorkNouns[] = {
    "album",   "albums",      "single",     "song",      "songs",     "ballad",    "anthem",   "musical",
    "opera",   "novel",       "novels",     "sitcom",    "soap",      "series",    "miniseries", "programme",
    "documentary", "biopic",  "blockbuster", "thriller", "comedy",    "drama",     "cartoon",  "film",
    "films",   "movie",       "movies",     "videogame", "franchise", "robot",     "mascot",   "doll"};
// Nouns for a firm whose name follows ("the carmaker Halvex").
// (Not "maker": "film maker Jane Roe" is a person.)
constexpr std::string_view kFirmNouns[] = {"carmaker", "chipmaker", "drugmaker",   "automaker",
                                           "brand",    "brands",    "consultancy", "conglomerate"};
constexpr std::string_view kVerbLikeWorkNouns[] = {"show", "play", "book", "track", "hit", "game"};
// Words that make the ones above nouns: "the show", "their hit".
constexpr std::string_view kNounMakers[] = {"the",   "a",      "an",      "his", "her",    "their",  "its",
                                            "our",   "my",     "your",    "'s",  "new",    "latest", "debut",
                                            "classic", "hit",  "comedy",  "radio", "tv",   "forthcoming", "upcoming"};
// A work's people, before their name: "Velda Rise star Jane Roe".
constexpr std::string_view kWorkPeople[] = {"star",    "stars",   "co-star",  "actor",  "actress",
                                            "presenter", "director", "creator", "author", "producer"};
// Plural nouns for works before a list of titles: "films such as Velda Rise,
// Kelso Nights and Halvex".
constexpr std::string_view kListedWorks[] = {"films",  "movies",   "songs",  "albums", "singles",  "hits",
                                             "shows",  "series",   "games",  "titles", "books",    "novels",
                                             "plays",  "musicals", "tracks", "dramas", "comedies", "characters",
                                             "programmes"};
// A work's people before "of" and its title: "the star of Velda Rise" (not
// "producer": "the producer of Jane Roe" makes her records).
constexpr std::string_view kOfWorkPeople[] = {"star", "stars", "co-star", "director", "author", "creator", "writer"};
// A band's people: "Halvex guitarist Jim Roe".
constexpr std::string_view kBandPeople[] = {"frontman", "frontwoman", "singer", "guitarist", "bassist",
                                            "drummer",  "vocalist",   "keyboardist"};
// A work's offspring, after its title: "the Velda Rise sequel".
constexpr std::string_view kOffspring[] = {"sequel", "sequels", "prequel", "soundtrack", "trilogy", "remake",
                                           "spin-off"};
// Lower-case words inside a title: "Kelso of the Rings", "Fools and Kings".
constexpr std::string_view kTitleInnerWords[] = {"of", "the", "and", "in", "on", "a", "to", "for", "with", "from"};
// Read backwards from a noun after the title, only these: "and" would take
// in a list ("Jane Roe and Velda Rise star Ann Poe").
constexpr std::string_view kTitleInnerWordsBefore[] = {"of", "the"};
// Verbs of acting before "as" and a part: "starring as Jane Roe".
constexpr std::string_view kActingVerbs[] = {"starred",   "starring",   "plays",   "played",   "playing",
                                             "appears",   "appeared",   "appearing", "cast",   "portrays",
                                             "portrayed", "portraying", "reprise", "reprises", "reprising"};
// Verbs before a song's title: "sang Halvex Road".
constexpr std::string_view kSingingVerbs[] = {"sang", "sings", "singing", "sung", "performed", "performing"};
// Verbs before "the role of" and a part: "took the role of Jane Roe".
constexpr std::string_view kRoleVerbs[] = {"play",   "plays",   "played", "playing", "take",     "takes",
                                           "took",   "taken",   "taking", "land",    "landed",   "won",
                                           "offered", "reprise", "reprised", "cast",  "auditioned", "turned"};

// A quick filter before the lists above: whether some listed noun has the
// length and the first letter of `w` (most words have neither, and a story
// asks for every lower-case word after a capitalised one).
constexpr std::array<std::uint32_t, 16> listed_masks() {
  std::array<std::uint32_t, 16> masks{};
  auto add = [&](const auto& list) {
    for (std::string_view x : list) masks[x.size()] |= 1u << (x[0] - 'a');
  };
  add(kWorkNouns), add(kVerbLikeWorkNouns), add(kFirmNouns), add(kWorkPeople), add(kBandPeople), add(kOffspring);
  add(kListedWorks);
  add(std::array<std::string_view, 4>{"called", "titled", "entitled", "dubbed"});
  return masks;
}
constexpr std::array<std::uint32_t, 16> kListedMasks = listed_masks();

bool maybe_listed(std::string_view w) {
  return w.size() < kListedMasks.size() && w[0] >= 'a' && w[0] <= 'z' &&
         (kListedMasks[w.size()] >> (w[0] - 'a') & 1u);
}

bool is_capitalised(const Token& t) {
  return (t.letter_case & kStartsUpper) && (t.letter_case & kHasLetter) && !(t.flags & kCapsLine);
}

bool is_lower_word(const Token& t, std::string_view lower) { return (t.letter_case & kLowerOnly) && t.lower == lower; }

bool is_open_quote(std::string_view text) {
  return text == "\"" || text == "'" || text == "\u201c" || text == "\u2018";
}

bool is_close_quote(std::string_view text) {
  return text == "\"" || text == "'" || text == "\u201d" || text == "\u2019";
}

// Tokens `a` and `a + 1` are written with no space between them.
bool attached(const Document& doc, std::size_t a) {
  const Token& t = doc.tokens[a];
  return a + 1 < doc.tokens.size() && t.text.data() + t.text.size() == doc.tokens[a + 1].text.data();
}

// The word at `k` is a title of one word that the story also writes inside
// a longer capitalised run ("the biopic Halvex" where "Jim Halvex" is named
// too): its mentions join that person's, so the title says nothing of them.
bool one_word_of_a_longer_name(const Document& doc, std::size_t k) {
  const std::size_t n = doc.tokens.size();
  if (k + 1 < n && is_capitalised(doc.tokens[k + 1]) && !(doc.tokens[k + 1].flags & kSentenceStart)) return false;
  for (std::size_t j = 0; j < n; ++j) {
    if (j == k || doc.tokens[j].lower != doc.tokens[k].lower) continue;
    const bool before = j > 0 && is_capitalised(doc.tokens[j - 1]) && !(doc.tokens[j].flags & kSentenceStart);
    const bool after = j + 1 < n && is_capitalised(doc.tokens[j + 1]) && !(doc.tokens[j + 1].flags & kSentenceStart);
    if (before || after) return true;
  }
  return false;
}

// The story reads `lower` as a person's name somewhere: "Roe, who", "Roe
// said", "Mr Roe" (a film named after its hero, "the film Jim Roe", and the
// man it is about: "the life of Jim Roe ... Roe, who").
bool read_as_person_somewhere(const Document& doc, std::string_view lower) {
  constexpr std::string_view kHonorifics[] = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"};
  constexpr std::string_view kAfter[] = {"who", "whose", "said", "says", "told"};
  const std::size_t n = doc.tokens.size();
  for (std::size_t j = 0; j < n; ++j) {
    if (doc.tokens[j].lower != lower || !is_capitalised(doc.tokens[j])) continue;
    if (j > 0 && in(kHonorifics, doc.tokens[j - 1].lower)) return true;
    std::size_t next = j + 1;
    if (next < n && doc.tokens[next].text == ",") ++next;
    if (next < n && in(kAfter, doc.tokens[next].lower)) return true;
  }
  return false;
}

// The word at `j`, inside a title, is written elsewhere in the story after
// another word ("The Diary of Jane Roe" and "Jane Roe has three"): a name
// the title holds, which its mentions there join.
bool written_elsewhere(const Document& doc, std::size_t j) {
  for (std::size_t p = 1; p < doc.tokens.size(); ++p) {
    if (p != j && doc.tokens[p].lower == doc.tokens[j].lower && doc.tokens[p - 1].lower != doc.tokens[j - 1].lower) {
      return true;
    }
  }
  return false;
}

void add_start(const Document& doc, std::size_t k, std::vector<std::size_t>& starts) {
  if (one_word_of_a_longer_name(doc, k)) return;
  std::size_t last = k;
  while (last + 1 < doc.tokens.size() && last < k + 5 && is_capitalised(doc.tokens[last + 1]) &&
         !(doc.tokens[last + 1].flags & kSentenceStart)) {
    ++last;
  }
  if (!read_as_person_somewhere(doc, doc.tokens[last].lower)) starts.push_back(k);
}

// One past the capitalised run from `k` (inner title words allowed before a
// capitalised word), at most `limit` tokens; `k` when there is none.
std::size_t run_end(const Document& doc, std::size_t k, std::size_t limit) {
  const std::size_t n = doc.tokens.size();
  std::size_t end = k;
  for (std::size_t j = k; j < n && j < k + limit; ++j) {
    const Token& t = doc.tokens[j];
    if (j > k && (t.flags & kLineStart)) break;
    if (is_capitalised(t)) {
      end = j + 1;
    } else if (!(j > k && (t.letter_case & kLowerOnly) && in(kTitleInnerWords, t.lower))) {
      break;
    }
  }
  return end;
}

// One past the title after a noun for a work: capitalised words and the
// inner words of a title but "and" ("the film Harold and Jim Poe's ..."
// may go on to a person).
std::size_t forward_run_end(const Document& doc, std::size_t k) {
  std::size_t end = k;
  for (std::size_t j = k; j < doc.tokens.size() && j < k + 6; ++j) {
    const Token& t = doc.tokens[j];
    if (j > k && (t.flags & (kLineStart | kSentenceStart))) break;
    if (is_capitalised(t)) {
      end = j + 1;
    } else if (!(j > k && (t.letter_case & kLowerOnly) && t.lower != "and" && in(kTitleInnerWords, t.lower))) {
      break;
    }
  }
  return end;
}

// Every capitalised token of the run that ends just before `end` (so that a
// mention of any of its tails matches: "Fools and Kings" gives "Kings" too).
void add_run_before(const Document& doc, std::size_t end, std::vector<std::size_t>& starts) {
  std::size_t j = end;
  while (j > 0 && j + 6 > end) {
    const Token& t = doc.tokens[j - 1];
    const bool inner = j < end && (t.letter_case & kLowerOnly) && in(kTitleInnerWordsBefore, t.lower) &&
                       is_capitalised(doc.tokens[j]);
    if (!is_capitalised(t) && !inner) break;
    if (!inner) add_start(doc, j - 1, starts);
    --j;
    if (t.flags & kLineStart) break;
  }
}

// A noun for a work or a firm at `p` ("album", "carmaker"; "show" after "the").
bool work_noun_at(const Document& doc, std::size_t p) {
  const Token& noun = doc.tokens[p];
  if (!(noun.letter_case & kLowerOnly) || !maybe_listed(noun.lower)) return false;
  if (in(kWorkNouns, noun.lower) || in(kFirmNouns, noun.lower)) return true;
  if (!in(kVerbLikeWorkNouns, noun.lower) || p < 1) return false;
  const Token& maker = doc.tokens[p - 1];
  // A broadcaster's initials make one too ("BBC show"); a name does not ("Roe hit Poe").
  return in(kNounMakers, maker.lower) || ((maker.letter_case & kAllUpper) && maker.text.size() >= 2 &&
                                          !(maker.flags & kCapsLine));
}

// The capitalised word at `k` opens a title or a firm's name: just after a
// noun for it ("the album Halvex"), after the noun and a word of naming
// ("a song called Halvex"), between commas after it ("their album, Halvex,
// sold"), or after shares or a stake in it ("shares in Halvex").
bool after_work_noun(const Document& doc, std::size_t k) {
  if (k < 2 || (doc.tokens[k].flags & (kSentenceStart | kLineStart))) return false;
  const Token& prev = doc.tokens[k - 1];
  const Token& before = doc.tokens[k - 2];
  if (prev.text == ",") {
    if (!work_noun_at(doc, k - 2)) return false;
    const std::size_t end = run_end(doc, k, 6);
    return end < doc.tokens.size() && doc.tokens[end].text == ",";
  }
  if (prev.lower == "of" || prev.lower == "in") {
    // "the star of Halvex", "the creator of Halvex", "shares in Halvex".
    const bool people = prev.lower == "of" && (before.letter_case & kLowerOnly) && in(kOfWorkPeople, before.lower);
    const bool shares = before.lower == "shares" || before.lower == "stake" || before.lower == "stakes";
    if (!people && !shares) return false;
    // Not before a possessive ("a stake in Jim Roe's casino", "the director
    // of Roe's campaign"), nor, for a work's people, before a noun for a
    // work ("the star of the Jane Roe musical" is about her).
    const std::size_t end = run_end(doc, k, 6);
    if (end >= doc.tokens.size()) return true;
    const std::string_view after = doc.tokens[end].lower;
    return after != "'s" && !(people && in(kWorkNouns, after));
  }
  if (!(prev.letter_case & kLowerOnly) || !maybe_listed(prev.lower)) return false;
  // (Not "named": "the carmaker named Jim Roe to head it".)
  constexpr std::string_view kNaming[] = {"called", "titled", "entitled", "dubbed"};
  if (in(kNaming, prev.lower)) return work_noun_at(doc, k - 2);
  return work_noun_at(doc, k - 1);
}

// "Velda Rise star Jane Roe": the noun at `k` and a capitalised word after it.
bool work_people_at(const Document& doc, const Lexicon& lexicon, std::size_t k, std::size_t run_begin) {
  const Token& noun = doc.tokens[k];
  if (!(noun.letter_case & kLowerOnly) || k + 1 >= doc.tokens.size() || !is_capitalised(doc.tokens[k + 1])) {
    return false;
  }
  if (in(kWorkPeople, noun.lower)) return true;
  return in(kBandPeople, noun.lower) && !(lexicon.flags(doc.tokens[run_begin].lower) & kFirstName);
}

// The first token of the run ending just before `end`.
std::size_t run_begin_before(const Document& doc, std::size_t end) {
  std::size_t j = end;
  while (j > 0 && is_capitalised(doc.tokens[j - 1]) && j + 6 > end) {
    --j;
    if (doc.tokens[j].flags & kLineStart) break;
  }
  return j;
}

// A capitalised run alone between quotation marks, opening at `k`.
bool quoted_title_at(const Document& doc, const Lexicon& lexicon, std::size_t k) {
  const std::size_t n = doc.tokens.size();
  // The marks hug the run, and the opening one no word before it (so not
  // the apostrophe of "the players' Jim Roe' ...").
  if (k < 1 || !is_open_quote(doc.tokens[k - 1].text) || !is_capitalised(doc.tokens[k]) || !attached(doc, k - 1) ||
      (k >= 2 && attached(doc, k - 2))) {
    return false;
  }
  const std::size_t end = run_end(doc, k, 8);
  // A full stop or a comma may stand inside the marks ("its service, "Halvex
  // Showcase.""), but not after a given name: a quoted sentence ("Ask Tom Vane.").
  const bool stop = end + 1 < n && (doc.tokens[end].text == "." || doc.tokens[end].text == ",") && attached(doc, end) &&
                    std::none_of(doc.tokens.begin() + k, doc.tokens.begin() + end,
                                 [&](const Token& t) { return lexicon.flags(t.lower) & kFirstName; });
  const std::size_t close = stop ? end + 1 : end;
  if (close >= n || !is_close_quote(doc.tokens[close].text) || !attached(doc, end - 1)) return false;
  // A nickname inside a name ("Jim 'Ace' Roe"), or a name someone goes by ("known as 'Jim'").
  if (k >= 2) {
    const Token& before = doc.tokens[k - 2];
    if ((is_capitalised(before) && !(before.flags & kLineStart)) || before.lower == "as" || before.lower == "known") {
      return false;
    }
  }
  return !(close + 1 < n && is_capitalised(doc.tokens[close + 1]) && !(doc.tokens[close + 1].flags & kSentenceStart));
}

}  // namespace

// The titles listed after a plural noun for works at `k` and "such as",
// "including" or "like" (a comma allowed before): capitalised runs joined by
// commas and "and", up to a word that is neither or a possessive ("films
// such as Jane Roe's" lists her films).
// What may follow a plural noun for works before its list.
bool starts_a_list(const Token& t) {
  return t.text == "," || t.lower == "such" || t.lower == "including" || t.lower == "like";
}

void add_listed_titles(const Document& doc, std::size_t k, std::vector<std::size_t>& starts) {
  const std::size_t n = doc.tokens.size();
  std::size_t j = k + 1;
  if (j < n && doc.tokens[j].text == ",") ++j;
  if (j + 1 < n && is_lower_word(doc.tokens[j], "such") && is_lower_word(doc.tokens[j + 1], "as")) {
    j += 2;
  } else if (j < n && (is_lower_word(doc.tokens[j], "including") || is_lower_word(doc.tokens[j], "like"))) {
    ++j;
  } else {
    return;
  }
  for (int items = 0; items < 8 && j < n && is_capitalised(doc.tokens[j]); ++items) {
    const std::size_t end = forward_run_end(doc, j);
    if (end < n && doc.tokens[end].lower == "'s") return;
    for (std::size_t i = j; i < end; ++i) {
      if (is_capitalised(doc.tokens[i]) && (i == j || !written_elsewhere(doc, i))) add_start(doc, i, starts);
    }
    j = end;
    if (j < n && doc.tokens[j].text == ",") ++j;
    if (j < n && is_lower_word(doc.tokens[j], "and")) ++j;
  }
}

void add_work_titles(const Document& doc, const Lexicon& lexicon, std::vector<std::size_t>& starts) {
  const std::size_t n = doc.tokens.size();
  for (std::size_t k = 1; k < n; ++k) {
    const Token& t = doc.tokens[k];
    if (is_capitalised(t)) {
      // Each word of the title, so that a mention of its tail matches too
      // ("a song called Judge Halvex", where only "Halvex" is tagged).
      // Every cue before a title is a lower-case word, a comma or a
      // quotation mark: most capitalised words follow another, or "the".
      const Token& prev = doc.tokens[k - 1];
      if ((prev.letter_case & kHasUpper) || prev.lower == "the") continue;
      const bool quoted = prev.text.size() <= 3 && quoted_title_at(doc, lexicon, k);
      if (!quoted && !after_work_noun(doc, k)) continue;
      const std::size_t end = quoted ? run_end(doc, k, 8) : forward_run_end(doc, k);
      for (std::size_t j = k; j < end; ++j) {
        if (is_capitalised(doc.tokens[j]) && (j == k || !written_elsewhere(doc, j))) add_start(doc, j, starts);
      }
      k = end - 1;
      continue;
    }
    // (The cheapest test first: this runs for every lower-case word.)
    if (!(t.letter_case & kLowerOnly) || !maybe_listed(t.lower)) continue;
    if (k + 1 < n && starts_a_list(doc.tokens[k + 1]) && in(kListedWorks, t.lower)) add_listed_titles(doc, k, starts);
    if (!is_capitalised(doc.tokens[k - 1])) continue;
    const std::size_t begin = run_begin_before(doc, k);
    if (in(kOffspring, t.lower) || work_people_at(doc, lexicon, k, begin)) add_run_before(doc, k, starts);
  }
}

// "Velda Rise have split": a name of several words, with no known given
// name first, as the subject of a plural verb (a clause's first words; not
// "fans of Jane Roe were", where "of" says it is no subject).
bool group_before_plural_verb(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  constexpr std::string_view kSubjectOpeners[] = {",", "the", "but", "while", "as", "when", "because", "since",
                                                  "although", "and"};
  if (end - begin < 2 || end >= doc.tokens.size()) return false;
  const Token& next = doc.tokens[end];
  if (!(next.letter_case & kLowerOnly) || (next.lower != "have" && next.lower != "are" && next.lower != "were") ||
      (lexicon.flags(doc.tokens[begin].lower) & kFirstName)) {
    return false;
  }
  if (!(doc.tokens[begin].flags & kSentenceStart) &&
      (begin == 0 || !in(kSubjectOpeners, doc.tokens[begin - 1].lower))) {
    return false;
  }
  if (begin >= 2 && doc.tokens[begin - 1].lower == "and" && (doc.tokens[begin - 2].letter_case & kStartsUpper)) {
    return false;  // "Jane Roe and Jim Poe are"
  }
  // (Not ", who were": person_rules_test keeps that a name for the archive
  // alone, since the clause may describe the name's people.)
  return true;
}

bool used_as_work_or_group(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  return plays_a_character(doc, begin, end) || group_before_plural_verb(doc, lexicon, begin, end);
}

bool plays_a_character(const Document& doc, std::size_t begin, std::size_t end) {
  if (begin < 2) return false;
  const Token& prev = doc.tokens[begin - 1];
  const Token& before = doc.tokens[begin - 2];
  // "her character Ann Poe", "the character of Poe".
  if (is_lower_word(prev, "character") || is_lower_word(prev, "characters")) return true;
  if (is_lower_word(prev, "of") && is_lower_word(before, "character")) return true;
  // "the role of Roe" only after a verb of playing or taking ("took the role
  // of Roe"; "the role of Roe in the talks" is a person's part in events).
  if (is_lower_word(prev, "of") && is_lower_word(before, "role")) {
    for (std::size_t j = begin - 2; j > 0 && j + 4 > begin - 2; --j) {
      if (in(kRoleVerbs, doc.tokens[j - 1].lower)) return true;
    }
    return false;
  }
  // (Not "Ann Poe, played by Jane Roe": in a film about real lives, Ann Poe
  // is as often a real person; measured on eng.testa.)
  // "sang Halvex Road": a song (not "sang Roe's praises").
  const bool possessive = end < doc.tokens.size() && doc.tokens[end].lower == "'s";
  if ((prev.letter_case & kLowerOnly) && in(kSingingVerbs, prev.lower) && !possessive) return true;
  // "his role as Roe", "starring as Roe"; not "her role as Roe's deputy".
  if (!is_lower_word(prev, "as") || possessive) return false;
  if (is_lower_word(before, "role") || is_lower_word(before, "roles")) return true;
  return (before.letter_case & kLowerOnly) && in(kActingVerbs, before.lower);
}

}  // namespace morgue::people
