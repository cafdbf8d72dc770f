// The headline of an HTML page: the best candidate, without site and section
// decoration.
#include <algorithm>
#include <unordered_set>

#include "extract/html_fields.h"
#include "util/strings.h"

namespace morgue::html {
namespace {

// Lead words that a headline should share with its story.
constexpr std::size_t kLeadWords = 400;
// Below this share of its words in the story, a title is about something else
// (a site name, "Latest News", a bookmark bar).
constexpr double kUnrelated = 0.34;
constexpr double kRelated = 0.5;

std::string lower(std::string_view s) { return util::to_lower(util::collapse_space(s)); }

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

struct Separator {
  std::size_t pos = 0, len = 0;
  bool strong = true;  // " : " is weak: only a short tail after it is decoration
};

// Title separators, spaced so that hyphenated words stay whole.
constexpr std::string_view kStrong[] = {" | ", " - ", " -- ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ",
                                        " \xC2\xAB ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " / ", " ~ ", " > ", " >> "};

std::vector<Separator> separators_in(std::string_view t) {
  std::vector<Separator> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] != ' ') continue;
    for (std::string_view sep : kStrong) {
      if (t.compare(i, sep.size(), sep) == 0) {
        out.push_back({i, sep.size(), true});
        break;
      }
    }
    if ((out.empty() || out.back().pos != i) && t.compare(i, 3, " : ") == 0) out.push_back({i, 3, false});
    // Separators never overlap ("a - | b" has one), so cutting at one keeps
    // the positions of the others inside what is left.
    if (!out.empty() && out.back().pos == i) i += out.back().len - 1;
  }
  return out;
}

bool names_site(std::string_view part, const std::vector<std::string>& names) {
  std::string p = lower(part);
  if (p.empty()) return false;
  for (const auto& n : names) {
    if (p == n || (n.size() > 3 && p.find(n) != std::string::npos) || (p.size() > 3 && n.find(p) != std::string::npos)) {
      return true;
    }
  }
  // Domain-like parts ("example.com") are site names too.
  return p.find(' ') == std::string::npos && (p.find(".com") != std::string::npos || p.find(".co.") != std::string::npos ||
                                              p.find(".org") != std::string::npos || p.find(".net") != std::string::npos);
}

// Script or markup that leaked into a title through broken HTML.
bool holds_markup(std::string_view t) {
  for (std::string_view bad : {"-->", "<!--", "/>", "{", "}", "function(", "();"}) {
    if (t.find(bad) != std::string_view::npos) return true;
  }
  return false;
}

// A title being cut down: what is left and the separators inside it.
struct Cut {
  std::string_view view;
  std::vector<Separator> seps;
  bool cut = false;

  void keep_head() {  // drops the last separator and what follows it
    view = view.substr(0, seps.back().pos);
    seps.pop_back();
    cut = true;
  }
  void keep_tail() {  // drops the first separator and what precedes it
    std::size_t drop = seps.front().pos + seps.front().len;
    view = view.substr(drop);
    seps.erase(seps.begin());
    for (auto& s : seps) s.pos -= drop;
    cut = true;
  }
  std::string_view tail() const { return view.substr(seps.back().pos + seps.back().len); }
  std::string_view head() const { return view.substr(0, seps.back().pos); }
  std::string_view first() const { return view.substr(0, seps.front().pos); }
  std::string_view rest() const { return view.substr(seps.front().pos + seps.front().len); }
};

// "Headline - World - Sport", "Headline : US World": short tails are sections.
// A tail that exclaims or asks is part of the headline ("-- STOLEN!!!").
void cut_short_tails(Cut& c) {
  auto decoration = [](std::string_view tail) {
    return word_count(tail) <= 3 && !tail.empty() && tail.back() != '!' && tail.back() != '?';
  };
  while (!c.seps.empty() && decoration(c.tail()) && word_count(c.head()) >= 3) c.keep_head();
}

void cut_site_names(Cut& c, const std::vector<std::string>& names) {
  while (!c.seps.empty() && c.seps.back().strong && names_site(c.tail(), names)) c.keep_head();
  while (!c.seps.empty() && c.seps.front().strong && names_site(c.first(), names)) c.keep_tail();
}

// "TV3 > News > National News > Headline": a trail of short parts before it.
void cut_trail_heads(Cut& c) {
  if (c.seps.size() < 2) return;
  while (!c.seps.empty() && c.seps.front().strong && word_count(c.first()) <= 2 && word_count(c.rest()) >= 4) c.keep_tail();
}

