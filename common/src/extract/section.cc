// Sections from section fields, breadcrumb trails and URL paths.
#include "extract/section.h"

#include <algorithm>
#include <initializer_list>

#include "util/strings.h"

namespace morgue::section {
namespace {

constexpr std::size_t kMaxLevels = 2;
constexpr std::size_t kMaxLevelBytes = 40;
constexpr std::size_t kMaxTrail = 7;  // longer "trails" are menus

bool one_of(std::string_view lower, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), lower) != words.end();
}

bool starts_with_any(std::string_view lower, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return lower.rfind(p, 0) == 0; });
}

// Letters and digits only, lower case, German umlauts spelled out: how a
// crumb ("Caritas.de", "ÖTV") is compared with a host name ("caritas", "oetv").
std::string key_of(std::string_view s) {
  std::string lower = util::to_lower(s), out;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(lower[i]);
    if (c == 0xC3 && i + 1 < lower.size()) {
      unsigned char d = static_cast<unsigned char>(lower[i + 1]);
      const char* spelled = d == 0xA4 ? "ae" : d == 0xB6 ? "oe" : d == 0xBC ? "ue" : d == 0x9F ? "ss" : nullptr;
      if (spelled != nullptr) {
        out += spelled;
        ++i;
        continue;
      }
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) out.push_back(static_cast<char>(c));
  }
  return out;
}

std::string_view host_of(std::string_view url) {
  std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  return rest.substr(0, rest.find(':'));
}

// The name a site registered: "news.example.co.uk" -> "example".
std::string site_label(std::string_view url) {
  std::vector<std::string> labels = util::split(util::to_lower(host_of(url)), '.');
  if (labels.size() < 2) return "";
  std::size_t at = labels.size() - 2;
  if (at > 0 && labels[at].size() <= 3 && one_of(labels[at], {"co", "com", "org", "net", "gv", "ac", "gov", "or", "ne", "edu"})) {
    --at;
  }
  return key_of(labels[at]);
}

// A level that is the site's own name or a domain ("www.focus.de", "Caritas.de",
// "ZEIT ONLINE" on zeit.de, "TagesWoche – Journalismus für Basel").
bool names_site(std::string_view level, const PageContext& page) {
  for (const auto& word : util::split(util::to_lower(level), ' ')) {
    for (std::string_view tld : {".com", ".de", ".net", ".org", ".co.", ".at", ".ch", ".fr", ".uk", ".it", ".es", ".nl"}) {
      std::size_t at = word.find(tld);
      if (at != std::string::npos && at > 0) return true;
    }
  }
  std::string key = key_of(level);
  if (key.empty()) return false;
  for (const auto& name : page.site_names) {
    std::string n = key_of(name);
    if (!n.empty() && (key == n || (n.size() >= 4 && key.rfind(n, 0) == 0) || (key.size() >= 4 && n.rfind(key, 0) == 0))) {
      return true;
    }
  }
  std::string site = site_label(page.url);
  if (site.size() < 2) return false;
  if (key == site || (site.size() >= 5 && key.find(site) != std::string::npos)) return true;
  // "ZEIT ONLINE" on zeit.de, "FAZ.NET", "Point of Sail" on pointofsail-kiel.de.
  for (std::string_view suffix : {"de", "com", "net", "org", "at", "ch", "online", "news"}) {
    if (key.size() == site.size() + suffix.size() && key.starts_with(site) && key.ends_with(suffix)) return true;
  }
  return key.size() >= 4 && site.starts_with(key) && key.size() * 3 >= site.size() * 2;
}

bool is_home(std::string_view lower) {
  return one_of(lower, {"home", "homepage", "home page", "start", "startseite", "zur startseite", "accueil", "inicio",
                        "portada", "front page", "frontpage", "hauptseite", "startpagina", "etusivu", "forside",
                        "startsida", "inizio", "zur\xC3\xBC" "ck zur startseite", "back to home", "\xE9\xA6\x96\xE9\xA1\xB5" /* 首页 */}) ||
         (lower.size() > 5 && lower.ends_with(" home"));
}

