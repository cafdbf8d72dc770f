// Sharded archives: routing, incremental runs per shard, stories that move
// between shards, and search over the stub matching one combined database.
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <xapian.h>

#include "morgue/admin.h"
#include "morgue/index_writer.h"
#include "morgue/schema.h"
#include "morgue/search.h"
#include "morgue/shards.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

namespace fs = std::filesystem;
using testing_support::TempDir;

class ShardIndexTest : public testing::Test {
 protected:
  void write(const std::string& name, const std::string& text) {
    fs::create_directories((dir_ / "in" / name).parent_path());
    std::ofstream(dir_ / "in" / name) << text;
    auto path = dir_ / "in" / name;
    fs::last_write_time(path, fs::last_write_time(path) + std::chrono::seconds(++tick_));
  }

  static std::string story(const std::string& date, const std::string& title, const std::string& body) {
    std::string out = date;
    out.append(" - World\n\n").append(title).append("\n\n").append(body).append("\n");
    return out;
  }

  IndexSummary index(const std::string& db, const std::string& shard_by, bool prune = false) {
    IndexOptions options;
    options.db_path = dir_ / db;
    options.inputs = {dir_ / "in"};
    options.shard_by = shard_by;
    options.prune = prune;
    options.jobs = 2;
    options.batch_size = 2;
    options.parallel_min_files = 0;
    return run_index(options);
  }

  std::size_t count(const std::string& db) { return Xapian::Database((dir_ / db).string()).get_doccount(); }
  bool holds(const std::string& db, const std::string& title_word) {
    return Xapian::Database((dir_ / db).string()).term_exists(schema::make_term(schema::kTitlePrefix, title_word));
  }

  TempDir dir_;
  int tick_ = 0;
};

TEST_F(ShardIndexTest, YearShardsAndStub) {
  write("a.txt", story("2019-03-01", "Alpha", "A harbour story."));
  write("b.txt", story("2020-05-01", "Beta", "A council story."));
  write("c.txt", story("2020-06-01", "Gamma", "Another council story."));
  write("d.txt", "Delta\n\nA story with no date at all.\n");
  IndexSummary s = index("db", "year");
  EXPECT_EQ(s.added, 4u);
  EXPECT_EQ(s.documents, 4u);
  EXPECT_EQ(count("db/2019"), 1u);
  EXPECT_EQ(count("db/2020"), 2u);
  EXPECT_EQ(count("db/undated"), 1u);
  EXPECT_EQ(count("db"), 4u);  // Xapian opens the directory through its XAPIANDB stub
  EXPECT_TRUE(is_sharded_archive(dir_ / "db"));
  auto entries = read_stub(dir_ / "db" / "XAPIANDB");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].line, "auto 2019");
  // --stats adds up every shard, not only the first one Xapian reads metadata from.
  DatabaseStats stats = database_stats(dir_ / "db");
  EXPECT_EQ(stats.documents, 4u);
  EXPECT_EQ(stats.files_tracked, 4u);
  EXPECT_GT(stats.bytes_on_disk, 0u);
}

TEST_F(ShardIndexTest, UnchangedRunTouchesNoShard) {
  write("a.txt", story("2019-03-01", "Alpha", "A harbour story."));
  write("b.txt", story("2020-05-01", "Beta", "A council story."));
  index("db", "year");
  auto revision = [&](const char* shard) { return Xapian::Database((dir_ / "db" / shard).string()).get_revision(); };
  auto r2019 = revision("2019"), r2020 = revision("2020");
  IndexSummary again = index("db", "");  // the recorded scheme is used
  EXPECT_EQ(again.unchanged, 2u);
  EXPECT_EQ(revision("2019"), r2019);
  EXPECT_EQ(revision("2020"), r2020);

  write("b.txt", story("2020-05-01", "Beta", "A council story, corrected."));
  IndexSummary changed = index("db", "");
  EXPECT_EQ(changed.updated, 1u);
  EXPECT_EQ(revision("2019"), r2019);  // only the shard that changed gets a new revision
  EXPECT_GT(revision("2020"), r2020);
}

TEST_F(ShardIndexTest, StoryMovesWhenItsDateChanges) {
  write("a.txt", story("2019-03-01", "Alpha", "A harbour story."));
  write("b.txt", story("2020-05-01", "Beta", "A council story."));
  index("db", "year");
  write("a.txt", story("2021-03-01", "Alpha", "A harbour story, redated."));
  IndexSummary moved = index("db", "");
  EXPECT_EQ(moved.updated, 1u);
  EXPECT_EQ(moved.added, 0u);
  EXPECT_FALSE(holds("db/2019", "alpha"));
  EXPECT_TRUE(holds("db/2021", "alpha"));
  EXPECT_EQ(count("db"), 2u);
  SearchRequest req;
  req.query = "harbour";
  EXPECT_EQ(Searcher((dir_ / "db").string()).search(req).hits.size(), 1u);
}

