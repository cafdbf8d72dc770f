// Placeholders of a first build: which stories are held back, what a
// placeholder holds, and that filling it gives exactly the document the
// build would have written and then renamed and refiled.
#include "store/placeholders.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "morgue/document.h"
#include "morgue/schema.h"
#include "store/canonical_people.h"
#include "store/duplicates.h"
#include "support/db_dump.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

Article story(const std::string& source, Date date, std::vector<std::string> people, const std::string& body) {
  Article a;
  a.source = source;
  a.title = "Harbour budget talks " + source;
  a.body = body;
  a.captions = {"The harbour at dawn"};
  a.authors = {"Mara Quill"};
  a.section = "World";
  a.language = "en";
  a.date = date;
  a.people = std::move(people);
  return a;
}

const std::string kBody =
    "Ronald Reagan met harbour officials on Monday to settle the budget of the port for the coming year, "
    "and the council said the work on the quays would begin before the summer storms. Reagan said the "
    "money was there.\n\nOfficials from the port and the town council joined the talks on the quays.";

// Writes `stories` whole into `whole`, and into `held` with placeholders
// for the stories a first build holds back.
void write_both(Xapian::WritableDatabase& whole, Xapian::WritableDatabase& held, const std::vector<Article>& stories) {
  for (const auto& a : stories) {
    whole.add_document(make_document(a, article_id(a)));
    held.add_document(worth_holding_back(a) ? make_placeholder_document(a, article_id(a)) : make_document(a, article_id(a)));
  }
}

// Stories of a first build: two the step renames ("Reagan", "Fitzwater"),
// one it cannot ("Ines"), and a copy the groups file with its original.
std::vector<Article> renamed_stories() {
  return {
      story("full1.txt", Date{1987, 3, 2}, {"Ronald Reagan", "Marlin Fitzwater"}, kBody),
      story("full2.txt", Date{1987, 3, 9}, {"Ronald Reagan"}, "Ronald Reagan spoke on the budget again."),
      story("bare.txt", Date{1987, 3, 20}, {"Reagan", "Marlin Fitzwater"}, kBody),  // a copy: grouped
      story("other.txt", Date{1987, 3, 21}, {"Ines"}, "Ines Calder opened the quays on Friday."),
      story("bare2.txt", Date{1987, 3, 22}, {"Fitzwater"}, "Fitzwater said the harbour would wait."),
  };
}

// The people step and the groups over `whole`, as a nightly run does them.
void settle_whole(Xapian::WritableDatabase& whole) {
  std::vector<Xapian::WritableDatabase> dbs{whole};
  canonicalise_people(whole, dbs);
  group_duplicates(whole);
  whole.commit();
}

TEST(Placeholders, StoriesNamingSomeoneByOneWordAreHeldBack) {
  struct Case {
    std::vector<std::string> people;
    bool held;
  };
  const std::vector<Case> cases = {
      {{}, false},
      {{"Ronald Reagan"}, false},
      {{"Ronald Reagan", "Marlin Fitzwater"}, false},
      {{"Reagan"}, true},
      {{"Ronald Reagan", "Kofi"}, true},
      // An initial and a surname, as in line-ups: the step expands it.
      {{"Ronald Reagan", "J Robinson"}, true},
      {{"J. Robinson"}, true},
      {{"Jo Robinson"}, false},
      {{"John J Robinson"}, false},
  };
  for (const auto& c : cases) {
    Article a;
    a.people = c.people;
    a.body = "Reagan spoke.";
    EXPECT_EQ(worth_holding_back(a), c.held) << testing::PrintToString(c.people);
    // A body longer than the stored one could not be filled from it.
    a.body.assign(schema::kMaxStoredBodyBytes + 1, 'a');
    EXPECT_FALSE(worth_holding_back(a)) << testing::PrintToString(c.people);
  }
}

