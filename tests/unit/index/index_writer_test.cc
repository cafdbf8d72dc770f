// Incremental indexing: add, unchanged, update, prune, retry, lock, stop.
#include "morgue/index_writer.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <xapian.h>

#include "index/db_writer.h"
#include "morgue/people.h"
#include "morgue/schema.h"
#include "store/canonical_people.h"
#include "store/file_state.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using testing_support::TempDir;

class IndexWriterTest : public testing::Test {
 protected:
  void write(const std::string& name, const std::string& text) {
    std::filesystem::create_directories((dir_ / "in" / name).parent_path());
    std::ofstream(dir_ / "in" / name) << text;
    // Make sure size or mtime changes even within one clock tick.
    auto path = dir_ / "in" / name;
    std::filesystem::last_write_time(path, std::filesystem::last_write_time(path) + std::chrono::seconds(++tick_));
  }

  // Built with append: GCC 12 at -O2 warns falsely (-Wrestrict) on chained operator+.
  static std::string fmt_name(const char* a, const std::string& b, const char* c) {
    std::string out(a);
    out.append(b);
    out.append(c);
    return out;
  }

  static std::string story(const std::string& title, const std::string& body) {
    return "Feb 14, 2022 - World\n\n" + title + "\n\n" + body + "\n";
  }

  IndexSummary index(bool prune = false, std::size_t parallel_min_files = 0, std::size_t max_part_text = 0) {
    IndexOptions options;
    options.parallel_min_files = parallel_min_files;
    if (max_part_text) options.max_part_text = max_part_text;
    options.db_path = dir_ / "db";
    options.inputs = {dir_ / "in"};
    options.prune = prune;
    options.jobs = 2;
    options.batch_size = 3;
    options.extract.people = people_;
    options.on_problem = [this](const Problem& p) { problems_.push_back(p); };
    problems_.clear();
    return run_index(options);
  }

  // 30 stories, and a parallel build of them stopped before its first file:
  // the parts exist and are empty.
  IndexSummary start_build_and_stop() {
    for (int i = 0; i < 30; ++i) {
      std::string n = std::to_string(i);
      write(fmt_name("f", n, ".txt"), story(fmt_name("Story ", n, ""), "Body."));
    }
    std::atomic<bool> stop{true};
    IndexOptions options;
    options.db_path = dir_ / "db";
    options.inputs = {dir_ / "in"};
    options.jobs = 2;
    options.parallel_min_files = 1;
    options.stop = &stop;
    return run_index(options);
  }

  std::size_t doc_count() { return Xapian::Database((dir_ / "db").string()).get_doccount(); }

  TempDir dir_;
  PeopleExtractor* people_ = nullptr;  // no people extracted unless a test sets one
  std::vector<Problem> problems_;
  int tick_ = 0;
};

TEST_F(IndexWriterTest, AddUnchangedUpdatePrune) {
  write("a.txt", story("Alpha", "First story body."));
  write("b.txt", story("Beta", "Second story body."));
  write("sub/c.txt", story("Gamma", "Third story body."));
  IndexSummary first = index();
  EXPECT_EQ(first.added, 3u);
  EXPECT_EQ(first.documents, 3u);

  IndexSummary again = index();
  EXPECT_EQ(again.unchanged, 3u);
  EXPECT_EQ(again.added + again.updated, 0u);

  write("b.txt", story("Beta revised", "Second story body, now longer."));
  IndexSummary changed = index();
  EXPECT_EQ(changed.updated, 1u);
  EXPECT_EQ(changed.unchanged, 2u);
  EXPECT_EQ(doc_count(), 3u);

  // Same bytes, new mtime: re-read, recognised as unchanged, nothing rewritten.
  write("a.txt", story("Alpha", "First story body."));
  IndexSummary touched = index();
  EXPECT_EQ(touched.unchanged, 3u);
  EXPECT_EQ(touched.updated, 0u);

  std::filesystem::remove(dir_ / "in" / "sub" / "c.txt");
  IndexSummary kept = index();
  EXPECT_EQ(kept.removed, 0u);
  EXPECT_EQ(doc_count(), 3u) << "a vanished file is kept without --prune";
  IndexSummary pruned = index(/*prune=*/true);
  EXPECT_EQ(pruned.removed, 1u);
  EXPECT_EQ(doc_count(), 2u);
}

