#include "people/names.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <tuple>
#include <utility>

#include "people/prose_rules.h"
#include "people/wire_eleventh.h"
#include "util/strings.h"

namespace morgue::people {
namespace {

struct Person {
  std::string key;                         // lower-cased surname
  std::vector<const Mention*> mentions;
  std::size_t first_index = 0;             // order of first mention
};

// Where the surname starts: the last word, with any particles before it
// ("von der Leyen", "de Gaulle"); a generational suffix stays with it.
std::size_t surname_start(const Mention& m, const Lexicon& lexicon) {
  std::size_t end = m.lower.size();
  while (end > 1 && (lexicon.flags(m.lower[end - 1]) & kSuffix)) --end;
  std::size_t start = end - 1;
  while (start > 0 && (lexicon.flags(m.lower[start - 1]) & kParticle)) --start;
  return start;
}

const std::string& surname_key(const Mention& m, const Lexicon& lexicon) {
  std::size_t end = m.lower.size();
  while (end > 1 && (lexicon.flags(m.lower[end - 1]) & kSuffix)) --end;
  return m.lower[end - 1];
}

// One name is the end of the other: "Sucre Figarella", "Leopoldo Sucre Figarella".
bool is_tail(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
  return shorter.size() < longer.size() && std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin());
}

bool given_names_agree(const Mention& a, const Mention& b) {
  const std::string& la = a.lower.front();
  const std::string& lb = b.lower.front();
  if (la == lb || is_tail(a.lower, b.lower) || is_tail(b.lower, a.lower) || is_short_form_of(la, lb)) return true;
  if (is_initial(la) || is_initial(lb) || is_bare_initial(la) || is_bare_initial(lb)) return la[0] == lb[0];
  return false;
}

// The fullest form: most words; among equals, one whose given name is more
// than a bare initial ("Jane Roe", not a team sheet's "J Roe"), then one
// whose case was written rather than guessed from capitals; then the first. A form from a
// title-case headline comes last whatever its length ("Clinton Rips Starr"
// is no fuller a name than "Kenneth Starr").
const Mention* canonical(const Person& p) {
  auto rank = [](const Mention* m) {
    return std::tuple(!m->title_case, m->words.size(), !is_bare_initial(m->lower.front()), !m->from_capitals);
  };
  const Mention* best = p.mentions.front();
  for (const Mention* m : p.mentions) {
    if (rank(m) > rank(best)) best = m;
  }
  return best;
}

// Adds the full name `m` (mention number `index`) to the person it agrees
// with: same surname and agreeing given names, or, for a name in capitals,
// same surname and a name written in the text.
void add_full_name(std::vector<Person>& people, const Mention& m, std::size_t index, const Lexicon& lexicon) {
  const std::string& key = surname_key(m, lexicon);
  Person* match = nullptr;
  for (Person& p : people) {
    if (p.key != key) continue;
    const Mention* c = canonical(p);
    if (surname_start(*c, lexicon) == 0 || given_names_agree(*c, m) || (m.from_capitals && !c->from_capitals)) {
      match = &p;
      break;
    }
  }
  if (!match) {
    people.push_back(Person{key, {}, index});
    match = &people.back();
  }
  match->mentions.push_back(&m);
  match->first_index = std::min(match->first_index, index);
}

// A bare given name ("Adrienne") that is the given name of a full name in
// the story ("Adrienne Moreau"): that person, the nearest before the mention
// (else the first after it); null when none agrees.
Person* given_name_owner(std::vector<Person>& people, const Mention& m, std::size_t index) {
  if (m.words.size() != 1) return nullptr;
  Person* before = nullptr;
  Person* after = nullptr;
  for (Person& p : people) {
    const Mention& full = *canonical(p);
    // A full name guessed from a headline's case ("Princess Diana Fountain
    // to Close") owns no bare given name of the text.
    if (full.words.size() < 2 || full.title_case || full.lower.front() != m.lower.front()) continue;
    if (p.first_index < index) {
      if (!before || p.first_index > before->first_index) before = &p;
    } else if (!after || p.first_index < after->first_index) {
      after = &p;
    }
  }
  return before ? before : after;
}

// A bare family name that is the first of a full name's two
// (is_first_family_name: "Arvelo" of "Tomas Arvelo Quintana"): that person
// when the story has exactly one; null otherwise.
Person* first_family_name_owner(std::vector<Person>& people, const Mention& m, const Lexicon& lexicon) {
  Person* owner = nullptr;
  for (Person& p : people) {
    if (!is_first_family_name(*canonical(p), m, lexicon)) continue;
    if (owner) return nullptr;
    owner = &p;
  }
  return owner;
}

// Whether what the story says of a person, all mentions together, is
// enough: a name the story once gives a ship, a storm or a horse is not; a lone word that is a common word ("Loan"), or only ever seen in
// a headline in capitals or in table rows, is not; nor is a full name seen
// only as a side of a score line (a team), nor any name seen only in a
// headline in capitals in a story with text ("CANADIAN IMPERIAL" read as a
// name: a person the headline names, the text names too).
bool plausible(const Person& p) {
  bool single = true, common = true, capitals = true, rows = true, scores = true, cue = false;
  std::size_t things = 0, agents = 0;
  for (const Mention* m : p.mentions) {
    if (m->names_a_thing) return false;  // one "tanker Sea Empress" is enough
    cue = cue || m->person_cue;
    things += m->thing_use ? 1 : 0;
    agents += m->agent_cue ? 1 : 0;
    single = single && m->words.size() == 1;
    common = common && m->common_word;
    capitals = capitals && m->from_capitals && !m->titled && !m->story_in_capitals;
    rows = rows && m->row != RowKind::kText;
    scores = scores && m->row == RowKind::kScoreLine;
  }
  // "the Walkman", "an Oscar nomination": a thing's name, when most
  // mentions read so (half of a lone word's: "Acme is big ... two Acme
  // execs left"), none as a person's ("Roe said") and fewer as an agent's
  // ("Roe decided").
  const bool lone_thing = single && (things > 1 || 2 * things == p.mentions.size());
  if (!cue && things > agents && (2 * things > p.mentions.size() || lone_thing)) return false;
  if (single) return !(common || capitals || rows);
  return !scores && !capitals;
}

// A one-word person none of whose mentions is supported (Mention::supported,
// support.h), the tagger not very sure of any (`confidence`): wire copy names
// firms, drugs, rates and parties so ("a bid by Kelmar, Voss for the chain",
// "a spread over Velbor"), and a person so mostly after a title, a verb of
// saying or a role.
bool lone_word_unsupported(const Person& p, float confidence) {
  if (confidence >= kUnsupportedMinConfidence) return false;
  for (const Mention* m : p.mentions) {
    if (m->words.size() != 1 || m->supported) return false;
  }
  return true;
}

// The NameCues of person `p` named `name` (see NameCues), added to `cues`
// when it is kept or has a cue; names already there add up.
void add_cues(const Person& p, const std::string& name, bool kept, const Lexicon& lexicon,
              std::vector<NameCues>& cues) {
  NameCues c{name, 0, 0, (lexicon.flags(canonical(p)->lower.front()) & kFirstName) != 0};
  for (const Mention* m : p.mentions) {
    c.person += m->person_cue && !(m->said_only && canonical(p)->words.size() == 1) ? 1 : 0;
    c.thing += m->archive_thing ? 1 : 0;
    c.royal = c.royal || m->royal;
  }
  if (c.person == 0 && c.thing == 0 && !kept) return;
  for (NameCues& other : cues) {
    if (other.name != name) continue;
    other.person += c.person;
    other.thing += c.thing;
    other.royal = other.royal || c.royal;
    return;
  }
  cues.push_back(std::move(c));
}

}  // namespace

