#include "store/canonical_people.h"

#include <chrono>
#include <ctime>
#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "morgue/schema.h"
#include "store/placeholders.h"
#include "store/stored_article.h"
#include "store/thing_names.h"
#include "util/strings.h"
#include "util/task_pool.h"

namespace morgue {
namespace {

std::vector<std::string> split_names(const std::string& list) {
  std::vector<std::string> names;
  for (auto& name : util::split(list, '\n')) {
    if (!name.empty()) names.push_back(std::move(name));
  }
  return names;
}

int month_number(const std::string& yyyymm) {
  if (yyyymm.size() != 6) return 0;
  for (char c : yyyymm) {
    if (c < '0' || c > '9') return 0;
  }
  return std::stoi(yyyymm.substr(0, 4)) * 12 + std::stoi(yyyymm.substr(4, 2)) - 1;
}

// The value of `slot` for document `d`, read through a stream that moves
// forward only (documents are visited in docid order).
std::string value_at(Xapian::ValueIterator& it, const Xapian::ValueIterator& end, Xapian::docid d) {
  if (it == end) return {};
  if (it.get_docid() < d) it.skip_to(d);
  if (it == end || it.get_docid() != d) return {};
  return *it;
}

// Calls f(docid, story, current kSlotPeople) for every story with people
// (now, or as the extractor found them: a story whose names the archive
// all read as things keeps them in kSlotPeopleFound, and gets them back
// when the archive stops reading them so), the names the archive reads as
// things (`things`) left out.
template <class F>
void for_each_story(const Xapian::Database& db, const ThingNames& things, F&& f) {
  auto found = db.valuestream_begin(schema::kSlotPeopleFound);
  const auto found_end = db.valuestream_end(schema::kSlotPeopleFound);
  auto month = db.valuestream_begin(schema::kSlotMonth);
  const auto month_end = db.valuestream_end(schema::kSlotMonth);
  auto cues = db.valuestream_begin(schema::kSlotPeopleCues);
  const auto cues_end = db.valuestream_end(schema::kSlotPeopleCues);
  auto people = db.valuestream_begin(schema::kSlotPeople);
  const auto people_end = db.valuestream_end(schema::kSlotPeople);
  while (people != people_end || found != found_end) {
    Xapian::docid d = people != people_end ? people.get_docid() : found.get_docid();
    if (found != found_end) d = std::min(d, found.get_docid());
    std::string current, raw;
    if (people != people_end && people.get_docid() == d) current = *people++;
    if (found != found_end && found.get_docid() == d) raw = *found++;
    StoryNames story;
    const std::vector<NameCue> story_cues = parse_name_cues(value_at(cues, cues_end, d));
    story.names = things.people_of(split_names(raw.empty() ? current : raw), story_cues);
    for (const NameCue& cue : story_cues) {
      if (name_words(cue.name).size() != 1) continue;  // "Abdullah II" is one
      if (cue.royal) story.royal.push_back(cue.name);
      if (cue.given) story.given.push_back(cue.name);
    }
    story.month = month_number(value_at(month, month_end, d));
    f(d, story, current);
  }
}

// Indexes `name` into `doc` as make_document indexes a story's people
// (person words and their stems). One generator per thread: building the
// stemmer for every name cost more than the rest of a rename's own work.
void index_person_words(Xapian::Document& doc, const std::string& name) {
  thread_local Xapian::TermGenerator tg = [] {
    Xapian::TermGenerator g;
    g.set_stemmer(Xapian::Stem("english"));
    g.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    return g;
  }();
  tg.set_document(doc);
  tg.set_termpos(0);
  tg.index_text(name, 1, std::string(schema::kPersonPrefix));
}

std::string person_term(const std::string& name) {
  return schema::make_term(schema::kPersonFilter, util::to_lower(name));
}

using Terms = std::map<std::string, Xapian::termcount>;  // term -> wdf

using NameTerms = std::vector<std::pair<std::string, Xapian::termcount>>;

// The terms one name gives a story: its person words (XPN words and their
// ZXPN stems, as TermGenerator makes them, with their wdf), its XP filter
// term and its key (kPersonNameKey: the words in order).
NameTerms terms_of_name(const std::string& name) {
  Xapian::Document scratch;
  index_person_words(scratch, name);
  const std::string words_prefix(schema::kPersonPrefix);
  NameTerms out;
  std::vector<std::pair<Xapian::termpos, std::string>> words;
  for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t) {
    const std::string term = *t;
    out.emplace_back(term, t.get_wdf());
    if (!term.starts_with(words_prefix)) continue;
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      words.emplace_back(*p, term.substr(words_prefix.size()));
    }
  }
  std::sort(words.begin(), words.end());
  std::string key;
  for (const auto& [pos, word] : words) key += (key.empty() ? "" : " ") + word;
  if (!key.empty()) out.emplace_back(schema::make_term(schema::kPersonNameKey, key), 0);
  out.emplace_back(person_term(name), 0);
  return out;
}

