#include "store/placeholders.h"

#include <algorithm>
#include <span>
#include <utility>

#include "morgue/document.h"
#include "morgue/schema.h"
#include "store/canonical_people.h"
#include "util/strings.h"
#include "util/task_pool.h"

namespace morgue {
namespace {

// Placeholders read at a time (held_copies()).
constexpr std::size_t kReadBatch = 256;
// Story text filled per commit. Xapian keeps a batch's changes in memory
// until the commit, and replacing documents gets dearer per story once they
// outgrow the processor's cache; each commit costs a pass over the terms
// touched. On 20,000 synthetic stories (18,000 placeholders, about 4 kB
// each) batches of 2,000 stories took the fill 30 s, of 200 to 500 stories
// 16 to 22 s (and 190 MB of memory instead of 420); on BBC News (about 400
// placeholders a part) a commit more per part costs 1.5% more instructions.
constexpr std::size_t kFillBatchText = 2 << 20;
// Placeholders prepare_placeholder_words() reads at a time, and the story
// text whose words it makes at most. The step it runs beside lasts about a
// tenth of a second on BBC News (2,226 stories, 499 placeholders of 1.1 MiB),
// in which it makes some 300; a story's words take about 25 times its text
// in memory (4 MiB of text raised the peak of a first build of 20,165
// synthetic stories from 243 MB to 366 MB).
constexpr std::size_t kPrepareBatch = 32;
constexpr std::size_t kPrepareText = 1 << 20;
// The value slots a placeholder's copy reads: every slot Morgue writes
// (schema.h), with room for more.
constexpr Xapian::valueno kSlotsRead = 64;
static_assert(schema::kSlotDupFollower < kSlotsRead);

std::vector<std::string> names_of(const std::string& list) {
  std::vector<std::string> names;
  for (auto& name : util::split(list, '\n')) {
    if (!name.empty()) names.push_back(std::move(name));
  }
  return names;
}

// Copies of the placeholders `dids` (ascending), their data and values,
// detached from the database. The values come from one pass along each
// slot's stream: reading each document's values by itself costs a B-tree
// lookup per slot and story.
std::vector<Xapian::Document> held_copies(const Xapian::Database& db, std::span<const Xapian::docid> dids) {
  std::vector<Xapian::Document> docs(dids.size());
  for (std::size_t i = 0; i < dids.size(); ++i) {
    docs[i].set_data(db.get_document(dids[i], Xapian::DOC_ASSUME_VALID).get_data());
  }
  for (Xapian::valueno slot = 0; slot < kSlotsRead; ++slot) {
    if (db.get_value_freq(slot) == 0) continue;
    auto v = db.valuestream_begin(slot);
    const auto end = db.valuestream_end(slot);
    for (std::size_t i = 0; i < dids.size() && v != end; ++i) {
      v.skip_to(dids[i]);
      if (v != end && v.get_docid() == dids[i]) docs[i].add_value(slot, *v);
    }
  }
  return docs;
}

// Gives `held`, a placeholder's detached copy, the canonical people `names`,
// as the identity step would have: the values and stored article that
// rename_people() writes. Returns whether it held its body in its value
// before.
bool rename_copy(Xapian::Document& held, const std::vector<std::string>& names) {
  const std::string found = held.get_value(schema::kSlotPeopleFound);
  const bool had_body = !held.get_value(schema::kSlotBody).empty();
  rename_people_fields(held, names_of(found.empty() ? held.get_value(schema::kSlotPeople) : found), names);
  return had_body;
}

// The same for the placeholder `doc` and its copy `held`.
void rename_held(Xapian::Document& doc, Xapian::Document& held, const std::vector<std::string>& names) {
  const bool had_body = rename_copy(held, names);
  doc.add_value(schema::kSlotPeopleFound, held.get_value(schema::kSlotPeopleFound));
  doc.add_value(schema::kSlotPeople, held.get_value(schema::kSlotPeople));
  if (!had_body) doc.add_value(schema::kSlotBody, held.get_value(schema::kSlotBody));
  doc.set_data(held.get_data());
}

// What give_whole_terms() makes the words of `held` from: its stored
// article with the extractor's names (kSlotPeopleFound, when set) as its
// people, and the canonical names the words then take.
struct WordsSource {
  Article article;
  std::vector<std::string> canonical;  // the step renames the stored article too
  bool renamed = false;

