#include "extract/html_meta.h"

#include <algorithm>
#include <cctype>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "extract/html_dom.h"
#include "util/strings.h"

namespace morgue::html {
namespace {

constexpr std::size_t kMaxPerKind = 12;
constexpr std::size_t kMaxMetas = 400;
constexpr std::size_t kMaxHeadlines = 4;      // h1s whose surroundings are kept
constexpr std::size_t kBeforeHeadline = 120;  // bytes of text kept before an h1
constexpr std::size_t kAfterHeadline = 240;   // bytes of text kept after it
constexpr std::size_t kLabelBytes = 100;      // bytes kept from a date label on
constexpr std::size_t kLongText = 80;         // characters: a text this long is story, not a dateline
constexpr std::size_t kStoryOpening = 40;     // bytes kept from the story's first text
constexpr std::size_t kMaxTextScan = 1 << 20; // visible text looked at for labels and headlines

// Parts of a page whose dates and names are not the story's.
// Matched at the start of a class or id word: "sidebar" and "comments-list"
// are boilerplate, "has-sidebar" on a page wrapper is not.
constexpr std::string_view kBoilerWords[] = {"comment", "related", "sidebar", "footer", "recommend",
                                             "popular", "trending", "reply", "replies"};
constexpr std::string_view kHardBoilerWords[] = {"comment", "related", "sidebar", "recommend", "popular",
                                                 "trending", "reply", "replies"};
// Lists of other stories, as class and id names say it in several languages
// ("noticias-relacionadas", "weitere-artikel", "a-lire-aussi"): matched
// anywhere in the name, as they seldom stand first. Boilerplate like "related".
constexpr std::string_view kRelatedParts[] = {
    "related", "relacionad", "correlat", "connexe", "similaire", "similar", "verwandt", "aehnlich", "ähnlich",
    "weitere-artikel", "weitere-beitr", "weitereartikel", "mehr-zum-thema", "mehrzumthema", "lesetipp",
    "meistgelesen", "most-read", "mostread", "most-viewed", "mostviewed", "read-next", "readnext", "also-read",
    "lire-aussi", "lireaussi", "leggi-anche", "leggianche", "lees-ook", "zie-ook", "lea-tambien", "lee-tambien",
    "te-puede-interesar", "vous-aimerez", "more-stories", "morestories", "more-news", "morenews"};

// Side columns, and the boilerplate words other than them.
constexpr std::string_view kSideWords[] = {"sidebar"};
constexpr std::string_view kOtherBoilerWords[] = {"comment", "related", "recommend", "popular", "trending",
                                                        "reply", "replies"};

// Class words whose dates are not the story's but whose names may be (left to
// the byline code): navigation bars carry the page's clock, forum member
// boxes the day a member joined.
constexpr std::string_view kDateBoilerWords[] = {"nav", "userinfo", "user-info", "postprofile",
                                                 "memberinfo", "member-info", "poster-info", "usercard"};
constexpr std::string_view kDateWords[] = {"date", "time", "posted", "published", "dateline",
                                                                "byline", "meta", "pubdate", "datum", "fecha"};
constexpr std::string_view kMarkedDateWords[] = {"published", "entry-date", "pubdate",
                                                                      "post-date", "publish", "article-date"};
// Visible words that introduce the publication date ("Veröffentlicht am 3. Mai
// 2021", "Publié le ..."), lower case.
constexpr std::string_view kDateLabels[] = {
    "published", "posted on", "veröffentlicht", "erschienen", "publiziert", "erstellt am", "geschrieben am",
    "gespeichert von", "datum:", "date:", "stand:", "publié", "publicado", "pubblicato", "gepubliceerd",
    "geplaatst op", "wurde am", "beitrag wurde", "artikel wurde", "eintrag wurde", "entry was posted",
    // Other European languages (lower case as util::to_lower gives it).
    "mise en ligne", "mis en ligne", "publicada", "opublikowano", "publikováno", "uverejnené", "objavljeno",
    "publicerad", "publiceret", "publisert", "julkaistu", "avaldatud", "paskelbta", "publicēts", "közzétéve",
    "publicat", "yayınlanma", "yayın tarihi", "опубликовано", "публикувано", "опубліковано", "δημοσιεύθηκε",
    "δημοσίευση"};
// Data attributes that hold the publication time, as a Unix time
// (data-utime="1507287600") or a date; they beat the rendered text ("vor 3
// Stunden", "4. März") of the same element.
constexpr const char* kDateAttributes[] = {"data-utime", "data-timestamp", "data-epoch", "data-published",
                                           "data-publish-date", "data-pubdate", "data-published-at",
                                           "data-datetime", "data-date", "data-time"};
constexpr std::size_t kMaxScripts = 60;           // inline scripts searched for dates
constexpr std::size_t kMaxScriptScan = 4 << 20;   // bytes of them

// Appends `text` with white space collapsed, keeping `buf` under `cap` bytes.
void append_text(std::string& buf, std::string_view text, std::size_t cap) {
  if (buf.size() >= cap) return;
  if (!buf.empty() && buf.back() != ' ') buf.push_back(' ');
  std::string piece = util::collapse_space(text.substr(0, cap));
  buf.append(piece, 0, cap - std::min(cap, buf.size()));
}

// The last `keep` bytes of `s`, starting at a word so no UTF-8 sequence is cut.
std::string tail_words(const std::string& s, std::size_t keep) {
  if (s.size() <= keep) return s;
  std::size_t from = s.find(' ', s.size() - keep);
  return from == std::string::npos ? std::string() : s.substr(from + 1);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// `class_id` is lower case already (class_and_id()).
bool related_class(std::string_view class_id) {
  if (class_id.empty()) return false;
  return std::any_of(std::begin(kRelatedParts), std::end(kRelatedParts),
                     [&](std::string_view part) { return class_id.find(part) != std::string_view::npos; });
}

bool boiler_class(std::string_view class_id, std::span<const std::string_view> words = kBoilerWords) {
  std::size_t i = 0;
  while (i < class_id.size()) {
    while (i < class_id.size() && class_id[i] == ' ') ++i;
    std::size_t start = i;
    while (i < class_id.size() && class_id[i] != ' ') ++i;
    std::string_view word = class_id.substr(start, i - start);
    for (std::string_view b : words) {
      if (word.substr(0, b.size()) == b) return true;
    }
  }
  return false;
}

void push_capped(std::vector<std::string>& list, std::string value, std::size_t cap = kMaxPerKind) {
  if (!value.empty() && list.size() < cap) list.push_back(std::move(value));
}

// Text of the first descendant with itemprop=name, else of the element.
std::string person_name(const xmlNode* n) {
  std::size_t visited = 0;
  for (const xmlNode* cur = n->children; cur != nullptr && ++visited < 200; cur = next_node(cur, n, true)) {
    if (is_element(cur) && attr_of(cur, "itemprop") == "name") {
      std::string_view content = attr_of(cur, "content");
      return content.empty() ? text_of(cur, 200) : util::collapse_space(content);
    }
  }
  std::string_view content = attr_of(n, "content");
  return content.empty() ? text_of(n, 200) : util::collapse_space(content);
}

// The first <ul>/<ol> inside a crumb's <li>, or null.
const xmlNode* nested_list(const xmlNode* li) {
  std::size_t visited = 0;
  for (const xmlNode* cur = li->children; cur != nullptr && ++visited < 200; cur = next_node(cur, li, true)) {
    if (is_element(cur) && (tag_of(cur) == "ul" || tag_of(cur) == "ol")) return cur;
  }
  return nullptr;
}

std::size_t li_children(const xmlNode* list) {
  std::size_t n = 0;
  for (const xmlNode* c = list->children; c != nullptr; c = c->next) n += is_element(c) && tag_of(c) == "li";
  return n;
}

const xmlNode* first_link(const xmlNode* li) {
  std::size_t visited = 0;
  for (const xmlNode* cur = li->children; cur != nullptr && ++visited < 200; cur = next_node(cur, li, true)) {
    if (is_element(cur) && tag_of(cur) == "a") return cur;
  }
  return nullptr;
}

// Items of a breadcrumb trail: its <li> texts, else its link texts. A crumb
// holding a list is its first link: the list is the next crumb when it has one
// item (trails nested as lists), a submenu of other sections otherwise.
std::vector<std::string> crumb_items(const xmlNode* n) {
  std::vector<std::string> items, links;
  std::size_t visited = 0;
  for (const xmlNode* cur = n->children; cur != nullptr && ++visited < 400;) {
    bool descend = true;
    if (is_element(cur)) {
      std::string_view tag = tag_of(cur);
      if (tag == "li") {
        const xmlNode* list = nested_list(cur);
        const xmlNode* link = list != nullptr ? first_link(cur) : nullptr;
        push_capped(items, text_of(link != nullptr ? link : cur, 100));
        descend = list != nullptr && li_children(list) == 1;
      } else if (tag == "a") {
        push_capped(links, text_of(cur, 100));
      }
    }
    cur = next_node(cur, n, descend);
  }
  return items.empty() ? links : items;
}

// Whether `n` (a date element) or one of its descendants is dated: a <time>
// or an element whose class says date.
bool holds_date(const xmlNode* n) {
  std::size_t visited = 0;
  for (const xmlNode* cur = n; cur != nullptr && ++visited < 60; cur = next_node(cur, n, true)) {
    if (!is_element(cur)) continue;
    if (tag_of(cur) == "time" || contains_any(class_and_id(cur), {"date", "datum", "time"})) return true;
  }
  return false;
}

// A date inside a list item whose list has other dated items lists other
// things (stories, events, posts), not the story: "<ul><li>29.02. Tasting</li>
// <li>07.03. Dinner</li></ul>". A post's meta list with one date is not one.
bool in_dated_list(const xmlNode* n) {
  const xmlNode* li = n;
  for (int up = 0; li != nullptr && up < 6 && tag_of(li) != "li"; ++up) li = li->parent;
  if (li == nullptr || tag_of(li) != "li" || li->parent == nullptr) return false;
  int items = 0;
  for (const xmlNode* c = li->parent->children; c != nullptr && items < 40; c = c->next) {
    if (!is_element(c) || tag_of(c) != "li") continue;
    ++items;
    if (c != li && holds_date(c)) return true;
  }
  return false;
}

// The elements holding the page's first h1: a theme may call the story's
// column "sidebar", and the headline says otherwise.
std::unordered_set<const xmlNode*> headline_holders(const xmlNode* root) {
  std::unordered_set<const xmlNode*> out;
  std::size_t visited = 0;
  for (const xmlNode* n = root; n != nullptr && ++visited < 200000; n = next_node(n, root, true)) {
    if (tag_of(n) != "h1") continue;
    for (const xmlNode* p = n->parent; p != nullptr && out.size() < 400; p = p->parent) out.insert(p);
    break;
  }
  return out;
}

class Collector {
 public:
  Collector(PageMeta& out, const xmlNode* root) : out_(out), holders_(headline_holders(root)) {}

  bool enter(const xmlNode* n) {
    if (n->type == XML_TEXT_NODE) read_text(n);
    if (!is_element(n)) return false;
    std::string_view tag = tag_of(n);
    if (tag == "script") {
      read_script(n);
      return false;
    }
    if (tag == "style" || tag == "noscript" || tag == "svg" || tag == "template") return false;
    if (tag == "meta") {
      read_meta(n);
      return false;
    }
    if (tag == "title" && out_.title.empty()) {
      out_.title = text_of(n, 2000);
      return false;
    }
    if (tag == "link") {
      std::string rel = lower(attr_of(n, "rel"));
      if (rel == "canonical" && out_.canonical.empty()) out_.canonical = util::trim(attr_of(n, "href"));
      return false;
    }
    if (tag == "base" && out_.base.empty()) out_.base = util::trim(attr_of(n, "href"));
    if (tag == "html" && out_.lang.empty()) {
      out_.lang = attr_of(n, "lang");
      if (out_.lang.empty()) out_.lang = attr_of(n, "xml:lang");
    }
    std::string class_id = class_and_id(n);
    char kind = boiler_kind(n, tag, class_id);
    if (kind & kBoiler) ++boiler_depth_;
    if (kind & kHardBoiler) ++hard_boiler_depth_;
    if (kind & kDateBoiler) ++date_boiler_depth_;
    boiler_stack_.push_back(kind);
    // Pages without an h1 before the story use an h2 for its headline.
    bool window = tag == "h1" ? h1_windows_ < kMaxHeadlines : (tag == "h2" && h1_windows_ == 0 && h2_windows_ < 2);
    if (window && boiler_depth_ == 0 && heading_ == nullptr) {
      ++(tag == "h1" ? h1_windows_ : h2_windows_);
      window_is_h2_ = tag == "h2";
      out_.headline_windows.push_back({text_of(n, 400), tail_words(tail_, kBeforeHeadline), ""});
      heading_ = n;
      after_open_ = true;
    }
    read_element(n, tag, class_id);
    return true;
  }

  void leave(const xmlNode* n) {
    if (n == heading_) heading_ = nullptr;
    if (!is_element(n) || boiler_stack_.empty()) return;
    char kind = boiler_stack_.back();
    if (kind & kBoiler) --boiler_depth_;
    if (kind & kHardBoiler) --hard_boiler_depth_;
    if (kind & kDateBoiler) --date_boiler_depth_;
    boiler_stack_.pop_back();
  }

 private:
  // JSON-LD, also in a script without its type; other inline scripts are
  // searched for a publication date under a known key.
  void read_script(const xmlNode* n) {
    bool ld = lower(attr_of(n, "type")).find("ld+json") != std::string::npos;
    if (ld ? ++scripts_ > 20 : (has_attr(n, "src") || ++other_scripts_ > kMaxScripts || script_bytes_ > kMaxScriptScan)) {
      return;
    }
    std::string text;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->content != nullptr) text += reinterpret_cast<const char*>(c->content);
    }
    std::string_view body = util::trim(text);
    if (!ld && (body.starts_with("{") || body.starts_with("[")) && body.find("schema.org") != std::string_view::npos &&
        body.find("@type") != std::string_view::npos) {
      ld = true;
    }
    if (ld) {
      read_json_ld(text, out_.json_ld);
      return;
    }
    script_bytes_ += text.size();
    if (out_.script_dates.size() < kMaxPerKind) {
      for (auto& d : find_script_dates(text, 2)) push_capped(out_.script_dates, std::move(d));
    }
  }

