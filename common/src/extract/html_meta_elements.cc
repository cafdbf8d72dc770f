// Fields elements state: microdata and RDFa (itemprop, property), <time>
// and data-* dates, bylines, breadcrumbs, captions and headline candidates.
#include <iterator>

#include "extract/html_dom.h"
#include "extract/html_meta_collector.h"
#include "util/strings.h"

namespace morgue::html::meta_internal {
namespace {

// Class words of <time> and <abbr> elements that hold the publication date.
constexpr std::string_view kMarkedDateWords[] = {"published", "entry-date", "pubdate",
                                                 "post-date", "publish", "article-date"};

// Data attributes that hold the publication time, as a Unix time
// (data-utime="1507287600") or a date; they beat the rendered text ("vor 3
// Stunden", "4. März") of the same element.
constexpr const char* kDateAttributes[] = {"data-utime", "data-timestamp", "data-epoch", "data-published",
                                           "data-publish-date", "data-pubdate", "data-published-at",
                                           "data-datetime", "data-date", "data-time"};

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

}  // namespace

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

void Collector::read_element(const xmlNode* n, std::string_view tag, const std::string& class_id) {
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

void Collector::read_itemprop(const xmlNode* n, const std::string& itemprop) {
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

// Unix times and dates in data attributes (data-utime, data-timestamp...).
void Collector::read_date_attributes(const xmlNode* n) {
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

}  // namespace morgue::html::meta_internal