  void rename(Xapian::Document& doc) const {
    if (renamed) rename_people_terms(doc, article.people, article.people, canonical);
  }
};

WordsSource words_source(const Xapian::Document& held) {
  WordsSource source{article_from_document(held), {}, false};
  source.canonical = source.article.people;
  const std::string found = held.get_value(schema::kSlotPeopleFound);
  if (!found.empty()) {
    source.article.people = names_of(found);
    source.renamed = true;
  }
  return source;
}

// The whole document of the placeholder whose copy is `held` (renamed
// already when the step renamed it), from the words prepared for it: what
// give_whole_terms() gives it, with every value and the data of `held`.
// Words made from another article than the one `held` now stores are made
// again.
Xapian::Document whole_from_prepared(PreparedStory& story, const Xapian::Document& held) {
  const WordsSource source = words_source(held);
  const std::string id = held.get_value(schema::kSlotId);
  Xapian::Document doc;
  if (source.article == story.article && id == story.id) {
    doc = std::move(story.words);
  } else {
    add_document_terms(doc, source.article, id);
  }
  for (auto v = held.values_begin(); v != held.values_end(); ++v) doc.add_value(v.get_valueno(), *v);
  doc.set_data(held.get_data());
  source.rename(doc);
  return doc;
}

std::vector<Xapian::docid> placeholders_of(const Xapian::Database& db) {
  const std::string marker(schema::kPlaceholder);
  std::vector<Xapian::docid> found;
  for (auto p = db.postlist_begin(marker); p != db.postlist_end(marker); ++p) found.push_back(*p);
  return found;
}

}  // namespace

// Gives `doc` (a placeholder, or any story whose whole body is stored) the
// terms of its whole document: make_document()'s on the extractor's people,
// renamed as the identity step renamed it. Its values and data are left
// alone: they are the story's own (the step and the version groups changed
// them already), and Xapian then rewrites neither. `held` is `doc` itself
// or a detached copy of it (held_copies()).
void give_whole_terms(Xapian::Document& doc, const Xapian::Document& held) {
  const WordsSource source = words_source(held);
  doc.clear_terms();
  add_document_terms(doc, source.article, held.get_value(schema::kSlotId));
  source.rename(doc);
}

bool stored_whole(const Xapian::Document& doc) {
  // make_document() stores a UTF-8 prefix of at most kMaxStoredBodyBytes:
  // one shorter than the longest prefix it can cut is the whole body. An
  // empty value is a story without a body, or the oldest databases' layout
  // (the body in the data): neither is rewritten from it.
  const std::string body = doc.get_value(schema::kSlotBody);
  return !body.empty() && body.size() + 4 <= schema::kMaxStoredBodyBytes;
}

bool worth_holding_back(const Article& article) {
  // One word ("Blair"), or an initial and a surname ("J Robinson", as in
  // line-ups): the step gives both the full name the archive knows.
  auto short_name = [](const std::string& name) {
    const std::size_t space = name.find(' ');
    if (space == std::string::npos) return true;
    const std::string_view first(name.data(), space);
    return first.size() == 1 || (first.size() == 2 && first[1] == '.');
  };
  return article.body.size() <= schema::kMaxStoredBodyBytes &&
         std::any_of(article.people.begin(), article.people.end(), short_name);
}

bool is_placeholder(const Xapian::Document& doc) {
  const std::string marker(schema::kPlaceholder);
  auto t = doc.termlist_begin();
  t.skip_to(marker);
  return t != doc.termlist_end() && *t == marker;
}

PreparedWords prepare_placeholder_words(const std::vector<std::string>& paths, const std::function<bool()>& stop) {
  PreparedWords prepared(paths.size());
  try {
    std::vector<Xapian::Database> dbs;
    std::vector<std::vector<Xapian::docid>> pending;
    for (const auto& path : paths) {
      dbs.emplace_back(path);
      pending.push_back(placeholders_of(dbs.back()));
    }
    std::size_t text = 0;
    bool more = true;
    // A batch of each part in turn, so that every part's fill gains.
    for (std::size_t start = 0; more; start += kPrepareBatch) {
      more = false;
      for (std::size_t i = 0; i < dbs.size(); ++i) {
        if (start >= pending[i].size()) continue;
        more = true;
        const std::span<const Xapian::docid> batch = std::span<const Xapian::docid>(pending[i]).subspan(
            start, std::min(kPrepareBatch, pending[i].size() - start));
        const std::vector<Xapian::Document> held = held_copies(dbs[i], batch);
        for (std::size_t k = 0; k < batch.size(); ++k) {
          if (text >= kPrepareText || stop()) return prepared;
          PreparedStory story{words_source(held[k]).article, held[k].get_value(schema::kSlotId), {}};
          add_document_terms(story.words, story.article, story.id);
          text += story.article.body.size();
          prepared[i].emplace(batch[k], std::move(story));
        }
      }
    }
  } catch (const Xapian::Error&) {
    // A part changed under the reader (the step commits large renames):
    // the words made so far stay, checked against each story by the fill.
  }
  return prepared;
}

std::size_t fill_placeholders(Xapian::WritableDatabase& db, const HeldRenames* renames,
                              std::unordered_map<Xapian::docid, PreparedStory>* prepared) {
  const std::vector<Xapian::docid> pending = placeholders_of(db);
  std::size_t text = 0;  // filled since the last commit
  for (std::size_t start = 0; start < pending.size(); start += kReadBatch) {
    const std::span<const Xapian::docid> batch =
        std::span<const Xapian::docid>(pending).subspan(start, std::min(kReadBatch, pending.size() - start));
    std::vector<Xapian::Document> held = held_copies(db, batch);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const std::vector<std::string>* names = nullptr;
      if (renames) {
        auto r = renames->find(batch[i]);
        if (r != renames->end()) names = &r->second;
      }
      Xapian::Document doc;
      auto words = prepared ? prepared->find(batch[i]) : decltype(prepared->end()){};
      if (prepared && words != prepared->end()) {
        if (names) rename_copy(held[i], *names);
        doc = whole_from_prepared(words->second, held[i]);
        prepared->erase(words);
      } else {
        doc = db.get_document(batch[i], Xapian::DOC_ASSUME_VALID);
        if (names) rename_held(doc, held[i], *names);
        give_whole_terms(doc, held[i]);
      }
      db.replace_document(batch[i], doc);
      text += held[i].get_value(schema::kSlotBody).size();
      if (text >= kFillBatchText) {
        db.commit();
        text = 0;
      }
    }
  }
  return pending.size();
}

std::size_t fill_placeholders(std::vector<Xapian::WritableDatabase>& parts, const std::vector<HeldRenames>& renames,
                              const std::function<void(Xapian::WritableDatabase&)>& before_commit,
                              PreparedWords* prepared) {
  std::vector<std::size_t> filled(parts.size(), 0);
  // Each thread commits its part as soon as it is filled: the commits (most
  // of the cost, with the story's words to merge into the postings) overlap.
  util::for_each_index(parts.size(), 0, [&](std::size_t i) {
    filled[i] = fill_placeholders(parts[i], renames.empty() ? nullptr : &renames[i],
                                  prepared && i < prepared->size() ? &(*prepared)[i] : nullptr);
    if (before_commit) before_commit(parts[i]);
    parts[i].commit();
  });
  std::size_t total = 0;
  for (std::size_t n : filled) total += n;
  return total;
}

}  // namespace morgue