  // Visible text feeds the headline windows and the date labels.
  void read_text(const xmlNode* n) {
    if (hard_boiler_depth_ > 0 || date_boiler_depth_ > 0 || n->content == nullptr || text_seen_ > kMaxTextScan) return;
    std::string_view text(reinterpret_cast<const char*>(n->content));
    text_seen_ += text.size();
    if (util::trim(text).empty()) return;
    if (boiler_depth_ > 0) {
      read_label(text);
      return;
    }
    if (heading_ == nullptr && after_open_) {
      // Datelines and bylines are short texts; long ones are the standfirst
      // or the story, whose dates are events: keep only their opening words.
      std::string& after = out_.headline_windows.back().after;
      std::string piece = util::collapse_space(text.substr(0, kAfterHeadline));
      // Under an h2 (a weaker sign of the headline) only short texts count.
      if (count_chars(piece) > kLongText) {
        std::size_t cut = window_is_h2_ ? std::string::npos : piece.rfind(' ', kStoryOpening);
        piece.resize(cut == std::string::npos ? 0 : cut);
        if (window_is_h2_) after_open_ = false;
      }
      append_text(after, piece, kAfterHeadline);
      if (after.size() >= kAfterHeadline) after_open_ = false;
    }
    tail_ += ' ';
    tail_.append(util::collapse_space(text.size() > 4 * kBeforeHeadline ? text.substr(text.size() - 4 * kBeforeHeadline)
                                                                         : text));
    if (tail_.size() > 4 * kBeforeHeadline) tail_ = tail_words(tail_, kBeforeHeadline);
    read_label(text);
  }

