// Incremental indexing: add, unchanged, update, prune, retry, lock, stop.
#include "morgue/index_writer.h"

#include <fstream>
#include <thread>

#include <gtest/gtest.h>
#include <xapian.h>

#include "morgue/schema.h"
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

  IndexSummary index(bool prune = false) {
    IndexOptions options;
    options.db_path = dir_ / "db";
    options.inputs = {dir_ / "in"};
    options.prune = prune;
    options.jobs = 2;
    options.batch_size = 3;
    options.on_problem = [this](const Problem& p) { problems_.push_back(p); };
    problems_.clear();
    return run_index(options);
  }

  std::size_t doc_count() { return Xapian::Database((dir_ / "db").string()).get_doccount(); }

  TempDir dir_;
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

}  // namespace
}  // namespace morgue
