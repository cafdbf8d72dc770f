#include "store/stemmers.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include "morgue/schema.h"
#include "util/strings.h"

namespace morgue {
namespace {

// ISO 639 codes of the languages Xapian 1.4 stems.
constexpr std::pair<std::string_view, std::string_view> kStemmers[] = {
    {"ar", "arabic"},     {"ca", "catalan"},   {"da", "danish"},     {"de", "german"},     {"en", "english"},
    {"es", "spanish"},    {"eu", "basque"},    {"fi", "finnish"},    {"fr", "french"},     {"ga", "irish"},
    {"hu", "hungarian"},  {"hy", "armenian"},  {"id", "indonesian"}, {"it", "italian"},    {"lt", "lithuanian"},
    {"nb", "norwegian"},  {"ne", "nepali"},    {"nl", "dutch"},      {"nn", "norwegian"},  {"no", "norwegian"},
    {"pt", "portuguese"}, {"ro", "romanian"},  {"ru", "russian"},    {"sv", "swedish"},    {"ta", "tamil"},
    {"tr", "turkish"}};

// A word is its own stem: the stories of languages Xapian cannot stem still
// get the Z terms an unquoted lower-case query word looks for.
class WholeWord : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return word; }
  std::string get_description() const override { return "whole words"; }
};

// Another stemmer's answers, remembered (see thread_stemmer_for): a
// direct-mapped table, one word a slot chosen by the word's hash; a word
// that lands on a slot another holds takes it over. Frequent words win
// their slots back at once, and no lookup divides or follows a pointer.
class MemoStem : public Xapian::StemImplementation {
 public:
  explicit MemoStem(Xapian::Stem stem) : stem_(std::move(stem)), slots_(kStemMemoWords) {}
  std::string operator()(const std::string& word) override {
    Slot& slot = slots_[slot_of(word)];
    if (!slot.used || slot.word != word) {
      slot.stem = stem_(word);
      slot.word = word;
      slot.used = true;
    }
    return slot.stem;
  }
  std::string get_description() const override { return stem_.get_description(); }

 private:
  struct Slot {
    std::string word, stem;
    bool used = false;
  };
  static std::size_t slot_of(std::string_view word) {
    std::uint64_t h = util::fnv1a64(word);
    return static_cast<std::size_t>(h ^ (h >> 29)) & (kStemMemoWords - 1);
  }
  Xapian::Stem stem_;
  std::vector<Slot> slots_;
};

}  // namespace

std::string stemmer_name(std::string_view language) {
  if (language.empty()) return "english";
  std::string primary = util::to_lower(language.substr(0, language.find('-')));
  for (const auto& [code, name] : kStemmers) {
    if (code == primary) return std::string(name);
  }
  return "none";
}

Xapian::Stem stemmer_named(const std::string& name) {
  if (name == "none") return Xapian::Stem(new WholeWord);
  return Xapian::Stem(name);
}

Xapian::Stem stemmer_for(std::string_view language) { return stemmer_named(stemmer_name(language)); }

Xapian::Stem thread_stemmer_for(std::string_view language) {
  thread_local std::unordered_map<std::string, Xapian::Stem> stemmers;
  std::string name = stemmer_name(language);
  auto found = stemmers.find(name);
  if (found == stemmers.end()) {
    found = stemmers.emplace(name, Xapian::Stem(new MemoStem(stemmer_named(name)))).first;
  }
  return found->second;
}

std::vector<std::string> archive_stemmer_names(const Xapian::Database& db) {
  std::vector<std::string> names{"english"};
  const std::string prefix(schema::kLanguagePrefix);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    std::string name = stemmer_name(std::string_view(*t).substr(prefix.size()));
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
  }
  std::sort(names.begin() + 1, names.end());
  return names;
}

}  // namespace morgue