  // "Veröffentlicht am 3. Mai 2021", "<dt>Datum:</dt><dd>...</dd>".
  void read_label(std::string_view text) {
    std::size_t first = std::string::npos;
    if (text.size() <= 400) {
      std::string lowered = util::to_lower(text);
      // The earliest label: "Dieser Beitrag wurde am 3. Mai veröffentlicht".
      for (std::string_view label : kDateLabels) {
        std::size_t at = lowered.find(label);
        // A word of its own: "update:" does not hold the label "date:".
        if (at == std::string::npos || (at > 0 && std::isalpha(static_cast<unsigned char>(lowered[at - 1])))) continue;
        first = std::min(first, at);
      }
    }
    // A text that is only a label word: a term or table heading ("Datum").
    if (first == std::string::npos && text.size() < 40) {
      std::string word = util::to_lower(util::trim(text));
      for (std::string_view w : {"datum", "date", "published", "veröffentlicht", "erschienen", "publié", "publicado",
                                 "pubblicato", "fecha", "gepubliceerd"}) {
        if (word == w) first = text.find_first_not_of(" \t\r\n");
      }
    }
    // A text with a label of its own starts a new entry; others continue the last.
    if (first >= text.size() || out_.labelled_dates.size() >= kMaxPerKind) {
      if (label_nodes_ > 0 && !out_.labelled_dates.empty()) {
        --label_nodes_;
        append_text(out_.labelled_dates.back(), text, kLabelBytes);
      }
      return;
    }
    out_.labelled_dates.emplace_back();
    append_text(out_.labelled_dates.back(), text.substr(first), kLabelBytes);
    label_nodes_ = 3;  // the date often sits in the next element: <dt>Datum</dt><dd>...</dd>
  }

