#include "extract/html_text.h"

#include <algorithm>
#include <unordered_set>

#include "extract/html_blocks.h"
#include "extract/html_dom.h"

namespace morgue::html {
namespace {

constexpr int kMinParagraphChars = 25;
constexpr int kShortResultChars = 500;
constexpr std::size_t kTopCandidates = 5;

double link_density(const Counts& c) { return c.text > 0 ? static_cast<double>(c.links) / c.text : 0.0; }

double base_score(const Block& b) {
  std::string_view tag = tag_of(b.node);
  if (tag == "div") return 5;
  if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
  if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" || tag == "li" ||
      tag == "form") {
    return -3;
  }
  if ((b.flags & kHeading) || tag == "th") return -5;
  return 0;
}

void ensure_scored(Block& b) {
  if (b.scored) return;
  b.scored = true;
  b.score = base_score(b) + b.class_weight;
}

// Each paragraph of 25+ characters gives its container's ancestors points for
// its commas and length, shared out less the further up they are.
void score_paragraphs(Blocks& bl) {
  for (const Unit& u : bl.units) {
    if (u.chars < kMinParagraphChars) continue;
    const Block& c = bl.blocks[static_cast<std::size_t>(u.container)];
    // A paragraph element votes for its parent; a run of text inside a bigger
    // container (split off by blocks or <br><br>) votes for that container.
    if (!(c.flags & (kScoreTag | kDivLike))) continue;
    int level0 = c.block_children ? u.container : c.parent;
    double points = 1 + u.commas + std::min(u.chars / 100, 3);
    int a = level0;
    for (int level = 0; level < 5 && a >= 0; ++level) {
      Block& b = bl.blocks[static_cast<std::size_t>(a)];
      ensure_scored(b);
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      b.score += points / divider;
      a = b.parent;
    }
  }
  for (Block& b : bl.blocks) {
    if (b.scored) b.score *= 1 - link_density(b.total);
  }
}

std::vector<int> subtree_ends(const Blocks& bl) {
  std::vector<int> end(bl.blocks.size());
  for (std::size_t i = 0; i < end.size(); ++i) end[i] = static_cast<int>(i) + 1;
  for (std::size_t i = end.size(); i-- > 1;) {
    int p = bl.blocks[i].parent;
    if (p >= 0) end[static_cast<std::size_t>(p)] = std::max(end[static_cast<std::size_t>(p)], end[i]);
  }
  return end;
}

std::vector<int> ancestors(const Blocks& bl, int i) {
  std::vector<int> out;
  for (int a = bl.blocks[static_cast<std::size_t>(i)].parent; a >= 0; a = bl.blocks[static_cast<std::size_t>(a)].parent) {
    out.push_back(a);
  }
  return out;
}

// Readability's choice of the best container, including its two corrections:
// a common ancestor of several strong candidates wins over any one of them,
// and a parent that scores better than its child is taken instead.
int choose_top(Blocks& bl, const std::vector<int>& end) {
  std::vector<int> top;
  for (std::size_t i = 0; i < bl.blocks.size(); ++i) {
    if (bl.blocks[i].scored) top.push_back(static_cast<int>(i));
  }
  auto by_score = [&](int a, int b) { return bl.blocks[static_cast<std::size_t>(a)].score > bl.blocks[static_cast<std::size_t>(b)].score; };
  std::size_t keep = std::min(top.size(), kTopCandidates);
  std::partial_sort(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(keep), top.end(), by_score);
  top.resize(keep);
  if (top.empty() || top[0] == 0) return 0;
  int best = top[0];
  auto at = [&](int i) -> Block& { return bl.blocks[static_cast<std::size_t>(i)]; };

  std::vector<std::unordered_set<int>> alternatives;
  for (std::size_t k = 1; k < top.size(); ++k) {
    if (at(top[k]).score / at(best).score >= 0.75) {
      std::vector<int> anc = ancestors(bl, top[k]);
      alternatives.emplace_back(anc.begin(), anc.end());
    }
  }
  if (alternatives.size() >= 3) {
    for (int p = at(best).parent; p > 0; p = at(p).parent) {
      int lists = 0;
      for (const auto& set : alternatives) lists += set.count(p) ? 1 : 0;
      if (lists >= 3) {
        best = p;
        break;
      }
    }
  }
  ensure_scored(at(best));

  double last = at(best).score;
  double threshold = last / 3;
  for (int p = at(best).parent; p > 0; p = at(p).parent) {
    if (!at(p).scored) continue;
    if (at(p).score < threshold) break;
    if (at(p).score > last) {
      best = p;
      break;
    }
    last = at(p).score;
  }
  // A lone child carries no more than its parent: widen to the parent.
  for (int p = at(best).parent; p > 0; p = at(p).parent) {
    bool only_child = end[static_cast<std::size_t>(p)] == end[static_cast<std::size_t>(best)] && best == p + 1 &&
                      at(p).own.text == 0;
    if (!only_child) break;
    ensure_scored(at(p));
    best = p;
  }
  return best;
}

bool looks_like_paragraph(const Counts& c, std::string_view text) {
  double ld = link_density(c);
  if (c.text > 80 && ld < 0.25) return true;
  if (c.text > 0 && c.text <= 80 && ld == 0) {
    return text.find(". ") != std::string_view::npos || (!text.empty() && text.back() == '.');
  }
  return false;
}

struct Selection {
  std::vector<char> block_roots;  // blocks kept with their subtree
  std::vector<char> units;        // single units kept on their own
};

Selection select_content(const Blocks& bl, const std::vector<int>& end, int best) {
  Selection sel{std::vector<char>(bl.blocks.size(), 0), std::vector<char>(bl.units.size(), 0)};
  const Block& top = bl.blocks[static_cast<std::size_t>(best)];
  sel.block_roots[static_cast<std::size_t>(best)] = 1;
  int p = top.parent;
  if (p < 0) return sel;
  double threshold = std::max(10.0, top.score * 0.2);
  std::string_view top_class = attr_of(top.node, "class");
  // Text of blocks that hold only inline content, for the sentence test.
  for (int i = p + 1; i < end[static_cast<std::size_t>(p)]; i = end[static_cast<std::size_t>(i)]) {
    if (i == best) continue;
    const Block& s = bl.blocks[static_cast<std::size_t>(i)];
    double bonus = !top_class.empty() && attr_of(s.node, "class") == top_class ? top.score * 0.2 : 0;
    if (s.scored && s.score + bonus >= threshold) {
      sel.block_roots[static_cast<std::size_t>(i)] = 1;
    } else if (((s.flags & kDivLike) && !s.block_children) || tag_of(s.node) == "p") {
      std::string text;
      for (const Unit& u : bl.units) {
        if (u.container == i) text += u.text;
      }
      if (looks_like_paragraph(s.total, text)) sel.block_roots[static_cast<std::size_t>(i)] = 1;
    }
  }
  // Subheads between kept siblings belong to the story.
  int last_kept = -1;
  for (int i = p + 1; i < end[static_cast<std::size_t>(p)]; i = end[static_cast<std::size_t>(i)]) {
    const Block& s = bl.blocks[static_cast<std::size_t>(i)];
    if (sel.block_roots[static_cast<std::size_t>(i)]) {
      last_kept = i;
      continue;
    }
    int next = end[static_cast<std::size_t>(i)];
    bool next_kept = next < end[static_cast<std::size_t>(p)] && sel.block_roots[static_cast<std::size_t>(next)];
    if ((s.flags & kHeading) && last_kept >= 0 && next_kept && s.total.text < 200) {
      sel.block_roots[static_cast<std::size_t>(i)] = 1;
    }
  }
  for (std::size_t k = 0; k < bl.units.size(); ++k) {
    const Unit& u = bl.units[k];
    if (u.container != p) continue;
    Counts c;
    c.text = u.chars;
    c.links = u.links;
    if (looks_like_paragraph(c, u.text)) sel.units[k] = 1;
  }
  return sel;
}

bool should_clean(const Block& b, const Counts& c) {
  int weight = b.class_weight;
  if (weight < 0) return true;
  if (c.commas >= 10) return false;
  bool is_list = (b.flags & kList) != 0;
  double ld = link_density(c);
  double heading_density = c.text > 0 ? static_cast<double>(c.headings) / c.text : 0.0;
  int li = c.li - 100;
  return (c.img > 1 && static_cast<double>(c.p) / c.img < 0.5) || (!is_list && li > c.p) || (c.input > c.p / 3) ||
         (!is_list && heading_density < 0.9 && c.text < 25 && (c.img == 0 || c.img > 2)) ||
         (!is_list && weight < 25 && ld > 0.2) || (weight >= 25 && ld > 0.5) || (is_list && ld > 0.5) ||
         (c.embed == 1 && c.text < 75) || c.embed > 1;
}

// Which blocks survive: inside a selected root and not cleaned away. Cleaning
// goes bottom-up (children first), each decision seeing its subtree without
// the parts already removed, as readability does; `removed` carries those
// parts upwards so that the pass stays linear.
std::vector<char> kept_blocks(const Blocks& bl, const Selection& sel, const BlockOptions& options) {
  std::size_t n = bl.blocks.size();
  std::vector<char> inside(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    int p = bl.blocks[i].parent;
    inside[i] = sel.block_roots[i] || (p >= 0 && inside[static_cast<std::size_t>(p)]);
  }
  std::vector<char> cleaned(n, 0);
  if (options.clean_conditionally) {
    std::vector<Counts> removed(n);
    for (std::size_t i = n; i-- > 0;) {
      if (!inside[i]) continue;
      const Block& b = bl.blocks[i];
      Counts left = b.total;
      left -= removed[i];
      bool heading_out = (b.flags & kHeading) && b.class_weight < 0;
      if (((b.flags & kCleanable) && should_clean(b, left)) || heading_out) cleaned[i] = 1;
      if (b.parent >= 0) removed[static_cast<std::size_t>(b.parent)] += cleaned[i] ? b.total : removed[i];
    }
  }
  std::vector<char> keep(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    int p = bl.blocks[i].parent;
    keep[i] = (sel.block_roots[i] || (p >= 0 && keep[static_cast<std::size_t>(p)])) && !cleaned[i];
  }
  return keep;
}

MainText attempt(const xmlNode* root, const BlockOptions& options, int& chars) {
  Blocks bl = build_blocks(root, options);
  score_paragraphs(bl);
  std::vector<int> end = subtree_ends(bl);
  int best = choose_top(bl, end);
  Selection sel = select_content(bl, end, best);
  std::vector<char> keep = kept_blocks(bl, sel, options);

  MainText out;
  chars = 0;
  int first_kept = -1;
  for (std::size_t k = 0; k < bl.units.size(); ++k) {
    const Unit& u = bl.units[k];
    bool kept = sel.units[k] || (keep[static_cast<std::size_t>(u.container)] &&
                                 !(u.container == bl.blocks[static_cast<std::size_t>(best)].parent));
    if (!kept) continue;
    if (first_kept < 0) first_kept = static_cast<int>(k);
    chars += u.chars;
    out.paragraphs.push_back(u.text);
  }
  // Short lines around the story's start: datelines and bylines live there.
  if (first_kept >= 0) {
    std::size_t from = static_cast<std::size_t>(std::max(0, first_kept - 8));
    std::size_t to = std::min(bl.units.size(), static_cast<std::size_t>(first_kept) + 3);
    for (std::size_t k = from; k < to; ++k) {
      if (bl.units[k].chars <= 150) out.lead_lines.push_back(bl.units[k].text);
    }
  }
  return out;
}

}  // namespace

MainText extract_main_text(const xmlNode* root) {
  BlockOptions options;
  MainText best;
  int best_chars = -1;
  // The last round is for broken pages whose story sits inside a never-closed
  // <header> or navigation element.
  for (int round = 0; round < 5; ++round) {
    if (round == 1) options.strip_unlikely = false;
    if (round == 2) options.weight_classes = false;
    if (round == 3) options.clean_conditionally = false;
    if (round == 4) options.skip_structural = false;
    int chars = 0;
    MainText text = attempt(root, options, chars);
    if (chars > best_chars) {
      best_chars = chars;
      best = std::move(text);
    }
    if (chars >= kShortResultChars) break;
  }
  return best;
}

}  // namespace morgue::html
