// Issue 18: the body stored for snippets and --show stops at
// schema::kMaxStoredBodyBytes, while the whole text stays searchable.
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include "morgue/document.h"
#include "morgue/schema.h"

namespace morgue {
namespace {

bool has_term(const Xapian::Document& doc, const std::string& term) {
  auto t = doc.termlist_begin();
  t.skip_to(term);
  return t != doc.termlist_end() && *t == term;
}

TEST(StoredBody, ALongBodyIsStoredUpToTheCapAndIndexedWhole) {
  Article a;
  a.title = "A very long report";
  while (a.body.size() < schema::kMaxStoredBodyBytes + 1000) a.body += "na\xC3\xAFve words fill the page. ";
  a.body += "Zanzibarian closes the story.";
  Xapian::Document doc = make_document(a, "1");
  const std::string stored = doc.get_value(schema::kSlotBody);
  EXPECT_LE(stored.size(), schema::kMaxStoredBodyBytes);
  EXPECT_GT(stored.size(), schema::kMaxStoredBodyBytes - 4);
  EXPECT_EQ(a.body.compare(0, stored.size(), stored), 0);
  EXPECT_NE(static_cast<unsigned char>(stored.back()), 0xC3u) << "no half character at the end";
  EXPECT_TRUE(has_term(doc, "zanzibarian"));
  EXPECT_EQ(article_from_document(doc).body, stored);
}

TEST(StoredBody, AShortBodyIsStoredWhole) {
  Article a;
  a.title = "Short";
  a.body = "Two lines.\n\nThat is all.";
  EXPECT_EQ(make_document(a, "1").get_value(schema::kSlotBody), a.body);
}

}  // namespace
}  // namespace morgue
