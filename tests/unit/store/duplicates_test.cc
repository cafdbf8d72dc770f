// Version groups across the parts of a parallel build: grouped in the parts
// before the compaction, they must be those of grouping the compacted
// database, document for document.
#include "store/duplicates.h"

#include <filesystem>
#include <map>
#include <tuple>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "morgue/document.h"
#include "morgue/schema.h"
#include "store/fingerprint.h"
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
  // named by the first in path order (flood-edited.txt, numbered after
  // flood-part0.txt); the fire update with its first version; the snow pair.
  const Xapian::Document first_flood = grouped.get_document(7);
  const std::string flood_group = first_flood.get_value(schema::kSlotDupGroup);
  EXPECT_EQ(flood_group, story("flood-edited", kFlood).get_value(schema::kSlotId));
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

// A serial build takes the files in path order and a file's stories in
// their order; a parallel build numbers them as its workers happened to take
// them. The groups of each layout below must be those of the serial order
// (the last layout): every group keyed by its first story in that order.
struct Story {
  std::string source;
  std::string key;
  std::string body;
  std::string url = "";
};

Xapian::WritableDatabase in_memory() { return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY); }

// Id -> group key of every document of `dbs`.
std::map<std::string, std::string> groups_in(std::vector<Xapian::WritableDatabase>& dbs) {
  std::map<std::string, std::string> groups;
  for (auto& db : dbs) {
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
      const Xapian::Document d = db.get_document(*p);
      groups[d.get_value(schema::kSlotId)] = d.get_value(schema::kSlotDupGroup);
    }
  }
  return groups;
}

// The groups a serial build gives `docs` (in the order it adds them): each
// filed by find_duplicate_group() among those before it.
std::map<std::string, std::string> serial_groups(std::vector<Xapian::Document> docs) {
  std::vector<Xapian::WritableDatabase> db{in_memory()};
  for (auto& d : docs) {
    set_duplicate_group(d, find_duplicate_group(db[0], d, d.get_value(schema::kSlotId)).group);
    db[0].add_document(d);
  }
  return groups_in(db);
}

Xapian::Document document_of(const Story& s) {
  Article a;
  a.source = s.source;
  a.key = s.key;
  a.title = "Headline of " + s.source + " " + s.key;
  a.body = s.body;
  a.url = s.url;
  return make_document(a, article_id(a));
}

// The stories of each file, in walk (path) order. in/a.txt's first story is a
// snow version, its second and third flood versions (the second edited, so
// the third, an exact copy of later files, is not first by text).
const std::vector<std::vector<Story>> kFiles = {
    {{"in/a.txt", "2", kSnow + " Schools closed."}, {"in/a.txt", "1", kFlood + " The mayor spoke."},
     {"in/a.txt", "0", kFlood}},
    {{"in/b.txt", "", kFlood}},
    {{"in/c.txt", "", kSnow}},
    {{"in/d.txt", "", kFlood}, {"in/d.txt", "x", "Three workers were hurt in a fire at the docks.", "https://f.example/1"}},
    {{"in/e.txt", "", "A fire broke out at the docks on Monday night.", "https://f.example/1"}},
    {{"in/f.txt", "", unique_body(7)}},
};

std::string id_of(std::size_t file, std::size_t story) {
  return document_of(kFiles[file][story]).get_value(schema::kSlotId);
}

// Id -> group key over the parts built from `layout` (each part: the files
// it holds, in the order its worker took them), grouped.
std::map<std::string, std::string> groups_of(const std::vector<std::vector<std::size_t>>& layout) {
  std::vector<Xapian::WritableDatabase> parts;
  for (const auto& files : layout) {
    parts.push_back(in_memory());
    for (std::size_t f : files) {
      for (const auto& s : kFiles[f]) parts.back().add_document(document_of(s));
    }
  }
  group_duplicates(parts);
  return groups_in(parts);
}

TEST(GroupDuplicates, HeadsAreTheFirstStoriesInWalkOrderWhateverThePartLayout) {
  const std::vector<std::vector<std::vector<std::size_t>>> layouts = {
      {{3, 2}, {1, 0}, {5, 4}},  // the walk's last files numbered first
      {{1}, {0, 3}, {2, 4, 5}},
      {{4, 3}, {}, {2, 1, 0, 5}},
      {{5, 4, 3, 2, 1, 0}},      // one part, numbered backwards
      {{0, 1, 2, 3, 4, 5}},      // the serial order
  };
  std::map<std::string, std::string> expected;
  const std::string snow = id_of(0, 0), flood = id_of(0, 1), fire = id_of(3, 1);
  for (auto [file, story, group] : std::vector<std::tuple<std::size_t, std::size_t, std::string>>{
           {0, 0, snow}, {0, 1, flood}, {0, 2, flood}, {1, 0, flood}, {2, 0, snow}, {3, 0, flood},
           {3, 1, fire}, {4, 0, fire}, {5, 0, id_of(5, 0)}}) {
    expected[id_of(file, story)] = group;
  }
  std::vector<Xapian::Document> walk;
  for (const auto& file : kFiles) {
    for (const auto& s : file) walk.push_back(document_of(s));
  }
  EXPECT_EQ(serial_groups(walk), expected);
  for (std::size_t i = 0; i < layouts.size(); ++i) EXPECT_EQ(groups_of(layouts[i]), expected) << "layout " << i;
}