// Names repeat across stories ("George W Bush"): each thread keeps the terms
// of the names it met (at most kCachedNames, then it starts again): 40% less
// of the rename's own work (Xapian's aside) on bbc.
constexpr std::size_t kCachedNames = 20000;

Terms name_terms(const std::vector<std::string>& names) {
  thread_local std::unordered_map<std::string, NameTerms> cache;
  Terms out;
  for (const auto& name : names) {
    auto it = cache.find(name);
    if (it == cache.end()) {
      if (cache.size() >= kCachedNames) cache.clear();
      it = cache.emplace(name, terms_of_name(name)).first;
    }
    for (const auto& [term, wdf] : it->second) out[term] += wdf;
  }
  return out;
}

// Removes `terms` from `doc` (those it holds), the ones with positions last:
// replace_document drops a removed term's position list only when the
// document's "positions modified" flag is set, and some Xapian 1.4 releases
// set it from the last term removed (an assignment: a positionless term
// removed after a positional one would clear it). 1.4.22 keeps it set
// either way (checked); the order makes it right on both.
void remove_terms(Xapian::Document& doc, const std::vector<std::string>& terms) {
  if (terms.empty()) return;
  std::vector<std::string> plain, positional;
  auto t = doc.termlist_begin();
  for (const auto& term : terms) {  // sorted, as the termlist
    t.skip_to(term);
    if (t == doc.termlist_end()) break;
    if (*t == term) (t.positionlist_count() > 0 ? positional : plain).push_back(term);
  }
  for (const auto& term : plain) doc.remove_term(term);
  for (const auto& term : positional) doc.remove_term(term);
}

// What renaming a story whose names are now `old` (a story make_document()
// built holds `found`) to `canonical` does to its terms: the terms of `old`
// that neither `found` nor `canonical` give go, those of `canonical` that
// neither `found` nor `old` gave come.
struct TermChanges {
  std::vector<std::string> gone;
  Terms added;
  bool empty() const { return gone.empty() && added.empty(); }
};

TermChanges term_changes(const std::vector<std::string>& found, const std::vector<std::string>& old,
                         const std::vector<std::string>& canonical) {
  const Terms have = name_terms(found);
  const Terms before = name_terms(old);
  const Terms wanted = name_terms(canonical);
  TermChanges changes;
  for (const auto& [term, wdf] : wanted) {
    if (!have.count(term) && !before.count(term)) changes.added.emplace(term, wdf);
  }
  for (const auto& [term, wdf] : before) {
    if (!have.count(term) && !wanted.count(term)) changes.gone.push_back(term);
  }
  return changes;
}

}  // namespace

// Gives `doc` the terms of `canonical` that it lacks and takes away those of
// `old` (the canonical names it held) that neither `found` nor `canonical`
// give. The found names' terms are left as make_document wrote them, person
// words with their positions; a canonical name's own words come without
// positions, and with the name's key (the phrase person:"Ronald Reagan"
// finds them by it: search/person_query.h). A found name's key is never
// added (its words have positions). No position list is written again, and
// the terms of a story whose terms stay the same are not read at all (Xapian
// loads a document's terms with every position on the first term change).
void rename_people_terms(Xapian::Document& doc, const std::vector<std::string>& found,
                         const std::vector<std::string>& old, const std::vector<std::string>& canonical) {
  const TermChanges changes = term_changes(found, old, canonical);
  remove_terms(doc, changes.gone);
  for (const auto& [term, wdf] : changes.added) doc.add_term(term, wdf);
}

