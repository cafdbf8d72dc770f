#include "people/names.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <xapian.h>

#include "people/evidence.h"
#include "people/mention_rules.h"
#include "people/name_tails.h"
#include "people/prose_rules.h"
#include "people/support.h"
#include "people/wire_cues.h"
#include "people/wire_eleventh.h"
#include "people/wire_namesakes.h"
#include "people/wire_ninth.h"
#include "people/wire_tenth.h"
#include "people/works_rules.h"
#include "util/strings.h"

namespace morgue::people {

bool is_initial(std::string_view word) {
  return (word.size() >= 2 && word.back() == '.' && word.size() <= 6) || (word.size() > 2 && word[1] == '.');
}

std::string display_case(std::string_view word) {
  // A regnal or family number stays a numeral ("Halden Pryce III");
  // not "XI", which is a family name too.
  constexpr std::string_view kNumerals[] = {"II", "III", "IV", "VI", "VII", "VIII"};
  if (!is_all_upper(word) || word.size() <= 1 || word.find('.') != std::string_view::npos ||
      std::find(std::begin(kNumerals), std::end(kNumerals), word) != std::end(kNumerals)) {
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

bool is_punctuation_only(std::string_view word) { return !has_letter(word); }

bool is_possessive(std::string_view lower) { return lower == "'s" || lower == "'"; }

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

// Titles and stray punctuation at the edges of a tagged span are not part
// of the name; neither are particles at the end, a possessive, an acronym's
// plural ("Roe OKs funds"), letters after a name ("Jane Roe QC"), a verb of
// saying before it ("Said Roe:") or a nationality ("Finn Aarno Roe").
void trim_span(const Document& doc, const Lexicon& lexicon, std::size_t& begin, std::size_t& end) {
  while (begin < end && (((title_flags(doc.tokens[begin].lower, lexicon) & (kTitle | kNotName)) &&
                          !title_is_given_name(doc, lexicon, begin, end)) ||
                         is_punctuation_only(doc.tokens[begin].text))) {
    ++begin;
  }
  while (end > begin && ((lexicon.flags(doc.tokens[end - 1].lower) & kParticle) ||
                         is_possessive(doc.tokens[end - 1].lower) || is_plural_acronym(doc.tokens[end - 1].text) ||
                         is_punctuation_only(doc.tokens[end - 1].text) ||
                         (end - begin > 1 && is_post_nominal(doc.tokens[end - 1])))) {
    --end;
  }
  if (opens_with_inverted_saying(doc, begin, end)) ++begin;
  if (opens_with_nationality(doc, begin, end)) ++begin;
}

// The titles of sovereigns and their families, who are known by a name
// that is no surname ("King Hussein", "Prince Charles").
bool is_sovereign_title(std::string_view lower) {
  static constexpr std::array<std::string_view, 12> kTitles = {
      "king", "queen", "prince", "princess", "pope", "emperor", "empress", "sultan", "emir", "tsar", "czar", "shah"};
  return std::find(kTitles.begin(), kTitles.end(), lower) != kTitles.end();
}

// "Tory Jane Roe" is Jane Roe (and "Tory Lord Halvik" a titled Halvik);
// "Tory Chairwoman" and a lone "Tory" are no one, and give false ("Tory
// Halvorsen" may be someone: a given name and a known surname).
bool skip_party_member(const Document& doc, const Lexicon& lexicon, std::size_t& begin, std::size_t end,
                       bool& titled) {
  if (!is_party_member_noun(doc.tokens[begin].lower)) return true;
  if (end - begin >= 3) {
    ++begin;
    if (title_flags(doc.tokens[begin].lower, lexicon) & kTitle) {
      ++begin;
      titled = true;
    }
    return true;
  }
  const std::uint16_t next = end - begin == 2 ? title_flags(doc.tokens[begin + 1].lower, lexicon) : 0;
  return (next & kSurname) && !(next & (kTitle | kCommonWord));
}

// The mention of the tagged person span [begin, end), or false when it is no
// person's name.
bool make_mention(const Document& doc, const std::vector<Tag>& tags, const std::vector<float>& margins,
                  const Lexicon& lexicon, const StoryEvidence& story, std::size_t begin, std::size_t end,
                  Mention& m) {
  trim_span(doc, lexicon, begin, end);
  if (begin == end || end - begin > 6) return false;
  // (In a headline in title case every word looks like a title's.)
  m.titled = begin > 0 && (title_flags(doc.tokens[begin - 1].lower, lexicon) & kTitle) &&
             !(doc.tokens[begin].flags & kTitleCase);
  m.royal = m.titled && is_sovereign_title(doc.tokens[begin - 1].lower);
  begin = extend_left(doc, tags, lexicon, begin);
  end = end_over_family_name(doc, lexicon, begin, end_over_elided_particle(doc, lexicon, begin, end));
  if (!skip_party_member(doc, lexicon, begin, end, m.titled)) return false;
  if (tail_of_longer_name(doc, tags, lexicon, begin, end) || head_of_longer_name(doc, tags, begin, end) ||
      is_nationality_description(doc, begin, end)) {
    return false;
  }
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
    // "Roe-style": the person, not the adjective (prose_rules.h).
    const std::size_t length = k + 1 == end ? without_adjective_ending(t.text) : t.text.size();
    m.words.push_back(display_case(t.text.substr(0, length)));
    m.lower.emplace_back(t.lower.substr(0, length));
    if (t.flags & (kCapsLine | kTitleCase)) m.from_capitals = true;
    if (t.flags & kTitleCase) m.title_case = true;
  }
  if (const std::size_t family = family_name_outside(doc, tags, lexicon, begin, end)) {
    m.words.push_back(display_case(doc.tokens[family].text));
    m.lower.emplace_back(doc.tokens[family].lower);
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
  m.thing_use = !m.person_cue && (used_as_thing(doc, tags, lexicon, story, begin, end) ||
                                  used_as_work_or_group(doc, lexicon, begin, end));
  m.agent_cue = !m.person_cue && !m.thing_use && before_past_verb(doc, end);
  m.supported = m.person_cue || m.agent_cue || supported_around(doc, tags, lexicon, begin, end);
  m.archive_thing = !m.person_cue && (m.thing_use || m.names_a_thing ||
                                      (end - begin > 1 && used_as_thing(doc, tags, lexicon, story, begin, end, true)));
  if (m.words.size() == 1) {
    // A lone lower-case word or a lone initial is not a name; nor is a
    // party and state ("R-Minn", "D-Texas").
    if (!has_upper(m.words[0]) || is_initial(m.words[0]) || is_party_and_state(m.words[0])) return false;
    // "northwest Anatolia", "southern Kordofan": a region, not a person.
    if (begin > 0 && is_compass_word(doc.tokens[begin - 1])) return false;
    if (is_date_month(doc, begin)) return false;
    // "a cafe in Kelso": a lone word after "in" is a place, though the
    // tagger read a person there; not before a possessive ("in Roe's view").
    const bool possessive_after = end < doc.tokens.size() && is_possessive(doc.tokens[end].lower);
    if (begin > 0 && doc.tokens[begin - 1].text == "in" && !possessive_after) return false;
    int person = 0, other = 0;
    for (const auto& [lower, is_person] : story.entity_tokens) {
      if (lower == doc.tokens[begin].lower) ++(is_person ? person : other);
    }
    if (other > person) return false;
    m.common_word = lexicon.flags(m.lower[0]) & kCommonWord;
  }
  return true;
}

}  // namespace

std::vector<Mention> collect_mentions(const Document& doc, const std::vector<Tag>& tags,
                                      const std::vector<float>& margins, const Lexicon& lexicon) {
  StoryEvidence story;
  std::vector<std::string_view> firms_before_its;
  for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
    if (tags[i] != kOutside) {
      story.entity_tokens.emplace_back(doc.tokens[i].lower, tags[i] == kPersonBegin || tags[i] == kPersonInside);
      if (lone_organisation_before_its(doc, tags, i)) firms_before_its.push_back(doc.tokens[i].lower);
    }
  }
  story.organisation_words = organisation_words(doc, lexicon);
  add_partner_names(doc, lexicon, story.organisation_words);
  add_repeated_partners(doc, lexicon, story.organisation_words);
  add_partner_lists(doc, lexicon, story.organisation_words);
  add_employer_partners(doc, lexicon, story.organisation_words);
  add_organisation_names(doc, lexicon, story.organisation_words);
  story.thing_names = thing_names(doc, lexicon);
  add_list_things(doc, tags, lexicon, story.thing_names, story.list_places);
  add_match_opponents(doc, tags, lexicon, story.thing_names);
  add_team_names(doc, story.thing_names);
  add_eighth_pair_names(doc, lexicon, story.organisation_words, story.thing_names);
  add_ninth_pair_names(doc, lexicon, story.organisation_words, story.thing_names);
  add_tenth_pair_names(doc, tags, lexicon, story.organisation_words);
  add_eleventh_pair_names(doc, lexicon, story.organisation_words);
  add_firms_before_market_jobs(doc, story.organisation_words);
  add_names_listed_with_firms(doc, lexicon, story.organisation_words);
  add_works_names(doc, lexicon, story.thing_names);
  add_work_titles(doc, lexicon, story.thing_names);
  story.company_noun_words = company_noun_words(doc, lexicon);
  story.company_noun_words.insert(story.company_noun_words.end(), firms_before_its.begin(), firms_before_its.end());
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

}  // namespace morgue::people