// "You are here" and other labels of the trail itself.
bool is_label(std::string_view lower) {
  return one_of(lower, {"you are here", "sie sind hier", "sie befinden sich hier", "vous \xC3\xAAtes ici", "vous etes ici",
                        "usted est\xC3\xA1 aqu\xC3\xAD", "est\xC3\xA1s aqu\xC3\xAD", "siete qui", "u bent hier", "breadcrumb",
                        "breadcrumbs", "navigation", "main navigation", "hauptnavigation", "erweiterte suche", "search",
                        "suche"}) ||
         lower.ends_with(":");
}

// Links that end a trail: what follows them is not a section.
bool ends_trail(std::string_view lower) {
  return one_of(lower, {"vorheriges", "n\xC3\xA4" "chstes", "previous", "next", "zur\xC3\xBC" "ck", "weiter", "back",
                        "print", "print article", "print version", "email a friend", "email", "e-mail", "share", "teilen",
                        "tweeten", "tweet", "mailen", "drucken", "imprimer", "partager", "kommentare", "comments"}) ||
         starts_with_any(lower, {"subscribe", "abonnieren", "aktuelle seite"});
}

// Placeholders CMSs put where a section would be.
bool is_placeholder(std::string_view lower) {
  return one_of(lower, {"article", "articles", "artikel", "story", "stories", "post", "posts", "beitrag", "beitr\xC3\xA4ge",
                        "detail", "details", "nil", "null", "none", "undefined", "uncategorized", "unkategorisiert",
                        "allgemein", "general", "default", "index", "tag", "tags", "thema", "archiv", "archive", "wiki",
                        "statischeseiten", "content", "contents", "cms", "page", "pages", "alle artikel", "all articles",
                        "alle news", "all news", "alle meldungen", "all stories", "\xC3\xBC" "ber uns", "about us", "about", "information", "informationen",
                        "highlight", "featured", "\xC3\xBC" "bersicht", "overview", "sin categor\xC3\xAD" "a", "non class\xC3\xA9", "divers"});
}

// A top level that only says "news" when a more telling level follows.
bool is_generic_top(std::string_view lower) {
  return one_of(lower, {"news", "nachrichten", "aktuelles", "aktuell", "actualit\xC3\xA9", "actualit\xC3\xA9s", "noticias",
                        "notizie", "nieuws", "topics", "themen", "top news", "latest news", "breaking news", "blog", "blogs"});
}

bool has_year_or_number(std::string_view s) {
  int run = 0;
  for (char c : s) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run >= 2) return true;
  }
  return false;
}

std::size_t word_count(std::string_view s) { return util::split(util::collapse_space(s), ' ').size(); }

// A field naming the story, not its section: long, or the title itself.
bool is_title(std::string_view level, const PageContext& page) {
  if (level.size() > kMaxLevelBytes || word_count(level) >= 6) return true;
  std::string lower = util::to_lower(level);
  std::string title = util::to_lower(util::collapse_space(page.title));
  return lower == title || (word_count(level) >= 3 && title.find(lower) != std::string::npos);
}

// The longest part of a page title as written, between separators:
// "Topic - The story itself - Site" -> "the story itself" (lower case).
std::string longest_title_part(std::string_view raw) {
  std::string s = util::collapse_space(raw);
  for (std::string_view sep : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | ", " :: ", " \xC2\xB7 ", " \xC2\xBB "}) {
    for (std::size_t pos = s.find(sep); pos != std::string::npos; pos = s.find(sep, pos + 1)) s.replace(pos, sep.size(), "\n");
  }
  std::string longest;
  for (const auto& part : util::split(s, '\n')) {
    std::string p = util::collapse_space(part);
    if (p.size() > longest.size()) longest = std::move(p);
  }
  return util::to_lower(longest);
}

// A crumb of 4+ words that is the headline part of the page's own title, when
// the extracted headline is another part ("Topic - Story words - Site"). Three
// words can be a section that outgrows a short headline ("Pier closes -
// Science and Technology - Site").
bool is_title_part(std::string_view lower, const PageContext& page) {
  if (word_count(lower) < 4) return false;
  return std::any_of(page.page_titles.begin(), page.page_titles.end(),
                     [&](const std::string& t) { return longest_title_part(t) == lower; });
}