bool rename_changes_terms(const std::vector<std::string>& found, const std::vector<std::string>& old,
                          const std::vector<std::string>& canonical) {
  return !term_changes(found, old, canonical).empty();
}

void rename_people(Xapian::Document& doc, const std::vector<std::string>& found,
                   const std::vector<std::string>& canonical) {
  // What the story holds: its names as found, or an earlier run's canonical
  // names (kSlotPeopleFound is then set).
  rename_people_terms(doc, found, split_names(doc.get_value(schema::kSlotPeople)), canonical);
  rename_people_fields(doc, found, canonical);
}

void rename_people_fields(Xapian::Document& doc, const std::vector<std::string>& found,
                          const std::vector<std::string>& canonical) {
  // A flash's people come from its headline: "\n" records that the
  // extractor found none (an empty value would be no value).
  if (doc.get_value(schema::kSlotPeopleFound).empty()) {
    doc.add_value(schema::kSlotPeopleFound, found.empty() ? std::string("\n") : util::join(found, "\n"));
  }
  doc.add_value(schema::kSlotPeople, util::join(canonical, "\n"));
  Article a = decode_stored_article(doc.get_data());
  if (!a.body.empty() && doc.get_value(schema::kSlotBody).empty()) doc.add_value(schema::kSlotBody, a.body);
  a.people = canonical;
  doc.set_data(encode_stored_article(a));
}

namespace {

// A headline surname is trusted when most stories with it in their headline
// that name people name a person of that surname ("Baker" yes, "White" of
// "White House" no): only then does a flash with it in its headline get that
// person. Counted over the whole archive.
constexpr Xapian::doccount kMinHeadlineStories = 3;
// Headlines with a surname and its neighbour that are enough to say the pair
// is not about a person of that surname.
constexpr std::size_t kMinPairStories = 2;

std::unordered_set<std::string> trusted_surnames(
    const PersonIdentity& identity, const Xapian::Database& all,
    const std::unordered_map<Xapian::docid, std::vector<std::string>>& surnames_of) {
  std::unordered_set<std::string> trusted;
  const std::vector<std::string> all_surnames = identity.surnames();
  const std::unordered_set<std::string> surnames(all_surnames.begin(), all_surnames.end());
  // One walk over the headline words, instead of a B-tree lookup for every
  // surname of the archive (most are in no headline, or too few).
  const std::string prefix(schema::kTitlePrefix);
  for (auto t = all.allterms_begin(prefix); t != all.allterms_end(prefix); ++t) {
    if (t.get_termfreq() < kMinHeadlineStories) continue;
    const std::string term = *t;
    const std::string surname = term.substr(prefix.size());
    if (!surnames.count(surname)) continue;
    Xapian::doccount with_people = 0, naming = 0;
    for (auto d = all.postlist_begin(term); d != all.postlist_end(term); ++d) {
      auto it = surnames_of.find(*d);
      if (it == surnames_of.end()) continue;
      ++with_people;
      if (std::find(it->second.begin(), it->second.end(), surname) != it->second.end()) ++naming;
    }
    if (with_people >= kMinHeadlineStories && 2 * naming >= with_people) trusted.insert(surname);
  }
  return trusted;
}

// A trusted surname next to another word in a flash's headline is read as
// a person unless the archive's headlines with both words mostly name no
// one of that surname ("BAKER INTERNATIONAL CORP", "MONTGOMERY WARD").
class HeadlineGuard {
 public:
  HeadlineGuard(const Xapian::Database& all, const std::unordered_map<Xapian::docid, std::vector<std::string>>& surnames_of)
      : all_(all), surnames_of_(surnames_of) {}

