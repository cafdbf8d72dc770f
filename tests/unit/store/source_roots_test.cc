// The archive's folders (schema::kRootsKey) and sources relative to them.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/file_state.h"

namespace morgue {
namespace {

TEST(SourceRoots, AddedOnceInOrderAndReadBack) {
  std::string stored = add_roots("", {"/srv/news", "/srv/wire"});
  stored = add_roots(stored, {"/srv/wire", "/srv/pages", ""});
  EXPECT_EQ(stored, "/srv/news\n/srv/wire\n/srv/pages\n");
  EXPECT_EQ(decode_roots(stored), (std::vector<std::string>{"/srv/news", "/srv/wire", "/srv/pages"}));
  EXPECT_TRUE(decode_roots("").empty());
}

TEST(SourceRoots, RelativeSourceTable) {
  const std::vector<std::string> roots = {"/srv/news", "/srv/news/2021", "/srv/wire/"};
  struct Case {
    const char* source;
    const char* shown;
  } cases[] = {
      {"/srv/news/politics/budget.txt", "politics/budget.txt"},
      {"/srv/news/2021/fire.html", "fire.html"},         // the longest root that holds it
      {"/srv/wire/ap/0001.xml", "ap/0001.xml"},          // a root given with a trailing slash
      {"/srv/newsroom/memo.txt", "memo.txt"},            // a prefix that is not a folder of it
      {"/etc/passwd", "passwd"},                         // outside every root: the file name only
      {"/srv/news", "news"},                             // the root itself is no story
      {"relative.txt", "relative.txt"},
  };
  for (const auto& c : cases) EXPECT_EQ(relative_source(c.source, roots), c.shown) << c.source;
  EXPECT_EQ(relative_source("/a/b.txt", {"/"}), "a/b.txt");
  EXPECT_EQ(relative_source("/a/b.txt", {}), "b.txt");
}

}  // namespace
}  // namespace morgue