// A story made by hand: its source path (and id), its fingerprint, and the
// LSH band terms of its first `bands` bands.
Xapian::Document by_hand(const std::string& source, const MinHash& h, std::size_t bands = kMinHashBands) {
  Xapian::Document d;
  d.add_boolean_term(schema::make_term(schema::kIdPrefix, source));
  d.add_value(schema::kSlotId, source);
  d.add_value(schema::kSlotSource, source);
  d.add_value(schema::kSlotFingerprint, encode_minhash(h));
  for (std::size_t b = 0; b < bands; ++b) {
    d.add_boolean_term(std::string(schema::kSimBandPrefix) + static_cast<char>('0' + b) + minhash_bands(h)[b]);
  }
  set_duplicate_group(d, source);
  return d;
}

// Only its first band: it meets other stories in that band alone.
Xapian::Document in_first_band(const std::string& source, const MinHash& h) { return by_hand(source, h, 1); }

// A fingerprint: rows [from, to) of `h` changed.
MinHash changed(MinHash h, std::size_t from, std::size_t to) {
  for (std::size_t k = from; k < to; ++k) h[k] += 7777;
  return h;
}

// Versions are not grouped transitively: a serial build files each story
// into the group of the earlier one it matches best, so a story similar to
// two earlier ones that are not similar to each other joins one of them and
// the two groups stay apart. Here A and C share 12 of 24 rows (0.5), B shares
// 18 with each (0.75), and B comes last: it joins C, the first it meets (in
// band 0), and A stays alone, whichever part holds which.
TEST(GroupDuplicates, AStoryLikeTwoEarlierGroupsJoinsOneAsInASerialBuild) {
  MinHash a{};
  for (std::size_t k = 0; k < kMinHashSize; ++k) a[k] = static_cast<std::uint32_t>(1000 + k);
  const MinHash b = changed(a, 0, 6), c = changed(b, 18, 24);
  const std::map<std::string, std::string> expected{
      {"in/1-a.txt", "in/1-a.txt"}, {"in/2-c.txt", "in/2-c.txt"}, {"in/3-b.txt", "in/2-c.txt"}};
  EXPECT_EQ(serial_groups({by_hand("in/1-a.txt", a), by_hand("in/2-c.txt", c), by_hand("in/3-b.txt", b)}), expected);
  for (int layout = 0; layout < 3; ++layout) {
    std::vector<Xapian::WritableDatabase> parts{in_memory(), in_memory()};
    parts[layout == 0 ? 0 : 1].add_document(by_hand("in/1-a.txt", a));
    parts[layout == 1 ? 0 : 1].add_document(by_hand("in/2-c.txt", c));
    parts[layout == 2 ? 0 : 1].add_document(by_hand("in/3-b.txt", b));
    group_duplicates(parts);
    EXPECT_EQ(groups_in(parts), expected) << "layout " << layout;
  }
}

// A band shared by more stories than are compared (kMaxCandidatesPerBand)
// compares the first ones in walk order, as a serial build would, not the
// first ones numbered: two versions walked first but numbered after 80
// others in their band are still found and grouped, under the first.
TEST(GroupDuplicates, ACrowdedBandComparesItsFirstStoriesInWalkOrder) {
  MinHash version{};
  for (std::size_t k = 0; k < kMinHashSize; ++k) version[k] = static_cast<std::uint32_t>(1000 + k);
  std::vector<Xapian::WritableDatabase> parts{in_memory(), in_memory()};
  for (std::uint32_t i = 0; i < 80; ++i) {
    MinHash other = version;  // the first band's rows alike, the rest not: similarity 1/6
    for (std::size_t k = kMinHashSize / kMinHashBands; k < kMinHashSize; ++k) other[k] = 5000 + 100 * i + static_cast<std::uint32_t>(k);
    parts[0].add_document(in_first_band("in/z" + std::to_string(100 + i) + ".txt", other));
  }
  parts[1].add_document(in_first_band("in/a2.txt", version));
  parts[1].add_document(in_first_band("in/a1.txt", version));
  group_duplicates(parts);
  EXPECT_EQ(parts[1].get_document(1).get_value(schema::kSlotDupGroup), "in/a1.txt");
  EXPECT_EQ(parts[1].get_document(2).get_value(schema::kSlotDupGroup), "in/a1.txt");
  for (Xapian::docid d = 1; d <= 80; ++d) {
    const Xapian::Document other = parts[0].get_document(d);
    EXPECT_EQ(other.get_value(schema::kSlotDupGroup), other.get_value(schema::kSlotId));
  }
}

}  // namespace
}  // namespace morgue
