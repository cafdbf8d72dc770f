// The index side's library boundary: run_index and compact_database let no
// Xapian::Error escape (IndexError instead), database_stats throws
// DatabaseError, and describe_exception words whatever a front end catches.
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include "morgue/admin.h"
#include "morgue/index_writer.h"
#include "morgue/search.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using testing_support::TempDir;

class IndexErrorTest : public testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "in");
    std::ofstream(dir_ / "in" / "a.txt") << "Harbour fire\n\nA fire broke out at the harbour.\n";
  }

  IndexSummary index(const std::filesystem::path& db) {
    IndexOptions options;
    options.db_path = db;
    options.inputs = {dir_ / "in"};
    options.jobs = 1;
    return run_index(options);
  }

  // A folder that claims to be a glass database and is not one (with a
  // table, so that the indexer does not take it for a creation that a kill
  // cut short, which it would redo).
  std::filesystem::path garbage_database() {
    auto db = dir_ / "garbage";
    std::filesystem::create_directories(db);
    std::ofstream(db / "iamglass") << "not a version file";
    std::ofstream(db / "postlist.glass") << "not a table";
    return db;
  }

  // Calls `work`, expecting an IndexError; returns its message.
  template <typename Work>
  static std::string index_error(Work work) {
    try {
      work();
    } catch (const IndexError& e) {
      return e.what();
    } catch (const Xapian::Error& e) {
      ADD_FAILURE() << "Xapian::Error escaped: " << e.get_description();
      return "";
    }
    ADD_FAILURE() << "nothing was thrown";
    return "";
  }

  TempDir dir_;
};

TEST_F(IndexErrorTest, LockedDatabaseIsAnIndexError) {
  index(dir_ / "db");
  Xapian::WritableDatabase holder((dir_ / "db").string(), Xapian::DB_OPEN);
  std::string message = index_error([&] { index(dir_ / "db"); });
  EXPECT_NE(message.find("locked"), std::string::npos) << message;
  message = index_error([&] { compact_database(dir_ / "db"); });
  EXPECT_NE(message.find("locked"), std::string::npos) << message;
}

TEST_F(IndexErrorTest, XapianErrorsLeaveRunIndexAsIndexErrorNamingTheDatabase) {
  auto db = garbage_database();
  std::string message = index_error([&] { index(db); });
  EXPECT_NE(message.find(db.string()), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << "one line: " << message;
}

TEST_F(IndexErrorTest, CompactWithoutADatabaseIsAnIndexError) {
  std::string message = index_error([&] { compact_database(dir_ / "no-such-db"); });
  EXPECT_NE(message.find("no-such-db"), std::string::npos) << message;
  message = index_error([&] { compact_database(garbage_database()); });
  EXPECT_NE(message.find("garbage"), std::string::npos) << message;
}

TEST_F(IndexErrorTest, StatsOfABrokenDatabaseIsADatabaseError) {
  EXPECT_THROW(database_stats(dir_ / "no-such-db"), DatabaseError);
  EXPECT_THROW(database_stats(garbage_database()), DatabaseError);
}

TEST(DescribeException, Table) {
  auto of = [](auto thrown) {
    try {
      throw thrown;
    } catch (...) {
      return describe_exception(std::current_exception());
    }
  };
  EXPECT_EQ(of(IndexError("database x is locked")), "database x is locked");
  EXPECT_EQ(of(std::runtime_error("disk full")), "disk full");
  EXPECT_EQ(of(Xapian::DatabaseCorruptError("bad block")), "DatabaseCorruptError: bad block");
  EXPECT_EQ(of(42), "unexpected error");
  EXPECT_EQ(describe_exception(nullptr), "unexpected error");
}

}  // namespace
}  // namespace morgue