TEST_F(ShardIndexTest, MultiArticleFileSplitsAndPrunes) {
  write("feed.jsonl",
        "{\"id\":\"1\",\"title\":\"One\",\"date\":\"2019-01-02\",\"body\":\"First wire story about ferries.\"}\n"
        "{\"id\":\"2\",\"title\":\"Two\",\"date\":\"2020-01-02\",\"body\":\"Second wire story about ferries.\"}\n");
  write("other.txt", story("2020-05-01", "Beta", "A council story."));
  index("db", "year");
  EXPECT_EQ(count("db/2019"), 1u);
  EXPECT_EQ(count("db/2020"), 2u);
  // The 2019 article goes: its shard loses it, the 2020 one stays.
  write("feed.jsonl", "{\"id\":\"2\",\"title\":\"Two\",\"date\":\"2020-01-02\",\"body\":\"Second wire story about ferries.\"}\n");
  index("db", "");
  EXPECT_EQ(count("db/2019"), 0u);
  EXPECT_EQ(count("db/2020"), 2u);
  fs::remove(dir_ / "in" / "feed.jsonl");
  IndexSummary pruned = index("db", "", true);
  EXPECT_EQ(pruned.removed, 1u);
  EXPECT_EQ(count("db"), 1u);
}

TEST_F(ShardIndexTest, SchemeIsKeptAndCheckedAgainstUnshardedDatabases) {
  write("a.txt", story("2019-03-01", "Alpha", "A harbour story."));
  index("db", "hash:3");
  EXPECT_THROW(index("db", "year"), std::runtime_error);
  EXPECT_THROW(index("db", "hash:4"), std::runtime_error);
  EXPECT_NO_THROW(index("db", "hash:3"));
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(fs::exists(dir_ / "db" / ("shard-" + std::to_string(i)) / "iamglass"));
  index("plain", "");
  EXPECT_THROW(index("plain", "year"), std::runtime_error);
}

TEST_F(ShardIndexTest, SearchThroughShardsMatchesOneDatabase) {
  const char* words[] = {"harbour", "council", "ferry", "budget", "strike", "election"};
  for (int i = 0; i < 30; ++i) {
    // Words of its own in every story, so that none is a near-duplicate of another.
    std::string body = std::string("A story about the ") + words[i % 6] + " and the " + words[(i * 7 + 1) % 6] +
                       (i % 5 == 0 ? " and the harbour again, twice harbour." : ".");
    for (int k = 0; k < 12; ++k) body += " w" + std::to_string(i) + "x" + std::to_string(k);
    write("s" + std::to_string(i) + ".txt", story(std::to_string(2015 + i % 6) + "-0" + std::to_string(1 + i % 9) + "-11",
                                                  "Story " + std::to_string(i) + " " + words[i % 6], body));
  }
  // Wire copy filed in two years: one hit with two versions either way (the
  // longer copy scores lower, so which one represents the pair is not a tie).
  const std::string wire = "Crews return to work on Monday after a two day ferry strike over pay and rosters, the union said.";
  write("w1.txt", story("2019-12-31", "Ferry strike ends", wire));
  write("w2.txt", story("2020-01-01", "Ferry strike ends", wire + " Services resume."));
  index("one", "");
  index("years", "year");
  index("hashed", "hash:4");
  // Phrases are matched by Xapian inside the exact count: their totals once
  // came from each shard's own document numbers.
  for (const char* q : {"harbour", "council OR ferry", "ferry strike", "date:2016..2018 budget", "\"ferry strike\"",
                        "\"the harbour\" budget", "\"a story about\" -council"}) {
    for (bool all_versions : {false, true}) {
      SearchRequest req;
      req.query = q;
      req.limit = 50;
      req.facets = true;
      req.all_versions = all_versions;
      SearchResponse want = Searcher((dir_ / "one").string()).search(req);
      if (std::string(q) == "ferry strike" && !all_versions) {
        ASSERT_FALSE(want.hits.empty());
        EXPECT_EQ(want.hits[0].versions, 2u);  // the wire pair is collapsed
      }
      for (const char* db : {"years", "hashed"}) {
        SearchResponse got = Searcher((dir_ / db).string()).search(req);
        ASSERT_EQ(got.hits.size(), want.hits.size()) << q << " " << db;
        EXPECT_EQ(got.total, want.total) << q << " " << db;
        // Equal scores are ordered by document number, which differs between
        // one database and shards: compare each run of ties as a set.
        std::map<std::string, const Hit*> by_id;
        for (const auto& h : got.hits) by_id[h.id] = &h;
        for (std::size_t i = 0; i < want.hits.size();) {
          std::size_t end = i;
          std::set<std::string> want_ids, got_ids;
          while (end < want.hits.size() && std::abs(want.hits[end].score - want.hits[i].score) < 1e-9) {
            want_ids.insert(want.hits[end].id);
            got_ids.insert(got.hits[end].id);
            EXPECT_NEAR(got.hits[end].score, want.hits[end].score, 1e-9) << q << " " << db;
            ++end;
          }
          EXPECT_EQ(got_ids, want_ids) << q << " " << db << " #" << i;
          for (const auto& id : want_ids) {
            const Hit* w = nullptr;
            for (const auto& h : want.hits) w = h.id == id ? &h : w;
            const Hit* g = by_id.count(id) ? by_id[id] : nullptr;
            if (!g || !w) continue;
            EXPECT_EQ(g->versions, w->versions) << q << " " << db;
            ASSERT_EQ(g->snippet.fragments.size(), w->snippet.fragments.size()) << q << " " << db;
            for (std::size_t f = 0; f < w->snippet.fragments.size(); ++f) {
              EXPECT_EQ(g->snippet.fragments[f].text, w->snippet.fragments[f].text) << q;
            }
          }
          i = end;
        }
        ASSERT_TRUE(got.facets && want.facets);
        EXPECT_EQ(got.facets->timeline.size(), want.facets->timeline.size()) << q << " " << db;
        EXPECT_TRUE(got.warnings.empty()) << got.warnings.front();
      }
    }
  }
}

}  // namespace
}  // namespace morgue
