#include "extract/html_meta.h"

#include <string>
#include <utility>

#include "extract/html_dom.h"
#include "extract/html_meta_collector.h"
#include "util/strings.h"

namespace morgue::html {
namespace meta_internal {
namespace {

constexpr std::size_t kMaxMetas = 400;
constexpr std::size_t kMaxScripts = 60;           // inline scripts searched for dates
constexpr std::size_t kMaxScriptScan = 4 << 20;   // bytes of them

}  // namespace

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool Collector::enter(const xmlNode* n) {
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
  char kind = boiler_.kind(n, tag, class_id);
  if (kind & BoilerRules::kBoiler) ++boiler_depth_;
  if (kind & BoilerRules::kHardBoiler) ++hard_boiler_depth_;
  if (kind & BoilerRules::kDateBoiler) ++date_boiler_depth_;
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

void Collector::leave(const xmlNode* n) {
  if (n == heading_) heading_ = nullptr;
  if (!is_element(n) || boiler_stack_.empty()) return;
  char kind = boiler_stack_.back();
  if (kind & BoilerRules::kBoiler) --boiler_depth_;
  if (kind & BoilerRules::kHardBoiler) --hard_boiler_depth_;
  if (kind & BoilerRules::kDateBoiler) --date_boiler_depth_;
  boiler_stack_.pop_back();
}

// JSON-LD, also in a script without its type; other inline scripts are
// searched for a publication date under a known key.
void Collector::read_script(const xmlNode* n) {
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

void Collector::read_meta(const xmlNode* n) {
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

}  // namespace meta_internal

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
  meta_internal::Collector collector(out, root);
  walk(
      root, [&](const xmlNode* n) { return collector.enter(n); }, [&](const xmlNode* n) { collector.leave(n); });
  return out;
}

}  // namespace morgue::html

