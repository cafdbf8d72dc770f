#include "extract/html_blocks.h"

#include <unordered_map>

#include "extract/html_dom.h"

namespace morgue::html {
namespace {

const std::unordered_map<std::string_view, std::uint32_t>& tag_table() {
  static const std::unordered_map<std::string_view, std::uint32_t> table = [] {
    std::unordered_map<std::string_view, std::uint32_t> t;
    for (std::string_view b : {"address", "blockquote", "body", "dd", "details", "dialog", "dir", "dl", "dt",
                               "hr", "html", "li", "menu", "summary", "tbody", "thead", "tfoot", "tr", "th",
                               "caption", "hgroup", "legend", "noframes", "option", "optgroup"}) {
      t[b] = kBlock;
    }
    t["p"] = kBlock | kScoreTag;
    t["pre"] = kBlock | kScoreTag | kCode;
    t["td"] = kBlock | kScoreTag;
    t["section"] = kBlock | kScoreTag | kDivLike;
    t["div"] = kBlock | kDivLike | kCleanable;
    t["article"] = kBlock | kDivLike;
    t["main"] = kBlock | kDivLike;
    t["center"] = kBlock | kDivLike;
    t["header"] = kBlock | kDivLike;
    t["h1"] = kBlock | kHeading;
    for (std::string_view h : {"h2", "h3", "h4", "h5", "h6"}) t[h] = kBlock | kHeading | kScoreTag;
    t["ul"] = kBlock | kList | kCleanable;
    t["ol"] = kBlock | kList;
    t["table"] = kBlock | kCleanable | kTable;
    t["form"] = kBlock | kCleanable;
    t["fieldset"] = kBlock | kCleanable;
    for (std::string_view s : {"nav", "aside", "footer", "figure", "figcaption"}) t[s] = kBlock | kSkipBody;
    for (std::string_view d : {"script", "style", "noscript", "template", "svg", "math", "canvas", "head",
                               "title", "meta", "link", "map", "datalist", "frameset", "frame"}) {
      t[d] = kDrop;
    }
    for (std::string_view i : {"input", "select", "textarea", "button"}) t[i] = kDrop | kInput;
    for (std::string_view e : {"iframe", "object", "embed", "video", "audio", "applet"}) t[e] = kDrop | kEmbed;
    t["img"] = kImage;
    t["picture"] = kImage;
    t["a"] = kLink;
    t["br"] = kLineBreak;
    t["code"] = kCode;
    return t;
  }();
  return table;
}

// Readability's class/id word lists. "and" in kMaybe is deliberate: it keeps
// "brand", "expand", "standard" containers from being dropped as unlikely.
constexpr std::string_view kUnlikely[] = {
    "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus",
    "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss",
    "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
    "pagination", "pager", "popup", "yom-remote", "cookie", "consent", "newsletter", "share", "sharing",
    "promo", "outbrain", "taboola", "subscribe", "signup", "login", "modal", "caption", "tags",
    // "related" in other languages, and lists of other stories (their dates are not the story's).
    "relacionad", "correlat", "aehnlich", "similaire", "weitere-artikel", "lesetipp", "meistgelesen",
    "most-read", "mostread", "read-next", "lire-aussi", "leggi-anche", "lees-ook", "zie-ook"};
constexpr std::string_view kMaybe[] = {"and", "article", "body", "column",
                                                            "content", "main", "shadow"};
constexpr std::string_view kPositive[] = {
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post",
    "text", "blog", "story"};
constexpr std::string_view kNegative[] = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footnote", "gdpr",
    "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
    "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "cookie", "caption"};
constexpr std::string_view kBylineWords[] = {"byline", "author", "dateline",
                                                                  "writtenby", "p-author"};
constexpr std::string_view kDropRoles[] = {"menu", "menubar", "complementary",
                                                                "navigation", "alert", "alertdialog",
                                                                "dialog"};

std::string lower_attr(const xmlNode* n, const char* name) {
  std::string out(attr_of(n, name).substr(0, 200));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_hidden(const xmlNode* n) {
  if (has_attr(n, "hidden")) return true;
  std::string_view aria = attr_of(n, "aria-hidden");
  if (aria == "true") return true;
  std::string_view style = attr_of(n, "style");
  if (style.empty()) return false;
  std::string compact;
  for (char c : style.substr(0, 300)) {
    if (c != ' ') compact.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos;
}

bool has_drop_role(const xmlNode* n) {
  std::string_view role = attr_of(n, "role");
  if (role.empty()) return false;
  for (std::string_view r : kDropRoles) {
    if (role == r) return true;
  }
  return false;
}

// A short element whose class, id, rel or itemprop says it is the byline.
bool is_byline(const xmlNode* n, const std::string& class_id) {
  bool marked = attr_of(n, "rel") == "author" || attr_of(n, "itemprop").find("author") != std::string_view::npos ||
                contains_any(class_id, kBylineWords);
  if (!marked) return false;
  std::string text = text_of(n, 200, 200);
  return !text.empty() && count_chars(text) < 100;
}

int count_commas(std::string_view s) {
  int n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',') ++n;
    // U+FF0C FULLWIDTH COMMA, U+3001 IDEOGRAPHIC COMMA, U+060C ARABIC COMMA
    if (s.compare(i, 3, "\xEF\xBC\x8C") == 0 || s.compare(i, 3, "\xE3\x80\x81") == 0 ||
        s.compare(i, 2, "\xD8\x8C") == 0) {
      ++n;
    }
  }
  return n;
}

// Builds the block array in one walk; state shared by the enter/leave callbacks.
class Builder {
 public:
  Builder(const BlockOptions& options, Blocks& out) : options_(options), out_(out) {}

