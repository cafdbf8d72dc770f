#include "store/canonical_people.h"

#include <chrono>
#include <set>

#include <fmt/format.h>

#include "morgue/schema.h"
#include "store/stored_article.h"
#include "util/strings.h"

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

// Calls f(docid, story, current kSlotPeople) for every story with people.
template <class F>
void for_each_story(const Xapian::Database& db, F&& f) {
  auto found = db.valuestream_begin(schema::kSlotPeopleFound);
  const auto found_end = db.valuestream_end(schema::kSlotPeopleFound);
  auto month = db.valuestream_begin(schema::kSlotMonth);
  const auto month_end = db.valuestream_end(schema::kSlotMonth);
  const auto end = db.valuestream_end(schema::kSlotPeople);
  for (auto v = db.valuestream_begin(schema::kSlotPeople); v != end; ++v) {
    const Xapian::docid d = v.get_docid();
    const std::string current = *v;
    std::string raw = value_at(found, found_end, d);
    StoryNames story;
    story.names = split_names(raw.empty() ? current : raw);
    story.month = month_number(value_at(month, month_end, d));
    f(d, story, current);
  }
}

void index_person_words(Xapian::Document& doc, const std::vector<std::string>& names) {
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  tg.set_document(doc);
  for (const auto& name : names) {
    tg.increase_termpos();
    tg.index_text(name, 1, std::string(schema::kPersonPrefix));
  }
}

void remove_terms_with_prefix(Xapian::Document& doc, const std::string& prefix) {
  std::vector<std::string> terms;
  auto t = doc.termlist_begin();
  t.skip_to(prefix);
  for (; t != doc.termlist_end(); ++t) {
    std::string term = *t;
    if (term.compare(0, prefix.size(), prefix) != 0) break;
    terms.push_back(std::move(term));
  }
  for (const auto& term : terms) doc.remove_term(term);
}

std::string person_term(const std::string& name) {
  return schema::make_term(schema::kPersonFilter, util::to_lower(name));
}

}  // namespace

void rename_people(Xapian::Document& doc, const std::vector<std::string>& found,
                   const std::vector<std::string>& canonical) {
  std::set<std::string> keep;
  std::vector<std::string> all_names = found;
  for (const auto& name : found) keep.insert(person_term(name));
  for (const auto& name : canonical) {
    if (keep.insert(person_term(name)).second) all_names.push_back(name);
  }
  for (const auto& old : split_names(doc.get_value(schema::kSlotPeople))) {
    const std::string term = person_term(old);
    if (keep.count(term) == 0) {
      try {
        doc.remove_term(term);
      } catch (const Xapian::InvalidArgumentError&) {
        // not there: nothing to remove
      }
    }
  }
  for (const auto& term : keep) doc.add_boolean_term(term);
  // The person words are written again from both lists: a name's words are
  // then found once whatever was added or dropped before.
  remove_terms_with_prefix(doc, std::string(schema::kPersonPrefix));
  remove_terms_with_prefix(doc, "Z" + std::string(schema::kPersonPrefix));
  index_person_words(doc, all_names);

  if (doc.get_value(schema::kSlotPeopleFound).empty()) doc.add_value(schema::kSlotPeopleFound, util::join(found, "\n"));
  doc.add_value(schema::kSlotPeople, util::join(canonical, "\n"));
  Article a = decode_stored_article(doc.get_data());
  if (!a.body.empty() && doc.get_value(schema::kSlotBody).empty()) doc.add_value(schema::kSlotBody, a.body);
  a.people = canonical;
  doc.set_data(encode_stored_article(a));
}

namespace {

// Rewrites the stories of `db` whose canonical people changed; returns how many.
std::size_t rename_changed(const PersonIdentity& identity, Xapian::WritableDatabase& db) {
  std::vector<std::pair<Xapian::docid, StoryNames>> changed;
  std::vector<std::vector<std::string>> canonical;
  for_each_story(db, [&](Xapian::docid d, const StoryNames& story, const std::string& current) {
    auto names = identity.resolve(story);
    if (util::join(names, "\n") == current) return;
    changed.emplace_back(d, story);
    canonical.push_back(std::move(names));
  });
  // Rewritten after the walk: the value streams read the revision they started on.
  for (std::size_t i = 0; i < changed.size(); ++i) {
    Xapian::Document doc = db.get_document(changed[i].first);
    rename_people(doc, changed[i].second.names, canonical[i]);
    db.replace_document(changed[i].first, doc);
  }
  return changed.size();
}

}  // namespace

PeopleIdentitySummary canonicalise_people(const Xapian::Database& all, std::vector<Xapian::WritableDatabase>& dbs) {
  const auto start = std::chrono::steady_clock::now();
  PeopleIdentitySummary summary;
  PersonIdentity identity;
  for_each_story(all, [&](Xapian::docid, const StoryNames& story, const std::string&) {
    identity.count(story);
    ++summary.stories;
  });
  identity.group();
  for_each_story(all, [&](Xapian::docid, const StoryNames& story, const std::string&) { identity.count_together(story); });
  summary.people = identity.people();
  summary.touched.assign(dbs.size(), false);
  for (std::size_t i = 0; i < dbs.size(); ++i) {
    const std::size_t renamed = rename_changed(identity, dbs[i]);
    summary.renamed += renamed;
    summary.touched[i] = renamed > 0;
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string record =
      fmt::format("{} {} {}", kPeopleIdentityVersion, summary.stories, summary.people);
  const std::string key(schema::kPeopleIdentityKey);
  for (std::size_t i = 0; i < dbs.size(); ++i) {
    if (dbs[i].get_metadata(key) == record) continue;
    dbs[i].set_metadata(key, record);
    summary.touched[i] = true;
  }
  return summary;
}

}  // namespace morgue