TEST(Placeholders, APlaceholderHasTheFieldsButNotTheWords) {
  const Article a = story("one.txt", Date{1987, 3, 2}, {"Reagan"}, kBody);
  const Xapian::Document p = make_placeholder_document(a, article_id(a));
  auto has = [&](const std::string& term) {
    auto t = p.termlist_begin();
    t.skip_to(term);
    return t != p.termlist_end() && *t == term;
  };
  EXPECT_TRUE(has(std::string(schema::kPlaceholder)));
  EXPECT_TRUE(has(schema::make_term(schema::kIdPrefix, article_id(a))));
  EXPECT_TRUE(has(schema::make_term(schema::kPersonFilter, "reagan")));
  EXPECT_TRUE(has(std::string(schema::kTitlePrefix) + "harbour"));
  EXPECT_FALSE(has("quays"));
  EXPECT_FALSE(has("harbour"));
  EXPECT_EQ(p.get_value(schema::kSlotBody), kBody);
  EXPECT_EQ(p.get_value(schema::kSlotPeople), "Reagan");
  EXPECT_FALSE(p.get_value(schema::kSlotFingerprint).empty());
  EXPECT_TRUE(is_placeholder(p));
  EXPECT_FALSE(is_placeholder(make_document(a, article_id(a))));
}

// Two copies of an archive: one written whole, one with placeholders for
// the stories naming someone by one word; both renamed and grouped, then
// the placeholders filled. They must end the same, term for term.
TEST(Placeholders, FillingGivesWhatTheWholeStoryWouldHaveBecome) {
  testing_support::TempDir dir;
  Xapian::WritableDatabase whole((dir / "whole").string(), Xapian::DB_CREATE);
  Xapian::WritableDatabase held((dir / "held").string(), Xapian::DB_CREATE);
  const std::vector<Article> stories = {
      story("full1.txt", Date{1987, 3, 2}, {"Ronald Reagan", "Marlin Fitzwater"}, kBody),
      story("full2.txt", Date{1987, 3, 9}, {"Ronald Reagan"}, "Ronald Reagan spoke on the budget again."),
      story("bare.txt", Date{1987, 3, 20}, {"Reagan", "Marlin Fitzwater"}, kBody),  // a copy: grouped
      story("other.txt", Date{1987, 3, 21}, {"Ines"}, "Ines Calder opened the quays on Friday."),
  };
  write_both(whole, held, stories);
  for (auto* db : {&whole, &held}) {
    std::vector<Xapian::WritableDatabase> dbs{*db};
    canonicalise_people(*db, dbs);
    group_duplicates(*db);
    db->commit();
  }
  // The step (without held renames) writes the placeholder it renames whole,
  // from its stored article; the fill writes the other.
  EXPECT_EQ(held.get_termfreq(std::string(schema::kPlaceholder)), 1u);
  EXPECT_FALSE(is_placeholder(held.get_document(3)));
  EXPECT_EQ(held.get_document(3).get_value(schema::kSlotPeople), "Ronald Reagan\nMarlin Fitzwater");
  EXPECT_EQ(fill_placeholders(held), 1u);
  held.commit();
  EXPECT_EQ(held.get_termfreq(std::string(schema::kPlaceholder)), 0u);
  EXPECT_EQ(testing_support::dump_documents(held), testing_support::dump_documents(whole));
  EXPECT_EQ(fill_placeholders(held), 0u);  // nothing left: a rerun does nothing
}

