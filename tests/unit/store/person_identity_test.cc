// One canonical name per person across an archive: the rules of
// PersonIdentity on small archives of names written for these tests.
#include "store/person_identity.h"

#include <gtest/gtest.h>

namespace morgue {
namespace {

int month(int year, int m) { return year * 12 + m - 1; }

struct Archive {
  std::vector<StoryNames> stories;
  Archive& add(int m, std::vector<std::string> names, int times = 1) {
    for (int i = 0; i < times; ++i) stories.push_back({m, names});
    return *this;
  }
  PersonIdentity learn() const {
    PersonIdentity identity;
    for (const auto& s : stories) identity.count(s);
    identity.group();
    for (const auto& s : stories) identity.count_together(s);
    return identity;
  }
};

TEST(PersonIdentity, NameWords) {
  struct Case {
    const char* name;
    std::vector<std::string> words;
  } cases[] = {
      {"Ronald Reagan", {"ronald", "reagan"}},
      {"James A. Baker III", {"james", "a", "baker"}},
      {"Martin Luther King Jr.", {"martin", "luther", "king"}},
      {"  Lee  ", {"lee"}},
      {"Jr.", {"jr"}},
      // Initials written together are initials still.
      {"J.R. Ewart", {"j", "r", "ewart"}},
      {"T.S.", {"t", "s"}},
      {"", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(name_words(c.name), c.words) << c.name;
}

TEST(PersonIdentity, BareSurnameTakesTheFullNameOfItsPeriod) {
  const int march = month(1987, 3);
  PersonIdentity id = Archive().add(march, {"Ronald Reagan"}, 3).add(march, {"Reagan"}).learn();
  EXPECT_EQ(id.resolve({march, {"Reagan", "Marlin Fitzwater"}}), (std::vector<std::string>{"Ronald Reagan", "Marlin Fitzwater"}));
  // The next month is the same period; a story without a date knows no period
  // but still finds the only person of that name.
  EXPECT_EQ(id.resolve({march + 1, {"Reagan"}}), std::vector<std::string>{"Ronald Reagan"});
  EXPECT_EQ(id.resolve({0, {"Reagan"}}), std::vector<std::string>{"Ronald Reagan"});
}

TEST(PersonIdentity, BareNameWithoutEvidenceKeepsItsForm) {
  // The only "Quimby" of the archive is decades away and shares no one.
  PersonIdentity id = Archive().add(month(1950, 1), {"Arthur Quimby", "Lena Ode"}).learn();
  EXPECT_EQ(id.resolve({month(1987, 3), {"Quimby", "Tomas Varga"}}),
            (std::vector<std::string>{"Quimby", "Tomas Varga"}));
  // A shared person is evidence enough.
  EXPECT_EQ(id.resolve({month(1987, 3), {"Quimby", "Lena Ode"}}),
            (std::vector<std::string>{"Arthur Quimby", "Lena Ode"}));
}

TEST(PersonIdentity, FullFormsOfOnePersonMerge) {
  const int m = month(2016, 5);
  PersonIdentity id = Archive()
                          .add(m, {"Hillary Clinton"}, 4)
                          .add(m, {"Hillary Rodham Clinton"}, 2)
                          .add(m, {"Bill Clinton"}, 3)
                          .learn();
  EXPECT_EQ(id.resolve({m, {"Hillary Rodham Clinton"}}), std::vector<std::string>{"Hillary Clinton"});
  EXPECT_EQ(id.resolve({m, {"Hillary Clinton"}}), std::vector<std::string>{"Hillary Clinton"});
  EXPECT_EQ(id.resolve({m, {"Bill Clinton"}}), std::vector<std::string>{"Bill Clinton"});
  EXPECT_EQ(id.people(), 2u);
}

TEST(PersonIdentity, BareGivenNameTakesTheFullName) {
  const int m = month(2016, 5);
  PersonIdentity id = Archive().add(m, {"Hillary Clinton", "Tim Kaine"}, 5).add(m, {"Hillary"}).learn();
  EXPECT_EQ(id.resolve({m, {"Hillary"}}), std::vector<std::string>{"Hillary Clinton"});
}

TEST(PersonIdentity, GivenNameBesideStrangersKeepsItsForm) {
  const int m = month(1987, 10);
  PersonIdentity id = Archive()
                          .add(m, {"Marten Halvik", "Jo Brenholt"}, 4)
                          .add(m, {"Hillary Clinton", "Tim Kaine"}, 3)
                          .add(m, {"Bill Clinton"}, 2)
                          .add(m, {"Marten"})
                          .add(m, {"Hillary"})
                          .learn();
  // A president's given name, his surname written apart: the minister the
  // month names most shares no one with this story.
  EXPECT_EQ(id.resolve({m, {"Marten", "Kipsang"}}), (std::vector<std::string>{"Marten", "Kipsang"}));
  // A person named with him elsewhere, or one of his family, is evidence.
  EXPECT_EQ(id.resolve({m, {"Marten", "Brenholt"}}), (std::vector<std::string>{"Marten Halvik", "Jo Brenholt"}));
  EXPECT_EQ(id.resolve({m, {"Hillary", "Bill Clinton"}}),
            (std::vector<std::string>{"Hillary Clinton", "Bill Clinton"}));
  // Alone in a dated story, the period decides.
  EXPECT_EQ(id.resolve({m, {"Marten"}}), std::vector<std::string>{"Marten Halvik"});
}

TEST(PersonIdentity, UndatedGivenNameNeedsASharedName) {
  // Stories without dates (a collection of features) have no period: the
  // archive's most-named Noel is no evidence for a bare "Noel"...
  PersonIdentity id = Archive()
                          .add(0, {"Noel Fielding", "Julian Barratt"}, 4)
                          .add(0, {"Noel Gallagher", "Liam Gallagher"})
                          .add(0, {"Noel", "Liam Gallagher"})
                          .learn();
  EXPECT_EQ(id.resolve({0, {"Noel", "Kim Lundgren"}}), (std::vector<std::string>{"Noel", "Kim Lundgren"}));
  EXPECT_EQ(id.resolve({0, {"Noel"}}), std::vector<std::string>{"Noel"});
  // ...a person named with him elsewhere is.
  EXPECT_EQ(id.resolve({0, {"Noel", "Julian Barratt"}}), (std::vector<std::string>{"Noel Fielding", "Julian Barratt"}));
  // Nor is a family name, without a date.
  EXPECT_EQ(id.resolve({0, {"Noel", "Ada Fielding"}}), (std::vector<std::string>{"Noel", "Ada Fielding"}));
  // Beside a Gallagher, a Noel named with a Gallagher elsewhere is no
  // evidence either: the family's Noel is, or no one.
  PersonIdentity two = Archive()
                           .add(0, {"Noel Fielding", "Noel Gallagher", "Julian Barratt"})
                           .add(0, {"Noel Gallagher", "Ines Moor"})
                           .add(0, {"Noel Gallagher", "Tam Rees"})
                           .add(0, {"Noel", "Tam Rees"})
                           .learn();
  EXPECT_EQ(two.resolve({0, {"Liam Gallagher", "Noel"}}), (std::vector<std::string>{"Liam Gallagher", "Noel"}));
  EXPECT_EQ(two.resolve({0, {"Liam Gallagher", "Noel", "Ines Moor"}}),
            (std::vector<std::string>{"Liam Gallagher", "Noel Gallagher", "Ines Moor"}));
  // A bare surname still takes the archive's only person of that name.
  EXPECT_EQ(id.resolve({0, {"Barratt"}}), std::vector<std::string>{"Julian Barratt"});
}

TEST(PersonIdentity, GivenNameThatIsAlsoASurnameNeedsASharedName) {
  // "Lenn" starts the name of the month's Lenn Varga, and ends the name of
  // Tamas Lenn, named years before: alone in a dated story, the word may be
  // either, and the period tells them apart no better than a surname of a
  // firm or a place would. A person named with Lenn Varga elsewhere does.
  const int m = month(1987, 3);
  PersonIdentity id = Archive()
                          .add(m, {"Lenn Varga", "Osk Pell"}, 4)
                          .add(month(1977, 6), {"Tamas Lenn"}, 2)
                          .add(m, {"Lenn"})
                          .learn();
  EXPECT_EQ(id.resolve({m, {"Lenn"}}), std::vector<std::string>{"Lenn"});
  EXPECT_EQ(id.resolve({m, {"Lenn", "Osk Pell"}}), (std::vector<std::string>{"Lenn Varga", "Osk Pell"}));
}

TEST(PersonIdentity, SurnameMisreadAsGivenNameIsNotFollowed) {
  // "Reagan Administration" is an extractor's slip: "Reagan" alone is far
  // more common than that "person", so it is not read as its given name.
  const int m = month(1987, 3);
  PersonIdentity id = Archive().add(m, {"Reagan Administration"}).add(m, {"Reagan"}, 5).learn();
  EXPECT_EQ(id.resolve({m, {"Reagan"}}), std::vector<std::string>{"Reagan"});
}

TEST(PersonIdentity, PeopleSharingASurnameStayApart) {
  const int m = month(1987, 3);
  PersonIdentity id = Archive()
                          .add(m, {"James Baker", "Gerhard Stoltenberg"}, 6)
                          .add(m, {"Howard Baker", "John Tower"}, 3)
                          .learn();
  EXPECT_EQ(id.resolve({m, {"James Baker"}}), std::vector<std::string>{"James Baker"});
  EXPECT_EQ(id.resolve({m, {"Howard Baker"}}), std::vector<std::string>{"Howard Baker"});
  // The people named with a bare "Baker" tell which one it is...
  EXPECT_EQ(id.resolve({m, {"Baker", "Tower"}}), (std::vector<std::string>{"Howard Baker", "John Tower"}));
  EXPECT_EQ(id.resolve({m, {"Baker", "Stoltenberg"}}), (std::vector<std::string>{"James Baker", "Gerhard Stoltenberg"}));
  // ...and without them, the one the period names most.
  EXPECT_EQ(id.resolve({m, {"Baker"}}), std::vector<std::string>{"James Baker"});
}

TEST(PersonIdentity, PeriodDecidesBetweenNamesakes) {
  PersonIdentity id = Archive()
                          .add(month(1987, 3), {"James Baker"}, 2)
                          .add(month(1990, 6), {"Howard Baker"}, 5)
                          .learn();
  EXPECT_EQ(id.resolve({month(1987, 4), {"Baker"}}), std::vector<std::string>{"James Baker"});
  EXPECT_EQ(id.resolve({month(1990, 7), {"Baker"}}), std::vector<std::string>{"Howard Baker"});
}

TEST(PersonIdentity, InitialJoinsOnlyAnUnambiguousName) {
  const int m = month(1987, 3);
  PersonIdentity one = Archive().add(m, {"James Baker"}, 2).add(m, {"J. Baker"}).learn();
  EXPECT_EQ(one.resolve({m, {"J. Baker"}}), std::vector<std::string>{"James Baker"});
  PersonIdentity two = Archive().add(m, {"James Baker"}, 2).add(m, {"John Baker"}, 2).add(m, {"J. Baker"}).learn();
  EXPECT_EQ(two.resolve({m, {"J. Baker"}}), std::vector<std::string>{"J. Baker"});
  EXPECT_EQ(two.resolve({m, {"John Baker"}}), std::vector<std::string>{"John Baker"});
}

TEST(PersonIdentity, PersonKnownByASecondNameIsNotAnotherGivenName) {
  // "J. Howard Pelling" goes by Howard: "Howard Pelling" is him; "James
  // Pelling" is someone else, and so is "J.R. Pelling" (two initials are
  // not a short form of one given name).
  const int m = month(1987, 3);
  PersonIdentity id = Archive()
                          .add(m, {"James Pelling"}, 3)
                          .add(m, {"J. Howard Pelling"}, 2)
                          .add(m, {"Howard Pelling"})
                          .add(m, {"J.R. Pelling"})
                          .learn();
  EXPECT_EQ(id.resolve({m, {"James Pelling"}}), std::vector<std::string>{"James Pelling"});
  // The name he goes by, rather than an initial, is the canonical one.
  EXPECT_EQ(id.resolve({m, {"J. Howard Pelling"}}), std::vector<std::string>{"Howard Pelling"});
  EXPECT_EQ(id.resolve({m, {"Howard Pelling"}}), std::vector<std::string>{"Howard Pelling"});
  EXPECT_EQ(id.resolve({m, {"J.R. Pelling"}}), std::vector<std::string>{"J.R. Pelling"});
  EXPECT_EQ(id.people(), 3u);
  // Both given names written out join the form with the initial.
  PersonIdentity full = Archive().add(m, {"J. Howard Pelling"}, 2).add(m, {"James Howard Pelling"}).learn();
  EXPECT_EQ(full.people(), 1u);
}

TEST(PersonIdentity, SovereignsNameIsKeptAsWritten) {
  // "King Osric" in a story: Osric is how he is known, not the surname of
  // the Leo Osric the period names most; a bare "Osric" elsewhere is still
  // Leo Osric.
  const int m = month(1987, 3);
  PersonIdentity id = Archive().add(m, {"Leo Osric", "Ana Vell"}, 4).learn();
  StoryNames king{m, {"Osric", "Ana Vell"}};
  king.royal = {"Osric"};
  EXPECT_EQ(id.resolve(king), (std::vector<std::string>{"Osric", "Ana Vell"}));
  EXPECT_EQ(id.resolve({m, {"Osric", "Ana Vell"}}), (std::vector<std::string>{"Leo Osric", "Ana Vell"}));
}

TEST(PersonIdentity, KnownGivenNameIsASurnameOnlyBesideAFriend) {
  // "Vik's son, Alexander": a word that is a known given name (the story's
  // cues say so) is not the surname of the Alexander the period names,
  // unless the story shares someone with him.
  const int m = month(1987, 3);
  PersonIdentity id = Archive().add(m, {"Clifford Alexander", "Tom Rees"}, 3).add(m, {"Alexander"}).learn();
  StoryNames son{m, {"Erik Vik", "Alexander"}};
  son.given = {"Alexander"};
  EXPECT_EQ(id.resolve(son), (std::vector<std::string>{"Erik Vik", "Alexander"}));
  StoryNames friends{m, {"Alexander", "Tom Rees"}};
  friends.given = {"Alexander"};
  EXPECT_EQ(id.resolve(friends), (std::vector<std::string>{"Clifford Alexander", "Tom Rees"}));
  // A word that is no given name takes the period's person.
  EXPECT_EQ(id.resolve({m, {"Erik Vik", "Alexander"}}), (std::vector<std::string>{"Erik Vik", "Clifford Alexander"}));
}

TEST(PersonIdentity, StoryNamesEachPersonOnce) {
  const int m = month(1987, 3);
  PersonIdentity id = Archive().add(m, {"Nigel Lawson"}, 3).add(m, {"Nigel Lawson", "Karl Otto Poehl"}).learn();
  // Two spellings of one person in one story become one entry.
  EXPECT_EQ(id.resolve({m, {"Lawson", "Nigel Lawson", "Poehl"}}),
            (std::vector<std::string>{"Nigel Lawson", "Karl Otto Poehl"}));
}

TEST(PersonIdentity, HeadlineWords) {
  struct Case {
    const char* title;
    std::vector<std::string> words;
  } cases[] = {
      {"U.S. TREASURY'S BAKER SAYS", {"us", "treasury", "baker", "says"}},
      {"Lindqvist\u2019s plan, again", {"lindqvist", "plan", "again"}},
      {"DE-LAROSIERE: \"NO\"", {"de-larosiere", "no"}},
      {"", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(headline_words(c.title), c.words) << c.title;
}

TEST(PersonIdentity, HeadlineNamesTrustedSurnames) {
  const int m = month(1987, 3);
  PersonIdentity id = Archive()
                          .add(m, {"James Baker", "Gerhard Stoltenberg"}, 6)
                          .add(m, {"Howard Baker", "John Tower", "Ronald Reagan"}, 3)
                          .add(m, {"Paula White"})
                          .learn();
  EXPECT_EQ(id.surnames(), (std::vector<std::string>{"baker", "reagan", "stoltenberg", "tower", "white"}));
  const std::unordered_set<std::string> trusted{"baker", "reagan", "stoltenberg"};
  auto read = [&](const char* title) { return id.resolve_headline(headline_words(title), m, trusted); };
  EXPECT_EQ(read("TREASURY'S BAKER SAYS DOLLAR STABLE"), std::vector<std::string>{"James Baker"});
  EXPECT_EQ(read("WHITE HOUSE'S HOWARD BAKER SAYS NOTHING"), std::vector<std::string>{"Howard Baker"});
  // The other surnames of the headline point to the right Baker.
  EXPECT_EQ(read("BAKER SAYS REAGAN WILL SPEAK"), (std::vector<std::string>{"Howard Baker", "Ronald Reagan"}));
  // "White" is a surname of the archive but not a trusted one.
  EXPECT_TRUE(read("WHITE HOUSE SAYS NOTHING").empty());
  // Out of the period there is no evidence.
  EXPECT_TRUE(id.resolve_headline(headline_words("BAKER SAYS"), month(1995, 1), trusted).empty());
}

TEST(PersonIdentity, HeadlineGivenNameIsNotAnotherSurname) {
  const int m = month(1987, 3);
  PersonIdentity id = Archive().add(m, {"Martin Sosnoff"}, 3).add(m, {"Bill Martin"}, 3).learn();
  const std::unordered_set<std::string> trusted{"martin", "sosnoff"};
  EXPECT_EQ(id.resolve_headline(headline_words("BOARD REJECTS MARTIN SOSNOFF TENDER"), m, trusted),
            std::vector<std::string>{"Martin Sosnoff"});
  EXPECT_EQ(id.resolve_headline(headline_words("MARTIN SAYS NO"), m, trusted), std::vector<std::string>{"Bill Martin"});
}

TEST(PersonIdentity, UnknownNamesPassThrough) {
  PersonIdentity id = Archive().learn();
  EXPECT_EQ(id.resolve({month(2000, 1), {"Madonna", "Ada Lovelace"}}),
            (std::vector<std::string>{"Madonna", "Ada Lovelace"}));
  EXPECT_TRUE(id.resolve({0, {}}).empty());
}

}  // namespace
}  // namespace morgue
