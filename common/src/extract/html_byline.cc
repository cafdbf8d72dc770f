// Bylines of an HTML page: names from metadata and visible bylines.
#include <algorithm>

#include "extract/date_parse.h"
#include "extract/html_fields.h"
#include "util/strings.h"

namespace morgue::html {
namespace {

constexpr std::size_t kMaxAuthors = 10;

std::vector<std::string_view> words_of(std::string_view s) { return util::split_spaces(s); }

bool is_role_word(std::string_view w) {
  static constexpr std::string_view kRoles[] = {
      "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor",
      "editors", "contributor", "contributing", "columnist", "senior", "political", "chief", "special", "red",
      "redaktion", "by", "von", "par", "por", "door", "di", "team", "bild", "foto", "fotos", "photo",
      "photos", "interview",
      "desk", "the", "of", "for", "associate", "deputy", "managing", "news", "sports", "business"};
  for (std::string_view r : kRoles) {
    if (util::iequals(w, r)) return true;
  }
  return false;
}

// A title after a name: "Ben Roe, Games Editor" is split at the comma, but
// "Ben Roe Games Editor" is one part, and no name ends with a role noun.
bool is_role_noun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {"editor", "writer", "reporter", "correspondent", "columnist",
                                                "contributor", "producer", "critic", "staff", "redakteur",
                                                "redakteurin", "korrespondent", "korrespondentin"};
  for (std::string_view r : kNouns) {
    if (util::iequals(w, r)) return true;
  }
  return false;
}

// "Jane Roe (http://example.org/jr)": what follows a name in brackets is a
// link, an address or a note, not part of it.
std::string drop_bracketed_links(std::string s) {
  std::size_t open = s.find('(');
  if (open == std::string::npos) return s;
  std::size_t close = s.find(')', open);
  std::string_view inside = std::string_view(s).substr(open, close == std::string::npos ? std::string::npos : close - open);
  // A bracket closing the part ("Jane Roe (Contact)", "Jane Roe (AP)") is a
  // note after the name; one inside it ("Richard (R.J.) Eskow") is kept.
  bool at_end = open > 0 && (close == std::string::npos || util::trim(std::string_view(s).substr(close + 1)).empty());
  if (!at_end && inside.find("://") == std::string_view::npos && inside.find('@') == std::string_view::npos &&
      inside.find("www.") == std::string_view::npos) {
    return s;
  }
  s.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
  return s;
}

// One name from one byline part, or "" when the part is not a name.
std::string clean_name(std::string_view part) {
  std::string s = util::collapse_space(drop_bracketed_links(std::string(part)));
  while (!s.empty() && std::string_view(".:,;-|()'\"").find(s.back()) != std::string_view::npos) s.pop_back();
  while (!s.empty() && std::string_view(".:,;-|()'\" ").find(s.front()) != std::string_view::npos) s.erase(0, 1);
  if (s.size() < 3 || s.size() > 60) return "";
  if (s.find('@') != std::string::npos || s.find("://") != std::string::npos || s.find("www.") != std::string::npos) return "";
  if (std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return "";
  auto words = words_of(s);
  if (words.empty() || words.size() > 5) return "";
  if (s[0] >= 'a' && s[0] <= 'z') return "";
  if (std::all_of(words.begin(), words.end(), is_role_word)) return "";
  if (is_role_noun(words.back())) {
    // "Jo Roe Staff Writer", "JO ROE AP Sports Writer": the name comes first
    // and is most often two words; "Games Editor" alone names no one.
    while (!words.empty() && (is_role_noun(words.back()) || is_role_word(words.back()))) words.pop_back();
    if (words.size() < 2) return "";
    if (words.size() > 2) words.resize(2);
    const char* begin = words.front().data();
    s = std::string(begin, static_cast<std::size_t>(words.back().data() + words.back().size() - begin));
  }
  return util::title_case_if_uniform(s);
}

void add_unique(std::vector<std::string>& out, std::string name) {
  if (name.empty() || out.size() >= kMaxAuthors) return;
  bool seen = std::any_of(out.begin(), out.end(), [&](const std::string& o) { return util::iequals(o, name); });
  if (!seen) out.push_back(std::move(name));
}

// Words that stand next to a byline's date, not names: labels and weekdays.
bool is_date_word(std::string_view word) {
  std::string w = util::to_lower(word);
  while (!w.empty() && std::string_view(":,.|/-").find(w.back()) != std::string_view::npos) w.pop_back();
  if (std::none_of(w.begin(), w.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c & 0x80; }) ||
      w == "\xE2\x80\x94" || w == "\xE2\x80\x93" || w == "\xC2\xB7") {
    return true;  // a dash, bar or dot between the name and the date
  }
  static constexpr std::string_view kWords[] = {
      "", "published", "posted", "updated", "stand", "datum", "date", "veröffentlicht", "aktualisiert", "am", "on",
      "le", "vom", "publié", "publicado", "pubblicato", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
      "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// A byline without its date: "By Jane Roe March 25, 2015 3:46 PM" keeps what
// comes before the date, "Friday, January 11, 2008 By Jane Roe" what comes
// after it when only labels and weekdays come before. Labels next to the cut
// ("Jane Roe Stand: 12.03.2021") go too.
std::string without_date(const std::string& s) {
  std::vector<std::string_view> words = words_of(s);
  auto parses = [&](std::size_t from, std::size_t to) {  // words [from, to]
    const char* end = words[to].data() + words[to].size();
    return parse_date_time(std::string_view(words[from].data(), static_cast<std::size_t>(end - words[from].data())))
        .has_value();
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    for (std::size_t last = i; last < i + 4 && last < words.size(); ++last) {
      if (!parses(i, last)) continue;
      // The parser skips stray words ("Roe March 25, 2015"): the date starts
      // at the last word from which it still parses.
      std::size_t from = i;
      while (from < last && parses(from + 1, last)) ++from;
      std::vector<std::string_view> kept(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(from));
      while (!kept.empty() && is_date_word(kept.back())) kept.pop_back();
      if (kept.empty()) kept.assign(words.begin() + static_cast<std::ptrdiff_t>(last) + 1, words.end());
      std::string out;
      for (std::string_view w : kept) out.append(out.empty() ? "" : " ").append(w);
      return out;
    }
  }
  return s;
}

// Dublin Core and citation metadata write names surname first: "Roe, J.",
// "Jong, Michiel de". One word before the only comma is a surname.
std::string uninvert(std::string_view name) {
  std::string s = util::collapse_space(name);
  std::size_t comma = s.find(", ");
  if (comma == std::string::npos || s.find(',', comma + 1) != std::string::npos || s.find(' ') < comma ||
      s.find(" and ") != std::string::npos || s.find(" & ") != std::string::npos) {
    return s;
  }
  return s.substr(comma + 2) + " " + s.substr(0, comma);
}

}  // namespace

std::vector<std::string> split_byline(std::string_view byline) {
  std::string s = without_date(util::collapse_space(byline));
  std::string lower = util::to_lower(s);
  // Drop what follows the names: roles after a dash or bar, dates, places.
  std::size_t cut = s.size();
  for (std::string_view stop : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " on ", " published", " posted",
                                " updated", " am ", " le ", " el ", " in ", "\n",
                                " edited by ", " photos by ", " photography by ", " illustrations by ",
                                " special to ", " for ", " quelle:", " source:", " bild:", " foto:", " photo:",
                                " \xC2\xA9"}) {
    std::size_t pos = lower.find(stop);
    if (pos != std::string::npos && pos > 0) cut = std::min(cut, pos);
  }
  s.resize(cut);
  lower.resize(std::min(lower.size(), cut));
  for (std::string_view prefix : {"written by ", "posted by ", "story by ", "words by ", "text by ", "by ", "von ",
                                  "par ", "por ", "door ", "di ", "author: ", "autor: ", "text: ", "reporter: ",
                                  "written by: ", "posted by: ", "by: ", "von: ", "interview: "}) {
    if (lower.rfind(prefix, 0) == 0) {
      s.erase(0, prefix.size());
      lower.erase(0, prefix.size());
      break;
    }
  }
  std::vector<std::string> out;
  std::size_t start = 0;
  bool after_comma = false;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    std::string_view found;
    if (i == s.size()) {
      found = "\n";
    } else {
      for (std::string_view sep : {" and ", " & ", ", ", ";", " und ", " et ", " y ", " with ", " e "}) {
        if (lower.compare(i, sep.size(), sep) == 0) {
          found = sep;
          break;
        }
      }
    }
    if (found.empty()) continue;
    std::string_view part = std::string_view(s).substr(start, i - start);
    // After a comma, one word is a place or an agency ("Jane Roe, WASHINGTON",
    // "Jane Roe, AFP") and a part ending in a role describes the name before
    // it ("Jane Roe, Harbour Times Staff Writer").
    std::vector<std::string_view> words = words_of(part);
    bool describes = after_comma && (words.size() == 1 || (!words.empty() && is_role_noun(words.back())));
    if (!describes) add_unique(out, clean_name(part));
    after_comma = found == ", ";
    start = i + found.size();
    i = start - 1;
  }
  return out;
}