// The people identity step (on by default) runs after a run that added,
// replaced or removed a story, and is skipped after one that changed none.
TEST_F(IndexWriterTest, PeopleStepRunsOnlyAfterAChange) {
  PeopleExtractor extractor(default_data_dir());
  people_ = &extractor;
  const std::string people = "Harbour minister Oskar Lindqvist met union leader Tomas Berg on Monday.";
  write("a.txt", story("Harbour talks", people));
  write("b.txt", story("Dock strike", people));
  write("c.txt", story("Cranes idle", people));
  EXPECT_EQ(index().people_stories, 3u);
  EXPECT_EQ(index().people_stories, 0u) << "nothing changed";
  write("b.txt", story("Dock strike ends", people + " The strike ended."));
  IndexSummary replaced = index();
  EXPECT_EQ(replaced.updated, 1u);
  EXPECT_EQ(replaced.people_stories, 3u);
  std::filesystem::remove(dir_ / "in" / "c.txt");
  IndexSummary pruned = index(/*prune=*/true);
  EXPECT_EQ(pruned.removed, 1u);
  EXPECT_EQ(pruned.people_stories, 2u);
  EXPECT_EQ(index(/*prune=*/true).people_stories, 0u);
}

// A parallel first build runs the step over its parts before merging them:
// the merged database holds the renamed stories and the step's record.
TEST_F(IndexWriterTest, ParallelBuildRunsThePeopleStepBeforeTheMerge) {
  PeopleExtractor extractor(default_data_dir());
  people_ = &extractor;
  for (int i = 0; i < 3; ++i) {
    write("full" + std::to_string(i) + ".txt",
          story("Harbour talks " + std::to_string(i), "Harbour minister Oskar Lindqvist met the union on Monday."));
  }
  write("bare.txt", story("Cranes idle", "The cranes stood idle, harbour minister Lindqvist told reporters."));
  IndexSummary built = index(false, /*parallel_min_files=*/1);
  EXPECT_EQ(built.people_stories, 4u);
  EXPECT_EQ(built.people_renamed, 1u);
  Xapian::Database db((dir_ / "db").string());
  EXPECT_EQ(db.get_metadata(std::string(schema::kPeopleIdentityKey)).substr(0, 2),
            std::to_string(kPeopleIdentityVersion) + " ");
  EXPECT_EQ(db.get_termfreq(schema::make_term(schema::kPersonFilter, "oskar lindqvist")), 4u);
  EXPECT_EQ(index().people_stories, 0u) << "nothing changed since the build";
}

TEST_F(IndexWriterTest, FailedFilesAreReportedAndRetried) {
  write("good.txt", story("Good", "Body."));
  write("bad.txt", "");
  IndexSummary first = index();
  EXPECT_EQ(first.added, 1u);
  EXPECT_EQ(first.failed, 1u);
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_NE(problems_[0].where.find("bad.txt"), std::string::npos);
  EXPECT_EQ(problems_[0].reason, "empty file");

  IndexSummary retry = index();
  EXPECT_EQ(retry.failed, 1u) << "a failed file is tried again, not skipped as unchanged";

  write("bad.txt", story("Fixed", "Now it has a body."));
  IndexSummary fixed = index();
  EXPECT_EQ(fixed.added, 1u);
  EXPECT_EQ(fixed.failed, 0u);
  EXPECT_EQ(doc_count(), 2u);
}

TEST_F(IndexWriterTest, BrokenNewVersionKeepsTheOldStory) {
  write("a.txt", story("Alpha", "Body."));
  index();
  write("a.txt", "");
  IndexSummary broken = index();
  EXPECT_EQ(broken.failed, 1u);
  EXPECT_EQ(doc_count(), 1u);
}

