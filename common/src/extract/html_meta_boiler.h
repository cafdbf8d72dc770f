// Which parts of a page are not the story, for collect_meta() (private
// header): comments, related stories, sidebars, footers, navigation.
#pragma once

#include <libxml/tree.h>

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace morgue::html::meta_internal {

// Class and id words of elements that hold dates (also an <aside> beside the
// story: its date, not a sidebar).
inline constexpr std::string_view kDateWords[] = {"date", "time", "posted", "published", "dateline",
                                                  "byline", "meta", "pubdate", "datum", "fecha"};

// Whether a word of `class_id` (lower case, words split by spaces) starts
// with one of `words`.
bool boiler_class(std::string_view class_id, std::span<const std::string_view> words);

class BoilerRules {
 public:
  // `root`: the page, whose first h1 is found at once.
  explicit BoilerRules(const xmlNode* root);

  // kBoiler: not the story (no headline windows, times, date elements or
  // bylines); kHardBoiler: not even its labelled dates; kDateBoiler: a
  // navigation bar or member box, whose dates are never the story's.
  static constexpr char kBoiler = 1, kHardBoiler = 2, kDateBoiler = 4;
  // The kinds of element `n` (tag and class_and_id() given), or 0.
  char kind(const xmlNode* n, std::string_view tag, const std::string& class_id) const;

 private:
  bool holds_headline(const xmlNode* n) const { return holders_.contains(n); }
  bool related_cached(const std::string& class_id) const;
  bool story_side_column(const xmlNode* n, const std::string& class_id) const;

  std::unordered_set<const xmlNode*> holders_;                   // the elements around the first h1
  mutable std::unordered_map<std::string, bool> related_cache_;  // class string -> related_class()
};

}  // namespace morgue::html::meta_internal