  void read_meta(const xmlNode* n) {
    if (out_.metas.size() >= kMaxMetas) return;
    std::string_view content = attr_of(n, "content");
    if (content.empty()) return;
    for (const char* key_attr : {"property", "name", "itemprop", "http-equiv"}) {
      std::string_view key = attr_of(n, key_attr);
      if (key.empty()) continue;
      // RDFa lists several properties in one attribute: "dc:creator twitter:site_name".
      for (const auto& one : util::split(lower(util::trim(key.substr(0, 100))), ' ')) {
        if (!one.empty() && out_.metas.size() < kMaxMetas) {
          out_.metas.emplace_back(one, util::collapse_space(content.substr(0, 4000)));
        }
      }
    }
  }

  void read_element(const xmlNode* n, std::string_view tag, const std::string& class_id) {
    // Headline candidates: headings and "headline"/"title" elements, used
    // only when the page's <title> contains them.
    if (tag == "h1" || tag == "h2" || tag == "h3" ||
        (out_.h1s.size() < 20 && contains_any(class_id, {"headline", "title"}))) {
      std::string text = text_of(n, 400);
      if (text.size() < 300) push_capped(out_.h1s, std::move(text), 20);
    }
    std::string itemprop = lower(attr_of(n, "itemprop"));
    if (!itemprop.empty()) read_itemprop(n, itemprop);
    // RDFa: <span property="schema:dateCreated" content="...">.
    std::string property = lower(attr_of(n, "property"));
    std::string_view local = std::string_view(property).substr(property.find(':') + 1);
    if (local == "datepublished" || local == "datecreated" || local == "datemodified") read_itemprop(n, std::string(local));
    bool dates_here = boiler_depth_ == 0 && date_boiler_depth_ == 0 &&
                      ((tag != "time" && tag != "abbr" && !contains_any(class_id, kDateWords)) || !in_dated_list(n));
    if (dates_here && n->properties != nullptr) read_date_attributes(n);
    if (tag == "time" || tag == "abbr") {
      std::string_view when = attr_of(n, "datetime");
      if (when.empty() && tag == "abbr") when = attr_of(n, "title");
      std::string value = when.empty() ? text_of(n, 120) : util::collapse_space(when);
      bool marked = has_attr(n, "pubdate") || contains_any(class_id, kMarkedDateWords);
      if (marked && dates_here) push_capped(out_.marked_dates, value);
      else if (tag == "time" && dates_here) push_capped(out_.time_dates, value);
    }
    if (tag == "a" && lower(attr_of(n, "rel")) == "author") push_capped(out_.rel_authors, text_of(n, 200));
    if (boiler_depth_ > 0) return;
    if (contains_any(class_id, {"byline", "author"}) && out_.byline_texts.size() < kMaxPerKind) {
      std::string text = text_of(n, 300);
      if (count_chars(text) < 150) push_capped(out_.byline_texts, std::move(text));
    }
    if (dates_here && contains_any(class_id, kDateWords) && out_.date_texts.size() < kMaxPerKind * 2) {
      std::string text = text_of(n, 300);
      if (count_chars(text) < 150) push_capped(out_.date_texts, std::move(text), kMaxPerKind * 2);
    }
    if (out_.breadcrumbs.empty() && ++crumb_checks_ < 50000 &&
        (class_id.find("breadcrumb") != std::string::npos ||
         lower(attr_of(n, "aria-label")).find("breadcrumb") != std::string::npos ||
         attr_of(n, "itemtype").find("BreadcrumbList") != std::string_view::npos)) {
      out_.breadcrumbs = crumb_items(n);
    }
    if (tag == "figcaption" || class_id.find("caption") != std::string::npos) {
      push_capped(out_.captions, text_of(n, 1000), 20);
    }
  }