  bool enter(const xmlNode* n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) add_text(reinterpret_cast<const char*>(n->content));
      return false;
    }
    if (n->type != XML_ELEMENT_NODE) return false;
    std::string_view tag = tag_of(n);
    std::uint32_t flags = tag_flags(tag);
    if (flags & (kDrop | kImage | kLineBreak)) {
      Counts& own = out_.blocks[static_cast<std::size_t>(container())].own;
      if (flags & kInput) ++own.input;
      if (flags & kEmbed) ++own.embed;
      if (flags & kImage) ++own.img;
      if (flags & kLineBreak) line_break();
      return false;
    }
    if (options_.skip_structural && ((flags & kSkipBody) || is_hidden(n) || has_drop_role(n))) return false;
    std::string class_id = class_and_id(n);
    if (options_.strip_unlikely && tag != "body" && tag != "a" && table_depth_ == 0 && code_depth_ == 0 &&
        contains_any(class_id, kUnlikely) && !contains_any(class_id, kMaybe)) {
      return false;
    }
    if (is_byline(n, class_id)) return false;
    if (flags & kTable) ++table_depth_;
    if (flags & kCode) ++code_depth_;
    if (flags & kLink) ++link_depth_;
    if (flags & kBlock) {
      flush();
      Block b;
      b.node = n;
      b.parent = out_.blocks.empty() ? -1 : container();
      b.flags = flags;
      b.class_weight = options_.weight_classes ? class_weight(n) : 0;
      if (tag == "p") b.own.p = 1;
      if (tag == "li") b.own.li = 1;
      if (b.parent >= 0) out_.blocks[static_cast<std::size_t>(b.parent)].block_children = true;
      containers_.push_back(static_cast<int>(out_.blocks.size()));
      out_.blocks.push_back(std::move(b));
    }
    return true;
  }

