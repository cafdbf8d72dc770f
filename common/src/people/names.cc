#include "people/names.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <cstddef>
#include <string_view>

#include <xapian.h>

#include "people/evidence.h"
#include "people/wire_cues.h"
#include "util/strings.h"

namespace morgue::people {
namespace {

bool is_punctuation_only(std::string_view word) { return !has_letter(word); }

bool is_possessive(std::string_view lower) { return lower == "'s" || lower == "'"; }

// A single letter with a full stop, or dotted initials: "J.", "J.K.",
// "A.de" (an initial run into a particle).
bool is_initial(std::string_view word) {
  return (word.size() >= 2 && word.back() == '.' && word.size() <= 6) || (word.size() > 2 && word[1] == '.');
}

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
  if (la == lb || is_tail(a.lower, b.lower) || is_tail(b.lower, a.lower)) return true;
  if (is_initial(la) || is_initial(lb)) return la[0] == lb[0];
  return false;
}

// The fullest form: most words; among equals, one whose case was written
// rather than guessed from capitals; then the first. A form from a
// title-case headline comes last whatever its length ("Clinton Rips Starr"
// is no fuller a name than "Kenneth Starr").
const Mention* canonical(const Person& p) {
  auto rank = [](const Mention* m) { return std::tuple(!m->title_case, m->words.size(), !m->from_capitals); };
  const Mention* best = p.mentions.front();
  for (const Mention* m : p.mentions) {
    if (rank(m) > rank(best)) best = m;
  }
  return best;
}

// Lexicon flags, where a hyphenated word made of titles is a title too
// ("Lieutenant-Colonel", "Vice-President").
std::uint16_t title_flags(std::string_view lower, const Lexicon& lexicon) {
  std::uint16_t flags = lexicon.flags(lower);
  if (flags || lower.find('-') == std::string_view::npos) return flags;
  std::size_t start = 0;
  while (start <= lower.size()) {
    std::size_t dash = lower.find('-', start);
    if (dash == std::string_view::npos) dash = lower.size();
    if (!(lexicon.flags(lower.substr(start, dash - start)) & kTitle)) return 0;
    start = dash + 1;
  }
  return kTitle;
}

// A span the tagger opened as the inside of a name ("Constand/ORG
// Viljoen/I-PER", "Christian/MISC Blanc/I-PER"): its own reading says the
// name began a word earlier, with a capitalised word that is nothing else
// we know of.
bool continues_a_name(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                      std::size_t begin) {
  const Token& prev = doc.tokens[begin - 1];
  if (tags[begin] != kPersonInside || tags[begin - 1] == kPersonBegin || tags[begin - 1] == kPersonInside) {
    return false;
  }
  if ((doc.tokens[begin].flags & kSentenceStart) || !(prev.letter_case & kStartsUpper) ||
      (prev.letter_case & kAllUpper)) {
    return false;
  }
  // Opening the headline, a capitalised word may be anything ("Classy
  // Henman wins"): there it must be a known given name.
  if (begin == 1 && !(lexicon.flags(prev.lower) & kFirstName)) return false;
  constexpr std::uint16_t kNotGiven =
      kTitle | kNotName | kAgency | kEntityWord | kCommonWord | kCompanyWord | kKnownEntity | kSignOff | kParticle;
  return !(title_flags(prev.lower, lexicon) & kNotGiven);
}

// The tagger sometimes finds the surname but not the given name before it
// ("Jan Kroslak" read as Outside + Person). A capitalised word just before,
// in the same sentence, that is a known given name or an initial joins.
std::size_t extend_left(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                        std::size_t begin) {
  if (begin > 0 && continues_a_name(doc, tags, lexicon, begin)) return begin - 1;
  for (int step = 0; step < 2 && begin > 0; ++step) {
    if (doc.tokens[begin].flags & kSentenceStart) break;
    const Token& prev = doc.tokens[begin - 1];
    if (tags[begin - 1] != kOutside || !starts_upper(prev.text)) break;
    std::uint16_t flags = title_flags(prev.lower, lexicon);
    if (flags & (kTitle | kNotName | kAgency)) break;
    // "Said Jane Roe": a common word opening the sentence is not a given name.
    if ((flags & kCommonWord) && (prev.flags & kSentenceStart)) break;
    bool caps = prev.flags & kCapsLine;
    if (!(flags & kFirstName) && !(is_initial(prev.text) && !caps)) break;
    if (!caps && is_all_upper(prev.text) && !is_initial(prev.text)) break;
    --begin;
  }
  return begin;
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
  // mentions read so, none as a person's ("Roe said") and fewer as an
  // agent's ("Roe decided").
  if (!cue && things > agents && (2 * things > p.mentions.size() || (single && things > 1))) return false;
  if (single) return !(common || capitals || rows);
  return !scores && !capitals;
}

}  // namespace