  void read_itemprop(const xmlNode* n, const std::string& itemprop) {
    auto value = [&] {
      for (const char* a : {"content", "datetime"}) {
        std::string_view v = attr_of(n, a);
        if (!v.empty()) return util::collapse_space(v);
      }
      return text_of(n, 300);
    };
    if (itemprop == "datepublished" || itemprop == "datecreated") {
      push_capped(out_.itemprop_dates, value());
    } else if (itemprop == "datemodified") {
      push_capped(out_.modified_dates, value());
    } else if (itemprop == "author" || itemprop == "creator") {
      push_capped(out_.itemprop_authors, person_name(n));
    } else if (itemprop == "articlesection" && out_.itemprop_section.empty()) {
      out_.itemprop_section = value();
    } else if (itemprop == "headline" && out_.itemprop_headline.empty()) {
      out_.itemprop_headline = value();
    }
  }

  bool holds_headline(const xmlNode* n) const { return holders_.contains(n); }

  // Pages repeat a few class strings many times: each is searched once.
  bool related_cached(const std::string& class_id) const {
    if (class_id.empty()) return false;
    auto it = related_cache_.find(class_id);
    if (it != related_cache_.end()) return it->second;
    bool related = related_class(class_id);
    if (related_cache_.size() < 4096) related_cache_.emplace(class_id, related);
    return related;
  }

