// One canonical name per person across an archive (docs/people.md,
// "Across the archive"). The extractor names each person once per story, by
// the fullest form the story gives; across stories the same person still
// appears as "Reagan" and "Ronald Reagan", "Hillary Clinton" and "Hillary
// Rodham Clinton". PersonIdentity learns from every story's names (their
// counts, months and co-occurring surnames) and then renames the people of a
// story: a full name to its person's usual full name, a bare surname or
// given name to the person it most likely is in that story, weighed by the
// stories of the same months and the people named with it. No Xapian here:
// canonical_people.h reads and rewrites the archive.
//
// Use: count() every story, group(), count_together() every story again,
// then resolve() any story. Not thread-safe while counting; resolve() is
// const and may run from several threads once counting is over.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace morgue {

// What the identity step knows of one story.
struct StoryNames {
  StoryNames() = default;
  StoryNames(int m, std::vector<std::string> n) : month(m), names(std::move(n)) {}
  int month = 0;                   // year * 12 + month - 1; 0 when the story has no date
  std::vector<std::string> names;  // the people as the extractor named them
  // Names of one word the story gives after a sovereign's title ("King
  // Hussein"): how the person is known, kept as written.
  std::vector<std::string> royal;
  // Names of one word that are known given names ("Alexander"): read as
  // someone's surname only beside a person named with that someone.
  std::vector<std::string> given;
};

class PersonIdentity {
 public:
  // First pass: counts the story's names and months.
  void count(const StoryNames& story);
  // Between the passes: groups the full names into people and lists the
  // people each bare name may stand for.
  void group();
  // Second pass: which surnames are named with each person.
  void count_together(const StoryNames& story);
  // The story's people under their canonical names, in the story's order,
  // each once. A name the archive cannot place keeps its own form.
  std::vector<std::string> resolve(const StoryNames& story) const;

  // Surnames of the people known by a full name.
  std::vector<std::string> surnames() const;
  // The people a headline names when the extractor found none in its story
  // (a headline-only flash in capitals: "TREASURY'S BAKER SAYS ..."). `words`
  // as headline_words() gives them; only words in `trusted` (surnames that
  // headlines use for people, chosen by the caller) are read: with the word
  // before them a known full name ("HOWARD BAKER"), alone the person the
  // period and the other names of the headline point to, as in resolve().
  std::vector<std::string> resolve_headline(const std::vector<std::string>& words, int month,
                                            const std::unordered_set<std::string>& trusted) const;

  // How many people (groups of full names) group() found.
  std::size_t people() const { return people_.size(); }

 private:
  using Id = std::uint32_t;  // a lower-case name key ("ronald reagan", "reagan"), interned
  static constexpr Id kNone = static_cast<Id>(-1);
  struct Name {  // one spelling, by its lower-case key
    std::string key;
    Id surname = kNone;  // the key's last word
    std::unordered_map<std::string, std::uint32_t> forms;  // display forms and their counts
    std::uint32_t stories = 0;
    std::unordered_map<int, std::uint32_t> months;
    int person = -1;  // full names: the person it belongs to
  };
  struct Person {
    std::string canonical;
    std::uint32_t stories = 0;
    std::unordered_map<int, std::uint32_t> months;
  };
  struct Candidate {
    int person;
    bool by_surname;  // else by given name (a weaker reading)
  };

  Id intern(const std::string& key);
  Id find(const std::string& key) const;
  void group_surname(const std::vector<Id>& keys);
  int best_candidate(const std::vector<Candidate>& candidates, int month, const std::vector<Id>& context,
                     bool given_name = false) const;
  double together(int person, Id surname) const;
  bool names_family(const Person& p, const std::vector<Id>& context) const;  // its surname among them
  std::uint32_t near(const Person& p, int month) const;
  static std::uint64_t pair_key(int person, Id surname) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(person)) << 32) | surname;
  }

  std::unordered_map<std::string, Id> ids_;
  std::vector<Name> names_;  // by Id
  std::vector<Person> people_;
  std::unordered_map<Id, std::vector<Candidate>> bare_;  // bare name -> people it may be
  std::vector<std::uint32_t> surname_stories_;  // by Id: stories naming that surname
  std::unordered_map<std::uint64_t, std::uint32_t> together_;  // (person, surname) -> stories
  std::uint32_t stories_ = 0;
};

// The words of a name as the identity step compares them: lower case, and
// without generational suffixes ("Jr.", "III"). Exposed for tests.
std::vector<std::string> name_words(const std::string& name);

// The words of a headline, lower case, possessives cut ("TREASURY'S BAKER
// SAYS" -> treasury, baker, says).
std::vector<std::string> headline_words(const std::string& title);

}  // namespace morgue
