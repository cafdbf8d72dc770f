// The archive-wide view of thing use: ThingNames on small archives of cue
// values written for these tests (store/thing_names.h).
#include "store/thing_names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "morgue/schema.h"

namespace morgue {
namespace {

using Names = std::vector<std::string>;

TEST(ThingNames, ParseCues) {
  struct Case {
    const char* value;
    std::size_t count;
    const char* first_name;
    int person, thing;
    bool given;
    bool royal = false;
  } cases[] = {
      {"1 0 g Jane Roe\n", 1, "Jane Roe", 1, 0, true},
      {"1 0 -r Osric\n", 1, "Osric", 1, 0, false, true},  // after a sovereign's title
      {"2 0 gr Anna\n", 1, "Anna", 2, 0, true, true},
      {"1 0 rg Anna\n", 0, "", 0, 0, false},
      {"0 3 - Zorvex\n2 0 g Jane Roe\n", 2, "Zorvex", 0, 3, false},
      {"0 3 - Zorvex", 1, "Zorvex", 0, 3, false},  // no final newline
      {"x 3 - Zorvex\n1 1 g Jane Roe\n", 1, "Jane Roe", 1, 1, true},  // a bad count
      {"1 1 q Zorvex\n", 0, "", 0, 0, false},  // a bad flag
      {"1 1 g \n", 0, "", 0, 0, false},  // no name
      {"-1 0 g Zorvex\n", 0, "", 0, 0, false},
      {"", 0, "", 0, 0, false},
  };
  for (const Case& c : cases) {
    const auto cues = parse_name_cues(c.value);
    ASSERT_EQ(cues.size(), c.count) << c.value;
    if (c.count == 0) continue;
    EXPECT_EQ(cues[0].name, c.first_name) << c.value;
    EXPECT_EQ(cues[0].person, c.person) << c.value;
    EXPECT_EQ(cues[0].thing, c.thing) << c.value;
    EXPECT_EQ(cues[0].given, c.given) << c.value;
    EXPECT_EQ(cues[0].royal, c.royal) << c.value;
  }
}

ThingNames learn(const std::vector<std::pair<const char*, int>>& stories) {
  ThingNames things;
  for (const auto& [value, times] : stories) {
    for (int i = 0; i < times; ++i) things.count(value);
  }
  things.decide();
  return things;
}

TEST(ThingNames, Decide) {
  struct Case {
    const char* what;
    std::vector<std::pair<const char*, int>> stories;
    bool thing;  // is "Zorvex" (or "Karl Zorvex") a thing?
  } cases[] = {
      {"three stories read it as a thing's", {{"0 1 - Zorvex\n", 3}}, true},
      {"two are not enough", {{"0 1 - Zorvex\n", 2}}, false},
      {"stories that only name it do not count against", {{"0 1 - Zorvex\n", 3}, {"0 0 - Zorvex\n", 20}}, true},
      {"twice as many thing readings as person readings", {{"0 2 - Zorvex\n", 4}, {"1 0 - Zorvex\n", 2}}, true},
      {"fewer is a person", {{"0 2 - Zorvex\n", 4}, {"1 0 - Zorvex\n", 3}}, false},
      {"a story with both readings is a person's", {{"1 3 - Zorvex\n", 5}}, false},
      {"a given name: more than half its stories", {{"0 1 g Karl Zorvex\n", 4}, {"0 0 g Karl Zorvex\n", 3}}, true},
      {"half is not enough", {{"0 1 g Karl Zorvex\n", 4}, {"0 0 g Karl Zorvex\n", 4}}, false},
      {"a lone word that is a given name is any lone word", {{"0 1 g Zorvex\n", 3}, {"0 0 g Zorvex\n", 9}}, true},
      {"letter case aside", {{"0 1 - Zorvex\n", 2}, {"0 1 - ZORVEX\n", 1}}, true},
  };
  for (const Case& c : cases) {
    const ThingNames things = learn(c.stories);
    const bool thing = things.is_thing("Zorvex") || things.is_thing("Karl Zorvex");
    EXPECT_EQ(thing, c.thing) << c.what;
    EXPECT_EQ(things.size(), c.thing ? 1u : 0u) << c.what;
  }
}

TEST(ThingNames, PeopleOfAStory) {
  // "Zorvex" is a thing across this archive, "Jane Roe" a person.
  const ThingNames things = learn({{"0 2 - Zorvex\n1 0 g Jane Roe\n", 5}});
  struct Case {
    const char* what;
    Names names;
    const char* cues;
    Names expected;
  } cases[] = {
      {"a thing with no cue of its own", {"Jane Roe", "Zorvex"}, "", {"Jane Roe"}},
      {"a thing the story reads as a person's stays", {"Zorvex"}, "1 0 - Zorvex\n", {"Zorvex"}},
      {"a thing's reading in the story changes nothing", {"Zorvex"}, "0 0 - Zorvex\n", {}},
      {"letter case aside", {"ZORVEX"}, "", {}},
      {"two words, no given name, ending in a thing", {"Vote Zorvex"}, "0 0 - Vote Zorvex\n", {}},
      {"unless read as a person's", {"Vote Zorvex"}, "1 0 - Vote Zorvex\n", {"Vote Zorvex"}},
      {"a given name before it is a person's", {"Karl Zorvex"}, "0 0 g Karl Zorvex\n", {"Karl Zorvex"}},
      {"no record: nothing known of the first word", {"Karl Zorvex"}, "", {"Karl Zorvex"}},
      {"a thing as a first word is no matter", {"Zorvex Roe"}, "0 0 - Zorvex Roe\n", {"Zorvex Roe"}},
  };
  for (const Case& c : cases) EXPECT_EQ(things.people_of(c.names, c.cues), c.expected) << c.what;
}

TEST(ThingNames, NothingLearnt) {
  const ThingNames things;
  EXPECT_FALSE(things.is_thing("Zorvex"));
  EXPECT_EQ(things.people_of({"Zorvex"}, "0 9 - Zorvex\n"), Names{"Zorvex"});
}

TEST(ThingNames, ReadsTheValueSlot) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 3; ++i) {
    Xapian::Document doc;
    doc.add_value(schema::kSlotPeopleCues, "0 1 - Zorvex\n1 0 g Jane Roe\n");
    db.add_document(doc);
  }
  db.add_document(Xapian::Document());  // a story with no cues
  const ThingNames things = ThingNames::read(db);
  EXPECT_TRUE(things.is_thing("Zorvex"));
  EXPECT_FALSE(things.is_thing("Jane Roe"));
}

}  // namespace
}  // namespace morgue