std::vector<std::string> resolve_authors(const PageMeta& meta) {
  std::vector<std::string> out;
  auto from_list = [&](const std::vector<std::string>& values) {
    for (const auto& v : values) {
      for (auto& name : split_byline(v)) add_unique(out, std::move(name));
    }
    return !out.empty();
  };
  if (from_list(meta.json_ld.authors)) return out;
  // Meta tags: the first kind that names someone (several kinds on one page
  // often disagree: a CMS's "author" beside the story's Dublin Core creator).
  for (std::string_view key : {"dc:creator", "dc.creator", "dcterms.creator", "author", "article:author",
                               "sailthru.author", "parsely-author", "byl", "citation_author"}) {
    std::vector<std::string> meta_names;
    bool inverted = key != "author" && key != "article:author" && key != "sailthru.author" && key != "parsely-author" &&
                    key != "byl";
    for (const auto& [k, v] : meta.metas) {
      if (k == key) meta_names.push_back(inverted ? uninvert(v) : v);
    }
    if (from_list(meta_names)) return out;
  }
  if (from_list(meta.itemprop_authors)) return out;
  if (from_list(meta.rel_authors)) return out;
  // Visible bylines: the first that names someone; later ones on the page
  // belong to teasers of other stories.
  for (const auto& text : meta.byline_texts) {
    if (from_list({text})) return out;
  }
  return out;
}

}  // namespace morgue::html
