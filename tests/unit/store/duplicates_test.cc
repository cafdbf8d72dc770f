// Version groups across the parts of a parallel build: grouped in the parts
// before the compaction, they must be those of grouping the compacted
// database, document for document.
#include "store/duplicates.h"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "morgue/document.h"
#include "morgue/schema.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using testing_support::TempDir;
namespace fs = std::filesystem;

const std::string kFlood =
    "The river burst its banks overnight, flooding the lower town and forcing hundreds of families from their "
    "homes. Rescue teams used boats to reach people trapped on upper floors, and the council opened two schools "
    "as shelters. Forecasters expect more rain before the weekend.";
const std::string kSnow =
    "Snow closed the mountain pass for a second day, stranding lorries and delaying deliveries to the valley "
    "towns. Crews worked through the night, and the roads agency said the pass should reopen by the weekend.";

Xapian::Document story(const std::string& name, const std::string& body, const std::string& url = "") {
  Article a;
  a.source = name + ".txt";
  a.title = "Headline of " + name;
  a.body = body;
  a.url = url;
  return make_document(a, article_id(a));
}

// A body that shares no word with any other story's.
std::string unique_body(int i) {
  std::string body;
  for (int w = 0; w < 40; ++w) body += "w" + std::to_string(i) + "x" + std::to_string(w) + " ";
  return body;
}

// Every document by id: data, values, terms with wdf and positions.
std::string dump(const Xapian::Database& db) {
  std::string out = "documents " + std::to_string(db.get_doccount()) + "\n";
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
    Xapian::Document d = db.get_document(*p);
    out += "doc " + std::to_string(*p) + " " + d.get_data() + "\n";
    for (auto v = d.values_begin(); v != d.values_end(); ++v) out += std::to_string(v.get_valueno()) + "=" + *v + "\n";
    for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
      out += *t + ":" + std::to_string(t.get_wdf());
      for (auto pos = t.positionlist_begin(); pos != t.positionlist_end(); ++pos) out += " " + std::to_string(*pos);
      out += "\n";
    }
  }
  return out;
}

// Parts 0..3: versions of one story spread over parts (the oldest, in the
// merged numbering, is in part 0 but added last there), an empty part, a part
// whose first documents were deleted (the compactor drops those ids), an
// updated story joining its first version by URL.
std::vector<fs::path> make_parts(const TempDir& dir) {
  std::vector<std::vector<Xapian::Document>> docs(4);
  for (int i = 0; i < 6; ++i) docs[0].push_back(story("a" + std::to_string(i), unique_body(i)));
  docs[0].push_back(story("flood-part0", kFlood));
  docs[0].push_back(story("fire", "A fire broke out at the docks.", "https://news.example/fire"));
  docs[2].push_back(story("gone1", unique_body(100)));
  docs[2].push_back(story("gone2", unique_body(101)));
  docs[2].push_back(story("flood-part2", kFlood));
  docs[2].push_back(story("snow", kSnow));
  docs[2].push_back(story("flood-edited", kFlood + " The mayor said the town would rebuild."));
  docs[3].push_back(story("snow-again", kSnow + " Schools also closed."));
  docs[3].push_back(story("fire-update", "Three workers were hurt in the fire at the docks on Monday.",
                          "https://news.example/fire"));
  docs[3].push_back(story("flood-part3", kFlood));
  std::vector<fs::path> paths;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    paths.push_back(dir / ("part-" + std::to_string(i)));
    Xapian::WritableDatabase part(paths.back().string(), Xapian::DB_CREATE);
    for (auto& d : docs[i]) part.add_document(d);
    if (i == 2) {
      part.delete_document(1);
      part.delete_document(2);
    }
    part.commit();
  }
  return paths;
}

std::string compact(const std::vector<fs::path>& parts, const fs::path& out) {
  Xapian::Database all;
  for (const auto& p : parts) all.add_database(Xapian::Database(p.string()));
  all.compact(out.string());
  return out.string();
}

TEST(GroupDuplicates, InThePartsEqualsInTheMergedDatabase) {
  TempDir dir;
  const std::vector<fs::path> parts = make_parts(dir);
  std::vector<fs::path> copies;
  for (const auto& p : parts) {
    copies.push_back(dir / ("copy-" + p.filename().string()));
    fs::copy(p, copies.back());
  }
  // Before: compact, then group the merged database.
  Xapian::WritableDatabase merged(compact(parts, dir / "merged"), Xapian::DB_OPEN);
  const std::size_t exact_merged = group_duplicates(merged);
  merged.commit();
  // After: group the parts, then compact.
  std::vector<Xapian::WritableDatabase> dbs;
  for (const auto& p : copies) dbs.emplace_back(p.string(), Xapian::DB_OPEN);
  const std::size_t exact_parts = group_duplicates(dbs);
  for (auto& db : dbs) db.commit();
  dbs.clear();
  Xapian::Database grouped(compact(copies, dir / "grouped"));

  EXPECT_EQ(exact_merged, 2u);  // three copies of the flood story
  EXPECT_EQ(exact_parts, exact_merged);
  EXPECT_EQ(dump(grouped), dump(merged));
  // The groups themselves: the flood versions (exact and edited) in one,
  // named by the oldest; the fire update with its first version; the snow pair.
  const Xapian::Document first_flood = grouped.get_document(7);
  const std::string flood_group = first_flood.get_value(schema::kSlotDupGroup);
  EXPECT_EQ(flood_group, first_flood.get_value(schema::kSlotId));
  std::size_t followers = 0;
  for (auto v = grouped.valuestream_begin(schema::kSlotDupFollower); v != grouped.valuestream_end(schema::kSlotDupFollower); ++v) {
    EXPECT_EQ(*v, grouped.get_document(v.get_docid()).get_value(schema::kSlotDupGroup));
    ++followers;
  }
  EXPECT_EQ(grouped.get_termfreq(std::string(schema::kDupFollower)), 0u);
  EXPECT_EQ(followers, 5u);  // 3 flood versions, the fire update, the second snow story
}

TEST(GroupDuplicates, RegroupingThePartsChangesNothing) {
  TempDir dir;
  const std::vector<fs::path> parts = make_parts(dir);
  std::vector<Xapian::WritableDatabase> dbs;
  for (const auto& p : parts) dbs.emplace_back(p.string(), Xapian::DB_OPEN);
  group_duplicates(dbs);
  for (auto& db : dbs) db.commit();
  std::string once;
  for (auto& db : dbs) once += dump(db);
  group_duplicates(dbs);  // a build killed after the grouping merges again
  for (auto& db : dbs) db.commit();
  std::string twice;
  for (auto& db : dbs) twice += dump(db);
  EXPECT_EQ(twice, once);
}

}  // namespace
}  // namespace morgue
