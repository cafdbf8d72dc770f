#include "people/wire_cues.h"

#include <algorithm>

#include "people/rule_words.h"

namespace morgue::people {

bool before_player_position(const Document& doc, std::size_t end) {
  // Positions in a team, never said of a person's staff ("Roe aide" is).
  static constexpr std::string_view kPositions[] = {
      "quarterback", "linebacker", "cornerback", "receiver", "kicker",     "punter",     "guard",    "pitcher",
      "catcher",     "shortstop",  "outfielder", "infielder", "reliever",  "striker",    "midfielder", "defender",
      "goalkeeper",  "keeper",     "winger",     "forward",  "fullback",   "flanker",    "batsman",  "bowler",
      "wicketkeeper", "skipper",   "captain",    "playmaker", "center",    "centre"};
  // Positions only after a word that qualifies them ("running back", not
  // "Roe fought back Monday"), and those words.
  static constexpr std::string_view kQualifiedPositions[] = {"back", "end", "baseman"};
  static constexpr std::string_view kQualifiers[] = {"running", "wide",   "tight", "defensive", "offensive", "point",
                                              "shooting", "power", "small", "first",     "second",    "third",
                                              "relief",  "starting", "left", "right",    "middle",    "full",
                                              "half",    "opening", "fast",  "spin",     "centre",    "center"};
  const std::size_t n = doc.tokens.size();
  auto lower_word = [&](std::size_t k) {
    return k < n && (doc.tokens[k].letter_case & kLowerOnly) && (doc.tokens[k].letter_case & kHasLetter);
  };
  auto name_after = [&](std::size_t k) {
    return k < n && (doc.tokens[k].letter_case & kStartsUpper) && (doc.tokens[k].letter_case & kHasLetter);
  };
  // (The cheap tests first: most names are followed by neither.)
  if (!lower_word(end)) return false;
  if (name_after(end + 1)) return in(kPositions, doc.tokens[end].lower);
  return lower_word(end + 1) && name_after(end + 2) && in(kQualifiers, doc.tokens[end].lower) &&
         (in(kPositions, doc.tokens[end + 1].lower) || in(kQualifiedPositions, doc.tokens[end + 1].lower));
}

namespace {

// The capitalised words from `k` on, then ", 7 p.m." or ", 3:30 a.m.".
bool before_time(const Document& doc, std::size_t k) {
  const std::size_t n = doc.tokens.size();
  while (k < n && (doc.tokens[k].letter_case & kStartsUpper)) ++k;
  if (k >= n || doc.tokens[k].text != ",") return false;
  auto digits = [](std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (++k >= n || !digits(doc.tokens[k].text)) return false;
  // "3:30", written as one token or three.
  if (k + 2 < n && doc.tokens[k + 1].text == ":" && digits(doc.tokens[k + 2].text)) k += 2;
  if (++k >= n) return false;
  const std::string_view hour = doc.tokens[k].lower;
  return hour.substr(0, 3) == "p.m" || hour.substr(0, 3) == "a.m";
}

}  // namespace

bool in_schedule(const Document& doc, std::size_t begin, std::size_t end) {
  const std::size_t n = doc.tokens.size();
  // The visitors: "Halvex at Kelso State, 7 p.m.".
  if (end + 1 < n && doc.tokens[end].text == "at" && (doc.tokens[end + 1].letter_case & kStartsUpper) &&
      before_time(doc, end + 1)) {
    return true;
  }
  // The hosts: "Kelso State at Halvex, 3:30 p.m.".
  return begin >= 2 && doc.tokens[begin - 1].text == "at" && (doc.tokens[begin - 2].letter_case & kStartsUpper) &&
         before_time(doc, begin);
}

}  // namespace morgue::people