// "Paper : Business : A headline of words": two spaced colons or more, the
// parts before the last short ones: the site and its section.
void cut_colon_trail(Cut& c) {
  const auto weak = std::count_if(c.seps.begin(), c.seps.end(), [](const Separator& s) { return !s.strong; });
  if (weak < 2) return;
  while (!c.seps.empty() && !c.seps.front().strong && word_count(c.first()) <= 3 && word_count(c.rest()) >= 3) {
    c.keep_tail();
  }
}

// What a title says of its source around the headline, cut off: a domain and
// a colon before it ("Example.com: Headline") and a source in brackets after
// it ("Headline (from The Harbour Gazette)", "(via HN)").
std::string_view without_source(std::string_view t) {
  const std::size_t colon = t.find(": ");
  if (colon != std::string_view::npos && colon < 40 && t.substr(0, colon).find(' ') == std::string_view::npos &&
      names_site(t.substr(0, colon), {}) && word_count(t.substr(colon + 2)) >= 3) {
    t = t.substr(colon + 2);
  }
  const std::size_t open = t.rfind(" (");
  if (open != std::string_view::npos && t.back() == ')' && word_count(t.substr(0, open)) >= 3) {
    const std::string_view inside = t.substr(open + 2, t.size() - open - 3);
    if ((inside.starts_with("from ") || inside.starts_with("via ")) && word_count(inside) <= 6) t = t.substr(0, open);
  }
  return t;
}

// A heading the title starts with (up to a separator), or a long heading it
// contains: the headline without the site's decoration. (A heading that is the
// title's last part is often the site's logo.)
std::string heading_in_title(std::string_view t, const std::vector<std::string>& h1s) {
  std::string lower_t = lower(t);
  auto seps = separators_in(t);
  for (const auto& h : h1s) {
    std::string lh = lower(h);
    if (word_count(lh) < 2 || lh.size() >= lower_t.size()) continue;
    for (const auto& s : seps) {
      if (lower(t.substr(0, s.pos)) == lh) return util::collapse_space(h);
    }
    if (word_count(lh) >= 4 && lower_t.find(lh) != std::string::npos) return util::collapse_space(h);
  }
  return "";
}

// Words of 3+ bytes, lower case, split at anything but letters and digits.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : util::to_lower(text)) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
      word.push_back(c);
    } else {
      if (word.size() >= 3) out.push_back(word);
      word.clear();
    }
  }
  if (word.size() >= 3) out.push_back(word);
  return out;
}

double share_in(std::string_view text, const std::unordered_set<std::string>& lead) {
  std::vector<std::string> words = words_of(text);
  if (words.empty()) return 0.0;
  auto found = std::count_if(words.begin(), words.end(), [&](const std::string& w) { return lead.count(w) > 0; });
  return static_cast<double>(found) / static_cast<double>(words.size());
}

std::unordered_set<std::string> lead_words(const std::vector<std::string>& paragraphs) {
  std::unordered_set<std::string> lead;
  std::size_t n = 0;
  for (const auto& p : paragraphs) {
    for (auto& w : words_of(p)) {
      lead.insert(std::move(w));
      if (++n >= kLeadWords) return lead;
    }
  }
  return lead;
}

// The first heading with three or more words that the story talks about.
std::string related_heading(const PageMeta& meta, const std::unordered_set<std::string>& lead) {
  for (const auto& h : meta.h1s) {
    std::string t = util::collapse_space(h);
    if (word_count(t) >= 3 && !holds_markup(t) && share_in(t, lead) >= kRelated) return t;
  }
  return "";
}

// The heading the story's text opens with (its first paragraph), of three
// words or more, or "".
std::string opening_heading(const PageMeta& meta, const std::vector<std::string>& paragraphs) {
  if (paragraphs.empty()) return "";
  const std::string first = lower(paragraphs.front());
  for (const auto& h : meta.h1s) {
    std::string t = util::collapse_space(h);
    if (word_count(t) >= 3 && !holds_markup(t) && lower(t) == first) return t;
  }
  return "";
}

// "Section- Headline", "Site: Headline": a title that ends with the line the
// story opens with, after a short part and a separator, is that line.
std::string opening_line_in_title(std::string_view raw, const std::vector<std::string>& paragraphs) {
  if (paragraphs.empty()) return "";
  const std::string line = util::collapse_space(paragraphs.front());
  const std::string t = util::collapse_space(raw);
  if (word_count(line) < 2 || line.size() >= t.size() || lower(t).substr(t.size() - line.size()) != lower(line)) {
    return "";
  }
  std::string_view head = util::trim(std::string_view(t).substr(0, t.size() - line.size()));
  if (head.empty() || word_count(head) > 5) return "";
  const std::string_view kMarks = ":-|>\xC2\xBB";
  return kMarks.find(head.back()) != std::string_view::npos || head.ends_with("\xE2\x80\x93") ? line : "";
}

}  // namespace

