#include "store/stemmers.h"

#include <algorithm>
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