// A first build's parts: the step leaves the placeholders it renames to
// the fill, which writes each once. The result is the same, term for term,
// and the step is recorded only once the placeholders are filled (a kill
// before that must do the step again).
TEST(Placeholders, RenamesLeftToTheFillGiveWhatTheStepWouldHaveWritten) {
  testing_support::TempDir dir;
  Xapian::WritableDatabase whole((dir / "whole").string(), Xapian::DB_CREATE);
  Xapian::WritableDatabase held((dir / "held").string(), Xapian::DB_CREATE);
  write_both(whole, held, renamed_stories());
  settle_whole(whole);
  std::vector<Xapian::WritableDatabase> parts{held};
  std::vector<HeldRenames> renames;
  const PeopleIdentitySummary s = canonicalise_people(held, parts, renames);
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(renames[0].size(), 2u);  // bare.txt and bare2.txt; "Ines" stays
  EXPECT_EQ(s.renamed, 2u);
  // The placeholders are not rewritten by the step.
  EXPECT_EQ(held.get_document(3).get_value(schema::kSlotPeople), "Reagan\nMarlin Fitzwater");
  group_duplicates(parts);
  held.commit();
  EXPECT_FALSE(people_identity_current(Xapian::Database((dir / "held").string())));
  EXPECT_EQ(fill_placeholders(parts, renames, [&](Xapian::WritableDatabase& part) { record_people_identity(part, s); }),
            3u);
  EXPECT_TRUE(people_identity_current(Xapian::Database((dir / "held").string())));
  EXPECT_EQ(held.get_termfreq(std::string(schema::kPlaceholder)), 0u);
  EXPECT_EQ(testing_support::dump_documents(held), testing_support::dump_documents(whole));
}

// The words of the placeholders made before the step (on another core in a
// build): the fill gives the same documents, term for term, whether the
// step renamed them or not.
TEST(Placeholders, WordsPreparedBeforeTheStepGiveTheSameDocuments) {
  testing_support::TempDir dir;
  Xapian::WritableDatabase whole((dir / "whole").string(), Xapian::DB_CREATE);
  Xapian::WritableDatabase held((dir / "held").string(), Xapian::DB_CREATE);
  write_both(whole, held, renamed_stories());
  held.commit();
  settle_whole(whole);
  PreparedWords prepared = prepare_placeholder_words({(dir / "held").string()}, [] { return false; });
  ASSERT_EQ(prepared.size(), 1u);
  EXPECT_EQ(prepared[0].size(), 3u);  // bare.txt, other.txt, bare2.txt
  std::vector<Xapian::WritableDatabase> parts{held};
  std::vector<HeldRenames> renames;
  canonicalise_people(held, parts, renames);
  group_duplicates(parts);
  EXPECT_EQ(fill_placeholders(parts, renames, {}, &prepared), 3u);
  EXPECT_TRUE(prepared[0].empty());  // every prepared story was used
  EXPECT_EQ(testing_support::dump_documents(held), testing_support::dump_documents(whole));
}

// Words made from another story than the one a placeholder now stores (a
// changed part) are made again; a preparation told to stop makes none.
TEST(Placeholders, PreparedWordsOfAnotherStoryAreNotUsed) {
  testing_support::TempDir dir;
  Xapian::WritableDatabase whole((dir / "whole").string(), Xapian::DB_CREATE);
  Xapian::WritableDatabase held((dir / "held").string(), Xapian::DB_CREATE);
  Xapian::WritableDatabase stale((dir / "stale").string(), Xapian::DB_CREATE);
  const std::vector<Article> stories = {
      story("bare.txt", Date{1987, 3, 20}, {"Reagan"}, "Reagan said the quays would open."),
      story("other.txt", Date{1987, 3, 21}, {"Ines"}, "Ines Calder opened the quays on Friday."),
  };
  write_both(whole, held, stories);
  std::vector<Article> changed = stories;
  changed[0].body = "Reagan said the quays would close for the winter.";
  for (const auto& a : changed) stale.add_document(make_placeholder_document(a, article_id(a)));
  stale.commit();
  EXPECT_TRUE(prepare_placeholder_words({(dir / "stale").string()}, [] { return true; })[0].empty());
  PreparedWords prepared = prepare_placeholder_words({(dir / "stale").string()}, [] { return false; });
  ASSERT_EQ(prepared[0].size(), 2u);
  std::vector<Xapian::WritableDatabase> parts{held};
  EXPECT_EQ(fill_placeholders(parts, {}, {}, &prepared), 2u);
  EXPECT_EQ(testing_support::dump_documents(held), testing_support::dump_documents(whole));
}

}  // namespace
}  // namespace morgue