std::vector<std::string> merge_mentions(const std::vector<Mention>& mentions, const Lexicon& lexicon,
                                        std::vector<NameCues>* cues) {
  std::vector<Person> people;
  std::vector<std::size_t> surname_only;
  // Full names first, so a surname in the headline finds the full name in
  // the body; those written in capitals after the others, so a headline's
  // guess ("SHUN NAKASONE": a verb read as a given name) joins the person the
  // text names ("Yasuhiro Nakasone").
  for (int capitals = 0; capitals < 2; ++capitals) {
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      const Mention& m = mentions[i];
      if (surname_start(m, lexicon) == 0) {
        if (capitals == 0) surname_only.push_back(i);
        continue;
      }
      if (m.from_capitals == (capitals == 1)) add_full_name(people, m, i, lexicon);
    }
  }
  for (std::size_t i : surname_only) {
    const Mention& m = mentions[i];
    std::string key = surname_key(m, lexicon);
    // The nearest full name before the mention, else the first one after it.
    Person* before = nullptr;
    Person* after = nullptr;
    for (Person& p : people) {
      if (p.key != key) continue;
      if (p.first_index < i) {
        if (!before || p.first_index > before->first_index) before = &p;
      } else if (!after || p.first_index < after->first_index) {
        after = &p;
      }
    }
    Person* match = before ? before : after;
    if (!match) match = given_name_owner(people, m, i);
    if (!match) match = first_family_name_owner(people, m, lexicon);
    if (!match) {
      people.push_back(Person{key, {}, i});
      match = &people.back();
    }
    match->mentions.push_back(&m);
    match->first_index = std::min(match->first_index, i);
  }
  std::sort(people.begin(), people.end(),
            [](const Person& a, const Person& b) { return a.first_index < b.first_index; });
  std::vector<std::string> names;
  for (const Person& p : people) {
    float confidence = 0;
    for (const Mention* m : p.mentions) confidence = std::max(confidence, m->confidence);
    const bool kept = confidence >= kMinConfidence && plausible(p) && !lone_word_unsupported(p, confidence);
    std::string name = util::join(canonical(p)->words, " ");
    if (cues) add_cues(p, name, kept, lexicon, *cues);
    if (!kept) continue;
    bool seen = false;
    for (const std::string& n : names) seen = seen || n == name;
    if (!seen) names.push_back(std::move(name));
  }
  return names;
}

std::string encode_name_cues(const std::vector<NameCues>& cues) {
  std::string out;
  for (const NameCues& c : cues) {
    out += std::to_string(c.person) + ' ' + std::to_string(c.thing) + (c.given ? " g" : " -") + (c.royal ? "r " : " ") +
           c.name + '\n';
  }
  return out;
}

}  // namespace morgue::people
