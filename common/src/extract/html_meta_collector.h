// The one walk behind collect_meta() (private header). Its parts, by what
// they read:
//   html_meta.cc           the walk, <meta>/<title>/<link> tags, inline scripts
//   html_meta_elements.cc  microdata, RDFa, <time>, data-* dates, bylines,
//                          breadcrumbs, captions, headline candidates
//   html_meta_text.cc      visible text: around headlines, labelled dates
//   html_meta_boiler.cc    which parts of the page are not the story
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/html_meta.h"
#include "extract/html_meta_boiler.h"

namespace morgue::html::meta_internal {

inline constexpr std::size_t kMaxPerKind = 12;
inline constexpr std::size_t kMaxHeadlines = 4;      // h1s whose surroundings are kept
inline constexpr std::size_t kBeforeHeadline = 120;  // bytes of text kept before an h1

// `s` with ASCII letters in lower case.
std::string lower(std::string_view s);

// The last `keep` bytes of `s`, starting at a word so no UTF-8 sequence is cut.
std::string tail_words(const std::string& s, std::size_t keep);

inline void push_capped(std::vector<std::string>& list, std::string value, std::size_t cap = kMaxPerKind) {
  if (!value.empty() && list.size() < cap) list.push_back(std::move(value));
}

// Text of the first descendant with itemprop=name, else of the element.
std::string person_name(const xmlNode* n);
// Items of a breadcrumb trail (its <li> texts, else its link texts).
std::vector<std::string> crumb_items(const xmlNode* n);
// A date inside a list item whose list has other dated items.
bool in_dated_list(const xmlNode* n);

class Collector {
 public:
  Collector(PageMeta& out, const xmlNode* root) : out_(out), boiler_(root) {}

  // The walk's callbacks (html_dom.h walk()): whether to descend into `n`.
  bool enter(const xmlNode* n);
  void leave(const xmlNode* n);

 private:
  // html_meta.cc
  void read_script(const xmlNode* n);
  void read_meta(const xmlNode* n);
  // html_meta_text.cc
  void read_text(const xmlNode* n);
  void read_label(std::string_view text);
  // html_meta_elements.cc
  void read_element(const xmlNode* n, std::string_view tag, const std::string& class_id);
  void read_itemprop(const xmlNode* n, const std::string& itemprop);
  void read_date_attributes(const xmlNode* n);

  PageMeta& out_;
  BoilerRules boiler_;
  int boiler_depth_ = 0;
  int hard_boiler_depth_ = 0;  // boilerplate other than class-made footers
  int date_boiler_depth_ = 0;  // navigation and member boxes: no dates from there
  std::size_t other_scripts_ = 0;
  std::size_t h1_windows_ = 0, h2_windows_ = 0;
  bool window_is_h2_ = false;
  std::size_t script_bytes_ = 0;
  std::vector<char> boiler_stack_;  // per open element: its BoilerRules::kind()
  int scripts_ = 0;
  std::size_t crumb_checks_ = 0;
  const xmlNode* heading_ = nullptr;  // the h1 being read, while inside it
  std::string tail_;                  // recent visible text, for the text before an h1
  std::size_t text_seen_ = 0;
  int label_nodes_ = 0;               // text nodes still to add to the last labelled date
  bool after_open_ = false;           // still reading the text after the last h1
};

}  // namespace morgue::html::meta_internal
