// Rewriting a stored story by building it again from its stored article:
// the result must be exactly what Xapian's own way (load the document,
// change it, write it back) gives, term by term, position by position, and
// the rebuild must step aside whenever the stored story cannot give back
// its terms.
#include "store/rewrite.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "morgue/document.h"
#include "morgue/schema.h"
#include "store/canonical_people.h"
#include "support/db_dump.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

Article story(const std::string& source, std::vector<std::string> people) {
  Article a;
  a.source = source;
  a.title = "Harbour budget talks resume after the storm";
  a.body =
      "Ronald Reagan met harbour officials on Monday. The budget, Reagan said, would be settled by June.\n\n"
      "Officials from the port and the town council joined the talks; a storm had delayed them.";
  a.captions = {"The harbour at dawn"};
  a.authors = {"Mara Quill"};
  a.section = "World";
  a.subjects = {"economy"};
  a.url = "https://news.example.org/harbour/" + source;
  a.language = "en";
  a.date = Date{1987, 3, 2};
  a.people = std::move(people);
  return a;
}

// Two copies of one archive: one changed by rewrite_document, one the way
// Xapian's document API does it.
class Twin {
 public:
  explicit Twin(const std::vector<Article>& stories)
      : a_((dir_.path() / "a").string(), Xapian::DB_CREATE), b_((dir_.path() / "b").string(), Xapian::DB_CREATE) {
    for (const auto& s : stories) {
      a_.add_document(make_document(s, article_id(s)));
      b_.add_document(make_document(s, article_id(s)));
    }
    a_.commit();
    b_.commit();
  }
  RewritePath change(Xapian::docid did, const std::function<void(Xapian::Document&)>& f) {
    const RewritePath path = rewrite_document(a_, did, f);
    Xapian::Document doc = b_.get_document(did);
    f(doc);
    b_.replace_document(did, doc);
    a_.commit();
    b_.commit();
    return path;
  }
  Xapian::WritableDatabase& a() { return a_; }
  Xapian::WritableDatabase& b() { return b_; }
  void expect_same() { EXPECT_EQ(testing_support::dump_documents(a_), testing_support::dump_documents(b_)); }

 private:
  testing_support::TempDir dir_;
  Xapian::WritableDatabase a_, b_;
};

TEST(Rewrite, AGroupChangeIsRebuiltAndMatchesXapiansOwnWay) {
  Twin twin({story("one.txt", {"Ronald Reagan"}), story("two.txt", {"Ronald Reagan", "Mara Quill"})});
  EXPECT_EQ(twin.change(2, [](Xapian::Document& d) { set_duplicate_group(d, "0123456789abcdef"); }),
            RewritePath::kRebuilt);
  twin.expect_same();
  // Back into a group of its own: the follower term goes again.
  EXPECT_EQ(twin.change(2, [](Xapian::Document& d) { set_duplicate_group(d, d.get_value(schema::kSlotId)); }),
            RewritePath::kRebuilt);
  twin.expect_same();
}

TEST(Rewrite, RenamesStayRebuildableAndMatchXapiansOwnWay) {
  Twin twin({story("one.txt", {"Reagan"}), story("two.txt", {"Ronald Reagan"})});
  // Canonical words come without positions, some of them ("ronald") also in
  // the body with positions: the rebuild must give the same wdf on top.
  EXPECT_EQ(twin.change(1, [](Xapian::Document& d) { rename_people(d, {"Reagan"}, {"Ronald Reagan"}); }),
            RewritePath::kRebuilt);
  twin.expect_same();
  // A renamed story rebuilds from its found names, keeps the rename's terms.
  EXPECT_EQ(twin.change(1, [](Xapian::Document& d) { set_duplicate_group(d, "0123456789abcdef"); }),
            RewritePath::kRebuilt);
  twin.expect_same();
  EXPECT_EQ(twin.change(1, [](Xapian::Document& d) { rename_people(d, {"Reagan"}, {"Nancy Reagan"}); }),
            RewritePath::kRebuilt);
  twin.expect_same();
}

TEST(Rewrite, AStoryTheStoredArticleCannotGiveBackIsLoaded) {
  Twin twin({story("one.txt", {"Ronald Reagan"}), story("two.txt", {})});
  // A positional term no make_document() gives (an older Morgue, a hand edit).
  auto add_positional = [](Xapian::Document& d) { d.add_posting("zebra", 999); };
  EXPECT_EQ(twin.change(1, add_positional), RewritePath::kRebuilt);  // it has no such term yet
  twin.expect_same();
  EXPECT_EQ(twin.change(1, [](Xapian::Document& d) { d.add_boolean_term("XYtag"); }), RewritePath::kLoaded);
  twin.expect_same();
  // Data that is not a stored article.
  EXPECT_EQ(twin.change(2, [](Xapian::Document& d) { d.set_data("not ours"); }), RewritePath::kRebuilt);
  EXPECT_EQ(twin.change(2, [](Xapian::Document& d) { d.add_value(schema::kSlotSection, "Sport"); }),
            RewritePath::kLoaded);
  twin.expect_same();
}

TEST(Rewrite, AMissingDocumentThrows) {
  Twin twin({story("one.txt", {})});
  EXPECT_THROW(rewrite_document(twin.a(), 7, [](Xapian::Document&) {}), Xapian::DocNotFoundError);
}

}  // namespace
}  // namespace morgue