  // `words` with the trusted words that fail the test blanked.
  std::vector<std::string> screen(std::vector<std::string> words, const std::unordered_set<std::string>& trusted) {
    std::vector<bool> blank(words.size(), false);
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!trusted.count(words[i])) continue;
      blank[i] = (i > 0 && !person_reading(words[i], words[i - 1])) ||
                 (i + 1 < words.size() && !person_reading(words[i], words[i + 1]));
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (blank[i]) words[i].clear();
    }
    return words;
  }

 private:
  const std::vector<Xapian::docid>& postings(const std::string& word) {
    auto [it, fresh] = postings_.try_emplace(word);
    if (fresh) {
      const std::string term = std::string(schema::kTitlePrefix) + word;
      for (auto d = all_.postlist_begin(term); d != all_.postlist_end(term); ++d) {
        if (surnames_of_.count(*d)) it->second.push_back(*d);
      }
    }
    return it->second;
  }

  bool person_reading(const std::string& surname, const std::string& neighbour) {
    const auto& a = postings(surname);
    const auto& b = postings(neighbour);
    std::vector<Xapian::docid> both;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
    std::size_t naming = 0;
    for (Xapian::docid d : both) {
      const auto& s = surnames_of_.at(d);
      if (std::find(s.begin(), s.end(), surname) != s.end()) ++naming;
    }
    return both.size() < kMinPairStories || 2 * naming >= both.size();
  }

  const Xapian::Database& all_;
  const std::unordered_map<Xapian::docid, std::vector<std::string>>& surnames_of_;
  std::unordered_map<std::string, std::vector<Xapian::docid>> postings_;
};

// Stories rewritten per commit.
constexpr std::size_t kRenameBatch = 2000;

struct Story {
  Xapian::docid id;
  StoryNames names;
  std::string current;  // kSlotPeople
};

// People for the flashes of `db` (no body, no people found) whose headline
// names a trusted surname.
std::unordered_map<Xapian::docid, std::vector<std::string>> flash_people(
    const PersonIdentity& identity, Xapian::WritableDatabase& db, const std::unordered_set<std::string>& trusted,
    HeadlineGuard& guard, const std::vector<Story>& stories) {
  std::unordered_set<Xapian::docid> found;
  for (const auto& s : stories) {
    if (!s.names.names.empty()) found.insert(s.id);
  }
  std::set<Xapian::docid> flashes;
  for (const auto& surname : trusted) {
    const std::string term = std::string(schema::kTitlePrefix) + surname;
    for (auto d = db.postlist_begin(term); d != db.postlist_end(term); ++d) {
      if (!found.count(*d)) flashes.insert(*d);
    }
  }
  std::unordered_map<Xapian::docid, std::vector<std::string>> out;
  for (Xapian::docid d : flashes) {
    const Xapian::Document doc = db.get_document(d);
    if (!doc.get_value(schema::kSlotBody).empty()) continue;
    const Article a = decode_stored_article(doc.get_data());
    if (!a.body.empty()) continue;
    auto words = guard.screen(headline_words(a.title), trusted);
    auto names = identity.resolve_headline(words, month_number(doc.get_value(schema::kSlotMonth)), trusted);
    if (!names.empty()) out.emplace(d, std::move(names));
  }
  return out;
}

using Renames = std::vector<std::pair<Story, std::vector<std::string>>>;
using FlashPeople = std::unordered_map<Xapian::docid, std::vector<std::string>>;

// What the plan of one database starts from: its stories with people and
// the people of its flashes. Reads the database and the shared archive
// (`guard`): one thread at a time.
struct PlanInput {
  std::vector<Story> stories;
  FlashPeople flashes;
};

PlanInput read_plan_input(const PersonIdentity& identity, const ThingNames& things, Xapian::WritableDatabase& db,
                          const std::unordered_set<std::string>& trusted, HeadlineGuard& guard) {
  PlanInput in;
  for_each_story(db, things, [&](Xapian::docid d, const StoryNames& story, const std::string& current) {
    in.stories.push_back({d, story, current});
  });
  in.flashes = flash_people(identity, db, trusted, guard, in.stories);
  return in;
}