std::string clean_title(std::string_view raw, const std::vector<std::string>& names, const std::vector<std::string>& h1s) {
  std::string t = util::collapse_space(raw);
  if (t.empty() || holds_markup(t)) return "";
  if (std::string h = heading_in_title(t, h1s); !h.empty()) return h;
  const std::string_view plain = without_source(t);
  Cut c{plain, separators_in(plain), plain.size() != t.size()};
  cut_site_names(c, names);
  cut_short_tails(c);
  cut_trail_heads(c);
  cut_colon_trail(c);
  cut_site_names(c, names);
  if (!c.cut) {
    // Unknown site name: readability's rule, the part before the last
    // separator unless that leaves too few words, else the part after the first.
    std::erase_if(c.seps, [](const Separator& s) { return !s.strong; });
    bool exclaims = !c.seps.empty() && (c.view.back() == '!' || c.view.back() == '?');
    if (exclaims) {
      // "Dress stolen -- GONE!!!": the tail is part of the headline.
    } else if (!c.seps.empty() && word_count(c.head()) >= 3) {
      c.keep_head();
    } else if (!c.seps.empty() && word_count(c.rest()) >= 3) {
      c.keep_tail();
    }
    cut_short_tails(c);
  }
  return std::string(c.view);
}

std::string resolve_title(const PageMeta& meta, const std::vector<std::string>& paragraphs) {
  std::vector<std::string> names = site_names(meta);
  // A JSON-LD headline sharing little with both og:title and <title> (those
  // the page has) describes the page: Wikipedia puts its short description
  // there ("constitutional monarchy in Oceania").
  bool ld_unrelated = !util::trim(meta.json_ld.headline).empty();
  bool any_title = false;
  for (std::string_view title : {meta.meta("og:title"), std::string_view(meta.title)}) {
    std::unordered_set<std::string> title_words;
    for (auto& w : words_of(title)) title_words.insert(std::move(w));
    if (title_words.empty()) continue;
    any_title = true;
    if (share_in(meta.json_ld.headline, title_words) >= kRelated) ld_unrelated = false;
  }
  ld_unrelated = ld_unrelated && any_title;
  // What the publisher states as the story's headline, most trusted first.
  for (std::string_view stated : {ld_unrelated ? std::string_view() : std::string_view(meta.json_ld.headline),
                                  meta.meta("og:title"), meta.meta("twitter:title"),
                                  std::string_view(meta.itemprop_headline)}) {
    std::string t = clean_title(stated, names, meta.h1s);
    if (!t.empty()) return t;
  }
  // The page's title often names only the site or a section ("Latest News"):
  // then a heading the story talks about is the headline.
  std::string title;
  bool decorated = false;  // "Site | A headline of words": what is left is a headline
  for (std::string_view candidate : {meta.meta("dc.title"), meta.meta("dc:title"), std::string_view(meta.title)}) {
    if (std::string line = opening_line_in_title(candidate, paragraphs); !line.empty()) return line;
    title = clean_title(candidate, names, meta.h1s);
    decorated = title != util::collapse_space(candidate) && word_count(title) >= 4;
    if (!title.empty()) break;
  }
  std::unordered_set<std::string> lead = lead_words(paragraphs);
  if (!lead.empty() && (title.empty() || (!decorated && share_in(title, lead) < kUnrelated))) {
    if (std::string h = related_heading(meta, lead); !h.empty()) return h;
  }
  // The story opens with a heading the title has nothing of: the title names
  // the site ("The Harbour Network", though the dateline credits it too).
  if (std::string h = opening_heading(meta, paragraphs); !h.empty() && !decorated) {
    std::unordered_set<std::string> heading_words, title_words;
    for (auto& w : words_of(h)) heading_words.insert(std::move(w));
    for (auto& w : words_of(title)) title_words.insert(std::move(w));
    if (title.empty() ||
        std::max(share_in(title, heading_words), share_in(h, title_words)) < kUnrelated) {
      return h;
    }
  }
  if (!title.empty()) return title;
  // No title: the first <h1> outside page furniture, else the first heading.
  for (const auto& w : meta.headline_windows) {
    if (word_count(util::collapse_space(w.heading)) >= 2) return util::collapse_space(w.heading);
  }
  return meta.h1s.empty() ? "" : util::collapse_space(meta.h1s.front());
}

}  // namespace morgue::html
