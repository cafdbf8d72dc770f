#include "store/person_identity.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <unordered_set>

#include "util/strings.h"

namespace morgue {
namespace {

// A story's months and the months either side count as "the same period".
constexpr int kNearMonths = 1;
// Stories far from the story's months still count a little towards a
// person's prior (a 2022 story may name "Reagan" the 1987 stories knew).
constexpr double kFarWeight = 0.05;
// A bare given name ("Hillary") is a weaker reading than a bare surname.
constexpr double kGivenNameWeight = 0.25;
// Smoothing of the co-occurrence likelihoods (a Dirichlet prior on the
// archive's share of each surname, in stories).
constexpr double kSmoothing = 2.0;

bool is_suffix(const std::string& w) {
  return w == "jr" || w == "sr" || w == "ii" || w == "iii" || w == "iv";
}

// "j.r" (a name's "J.R." without its last dot): letters, each followed by a dot.
bool is_dotted_initials(const std::string& w) {
  if (w.size() < 3 || w.size() % 2 == 0) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const bool letter = w[i] >= 'a' && w[i] <= 'z';
    if ((i % 2 == 0) != letter || (i % 2 == 1 && w[i] != '.')) return false;
  }
  return true;
}

std::string key_of(const std::vector<std::string>& words) { return util::join(words, " "); }

// "j" agrees with "james"; otherwise the words must be equal.
bool words_agree(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (a.size() == 1) return !b.empty() && b[0] == a[0];
  if (b.size() == 1) return !a.empty() && a[0] == b[0];
  return false;
}

// Same given name, and the middle names of the shorter form are among the
// longer one's, in order ("hillary clinton" and "hillary rodham clinton").
// Both forms end in the same surname (the caller groups by it).
//
// A longer form that opens with an initial and then a given name ("j howard
// macdonald") is a person known by that second name: a shorter form with a
// given name of its own must use it ("howard macdonald") or name both
// ("james howard macdonald"); "james macdonald" is someone else.
bool compatible(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const auto& shorter = a.size() <= b.size() ? a : b;
  const auto& longer = a.size() <= b.size() ? b : a;
  std::size_t j = 1;
  if (longer.size() >= 3 && longer[0].size() == 1 && longer[1].size() > 1 && shorter[0].size() > 1) {
    if (shorter[0] == longer[1]) {
      j = 2;  // known by the second name: the rest agrees from there
    } else if (std::find(shorter.begin() + 1, shorter.end() - 1, longer[1]) == shorter.end() - 1) {
      return false;
    }
  }
  if (j == 1 && !words_agree(shorter[0], longer[0])) return false;
  for (std::size_t i = 1; i + 1 < shorter.size(); ++i) {
    while (j + 1 < longer.size() && !words_agree(shorter[i], longer[j])) ++j;
    if (j + 1 >= longer.size()) return false;
    ++j;
  }
  return true;
}

std::size_t fullness(const std::vector<std::string>& words) {
  return std::accumulate(words.begin(), words.end(), std::size_t{0},
                         [](std::size_t n, const std::string& w) { return n + w.size(); });
}

struct UnionFind {
  std::vector<std::size_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t find(std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
};

std::string most_common_form(const std::unordered_map<std::string, std::uint32_t>& forms) {
  std::string best;
  std::uint32_t count = 0;
  for (const auto& [form, n] : forms) {
    if (n > count || (n == count && form < best)) {
      best = form;
      count = n;
    }
  }
  return best;
}

}  // namespace

std::vector<std::string> name_words(const std::string& name) {
  std::vector<std::string> words;
  for (auto& w : util::split(util::to_lower(name), ' ')) {
    while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.pop_back();
    if (is_dotted_initials(w)) {
      // "J.R." is two initials, as "J. R." would be.
      for (std::size_t i = 0; i < w.size(); i += 2) words.emplace_back(1, w[i]);
    } else if (!w.empty()) {
      words.push_back(std::move(w));
    }
  }
  while (words.size() > 1 && is_suffix(words.back())) words.pop_back();
  return words;
}

std::vector<std::string> headline_words(const std::string& title) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    word = util::to_lower(word);
    if (word.size() > 2 && (word.ends_with("'s") || word.ends_with("\u2019s"))) {
      word.resize(word.size() - (word.ends_with("'s") ? 2 : 4));
    }
    std::erase(word, '.');  // "U.S." is "us", as the title terms have it
    while (!word.empty() && word.back() == '\'') word.pop_back();
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (char c : title) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80 || c == '\'' || c == '-' || c == '.') {
      word.push_back(c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

PersonIdentity::Id PersonIdentity::intern(const std::string& key) {
  auto [it, fresh] = ids_.try_emplace(key, static_cast<Id>(names_.size()));
  if (fresh) {
    names_.emplace_back();
    names_.back().key = key;
    surname_stories_.push_back(0);
  }
  return it->second;
}

PersonIdentity::Id PersonIdentity::find(const std::string& key) const {
  auto it = ids_.find(key);
  return it == ids_.end() ? kNone : it->second;
}

std::vector<std::string> PersonIdentity::surnames() const {
  std::vector<std::string> out;
  for (const auto& [id, candidates] : bare_) {
    if (std::any_of(candidates.begin(), candidates.end(), [](const Candidate& c) { return c.by_surname; })) {
      out.push_back(names_[id].key);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> PersonIdentity::resolve_headline(const std::vector<std::string>& words, int month,
                                                          const std::unordered_set<std::string>& trusted) const {
  std::vector<Id> context;
  for (const auto& w : words) {
    if (trusted.count(w)) context.push_back(find(w));
  }
  auto person_of = [&](const std::string& key) {
    const Id id = find(key);
    return id == kNone ? -1 : names_[id].person;
  };
  std::vector<std::string> out;
  std::unordered_set<int> seen;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!trusted.count(words[i])) continue;
    // "MARTIN SOSNOFF": a given name here, not the surname of another person.
    if (i + 1 < words.size() && person_of(words[i] + " " + words[i + 1]) >= 0) continue;
    int person = i > 0 ? person_of(words[i - 1] + " " + words[i]) : -1;
    if (person < 0) {
      const Id id = find(words[i]);
      auto b = bare_.find(id);
      if (id == kNone || b == bare_.end()) continue;
      std::vector<Candidate> by_surname;
      for (const auto& c : b->second) {
        if (c.by_surname) by_surname.push_back(c);
      }
      std::vector<Id> others;
      for (Id s : context) {
        if (s != id) others.push_back(s);
      }
      person = best_candidate(by_surname, month, others);
    }
    if (person < 0 || !seen.insert(person).second) continue;
    const std::string& canonical = people_[static_cast<std::size_t>(person)].canonical;
    if (name_words(canonical).size() >= 2) out.push_back(canonical);
  }
  return out;
}

void PersonIdentity::count(const StoryNames& story) {
  // A flash given people from its headline has none of its own: counting it
  // would change the shares the next run weighs (and its choices).
  if (story.names.empty()) return;
  ++stories_;
  std::vector<Id> keys, surnames;
  for (const auto& name : story.names) {
    auto words = name_words(name);
    if (words.empty()) continue;
    const Id surname = intern(words.back());
    const Id id = intern(key_of(words));
    Name& n = names_[id];
    n.surname = surname;
    ++n.forms[name];
    if (std::find(keys.begin(), keys.end(), id) != keys.end()) continue;
    keys.push_back(id);
    ++n.stories;
    if (story.month) ++n.months[story.month];
    if (std::find(surnames.begin(), surnames.end(), surname) == surnames.end()) {
      surnames.push_back(surname);
      ++surname_stories_[surname];
    }
  }
}

void PersonIdentity::group() {
  std::map<std::string, std::vector<Id>> by_surname;  // ordered: same people on every run
  for (Id id = 0; id < names_.size(); ++id) {
    if (names_[id].stories > 0 && names_[id].key.find(' ') != std::string::npos) {
      by_surname[names_[names_[id].surname].key].push_back(id);
    }
  }
  std::unordered_map<std::string, std::vector<int>> given;
  for (auto& [surname, keys] : by_surname) {
    std::sort(keys.begin(), keys.end(), [&](Id a, Id b) { return names_[a].key < names_[b].key; });
    const std::size_t first = people_.size();
    group_surname(keys);
    for (std::size_t p = first; p < people_.size(); ++p) {
      bare_[find(surname)].push_back({static_cast<int>(p), true});
      given[name_words(people_[p].canonical)[0]].push_back(static_cast<int>(p));
    }
  }
  for (Id id = 0; id < names_.size(); ++id) {
    const Name& name = names_[id];
    if (name.stories == 0 || name.key.find(' ') != std::string::npos) continue;
    auto it = given.find(name.key);
    if (it == given.end()) continue;
    // A person is named by given name alone in fewer stories than in full
    // ("Hillary" and "Hillary Clinton"); a word named alone more often than
    // the "person" it starts is a surname the extractor misread ("Reagan"
    // and "Reagan Administration").
    for (int p : it->second) {
      if (people_[static_cast<std::size_t>(p)].stories >= name.stories) bare_[id].push_back({p, false});
    }
  }
}

// Full names with one surname: a form joins the fuller forms it agrees with
// when those all agree with one another ("J. Baker" stays apart when the
// archive knows both "James Baker" and "John Baker").
void PersonIdentity::group_surname(const std::vector<Id>& keys) {
  std::vector<std::vector<std::string>> words;
  std::vector<std::size_t> full;
  for (Id k : keys) {
    words.push_back(name_words(names_[k].key));
    full.push_back(fullness(words.back()));
  }
  UnionFind sets(keys.size());
  for (std::size_t a = 0; a < keys.size(); ++a) {
    std::vector<std::size_t> fuller;
    for (std::size_t b = 0; b < keys.size(); ++b) {
      // Fuller: longer, and naming as many given names ("J.R. Baker" is not
      // a short form of "James Baker").
      if (b != a && full[b] > full[a] && words[b].size() >= words[a].size() && compatible(words[a], words[b])) {
        fuller.push_back(b);
      }
    }
    bool agree = true;
    for (std::size_t i = 0; i < fuller.size() && agree; ++i) {
      for (std::size_t j = i + 1; j < fuller.size() && agree; ++j) agree = compatible(words[fuller[i]], words[fuller[j]]);
    }
    if (!agree) continue;
    for (std::size_t b : fuller) sets.parent[sets.find(a)] = sets.find(b);
  }
  std::map<std::size_t, int> person_of_root;
  for (std::size_t a = 0; a < keys.size(); ++a) {
    auto [it, fresh] = person_of_root.try_emplace(sets.find(a), static_cast<int>(people_.size()));
    if (fresh) people_.emplace_back();
    Person& p = people_[static_cast<std::size_t>(it->second)];
    Name& n = names_[keys[a]];
    n.person = it->second;
    p.stories += n.stories;
    for (const auto& [month, count] : n.months) p.months[month] += count;
  }
  // The canonical name: the spelling most stories use, not an initial
  // ("J. Baker") when a given name is known; then the fuller one.
  std::map<int, std::size_t> best;
  auto better = [&](std::size_t a, std::size_t b) {
    const bool ia = words[a][0].size() == 1, ib = words[b][0].size() == 1;
    if (ia != ib) return ib;
    const auto sa = names_[keys[a]].stories, sb = names_[keys[b]].stories;
    if (sa != sb) return sa > sb;
    return full[a] > full[b];
  };
  for (std::size_t a = 0; a < keys.size(); ++a) {
    int p = names_[keys[a]].person;
    auto [it, fresh] = best.try_emplace(p, a);
    if (!fresh && better(a, it->second)) it->second = a;
  }
  for (const auto& [p, a] : best) people_[static_cast<std::size_t>(p)].canonical = most_common_form(names_[keys[a]].forms);
}

void PersonIdentity::count_together(const StoryNames& story) {
  std::vector<int> persons;
  std::vector<Id> surnames;
  for (const auto& name : story.names) {
    auto words = name_words(name);
    if (words.empty()) continue;
    const Id id = find(key_of(words));
    surnames.push_back(find(words.back()));
    persons.push_back(id == kNone ? -1 : names_[id].person);
  }
  std::vector<Id> seen;
  for (std::size_t i = 0; i < persons.size(); ++i) {
    if (persons[i] < 0) continue;
    seen.clear();
    for (std::size_t j = 0; j < surnames.size(); ++j) {
      const Id s = surnames[j];
      if (j == i || s == kNone || s == surnames[i] || std::find(seen.begin(), seen.end(), s) != seen.end()) continue;
      seen.push_back(s);
      ++together_[pair_key(persons[i], s)];
    }
  }
}

bool PersonIdentity::names_family(const Person& p, const std::vector<Id>& context) const {
  const auto words = name_words(p.canonical);
  return !words.empty() && std::find(context.begin(), context.end(), find(words.back())) != context.end();
}

double PersonIdentity::together(int person, Id surname) const {
  auto it = together_.find(pair_key(person, surname));
  return it == together_.end() ? 0.0 : it->second;
}

std::uint32_t PersonIdentity::near(const Person& p, int month) const {
  std::uint32_t n = 0;
  for (int m = month - kNearMonths; m <= month + kNearMonths; ++m) {
    auto it = p.months.find(m);
    if (it != p.months.end()) n += it->second;
  }
  return n;
}

// Naive Bayes over the candidates: a prior from the person's stories in the
// story's period (and, weakly, elsewhere), times how often each surname
// named with the bare name was named with that person. Only surnames seen
// with some candidate take part (the others tell the candidates nothing).
// A candidate needs evidence: stories in the period or a shared name. A
// given name, which far more people share than a surname, needs a shared
// name, or stories in the period of a dated story that names no one else or
// one of its family ("Hillary" next to a Clinton). Without a date, a family
// name is no evidence either ("Anne" next to a Thompson is not the one Anne
// Thompson of a collection of features). ("Noel" next to a Gallagher is not
// the Noel most stories name, nor is a president's given name, his surname
// written apart, the minister the month names most.)
int PersonIdentity::best_candidate(const std::vector<Candidate>& candidates, int month, const std::vector<Id>& context,
                                   bool given_name) const {
  std::vector<Id> telling;
  for (Id s : context) {
    if (s == kNone) continue;
    if (std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& c) { return together(c.person, s) > 0; })) {
      telling.push_back(s);
    }
  }
  // A given name beside the family name of one of the people it may be
  // ("Noel" beside Liam Kestner, the archive knowing a Noel Kestner) is read
  // as that family's or not at all: another Noel named with a Kestner
  // somewhere is no evidence.
  const bool family = std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& c) {
    return !c.by_surname && names_family(people_[static_cast<std::size_t>(c.person)], context);
  });
  // A word the archive also knows as a surname ("Lee", "Scott") is read as
  // someone's given name only beside a person named with them: the period
  // alone does not tell the two readings apart.
  const bool also_surname =
      std::any_of(candidates.begin(), candidates.end(), [](const Candidate& c) { return c.by_surname; });
  int best = -1;
  double best_score = -std::numeric_limits<double>::infinity();
  for (const auto& c : candidates) {
    const Person& p = people_[static_cast<std::size_t>(c.person)];
    if (family && !c.by_surname && !names_family(p, context)) continue;
    const double in_period = month ? near(p, month) : 0.0;
    double score = std::log((in_period + kFarWeight * p.stories + 0.01) * (c.by_surname ? 1.0 : kGivenNameWeight));
    // A word that is a known given name ("Vik's son, Alexander") is read as
    // a surname only beside a person named with its bearer.
    bool evidence = c.by_surname ? !given_name && (month ? in_period > 0 : p.stories > 0)
                                 : !also_surname && month && in_period > 0 &&
                                       (context.empty() || names_family(p, context));
    for (Id s : telling) {
      const double t = together(c.person, s);
      evidence = evidence || t > 0;
      const double share = static_cast<double>(surname_stories_[s]) / std::max<std::uint32_t>(1, stories_);
      score += std::log((t + kSmoothing * share) / (p.stories + kSmoothing));
    }
    if (evidence && score > best_score) {
      best_score = score;
      best = c.person;
    }
  }
  return best;
}