// Stories resolved per task: resolving is most of the step's work, and
// needs nothing but the (const) identity.
constexpr std::size_t kResolveChunk = 512;

// The stories of each database whose canonical people change, with their
// new names, in the order of its stories (then its remaining flashes).
// Resolves the stories in chunks on all cores.
std::vector<Renames> plan_renames(const PersonIdentity& identity, std::vector<PlanInput>& inputs) {
  struct Chunk {
    std::size_t db, begin, end;
  };
  std::vector<Chunk> chunks;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    for (std::size_t b = 0; b < inputs[i].stories.size(); b += kResolveChunk) {
      chunks.push_back({i, b, std::min(b + kResolveChunk, inputs[i].stories.size())});
    }
  }
  std::vector<Renames> planned(chunks.size());
  util::for_each_index(chunks.size(), 0, [&](std::size_t c) {
    PlanInput& in = inputs[chunks[c].db];
    for (std::size_t k = chunks[c].begin; k < chunks[c].end; ++k) {
      Story& s = in.stories[k];
      auto f = in.flashes.find(s.id);
      auto names = f != in.flashes.end() ? f->second : identity.resolve(s.names);
      if (util::join(names, "\n") != s.current) planned[c].emplace_back(std::move(s), std::move(names));
    }
  });
  std::vector<Renames> plans(inputs.size());
  for (std::size_t c = 0; c < chunks.size(); ++c) {
    for (auto& change : planned[c]) plans[chunks[c].db].push_back(std::move(change));
  }
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    // A flash among the stories is planned with them; the others have no
    // people yet.
    std::unordered_set<Xapian::docid> among_stories;
    for (const auto& s : inputs[i].stories) among_stories.insert(s.id);
    for (auto& [d, names] : inputs[i].flashes) {
      if (!among_stories.count(d)) plans[i].emplace_back(Story{d, {}, {}}, std::move(names));
    }
  }
  return plans;
}

// Rewrites the planned stories of `db`. Touches only `db`: the databases of
// an archive are renamed at once, one thread each. Rewritten after the walk
// (the value streams read the revision they started on), committed in
// batches: Xapian's cost per changed posting climbs as one batch grows (the
// first run over an archive of 100,000 stories renames most of them).
void apply_renames(const Renames& changed, Xapian::WritableDatabase& db) {
  std::size_t pending = 0;
  for (const auto& [story, names] : changed) {
    // The names as found, with any the archive reads as things (story.names
    // has them left out): they stay the story's found names and terms.
    Xapian::Document doc = db.get_document(story.id);
    const std::string found = doc.get_value(schema::kSlotPeopleFound);
    const std::vector<std::string> old = split_names(doc.get_value(schema::kSlotPeople));
    const std::vector<std::string> found_names = found.empty() ? old : split_names(found);
    if (stored_whole(doc) && rename_changes_terms(found_names, old, names)) {
      // Its terms written again from the stored article: changing one term
      // of the stored document would make Xapian read every position list
      // of the story first (a fifth less time for the step on BBC News).
      rename_people_fields(doc, found_names, names);
      give_whole_terms(doc, doc);
    } else {
      rename_people(doc, found_names, names);
    }
    db.replace_document(story.id, doc);
    if (++pending == kRenameBatch) {
      db.commit();
      pending = 0;
    }
  }
}

// Moves the placeholders' renames out of `plan` into `held`: the fill
// writes them (see canonicalise_people()).
void hold_back_placeholders(Renames& plan, const Xapian::Database& db, HeldRenames& held) {
  const std::string marker(schema::kPlaceholder);
  if (db.get_termfreq(marker) == 0) return;
  std::unordered_set<Xapian::docid> placeholders;
  for (auto p = db.postlist_begin(marker); p != db.postlist_end(marker); ++p) placeholders.insert(*p);
  Renames whole;
  for (auto& [story, names] : plan) {
    if (placeholders.count(story.id)) {
      held[story.id] = std::move(names);
    } else {
      whole.emplace_back(std::move(story), std::move(names));
    }
  }
  plan = std::move(whole);
}

