// The walk and links: inside the inputs followed, outside reported (issue 18, failure 8).
#include "index/file_walk.h"

#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace morgue {
namespace {

using testing_support::TempDir;
namespace fs = std::filesystem;

struct Walked {
  std::map<std::string, bool> files;  // name relative to the input -> via a link
  std::map<std::string, std::string> problems;
};

Walked walk(const fs::path& root, const WalkOptions& options) {
  Walked w;
  const std::string prefix = root.string() + "/";
  for (const auto& f : walk_inputs({root}, [&](const Problem& p) { w.problems[p.where.substr(prefix.size())] = p.reason; }, options)) {
    w.files[f.path.substr(prefix.size())] = f.via_link;
  }
  return w;
}

class LinksTest : public testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(dir_ / "archive" / "2021");
    fs::create_directories(dir_ / "elsewhere");
    std::ofstream(dir_ / "archive" / "2021" / "story.txt") << "a story";
    std::ofstream(dir_ / "elsewhere" / "secret.txt") << "not news";
    fs::create_symlink("2021/story.txt", dir_ / "archive" / "inside.txt");
    fs::create_symlink(dir_ / "elsewhere" / "secret.txt", dir_ / "archive" / "outside.txt");
    fs::create_symlink("../elsewhere/secret.txt", dir_ / "archive" / "relative-outside.txt");
    fs::create_symlink("/etc/passwd", dir_ / "archive" / "passwd.txt");
  }
  TempDir dir_;
};

TEST_F(LinksTest, LinksOutsideTheInputsAreReportedNotFollowed) {
  Walked w = walk(dir_ / "archive", WalkOptions{});
  EXPECT_EQ(w.files, (std::map<std::string, bool>{{"2021/story.txt", false}, {"inside.txt", true}}));
  ASSERT_EQ(w.problems.size(), 3u);
  EXPECT_EQ(w.problems["passwd.txt"],
            "link to /etc/passwd, outside the folders being indexed; not followed (--follow-outside-links follows it)");
  EXPECT_NE(w.problems["outside.txt"].find("outside the folders being indexed"), std::string::npos);
  EXPECT_NE(w.problems["relative-outside.txt"].find("outside the folders being indexed"), std::string::npos);
}

TEST_F(LinksTest, FollowOutsideLinksFollowsThem) {
  Walked w = walk(dir_ / "archive", WalkOptions{true});
  EXPECT_EQ(w.files.size(), 5u);
  EXPECT_TRUE(w.problems.empty());
}

TEST_F(LinksTest, AnInputReachedThroughALinkIsItsOwnRoot) {
  fs::create_symlink(dir_ / "archive", dir_ / "alias");
  Walked w = walk(dir_ / "alias", WalkOptions{});
  EXPECT_EQ(w.files.size(), 2u);
  EXPECT_EQ(w.problems.size(), 3u);
}

TEST(InsideRoots, Table) {
  const std::vector<std::string> roots = {"/srv/archive", "/data/news"};
  struct Case {
    const char* target;
    bool inside;
  } cases[] = {
      {"/srv/archive", true},          {"/srv/archive/a.txt", true}, {"/srv/archive2/a.txt", false},
      {"/srv/a.txt", false},           {"/etc/passwd", false},       {"/data/news/x/y.txt", true},
  };
  for (const auto& c : cases) EXPECT_EQ(inside_roots(c.target, roots), c.inside) << c.target;
  EXPECT_TRUE(inside_roots("/anything", {"/"}));
}

}  // namespace
}  // namespace morgue