std::vector<std::string> PersonIdentity::resolve(const StoryNames& story) const {
  std::vector<std::vector<std::string>> words;
  std::vector<Id> context;
  for (const auto& name : story.names) {
    words.push_back(name_words(name));
    if (!words.back().empty()) context.push_back(find(words.back().back()));
  }
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < story.names.size(); ++i) {
    if (words[i].empty()) continue;
    const std::string key = key_of(words[i]);
    std::string canonical = story.names[i];
    const Id id = find(key);
    auto b = bare_.find(id);
    if (id != kNone && names_[id].person >= 0) {
      canonical = people_[static_cast<std::size_t>(names_[id].person)].canonical;
    } else if (id != kNone && words[i].size() == 1 && b != bare_.end() &&
               std::find(story.royal.begin(), story.royal.end(), story.names[i]) == story.royal.end()) {
      std::vector<Id> others;
      for (Id s : context) {
        if (s != id) others.push_back(s);
      }
      const bool given = std::find(story.given.begin(), story.given.end(), story.names[i]) != story.given.end();
      int p = best_candidate(b->second, story.month, others, given);
      if (p >= 0) canonical = people_[static_cast<std::size_t>(p)].canonical;
    }
    if (seen.insert(key_of(name_words(canonical))).second) out.push_back(canonical);
  }
  return out;
}

}  // namespace morgue