  // A "sidebar" inside the <article> that holds the headline is the story's
  // own side column (its date, author, facts), not the site's.
  bool story_side_column(const xmlNode* n, const std::string& class_id) const {
    if (!boiler_class(class_id, kSideWords) || boiler_class(class_id, kOtherBoilerWords)) return false;
    std::size_t up = 0;
    for (const xmlNode* p = n->parent; p != nullptr && ++up < 40; p = p->parent) {
      if (tag_of(p) == "article") return holds_headline(p);
    }
    return false;
  }

  // kBoiler: not the story (no headline windows, times, date elements or
  // bylines); kHardBoiler: not even its labelled dates; kDateBoiler: a
  // navigation bar or member box, whose dates are never the story's.
  static constexpr char kBoiler = 1, kHardBoiler = 2, kDateBoiler = 4;
  char boiler_kind(const xmlNode* n, std::string_view tag, const std::string& class_id) const {
    bool related = related_cached(class_id);
    bool by_class = tag != "body" && tag != "html" && tag != "article" && tag != "main" && !holds_headline(n) &&
                    (boiler_class(class_id) || related) && !story_side_column(n, class_id);
    // An <aside class="meta"> beside the story holds its date, not a sidebar.
    bool meta_aside = tag == "aside" && contains_any(class_id, kDateWords);
    bool boiler = tag == "nav" || (tag == "aside" && !meta_aside) || tag == "footer" || by_class;
    // Labelled dates still count in a class-made footer ("footer-meta":
    // "Erschienen am: ...") and in an <aside> of the story's own <article>,
    // its fact box ("<dt>Datum</dt><dd>12.01.2017</dd>").
    bool article_aside = tag == "aside" && n->parent != nullptr && tag_of(n->parent) == "article";
    bool class_footer = by_class && tag != "footer" && !related && !boiler_class(class_id, kHardBoilerWords);
    bool hard = boiler && !article_aside && !class_footer;
    bool date_boiler = !boiler && !holds_headline(n) && boiler_class(class_id, kDateBoilerWords);
    return static_cast<char>((boiler ? kBoiler : 0) | (hard ? kHardBoiler : 0) | (date_boiler ? kDateBoiler : 0));
  }

