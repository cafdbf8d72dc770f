#include "store/placeholders.h"

#include <algorithm>
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

}  // namespace

bool worth_holding_back(const Article& article) {
  return article.body.size() <= schema::kMaxStoredBodyBytes &&
         std::any_of(article.people.begin(), article.people.end(),
                     [](const std::string& name) { return name.find(' ') == std::string::npos; });
}

std::size_t fill_placeholders(Xapian::WritableDatabase& db) {
  const std::string marker(schema::kPlaceholder);
  std::vector<Xapian::docid> pending;
  for (auto p = db.postlist_begin(marker); p != db.postlist_end(marker); ++p) pending.push_back(*p);
  std::size_t batch = 0;
  for (Xapian::docid did : pending) {
    db.replace_document(did, whole_document(db.get_document(did)));
    if (++batch == kFillBatch) {
      db.commit();
      batch = 0;
    }
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