std::string display_case(std::string_view word) {
  if (!is_all_upper(word) || word.size() <= 1 || word.find('.') != std::string_view::npos) {
    return std::string(word);
  }
  std::string low = util::to_lower(word);
  // Capitalise the first letter of each part: after start, '-' and '\''.
  std::string out;
  bool capitalise = true;
  for (std::size_t i = 0; i < low.size();) {
    unsigned char c = static_cast<unsigned char>(low[i]);
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    std::string_view cp = std::string_view(low).substr(i, len);
    if (capitalise && has_letter(cp)) {
      out += Xapian::Unicode::toupper(std::string(cp));
      capitalise = false;
    } else {
      out += cp;
    }
    if (cp == "-" || cp == "'") capitalise = true;
    i += len;
  }
  return out;
}

namespace {

// What the whole story says, gathered once before the mentions are cut.
struct StoryEvidence {
  // How the tagger read each word across the story: a word read as a place
  // or an organisation more often than as a person is not taken alone.
  // A story has a few dozen entity tokens: a list scanned per lone-word
  // mention is cheaper than a map built for every story.
  std::vector<std::pair<std::string_view, bool>> entity_tokens;  // lower form, read as a person
  std::vector<std::string_view> organisation_words;              // see organisation_words()
  // Where a capitalised name follows a word like "tanker" or "newspaper".
  std::vector<std::size_t> thing_names;
  // Capitalised words the story writes before a company noun ("Acme shares").
  std::vector<std::string_view> company_noun_words;
  // Lone words listed among places ("Henan, Shaanxi, Gansu and Hebei"), by position.
  std::vector<std::size_t> list_places;
};

// A word like "tanker" or "firm" just before token `i`, in the same sentence
// (a headline ending "... MANAGEMENT FIRM" says nothing of the line after it).
bool kind_word_before(const Document& doc, const Lexicon& lexicon, std::size_t i) {
  return i > 0 && !(doc.tokens[i].flags & (kSentenceStart | kLineStart)) &&
         (lexicon.flags(doc.tokens[i - 1].lower) & kNameKind);
}

// Where the names after a word like "tanker", "newspaper" or "stockbrokers"
// start, with the second of two joined by "and" ("stockbrokers Phillips and
// Drew").
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

// The span [begin, end) repeats a name the story gives a thing elsewhere:
// "Resalat said" after "the evening newspaper Resalat reported".
bool names_a_thing_elsewhere(const Document& doc, const StoryEvidence& story, std::size_t begin, std::size_t end) {
  for (std::size_t start : story.thing_names) {
    if (start + (end - begin) > doc.tokens.size()) continue;
    bool same = true;
    for (std::size_t k = 0; same && k < end - begin; ++k) same = doc.tokens[start + k].lower == doc.tokens[begin + k].lower;
    if (same) return true;
  }
  return false;
}

bool contains_word(const std::vector<std::string_view>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// The span [begin, end) is the tail of a longer name whose first word the
// tagger read as something else: "Las Vegas" giving "Vegas", "New York
// Yankees" giving "Yankees".
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

bool is_party_and_state(std::string_view word) {
  return word.size() >= 4 && (word[0] == 'R' || word[0] == 'D' || word[0] == 'I') && word[1] == '-' &&
         word[2] >= 'A' && word[2] <= 'Z';
}

// A lone word just before a place, an organisation or another name, in
// the same sentence: "Latin America", "Latin American".
bool head_of_longer_name(const Document& doc, const std::vector<Tag>& tags, std::size_t begin, std::size_t end) {
  if (end - begin != 1 || end >= doc.tokens.size()) return false;
  const Token& next = doc.tokens[end];
  if (!(next.letter_case & kStartsUpper) || (next.flags & (kSentenceStart | kCapsLine))) return false;
  return tags[end] == kOrganisation || tags[end] == kLocation || tags[end] == kMiscEntity;
}

// A lower-case word that places what follows on a map: "northwest", "southern".
bool is_compass_word(const Token& t) {
  constexpr std::string_view kWords[] = {
      "north",     "south",     "east",      "west",      "northern",     "southern",     "eastern",      "western",
      "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
      "southwestern", "central"};
  return (t.letter_case & kLowerOnly) && std::find(std::begin(kWords), std::end(kWords), t.lower) != std::end(kWords);
}

// "Jan 12, 2008", "3 Jan 2008": a month's short name next to a number is
// a date, not a given name ("Jan" is one).
bool is_date_month(const Document& doc, std::size_t i) {
  constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
  if (std::find(std::begin(kMonths), std::end(kMonths), doc.tokens[i].lower) == std::end(kMonths)) return false;
  std::size_t next = i + 1;
  if (next < doc.tokens.size() && doc.tokens[next].text == ".") ++next;
  return (next < doc.tokens.size() && is_number(doc.tokens[next].text)) || (i > 0 && is_number(doc.tokens[i - 1].text));
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

// The span [begin, end) in story words is an organisation, a country or a
// place, an event or a product rather than a person.
bool names_something_else(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  const std::size_t n = doc.tokens.size();
  // "Jones Medical", "Warner Bros", "Salomon Bros Inc": a company or a place named after someone.
  constexpr std::uint16_t kEnds = kEntityWord | kCompanyWord;
  if ((lexicon.flags(doc.tokens[end - 1].lower) & kEnds) ||
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
  if (end - begin == 1 && names_a_place_or_product(doc, end)) return true;
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
  std::string joined;
  for (std::size_t k = begin; k < end; ++k) {
    if (k > begin) joined += ' ';
    joined += doc.tokens[k].lower;
  }
  return lexicon.flags(joined) & kKnownEntity;
}

// "Dean Witter" when the story also writes "Dean Witter Reynolds Inc".
bool in_organisation_name(const Document& doc, const StoryEvidence& story, std::size_t begin, std::size_t end) {
  for (std::size_t k = begin; k < end; ++k) {
    if (!contains_word(story.organisation_words, doc.tokens[k].lower)) return false;
  }
  return true;
}

// The span [begin, end) is used here as a thing's name (see Mention::thing_use):
// "the Walkman", "Acme's Widget", "Acme released its", "Acme iPlayer", "Oscar
// nominations", "Acme have" (a team or a firm taking a plural verb), "Acme,
// IBM and Toshiba", or a lone word the story writes before a company noun
// ("Acme shares"). A given name and more is a person's whatever surrounds it
// ("a Jane Roe film"), and so is a name before a noun of office ("the Reagan
// administration"). For the archive (`archive`: store/thing_names.h), a
// name of several words before a noun it modifies or a plural verb counts
// too ("Roe Pryce fans", "Roe Pryce were"), and so does a given name and
// more, read only by cues a person's name seldom has: an article, a noun it
// modifies, a plural verb, or "and the" and a capitalised word ("the Harry
// Roe films", "Harry Roe and the Stone": one story cannot tell "a Jane Roe
// film" from a film's title, the whole archive can). Not a possessive: "Jane
// Roe's Red Door" is her film.
bool used_as_thing(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon,
                   const StoryEvidence& story, std::size_t begin, std::size_t end, bool archive = false) {
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

// The mention of the tagged person span [begin, end), or false when it is no
// person's name.
bool make_mention(const Document& doc, const std::vector<Tag>& tags, const std::vector<float>& margins,
                  const Lexicon& lexicon, const StoryEvidence& story, std::size_t begin, std::size_t end,
                  Mention& m) {
  // Titles and stray punctuation at the edges are not part of the name;
  // neither are particles at the end or a possessive.
  while (begin < end && ((title_flags(doc.tokens[begin].lower, lexicon) & (kTitle | kNotName)) ||
                         is_punctuation_only(doc.tokens[begin].text))) {
    ++begin;
  }
  while (end > begin && ((lexicon.flags(doc.tokens[end - 1].lower) & kParticle) ||
                         is_possessive(doc.tokens[end - 1].lower) ||
                         is_punctuation_only(doc.tokens[end - 1].text))) {
    --end;
  }
  if (begin == end || end - begin > 6) return false;
  // (In a headline in title case every word looks like a title's.)
  m.titled = begin > 0 && (title_flags(doc.tokens[begin - 1].lower, lexicon) & kTitle) &&
             !(doc.tokens[begin].flags & kTitleCase);
  begin = extend_left(doc, tags, lexicon, begin);
  if (tail_of_longer_name(doc, tags, lexicon, begin, end) || head_of_longer_name(doc, tags, begin, end)) return false;
  // "the tanker Sea Empress", "Hurricane Bertha", "USS Enterprise": a ship, a storm, a horse.
  m.names_a_thing = kind_word_before(doc, lexicon, begin) ||
                    (lexicon.flags(doc.tokens[begin].lower) & kNameKind) ||
                    names_a_thing_elsewhere(doc, story, begin, end);
  m.confidence = 1e30f;
  bool all_excluded = true;
  for (std::size_t k = begin; k < end; ++k) {
    const Token& t = doc.tokens[k];
    if (!margins.empty() && tags[k] != kOutside) m.confidence = std::min(m.confidence, margins[k]);
    std::uint16_t flags = lexicon.flags(t.lower);
    if (!(flags & (kNotName | kTitle | kAgency))) all_excluded = false;
    if (flags & (kAgency | kSignOff)) all_excluded = true;  // "Getty", "Reuters", "Reuter": never a person
    m.words.push_back(display_case(t.text));
    m.lower.emplace_back(t.lower);
    if (t.flags & (kCapsLine | kTitleCase)) m.from_capitals = true;
    if (t.flags & kTitleCase) m.title_case = true;
  }
  const bool listed_place =
      end - begin == 1 && std::find(story.list_places.begin(), story.list_places.end(), begin) != story.list_places.end();
  if (all_excluded || names_something_else(doc, lexicon, begin, end) || is_row_detail(doc, begin, end) ||
      wire_says_not_a_person(doc, lexicon, begin, end) || listed_place) {
    return false;
  }
  m.row = row_kind(doc, begin, end);
  // "Dean Witter" is a company, unless this mention follows an honorific
  // ("Mr Kilroy-Silk", also named in "the Robert Kilroy-Silk Party"; "lead
  // manager Morgan Stanley" and "General Dynamics" do not count).
  if (!(begin > 0 && is_honorific(doc.tokens[begin - 1].lower)) && !after_job_title(doc, lexicon, begin) &&
      in_organisation_name(doc, story, begin, end)) {
    return false;
  }
  m.person_cue = m.titled || before_saying(doc, end);
  m.said_only = m.person_cue && !m.titled && !before_relative(doc, end);
  m.thing_use = !m.person_cue && used_as_thing(doc, tags, lexicon, story, begin, end);
  m.agent_cue = !m.person_cue && !m.thing_use && before_past_verb(doc, end);
  m.archive_thing = !m.person_cue && (m.thing_use || m.names_a_thing ||
                                      (end - begin > 1 && used_as_thing(doc, tags, lexicon, story, begin, end, true)));
  if (m.words.size() == 1) {
    // A lone lower-case word or a lone initial is not a name; nor is a
    // party and state ("R-Minn", "D-Texas").
    if (!has_upper(m.words[0]) || is_initial(m.words[0]) || is_party_and_state(m.words[0])) return false;
    // "northwest Anatolia", "southern Kordofan": a region, not a person.
    if (begin > 0 && is_compass_word(doc.tokens[begin - 1])) return false;
    if (is_date_month(doc, begin)) return false;
    int person = 0, other = 0;
    for (const auto& [lower, is_person] : story.entity_tokens) {
      if (lower == doc.tokens[begin].lower) ++(is_person ? person : other);
    }
    if (other > person) return false;
    m.common_word = lexicon.flags(m.lower[0]) & kCommonWord;
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
  }
  if (c.person == 0 && c.thing == 0 && !kept) return;
  for (NameCues& other : cues) {
    if (other.name != name) continue;
    other.person += c.person;
    other.thing += c.thing;
    return;
  }
  cues.push_back(std::move(c));
}

}  // namespace

std::vector<Mention> collect_mentions(const Document& doc, const std::vector<Tag>& tags,
                                      const std::vector<float>& margins, const Lexicon& lexicon) {
  StoryEvidence story;
  for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
    if (tags[i] != kOutside) {
      story.entity_tokens.emplace_back(doc.tokens[i].lower, tags[i] == kPersonBegin || tags[i] == kPersonInside);
    }
  }
  story.organisation_words = organisation_words(doc, lexicon);
  add_partner_names(doc, lexicon, story.organisation_words);
  add_organisation_names(doc, lexicon, story.organisation_words);
  story.thing_names = thing_names(doc, lexicon);
  add_list_things(doc, tags, lexicon, story.thing_names, story.list_places);
  add_match_opponents(doc, tags, lexicon, story.thing_names);
  add_team_names(doc, story.thing_names);
  story.company_noun_words = company_noun_words(doc, lexicon);
  // A story all in capitals (a wire brief: a headline and nothing else) has
  // only capitals to offer.
  bool in_capitals = std::all_of(doc.tokens.begin(), doc.tokens.end(),
                                 [](const Token& t) { return (t.flags & (kCapsLine | kTitleCase)) || !(t.letter_case & kHasLetter); });
  std::vector<Mention> mentions;
  const std::size_t n = doc.tokens.size();
  for (std::size_t i = 0; i < n;) {
    if (tags[i] != kPersonBegin && tags[i] != kPersonInside) {
      ++i;
      continue;
    }
    std::size_t begin = i++;
    while (i < n && tags[i] == kPersonInside) ++i;
    Mention m;
    m.story_in_capitals = in_capitals;
    if (make_mention(doc, tags, margins, lexicon, story, begin, i, m)) mentions.push_back(std::move(m));
  }
  return mentions;
}

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
    const bool kept = confidence >= kMinConfidence && plausible(p);
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
    out += std::to_string(c.person) + ' ' + std::to_string(c.thing) + (c.given ? " g " : " - ") + c.name + '\n';
  }
  return out;
}

}  // namespace morgue::people