// Renames every database's planned stories, the databases in parallel (a
// rename is mostly Xapian reading and writing back one document's terms).
void apply_all(const std::vector<Renames>& plans, std::vector<Xapian::WritableDatabase>& dbs) {
  std::size_t busy = 0;
  for (const auto& plan : plans) busy += plan.empty() ? 0 : 1;
  util::for_each_index(dbs.size(), busy <= 1 ? 1 : 0, [&](std::size_t i) { apply_renames(plans[i], dbs[i]); });
}

}  // namespace

bool people_identity_current(const Xapian::Database& db) {
  const std::string record = db.get_metadata(std::string(schema::kPeopleIdentityKey));
  return record.starts_with(std::to_string(kPeopleIdentityVersion) + " ");
}

void people_identity_stale(Xapian::WritableDatabase& db) { db.set_metadata(std::string(schema::kPeopleIdentityKey), ""); }

namespace {

// canonicalise_people()'s work; `held` (one map per database) or null.
PeopleIdentitySummary run_step(const Xapian::Database& all, std::vector<Xapian::WritableDatabase>& dbs,
                               std::vector<HeldRenames>* held) {
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  PeopleIdentitySummary summary;
  summary.touched.assign(dbs.size(), false);
  if (!dbs.empty() && std::all_of(dbs.begin(), dbs.end(), [](const Xapian::Database& db) { return people_identity_current(db); })) {
    summary.skipped = true;
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    summary.cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    return summary;
  }
  PersonIdentity identity;
  const ThingNames things = ThingNames::read(all);
  std::unordered_map<Xapian::docid, std::vector<std::string>> surnames_of;
  for_each_story(all, things, [&](Xapian::docid d, const StoryNames& story, const std::string&) {
    identity.count(story);
    if (!story.names.empty()) ++summary.stories;
    for (const auto& name : story.names) {
      auto words = name_words(name);
      if (!words.empty()) surnames_of[d].push_back(words.back());
    }
  });
  identity.group();
  for_each_story(all, things,
                 [&](Xapian::docid, const StoryNames& story, const std::string&) { identity.count_together(story); });
  summary.people = identity.people();
  const auto trusted = trusted_surnames(identity, all, surnames_of);
  HeadlineGuard guard(all, surnames_of);
  std::vector<PlanInput> inputs;
  for (auto& db : dbs) inputs.push_back(read_plan_input(identity, things, db, trusted, guard));
  std::vector<Renames> plans = plan_renames(identity, inputs);
  for (std::size_t i = 0; i < dbs.size(); ++i) {
    summary.renamed += plans[i].size();
    if (held) hold_back_placeholders(plans[i], dbs[i], (*held)[i]);
    summary.touched[i] = !plans[i].empty();
  }
  apply_all(plans, dbs);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  summary.cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  summary.record = fmt::format("{} {} {}", kPeopleIdentityVersion, summary.stories, summary.people);
  return summary;
}

}  // namespace

void record_people_identity(Xapian::WritableDatabase& db, const PeopleIdentitySummary& summary) {
  if (summary.record.empty()) return;  // skipped: the record is there
  const std::string key(schema::kPeopleIdentityKey);
  if (db.get_metadata(key) != summary.record) db.set_metadata(key, summary.record);
}

PeopleIdentitySummary canonicalise_people(const Xapian::Database& all, std::vector<Xapian::WritableDatabase>& dbs) {
  PeopleIdentitySummary summary = run_step(all, dbs, nullptr);
  if (summary.skipped) return summary;
  const std::string key(schema::kPeopleIdentityKey);
  for (std::size_t i = 0; i < dbs.size(); ++i) {
    if (dbs[i].get_metadata(key) == summary.record) continue;
    dbs[i].set_metadata(key, summary.record);
    summary.touched[i] = true;
  }
  return summary;
}

PeopleIdentitySummary canonicalise_people(const Xapian::Database& all, std::vector<Xapian::WritableDatabase>& dbs,
                                          std::vector<HeldRenames>& held) {
  held.assign(dbs.size(), {});
  return run_step(all, dbs, &held);
}

}  // namespace morgue