TEST_F(IndexWriterTest, MultiArticleFilesTrackEachArticle) {
  write("feed.jsonl",
        "{\"id\":\"1\",\"title\":\"One\",\"body\":\"First.\"}\n{\"id\":\"2\",\"title\":\"Two\",\"body\":\"Second.\"}\n"
        "{\"id\":\"3\",\"title\":\"Three\",\"body\":\"Third.\"}\n");
  EXPECT_EQ(index().added, 3u);
  write("feed.jsonl", "{\"id\":\"1\",\"title\":\"One\",\"body\":\"First.\"}\n{\"id\":\"3\",\"title\":\"Three!\",\"body\":\"Third, revised.\"}\n");
  IndexSummary s = index();
  EXPECT_EQ(s.updated, 2u);
  EXPECT_EQ(doc_count(), 2u) << "the article dropped from the file is removed";
}

TEST_F(IndexWriterTest, SecondWriterFailsAtOnce) {
  write("a.txt", story("Alpha", "Body."));
  index();
  Xapian::WritableDatabase holder((dir_ / "db").string(), Xapian::DB_OPEN);
  try {
    index();
    FAIL() << "expected the lock to stop the second writer";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("locked"), std::string::npos) << e.what();
  }
}

// A kill while Xapian creates a database (a fresh one, or a part of a first
// parallel build) can leave table files without the version file Xapian
// writes last; the rerun clears them and builds. Anything else in the folder
// (or a writer holding its lock) means it is left alone.
TEST_F(IndexWriterTest, UnfinishedDatabaseCreationIsRedone) {
  write("a.txt", story("Alpha", "Body."));
  const auto db = dir_ / "db";
  std::filesystem::create_directories(db);
  for (const char* f : {"flintlock", "postlist.glass", "docdata.glass"}) std::ofstream(db / f) << "";
  EXPECT_EQ(index().added, 1u);
  EXPECT_EQ(doc_count(), 1u);

  std::filesystem::remove_all(db);
  std::filesystem::create_directories(db);
  for (const char* f : {"postlist.glass", "notes.txt"}) std::ofstream(db / f) << "";
  try {
    index();  // whatever Xapian makes of it, the folder's other files stay
  } catch (...) {
  }
  EXPECT_TRUE(std::filesystem::exists(db / "notes.txt"));
}

TEST_F(IndexWriterTest, StopFlagCommitsAndReturns) {
  for (int i = 0; i < 20; ++i) {
    std::string n = std::to_string(i);
    write(fmt_name("s", n, ".txt"), story(fmt_name("Story ", n, ""), "Body."));
  }
  std::atomic<bool> stop{true};
  IndexOptions options;
  options.db_path = dir_ / "db";
  options.inputs = {dir_ / "in"};
  options.stop = &stop;
  IndexSummary s = run_index(options);
  EXPECT_TRUE(s.interrupted);
  EXPECT_LT(s.added, 20u);
  // The rerun completes the work.
  IndexSummary rest = index();
  EXPECT_EQ(rest.added + s.added, 20u);
  EXPECT_EQ(doc_count(), 20u);
}

TEST_F(IndexWriterTest, ExactAndNearDuplicatesShareAGroup) {
  const std::string body =
      "The river burst its banks overnight, flooding the lower town and forcing hundreds of families from their "
      "homes. Rescue teams used boats to reach people trapped on upper floors, and the council opened two schools "
      "as shelters. Forecasters expect more rain before the weekend.";
  write("wire.txt", story("River floods lower town", body));
  write("reprint.txt", story("Hundreds flee as river floods town", body));
  write("edited.txt", story("Floods hit lower town", body + " The mayor said the town would rebuild."));
  write("other.txt", story("Budget passes", "The council passed its budget after a long debate on taxes."));
  IndexSummary s = index();
  EXPECT_EQ(s.duplicates, 1u);
  Xapian::Database db((dir_ / "db").string());
  std::map<std::string, int> groups;
  for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) ++groups[db.get_document(id).get_value(schema::kSlotDupGroup)];
  std::vector<int> sizes;
  for (auto& [g, n] : groups) sizes.push_back(n);
  std::sort(sizes.begin(), sizes.end());
  EXPECT_EQ(sizes, (std::vector<int>{1, 3}));
}