// The story's own crumb: long, cut short, a "headline: with colon", the title,
// or the headline part of the page's title.
bool is_story(std::string_view level, const PageContext& page) {
  std::string lower = util::to_lower(level);
  if (level.size() > kMaxLevelBytes || word_count(level) >= 6) return true;
  if (lower.ends_with("...") || lower.ends_with("\xE2\x80\xA6")) return true;
  if (is_title_part(lower, page)) return true;
  std::string title = util::to_lower(util::collapse_space(page.title));
  if (title.empty()) return false;
  if (lower == title || (lower.size() > 12 && title.find(lower) != std::string::npos)) return true;
  std::vector<std::string> words = util::split(lower, ' ');
  std::size_t shared = std::count_if(words.begin(), words.end(), [&](const std::string& w) {
    return w.size() > 2 && title.find(w) != std::string::npos;
  });
  return words.size() >= 3 && shared * 10 >= words.size() * 6;
}

bool names_person(std::string_view level, const PageContext& page) {
  return std::any_of(page.people.begin(), page.people.end(), [&](const std::string& p) { return util::iequals(p, level); });
}

bool is_small_word(std::string_view lower) {
  return one_of(lower, {"and", "of", "the", "in", "for", "on", "at", "to", "a", "und", "der", "die", "das", "den", "dem", "im",
                        "et", "de", "des", "du", "la", "le", "les", "y", "e", "di", "del", "van", "von", "zu", "en"});
}