  // Unix times and dates in data attributes (data-utime, data-timestamp...).
  void read_date_attributes(const xmlNode* n) {
    for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
      if (a->name == nullptr || a->name[0] != 'd') continue;
      std::string_view name(reinterpret_cast<const char*>(a->name));
      for (const char* wanted : kDateAttributes) {
        if (name != wanted) continue;
        std::string_view v = attr_of(n, wanted);
        if (!v.empty() && v.size() < 60) push_capped(out_.data_dates, util::collapse_space(v));
      }
    }
  }

  PageMeta& out_;
  std::unordered_set<const xmlNode*> holders_;
  mutable std::unordered_map<std::string, bool> related_cache_;  // class string -> related_class()
  int boiler_depth_ = 0;
  int hard_boiler_depth_ = 0;  // boilerplate other than class-made footers
  int date_boiler_depth_ = 0;  // navigation and member boxes: no dates from there
  std::size_t other_scripts_ = 0;
  std::size_t h1_windows_ = 0, h2_windows_ = 0;
  bool window_is_h2_ = false;
  std::size_t script_bytes_ = 0;
  std::vector<char> boiler_stack_;  // per open element: its boiler_kind()
  int scripts_ = 0;
  std::size_t crumb_checks_ = 0;
  const xmlNode* heading_ = nullptr;  // the h1 being read, while inside it
  std::string tail_;                  // recent visible text, for the text before an h1
  std::size_t text_seen_ = 0;
  int label_nodes_ = 0;               // text nodes still to add to the last labelled date
  bool after_open_ = false;           // still reading the text after the last h1
};

}  // namespace

std::string_view PageMeta::meta(std::string_view key) const {
  for (const auto& [k, v] : metas) {
    if (k == key) return v;
  }
  return {};
}

PageMeta collect_meta(const xmlDoc* doc) {
  PageMeta out;
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return out;
  Collector collector(out, root);
  walk(
      root, [&](const xmlNode* n) { return collector.enter(n); }, [&](const xmlNode* n) { collector.leave(n); });
  return out;
}

}  // namespace morgue::html

