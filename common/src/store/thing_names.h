// The archive-wide view of thing use (docs/people.md, "Names the archive
// reads as things"). One story cannot always tell a firm, a club, a film or
// a place from a person: "Acme has ..." or "joining Oldport" reads like a
// person's name. Across the archive the same name is often written where
// only a thing's name goes ("the search engine Acme", "Acme's Widget",
// "Oldport fans"): the extractor counts those readings per story, with the
// person's ("Acme said", "Mr Acme"), in schema::kSlotPeopleCues.
// ThingNames sums them over every story; a name the archive mostly reads as
// a thing is then no person in a story that gives it no person's reading of
// its own. No Xapian here but read(): the rules work on the values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace morgue {

// One line of a kSlotPeopleCues value: "PERSON THING G NAME", G being "g"
// or "-", then "r" when a mention follows a sovereign's title.
struct NameCue {
  std::string name;
  int person = 0;      // mentions read as a person's
  int thing = 0;       // mentions read as a thing's
  bool given = false;  // opens with a known given name
  bool royal = false;  // a mention follows a sovereign's title ("King Hussein")
};

// The lines of a kSlotPeopleCues value; malformed lines are skipped.
std::vector<NameCue> parse_name_cues(std::string_view value);

// A name is a thing when at least kMinThingStories stories read it as a
// thing's and none as a person's, and such stories outnumber those that
// read it as a person's at least kThingToPerson to 1 ("Acme said" is a
// firm's statement as often as a person's). A name of several words that
// opens with a known given name must also be read as a thing's in more than half the stories
// naming it: a person's name is a modifier too ("the Jane Roe musical").
inline constexpr std::uint32_t kMinThingStories = 3;
inline constexpr std::uint32_t kThingToPerson = 2;

class ThingNames {
 public:
  // Reads every story's cues (schema::kSlotPeopleCues) of `db` and decides.
  static ThingNames read(const Xapian::Database& db);

  // Counts one story's cues (a kSlotPeopleCues value); then decide().
  void count(std::string_view cues);
  void decide();

  // The archive reads the name (any letter case) as a thing.
  bool is_thing(std::string_view name) const;

  // `names` (a story's people as found) without the things that the story's
  // `cues` give no person's reading: a name the archive reads as a thing,
  // or a name of several words that opens with no known given name and
  // ends in one ("Vote Acme" when "Acme" is a thing).
  std::vector<std::string> people_of(const std::vector<std::string>& names, std::string_view cues) const;
  // The same with the cues already parsed (parse_name_cues).
  std::vector<std::string> people_of(const std::vector<std::string>& names, const std::vector<NameCue>& cues) const;

  std::size_t size() const { return things_.size(); }

 private:
  struct Tally {
    std::uint32_t thing_stories = 0;   // stories reading it as a thing's and never as a person's
    std::uint32_t person_stories = 0;  // stories reading it as a person's at least once
    std::uint32_t stories = 0;         // stories naming it (kept or with a cue)
    bool given = false;                // a known given name and more
  };
  std::unordered_map<std::string, Tally> tallies_;  // by lower-case name
  std::unordered_set<std::string> things_;          // lower-case names
};

}  // namespace morgue