bool is_ascii_word(std::string_view lower) {
  return !lower.empty() &&
         std::all_of(lower.begin(), lower.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

// Written in one case or capitalised ("uk", "UK", "Uk"), not "iPad" or "McD".
bool plain_case(std::string_view word) {
  auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  return std::none_of(word.begin() + 1, word.end(), is_upper) || std::all_of(word.begin(), word.end(), [&](char c) {
           return is_upper(c) || (c >= '0' && c <= '9');
         });
}

// Abbreviations a section spells in capitals whatever the source's case ("uk"
// in a URL, "Nasa" in a field, "UK" on another site): listed ones, since "nasa"
// looks like "news"; a short word with no vowel ("tv", "ct", "jmcs"); a letter
// with digits ("f1", "b2b"). "us" and "it" are words too: only a whole level (so is the French "un").
bool is_abbreviation(std::string_view word, std::string_view lower, bool alone) {
  if (!is_ascii_word(lower) || !plain_case(word)) return false;
  if (one_of(lower, {"us", "it", "un"})) return alone;
  if (one_of(lower, {"uk", "eu", "un", "usa", "ai", "diy", "nasa", "nato", "nba", "uefa", "fifa", "ufc", "nhs", "ceo",
                     "faq", "seo", "suv", "ev", "ipo", "esg", "lgbt", "hiv", "dna", "gop", "ios", "ard", "zdf", "orf",
                     "afd", "cdu", "csu", "spd", "fdp", "ezb", "ecb", "imf", "iwf"})) {
    return true;
  }
  std::size_t digits = std::count_if(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits > 0) return lower.size() <= 4 && lower.size() - digits <= 2 && lower[0] >= 'a';
  bool vowel = lower.find_first_of("aeiouy") != std::string_view::npos;
  return !vowel && lower.size() >= 2 && lower.size() <= 4 &&
         !one_of(lower, {"mr", "mrs", "ms", "dr", "st", "vs", "jr", "sr", "nr", "pkw", "lkw", "kfz", "hmm"});
}

std::string upper_ascii(std::string s) {
  for (char& c : s) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return s;
}

// "local news" -> "Local News", "WORLD" -> "World", "iPhone & iPad" unchanged,
// "uk" and "Nasa" -> "UK" and "NASA".
std::string display_case(std::string_view level) {
  std::string s(level);
  bool has_lower = std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  bool has_upper = std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  std::vector<std::string> words = util::split(s, ' ');
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string lower = util::to_lower(words[i]);
    if (is_abbreviation(words[i], lower, words.size() == 1)) {
      words[i] = upper_ascii(std::move(words[i]));
      continue;
    }
    std::size_t letters = std::count_if(lower.begin(), lower.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    bool acronym = !has_lower && letters <= 3 && !is_small_word(lower);  // "US", "U.S.", "NBA" in "NBA NEWS"
    if (acronym) continue;
    if (!has_lower || !has_upper) words[i] = lower;
    if (words[i] != lower || (i > 0 && is_small_word(lower))) continue;
    words[i] = util::capitalize_first(words[i]);
  }
  return util::join(words, " ");
}

// Marks around a level: "> Sport", "News ›", "#Topthema", "Politik:".
constexpr std::string_view kMarks[] = {"<", ">", "/", "|", ":", "#", "-", "*", ",", ";", "\"", "'",
                                       "\xE2\x80\xBA", "\xE2\x80\xB9", "\xC2\xBB", "\xC2\xAB", "\xC2\xB7", "\xE2\x80\xA2"};

std::string trim_marks(std::string s) {
  for (bool again = true; again && !s.empty();) {
    again = false;
    for (std::string_view m : kMarks) {
      if (s.starts_with(m)) {
        s.erase(0, m.size());
        again = true;
      }
      if (s.ends_with(m)) {
        s.resize(s.size() - m.size());
        again = true;
      }
    }
    s = util::collapse_space(s);
  }
  return s;
}

// One level as written: marks around it trimmed, labels before it dropped,
// slugs ("middle_east", "crime-safety") spelled as words.
std::string clean_level(std::string_view raw) {
  std::string s = util::collapse_space(raw);
  bool label = !s.empty() && s.back() == ':';
  s = trim_marks(std::move(s));
  if (label) return s.empty() ? "" : s + ":";
  std::string lower = util::to_lower(s);
  for (std::string_view prefix : {"posted in ", "filed under ", "category: ", "categories: ", "kategorie: ", "rubrik: ",
                                  "ressort: ", "section: ", "topic: "}) {
    if (lower.rfind(prefix, 0) == 0 && s.size() > prefix.size()) {
      s.erase(0, prefix.size());
      break;
    }
  }
  // A level never holds the hierarchy mark: "Latin America/Caribbean".
  for (std::size_t pos = s.find('/'); pos != std::string::npos; pos = s.find('/', pos)) s.replace(pos, 1, " & ");
  s = util::collapse_space(s);
  bool slug = s.find(' ') == std::string::npos &&
              std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-' || c == '_'; });
  std::replace(s.begin(), s.end(), '_', ' ');
  if (slug) std::replace(s.begin(), s.end(), '-', ' ');
  return util::collapse_space(s);
}

// Splits "World > Europe", "world/europe", "News | Sport" into levels.
std::vector<std::string> split_levels(std::string_view value) {
  std::string s(value);
  for (std::string_view sep : {">", "\xE2\x80\xBA", "\xC2\xBB", "|", "\\"}) {
    for (std::size_t pos = s.find(sep); pos != std::string::npos; pos = s.find(sep, pos + 1)) s.replace(pos, sep.size(), "/");
  }
  std::vector<std::string> out;
  for (const auto& part : util::split(s, '/')) {
    std::string level = clean_level(part);
    if (!level.empty()) out.push_back(std::move(level));
  }
  return out;
}

// The display form of cleaned levels: placeholders and people dropped, a
// generic top level dropped when more follows, at most two levels.
std::string display(std::vector<std::string> levels, const PageContext* page) {
  std::vector<std::string> kept;
  for (auto& level : levels) {
    std::string lower = util::to_lower(level);
    if (is_placeholder(lower) || is_label(lower) || is_home(lower) || has_year_or_number(level)) continue;
    if (level.size() > kMaxLevelBytes || (page != nullptr && names_person(level, *page))) continue;
    std::vector<std::string> words = util::split(level, ' ');
    if (std::all_of(words.begin(), words.end(), [](const std::string& w) { return w.size() < 2; })) continue;
    if (!kept.empty() && util::iequals(kept.back(), level)) continue;
    if (!kept.empty() && one_of(lower, {"news", "nachrichten", "meldungen", "aktuelles"})) continue;
    kept.push_back(display_case(level));
  }
  if (kept.size() > 1 && is_generic_top(util::to_lower(kept.front()))) kept.erase(kept.begin());
  if (kept.size() > kMaxLevels) kept.resize(kMaxLevels);
  return util::join(kept, "/");
}

}  // namespace

std::string from_field(std::string_view value, const PageContext& page) {
  std::string v = util::collapse_space(value);
  if (v.find(',') != std::string::npos) {
    // A list of labels: the first that is a section.
    for (const auto& item : util::split(v, ',')) {
      std::string s = from_field(item, page);
      if (!s.empty()) return s;
    }
    return "";
  }
  std::vector<std::string> levels = split_levels(v);
  std::vector<std::string> kept;
  for (auto& level : levels) {
    if (!names_site(level, page) && !is_title(level, page)) kept.push_back(std::move(level));
  }
  return display(std::move(kept), &page);
}

std::string from_trail(const std::vector<std::string>& crumbs, const PageContext& page) {
  // One crumb holding the whole trail ("Home > Sport > Cricket") is split;
  // the items of a real trail are not (a story crumb may hold "/" or "»").
  std::vector<std::string> items;
  for (const auto& crumb : crumbs) {
    std::string level = clean_level(crumb);
    if (!level.empty()) items.push_back(std::move(level));
  }
  if (items.size() == 1) items = split_levels(items.front());
  if (items.size() > kMaxTrail + 1) return "";
  // Everything up to the last home, label or site crumb of the first few is
  // the way to the site's front page ("DJIA / Nasdaq / Home / News").
  std::size_t start = 0;
  for (std::size_t i = 0; i < items.size() && i < 4; ++i) {
    std::string lower = util::to_lower(items[i]);
    if (is_home(lower) || is_label(lower) || names_site(items[i], page)) start = i + 1;
  }
  std::vector<std::string> kept;
  for (std::size_t i = start; i < items.size(); ++i) {
    std::string lower = util::to_lower(items[i]);
    if (ends_trail(lower) || has_year_or_number(items[i])) break;
    kept.push_back(items[i]);
  }
  if (!kept.empty() && is_story(kept.back(), page)) kept.pop_back();
  return display(std::move(kept), &page);
}

std::string from_url(const PageContext& page) {
  std::string_view host = host_of(page.url);
  if (host.empty() || starts_with_any(util::to_lower(host), {"blog.", "blogs."})) return "";
  std::string_view path = std::string_view(page.url).substr(page.url.find(host) + host.size());
  path = path.substr(0, path.find_first_of("?#"));
  std::vector<std::string> segs;
  for (auto& s : util::split(path, '/')) {
    if (!s.empty()) segs.push_back(s);
  }
  if (!segs.empty()) segs.pop_back();  // the story's own slug
  std::string site = site_label(page.url);
  std::vector<std::string> levels;
  for (const auto& seg : segs) {
    bool word = seg.size() >= 2 && seg.size() <= 25 && std::count(seg.begin(), seg.end(), '-') <= 2 &&
                std::all_of(seg.begin(), seg.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
    if (!word || one_of(seg, {"user", "users", "author", "authors", "autor", "autoren", "profile", "people", "u", "~"})) break;
    if (key_of(seg) == site || one_of(seg, {"www", "html", "amp", "node", "item", "items", "cgi-bin", "doc", "docs",
                                            "public", "web", "site", "en", "de", "fr", "es", "it", "nl", "pt", "us", "id",
                                            "view", "portal", "online", "print", "read", "doi", "abs", "shareddocs",
                                            "newsdetails", "meldung", "nachricht", "a", "p", "s", "n", "uk-en"})) {
      continue;
    }
    levels.push_back(clean_level(seg));
    if (levels.size() == kMaxLevels + 1) break;
  }
  return display(std::move(levels), &page);
}

std::string normalize(std::string_view value) { return display(split_levels(value), nullptr); }

}  // namespace morgue::section