  void leave(const xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE) return;
    std::uint32_t flags = tag_flags(tag_of(n));
    if (flags & kTable) --table_depth_;
    if (flags & kCode) --code_depth_;
    if (flags & kLink) --link_depth_;
    if ((flags & kBlock) && containers_.size() > 1) {
      flush();
      containers_.pop_back();
    }
  }

  void finish() {
    flush();
    // Pre-order: children follow parents, so one backward pass sums subtrees.
    for (auto& b : out_.blocks) b.total += b.own;
    for (std::size_t i = out_.blocks.size(); i-- > 1;) {
      const Block& b = out_.blocks[i];
      if (b.parent >= 0) out_.blocks[static_cast<std::size_t>(b.parent)].total += b.total;
    }
  }

  void start_root(const xmlNode* root) {
    Block b;
    b.node = root;
    b.flags = kBlock | kDivLike;
    containers_.push_back(0);
    out_.blocks.push_back(std::move(b));
  }

 private:
  int container() const { return containers_.back(); }

  void add_text(std::string_view text) {
    std::size_t before = unit_.text.size();
    append_collapsed(unit_.text, text, pending_space_);
    std::string_view added = std::string_view(unit_.text).substr(before);
    if (added.empty()) return;
    breaks_ = 0;
    if (link_depth_ > 0) unit_.links += static_cast<int>(count_chars(added));
  }

  void line_break() {
    pending_space_ = true;
    // Two <br> in a row end a paragraph, as on old pages without <p>.
    if (++breaks_ >= 2 && !unit_.text.empty()) {
      flush();
      out_.blocks[static_cast<std::size_t>(container())].block_children = true;
    }
  }

  void flush() {
    pending_space_ = false;
    breaks_ = 0;
    while (!unit_.text.empty() && unit_.text.back() == ' ') unit_.text.pop_back();
    if (unit_.text.empty()) {
      unit_ = Unit{};
      return;
    }
    unit_.container = container();
    unit_.chars = static_cast<int>(count_chars(unit_.text));
    unit_.commas = count_commas(unit_.text);
    Block& b = out_.blocks[static_cast<std::size_t>(unit_.container)];
    b.own.text += unit_.chars;
    b.own.links += unit_.links;
    b.own.commas += unit_.commas;
    if (b.flags & kHeading) b.own.headings += unit_.chars;
    out_.units.push_back(std::move(unit_));
    unit_ = Unit{};
  }

  const BlockOptions& options_;
  Blocks& out_;
  std::vector<int> containers_;
  Unit unit_;
  bool pending_space_ = false;
  int breaks_ = 0;
  int table_depth_ = 0, code_depth_ = 0, link_depth_ = 0;
};

}  // namespace

Counts& Counts::operator+=(const Counts& o) {
  text += o.text;
  links += o.links;
  commas += o.commas;
  headings += o.headings;
  p += o.p;
  img += o.img;
  li += o.li;
  input += o.input;
  embed += o.embed;
  return *this;
}

Counts& Counts::operator-=(const Counts& o) {
  text -= o.text;
  links -= o.links;
  commas -= o.commas;
  headings -= o.headings;
  p -= o.p;
  img -= o.img;
  li -= o.li;
  input -= o.input;
  embed -= o.embed;
  return *this;
}

std::uint32_t tag_flags(std::string_view tag) {
  const auto& table = tag_table();
  auto it = table.find(tag);
  return it == table.end() ? 0u : it->second;
}

int class_weight(const xmlNode* n) {
  int weight = 0;
  for (const char* name : {"class", "id"}) {
    std::string value = lower_attr(n, name);
    if (value.empty()) continue;
    if (contains_any(value, kNegative)) weight -= 25;
    if (contains_any(value, kPositive)) weight += 25;
  }
  return weight;
}

Blocks build_blocks(const xmlNode* root, const BlockOptions& options) {
  Blocks out;
  Builder builder(options, out);
  builder.start_root(root);
  bool first = true;
  walk(
      root,
      [&](const xmlNode* n) {
        if (first) {  // the root is already block 0
          first = false;
          return true;
        }
        return builder.enter(n);
      },
      [&](const xmlNode* n) {
        if (n != root) builder.leave(n);
      });
  builder.finish();
  return out;
}

}  // namespace morgue::html
