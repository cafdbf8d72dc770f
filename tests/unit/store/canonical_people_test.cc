// The people identity step on in-memory archives: which stories it
// rewrites, what a rewritten story holds, and that the facet entry, the
// person filter and person: words all reach the same stories.
#include "store/canonical_people.h"

#include <algorithm>
#include <map>

#include <gtest/gtest.h>
#include <xapian.h>

#include "morgue/document.h"
#include "morgue/schema.h"
#include "morgue/search.h"
#include "store/stored_article.h"
#include "support/db_dump.h"
#include "support/temp_dir.h"
#include "util/strings.h"

namespace morgue {
namespace {

Article story(const std::string& source, Date date, std::vector<std::string> people) {
  Article a;
  a.source = source;
  a.title = "Talks on the harbour budget " + source;
  a.body = "Officials met on Monday to discuss the harbour budget, story " + source + ".";
  a.section = "World";
  a.date = date;
  a.people = std::move(people);
  return a;
}

Xapian::WritableDatabase memory_db() { return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY); }

// As the index writers do: a new story drops the step's record.
Xapian::docid add(Xapian::WritableDatabase& db, const Article& a) {
  people_identity_stale(db);
  return db.add_document(make_document(a, article_id(a)));
}

PeopleIdentitySummary canonicalise(Xapian::WritableDatabase& db) {
  std::vector<Xapian::WritableDatabase> dbs{db};
  return canonicalise_people(db, dbs);
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
  auto t = doc.termlist_begin();
  t.skip_to(term);
  return t != doc.termlist_end() && *t == term;
}

std::string person_term(const std::string& lower) { return schema::make_term(schema::kPersonFilter, lower); }

// Stories of one period: "Ronald Reagan" in full twice, "Reagan" alone once.
Xapian::WritableDatabase reagan_archive(Xapian::docid* bare) {
  Xapian::WritableDatabase db = memory_db();
  add(db, story("full1.txt", Date{1987, 3, 2}, {"Ronald Reagan", "Marlin Fitzwater"}));
  add(db, story("full2.txt", Date{1987, 3, 9}, {"Ronald Reagan"}));
  *bare = add(db, story("bare.txt", Date{1987, 3, 20}, {"Reagan", "Marlin Fitzwater"}));
  add(db, story("other.txt", Date{1987, 3, 21}, {"Ines Calder"}));
  return db;
}

TEST(CanonicalPeople, RenamesOnlyTheStoriesThatChange) {
  Xapian::docid bare = 0;
  Xapian::WritableDatabase db = reagan_archive(&bare);
  PeopleIdentitySummary s = canonicalise(db);
  EXPECT_EQ(s.stories, 4u);
  EXPECT_EQ(s.renamed, 1u);
  ASSERT_EQ(s.touched, std::vector<bool>{true});
  EXPECT_EQ(db.get_metadata(std::string(schema::kPeopleIdentityKey)).substr(0, 2),
            std::to_string(kPeopleIdentityVersion) + " ");

  const Xapian::Document doc = db.get_document(bare);
  EXPECT_EQ(doc.get_value(schema::kSlotPeople), "Ronald Reagan\nMarlin Fitzwater");
  EXPECT_EQ(doc.get_value(schema::kSlotPeopleFound), "Reagan\nMarlin Fitzwater");
  EXPECT_EQ(decode_stored_article(doc.get_data()).people, (std::vector<std::string>{"Ronald Reagan", "Marlin Fitzwater"}));
  EXPECT_TRUE(has_term(doc, person_term("ronald reagan")));
  EXPECT_TRUE(has_term(doc, person_term("reagan")));  // the name as found stays searchable
  EXPECT_TRUE(has_term(doc, std::string(schema::kPersonPrefix) + "ronald"));
  EXPECT_EQ(doc.get_value(schema::kSlotBody).find("Officials met"), 0u);

  // Nothing changed: a second run reads nothing, rewrites nothing and needs
  // no commit.
  s = canonicalise(db);
  EXPECT_TRUE(s.skipped);
  EXPECT_EQ(s.stories, 0u);
  EXPECT_EQ(s.renamed, 0u);
  EXPECT_EQ(s.touched, std::vector<bool>{false});
  // A record of an older version, or none, makes it run (and rename nothing
  // new).
  db.set_metadata(std::string(schema::kPeopleIdentityKey), "1 4 3");
  s = canonicalise(db);
  EXPECT_FALSE(s.skipped);
  EXPECT_EQ(s.stories, 4u);
  EXPECT_EQ(s.renamed, 0u);
  EXPECT_EQ(s.touched, std::vector<bool>{true});  // the record only
}

TEST(CanonicalPeople, FacetFilterAndWordsReachTheSameStories) {
  Xapian::docid bare = 0;
  Xapian::WritableDatabase db = reagan_archive(&bare);
  canonicalise(db);
  db.commit();
  Searcher searcher{Xapian::Database(db)};
  auto count = [&](const std::string& query, std::vector<std::string> people) {
    SearchRequest r;
    r.query = query;
    r.filters.people = std::move(people);
    r.limit = 10;
    r.facets = true;
    return searcher.search(r);
  };
  const SearchResponse all = count("section:world", {});
  ASSERT_TRUE(all.facets);
  const auto& people = all.facets->people;
  auto reagan = std::find_if(people.begin(), people.end(), [](const FacetValue& f) { return f.value == "Ronald Reagan"; });
  ASSERT_NE(reagan, people.end());
  EXPECT_EQ(reagan->count, 3u);
  EXPECT_EQ(std::count_if(people.begin(), people.end(), [](const FacetValue& f) { return f.value == "Reagan"; }), 0);
  EXPECT_EQ(count("", {"Ronald Reagan"}).total, 3u);
  EXPECT_EQ(count("person:\"Ronald Reagan\"", {}).total, 3u);
  EXPECT_EQ(count("person:reagan", {}).total, 3u);
  // Hits show the canonical name.
  const SearchResponse hit = count("person:reagan section:world", {"Ronald Reagan"});
  for (const auto& h : hit.hits) {
    EXPECT_NE(std::find(h.article.people.begin(), h.article.people.end(), "Ronald Reagan"), h.article.people.end())
        << h.article.source;
  }
}

TEST(CanonicalPeople, NewStoriesCanChangeAnEarlierChoice) {
  // "Baker" first reads as the only Baker of the period; once the archive
  // holds more stories of another Baker named with the same people, the
  // earlier story is renamed again and loses the first name's terms.
  Xapian::WritableDatabase db = memory_db();
  add(db, story("j1.txt", Date{1987, 3, 2}, {"James Baker", "Gerhard Stoltenberg"}));
  const Xapian::docid bare = add(db, story("bare.txt", Date{1987, 3, 5}, {"Baker", "John Tower"}));
  canonicalise(db);
  EXPECT_EQ(db.get_document(bare).get_value(schema::kSlotPeople), "James Baker\nJohn Tower");

  for (int i = 0; i < 3; ++i) {
    add(db, story("h" + std::to_string(i) + ".txt", Date{1987, 3, 10 + i}, {"Howard Baker", "John Tower"}));
  }
  PeopleIdentitySummary s = canonicalise(db);
  EXPECT_EQ(s.renamed, 1u);
  const Xapian::Document doc = db.get_document(bare);
  EXPECT_EQ(doc.get_value(schema::kSlotPeople), "Howard Baker\nJohn Tower");
  EXPECT_EQ(doc.get_value(schema::kSlotPeopleFound), "Baker\nJohn Tower");
  EXPECT_FALSE(has_term(doc, person_term("james baker")));
  EXPECT_FALSE(has_term(doc, std::string(schema::kPersonPrefix) + "james"));
  EXPECT_TRUE(has_term(doc, person_term("howard baker")));
  EXPECT_TRUE(has_term(doc, person_term("baker")));
  EXPECT_FALSE(has_term(doc, schema::make_term(schema::kPersonNameKey, "james baker")));
  EXPECT_TRUE(has_term(doc, schema::make_term(schema::kPersonNameKey, "howard baker")));
  EXPECT_FALSE(has_term(doc, schema::make_term(schema::kPersonNameKey, "john tower")));  // found: its words have positions
}

TEST(CanonicalPeople, ShardsLearnFromEachOther) {
  // The full name is in one shard, the bare one in another.
  Xapian::WritableDatabase a = memory_db(), b = memory_db();
  add(a, story("full.txt", Date{1987, 3, 2}, {"Nigel Lawson"}));
  const Xapian::docid bare = add(b, story("bare.txt", Date{1987, 3, 3}, {"Lawson"}));
  Xapian::Database all;
  all.add_database(a);
  all.add_database(b);
  std::vector<Xapian::WritableDatabase> dbs{a, b};
  PeopleIdentitySummary s = canonicalise_people(all, dbs);
  EXPECT_EQ(s.renamed, 1u);
  EXPECT_EQ(s.touched, (std::vector<bool>{true, true}));  // the metadata record in each
  EXPECT_EQ(b.get_document(bare).get_value(schema::kSlotPeople), "Nigel Lawson");
  EXPECT_TRUE(canonicalise_people(all, dbs).skipped);
  // A story new in one shard is enough for the step to run again.
  const Xapian::docid later = add(a, story("later.txt", Date{1987, 3, 4}, {"Lawson"}));
  s = canonicalise_people(all, dbs);
  EXPECT_FALSE(s.skipped);
  EXPECT_EQ(s.renamed, 1u);
  EXPECT_EQ(a.get_document(later).get_value(schema::kSlotPeople), "Nigel Lawson");
}

TEST(CanonicalPeople, FlashGetsThePersonItsHeadlineNames) {
  Xapian::WritableDatabase db = memory_db();
  for (int i = 0; i < 3; ++i) {
    Article a = story("full" + std::to_string(i) + ".txt", Date{1987, 3, 2 + i}, {"Oskar Lindqvist"});
    a.title = "Lindqvist plans harbour budget";
    add(db, a);
  }
  Article flash = story("flash.txt", Date{1987, 3, 9}, {});
  flash.title = "MINISTER LINDQVIST RESIGNS";
  flash.body.clear();
  const Xapian::docid d = add(db, flash);
  Article longer = flash;  // a story with a body is the extractor's to read
  longer.source = "body.txt";
  longer.body = "The minister resigned.";
  const Xapian::docid with_body = add(db, longer);

  PeopleIdentitySummary s = canonicalise(db);
  EXPECT_EQ(s.renamed, 1u);
  EXPECT_EQ(s.stories, 3u);
  Xapian::Document doc = db.get_document(d);
  EXPECT_EQ(doc.get_value(schema::kSlotPeople), "Oskar Lindqvist");
  EXPECT_EQ(doc.get_value(schema::kSlotPeopleFound), "\n");
  EXPECT_TRUE(has_term(doc, person_term("oskar lindqvist")));
  EXPECT_TRUE(db.get_document(with_body).get_value(schema::kSlotPeople).empty());
  // Found again on the next run (one that some other change makes run), and
  // not counted as a story with people of its own (that would change the
  // shares the choices weigh).
  people_identity_stale(db);
  s = canonicalise(db);
  EXPECT_EQ(s.renamed, 0u);
  EXPECT_EQ(s.stories, 3u);
}

TEST(CanonicalPeople, FlashHeadlineNamingACompanyGetsNoOne) {
  // "Lindqvist" in headlines is mostly the minister, but the archive's
  // headlines with "Lindqvist Shipping" name no Lindqvist: a flash about the
  // company is left alone, one about the minister is not.
  Xapian::WritableDatabase db = memory_db();
  for (int i = 0; i < 4; ++i) {
    Article a = story("m" + std::to_string(i) + ".txt", Date{1987, 3, 2 + i}, {"Oskar Lindqvist"});
    a.title = "Lindqvist defends harbour budget";
    add(db, a);
  }
  for (int i = 0; i < 3; ++i) {
    Article a = story("c" + std::to_string(i) + ".txt", Date{1987, 3, 2 + i}, {"Ines Calder"});
    a.title = "Lindqvist Shipping profit rises";
    add(db, a);
  }
  Article company = story("cflash.txt", Date{1987, 3, 9}, {});
  company.title = "LINDQVIST SHIPPING CUTS DIVIDEND";
  company.body.clear();
  const Xapian::docid c = add(db, company);
  Article minister = company;
  minister.source = "mflash.txt";
  minister.title = "MINISTER LINDQVIST RESIGNS";
  const Xapian::docid m = add(db, minister);
  canonicalise(db);
  EXPECT_TRUE(db.get_document(c).get_value(schema::kSlotPeople).empty());
  EXPECT_EQ(db.get_document(m).get_value(schema::kSlotPeople), "Oskar Lindqvist");
}

TEST(CanonicalPeople, RenameKeepsOldBodiesInData) {
  // The oldest databases kept the body in the document data: renaming moves
  // it to the body slot instead of losing it.
  Article a = story("old.txt", Date{1987, 3, 2}, {"Lawson"});
  Xapian::Document doc = make_document(a, "old");
  doc.remove_value(schema::kSlotBody);
  doc.set_data(R"({"source":"old.txt","title":"t","body":"Old body text.","people":["Lawson"]})");
  rename_people(doc, {"Lawson"}, {"Nigel Lawson"});
  EXPECT_EQ(doc.get_value(schema::kSlotBody), "Old body text.");
  EXPECT_EQ(decode_stored_article(doc.get_data()).people, std::vector<std::string>{"Nigel Lawson"});
}

std::vector<Xapian::termpos> positions(const Xapian::Database& db, Xapian::docid d, const std::string& term) {
  return {db.positionlist_begin(d, term), db.positionlist_end(d, term)};
}

TEST(CanonicalPeople, RenameKeepsEveryPositionAndAddsTheNameWithout) {
  // On disk (glass), where Xapian writes position lists back only when told
  // they changed.
  testing_support::TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  add(db, story("full1.txt", Date{1987, 3, 2}, {"Ronald Reagan"}));
  add(db, story("full2.txt", Date{1987, 3, 9}, {"Ronald Reagan"}));
  const Xapian::docid bare = add(db, story("bare.txt", Date{1987, 3, 20}, {"Reagan", "Marlin Fitzwater"}));
  db.commit();
  std::map<std::string, std::vector<Xapian::termpos>> before;
  for (auto t = db.termlist_begin(bare); t != db.termlist_end(bare); ++t) before[*t] = positions(db, bare, *t);
  ASSERT_FALSE(before.at(std::string(schema::kPersonPrefix) + "reagan").empty());

  EXPECT_EQ(canonicalise(db).renamed, 1u);
  db.commit();
  for (const auto& [term, list] : before) EXPECT_EQ(positions(db, bare, term), list) << term;
  const std::string ronald = std::string(schema::kPersonPrefix) + "ronald";
  EXPECT_TRUE(has_term(db.get_document(bare), ronald));
  EXPECT_TRUE(positions(db, bare, ronald).empty());
  EXPECT_TRUE(has_term(db.get_document(bare), person_term("ronald reagan")));
  EXPECT_TRUE(has_term(db.get_document(bare), schema::make_term(schema::kPersonNameKey, "ronald reagan")));
  // The phrase finds the story by the name's key.
  Searcher searcher{Xapian::Database((dir / "db").string())};
  SearchRequest r;
  r.query = "person:\"Ronald Reagan\"";
  r.limit = 10;
  EXPECT_EQ(searcher.search(r).total, 3u);
}

TEST(CanonicalPeople, RenamedAgainDropsTheOldNamesWordsAndTheirPositions) {
  // A story renamed by an earlier version of the step holds its canonical
  // name's words with positions: renamed again, those words go, and so do
  // their position lists (Xapian drops them only if the document's
  // "positions modified" flag is set when it is written back: no stale
  // positions for a term the story no longer has).
  testing_support::TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  Xapian::Document doc = make_document(story("bare.txt", Date{1987, 3, 5}, {"Baker", "John Tower"}), "bare");
  Xapian::TermGenerator tg;
  tg.set_document(doc);
  tg.set_termpos(500);
  tg.index_text("James", 1, std::string(schema::kPersonPrefix));  // the old step's positional word
  doc.add_boolean_term(person_term("james baker"));
  doc.add_value(schema::kSlotPeopleFound, "Baker\nJohn Tower");
  doc.add_value(schema::kSlotPeople, "James Baker\nJohn Tower");
  const Xapian::docid d = db.add_document(doc);
  db.commit();
  const std::string james = std::string(schema::kPersonPrefix) + "james";
  ASSERT_FALSE(positions(db, d, james).empty());

  Xapian::Document renamed = db.get_document(d);
  rename_people(renamed, {"Baker", "John Tower"}, {"Howard Baker", "John Tower"});
  db.replace_document(d, renamed);
  db.commit();
  const Xapian::Document now = db.get_document(d);
  EXPECT_FALSE(has_term(now, james));
  EXPECT_FALSE(has_term(now, person_term("james baker")));
  EXPECT_TRUE(positions(db, d, james).empty());
  EXPECT_TRUE(has_term(now, person_term("howard baker")));
  EXPECT_TRUE(has_term(now, std::string(schema::kPersonPrefix) + "howard"));
  EXPECT_FALSE(positions(db, d, std::string(schema::kPersonPrefix) + "tower").empty());
}

TEST(CanonicalPeople, RenameFromTheStoredStoryGivesWhatRenamingTheDocumentGives) {
  // The step writes a renamed story's terms again from its stored article
  // (reading no position list), or, for a story longer than the stored
  // body, changes the stored document's terms: either way the story ends
  // as renaming the whole document in memory would leave it.
  testing_support::TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  Xapian::WritableDatabase expected((dir / "expected").string(), Xapian::DB_CREATE);
  Article longer = story("long.txt", Date{1987, 3, 22}, {"Fitzwater"});
  longer.body.append(schema::kMaxStoredBodyBytes, 'a');
  const std::vector<Article> stories = {
      story("full1.txt", Date{1987, 3, 2}, {"Ronald Reagan", "Marlin Fitzwater"}),
      story("full2.txt", Date{1987, 3, 9}, {"Ronald Reagan"}),
      story("bare.txt", Date{1987, 3, 20}, {"Reagan", "Marlin Fitzwater"}),
      longer,
  };
  for (const auto& a : stories) add(db, a);
  EXPECT_EQ(canonicalise(db).renamed, 2u);
  db.commit();
  for (const auto& a : stories) {
    Xapian::Document doc = make_document(a, article_id(a));
    const Xapian::docid d = expected.get_lastdocid() + 1;
    const std::string now = db.get_document(d).get_value(schema::kSlotPeople);
    if (now != util::join(a.people, "\n")) {
      rename_people(doc, a.people, util::split(now, '\n'));
    }
    expected.add_document(doc);
  }
  expected.commit();
  EXPECT_EQ(db.get_document(3).get_value(schema::kSlotPeople), "Ronald Reagan\nMarlin Fitzwater");
  EXPECT_EQ(db.get_document(4).get_value(schema::kSlotPeople), "Marlin Fitzwater");
  EXPECT_EQ(testing_support::dump_documents(db), testing_support::dump_documents(expected));
}

TEST(CanonicalPeople, RenameWithTheSameTermsLeavesTheTermsUnread) {
  // Xapian 1.4 loads every term and position of a document on its first
  // term change (its description then counts the terms): a rename that
  // changes only the order of the names must not change any term.
  Xapian::WritableDatabase db = memory_db();
  const Xapian::docid d = add(db, story("pair.txt", Date{1987, 3, 2}, {"Ronald Reagan", "Nancy Reagan"}));
  Xapian::Document same = db.get_document(d);
  rename_people(same, {"Ronald Reagan", "Nancy Reagan"}, {"Nancy Reagan", "Ronald Reagan"});
  EXPECT_EQ(same.get_description().find("terms["), std::string::npos) << same.get_description();
  EXPECT_EQ(same.get_value(schema::kSlotPeople), "Nancy Reagan\nRonald Reagan");
  Xapian::Document other = db.get_document(d);
  rename_people(other, {"Ronald Reagan", "Nancy Reagan"}, {"Ronald Wilson Reagan", "Nancy Reagan"});
  EXPECT_NE(other.get_description().find("terms["), std::string::npos) << other.get_description();
}

}  // namespace
}  // namespace morgue

