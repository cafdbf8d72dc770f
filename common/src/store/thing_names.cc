#include "store/thing_names.h"

#include <charconv>

#include "morgue/schema.h"
#include "util/strings.h"

namespace morgue {
namespace {

// The next space-separated field of `line`, moving past it.
std::string_view next_field(std::string_view& line) {
  const std::size_t space = line.find(' ');
  std::string_view field = line.substr(0, space);
  line = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
  return field;
}

bool read_count(std::string_view field, int& out) {
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), out);
  return ec == std::errc() && end == field.data() + field.size() && out >= 0;
}

bool parse_line(std::string_view line, NameCue& cue) {
  const std::string_view person = next_field(line), thing = next_field(line);
  std::string_view given = next_field(line);
  cue.royal = given.size() == 2 && given[1] == 'r';
  if (cue.royal) given.remove_suffix(1);
  if (!read_count(person, cue.person) || !read_count(thing, cue.thing) || (given != "g" && given != "-")) return false;
  cue.given = given == "g";
  cue.name = std::string(line);
  return !cue.name.empty();
}

// The cue of the name `lower` (lower case) among a story's `cues`, whose
// names `lowered` holds in lower case, in the same order.
const NameCue* find_cue(const std::vector<NameCue>& cues, const std::vector<std::string>& lowered,
                        const std::string& lower) {
  for (std::size_t i = 0; i < cues.size(); ++i) {
    if (lowered[i] == lower) return &cues[i];
  }
  return nullptr;
}

}  // namespace

std::vector<NameCue> parse_name_cues(std::string_view value) {
  std::vector<NameCue> cues;
  while (!value.empty()) {
    const std::size_t nl = value.find('\n');
    const std::string_view line = value.substr(0, nl);
    value = nl == std::string_view::npos ? std::string_view() : value.substr(nl + 1);
    NameCue cue;
    if (parse_line(line, cue)) cues.push_back(std::move(cue));
  }
  return cues;
}

ThingNames ThingNames::read(const Xapian::Database& db) {
  ThingNames things;
  const auto end = db.valuestream_end(schema::kSlotPeopleCues);
  for (auto v = db.valuestream_begin(schema::kSlotPeopleCues); v != end; ++v) things.count(*v);
  things.decide();
  return things;
}

void ThingNames::count(std::string_view cues) {
  for (const NameCue& c : parse_name_cues(cues)) {
    Tally& t = tallies_[util::to_lower(c.name)];
    ++t.stories;
    // (A lone word that is a given name, "Acme" or "Oldport", is read like any lone word.)
    t.given = t.given || (c.given && c.name.find(' ') != std::string::npos);
    if (c.person > 0) ++t.person_stories;
    else if (c.thing > 0) ++t.thing_stories;
  }
}

void ThingNames::decide() {
  things_.clear();
  for (const auto& [name, t] : tallies_) {
    if (t.thing_stories >= kMinThingStories && t.thing_stories >= kThingToPerson * t.person_stories &&
        (!t.given || 2 * t.thing_stories > t.stories)) {
      things_.insert(name);
    }
  }
}

bool ThingNames::is_thing(std::string_view name) const {
  return !things_.empty() && things_.count(util::to_lower(name)) > 0;
}

std::vector<std::string> ThingNames::people_of(const std::vector<std::string>& names, std::string_view cues) const {
  return things_.empty() ? names : people_of(names, parse_name_cues(cues));
}

std::vector<std::string> ThingNames::people_of(const std::vector<std::string>& names,
                                               const std::vector<NameCue>& story) const {
  if (things_.empty()) return names;
  std::vector<std::string> lowered;
  lowered.reserve(story.size());
  for (const NameCue& c : story) lowered.push_back(util::to_lower(c.name));
  std::vector<std::string> kept;
  for (const std::string& name : names) {
    const std::string lower = util::to_lower(name);
    const NameCue* cue = find_cue(story, lowered, lower);
    bool thing = things_.count(lower) > 0;
    // "Vote Acme": no given name before a thing's name.
    const std::size_t space = lower.rfind(' ');
    if (!thing && space != std::string::npos && cue && !cue->given) thing = things_.count(lower.substr(space + 1)) > 0;
    if (thing && !(cue && cue->person > 0)) continue;
    kept.push_back(name);
  }
  return kept;
}

}  // namespace morgue