TEST_F(IndexWriterTest, AnUpdatedStoryJoinsItsFirstVersionByUrl) {
  write("first.jsonl", "{\"url\":\"https://news.example/fire\",\"title\":\"Fire at the docks\",\"body\":\"A fire broke out.\"}\n");
  write("update.jsonl",
        "{\"url\":\"https://news.example/fire\",\"title\":\"Fire at the docks: three hurt\",\"body\":\"A fire broke out "
        "at the docks on Monday. Three workers were taken to hospital. The cause is not yet known, the fire service "
        "said, and the warehouses will stay closed until Friday.\"}\n");
  index();
  Xapian::Database db((dir_ / "db").string());
  ASSERT_EQ(db.get_doccount(), 2u);
  EXPECT_EQ(db.get_document(1).get_value(schema::kSlotDupGroup), db.get_document(2).get_value(schema::kSlotDupGroup));
}

// Sorted id terms and the version groups (as sets of ids), to compare two builds.
std::pair<std::vector<std::string>, std::set<std::set<std::string>>> snapshot(const std::filesystem::path& db_path) {
  Xapian::Database db(db_path.string());
  std::vector<std::string> ids;
  std::map<std::string, std::set<std::string>> groups;
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) {
    ids.push_back(*t);
    auto p = db.postlist_begin(*t);
    groups[db.get_document(*p).get_value(schema::kSlotDupGroup)].insert(*t);
  }
  std::set<std::set<std::string>> sets;
  for (auto& [g, members] : groups) sets.insert(members);
  return {ids, sets};
}

TEST_F(IndexWriterTest, ParallelFullBuildEqualsSerialBuild) {
  const std::string body =
      "Snow closed the mountain pass for a second day, stranding lorries and delaying deliveries to the valley "
      "towns. Crews worked through the night, and the roads agency said the pass should reopen by the weekend.";
  for (int i = 0; i < 40; ++i) {
    std::string n = std::to_string(i);
    write(fmt_name("f", n, ".txt"), story(fmt_name("Story ", n, ""), fmt_name("Body number ", n, " is unique.")));
  }
  write("copy1.txt", story("Pass closed", body));
  write("copy2.txt", story("Snow shuts pass", body));
  write("copy3.txt", story("Pass shut again", body + " Schools also closed."));
  IndexSummary serial = index(false, 0);
  auto expected = snapshot(dir_ / "db");
  std::filesystem::remove_all(dir_ / "db");
  IndexSummary parallel = index(false, 1);
  EXPECT_EQ(parallel.added, serial.added);
  EXPECT_EQ(parallel.documents, serial.documents);
  EXPECT_EQ(parallel.duplicates, serial.duplicates);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "db.parts"));
  EXPECT_EQ(snapshot(dir_ / "db"), expected);
  // The next run is a nightly one on the merged database.
  EXPECT_EQ(index(false, 1).unchanged, 43u);

  // Parts that fill up (here after each 3-article batch) are closed and the
  // workers go on in new ones: the merge of them all is the same archive.
  std::filesystem::remove_all(dir_ / "db");
  IndexSummary rotated = index(false, 1, 1);
  EXPECT_EQ(rotated.documents, serial.documents);
  EXPECT_EQ(rotated.duplicates, serial.duplicates);
  EXPECT_EQ(snapshot(dir_ / "db"), expected);
}

