// Collapsed counts find a group's followers through the follower slot, and
// through the follower term of databases written before it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <xapian.h>

#include "morgue/document.h"
#include "morgue/schema.h"
#include "search/match_set.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using testing_support::TempDir;

Xapian::Document story(const std::string& id, const std::string& word) {
  Xapian::Document doc;
  doc.add_term(word);
  doc.add_boolean_term(schema::make_term(schema::kIdPrefix, id));
  doc.add_value(schema::kSlotId, id);
  set_duplicate_group(doc, id);
  return doc;
}

DocSet all_of(const Xapian::Database& db) {
  DocSet all(db.get_lastdocid());
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) all.set(*p);
  return all;
}

TEST(DupGroups, FollowersAreFoundThroughTheirSlot) {
  TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  db.add_document(story("a", "flood"));                 // 1: the head
  Xapian::Document copy = story("b", "flood");
  set_duplicate_group(copy, "a");
  db.add_document(copy);                                // 2: a's follower
  db.add_document(story("c", "fire"));                  // 3: alone
  db.commit();
  EXPECT_EQ(db.get_termfreq(std::string(schema::kDupFollower)), 0u);

  const DocSet all = all_of(db);
  DupGroups groups(db, all);
  EXPECT_EQ(groups.collapsed_count(all), 2u);
  DocSet extra = groups.extra_members(all, db.get_lastdocid());
  EXPECT_EQ(extra.count(), 1u);
  EXPECT_TRUE(extra.contains(2));
}

TEST(DupGroups, RefilingAStoredStoryChangesNoTerm) {
  TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  db.add_document(story("a", "flood"));
  db.add_document(story("b", "flood"));
  db.commit();
  auto terms = [&](Xapian::docid d) {
    std::vector<std::string> out(db.termlist_begin(d), db.termlist_end(d));
    return out;
  };
  const std::vector<std::string> before = terms(2);
  Xapian::Document stored = db.get_document(2);
  set_duplicate_group(stored, "a");
  db.replace_document(2, stored);
  db.commit();
  EXPECT_EQ(terms(2), before);
  EXPECT_EQ(db.get_document(2).get_value(schema::kSlotDupFollower), "a");
  EXPECT_EQ(DupGroups(db, all_of(db)).collapsed_count(all_of(db)), 1u);

  // Made its own group's head again: the slot goes.
  stored = db.get_document(2);
  set_duplicate_group(stored, "b");
  db.replace_document(2, stored);
  db.commit();
  EXPECT_EQ(db.get_document(2).get_value(schema::kSlotDupFollower), "");
  EXPECT_EQ(DupGroups(db, all_of(db)).collapsed_count(all_of(db)), 2u);
}

// A database written before the slot: followers carry the follower term; a
// story since made a head may keep the term, and one refiled since has both.
TEST(DupGroups, FollowerTermsOfOlderDatabasesStillCount) {
  TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  const std::string follower(schema::kDupFollower);
  db.add_document(story("a", "flood"));                 // 1: head
  Xapian::Document old_follower = story("b", "flood");  // 2: follower, term only
  old_follower.add_value(schema::kSlotDupGroup, "a");
  old_follower.add_boolean_term(follower);
  db.add_document(old_follower);
  Xapian::Document old_head = story("c", "fire");       // 3: head with a stale term
  old_head.add_boolean_term(follower);
  db.add_document(old_head);
  Xapian::Document refiled = story("d", "flood");       // 4: term and slot
  set_duplicate_group(refiled, "a");
  refiled.add_boolean_term(follower);
  db.add_document(refiled);
  db.commit();

  const DocSet all = all_of(db);
  DupGroups groups(db, all);
  EXPECT_EQ(groups.collapsed_count(all), 2u);  // {a, b, d} and {c}
  DocSet extra = groups.extra_members(all, db.get_lastdocid());
  EXPECT_EQ(extra.count(), 2u);
  EXPECT_TRUE(extra.contains(2));
  EXPECT_TRUE(extra.contains(4));
}

}  // namespace
}  // namespace morgue
