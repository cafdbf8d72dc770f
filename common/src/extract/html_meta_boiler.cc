#include "extract/html_meta_boiler.h"

#include <algorithm>

#include "extract/html_dom.h"

namespace morgue::html::meta_internal {
namespace {

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
    "te-puede-interesar", "vous-aimerez", "more-stories", "morestories", "more-news", "morenews", "recent"};

// Side columns, and the boilerplate words other than them.
constexpr std::string_view kSideWords[] = {"sidebar"};
constexpr std::string_view kOtherBoilerWords[] = {"comment", "related", "recommend", "popular", "trending",
                                                  "reply", "replies"};

// Class words whose dates are not the story's but whose names may be (left to
// the byline code): navigation bars carry the page's clock, forum member
// boxes the day a member joined.
constexpr std::string_view kDateBoilerWords[] = {"nav", "userinfo", "user-info", "postprofile",
                                                 "memberinfo", "member-info", "poster-info", "usercard"};

// `class_id` is lower case already (class_and_id()).
bool related_class(std::string_view class_id) {
  if (class_id.empty()) return false;
  return std::any_of(std::begin(kRelatedParts), std::end(kRelatedParts),
                     [&](std::string_view part) { return class_id.find(part) != std::string_view::npos; });
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

}  // namespace

bool boiler_class(std::string_view class_id, std::span<const std::string_view> words) {
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

BoilerRules::BoilerRules(const xmlNode* root) : holders_(headline_holders(root)) {}

// Pages repeat a few class strings many times: each is searched once.
bool BoilerRules::related_cached(const std::string& class_id) const {
  if (class_id.empty()) return false;
  auto it = related_cache_.find(class_id);
  if (it != related_cache_.end()) return it->second;
  bool related = related_class(class_id);
  if (related_cache_.size() < 4096) related_cache_.emplace(class_id, related);
  return related;
}

// A "sidebar" inside the <article> that holds the headline is the story's
// own side column (its date, author, facts), not the site's.
bool BoilerRules::story_side_column(const xmlNode* n, const std::string& class_id) const {
  if (!boiler_class(class_id, kSideWords) || boiler_class(class_id, kOtherBoilerWords)) return false;
  std::size_t up = 0;
  for (const xmlNode* p = n->parent; p != nullptr && ++up < 40; p = p->parent) {
    if (tag_of(p) == "article") return holds_headline(p);
  }
  return false;
}

char BoilerRules::kind(const xmlNode* n, std::string_view tag, const std::string& class_id) const {
  bool related = related_cached(class_id);
  bool by_class = tag != "body" && tag != "html" && tag != "article" && tag != "main" && !holds_headline(n) &&
                  (boiler_class(class_id, kBoilerWords) || related) && !story_side_column(n, class_id);
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

}  // namespace morgue::html::meta_internal
