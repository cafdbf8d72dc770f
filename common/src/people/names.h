// From tagged tokens to people (private): cuts mentions out of the tags,
// strips titles and possessives (mentions.cc, with the rules of
// mention_rules.h), and merges the mentions of one person under the fullest
// form the story uses (names.cc).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "people/evidence.h"
#include "people/lexicon.h"
#include "people/perceptron.h"
#include "people/tokenizer.h"

namespace morgue::people {

// One mention: its words in display form ("LAVROV" becomes "Lavrov").
struct Mention {
  std::vector<std::string> words;
  std::vector<std::string> lower;  // the words lower-cased, for comparing
  bool from_capitals = false;  // written in a line of capitals (case was guessed)
  bool title_case = false;     // written in a headline in title case (a weaker guess: the model never saw one)
  float confidence = 0;        // the tagger's least sure margin over the words
  RowKind row = RowKind::kText;  // on a table row or a score line?
  bool common_word = false;      // one word, mostly written in lower case ("Loan", "Real")
  bool names_a_thing = false;    // after a word like "tanker" or "hurricane"
  bool titled = false;           // after a title: "PRESIDENT REAGAN"
  bool royal = false;            // after a sovereign's title: "King Hussein", "Prince Charles"
  bool story_in_capitals = false;  // the whole story is in capitals (a headline-only brief)
  // Used as a thing's name: after "the" or "a" ("the Walkman", "an Oscar
  // nomination"), before a noun it modifies ("Tory leader"), and the like
  // (mention_rules.h, used_as_thing).
  bool thing_use = false;
  // Used as a person's name: after a title or honorific, or before a verb
  // of saying ("Roe said", "Roe, who"). A person with such a mention is
  // never dropped for its thing uses.
  bool person_cue = false;
  // The person's reading is only a verb of saying ("Roe said"): a firm's
  // statement reads the same ("Acme said"), so the archive does not count it
  // for a one-word name (NameCues::person).
  bool said_only = false;
  // A past form after it ("Roe decided", "Roe won"): a person's, or a team's
  // or a firm's. Each outweighs one thing use: a person is dropped when its
  // thing uses outnumber these and are most of its mentions (or two, for a
  // lone word).
  bool agent_cue = false;
  // A thing's use as the archive counts it (store/thing_names.h): thing_use,
  // or a kind word before it ("the search engine Acme"), and also for a
  // given name and more ("the Harry Roe films"), which thing_use never reads
  // as a thing's within one story.
  bool archive_thing = false;
  // Something around it reads as a person's: person_cue, agent_cue, or what
  // support.h reads ('..." said Roe', "the Roe administration", "Roe, a
  // director"). A one-word person with no supported mention is dropped.
  bool supported = false;
};

// What one story says of one of its names, for the archive-wide view of
// thing use (store/thing_names.h): mentions read as a person's and as a
// thing's (Mention::person_cue, but for a one-word name not a verb of saying
// alone: "Acme said"; Mention::archive_thing), and whether the
// name opens with a known given name. Every name kept has one, and so has
// every name dropped that has a cue.
struct NameCues {
  std::string name;
  int person = 0;
  int thing = 0;
  bool given = false;
  // A mention follows a sovereign's title ("King Hussein"): the name is
  // how the person is known, not a surname to complete.
  bool royal = false;
};

// A person is kept when the tagger was this sure of at least one mention
// (tuned on eng.testa, where F1 is flat from 1 to 6: trades a little
// recall for precision).
inline constexpr float kMinConfidence = 3.0f;

// A one-word person none of whose mentions is supported (Mention::supported)
// is kept only when the tagger was this sure of one of them (chosen by
// leave-one-sample-out over twelve judged Reuters samples, docs/people.md
// "Support"; every fold chose it).
inline constexpr float kUnsupportedMinConfidence = 40.0f;

// The person mentions in `doc` given its tags, cleaned; junk spans dropped.
// `margins` are the tagger's (TaggerScratch::margins), or empty for full confidence.
std::vector<Mention> collect_mentions(const Document& doc, const std::vector<Tag>& tags,
                                      const std::vector<float>& margins, const Lexicon& lexicon);

// Groups mentions into people and returns one canonical name each, in order
// of first mention. Mentions share a person when they end in the same
// surname and their given names agree ("J." agrees with "John"); a surname
// alone joins the nearest full name before it (else the first after it).
// `cues`, when given, receives the story's NameCues.
std::vector<std::string> merge_mentions(const std::vector<Mention>& mentions, const Lexicon& lexicon,
                                        std::vector<NameCues>* cues = nullptr);

// The cues as stored with a story (schema::kSlotPeopleCues): one line per
// name, "PERSON THING G NAME" (counts, then "g" when the name opens with a
// known given name, else "-").
std::string encode_name_cues(const std::vector<NameCues>& cues);

// "O'NEILL" -> "O'Neill", "AL-AIN" -> "Al-Ain"; mixed-case words unchanged.
std::string display_case(std::string_view word);

// A single letter with a full stop, or dotted initials: "J.", "J.K.",
// "A.de" (an initial run into a particle).
bool is_initial(std::string_view word);

}  // namespace morgue::people