TEST_F(IndexWriterTest, InterruptedParallelBuildOpensAndResumes) {
  ASSERT_TRUE(start_build_and_stop().interrupted);
  EXPECT_TRUE(std::filesystem::exists(dir_ / "db.parts"));
  EXPECT_NO_THROW(Xapian::Database((dir_ / "db").string()));  // the stub opens mid-build
  // A second indexer fails at once while the build holds its lock.
  {
    std::filesystem::path lock_file = dir_ / "db.parts" / "build.lock";
    int fd = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
    EXPECT_THROW(index(false, 1), std::runtime_error);
    ::close(fd);
  }
  // The rest goes into new parts that fill up after each batch.
  IndexSummary rest = index(false, 1, 1);
  EXPECT_FALSE(rest.interrupted);
  EXPECT_EQ(rest.documents, 30u);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "db.parts"));
  EXPECT_EQ(doc_count(), 30u);
}

// Parts commit without fsync. A part that a power cut left damaged (its
// files date from before this boot) is found on the next run and rebuilt.
TEST_F(IndexWriterTest, PartDamagedByASystemCrashIsRebuilt) {
  ASSERT_TRUE(start_build_and_stop().interrupted);
  const auto part = dir_ / "db.parts" / "part-0";
  ASSERT_TRUE(std::filesystem::exists(part / "postlist.glass"));
  std::ofstream(part / "postlist.glass", std::ios::trunc) << std::string(8192, 'x');
  std::ofstream(part / "iamglass", std::ios::trunc) << "not a version file";
  for (const auto& entry : std::filesystem::directory_iterator(part)) {
    std::filesystem::last_write_time(entry.path(), std::filesystem::file_time_type::clock::now() - std::chrono::hours(24 * 365 * 30));
  }
  IndexSummary rest = index(false, 1);
  EXPECT_FALSE(rest.interrupted);
  EXPECT_EQ(rest.documents, 30u);
  EXPECT_EQ(doc_count(), 30u);
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_NE(problems_[0].reason.find("damaged by a system crash"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "db.parts"));
}

// A kill while a new part was being created can leave its directory with
// nothing in it (Faults.KilledIndexerRecoversToTheCleanState found this:
// the next run failed with "Couldn't detect type of database"). The part
// holds nothing: it is created again and the build goes on.
TEST_F(IndexWriterTest, PartLeftEmptyByAKillIsCreatedAgain) {
  ASSERT_TRUE(start_build_and_stop().interrupted);
  unsigned parts = 0;
  while (std::filesystem::exists(dir_ / "db.parts" / ("part-" + std::to_string(parts)))) ++parts;
  ASSERT_GT(parts, 0u);
  std::filesystem::create_directory(dir_ / "db.parts" / ("part-" + std::to_string(parts)));
  IndexSummary rest = index(false, 1);
  EXPECT_FALSE(rest.interrupted);
  EXPECT_EQ(rest.documents, 30u);
  EXPECT_EQ(doc_count(), 30u);
  EXPECT_TRUE(problems_.empty());
  EXPECT_FALSE(std::filesystem::exists(dir_ / "db.parts"));
}

// File i's outcome: one story of 64 KiB of text, written as `doc`.
Outcome story_of_64k(int i, const Xapian::Document& doc) {
  Outcome out;
  out.task.file = {"/in/" + std::to_string(i) + ".txt", 1, i};
  Article article;
  article.title = "T";
  article.body = std::string(64 * 1024 - 1, 'a');
  out.extraction.articles.push_back(article);
  out.documents.emplace_back(std::to_string(i), doc);
  return out;
}

// A build part's batches start small and grow with the part; none passes
// options.batch_size articles.
TEST_F(IndexWriterTest, BuildPartBatchesGrowWithThePart) {
  IndexOptions options;
  options.batch_size = 10;
  IndexSummary summary;
  const auto part = dir_ / "part";
  std::vector<std::size_t> batches;  // articles per commit
  {
    DbWriter writer(part, options, summary, WriterRole::kBuildPart);
    Xapian::rev last = Xapian::Database(part.string()).get_revision();
    std::size_t since = 0;
    for (int i = 0; i < 80; ++i) {
      Outcome out = story_of_64k(i, Xapian::Document());
      writer.apply(out);
      ++since;
      Xapian::rev now = Xapian::Database(part.string()).get_revision();
      if (now != last) {
        batches.push_back(since);
        since = 0;
        last = now;
      }
    }
  }
  ASSERT_GE(batches.size(), 4u);
  EXPECT_EQ(batches.front(), kMinPartBatchText / (64 * 1024));  // 256 KiB of text: 4 articles
  EXPECT_TRUE(std::is_sorted(batches.begin(), batches.end()));
  EXPECT_EQ(*std::max_element(batches.begin(), batches.end()), 10u);  // options.batch_size caps them
  EXPECT_EQ(summary.added, 80u);
}

