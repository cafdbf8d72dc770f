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

// Stories filled per commit.
constexpr std::size_t kFillBatch = 2000;
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

// The whole document of a placeholder: make_document() on the extractor's
// people, then what the identity step and the version groups did to the
// placeholder, done again in the same order.
Xapian::Document whole_document(const Xapian::Document& placeholder) {
  Article a = article_from_document(placeholder);
  const std::string found = placeholder.get_value(schema::kSlotPeopleFound);
  const std::vector<std::string> canonical = a.people;  // the step renames the stored article too
  if (!found.empty()) a.people = names_of(found);
  Xapian::Document doc = make_document(a, placeholder.get_value(schema::kSlotId));
  if (!found.empty()) rename_people(doc, a.people, canonical);
  set_duplicate_group(doc, placeholder.get_value(schema::kSlotDupGroup));
  // The placeholder's values and data are the story's own (some, such as
  // what the extractor read of the names, are not in the stored article).
  doc.clear_values();
  for (auto v = placeholder.values_begin(); v != placeholder.values_end(); ++v) doc.add_value(v.get_valueno(), *v);
  doc.set_data(placeholder.get_data());
  return doc;
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

}  // namespace

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

std::size_t fill_placeholders(Xapian::WritableDatabase& db) {
  const std::string marker(schema::kPlaceholder);
  std::vector<Xapian::docid> pending;
  for (auto p = db.postlist_begin(marker); p != db.postlist_end(marker); ++p) pending.push_back(*p);
  for (std::size_t start = 0; start < pending.size(); start += kFillBatch) {
    const std::span<const Xapian::docid> batch =
        std::span<const Xapian::docid>(pending).subspan(start, std::min(kFillBatch, pending.size() - start));
    const std::vector<Xapian::Document> held = held_copies(db, batch);
    for (std::size_t i = 0; i < batch.size(); ++i) db.replace_document(batch[i], whole_document(held[i]));
    if (batch.size() == kFillBatch) db.commit();
  }
  return pending.size();
}

std::size_t fill_placeholders(std::vector<Xapian::WritableDatabase>& parts) {
  std::vector<std::size_t> filled(parts.size(), 0);
  // Each thread commits its part as soon as it is filled: the commits (most
  // of the cost, with the story's words to merge into the postings) overlap.
  util::for_each_index(parts.size(), 0, [&](std::size_t i) {
    filled[i] = fill_placeholders(parts[i]);
    parts[i].commit();
  });
  std::size_t total = 0;
  for (std::size_t n : filled) total += n;
  return total;
}

}  // namespace morgue