namespace morgue {
namespace {

// The archive-wide view of thing use (store/thing_names.h): "Zorvex" is read
// as a thing's name in three stories where the extractor dropped it; a
// story that keeps it with no person's reading of its own loses it, and so
// does a bare "Zorvex" that would else join "Vote Zorvex"; a story that
// reads it as a person's keeps it.
TEST(CanonicalPeople, LeavesOutNamesTheArchiveReadsAsThings) {
  Xapian::WritableDatabase db = memory_db();
  for (int i = 0; i < 3; ++i) {
    Article a = story("thing" + std::to_string(i) + ".txt", Date{2005, 2, 1 + i}, {"Ines Calder"});
    a.people_cues = "0 2 - Zorvex\n1 0 g Ines Calder\n";
    add(db, a);
  }
  Article plain = story("plain.txt", Date{2005, 2, 10}, {"Zorvex", "Ines Calder"});
  plain.people_cues = "0 0 - Zorvex\n0 0 g Ines Calder\n";
  const Xapian::docid plain_id = add(db, plain);
  Article vote = story("vote.txt", Date{2005, 2, 11}, {"Vote Zorvex"});
  vote.people_cues = "0 0 - Vote Zorvex\n";
  const Xapian::docid vote_id = add(db, vote);
  Article said = story("said.txt", Date{2005, 2, 12}, {"Zorvex"});
  said.people_cues = "1 0 - Zorvex\n";
  const Xapian::docid said_id = add(db, said);

  canonicalise(db);
  EXPECT_EQ(db.get_document(plain_id).get_value(schema::kSlotPeople), "Ines Calder");
  EXPECT_EQ(db.get_document(plain_id).get_value(schema::kSlotPeopleFound), "Zorvex\nInes Calder");
  EXPECT_EQ(db.get_document(vote_id).get_value(schema::kSlotPeople), "");
  EXPECT_EQ(db.get_document(said_id).get_value(schema::kSlotPeople), "Zorvex");
  EXPECT_EQ(db.get_document(plain_id).get_value(schema::kSlotPeopleCues), plain.people_cues);

  // The archive grows and now reads "Zorvex" mostly as a person's name: the
  // stories that lost it get it back, the one that lost all its people too.
  for (int i = 0; i < 8; ++i) {
    Article more = story("more" + std::to_string(i) + ".txt", Date{2005, 3, 1 + i}, {"Zorvex"});
    more.people_cues = "1 0 - Zorvex\n";
    add(db, more);
  }
  canonicalise(db);
  // (A bare "Zorvex" then joins the one full name ending in it.)
  EXPECT_EQ(db.get_document(plain_id).get_value(schema::kSlotPeople), "Vote Zorvex\nInes Calder");
  EXPECT_EQ(db.get_document(vote_id).get_value(schema::kSlotPeople), "Vote Zorvex");
}

}  // namespace
}  // namespace morgue