// A placeholder's words are written by the merge: its text does not count
// towards a build part's batch.
TEST_F(IndexWriterTest, BuildPartBatchesCountOnlyStoriesWrittenWhole) {
  IndexOptions options;
  IndexSummary summary;
  const auto part = dir_ / "part";
  std::size_t first_batch = 0;
  {
    DbWriter writer(part, options, summary, WriterRole::kBuildPart);
    const Xapian::rev start = Xapian::Database(part.string()).get_revision();
    for (int i = 0; i < 20 && first_batch == 0; ++i) {
      Xapian::Document doc;
      if (i % 2 == 1) doc.add_boolean_term(std::string(schema::kPlaceholder));  // every other story held back
      Outcome out = story_of_64k(i, doc);
      writer.apply(out);
      if (Xapian::Database(part.string()).get_revision() != start) first_batch = static_cast<std::size_t>(i) + 1;
    }
  }
  // 256 KiB of whole stories: 4 of them, with the 3 placeholders between.
  EXPECT_EQ(first_batch, 2 * (kMinPartBatchText / (64 * 1024)) - 1);
}

// A build part's writer answers from what it wrote (the ids and file states
// of a part it created) instead of looking them up, and writes the states
// at the commit: the same file applied twice still replaces its story, and
// a part it did not create (a resumed build's) is looked up as before.
TEST_F(IndexWriterTest, BuildPartWriterKnowsWhatItWrote) {
  IndexOptions options;
  IndexSummary summary;
  const auto part = dir_ / "part";
  auto outcome = [](const std::string& id, std::int64_t mtime) {
    Outcome out;
    out.task.file = {"/in/a.txt", 1, mtime};
    Article article;
    article.title = "T";
    article.body = "B";
    out.extraction.articles.push_back(article);
    Xapian::Document doc;
    doc.add_boolean_term(schema::make_term(schema::kIdPrefix, id));
    out.documents.emplace_back(id, doc);
    return out;
  };
  auto ids = [&] {
    Xapian::Database db(part.string());
    std::set<std::string> out;
    for (auto t = db.allterms_begin(std::string(schema::kIdPrefix)); t != db.allterms_end(std::string(schema::kIdPrefix)); ++t) {
      out.insert(*t);
    }
    return out;
  };
  {
    DbWriter writer(part, options, summary, WriterRole::kBuildPart);
    Outcome first = outcome("one", 1);
    writer.apply(first);
    Outcome second = outcome("two", 2);  // the same file again, before any commit
    writer.apply(second);
    EXPECT_EQ(Xapian::Database(part.string()).get_metadata(file_state_key("/in/a.txt")), "");  // not yet
    writer.commit();
  }
  EXPECT_EQ(ids(), (std::set<std::string>{schema::make_term(schema::kIdPrefix, "two")}));
  auto state = decode_file_state(Xapian::Database(part.string()).get_metadata(file_state_key("/in/a.txt")));
  ASSERT_TRUE(state);
  EXPECT_EQ(state->ids, std::vector<std::string>{"two"});
  {
    DbWriter writer(part, options, summary, WriterRole::kBuildPart);  // not created by this writer
    Outcome third = outcome("three", 3);
    writer.apply(third);
    writer.commit();
  }
  EXPECT_EQ(ids(), (std::set<std::string>{schema::make_term(schema::kIdPrefix, "three")}));
  EXPECT_EQ(summary.added, 3u);
}

}  // namespace
}  // namespace morgue
